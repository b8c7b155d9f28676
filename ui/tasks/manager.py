"""The one road off the window's thread: `run_task(work, on_success=..., on_failure=..., lane=...)`.

In the spirit of Anki's `aqt/taskman.py` and its `QueryOp`/`CollectionOp`: `work` runs on a
worker with plain data in and out and never touches a widget; its result, or its failure as a
`Failure` (one sentence for the person, the exception for details), comes back on the window's
thread. Lanes say where it runs:

- QUERY: the shared pool, for reads and computations (several at once);
- ARCHIVE: one thread, so writes to the archive run one at a time in the order they were asked;
- LONG: a pool of its own for long jobs (exports, imports, batches) so they never hold up a search;
- WARM_UP: one thread for start-up work nobody waits for, one piece at a time (Python gives its
  lock to whichever waiting thread wakes first: with three busy workers at start, the window's
  thread, which needs it for every event it hands to Python, lost that race for up to 240 ms);
- UPKEEP: one thread at idle priority for the whole-file check and automatic backups, which only
  get CPU time the window and the other workers leave free.

No failure ends a thread silently: without an `on_failure` it goes to the reporter the window
installs (`set_reporter`), and every unexpected one is logged with its traceback. A callback
whose `owner` (a QObject) was deleted before the work finished is not called.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal

from beautifulletters.logs import failure_message, unexpected_error

T = TypeVar("T")
log = logging.getLogger(__name__)


class Lane(enum.Enum):
    QUERY = "query"
    ARCHIVE = "archive"
    LONG = "long"
    WARM_UP = "warm-up"
    UPKEEP = "upkeep"


@dataclass(frozen=True)
class Failure:
    """Why a task did not finish: `message` is one sentence for the person (already logged)."""

    error: BaseException
    message: str


def _fallback_reporter(message: str) -> None:
    log.warning("Not shown to anyone (no window): %s", message)


class _ReportRelay(QObject):
    """Lives on the window's thread: a report from another thread is shown from there."""

    message = Signal(str)


_reporter: Callable[[str], None] = _fallback_reporter
_relay: _ReportRelay | None = None


def set_reporter(reporter: Callable[[str], None] | None) -> None:
    """Where failures nobody else handles are shown (the window's message line); None: log only.

    Call it on the window's thread."""
    global _reporter, _relay
    _reporter = reporter or _fallback_reporter
    if _relay is None:
        _relay = _ReportRelay()
        _relay.message.connect(_show)


def _on_window_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def report(message: str) -> None:
    """Show a failure's sentence to the person through the installed reporter (from any thread)."""
    if _relay is not None and not _on_window_thread():
        try:
            _relay.message.emit(message)
            return
        except RuntimeError:
            pass  # shutting down: the log must do
    _show(message)


def _show(message: str) -> None:
    try:
        _reporter(message)
    except Exception as error:  # noqa: BLE001 - a broken reporter must not hide the first failure
        unexpected_error(error, "showing a message")
        _fallback_reporter(message)


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


def call_safely(callback: Callable[..., None], *args: Any, doing: str = "") -> None:
    """Run a callback on the window's thread; an exception in it is logged and shown, not lost."""
    try:
        callback(*args)
    except Exception as error:  # noqa: BLE001 - every failure must reach the person and the log
        report(unexpected_error(error, doing or getattr(callback, "__qualname__", "")))


class _Signals(QObject):
    """Made on the window's thread; emitting from a worker queues the call back to that thread."""

    finished = Signal(object, object)  # result, Failure | None


class Task(QRunnable, Generic[T]):
    """One call of `work()` on a lane; reports once, on the window's thread."""

    def __init__(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[Failure], None] | None,
        owner: QObject | None,
        doing: str,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns the task; `_running` keeps it alive until it reports
        self.work = work
        self.on_success = on_success
        self.on_failure = on_failure
        self.owner = owner
        self.doing = doing
        self.signals = _Signals()
        self.signals.finished.connect(self._finished)

    def run(self) -> None:
        try:
            result: Any = self.work()
            failure = None
        except Exception as error:  # noqa: BLE001 - every failure must reach the window as a message
            result, failure = None, Failure(error, failure_message(error, self.doing))
        try:
            self.signals.finished.emit(result, failure)
        except RuntimeError:
            # The application is shutting down and Qt already deleted the signals object:
            # nobody is left to tell; the failure (if any) is in the log.
            pass

    def _finished(self, result: Any, failure: Failure | None) -> None:
        _running.discard(self)
        if not _alive(self.owner):
            return  # whoever asked is gone (a closed letter or dialog): nothing to show
        if failure is None:
            if self.on_success is not None:
                call_safely(self.on_success, result, doing=self.doing)
        elif self.on_failure is not None:
            call_safely(self.on_failure, failure, doing=self.doing)
        else:
            report(failure.message)


# Tasks whose signals have not fired yet. Keeping a reference here stops Python from collecting
# the signal object while the pool still runs the task (a classic PySide crash).
_running: set[Task[Any]] = set()


def _one_thread_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


@cache
def _pool(lane: Lane) -> QThreadPool:
    if lane is Lane.QUERY:
        return QThreadPool.globalInstance()
    if lane is Lane.LONG:
        pool = QThreadPool()
        pool.setMaxThreadCount(4)  # long jobs wait on disk and child processes as much as on Python
        return pool
    pool = _one_thread_pool()
    if lane is Lane.UPKEEP:
        pool.setThreadPriority(QThread.Priority.IdlePriority)
    return pool


def run_task(
    work: Callable[[], T],
    *,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    owner: QObject | None = None,
    lane: Lane = Lane.QUERY,
    doing: str = "",
) -> Task[T]:
    """Run `work()` on `lane`; `on_success(result)` or `on_failure(Failure)` on the window's thread.

    `owner`: the widget the callbacks belong to; if it is deleted first they are not called.
    `doing`: a few words for the log ("reading the upcoming dates").
    """
    task: Task[T] = Task(work, on_success, on_failure, owner, doing)
    _running.add(task)
    _pool(lane).start(task)
    return task


def wait_for_lane(lane: Lane, msecs: int = 30_000) -> bool:
    """Wait until `lane` has run everything it was given (closing a letter); False on timeout."""
    return _pool(lane).waitForDone(msecs)


def wait_for_all(msecs: int = 30_000) -> bool:
    """Wait until every lane is idle (tests, and closing the app); False on timeout."""
    return all(_pool(lane).waitForDone(msecs) for lane in Lane)


class _Relay(QObject):
    called = Signal(tuple)


def on_window_thread(callback: Callable[..., None], owner: QObject | None = None) -> Callable[..., None]:
    """A function any thread may call to run `callback(*args)` on the window's thread (progress).

    Make it on the window's thread, before the work starts. Calls after `owner` is deleted are dropped.
    """
    relay = _Relay()

    def deliver(args: tuple[Any, ...]) -> None:
        if _alive(owner):
            call_safely(callback, *args)

    relay.called.connect(deliver)

    def call(*args: Any) -> None:
        try:
            relay.called.emit(args)
        except RuntimeError:
            pass  # the application is shutting down: nobody is left to tell

    return call
