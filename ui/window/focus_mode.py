"""Distraction-free writing, as FocusWriter does it: only the page, full screen.

Menus, toolbars, panels, the status bar and the find bar step aside. They come back while the
pointer rests at an edge of the screen (the top brings the menus and toolbars, the bottom the
status bar) and go again when it moves away. Escape or F11 leaves, and the window is exactly as
it was: its size and state, which panels showed, where the splitter stood, which bars were there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from beautifulletters.i18n import _
from ui.desk.zoom import MAX_ZOOM
from ui.window.side_panels import SidePanels
from ui.window.surface import WindowSurface

if TYPE_CHECKING:
    from ui.desk.editor import LetterEditor

EDGE_PX = 3  # the pointer this close to the screen's top or bottom brings the bars back
KEEP_PX = 16  # ...and they stay while it is no further than this past them
POLL_MS = 100  # where the pointer is, asked ten times a second while writing in the quiet
RESTORE_WAIT_MS = 1000  # the longest the panels wait for the window's old size after leaving
FOCUS_MOST_FIT = 1.3  # full screen, a page fitted to the width would be huge: it stays a page on the desk
QWIDGETSIZE_MAX = (1 << 24) - 1
TOP, BOTTOM = "top", "bottom"


class FocusMode(QObject):
    """The window's side of distraction-free writing (the editor hides its own bars: set_distraction_free)."""

    changed = Signal(bool)
    revealed_changed = Signal(str, bool)  # TOP or BOTTOM, shown or not

    def __init__(self, window: WindowSurface, side_panels: SidePanels, editor: LetterEditor) -> None:
        super().__init__(window)
        self.window_ = window
        self.side_panels = side_panels
        self.editor = editor
        self.active = False
        self.revealed: set[str] = set()
        self._before: dict[str, Any] = {}
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._follow_pointer)
        # Escape leaves from anywhere in the window (the editor takes it itself when the page has the focus).
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.leave)
        editor.distraction_free_changed.connect(self._desk_changed)
        self._splitter_state: QByteArray | None = None  # to put back once the window has its old size
        self._size = QSize()
        window.installEventFilter(self)

    # ------------------------------------------------------------------ in and out
    def enter(self) -> None:
        self.editor.set_distraction_free(True)

    def leave(self) -> None:
        self.editor.set_distraction_free(False)

    def _desk_changed(self, on: bool) -> None:
        if on and self.editor.letter_id is None:
            # Nothing to write on: the quiet would be an empty screen.
            self.editor.set_distraction_free(False)
            self.window_.statusBar().showMessage(_("Open or start a letter first, then write without distractions."))
            return
        if on and not self.active:
            self._enter_window()
        elif not on and self.active:
            self._leave_window()

    def _bars(self) -> list[QWidget]:
        """What steps aside besides the menu bar and the side panels (the editor hides its own)."""
        window = self.window_
        return [window.toolbar, window.statusBar(), window.about_you, window.hint]

    def _enter_window(self) -> None:
        window = self.window_
        layout = window.root_layout
        self._before = {
            "state": window.windowState(),
            "hidden": {bar: bar.isHidden() for bar in self._bars()},
            "splitter": window.splitter.saveState(),
            "size": window.size(),
            "margins": layout.contentsMargins(),
        }
        self.active = True
        self.side_panels.suspended = True
        self.side_panels.arrange()
        for bar in self._bars():
            bar.hide()
        # Not hidden: Qt ignores the shortcuts of a hidden menu bar's actions (Ctrl+S, Ctrl+P...).
        window.menuBar().setMaximumHeight(0)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor.zoomer.most_fit = FOCUS_MOST_FIT
        window.showFullScreen()
        self.revealed.clear()
        self._timer.start()
        self._escape.setEnabled(True)
        self.changed.emit(True)

    def _leave_window(self) -> None:
        window = self.window_
        before, self._before = self._before, {}
        self._timer.stop()
        self._escape.setEnabled(False)
        self.revealed.clear()
        self.active = False
        window.menuBar().setMaximumHeight(QWIDGETSIZE_MAX)
        for bar, hidden in before["hidden"].items():
            bar.setHidden(hidden)
        window.root_layout.setContentsMargins(before["margins"])
        self.editor.zoomer.most_fit = MAX_ZOOM
        state = before["state"]
        if state & Qt.WindowState.WindowFullScreen:
            window.showFullScreen()
        elif state & Qt.WindowState.WindowMaximized:
            window.showMaximized()
        else:
            window.showNormal()
        # The splitter stands where it stood once the window has its old size back (the window
        # manager answers a moment later); the panels come back with it.
        self._splitter_state = before["splitter"]
        self._size = before["size"]
        QTimer.singleShot(RESTORE_WAIT_MS, self, self._restore_splitter)
        self._restore_splitter_at_size()
        self.changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.Resize and self._splitter_state is not None:
            self._restore_splitter_at_size()
        return False

    def _restore_splitter_at_size(self) -> None:
        window = self.window_
        if window.isFullScreen() or window.isMaximized() or window.size() == self._size:
            self._restore_splitter()

    def _restore_splitter(self) -> None:
        if self._splitter_state is None or self.active:
            return
        state, self._splitter_state = self._splitter_state, None
        self.side_panels.suspended = False
        self.window_.splitter.restoreState(state)
        self.side_panels.arrange()

    # ------------------------------------------------------------------ the edges
    def _follow_pointer(self) -> None:
        self.pointer_at(self.window_.mapFromGlobal(QCursor.pos()))

    def pointer_at(self, position: QPoint) -> None:
        """The pointer is at `position` (window coordinates): bring the bars at an edge back, or send them away."""
        if not self.active:
            return
        height = self.window_.height()
        menu_open = QApplication.activePopupWidget() is not None  # a menu from the bars keeps them
        y = position.y()
        if y <= EDGE_PX:
            self._reveal(TOP, True)
        elif TOP in self.revealed and not menu_open and y > self._top_extent() + KEEP_PX:
            self._reveal(TOP, False)
        if y >= height - 1 - EDGE_PX:
            self._reveal(BOTTOM, True)
        elif BOTTOM in self.revealed and not menu_open and y < self._bottom_extent() - KEEP_PX:
            self._reveal(BOTTOM, False)

    def _top_bars(self) -> list[QWidget]:
        bars: list[QWidget] = [] if self._before["hidden"][self.window_.toolbar] else [self.window_.toolbar]
        if self.editor.format_was_shown:
            bars.append(self.editor.format_toolbar)
        return bars

    def _top_extent(self) -> int:
        """Where the revealed bars at the top end, in window coordinates."""
        window = self.window_
        bottoms = [window.menuBar().geometry().bottom()]
        bottoms += [bar.mapTo(window, QPoint(0, bar.height())).y() for bar in self._top_bars() if bar.isVisible()]
        return max(bottoms)

    def _bottom_extent(self) -> int:
        bar = self.window_.statusBar()
        return bar.mapTo(self.window_, QPoint(0, 0)).y() if bar.isVisible() else self.window_.height()

    def _reveal(self, edge: str, show: bool) -> None:
        if (edge in self.revealed) == show:
            return
        if show:
            self.revealed.add(edge)
        else:
            self.revealed.discard(edge)
        window = self.window_
        page = self.editor.text_edit
        page_top = page.viewport().mapTo(window, QPoint(0, 0)).y()
        scrolled = page.verticalScrollBar().value()  # before the view's new height clamps it
        if edge == TOP:
            window.menuBar().setMaximumHeight(QWIDGETSIZE_MAX if show else 0)
            for bar in self._top_bars():
                bar.setVisible(show)
        elif not self._before["hidden"][window.statusBar()]:
            window.statusBar().setVisible(show)
        # The bars push the page down (or let it up): the writing stays where the eye left it.
        for widget in (window, window.centralWidget(), self.editor):
            layout = widget.layout() if widget is not None else None
            if layout is not None:
                layout.activate()
        moved = page.viewport().mapTo(window, QPoint(0, 0)).y() - page_top
        if moved:
            page.verticalScrollBar().setValue(scrolled + moved)
        self.revealed_changed.emit(edge, show)


__all__ = ["FocusMode"]
