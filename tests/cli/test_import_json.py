"""`import everything.json` through the real command in a child process."""

from __future__ import annotations

import json


def _without_time_of_export(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "exported_at"}


def test_import_on_the_command_line_into_a_new_archive(cli, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert cli("people", "add", "Ada", "--birthday", "--12-10", "--tag", "maths").returncode == 0
    assert cli("export", "--format", "json", "--out", str(first)).returncode == 0
    new = tmp_path / "new.sqlite3"
    dry = cli("import", str(first), "--dry-run", archive=new)
    assert dry.returncode == 0 and "Would import" in dry.stdout, dry.stderr
    result = cli("import", str(first), archive=new)
    assert result.returncode == 0, result.stderr
    assert "Imported 4 people" in result.stdout
    assert cli("export", "--format", "json", "--out", str(second), archive=new).returncode == 0
    a, b = (json.loads(path.read_text(encoding="utf-8")) for path in (first, second))
    assert _without_time_of_export(a) == _without_time_of_export(b)
    # The archive now holds people of its own: a second import would double them, so it is refused.
    twice = cli("import", str(first), archive=new)
    assert twice.returncode == 1 and "new archive" in twice.stderr and twice.stderr.count("\n") == 1
