"""File ▸ Export calendar…, Export everything… and Import archive export… in the window.

Loaded when one of them is first used (integrations.py places the menu items), so the window's
start does not import the printing engine.

The work runs off the window's thread on a read-only connection of its own (exports) or on the
new archive file (the import); only the outcome comes back. After an export the window offers
to open the file or show its folder. A calendar file the person chose to keep up to date is
written again when the window starts, when dates change, and every hour.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _, n_, p_
from beautifulletters.transfer.everything import letter_file_stem
from beautifulletters.transfer.ics import MAX_REMIND_DAYS
from ui.dialogs.common import spin_box
from ui.printing.batch import BatchItem
from ui.tasks import Failure, Lane, run_task
from ui.widgets.plain import message_box
from ui.window.surface import WindowSurface

CALENDAR_REFRESH_MS = 60 * 60 * 1000
CALENDAR_SETTLE_MS = 2000  # several edits in a row write the file once


# ------------------------------------------------------------------- after an export
def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def offer_to_open(window: WindowSurface, path: Path, what: str) -> QMessageBox:
    """'Exported …': Open (the file or folder), Show folder, or Close. Not modal: nothing waits on it."""
    box = message_box(QMessageBox.Icon.Information, _("Exported"), f"{what}\n\n{path}", parent=window)
    open_button = box.addButton(
        p_("button", "Open") if path.is_file() else _("Open folder"), QMessageBox.ButtonRole.AcceptRole
    )
    folder_button = box.addButton(_("Show folder"), QMessageBox.ButtonRole.ActionRole) if path.is_file() else None
    box.addButton(QMessageBox.StandardButton.Close)

    def chosen(button: Any) -> None:
        if button is open_button:
            open_path(path)
        elif folder_button is not None and button is folder_button:
            open_path(path.parent)

    box.buttonClicked.connect(chosen)
    window.show_dialog(box)
    window.statusBar().showMessage(f"{what} {path}", 8000)
    return box


def _folder_row(line: QLineEdit, browse: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(line, 1)
    layout.addWidget(browse)
    return row


def _export_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


# --------------------------------------------------------------------------- calendar
def _write_calendar(archive_path: Path, out: Path, remind_days: int) -> int:
    """Worker side: a read-only connection of its own."""
    from beautifulletters.transfer.exporter import export_calendar

    with Archive.open_reader(archive_path) as reader:
        return export_calendar(reader, out, remind_days=remind_days)


class ExportCalendarDialog(QDialog):
    """Where the calendar goes, how many days before each date it rings, and whether to keep it current."""

    def __init__(self, window: WindowSurface) -> None:
        super().__init__(window)
        self.window_ = window
        preferences = window.preferences
        self.setWindowTitle(_("Export calendar"))
        form = QFormLayout(self)
        start = preferences.calendar_path or str(Path(preferences.last_export_folder or Path.home()) / "occasions.ics")
        self.path = QLineEdit(start)
        self.path.setAccessibleName(_("Calendar file"))
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._choose)
        form.addRow(_("Calendar file:"), _folder_row(self.path, browse))
        self.remind_days = spin_box(QSpinBox(minimum=0, maximum=MAX_REMIND_DAYS, suffix=_(" days before")))
        self.remind_days.setValue(preferences.calendar_remind_days)
        self.remind_days.setAccessibleName(_("Remind me this many days before"))
        self.remind_days.setToolTip(_("Time to write and post a letter so it arrives on the day (0: on the day)"))
        form.addRow(_("Remind me:"), self.remind_days)
        self.keep_current = QCheckBox(_("Keep this file up to date when dates change"))
        self.keep_current.setChecked(bool(preferences.calendar_path))
        self.keep_current.setToolTip(_("A calendar app subscribed to the file then always has every birthday"))
        form.addRow("", self.keep_current)
        form.addRow(_export_buttons(self))

    def _choose(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Export calendar"), self.path.text(), _("Calendar (*.ics)"))
        if path:
            self.path.setText(path if path.lower().endswith(".ics") else f"{path}.ics")

    def accept(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.path.setFocus()
            return
        out = Path(text).expanduser()
        preferences = self.window_.preferences
        preferences.calendar_remind_days = self.remind_days.value()
        preferences.calendar_path = str(out) if self.keep_current.isChecked() else None
        preferences.last_export_folder = str(out.parent)
        preferences.save()
        export_calendar(self.window_, out, self.remind_days.value(), offer=True)
        if self.keep_current.isChecked():
            keep_calendar_current(self.window_)
        super().accept()


def export_calendar(window: WindowSurface, out: Path, remind_days: int, *, offer: bool) -> None:
    def written(count: int) -> None:
        if offer:
            offer_to_open(
                window,
                out,
                n_(
                    "Exported {count} birthday or date as a calendar to:",
                    "Exported {count} birthdays and dates as a calendar to:",
                    count,
                ).format(count=count),
            )

    def failed(failure: Failure) -> None:
        if offer:
            window.show_error(failure.message)
        else:
            window.statusBar().showMessage(
                _("The calendar file could not be kept up to date: {reason}").format(reason=failure.message), 10000
            )

    path = window.archive.path
    run_task(
        lambda: _write_calendar(path, out, remind_days),
        owner=window,
        on_success=written,
        on_failure=failed,
        doing="writing the calendar",
    )


def open_export_calendar(window: WindowSurface) -> ExportCalendarDialog:
    dialog = ExportCalendarDialog(window)
    window.show_dialog(dialog)
    return dialog


def keep_calendar_current(window: WindowSurface) -> QTimer:
    """Write the kept calendar file again after dates change (settled), at start and every hour."""
    existing = window.findChild(QTimer, "keepCalendarCurrent")
    if isinstance(existing, QTimer):
        return existing  # already kept
    settle = QTimer(window, singleShot=True, interval=CALENDAR_SETTLE_MS)
    settle.setObjectName("keepCalendarCurrent")

    def write() -> None:
        path = window.preferences.calendar_path
        if path:
            export_calendar(window, Path(path), window.preferences.calendar_remind_days, offer=False)

    settle.timeout.connect(write)
    # The Upcoming list reloads whenever dates may have changed (a person saved, a date added or
    # removed in the panel): the kept file follows it.
    window.upcoming_panel.refreshed.connect(settle.start)
    window.archive_changed.connect(settle.start)
    hourly = QTimer(window, interval=CALENDAR_REFRESH_MS)
    hourly.timeout.connect(write)
    hourly.start()
    window.when_archive_healthy(settle.start)
    return settle


# ------------------------------------------------------------------ export everything
@dataclass
class DatedLetter(BatchItem):
    """A letter written as PDF under its date and its recipient's name."""

    @property
    def name(self) -> str:
        return letter_file_stem(self.letter.created_at, self.recipient.display_name, self.letter.title)


