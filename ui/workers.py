"""Run slow functions off the GUI thread and hand their result back to it through a signal.

Workers get plain data and return plain data; they never touch a widget. The result (or a
plain-words message for a failure) is delivered by a Qt signal, so the slot runs on the GUI
thread. `LatestOnly` is for search-as-you-type and previews: only the newest request counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal

from beautifulletters.errors import BeautifulLettersError

# Tasks whose signals have not fired yet. Keeping a reference here stops Python from collecting
# the signal object while the pool still runs the task (a classic PySide crash).
_running: set[Task] = set()


def plain_message(error: BaseException) -> str:
    """A failure in words a person understands; never a traceback."""
    if isinstance(error, BeautifulLettersError):
        return str(error)
    if isinstance(error, MemoryError):
        return "There was not enough memory to finish this."
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror}{where}."
    text = str(error).strip()
    return f"Something went wrong: {text}" if text else f"Something went wrong ({type(error).__name__})."


class TaskSignals(QObject):
    """Lives on the GUI thread; emitting from the worker queues the call to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(str)  # plain words
    failed_with = Signal(object)  # the exception itself, for callers that need its details
    done = Signal()


class Task(QRunnable):
    """One call of `function(*args, **kwargs)` on a thread pool."""

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns the task; `_running` keeps it alive until it reports
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.signals = TaskSignals()
        self.signals.done.connect(self._forget)

    def run(self) -> None:
        try:
            result = self.function(*self.args, **self.kwargs)
        except Exception as error:  # noqa: BLE001 - every failure must reach the GUI as a message
            self._emit(self.signals.failed_with, error)
            self._emit(self.signals.failed, plain_message(error))
        else:
            self._emit(self.signals.succeeded, result)
        finally:
            self._emit(self.signals.done)

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            # The application is shutting down and Qt already deleted the signals object:
            # nobody is left to tell, so the result is dropped quietly.
            pass

    def _forget(self) -> None:
        _running.discard(self)


_last_user_input = 0.0


def note_user_input() -> None:
    """Someone is typing or clicking in the window: start-up work waits (`wait_for_quiet`)."""
    global _last_user_input
    _last_user_input = time.monotonic()


def wait_for_quiet(quiet: float = 0.3, longest: float = 5.0) -> None:
    """Worker side, before a piece of start-up work nobody waits for: let someone typing finish.

    The window's thread needs the GIL for every event it hands to Python (one repaint of the
    people list is hundreds of calls), and a worker busy in Python makes each of them wait:
    typing right after start stalled for 100-200 ms. `longest` keeps the work from waiting
    forever on someone who never pauses.
    """
    deadline = time.monotonic() + longest
    while time.monotonic() - _last_user_input < quiet and time.monotonic() < deadline:
        time.sleep(0.05)


def patiently(longest: float = 3.0) -> Callable[[], None]:
    """A `wait_for_quiet` for a loop of many steps, which stops waiting once `longest` seconds
    have passed in all: loading the spell checker for someone who types without pausing must
    still finish within a few seconds, not wait out every step."""
    deadline = time.monotonic() + longest

    def wait() -> None:
        remaining = deadline - time.monotonic()
        if remaining > 0:
            wait_for_quiet(longest=remaining)

    return wait


def _one_thread_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


@cache
def warm_up_pool() -> QThreadPool:
    """The pool for start-up work nobody is waiting for: loading modules, word lists, the upcoming dates.

    One thread, so such work runs one piece at a time. Python gives its lock to whichever
    waiting thread wakes first: with three busy workers at start, the window's thread (which
    needs the lock for every event it hands to Python) lost that race for up to 240 ms.
    """
    return _one_thread_pool()


@cache
def upkeep_pool() -> QThreadPool:
    """The pool for long upkeep in the background: the whole-file check, automatic backups.

    Its one thread runs at idle priority (SCHED_IDLE on Linux), so a pass over a 12 GB
    archive, which keeps a core busy for seconds, only gets CPU time the window and its
    other workers leave free: on a two-core machine it had made typing at start stutter.
    """
    pool = _one_thread_pool()
    pool.setThreadPriority(QThread.Priority.IdlePriority)
    return pool


def run_in_background(
    function: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    pool: QThreadPool | None = None,
    **kwargs: Any,
) -> Task:
    """Start `function(*args, **kwargs)` on `pool` (the global pool by default).

    `on_error` gets a plain message. Pass bound methods of a QObject: Qt then drops the call
    if that object was deleted before the work finished.
    """
    task = Task(function, *args, **kwargs)
    if on_result is not None:
        task.signals.succeeded.connect(on_result)
    if on_error is not None:
        task.signals.failed.connect(on_error)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


class LatestOnly(QObject):
    """One call at a time; while it runs, newer requests replace each other; stale results are dropped.

    ``submit(token, function, *args)`` asks for `function(*args)`; `token` (e.g. the request's
    inputs) comes back with the newest request's outcome through `result(token, value)` or
    `error(token, exception)`, so a slow old search or preview never overwrites a newer one.
    """

    result = Signal(object, object)  # (token, value) of the newest request
    error = Signal(object, object)  # (token, exception) of the newest request
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._generation = 0
        self._running_generation: int | None = None
        self._pending: tuple[int, Any, Callable[..., Any], tuple[Any, ...]] | None = None
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._running_generation is not None

    def submit(self, token: Any, function: Callable[..., Any], *args: Any) -> None:
        if self._closed:
            return
        self._generation += 1
        request = (self._generation, token, function, args)
        if self._running_generation is None:
            self._start(request)
            self.busy_changed.emit(True)
        else:
            self._pending = request  # replaces any older waiting request

    def keep_running(self) -> None:
        """Drop the waiting request: the one running is wanted again (e.g. an edit was undone)."""
        if self._pending is not None and self._running_generation is not None:
            self._pending = None
            self._generation = self._running_generation

    def cancel(self) -> None:
        """Forget the waiting request and ignore the running one's result."""
        self._generation += 1
        self._pending = None

    def close(self) -> None:
        """Deliver nothing more (the owner is going away); a running call finishes unseen."""
        self._closed = True
        self.cancel()

    def _start(self, request: tuple[int, Any, Callable[..., Any], tuple[Any, ...]]) -> None:
        generation, token, function, args = request
        task = Task(function, *args)
        task.signals.succeeded.connect(lambda value: self._finished(generation, token, value, None))
        task.signals.failed_with.connect(lambda failure: self._finished(generation, token, None, failure))
        self._running_generation = generation
        _running.add(task)
        (self._pool or QThreadPool.globalInstance()).start(task)

    def _finished(self, generation: int, token: Any, value: Any, failure: BaseException | None) -> None:
        self._running_generation = None
        if self._closed:
            return
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(pending)
        else:
            self.busy_changed.emit(False)
        if generation != self._generation:
            return  # overtaken by a newer request: stale
        if failure is not None:
            self.error.emit(token, failure)
        else:
            self.result.emit(token, value)
