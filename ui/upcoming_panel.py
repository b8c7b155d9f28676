"""The Upcoming view: birthdays, anniversaries and other dates soon, each with “Write…”."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beautifulletters.archive import Archive
from beautifulletters.drafting.helpers import ordinal_number


def describe(item: dict[str, Any]) -> str:
    what = item["label"] or item["kind"].capitalize()
    if item["years"] is not None and item["kind"] == "anniversary":
        what = f"{ordinal_number(item['years'])} {what.lower() if item['label'] else 'anniversary'}"
    elif item["years"] is not None and item["kind"] == "birthday":
        what = f"{what} (turns {item['years']})"
    days = item["days_until"]
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    return f"{item['person_name']} — {what}, {when} ({item['date']})"


class UpcomingPanel(QWidget):
    write_requested = Signal(dict)  # the upcoming item: person_id, kind, date, years, ...

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Upcoming dates")
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.items: list[dict[str, Any]] = []

    def refresh(self, archive: Archive, days: int) -> None:
        self.items = archive.upcoming(days=days)
        self.list.clear()
        self.summary.setText(
            f"{len(self.items)} date{'s' if len(self.items) != 1 else ''} in the next {days} days."
            if self.items else f"Nothing in the next {days} days."
        )
        for index, item in enumerate(self.items):
            row = QListWidgetItem()
            row.setData(Qt.ItemDataRole.UserRole, index)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, describe(item))
            widget = QWidget()
            row_layout = QHBoxLayout(widget)
            row_layout.setContentsMargins(6, 4, 6, 4)
            label = QLabel(describe(item))
            label.setWordWrap(True)
            button = QPushButton("Write…")
            button.setAccessibleName(f"Write to {item['person_name']}")
            button.clicked.connect(lambda _checked=False, i=index: self.write_requested.emit(self.items[i]))
            row_layout.addWidget(label, 1)
            row_layout.addWidget(button)
            row.setSizeHint(widget.sizeHint())
            self.list.addItem(row)
            self.list.setItemWidget(row, widget)

    def write_button(self, index: int) -> QPushButton:
        widget = self.list.itemWidget(self.list.item(index))
        return widget.findChild(QPushButton)

    def _activated(self, row: QListWidgetItem) -> None:
        self.write_requested.emit(self.items[row.data(Qt.ItemDataRole.UserRole)])
