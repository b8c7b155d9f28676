"""The date a letter bears from the command line (`letters draft`, `letters edit --dated`, --json),
and `templates check` of one's own template file without an archive."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from beautifulletters.archive import Archive


def test_a_draft_for_an_occasion_ahead_is_dated_on_it_and_the_date_can_be_changed(cli, archive_path: Path) -> None:
    ahead = (dt.date.today() + dt.timedelta(days=17)).isoformat()
    drafted = cli("letters", "draft", "--to", "3", "--template", "anniversary", "--occasion-date", ahead, "--quiet")
    assert drafted.returncode == 0, drafted.stderr
    letter_id = drafted.stdout.strip()
    assert cli("letters", "show", letter_id, "--json").json()["dated"] == ahead
    shown = cli("letters", "show", letter_id)
    assert shown.returncode == 0 and shown.stdout.splitlines()[1].startswith("Dated ")

    changed = cli("letters", "edit", letter_id, "--dated", "2026-12-19", "--json")
    assert changed.returncode == 0, changed.stderr
    assert changed.json()["dated"] == "2026-12-19" and changed.json()["id"] == int(letter_id)
    said = cli("letters", "edit", letter_id, "--dated", "auto")
    assert said.returncode == 0 and said.stdout == "" and "is dated" in said.stderr
    with Archive.open(archive_path) as archive:
        assert archive.letters.get(int(letter_id)).dated == ahead


def test_bad_dates_a_sent_letter_and_nothing_to_change_are_refused(cli) -> None:
    plain = cli("letters", "draft", "--to", "3", "--template", "birthday", "--quiet").stdout.strip()
    bad = cli("letters", "edit", plain, "--dated", "31 Febuary")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    assert cli("letters", "edit", plain).returncode == 2
    assert cli("letters", "edit", "99999", "--dated", "2026-12-20").returncode == 1
    assert cli("letters", "status", plain, "sent", "--sent-on", "2026-12-04").returncode == 0
    sealed = cli("letters", "edit", plain, "--dated", "2026-12-20")
    assert sealed.returncode == 1 and "keeps the date" in sealed.stderr


def test_templates_check_needs_no_archive(cli, tmp_path: Path) -> None:
    mine = tmp_path / "mine.j2"
    mine.write_text(
        "Dear {{ recipient.name }},\n\nThinking of you this week, and of the garden.\n\nWith love,\n", encoding="utf-8"
    )
    missing = tmp_path / "nowhere" / "letters.sqlite3"
    alone = cli("templates", "check", str(mine), "--json", archive=None, env={"BEAUTIFULLETTERS_ARCHIVE": str(missing)})
    assert alone.returncode == 0, alone.stderr
    assert len(alone.stderr.strip().splitlines()) == 1 and "built-in sample people" in alone.stderr
    with_archive = cli("templates", "check", str(mine), "--json")
    assert with_archive.returncode == 0 and with_archive.stderr == ""
    assert json.loads(alone.stdout) == with_archive.json()
    assert not missing.exists() and not missing.parent.exists(), "checking makes no archive"

    broken = tmp_path / "broken.j2"
    broken.write_text("Dear {{ recipient.name }},\n\n{% for x in memories %}\n", encoding="utf-8")
    result = cli("templates", "check", str(broken), archive=missing)
    assert result.returncode == 1 and "broken.j2, line 3" in result.stderr
    assert "built-in sample people" in result.stderr
