"""“About this person”: the relationship, notes and memories (edited in place), dates and letter history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates, notesense, words
from beautifulletters.archive import Archive, note_reading
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.records import Note
from ui.dialogs.note_dialog import NoteDialog, unsaved_note
from ui.tasks import LatestOnly, note_user_input
from ui.widgets.plain import OneLineLabel, plain_label, plain_tip
from ui.window.person_dates import PersonDates
from ui.window.person_overview import Overview, person_overview, read_overview

PERSON_NOTE = 0  # the panel's choice for a note about the person, not one relationship (ids start at 1)
NoteIdRole = Qt.ItemDataRole.UserRole + 1
NoteTagRole = Qt.ItemDataRole.UserRole + 3
NotePhrasingRole = Qt.ItemDataRole.UserRole + 4


def phrasing_text(note: Note) -> str:
    """How a note will read in a letter, or why letters leave it out (shown under the notes)."""
    preview = note_reading.preview(note)
    if preview:
        return _("In a letter: {text}").format(text=preview)
    return _("Left out of letters: {reason}.").format(
        reason=notesense.reason_said(note.problem) or _("it cannot be said as a sentence")
    )


class TaggedNoteDelegate(QStyledItemDelegate):
    """Each note shown with its tag before it ("memory · the road trip…"); editing changes only the note."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        tag = index.data(NoteTagRole)
        if tag:
            option.text = f"{words.note_tag(tag)} · {option.text}"  # type: ignore[attr-defined]


def _section(text: str) -> QLabel:
    label = plain_label(text)
    label.setProperty("role", "section")
    return label


