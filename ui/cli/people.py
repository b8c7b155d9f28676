"""The `people` commands: add, list, show, edit and remove the people you write to."""

from __future__ import annotations

import argparse
import sys

from beautifulletters import humandates, images, words
from beautifulletters.archive import Archive
from beautifulletters.dates import counts_years
from beautifulletters.i18n import _
from beautifulletters.records import Person, PersonFields
from ui.cli.common import EXIT_OK, UsageError, add_command, add_group
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


# ---------------------------------------------------------------------- people
def _person_fields(args: argparse.Namespace) -> PersonFields:
    """Only the options that were given; an empty value clears a field."""

    def text(option: str) -> str | None:
        value: str = getattr(args, option)
        return value if value != "" else None

    def texts(option: str) -> list[str]:
        return [v for v in getattr(args, option) if v != ""]

    fields = PersonFields()
    if args.full_name is not None:
        fields["full_name"] = text("full_name")
    if args.nickname is not None:
        fields["nickname"] = text("nickname")
    if args.pronouns is not None:
        fields["pronouns"] = text("pronouns")
    if args.birthday is not None:
        fields["birthday"] = text("birthday")
    if args.language is not None:
        fields["language"] = text("language")
    if args.notes is not None:
        fields["notes"] = text("notes")
    if args.pronunciation is not None:
        fields["pronunciation"] = text("pronunciation")
    if args.died_on is not None:
        fields["died_on"] = text("died_on")
    if args.email is not None:
        fields["emails"] = texts("email")
    if args.address is not None:
        fields["addresses"] = texts("address")
    if args.phone is not None:
        fields["phones"] = texts("phone")
    if args.tag is not None:
        fields["tags"] = texts("tag")
    if args.photo is not None:
        if args.photo == "":
            fields["photo"] = None
        else:
            fields["photo"] = images.read_photo(args.photo)
    return fields


def _add_person_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--full-name", dest="full_name")
    parser.add_argument(
        "--nickname", help=_("what everyone calls them (a name only one signer uses: relationship set --calls-them)")
    )
    parser.add_argument("--pronouns", help=_("he, she, they, or five forms: ze/zir/zir/zirs/zirself"))
    parser.add_argument("--birthday", help=_("YYYY-MM-DD, or --MM-DD when the year is unknown"))
    parser.add_argument("--email", action="append", help=_("repeat for several"))
    parser.add_argument("--phone", action="append", help=_("repeat for several"))
    parser.add_argument("--address", action="append", help=_("a postal address; repeat for several"))
    parser.add_argument("--language", help=_("e.g. en, de, fr"))
    parser.add_argument("--tag", action="append", help=_("repeat for several"))
    parser.add_argument("--notes", help=_("free notes about the person"))
    parser.add_argument("--pronunciation", help=_('how to say their name, e.g. "lo-RET-ah"'))
    parser.add_argument("--photo", help=_("an image file"))
    parser.add_argument(
        "--died-on",
        dest="died_on",
        help=_("the day (YYYY-MM-DD, YYYY-MM or YYYY) they died; letters to them are written as such"),
    )


def people_add(args: argparse.Namespace, archive: Archive) -> int:
    fields = _person_fields(args)
    fields["display_name"] = args.name
    person_id = archive.people.add(**fields)
    if args.json:
        _print_json(archive.people.get(person_id).as_json())
    else:
        print(person_id)
    return EXIT_OK


def people_edit(args: argparse.Namespace, archive: Archive) -> int:
    fields = _person_fields(args)
    if args.name is not None:
        fields["display_name"] = args.name
    if not fields:
        raise UsageError(_("nothing to change: give at least one option such as --nickname"))
    archive.people.update(args.id, **fields)
    if args.json:
        _print_json(archive.people.get(args.id).as_json())
    return EXIT_OK


def people_list(args: argparse.Namespace, archive: Archive) -> int:
    people = archive.search.people(search=args.search, tag=args.tag, sort=args.sort)
    if args.json:
        _print_json([p.as_json() for p in people])
        return EXIT_OK
    if not people:
        print(_("No people match.") if (args.search or args.tag) else _("The archive has no people yet."))
        return EXIT_OK
    for person in people:
        extras = []
        if person.nickname:
            extras.append(f"“{person.nickname}”")
        if person.tags:
            extras.append("#" + " #".join(person.tags))
        if person.is_self:
            extras.append(_("(you)"))
        print(f"{person.id:>6}  {person.display_name}" + ("  " + "  ".join(extras) if extras else ""))
    return EXIT_OK


def _birthday(person: Person) -> str:
    """'14 September 1946 · turns 80 on 14 September'; for someone who died, the date alone."""
    birthday = person.birthday or ""
    return humandates.partial_date(birthday) if person.died_on else humandates.birthday(birthday)


