"""Bad values at the door, from the real command line: one sentence, exit 1, the archive unchanged.

Hostile text (control characters, escape sequences, bidirectional overrides, bytes that are not
UTF-8), dates in other digits, ids past SQLite's range, unbounded counts, files that are devices,
FIFOs, folders, too large or unreadable, and output folders that cannot be written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from beautifulletters.archive import Archive
from tests.cli.test_outputs import _letter, _writers
from tests.conftest import REPO_ROOT, CliResult
from tests.core.test_archive import dump

HOSTILE = ["Bad\x1b[2JName", "Ring\x07ring", "Eve\u202elive", "Iso\u2067late\u2069", "C1\x9b31m", "Tab\there"]


@pytest.fixture(autouse=True)
def _archive(archive_path: Path) -> None:
    """A real archive with the sample people (2 and 3) to refuse things into."""
    Archive.open(archive_path).close()


def _one_sentence(result: CliResult) -> str:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("beautifulletters: "), result.stderr
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    return lines[0]


def _without_root_powers() -> list[str]:
    """A prefix that makes file permissions bind (root reads and writes anything otherwise)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores file permissions, and setpriv is not here to drop that power")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _run(archive_path: Path, *args: str, prefix: list[str] | None = None) -> CliResult:
    command = [*(prefix or []), sys.executable, "-m", "ui", *args, "--archive", str(archive_path)]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=120, cwd=REPO_ROOT, env=dict(os.environ)
    )
    return CliResult(completed)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_name_is_refused_naming_the_character_and_where(cli, archive_path: Path, value: str) -> None:
    before = dump(archive_path)
    line = _one_sentence(cli("people", "add", value))
    assert line.startswith("beautifulletters: The name contains ") and "U+" in line and "at position" in line
    assert dump(archive_path) == before


def test_every_text_option_passes_the_same_gate(cli, archive_path: Path) -> None:
    before = dump(archive_path)
    attempts = [
        ("people", "add", "Ann", "--nickname", HOSTILE[0]),
        ("people", "add", "Ann", "--full-name", HOSTILE[2]),
        ("people", "add", "Ann", "--notes", HOSTILE[1]),
        ("people", "add", "Ann", "--email", "a@example.org", "--email", HOSTILE[3]),
        ("people", "add", "Ann", "--address", HOSTILE[4]),
        ("people", "add", "Ann", "--tag", HOSTILE[0]),
        ("people", "add", "Ann", "--pronunciation", HOSTILE[2]),
        ("people", "edit", "3", "--name", HOSTILE[1]),
        ("notes", "add", "3", HOSTILE[0]),
        ("notes", "add", "3", "a memory", "--phrasing", HOSTILE[3]),
        ("relationship", "set", "2", "3", "--kind", HOSTILE[2]),
        ("relationship", "set", "2", "3", "--kind", "wife", "--pet-name", HOSTILE[4]),
        ("relationship", "set", "2", "3", "--kind", "wife", "--how-we-met", HOSTILE[1]),
        ("dates", "add", "3", "--kind", "custom", "--date", "2020-01-01", "--label", HOSTILE[0]),
    ]
    for attempt in attempts:
        line = _one_sentence(cli(*attempt))
        assert "U+" in line and ("control character" in line or "bidirectional" in line), (attempt, line)
    assert dump(archive_path) == before


def test_stored_hostile_names_are_printed_harmlessly(cli, archive_path: Path) -> None:
    """An archive from before the gate may hold one: printing it must not rewrite the terminal."""
    with sqlite3.connect(archive_path) as conn:
        conn.execute("UPDATE people SET display_name = ? WHERE id = 3", ("Lolly\x1b[2J\x1b]0;owned\x07\u202e",))
    listed = cli("people", "list")
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout and "\u202e" not in listed.stdout
    assert "Lolly\\u001b[2J\\u001b]0;owned\\u0007\\u202e" in listed.stdout
    shown = cli("people", "show", "3", "--json")
    assert shown.json()["display_name"] == "Lolly\x1b[2J\x1b]0;owned\x07\u202e"  # JSON keeps the value exactly


