"""The New letter dialog: who it is for, who signs, which template and date, with a live preview.

The preview is rendered on a worker thread from plain inputs (ids, a template name, a date);
the result comes back by signal and stale results are dropped. Pressing Create stores the
draft that the preview showed, so what the person saw is exactly what they get.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import drafting
from beautifulletters.archive import Archive
from beautifulletters.drafting import details as occasion_details
from beautifulletters.drafting.suggest import suggest_template
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _, current_language
from ui.dialogs.common import GuardedDialog, LetterPreview, error_label, muted_label, section_label
from ui.dialogs.detail_fields import DetailFields
from ui.dialogs.person_picker import PersonPicker, signer_candidates
from ui.tasks import Failure, LatestOnly
from ui.widgets.plain import plain_label, plain_tip
from ui.widgets.rebuilt import RebuiltPage, add_row
from ui.widgets.screen_fit import resize_within_screen

TEMPLATE_NAME_ROLE = Qt.ItemDataRole.UserRole + 2
TEMPLATE_DETAILS_ROLE = Qt.ItemDataRole.UserRole + 3
PICKER_FIRST_PEOPLE = 50  # the drop-down's short list; typing searches everyone
PREVIEW_DELAY_MS = 150  # coalesce a burst of changes (e.g. recipient and signer together) into one render


@dataclass(frozen=True)
class DraftRequest:
    """The plain inputs of one preview; the worker gets this and nothing from the widgets."""

    recipient_id: int
    signer_id: int | None
    template: str
    occasion_date: str | None
    details: tuple[tuple[str, str], ...] = ()


def render_preview(archive_path: Path, request: DraftRequest) -> drafting.Draft:
    """Runs on a worker thread with its own read-only connection (SQLite connections stay per thread)."""
    with Archive.open_reader(archive_path) as reader:
        return drafting.render_draft(
            reader,
            recipient_id=request.recipient_id,
            signer_id=request.signer_id,
            template=request.template,
            occasion_date=request.occasion_date,
            details=dict(request.details),
        )


def _as_iso(value: dt.date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class NewLetterDialog(GuardedDialog):
    """Choose recipient, signer, template and date; see the draft; Create stores it as a new letter."""

    def __init__(
        self,
        archive: Archive,
        parent: QWidget | None = None,
        *,
        recipient_id: int | None = None,
        signer_id: int | None = None,
        template: str | None = None,
        occasion_date: dt.date | str | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.created_letter_id: int | None = None
        self.preview_draft: drafting.Draft | None = None  # the draft on screen, for the current choices
        self.preview_error: str | None = None
        self._preview_request: DraftRequest | None = None
        self._create_when_ready = False
        self.setWindowTitle(_("New letter"))
        self.setAccessibleName(_("New letter"))
        self.setModal(True)
        resize_within_screen(self, 1000, 640)

        self._runner = LatestOnly(self, doing="writing the preview")
        self._runner.result.connect(self._on_preview_ready)
        self._runner.error.connect(self._on_preview_failed)
        self._runner.busy_changed.connect(self._on_busy_changed)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._request_preview)

        self._build()
        self._fill(recipient_id, signer_id, template, occasion_date)
        self._connect()
        self.refresh_preview(now=True)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        heading = plain_label(_("A new letter"))
        heading.setProperty("role", "heading")

        self.recipient_picker = PersonPicker(self.archive, self, accessible_name=_("Recipient"))
        self.recipient_picker.setToolTip(_("Who the letter is for. Type to search the whole archive."))
        self.signer_picker = PersonPicker(self.archive, self, accessible_name=_("Signer"))
        self.signer_picker.setToolTip(_("Who signs the letter: you, or the person you are writing for."))

        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(_("Template"))
        self._template_model = QStandardItemModel(self)
        self.template_combo.setModel(self._template_model)
        self.template_description = muted_label()
        self.template_description.setAccessibleName(_("About this template"))

        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName(_("Occasion date"))
        self.date_edit.setCalendarPopup(True)
        # TRANSLATORS: a Qt date format (d day, MMMM month name, yyyy year), as the language writes a date.
        self.date_edit.setDisplayFormat(_("d MMMM yyyy"))
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setToolTip(
            _("A letter for a day ahead is dated on that day; Letter ▸ Date on the letter… changes it.")
        )
        # "No date" read as "the letter will bear no date"; this is the day of the occasion, not the dateline.
        self.no_date_box = QCheckBox(_("No particular day"))
        self.no_date_box.setAccessibleName(_("No occasion date"))
        self.no_date_box.setToolTip(
            _("Without a date, the letter uses the one kept in the archive (a birthday, an anniversary), if any.")
        )
        date_row = QHBoxLayout()
        date_row.setSpacing(12)
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.no_date_box)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._buddy(_("&To"), self.recipient_picker), self.recipient_picker)
        form.addRow(self._buddy(_("&From"), self.signer_picker), self.signer_picker)
        form.addRow(self._buddy(_("Te&mplate"), self.template_combo), self.template_combo)
        form.addRow("", self.template_description)
        form.addRow(self._buddy(_("&Occasion on"), self.date_edit), date_row)
        self.detail_fields = DetailFields(self)
        self.detail_fields.changed.connect(lambda: self.refresh_preview())
        form.addRow(self.detail_fields)

        self.warnings_heading = section_label(_("Worth knowing"))
        # One row per warning: a bullet and a wrapped sentence, so long sentences hang under their first word.
        # Rebuilt whole with each preview (ui/widgets/rebuilt.py: taking rows apart can crash PySide).
        self.warnings_box = RebuiltPage(spacing=8)
        self.warnings_box.setAccessibleName(_("What the letter will leave out"))
        self._warning_labels: list[QLabel] = []

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(heading)
        left.addSpacing(6)
        left.addLayout(form)
        left.addSpacing(8)
        left.addWidget(self.warnings_heading)
        left.addWidget(self.warnings_box)
        left.addStretch(1)

        self.preview = LetterPreview(self)
        self.preview_status = muted_label()
        self.preview_status.setWordWrap(False)
        self.preview_status.setAccessibleName(_("Preview status"))
        self.preview_error_label = error_label()
        self.preview_error_label.setAccessibleName(_("Preview problem"))
        preview_head = QHBoxLayout()
        preview_head.addWidget(section_label(_("Preview"), self.preview))
        preview_head.addStretch(1)
        preview_head.addWidget(self.preview_status, 0, Qt.AlignmentFlag.AlignBottom)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(preview_head)
        right.addWidget(self.preview, 1)
        right.addWidget(self.preview_error_label)

        columns = QHBoxLayout()
        columns.setSpacing(28)
        left_widget = QWidget()
        left_widget.setLayout(left)
        # Narrow enough at their least for a 720 px wide screen (1440×900 at 200 %); wider when there is room.
        left_widget.setMinimumWidth(300)
        left_widget.setMaximumWidth(440)
        self.preview.setMinimumWidth(260)
        columns.addWidget(left_widget)
        columns.addLayout(right, 1)

        self.buttons = QDialogButtonBox()
        self.create_button = QPushButton(_("Create letter"))
        self.create_button.setAccessibleName(_("Create letter"))
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.create_error_label = error_label()
        self.create_error_label.setAccessibleName(_("Why the letter was not created"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.create_error_label, 1)
        bottom.addWidget(self.buttons)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 20)
        outer.setSpacing(18)
        outer.addLayout(columns, 1)
        outer.addLayout(bottom)

        # Tab order follows the page: the form top to bottom, then the preview, then the buttons.
        chain = [
            self.recipient_picker,
            self.signer_picker,
            self.template_combo,
            self.date_edit,
            self.no_date_box,
            self.preview,
            self.create_button,
            self.cancel_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = plain_label(text)
        label.setBuddy(widget)  # Alt+letter jumps to the field
        # The mnemonic's underline made Fusion clip the last letter ("Tc" for "To"); leave room.
        label.setMinimumWidth(label.sizeHint().width() + 6)
        return label

    # ------------------------------------------------------------------ filling
    def _fill(
        self,
        recipient_id: int | None,
        signer_id: int | None,
        template: str | None,
        occasion_date: dt.date | str | None,
    ) -> None:
        try:
            first_people = self.archive.search.people_ids(sort="name", limit=PICKER_FIRST_PEOPLE)
            self_id = self.archive.settings.default_signer_id()
        except BeautifulLettersError as error:
            first_people, self_id = [], None
            self._show_create_error(str(error))
        self.recipient_picker.set_people([p for p in first_people if p != self_id], keep=recipient_id)
        self._fill_signers(preferred=signer_id)
        self._fill_templates(template)
        when = _as_iso(occasion_date)
        if when:
            parsed = QDate.fromString(when[:10], "yyyy-MM-dd")
            if parsed.isValid():
                self.date_edit.setDate(parsed)
            self.no_date_box.setChecked(not parsed.isValid())
        else:
            self.no_date_box.setChecked(True)
        self.date_edit.setEnabled(not self.no_date_box.isChecked())
        self._user_chose_template = template is not None
        if template is None and occasion_date is None:
            self._apply_suggestion()

    def _apply_suggestion(self) -> None:
        """Start on the recipient's nearest occasion, else what this pair last wrote, else a letter
        that suits how close they are (the welcome path drafted "across a distance" to a wife)."""
        recipient = self.recipient_id()
        if recipient is None:
            return
        try:
            suggestion = suggest_template(self.archive, recipient, self.signer_id())
        except BeautifulLettersError:
            return
        self.set_template(suggestion.template)
        self._show_template_description()  # at start the combo's signal is not connected yet
        if suggestion.occasion_date:
            self.date_edit.setDate(QDate.fromString(suggestion.occasion_date, "yyyy-MM-dd"))
        self.no_date_box.setChecked(suggestion.occasion_date is None)
        self.date_edit.setEnabled(suggestion.occasion_date is not None)

    def _fill_signers(self, preferred: int | None = None) -> None:
        recipient_id = self.recipient_picker.person_id()
        try:
            candidates, suggested = signer_candidates(self.archive, recipient_id)
        except BeautifulLettersError:
            candidates, suggested = [], None
        current = preferred if preferred is not None else self.signer_picker.person_id()
        if current is None or current == recipient_id:
            current = suggested
        self.signer_picker.blockSignals(True)
        self.signer_picker.set_people(candidates, keep=current)
        self.signer_picker.blockSignals(False)
        self.signer_picker.set_person_id(current, emit=False)

    def _fill_templates(self, wanted: str | None) -> None:
        self._template_model.clear()
        try:
            templates = drafting.list_templates(current_language())  # titled as the window speaks
        except BeautifulLettersError as error:
            templates = []
            self._show_create_error(str(error))
        groups = (("builtin", _("Built-in templates")), ("user", _("Your templates")))
        first_selectable = -1
        for source, heading in groups:
            members = [t for t in templates if t.source == source]
            if not members:
                continue
            header = QStandardItem(heading)
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # a group title, not a choice
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            self._template_model.appendRow(header)
            for info in members:
                label = info.title  # people choose by title; the occasion's internal name is not theirs
                if source == "user" and info.overrides_builtin:
                    label = _("{title} (your version)").format(title=label)
                item = QStandardItem(label)
                item.setData(info.name, TEMPLATE_NAME_ROLE)
                item.setData(info.details, TEMPLATE_DETAILS_ROLE)
                item.setToolTip(plain_tip(info.description or info.title))
                item.setData(info.description, Qt.ItemDataRole.StatusTipRole)
                spoken = _("{title}, built-in template") if source == "builtin" else _("{title}, your template")
                item.setData(spoken.format(title=info.title), Qt.ItemDataRole.AccessibleTextRole)
                self._template_model.appendRow(item)
                if first_selectable < 0:
                    first_selectable = self._template_model.rowCount() - 1
        row = self._template_row(wanted) if wanted else -1
        if row < 0 and wanted is None:
            row = self._template_row(drafting.template_for_occasion(None))
        self.template_combo.setCurrentIndex(row if row >= 0 else first_selectable)
        if wanted and row < 0:
            self._show_create_error(
                _("There is no template named {name}; choose one from the list.").format(name=repr(wanted))
            )
        self._show_template_description()
        self._show_detail_fields()

    def _template_row(self, name: str) -> int:
        for row in range(self._template_model.rowCount()):
            if self._template_model.item(row).data(TEMPLATE_NAME_ROLE) == name:
                return row
        return -1

    def _connect(self) -> None:
        self.recipient_picker.person_changed.connect(self._on_recipient_changed)
        self.signer_picker.person_changed.connect(lambda _id: self.refresh_preview())
        self.template_combo.currentIndexChanged.connect(self._on_template_changed)
        self.template_combo.activated.connect(lambda _row: setattr(self, "_user_chose_template", True))
        self.date_edit.dateChanged.connect(lambda _date: self.refresh_preview())
        self.no_date_box.toggled.connect(self._on_no_date_toggled)
        self.create_button.clicked.connect(self.create_letter)
        self.cancel_button.clicked.connect(self.reject)

    # ------------------------------------------------------------------ choices
    def recipient_id(self) -> int | None:
        return self.recipient_picker.person_id()

    def signer_id(self) -> int | None:
        return self.signer_picker.person_id()

    def template_name(self) -> str | None:
        value = self.template_combo.currentData(TEMPLATE_NAME_ROLE)
        return str(value) if value else None

    def occasion_date(self) -> str | None:
        if self.no_date_box.isChecked():
            return None
        return self.date_edit.date().toString("yyyy-MM-dd")

    def set_template(self, name: str) -> None:
        row = self._template_row(name)
        if row >= 0:
            self.template_combo.setCurrentIndex(row)

    def current_request(self) -> DraftRequest | None:
        recipient, template = self.recipient_id(), self.template_name()
        if recipient is None or template is None:
            return None
        return DraftRequest(recipient, self.signer_id(), template, self.occasion_date(), self.detail_fields.values())

    def _on_recipient_changed(self, _person_id: int | None) -> None:
        self._fill_signers()
        if not self._user_chose_template:
            self._apply_suggestion()
        self._show_detail_fields()
        self.refresh_preview()

    def _on_template_changed(self, _row: int) -> None:
        self._show_template_description()
        self._show_detail_fields()
        self.refresh_preview()

    def _show_detail_fields(self) -> None:
        """The template's details as fields, pre-filled from the recipient's notes ("gift: …")."""
        details = self.template_combo.currentData(TEMPLATE_DETAILS_ROLE) or []
        recipient = self.recipient_id()
        notes = self.archive.notes.for_person(recipient) if details and recipient is not None else []
        self.detail_fields.set_details(details, occasion_details.from_notes(details, notes))

    def _on_no_date_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(not checked)
        self.refresh_preview()

    def _show_template_description(self) -> None:
        description = self.template_combo.currentData(Qt.ItemDataRole.StatusTipRole) or ""
        self.template_description.setText(description)
        self.template_description.setVisible(bool(description))

    # ------------------------------------------------------------------ preview
    def refresh_preview(self, *, now: bool = False) -> None:
        """Ask for a new preview shortly (now=True: at once); older renders are dropped."""
        self.create_error_label.hide()
        if now:
            self._preview_timer.stop()
            self._request_preview()
        else:
            self._preview_timer.start()

    def _request_preview(self) -> None:
        request = self.current_request()
        if request is None:
            self._runner.cancel()
            self.preview_draft = None
            self._preview_request = None
            self.preview.setPlainText("")
            self.preview.setPlaceholderText(_("Choose who the letter is for, and a template."))
            self._show_warnings(None)
            self.preview_status.setText("")
            self._update_create_button()
            return
        if request == self._preview_request and (self.preview_draft or self.preview_error):
            return  # already on screen
        self.preview_status.setText(_("Writing the preview…"))
        self._update_create_button()
        self._runner.submit(request, render_preview, self.archive.path, request)

    def _on_busy_changed(self, busy: bool) -> None:
        if busy:
            self.preview_status.setText(_("Writing the preview…"))

    def _on_preview_ready(self, request: DraftRequest, draft: drafting.Draft) -> None:
        if request != self.current_request():
            return  # the choices moved on while this rendered; a newer preview is on its way
        self._preview_request = request
        self.preview_draft = draft
        self.preview_error = None
        self.preview_error_label.hide()
        text = draft.text.rstrip()
        if draft.signature:
            text += "\n\n" + draft.signature
        self.preview.setPlainText(text)
        self._show_warnings(draft.warnings)
        self.preview_status.setText(_("Up to date"))
        self._update_create_button()
        if self._create_when_ready:
            self._create_when_ready = False
            self._store(draft)

    def _on_preview_failed(self, request: DraftRequest, failure: Failure) -> None:
        if request != self.current_request():
            return
        self._preview_request = request
        self.preview_draft = None
        self.preview_error = failure.message
        self.preview.setPlainText("")
        self.preview.setPlaceholderText(_("No preview: see the message below."))
        self.preview_error_label.setText(self.preview_error)
        self.preview_error_label.show()
        self._show_warnings(None)
        self.preview_status.setText("")
        self._update_create_button()
        if self._create_when_ready:
            self._create_when_ready = False
            self._show_create_error(_("The letter could not be written: {reason}").format(reason=self.preview_error))

    def _show_warnings(self, warnings: list[str] | None) -> None:
        lines = self.warnings_box.start()
        self._warning_labels = []
        self.warnings_heading.setVisible(warnings is not None)
        self.warnings_box.setVisible(warnings is not None)
        if warnings is None:
            return
        sentences = warnings or [_("The archive has everything this template uses.")]
        for sentence in sentences:
            line = add_row(lines)
            line.setSpacing(8)
            if warnings:
                bullet = plain_label("•")
                bullet.setAlignment(Qt.AlignmentFlag.AlignTop)
                line.addWidget(bullet)
            label = plain_label(sentence)
            label.setWordWrap(True)
            label.setAccessibleName(sentence)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            line.addWidget(label, 1)
            self._warning_labels.append(label)

    def warnings_text(self) -> str:
        """The warnings as a person reads them."""
        return "\n".join(label.text() for label in self._warning_labels)

    def warnings(self) -> list[str]:
        """The lint sentences currently shown (empty when nothing is missing)."""
        return list(self.preview_draft.warnings) if self.preview_draft else []

    # ------------------------------------------------------------------ create
    def _update_create_button(self) -> None:
        ready = self.current_request() is not None and not self.archive.readonly
        self.create_button.setEnabled(ready and not self._create_when_ready)
        if self.archive.readonly:
            self.create_button.setToolTip(_("This archive is open read-only, so no letter can be added."))

    def create_letter(self) -> None:
        """Store the previewed draft as a new letter and close; waits for the preview if it is still coming."""
        request = self.current_request()
        if request is None:
            self._show_create_error(_("Choose who the letter is for and a template first."))
            return
        if request == self._preview_request and self.preview_draft is not None:
            self._store(self.preview_draft)
            return
        if request == self._preview_request and self.preview_error:
            self._show_create_error(_("The letter could not be written: {reason}").format(reason=self.preview_error))
            return
        # The preview for these choices is still being written: create it as soon as it arrives.
        self._create_when_ready = True
        self.create_button.setEnabled(False)
        self.preview_status.setText(_("Writing the letter…"))
        if self._preview_timer.isActive() or not self._runner.busy:
            self._preview_timer.stop()
            self._request_preview()

    def _store(self, draft: drafting.Draft) -> None:
        try:
            self.created_letter_id = drafting.store_draft(self.archive, draft)
        except BeautifulLettersError as error:
            self._show_create_error(_("The letter was not saved: {reason}").format(reason=error))
            self._update_create_button()
            return
        self.accept()

    def _show_create_error(self, message: str) -> None:
        self.create_error_label.setText(message)
        self.create_error_label.show()

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:
        self._preview_timer.stop()
        self._runner.close()  # a render still running finishes unseen
        super().done(result)

    @classmethod
    def ask(cls, archive: Archive, parent: QWidget | None = None, **prefill: Any) -> int | None:
        """Show the dialog; the new letter's id, or None if the person cancelled."""
        dialog = cls(archive, parent, **prefill)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.created_letter_id
            return None
        finally:
            dialog.deleteLater()
