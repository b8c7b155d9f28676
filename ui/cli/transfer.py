"""`import`, `export`, `backup`, `restore` and `backups list` on the command line."""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from beautifulletters import words
from beautifulletters.archive import Archive
from beautifulletters.errors import ArchiveError
from beautifulletters.i18n import _, n_
from beautifulletters.transfer import (
    FORMATS,
    ON_DUPLICATE,
    create_backup,
    export_archive,
    import_file,
    list_backups,
    restore_backup,
    restore_newest_good_backup,
)
from beautifulletters.transfer.archive_json import import_export
from beautifulletters.transfer.ics import DEFAULT_REMIND_DAYS
from ui.cli.common import EXIT_OK, UsageError, add_output_options, output_path, whole_number
from ui.cli.common import print_json as _print_json

# Ctrl+C during an import: the cards stored so far stay, and the report says so (exit 130, as
# for any interrupted command). A second Ctrl+C interrupts at once.
EXIT_INTERRUPTED = 130


@contextmanager
def _interrupt_stops(stop: threading.Event) -> Iterator[None]:
    def stop_at_next_card(_signal: int, _frame: object) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, stop_at_next_card)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def import_contacts(args: argparse.Namespace, archive: Archive) -> int:
    if Path(args.file).suffix.lower() == ".json":
        return import_archive_export(args, archive)
    stop = threading.Event()
    with _interrupt_stops(stop):
        report = import_file(
            archive, Path(args.file), dry_run=args.dry_run, on_duplicate=args.on_duplicate, cancelled=stop.is_set
        )
    code = EXIT_INTERRUPTED if report.stopped else EXIT_OK
    if args.json:
        _print_json(report.as_json())
        return code
    print(report.summary())
    for item in report.items:
        if report.format == "vcard":
            label = _("card {number} (line {line})").format(number=item.number, line=item.line)
        else:
            label = _("row {number} (line {line})").format(number=item.number, line=item.line)
        label += f" {item.name}" if item.name else ""
        if item.action == "skipped":
            print("  " + _("skipped {item}: {reason}").format(item=label, reason=item.reason))
        elif item.possible_duplicates:
            said = _("would add {item}: {reason}") if report.dry_run else _("added {item}: {reason}")
            print("  " + said.format(item=label, reason=item.reason))
        for warning in item.warnings:
            print("  " + _("note on {item}: {note}").format(item=label, note=warning))
    if report.relationships:
        count = report.relationships
        if report.dry_run:
            said = n_(
                "{count} relationship would be linked to people in the archive.",
                "{count} relationships would be linked to people in the archive.",
                count,
            )
        else:
            said = n_(
                "{count} relationship was linked to people in the archive.",
                "{count} relationships were linked to people in the archive.",
                count,
            )
        print("  " + said.format(count=words.number(count)))
    return code


def _counted(kind: str, count: int) -> str:
    """'3 people', '1 letter', '2 dates (calendar events)': a count of what an import or export carried."""
    forms = {
        "people": n_("{count} person", "{count} people", count),
        "relationships": n_("{count} relationship", "{count} relationships", count),
        "notes": n_("{count} note", "{count} notes", count),
        "dates": n_("{count} date", "{count} dates", count),
        "letters": n_("{count} letter", "{count} letters", count),
        "revisions": n_("{count} revision", "{count} revisions", count),
        "events": n_("{count} date (calendar event)", "{count} dates (calendar events)", count),
    }
    return forms[kind].format(count=words.number(count)) if kind in forms else f"{words.number(count)} {kind}"


def import_archive_export(args: argparse.Namespace, archive: Archive) -> int:
    """A whole-archive JSON export brought back into a new archive."""
    counts = import_export(archive, Path(args.file), dry_run=args.dry_run)
    if args.json:
        _print_json({"file": str(args.file), "dry_run": args.dry_run, "counts": counts})
    else:
        taken = ", ".join(_counted(kind, n) for kind, n in counts.items())
        said = _("Would import {counts} from {file}.") if args.dry_run else _("Imported {counts} from {file}.")
        print(said.format(counts=taken, file=args.file))
    return EXIT_OK


def export(args: argparse.Namespace, archive: Archive) -> int:
    if args.remind_days is not None and args.format != "ics":
        raise UsageError(_("--remind-days is for --format ics (the calendar)"))
    remind_days = DEFAULT_REMIND_DAYS if args.remind_days is None else args.remind_days
    counts = export_archive(archive, args.format, output_path(args, archive), remind_days=remind_days)
    if args.json:
        _print_json({"out": str(args.out), "format": args.format, "counts": counts})
    else:
        written = ", ".join(_counted(kind, n) for kind, n in counts.items())
        print(_("Wrote {counts} to {file}.").format(counts=written, file=args.out))
    return EXIT_OK


