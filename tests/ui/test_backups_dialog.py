"""The backups dialog, offscreen: listing with dates, Back up now, Restore."""

from __future__ import annotations

import datetime as dt

from beautifulletters.archive import Archive
from beautifulletters.transfer import create_backup, list_backups
from ui.dialogs.backups_dialog import BackupsDialog

WAIT_MS = 15000


def test_list_backup_now_and_restore(qtbot, archive_path, test_output_dir):
    with Archive.open(archive_path) as archive:
        create_backup(archive, now=dt.datetime(2025, 1, 5, 9, 30, tzinfo=dt.UTC))
        create_backup(archive, now=dt.datetime(2025, 2, 14, 18, 0, tzinfo=dt.UTC))
        archive.people.add(display_name="Added Later")
    calls: list[str] = []
    dialog = BackupsDialog(
        archive_path,
        release_archive=lambda: calls.append("release"),
        reopen_archive=lambda result: calls.append("reopen"),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.view.rowCount() == 2
    assert "2025" in dialog.view.item(0, 0).text() and "February" in dialog.view.item(0, 0).text()
    assert not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.view.rowCount() == 3, timeout=WAIT_MS)
    assert len(list_backups(archive_path)) == 3
    dialog.grab().save(str(test_output_dir / "backups-dialog.png"))

    dialog.view.selectRow(1)  # February: before "Added Later"
    dialog.confirm = lambda info: True
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.restored_result is not None, timeout=WAIT_MS)
    assert calls == ["release", "reopen"]
    with Archive.open(archive_path) as archive:
        assert "Added Later" not in {p.display_name for p in archive.search.people()}
    assert "kept as" in dialog.status.text()
    dialog.grab().save(str(test_output_dir / "backups-restored.png"))


def test_declining_the_confirmation_changes_nothing(qtbot, archive_path):
    with Archive.open(archive_path) as archive:
        create_backup(archive)
    dialog = BackupsDialog(archive_path)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    dialog.confirm = lambda info: False
    dialog.restore_button.click()
    assert dialog.restored_result is None and sorted(p.name for p in archive_path.parent.iterdir()) == sorted(
        p.name for p in archive_path.parent.iterdir() if ".before-restore-" not in p.name
    )
