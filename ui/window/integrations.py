"""The File menu's ways in and out: export, print, preview, envelopes, batches, import, backups.

Each action calls the module that owns the work (ui.printing, ui.dialogs.import_dialog,
ui.dialogs.backups_dialog, beautifulletters.transfer); this file only places them in the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from beautifulletters import fileio
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from ui.tasks import Lane, run_task
from ui.window.archive_opening import open_archive_for_window
from ui.window.surface import WindowSurface

DAILY_MS = 24 * 60 * 60 * 1000


def _current_letter(window: WindowSurface) -> int | None:
    letter_id = window.editor.letter_id
    if letter_id is None:
        window.show_error(
            _("Open a letter first: choose a person and a letter from their history, or write a new one.")
        )
        return None
    window.editor.flush()
    return letter_id


def export_current(window: WindowSurface) -> Path | None:
    from ui.printing.dialogs import export_dialog

    letter_id = _current_letter(window)
    if letter_id is None:
        return None
    path = export_dialog(window, window.archive, letter_id, window.preferences)
    if path is not None:
        window.statusBar().showMessage(_("Exported to {path}").format(path=path), 6000)
        window.person_panel.refresh()
    return path


def print_current(window: WindowSurface) -> None:
    from ui.printing.dialogs import print_letter

    letter_id = _current_letter(window)
    if letter_id is not None:
        try:
            print_letter(window, window.archive, letter_id, window.preferences)
        except BeautifulLettersError as error:
            window.show_error(str(error))
        window.person_panel.refresh()


def preview_current(window: WindowSurface) -> Any:
    from ui.printing.dialogs import preview_dialog

    letter_id = _current_letter(window)
    if letter_id is None:
        return None
    try:
        dialog = preview_dialog(window, window.archive, letter_id)
    except BeautifulLettersError as error:
        window.show_error(str(error))
        return None
    window.show_dialog(dialog)
    return dialog


def envelope_current(window: WindowSurface) -> None:
    from ui.printing.dialogs import print_envelope

    letter_id = _current_letter(window)
    if letter_id is not None:
        print_envelope(window, window.archive, letter_id)


def export_anthology(window: WindowSurface, out: Path | None = None) -> Any:
    """Every letter from this letter's signer to its recipient, oldest first, with a title page."""
    from beautifulletters.export.batch import anthology_letter_ids
    from ui.printing.batch import BatchOptions, load_items
    from ui.printing.dialogs import BatchJob, start_batch

    letter_id = window.editor.letter_id
    if letter_id is None:
        window.show_error(_("Open one of the letters first: the anthology collects that correspondence."))
        return None
    letter = window.archive.letters.get(letter_id)
    signer = window.archive.people.get(letter.signer_id).display_name
    recipient = window.archive.people.get(letter.recipient_id).display_name
    if out is None:
        name, _filter = QFileDialog.getSaveFileName(
            window,
            _("Anthology"),
            str(Path.home() / _("Letters to {name}.pdf").format(name=recipient)),
            _("PDF (*.pdf)"),
        )
        if not name:
            return None
        out = Path(name)
    try:
        fileio.check_output_path(out, archive_path=window.archive.path, force=True)
        ids = anthology_letter_ids(window.archive, letter.signer_id, letter.recipient_id)
        items = load_items(window.archive, ids)
    except BeautifulLettersError as error:
        window.show_error(str(error))
        return None
    job = BatchJob(
        items,
        out,
        BatchOptions(),
        anthology=True,
        title=_("Letters from {signer} to {recipient}").format(signer=signer, recipient=recipient),
    )

    def done(result: Any) -> None:
        if result:
            window.statusBar().showMessage(_("Wrote the anthology to {path}").format(path=out), 8000)

    return start_batch(job, window, on_done=done)


def import_contacts(window: WindowSurface) -> None:
    path, _filter = QFileDialog.getOpenFileName(
        window, _("Import contacts"), str(Path.home()), _("Contacts (*.vcf *.vcard *.csv);;All files (*)")
    )
    if path:
        import_file(window, Path(path))


def import_file(window: WindowSurface, path: Path) -> Any:
    """Import a .vcf or .csv (from File ▸ Import… or dropped on the window)."""
    from ui.dialogs.import_dialog import ImportDialog

    if window.refuse_if_readonly():
        return None
    dialog = ImportDialog(window.archive.path, path, window)
    dialog.imported.connect(lambda _report: window.refresh_people())
    window.show_dialog(dialog)
    return dialog


