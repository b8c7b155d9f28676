"""The status bar: the letter's state (draft, final, sent), its length, whether every word is saved,
and Undo after a delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton, QStatusBar, QWidget

from beautifulletters import humandates
from beautifulletters.i18n import _, n_
from beautifulletters.records import Letter
from beautifulletters.words import letter_status, number
from ui.widgets.plain import plain_label

if TYPE_CHECKING:
    from ui.desk.editor import LetterEditor

UNDO_SECONDS = 15
UNDO_BUTTON = "undoDelete"
UNDO_OFFER = "undoOffer"


def status_text(letter: Letter) -> str:
    """'draft', 'final', or 'sent on 28 March', as the window shows a letter's state."""
    if letter.status == "sent" and letter.sent_on:
        return humandates.sent_on(letter.sent_on)
    return letter_status(letter.status)


def offer_undo(status: QStatusBar, message: str, undo: Callable[[], object], accessible_name: str) -> QPushButton:
    """`message` in the status bar with an Undo button beside it for a while; one Undo at a time.

    Both sit among the status bar's permanent widgets: Qt hides its other widgets while a
    message is shown, which hid the Undo of a deleted letter for as long as it was offered."""
    for earlier in status.findChildren(QWidget, UNDO_OFFER):  # a newer delete takes its place
        status.removeWidget(earlier)
        earlier.deleteLater()
    offer = QWidget()
    offer.setObjectName(UNDO_OFFER)
    row = QHBoxLayout(offer)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(plain_label(message))
    button = QPushButton(_("Undo"))
    button.setObjectName(UNDO_BUTTON)
    button.setAccessibleName(accessible_name)
    row.addWidget(button)
    status.insertPermanentWidget(0, offer)

    def withdraw() -> None:
        status.removeWidget(offer)
        offer.deleteLater()

    def clicked() -> None:
        withdraw()
        undo()

    button.clicked.connect(clicked)
    QTimer.singleShot(UNDO_SECONDS * 1000, offer, withdraw)  # dropped if Undo was pressed first
    return button


class LetterStatus(QObject):
    """Word count and save state, beside the status bar's messages (which come and go)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.words = plain_label()
        self.words.setAccessibleName(_("Length of the letter"))
        self.saved = plain_label()
        self.saved.setAccessibleName(_("Save state"))
        self.state = plain_label()  # draft, final, or sent on 3 April
        self.state.setAccessibleName(_("State of the letter"))
        for label in (self.state, self.words, self.saved):
            window.statusBar().addPermanentWidget(label)

    def follow(self, editor: LetterEditor) -> None:
        editor.stats_changed.connect(self.show_length)
        editor.saved.connect(lambda _revision: self.show_saved(not editor.has_unsaved_changes()))
        editor.save_failed.connect(lambda _message: self.saved.setText(_("Not saved yet — retrying")))
        editor.letter_opened.connect(lambda _id: self.show_saved(True))
        editor.edited.connect(lambda: self.show_saved(False))
        editor.letter_opened.connect(lambda _id: self.show_state(editor.letter))
        editor.letter_closed.connect(lambda: self.show_state(None))

    def show_state(self, letter: Letter | None) -> None:
        """'Draft', 'Final', or 'Sent on 28 March' for the letter on the desk; nothing without one."""
        if letter is None:
            self.state.clear()
            return
        shown = status_text(letter)
        self.state.setText(shown[:1].upper() + shown[1:])

    def show_length(self, words: int, _characters: int, minutes: int) -> None:
        length = n_("{count} word", "{count} words", words).format(count=number(words))
        self.words.setText(_("{words} · {minutes} min to read").format(words=length, minutes=minutes) if words else "")

    def show_saved(self, saved: bool) -> None:
        self.saved.setText(_("All saved") if saved else _("Saving…"))
