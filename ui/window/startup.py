"""Start-up work that waits until the window is up: the desk's imports and warm-up on a worker, then tidying."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from ui.tasks import Failure, Lane, patiently, report, run_task, wait_for_quiet
from ui.widgets.wheel import install_wheel_guard
from ui.window.surface import WindowSurface

# The desk is built once the first frame is painted; a window that is never painted (shown
# minimised) builds it after this long instead.
UNPAINTED_DESK_MS = 500


def import_desk_modules() -> None:
    """Worker side: the editor's and the reader's modules, imported before the UI thread builds them."""
    import importlib

    for name in ("ui.desk.editor", "ui.reading.reader", "beautifulletters.speech"):
        importlib.import_module(name)


def warm_modules() -> None:
    """Worker side: import what the first save, draft or export needs, so it does not stall the window."""
    import importlib

    # Nothing on the window's thread waits for these: they go once someone has paused for a second
    # (an import runs for tens of milliseconds, and the window's thread waits for the GIL meanwhile).
    wait_for_quiet(quiet=1.0, longest=10.0)
    for name in (
        "sqlite_utils",
        "sqlite_utils.plugins",
        "beautifulletters.archive.schema",
        "beautifulletters.drafting",
        "beautifulletters.transfer",
        "beautifulletters.export.batch",
    ):
        wait_for_quiet()
        importlib.import_module(name)
    from sqlite_utils.plugins import ensure_plugins_loaded

    ensure_plugins_loaded()  # the entry-point scan Database() runs the first time
    from beautifulletters import spelling

    wait_for_quiet()
    spelling.warm_up(between_steps=patiently(10.0))  # else the first letter opened loads it on the UI thread


def settle_after_start() -> None:
    """Drop what only start-up needed, and keep the collector off what stays."""
    import linecache

    # PySide's import hook reads the source of every module imported after it (to look for
    # `from __feature__ import`), and the lines stay in linecache: ~11 MB for no later use.
    linecache.clearcache()
    # What start-up made lives as long as the window: freezing it keeps the collector from
    # rescanning it on the UI thread (a 58 ms pause was seen while scrolling). No collection
    # first: it took 37 ms on the UI thread and found nothing to free.
    gc.freeze()


class StartUp(QObject):
    """What start-up leaves until the window is on screen: editor and reader, the tags and upcoming
    dates, the reader's engine, warm imports; one step per turn of the event loop."""

    def __init__(self, window: WindowSurface) -> None:
        super().__init__(window)
        self._window = window
        self.shown = False
        self._first_frame_done = False
        self._after_first_frame_done = False
        self._stopped = False

    def stop(self) -> None:
        """The window is closing: no step runs after this (they read its archive, closed next)."""
        self._stopped = True

    def window_shown(self) -> None:
        if not self.shown:
            self.shown = True
            QTimer.singleShot(UNPAINTED_DESK_MS, self, self._after_first_frame)  # dropped with the window

    def window_painted(self) -> None:
        if not self._first_frame_done:
            self._first_frame_done = True
            # The next turn of the event loop: this frame reaches the screen first.
            QTimer.singleShot(0, self, self._after_first_frame)

    def _after_first_frame(self) -> None:
        """What start-up left for later: editor and reader, the upcoming dates, the reader's engine, warm imports."""
        if self._after_first_frame_done or self._stopped:
            return
        self._after_first_frame_done = True
        # A wheel turn over an unfocused box scrolls; it never changes a value. The guard is an
        # event filter on the whole application, and before the first frame it was asked about
        # each of the ~5,000 events of building and polishing the window (about a sixth of the
        # start's CPU time). No wheel can reach a window that is not on screen yet; the boxes made
        # so far get their focus policy from the guard's walk over every widget.
        install_wheel_guard()
        # The desk's modules load on a worker (they are most of the build's cost), then each step
        # takes its own turn of the event loop, so typing right after start never waits long.
        run_task(
            import_desk_modules,
            lane=Lane.WARM_UP,
            owner=self,  # the steps are dropped if the window is gone by then
            on_success=lambda _none: self._start_step(0),
            on_failure=self._desk_modules_failed,
            doing="loading the desk's modules",
        )

    def _desk_modules_failed(self, failure: Failure) -> None:
        report(failure.message)
        self._start_step(0)  # the steps import what they need themselves

    def _start_step(self, step: int) -> None:
        window = self._window
        if self._stopped:
            return  # closed before start-up finished: its archive is closed too (the steps read it)
        if window.archive_damaged:
            return  # the archive was closed; the restored one brings its own tags and dates
        if not window.isVisible():
            return  # hidden: the steps wait for nobody
        steps = (
            window.prepare_editor,
            window.ensure_desk,
            window.people_list.reload_tags,
            lambda: window.upcoming_panel.refresh(window.archive, window.preferences.upcoming_days),
            window.reopen_last_letter,  # the letter last worked on, once the lists are in
            lambda: window.reader.warm_up(),
            lambda: run_task(
                warm_modules,
                lane=Lane.WARM_UP,
                on_success=lambda _none: settle_after_start(),
                doing="loading modules after start-up",
            ),
        )
        steps[step]()
        if step + 1 < len(steps):
            QTimer.singleShot(0, self, lambda: self._start_step(step + 1))  # dropped if the window closes