def open_backups(window: WindowSurface) -> Any:
    from ui.dialogs.backups_dialog import BackupsDialog

    path = window.archive.path

    def reopen(_result: Any) -> None:
        archive, notice = open_archive_for_window(path)
        if archive is None:
            window.show_error(notice or _("Cannot open {path} after restoring.").format(path=path))
            return
        window.adopt_archive(archive, notice or _("Restored the backup."))

    dialog = BackupsDialog(path, window, release_archive=window.release_archive, reopen_archive=reopen)
    window.show_dialog(dialog)
    return dialog


def _automatic_backup(archive_path: Path, at_start: bool) -> Any:
    """Worker side: a read-only connection of its own, so the window's stays on the GUI thread."""
    from beautifulletters.transfer import automatic_backup_of

    return automatic_backup_of(archive_path, at_start=at_start)


def start_automatic_backups(window: WindowSurface) -> None:
    """A backup at start (at most one per 30 minutes) and daily while the window is open.

    The first waits for the window's deferred check of the archive: a damaged file is not
    backed up, and two passes over a large file at once would only slow both.
    """

    def run(at_start: bool) -> None:
        if window.archive.readonly:
            return
        path = window.archive.path
        run_task(
            lambda: _automatic_backup(path, at_start),
            lane=Lane.UPKEEP,
            owner=window,
            on_success=lambda info: backed_up(info),
            on_failure=lambda failure: window.statusBar().showMessage(
                _("Automatic backup failed: {reason}").format(reason=failure.message), 10000
            ),
            doing="making the automatic backup",
        )

    def backed_up(info: Any) -> None:
        if info is not None:
            window.statusBar().showMessage(_("Backed up to {file}").format(file=info.path.name), 4000)

    window.when_archive_healthy(lambda: run(True))
    timer = QTimer(window)
    timer.setInterval(DAILY_MS)
    timer.timeout.connect(lambda: run(False))
    timer.start()
    timer.setObjectName("dailyBackup")  # the window owns it (its parent): it runs as long as the window


def _archive_transfer() -> Any:
    from ui.window import archive_transfer

    return archive_transfer


def add_archive_transfer_actions(window: WindowSurface, file_menu: Any) -> None:
    """Calendar, everything out and a JSON export back in (ui/window/archive_transfer.py, loaded on use)."""
    window.add_action(
        file_menu,
        _("Export &calendar…"),
        lambda: _archive_transfer().open_export_calendar(window),
        None,
        _("Birthdays and anniversaries for any calendar app, with a reminder to post in time"),
    )
    window.add_action(
        file_menu,
        _("Export every&thing…"),
        lambda: _archive_transfer().open_export_everything(window),
        None,
        _("The whole archive as JSON, people as vCards, the dates as a calendar and every letter as a file"),
    )
    window.add_action(
        file_menu,
        _("Import archive e&xport…"),
        lambda: _archive_transfer().import_archive_export(window),
        None,
        _("Bring a JSON export (from Export everything) back, as a new archive"),
    )


def keep_calendar_current(window: WindowSurface) -> None:
    """A calendar file the person asked to keep up to date: written again at start and after changes."""
    if window.preferences.calendar_path:
        _archive_transfer().keep_calendar_current(window)


def add_file_actions(window: WindowSurface, file_menu: Any, toolbar: Any) -> None:
    window.export_action = window.add_action(
        file_menu,
        _("&Export…"),
        lambda: export_current(window),
        "Ctrl+Shift+E",
        _("Save the letter as PDF, ODT, DOCX, HTML, text or Markdown"),
    )
    window.print_action = window.add_action(
        file_menu, _("&Print…"), lambda: print_current(window), QKeySequence.StandardKey.Print, _("Print the letter")
    )
    window.preview_action = window.add_action(
        file_menu, _("Print pre&view…"), lambda: preview_current(window), "Ctrl+Shift+P", _("See the printed pages")
    )
    window.add_action(
        file_menu,
        _("Print enve&lope…"),
        lambda: envelope_current(window),
        None,
        _("Print the envelope for this letter"),
    )
    file_menu.addSeparator()
    window.import_action = window.add_action(
        file_menu,
        _("&Import contacts…"),
        lambda: import_contacts(window),
        "Ctrl+Shift+I",
        _("Bring people in from a vCard or CSV file"),
    )
    window.add_action(
        file_menu, _("&Backups…"), lambda: open_backups(window), None, _("Back up the archive now, or restore a backup")
    )
    file_menu.addSeparator()
    add_archive_transfer_actions(window, file_menu)
    toolbar.addAction(window.print_action)
    toolbar.addAction(window.export_action)
