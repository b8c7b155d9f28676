"""The Person and Relationship dialogs: every field, checked as it is typed, messages beside the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates, images, validation, words
from beautifulletters.addresses import clean_address, parse_address
from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Person, PersonFields
from ui.dialogs.address_editor import AddressList
from ui.dialogs.common import GuardedDialog, line_edit_of, show_choice, stored_choice
from ui.widgets.date_field import DateField, in_words
from ui.widgets.plain import plain_label
from ui.widgets.screen_fit import resize_within_screen


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


class _KeptDate:
    """A date field that shows a stored date in words and, left as shown, keeps it as stored: a
    month and year shown as "December 1976" is stored as 1976-12, which the archive does not read
    back from words, and a year alone as "1976"."""

    def __init__(self, field: DateField) -> None:
        self.field = field
        self._shown = ("", "")  # the stored date as the field shows it in words, and as stored

    def show(self, stored: str | None) -> None:
        self._shown = (since_in_words(stored or ""), stored or "")
        self.field.setText(self._shown[0])

    def value(self) -> str:
        """The date as typed, or as stored when the writer left the date shown in words as it was."""
        text = self.field.text().strip()
        shown, stored = self._shown
        return stored if text and text == shown else text


class _CheckedForm(QWidget):
    """A form whose fields each have a checker and a message label beside them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self._checks: dict[str, tuple[Callable[[], Any], QLabel]] = {}

    def add_field(self, label: str, name: str, widget: QWidget, check: Callable[[], Any] | None = None) -> None:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        message = plain_label()
        message.setProperty("role", "error")
        message.setWordWrap(True)
        message.setAccessibleName(_("{field} problem").format(field=label.replace("&", "").rstrip(":")))
        message.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(message)
        # The label's Alt+letter goes to the field (or the part of it that takes focus): a label whose
        # buddy was the holder around the field and its message moved the focus nowhere.
        buddy = widget
        while (proxy := buddy.focusProxy()) is not None:
            buddy = proxy
        caption = plain_label(label)
        caption.setBuddy(buddy)
        box.setFocusProxy(widget)
        self.form.addRow(caption, box)
        if check is not None:
            self._checks[name] = (check, message)
            signal = getattr(widget, "editingFinished", None) or getattr(widget, "textChanged", None)
            if signal is not None:
                signal.connect(lambda n=name: self.check_field(n))

    def check_field(self, name: str) -> bool:
        check, message = self._checks[name]
        try:
            check()
        except ValidationError as error:
            message.setText(error.reason[0].upper() + error.reason[1:])
            message.show()
            return False
        message.hide()
        message.clear()
        return True

    def check_all(self) -> bool:
        return all([self.check_field(name) for name in self._checks])

    def has_field(self, name: str) -> bool:
        return name in self._checks

    def message_for(self, name: str) -> str:
        return self._checks[name][1].text()

    def show_error(self, name: str, text: str) -> None:
        if name in self._checks:
            label = self._checks[name][1]
            label.setText(text)
            label.show()


