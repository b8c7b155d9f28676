"""`beautifulletters letters open ID`: the writing desk on one letter, ready to type."""

from __future__ import annotations

import argparse
import sys

from beautifulletters.archive import Archive
from beautifulletters.i18n import _
from ui.cli.common import EXIT_BAD_INPUT, EXIT_OK, record_id


def letters_open(args: argparse.Namespace, archive: Archive) -> int:
    from ui.window.app import display_problem

    archive.letters.get(args.id)  # a missing letter is reported before any window appears
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    from PySide6.QtWidgets import QApplication

    from ui.window.app import open_main_window
    from ui.window.single_instance import hand_over

    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = archive.path
    archive.close()  # the window opens its own connection and takes the instance lock
    if hand_over(path, {"action": "open-letter", "letter_id": args.id}):
        return EXIT_OK  # the window already open on this archive shows the letter
    from ui.window.errors import install_error_hooks

    install_error_hooks()
    window = open_main_window(path, letter_id=args.id)
    if window is None:
        return EXIT_BAD_INPUT
    if getattr(args, "quit_after", None) is not None:
        # For scripts and tests: report where the cursor is, then close (saving) after N ms.
        from PySide6.QtCore import QTimer

        def report_and_quit() -> None:
            editor = window.editor
            cursor = editor.text_edit.textCursor()
            focused = QApplication.focusWidget() is editor.text_edit
            from ui.paper.page import body_range

            at_end = cursor.position() == body_range(editor.text_edit.document())[1]
            print(f"focus={'editor' if focused else 'elsewhere'} cursor={'end' if at_end else cursor.position()}")
            window.close()

        QTimer.singleShot(args.quit_after, report_and_quit)
    return app.exec()


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    sub = letters_actions.add_parser("open", help=_("open a letter in the writing desk"), parents=[common])
    sub.add_argument("id", type=record_id)
    sub.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    sub.set_defaults(handler=letters_open)