@pytest.mark.parametrize("value", ["٢٠٢٠-٠٣-٠١", "۱۹۹۰-۱۲-۲۵", "２０２０-０３-０１", "--٠٤-٠٣"])
def test_dates_in_other_digits_are_refused_saying_how_to_write_them(cli, archive_path: Path, value: str) -> None:
    before = dump(archive_path)
    line = _one_sentence(cli("people", "add", "Ann", "--birthday", value))
    assert "digits other than 0-9" in line and "write it with 0-9, as " in line
    _one_sentence(cli("dates", "add", "3", "--kind", "custom", "--date", value))
    _one_sentence(cli("relationship", "set", "2", "3", "--kind", "wife", "--since", value))
    assert dump(archive_path) == before


@pytest.mark.parametrize(
    "attempt",
    [
        ("people", "add", "Ann", "--died-on", "0000"),
        ("people", "add", "Ann", "--birthday", "0000-01-01"),
        ("notes", "add", "3", "a memory", "--date", "0000"),
        ("relationship", "set", "2", "3", "--kind", "wife", "--since", "0000-06"),
        ("dates", "add", "3", "--kind", "custom", "--date", "2023-02-29"),
    ],
)
def test_year_0000_and_impossible_days_are_refused(cli, archive_path: Path, attempt: tuple[str, ...]) -> None:
    before = dump(archive_path)
    _one_sentence(cli(*attempt))
    assert dump(archive_path) == before


def test_drafting_for_someone_whose_stored_date_has_other_digits_works(cli, archive_path: Path) -> None:
    """Such dates were accepted before, and every later draft for that person stopped with a traceback."""
    with sqlite3.connect(archive_path) as conn:
        conn.execute("UPDATE people SET birthday = '٢٠٢٠-٠٣-٠١' WHERE id = 3")
        conn.execute("UPDATE important_dates SET date = '２０００-０６-１０'")
    drafted = cli("letters", "draft", "--to", "3", "--template", "birthday", "--quiet")
    assert drafted.returncode == 0, drafted.stderr
    assert cli("people", "show", "3", "--json").json()["birthday"] == "2020-03-01"
    assert cli("upcoming", "--days", "366").returncode == 0


@pytest.mark.parametrize("huge", [str(2**63), str(2**64), "99999999999999999999"])
def test_ids_past_sqlite_are_no_record(cli, archive_path: Path, huge: str) -> None:
    before = dump(archive_path)
    for attempt, kind in [
        (("people", "show", huge), "person"),
        (("people", "edit", huge, "--name", "X"), "person"),
        (("people", "remove", huge), "person"),
        (("letters", "show", huge), "letter"),
        (("letters", "delete", huge), "letter"),
        (("letters", "status", huge, "sent"), "letter"),
        (("letters", "export", huge, "--format", "txt", "--out", "/tmp/never.txt"), "letter"),
        (("notes", "add", huge, "hello"), "person"),
        (("notes", "edit", huge, "--text", "hello"), "note"),
        (("dates", "add", huge, "--kind", "custom", "--date", "2020-01-01"), "person"),
        (("relationship", "set", "2", huge, "--kind", "friend"), "person"),
        (("letters", "draft", "--to", huge, "--template", "birthday"), "person"),
    ]:
        line = _one_sentence(cli(*attempt))
        assert line == f"beautifulletters: There is no {kind} with id {huge}.", (attempt, line)
    assert dump(archive_path) == before


def test_arguments_that_are_not_utf8_are_one_sentence(cli, archive_path: Path) -> None:
    """Python keeps such bytes as surrogates; stored, they would fail as SQLite encodes them."""
    before = dump(archive_path)
    for attempt, label in [
        (("people", "add", "Ren\udce9e"), "name"),  # Latin-1 é
        (("people", "add", "Ann", "--nickname", "\udcff\udcfe"), "nickname"),
        (("notes", "add", "3", "caf\udce9"), "text"),
        (("letters", "search", "\udc80"), "query"),
    ]:
        line = _one_sentence(cli(*attempt))
        assert line.startswith(
            f"beautifulletters: The {label} given on the command line is not UTF-8 text (the byte 0x"
        )
    assert dump(archive_path) == before


@pytest.mark.parametrize("days", [str(10**12), "3661", str(10**100)])
def test_upcoming_days_is_bounded(cli, days: str) -> None:
    line = _one_sentence(cli("upcoming", "--days", days))
    assert "The number of days must be from 0 to 3,660" in line


