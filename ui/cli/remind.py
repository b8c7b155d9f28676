"""`beautifulletters remind`: the occasions coming up, as a desktop notification (run at login)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from beautifulletters.archive import Archive
from beautifulletters.i18n import _
from beautifulletters.reminders import reminder_for
from beautifulletters.transfer.ics import DEFAULT_REMIND_DAYS
from ui.cli.common import EXIT_BAD_INPUT, EXIT_OK, whole_number


def remind(args: argparse.Namespace, path: Path) -> int:
    # Read-only: a login must never create an archive, nor wait on a window writing one.
    with Archive.open(path, readonly=True, full_check=False) as archive:
        reminder = reminder_for(archive, days=args.days)
    if reminder is None:
        return EXIT_OK
    if args.print:
        print(f"{reminder.summary}\n{reminder.body}")
        return EXIT_OK
    from PySide6.QtCore import QCoreApplication

    from ui.notifications import NotificationError, notify

    _app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    try:
        notify(reminder.summary, reminder.body)
    except NotificationError as error:
        print(_("beautifulletters: cannot show the reminder: {reason}").format(reason=error), file=sys.stderr)
        print(f"{reminder.summary}\n{reminder.body}")
        return EXIT_BAD_INPUT
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    sub = commands.add_parser(
        "remind", help=_("show the birthdays and anniversaries coming up as a desktop notification"), parents=[common]
    )
    sub.add_argument("--days", type=whole_number, default=DEFAULT_REMIND_DAYS, help=_("how far ahead (default a week)"))
    sub.add_argument("--print", action="store_true", help=_("print the reminder instead of showing it"))
    sub.set_defaults(handler=remind, without_archive=True)
