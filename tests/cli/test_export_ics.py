"""`export --format ics` through the real command in a child process, read back with icalendar."""

from __future__ import annotations

import datetime as dt

import icalendar


def _events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_export_ics_on_the_command_line(cli, tmp_path):
    out = tmp_path / "dates.ics"
    people = cli("people", "add", "Ada", "--birthday", "--12-10")
    assert people.returncode == 0, people.stderr
    result = cli("export", "--format", "ics", "--out", str(out), "--remind-days", "10")
    assert result.returncode == 0, result.stderr
    assert "Wrote 1 date (calendar event) to" in result.stdout
    (event,) = _events(out).values()
    assert event.walk("VALARM")[0].decoded("TRIGGER") == -dt.timedelta(days=10)
    bad = cli("export", "--format", "ics", "--out", str(tmp_path / "other.ics"), "--remind-days", "-3")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "remind-days" in bad.stderr
    wrong = cli("export", "--format", "json", "--out", str(tmp_path / "a.json"), "--remind-days", "3")
    assert wrong.returncode == 2
