"""A letter's life in the window: mark it draft, final or sent (with the date it went), and back;
duplicate it for someone else or another year.

Letter ▸ Mark as, Letter ▸ Duplicate… and the letter history's menu (person panel) all come here.
A sent letter is sealed: the desk shows it read-only until it is marked draft or final again.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QMenu, QWidget

from beautifulletters import validation
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Letter
from beautifulletters.words import letter_title
from ui.dialogs.common import ShortFormDialog
from ui.widgets.date_field import DateField, in_words
from ui.window.status import status_text
from ui.window.surface import WindowSurface


class SentDateDialog(ShortFormDialog):
    """When the letter went: today unless the writer says otherwise (typed, or on the calendar)."""

    def __init__(self, what: str, sent_on: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mark as sent"))
        self.chosen: str | None = None
        self.date = DateField(placeholder=_("e.g. 3 April 2026"))
        self.date.setAccessibleName(_("Sent on"))
        self.date.setText(in_words(sent_on or dt.date.today().isoformat()))
        form = QFormLayout()
        form.addRow(_("&Sent on:"), self.date)
        self.lay_out(_("When did “{letter}” go?").format(letter=what), form, ok_text=_("Mark as sent"), width=380)

    def accept(self) -> None:
        try:
            chosen = validation.date(self.date.text(), _("date sent"))
        except ValidationError as error:
            self.fail(str(error))
            return
        if chosen is None:
            self.fail(_("Say when the letter was sent, or Cancel."))
            return
        self.chosen = chosen
        super().accept()


def letter_id_to_act_on(window: WindowSurface, letter_id: int | None = None) -> int | None:
    """The letter a Letter-menu action works on: `letter_id` (the history's menu names one), else the
    open one. None when there is none, or when the archive is read-only (the window has said so)."""
    if letter_id is None:
        letter_id = window.editor.letter_id if window.desk_ready else None
    if letter_id is None or window.refuse_if_readonly():
        return None
    return letter_id


def letter_to_act_on(window: WindowSurface, letter_id: int | None = None) -> Letter | None:
    """As `letter_id_to_act_on`, read from the archive; None when it cannot be read (the error is shown)."""
    letter_id = letter_id_to_act_on(window, letter_id)
    if letter_id is None:
        return None
    try:
        return window.archive.letters.get(letter_id)
    except BeautifulLettersError as error:
        window.show_error(str(error))
        return None


def mark_letter(window: WindowSurface, status: str, letter_id: int | None = None) -> SentDateDialog | None:
    """Mark the letter (the open one unless `letter_id`) draft, final or sent; sent asks for the date
    first (the dialog is returned, open). Marking it draft or final again unseals it."""
    letter = letter_to_act_on(window, letter_id)
    if letter is None:
        return None
    letter_id = letter.id
    if status != "sent":
        set_status(window, letter_id, status)
        return None
    title = letter_title(letter.title, letter.occasion)
    dialog = SentDateDialog(title, letter.sent_on, window)
    dialog.accepted.connect(lambda: set_status(window, letter_id, "sent", dialog.chosen))
    window.show_dialog(dialog)
    return dialog


def set_status(window: WindowSurface, letter_id: int, status: str, sent_on: str | None = None) -> bool:
    """Store the new status; the desk, the history and the status bar follow."""
    editor = window.editor if window.desk_ready else None
    is_open = editor is not None and editor.letter_id == letter_id
    if is_open and editor is not None:
        editor.flush()  # every word typed is in before the letter is sealed
    try:
        window.archive.letters.update(letter_id, status=status, sent_on=sent_on)
        letter = window.archive.letters.get(letter_id)
    except BeautifulLettersError as error:
        window.show_error(str(error))
        return False
    if is_open:
        window.open_letter(letter_id)  # sent: read-only from now; draft or final: open to changes again
    window.person_panel.refresh()
    window.statusBar().showMessage(_("The letter is marked {status}.").format(status=status_text(letter)), 6000)
    return True


def duplicate_letter(window: WindowSurface, letter_id: int | None = None) -> QDialog | None:
    """Letter ▸ Duplicate…: a new draft of the letter (the open one unless `letter_id`), for the same
    person or another; it opens on the desk."""
    from ui.dialogs.duplicate_letter import DuplicateLetterDialog

    letter_id = letter_id_to_act_on(window, letter_id)
    if letter_id is None:
        return None
    editor = window.editor if window.desk_ready else None
    if editor is not None and editor.letter_id == letter_id:
        editor.flush()  # the copy has every word typed so far
    try:
        dialog = DuplicateLetterDialog(window.archive, letter_id, window)
    except BeautifulLettersError as error:
        window.show_error(str(error))
        return None
    dialog.accepted.connect(lambda: _copied(window, dialog.created_letter_id))
    window.show_dialog(dialog)
    return dialog


def _copied(window: WindowSurface, letter_id: int | None) -> None:
    if letter_id is None:
        return
    recipient = window.archive.letters.get(letter_id).recipient_id
    window.people_list.people_model.refresh()
    window.select_person(recipient)
    window.person_panel.show_person(window.archive, recipient)
    window.open_letter(letter_id)
    window.statusBar().showMessage(_("The copy is a new draft; the letter it came from is unchanged."), 6000)


def add_letter_life_actions(window: WindowSurface, letter_menu: QMenu) -> None:
    """Letter ▸ Mark as (draft, final, sent…) and Duplicate…; the same from the letter history's menu."""
    mark_menu = letter_menu.addMenu(_("Mar&k as"))
    for status, text in (("draft", _("&Draft")), ("final", _("&Final")), ("sent", _("&Sent…"))):
        window.add_action(mark_menu, text, partial(mark_letter, window, status))
    window.add_action(
        letter_menu,
        _("Du&plicate…"),
        lambda: duplicate_letter(window),
        None,
        _("A new draft of the open letter, for the same person or another"),
    )
    history = window.person_panel.letters_list
    history.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def open_menu(point: QPoint) -> None:
        menu = history_menu(window, history.indexAt(point).row())
        if not menu.isEmpty():
            menu.popup(history.viewport().mapToGlobal(point))

    history.customContextMenuRequested.connect(open_menu)


def history_menu(window: WindowSurface, row: int) -> QMenu:
    """The menu of a letter in the person's history: open it, mark it, duplicate it."""
    menu = QMenu(window.person_panel.letters_list)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one made per right-click
    letter_id = window.person_panel.letter_id_at(row)
    if letter_id is None:
        return menu
    menu.addAction(_("&Open"), lambda: window.open_letter(letter_id))
    menu.addSeparator()
    for status, text in (("draft", _("Mark as &draft")), ("final", _("Mark as &final")), ("sent", _("Mark as &sent…"))):
        menu.addAction(text, partial(mark_letter, window, status, letter_id))
    menu.addAction(_("Du&plicate…"), lambda: duplicate_letter(window, letter_id))
    return menu
