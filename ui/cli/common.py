"""What every command module shares: exit codes, usage errors, stable JSON output, id arguments
and the helpers that add a command group and its commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from beautifulletters import fileio

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
        sys.stderr.write(f"{self.prog}: error: {message}\n")
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


def print_json(value: Any) -> None:
    """Stable JSON on stdout: keys in insertion order, text as written (no \\u escapes)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def record_id(value: str) -> int:
    """An argparse type for ids: a whole number from 1 up; anything else is bad usage (exit 2)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (a whole number)") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (ids start at 1)")
    return number


def id_list(value: str) -> list[int]:
    """`1,2,3` as ids."""
    return [record_id(part.strip()) for part in value.split(",") if part.strip()]


def add_output_options(
    parser: argparse.ArgumentParser, *, required: bool = True, metavar: str = "FILE", help: str | None = None
) -> None:
    """`--out FILE` and `--force`: every command that writes a file takes both."""
    parser.add_argument("--out", required=required, metavar=metavar, help=help)
    parser.add_argument("--force", action="store_true", help="replace the file if it already exists")


def output_path(args: argparse.Namespace, archive: Any) -> Path:
    """The checked --out: not the archive, its working files or the backups folder; a file only with --force."""
    return fileio.check_output_path(args.out, archive_path=archive.path, force=args.force)
