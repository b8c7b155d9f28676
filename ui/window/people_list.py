"""The people list: search as you type, a tag, an order, the list itself and its count."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from beautifulletters.archive import Archive
from beautifulletters.i18n import _, n_
from beautifulletters.words import number
from ui.tasks import LatestOnly, note_user_input
from ui.widgets.plain import plain_label
from ui.window.models import PeopleModel

SEARCH_DELAY_MS = 120  # long enough to skip work between keystrokes, short enough to feel instant
NAME_ROOM_CHARS = 34  # names up to about this long read whole (see ui/window/side_panels.py)
MEASURED_ROWS = 200  # names measured for the list's width: the first page, the rows read at start anyway


def _words_room(combo: QComboBox, text: str) -> int:
    """The width `combo` needs to show `text` whole."""
    metrics = combo.fontMetrics()
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    size = QSize(metrics.horizontalAdvance(text), metrics.height())
    return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, size, combo).width()


class CutShortTips(QStyledItemDelegate):
    """A row's whole text on hover only where the cell cuts it short with "…": a tooltip that
    repeats a name already shown whole only gets in the way."""

    def cut_short(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
        unbounded = QStyleOptionViewItem(option)
        unbounded.rect = QRect()  # measured on one line, not wrapped to the cell's width
        return self.sizeHint(unbounded, index).width() > option.rect.width()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and not self.cut_short(option, index):
            QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)


@dataclass(frozen=True)
class _PeopleQuery:
    """What the people list shows: a search, a tag and an order; `limit` for just the first page."""

    search: str | None
    tag: str | None
    sort: str
    limit: int | None


def _search_ids(reader: Archive, query: _PeopleQuery) -> list[int]:
    """Runs on a worker thread, on the window's own read-only connection for searches.

    LatestOnly runs one search at a time, so the connection is never used by two threads at once.
    """
    return reader.search.people_ids(search=query.search, tag=query.tag, sort=query.sort, limit=query.limit)


class PeopleList(QWidget):
    """The People tab. It says who is chosen; the window decides what that opens."""

    person_chosen = Signal(object, str)  # (person id, name), or (None, "") when the list is empty
    wanted_width_changed = Signal()  # other names are listed: the list may need another width
    new_letter_requested = Signal()  # a person was double-clicked
    add_person_requested = Signal()
    error = Signal(str)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self._search = LatestOnly(self, doing="searching people")
        self._search.result.connect(self._apply_search_result)
        self._search_reader: Archive | None = None
        self._search.error.connect(lambda _token, failure: self.error.emit(failure.message))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)

        self.search_box = QLineEdit(placeholderText=_("Search names, nicknames, notes, letters…"))
        self.search_box.setAccessibleName(_("Search people"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.textEdited.connect(lambda _text: note_user_input())
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(_("Filter by tag"))
        self.tag_filter.addItem(_("All tags"), None)  # the archive's tags join it after the first frame
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.run_search())
        self.sort_choice = QComboBox()
        self.sort_choice.setAccessibleName(_("Sort people"))
        self.sort_choice.addItem(_("By name"), "name")
        self.sort_choice.addItem(_("By last letter"), "last_letter")
        self.sort_choice.currentIndexChanged.connect(lambda _i: self.run_search())
        self._filters = filters = QHBoxLayout()
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.sort_choice, 1)

        self.people_model = PeopleModel(self.archive, self)
        self.people_view = QTableView()
        self.people_view.setAccessibleName(_("People"))
        self.people_view.setModel(self.people_model)
        self.people_view.setItemDelegate(CutShortTips(self.people_view))
        self._wanted_timer = QTimer(self, singleShot=True, interval=0)  # once per batch of model changes
        self._wanted_timer.timeout.connect(self._names_changed)
        # The widths the names need, by how many letters are kept whole; measured on the whole list
        # (no search or tag), so the panel does not jump about while a search is typed.
        self._wanted: dict[int, int] = {}
        for changed in (self.people_model.modelReset, self.people_model.rowsInserted, self.people_model.dataChanged):
            changed.connect(self._wanted_timer.start)
        self.people_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.people_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.people_view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move within it)
        self.people_view.setShowGrid(False)
        self.people_view.setWordWrap(False)  # a name too long for the list ends in "…" on its one line
        self.people_view.setAlternatingRowColors(True)
        self.people_view.verticalHeader().hide()
        self.people_view.verticalHeader().setDefaultSectionSize(30)
        self.people_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # "Called" fits its contents, measured on the rows on screen only (precision 0). Until the
        # view is visible Qt would measure every row, at every relayout while the window is built
        # (10,000 rows read from the archive on a small one), so the mode is set in showEvent.
        self.people_view.horizontalHeader().setResizeContentsPrecision(0)
        self.people_view.setColumnHidden(2, True)
        self.people_view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._chosen(current))
        self.people_view.doubleClicked.connect(lambda _index: self.new_letter_requested.emit())
        self.people_view.pressed.connect(lambda _index: note_user_input())
        self.people_view.verticalScrollBar().valueChanged.connect(lambda _value: note_user_input())
        self.people_count = plain_label()
        self.people_count.setProperty("role", "section")

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(self.people_view, 1)
        layout.addWidget(self.people_count)
        add_person = QPushButton(_("Add person…"))
        add_person.clicked.connect(self.add_person_requested.emit)
        layout.addWidget(add_person)
        self.setTabOrder(self.search_box, self.tag_filter)
        self.setTabOrder(self.tag_filter, self.sort_choice)
        self.setTabOrder(self.sort_choice, self.people_view)

    @property
    def searching(self) -> bool:
        """Whether a search is waiting for the typing to pause, or running."""
        return self._search_timer.isActive() or self._search.busy

    def show_archive(self, archive: Archive, *, reload_people: bool = True) -> None:
        """Show this archive's people (the window has opened another, or changed many at once)."""
        self.archive = archive
        if reload_people:
            self.people_model.set_archive(archive)
        self._complete_people_list()
        self.update_count()

    def select_first(self) -> None:
        """Choose the first person, or on the sample archive the one its letters are written to."""
        if self.people_model.rowCount() > 0:
            self.people_view.selectRow(self._first_row_to_show())

    def showEvent(self, event: Any) -> None:
        header = self.people_view.horizontalHeader()
        if header.sectionResizeMode(1) != QHeaderView.ResizeMode.ResizeToContents:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._wanted.clear()  # other words in the header, or other letters' widths
            self._wanted_timer.start()

    def _filtered(self) -> bool:
        search, tag, _sort = self.people_model.current_filter()
        return bool(search or tag)

    def _names_changed(self) -> None:
        if not self._filtered():
            self._wanted.clear()
            self.wanted_width_changed.emit()

    def wanted_width(self, name_chars: int = NAME_ROOM_CHARS) -> int:
        """The width at which the names on the list's first page read whole beside their nicknames
        (names up to about `name_chars` long: a longer one is cut short, whole in its tooltip), with
        the list's frame, scroll bar and margins around the columns. Measured on the whole list, not
        on a search's few names, and kept until the list or the window's language or font change."""
        if name_chars not in self._wanted:
            self._wanted[name_chars] = self._measure(name_chars)
        return self._wanted[name_chars]

    def _measure(self, name_chars: int) -> int:
        view = self.people_view
        model: QAbstractItemModel = self.people_model
        metrics = view.fontMetrics()
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        delegate = view.itemDelegate()
        header = view.horizontalHeader()
        rows = min(model.rowCount(), MEASURED_ROWS)
        columns = 0
        for column, cap in ((0, metrics.averageCharWidth() * name_chars), (1, None)):
            width = header.sectionSizeHint(column)
            if rows:
                texts = [model.index(row, column).data() or "" for row in range(rows)]
                widest = max(range(rows), key=lambda row: metrics.horizontalAdvance(texts[row]))
                index = model.index(widest, column)
                cell = delegate.sizeHint(option, index).width()
                text = metrics.horizontalAdvance(index.data() or "")
                width = max(width, cell if cap is None else cell - text + min(text, cap))
            columns += width
        scroll_bar = view.verticalScrollBar().sizeHint().width()  # room for it, also before it is needed
        # The filters above, each at least as wide as its words: "Alle Schlagwörter" (not a long tag
        # of the archive's) and the order chosen ("Nach Name"); their lists open as wide as they need.
        tags = _words_room(self.tag_filter, self.tag_filter.itemText(0))
        order = _words_room(self.sort_choice, self.sort_choice.currentText())
        self.tag_filter.setMinimumWidth(tags)
        self.sort_choice.setMinimumWidth(order)
        filters = tags + order + self._filters.spacing()
        margins = self._layout.contentsMargins()
        return max(columns + 2 * view.frameWidth() + scroll_bar, filters) + margins.left() + margins.right()

    def _first_row_to_show(self) -> int:
        # On a sample archive, start on the person the sample letters are written to.
        for row in range(min(self.people_model.rowCount(), 50)):
            if self.people_model.index(row, 0).data() == "Loretta Mercer":
                return row
        return 0

    def reload_tags(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(_("All tags"), None)
        for tag in self.archive.people.all_tags():
            self.tag_filter.addItem(f"#{tag}", tag)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> None:
        self._search_timer.stop()
        search = self.search_box.text().strip() or None
        tag = self.tag_filter.currentData()
        sort = self.sort_choice.currentData() or "name"
        self.people_model.set_pending_filter(search, tag, sort)
        # The first page comes first, so the list answers as you type; the rest follows.
        self._submit_people_query(_PeopleQuery(search, tag, sort, PeopleModel.PAGE))

    def _submit_people_query(self, query: _PeopleQuery) -> None:
        if self._search_reader is None or self._search_reader.path != self.archive.path:
            if self._search_reader is not None:
                self._search_reader.close()
            self._search_reader = Archive.open_reader(self.archive.path)
        self._search.submit(query, _search_ids, self._search_reader, query)

    def _apply_search_result(self, query: _PeopleQuery, ids: list[int]) -> None:
        if query.limit is None:
            self.people_model.extend_ids(ids)
            self.update_count()
            return
        complete = len(ids) < query.limit
        if not complete:
            self._submit_people_query(replace(query, limit=None))
        selected = self.current_person_id()
        self.people_model.set_ids(ids, complete=complete)
        self.update_count()
        row = self.people_model.row_of(selected) if selected is not None else -1
        if row >= 0:
            self.people_view.selectRow(row)
        elif ids:
            self.people_view.selectRow(0)
        else:
            self.person_chosen.emit(None, "")

    def _complete_people_list(self) -> None:
        """The model starts with its first page; the rest of the list is read on the worker."""
        if not self.people_model.is_complete:
            search, tag, sort = self.people_model.current_filter()
            self._submit_people_query(_PeopleQuery(search, tag, sort, None))

    def update_count(self) -> None:
        count = self.people_model.rowCount()
        if self.people_model.is_complete:
            text = n_("{count} person", "{count} people", count).format(count=number(count))
        else:  # the first page, while the rest is read
            text = _("{count}+ people").format(count=number(count))
        self.people_count.setText(text)

    def refresh(self) -> None:
        """Read the people again after a change: their rows, the tags and the count."""
        self.people_model.refresh()
        self.reload_tags()
        self.update_count()

    def current_person_id(self) -> int | None:
        index = self.people_view.currentIndex()
        if not index.isValid():
            return None
        return self.people_model.person_id(index.row())

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.person_chosen.emit(
                self.people_model.person_id(index.row()), self.people_model.index(index.row(), 0).data()
            )

    def select_person(self, person_id: int) -> None:
        note_user_input()
        row = self.people_model.row_of(person_id)
        if row < 0:
            # The person is hidden by the search or tag: show everyone, at once and only once.
            self._search_timer.stop()
            self._search.cancel()
            for widget, reset in (
                (self.search_box, self.search_box.clear),
                (self.tag_filter, lambda: self.tag_filter.setCurrentIndex(0)),
            ):
                widget.blockSignals(True)
                reset()
                widget.blockSignals(False)
            self.people_model.set_filter(search=None, tag=None, sort=self.sort_choice.currentData())
            self.update_count()
            row = self.people_model.row_of(person_id)
        if row >= 0:
            self.people_view.selectRow(row)
            self.people_view.scrollTo(self.people_model.index(row, 0))

    def release_reader(self) -> None:
        """Close the searches' connection to the archive file (it is about to be replaced); the
        next search opens a new one. Only between searches: a running one still uses it."""
        if self._search_reader is not None and not self._search.busy:
            self._search_reader.close()
            self._search_reader = None

    def close_searches(self) -> None:
        """The window is closing: no search may run on, and no row be measured, with the archive gone."""
        # Hiding a view whose column fits its contents measures every row (see showEvent); with
        # the archive closed that read fails inside Qt's paint code, which crashed PySide.
        self.people_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self._search.close()
        if self._search_reader is not None:
            self._search_reader.close()
