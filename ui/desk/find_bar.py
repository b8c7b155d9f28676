"""Find and replace inside the body of the letter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton, QTextEdit, QWidget

from beautifulletters.i18n import _, n_
from ui.paper.page import body_range
from ui.widgets.plain import plain_label


class FindBar(QWidget):
    """Find and replace inside the body of the letter."""

    def __init__(self, text_edit: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = text_edit
        self.find_field = QLineEdit(placeholderText=_("Find"))
        self.find_field.setAccessibleName(_("Find"))
        self.replace_field = QLineEdit(placeholderText=_("Replace with"))
        self.replace_field.setAccessibleName(_("Replace with"))
        self.match_case = QCheckBox(_("Match case"))
        self.status = plain_label()
        next_button = QPushButton(_("Next"))
        replace_button = QPushButton(_("Replace"))
        replace_all_button = QPushButton(_("Replace all"))
        close_button = QPushButton(_("Close"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (
            self.find_field,
            next_button,
            self.replace_field,
            replace_button,
            replace_all_button,
            self.match_case,
            self.status,
            close_button,
        ):
            layout.addWidget(widget)
        self.find_field.returnPressed.connect(self.find_next)
        next_button.clicked.connect(self.find_next)
        replace_button.clicked.connect(self.replace_one)
        replace_all_button.clicked.connect(self.replace_all)
        close_button.clicked.connect(self.close_bar)

    def _flags(self) -> QTextDocument.FindFlag:
        return QTextDocument.FindFlag.FindCaseSensitively if self.match_case.isChecked() else QTextDocument.FindFlag(0)

    def _find_from(self, position: int) -> QTextCursor | None:
        document = self.text_edit.document()
        start, end = body_range(document)
        needle = self.find_field.text()
        if not needle:
            return None
        found = document.find(needle, max(position, start), self._flags())
        if found.isNull() or found.selectionEnd() > end:
            found = document.find(needle, start, self._flags())  # wrap around
        if found.isNull() or found.selectionEnd() > end or found.selectionStart() < start:
            return None
        return found

    def find_next(self) -> bool:
        found = self._find_from(self.text_edit.textCursor().selectionEnd())
        self.status.setText("" if found else _("Not found"))
        if found:
            self.text_edit.setTextCursor(found)
        return found is not None

    def replace_one(self) -> None:
        cursor = self.text_edit.textCursor()
        needle = self.find_field.text()
        selected = cursor.selectedText()
        same = selected == needle if self.match_case.isChecked() else selected.lower() == needle.lower()
        if cursor.hasSelection() and same and not self.text_edit.isReadOnly():
            cursor.insertText(self.replace_field.text())
        self.find_next()

    def replace_all(self) -> int:
        if self.text_edit.isReadOnly() or not self.find_field.text():
            return 0
        document = self.text_edit.document()
        count = 0
        edit = QTextCursor(document)
        edit.beginEditBlock()
        position = body_range(document)[0]
        while True:
            end = body_range(document)[1]
            found = document.find(self.find_field.text(), position, self._flags())
            if found.isNull() or found.selectionEnd() > end:
                break
            found.insertText(self.replace_field.text())
            position = found.position()
            count += 1
        edit.endEditBlock()
        self.status.setText(n_("{count} replaced", "{count} replaced", count).format(count=count))
        return count

    def open_bar(self, replace: bool = False) -> None:
        self.show()
        selected = self.text_edit.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        (self.replace_field if replace and self.find_field.text() else self.find_field).setFocus()
        self.find_field.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape anywhere in the bar (its fields pass it up) closes it, back to the letter."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            event.accept()
            return
        super().keyPressEvent(event)

    def close_bar(self) -> None:
        self.hide()
        self.text_edit.setFocus()
