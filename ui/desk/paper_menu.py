"""Paper ▸ in the menu bar: the open letter's stationery, handwriting, pen size, ink, page size and margins.

They are the letter's own (stored in its style, so print, PDF and export show the same); the
menu is always there, never in a toolbar's overflow, and shows the letter's choices ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu

from beautifulletters.i18n import _
from beautifulletters.stationery import (
    BOOK_FAMILY,
    DEFAULT_MARGINS_MM,
    HANDWRITING_FAMILIES,
    INK_COLORS,
    NATURAL_SIZE_PT,
    PAGE_SIZES_MM,
    STATIONERY,
    ink_label,
    page_size_label,
    stationery_label,
)
from ui.paper.page import PageStyle

PEN_SIZES_PT = (12.0, 14.0, 15.0, 17.0, 19.0, 22.0, 26.0)
NARROW_MM, WIDE_MM = 15.0, 35.0  # margins all round; "normal" is the page size's own


class PaperDesk(Protocol):
    """What the menu needs of the letter editor (ui.desk.editor.LetterEditor)."""

    letter_id: int | None
    read_only: bool
    page_style: PageStyle

    def update_style(self, **changes: Any) -> None: ...


SWATCH_PAPER = "#fbf5e6"  # the ink is shown on a spot of paper: black ink on a dark menu was invisible


def _swatch(color: str) -> QIcon:
    """The ink as a dot on a round of cream paper, drawn for 1×, 2× and 3× screens (sharp at any
    scale, not a 16-pixel picture blown up)."""
    icon = QIcon()
    for ratio in (1, 2, 3):
        pixmap = QPixmap(16 * ratio, 16 * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#00000040"))
        painter.setBrush(QColor(SWATCH_PAPER))
        painter.drawEllipse(QRectF(1, 1, 14, 14))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawEllipse(QRectF(4, 4, 8, 8))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class PaperMenu(QObject):
    """Fills `menu` with the paper choices of the letter on `desk` and keeps their ticks current."""

    def __init__(self, menu: QMenu, desk: PaperDesk) -> None:
        super().__init__(menu)
        self.menu = menu
        self.desk = desk
        self.actions_by_key: dict[tuple[str, str], QAction] = {}  # (setting, value) -> its action
        self._submenus: list[QMenu] = []
        self._choices(
            _("&Stationery"),
            "stationery",
            [(stationery_label(key), key, {"stationery": key}) for key in STATIONERY],
        )
        self._choices(
            _("&Handwriting"),
            "font_family",
            # A new hand at its natural size: the faces differ a lot in how big a point looks.
            [
                (family, family, {"font_family": family, "font_size_pt": None})
                for family in (*HANDWRITING_FAMILIES, BOOK_FAMILY)
            ],
        )
        self._choices(
            _("Pen si&ze"),
            "font_size_pt",
            [(_("Natural for this hand"), "natural", {"font_size_pt": None})]
            + [(_("{size} pt").format(size=f"{size:g}"), f"{size:g}", {"font_size_pt": size}) for size in PEN_SIZES_PT],
        )
        self._choices(
            _("&Ink"),
            "ink_color",
            [(ink_label(name), name, {"ink_color": name}) for name in INK_COLORS],
            icons={name: _swatch(value) for name, value in INK_COLORS.items()},
        )
        self._choices(
            _("&Page size"),
            "page_size",
            # A new size brings its own margins (A5 is small: narrower ones).
            [(page_size_label(size), size, {"page_size": size, "margins_mm": None}) for size in PAGE_SIZES_MM],
        )
        self._choices(
            _("&Margins"),
            "margins_mm",
            [
                (_("&Narrow ({mm} mm)").format(mm=f"{NARROW_MM:g}"), "narrow", {"margins_mm": NARROW_MM}),
                (_("N&ormal for the page"), "normal", {"margins_mm": None}),
                (_("&Wide ({mm} mm)").format(mm=f"{WIDE_MM:g}"), "wide", {"margins_mm": WIDE_MM}),
            ],
        )
        menu.aboutToShow.connect(self.refresh)
        self.refresh()

    def _choices(
        self,
        title: str,
        setting: str,
        choices: list[tuple[str, str, dict[str, Any]]],
        icons: dict[str, QIcon] | None = None,
    ) -> None:
        submenu = self.menu.addMenu(title)
        submenu.aboutToShow.connect(self.refresh)
        self._submenus.append(submenu)
        group = QActionGroup(submenu)
        group.setExclusive(True)
        for text, value, changes in choices:
            action = submenu.addAction(text)
            action.setCheckable(True)
            action.setObjectName(f"paper_{setting}_{value}")
            if icons and value in icons:
                action.setIcon(icons[value])
            group.addAction(action)
            action.triggered.connect(self._chosen(changes))
            self.actions_by_key[(setting, value)] = action

    def _chosen(self, changes: dict[str, Any]) -> Callable[[bool], None]:
        def choose(_checked: bool = False) -> None:
            self.desk.update_style(**changes)

        return choose

    def current(self) -> dict[str, str]:
        """The open letter's value of each setting, as the menu names it."""
        style = self.desk.page_style
        ink = next((name for name, value in INK_COLORS.items() if value == style.ink_color), "")
        natural = NATURAL_SIZE_PT.get(style.font_family, 13.0)
        margins = tuple(style.margins_mm)
        margin = (
            "normal"
            if margins == DEFAULT_MARGINS_MM.get(style.page_size)
            else "narrow"
            if margins == (NARROW_MM,) * 4
            else "wide"
            if margins == (WIDE_MM,) * 4
            else ""
        )
        return {
            "stationery": style.stationery,
            "font_family": style.font_family,
            "font_size_pt": "natural" if abs(style.font_size_pt - natural) < 0.01 else f"{style.font_size_pt:g}",
            "ink_color": ink,
            "page_size": style.page_size,
            "margins_mm": margin,
        }

    def refresh(self) -> None:
        """Tick the letter's choices; nothing to choose with no letter open, or a letter that cannot change."""
        can_change = self.desk.letter_id is not None and not self.desk.read_only
        for submenu in self._submenus:
            submenu.setEnabled(can_change)
        current = self.current()
        for (setting, value), action in self.actions_by_key.items():
            action.setChecked(current.get(setting) == value)


__all__ = ["PaperMenu"]
