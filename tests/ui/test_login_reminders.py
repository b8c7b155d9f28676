"""The login reminder switched on and off in Preferences (the autostart entry it writes)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from beautifulletters import desktop
from beautifulletters.preferences import Preferences
from ui.dialogs.preferences_dialog import PreferencesDialog

REPO = Path(__file__).resolve().parents[2]


def test_preferences_switch_the_login_entry_on_and_off(qtbot, archive, isolated_user_dirs) -> None:
    preferences = Preferences()
    dialog = PreferencesDialog(archive, preferences)
    qtbot.addWidget(dialog)
    dialog.login_reminders.setChecked(True)
    dialog.remind_days.setValue(10)
    dialog.accept()
    entry = desktop.autostart_path()
    assert preferences.login_reminders and entry.exists()
    exec_line = next(line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec="))
    assert exec_line.endswith("remind --days 10")
    check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    again = PreferencesDialog(archive, preferences)
    qtbot.addWidget(again)
    assert again.login_reminders.isChecked()
    again.login_reminders.setChecked(False)
    again.accept()
    assert not preferences.login_reminders and not entry.exists()
