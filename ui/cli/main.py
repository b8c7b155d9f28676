"""The `beautifulletters` command: no command opens the window, a command works on the archive.

Exit codes: 0 done, 1 bad input (the message names the field or file), 2 bad usage.
Errors are one sentence on stderr; `--json` output is stable and every record carries its id.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from beautifulletters import humandates, notesense, words
from beautifulletters.archive import Archive, note_reading
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.paths import resolve_archive_path
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

# Options whose value may be a year-less date such as --04-03, which argparse would
# otherwise take for an option of its own.
_DATE_OPTIONS = {"--birthday", "--date", "--since", "--occasion-date"}
_YEARLESS = re.compile(r"^--\d{2}-\d{2}$")

Handler = Callable[[argparse.Namespace, Archive], int]


class UsageError(Exception):
    """Bad usage found after parsing (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _join_yearless_dates(argv: Sequence[str]) -> list[str]:
    result: list[str] = []
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        if item in _DATE_OPTIONS and index + 1 < len(items) and _YEARLESS.match(items[index + 1]):
            result.append(f"{item}={items[index + 1]}")
            index += 2
            continue
        result.append(item)
        index += 1
    return result


# ---------------------------------------------------------------------- people
def _person_fields(args: argparse.Namespace) -> dict[str, Any]:
    """Only the options that were given; an empty value clears a field."""
    fields: dict[str, Any] = {}
    simple = {
        "full_name": "full_name",
        "nickname": "nickname",
        "pronouns": "pronouns",
        "birthday": "birthday",
        "language": "language",
        "notes": "notes",
        "pronunciation": "pronunciation",
        "died_on": "died_on",
    }
    for option, field in simple.items():
        value = getattr(args, option, None)
        if value is not None:
            fields[field] = value if value != "" else None
    for option, field in (("email", "emails"), ("address", "addresses"), ("phone", "phones"), ("tag", "tags")):
        values = getattr(args, option, None)
        if values is not None:
            fields[field] = [v for v in values if v != ""]
    photo = getattr(args, "photo", None)
    if photo is not None:
        if photo == "":
            fields["photo"] = None
        else:
            path = Path(photo)
            try:
                fields["photo"] = path.read_bytes()
            except OSError as error:
                raise ValidationError("photo", f"cannot read {path} ({error.strerror}).") from None
    return fields


def _add_note_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--about", choices=notesense.ABOUT, help="who the note is about, when it does not say")
    parser.add_argument("--mood", choices=notesense.MOODS, help="happy, funny, tender, sad or loss")
    parser.add_argument("--phrasing", help='how it reads in a letter, as you would write it ("you taught me to swim")')
    parser.add_argument(
        "--scope", choices=["relationship", "person"], help="only this relationship's letters, or every signer's"
    )


def _add_person_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--full-name", dest="full_name")
    parser.add_argument(
        "--nickname", help="what everyone calls them (a name only one signer uses: relationship set --calls-them)"
    )
    parser.add_argument("--pronouns", help="he, she, they, or five forms: ze/zir/zir/zirs/zirself")
    parser.add_argument("--birthday", help="YYYY-MM-DD, or --MM-DD when the year is unknown")
    parser.add_argument("--email", action="append", help="repeat for several")
    parser.add_argument("--phone", action="append", help="repeat for several")
    parser.add_argument("--address", action="append", help="a postal address; repeat for several")
    parser.add_argument("--language", help="e.g. en, de, fr")
    parser.add_argument("--tag", action="append", help="repeat for several")
    parser.add_argument("--notes", help="free notes about the person")
    parser.add_argument("--pronunciation", help='how to say their name, e.g. "lo-RET-ah"')
    parser.add_argument("--photo", help="an image file")
    parser.add_argument(
        "--died-on",
        dest="died_on",
        help="the day (YYYY-MM-DD, YYYY-MM or YYYY) they died; letters to them are written as such",
    )


def people_add(args: argparse.Namespace, archive: Archive) -> int:
    fields = _person_fields(args)
    person_id = archive.add_person(display_name=args.name, **fields)
    if args.json:
        _print_json(Archive.person_json(archive.get_person(person_id)))
    else:
        print(person_id)
    return EXIT_OK


def people_edit(args: argparse.Namespace, archive: Archive) -> int:
    fields = _person_fields(args)
    if args.name is not None:
        fields["display_name"] = args.name
    if not fields:
        raise UsageError("nothing to change: give at least one option such as --nickname")
    archive.update_person(args.id, **fields)
    if args.json:
        _print_json(Archive.person_json(archive.get_person(args.id)))
    return EXIT_OK


def people_list(args: argparse.Namespace, archive: Archive) -> int:
    people = archive.list_people(search=args.search, tag=args.tag, sort=args.sort)
    if args.json:
        _print_json([Archive.person_json(p) for p in people])
        return EXIT_OK
    if not people:
        print("No people match." if (args.search or args.tag) else "The archive has no people yet.")
        return EXIT_OK
    for person in people:
        extras = []
        if person["nickname"]:
            extras.append(f"“{person['nickname']}”")
        if person["tags"]:
            extras.append("#" + " #".join(person["tags"]))
        if person["is_self"]:
            extras.append("(you)")
        print(f"{person['id']:>6}  {person['display_name']}" + ("  " + "  ".join(extras) if extras else ""))
    return EXIT_OK


def people_show(args: argparse.Namespace, archive: Archive) -> int:
    person = archive.get_person(args.id)
    if args.json:
        _print_json(Archive.person_json(person))
        return EXIT_OK
    print(f"{person['display_name']} (id {person['id']})" + ("  [sample]" if person["is_sample"] else ""))
    labels = [
        ("full_name", "Full name"),
        ("nickname", "Called"),
        ("pronouns", "Pronouns"),
        ("birthday", "Birthday"),
        ("language", "Language"),
        ("pronunciation", "Say it"),
    ]
    for key, label in labels:
        if person[key]:
            value = humandates.birthday(person[key]) if key == "birthday" else person[key]
            print(f"  {label}: {value}")
    for key, label in (("emails", "Email"), ("phones", "Phone"), ("tags", "Tags")):
        if person[key]:
            print(f"  {label}: {', '.join(person[key])}")
    for address in person["addresses"]:
        print("  Address: " + address.replace("\n", ", "))
    if person["notes"]:
        print(f"  Notes: {person['notes']}")
    for rel in archive.relationships_of(person["id"]):
        other_id = rel["to_id"] if rel["from_id"] == person["id"] else rel["from_id"]
        other = archive.get_person(other_id)["display_name"]
        if rel["to_id"] == person["id"]:
            line = f"  {rel['kind'].capitalize()} of {other}"
        else:
            line = f"  Writes to {other} ({rel['kind']})"
        if rel["since"]:
            line += f", since {humandates.since(rel['since'])}"
        if rel["pet_names"]:
            line += (
                f"; calls them {', '.join(rel['pet_names'])}"
                if rel["from_id"] == person["id"]
                else (f"; called {', '.join(rel['pet_names'])}")
            )
        print(line)
    for note in archive.notes_for(person["id"]):
        print(f"  [{note['tag']}] {note['text']}  (note {note['id']})")
    for date in archive.dates_for(person["id"]):
        shown = humandates.since(date["date"]) if date["yearly"] else humandates.full_date(date["date"])
        print(f"  {date['kind'].capitalize()}: {shown}" + (f" — {date['label']}" if date["label"] else ""))
    letters = archive.list_letters(to=person["id"])
    if letters:
        latest = letters[0]
        when = (
            humandates.sent_on(latest["sent_on"])
            if latest["sent_on"]
            else f"written on {humandates.near_date(latest['created_at'])}"
        )
        print(f"  Letters received: {len(letters)}, the latest {when}")
    return EXIT_OK


def people_remove(args: argparse.Namespace, archive: Archive) -> int:
    name = archive.get_person(args.id)["display_name"]
    archive.remove_person(args.id, with_letters=args.with_letters)
    print(f"Removed {name}.", file=sys.stderr)
    return EXIT_OK


# ----------------------------------------------------------- notes and friends
def _note_json(note: dict[str, Any]) -> dict[str, Any]:
    return {**note, "letter_phrasing": note_reading.preview(note)}


def _say_phrasing(note: dict[str, Any]) -> None:
    """How the note will read in a letter, or why it will be left out (on stderr: the id stays on stdout)."""
    preview = note_reading.preview(note)
    if preview:
        print(f"In a letter: {preview}", file=sys.stderr)
    else:
        print(
            f"This note will be left out of letters: {note['problem']}. Give --phrasing to say how it should read.",
            file=sys.stderr,
        )


def notes_add(args: argparse.Namespace, archive: Archive) -> int:
    note_id = archive.add_note(
        args.person_id,
        args.text,
        tag=args.tag,
        about_relationship_from=args.about_relationship,
        noted_on=args.date,
        about=args.about,
        mood=args.mood,
        phrasing=args.phrasing,
        scope=args.scope,
    )
    note = archive.get_note(note_id)
    if args.json:
        _print_json(_note_json(note))
    else:
        print(note_id)
        _say_phrasing(note)
    return EXIT_OK


def notes_list(args: argparse.Namespace, archive: Archive) -> int:
    archive.get_person(args.person_id)
    notes = archive.notes_for(args.person_id)
    if args.json:
        _print_json([_note_json(note) for note in notes])
    else:
        for note in notes:
            print(f"{note['id']:>6}  [{note['tag']}] {note['text']}")
            preview = note_reading.preview(note)
            print(f"        {preview or 'left out of letters: ' + str(note.get('problem'))}")
    return EXIT_OK


def notes_edit(args: argparse.Namespace, archive: Archive) -> int:
    if all(getattr(args, k) is None for k in ("text", "tag", "about", "mood", "phrasing", "scope")):
        raise UsageError("nothing to change: give --text, --tag, --about, --mood, --phrasing or --scope")
    archive.update_note(
        args.id,
        text=args.text,
        tag=args.tag,
        about=args.about,
        mood=args.mood,
        phrasing=args.phrasing,
        scope=args.scope,
    )
    _say_phrasing(archive.get_note(args.id))
    return EXIT_OK


def notes_remove(args: argparse.Namespace, archive: Archive) -> int:
    archive.remove_note(args.id)
    return EXIT_OK


def relationship_set(args: argparse.Namespace, archive: Archive) -> int:
    fields: dict[str, Any] = {"kind": args.kind}
    if args.since is not None:
        fields["since"] = args.since or None
    if args.how_we_met is not None:
        fields["how_we_met"] = args.how_we_met or None
    if args.pet_name is not None:
        fields["pet_names"] = args.pet_name
    if args.tone is not None:
        fields["tone"] = args.tone or None
    for name in ("ended_on", "end_kind", "signs_as", "calls_them"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name) or None
    rel_id = archive.set_relationship(args.from_id, args.to_id, **fields)
    if args.json:
        _print_json(archive.get_relationship(args.from_id, args.to_id))
    else:
        print(rel_id)
    return EXIT_OK


def relationship_show(args: argparse.Namespace, archive: Archive) -> int:
    archive.get_person(args.from_id)
    archive.get_person(args.to_id)
    rel = archive.get_relationship(args.from_id, args.to_id)
    if rel is None:
        raise ValidationError("relationship", f"there is none from person {args.from_id} to person {args.to_id}.")
    if args.json:
        _print_json(rel)
    else:
        for key in ("kind", "since", "how_we_met", "tone"):
            if rel[key]:
                print(f"{key.replace('_', ' ').capitalize()}: {rel[key]}")
        if rel["pet_names"]:
            print("Pet names: " + ", ".join(rel["pet_names"]))
    return EXIT_OK


def dates_add(args: argparse.Namespace, archive: Archive) -> int:
    date_id = archive.add_date(
        args.person_id,
        kind=args.kind,
        date=args.date,
        label=args.label,
        yearly=not args.once,
        relationship_from=args.relationship_from,
    )
    print(date_id)
    return EXIT_OK


def dates_list(args: argparse.Namespace, archive: Archive) -> int:
    archive.get_person(args.person_id)
    dates = archive.dates_for(args.person_id)
    if args.json:
        _print_json(dates)
    else:
        for date in dates:
            print(f"{date['id']:>6}  {date['kind']:<12} {date['date']}  {date['label'] or ''}".rstrip())
    return EXIT_OK


def upcoming(args: argparse.Namespace, archive: Archive) -> int:
    items = archive.upcoming(days=args.days)
    if args.json:
        _print_json(items)
        return EXIT_OK
    if not items:
        print(f"Nothing in the next {args.days} days.")
    rows = []
    for item in items:
        what = item["label"] or item["kind"].capitalize()
        if item["years"] is not None and item["kind"] == "birthday":
            what += f", turns {item['years']}"
        elif item["years"] is not None and item["kind"] == "anniversary":
            what += f", {humandates.years(item['years'])}"
        rows.append((humandates.near_date(item["date"]), humandates.in_days(item["days_until"]), item, what))
    width = max((len(row[0]) for row in rows), default=0)
    for day, when, item, what in rows:
        print(f"{day:<{width}}  {when:<12} {item['person_name']} — {what}")
    return EXIT_OK


# --------------------------------------------------------------------- letters
def letters_list(args: argparse.Namespace, archive: Archive) -> int:
    letters = archive.list_letters(to=args.to, signer=args.signer)
    if args.json:
        _print_json(letters)
        return EXIT_OK
    if not letters:
        print("No letters yet.")
    for letter in letters:
        print(
            f"{letter['id']:>6}  {letter['created_at'][:10]}  {letter['status']:<5}  "
            f"{letter['signer_name']} → {letter['recipient_name']}"
            + (f"  ({letter['occasion']})" if letter["occasion"] else "")
        )
    return EXIT_OK


def letters_show(args: argparse.Namespace, archive: Archive) -> int:
    letter = archive.get_letter(args.id)
    if args.json:
        if args.revisions:
            letter["revisions"] = archive.revisions(args.id)
        _print_json(letter)
        return EXIT_OK
    signer = archive.get_person(letter["signer_id"])["display_name"]
    recipient = archive.get_person(letter["recipient_id"])["display_name"]
    print(
        f"Letter {letter['id']}: {signer} → {recipient}, {letter['status']}"
        + (f" on {letter['sent_on']}" if letter["sent_on"] else "")
        + f", {words.count(letter['revision_count'], 'revision')}"
    )
    print()
    print(letter["body_text"])
    if args.revisions:
        print()
        for revision in archive.revisions(args.id):
            print(f"revision {revision['id']}  {revision['updated_at']}  {revision['size']} characters")
    return EXIT_OK


def letters_search(args: argparse.Namespace, archive: Archive) -> int:
    letters = archive.search_letters(args.query)
    if args.json:
        _print_json(letters)
        return EXIT_OK
    if not letters:
        print("No letters match.")
    for letter in letters:
        excerpt = " ".join(letter["excerpt"].split())[:80]
        print(f"{letter['id']:>6}  {letter['created_at'][:10]}  {letter['recipient_name']}: {excerpt}…")
    return EXIT_OK


def letters_status(args: argparse.Namespace, archive: Archive) -> int:
    archive.update_letter(args.id, status=args.status, sent_on=args.sent_on)
    return EXIT_OK


# ----------------------------------------------------------------- maintenance
def check(args: argparse.Namespace, archive: Archive) -> int:
    report = archive.check()
    if args.json:
        _print_json(report)
    else:
        print(f"Archive: {report['path']}")
        print("Integrity: " + ("ok" if report["ok"] else "PROBLEMS FOUND"))
        for problem in report["problems"]:
            print(f"  - {problem}")
        print(
            "Contents: " + ", ".join(f"{count} {table.replace('_', ' ')}" for table, count in report["counts"].items())
        )
        print(f"Schema steps applied: {len(report['schema'])}; journal: {report['journal_mode']}")
    return EXIT_OK if report["ok"] else EXIT_BAD_INPUT


def sample_remove(args: argparse.Namespace, archive: Archive) -> int:
    removed = archive.remove_sample()
    print(
        f"Removed the sample correspondence ({removed} people and their letters)."
        if removed
        else "There is no sample correspondence to remove."
    )
    return EXIT_OK


def signer_set(args: argparse.Namespace, archive: Archive) -> int:
    archive.set_default_signer(args.id)
    return EXIT_OK


def signer_show(args: argparse.Namespace, archive: Archive) -> int:
    signer_id = archive.default_signer_id()
    if signer_id is None:
        print("No default signer is set.")
        return EXIT_OK
    person = archive.get_person(signer_id)
    if args.json:
        _print_json(Archive.person_json(person))
    else:
        print(f"{person['id']}  {person['display_name']}")
    return EXIT_OK


# -------------------------------------------------------------------- parsing
# Feature modules that add commands. Each defines
#     register(commands, common, json_option) -> None
# where `commands` is the top-level subparsers action, `common` the parent parser carrying
# --archive and `json_option` the parent parser carrying --json. A handler is set with
# `parser.set_defaults(handler=fn)`; fn(args, archive) returns the exit code.
# `letters` subcommands are added through `letters_actions` (see register_letters_command).
COMMAND_MODULES = (
    "ui.cli.drafting",  # templates ..., letters draft
    "ui.cli.export",  # letters export, merge
    "ui.cli.speech",  # letters speak
    "ui.cli.transfer",  # import, export, backup, restore
    "ui.cli.desk",  # letters open
    "ui.cli.spell",  # spell
    "ui.cli.integration",  # install-desktop, uninstall-desktop
    "ui.cli.remind",  # remind (the login notification)
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--archive",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="archive file (default: $BEAUTIFULLETTERS_ARCHIVE, else the per-user data folder)",
    )
    json_option = argparse.ArgumentParser(add_help=False)
    json_option.add_argument("--json", action="store_true", help="print stable JSON")

    parser = _Parser(
        prog="beautifulletters",
        description="Write personal letters. Without a command, opens the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def group(name: str, help_text: str) -> argparse._SubParsersAction:
        sub = commands.add_parser(name, help=help_text, parents=[common])
        actions = sub.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
        actions.required = True
        return actions

    def command(
        actions: argparse._SubParsersAction, name: str, handler: Handler, help_text: str, *, with_json: bool = False
    ) -> argparse.ArgumentParser:
        parents = [common, json_option] if with_json else [common]
        sub = actions.add_parser(name, help=help_text, parents=parents)
        sub.set_defaults(handler=handler)
        return sub

    people = group("people", "the people you write to")
    sub = command(people, "add", people_add, "add a person; prints the new id", with_json=True)
    sub.add_argument("name")
    _add_person_options(sub)
    sub = command(people, "list", people_list, "list people", with_json=True)
    sub.add_argument("--search", help="names, nicknames, notes and letter text")
    sub.add_argument("--tag")
    sub.add_argument("--sort", choices=["name", "last_letter"], default="name")
    sub = command(people, "show", people_show, "everything about a person", with_json=True)
    sub.add_argument("id", type=_id)
    sub = command(people, "edit", people_edit, "change a person (only the options given)", with_json=True)
    sub.add_argument("id", type=_id)
    sub.add_argument("--name", help="the display name")
    _add_person_options(sub)
    sub = command(people, "remove", people_remove, "remove a person with their notes and dates")
    sub.add_argument("id", type=_id)
    sub.add_argument("--with-letters", action="store_true", help="also remove their letters")

    notes = group("notes", "memories, jokes, facts and preferences")
    sub = command(notes, "add", notes_add, "add a note to a person; prints the new id", with_json=True)
    sub.add_argument("person_id", type=_id)
    sub.add_argument("text")
    sub.add_argument("--tag", default="note", help="memory, joke, fact, preference, or your own")
    sub.add_argument(
        "--about-relationship", type=_id, metavar="FROM_ID", help="the note is about the relationship from this person"
    )
    sub.add_argument("--date", help="when it happened (YYYY, YYYY-MM or YYYY-MM-DD)")
    _add_note_reading_options(sub)
    sub = command(notes, "list", notes_list, "a person's notes", with_json=True)
    sub.add_argument("person_id", type=_id)
    sub = command(notes, "edit", notes_edit, "change a note")
    sub.add_argument("id", type=_id)
    sub.add_argument("--text")
    sub.add_argument("--tag")
    _add_note_reading_options(sub)
    sub = command(notes, "remove", notes_remove, "remove a note")
    sub.add_argument("id", type=_id)

    rel = group("relationship", "what the one who signs is to the one who receives")
    sub = command(rel, "set", relationship_set, "create or update a relationship", with_json=True)
    sub.add_argument("from_id", type=_id, metavar="FROM_ID")
    sub.add_argument("to_id", type=_id, metavar="TO_ID")
    sub.add_argument("--kind", required=True, help="wife, grandson, old friend...")
    sub.add_argument("--since", help="YYYY-MM-DD, YYYY-MM or YYYY")
    sub.add_argument("--how-we-met", dest="how_we_met")
    sub.add_argument("--pet-name", action="append", help="repeat for several")
    sub.add_argument("--tone", help="the tone their letters usually take")
    sub.add_argument("--ended-on", dest="ended_on", help="when the relationship ended (YYYY-MM-DD, YYYY-MM or YYYY)")
    sub.add_argument("--end-kind", dest="end_kind", help="how it ended: divorce, separation, estrangement...")
    sub.add_argument("--signs-as", dest="signs_as", help='how the signer signs to them ("Nana", "Dad")')
    sub.add_argument("--calls-them", dest="calls_them", help='what the signer calls them in a letter ("Bug")')
    sub = command(rel, "show", relationship_show, "show a relationship", with_json=True)
    sub.add_argument("from_id", type=_id, metavar="FROM_ID")
    sub.add_argument("to_id", type=_id, metavar="TO_ID")

    dates = group("dates", "birthdays, anniversaries and other dates")
    sub = command(dates, "add", dates_add, "add a date; prints the new id")
    sub.add_argument("person_id", type=_id)
    sub.add_argument("--kind", required=True, choices=["birthday", "anniversary", "custom"])
    sub.add_argument("--date", required=True, help="YYYY-MM-DD, or --MM-DD without a year")
    sub.add_argument("--label")
    sub.add_argument("--once", action="store_true", help="a one-off date, not yearly")
    sub.add_argument(
        "--relationship-from", type=_id, metavar="FROM_ID", help="the date belongs to the relationship from this person"
    )
    sub = command(dates, "list", dates_list, "a person's dates", with_json=True)
    sub.add_argument("person_id", type=_id)

    sub = commands.add_parser("upcoming", help="dates in the coming days", parents=[common, json_option])
    sub.set_defaults(handler=upcoming)
    sub.add_argument("--days", type=int, default=60)

    letters = group("letters", "letters and their revisions")
    sub = command(letters, "list", letters_list, "list letters, newest first", with_json=True)
    sub.add_argument("--to", type=_id, metavar="ID")
    sub.add_argument("--from", dest="signer", type=_id, metavar="ID")
    sub = command(letters, "show", letters_show, "show a letter", with_json=True)
    sub.add_argument("id", type=_id)
    sub.add_argument("--revisions", action="store_true", help="also list its revisions")
    sub = command(letters, "search", letters_search, "full-text search of letters", with_json=True)
    sub.add_argument("query")
    sub = command(letters, "status", letters_status, "mark a letter draft, final or sent")
    sub.add_argument("id", type=_id)
    sub.add_argument("status", choices=["draft", "final", "sent"])
    sub.add_argument("--sent-on", help="the date it was sent (default today)")

    sub = commands.add_parser("check", help="integrity report of the archive", parents=[common, json_option])
    sub.set_defaults(handler=check)

    sample = group("sample", "the sample correspondence a new archive starts with")
    command(sample, "remove", sample_remove, "remove the sample people and letters")

    signer = group("signer", "the default signer (you)")
    sub = command(signer, "set", signer_set, "sign letters as this person by default")
    sub.add_argument("id", type=_id)
    command(signer, "show", signer_show, "who signs by default", with_json=True)

    parser.letters_actions = letters  # type: ignore[attr-defined]
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        module.register(commands, common, json_option, letters)
    return parser


def _window_only(arguments: Sequence[str]) -> tuple[bool, str | None]:
    """(True, the --archive value) when the arguments only open the window: no command, no help.

    Opening the window then skips building every command's parser, which would import each
    command module (export, speech, transfer...) before the window can appear.
    """
    archive: str | None = None
    items = list(arguments)
    index = 0
    while index < len(items):
        item = items[index]
        if item == "--archive" and index + 1 < len(items) and not items[index + 1].startswith("-"):
            archive = items[index + 1]
            index += 2
        elif item.startswith("--archive=") and len(item) > len("--archive="):
            archive = item[len("--archive=") :]
            index += 1
        else:
            return False, None
    return True, archive


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; returns the exit code."""
    arguments = _join_yearless_dates(sys.argv[1:] if argv is None else argv)
    window_only, archive_option = _window_only(arguments)
    if window_only:
        from ui.window.app import run_window

        return run_window(archive_option)
    parser = build_parser()
    args = parser.parse_args(arguments)
    archive_option = getattr(args, "archive", None)
    if args.command is None:
        from ui.window.app import run_window

        return run_window(archive_option)
    path = resolve_archive_path(archive_option)
    try:
        if getattr(args, "without_archive", False):
            # Commands that work on files alone (spell) never create or open an archive for it.
            return args.handler(args, path)
        if getattr(args, "opens_archive_itself", False):
            # restore must reach an archive too damaged to open: its handler then gets the path.
            try:
                archive = Archive.open(path)
            except BeautifulLettersError:
                return args.handler(args, path)
            with archive:
                return args.handler(args, archive)
        with Archive.open(path) as archive:
            return args.handler(args, archive)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"beautifulletters: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BeautifulLettersError as error:
        print(f"beautifulletters: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def main() -> None:
    try:
        sys.exit(run())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
