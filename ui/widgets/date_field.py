"""A date field: typed as people say it, or picked on a calendar; a date that reads two ways is asked about.

The field stays a QLineEdit, so a dialog reads and checks it as before ("3 April", "14/03/1990",
"14 March 1990" all keep working). The calendar at its end writes the date in words, in the
person's language ("3 April 1990"). A numeric date that is a real date both ways round
("03/04/1980") is never read one way silently: both readings drop down under the field, in
words, and the one chosen replaces what was typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCalendarWidget, QCompleter, QLineEdit, QMenu, QWidget, QWidgetAction

from beautifulletters import humandates
from beautifulletters.i18n import _
from ui.resources import icon as load_icon

ASK_AFTER_MS = 500
_ARRIVALS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


def in_words(iso: str) -> str:
    """'3 April 1990', or '3 April' for a date without its year, in the person's language."""
    return humandates.day_month(iso) if iso.startswith("--") else humandates.full_date(iso)


class DateField(QLineEdit):
    """A date typed or picked; `readings` drops down the two readings of an ambiguous date."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("e.g. 3 April, or 14 March 1990") if placeholder is None else placeholder)
        self.pick_action = self.addAction(load_icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.pick_action.setText(_("Choose a date"))
        self.pick_action.setToolTip(_("Choose the date on a calendar"))
        self.pick_action.triggered.connect(self.open_calendar)
        self.calendar_menu: QMenu | None = None
        self.calendar: QCalendarWidget | None = None
        self._readings = QStringListModel(self)
        self.readings = QCompleter(self._readings, self)
        self.readings.setWidget(self)
        self.readings.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.readings.activated.connect(self.choose)
        # Asked once typing pauses: "03/04" on the way to "03/04/1980" is not yet a question.
        self._pause = QTimer(self, singleShot=True, interval=ASK_AFTER_MS)
        self._pause.timeout.connect(self.offer_readings)
        self.textEdited.connect(lambda _text: self._pause.start())
        self.textEdited.connect(lambda _text: self._hide_readings())

    # ------------------------------------------------------------------ two readings
    def _hide_readings(self) -> None:
        popup = self.readings.popup()
        if popup is not None:
            popup.hide()

    def ambiguous_readings(self) -> list[str]:
        """The typed date's readings in words when it reads two ways; else nothing."""
        try:
            humandates.parse_date(self.text())
        except humandates.AmbiguousDate as ambiguous:
            return [in_words(iso) for iso in ambiguous.readings]
        except ValueError:
            return []
        return []

    def offer_readings(self, _text: str = "") -> None:
        """Drop down both readings of an ambiguous date (the person picks one); hide them otherwise."""
        readings = self.ambiguous_readings()
        self._readings.setStringList(readings)
        if readings and self.isVisible():
            self.readings.complete()
        else:
            self._hide_readings()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        # Back in a field left ambiguous (by Tab or a click): ask again. Not when the readings
        # themselves just closed (Escape): that would hold Escape there for ever.
        if event.reason() in _ARRIVALS and self.ambiguous_readings():
            QTimer.singleShot(0, self, self.offer_readings)

    def choose(self, text: str) -> None:
        """Write `text` (a reading, a date from the calendar) as if typed, and let checks run."""
        self.setText(text)
        self._hide_readings()
        self.editingFinished.emit()  # the dialog's check of the field runs, as after typing

    # ------------------------------------------------------------------ calendar
    def _shown_date(self) -> QDate:
        try:
            iso = humandates.parse_date(self.text()) if self.text().strip() else ""
        except ValueError:
            iso = ""
        if iso.startswith("--"):
            iso = f"{dt.date.today().year}{iso[1:]}"
        if iso:
            shown = QDate.fromString(iso, "yyyy-MM-dd")
            if shown.isValid():
                return shown
        return QDate.currentDate()

    def open_calendar(self) -> QMenu:
        """The calendar under the field, on the typed date (else today); a click or Enter writes it in words."""
        self.setFocus()  # what the field held before the calendar counts as where the person began
        calendar = QCalendarWidget()
        calendar.setGridVisible(False)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)  # no week numbers
        # The menu gave the calendar too little room: day names were cut to "…" and the last week hidden.
        letters = calendar.fontMetrics().averageCharWidth()
        calendar.setMinimumSize(max(calendar.sizeHint().width(), 54 * letters), 16 * calendar.fontMetrics().height())
        calendar.setSelectedDate(self._shown_date())
        calendar.setAccessibleName(_("Calendar"))
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def picked(date: QDate) -> None:
            menu.close()
            self.choose(in_words(date.toString("yyyy-MM-dd")))

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        self.calendar_menu, self.calendar = menu, calendar
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setFocus()
        return menu
