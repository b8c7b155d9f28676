"""Mail merge done right: a template and a group → one draft each, reviewed, then printed or exported."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import drafting, fileio, words
from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.export.batch import PlannedLetter, address_warnings, lint_summary, select_people
from beautifulletters.i18n import _, current_language, n_
from ui.dialogs.common import GuardedDialog
from ui.tasks import Failure, run_task
from ui.widgets.plain import plain_label, plain_tip

PlanRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class BatchRequest:
    archive_path: Path
    template: str
    signer_id: int | None
    tag: str | None
    search: str | None
    ids: tuple[int, ...]
    paper: dict[str, Any] = field(default_factory=dict)  # the preferences' paper: each draft stores it


def draft_batch(request: BatchRequest) -> list[PlannedLetter]:
    """Worker side: draft and store one letter per person, on a connection of its own."""
    with Archive.open(
        request.archive_path, full_check=False, create=False
    ) as archive:  # open and checked by the window
        people = select_people(archive, tag=request.tag, search=request.search, ids=list(request.ids) or None)
        plans = []
        with archive.transaction():
            for person_id in people:
                person = archive.people.get(person_id)
                draft = drafting.render_draft(
                    archive, recipient_id=person_id, signer_id=request.signer_id, template=request.template
                )
                plan = PlannedLetter(
                    person_id, person.display_name, warnings=[*draft.warnings, *address_warnings(person)]
                )
                plan.letter_id = drafting.store_draft(archive, draft, paper=request.paper)
                plans.append(plan)
        return plans


class BatchDialog(GuardedDialog):
    """Letter ▸ Batch…: choose, draft, review (open any draft, leave people out), then write the PDFs."""

    open_letter_requested = Signal(int)
    drafts_unwanted = Signal(list)  # the drafts' ids, for the trash: "Keep the drafts" was unticked

    def __init__(
        self,
        archive: Archive,
        parent: QWidget | None = None,
        *,
        selected_ids: list[int] | None = None,
        preferences: Any = None,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.preferences = preferences
        self.selected_ids = selected_ids or []
        self.plans: list[PlannedLetter] = []
        self.result_paths: list[Path] = []
        self.setWindowTitle(_("Letters to many people"))
        self.setMinimumSize(720, 560)

        self.template = QComboBox()
        self.template.setAccessibleName(_("Template"))
        for info in drafting.list_templates(current_language()):
            self.template.addItem(_("{title} ({occasion})").format(title=info.title, occasion=info.occasion), info.name)
        self.by_tag = QRadioButton(_("People tagged"))
        self.tag = QComboBox()
        self.tag.setAccessibleName(_("Tag"))
        self.tag.addItems(archive.people.all_tags())
        self.by_search = QRadioButton(_("People matching"))
        self.search = QLineEdit(placeholderText=_("a name, a word from their notes…"))
        self.search.setAccessibleName(_("Search"))
        self.by_selection = QRadioButton(
            n_("The selected person ({count})", "The selected people ({count})", len(self.selected_ids)).format(
                count=len(self.selected_ids)
            )
        )
        self.by_selection.setEnabled(bool(self.selected_ids))
        (self.by_tag if self.tag.count() else self.by_search).setChecked(True)
        group = QWidget()
        group_layout = QFormLayout(group)
        group_layout.setContentsMargins(0, 0, 0, 0)
        group_layout.addRow(self.by_tag, self.tag)
        group_layout.addRow(self.by_search, self.search)
        group_layout.addRow(self.by_selection, plain_label(""))
        self.draft_button = QPushButton(_("Draft the letters"))
        self.draft_button.setProperty("accent", True)
        self.draft_button.clicked.connect(self.draft)
        # Ticked, the drafts stay among each person's letters (as before); unticked, they go to the
        # trash once the PDF is written, or when the dialog closes.
        self.keep_drafts = QCheckBox(_("Keep the drafts in each person's letters"))
        self.keep_drafts.setChecked(True)
        self.keep_drafts.setToolTip(
            plain_tip(_("Untick it, and the drafts go to the trash once the PDF is written, or when this closes."))
        )
        self._drafts_gone = False

        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(_("Drafts: tick who gets a letter; double-click to open a draft"))
        self.table.setHorizontalHeaderLabels([_("Person"), _("Worth knowing")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(self._open_row)
        self.table.itemChanged.connect(lambda _item: self._update_summary())
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.status = plain_label()
        self.status.setProperty("role", "section")

        self.combined = QRadioButton(_("One PDF with every letter"))
        self.separate = QRadioButton(_("One PDF per person, in a folder"))
        self.combined.setChecked(True)
        self.envelopes = QCheckBox(_("Put each letter's envelope after it"))
        self.export_button = QPushButton(_("Write PDF…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_and_export)
        close_button = QPushButton(_("Close"))
        close_button.clicked.connect(self.accept)

        form = QFormLayout()
        form.addRow(_("&Template:"), self.template)
        form.addRow(_("&Who:"), group)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.addLayout(form)
        drafting_row = QHBoxLayout()
        drafting_row.addWidget(self.draft_button)
        drafting_row.addWidget(self.keep_drafts)
        drafting_row.addStretch(1)
        layout.addLayout(drafting_row)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        options = QHBoxLayout()
        options.addWidget(self.combined)
        options.addWidget(self.separate)
        options.addWidget(self.envelopes)
        options.addStretch(1)
        layout.addLayout(options)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close_button)
        layout.addLayout(buttons)

    def has_unsaved_input(self) -> bool:
        """Choices not yet drafted; once drafted, the drafts hold the work."""
        return not self.plans and super().has_unsaved_input()

    # ------------------------------------------------------------------ drafting
    def request(self) -> BatchRequest:
        tag = self.tag.currentText() if self.by_tag.isChecked() else None
        search = self.search.text().strip() if self.by_search.isChecked() else None
        ids = tuple(self.selected_ids) if self.by_selection.isChecked() else ()
        return BatchRequest(
            self.archive.path,
            self.template.currentData(),
            self.archive.settings.default_signer_id(),
            tag or None,
            search or None,
            ids,
            self.preferences.style_defaults() if self.preferences is not None else {},
        )

    def draft(self) -> None:
        if self.archive.readonly:
            self.status.setText(_("This archive is open read-only, so no drafts can be stored."))
            return
        self.draft_button.setEnabled(False)
        self.status.setText(_("Drafting…"))
        request = self.request()
        run_task(
            lambda: draft_batch(request),
            owner=self,
            on_success=self._drafted,
            on_failure=self._failed,
            doing="drafting letters to many people",
        )

    def _failed(self, failure: Failure) -> None:
        self.draft_button.setEnabled(True)
        self.status.setText(failure.message)

    def _drafted(self, plans: list[PlannedLetter]) -> None:
        self.plans = plans
        self.draft_button.setEnabled(True)
        self.table.blockSignals(True)
        self.table.setRowCount(len(plans))
        for row, plan in enumerate(plans):
            name = QTableWidgetItem(plan.name)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked)
            name.setData(PlanRole, row)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(" ".join(plan.warnings) or _("Nothing missing.")))
        self.table.blockSignals(False)
        self.table.resizeColumnToContents(0)
        self.status.setText(
            n_(
                "{count} draft stored. Untick anyone who should not get one; double-click a draft to read or edit it.",
                "{count} drafts stored. Untick anyone who should not get one; double-click a draft to read or edit it.",
                len(plans),
            ).format(count=words.number(len(plans)))
        )
        self._update_summary()

    def _update_summary(self) -> None:
        for row, plan in enumerate(self.plans):
            item = self.table.item(row, 0)
            plan.include = item is not None and item.checkState() == Qt.CheckState.Checked
        included = [plan for plan in self.plans if plan.include]
        sentences = lint_summary(included)
        self.summary.setText("; ".join(sentences) + "." if sentences else "")
        self.export_button.setEnabled(bool(included))

    def _open_row(self, row: int, _column: int) -> None:
        plan = self.plans[row]
        if plan.letter_id is not None:
            self.open_letter_requested.emit(plan.letter_id)

    def let_drafts_go(self) -> list[int]:
        """When the drafts are not to be kept: hand them to the trash (once); their ids."""
        if self.keep_drafts.isChecked() or self._drafts_gone:
            return []
        letter_ids = [plan.letter_id for plan in self.plans if plan.letter_id is not None]
        if letter_ids:
            self._drafts_gone = True
            self.export_button.setEnabled(False)  # nothing left to write from
            self.draft_button.setEnabled(True)
            self.drafts_unwanted.emit(letter_ids)
        return letter_ids

    def done(self, result: int) -> None:
        self.let_drafts_go()  # closed without writing them: not kept either
        super().done(result)

    # ------------------------------------------------------------------ writing
    def included_letter_ids(self) -> list[int]:
        return [plan.letter_id for plan in self.plans if plan.include and plan.letter_id is not None]

    def choose_and_export(self) -> None:
        if self.combined.isChecked():
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Write the letters"), str(Path.home() / "letters.pdf"), _("PDF (*.pdf)")
            )
        else:
            path = QFileDialog.getExistingDirectory(self, _("Folder for the letters"), str(Path.home()))
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> Any:
        """Write the included drafts (progress and Cancel; cancelling leaves no files)."""
        from ui.printing.batch import BatchOptions, load_items
        from ui.printing.dialogs import BatchJob, start_batch

        try:
            if self.combined.isChecked():
                fileio.check_output_path(out, archive_path=self.archive.path, force=True)
            else:
                fileio.check_output_folder(out, archive_path=self.archive.path)
            items = load_items(self.archive, self.included_letter_ids())
        except BeautifulLettersError as error:
            self.status.setText(str(error))
            return None
        options = BatchOptions(combined=self.combined.isChecked(), envelopes=self.envelopes.isChecked())
        job = BatchJob(items, out, options)
        self.export_button.setEnabled(False)
        self.status.setText(_("Writing…"))

        def done(result: Any) -> None:
            self.export_button.setEnabled(True)
            if result is None:
                self.status.setText(_("Stopped; no files were left behind."))
                return
            self.result_paths = [Path(p) for p in result.files] or [out]
            for note in result.notes:
                self.summary.setText(f"{self.summary.text()} {note}".strip())
            wrote = n_(
                "Wrote {count} file to {path}.", "Wrote {count} files to {path}.", len(self.result_paths)
            ).format(count=words.number(len(self.result_paths)), path=out)
            if self.let_drafts_go():
                wrote += " " + _("The drafts went to the trash, as asked (Letter ▸ Trash… brings them back).")
            self.status.setText(wrote)

        self.job = job
        return start_batch(job, self, on_done=done)