class PersonPanel(QScrollArea):
    """Everything known about the selected person; changes are saved as they are made."""

    letter_activated = Signal(int)
    edit_person_requested = Signal(int)
    edit_relationship_requested = Signal(int, int)  # from (signer), to (this person)
    error = Signal(str)
    changed = Signal()
    undoable = Signal(str, object)  # what was just deleted, and how to bring it back (Undo in the status bar)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive: Archive | None = None
        self.person_id: int | None = None
        self._loading = False
        self._generation = 0  # which showing of a person a background read belongs to
        self.shown_person_id: int | None = None  # whose notes and letters the panel holds now
        self._relationship_from: int | None = None
        self._letter_ids: list[int] = []  # the letter of each row of the history, newest first
        self._loader = LatestOnly(self, doing="reading a person's notes and letters")
        self._loader.result.connect(self._overview_read)
        self._loader.error.connect(lambda _token, failure: self.error.emit(failure.message))
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(6)

        # The name has a line of its own (cut with "…" only when longer than the panel): beside the
        # Edit… button it wrapped to two lines in the narrowest panel, at 1024×768.
        self.name_label = OneLineLabel(_("No one selected"))
        self.name_label.setProperty("role", "heading")
        layout.addWidget(self.name_label)
        self.details_label = plain_label()
        self.details_label.setWordWrap(True)
        layout.addWidget(self.details_label)
        # Under what it edits, as Edit relationship… is under the relationship.
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.setAccessibleName(_("Edit this person"))
        self.edit_button.clicked.connect(lambda: self.person_id and self.edit_person_requested.emit(self.person_id))
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addWidget(_section(_("Relationship")))
        self.relationship_label = plain_label()
        self.relationship_label.setWordWrap(True)
        self.relationship_button = QPushButton(_("Edit relationship…"))
        self.relationship_button.clicked.connect(self._edit_relationship)
        layout.addWidget(self.relationship_label)
        layout.addWidget(self.relationship_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addWidget(_section(_("Notes and memories")))
        self.notes_list = QListWidget()
        self.notes_list.setAccessibleName(_("Notes and memories"))
        self.notes_list.setWordWrap(True)
        # Notes wrap to the panel's width: a sideways scroll bar would only hide the ends of lines.
        self.notes_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.notes_list.setItemDelegate(TaggedNoteDelegate(self.notes_list))
        self.notes_list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.notes_list.itemChanged.connect(self._note_edited)
        self.notes_list.currentItemChanged.connect(self._note_selected)
        self.notes_list.setMinimumHeight(140)
        # Right-click (or the menu key) on a note: Edit note… shows and corrects how it reads in a letter.
        self.notes_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.notes_list.customContextMenuRequested.connect(self._note_menu)
        layout.addWidget(self.notes_list)
        note_tools = QHBoxLayout()
        self.note_tag = QComboBox(editable=True)
        for tag in words.NOTE_TAGS:
            self.note_tag.addItem(words.note_tag(tag), tag)
        self.note_tag.setAccessibleName(_("Tag of the selected or new note"))
        self.note_tag.activated.connect(self._retag_selected)
        self.delete_note_button = QPushButton(_("Delete"))
        self.delete_note_button.setAccessibleName(_("Delete the selected note"))
        self.delete_note_button.clicked.connect(self._delete_selected_note)
        note_tools.addWidget(self.note_tag, 1)
        note_tools.addWidget(self.delete_note_button)
        layout.addLayout(note_tools)
        # How the chosen or just-written note will read in a letter ("I remember how you…").
        self.note_phrasing = plain_label()
        self.note_phrasing.setWordWrap(True)
        self.note_phrasing.setAccessibleName(_("How the note reads in a letter"))
        layout.addWidget(self.note_phrasing)
        # The new note has the panel's whole width (beside its buttons it showed "Add a m…"), then
        # whose note it is, then the buttons that add it.
        self.new_note = QLineEdit(placeholderText=_("Add a memory, a joke, a fact…"))
        self.new_note.setAccessibleName(_("New note"))
        self.new_note.returnPressed.connect(self._add_note)
        layout.addWidget(self.new_note)
        self.add_note_button = QPushButton(_("Add"))
        self.add_note_button.setAccessibleName(_("Add note"))
        self.add_note_button.clicked.connect(self._add_note)
        self.note_details_button = QPushButton("…")
        self.note_details_button.setFixedWidth(self.note_details_button.fontMetrics().horizontalAdvance("…") + 34)
        self.note_details_button.setAccessibleName(_("Add the note, seeing how it reads in a letter"))
        self.note_details_button.setToolTip(_("Add the note, seeing and changing how it reads in a letter"))
        self.note_details_button.clicked.connect(self._add_note_with_details)
        # Whom a new note belongs to: the signer's relationship with this person (their memories,
        # their jokes), or the person, for every signer's letters (what everyone knows of them).
        self.note_about = QComboBox()
        self.note_about.setAccessibleName(_("Whose note a new note is"))
        # As wide as the panel, not as its longest choice; a choice cut at the edge shows whole on hover.
        self.note_about.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.note_about.setMinimumContentsLength(12)
        self.note_about.currentIndexChanged.connect(
            lambda _index: self.note_about.setToolTip(plain_tip(self.note_about.currentText()))
        )
        # A choice the writer made is kept while they stay with this person; otherwise each
        # showing offers the default again (a relationship added meanwhile may change it).
        self.note_about.activated.connect(lambda _index: self.note_about.setProperty("chosen", True))
        layout.addWidget(self.note_about)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_note_button)
        add_row.addWidget(self.note_details_button)
        layout.addLayout(add_row)

        layout.addWidget(_section(_("Important dates")))
        self.dates = PersonDates()
        self.dates.changed.connect(self._dates_changed)
        self.dates.error.connect(self.error)
        self.dates.undoable.connect(lambda message, undo: self.undoable.emit(message, lambda: self._put_back(undo)))
        # Its parts, by the names the window's tests use.
        self.dates_list = self.dates.dates_list
        self.delete_date_button = self.dates.delete_date_button
        self.date_kind, self.date_value, self.date_label = (
            self.dates.date_kind,
            self.dates.date_value,
            self.dates.date_label,
        )
        layout.addWidget(self.dates)

        layout.addWidget(_section(_("Letters")))
        self.letters_list = QListWidget()
        self.letters_list.setAccessibleName(_("Letters to this person, newest first"))
        self.letters_list.itemActivated.connect(self._letter_activated)
        self.letters_list.setMinimumHeight(120)
        # One line per letter, cut with "…" at the panel's edge; the whole line is its tooltip.
        self.letters_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.letters_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.letters_list)
        layout.addStretch(1)
        self.setWidget(body)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.edit_button,
            self.relationship_button,
            self.notes_list,
            self.note_tag,
            self.delete_note_button,
            self.new_note,
            self.add_note_button,
            self.note_details_button,
            self.note_about,
            self.letters_list,
        ):
            widget.setEnabled(enabled)
        self.dates.set_editable(enabled)

    # ------------------------------------------------------------------ loading
    def show_person(
        self, archive: Archive, person_id: int | None, *, name: str | None = None, in_background: bool = False
    ) -> None:
        """Show `person_id` (None: no one). `in_background` reads their notes, dates and letters
        on a worker (the list's selection as you search or browse), showing `name` at once."""
        note_user_input()
        self.archive = archive
        self.person_id = person_id
        self._generation += 1
        if person_id is None:
            self._show_only(_("No one selected"))
            return
        if not in_background:
            self.refresh()
            return
        if person_id == self.shown_person_id:
            # The same person again (the list was refreshed after an edit): kept as shown, and as
            # editable, until the new read is in. Blanked and disabled, the panel lost the keyboard
            # focus (on Edit…) to a field further down and scrolled there.
            self._loader.submit((person_id, self._generation), person_overview, archive.path, person_id)
            return
        # Until this person's own notes and letters are in: their name, nothing of the last person's,
        # and nothing to edit.
        self._show_only(name or "")
        self._loader.submit((person_id, self._generation), person_overview, archive.path, person_id)

    def _show_only(self, heading: str) -> None:
        """`heading` in place of a name, and nothing else to read or edit."""
        self.shown_person_id = None
        self.name_label.setText(heading)
        for widget in (self.details_label, self.relationship_label):
            widget.clear()
        for view in (self.notes_list, self.letters_list):
            view.clear()
        self.dates.clear()
        self._letter_ids = []
        self._set_enabled(False)

    def refresh(self) -> None:
        """Read the person again now (after an edit here or elsewhere)."""
        if self.archive is None or self.person_id is None:
            return
        self._generation += 1  # a background read still on its way is older than this one
        self._fill(read_overview(self.archive, self.person_id))

    def close_loader(self) -> None:
        """The window is closing: a read still running finishes unseen."""
        self._loader.close()

    @property
    def loading(self) -> bool:
        """Whether a read of the person's history is waiting for a worker or running on one."""
        return self._loader.busy

    def _overview_read(self, token: tuple[int, int], overview: Overview | None) -> None:
        if token == (self.person_id, self._generation):
            self._fill(overview)

    def _fill(self, overview: Overview | None) -> None:
        if self.archive is None:
            return
        if overview is None:  # removed meanwhile
            self.show_person(self.archive, None)
            return
        person = overview.person
        self.shown_person_id = person.id
        self._set_enabled(not self.archive.readonly)
        self.letters_list.setEnabled(True)
        self._loading = True
        try:
            self.name_label.setText(person.display_name)
            bits = []
            if person.nickname:
                bits.append(_("Called “{nickname}”").format(nickname=person.nickname))
            if person.pronouns:
                bits.append(
                    person.pronouns.split("/")[0]
                    + ("/" + person.pronouns.split("/")[1] if "/" in person.pronouns else "")
                )
            if person.birthday:
                bits.append(_("born {date}").format(date=humandates.full_date(person.birthday)))
            if person.died_on:
                bits.append(_("died {date}").format(date=humandates.partial_date(person.died_on)))
            if person.tags:
                bits.append(", ".join(person.tags))
            self.details_label.setText(" · ".join(bits))
            self._relationship_from = overview.relationship_from
            self._fill_note_about(overview)
            self.relationship_label.setText(
                "\n".join(overview.relationship_lines) or _("No relationship recorded yet.")
            )
            self.notes_list.clear()
            self.note_phrasing.clear()
            for note in overview.notes:
                item = QListWidgetItem(note.text)
                item.setData(NoteIdRole, note.id)
                item.setData(NoteTagRole, note.tag)
                item.setData(NotePhrasingRole, phrasing_text(note))
                tag = words.note_tag(note.tag)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{tag}: {note.text}")
                item.setToolTip(plain_tip(f"[{tag}] {note.noted_on or ''}\n{phrasing_text(note)}"))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.notes_list.addItem(item)
            self.dates.show_dates(self.archive, person, overview.dates, overview.uncounted)
            self.letters_list.clear()
            lines = []
            for letter in overview.letters:
                title = words.letter_title(letter.title, letter.occasion)
                status = humandates.sent_on(letter.sent_on) if letter.sent_on else words.letter_status(letter.status)
                written = humandates.near_date(letter.created_at)
                lines.append(
                    _("{date}  {title} — from {name} ({status})").format(
                        date=written, title=title, name=letter.signer_name, status=status
                    )
                )
            # One call for the whole history (500 items one by one took 15-25 ms of the window's thread);
            # each row's letter is found by its row.
            self._letter_ids = [letter.id for letter in overview.letters]
            self.letters_list.addItems(lines)
            for row, line in enumerate(lines):  # rows cut at the panel's edge show whole on hover
                self.letters_list.item(row).setToolTip(plain_tip(line))
        finally:
            self._loading = False

    # ------------------------------------------------------------------ editing
    def _guard(self, action: Any) -> bool:
        """Run a change; a refusal is said in one sentence (the error signal) and nothing changes."""
        try:
            action()
        except BeautifulLettersError as error:
            self.error.emit(str(error))
            return False
        self.changed.emit()
        return True

    def _chosen_tag(self) -> str:
        """The tag as stored: a known tag's own word ("memory" for "Erinnerung"), or what was typed."""
        text = self.note_tag.currentText().strip()
        index = self.note_tag.findText(text)
        return str(self.note_tag.itemData(index)) if index >= 0 and self.note_tag.itemData(index) else text

    def _show_tag(self, tag: str) -> None:
        index = self.note_tag.findData(tag)
        if index >= 0:
            self.note_tag.setCurrentIndex(index)
        else:
            self.note_tag.setCurrentText(tag)

    def _selected_note_id(self) -> int | None:
        item = self.notes_list.currentItem()
        return item.data(NoteIdRole) if item else None

    def _note_selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self._show_tag(current.data(NoteTagRole) or "note")
            self.note_phrasing.setText(current.data(NotePhrasingRole) or "")

    def _show_phrasing(self, note_id: int | None) -> None:
        """Say how a note just written or changed will read in a letter."""
        if note_id is None or self.archive is None:
            return
        try:
            self.note_phrasing.setText(phrasing_text(self.archive.notes.get(note_id)))
        except BeautifulLettersError:
            self.note_phrasing.clear()

    def _note_edited(self, item: QListWidgetItem) -> None:
        if self._loading or self.archive is None:
            return
        note_id = item.data(NoteIdRole)
        text = item.text()
        if not text.strip():  # emptied: the same as Delete, with Undo
            self._delete_note(note_id)
            return
        self._guard(lambda: self.archive.notes.update(note_id, text=text))
        self._show_phrasing(note_id)

    def _retag_selected(self) -> None:
        note_id = self._selected_note_id()
        if note_id is None or self.archive is None:
            return
        tag = self._chosen_tag()
        self._guard(lambda: self.archive.notes.update(note_id, tag=tag))
        self.refresh()
        self._show_phrasing(note_id)

    def _delete_selected_note(self) -> None:
        note_id = self._selected_note_id()
        if note_id is not None:
            self._delete_note(note_id)

    def _delete_note(self, note_id: int) -> None:
        """Delete a note; the status bar offers it back (`undoable`)."""
        archive = self.archive
        if archive is None:
            return
        try:
            note = archive.notes.get(note_id)
            archive.notes.remove(note_id)
        except BeautifulLettersError as error:
            self.error.emit(str(error))
            return
        self.changed.emit()
        self.refresh()
        self.undoable.emit(_("The note was deleted."), lambda: self._put_back(lambda: archive.notes.put_back(note)))

    def _put_back(self, put_back: Any) -> None:
        """Undo a delete: store the row again and show it."""
        self._guard(put_back)
        self.refresh()

    def _fill_note_about(self, overview: Overview) -> None:
        """Offer each relationship to this person (the current signer's first) and the person."""
        name = overview.person.display_name
        kept = self.note_about.property("person") == overview.person.id and self.note_about.property("chosen")
        chosen = self.note_about.currentData() if kept else None
        self.note_about.setProperty("chosen", bool(kept))
        self.note_about.clear()
        for signer_id, signer in overview.note_signers:
            self.note_about.addItem(_("Between {signer} and {name}").format(signer=signer, name=name), signer_id)
        self.note_about.addItem(_("About {name}, for everyone who writes to them").format(name=name), PERSON_NOTE)
        self.note_about.setProperty("person", overview.person.id)
        wanted = chosen if chosen is not None else (overview.note_signer or PERSON_NOTE)
        self.note_about.setCurrentIndex(max(self.note_about.findData(wanted), 0))
        self.note_about.setEnabled(self.note_about.count() > 1 and not (self.archive and self.archive.readonly))

    def add_note(self, text: str, tag: str, about: int | None = None) -> bool:
        """Add a note; False (and the reason on the error signal) when it was refused.

        `about` is the signer whose relationship with this person the note belongs to, or
        PERSON_NOTE for a note every signer's letters may use; by default, the panel's choice."""
        if self.archive is None or self.person_id is None:
            return False
        archive, person_id = self.archive, self.person_id
        chosen = about if about is not None else self.note_about.currentData()
        signer = int(chosen) if chosen and chosen != PERSON_NOTE else None
        added: list[int] = []
        stored = self._guard(
            lambda: added.append(
                archive.notes.add(
                    person_id,
                    text,
                    tag=tag,
                    about_relationship_from=signer,
                    scope="relationship" if signer is not None else "person",
                )
            )
        )
        self.refresh()
        self._show_phrasing(added[0] if added else None)
        return stored

    def _note_menu(self, pos: QPoint) -> None:
        item = self.notes_list.itemAt(pos)
        if item is None or self.archive is None or self.archive.readonly:
            return
        self.notes_list.setCurrentItem(item)
        note_id = int(item.data(NoteIdRole))
        self.note_menu = QMenu(self.notes_list)
        self.note_menu.addAction(_("Edit note…"), lambda: self.edit_note(note_id))
        self.note_menu.addAction(_("Delete note"), lambda: self._delete_note(note_id))
        self.note_menu.popup(self.notes_list.viewport().mapToGlobal(pos))

    def edit_note(self, note_id: int) -> None:
        """Edit note…: the note, and how it reads in a letter, its mood and date, as the writer corrects them."""
        if self.archive is None:
            return
        try:
            note = self.archive.notes.get(note_id)
        except BeautifulLettersError as error:
            self.error.emit(str(error))
            return
        if NoteDialog.ask(self.archive, note, self, recipient_name=self.name_label.text()) is not None:
            self.changed.emit()
            self.refresh()
            self._show_phrasing(note_id)

    def _add_note_with_details(self) -> None:
        """Details…: the note being written, in the dialog, to see and correct its reading before it is kept."""
        if self.archive is None or self.person_id is None:
            return
        chosen = self.note_about.currentData()
        signer = int(chosen) if chosen and chosen != PERSON_NOTE else None
        draft = unsaved_note(self.archive, self.person_id, signer, self.new_note.text(), self._chosen_tag() or "note")
        added = NoteDialog.ask(
            self.archive, draft, self, recipient_name=self.name_label.text(), new=True, signer=signer
        )
        if added is not None:
            self.new_note.clear()
            self.changed.emit()
            self.refresh()
            self._show_phrasing(added)

    def _add_note(self) -> None:
        text = self.new_note.text()
        if not text.strip():
            return
        if self.add_note(text, self._chosen_tag() or "note"):
            self.new_note.clear()  # a refused note stays in the box, to be corrected

    def _dates_changed(self) -> None:
        self.changed.emit()
        self.refresh()

    def _edit_relationship(self) -> None:
        if self.person_id is not None and self._relationship_from and self._relationship_from != self.person_id:
            self.edit_relationship_requested.emit(self._relationship_from, self.person_id)

    def letter_id_at(self, row: int) -> int | None:
        """The letter shown in a row of the history (newest first), or None."""
        return int(self._letter_ids[row]) if 0 <= row < len(self._letter_ids) else None

    def _letter_activated(self, item: QListWidgetItem) -> None:
        letter_id = self.letter_id_at(self.letters_list.row(item))
        if letter_id:
            self.letter_activated.emit(letter_id)
