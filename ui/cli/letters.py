"""The `letters` group and its own commands: list, show, search, status (other modules add draft, export...)."""

from __future__ import annotations

import argparse
import sys

from beautifulletters import humandates, words
from beautifulletters.archive import Archive, trash
from beautifulletters.dates import date_on_letter
from beautifulletters.i18n import _, n_
from ui.cli.common import EXIT_OK, UsageError, add_command, add_group
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


# --------------------------------------------------------------------- letters
def letters_list(args: argparse.Namespace, archive: Archive) -> int:
    if args.trash:
        return _list_trash(args, archive)
    letters = archive.letters.all(to=args.to, signer=args.signer)
    if args.json:
        _print_json(letters)
        return EXIT_OK
    if not letters:
        print(_("No letters yet."))
    for letter in letters:
        print(
            f"{letter.id:>6}  {letter.created_at[:10]}  {words.letter_status(letter.status):<5}  "
            f"{letter.signer_name} → {letter.recipient_name}" + (f"  ({letter.occasion})" if letter.occasion else "")
        )
    return EXIT_OK


def _list_trash(args: argparse.Namespace, archive: Archive) -> int:
    letters = trash.list_trash(archive)
    if args.json:
        _print_json(letters)
        return EXIT_OK
    if not letters:
        print(_("The trash is empty."))
    for letter in letters:
        title = letter.title or (letter.occasion or _("letter"))
        said = _("{title} to {name}  (deleted {date})").format(
            title=title,
            name=letter.recipient_name or _("someone deleted"),
            date=humandates.near_date(letter.deleted_at),
        )
        print(f"{letter.id:>6}  {said}")
    return EXIT_OK


def letters_delete(args: argparse.Namespace, archive: Archive) -> int:
    letter = trash.delete_letter(archive, args.id)
    if args.json:
        _print_json({"id": args.id, "trashed": True})
        return EXIT_OK
    title = letter.title or _("the letter")
    print(
        _("Moved {title} (letter {id}) to the trash; `letters undelete {id}` brings it back.").format(
            title=title, id=args.id
        ),
        file=sys.stderr,
    )
    return EXIT_OK


def letters_undelete(args: argparse.Namespace, archive: Archive) -> int:
    letter = trash.undelete_letter(archive, args.id)
    if args.json:
        _print_json(letter)
        return EXIT_OK
    print(_("Letter {id} is back, with every revision.").format(id=args.id), file=sys.stderr)
    return EXIT_OK


def letters_empty_trash(args: argparse.Namespace, archive: Archive) -> int:
    removed = trash.empty_trash(archive)
    print(
        n_(
            "Emptied the trash: {count} letter deleted for good.",
            "Emptied the trash: {count} letters deleted for good.",
            removed,
        ).format(count=removed),
        file=sys.stderr,
    )
    return EXIT_OK


def letters_show(args: argparse.Namespace, archive: Archive) -> int:
    letter = archive.letters.get(args.id)
    if args.json:
        _print_json({**letter.as_json(), "revisions": archive.letters.revisions(args.id)} if args.revisions else letter)
        return EXIT_OK
    signer = archive.people.get(letter.signer_id).display_name
    recipient = archive.people.get(letter.recipient_id).display_name
    status = words.letter_status(letter.status)
    if letter.sent_on:
        status = _("{status} on {date}").format(status=status, date=letter.sent_on)
    revisions = n_("{count} revision", "{count} revisions", letter.revision_count).format(count=letter.revision_count)
    print(
        _("Letter {id}: {signer} → {recipient}, {status}, {revisions}").format(
            id=letter.id, signer=signer, recipient=recipient, status=status, revisions=revisions
        )
    )
    print(_("Dated {date}").format(date=humandates.full_date(date_on_letter(letter))))
    print()
    print(letter.body_text)
    if args.revisions:
        print()
        for revision in archive.letters.revisions(args.id):
            print(
                _("revision {id}  {when}  {count} characters").format(
                    id=revision.id, when=revision.updated_at, count=revision.size
                )
            )
    return EXIT_OK


def letters_search(args: argparse.Namespace, archive: Archive) -> int:
    letters = archive.search.letters(args.query)
    if args.json:
        _print_json(letters)
        return EXIT_OK
    if not letters:
        print(_("No letters match."))
    for letter in letters:
        excerpt = " ".join(letter.excerpt.split())[:80]
        print(f"{letter.id:>6}  {letter.created_at[:10]}  {letter.recipient_name}: {excerpt}…")
    return EXIT_OK


def letters_status(args: argparse.Namespace, archive: Archive) -> int:
    archive.letters.update(args.id, status=args.status, sent_on=args.sent_on)
    return EXIT_OK


# `--dated auto` gives a letter back the date its occasion says (or the day it was written).
_AUTO = "auto"


def letters_edit(args: argparse.Namespace, archive: Archive) -> int:
    """Change a letter's details; for now the date it bears (--dated)."""
    if args.dated is None:
        raise UsageError(_("say what to change, e.g. --dated 2026-12-20."))
    archive.letters.update(args.id, dated=None if args.dated.strip().lower() == _AUTO else args.dated)
    letter = archive.letters.get(args.id)
    if args.json:
        _print_json(letter)
        return EXIT_OK
    print(
        _("Letter {id} is dated {date}.").format(id=letter.id, date=humandates.full_date(date_on_letter(letter))),
        file=sys.stderr,
    )
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser, json_option: argparse.ArgumentParser
) -> argparse._SubParsersAction:
    """Add the `letters` group with list, show, search and status; returns it for the modules that add more."""
    letters = add_group(commands, common, "letters", _("letters and their revisions"))
    sub = add_command(letters, "list", letters_list, _("list letters, newest first"), [common, json_option])
    sub.add_argument("--to", type=_id, metavar="ID")
    sub.add_argument("--from", dest="signer", type=_id, metavar="ID")
    sub.add_argument("--trash", action="store_true", help=_("list the letters in the trash instead"))
    sub = add_command(letters, "delete", letters_delete, _("move a letter to the trash"), [common, json_option])
    sub.add_argument("id", type=_id)
    sub = add_command(
        letters, "undelete", letters_undelete, _("bring a letter back from the trash"), [common, json_option]
    )
    sub.add_argument("id", type=_id)
    add_command(letters, "empty-trash", letters_empty_trash, _("delete the letters in the trash for good"), [common])
    sub = add_command(letters, "show", letters_show, _("show a letter"), [common, json_option])
    sub.add_argument("id", type=_id)
    sub.add_argument("--revisions", action="store_true", help=_("also list its revisions"))
    sub = add_command(letters, "search", letters_search, _("full-text search of letters"), [common, json_option])
    sub.add_argument("query")
    sub = add_command(letters, "status", letters_status, _("mark a letter draft, final or sent"), [common])
    sub.add_argument("id", type=_id)
    sub.add_argument("status", choices=["draft", "final", "sent"])
    sub.add_argument("--sent-on", help=_("the date it was sent (default today)"))
    sub = add_command(
        letters, "edit", letters_edit, _("change a letter's details: the date it bears"), [common, json_option]
    )
    sub.add_argument("id", type=_id)
    sub.add_argument(
        "--dated",
        metavar="DATE",
        help=_(
            "the date printed at the top of the letter, e.g. 2026-12-20; `auto`: its occasion's day when that is"
            " ahead of the day it was written, else that day"
        ),
    )

    return letters
