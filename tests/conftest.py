"""Shared fixtures: every test gets its own per-user folders and a real archive file in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Real Qt widgets, drawn offscreen: no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
TEST_OUTPUT = REPO_ROOT / "test-output"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Per-user data, config, cache and state folders inside tmp_path, so no test touches the real ones."""
    home = tmp_path / "home"
    for name, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),  # the log
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("BEAUTIFULLETTERS_ARCHIVE", raising=False)
    # The window and the command line speak English in tests whatever the machine's language
    # (a test of another language asks for it); the core reads the language when first asked.
    monkeypatch.setenv("LANGUAGE", "en")
    from beautifulletters import i18n

    i18n.set_language(None)
    # Qt keeps QSettings' folder for the whole process: without this, one test's window size,
    # splitter, zoom and hidden panels would be the next test's start (tests passed alone and
    # failed in a full run). Only where Qt is already loaded: core tests never import it.
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        for settings_format in (qtcore.QSettings.Format.NativeFormat, qtcore.QSettings.Format.IniFormat):
            qtcore.QSettings.setPath(settings_format, qtcore.QSettings.Scope.UserScope, str(home / "config"))
    return home


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "letters.sqlite3"


@pytest.fixture
def archive(archive_path: Path) -> Iterator[object]:
    """A real archive file with the sample correspondence, closed after the test."""
    from beautifulletters.archive import Archive

    opened = Archive.open(archive_path)
    yield opened
    opened.close()


@pytest.fixture
def empty_archive(archive_path: Path) -> Iterator[object]:
    """A real archive file with only the user's own record (no sample)."""
    from beautifulletters.archive import Archive

    opened = Archive.open(archive_path, with_sample=False)
    yield opened
    opened.close()


class CliResult:
    def __init__(self, completed: subprocess.CompletedProcess[str]) -> None:
        self.returncode = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def json(self) -> object:
        import json

        return json.loads(self.stdout)


# Commands that never open an archive (or, init, make it themselves).
_WITHOUT_ARCHIVE = {"init", "spell", "install-desktop", "uninstall-desktop", "remind", "--help", "--version"}


@pytest.fixture
def cli(archive_path: Path):
    """Run the real `beautifulletters` command in a child process against the test archive.

    The test archive is made (with the sample, as `beautifulletters init` makes it) before the
    first command that uses it: commands that only read never make one themselves.
    """

    def run(
        *args: str,
        archive: Path | None = archive_path,
        env: dict[str, str] | None = None,
        input: str | None = None,
        timeout: float = 120,
    ) -> CliResult:
        if archive == archive_path and not archive_path.exists() and args and args[0] not in _WITHOUT_ARCHIVE:
            from beautifulletters.archive import Archive

            Archive.create(archive_path).close()
        command = [sys.executable, "-m", "ui", *args]
        if archive is not None:
            command += ["--archive", str(archive)] if args and not any(a.startswith("--archive") for a in args) else []
        full_env = {**os.environ, **(env or {})}
        completed = subprocess.run(
            command, capture_output=True, text=True, env=full_env, input=input, timeout=timeout, cwd=REPO_ROOT
        )
        return CliResult(completed)

    return run


@pytest.fixture
def test_output_dir(request: pytest.FixtureRequest) -> Path:
    """A folder under test-output/ for screenshots and files a person should look at."""
    folder = TEST_OUTPUT / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class SmallDisk:
    """A real, tiny file system (tmpfs) that can be filled to the last byte."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fill(self, leave: int = 0) -> None:
        """Fill the disk, leaving about `leave` bytes free."""
        filler = self.path / "filler"
        with open(filler, "ab") as handle:
            while True:
                free = os.statvfs(self.path).f_bavail * os.statvfs(self.path).f_frsize
                if free <= leave:
                    break
                try:
                    handle.write(b"\0" * min(4096, max(1, free - leave)))
                    handle.flush()
                except OSError:
                    break

    def empty(self) -> None:
        (self.path / "filler").unlink(missing_ok=True)

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.path.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 256 KiB tmpfs mounted for the test (needs root); the test is skipped where mounting is not allowed."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs is not allowed here (needs root)")
    try:
        yield SmallDisk(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
