"""Live previews off the GUI thread: one render at a time, only the newest request counts.

The worker gets plain data (ids, names, template text) and returns plain data; it never
touches a widget. Its result comes back through a queued signal, so the slot runs on the
GUI thread. Requests made while a render runs replace each other, and a result that a newer
request has overtaken is dropped, so a slow old render can never overwrite a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_Request = tuple[int, Any, Callable[..., Any], tuple[Any, ...]]

# Runnables still working. Holding them here keeps their signal objects alive until they
# report, even if the dialog that asked has already closed (a classic PySide crash otherwise).
_in_flight: set[_RenderTask] = set()


class _TaskSignals(QObject):
    # Created on the GUI thread, so emitting from the pool thread queues the call to the GUI thread.
    finished = Signal(int, object, object, object)  # generation, token, result, error


class _RenderTask(QRunnable):
    def __init__(self, generation: int, token: Any, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.generation, self.token, self.function, self.args = generation, token, function, args
        self.signals = _TaskSignals()

    def run(self) -> None:
        try:
            result, error = self.function(*self.args), None
        except Exception as failure:  # noqa: BLE001 - every failure reaches the GUI as a message
            result, error = None, failure
        self.signals.finished.emit(self.generation, self.token, result, error)


class LatestOnlyRunner(QObject):
    """Runs `function(*args)` on the global thread pool, newest request only."""

    result = Signal(object, object)  # (token, result) of the newest request
    error = Signal(object, object)  # (token, exception) of the newest request
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._running: _RenderTask | None = None
        self._pending: _Request | None = None
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._running is not None

    def submit(self, token: Any, function: Callable[..., Any], *args: Any) -> None:
        """Ask for `function(*args)`; `token` (e.g. the request's inputs) comes back with the result."""
        if self._closed:
            return
        self._generation += 1
        request = (self._generation, token, function, args)
        if self._running is None:
            self._start(request)
        else:
            self._pending = request  # replaces any older waiting request

    def keep_running(self) -> None:
        """Drop the waiting request: the one running is wanted again (e.g. an edit was undone)."""
        if self._pending is not None and self._running is not None:
            self._pending = None
            self._generation = self._running.generation

    def cancel(self) -> None:
        """Forget the waiting request and ignore the running one's result."""
        self._generation += 1
        self._pending = None

    def close(self) -> None:
        """Deliver nothing more (the owner is closing); a running render finishes unseen."""
        self._closed = True
        self.cancel()

    def _start(self, request: _Request) -> None:
        generation, token, function, args = request
        task = _RenderTask(generation, token, function, args)
        task.signals.finished.connect(self._on_finished)
        # Not tied to this runner: the task is released even if the dialog is gone by then.
        task.signals.finished.connect(lambda *_report: _in_flight.discard(task))
        became_busy = self._running is None
        self._running = task
        _in_flight.add(task)
        QThreadPool.globalInstance().start(task)
        if became_busy:
            self.busy_changed.emit(True)

    def _on_finished(self, generation: int, token: Any, result: Any, error: Any) -> None:
        if self._running is not None and self._running.generation == generation:
            self._running = None
        if self._closed:
            return
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(pending)
        elif self._running is None:
            self.busy_changed.emit(False)
        if generation != self._generation:
            return  # overtaken by a newer request: stale
        if error is not None:
            self.error.emit(token, error)
        else:
            self.result.emit(token, result)
