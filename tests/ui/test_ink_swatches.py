"""Paper ▸ Ink: each ink shows on a spot of paper, so black and blue-black read on a dark menu, sharp at 2×."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from beautifulletters.stationery import INK_COLORS
from ui.desk.paper_menu import _swatch
from ui.window.theme import DARK


def test_every_ink_stands_out_on_a_dark_menu_and_is_drawn_for_2x(qapp) -> None:
    menu = QColor(DARK["window"])
    for ink in INK_COLORS.values():
        icon = _swatch(ink)
        for ratio in (1.0, 2.0):
            pixmap = icon.pixmap(QSize(16, 16), ratio)
            assert pixmap.width() == round(16 * ratio)  # its own pixels at 2×, not 16 blown up
            image = pixmap.toImage()
            rim = image.pixelColor(round(3 * ratio), round(8 * ratio))  # the paper around the ink
            middle = image.pixelColor(round(8 * ratio), round(8 * ratio))
            assert rim.lightness() - menu.lightness() > 150, (ink, rim.name())
            assert middle.name() == QColor(ink).name(), (ink, middle.name())
