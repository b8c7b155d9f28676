"""One window per archive: a second launch (a real second process) hands its request to the first."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from beautifulletters.archive import Archive
from ui.window.single_instance import REPORT_ENV, InstanceServer, hand_over, socket_name

REPO = Path(__file__).resolve().parents[2]


class Running:
    """The first window, in its own process; its stdout read line by line on a thread."""

    def __init__(self, archive_path: Path) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", REPORT_ENV: "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ui", "--archive", str(archive_path)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def wait_for(self, start: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise AssertionError(f"the first window exited: {self.process.stderr.read()}") from None
                continue
            if line.startswith(start):
                return line
        raise AssertionError(f"no line starting {start!r} within {timeout} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _launch(archive_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "ui", "--archive", str(archive_path), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,  # a second window would stay open until killed here
    )


@pytest.mark.slow
def test_a_second_launch_hands_its_letter_to_the_running_window_and_exits(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        letter_id = archive.letters.all()[-1].id
    first = Running(archive_path)
    try:
        first.wait_for("listening")
        second = _launch(archive_path, "letters", "open", str(letter_id))
        assert second.returncode == 0, second.stderr
        assert "read-only" not in second.stdout + second.stderr
        # The running window shows that letter and is the active window.
        assert first.wait_for("handled") == f"handled open-letter letter={letter_id} active=True"
        third = _launch(archive_path)  # the plain launcher: the window comes to the front
        assert third.returncode == 0, third.stderr
        assert first.wait_for("handled").startswith("handled show ")
        assert first.process.poll() is None  # still running, the only window
    finally:
        first.stop()
    # With the first window gone, a launch opens a window of its own again (it listens, then is stopped).
    again = Running(archive_path)
    try:
        again.wait_for("listening")
    finally:
        again.stop()


def test_nobody_listening_or_a_stale_socket_means_no_hand_over(qapp, tmp_path: Path) -> None:
    archive_path = tmp_path / "letters.sqlite3"
    assert not hand_over(archive_path, {"action": "show"})
    name = socket_name(archive_path)
    Path(name).write_text("left by a crashed window")
    assert not hand_over(archive_path, {"action": "show"})
    server = InstanceServer(archive_path)
    try:
        assert server.listen()  # takes over the stale name
    finally:
        server.close()
    assert socket_name(tmp_path / "other.sqlite3") != name


def test_a_window_that_opens_another_archive_listens_for_that_one(qtbot, tmp_path: Path) -> None:
    from ui.window.app import open_main_window

    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    Archive.open(second).close()
    window = open_main_window(first)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(InstanceServer) is not None)  # listening once it is shown
    server = window.findChild(InstanceServer)
    assert server is not None and server.name == socket_name(first) and Path(server.name).exists()
    assert window.switch_archive(second)
    qtbot.waitUntil(lambda: window.archive_check.state == "done", timeout=30000)
    # Later launches on the second archive come here; the first archive's name is free again.
    assert server.name == socket_name(second) and Path(server.name).exists()
    assert not Path(socket_name(first)).exists()
    window.close()


def test_a_first_launch_does_not_load_qtnetwork_to_find_nobody_listening(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ui.window.single_instance import hand_over\n"
        f"assert not hand_over(Path({str(tmp_path / 'a.sqlite3')!r}), {{'action': 'show'}})\n"
        "print('PySide6.QtNetwork' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
