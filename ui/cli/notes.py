"""The `notes` commands: memories, jokes, facts and preferences about a person."""

from __future__ import annotations

import argparse
import sys

from beautifulletters import notesense, words
from beautifulletters.archive import Archive, note_reading
from beautifulletters.i18n import _
from beautifulletters.records import Note
from ui.cli.common import EXIT_OK, UsageError, add_command, add_group
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


def _add_note_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--about", choices=notesense.ABOUT, help=_("who the note is about, when it does not say"))
    parser.add_argument("--mood", choices=notesense.MOODS, help=_("happy, funny, tender, sad or loss"))
    parser.add_argument(
        "--phrasing", help=_('how it reads in a letter, as you would write it ("you taught me to swim")')
    )
    parser.add_argument(
        "--happened-on",
        metavar="DATE",
        help=_("when it happened (YYYY, YYYY-MM or a day), where the note's own words are vague or wrong"),
    )
    parser.add_argument(
        "--scope", choices=["relationship", "person"], help=_("only this relationship's letters, or every signer's")
    )


# ----------------------------------------------------------- notes and friends
def _note_json(note: Note) -> dict[str, object]:
    return {**note.as_json(), "letter_phrasing": note_reading.preview(note)}


def _say_phrasing(note: Note) -> None:
    """How the note will read in a letter, or why it will be left out (on stderr: the id stays on stdout)."""
    preview = note_reading.preview(note)
    if preview:
        print(_("In a letter: {text}").format(text=preview), file=sys.stderr)
    else:
        print(
            _("This note will be left out of letters: {reason}. Give --phrasing to say how it should read.").format(
                reason=notesense.reason_said(note.problem)
            ),
            file=sys.stderr,
        )


def notes_add(args: argparse.Namespace, archive: Archive) -> int:
    note_id = archive.notes.add(
        args.person_id,
        args.text,
        tag=args.tag,
        about_relationship_from=args.about_relationship,
        noted_on=args.date,
        about=args.about,
        mood=args.mood,
        phrasing=args.phrasing,
        scope=args.scope,
        happened_on=args.happened_on,
    )
    note = archive.notes.get(note_id)
    if args.json:
        _print_json(_note_json(note))
    else:
        print(note_id)
        _say_phrasing(note)
    return EXIT_OK


def notes_list(args: argparse.Namespace, archive: Archive) -> int:
    archive.people.get(args.person_id)
    notes = archive.notes.for_person(args.person_id)
    if args.json:
        _print_json([_note_json(note) for note in notes])
    else:
        for note in notes:
            print(f"{note.id:>6}  [{words.note_tag(note.tag)}] {note.text}")
            preview = note_reading.preview(note)
            left_out = _("left out of letters: {reason}").format(reason=notesense.reason_said(note.problem))
            print(f"        {preview or left_out}")
    return EXIT_OK


def notes_edit(args: argparse.Namespace, archive: Archive) -> int:
    if all(getattr(args, k) is None for k in ("text", "tag", "about", "mood", "phrasing", "scope", "happened_on")):
        raise UsageError(
            _("nothing to change: give --text, --tag, --about, --mood, --phrasing, --happened-on or --scope")
        )
    archive.notes.update(
        args.id,
        text=args.text,
        tag=args.tag,
        about=args.about,
        mood=args.mood,
        phrasing=args.phrasing,
        scope=args.scope,
        happened_on=args.happened_on,
    )
    _say_phrasing(archive.notes.get(args.id))
    return EXIT_OK


def notes_remove(args: argparse.Namespace, archive: Archive) -> int:
    archive.notes.remove(args.id)
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser, json_option: argparse.ArgumentParser
) -> None:
    notes = add_group(commands, common, "notes", _("memories, jokes, facts and preferences"))
    sub = add_command(notes, "add", notes_add, _("add a note to a person; prints the new id"), [common, json_option])
    sub.add_argument("person_id", type=_id)
    sub.add_argument("text")
    sub.add_argument("--tag", default="note", help=_("memory, joke, fact, preference, or your own"))
    sub.add_argument(
        "--about-relationship",
        type=_id,
        metavar="FROM_ID",
        help=_("the note is about the relationship from this person"),
    )
    sub.add_argument("--date", help=_("when it happened (YYYY, YYYY-MM or YYYY-MM-DD)"))
    _add_note_reading_options(sub)
    sub = add_command(notes, "list", notes_list, _("a person's notes"), [common, json_option])
    sub.add_argument("person_id", type=_id)
    sub = add_command(notes, "edit", notes_edit, _("change a note"), [common])
    sub.add_argument("id", type=_id)
    sub.add_argument("--text")
    sub.add_argument("--tag")
    _add_note_reading_options(sub)
    sub = add_command(notes, "remove", notes_remove, _("remove a note"), [common])
    sub.add_argument("id", type=_id)
