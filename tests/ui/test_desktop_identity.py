"""The window carries the app's own icon and names its menu entry (Wayland matches windows by it)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from beautifulletters.desktop import APP_ID
from ui.window.app import set_desktop_identity


def test_the_app_names_its_desktop_entry_and_draws_its_own_icon(qapp) -> None:
    set_desktop_identity(qapp)
    assert QApplication.desktopFileName() == APP_ID
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 48, 256, 512} <= sizes
    image = icon.pixmap(QSize(64, 64)).toImage()
    # The envelope's wax seal: a red pixel near the middle, drawn from the bundled files.
    red = [image.pixelColor(x, y) for x in range(24, 40) for y in range(28, 44)]
    assert any(c.red() > 150 and c.green() < 90 and c.blue() < 90 for c in red)
