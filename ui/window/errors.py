"""Unexpected errors in the window: logged with their traceback, shown as one sentence.

`install_error_hooks()` (when the app starts) sends the log to its rotating file, catches what
escapes a slot or a thread (sys.excepthook, threading.excepthook) and records Qt's own warnings
(its message handler). The sentence says where the log is; the person never sees a traceback.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from beautifulletters.logs import start_logging, unexpected_error
from ui.tasks import report

qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def window_excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """An exception nobody caught on the window's thread (Qt calls Python slots and overrides)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    report(unexpected_error(error.with_traceback(trace), "in the window"))


def thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """An exception that ended a thread: logged and told, never lost."""
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "a thread"
    report(unexpected_error(args.exc_value.with_traceback(args.exc_traceback), f"in {name}"))


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log (not to the person: they are about Qt, not the letter)."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def install_error_hooks() -> None:
    start_logging()
    sys.excepthook = window_excepthook
    threading.excepthook = thread_excepthook
    qInstallMessageHandler(qt_message)
