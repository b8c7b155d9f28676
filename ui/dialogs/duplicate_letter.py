"""Letter ▸ Duplicate…: the letter again as a new draft, for the same person or another, for another year."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QWidget

from beautifulletters import validation
from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.words import letter_title
from ui.dialogs.common import ShortFormDialog
from ui.dialogs.person_picker import PersonPicker
from ui.widgets.date_field import DateField, in_words

FIRST_PEOPLE = 50  # the drop-down's short list; typing searches everyone


class DuplicateLetterDialog(ShortFormDialog):
    """Choose who the copy is for (the same person at first) and its occasion date; the copy is a
    new draft with the same body and paper. `created_letter_id` holds it once accepted."""

    def __init__(self, archive: Archive, letter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.letter_id = letter_id
        self.created_letter_id: int | None = None
        letter = archive.letters.get(letter_id)
        title = letter_title(letter.title, letter.occasion)
        self.setWindowTitle(_("Duplicate letter"))
        self.recipient = PersonPicker(archive, self, accessible_name=_("For"))
        try:
            first = archive.search.people_ids(sort="name", limit=FIRST_PEOPLE)
        except BeautifulLettersError:
            first = []
        signer = archive.settings.default_signer_id()
        self.recipient.set_people([p for p in first if p != signer], keep=letter.recipient_id)
        self.date = DateField(placeholder=_("e.g. 3 April 2027, or none"))
        self.date.setAccessibleName(_("Occasion date"))
        if letter.occasion_date:
            self.date.setText(in_words(letter.occasion_date))
        form = QFormLayout()
        form.addRow(_("&For:"), self.recipient)
        form.addRow(_("Occasion &date:"), self.date)
        about = _(
            "A new draft of “{letter}”, with the same words and paper, to change for someone else or another year."
        ).format(letter=title)
        self.lay_out(about, form, ok_text=_("Make the copy"), width=460)

    def accept(self) -> None:
        recipient = self.recipient.person_id()
        if recipient is None:
            self.fail(_("Choose who the copy is for."))
            return
        try:
            when = validation.date(self.date.text(), _("occasion date"), allow_yearless=True)
            self.created_letter_id = self.archive.letters.duplicate(
                self.letter_id, recipient_id=recipient, occasion_date=when
            )
        except ValidationError as error:
            self.fail(str(error))
            return
        except BeautifulLettersError as error:
            self.fail(_("The copy was not made: {reason}").format(reason=error))
            return
        super().accept()

    @classmethod
    def ask(cls, archive: Archive, letter_id: int, parent: QWidget | None = None) -> int | None:
        """Show the dialog; the new letter's id, or None if the person cancelled."""
        dialog = cls(archive, letter_id, parent)
        try:
            return dialog.created_letter_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
