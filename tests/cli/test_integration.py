"""`install-desktop` / `uninstall-desktop` through the real command in a child process."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

APP_ID = "io.github.beautifulletters.beautifulletters"


def test_install_desktop_points_the_menu_entry_at_a_working_command(cli, isolated_user_dirs, archive_path):
    share = Path(os.environ["XDG_DATA_HOME"])
    result = cli("install-desktop")
    assert result.returncode == 0, result.stderr
    entry = share / "applications" / f"{APP_ID}.desktop"
    assert str(entry) in result.stdout
    assert not archive_path.exists()  # no archive is opened (or created) for it
    exec_line = next(line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec="))
    command = shlex.split(exec_line[len("Exec=") :])
    assert Path(command[0]).exists()
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and "0.1.0" in version.stdout
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").exists()

    login = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / f"{APP_ID}.reminders.desktop"
    login.parent.mkdir(parents=True)
    login.write_text("[Desktop Entry]\n", encoding="utf-8")  # the login reminder, switched on
    quiet = cli("uninstall-desktop", "--json")
    assert quiet.returncode == 0 and str(entry) in quiet.json()["removed"]
    assert str(login) in quiet.json()["removed"] and not login.exists()
    assert not entry.exists()
    again = cli("uninstall-desktop")
    assert again.returncode == 0 and "was not installed" in again.stdout
