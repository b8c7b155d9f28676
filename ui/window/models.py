"""Qt models over the archive. They hold ids and build rows on demand, so 100,000 people cost little."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import N_, _
from beautifulletters.records import PersonSummary
from ui.widgets.plain import plain_tip

_Index = QModelIndex | QPersistentModelIndex
_BLANK_ROW = PersonSummary(id=0, display_name="")


class PeopleModel(QAbstractTableModel):
    """People matching the current search and tag, as ids; a row's text is read when shown."""

    COLUMNS = (N_("Name"), N_("Called"), N_("Last letter"))
    PAGE = 200
    PersonIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, archive: Archive, parent: Any = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._ids: list[int] = []
        self.is_complete = True  # False while only the first page of the list has been read
        self._rows: dict[int, PersonSummary] = {}
        self._search: str | None = None
        self._tag: str | None = None
        self._sort = "name"
        self.refresh(first_page_only=True)

    def set_archive(self, archive: Archive) -> None:
        self._archive = archive
        self._search = self._tag = None
        self._sort = "name"
        self.refresh(first_page_only=True)

    def set_pending_filter(self, search: str | None, tag: str | None, sort: str) -> None:
        """Remember the filter a background search is answering, so refresh() re-applies it."""
        self._search, self._tag, self._sort = search, tag, sort

    def current_filter(self) -> tuple[str | None, str | None, str]:
        return self._search, self._tag, self._sort

    def set_ids(self, ids: list[int], *, complete: bool = True) -> None:
        """Show the ids a background search found (already in display order)."""
        self.beginResetModel()
        self._ids = list(ids)
        self.is_complete = complete
        self._rows.clear()
        self.endResetModel()

    def extend_ids(self, ids: list[int]) -> None:
        """The complete list for what is shown: rows after the first page are added, nothing moves.

        When the shown rows are not the start of `ids` (the archive changed in between), the
        list is replaced instead.
        """
        shown = len(self._ids)
        if ids[:shown] != self._ids:
            self.set_ids(ids)
            return
        self.is_complete = True
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = list(ids)
            self.endInsertRows()

    def set_filter(self, search: str | None = None, tag: str | None = None, sort: str | None = None) -> None:
        self._search = search or None
        self._tag = tag or None
        if sort:
            self._sort = sort
        self.refresh()

    def refresh(self, *, first_page_only: bool = False) -> None:
        """Read the ids again; `first_page_only` for a quick start, the rest coming via extend_ids()."""
        self.beginResetModel()
        self._ids = self._archive.search.people_ids(
            search=self._search, tag=self._tag, sort=self._sort, limit=self.PAGE if first_page_only else None
        )
        self.is_complete = not first_page_only or len(self._ids) < self.PAGE
        self._rows.clear()
        self.endResetModel()

    def person_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, person_id: int) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    @property
    def loaded_row_count(self) -> int:
        """How many rows have been built so far (the rest are only ids)."""
        return len(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return _(self.COLUMNS[section])
        return None

    def _row(self, row: int) -> PersonSummary:
        person_id = self._ids[row]
        if person_id not in self._rows:
            # Load the page around this row in one query; scrolling touches only what is shown.
            start = max(0, row - row % self.PAGE)
            page = self._ids[start : start + self.PAGE]
            try:
                self._rows.update(self._archive.people.rows(page))
            except (sqlite3.Error, BeautifulLettersError):
                # data() runs inside Qt's painting, where an exception kills the process; an
                # unreadable page shows blank rows and is read again on the next paint.
                pass
        return self._rows.get(person_id, _BLANK_ROW)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.PersonIdRole:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt guesses rich text in tooltips: a name is shown as it is
            return plain_tip(self.data(index, Qt.ItemDataRole.DisplayRole) or "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            row = self._row(index.row())
            column = index.column()
            if column == 0:
                name = row.display_name
                return _("{name} (you)").format(name=name) if row.is_self else name
            if column == 1:
                return row.nickname or ""
            if column == 2:
                return (row.last_letter_at or "")[:10]
        return None