def _write_everything(archive_path: Path, parent: Path, as_text: bool) -> tuple[Any, list[DatedLetter]]:
    """Worker side: JSON, vCards, calendar (and the letters as text); for PDF, the letters' records."""
    from beautifulletters.transfer.everything import export_everything
    from ui.printing.batch import load_items

    with Archive.open_reader(archive_path) as reader:
        result = export_everything(reader, parent, letters_as_text=as_text)
        items: list[DatedLetter] = []
        if not as_text:
            ids = [letter.id for letter in sorted(reader.letters.all(), key=lambda r: (r.created_at, r.id))]
            items = [DatedLetter(i.letter, i.signer, i.recipient) for i in load_items(reader, ids)]
        return result, items


class ExportEverythingDialog(QDialog):
    def __init__(self, window: WindowSurface) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(_("Export everything"))
        form = QFormLayout(self)
        self.folder = QLineEdit(window.preferences.last_export_folder or str(Path.home()))
        self.folder.setAccessibleName(_("Folder to export into"))
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._choose)
        form.addRow(_("Into the folder:"), _folder_row(self.folder, browse))
        self.as_pdf = QRadioButton(_("PDF, as printed"))
        self.as_text = QRadioButton(_("Plain text"))
        self.as_pdf.setChecked(True)
        form.addRow(_("Letters as:"), self.as_pdf)
        form.addRow("", self.as_text)
        form.addRow(_export_buttons(self))

    def _choose(self) -> None:
        path = QFileDialog.getExistingDirectory(self, _("Export everything into"), self.folder.text())
        if path:
            self.folder.setText(path)

    def accept(self) -> None:
        parent = Path(self.folder.text().strip() or Path.home()).expanduser()
        self.window_.preferences.last_export_folder = str(parent)
        self.window_.preferences.save()
        export_everything(self.window_, parent, as_text=self.as_text.isChecked())
        super().accept()


