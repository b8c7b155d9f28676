"""Run slow functions off the GUI thread and hand their result back to it through a signal.

Workers get plain data and return plain data; they never touch a widget. The result (or the
exception) is delivered by a Qt signal, so the slot runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# Tasks whose signals have not fired yet. Keeping a reference here stops Python from collecting
# the signal object while the pool still runs the task (a classic PySide crash).
_running: set[Task] = set()


class TaskSignals(QObject):
    """Lives on the GUI thread; emitting from the worker queues the call to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception, for the caller to turn into plain words
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
        except BaseException as error:  # noqa: BLE001 - every failure must reach the GUI as a message
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.done.emit()

    def _forget(self) -> None:
        _running.discard(self)


def run_in_background(
    function: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
    **kwargs: Any,
) -> Task:
    """Start `function(*args, **kwargs)` on `pool` (the global pool by default).

    Pass bound methods of a QObject as `on_result`/`on_error`: Qt then drops the call if that
    object was deleted before the work finished.
    """
    task = Task(function, *args, **kwargs)
    if on_result is not None:
        task.signals.succeeded.connect(on_result)
    if on_error is not None:
        task.signals.failed.connect(on_error)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
