"""The Upcoming view: birthdays, anniversaries and other dates soon, each with “Write…”.

The dates are gathered on a worker thread (on 100,000 people that is every birthday), and
the list is a model with a painted “Write…” button per row rather than a widget per row,
so thousands of dates cost one view.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates, words
from beautifulletters.archive import Archive
from beautifulletters.i18n import N_, SOURCE_LANGUAGE, _, current_language, n_
from beautifulletters.records import UpcomingDate
from ui.tasks import Lane, LatestOnly, wait_for_quiet
from ui.widgets.plain import plain_label, plain_tip

_Index = QModelIndex | QPersistentModelIndex
WRITE_TEXT = N_("Write…")


def describe(item: UpcomingDate) -> str:
    what = item.label or words.date_kind(item.kind)
    if item.in_memory:
        what = words.remembered(item)
    elif item.years is not None and item.kind == "anniversary":
        if item.label:  # "50th golden wedding"; German keeps its nouns' capitals
            label = item.label.lower() if current_language() == SOURCE_LANGUAGE else item.label
            what = _("{ordinal} {occasion}").format(ordinal=words.ordinal(item.years), occasion=label)
        else:
            what = _("{ordinal} anniversary").format(ordinal=words.ordinal(item.years))
    elif item.years is not None and item.kind == "birthday":
        what = _("{occasion} (turns {years})").format(occasion=what, years=item.years)
    when = humandates.in_days(item.days_until)
    return _("{name} — {occasion}, {when} ({date})").format(
        name=item.person_name, occasion=what, when=when, date=humandates.near_date(item.date)
    )


def upcoming_rows(path: Path, days: int) -> list[UpcomingDate]:
    """Worker side: the upcoming dates, on a read-only connection of its own.

    The list keeps these slotted records as they come (with 100,000 people there are ~19,000
    dates in the next 60 days; dicts with their line of text took ~16 MB): the text is made
    only for the rows on screen.
    """
    wait_for_quiet()  # nobody waits for these: someone typing or opening a letter goes first
    with Archive.open_reader(path) as reader:
        return reader.dates.upcoming(days=days)


class UpcomingModel(QAbstractListModel):
    """One row per upcoming date; the date itself (an UpcomingDate) is under ItemRole."""

    ItemRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[UpcomingDate] = []

    def set_rows(self, rows: list[UpcomingDate]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def item(self, row: int) -> UpcomingDate:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(self.item(index.row()))
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt guesses rich text in tooltips: a name is shown as it is
            return plain_tip(describe(self.item(index.row())))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            item = self.item(index.row())
            return _("{date}. Press Enter to write to {name}.").format(date=describe(item), name=item.person_name)
        if role == self.ItemRole:
            return self.item(index.row())
        return None


class WriteButtonDelegate(QStyledItemDelegate):
    """Paints the row's text (up to three lines) and a “Write…” button; a click on it asks to write."""

    write_clicked = Signal(int)  # row
    MARGIN = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pressed_row = -1

    def _button_rect(self, option: QStyleOptionViewItem) -> QRect:
        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(_(WRITE_TEXT)) + 28
        height = metrics.height() + 12
        rect = option.rect
        return QRect(rect.right() - self.MARGIN - width, rect.center().y() - height // 2, width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        text = opt.text
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        button_rect = self._button_rect(option)
        text_rect = QRect(
            option.rect.left() + self.MARGIN,
            option.rect.top() + 4,
            button_rect.left() - option.rect.left() - 2 * self.MARGIN,
            option.rect.height() - 8,
        )
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else option.palette.text().color())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), text)
        painter.restore()
        button = QStyleOptionButton()
        button.rect = button_rect
        button.text = _(WRITE_TEXT)
        button.palette = option.palette
        button.state = QStyle.StateFlag.State_Enabled | (
            QStyle.StateFlag.State_Sunken if self._pressed_row == index.row() else QStyle.StateFlag.State_Raised
        )
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, opt.widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = QFontMetrics(option.font)
        # Room for three wrapped lines in the narrow side panel; one height for all rows keeps
        # the view from measuring each of them.
        return QSize(200, max(3 * metrics.lineSpacing(), metrics.height() + 12) + 12)

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: _Index) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return False
        assert isinstance(event, QMouseEvent)
        on_button = self._button_rect(option).contains(event.position().toPoint())
        if kind == QEvent.Type.MouseButtonPress:
            self._pressed_row = index.row() if on_button else -1
            return False  # let the view select the row as well
        clicked = on_button and self._pressed_row == index.row()
        self._pressed_row = -1
        if clicked:
            self.write_clicked.emit(index.row())
            return True
        return False


class UpcomingPanel(QWidget):
    write_requested = Signal(object)  # the UpcomingDate to write for
    refreshed = Signal()  # the list shows the latest dates

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.model = UpcomingModel(self)
        self.list = QListView()
        self.list.setAccessibleName(_("Upcoming dates"))
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # one height for every row: no per-row measuring
        self.delegate = WriteButtonDelegate(self.list)
        self.delegate.write_clicked.connect(self.write)
        self.list.setItemDelegate(self.delegate)
        self.list.activated.connect(lambda index: self.write(index.row()))
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        # Nobody waits for it: start-up work.
        self._loader = LatestOnly(self, lane=Lane.WARM_UP, doing="reading the upcoming dates")
        self._loader.result.connect(self._show)
        self._loader.error.connect(lambda _days, failure: self.summary.setText(failure.message))

    def refresh(self, archive: Archive, days: int) -> None:
        """Gather the dates in the background; the list changes when they arrive (`refreshed`)."""
        if not self.model.rowCount():
            self.summary.setText(_("Looking for dates in the coming days…"))
        self._loader.submit(days, upcoming_rows, archive.path, days)

    @property
    def items(self) -> list[UpcomingDate]:
        """Every upcoming date shown, soonest first."""
        return [self.model.item(row) for row in range(self.model.rowCount())]

    def _show(self, days: int, rows: list[UpcomingDate]) -> None:
        self.model.set_rows(rows)
        count = len(rows)
        self.summary.setText(
            n_("{count} date in the next {days} days.", "{count} dates in the next {days} days.", count).format(
                count=words.number(count), days=days
            )
            if count
            else n_("Nothing in the next {days} day.", "Nothing in the next {days} days.", days).format(days=days)
        )
        self.refreshed.emit()

    def write(self, row: int) -> None:
        """Ask to write for the date in `row` (the “Write…” button, Enter, or a double-click)."""
        if 0 <= row < self.model.rowCount():
            self.write_requested.emit(self.model.item(row))

    def write_button_rect(self, row: int) -> QRect:
        """Where the row's “Write…” button is painted, in the list's viewport coordinates."""
        option = QStyleOptionViewItem()
        option.font = self.list.font()
        option.rect = self.list.visualRect(self.model.index(row))
        return self.delegate._button_rect(option)

    def close_loader(self) -> None:
        self._loader.close()

    @property
    def loading(self) -> bool:
        """Whether the dates are being read (or waiting for the worker that will read them)."""
        return self._loader.busy