def backup(args: argparse.Namespace, archive: Archive) -> int:
    info = create_backup(archive, args.out, force=args.force)
    if args.json:
        _print_json(info.as_json())
    else:
        print(info.path)
    return EXIT_OK


def backups_list(args: argparse.Namespace, archive: Archive) -> int:
    backups = list_backups(archive.path)
    if args.json:
        _print_json([info.as_json() for info in backups])
        return EXIT_OK
    if not backups:
        print(_("There are no backups of this archive yet (`beautifulletters backup` makes one)."))
    for info in backups:
        local = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{local}  " + _("{size} KB").format(size=f"{info.size / 1024:>9.0f}") + f"  {info.path}")
    return EXIT_OK


def restore(args: argparse.Namespace, archive: Archive | Path) -> int:
    """Restore a backup. Works with the archive open (closed here first) or, given only its
    path, when the archive is too damaged to open (see `opens_archive_itself`)."""
    if (args.file is None) == (not args.newest_good):
        raise UsageError(_("give a backup FILE, or --newest-good (not both)"))
    damaged = not isinstance(archive, Archive)
    if isinstance(archive, Archive):
        if not archive.acquire_instance_lock():
            raise ArchiveError(
                _(
                    "{path} is open in a BeautifulLetters window; close it first, or restore from File ▸ Backups…."
                ).format(path=archive.path)
            )
        path = archive.path
        archive.close()
    else:
        path = Path(archive)
    if args.newest_good:
        result = restore_newest_good_backup(path, damaged=damaged)
    else:
        result = restore_backup(Path(args.file), path, damaged=damaged)
    # Opening once applies any schema steps the backup predates, so the archive is ready to use.
    Archive.open(path).close()
    if args.json:
        _print_json(result.as_json())
    else:
        print(_("Restored {backup} into {archive}.").format(backup=result.restored_from, archive=result.archive))
        if result.kept_aside:
            print(_("The archive it replaced is kept as {file}.").format(file=result.kept_aside))
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    sub = commands.add_parser(
        "import",
        help=_("bring people in from a .vcf or .csv file, or a whole archive from a JSON export"),
        parents=[common, json_option],
    )
    sub.add_argument(
        "file",
        metavar="FILE",
        help=_("a vCard (.vcf) or CSV file (Google, Outlook, or any), or a .json export into a new archive"),
    )
    sub.add_argument("--dry-run", action="store_true", help=_("show what would be added, updated and skipped"))
    sub.add_argument(
        "--on-duplicate",
        choices=ON_DUPLICATE,
        default="merge",
        help=_("someone already in the archive: merge in what is new (default), or skip"),
    )
    sub.set_defaults(handler=import_contacts)

    sub = commands.add_parser(
        "export",
        help=_(
            "take everything out: people as vCard/CSV, the archive as JSON, birthdays and dates as a calendar (ics)"
        ),
        parents=[common, json_option],
    )
    sub.add_argument("--format", choices=FORMATS, required=True)
    add_output_options(sub)
    sub.add_argument(
        "--remind-days",
        type=whole_number,
        metavar="N",
        help=_("ics: an alarm N days before each date, to post a letter in time (default {days})").format(
            days=DEFAULT_REMIND_DAYS
        ),
    )
    sub.set_defaults(handler=export)

    sub = commands.add_parser("backup", help=_("a checked backup copy of the archive"), parents=[common, json_option])
    add_output_options(sub, required=False, help=_("where to write it (default: the rolling set of backups)"))
    sub.set_defaults(handler=backup)

    sub = commands.add_parser(
        "restore",
        help=_("replace the archive with a backup (the current one is kept aside)"),
        parents=[common, json_option],
    )
    sub.add_argument("file", metavar="FILE", nargs="?", help=_("the backup to restore"))
    sub.add_argument(
        "--newest-good",
        action="store_true",
        help=_("restore the newest backup of the rolling set that passes its check"),
    )
    # The archive may be too damaged to open: cli.run can hand this handler the path instead.
    sub.set_defaults(handler=restore, opens_archive_itself=True)

    group = commands.add_parser("backups", help=_("the rolling set of automatic backups"), parents=[common])
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    sub = actions.add_parser("list", help=_("backups of this archive, newest first"), parents=[common, json_option])
    sub.set_defaults(handler=backups_list)
