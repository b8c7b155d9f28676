"""Small pieces both letter dialogs share: the paper-like preview, section labels, plain error text."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontDatabase, QPalette, QTextOption
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ui.widgets.plain import plain_label

# Book faces a letter reads well in; the first one installed wins (EB Garamond ships with the app's deps).
_LETTER_FACES = ("EB Garamond", "Caladea", "DejaVu Serif", "Serif")


def letter_font(point_size: float = 13.0) -> QFont:
    families = set(QFontDatabase.families())
    family = next((face for face in _LETTER_FACES if face in families), "Serif")
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def code_font(point_size: float = 10.5) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(point_size)
    return font


def section_label(text: str, buddy: QWidget | None = None) -> QLabel:
    label = plain_label(text)
    label.setProperty("role", "section")
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def muted_label(text: str = "") -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    palette = label.palette()
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, muted)
    label.setPalette(palette)
    return label


def error_label() -> QLabel:
    label = plain_label()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(label.textInteractionFlags())
    label.hide()
    return label


class LetterPreview(QPlainTextEdit):
    """A read-only sheet of paper showing a draft in a book face, with wide margins."""

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "Preview of the letter") -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(accessible_name)
        self.setFont(letter_font())
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().setDocumentMargin(28)
        self.setMinimumWidth(380)
        self.setObjectName("letterPreview")

        self._apply_paper()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_paper()  # light/dark switched: the paper follows

    def _apply_paper(self) -> None:
        """Cream paper in light mode, a soft dark sheet in dark mode."""
        dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        paper, ink, edge = ("#3a332c", "#f1e8dc", "#4a4037") if dark else ("#fffdf7", "#2e2823", "#dccfbd")
        sheet = (
            f"QPlainTextEdit#letterPreview {{ background: {paper}; color: {ink}; "
            f"border: 1px solid {edge}; border-radius: 4px; padding: 0px; }}"
        )
        if self.styleSheet() != sheet:  # setting the same sheet again would loop through PaletteChange
            self.setStyleSheet(sheet)


def line_edit_of(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo box (Qt's type says it may be None: not once editable)."""
    line = combo.lineEdit()
    if line is None:
        raise ValueError("the combo box is not editable")
    return line
