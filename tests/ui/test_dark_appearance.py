"""Dark mode: everything around the paper follows the dark palette; the paper stays paper, its ink legible."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from ui.window.main_window import MainWindow
from ui.window.theme import DARK, apply_theme


@pytest.fixture
def dark(window: MainWindow) -> Iterator[MainWindow]:
    """The window switched to dark while it is open (Preferences ▸ Appearance), light again afterwards."""
    app = QApplication.instance()
    apply_theme(app, dark=True)
    QApplication.processEvents()
    yield window
    apply_theme(app, dark=False)
    QApplication.processEvents()


def pixel(widget: QWidget, x: int, y: int) -> QColor:
    return widget.grab().toImage().pixelColor(x, y)


def test_the_empty_desk_around_the_card_is_dark_and_the_card_stays_paper(qtbot, dark: MainWindow) -> None:
    desk = dark.desk_room.empty
    assert dark.desk_room.currentWidget() is desk
    around = pixel(desk, 4, desk.height() - 4)  # below the card
    assert around.lightness() < QColor(DARK["window"]).lightness() + 8, around.name()
    card = dark.desk_room.empty.card
    assert pixel(card, card.width() // 2, 4).lightness() > 200  # cream, as in a light window


def test_the_desk_under_an_open_letter_is_dark_and_the_ink_reads_on_the_paper(qtbot, dark: MainWindow) -> None:
    letter = dark.archive.letters.all(to=dark.person_panel.person_id)[0]
    dark.open_letter(letter.id)
    qtbot.waitUntil(lambda: dark.desk_room.showing_letter)
    page = dark.editor.text_edit
    viewport = page.viewport()
    image = viewport.grab().toImage()
    corner = image.pixelColor(viewport.width() - 2, viewport.height() - 2)
    paper_width = round(page.document().pageSize().width())
    if paper_width < viewport.width() - 4:  # the page is centred with desk on both sides
        assert corner.lightness() < 60, corner.name()
    left = image.pixelColor(max(0, (viewport.width() - paper_width) // 2 - 2), 2)
    assert left.lightness() < 60 or paper_width >= viewport.width() - 4, left.name()
    middle = image.pixelColor(viewport.width() // 2, 20)
    assert middle.lightness() > 180, middle.name()  # the sheet is still paper
    ink = page.palette().color(page.palette().ColorRole.Text)
    assert ink.lightness() < 100  # dark ink on light paper, not the dark palette's light text


def test_switching_back_to_light_brings_the_brown_desk_back(qtbot, window: MainWindow) -> None:
    app = QApplication.instance()
    desk = window.desk_room.empty
    light = pixel(desk, 4, desk.height() - 4)
    apply_theme(app, dark=True)
    QApplication.processEvents()
    apply_theme(app, dark=False)
    QApplication.processEvents()
    assert pixel(desk, 4, desk.height() - 4) == light


def test_print_preview_shows_the_pages_on_the_dark_desk(qtbot, dark: MainWindow) -> None:
    from PySide6.QtWidgets import QGraphicsView

    from ui.window.integrations import preview_current

    letter = dark.archive.letters.all(to=dark.person_panel.person_id)[0]
    dark.open_letter(letter.id)
    qtbot.waitUntil(lambda: dark.desk_room.showing_letter)
    dialog = preview_current(dark)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    view = dialog.findChild(QGraphicsView)
    qtbot.wait(100)
    corner = view.viewport().grab().toImage().pixelColor(3, view.viewport().height() - 3)
    assert corner.lightness() < 60, corner.name()  # not Qt's light grey
    dialog.reject()


def test_the_letter_preview_of_a_new_letter_is_paper_in_dark_mode(qtbot, dark: MainWindow) -> None:
    from ui.dialogs.common import LetterPreview

    preview = LetterPreview()
    qtbot.addWidget(preview)
    preview.setPlainText("Dearest Lolly,")
    preview.resize(400, 300)
    preview.show()
    qtbot.waitExposed(preview)
    sheet = pixel(preview, preview.width() // 2, preview.height() - 20)
    assert sheet.lightness() > 200, sheet.name()
    ink = preview.palette().color(preview.palette().ColorRole.Text)
    assert ink.lightness() < 100, ink.name()


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark_mode", [False, True], ids=["light", "dark"])
def test_the_format_bar_above_the_page_reads_in_either_appearance(qtbot, window: MainWindow, dark_mode: bool) -> None:
    app = QApplication.instance()
    apply_theme(app, dark=dark_mode)
    try:
        letter = window.archive.letters.all(to=window.person_panel.person_id)[0]
        window.open_letter(letter.id)
        qtbot.waitUntil(lambda: window.desk_room.showing_letter)
        bar = window.editor.format_toolbar
        # As it shows on the editor (a grab of the bar alone paints its own background, which it never shows).
        spot = bar.mapTo(window.editor, bar.rect().topLeft()) + QPoint(bar.width() // 2, 2)
        background = window.editor.grab().toImage().pixelColor(spot)
        words = app.palette().color(app.palette().ColorRole.ButtonText)
        # "Bold" on the desk's brown had a contrast of 2.3.
        assert contrast(background, words) >= 4.5, (background.name(), words.name())
    finally:
        apply_theme(app, dark=False)
        QApplication.processEvents()


def test_as_the_system_follows_a_dark_desktop_palette_that_names_no_scheme(qtbot, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette

    from beautifulletters.preferences import Preferences
    from ui.window import theme

    if QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Unknown:
        pytest.skip("this platform names its colour scheme")
    desktop = QPalette(QColor("#202020"), QColor("#2a2a2a"))  # a dark desktop: dark buttons and window
    monkeypatch.setattr(theme, "_desktop_palette", desktop)
    app = QApplication.instance()
    try:
        theme.follow_appearance(app, Preferences(appearance="system"))
        assert app.palette().color(QPalette.ColorRole.Window).name() == DARK["window"]
        monkeypatch.setattr(theme, "_desktop_palette", QPalette(QColor("#efefef"), QColor("#f5f5f5")))
        theme.follow_appearance(app, Preferences(appearance="system"))
        assert app.palette().color(QPalette.ColorRole.Window).name() != DARK["window"]
    finally:
        apply_theme(app, dark=False)
