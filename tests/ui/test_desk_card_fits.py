"""The empty desk's card fits the desk it lies on: at 1024×768 a long name ("Letters with
Maximiliane Wilhelmina Augusta von Hohenzollern-Sigmaringen") made the card wider than the
desk, its heading and its Write to… and Back buttons cut at the right edge, and a letter line
"… sent on 1 December 2025" ran to the edge. Long lines wrap or are cut short with "…" (whole on
hover), buttons stay whole inside the card, and the card is never wider than the desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel, QPushButton

from beautifulletters.archive import Archive
from tests.ui.test_empty_desk import _click_person, _desk_texts
from tests.ui.test_page_fit import open_window
from ui.widgets.fitting import ButtonRow, FittingButton
from ui.window.empty_desk import EmptyDesk, LetterLine

LONG_NAME = "Maximiliane Wilhelmina Augusta von Hohenzollern-Sigmaringen"
LONG_TITLE = "Thinking of you on the long road back from the coast, and of the summer we spent there"


def _rect_in(widget, ancestor) -> QRect:  # noqa: ANN001 - widgets
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def assert_card_fits(desk: EmptyDesk) -> None:
    viewport = desk.viewport()
    assert desk.inside.width() <= viewport.width(), (desk.inside.width(), viewport.width())  # no sideways scrolling
    card = _rect_in(desk.card, viewport)
    assert card.left() >= 0 and card.right() < viewport.width(), (card, viewport.width())
    inner = desk.card.contentsRect()
    for widget in desk.card.findChildren(QLabel) + desk.card.findChildren(QPushButton):
        if not widget.isVisibleTo(desk.card):
            continue
        rect = _rect_in(widget, desk.card)
        assert inner.contains(rect), (widget.text(), rect, inner)
        if isinstance(widget, QPushButton):
            assert widget.width() >= widget.minimumSizeHint().width(), widget.text()  # never squeezed past its frame
        if isinstance(widget, FittingButton) and widget.is_cut():
            assert widget.toolTip() and "…" in widget.text()  # the whole of it on hover


def _long_archive(archive: Archive) -> int:
    me = archive.settings.default_signer_id()
    maxi = archive.people.add(display_name=LONG_NAME)
    archive.letters.create(signer_id=me, recipient_id=maxi, title=LONG_TITLE, body="Dear Max,", status="sent")
    archive.letters.create(signer_id=me, recipient_id=maxi, title=LONG_TITLE, body="Dear Max,", status="final")
    return maxi


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)])
def test_a_long_name_and_long_titles_stay_inside_the_card(
    qtbot, empty_archive: Archive, archive_path: Path, test_output_dir: Path, size: tuple[int, int]
) -> None:
    maxi = _long_archive(empty_archive)
    empty_archive.close()
    window = open_window(qtbot, archive_path, size)
    desk = window.desk_room.empty
    qtbot.waitUntil(lambda: any(LONG_TITLE[:20] in text or "…" in text for text in _desk_texts(window)), timeout=5000)
    assert_card_fits(desk)
    _click_person(qtbot, window, maxi)
    qtbot.waitUntil(lambda: desk.person_id == maxi, timeout=3000)
    qtbot.wait(50)
    assert_card_fits(desk)
    write = next(b for b in desk.buttons() if "Write to" in b.text().replace("&", "") or b.toolTip())
    assert isinstance(write, FittingButton) and LONG_NAME in write.full_text()
    window.grab().save(str(test_output_dir / f"desk-card-{size[0]}x{size[1]}.png"))


def test_the_card_gives_way_down_to_a_narrow_desk(qtbot) -> None:
    """As narrow as the desk gets with the window at 1024×768 and QT_SCALE_FACTOR=2, and narrower."""
    desk = EmptyDesk()
    qtbot.addWidget(desk)
    lines = [LetterLine(f"{LONG_TITLE}, to {LONG_NAME} — sent on 1 December 2025", 1)]
    desk.show_person(7, LONG_NAME + "-Unterschleißheimerstraßenbahnhaltestelle", lines)
    desk.show()
    for width in (900, 560, 420, 300, 220):
        desk.resize(width, 600)
        qtbot.wait(20)
        assert_card_fits(desk)
    write = desk.buttons()[1]
    assert write.is_cut() and write.text().startswith("&Write to M") and write.text().endswith("…")
    row = desk.card.findChild(ButtonRow)
    assert row is not None and row.height() > max(b.height() for b in row.buttons())  # the buttons went onto two lines
    heading = desk.card.findChildren(QLabel)[0]
    assert heading.toolTip()  # a word longer than the line is cut: the whole heading on hover


def test_the_card_fits_in_german(qtbot, german, empty_archive: Archive, archive_path: Path) -> None:
    maxi = _long_archive(empty_archive)
    empty_archive.close()
    window = open_window(qtbot, archive_path, (1024, 768))
    desk = window.desk_room.empty
    qtbot.waitUntil(lambda: "Am Schreibtisch" in _desk_texts(window), timeout=5000)
    assert_card_fits(desk)
    _click_person(qtbot, window, maxi)
    qtbot.waitUntil(lambda: desk.person_id == maxi, timeout=3000)
    qtbot.wait(50)
    assert_card_fits(desk)
    write = next(b for b in desk.buttons() if isinstance(b, FittingButton) and "schreiben" in b.full_text())
    assert not write.is_cut() or write.text().replace("&", "").endswith(" schreiben …"), write.text()

    narrow = EmptyDesk()
    qtbot.addWidget(narrow)
    narrow.show_person(maxi, LONG_NAME, [])
    narrow.show()
    narrow.resize(320, 500)
    qtbot.wait(20)
    assert_card_fits(narrow)
    # The name is cut short, not the verb after it: "An Maximiliane Wilhelmina Au… schreiben …"
    write = narrow.buttons()[0]
    assert write.is_cut() and write.text().replace("&", "").endswith("… schreiben …"), write.text()