def people_show(args: argparse.Namespace, archive: Archive) -> int:
    person = archive.people.get(args.id)
    if args.json:
        _print_json(person.as_json())
        return EXIT_OK
    heading = _("{name} (id {id})").format(name=person.display_name, id=person.id)
    print(heading + ("  " + _("[sample]") if person.is_sample else ""))
    labels = [
        (_("Full name"), person.full_name),
        (_("Called"), person.nickname),
        (_("Pronouns"), person.pronouns),
        (_("Birthday"), _birthday(person) if person.birthday else None),
        (_("Language"), person.language),
        (_("Say it"), person.pronunciation),
        (_("Died"), person.died_on),
    ]
    for label, value in labels:
        if value:
            print(f"  {label}: {value}")
    for label, values in ((_("Email"), person.emails), (_("Phone"), person.phones), (_("Tags"), person.tags)):
        if values:
            print(f"  {label}: {', '.join(values)}")
    for address in person.addresses:
        print("  " + _("Address: {address}").format(address=address.replace("\n", ", ")))
    if person.notes:
        print("  " + _("Notes: {notes}").format(notes=person.notes))
    relationships = archive.relationships.for_person(person.id)
    for rel in relationships:
        other_id = rel.to_id if rel.from_id == person.id else rel.from_id
        other = archive.people.get(other_id).display_name
        kind = words.relationship_kind(rel.kind)
        if rel.to_id == person.id:
            line = _("{kind} of {name}").format(kind=kind[:1].upper() + kind[1:], name=other)
        else:
            line = _("Writes to {name} ({kind})").format(name=other, kind=kind)
        if rel.since:
            # Years are counted only while it lasts and both live ("· 50 years on 24 December").
            quiet = rel.ended_on or rel.end_kind or person.died_on
            since = humandates.partial_date(rel.since) if quiet else humandates.since(rel.since)
            line = _("{relationship}, since {date}").format(relationship=line, date=since)
        parts = [line]
        if rel.pet_names:
            names = ", ".join(rel.pet_names)
            mine = rel.from_id == person.id
            parts.append((_("calls them {names}") if mine else _("called {names}")).format(names=names))
        if rel.signs_as:
            parts.append(_("signs “{name}”").format(name=rel.signs_as))
        if rel.ended_on or rel.end_kind:
            ended = _("ended ({how})").format(how=rel.end_kind) if rel.end_kind else _("ended")
            parts.append(f"{ended} {rel.ended_on}" if rel.ended_on else ended)
        print("  " + "; ".join(parts))
    for note in archive.notes.for_person(person.id):
        print(f"  [{words.note_tag(note.tag)}] {note.text}  " + _("(note {id})").format(id=note.id))
    for date in archive.dates.for_person(person.id):
        counted = date.yearly and counts_years(date, person, relationships)
        shown = humandates.since(date.date) if counted else humandates.partial_date(date.date)
        print(f"  {words.date_kind(date.kind)}: {shown}" + (f" — {date.label}" if date.label else ""))
    letters = archive.letters.all(to=person.id)
    if letters:
        latest = letters[0]
        when = (
            humandates.sent_on(latest.sent_on)
            if latest.sent_on
            else _("written on {date}").format(date=humandates.near_date(latest.created_at))
        )
        print("  " + _("Letters received: {count}, the latest {when}").format(count=len(letters), when=when))
    return EXIT_OK


def people_remove(args: argparse.Namespace, archive: Archive) -> int:
    name = archive.people.get(args.id).display_name
    archive.people.remove(args.id, with_letters=args.with_letters)
    print(_("Removed {name}.").format(name=name), file=sys.stderr)
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser, json_option: argparse.ArgumentParser
) -> None:
    people = add_group(commands, common, "people", _("the people you write to"))
    sub = add_command(people, "add", people_add, _("add a person; prints the new id"), [common, json_option])
    sub.add_argument("name")
    _add_person_options(sub)
    sub = add_command(people, "list", people_list, _("list people"), [common, json_option])
    sub.add_argument("--search", help=_("names, nicknames, notes and letter text"))
    sub.add_argument("--tag")
    sub.add_argument("--sort", choices=["name", "last_letter"], default="name")
    sub = add_command(people, "show", people_show, _("everything about a person"), [common, json_option])
    sub.add_argument("id", type=_id)
    sub = add_command(people, "edit", people_edit, _("change a person (only the options given)"), [common, json_option])
    sub.add_argument("id", type=_id)
    sub.add_argument("--name", help=_("the display name"))
    _add_person_options(sub)
    sub = add_command(people, "remove", people_remove, _("remove a person with their notes and dates"), [common])
    sub.add_argument("id", type=_id)
    sub.add_argument("--with-letters", action="store_true", help=_("also remove their letters"))
