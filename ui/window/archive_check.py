"""The full check of the open archive, deferred until the window is shown, and what follows when it fails."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from beautifulletters import humandates
from beautifulletters.archive import Archive
from beautifulletters.i18n import _
from ui.tasks import Failure, Lane, run_task
from ui.widgets.plain import message_box
from ui.window.archive_opening import check_archive, open_archive_for_window
from ui.window.surface import WindowSurface

READ_POLL_MS = 50
# A connection still open after this long is a leak, not a worker finishing: restore anyway
# (the -wal and -shm are moved aside with the file, so the kept copy stays whole).
LET_GO_SECONDS = 30.0


class ArchiveCheck(QObject):
    """The window's archive check: `state` is "done", "pending" while it runs, or "damaged".

    A damaged archive is closed at once (everything typed is saved first) and the newest good
    backup is offered; without one, the window closes.
    """

    checked = Signal(bool)  # the check finished: healthy or not

    def __init__(self, window: WindowSurface) -> None:
        super().__init__(window)
        self._window = window
        self.state = "done"
        self._when_healthy: list[Callable[[], None]] = []
        self._stopped = False

    def stop(self) -> None:
        """The window is closing: a check or restore still running reports to nobody."""
        self._stopped = True
        self._when_healthy = []

    def start(self) -> None:
        """Run the full check the window skipped at open (it reads the whole file) on a worker."""
        self.state = "pending"
        path = self._window.archive.path
        run_task(
            lambda: check_archive(path),
            lane=Lane.UPKEEP,
            owner=self,
            on_success=lambda outcome: self._finished(path, *outcome),
            on_failure=self._failed,
            doing="checking the archive",
        )

    def when_healthy(self, callback: Callable[[], None]) -> None:
        """Call `callback` now if the archive passed its check, else once it does (never if damaged)."""
        if self.state == "done":
            callback()
        elif self.state == "pending":
            self._when_healthy.append(callback)

    def _failed(self, failure: Failure) -> None:
        if self._stopped:
            return
        # Could not read the file to check it (not damage): say so, carry on as before the check.
        self._window.statusBar().showMessage(
            _("The archive could not be checked: {reason}").format(reason=failure.message), 10000
        )
        self._finished(self._window.archive.path, None, None)

    def _finished(self, path: Path, damage: str | None, backup: Any) -> None:
        window = self._window
        if self._stopped:
            return  # the window closed while the check ran: no dialog, no backups, no signal
        if path != window.archive.path:
            return  # another archive was opened meanwhile; its own check reports
        if damage is None:
            self.state = "done"
            callbacks, self._when_healthy = self._when_healthy, []
            for callback in callbacks:
                callback()
            self.checked.emit(True)
            return
        self.state = "damaged"
        self._when_healthy = []
        # Stop writing to it at once: everything typed so far is saved, then the file is let go.
        window.release_archive()
        self.checked.emit(False)
        if backup is None:
            box = message_box(
                QMessageBox.Icon.Critical,
                _("The archive is damaged"),
                _("{damage}\n\nThere is no good backup to restore; the window will close.").format(damage=damage),
                QMessageBox.StandardButton.Ok,
                window,
            )
            box.finished.connect(lambda _result: window.close())
        else:
            box = message_box(
                QMessageBox.Icon.Question,
                _("The archive is damaged"),
                _(
                    "{damage}\n\nRestore the newest good backup, from {when}? "
                    "The damaged file is kept beside it under a new name."
                ).format(damage=damage, when=humandates.timestamp(backup.created.astimezone())),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                window,
            )
            box.finished.connect(
                lambda result: self._restore(path) if result == QMessageBox.StandardButton.Yes else window.close()
            )
        window.show_dialog(box)

    def _restore(self, path: Path) -> None:
        from beautifulletters.transfer import restore_newest_good_backup

        window = self._window
        window.statusBar().showMessage(_("Restoring the newest good backup…"))
        window.setEnabled(False)

        def restored(_result: Any) -> None:
            if self._stopped:
                return  # the window closed meanwhile: nothing to open the restored file in
            window.setEnabled(True)
            archive, notice = open_archive_for_window(path)
            if archive is None:
                window.show_error(notice or _("Cannot open {path} after restoring.").format(path=path))
                return
            self.state = "done"
            window.adopt_archive(
                archive, notice or _("Restored the newest good backup; the damaged file is kept beside it.")
            )

        def failed(failure: Failure) -> None:
            if self._stopped:
                return
            window.setEnabled(True)
            box = message_box(
                QMessageBox.Icon.Critical, "BeautifulLetters", failure.message, QMessageBox.StandardButton.Ok, window
            )
            box.finished.connect(lambda _result: window.close())
            window.show_dialog(box)

        started = time.monotonic()

        def restore_when_unread() -> None:
            if self._stopped:
                return
            # A worker still reading the damaged file would hold it open (its -wal and -shm with it)
            # while the restore sets it aside: wait for the panels' workers, let go of the search's
            # connection, then wait until no connection of this process has the file open (the
            # names read for spelling, the autosaver's, a letter's readers are not panels).
            if window.reading_in_background:
                QTimer.singleShot(READ_POLL_MS, self, restore_when_unread)
                return
            window.people_list.release_reader()
            if Archive.is_open_here(path) and time.monotonic() - started < LET_GO_SECONDS:
                QTimer.singleShot(READ_POLL_MS, self, restore_when_unread)
                return
            run_task(
                lambda: restore_newest_good_backup(path),
                lane=Lane.ARCHIVE,
                owner=self,
                on_success=restored,
                on_failure=failed,
                doing="restoring the newest good backup",
            )

        restore_when_unread()
