"""The people list at 1024×768 in German: names read whole; only a truly long one is cut short, with a tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from ui.window.main_window import MainWindow
from ui.window.people_list import CutShortTips

NAMES = ("Annegret Müller-Lüdenscheidt", "Großmutter Wilhelmine", "Theodore Twombly", "Catherine Klausner")
TRULY_LONG = "Maximilian Alexander Schwarzenberger-Hohenlohe-Ingelfingen"


def cut_short_names(window: MainWindow) -> list[str]:
    view = window.people_view
    delegate = view.itemDelegate()
    assert isinstance(delegate, CutShortTips)
    cut = []
    for row in range(window.people_model.rowCount()):
        for column in (0, 1):
            index = window.people_model.index(row, column)
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = view.visualRect(index)
            if index.data() and delegate.cut_short(option, index):
                cut.append(index.data())
    return cut


def test_names_read_whole_in_german_at_1024x768(qtbot, german, window: MainWindow) -> None:
    for name in (*NAMES, TRULY_LONG):
        window.archive.people.add(display_name=name, nickname="Omi" if name.startswith("Groß") else None)
    window.people_list.refresh()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.splitter.width() < 1024, timeout=3000)
    qtbot.waitUntil(lambda: window.people_model.rowCount() == 3 + len(NAMES) + 1, timeout=3000)
    qtbot.wait(100)  # the panels arrange once the list has its names
    assert window.people_model.headerData(1, Qt.Orientation.Horizontal) == "Rufname"
    assert cut_short_names(window) == [TRULY_LONG]
    # The filters above the list read whole too ("Alle Schlagwörter", "Nach Name").
    for combo in (window.tag_filter, window.sort_choice):
        assert combo.width() >= combo.sizeHint().width() - 4, (combo.currentText(), combo.width())
    # The page keeps a width it can be read at, and the person's panel its own.
    assert window.centre.width() >= 360 and window.person_panel.isVisible()


def test_a_name_that_fits_has_no_tooltip_and_a_cut_one_has(qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    window.archive.people.add(display_name=TRULY_LONG)
    window.people_list.refresh()
    view = window.people_view
    delegate = view.itemDelegate()
    model = window.people_model
    rows = {model.index(row, 0).data(): row for row in range(model.rowCount())}
    for name, shown in (("Chris Mercer", False), (TRULY_LONG, True)):
        index = model.index(rows[name], 0)
        view.scrollTo(index)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)
        QToolTip.hideText()
        event = QHelpEvent(QEvent.Type.ToolTip, option.rect.center(), view.viewport().mapToGlobal(QPoint(4, 4)))
        delegate.helpEvent(event, view, option, index)
        assert QToolTip.isVisible() == shown, name
    QToolTip.hideText()


def test_with_room_to_spare_a_long_name_reads_whole_too(qtbot, window: MainWindow) -> None:
    long_name = "Maximilian Schwarzenberger-Hohenlohe"  # 36 letters: cut short at 1024×768, not here
    window.archive.people.add(display_name=long_name)
    window.people_list.refresh()
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.splitter.width() > 1300, timeout=3000)
    qtbot.waitUntil(lambda: window.people_model.rowCount() == 4, timeout=3000)
    qtbot.wait(100)
    assert long_name not in cut_short_names(window)
    assert window.centre.width() >= 600  # the page keeps its room beside it


def test_the_list_keeps_its_width_while_a_search_is_typed(qtbot, window: MainWindow) -> None:
    for name in NAMES:
        window.archive.people.add(display_name=name)
    window.people_list.refresh()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.people_model.rowCount() == 3 + len(NAMES), timeout=3000)
    qtbot.wait(100)
    width = window.left_tabs.width()
    for text in ("c", "ch", "chr"):  # only "Chris Mercer" and "Catherine Klausner" left: short names
        window.search_box.setText(text)
        window.people_list.run_search()
        qtbot.waitUntil(lambda: not window.people_list.searching, timeout=3000)
        qtbot.wait(50)
        assert window.left_tabs.width() == width, text
    window.search_box.clear()
    window.people_list.run_search()
    qtbot.waitUntil(lambda: not window.people_list.searching, timeout=3000)
    qtbot.wait(50)
    assert window.left_tabs.width() == width


def test_the_filters_read_whole_in_german_beside_short_names(qtbot, german, window: MainWindow) -> None:
    """Only the sample's short names: the list was 190 pixels and read 'Alle Schla' and 'Nach Nar'."""
    from ui.window.people_list import _words_room

    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.splitter.width() < 1024, timeout=3000)
    qtbot.wait(100)
    assert window.tag_filter.itemText(0) == "Alle Schlagwörter"
    for combo, text in ((window.tag_filter, "Alle Schlagwörter"), (window.sort_choice, "Nach Name")):
        assert combo.width() >= _words_room(combo, text) - 1, (text, combo.width())
