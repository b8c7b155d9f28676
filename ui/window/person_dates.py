"""The person panel's “Important dates”: the list (the birthday from the person, and the dates
added here), Delete date under it, and the rows that add one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates, words
from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _, p_
from beautifulletters.records import Person
from ui.dialogs.common import error_label
from ui.widgets.date_field import DateField
from ui.widgets.plain import plain_tip

DateIdRole = Qt.ItemDataRole.UserRole + 4


class PersonDates(QWidget):
    """A person's important dates, added and deleted in place; changes are saved as they are made."""

    changed = Signal()
    error = Signal(str)
    undoable = Signal(str, object)  # what was just deleted, and how to bring it back

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive: Archive | None = None
        self.person_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.dates_list = QListWidget()
        self.dates_list.setAccessibleName(_("Important dates"))
        self.dates_list.setMaximumHeight(110)
        self.dates_list.setWordWrap(True)
        self.dates_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.dates_list)
        # Delete acts on the list, so it sits under it; the rows below make a new date. (Side by side
        # with Add, the longer German words needed more than a narrow panel's width.)
        self.delete_date_button = QPushButton(_("Delete date"))
        self.delete_date_button.setAccessibleName(_("Delete the selected date"))
        self.delete_date_button.clicked.connect(self._delete_selected_date)
        list_tools = QHBoxLayout()
        list_tools.addStretch(1)
        list_tools.addWidget(self.delete_date_button)
        layout.addLayout(list_tools)
        date_row = QHBoxLayout()
        self.date_kind = QComboBox()
        for kind, label in (
            ("anniversary", p_("kind of date", "anniversary")),
            ("birthday", p_("kind of date", "birthday")),
            ("custom", p_("kind of date", "custom")),
        ):
            self.date_kind.addItem(label, kind)
        self.date_kind.setAccessibleName(_("Kind of date"))
        self.date_value = DateField(placeholder=_("e.g. 3 April or 23 December 1976"))
        self.date_value.setAccessibleName(_("Date"))
        self.date_label = QLineEdit(placeholderText=_("Label"))
        self.date_label.setAccessibleName(_("Date label"))
        self.add_date_button = QPushButton(_("Add date"))
        self.add_date_button.clicked.connect(self._add_date)
        self.date_value.returnPressed.connect(self._add_date)
        # The date has the panel's whole width (beside the kind it showed "e.g. 3 A…"); then its kind
        # and label, then the button that adds it.
        layout.addWidget(self.date_value)
        # What is wrong with a date or label just typed is said under it, as the dialogs do, not
        # in a message box; it goes once the field is changed.
        self.date_problem = error_label()
        self.date_problem.setAccessibleName(_("Problem with the date"))
        layout.addWidget(self.date_problem)
        date_row.addWidget(self.date_kind)
        date_row.addWidget(self.date_label, 1)
        layout.addLayout(date_row)
        self.label_problem = error_label()
        self.label_problem.setAccessibleName(_("Problem with the label"))
        layout.addWidget(self.label_problem)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_date_button)
        layout.addLayout(add_row)
        self.date_value.textEdited.connect(lambda _text: self.date_problem.hide())
        self.date_label.textEdited.connect(lambda _text: self.label_problem.hide())

    def set_editable(self, enabled: bool) -> None:
        for widget in (self.dates_list, self.delete_date_button):
            widget.setEnabled(enabled)

    def clear(self) -> None:
        self.dates_list.clear()
        self.date_problem.hide()
        self.label_problem.hide()

    def show_dates(
        self, archive: Archive, person: Person, dates: list, uncounted: frozenset[int] = frozenset()
    ) -> None:
        """The person's birthday (a field of the person, changed in the Person dialog) and their dates.

        `uncounted`: dates shown without their round years (their person died, or the relationship
        ended: no "· 50 years on 24 December", no "turns 80")."""
        if person.id != self.person_id:  # another person: the last one's problem is not theirs
            self.date_problem.hide()
            self.label_problem.hide()
        self.archive, self.person_id = archive, person.id
        self.dates_list.clear()
        if person.birthday:
            shown = humandates.partial_date(person.birthday) if person.died_on else humandates.birthday(person.birthday)
            self.dates_list.addItem(_("Birthday: {date}").format(date=shown))
        for date in dates:
            counted = date.yearly and date.id not in uncounted and not person.died_on
            shown = humandates.since(date.date) if counted else humandates.partial_date(date.date)
            item = QListWidgetItem(
                _("{label}: {date}").format(label=date.label or words.date_kind(date.kind), date=shown)
            )
            item.setToolTip(plain_tip(item.text()))
            item.setData(DateIdRole, date.id)
            self.dates_list.addItem(item)

    def _add_date(self) -> None:
        if self.archive is None or self.person_id is None:
            return
        archive, person_id = self.archive, self.person_id
        kind, value, label = self.date_kind.currentData(), self.date_value.text(), self.date_label.text() or None
        before = self.dates_list.count()
        self.date_problem.hide()
        self.label_problem.hide()
        try:
            archive.dates.add(person_id, kind=kind, date=value, label=label)
        except ValidationError as error:  # the writer can put it right in the field
            field, problem = (
                (self.date_label, self.label_problem)
                if error.field == "label"
                else (self.date_value, self.date_problem)
            )
            problem.setText(str(error))
            problem.show()
            field.setFocus()
            return
        except BeautifulLettersError as error:  # not about what was typed: the window says so
            self.error.emit(str(error))
            return
        self.changed.emit()
        if self.dates_list.count() > before:
            self.date_value.clear()
            self.date_label.clear()

    def _delete_selected_date(self) -> None:
        """Delete the chosen date; the status bar offers it back (`undoable`)."""
        item = self.dates_list.currentItem()
        date_id = item.data(DateIdRole) if item else None
        archive, person_id = self.archive, self.person_id
        if date_id is None or archive is None or person_id is None:
            return
        date = next((row for row in archive.dates.for_person(person_id) if row.id == date_id), None)
        try:
            archive.dates.remove(date_id)
        except BeautifulLettersError as error:
            self.error.emit(str(error))
            return
        self.changed.emit()
        if date is not None:
            self.undoable.emit(_("The date was deleted."), lambda: archive.dates.put_back(date))
