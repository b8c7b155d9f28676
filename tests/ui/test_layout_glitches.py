"""Visible glitches under the app's own theme: cut-off combo boxes, overlapping rows, clipped labels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QComboBox

from beautifulletters.archive import Archive
from ui.window.theme import apply_theme


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def themed(request) -> Iterator[bool]:
    app = QApplication.instance()
    old_palette, old_sheet, old_style = app.palette(), app.styleSheet(), app.style().name()
    apply_theme(app, request.param)
    yield request.param
    app.setStyleSheet(old_sheet)
    app.setPalette(old_palette)
    app.setStyle(old_style)


def test_csv_mapping_combo_boxes_fit_their_rows(qtbot, archive_path, tmp_path, themed) -> None:
    from ui.dialogs.import_dialog import ImportDialog

    Archive.open(archive_path).close()
    source = tmp_path / "club.csv"
    source.write_text("Member;Mail;Born\nInes Duarte;ines@example.pt;1961-10-10\n", encoding="utf-8")
    dialog = ImportDialog(archive_path, source)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.mapping_view.isVisible() and dialog.mapping_view.rowCount() == 3, timeout=15000)
    view = dialog.mapping_view
    for row in range(view.rowCount()):
        combo = view.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        assert combo.height() >= combo.sizeHint().height(), f"row {row}: the box is cut to {combo.height()}px"
        assert view.rowHeight(row) >= combo.sizeHint().height()


def test_revision_rows_do_not_overlap(qtbot, archive: Archive, themed) -> None:
    from ui.desk.history import RevisionHistoryDialog

    ada = archive.people.add(display_name="Ada Quill")
    me = next(i for i in archive.search.people_ids() if i != ada)
    letter = archive.letters.create(signer_id=me, recipient_id=ada, body="Dear Ada,\n\nFirst.")
    for n in range(4):
        archive.letters.save_body(letter, f"Dear Ada,\n\nDraft {n}.")
    dialog = RevisionHistoryDialog(archive, letter, "Dear Ada,")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.list
    assert view.count() == 5
    rects = [view.visualItemRect(view.item(row)) for row in range(view.count())]
    for above, below in zip(rects, rects[1:], strict=False):
        assert above.bottom() < below.top(), f"rows overlap: {above} and {below}"
        assert below.height() >= view.fontMetrics().height()
