"""The `beautifulletters` command: no command opens the window, a command works on the archive.

Exit codes: 0 done, 1 bad input (the message names the field or file), 2 bad usage.
Errors are one sentence on stderr; `--json` output is stable and every record carries its id.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from beautifulletters import i18n
from beautifulletters.archive import Archive
from beautifulletters.errors import ArchiveMissingError, BeautifulLettersError
from beautifulletters.fileio import remove_crash_leftovers
from beautifulletters.i18n import _
from beautifulletters.logs import start_logging, unexpected_error
from beautifulletters.paths import ARCHIVE_ENV, resolve_archive_path
from beautifulletters.preferences import Preferences
from ui.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, ShowableText, UsageError, check_arguments_are_text

# Options whose value may be a year-less date such as --04-03, which argparse would
# otherwise take for an option of its own.
_DATE_OPTIONS = {"--birthday", "--date", "--since", "--occasion-date"}
_YEARLESS = re.compile(r"^--\d{2}-\d{2}$")


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


# Commands that add something may make the archive they add to (and say so on stderr);
# every other command, above all those that only read or check, never makes one.
_ADDING = {"people add", "notes add", "dates add", "relationship set", "letters draft", "import", "merge"}


def _may_create(args: argparse.Namespace, path: Path, *, explicit: bool) -> bool:
    command = " ".join(filter(None, (args.command, getattr(args, "action", None))))
    return command in _ADDING and (path.parent.is_dir() or not explicit)


def _dry_run_into_a_new_archive(args: argparse.Namespace, path: Path) -> int:
    """Where the real run would make a new archive, a dry run shows what a new one would get.

    It makes nothing at `path`: the new archive is a scratch copy in a temporary folder.
    """
    note = _("there is no archive at {path} yet; this dry run shows what a new one would get.")
    print(f"beautifulletters: {note.format(path=path)}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="beautifulletters-dry-run-") as folder:
        with Archive.open(Path(folder) / path.name, create=True) as archive:
            return int(args.handler(args, archive))


def _open_archive(args: argparse.Namespace, path: Path, *, explicit: bool) -> Archive:
    """The archive a command works on; made first only for an adding command, where its folder is.

    The per-user folder of the default archive is the app's own and is made with it; a folder
    given with --archive (or $BEAUTIFULLETTERS_ARCHIVE) that does not exist is taken for a typo.
    """
    # A dry run only looks: it makes nothing, an archive included.
    may_create = _may_create(args, path, explicit=explicit) and not getattr(args, "dry_run", False)
    archive = Archive.open(path, create=may_create)
    if archive.created:
        made = _(
            "made a new archive at {path}, with the sample correspondence"
            " (`beautifulletters sample remove` takes it out)."
        ).format(path=path)
        print(f"beautifulletters: {made}", file=sys.stderr)
    return archive


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; returns the exit code."""
    # The language is chosen before anything is said: the Preferences override, else the system's.
    i18n.set_language(Preferences.load().interface_language)
    arguments = _join_yearless_dates(sys.argv[1:] if argv is None else argv)
    window_only, archive_option = _window_only(arguments)
    if window_only:
        from ui.window.app import run_window

        return run_window(archive_option)
    # The parser imports every command module: only now that a command is given.
    from ui.cli.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        check_arguments_are_text(args)
    except BeautifulLettersError as error:
        print(f"beautifulletters: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    archive_option = getattr(args, "archive", None)
    if args.command is None:
        from ui.window.app import run_window

        return run_window(archive_option)
    path = resolve_archive_path(archive_option)
    remove_crash_leftovers(path)  # what a killed backup or export left beside the archive last time
    try:
        if getattr(args, "without_archive", False):
            # Commands that work on files alone (spell) never create or open an archive for it; init makes one.
            return args.handler(args, path)
        if getattr(args, "opens_archive_itself", False):
            # restore must reach an archive too damaged to open: its handler then gets the path.
            try:
                archive = Archive.open(path, create=False)
            except ArchiveMissingError:
                raise
            except BeautifulLettersError:
                return args.handler(args, path)
            with archive:
                return args.handler(args, archive)
        if getattr(args, "archive_optional", False) and not path.exists():
            # templates check reads only the file it is given: a template of one's own is checked
            # without an archive, on the built-in sample people, as with one.
            print(f"beautifulletters: {args.without_archive_note.format(path=path)}", file=sys.stderr)
            return args.handler(args, None)
        explicit = bool(archive_option or os.environ.get(ARCHIVE_ENV))
        if getattr(args, "dry_run", False) and not path.exists() and _may_create(args, path, explicit=explicit):
            return _dry_run_into_a_new_archive(args, path)
        with _open_archive(args, path, explicit=explicit) as archive:
            return args.handler(args, archive)
    except ArchiveMissingError:
        missing = _("There is no archive at {path}; create one with `beautifulletters init`.").format(path=path)
        print(f"beautifulletters: {missing}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(_("beautifulletters: error: {message}").format(message=error), file=sys.stderr)
        return EXIT_USAGE
    except BeautifulLettersError as error:
        print(_("beautifulletters: {message}").format(message=error), file=sys.stderr)
        return EXIT_BAD_INPUT


def main() -> None:
    start_logging()
    sys.stdout = ShowableText(sys.stdout)  # type: ignore[assignment]
    sys.stderr = ShowableText(sys.stderr)  # type: ignore[assignment]
    try:
        sys.exit(run())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as error:  # noqa: BLE001 - a bug: logged with its traceback, told in one sentence
        doing = f"running the command {' '.join(sys.argv[1:3])!r}" if len(sys.argv) > 1 else "starting"
        print(_("beautifulletters: {message}").format(message=unexpected_error(error, doing)), file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
