"""How big the page is shown: fit to the width (the default), the whole page, or a fixed scale; remembered.

Zooming lays the same document out again at another resolution (`ui.paper.page.relayout_at`):
nothing in it is edited, so the undo history stays. The scale is kept to whole dots an inch,
as Qt's text layout works in them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

from beautifulletters.i18n import _
from ui.desk.page_edit import PageTextEdit
from ui.paper.page import LAYOUT_DPI, relayout_at

ZOOM_STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5)
MIN_ZOOM, MAX_ZOOM = 0.25, 3.0
FIT_WIDTH, WHOLE_PAGE, FIXED = "fit_width", "whole_page", "fixed"
ZOOM_SETTING = "editor/zoom"  # "fit_width", "whole_page" or a factor such as "1.2500"


def zoom_dpi(zoom: float) -> float:
    """The layout resolution for a zoom: whole dots an inch."""
    return float(max(1, round(LAYOUT_DPI * zoom)))


def _clamp(zoom: float) -> float:
    return max(MIN_ZOOM, min(MAX_ZOOM, zoom_dpi(zoom) / LAYOUT_DPI))


class PageZoom(QObject):
    """The zoom of one page view: its mode and scale, followed as the view is resized."""

    changed = Signal(float)

    def __init__(self, page: PageTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.zoom = 1.0
        self.mode = FIT_WIDTH
        self.has_letter = False
        self.most_fit = MAX_ZOOM  # a fitted page is never scaled beyond this (distraction-free writing lowers it)
        value = QSettings().value(ZOOM_SETTING)
        if value in (FIT_WIDTH, WHOLE_PAGE):
            self.mode = str(value)
        elif isinstance(value, str):
            try:
                self.mode, self.zoom = FIXED, _clamp(float(value))
            except ValueError:
                pass
        page.resized.connect(self._follow_size)
        page.zoom_step.connect(lambda step: self.zoom_in() if step > 0 else self.zoom_out())

    # --------------------------------------------------------------- commands
    def set_zoom(self, zoom: float) -> None:
        self.mode = FIXED
        self._apply(zoom)

    def fit_page_width(self) -> None:
        self.mode = FIT_WIDTH
        self._apply(self.wanted())

    def fit_whole_page(self) -> None:
        self.mode = WHOLE_PAGE
        self._apply(self.wanted())

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 0.02), max(self.zoom, ZOOM_STEPS[-1])))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 0.02), min(self.zoom, ZOOM_STEPS[0])))

    # ----------------------------------------------------------------- inner
    def wanted(self) -> float:
        """The scale the mode asks for in the view's present size (the fixed scale when fixed)."""
        if self.mode == FIXED:
            return self.zoom
        page_width, page_height = self.page.page_style.page_size_px(LAYOUT_DPI).toTuple()
        free_width, free_height = self.page.free_size()
        zoom = free_width / page_width
        if self.mode == WHOLE_PAGE:
            zoom = min(zoom, free_height / page_height)
        # Rounded down to whole dots an inch, so the page fits.
        return max(MIN_ZOOM, min(self.most_fit, MAX_ZOOM, int(zoom * LAYOUT_DPI) / LAYOUT_DPI))

    def prepare(self) -> float:
        """Before a letter is laid out: the scale to lay it out at (and the scroll bar that goes with it)."""
        self.zoom = _clamp(self.wanted())
        self.has_letter = True
        self._sideways_scrolling()
        return self.zoom

    def _follow_size(self) -> None:
        if self.mode != FIXED and self.has_letter:
            self._apply(self.wanted(), remember=False)

    def _sideways_scrolling(self) -> None:
        # A fitted page never needs it; a bar flickering on and off at the edge would re-lay the page.
        fixed = self.mode == FIXED
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if fixed else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.page.setHorizontalScrollBarPolicy(policy)

    def _apply(self, zoom: float, *, remember: bool = True) -> None:
        zoom = _clamp(zoom)
        changed = abs(zoom - self.zoom) > 1e-6
        self.zoom = zoom
        self._sideways_scrolling()
        if changed and self.has_letter:
            page = self.page
            bar = page.verticalScrollBar()
            fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
            size = page.page_style.page_size_px(zoom_dpi(zoom))
            page.page_relaid(size)  # first: the view puts back the size it knows whenever it can
            relayout_at(page.document(), page.page_style, zoom_dpi(zoom))
            page.page_relaid(size)
            bar.setValue(round(fraction * bar.maximum()))
            page.ensureCursorVisible()
            page.viewport().update()
        if remember:
            QSettings().setValue(ZOOM_SETTING, self.mode if self.mode != FIXED else f"{self.zoom:.4f}")
        self.changed.emit(self.zoom)


class ZoomControl(QToolButton):
    """ "87%" in the status bar: the page's zoom; clicking it offers fit width, whole page, in, out and 100%."""

    def __init__(self, actions: dict[str, QAction], zoom: PageZoom) -> None:
        super().__init__()
        self.setObjectName("zoomControl")
        self.setAccessibleName(_("Zoom"))
        self.setToolTip(_("Zoom (Ctrl+wheel, Ctrl+plus, Ctrl+minus; Ctrl+0 fits the page width)"))
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        for name in ("fit_width", "whole_page", None, "zoom_in", "zoom_out", "zoom_reset"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
        self.setMenu(menu)
        zoom.changed.connect(self.show_zoom)
        self.show_zoom(zoom.zoom)

    def show_zoom(self, zoom: float) -> None:
        self.setText(f"{round(zoom * 100)}%")


__all__ = ["FIT_WIDTH", "FIXED", "WHOLE_PAGE", "PageZoom", "ZoomControl", "zoom_dpi"]
