"""The reminder's words: what a login notification says about the occasions coming up."""

from __future__ import annotations

import datetime as dt

from beautifulletters.reminders import reminder_for


def soon(days: int) -> str:
    day = dt.date.today() + dt.timedelta(days=days)
    return f"--{day:%m-%d}"


def test_reminder_words_count_and_cut_long_lists(empty_archive) -> None:
    for number in range(8):
        empty_archive.people.add(display_name=f"Friend {number}", birthday=soon(number))
    reminder = reminder_for(empty_archive, days=10)
    assert reminder is not None and reminder.count == 8
    assert reminder.summary == "8 letters to write"
    lines = reminder.body.split("\n")
    assert lines[0] == "Friend 0: birthday, today" and lines[-1] == "and 2 more dates"
