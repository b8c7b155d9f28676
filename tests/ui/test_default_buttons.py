"""A button that cannot be pressed looks it, also when it is a dialog's default; the trash's Empty
trash… is never the coral default (it looked pressable, and first, in an empty trash)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QPushButton

from ui.window.main_window import MainWindow
from ui.window.theme import apply_theme


def looks_coral(button: QPushButton, accent: QColor) -> bool:
    middle = button.grab().toImage().pixelColor(4, button.height() // 2)
    return max(abs(middle.red() - accent.red()), abs(middle.green() - accent.green())) < 30


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_a_disabled_default_button_does_not_look_pressable(qtbot, dark: bool) -> None:
    app = QApplication.instance()
    colours = apply_theme(app, dark=dark)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        off, on = QPushButton("Save"), QPushButton("Create letter")
        layout = QHBoxLayout(dialog)
        layout.addWidget(off)
        layout.addWidget(on)
        dialog.show()
        qtbot.waitExposed(dialog)
        on.setDefault(True)
        assert looks_coral(on, QColor(colours["accent"]))
        off.setDefault(True)
        off.setEnabled(False)
        assert not looks_coral(off, QColor(colours["accent"]))
    finally:
        apply_theme(app, dark=False)


def test_empty_trash_is_never_the_default(qtbot, window: MainWindow) -> None:
    from ui.window.trash_actions import open_trash

    dialog = open_trash(window)
    qtbot.waitExposed(dialog)
    assert not dialog.empty_button.isEnabled()  # the sample's trash is empty
    assert not dialog.empty_button.isDefault()
    assert not looks_coral(dialog.empty_button, QColor("#c8573f"))
    dialog.reject()
