"""Edit note…: a note's text and, beside it, how it will read in a letter, its mood and when it happened.

The app reads a note as it is written (notesense); here the writer sees that reading and corrects
it. What they change is kept as theirs (the note's `writer_set`), so drafts say it their way;
what they leave alone follows the note's words when the text changes. Where the reader cannot
tell (who did it, whose dog), the dialog says so in the writer's terms and offers the fix.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates, notesense, words
from beautifulletters.archive import Archive, note_reading
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import N_, _
from beautifulletters.records import Note
from ui.dialogs.common import ShortFormDialog
from ui.widgets.date_field import DateField
from ui.widgets.plain import plain_label

READ_AFTER_MS = 250  # the reading follows typing once it pauses
_MOODS = {"happy": N_("happy"), "funny": N_("funny"), "tender": N_("tender"), "sad": N_("sad"), "loss": N_("loss")}


def shown_date(value: str | None) -> str:
    """A stored date as the field shows it: a whole day in words, a month or a year as stored."""
    if not value:
        return ""
    return humandates.full_date(value) if len(value) == 10 else value


def unsaved_note(archive: Archive, person_id: int, signer: int | None, text: str, tag: str) -> Note:
    """A note not stored yet, for the dialog to read: `signer`'s relationship's, or about the person (None)."""
    relationship = archive.relationships.get(signer, person_id) if signer is not None else None
    return Note(
        id=0,
        person_id=person_id,
        relationship_id=relationship.id if relationship else None,
        text=text.strip(),
        tag=tag,
        scope="relationship" if relationship else "person",
    )


class NoteDialog(ShortFormDialog):
    """One note, new or stored, with the writer's reading of it. `note_id` holds it once saved."""

    def __init__(
        self,
        archive: Archive,
        note: Note,
        parent: QWidget | None = None,
        *,
        recipient_name: str = "",
        new: bool = False,
        signer: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.note = note
        self.new = new
        self.signer = signer  # a new note's: whose relationship it belongs to (None: about the person)
        self.note_id: int | None = None if new else note.id
        self.chosen = note_reading.writer_choices(note)  # the writer's earlier corrections
        self.setWindowTitle(_("New note") if new else _("Edit note"))
        self.text = QPlainTextEdit(note.text)
        self.text.setAccessibleName(_("Note"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 3 + 14)
        self.tag = QComboBox()
        for tag in words.NOTE_TAGS:
            self.tag.addItem(words.note_tag(tag), tag)
        if self.tag.findData(note.tag) < 0:
            self.tag.addItem(note.tag, note.tag)
        self.tag.setCurrentIndex(self.tag.findData(note.tag))
        self.tag.setAccessibleName(_("Tag"))
        # The reading, in the letter's words, and the question when it cannot be said.
        self.sentence = plain_label()
        self.sentence.setWordWrap(True)
        self.sentence.setAccessibleName(_("How the note reads in a letter"))
        self.question = plain_label()
        self.question.setProperty("role", "error")
        self.question.setWordWrap(True)
        self.phrasing = QLineEdit(note_reading.letter_phrasing(note))
        self.phrasing.setPlaceholderText(_("as the letter says it: “you taught me to swim”"))
        self.phrasing.setAccessibleName(_("In a letter it reads"))
        self.about = QComboBox()
        self.about.addItem(_("as the note says"), "")
        self.about.addItem(recipient_name or _("the one the letter is to"), "recipient")
        self.about.addItem(_("me, the one who writes"), "signer")
        self.about.addItem(_("the two of us"), "both")
        self.about.addItem(_("someone else"), "other")
        self.about.setCurrentIndex(max(self.about.findData(self.chosen.get("about", "")), 0))
        self.about.setAccessibleName(_("Who it is about"))
        self.mood = QComboBox()
        for mood in notesense.MOODS:
            self.mood.addItem(_(_MOODS.get(mood, mood)), mood)
        self.mood.setCurrentIndex(max(self.mood.findData(note.mood), 0))
        self.mood.setAccessibleName(_("Mood"))
        self.when = DateField(placeholder=_("e.g. 2025, 2025-04 or 3 April 2025"))
        self.when.setText(shown_date(note.happened_on))
        self.when.setAccessibleName(_("When it happened"))
        # What the reader would say with nothing changed: a field still showing it is not a correction.
        self._auto = {"phrasing": self.phrasing.text(), "mood": self.mood.currentData(), "when": self.when.text()}
        self._start = {"about": self.about.currentData(), "when": self.when.text()}

        form = QFormLayout()
        form.addRow(_("&Note:"), self.text)
        form.addRow(_("&Tag:"), self.tag)
        form.addRow(_("In a &letter it reads:"), self.phrasing)
        reading_box = QWidget()  # the sentence, or the question: one row that takes only the room it needs
        said = QVBoxLayout(reading_box)
        said.setContentsMargins(0, 0, 0, 0)
        said.addWidget(self.sentence)
        said.addWidget(self.question)
        form.addRow("", reading_box)
        form.addRow(_("Who it is &about:"), self.about)
        form.addRow(_("&Mood:"), self.mood)
        form.addRow(_("&When it happened:"), self.when)
        self.lay_out(
            _("The app reads the note for you; change anything it got wrong. Your changes are kept with the note."),
            form,
            ok_text=_("Add note") if new else _("Save note"),
            width=520,
        )

        self._pause = QTimer(self, singleShot=True, interval=READ_AFTER_MS)
        self._pause.timeout.connect(self.read_again)
        self.text.textChanged.connect(self._pause.start)
        self.phrasing.textEdited.connect(lambda _text: self._pause.start())
        self.when.textChanged.connect(lambda _text: self._pause.start())
        for combo in (self.tag, self.about, self.mood):
            combo.currentIndexChanged.connect(lambda _index: self._pause.start())
        self.read_again()

    # ------------------------------------------------------------------ the reading
    def corrections(self) -> dict[str, str | None]:
        """What the writer changed from the reading, as `notes.update` takes it ("" gives a part back)."""
        given: dict[str, str | None] = {}
        phrasing = " ".join(self.phrasing.text().split())
        if phrasing != self._auto["phrasing"]:
            given["phrasing"] = phrasing  # "" hands it back to the reader
        elif phrasing and "phrasing" in self.chosen and self._text() != self.note.text:
            given["phrasing"] = phrasing  # their own phrasing outlives a new text
        about = self.about.currentData()
        if about != self._start["about"]:
            given["about"] = about
        mood = self.mood.currentData()
        if mood != self._auto["mood"]:
            given["mood"] = mood
        when = self.when.text().strip()
        if when != self._auto["when"] and when != self._start["when"]:
            given["happened_on"] = when
        elif not when and self._start["when"] and "happened_on" in self.chosen:
            given["happened_on"] = ""
        return given

    def _text(self) -> str:
        return self.text.toPlainText().strip()

    def _writer(self) -> dict[str, str | None]:
        """The corrections the note would carry: the earlier ones, then what was changed here."""
        writer: dict[str, str | None] = dict(self.chosen)
        if self._text() != self.note.text:
            writer.pop("phrasing", None)
        for key, value in self.corrections().items():
            if value:
                writer[key] = value
            else:
                writer.pop(key, None)
        return writer

    def read_again(self) -> None:
        """Read the note as it stands now and show how a letter will say it (or what it needs)."""
        text = self._text()
        if not text:
            self.sentence.hide()
            self.question.setText(_("Write the note first."))
            self.question.show()
            return
        try:
            reading = self.archive.notes.reading(
                self.note.person_id,
                text,
                tag=str(self.tag.currentData() or "note"),
                relationship_id=self.note.relationship_id,
                created_at=self.note.created_at or None,
                writer=self._writer(),
            )
        except BeautifulLettersError as error:
            self.sentence.hide()
            self.question.setText(str(error))
            self.question.show()
            return
        preview = note_reading.preview(reading)
        self.sentence.setText(_("In a letter: {text}").format(text=preview) if preview else "")
        self.sentence.setVisible(bool(preview))
        self.question.setText(
            ""
            if preview
            else _(
                "Letters leave this note out: {reason}. Say who it is about below, or write how it reads in a letter."
            ).format(reason=notesense.reason_said(reading.problem) or _("it cannot be said as a sentence"))
        )
        self.question.setVisible(not preview)
        # Fields the writer has not made their own follow the note's words.
        if self.phrasing.text() == self._auto["phrasing"] and "phrasing" not in self.chosen:
            self._auto["phrasing"] = note_reading.letter_phrasing(reading)
            self.phrasing.setText(self._auto["phrasing"])
            self.phrasing.setCursorPosition(0)  # the start of the phrase shows, not its tail
        if self.mood.currentData() == self._auto["mood"] and "mood" not in self.chosen:
            self._auto["mood"] = reading.mood or ""
            self.mood.blockSignals(True)
            self.mood.setCurrentIndex(max(self.mood.findData(reading.mood), 0))
            self.mood.blockSignals(False)
        if self.when.text() == self._auto["when"] and "happened_on" not in self.chosen:
            self._auto["when"] = shown_date(reading.happened_on)
            self.when.blockSignals(True)
            self.when.setText(self._auto["when"])
            self.when.blockSignals(False)

    # ------------------------------------------------------------------ saving
    def done(self, result: int) -> None:
        self._pause.stop()  # a reading still waiting for typing to pause is not wanted once closed
        super().done(result)

    def accept(self) -> None:
        text = self._text()
        tag = str(self.tag.currentData() or "note")
        given = self.corrections()
        try:
            if self.new:
                self.note_id = self.archive.notes.add(
                    self.note.person_id,
                    text,
                    tag=tag,
                    about_relationship_from=self.signer,
                    scope=self.note.scope,
                    **{k: v for k, v in given.items() if v},
                )
            else:
                self.archive.notes.update(self.note.id, text=text, tag=tag, **given)
        except BeautifulLettersError as error:
            self.fail(str(error))
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        archive: Archive,
        note: Note,
        parent: QWidget | None = None,
        *,
        recipient_name: str = "",
        new: bool = False,
        signer: int | None = None,
    ) -> int | None:
        """Show the dialog; the note's id once saved, or None if the writer cancelled."""
        dialog = cls(archive, note, parent, recipient_name=recipient_name, new=new, signer=signer)
        try:
            return dialog.note_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
