"""A searchable choice of one person that stays quick with 100,000 people in the archive.

The drop-down holds a short list (the people most likely wanted); typing searches the whole
archive in SQLite (`archive.search.people_ids(search=..., limit=50)`) and offers the matches in a
completer, so nobody's record is loaded until it could be shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from ui.widgets.plain import plain_tip

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 50


class PersonPicker(QComboBox):
    """An editable combo box of people; `person_id()` is the chosen one, `person_changed` says when it changes."""

    person_changed = Signal(object)  # int | None

    def __init__(self, archive: Archive, parent: QWidget | None = None, *, accessible_name: str) -> None:
        super().__init__(parent)
        self._archive = archive
        self.setEditable(True)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        self._line = line
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(accessible_name)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._line.setPlaceholderText(_("Type a name to search…"))
        self._items = QStandardItemModel(self)
        self.setModel(self._items)

        self._matches = QStandardItemModel(self)
        completer = QCompleter(self._matches, self)
        # The matches are already filtered by SQLite; the completer must show them as they are.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self._completer = completer
        # The QModelIndex overload of `activated`; PySide's stubs do not know a signal's [type] selection.
        completer.activated[QModelIndex].connect(self._on_match_chosen)  # type: ignore[index]

        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self._search)
        self._line.textEdited.connect(lambda _text: self._search_timer.start())
        self._line.editingFinished.connect(self._settle)
        self.currentIndexChanged.connect(self._on_index_changed)
        self._last_emitted: int | None = None

    # ------------------------------------------------------------------ choices
    def set_people(self, person_ids: Iterable[int], *, keep: int | None = None) -> None:
        """Fill the drop-down with these people (in this order); keeps the current choice if still there."""
        current = keep if keep is not None else self.person_id()
        ids = list(dict.fromkeys(person_ids))
        if current is not None and current not in ids:
            ids.append(current)
        self.blockSignals(True)
        self._items.clear()
        for item in self._make_items(ids):
            self._items.appendRow(item)
        self.blockSignals(False)
        self.set_person_id(current, emit=True)

    def set_person_id(self, person_id: int | None, *, emit: bool = True) -> None:
        """Choose a person (added to the drop-down if needed); None clears the choice."""
        row = self._row_of(person_id) if person_id is not None else -1
        if person_id is not None and row < 0:
            items = self._make_items([person_id])
            if items:
                self._items.appendRow(items[0])
                row = self._items.rowCount() - 1
        if not emit:
            self.blockSignals(True)
        self.setCurrentIndex(row)
        if not emit:
            self.blockSignals(False)
            self._last_emitted = self.person_id()
        else:
            self._emit_if_changed()

    def person_id(self) -> int | None:
        index = self.currentIndex()
        if index < 0:
            return None
        value = self.itemData(index, PERSON_ID_ROLE)
        return int(value) if value is not None else None

    def person_ids_offered(self) -> list[int]:
        return [int(self.itemData(row, PERSON_ID_ROLE)) for row in range(self.count())]

    # ------------------------------------------------------------------ search
    def _search(self) -> None:
        text = self._line.text().strip()
        self._matches.clear()
        if not text:
            return
        try:
            ids = self._archive.search.people_ids(search=text, limit=SEARCH_LIMIT)
        except BeautifulLettersError:
            ids = []
        for item in self._make_items(ids):
            self._matches.appendRow(item)
        if ids:
            self._completer.complete()

    def _on_match_chosen(self, index: QModelIndex) -> None:
        value = index.data(PERSON_ID_ROLE)
        if value is not None:
            # Deferred: QComboBox handles the same activation itself first and may reset the index.
            QTimer.singleShot(0, lambda: self.set_person_id(int(value)))

    def _settle(self) -> None:
        """Leaving the field with typed text: take an exact name match, otherwise show the choice again."""
        text = self._line.text().strip().casefold()
        current = self.currentIndex()
        if current >= 0 and self.itemText(current).casefold() == text:
            return
        for model in (self._items, self._matches):
            rows = [r for r in range(model.rowCount()) if model.item(r).text().casefold() == text]
            if len(rows) == 1:
                self.set_person_id(int(model.item(rows[0]).data(PERSON_ID_ROLE)))
                return
        self._line.setText(self.itemText(current) if current >= 0 else "")

    # ------------------------------------------------------------------ helpers
    def _row_of(self, person_id: int) -> int:
        for row in range(self._items.rowCount()):
            if self._items.item(row).data(PERSON_ID_ROLE) == person_id:
                return row
        return -1

    def _make_items(self, ids: list[int]) -> list[QStandardItem]:
        try:
            rows = self._archive.people.rows(ids)
        except BeautifulLettersError:
            return []
        items = []
        for person_id in ids:
            row = rows.get(person_id)
            if row is None:
                continue
            label = _("{name} (you)").format(name=row.display_name) if row.is_self else row.display_name
            item = QStandardItem(label)
            item.setData(person_id, PERSON_ID_ROLE)
            if row.nickname:
                item.setToolTip(
                    plain_tip(_("{name}, called {nickname}").format(name=row.display_name, nickname=row.nickname))
                )
            items.append(item)
        return items

    def _on_index_changed(self, _index: int) -> None:
        self._emit_if_changed()

    def _emit_if_changed(self) -> None:
        person_id = self.person_id()
        if person_id != self._last_emitted:
            self._last_emitted = person_id
            self.person_changed.emit(person_id)


def signer_candidates(archive: Archive, recipient_id: int | None) -> tuple[list[int], int | None]:
    """(people offered as signer, the one to preselect): those who know the recipient come first.

    The default signer (the user) is preselected when they know the recipient; otherwise the
    first person who is something *to* the recipient (a client writing to his wife, say).
    """
    default = archive.settings.default_signer_id()
    writing_to: list[int] = []  # relationships that point at the recipient: natural signers
    related: list[int] = []
    if recipient_id is not None:
        for relation in archive.relationships.for_person(recipient_id):
            if relation.to_id == recipient_id:
                writing_to.append(relation.from_id)
            else:
                related.append(relation.to_id)
    candidates = [
        p for p in dict.fromkeys([*writing_to, *related, *([default] if default else [])]) if p != recipient_id
    ]
    if default is not None and default in writing_to:
        preferred: int | None = default
    elif writing_to:
        preferred = writing_to[0]
    else:
        preferred = default if default != recipient_id else None
    return candidates, preferred
