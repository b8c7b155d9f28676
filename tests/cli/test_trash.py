"""`letters delete ID`, `letters undelete ID`, `letters list --trash`: the contract other checks use."""

from __future__ import annotations


def test_delete_list_and_undelete_from_the_command_line(cli) -> None:
    listed = cli("letters", "list", "--json").json()
    first = listed[0]["id"]
    shown = cli("letters", "show", str(first), "--revisions", "--json").json()
    deleted = cli("letters", "delete", str(first))
    assert deleted.returncode == 0, deleted.stderr
    assert "trash" in deleted.stderr and f"letters undelete {first}" in deleted.stderr
    assert first not in [row["id"] for row in cli("letters", "list", "--json").json()]
    in_trash = cli("letters", "list", "--trash", "--json")
    assert in_trash.returncode == 0 and [row["id"] for row in in_trash.json()] == [first]
    assert "deleted" in cli("letters", "list", "--trash").stdout
    assert cli("letters", "show", str(first)).returncode == 1
    back = cli("letters", "undelete", str(first))
    assert back.returncode == 0, back.stderr
    again = cli("letters", "show", str(first), "--revisions", "--json").json()
    assert again["body"] == shown["body"] and len(again["revisions"]) == len(shown["revisions"])
    assert cli("letters", "list", "--trash", "--json").json() == []
    twice = cli("letters", "undelete", str(first))
    assert twice.returncode == 1 and "trash" in twice.stderr and "Traceback" not in twice.stderr
    missing = cli("letters", "delete", "999")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert cli("letters", "delete", "abc").returncode == 2
