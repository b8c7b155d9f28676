"""`beautifulletters remind` as at login: the dates coming up, shown by the notification service on a private bus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from beautifulletters import desktop
from tests.core.test_reminders import soon

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


def test_the_reminder_reaches_the_notification_service(private_bus, archive, archive_path) -> None:
    archive.people.add(display_name="Ada Byron", birthday=soon(3))
    archive.people.add(display_name="Far Away", birthday=soon(40))
    archive.close()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "cli" / "fake_notification_server.py")],
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
    archive.people.add(display_name="Ada Byron", birthday=soon(1))
    archive.close()
    result = _remind(private_bus, archive_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no notification service" in result.stderr
    assert "Ada Byron: birthday, tomorrow" in result.stdout
    # Nothing to remind of: nothing is shown, nothing is said; a missing archive is never created.
    assert _remind(private_bus, archive_path, "--days", "0").stdout == ""
    missing = _remind(private_bus, archive_path.with_name("none.sqlite3"))
    assert missing.returncode == 1 and not archive_path.with_name("none.sqlite3").exists()
