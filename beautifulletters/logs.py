"""The app's log: standard `logging` to a rotating file in the per-user state folder.

Expected trouble (a file that is not an archive, a full disk) is told to the person in one
sentence and needs no log. Unexpected errors are logged here with their traceback, and the
person is told one sentence that says where the log is (`unexpected_error`).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from beautifulletters import APP_NAME
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _

LOG_FILENAME = "beautifulletters.log"
LOG_BYTES = 1_000_000  # per file; with the backups at most about 4 MB of log on disk
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"

log = logging.getLogger("beautifulletters")
_handler: logging.handlers.RotatingFileHandler | None = None


def log_path() -> Path:
    """The log file: `~/.local/state/BeautifulLetters/log/beautifulletters.log` on Linux."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / LOG_FILENAME


def start_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating file (once per process, again if the folder moved).

    Returns the file, or None when its folder cannot be made: the app then runs without a log.
    """
    global _handler
    path = log_path()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.absolute():
            return path
        stop_logging()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handler = handler
    return path


def stop_logging() -> None:
    """Close the log file (tests, and a process that changes its per-user folders)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def logging_to() -> Path | None:
    """The file log records go to now, or None when logging was not started."""
    return Path(_handler.baseFilename) if _handler is not None else None


def is_expected(error: BaseException) -> bool:
    """Trouble the app foresaw and can put in words itself (no traceback is worth keeping)."""
    return isinstance(error, BeautifulLettersError | MemoryError) or (
        isinstance(error, OSError) and bool(error.strerror)
    )


def expected_message(error: BaseException) -> str:
    """The one sentence for a foreseen failure."""
    if isinstance(error, BeautifulLettersError):
        return str(error)
    if isinstance(error, MemoryError):
        return _("There was not enough memory to finish this.")
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror}{where}."
    return unexpected_sentence(error)


def unexpected_sentence(error: BaseException) -> str:
    """One sentence for something that should not have happened, saying where the details are."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    what = f"{type(error).__name__}: {text[:160]}" if text else type(error).__name__
    where = logging_to()
    details = (
        _("the details are in {where}").format(where=where)
        if where is not None
        else "the details could not be written to a log"
    )
    return _("Something unexpected went wrong ({what}); {details}.").format(what=what, details=details)


def unexpected_error(error: BaseException, doing: str = "") -> str:
    """Log `error` with its traceback and return the sentence to show the person."""
    log.error(
        "Unexpected error%s", f" while {doing}" if doing else "", exc_info=(type(error), error, error.__traceback__)
    )
    return unexpected_sentence(error)


def failure_message(error: BaseException, doing: str = "") -> str:
    """The sentence for any failure: a foreseen one in its own words (logged briefly), else logged in full."""
    if is_expected(error):
        log.info("%s%s", f"{doing}: " if doing else "", expected_message(error))
        return expected_message(error)
    return unexpected_error(error, doing)
