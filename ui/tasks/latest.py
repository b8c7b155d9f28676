"""Latest-only tasks, for search-as-you-type and previews: only the newest request counts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.tasks.manager import Failure, Lane, run_task


class LatestOnly(QObject):
    """One call at a time; while it runs, newer requests replace each other; stale results are dropped.

    ``submit(token, function, *args)`` asks for `function(*args)`; `token` (e.g. the request's
    inputs) comes back with the newest request's outcome through `result(token, value)` or
    `error(token, Failure)`, so a slow old search or preview never overwrites a newer one.
    """

    result = Signal(object, object)  # (token, value) of the newest request
    error = Signal(object, object)  # (token, Failure) of the newest request
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, lane: Lane = Lane.QUERY, doing: str = "") -> None:
        super().__init__(parent)
        self._lane = lane
        self._doing = doing
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
        self._running_generation = generation
        run_task(
            partial(function, *args),
            on_success=lambda value: self._finished(generation, token, value, None),
            on_failure=lambda failure: self._finished(generation, token, None, failure),
            owner=self,
            lane=self._lane,
            doing=self._doing,
        )

    def _finished(self, generation: int, token: Any, value: Any, failure: Failure | None) -> None:
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
