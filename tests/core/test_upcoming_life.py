"""Coming up respects life: an ended relationship's anniversary is no occasion, and the days of
someone who died are offered as days to remember, never as a celebration."""

from __future__ import annotations

import datetime as dt

from beautifulletters import drafting, words
from beautifulletters.reminders import reminder_for

TODAY = dt.date(2026, 12, 3)


def _in(days: int, years_ago: int) -> str:
    day = TODAY + dt.timedelta(days=days)
    return day.replace(year=day.year - years_ago).isoformat()


def _couple(archive, **fields):
    me = archive.settings.default_signer_id()
    loretta = archive.people.add(display_name="Loretta Mercer")
    archive.relationships.set(me, loretta, kind="wife", since=_in(21, 50), **fields)
    archive.dates.add(loretta, kind="anniversary", date=_in(21, 50), label="Wedding anniversary", relationship_from=me)
    return loretta


def test_an_anniversary_of_a_relationship_that_ended_is_not_coming_up(empty_archive) -> None:
    loretta = _couple(empty_archive, ended_on="2020-03-01", end_kind="divorce")
    assert empty_archive.dates.upcoming(days=60, today=TODAY) == []
    assert reminder_for(empty_archive, days=60, today=TODAY) is None
    (date,) = empty_archive.dates.for_person(loretta)  # the date itself stays in the archive
    assert date.label == "Wedding anniversary"


def test_an_anniversary_not_tied_to_the_relationship_goes_too_when_it_ended(empty_archive) -> None:
    me = empty_archive.settings.default_signer_id()
    loretta = empty_archive.people.add(display_name="Loretta Mercer")
    empty_archive.relationships.set(me, loretta, kind="wife", end_kind="separation")
    empty_archive.dates.add(loretta, kind="anniversary", date=_in(21, 50), label="Wedding anniversary")
    assert empty_archive.dates.upcoming(days=60, today=TODAY) == []


def test_an_ongoing_marriage_is_still_celebrated(empty_archive) -> None:
    _couple(empty_archive)
    (item,) = empty_archive.dates.upcoming(days=60, today=TODAY)
    assert item.years == 50 and not item.in_memory
    assert drafting.template_for_occasion(item.kind, in_memory=item.in_memory) == "anniversary"


def test_someone_who_died_is_remembered_not_celebrated(empty_archive) -> None:
    frank = empty_archive.people.add(display_name="Frank", birthday=_in(5, 80), died_on=_in(10, 2))
    items = empty_archive.dates.upcoming(days=60, today=TODAY)
    assert [(i.kind, i.years, i.in_memory) for i in items] == [("birthday", 80, True), ("remembrance", 2, True)]
    assert all(i.person_id == frank for i in items)
    assert [words.remembered(i) for i in items] == ["would have been 80", "2 years since they died"]
    assert {drafting.template_for_occasion(i.kind, in_memory=i.in_memory) for i in items} == {"to-someone-gone"}
    reminder = reminder_for(empty_archive, days=60, today=TODAY)
    assert reminder is not None
    assert reminder.body.split("\n") == [
        "Frank: birthday, would have been 80, in 5 days",
        "Frank: 2 years since they died, in 10 days",
    ]


def test_an_anniversary_with_someone_who_died_would_have_been(empty_archive) -> None:
    loretta = _couple(empty_archive)
    empty_archive.people.update(loretta, died_on="2024-06-01")
    (item,) = empty_archive.dates.upcoming(days=60, today=TODAY)
    assert item.in_memory and item.years == 50
    assert words.remembered(item) == "Wedding anniversary, would have been 50 years"
    assert "50th" not in words.remembered(item)


def test_important_dates_count_no_years_once_ended_or_gone(empty_archive) -> None:
    from beautifulletters.dates import counts_years

    loretta = _couple(empty_archive, end_kind="divorce")
    frank = empty_archive.people.add(display_name="Frank", died_on="2024-06-01")
    me = empty_archive.settings.default_signer_id()
    empty_archive.relationships.set(me, frank, kind="husband")
    empty_archive.dates.add(frank, kind="anniversary", date="1976-12-24", label="Wedding anniversary")
    ann = empty_archive.people.add(display_name="Ann")
    empty_archive.relationships.set(me, ann, kind="wife")
    empty_archive.dates.add(ann, kind="anniversary", date="1976-12-24")

    def counted(person_id: int) -> bool:
        (date,) = empty_archive.dates.for_person(person_id)
        person = empty_archive.people.get(person_id)
        return counts_years(date, person, empty_archive.relationships.for_person(person_id))

    assert (counted(loretta), counted(frank), counted(ann)) == (False, False, True)
