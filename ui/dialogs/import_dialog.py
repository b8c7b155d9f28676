"""File ▸ Import: choose how CSV columns map, preview what would happen, import with progress and Cancel.

The reading, the dry run and the import run on a worker thread with their own archive
connection (SQLite's WAL lets the window keep reading meanwhile); progress comes back by signal.
The import stores its cards in chunks of about half a second (transfer/import_writes.py), so
it runs on the long-jobs lane: the window's own writes (an autosave, a person added meanwhile)
take their turn between two chunks instead of waiting for the whole import. Cancel keeps the
chunks already stored and says so; importing the file again brings in the rest.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import words
from beautifulletters.archive import Archive
from beautifulletters.i18n import N_, _, n_
from beautifulletters.transfer import ImportReport, import_file
from beautifulletters.transfer.csvfile import TARGETS, CsvTable, read_table
from beautifulletters.transfer.importer import ImportStopped, detect_format
from beautifulletters.transfer.textio import read_contact_text
from ui.dialogs.common import GuardedDialog
from ui.tasks import Failure, Lane, on_window_thread, run_task
from ui.widgets.plain import plain_label, plain_tip
from ui.widgets.screen_fit import resize_within_screen

# What the preview says will happen to a card, and what the import says did happen.
_WILL = {"added": N_("Add"), "updated": N_("Update"), "unchanged": N_("Already there"), "skipped": N_("Skip")}
_DID = {"added": N_("Added"), "updated": N_("Updated"), "unchanged": N_("Already there"), "skipped": N_("Skipped")}


def read_preview(path: Path) -> dict[str, Any]:
    """Worker side: what the dialog shows before anything is imported (plain data only)."""
    text, encoding = read_contact_text(path)
    kind = detect_format(path, text)
    if kind == "vcard":
        return {"format": "vcard", "encoding": encoding, "table": None, "cards": text.upper().count("BEGIN:VCARD")}
    table = read_table(text, str(path))
    return {"format": "csv", "encoding": encoding, "table": table}


def run_import(
    archive_path: Path,
    path: Path,
    *,
    dry_run: bool,
    on_duplicate: str,
    mapping: dict[str, str] | None,
    progress: Callable[[int, int], None] | None,
    cancel: threading.Event,
) -> ImportReport:
    """Worker side: one import (or dry run) on its own connection to the archive."""
    with Archive.open(archive_path, full_check=False, create=False) as archive:  # open and checked by the window
        return import_file(
            archive,
            path,
            dry_run=dry_run,
            on_duplicate=on_duplicate,
            mapping=mapping,
            progress=progress,
            cancelled=cancel.is_set,
        )


class _WholeCellDelegate(QStyledItemDelegate):
    """Gives a cell's box the whole cell: the theme's item padding squeezed the mapping combo boxes to half."""

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        editor.setGeometry(option.rect)


class ImportDialog(GuardedDialog):
    """Import one .vcf or .csv file into the archive at `archive_path`.

    Emits `imported(report)` after a real import, so the window can refresh its lists.
    """

    imported = Signal(object)

    def __init__(self, archive_path: Path, file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive_path = Path(archive_path)
        self.file = Path(file)
        self.table: CsvTable | None = None
        self.report: ImportReport | None = None
        self._cancel = threading.Event()
        self._busy = False
        self._read = False  # the file's preview has been read
        self.setWindowTitle(_("Import {file}").format(file=self.file.name))
        resize_within_screen(self, 760, 560)

        self.about = plain_label(_("Reading {file}…").format(file=self.file.name))
        self.about.setWordWrap(True)
        self.mapping_view = QTableWidget(0, 3)
        self.mapping_view.setHorizontalHeaderLabels([_("Column in the file"), _("First value"), _("Goes to")])
        self.mapping_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_view.verticalHeader().hide()
        self.mapping_view.setItemDelegateForColumn(2, _WholeCellDelegate(self.mapping_view))
        self.mapping_view.hide()

        self.merge = QRadioButton(_("Someone already in the archive: add what is new (merge)"))
        self.skip = QRadioButton(_("Someone already in the archive: leave them as they are (skip)"))
        self.merge.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.merge)
        choice.addButton(self.skip)

        self.results = QTableWidget(0, 4)
        self.results.setHorizontalHeaderLabels(["#", _("Name"), _("What happens"), _("Why")])
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.verticalHeader().hide()
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = plain_label("")
        self.summary.setWordWrap(True)

        self.progress = QProgressBar()
        self.progress.hide()
        self.preview_button = QPushButton(_("Preview"))
        self.import_button = QPushButton(_("Import"))
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        self.close_button = QPushButton(_("Close"))
        for button in (self.preview_button, self.import_button):
            button.setEnabled(False)
        self.preview_button.clicked.connect(lambda: self._start(dry_run=True))
        self.import_button.clicked.connect(lambda: self._start(dry_run=False))
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        for button in (self.preview_button, self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.mapping_view, 2)
        layout.addWidget(self.merge)
        layout.addWidget(self.skip)
        layout.addWidget(self.results, 3)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        self._progress = on_window_thread(self._on_progress, owner=self)
        file = self.file
        run_task(
            lambda: read_preview(file),
            owner=self,
            on_success=self._show_preview,
            on_failure=self._show_error,
            doing=f"reading {file.name}",
        )

    # ------------------------------------------------------------------ reading
    def _show_preview(self, preview: dict[str, Any]) -> None:
        self._read = True
        if preview["format"] == "vcard":
            self.about.setText(
                n_(
                    "{file}: a vCard file with {count} card. Preview shows who would be added, updated or skipped.",
                    "{file}: a vCard file with {count} cards. Preview shows who would be added, updated or skipped.",
                    preview["cards"],
                ).format(file=self.file.name, count=words.number(preview["cards"]))
            )
        else:
            table: CsvTable = preview["table"]
            self.table = table
            known = {"google": _("a Google Contacts export"), "outlook": _("an Outlook export")}.get(table.flavour)
            delimiter = {",": _("commas"), ";": _("semicolons"), "\t": _("tabs")}[table.delimiter]
            rows = n_("{count} row", "{count} rows", len(table.rows)).format(count=words.number(len(table.rows)))
            if known:
                text = _("{file}: {rows} separated by {delimiter}, recognised as {known}.").format(
                    file=self.file.name, rows=rows, delimiter=delimiter, known=known
                )
            else:
                text = _("{file}: {rows} separated by {delimiter}. Choose where each column goes.").format(
                    file=self.file.name, rows=rows, delimiter=delimiter
                )
            if table.problems:
                problems = len(table.problems)
                text += " " + n_(
                    "{count} row cannot be read and will be skipped.",
                    "{count} rows cannot be read and will be skipped.",
                    problems,
                ).format(count=words.number(problems))
            self.about.setText(text)
            self._fill_mapping(table)
        self.preview_button.setEnabled(True)
        self.import_button.setEnabled(True)

    def _fill_mapping(self, table: CsvTable) -> None:
        self.mapping_view.setRowCount(len(table.headers))
        first = table.rows[0][1] if table.rows else []
        for row, header in enumerate(table.headers):
            self.mapping_view.setItem(row, 0, QTableWidgetItem(header))
            sample = first[row] if row < len(first) else ""
            self.mapping_view.setItem(row, 1, QTableWidgetItem(sample.replace("\n", " ⏎ ")[:80]))
            combo = QComboBox()
            for key, label in TARGETS.items():
                combo.addItem(_(label), key)
            combo.setCurrentIndex(max(0, combo.findData(table.mapping.get(header, "ignore"))))
            self.mapping_view.setCellWidget(row, 2, combo)
            combo.ensurePolished()
            needed = combo.sizeHint().height() + 2  # the theme pads combo boxes: make the row fit one
            if self.mapping_view.rowHeight(row) < needed:
                self.mapping_view.setRowHeight(row, needed)
        # Known exports are read with their own rules; the table is there to look at.
        self.mapping_view.setEnabled(table.flavour == "generic")
        self.mapping_view.show()

    def mapping(self) -> dict[str, str] | None:
        """The column mapping chosen, or None for a Google/Outlook export read by its own rules."""
        if self.table is None or self.table.flavour != "generic":
            return None
        result = {}
        for row, header in enumerate(self.table.headers):
            combo = self.mapping_view.cellWidget(row, 2)
            if isinstance(combo, QComboBox):
                result[header] = combo.currentData()
        return result

    def set_target(self, header: str, target: str) -> None:
        """Choose where a column goes (what a person does with the combo box)."""
        assert self.table is not None
        combo = self.mapping_view.cellWidget(self.table.headers.index(header), 2)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(target))

    # ---------------------------------------------------------------- importing
    def _start(self, *, dry_run: bool) -> None:
        self._cancel.clear()
        self._busy = True
        self._dry_run = dry_run
        for button in (self.preview_button, self.import_button, self.close_button):
            button.setEnabled(False)
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(_("Checking…") if dry_run else _("Importing…"))
        run = partial(
            run_import,
            self.archive_path,
            self.file,
            dry_run=dry_run,
            on_duplicate="skip" if self.skip.isChecked() else "merge",
            mapping=self.mapping(),
            progress=self._progress,
            cancel=self._cancel,
        )
        run_task(
            run,
            lane=Lane.LONG,  # writes in short chunks: the window's writes go between them
            owner=self,
            on_success=self._finished,
            on_failure=self._show_error,
            doing=f"importing {self.file.name}",
        )

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _cancel_clicked(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        if getattr(self, "_dry_run", True):
            self.summary.setText(_("Cancelling… nothing will be changed."))
        else:
            self.summary.setText(
                _("Cancelling… the cards stored so far stay; importing the file again brings in the rest.")
            )

    def _idle(self) -> None:
        self._busy = False
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_button.setEnabled(True)
        for button in (self.preview_button, self.import_button, self.close_button):
            button.setEnabled(True)

    def _finished(self, report: ImportReport) -> None:
        self._idle()
        self.report = report
        self.results.setRowCount(len(report.items))
        for row, item in enumerate(report.items):
            labels = _WILL if report.dry_run else _DID
            action = _(labels[item.action]) if item.action in labels else item.action
            if item.possible_duplicates:
                action = _("{action} (possible duplicate)").format(action=action)
            why = item.reason or ""
            if item.warnings:
                why = "; ".join(filter(None, [why, *item.warnings]))
            for column, value in enumerate([str(item.number), item.name or _("(no name)"), action, why]):
                cell = QTableWidgetItem(value)
                cell.setToolTip(plain_tip(value))
                if item.action == "skipped":
                    cell.setForeground(Qt.GlobalColor.darkRed)
                elif item.possible_duplicates:
                    cell.setForeground(Qt.GlobalColor.darkYellow)  # added, but someone should look
                self.results.setItem(row, column, cell)
        for column in range(3):
            self.results.resizeColumnToContents(column)
        self.summary.setText(report.summary())
        if not report.dry_run:
            # Importing twice would only report "already there"; after Cancel it brings in the rest.
            self.import_button.setEnabled(report.stopped is not None)
            self.close_button.setText(_("Done"))
            self.imported.emit(report)

    def _show_error(self, failure: Failure) -> None:
        message = failure.message
        still_reading = not self._read
        self._idle()
        if isinstance(failure.error, ImportStopped):
            # Stopped partway (a full disk, a busy archive): what was stored is listed, and it stays.
            self._finished(failure.error.report)
            self.summary.setText(message)
            return
        if still_reading:
            # Not a contact file at all: say so once, and offer nothing to import.
            self.about.setText(message)
            self.preview_button.setEnabled(False)
            self.import_button.setEnabled(False)
        self.summary.setText(message)

    def has_unsaved_input(self) -> bool:
        imported = self.report is not None and not self.report.dry_run  # the choices were used
        return not imported and super().has_unsaved_input()

    def reject(self) -> None:
        if self._busy:
            self._cancel_clicked()  # the worker rolls back; closing waits for nothing
            return
        super().reject()

    @classmethod
    def ask(cls, archive_path: Path, file: Path, parent: QWidget | None = None) -> ImportReport | None:
        """Show the dialog; returns the report of a real import, or None if nothing was imported."""
        dialog = cls(archive_path, file, parent)
        dialog.exec()
        return dialog.report if dialog.report is not None and not dialog.report.dry_run else None
