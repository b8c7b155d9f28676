"""Archive text in Qt is plain text: the one way the window makes labels, tooltips and message boxes.

Qt guesses rich text wherever it is not told otherwise (QLabel's and QMessageBox's AutoText,
every tooltip): a person named ``<img src="/dev/zero">Zed`` made the person panel read
/dev/zero until the kernel killed the app. Every QLabel and QMessageBox in ui/ is made here
(a test reads the source and names any made elsewhere), and every tooltip that can hold
archive text goes through `plain_tip`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_Button = QMessageBox.StandardButton


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` as it is: never markup, whatever a name or note holds."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class CutLabel(QLabel):
    """Plain text that never asks for more width than the layout gives it; where the text does not
    fit (`is_cut`, decided by each kind) the whole of it is the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tip()

    def minimumSizeHint(self) -> QSize:
        # As narrow as the layout needs: what does not fit is cut, and shown whole on hover.
        return QSize(0, super().minimumSizeHint().height())

    def is_cut(self) -> bool:
        raise NotImplementedError

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The theme's heading size and style arrive after setText.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._update_tip()

    def _update_tip(self) -> None:
        self.setToolTip(plain_tip(self.text()) if self.is_cut() else "")


class OneLineLabel(CutLabel):
    """Plain text on one line whatever the width: where it runs out the text is cut short with "…"
    and shown whole on hover. `text()` is always the whole text.

    For a heading beside which nothing may wrap (a person's name in a narrow panel): a wrapped name
    reads as two, and a label that will not shrink pushes the panel wider than the window."""

    def is_cut(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(
            painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), shown, self.foregroundRole()
        )


def rich_label(markup: str = "", parent: QWidget | None = None) -> QLabel:
    """A label for markup the app writes itself (links, emphasis); any archive text in it goes
    through `escape` first."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(markup)
    return label


def escape(text: str) -> str:
    """Archive text to put inside markup the app writes (a rich label, a tooltip)."""
    return html.escape(text, quote=True)


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is.

    Tooltips have no text format: Qt guesses rich text from the text itself, so plain text is
    escaped and wrapped in a paragraph (which also lets a long tooltip wrap)."""
    if not text:
        return ""
    return str(GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal))


def menu_text(text: str) -> str:
    """Archive text as a menu item, button or check box label: an '&' shows as '&', not as a shortcut."""
    return text.replace("&", "&&")


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = _Button.NoButton,
    parent: QWidget | None = None,
    *,
    informative: str = "",
) -> QMessageBox:
    """A message box whose text and informative text are plain text (open it with .open())."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text follows the same format
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    return box


def show_message(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None) -> int:
    """A plain-text message with OK, waiting for it (only where the caller must wait: start-up, export)."""
    return message_box(icon, title, text, _Button.Ok, parent).exec()


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A plain-text Yes/No question, waiting for the answer; True for Yes."""
    box = message_box(QMessageBox.Icon.Question, title, text, _Button.Yes | _Button.No, parent)
    box.setDefaultButton(_Button.No)
    return box.exec() == _Button.Yes
