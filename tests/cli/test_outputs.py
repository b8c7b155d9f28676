"""Where the command line may write: never over the archive, a link, a device or (without --force) a file;
a full disk leaves the earlier file whole, says so, and marks nothing sent; a batch lands whole or not at all."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from beautifulletters.paths import backups_dir, backups_root


def _letter(cli) -> dict:  # type: ignore[no-untyped-def]
    return cli("letters", "show", "1", "--json").json()


def _writers(letter: dict) -> dict[str, list[str]]:
    """Every command that writes one file, each without its --out."""
    pair = ["--from", str(letter["signer_id"]), "--to", str(letter["recipient_id"])]
    return {
        "json": ["export", "--format", "json"],
        "csv": ["export", "--format", "csv"],
        "vcf": ["export", "--format", "vcf"],
        "txt": ["letters", "export", "1", "--format", "txt"],
        "docx": ["letters", "export", "1", "--format", "docx"],
        "pdf": ["letters", "export", "1", "--format", "pdf"],
        "odt": ["letters", "export", "1", "--format", "odt"],
        "envelope": ["letters", "envelope", "1"],
        "anthology": ["letters", "anthology", *pair],
        "merge": ["merge", "--template", "anniversary", "--ids", str(letter["recipient_id"])],
        "backup": ["backup"],
    }


def test_no_command_writes_over_the_archive_or_its_working_files(cli, archive_path: Path) -> None:
    letter = _letter(cli)
    before = archive_path.read_bytes()[:100]
    wal = archive_path.with_name(archive_path.name + "-wal")
    for name, command in _writers(letter).items():
        target = archive_path if name != "csv" else wal  # the -wal file is refused like the archive
        result = cli(*command, "--out", str(target), "--force")
        assert result.returncode == 1, (name, result.stderr)
        assert "archive itself" in result.stderr and result.stderr.count("\n") == 1, (name, result.stderr)
    assert archive_path.read_bytes()[:100] == before
    assert cli("check").returncode == 0
    assert cli("letters", "show", "1", "--json").json()["body"] == letter["body"]


def test_an_existing_file_is_replaced_only_with_force(cli, tmp_path: Path) -> None:
    existing = tmp_path / "precious.txt"
    existing.write_text("my own words")
    refused = cli("letters", "export", "1", "--format", "txt", "--out", str(existing))
    assert refused.returncode == 1 and "already exists; give --force to replace it" in refused.stderr
    assert existing.read_text() == "my own words"
    replaced = cli("letters", "export", "1", "--format", "txt", "--out", str(existing), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert "Dear" in existing.read_text()


def test_links_devices_and_the_backups_folder_are_never_written(cli, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("kept")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = cli("export", "--format", "json", "--out", str(link), "--force")
    assert result.returncode == 1 and "symbolic link" in result.stderr
    assert link.is_symlink() and real.read_text() == "kept"
    null = cli("export", "--format", "csv", "--out", "/dev/null", "--force")
    assert null.returncode == 1 and "not a regular file" in null.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    inside = backups_root() / "mine.json"
    inside.parent.mkdir(parents=True)
    result = cli("export", "--format", "json", "--out", str(inside))  # the child shares this test's data folder
    assert result.returncode == 1 and "backups folder" in result.stderr
    assert not inside.exists()


def test_backup_out_replaces_only_a_backup(cli, tmp_path: Path, archive_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    assert cli("init", archive=other).returncode == 0  # another archive (a live one, in WAL mode)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE mine (x)")
    for target in (other, foreign):
        before = target.read_bytes()
        result = cli("backup", "--out", str(target))
        assert result.returncode == 1 and "not a backup" in result.stderr and "--force" in result.stderr
        assert target.read_bytes() == before
    backup = tmp_path / "saved.sqlite3"
    assert cli("backup", "--out", str(backup)).returncode == 0
    again = cli("backup", "--out", str(backup))  # a backup may replace an earlier backup
    assert again.returncode == 0, again.stderr
    forced = cli("backup", "--out", str(foreign), "--force")
    assert forced.returncode == 0, forced.stderr


@pytest.mark.parametrize("name", ["pdf", "odt", "envelope", "anthology", "merge", "json", "csv", "backup"])
def test_a_full_disk_leaves_the_earlier_file_and_says_so(cli, small_disk, name: str) -> None:  # type: ignore[no-untyped-def]
    letter = _letter(cli)
    command = _writers(letter)[name]
    suffix = {"json": ".json", "csv": ".csv", "backup": ".sqlite3", "odt": ".odt"}.get(name, ".pdf")
    target = small_disk.path / f"out{suffix}"
    first = cli(*command, "--out", str(target))
    assert first.returncode == 0, first.stderr
    earlier = target.read_bytes()
    letters_before = len(cli("letters", "list", "--json").json())
    small_disk.fill(leave=2048)
    extra = ["--mark-sent"] if name in ("pdf", "odt") else []
    result = cli(*command, "--out", str(target), "--force", *extra)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert len(errors) == 1 and "disk is full" in errors[0], result.stderr
    assert target.read_bytes() == earlier
    assert small_disk.leftovers() == []
    assert len(cli("letters", "list", "--json").json()) == letters_before  # merge stored no drafts
    assert cli("letters", "show", "1", "--json").json()["status"] == letter["status"]  # not marked sent


def test_merge_stores_its_drafts_only_with_its_files(cli, tmp_path: Path) -> None:
    letter = _letter(cli)
    count = len(cli("letters", "list", "--json").json())
    command = ["merge", "--template", "anniversary", "--ids", str(letter["recipient_id"])]
    bad = cli(*command, "--envelopes", "--envelope-size", "B99", "--out", str(tmp_path / "batch.pdf"))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert len(cli("letters", "list", "--json").json()) == count
    assert not (tmp_path / "batch.pdf").exists() and list(tmp_path.glob(".*part")) == []
    good = cli(*command, "--out", str(tmp_path / "batch.pdf"), "--json")
    assert good.returncode == 0, good.stderr
    (made,) = good.json()
    assert made["letter_id"] and made["file"] == str(tmp_path / "batch.pdf")
    assert len(cli("letters", "list", "--json").json()) == count + 1


def test_the_next_start_removes_what_killed_writers_left(cli, archive_path: Path) -> None:
    assert cli("backup").returncode == 0
    folder = backups_dir(archive_path)
    old_style = folder / ".backup-20250101T000000Z.sqlite3.part"  # what a killed backup left before
    journal = folder / ".backup-20250102T000000Z.sqlite3.bl-0123abcd.part-journal"
    export = archive_path.with_name(".everything.json.bl-89abcdef.part")
    mine = archive_path.with_name("notes.part")  # not ours: left alone
    for leftover in (old_style, journal, export, mine):
        leftover.write_bytes(b"\0" * 4096)
        os.utime(leftover, (1, 1))
    listed = cli("backups", "list", "--json").json()
    assert len(listed) == 1
    assert not old_style.exists() and not journal.exists() and not export.exists()
    assert mine.exists()


def test_a_merge_killed_while_writing_leaves_no_drafts_and_a_rerun_does_not_double(cli, archive_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import signal
    import subprocess
    import sys
    import time

    from beautifulletters.archive import Archive

    assert cli("people", "list").returncode == 0  # the archive with its sample
    with Archive.open(archive_path) as archive:
        for number in range(60):
            archive.people.add(display_name=f"Cousin {number:02d}", tags=["kin"])
    count = len(cli("letters", "list", "--json").json())
    out = tmp_path / "kin"
    command = [sys.executable, "-m", "ui", "--archive", str(archive_path), "merge", "--template", "birthday"]
    command += ["--tag", "kin", "--out", str(out)]
    merging = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (out.is_dir() and any(p.name.endswith(".part") for p in out.iterdir())):  # painting has begun
        assert merging.poll() is None and time.monotonic() < deadline, "merge ended before it could be killed"
        time.sleep(0.01)
    merging.send_signal(signal.SIGKILL)
    merging.wait()
    assert len(cli("letters", "list", "--json").json()) == count
    assert not any(p.suffix == ".pdf" for p in out.iterdir())
    time.sleep(2.1)  # a temporary file is taken for a leftover only once it is a little old
    rerun = cli("merge", "--template", "birthday", "--tag", "kin", "--out", str(out))
    assert rerun.returncode == 0, rerun.stderr
    assert len(cli("letters", "list", "--json").json()) == count + 60
    assert sorted(p.name for p in out.iterdir()) == sorted(f"Cousin {n:02d}.pdf" for n in range(60))
