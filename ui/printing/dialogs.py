"""What the main window calls for File ▸ Export…, Print…, Print Preview…, Envelope… and Batch….

Each entry point takes the window (parent), the open archive and a letter id (or a plan),
uses the same layout path as the PDF export, and never blocks the GUI thread with a batch.
Dialogs that ask something have an `ask()`-style function whose answer tests can supply.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QGraphicsView, QMessageBox, QProgressDialog, QWidget

from beautifulletters import fileio
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.export.content import letter_content
from beautifulletters.export.registry import format_for_path, letter_format, letter_formats, write_letter_content
from beautifulletters.i18n import _
from beautifulletters.preferences import Preferences
from ui.desk import desk_color
from ui.printing.batch import BatchItem, BatchOptions, BatchResult, Cancelled, write_anthology, write_batch
from ui.printing.envelope import envelope_for, render_envelope
from ui.printing.layout import PreparedLetter, prepare_letter, render
from ui.printing.pdf import write_page_format
from ui.tasks import Lane, on_window_thread, run_task
from ui.widgets.plain import ask_yes_no, message_box, plain_label, show_message

if TYPE_CHECKING:
    from beautifulletters.archive import Archive


# ------------------------------------------------------------------ one letter
def export_letter(
    archive: Archive,
    letter_id: int,
    path: Path,
    fmt: str | None = None,
    *,
    font: str | None = None,
    stationery: str | None = None,
    page_numbers: bool = False,
) -> list[str]:
    """Write one letter in any format; returns warnings to show (e.g. characters no font has)."""
    # The save dialog has asked before replacing a file; the archive and the backups are never written.
    path = fileio.check_output_path(path, archive_path=archive.path, force=True)
    chosen = letter_format(fmt) if fmt else format_for_path(path)
    if chosen is None:
        names = ", ".join(f.name for f in letter_formats())
        raise BeautifulLettersError(_("{file}: choose a format ({formats}).").format(file=path.name, formats=names))
    if chosen.page:
        prepared = prepare_letter(archive, letter_id, font=font, stationery=stationery, page_numbers=page_numbers)
        write_page_format(chosen, prepared, path)
        return prepared.warnings
    write_letter_content(letter_content(archive, letter_id, font=font, stationery=stationery), chosen.name, path)
    return []


def ask_mark_sent(parent: QWidget | None, preferences: Preferences, answer: Callable[[], bool] | None = None) -> bool:
    """Mark as sent after export/print? Asked once; the answer is remembered in the preferences."""
    if preferences.mark_sent_on_export in ("yes", "no"):
        return preferences.mark_sent_on_export == "yes"
    if answer is not None:
        yes = answer()
    else:
        box = message_box(
            QMessageBox.Icon.Question,
            _("Mark as sent?"),
            _(
                "Mark letters as sent (with today's date) when you export or print them?\n"
                "You will not be asked again; change it in Preferences ▸ Archive ▸ Mark as sent after export."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        yes = box.exec() == QMessageBox.StandardButton.Yes
    preferences.mark_sent_on_export = "yes" if yes else "no"
    preferences.save()
    return yes


def after_output(
    parent: QWidget | None,
    archive: Archive,
    letter_id: int,
    preferences: Preferences,
    answer: Callable[[], bool] | None = None,
) -> bool:
    """Record the letter as sent when the writer wants that; returns True when it was marked."""
    letter = archive.letters.get(letter_id)
    if letter.status == "sent" or archive.readonly:
        return False
    if ask_mark_sent(parent, preferences, answer):
        archive.letters.update(letter_id, status="sent")
        return True
    return False


def export_dialog(
    parent: QWidget, archive: Archive, letter_id: int, preferences: Preferences | None = None
) -> Path | None:
    """File ▸ Export…: a save dialog remembering the last folder; writes the chosen format."""
    preferences = preferences or Preferences.load()
    letter = archive.letters.get(letter_id)
    from beautifulletters import words
    from beautifulletters.export.batch import letter_file_name

    recipient = archive.people.get(letter.recipient_id).display_name
    folder = Path(preferences.last_export_folder or Path.home())
    # "Thinking of you – Sam Adeyemi.pdf": a template's letters share their title, not their reader.
    title = words.letter_title(letter.title, letter.occasion)
    suggested = folder / letter_file_name(title, recipient, suffix=".pdf")
    formats = letter_formats()
    name, chosen_filter = QFileDialog.getSaveFileName(
        parent, _("Export letter"), str(suggested), ";;".join(f.file_filter for f in formats)
    )
    if not name:
        return None
    path = Path(name)
    chosen = format_for_path(path) or next((f for f in formats if f.file_filter == chosen_filter), formats[0])
    if format_for_path(path) is None:
        # Added to the whole name: "Thinking of you – Dr. Sam" keeps its ".Sam" (with_suffix replaced it).
        path = path.with_name(path.name + chosen.suffixes[0])
        # The dialog asked before replacing the name as typed, not this one: ask about it here.
        if path.exists() and not ask_replace(parent, path):
            return None
    try:
        warnings = export_letter(archive, letter_id, path, chosen.name)
    except BeautifulLettersError as error:
        show_message(QMessageBox.Icon.Warning, _("Export"), str(error), parent)
        return None
    for warning in warnings:
        show_message(QMessageBox.Icon.Information, _("Export"), warning, parent)
    preferences.last_export_folder = str(path.parent)
    preferences.save()
    after_output(parent, archive, letter_id, preferences)
    return path


def ask_replace(parent: QWidget | None, path: Path) -> bool:
    """Replace a file that is there already? (The export's writer replaces what it is given.)"""
    return ask_yes_no(
        parent, _("Export letter"), _("{file} already exists.\nDo you want to replace it?").format(file=path.name)
    )


def configured_printer(prepared: PreparedLetter, printer: QPrinter | None = None) -> QPrinter:
    """A printer set to the letter's page size and title (page setup follows the letter)."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(prepared.style.qpage_size())
    printer.setFullPage(True)
    printer.setDocName(prepared.title)
    printer.setCreator("BeautifulLetters")
    return printer


def print_letter(
    parent: QWidget,
    archive: Archive,
    letter_id: int,
    preferences: Preferences | None = None,
    printer: QPrinter | None = None,
) -> bool:
    """File ▸ Print…: the system print dialog, then the same pages as the PDF."""
    prepared = prepare_letter(archive, letter_id)
    printer = configured_printer(prepared, printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    render(prepared, printer)
    after_output(parent, archive, letter_id, preferences or Preferences.load())
    return True


class LetterPreviewDialog(QPrintPreviewDialog):
    """Qt's preview of the real pages of one letter.

    QPrintPreviewDialog keeps only a C++ pointer to its printer: a printer held by a local
    variable was freed by Python while the dialog painted with it, and the app died. The dialog
    owns its printer and the prepared letter for as long as it lives."""

    def __init__(self, prepared: PreparedLetter, parent: QWidget | None) -> None:
        self._printer = configured_printer(prepared)
        super().__init__(self._printer, parent)
        self._prepared = prepared
        self.setWindowTitle(_("Print preview — {title}").format(title=prepared.title))
        self.paintRequested.connect(self._paint)
        # The pages lie on the desk, as in the window (Qt's own grey glared in a dark window).
        for view in self.findChildren(QGraphicsView):
            if view.scene() is not None:
                view.scene().setBackgroundBrush(desk_color())

    def _paint(self, device: QPrinter) -> None:
        render(self._prepared, device)


def preview_dialog(parent: QWidget | None, archive: Archive, letter_id: int) -> LetterPreviewDialog:
    """File ▸ Print preview…: Qt's preview of the real pages; call .exec() or .open() on it."""
    return LetterPreviewDialog(prepare_letter(archive, letter_id), parent)


def print_envelope(
    parent: QWidget, archive: Archive, letter_id: int, size: str = "DL", printer: QPrinter | None = None
) -> bool:
    """File ▸ Envelope…: prints (or, with a PDF printer, saves) the envelope; a clear message when
    the recipient has no postal address."""
    letter = archive.letters.get(letter_id)
    try:
        envelope = envelope_for(
            letter, archive.people.get(letter.signer_id), archive.people.get(letter.recipient_id), size=size
        )
    except BeautifulLettersError as error:
        show_message(QMessageBox.Icon.Warning, _("Envelope"), str(error), parent)
        return False
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName(envelope.title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    render_envelope(envelope, printer)
    return True


# ---------------------------------------------------------------------- batches
class BatchSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # BatchResult
    failed = Signal(str)
    cancelled = Signal()


class BatchJob:
    """A batch or anthology to write: plain records in, files out, `signals` back on the window's thread.

    `start()` runs it on the task manager's long lane; `cancel()` stops it and leaves no files.
    """

    def __init__(
        self,
        items: Sequence[BatchItem],
        out: Path,
        options: BatchOptions,
        *,
        anthology: bool = False,
        title: str | None = None,
    ) -> None:
        self.items = list(items)
        self.out = Path(out)
        self.options = options
        self.anthology = anthology
        self.title = title
        self.signals = BatchSignals()
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def start(self) -> None:
        progress = on_window_thread(self.signals.progress.emit, owner=self.signals)
        run_task(
            lambda: self._write(progress),
            lane=Lane.LONG,
            owner=self.signals,
            on_success=self._written,
            on_failure=lambda failure: self.signals.failed.emit(failure.message),
            doing="writing letters to many people",
        )

    def _write(self, progress: Callable[[int, int, str], None]) -> BatchResult | None:
        """Worker side: the files, or None when cancelled."""
        try:
            if self.anthology:
                return write_anthology(
                    self.items,
                    self.out,
                    self.options,
                    progress=progress,
                    is_cancelled=lambda: self._cancel,
                    in_helpers=True,
                )
            return write_batch(
                self.items,
                self.out,
                self.options,
                progress=progress,
                is_cancelled=lambda: self._cancel,
                title=self.title,
                in_helpers=True,  # no page painted on this thread while the window paints the desk
            )
        except Cancelled:
            return None

    def _written(self, result: BatchResult | None) -> None:
        if result is None:
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


_jobs: set[BatchJob] = set()


def start_batch(
    job: BatchJob, parent: QWidget | None = None, on_done: Callable[[BatchResult | None], None] | None = None
) -> QProgressDialog:
    """Run `job` with a progress dialog whose Cancel stops it and leaves no files behind."""
    dialog = QProgressDialog("", "Cancel", 0, len(job.items), parent)
    dialog.setLabel(plain_label())  # the label names each person: plain text, never markup
    dialog.setLabelText(_("Writing letters…"))
    dialog.setWindowTitle(_("Export letters"))
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)
    _jobs.add(job)

    def progress(done: int, total: int, name: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(_("Writing the letter to {name}…").format(name=name))

    def finish(result: BatchResult | None) -> None:
        _jobs.discard(job)
        dialog.close()
        if on_done is not None:
            on_done(result)

    job.signals.progress.connect(progress)
    job.signals.finished.connect(finish)
    job.signals.cancelled.connect(lambda: finish(None))

    def failed(message: str) -> None:
        show_message(QMessageBox.Icon.Warning, _("Export letters"), message, parent)
        finish(None)

    job.signals.failed.connect(failed)
    job.start()
    return dialog