def export_everything(window: WindowSurface, parent: Path, *, as_text: bool) -> None:
    window.editor.flush()
    window.statusBar().showMessage(_("Exporting everything…"))

    def written(outcome: tuple[Any, list[DatedLetter]]) -> None:
        result, items = outcome
        counts = result.counts
        what = _("Exported {people}, {letters} and {dates} into:").format(
            people=n_("{count} person", "{count} people", counts["people"]).format(count=counts["people"]),
            letters=n_("{count} letter", "{count} letters", counts["letters"]).format(count=counts["letters"]),
            dates=n_("{count} date", "{count} dates", counts["events"]).format(count=counts["events"]),
        )
        if as_text or not items:
            offer_to_open(window, result.folder, what)
            return
        from ui.printing.batch import BatchOptions
        from ui.printing.dialogs import BatchJob, start_batch

        def letters_written(done: Any) -> None:
            if done is not None:  # None: cancelled, or it failed (and said so)
                offer_to_open(window, result.folder, what)

        start_batch(
            BatchJob(items, result.letters_folder, BatchOptions(combined=False)), window, on_done=letters_written
        )

    path = window.archive.path
    run_task(
        lambda: _write_everything(path, parent, as_text),
        lane=Lane.LONG,
        owner=window,
        on_success=written,
        on_failure=lambda failure: window.show_error(failure.message),
        doing="exporting everything",
    )


def open_export_everything(window: WindowSurface) -> ExportEverythingDialog:
    dialog = ExportEverythingDialog(window)
    window.show_dialog(dialog)
    return dialog


# ------------------------------------------------------------------------ JSON import
def _import_into_new_archive(export: Path, archive_path: Path) -> dict[str, int]:
    """Worker side: create the new archive, take the export in, close it."""
    from beautifulletters.transfer.archive_json import import_export, read_export

    read_export(export)  # a file that is not an export is refused before any archive is made
    if archive_path.exists():
        raise BeautifulLettersError(
            _("{path} already exists; choose a new file name for the archive.").format(path=archive_path)
        )
    with Archive.open(archive_path) as archive:
        return import_export(archive, export)


def import_archive_export(window: WindowSurface, export: Path | None = None, archive_path: Path | None = None) -> None:
    """Bring a JSON export back as a new archive, then open it in the window."""
    if export is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            window, _("Import an archive export"), str(Path.home()), _("Archive export (*.json)")
        )
        if not chosen:
            return
        export = Path(chosen)
    if archive_path is None:
        suggested = window.archive.path.with_name(f"{export.stem} {dt.date.today().isoformat()}.sqlite3")
        chosen, _filter = QFileDialog.getSaveFileName(
            window, _("Save the imported archive as"), str(suggested), _("Archive (*.sqlite3)")
        )
        if not chosen:
            return
        archive_path = Path(chosen)
    window.statusBar().showMessage(_("Importing {file}…").format(file=export.name))

    def imported(counts: dict[str, int]) -> None:
        if window.switch_archive(archive_path):
            window.statusBar().showMessage(
                _("Imported {people} and {letters} into {path}.").format(
                    people=n_("{count} person", "{count} people", counts["people"]).format(count=counts["people"]),
                    letters=n_("{count} letter", "{count} letters", counts["letters"]).format(count=counts["letters"]),
                    path=archive_path,
                ),
                10000,
            )

    run_task(
        lambda: _import_into_new_archive(export, archive_path),
        lane=Lane.LONG,
        owner=window,
        on_success=imported,
        on_failure=lambda failure: window.show_error(failure.message),
        doing="importing an archive export",
    )
