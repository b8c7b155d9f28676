"""The people list model: correct per Qt's model tester, and lazy on a 100,000-person archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from beautifulletters.archive import Archive, search_words
from ui.window.models import PeopleModel


def test_people_model_passes_qt_model_tester(qtmodeltester, archive: Archive) -> None:
    model = PeopleModel(archive)
    qtmodeltester.check(model)
    model.set_filter(search="lolly")
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Loretta Mercer"
    assert model.index(0, 1).data() == "Lolly"


def fill_with_people(archive: Archive, count: int) -> None:
    first = ["Anna", "Ben", "Clara", "Dev", "Elif", "Farah", "Goran", "Hana", "Ivo", "Jun"]
    last = ["Okafor", "Mercer", "Nakamura", "Silva", "Haddad", "Novak", "Kowalski", "Brown"]
    stamp = "2026-01-01T00:00:00.000+00:00"
    rows = (
        {
            "display_name": f"{first[i % len(first)]} {last[(i // 10) % len(last)]} {i}",
            "nickname": f"nick{i}",
            "created_at": stamp,
            "updated_at": stamp,
        }
        for i in range(count)
    )
    with archive.transaction() as db:
        db["people"].insert_all(rows, batch_size=5000)
        search_words.rebuild(db.conn)  # rows written around the store need their search documents


@pytest.mark.slow
def test_large_archive_shows_first_rows_and_searches_without_loading_every_row(qtbot, archive_path: Path) -> None:
    from PySide6.QtWidgets import QTableView

    archive = Archive.open(archive_path, with_sample=False)
    view = None
    try:
        fill_with_people(archive, 100_000)
        model = PeopleModel(archive)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(400, 600)
        view.show()
        qtbot.waitExposed(view)
        assert model.rowCount() == PeopleModel.PAGE and not model.is_complete  # a quick first page
        model.extend_ids(archive.search.people_ids())  # what the window's worker sends next
        assert model.rowCount() == 100_001 and model.is_complete
        assert model.index(0, 0).data().startswith("Anna")
        assert 0 < model.loaded_row_count <= PeopleModel.PAGE, "only the page on screen is built"
        model.set_filter(search="nick4242")  # prefix search: nick4242 and nick42420..nick42429
        assert model.rowCount() == 11
        assert all("4242" in model.index(row, 0).data() for row in range(11))
        assert model.loaded_row_count <= PeopleModel.PAGE
        model.set_filter(search="Nakamura")
        assert model.rowCount() == 12_500
        view.scrollToBottom()
        assert model.loaded_row_count <= 2 * PeopleModel.PAGE
        view.hide()
        view.setModel(None)
    finally:
        archive.close()


def test_a_row_that_cannot_be_read_shows_blank_instead_of_raising_inside_qt(empty_archive: Archive) -> None:
    model = PeopleModel(empty_archive)
    assert model.rowCount() == 1
    empty_archive.close()  # the file went away under the list (closed, damaged, unmounted)
    assert model.index(0, 0).data() == ""  # an exception here would be raised inside Qt's painting