class _FormScroll(QScrollArea):
    """A dialog's form, scrolling where the screen is small; the field that gets the focus is scrolled
    into view, by Alt and its label's letter as well as by Tab (which alone QScrollArea follows)."""

    def __init__(self, form: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the frame
        self.setWidget(form)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        form = self.widget()
        if new is not None and form is not None and form.isAncestorOf(new):
            self.ensureWidgetVisible(new)


class PersonDialog(GuardedDialog):
    """Add or edit a person. On accept the archive has been written; `person_id` holds the id."""

    def __init__(self, archive: Archive, parent: QWidget | None = None, person_id: int | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.person_id = person_id
        self._photo: bytes | None = None
        self._photo_changed = False
        self.setWindowTitle(_("Edit person") if person_id else _("New person"))
        self.setMinimumWidth(520)

        self.form = _CheckedForm()
        self.name = QLineEdit(placeholderText=_("How they appear in your list, e.g. Loretta Mercer"))
        self.full_name = QLineEdit()
        self.nickname = QLineEdit(placeholderText=_("What you call them, e.g. Lolly"))
        self.pronouns = QComboBox(editable=True)
        self.pronouns.addItems(["", "she", "he", "they"])
        line_edit_of(self.pronouns).setPlaceholderText(_("she, he, they, or ze/zir/zir/zirs/zirself"))
        self.birthday = DateField(placeholder=_("e.g. 3 April, or 14 March 1990"))
        # Letters to someone who died are written as such; a year alone is enough ("2019").
        self.died = DateField(placeholder=_("Only if they have died, e.g. 3 March 2024, or just 2024"))
        self._died = _KeptDate(self.died)
        self.addresses = AddressList()
        self.emails = QLineEdit(placeholderText=_("Separate several with commas"))
        self.phones = QLineEdit(placeholderText=_("Separate several with commas"))
        self.language = QLineEdit(placeholderText=_("e.g. en, de, fr"))
        self.tags = QLineEdit(placeholderText=_("e.g. family, book club"))
        self.pronunciation = QLineEdit(placeholderText=_("How to say the name, e.g. lo-RET-ah"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab moves on; these boxes never need a tab
        self.notes.setFixedHeight(70)
        self.photo_label = plain_label(_("No photo"))
        photo_button = QPushButton(_("Choose photo…"))
        photo_button.clicked.connect(self._choose_photo)
        photo_row = QWidget()
        photo_layout = QHBoxLayout(photo_row)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo_label)
        photo_layout.addStretch(1)
        photo_layout.addWidget(photo_button)

        f = self.form
        f.add_field(_("&Name:"), "name", self.name, lambda: validation.text(self.name.text(), "name", required=True))
        f.add_field(
            _("&Full name:"), "full_name", self.full_name, lambda: validation.text(self.full_name.text(), "full name")
        )
        f.add_field(_("&Called:"), "nickname", self.nickname, lambda: validation.text(self.nickname.text(), "nickname"))
        f.add_field(
            _("&Pronouns:"), "pronouns", self.pronouns, lambda: validation.pronouns(self.pronouns.currentText())
        )
        line_edit_of(self.pronouns).editingFinished.connect(lambda: f.check_field("pronouns"))
        f.add_field(
            _("&Birthday:"),
            "birthday",
            self.birthday,
            lambda: validation.date(self.birthday.text(), "birthday", allow_yearless=True),
        )
        f.add_field(
            _("&Died:"),
            "died_on",
            self.died,
            lambda: validation.date(self._died.value(), "died on", allow_partial=True),
        )
        f.add_field(
            _("&Addresses:"),
            "addresses",
            self.addresses,
            lambda: [clean_address(parts) for parts in self.addresses.addresses()],
        )
        f.add_field(
            _("&Email:"),
            "emails",
            self.emails,
            lambda: validation.text_list(_split_list(self.emails.text()), "email", plural="emails"),
        )
        f.add_field(
            _("P&hone:"),
            "phones",
            self.phones,
            lambda: validation.text_list(_split_list(self.phones.text()), "phone", plural="phones"),
        )
        f.add_field(
            _("&Language:"), "language", self.language, lambda: validation.text(self.language.text(), "language")
        )
        f.add_field(_("&Tags:"), "tags", self.tags, lambda: [validation.tag(t) for t in _split_list(self.tags.text())])
        f.add_field(
            _("Say the na&me:"),
            "pronunciation",
            self.pronunciation,
            lambda: validation.text(self.pronunciation.text(), "pronunciation"),
        )
        f.add_field(
            _("N&otes:"),
            "notes",
            self.notes,
            lambda: validation.text(self.notes.toPlainText(), "notes", multiline=True),
        )
        # Checked when chosen (set_photo_file); the field is registered so that its message shows.
        f.add_field(_("Photo:"), "photo", photo_row, lambda: None)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.general_error = plain_label()
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        # The form scrolls, so the dialog fits a small screen (1024×768, or 1440×900 at 200 %),
        # and opens as tall as the whole form where the screen has the room.
        scroll = _FormScroll(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        if person_id is not None:
            self._load(archive.people.get(person_id))
        whole = self.form.sizeHint()
        resize_within_screen(self, whole.width() + 60, whole.height() + self.buttons.sizeHint().height() + 60)
        self.name.setFocus()

    def _load(self, person: Person) -> None:
        self.name.setText(person.display_name)
        self.full_name.setText(person.full_name or "")
        self.nickname.setText(person.nickname or "")
        self.pronouns.setCurrentText(person.pronouns or "")
        self.birthday.setText(humandates.full_date(person.birthday) if person.birthday else "")
        self._died.show(person.died_on)
        if person.postal_addresses:
            self.addresses.set_addresses([clean_address(parts) for parts in person.postal_addresses])
        else:
            self.addresses.set_addresses([clean_address(parse_address(text)) for text in person.addresses])
        self.emails.setText(", ".join(person.emails))
        self.phones.setText(", ".join(person.phones))
        self.language.setText(person.language or "")
        self.tags.setText(", ".join(person.tags))
        self.pronunciation.setText(person.pronunciation or "")
        self.notes.setPlainText(person.notes or "")
        self._photo = person.photo
        self._show_photo()

    def _show_photo(self) -> None:
        if self._photo:
            pixmap = QPixmap()
            if pixmap.loadFromData(self._photo):
                self.photo_label.setPixmap(
                    pixmap.scaled(
                        48, 48, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                )
                return
        self.photo_label.setText(_("No photo"))

    def _choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a photo"), "", _("Images (*.png *.jpg *.jpeg *.gif *.webp)")
        )
        if path:
            self.set_photo_file(Path(path))

    def set_photo_file(self, path: Path) -> None:
        try:
            # The same checks as --photo: not a folder, device or FIFO, within the size limit, an image.
            data = images.read_photo(path)
        except ValidationError as error:
            self.form.show_error("photo", error.reason)
            return
        if not QPixmap().loadFromData(data):
            self.form.show_error("photo", _("{file} is not an image this app can read.").format(file=path.name))
            return
        self._photo = data
        self._photo_changed = True
        self._show_photo()

    def has_unsaved_input(self) -> bool:
        return self._photo_changed or super().has_unsaved_input()

    def fields(self) -> PersonFields:
        values = PersonFields(
            display_name=self.name.text(),
            full_name=self.full_name.text() or None,
            nickname=self.nickname.text() or None,
            pronouns=self.pronouns.currentText() or None,
            birthday=self.birthday.text() or None,
            died_on=self._died.value() or None,
            postal_addresses=self.addresses.addresses(),
            emails=_split_list(self.emails.text()),
            phones=_split_list(self.phones.text()),
            language=self.language.text() or None,
            tags=_split_list(self.tags.text()),
            pronunciation=self.pronunciation.text() or None,
            notes=self.notes.toPlainText() or None,
        )
        if self._photo_changed:
            values["photo"] = self._photo
        return values

    def accept(self) -> None:
        if not self.form.check_all():
            self.general_error.setText(_("Please correct the fields marked in red."))
            self.general_error.show()
            return
        try:
            if self.person_id is None:
                self.person_id = self.archive.people.add(**self.fields())
            else:
                self.archive.people.update(self.person_id, **self.fields())
        except ValidationError as error:
            self.form.show_error(error.field.replace(" ", "_"), error.reason)
            self.general_error.setText(str(error))
            self.general_error.show()
            return
        except BeautifulLettersError as error:
            self.general_error.setText(str(error))
            self.general_error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, archive: Archive, parent: QWidget | None = None, person_id: int | None = None) -> int | None:
        dialog = cls(archive, parent, person_id)
        return dialog.person_id if dialog.exec() == QDialog.DialogCode.Accepted else None


class RelationshipDialog(GuardedDialog):
    """What the one who signs is to the one who receives: kind, since, how they met, pet names, tone,
    how the signer signs and calls them, and whether (and how) the relationship ended."""

    def __init__(self, archive: Archive, from_id: int, to_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.from_id = from_id
        self.to_id = to_id
        signer = archive.people.get(from_id).display_name
        recipient = archive.people.get(to_id).display_name
        self.setWindowTitle(_("{signer} and {recipient}").format(signer=signer, recipient=recipient))
        self.setMinimumWidth(480)
        self.form = _CheckedForm()
        self.kind = QComboBox(editable=True)
        self.kind.addItem("", "")
        for kind in words.RELATIONSHIP_KINDS:
            self.kind.addItem(words.relationship_kind(kind), kind)
        self.since = DateField(placeholder=_("e.g. 23 December 1976, or just 1976"))
        self._since_date = _KeptDate(self.since)
        self.how_we_met = QPlainTextEdit(placeholderText=_("e.g. at the county fair in 1974"))
        self.how_we_met.setTabChangesFocus(True)  # Tab moves on; these boxes never need a tab
        self.how_we_met.setFixedHeight(64)
        self.pet_names = QLineEdit(placeholderText=_("Separate several with commas"))
        self.tone = QLineEdit(placeholderText=_("e.g. tender, a little teasing"))
        self.signs_as = QLineEdit(placeholderText=_("Nana, Dad — how you sign to them"))
        self.calls_them = QLineEdit(placeholderText=_("e.g. Mum — what you call them in a letter"))
        # One quiet row, empty for most relationships: when it ended, and how. Both empty: not ended.
        self.ended_on = DateField(placeholder=_("When, e.g. 2019"))
        self.ended_on.setClearButtonEnabled(True)
        self._ended_date = _KeptDate(self.ended_on)
        self.end_kind = QComboBox(editable=True)
        self.end_kind.addItem("", "")
        for end in words.END_KINDS:
            self.end_kind.addItem(words.end_kind(end), end)
        line_edit_of(self.end_kind).setPlaceholderText(_("How, e.g. divorce"))
        self.end_kind.setAccessibleName(_("How it ended"))
        self.end_kind.setToolTip(_("How the relationship ended: divorce, separation, estrangement, or your own words"))
        ended_row = QWidget()
        ended_layout = QHBoxLayout(ended_row)
        ended_layout.setContentsMargins(0, 0, 0, 0)
        ended_layout.addWidget(self.ended_on, 1)
        ended_layout.addWidget(self.end_kind, 1)
        ended_row.setFocusProxy(self.ended_on)  # the label's mnemonic goes to the date
        intro = plain_label(_("What {recipient} is to {signer}:").format(recipient=recipient, signer=signer))
        self.form.add_field(
            _("&Kind:"), "kind", self.kind, lambda: validation.text(stored_choice(self.kind), "kind", required=True)
        )
        line_edit_of(self.kind).editingFinished.connect(lambda: self.form.check_field("kind"))
        self.form.add_field(
            _("&Since:"),
            "since",
            self.since,
            lambda: validation.date(self._since_date.value(), "since", allow_partial=True),
        )
        self.form.add_field(
            _("&How they met:"),
            "how_we_met",
            self.how_we_met,
            lambda: validation.text(self.how_we_met.toPlainText(), "how we met", multiline=True),
        )
        self.form.add_field(
            _("&Pet names:"),
            "pet_names",
            self.pet_names,
            lambda: validation.text_list(_split_list(self.pet_names.text()), "pet name", plural="pet names"),
        )
        self.form.add_field(_("&Tone:"), "tone", self.tone, lambda: validation.text(self.tone.text(), "tone"))
        self.form.add_field(
            _("You si&gn as:"), "signs_as", self.signs_as, lambda: validation.text(self.signs_as.text(), "signs as")
        )
        self.form.add_field(
            _("You ca&ll them:"),
            "calls_them",
            self.calls_them,
            lambda: validation.text(self.calls_them.text(), "calls them"),
        )
        self.form.add_field(_("&Ended:"), "ended_on", ended_row, self._check_ended)
        self.ended_on.setAccessibleName(_("When it ended"))
        self.ended_on.editingFinished.connect(lambda: self.form.check_field("ended_on"))
        line_edit_of(self.end_kind).editingFinished.connect(lambda: self.form.check_field("ended_on"))
        self.error = plain_label()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The form scrolls, as the person's does, so the dialog fits 1024×768 and 1440×900 at 200 %.
        scroll = _FormScroll(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        existing = archive.relationships.get(from_id, to_id)
        if existing:
            show_choice(self.kind, existing.kind)
            self._since_date.show(existing.since)
            self.how_we_met.setPlainText(existing.how_we_met or "")
            self.pet_names.setText(", ".join(existing.pet_names))
            self.tone.setText(existing.tone or "")
            self.signs_as.setText(existing.signs_as or "")
            self.calls_them.setText(existing.calls_them or "")
            self._ended_date.show(existing.ended_on)
            show_choice(self.end_kind, existing.end_kind or "")
        self.kind.setFocus()
        whole = self.form.sizeHint()
        extra = intro.sizeHint().height() + self.buttons.sizeHint().height() + 70
        resize_within_screen(self, whole.width() + 60, whole.height() + extra)

    def _since(self) -> str:
        """The "since" date as typed, or as stored when the writer left the date shown in words as it was
        (a month and year shown as "December 1976" is stored as 1976-12)."""
        return self._since_date.value()

    def _check_ended(self) -> None:
        validation.date(self._ended_date.value(), "ended on", allow_partial=True)
        validation.text(stored_choice(self.end_kind), "end kind")

    def accept(self) -> None:
        if not self.form.check_all():
            return
        try:
            self.archive.relationships.set(
                self.from_id,
                self.to_id,
                kind=stored_choice(self.kind),
                since=self._since() or None,
                how_we_met=self.how_we_met.toPlainText() or None,
                pet_names=_split_list(self.pet_names.text()),
                tone=self.tone.text() or None,
                signs_as=self.signs_as.text().strip() or None,
                calls_them=self.calls_them.text().strip() or None,
                ended_on=self._ended_date.value() or None,
                end_kind=stored_choice(self.end_kind) or None,
            )
        except ValidationError as error:
            name = {"end_kind": "ended_on"}.get(error.field.replace(" ", "_"), error.field.replace(" ", "_"))
            if self.form.has_field(name):  # said beside its field, as when typed
                self.form.show_error(name, error.reason[:1].upper() + error.reason[1:])
                return
            self.error.setText(str(error))
            self.error.show()
            return
        except BeautifulLettersError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()


def since_in_words(stored: str) -> str:
    """A stored "since" in words, in the writer's language: "23 December 1976", "December 1976", "1976"."""
    if len(stored) == 7 and stored[4] == "-":  # a year and month
        return humandates.since(stored)
    if len(stored) == 10 or stored.startswith("--"):
        return in_words(stored)
    return stored
