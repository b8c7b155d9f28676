"""Dates in the window: typed as people say them, picked on a calendar, and asked about when they read two ways."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog

from beautifulletters import humandates
from ui.dialogs.person_dialog import PersonDialog, RelationshipDialog
from ui.widgets.date_field import DateField

WAIT_MS = 10000


def _dialog(qtbot, archive, person_id: int | None = None) -> PersonDialog:
    dialog = PersonDialog(archive, None, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _pick(qtbot, field: DateField, day: QDate) -> None:
    """Open the calendar beside the field, go to `day` and press Enter, as with the keyboard."""
    menu = field.open_calendar()
    qtbot.waitUntil(menu.isVisible, timeout=WAIT_MS)
    calendar = field.calendar
    assert calendar is not None
    calendar.setSelectedDate(day)
    view = calendar.focusWidget() or calendar
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=WAIT_MS)


def test_the_calendar_writes_the_date_in_words_and_it_is_stored(qtbot, archive) -> None:
    dialog = _dialog(qtbot, archive)
    dialog.name.setText("Ada Byron")
    assert isinstance(dialog.birthday, DateField)
    _pick(qtbot, dialog.birthday, QDate(1990, 4, 3))
    assert dialog.birthday.text() == humandates.full_date("1990-04-03")
    assert "April" in dialog.birthday.text() and "1990" in dialog.birthday.text()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert archive.people.get(dialog.person_id).birthday == "1990-04-03"


def test_the_calendar_opens_on_the_typed_date(qtbot, archive) -> None:
    dialog = _dialog(qtbot, archive)
    dialog.birthday.setText("14 March 1990")
    dialog.birthday.open_calendar()
    assert dialog.birthday.calendar is not None
    assert dialog.birthday.calendar.selectedDate() == QDate(1990, 3, 14)
    dialog.birthday.calendar_menu.close()


def test_typed_dates_keep_working(qtbot, archive) -> None:
    dialog = _dialog(qtbot, archive)
    dialog.name.setText("Ada Byron")
    dialog.birthday.setFocus()
    qtbot.keyClicks(dialog.birthday, "14/03/1990")
    assert not dialog.birthday.readings.popup().isVisible()  # one reading only: nothing to ask
    dialog.accept()
    assert archive.people.get(dialog.person_id).birthday == "1990-03-14"


def test_a_date_that_reads_two_ways_is_asked_about(qtbot, archive) -> None:
    dialog = _dialog(qtbot, archive)
    dialog.name.setText("Ada Byron")
    field = dialog.birthday
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(field, "03/04/1980")
    popup = field.readings.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    offered = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert offered == [humandates.full_date("1980-04-03"), humandates.full_date("1980-03-04")]
    # Not saved as either until the person says which.
    dialog.accept()
    assert dialog.person_id is None and "could be" in dialog.form.message_for("birthday")
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == humandates.full_date("1980-03-04")
    QApplication.processEvents()
    dialog.accept()
    assert archive.people.get(dialog.person_id).birthday == "1980-03-04"


def test_relationship_since_has_the_calendar(qtbot, archive) -> None:
    loretta = next(p.id for p in archive.search.people() if p.display_name == "Loretta Mercer")
    signer = archive.settings.default_signer_id()
    dialog = RelationshipDialog(archive, signer, loretta)
    qtbot.addWidget(dialog)
    dialog.show()
    assert isinstance(dialog.since, DateField)
    dialog.kind.setCurrentText("friend")
    _pick(qtbot, dialog.since, QDate(1976, 12, 23))
    assert dialog.since.text() == humandates.full_date("1976-12-23")
    dialog.accept()
    assert archive.relationships.get(signer, loretta).since == "1976-12-23"


def test_relationship_since_is_shown_in_words_and_kept_as_stored(qtbot, archive, german) -> None:
    """Edit relationship… showed "Seit 1976-12-23": the stored date is shown as people say it, and
    saving without touching it keeps it; a month and year ("1976-12") is shown and kept too."""
    people = {p.display_name: p.id for p in archive.search.people()}
    signer, loretta = people["Chris Mercer"], people["Loretta Mercer"]
    # The sample's wedding day falls three weeks after the day the archive was made.
    stored = archive.relationships.get(signer, loretta).since
    wedding = dt.date.fromisoformat(stored)
    assert wedding.year == 1976
    dialog = RelationshipDialog(archive, signer, loretta)
    qtbot.addWidget(dialog)
    dialog.show()
    months = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ]
    assert dialog.since.text() == f"{wedding.day}. {months[wedding.month - 1]} 1976"
    dialog.accept()
    assert archive.relationships.get(signer, loretta).since == stored
    archive.relationships.set(signer, loretta, kind="spouse", since="1976-12")
    again = RelationshipDialog(archive, signer, loretta)
    qtbot.addWidget(again)
    again.show()
    assert again.since.text() == "Dezember 1976"
    again.accept()
    assert archive.relationships.get(signer, loretta).since == "1976-12"


def test_the_person_panel_adds_a_date_picked_on_the_calendar(qtbot, archive) -> None:
    from ui.window.person_panel import PersonPanel

    loretta = next(p.id for p in archive.search.people() if p.display_name == "Loretta Mercer")
    panel = PersonPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(archive, loretta)
    before = len(archive.dates.for_person(loretta))
    _pick(qtbot, panel.date_value, QDate(2001, 9, 8))
    panel.date_label.setText("First flat")
    qtbot.keyClick(panel.date_value, Qt.Key.Key_Return)
    added = [d for d in archive.dates.for_person(loretta) if d.label == "First flat"]
    assert len(archive.dates.for_person(loretta)) == before + 1 and added[0].date == "2001-09-08"


def test_a_bad_date_in_the_person_panel_is_said_under_the_field_not_in_a_message_box(qtbot, archive) -> None:
    from ui.window.person_panel import PersonPanel

    loretta = next(p.id for p in archive.search.people() if p.display_name == "Loretta Mercer")
    panel = PersonPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(archive, loretta)
    popped: list[str] = []
    panel.error.connect(popped.append)  # the window shows these in a message box
    before = len(archive.dates.for_person(loretta))
    qtbot.keyClicks(panel.date_value, "31 February")
    qtbot.keyClick(panel.date_value, Qt.Key.Key_Return)
    problem = panel.dates.date_problem
    assert problem.isVisible() and "date" in problem.text().lower(), problem.text()
    assert popped == [] and len(archive.dates.for_person(loretta)) == before
    assert panel.date_value.text() == "31 February"  # kept, to be corrected
    qtbot.keyClick(panel.date_value, Qt.Key.Key_Backspace)
    assert not problem.isVisible()  # gone as the writer corrects it
    panel.date_value.setText("3 March")
    panel.date_label.setText("First flat")
    qtbot.keyClick(panel.date_value, Qt.Key.Key_Return)
    assert len(archive.dates.for_person(loretta)) == before + 1 and not problem.isVisible()
