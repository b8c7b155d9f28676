"""The date a letter bears, seen on its paper and changed from Letter ▸ Date on the letter… or by
double-clicking the date at the top of the page.

A letter for an occasion ahead bears the occasion's day; the writer may choose another, or empty
the field to give it back. A sent letter keeps the date it went with.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QMenu, QWidget

from beautifulletters import humandates, validation
from beautifulletters.dates import occasion_dated
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Letter
from ui.dialogs.common import ShortFormDialog, muted_label
from ui.widgets.date_field import DateField, in_words
from ui.window.letter_life import letter_to_act_on
from ui.window.surface import WindowSurface


class LetterDateDialog(ShortFormDialog):
    """The date printed at the top of the letter; empty gives back the date its occasion says."""

    def __init__(self, letter: Letter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Date on the letter"))
        self.chosen: str | None = None
        own = occasion_dated(letter.created_at, letter.occasion_date)
        self.date = DateField(placeholder=in_words(own))
        self.date.setAccessibleName(_("Dated"))
        if letter.dated:
            self.date.setText(in_words(letter.dated))
        form = QFormLayout()
        form.addRow(_("&Dated:"), self.date)
        hint = (
            _("Leave it empty for the day of its occasion, {date}.")
            if own != letter.created_at[:10]
            else _("Leave it empty for the day it was written, {date}.")
        )
        form.addRow(muted_label(hint.format(date=humandates.full_date(own))))
        self.lay_out(
            _("The date printed at the top of the letter, on the desk, in print and in every export."),
            form,
            ok_text=_("Date the letter"),
            width=420,
        )

    def accept(self) -> None:
        try:
            self.chosen = validation.date(self.date.text(), _("date on the letter"))
        except ValidationError as error:
            self.fail(str(error))
            return
        super().accept()


def change_letter_date(window: WindowSurface, letter_id: int | None = None) -> LetterDateDialog | None:
    """Letter ▸ Date on the letter…: ask for the date the letter (the open one unless `letter_id`) bears."""
    letter = letter_to_act_on(window, letter_id)
    if letter is None:
        return None
    letter_id = letter.id
    if letter.status == "sent":
        window.show_error(
            _("This letter was sent on {date} and keeps the date it went with; mark it draft to change it.").format(
                date=humandates.full_date(letter.sent_on) if letter.sent_on else "?"
            )
        )
        return None
    dialog = LetterDateDialog(letter, window)
    dialog.accepted.connect(lambda: set_letter_date(window, letter_id, dialog.chosen))
    window.show_dialog(dialog)
    return dialog


def set_letter_date(window: WindowSurface, letter_id: int, dated: str | None) -> bool:
    """Store the date (None: its occasion's); the page shows it at once."""
    editor = window.editor if window.desk_ready else None
    is_open = editor is not None and editor.letter_id == letter_id
    if is_open and editor is not None:
        editor.flush()  # every word typed is in before the letter is laid out again
    try:
        letter = window.archive.letters.get(letter_id)
        if "date_line" in letter.style:
            # A date line typed into the letter's style would hide the date chosen here.
            style = {key: value for key, value in letter.style.items() if key != "date_line"}
            window.archive.letters.update(letter_id, dated=dated, style=style)
        else:
            window.archive.letters.update(letter_id, dated=dated)
        letter = window.archive.letters.get(letter_id)
    except BeautifulLettersError as error:
        window.show_error(str(error))
        return False
    if is_open:
        window.open_letter(letter_id)
    window.statusBar().showMessage(
        _("The letter is dated {date}.").format(date=humandates.full_date(letter.dated or "")), 6000
    )
    return True


def add_letter_date_action(window: WindowSurface, letter_menu: QMenu) -> None:
    window.add_action(
        letter_menu,
        _("Date &on the letter…"),
        lambda: change_letter_date(window),
        None,
        _("The date printed at the top of the letter (double-click the date on the page)"),
    )
