"""What a login reminder says: the occasions coming up, soonest first, as one notification's words.

The window is closed most of the time; an autostart entry (see desktop.install_autostart, switched
on in Preferences) runs `beautifulletters remind` at login, which shows these words through the
desktop's notification service (ui/notifications.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from beautifulletters import words
from beautifulletters.records import UpcomingDate

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

MOST_LINES = 6  # a notification shows a few lines; the rest are counted


@dataclass(frozen=True)
class Reminder:
    summary: str
    body: str
    count: int


def _when(days_until: int) -> str:
    return {0: "today", 1: "tomorrow"}.get(days_until, f"in {days_until} days")


def _what(item: UpcomingDate) -> str:
    if item.kind == "remembrance":  # the day they died
        return f"{item.years} years since they died" if item.years else "the day they died"
    what = item.label or item.kind
    if item.in_memory:  # someone who died: a day to remember, never "birthday (80)" as if to celebrate
        return f"{what}, would have been {item.years}" if item.years else f"{what}, in memory"
    if item.years and item.kind in ("birthday", "anniversary"):
        what += f" ({item.years})"
    return str(what)


def reminder_for(archive: Archive, *, days: int, today: dt.date | None = None) -> Reminder | None:
    """The occasions within `days` days (the sample correspondence left out), or None when there are none."""
    items = archive.dates.upcoming(days=days, today=today)
    samples = {row.id for row in archive.people.rows(list({i.person_id for i in items})).values() if row.is_sample}
    items = [item for item in items if item.person_id not in samples]
    if not items:
        return None
    lines = [f"{item.person_name}: {_what(item)}, {_when(item.days_until)}" for item in items[:MOST_LINES]]
    if len(items) > MOST_LINES:
        lines.append(f"and {words.count(len(items) - MOST_LINES, 'more date')}")
    summary = "A letter to write" if len(items) == 1 else f"{words.count(len(items), 'letter')} to write"
    return Reminder(summary, "\n".join(lines), len(items))
