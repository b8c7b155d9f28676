"""Which letter a New letter starts on: the nearest occasion, what the pair last wrote, then closeness."""

from __future__ import annotations

import datetime as dt

from beautifulletters.drafting.suggest import existing_draft, suggest_template

TODAY = dt.date(2026, 12, 2)


def test_nearest_occasion_then_last_used_then_closeness(empty_archive) -> None:
    me = empty_archive.settings.default_signer_id()
    wife = empty_archive.people.add(display_name="Ada Park", birthday="1960-12-20")
    empty_archive.relationships.set(me, wife, kind="wife", since="1990-01-05")
    empty_archive.dates.add(wife, kind="anniversary", date="1990-12-10")
    first = suggest_template(empty_archive, wife, today=TODAY)
    assert (first.template, first.occasion_date) == ("anniversary", "2026-12-10")
    later = suggest_template(empty_archive, wife, today=dt.date(2026, 12, 15))
    assert (later.template, later.occasion_date) == ("birthday", "2026-12-20")
    quiet = suggest_template(empty_archive, wife, today=dt.date(2027, 3, 1))
    assert quiet.template != "thinking-of-you" and quiet.occasion_date is None
    assert quiet.template in ("love-letter", "just-because")
    empty_archive.letters.create(signer_id=me, recipient_id=wife, body="Dear Ada,", template="apology")
    assert suggest_template(empty_archive, wife, today=dt.date(2027, 3, 1)).template == "apology"


def test_the_draft_begun_for_an_occasion_is_found(empty_archive) -> None:
    me = empty_archive.settings.default_signer_id()
    friend = empty_archive.people.add(display_name="Bo Lind")
    assert existing_draft(empty_archive, friend, "birthday", "2026-12-20") is None
    letter = empty_archive.letters.create(
        signer_id=me, recipient_id=friend, body="Dear Bo,", template="birthday", occasion_date="2026-12-20"
    )
    assert existing_draft(empty_archive, friend, "birthday", "2026-12-20") == letter
    assert existing_draft(empty_archive, friend, "birthday", "2027-12-20") is None
