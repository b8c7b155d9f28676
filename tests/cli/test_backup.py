"""`beautifulletters backup`, `backups list` and `restore` through the real command."""

from __future__ import annotations

from pathlib import Path


def _names(cli) -> set[str]:
    return {p["display_name"] for p in cli("people", "list", "--json").json()}


def test_backup_then_restore(cli, tmp_path, archive_path):
    out = tmp_path / "saved.sqlite3"
    result = cli("backup", "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert result.json()["path"] == str(out) and out.exists()
    assert cli("people", "add", "After The Backup").returncode == 0
    restored = cli("restore", str(out), "--json")
    assert restored.returncode == 0, restored.stderr
    aside = Path(restored.json()["kept_aside"])
    assert aside.exists() and aside.parent == archive_path.parent
    assert "After The Backup" not in _names(cli)
    assert cli("check").returncode == 0


def test_rolling_set_listed(cli):
    assert cli("backups", "list").stdout.startswith("There are no backups")
    made = cli("backup", "--json").json()
    listed = cli("backups", "list", "--json").json()
    assert [entry["path"] for entry in listed] == [made["path"]]
    assert made["path"] in cli("backups", "list").stdout


def test_restore_errors(cli, tmp_path):
    assert cli("restore").returncode == 2  # neither FILE nor --newest-good
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello")
    result = cli("restore", str(bogus))
    assert result.returncode == 1 and "not a BeautifulLetters archive" in result.stderr
    assert "Chris Mercer" in _names(cli)
    missing = cli("restore", "--newest-good")
    assert missing.returncode == 1 and "no good backup" in missing.stderr


def test_restore_reaches_a_damaged_archive(cli, archive_path):
    assert cli("backup").returncode == 0
    data = bytearray(archive_path.read_bytes())
    for offset in range(4096 * 2, min(len(data), 4096 * 8), 7):
        data[offset] = 0xAB
    archive_path.write_bytes(bytes(data))
    result = cli("restore", "--newest-good")
    assert result.returncode == 0, result.stderr
    assert "damaged" in result.stdout and "Chris Mercer" in _names(cli)
