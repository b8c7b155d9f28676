"""Small pieces the dialogs share: the paper-like preview, section labels, plain error text, and asking
before Escape throws away what was entered (GuardedDialog)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase, QHideEvent, QPalette, QShowEvent, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from beautifulletters.i18n import N_, _
from ui.widgets.plain import message_box, plain_label

QAbstractSpinBoxT = TypeVar("QAbstractSpinBoxT", bound=QAbstractSpinBox)

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

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(accessible_name or _("Preview of the letter"))
        self.setFont(letter_font())
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().setDocumentMargin(28)
        self.setMinimumWidth(380)
        self.setObjectName("letterPreview")

        self._apply_paper()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_paper()  # light/dark switched: the sheet's edge follows

    def _apply_paper(self) -> None:
        """Cream paper with dark ink whatever the window's appearance, like the page on the desk
        (a dark sheet in a dark window read as one more panel, not as the letter); only its edge
        follows the window."""
        dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        paper, ink, edge = "#fffdf7", "#2e2823", ("#4a4037" if dark else "#dccfbd")
        sheet = (
            f"QPlainTextEdit#letterPreview {{ background: {paper}; color: {ink}; "
            f"border: 1px solid {edge}; border-radius: 4px; padding: 0px; }}"
        )
        if self.styleSheet() != sheet:  # setting the same sheet again would loop through PaletteChange
            self.setStyleSheet(sheet)


SPIN_TEXT_INSET = 7  # pixels, as the theme's padding puts the words in line edits and drop-down lists


def spin_box(box: QAbstractSpinBoxT) -> QAbstractSpinBoxT:
    """`box` with its number set in from the left edge like the words of the boxes around it (Qt
    leaves a styled spin box's left padding out and drew "160 words a minute" against its border)."""
    line = box.lineEdit()
    if line is not None:
        line.setTextMargins(SPIN_TEXT_INSET, 0, 0, 0)
    return box


def line_edit_of(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo box (Qt's type says it may be None: not once editable)."""
    line = combo.lineEdit()
    if line is None:
        raise ValueError("the combo box is not editable")
    return line


# ---------------------------------------------------------------------------- asking before discarding
_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox, QAbstractSlider)


def _value_of(widget: QWidget) -> object:
    """What the person has entered in an input, comparable with an earlier reading."""
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QAbstractSlider):
        return widget.value()
    return None


def _input_of(focused: QWidget, dialog: QWidget) -> QWidget | None:
    """The input a focused widget belongs to (a combo box for its line edit), below `dialog`."""
    found = None
    widget: QWidget | None = focused
    while widget is not None and widget is not dialog:
        if isinstance(widget, _INPUTS) and not isinstance(widget, QScrollBar):
            plain_button = isinstance(widget, QAbstractButton) and not widget.isCheckable()
            read_only = isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit) and widget.isReadOnly()
            if plain_button or read_only:  # nothing to enter there (a preview is not input)
                widget = widget.parentWidget()
                continue
            found = widget  # keep climbing: a spin box or combo box holds its own line edit
        widget = widget.parentWidget()
    return found if widget is dialog else None


class GuardedDialog(QDialog):
    """A dialog whose Escape, Cancel and close button ask before throwing away what was entered.

    What was entered: each input the person went into (focus reached it), compared with its value
    when they got there, so lists the dialog fills by itself (voices, a preview) do not count.
    A value set from a file chooser is remembered first with `remember`. Nothing changed:
    Escape closes at once."""

    discard_title = N_("Discard your changes?")
    discard_text = N_("What you entered here has not been saved. Discard it?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entered: dict[QWidget, object] = {}
        self._closing_anyway = False
        self.discard_box: QMessageBox | None = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed, Qt.ConnectionType.UniqueConnection)
        focused = QApplication.focusWidget()
        if focused is not None:
            self._focus_changed(None, focused)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass  # never connected: hidden before it was shown
        super().hideEvent(event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.isAncestorOf(new):
            field = _input_of(new, self)
            if field is not None:
                self.remember(field)

    def remember(self, field: QWidget) -> None:
        """Keep `field`'s value as it is now, to tell later whether the person changed it."""
        if field not in self._entered:
            self._entered[field] = _value_of(field)
            field.destroyed.connect(lambda _obj=None, f=field: self._entered.pop(f, None))

    def has_unsaved_input(self) -> bool:
        """Whether something entered would be lost by closing now (dialogs add their own, e.g. a photo)."""
        return any(_value_of(field) != value for field, value in self._entered.items())

    def close_anyway(self) -> None:
        """Close without asking (the dialog has handed its work on, e.g. to open another archive)."""
        self._closing_anyway = True
        self.reject()

    def reject(self) -> None:
        if self._closing_anyway or not self.isVisible() or not self.has_unsaved_input():
            self._closing_anyway = False
            super().reject()
            return
        self._ask_before_discarding()

    def _ask_before_discarding(self) -> None:
        box = message_box(QMessageBox.Icon.Question, _(self.discard_title), _(self.discard_text), parent=self)
        discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(_result: int) -> None:
            if box.clickedButton() is discard:
                self.close_anyway()

        box.finished.connect(answered)
        box.open()  # window-modal, never a nested event loop
        self.discard_box = box


class ShortFormDialog(GuardedDialog):
    """A short question as a dialog: a sentence, a few fields, a line for what is wrong, and OK
    (named for what it does) with Cancel. Subclasses build the form and call `lay_out`."""

    def lay_out(self, about: str, form: QFormLayout, *, ok_text: str, width: int) -> None:
        intro = plain_label(about)
        intro.setWordWrap(True)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(width)

    def fail(self, message: str) -> None:
        """Say what is wrong under the form; the dialog stays open for the person to mend it."""
        self.error.setText(message)
        self.error.show()


def stored_choice(combo: QComboBox) -> str:
    """What an editable combo box stores: a listed choice's own word ("wife" for "Ehefrau"), or the
    text as typed. The list shows the reader's language; the archive keeps one word for each choice."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    data = combo.itemData(index) if index >= 0 else None
    return str(data) if isinstance(data, str) and data else text


def show_choice(combo: QComboBox, value: str) -> None:
    """Show a stored value: its listed choice if it has one, else the text as stored."""
    index = combo.findData(value)
    if index >= 0 and value:
        combo.setCurrentIndex(index)
    else:
        combo.setCurrentText(value)