def test_numbers_in_other_digits_are_bad_usage(cli) -> None:
    result = cli("upcoming", "--days", "٦٠")
    assert result.returncode == 2 and "written with 0-9" in result.stderr
    result = cli("letters", "show", "١")
    assert result.returncode == 2 and "written with 0-9" in result.stderr


def test_no_command_writes_into_a_folder_it_may_not_write(archive_path: Path, tmp_path: Path) -> None:
    prefix = _without_root_powers()
    cli_result = _run(archive_path, "letters", "show", "1", "--json", prefix=prefix)
    letter = cli_result.json()
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        for name, command in {**_writers(letter), "speak": ["letters", "speak", "1"]}.items():
            suffix = {"json": ".json", "csv": ".csv", "vcf": ".vcf", "backup": ".sqlite3", "speak": ".wav"}.get(
                name, ".pdf"
            )
            target = locked / f"out{suffix}"
            result = _run(archive_path, *command, "--out", str(target), prefix=prefix)
            errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
            assert result.returncode == 1 and len(errors) == 1, (name, result.stderr)
            assert "Permission denied" in errors[0] and str(locked) in errors[0], (name, errors)
            assert "Traceback" not in result.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_an_output_path_under_a_regular_file_is_one_sentence(cli, tmp_path: Path) -> None:
    letter = _letter(cli)
    plain = tmp_path / "notes.txt"
    plain.write_text("mine")
    for name, command in _writers(letter).items():
        out = plain / ("sub" if name == "merge" else "sub" / Path(f"x.{name}"))
        line = [line for line in cli(*command, "--out", str(out)).stderr.splitlines() if ": warning: " not in line]
        assert len(line) == 1 and f"{plain} is a file, not a folder" in line[0], (name, line)
    assert plain.read_text() == "mine"


def test_a_restore_from_an_unreadable_backup_changes_nothing(archive_path: Path, tmp_path: Path) -> None:
    prefix = _without_root_powers()
    backup = tmp_path / "backup.sqlite3"
    assert _run(archive_path, "backup", "--out", str(backup)).returncode == 0
    backup.chmod(0)
    before = dump(archive_path)
    result = _run(archive_path, "restore", str(backup), prefix=prefix)
    line = _one_sentence(result)
    assert line == f"beautifulletters: {backup} cannot be read (permission denied)."
    assert dump(archive_path) == before
    folder = _one_sentence(_run(archive_path, "restore", str(tmp_path)))
    assert folder == f"beautifulletters: {tmp_path} is a folder, not a backup; give a file."


@pytest.mark.parametrize(
    "command",
    [
        ("people", "add", "Ann", "--photo", "{}"),
        ("people", "edit", "3", "--photo", "{}"),
        ("import", "{}"),
        ("letters", "draft", "--to", "3", "--template", "{}"),
        ("spell", "{}"),
        ("restore", "{}"),
    ],
)
def test_devices_fifos_folders_and_huge_files_are_refused_before_reading(
    cli, archive_path: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.bin"
    with open(huge, "wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: larger than every limit, and never read
    before = dump(archive_path)
    for path, said in (("/dev/zero", "is a device"), (str(fifo), "is a pipe (FIFO)"), (str(tmp_path), "is a folder")):
        line = _one_sentence(cli(*(part.format(path) for part in command), timeout=60))
        assert f"{path} {said}, not " in line, line
    if command[0] != "restore":
        line = _one_sentence(cli(*(part.format(huge) for part in command), timeout=60))
        assert f"{huge} is 2 GB; " in line and "may be at most" in line
    assert dump(archive_path) == before


def test_a_photo_must_be_an_image(cli, archive_path: Path, tmp_path: Path) -> None:
    before = dump(archive_path)
    for name, data in (("letter.txt", b"Dear Ann,\n"), ("half.png", b"\x89PNG\r\n\x1a\n\x00\x00"), ("empty.jpg", b"")):
        path = tmp_path / name
        path.write_bytes(data)
        line = _one_sentence(cli("people", "add", "Ann", "--photo", str(path)))
        assert line.startswith(f"beautifulletters: {path} is not a photo: ")
    assert dump(archive_path) == before
