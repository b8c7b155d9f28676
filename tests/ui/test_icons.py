"""Icons read on both themes: drawn in the palette's text colour when painted."""

from __future__ import annotations

from ui.window.theme import apply_theme


def test_icons_follow_the_theme_light_on_dark_and_dark_on_light(qapp) -> None:
    from PySide6.QtCore import QSize

    from ui.resources import ICONS, icon

    def ink(name: str) -> int:
        image = icon(name).pixmap(QSize(24, 24)).toImage()
        strokes = [image.pixelColor(x, y) for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() > 200]
        assert strokes, name
        return sum(c.lightness() for c in strokes) // len(strokes)

    try:
        apply_theme(qapp, dark=False)
        assert all(ink(name) < 100 for name in ICONS)
        apply_theme(qapp, dark=True)
        assert all(ink(name) > 160 for name in ICONS)
    finally:
        apply_theme(qapp, dark=False)
