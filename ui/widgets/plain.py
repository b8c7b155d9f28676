"""Archive text in Qt is plain text: the one way the window makes labels, tooltips and message boxes.

Qt guesses rich text wherever it is not told otherwise (QLabel's and QMessageBox's AutoText,
every tooltip): a person named ``<img src="/dev/zero">Zed`` made the person panel read
/dev/zero until the kernel killed the app. Every QLabel and QMessageBox in ui/ is made here
(a test reads the source and names any made elsewhere), and every tooltip that can hold
archive text goes through `plain_tip`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_Button = QMessageBox.StandardButton


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` as it is: never markup, whatever a name or note holds."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


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
