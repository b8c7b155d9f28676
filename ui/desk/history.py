"""Revision history of a letter: when each revision was saved and how long it was; view, compare, restore."""

from __future__ import annotations

import difflib
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates
from beautifulletters.archive import Archive
from beautifulletters.i18n import _
from beautifulletters.records import Revision
from ui.widgets.screen_fit import resize_within_screen


def diff_html(old: str, new: str) -> str:
    """Line-by-line comparison: removed lines struck through in red, added lines in green."""
    rows = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        tag, text = line[:2], html.escape(line[2:]) or "&nbsp;"
        if tag == "- ":
            rows.append(f'<div style="background:#fde2e2;color:#8a1c1c"><s>{text}</s></div>')
        elif tag == "+ ":
            rows.append(f'<div style="background:#e1f5e4;color:#145a22">{text}</div>')
        elif tag == "  ":
            rows.append(f"<div>{text}</div>")
    return "".join(rows)


class RevisionHistoryDialog(QDialog):
    """Lists revisions newest first. `restored_revision` is set when the user restored one."""

    def __init__(
        self,
        archive: Archive,
        letter_id: int,
        current_text: str,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Revision history"))
        resize_within_screen(self, 900, 560)
        self.archive = archive
        self.letter_id = letter_id
        self.current_text = current_text
        self.restored_revision: int | None = None
        self.revisions: list[Revision] = list(reversed(archive.letters.revisions(letter_id)))

        self.list = QListWidget()
        self.list.setAccessibleName(_("Revisions"))
        # Polish first: rows laid out before the theme's item padding applied overlapped once it did.
        self.list.ensurePolished()
        for revision in self.revisions:
            when = humandates.timestamp(revision.updated_at)
            size = revision.size or 0
            item = QListWidgetItem(f"{when} · {size:,} {'character' if size == 1 else 'characters'}")
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.list.addItem(item)
        self.viewer = QTextBrowser()
        self.viewer.setAccessibleName(_("Revision text"))
        self.view_button = QPushButton(_("View"))
        self.compare_button = QPushButton(_("Compare with current"))
        self.restore_button = QPushButton(_("Restore this revision"))
        self.restore_button.setEnabled(not read_only)
        buttons = QHBoxLayout()
        for button in (self.view_button, self.compare_button, self.restore_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.viewer)
        splitter.setSizes([280, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.view_button.clicked.connect(self.view_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list.currentRowChanged.connect(lambda _row: self.view_selected())
        if self.revisions:
            self.list.setCurrentRow(0)

    def _selected(self) -> Revision | None:
        row = self.list.currentRow()
        return self.revisions[row] if 0 <= row < len(self.revisions) else None

    def view_selected(self) -> None:
        revision = self._selected()
        if revision:
            self.viewer.setPlainText(revision.body_text or "")

    def compare_selected(self) -> None:
        revision = self._selected()
        if revision:
            self.viewer.setHtml(diff_html(revision.body_text or "", self.current_text))

    def restore_selected(self) -> None:
        revision = self._selected()
        if revision:
            self.restored_revision = self.archive.letters.restore_revision(self.letter_id, revision.id)
            self.accept()
