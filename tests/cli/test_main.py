"""Every foundation command through the real `beautifulletters` process, on a real archive file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest


def test_people_add_list_show_edit_remove(cli) -> None:
    added = cli(
        "people",
        "add",
        "Ruth Okafor",
        "--nickname",
        "Ru",
        "--pronouns",
        "they",
        "--birthday",
        "--06-15",
        "--email",
        "ruth@example.org",
        "--address",
        "5 Elm Row\nLeeds\nUK",
        "--tag",
        "friends",
        "--tag",
        "book club",
    )
    assert added.returncode == 0, added.stderr
    ruth = int(added.stdout.strip())

    listed = cli("people", "list", "--json").json()
    assert ruth in [p["id"] for p in listed]
    assert all("id" in p for p in listed)

    shown = cli("people", "show", str(ruth), "--json").json()
    assert shown["display_name"] == "Ruth Okafor"
    assert shown["nickname"] == "Ru"
    assert shown["pronouns"] == "they"
    assert shown["birthday"] == "--06-15"
    assert shown["emails"] == ["ruth@example.org"]
    assert shown["addresses"] == ["5 Elm Row\nLeeds\nUK"]
    assert shown["tags"] == ["book club", "friends"]
    for field in ("full_name", "phones", "language", "photo", "notes", "pronunciation", "created_at"):
        assert field in shown

    assert cli("people", "list", "--tag", "book club", "--json").json()[0]["id"] == ruth
    assert [p["id"] for p in cli("people", "list", "--search", "Okaf", "--json").json()] == [ruth]
    human = cli("people", "list", "--search", "ru")
    assert "Ruth Okafor" in human.stdout

    edited = cli("people", "edit", str(ruth), "--nickname", "Roo", "--birthday", "1990-06-15", "--json")
    assert edited.returncode == 0, edited.stderr
    assert edited.json()["nickname"] == "Roo"
    assert cli("people", "show", str(ruth), "--json").json()["birthday"] == "1990-06-15"
    assert "Roo" in cli("people", "show", str(ruth)).stdout

    removed = cli("people", "remove", str(ruth))
    assert removed.returncode == 0
    gone = cli("people", "show", str(ruth))
    assert gone.returncode == 1
    assert f"no person with id {ruth}" in gone.stderr


def test_people_add_json_prints_record(cli) -> None:
    result = cli("people", "add", "Ada", "--json")
    record = result.json()
    assert record["display_name"] == "Ada" and isinstance(record["id"], int)


def test_notes_relationship_dates_upcoming(cli) -> None:
    me = cli("signer", "show", "--json").json()["id"]
    sam = int(cli("people", "add", "Sam").stdout)
    rel = cli(
        "relationship",
        "set",
        str(me),
        str(sam),
        "--kind",
        "old friend",
        "--since",
        "1998-09-01",
        "--how-we-met",
        "first day of university",
        "--pet-name",
        "Sammy",
        "--json",
    )
    assert rel.returncode == 0, rel.stderr
    assert rel.json()["pet_names"] == ["Sammy"]
    assert cli("relationship", "show", str(me), str(sam), "--json").json()["kind"] == "old friend"
    ended = ("--kind", "old friend", "--signs-as", "Bean", "--ended-on", "2019", "--end-kind", "estrangement")
    assert cli("relationship", "set", str(me), str(sam), *ended).returncode == 0
    shown = cli("relationship", "show", str(me), str(sam)).stdout
    for line in ("Signs as: Bean", "Ended: 2019", "How it ended: estrangement"):
        assert line in shown, shown
    cleared = ("--kind", "old friend", "--signs-as", "", "--ended-on", "", "--end-kind", "")
    assert cli("relationship", "set", str(me), str(sam), *cleared).returncode == 0
    assert "Ended" not in cli("relationship", "show", str(me), str(sam)).stdout

    note = cli(
        "notes", "add", str(sam), "the night the tent blew away", "--tag", "memory", "--about-relationship", str(me)
    )
    assert note.returncode == 0, note.stderr
    notes = cli("notes", "list", str(sam), "--json").json()
    assert notes[0]["id"] == int(note.stdout) and notes[0]["tag"] == "memory"

    date = cli("dates", "add", str(sam), "--kind", "custom", "--date", "--01-01", "--label", "New Year call")
    assert date.returncode == 0, date.stderr
    upcoming = cli("upcoming", "--days", "366", "--json").json()
    assert any(item["person_id"] == sam and item["label"] == "New Year call" for item in upcoming)
    assert "New Year call" in cli("upcoming", "--days", "366").stdout


def test_letters_list_show_search(cli) -> None:
    letters = cli("letters", "list", "--json").json()
    assert len(letters) == 2 and all("id" in letter for letter in letters)
    loretta = letters[0]["recipient_id"]
    assert len(cli("letters", "list", "--to", str(loretta), "--json").json()) == 2
    shown = cli("letters", "show", str(letters[0]["id"]), "--json").json()
    assert shown["status"] == "sent" and shown["body"]
    hits = cli("letters", "search", "Grand Canyon", "--json").json()
    assert [h["id"] for h in hits] and all("Canyon" in cli("letters", "show", str(h["id"])).stdout for h in hits)
    assert cli("letters", "search", "zebra-unicorn", "--json").json() == []


def test_check_and_sample_remove(cli) -> None:
    report = cli("check", "--json")
    assert report.returncode == 0
    assert report.json()["ok"] is True
    assert "Integrity: ok" in cli("check").stdout
    assert cli("sample", "remove").returncode == 0
    assert cli("people", "list", "--tag", "sample", "--json").json() == []
    assert cli("letters", "list", "--json").json() == []


def test_archive_from_environment_variable(cli, tmp_path: Path) -> None:
    other = tmp_path / "from-env.sqlite3"
    result = cli("people", "add", "Env Person", archive=None, env={"BEAUTIFULLETTERS_ARCHIVE": str(other)})
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(other)
    assert conn.execute("SELECT count(*) FROM people WHERE display_name = 'Env Person'").fetchone()[0] == 1
    conn.close()


def test_default_archive_in_user_data_dir(cli, isolated_user_dirs: Path) -> None:
    result = cli("people", "add", "Default Person", archive=None)
    assert result.returncode == 0, result.stderr
    assert (isolated_user_dirs / "data" / "BeautifulLetters" / "archive.sqlite3").exists()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("people", "add", ""), "name: must not be empty"),
        (("people", "add", "X", "--birthday", "2023-02-30"), "birthday: 2023-02-30 is not a real date"),
        (("people", "add", "X", "--pronouns", "it"), "pronouns"),
        (("people", "show", "999"), "no person with id 999"),
        (("people", "edit", "999", "--nickname", "x"), "no person with id 999"),
        (("people", "remove", "999"), "no person with id 999"),
        (("notes", "add", "999", "hello"), "no person with id 999"),
        (("relationship", "set", "1", "999", "--kind", "friend"), "no person with id 999"),
        (("dates", "add", "1", "--kind", "birthday", "--date", "2023-02-30"), "date: 2023-02-30"),
        (("letters", "show", "999"), "no letter with id 999"),
        (("letters", "list", "--to", "999"), "no person with id 999"),
    ],
)
def test_bad_input_exits_1_with_one_sentence_and_leaves_archive(cli, archive_path: Path, args, message) -> None:
    cli("people", "list")  # create the archive first
    before = _dump(archive_path)
    result = cli(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _dump(archive_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ("people",),
        ("people", "show", "abc"),
        ("people", "add"),
        ("relationship", "set", "1", "2"),
        ("frobnicate",),
        ("people", "edit", "1"),
    ],
)
def test_bad_usage_exits_2(cli, args) -> None:
    result = cli(*args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr


def test_directory_and_foreign_files(cli, tmp_path: Path) -> None:
    folder = cli("people", "list", archive=tmp_path)
    assert folder.returncode == 1 and "is a folder" in folder.stderr
    text_file = tmp_path / "shopping.txt"
    text_file.write_text("eggs\n")
    foreign = cli("people", "list", archive=text_file)
    assert foreign.returncode == 1 and "not a BeautifulLetters archive" in foreign.stderr
    assert text_file.read_text() == "eggs\n"


def _run_as_nobody_available() -> bool:
    return os.geteuid() == 0 and subprocess.run(["which", "setpriv"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _run_as_nobody_available(), reason="needs root and setpriv to act as an ordinary user")
def test_read_only_archive(cli) -> None:
    # Root ignores file permissions, so the commands run as the unprivileged user `nobody`, in a
    # folder of its own outside pytest's private temporary tree.
    import shutil
    import sys
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="bl-readonly-"))
    try:
        os.chmod(base, 0o755)
        folder = base / "ro"
        folder.mkdir()
        path = folder / "letters.sqlite3"
        assert cli("init", archive=path).returncode == 0
        os.chmod(path, 0o444)
        os.chmod(folder, 0o555)
        before = path.read_bytes()
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "ui"]
        repo = Path(__file__).resolve().parents[2]
        env = {**os.environ, "HOME": str(base)}

        added = subprocess.run(
            [*as_nobody, "people", "add", "Nope", "--archive", str(path)],
            capture_output=True,
            text=True,
            cwd=repo,
            env=env,
        )
        assert added.returncode == 1, added.stderr
        assert "read-only" in added.stderr and "Traceback" not in added.stderr

        listed = subprocess.run(
            [*as_nobody, "people", "list", "--archive", str(path)], capture_output=True, text=True, cwd=repo, env=env
        )
        assert listed.returncode == 0, listed.stderr
        assert "Loretta" in listed.stdout
        assert path.read_bytes() == before
    finally:
        os.chmod(base / "ro", 0o755)
        shutil.rmtree(base)


def test_window_without_display_says_so(cli) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "ui"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "no display is available" in result.stderr


def test_hostile_names_round_trip_through_cli(cli) -> None:
    for name in ["Robert'); DROP TABLE people;--", "<b>Sam</b>", "{{ 7*7 }}", "*Sam*", "שׂרה", "王小明 🎉", "e\u0301"]:
        person_id = cli("people", "add", name).stdout.strip()
        assert cli("people", "show", person_id, "--json").json()["display_name"] == name
