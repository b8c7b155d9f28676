"""The command line's parser: the options every command takes, and each command module, registered in order."""

from __future__ import annotations

import argparse

from beautifulletters import __version__
from beautifulletters.i18n import _
from ui.cli import (
    dates,
    desk,
    drafting,
    export,
    integration,
    letters,
    notes,
    people,
    relationship,
    remind,
    speech,
    spell,
    transfer,
    upkeep,
)
from ui.cli.common import Parser

# The command modules, in the order --help lists their commands. The first ones are about the
# people written to; `letters` adds the letters group, to which the modules after it may add
# their own subcommands (letters draft, export, envelope, speak, open). Each module's
# `register(commands, common, json_option[, letters_actions])` adds its parsers and sets each
# one's handler with `set_defaults(handler=fn)`; fn(args, archive) returns the exit code.
PEOPLE_MODULES = (people, notes, relationship, dates)
MODULES_AFTER_LETTERS = (upkeep, drafting, export, speech, transfer, desk, spell, integration, remind)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--archive",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_("archive file (default: $BEAUTIFULLETTERS_ARCHIVE, else the per-user data folder)"),
    )
    json_option = argparse.ArgumentParser(add_help=False)
    json_option.add_argument("--json", action="store_true", help=_("print stable JSON"))

    parser = Parser(
        prog="beautifulletters",
        description=_("Write personal letters. Without a command, opens the window."),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in PEOPLE_MODULES:
        module.register(commands, common, json_option)
    letters_actions = letters.register(commands, common, json_option)
    for later in MODULES_AFTER_LETTERS:
        later.register(commands, common, json_option, letters_actions)
    return parser
