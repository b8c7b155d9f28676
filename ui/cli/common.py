"""What every command module shares: exit codes, usage errors, stable JSON output, id arguments
and the helpers that add a command group and its commands."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from beautifulletters import fileio
from beautifulletters.i18n import _

_WHOLE_NUMBER = re.compile(r"^[+-]?[0-9]{1,4300}$")

# Exit codes: 0 done, 1 bad input (the message names the field or file), 2 bad usage.
EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

# A command's handler: the parsed arguments and the open archive (or its path, for the few
# commands that must work without opening it) in, the exit code out.
Handler = Callable[[argparse.Namespace, Any], int]


class UsageError(Exception):
    """Bad usage found after parsing (exit 2)."""


class Parser(argparse.ArgumentParser):
    """argparse's parser, with bad usage leaving through EXIT_USAGE after the usage line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(_("{program}: error: {message}").format(program=self.prog, message=message) + "\n")
        raise SystemExit(EXIT_USAGE)


def add_group(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser, name: str, help_text: str
) -> argparse._SubParsersAction:
    """A command group such as `people`, whose action (`add`, `list`...) must be given."""
    sub = commands.add_parser(name, help=help_text, parents=[common])
    actions = sub.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.required = True
    return actions


def add_command(
    actions: argparse._SubParsersAction,
    name: str,
    handler: Handler,
    help_text: str,
    parents: list[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """One action of a group, run by `handler`; `parents` bring --archive (and --json)."""
    sub = actions.add_parser(name, help=help_text, parents=parents)
    sub.set_defaults(handler=handler)
    return sub


# What a terminal would act on rather than show: C0 and C1 controls (ESC starts the sequences
# that clear a screen or retitle a window), bidirectional overrides, and the bytes of a file
# name that are not UTF-8. Written as \\uXXXX instead, which reads plainly and, inside --json
# output, is the same JSON string.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _shown(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class ShowableText:
    """A text stream (stdout, stderr) that writes control characters as \\uXXXX, never raw.

    New values are refused at the door, but an archive written before may still hold a name
    with an escape sequence in it: printing it must not rewrite the person's terminal.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(_UNSHOWABLE.sub(_shown, text)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


# Arguments that name files: on Linux a file name may be any bytes, so only these may hold bytes
# that are not UTF-8 (Python keeps them as surrogates and hands them back to the system intact).
PATH_ARGUMENTS = frozenset({"archive", "out", "file", "photo", "template"})


def check_arguments_are_text(args: argparse.Namespace) -> None:
    """Every argument that is text, not a file name, must be UTF-8: one sentence naming it otherwise."""
    from beautifulletters.errors import RefusedValueError

    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                continue
            broken = re.search("[\udc80-\udcff]", item)
            if broken is not None:
                byte = ord(broken.group()) - 0xDC00
                label = name.replace("_", " ")
                raise RefusedValueError(
                    name,
                    _(
                        "The {option} given on the command line is not UTF-8 text (the byte 0x{byte} at position "
                        "{position}); give it in UTF-8."
                    ).format(option=label, byte=f"{byte:02X}", position=broken.start() + 1),
                )


def _record_json(value: object) -> object:
    """JSON's fallback for what it cannot write itself: an archive record, as its `as_json()`."""
    as_json = getattr(value, "as_json", None)
    if callable(as_json):
        return as_json()
    raise TypeError(f"{type(value).__name__} cannot be printed as JSON")


def print_json(value: object) -> None:
    """Stable JSON on stdout: keys in insertion order, text as written (no \\u escapes).

    Records (beautifulletters/records.py) are written as their `as_json()`, wherever they are.
    """
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=_record_json) + "\n")


def whole_number(value: str) -> int:
    """An argparse type for counts (--days): digits 0-9 only; anything else is bad usage (exit 2).

    int() alone would take Arabic-Indic or full-width digits and "1_000"; how large a count may
    be is for the command to say (one sentence, exit 1).
    """
    if not _WHOLE_NUMBER.match(value.strip()):
        raise argparse.ArgumentTypeError(_("{value} is not a whole number written with 0-9").format(value=repr(value)))
    return int(value.strip())


def record_id(value: str) -> int:
    """An argparse type for ids: a whole number from 1 up, in 0-9; anything else is bad usage (exit 2).

    An id past the largest the archive can hold passes here: it is no record, and the command
    says so ("There is no letter with id 99999999999999999999.", exit 1).
    """
    if not _WHOLE_NUMBER.match(value.strip()):
        raise argparse.ArgumentTypeError(
            _("{value} is not an id (a whole number written with 0-9)").format(value=repr(value))
        )
    number = int(value.strip())
    if number < 1:
        raise argparse.ArgumentTypeError(_("{value} is not an id (ids start at 1)").format(value=repr(value)))
    return number


def id_list(value: str) -> list[int]:
    """`1,2,3` as ids."""
    return [record_id(part.strip()) for part in value.split(",") if part.strip()]


def add_output_options(
    parser: argparse.ArgumentParser, *, required: bool = True, metavar: str = "FILE", help: str | None = None
) -> None:
    """`--out FILE` and `--force`: every command that writes a file takes both."""
    parser.add_argument("--out", required=required, metavar=metavar, help=help)
    parser.add_argument("--force", action="store_true", help=_("replace the file if it already exists"))


def output_path(args: argparse.Namespace, archive: Any) -> Path:
    """The checked --out: not the archive, its working files or the backups folder; a file only with --force."""
    return fileio.check_output_path(args.out, archive_path=archive.path, force=args.force)
