"""Command line for print and export: `letters export`, `letters envelope`, `letters anthology`, `merge`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from beautifulletters import fileio
from beautifulletters.errors import ValidationError
from beautifulletters.export.batch import (
    PlannedLetter,
    address_warnings,
    anthology_letter_ids,
    lint_summary,
    select_people,
)
from beautifulletters.export.content import letter_content
from beautifulletters.export.registry import (
    LetterFormat,
    format_for_path,
    letter_format,
    letter_format_names,
    write_letter_content,
)
from beautifulletters.i18n import _, n_
from beautifulletters.preferences import Preferences
from beautifulletters.records import Letter
from beautifulletters.stationery import BUNDLED_FONTS, STATIONERY
from ui.cli.common import EXIT_OK, add_output_options, output_path, print_json
from ui.cli.common import record_id as _id

if TYPE_CHECKING:
    from beautifulletters.archive import Archive


def _id_list(value: str) -> list[int]:
    ids = [_id(part.strip()) for part in value.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError(_("give at least one id, e.g. 1,2,3"))
    return ids


def _check_font(font: str | None) -> None:
    if font is None:
        return
    families = [f.family for f in BUNDLED_FONTS]
    if font not in families:
        raise ValidationError(
            "font",
            _("{font} is not a bundled font; use one of: {fonts}.").format(font=repr(font), fonts=", ".join(families)),
        )


def _check_stationery(stationery: str | None) -> None:
    if stationery is not None and stationery not in STATIONERY:
        raise ValidationError(
            "stationery",
            _("{name} is not stationery; use {names}.").format(name=repr(stationery), names=", ".join(STATIONERY)),
        )


def _warn(message: str) -> None:
    print(_("beautifulletters: warning: {message}").format(message=message), file=sys.stderr)


def _format_of(args: argparse.Namespace) -> LetterFormat:
    if args.format:
        return letter_format(args.format)
    fmt = format_for_path(args.out)
    if fmt is None:
        raise ValidationError(
            "format",
            _("cannot tell the format from {file}; give --format ({formats}).").format(
                file=repr(args.out), formats="|".join(letter_format_names())
            ),
        )
    return fmt


def letters_export(args: argparse.Namespace, archive: Archive) -> int:
    _check_font(args.font)
    _check_stationery(args.stationery)
    fmt = _format_of(args)
    out = output_path(args, archive)
    if fmt.page:
        from ui.printing.session import ensure_gui_application

        ensure_gui_application()
        from ui.printing.layout import prepare_letter
        from ui.printing.pdf import write_page_format

        prepared = prepare_letter(
            archive, args.id, font=args.font, stationery=args.stationery, page_numbers=args.page_numbers
        )
        for warning in prepared.warnings:
            _warn(warning)
        write_page_format(fmt, prepared, out)
    else:
        content = letter_content(archive, args.id, font=args.font, stationery=args.stationery)
        write_letter_content(content, fmt.name, out)
    if args.mark_sent:
        archive.letters.update(args.id, status="sent")
    print(out)
    return EXIT_OK


def letters_envelope(args: argparse.Namespace, archive: Archive) -> int:
    _check_font(args.font)
    from ui.printing.session import ensure_gui_application

    ensure_gui_application()
    from PySide6.QtGui import QPdfWriter

    from ui.printing.envelope import envelope_for, render_envelope

    out = output_path(args, archive)
    letter = archive.letters.get(args.id)
    envelope = envelope_for(
        letter,
        archive.people.get(letter.signer_id),
        archive.people.get(letter.recipient_id),
        size=args.size,
        font=args.font,
    )
    for warning in envelope.recipient.warnings:
        _warn(warning)

    def write(temp: Path) -> None:
        writer = QPdfWriter(str(temp))
        writer.setResolution(1200)
        writer.setTitle(envelope.title)
        writer.setCreator("BeautifulLetters")
        render_envelope(envelope, writer)
        del writer

    fileio.write_file(out, write, verify=fileio.verify_pdf)
    print(out)
    return EXIT_OK


def letters_anthology(args: argparse.Namespace, archive: Archive) -> int:
    from ui.printing.session import ensure_gui_application

    ensure_gui_application()
    from ui.printing.batch import BatchOptions, load_items, write_anthology

    out = output_path(args, archive)
    ids = anthology_letter_ids(archive, args.signer, args.to)
    result = write_anthology(load_items(archive, ids), out, BatchOptions(page_numbers=True))
    print(out)
    letters = n_("{count} letter", "{count} letters", len(ids)).format(count=len(ids))
    pages = n_("{count} page", "{count} pages", result.pages).format(count=result.pages)
    print(_("{letters}, {pages}.").format(letters=letters, pages=pages), file=sys.stderr)
    return EXIT_OK


def merge(args: argparse.Namespace, archive: Archive) -> int:
    """Draft one letter per person from a template, then write them all as PDF."""
    from beautifulletters import drafting

    signer_id = args.signer or archive.settings.default_signer_id()
    if signer_id is None:
        raise ValidationError("from", _("there is no default signer; give --from ID."))
    signer = archive.people.get(signer_id)
    people = select_people(archive, tag=args.tag, search=args.search, ids=args.ids)
    people = [p for p in people if p != signer_id]
    if not people:
        raise ValidationError("recipients", _("the only person chosen is the signer."))
    drafting.catalog.resolve(args.template)  # a bad template name fails before anything is stored
    combined = Path(args.out).suffix.lower() == ".pdf"
    out = output_path(args, archive) if combined else fileio.check_output_folder(args.out, archive_path=archive.path)

    # Drafts and files of one batch land together or not at all: every file is painted and
    # checked first, then the drafts are stored in one transaction with the files renamed into
    # place inside it. A failure (or a kill) before that leaves no drafts, so a rerun never doubles them.
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    plans: list[PlannedLetter] = []
    drafts = []
    items = []
    from ui.printing.batch import BatchItem, BatchOptions, write_batch

    paper = Preferences.load().style_defaults()  # the letters are stored, and painted, on it

    for person_id in people:
        person = archive.people.get(person_id)
        draft = drafting.render_draft(archive, recipient_id=person_id, signer_id=signer_id, template=args.template)
        plans.append(
            PlannedLetter(person_id, person.display_name, warnings=[*draft.warnings, *address_warnings(person)])
        )
        drafts.append(draft)
        letter = Letter(id=0, **drafting.draft_letter_fields(draft, paper), created_at=stamp)  # stored below
        items.append(BatchItem(letter, signer, person))
    for sentence in lint_summary(plans):
        _warn(sentence)

    from ui.printing.session import ensure_gui_application

    ensure_gui_application()

    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total} {name[:40]:<40}", end="", file=sys.stderr, flush=True)

    with fileio.Outputs() as outputs:
        result = write_batch(
            items,
            out,
            BatchOptions(combined=combined, envelopes=args.envelopes, envelope_size=args.envelope_size),
            progress=progress,
            title=_("Letters from {name}").format(name=signer.display_name),
            outputs=outputs,
        )
        outputs.check()
        with archive.transaction():
            for plan, draft in zip(plans, drafts, strict=True):
                plan.letter_id = drafting.store_draft(archive, draft, created_at=stamp, paper=paper)
            outputs.commit()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for note in result.notes:
        _warn(note)
    if args.json:
        files = result.files if not combined else result.files * len(plans)
        print_json(
            [
                {
                    "letter_id": p.letter_id,
                    "person_id": p.person_id,
                    "name": p.name,
                    "file": str(f),
                    "warnings": p.warnings,
                }
                for p, f in zip(plans, files, strict=False)
            ]
        )
    else:
        for path in result.files:
            print(path)
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    sub = letters_actions.add_parser(
        "export",
        help=_("write a letter as {formats}").format(formats=", ".join(letter_format_names())),
        parents=[common],
    )
    sub.set_defaults(handler=letters_export)
    sub.add_argument("id", type=_id)
    sub.add_argument("--format", choices=letter_format_names(), help=_("default: from the file name"))
    add_output_options(sub)
    sub.add_argument("--stationery", metavar="NAME", help=", ".join(STATIONERY))
    sub.add_argument("--font", metavar="NAME", help=_("one of the bundled fonts, e.g. 'Dancing Script'"))
    sub.add_argument("--page-numbers", action="store_true", help=_("number pages from page 2 (pdf)"))
    sub.add_argument("--mark-sent", action="store_true", help=_("also mark the letter as sent today"))

    sub = letters_actions.add_parser("envelope", help=_("an envelope for a letter as PDF"), parents=[common])
    sub.set_defaults(handler=letters_envelope)
    sub.add_argument("id", type=_id)
    sub.add_argument("--size", default="DL", help=_("DL, C5, C6 or US10 (default DL)"))
    add_output_options(sub, metavar="FILE.pdf")
    sub.add_argument("--font", metavar="NAME")

    sub = letters_actions.add_parser(
        "anthology", help=_("every letter from one person to another as one PDF book"), parents=[common]
    )
    sub.set_defaults(handler=letters_anthology)
    sub.add_argument("--from", dest="signer", type=_id, required=True, metavar="ID")
    sub.add_argument("--to", type=_id, required=True, metavar="ID")
    add_output_options(sub, metavar="FILE.pdf")

    sub = commands.add_parser(
        "merge", help=_("draft a letter per person from a template and print them all"), parents=[common, json_option]
    )
    sub.set_defaults(handler=merge)
    sub.add_argument("--template", required=True, metavar="NAME")
    who = sub.add_mutually_exclusive_group(required=True)
    who.add_argument("--tag", metavar="T")
    who.add_argument("--search", metavar="Q")
    who.add_argument("--ids", type=_id_list, metavar="1,2,3")
    add_output_options(
        sub, metavar="DIR|FILE.pdf", help=_("a folder for one PDF per person, or FILE.pdf for one combined PDF")
    )
    sub.add_argument("--from", dest="signer", type=_id, metavar="ID", help=_("who signs (default: you)"))
    sub.add_argument("--envelopes", action="store_true", help=_("an envelope after each letter"))
    sub.add_argument("--envelope-size", default="DL", help=_("DL, C5, C6 or US10"))
