"""Drop-down lists, date fields and spin boxes have flat arrows in the text's colour inside their
rounded boxes, light and dark: not raised bevels over the corner, nor spin boxes without arrows."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox, QWidget

from ui.window.theme import apply_theme


def arrow_pixels(widget: QWidget, color: QColor) -> int:
    """How many pixels in the box's right-hand 22 pixels are (nearly) the text's colour."""
    image = widget.grab().toImage()
    count = 0
    for x in range(image.width() - 22, image.width() - 2):
        for y in range(2, image.height() - 2):
            pixel = image.pixelColor(x, y)
            differences = (pixel.red() - color.red(), pixel.green() - color.green(), pixel.blue() - color.blue())
            if max(abs(difference) for difference in differences) < 60:
                count += 1
    return count


def near_black(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return sum(image.pixelColor(x, y).lightness() < 30 for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_boxes_have_flat_arrows_in_the_text_colour(qtbot, dark: bool) -> None:
    app = QApplication.instance()
    colours = apply_theme(app, dark=dark)
    try:
        combo = QComboBox()
        combo.addItems(["Loretta Mercer", "Chris Mercer"])
        spin = QSpinBox()
        for box in (combo, spin):
            qtbot.addWidget(box)
            box.resize(220, 32)
            box.show()
            qtbot.waitExposed(box)
            assert arrow_pixels(box, QColor(colours["text"])) >= 8, type(box).__name__
            if not dark:
                assert near_black(box) == 0, type(box).__name__  # no bevel's black shadow line
    finally:
        apply_theme(app, dark=False)


def first_ink_column(widget: QWidget, ink: QColor) -> int:
    """The leftmost column, inside the border, where the box's words start."""
    image = widget.grab().toImage()
    for x in range(3, image.width()):
        for y in range(4, image.height() - 4):
            pixel = image.pixelColor(x, y)
            if abs(pixel.lightness() - ink.lightness()) < 60:
                return x
    return -1


def test_a_spin_box_sets_its_number_in_like_the_boxes_around_it(qtbot, archive) -> None:
    from PySide6.QtWidgets import QLineEdit

    from beautifulletters.preferences import Preferences
    from ui.dialogs.preferences_dialog import PreferencesDialog

    colours = apply_theme(QApplication.instance(), dark=False)
    dialog = PreferencesDialog(archive, Preferences())
    qtbot.addWidget(dialog)
    line = QLineEdit("160")
    qtbot.addWidget(line)
    for box in (dialog.rate, line):
        box.resize(220, 32)
        box.show()
        qtbot.waitExposed(box)
    ink = QColor(colours["text"])
    words = first_ink_column(line, ink)
    assert words > 4
    assert abs(first_ink_column(dialog.rate, ink) - words) <= 3  # "160 words a minute" hugged the border
