"""File ▸ Backups…: the rolling set of backups with their dates, Back up now, and Restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates, words
from beautifulletters.archive import Archive
from beautifulletters.i18n import _
from beautifulletters.transfer import BackupInfo, RestoreResult, create_backup, list_backups, restore_backup
from ui.tasks import Failure, Lane, run_task
from ui.widgets.plain import ask_yes_no, plain_label, plain_tip


def backup_now(archive_path: Path) -> BackupInfo:
    """Worker side: a backup into the rolling set, on its own connection."""
    with Archive.open(archive_path, full_check=False, create=False) as archive:  # the copy is checked before it is kept
        return create_backup(archive)


def restore_and_open(source: Path, archive_path: Path) -> RestoreResult:
    """Worker side: restore, then open once so a backup from an older version is brought up to date."""
    result = restore_backup(source, archive_path)
    Archive.open(archive_path).close()
    return result


class BackupsDialog(QDialog):
    """Lists the backups of the archive at `archive_path`, newest first.

    Restoring needs the window's own connection closed: `release_archive()` is called first
    and `reopen_archive(result)` after (also after a failed restore, with None).
    """

    def __init__(
        self,
        archive_path: Path,
        parent: QWidget | None = None,
        *,
        release_archive: Callable[[], None] | None = None,
        reopen_archive: Callable[[RestoreResult | None], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive_path = Path(archive_path)
        self.release_archive = release_archive
        self.reopen_archive = reopen_archive
        self.restored_result: RestoreResult | None = None
        self.confirm: Callable[[BackupInfo], bool] = self._confirm_with_message_box
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(_("Backups"))
        self.resize(640, 420)

        self.about = plain_label(
            _(
                "A backup is made when the app starts (at most one every 30 minutes) and once a day while it "
                "runs; the newest of each of the last 7 days, 4 weeks and 6 months are kept."
            )
        )
        self.about.setWordWrap(True)
        self.view = QTableWidget(0, 2)
        self.view.setHorizontalHeaderLabels([_("Made on"), _("Size")])
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.view.itemSelectionChanged.connect(self._selection_changed)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(_("Back up now"))
        self.restore_button = QPushButton(_("Restore…"))
        self.restore_button.setEnabled(False)
        close = QPushButton(_("Close"))
        self.backup_button.clicked.connect(self._backup_clicked)
        self.restore_button.clicked.connect(self._restore_clicked)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.backups = list_backups(self.archive_path)
        self.view.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            when = QTableWidgetItem(humandates.weekday_and_time(info.created.astimezone()))
            when.setToolTip(plain_tip(str(info.path)))
            self.view.setItem(row, 0, when)
            self.view.setItem(
                row, 1, QTableWidgetItem(_("{size} KB").format(size=words.number(round(info.size / 1024))))
            )
        if not self.backups:
            self.status.setText(_("There are no backups yet. “Back up now” makes one."))
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _backup_clicked(self) -> None:
        self.backup_button.setEnabled(False)
        self.status.setText(_("Backing up…"))
        path = self.archive_path
        run_task(
            lambda: backup_now(path),
            lane=Lane.UPKEEP,
            owner=self,
            on_success=self._backed_up,
            on_failure=self._failed,
            doing="backing up",
        )

    def _backed_up(self, info: BackupInfo) -> None:
        self.backup_button.setEnabled(True)
        self.refresh()
        self.status.setText(_("Backed up to {file}.").format(file=info.path.name))

    def _confirm_with_message_box(self, info: BackupInfo) -> bool:
        when = humandates.timestamp(info.created.astimezone())
        return ask_yes_no(
            self,
            _("Restore this backup?"),
            _(
                "Replace the archive with the backup from {when}?\n\n"
                "Changes made since then will not be in it; the current archive is kept aside, next to it."
            ).format(when=when),
        )

    def _restore_clicked(self) -> None:
        info = self.selected()
        if info is None or not self.confirm(info):
            return
        if self.release_archive is not None:
            self.release_archive()
        self.restore_button.setEnabled(False)
        self.backup_button.setEnabled(False)
        self.status.setText(_("Restoring…"))
        backup, path = info.path, self.archive_path
        run_task(
            lambda: restore_and_open(backup, path),
            lane=Lane.ARCHIVE,
            owner=self,
            on_success=self._restored,
            on_failure=self._restore_failed,
            doing="restoring a backup",
        )

    def _restored(self, result: RestoreResult) -> None:
        self.restored_result = result
        if self.reopen_archive is not None:
            self.reopen_archive(result)
        self.backup_button.setEnabled(True)
        self.refresh()
        restored = _("Restored the backup {file}.").format(file=result.restored_from.name)
        if result.kept_aside:
            restored += " " + _("The archive it replaced is kept as {file}.").format(file=result.kept_aside.name)
        self.status.setText(restored)

    def _restore_failed(self, failure: Failure) -> None:
        if self.reopen_archive is not None:
            self.reopen_archive(None)
        self._failed(failure)

    def _failed(self, failure: Failure) -> None:
        self.backup_button.setEnabled(True)
        self._selection_changed()
        self.status.setText(failure.message)
