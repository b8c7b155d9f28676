"""The login reminder: occasions coming up, shown through the notification service on a private session bus."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from beautifulletters import desktop
from beautifulletters.preferences import Preferences
from beautifulletters.reminders import reminder_for
from ui.dialogs.preferences_dialog import PreferencesDialog

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def private_bus():
    """A session bus of our own (dbus-daemon --session), stopped after the test."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address"], stdout=subprocess.PIPE, text=True
    )
    address = daemon.stdout.readline().strip()
    assert address.startswith("unix:"), address
    yield {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
    daemon.terminate()
    daemon.wait(timeout=10)


def _remind(env, archive_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ui", "--archive", str(archive_path), "remind", *args]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)


def _soon(days: int) -> str:
    day = dt.date.today() + dt.timedelta(days=days)
    return f"--{day:%m-%d}"


def test_the_reminder_reaches_the_notification_service(private_bus, archive, archive_path) -> None:
    archive.add_person(display_name="Ada Byron", birthday=_soon(3))
    archive.add_person(display_name="Far Away", birthday=_soon(40))
    archive.close()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "ui" / "fake_notification_server.py")],
        env=private_bus,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout.readline().strip() == "ready"
        result = _remind(private_bus, archive_path, "--days", "7")
        assert result.returncode == 0, result.stderr
        shown = json.loads(server.stdout.readline())
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert shown["summary"] == "A letter to write"
    assert shown["body"] == "Ada Byron: birthday, in 3 days"  # the sample and the far date are left out
    assert shown["icon"] == desktop.APP_ID and shown["hints"] == {"desktop-entry": desktop.APP_ID}


def test_without_a_notification_service_it_says_so_in_one_sentence(private_bus, archive, archive_path) -> None:
    archive.add_person(display_name="Ada Byron", birthday=_soon(1))
    archive.close()
    result = _remind(private_bus, archive_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no notification service" in result.stderr
    assert "Ada Byron: birthday, tomorrow" in result.stdout
    # Nothing to remind of: nothing is shown, nothing is said; a missing archive is never created.
    assert _remind(private_bus, archive_path, "--days", "0").stdout == ""
    missing = _remind(private_bus, archive_path.with_name("none.sqlite3"))
    assert missing.returncode == 1 and not archive_path.with_name("none.sqlite3").exists()


def test_reminder_words_count_and_cut_long_lists(empty_archive) -> None:
    for number in range(8):
        empty_archive.add_person(display_name=f"Friend {number}", birthday=_soon(number))
    reminder = reminder_for(empty_archive, days=10)
    assert reminder is not None and reminder.count == 8
    assert reminder.summary == "8 letters to write"
    lines = reminder.body.split("\n")
    assert lines[0] == "Friend 0: birthday, today" and lines[-1] == "and 2 more dates"


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
