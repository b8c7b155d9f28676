"""Creation is deliberate: `init` makes an archive; adding commands may make one where its folder is;
commands that only read or check never make one, nor any folder, and say that no archive is there."""

from __future__ import annotations

from pathlib import Path

import pytest

MISSING = "There is no archive at {path}; create one with `beautifulletters init`."

READING = [
    ("check",),
    ("people", "list"),
    ("people", "show", "1"),
    ("letters", "list"),
    ("letters", "show", "1"),
    ("letters", "search", "anniversary"),
    ("upcoming",),
    ("export", "--format", "json", "--out", "{out}"),
    ("backup",),
    ("restore", "--newest-good"),
]


def _names(cli, path: Path) -> list[str]:
    return [p["display_name"] for p in cli("people", "list", "--json", archive=path).json()]


def test_init_makes_an_archive_with_the_sample_or_without(cli, tmp_path):
    sample = tmp_path / "letters" / "sample.sqlite3"  # init makes its folder: it is asked for
    made = cli("init", archive=sample)
    assert made.returncode == 0, made.stderr
    assert f"Created a new archive at {sample}" in made.stdout
    assert {"Chris Mercer", "Loretta Mercer"} <= set(_names(cli, sample))
    empty = tmp_path / "empty.sqlite3"
    result = cli("init", "--no-sample", "--json", archive=empty)
    assert result.json() == {"path": str(empty), "sample": False, "people": 1}
    assert len(_names(cli, empty)) == 1  # only the user's own record


def test_init_never_touches_what_is_already_there(cli, tmp_path):
    path = tmp_path / "mine.sqlite3"
    assert cli("init", archive=path).returncode == 0
    before = path.read_bytes()
    again = cli("init", "--no-sample", archive=path)
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1
    assert "already exists; nothing was changed" in again.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(c[:2]))
def test_reading_commands_make_nothing_and_say_no_archive_is_there(cli, tmp_path, command):
    mistyped = tmp_path / "Archvie" / "letters.sqlite3"
    args = [part.format(out=tmp_path / "out.json") for part in command]
    result = cli(*args, archive=mistyped)
    assert result.returncode == 1, result.stdout
    assert result.stderr.strip() == "beautifulletters: " + MISSING.format(path=mistyped)
    assert not mistyped.parent.exists()  # no folder either
    beside = tmp_path / "beside.sqlite3"  # a file missing in a folder that exists: still nothing made
    assert cli(*args, archive=beside).returncode == 1
    assert not beside.exists() and not (tmp_path / "out.json").exists()


def test_an_adding_command_makes_the_archive_where_its_folder_is_and_says_so(cli, tmp_path):
    path = tmp_path / "new.sqlite3"
    result = cli("people", "add", "Mum", archive=path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == (
        f"beautifulletters: made a new archive at {path}, with the sample correspondence"
        " (`beautifulletters sample remove` takes it out)."
    )
    assert "Mum" in _names(cli, path)
    second = cli("people", "add", "Dad", archive=path)
    assert second.returncode == 0 and second.stderr == ""  # said once, when it was made


def test_a_mistyped_folder_makes_nothing_even_for_an_adding_command(cli, tmp_path):
    path = tmp_path / "Documnets" / "letters.sqlite3"
    for command in (("people", "add", "Mum"), ("notes", "add", "1", "hello"), ("import", "nothing.vcf")):
        result = cli(*command, archive=path)
        assert result.returncode == 1
        assert result.stderr.strip() == "beautifulletters: " + MISSING.format(path=path)
    assert not path.parent.exists()


def test_an_empty_file_is_said_as_such_and_never_reseeded(cli, tmp_path):
    path = tmp_path / "letters.sqlite3"
    path.write_bytes(b"")
    for command in (("people", "list"), ("people", "add", "Mum"), ("check",), ("init",)):
        result = cli(*command, archive=path)
        assert result.returncode == 1, command
        assert "is an empty file (0 bytes), not an archive; it was left as it is" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "letters.sqlite3"]


def test_a_dry_run_makes_nothing_and_shows_what_a_new_archive_would_get(cli, tmp_path):
    contacts = tmp_path / "cards.vcf"
    contacts.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ines Duarte\nEND:VCARD\n", encoding="utf-8")
    path = tmp_path / "new.sqlite3"
    dry = cli("import", str(contacts), "--dry-run", archive=path)
    assert dry.returncode == 0, dry.stderr
    assert "Ines Duarte" in dry.stdout or "1" in dry.stdout
    assert f"there is no archive at {path} yet" in dry.stderr
    assert not [made for made in tmp_path.iterdir() if made.name.startswith("new.sqlite3")]
    mistyped = tmp_path / "Archvie" / "letters.sqlite3"  # where the real run would refuse, so does the dry run
    refused = cli("import", str(contacts), "--dry-run", archive=mistyped)
    assert refused.returncode == 1 and MISSING.format(path=mistyped) in refused.stderr
    assert not mistyped.parent.exists()
