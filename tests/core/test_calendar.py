"""The calendar feed (`export --format ics`), read back with the independent `icalendar` library."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from dateutil.rrule import rrulestr

from beautifulletters.transfer.exporter import export_archive


def _events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def _occurrences(event, first_year: int, last_year: int) -> list[dt.date]:
    start = event.decoded("DTSTART")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
    window = rule.between(dt.datetime(first_year, 1, 1), dt.datetime(last_year, 12, 31), inc=True)
    return [moment.date() for moment in window]


@pytest.fixture
def dated(empty_archive):
    a = empty_archive
    ludwig = a.people.add(display_name="Ludwig van Beethoven", birthday="1770-12-16")
    leap = a.people.add(display_name="Rosa Leap", birthday="--02-29")
    nan = a.people.add(display_name="Nan; the, \\ kind", birthday="--04-03")
    a.relationships.set(a.settings.default_signer_id(), leap, kind="wife")
    a.dates.add(leap, kind="anniversary", date="1976-06-12", label="Wedding anniversary")
    a.dates.add(nan, kind="custom", date="2031-09-01", label="Moves to Lisbon", yearly=False)
    return a, {"ludwig": ludwig, "leap": leap, "nan": nan}


def test_every_birthday_and_date_is_a_yearly_all_day_event_with_a_post_by_alarm(dated, tmp_path):
    archive, _ids = dated
    out = tmp_path / "occasions.ics"
    assert export_archive(archive, "ics", out) == {"events": 5}
    events = _events(out)
    assert set(events) == {
        "Ludwig van Beethoven’s birthday",
        "Rosa Leap’s birthday",
        "Rosa Leap: Wedding anniversary",
        "Nan; the, \\ kind’s birthday",
        "Nan; the, \\ kind: Moves to Lisbon",
    }
    ludwig = events["Ludwig van Beethoven’s birthday"]
    assert ludwig.decoded("DTSTART") == dt.date(1770, 12, 16)
    assert ludwig.decoded("DTEND") == dt.date(1770, 12, 17)
    assert _occurrences(ludwig, 2027, 2028) == [dt.date(2027, 12, 16), dt.date(2028, 12, 16)]
    for event in events.values():
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0]["ACTION"] == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == -dt.timedelta(days=7)
    assert len({str(event["UID"]) for event in events.values()}) == 5


def test_year_less_dates_and_29_february(dated, tmp_path):
    archive, _ids = dated
    out = tmp_path / "occasions.ics"
    export_archive(archive, "ics", out)
    events = _events(out)
    nan = events["Nan; the, \\ kind’s birthday"]
    assert nan.decoded("DTSTART").year < dt.date.today().year  # year unknown: starts in the past
    assert "year is not known" in str(nan["DESCRIPTION"])
    assert _occurrences(nan, 2030, 2030) == [dt.date(2030, 4, 3)]
    leap = events["Rosa Leap’s birthday"]
    # Every year, on 29 February where there is one and on the 28th where there is not.
    assert _occurrences(leap, 2027, 2029) == [dt.date(2027, 2, 28), dt.date(2028, 2, 29), dt.date(2029, 2, 28)]
    once = events["Nan; the, \\ kind: Moves to Lisbon"]
    assert "RRULE" not in once and once.decoded("DTSTART") == dt.date(2031, 9, 1)


def test_the_alarm_days_are_chosen_and_the_sample_is_left_out(archive, tmp_path):
    loretta = archive.search.people(search="Loretta")[0]
    assert loretta.is_sample
    friend = archive.people.add(display_name="Real Friend", birthday="1990-05-05")
    out = tmp_path / "occasions.ics"
    assert export_archive(archive, "ics", out, remind_days=14) == {"events": 1}
    (event,) = _events(out).values()
    assert str(event["SUMMARY"]) == "Real Friend’s birthday" and friend
    assert event.walk("VALARM")[0].decoded("TRIGGER") == -dt.timedelta(days=14)
    export_archive(archive, "ics", out, remind_days=0)
    (event,) = _events(out).values()
    assert event.walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(0)


def test_long_names_fold_at_75_octets_and_unfold_whole(empty_archive, tmp_path):
    name = "Ἀλέξανδρος " * 12
    empty_archive.people.add(display_name=name.strip(), birthday="1990-01-02")
    out = tmp_path / "occasions.ics"
    export_archive(empty_archive, "ics", out)
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert list(_events(out)) == [f"{name.strip()}’s birthday"]


def test_an_anniversary_of_a_relationship_that_ended_is_no_event(empty_archive, tmp_path):
    me = empty_archive.settings.default_signer_id()
    loretta = empty_archive.people.add(display_name="Loretta Mercer", birthday="1952-03-14")
    empty_archive.relationships.set(me, loretta, kind="wife", ended_on="2019", end_kind="divorce")
    empty_archive.dates.add(
        loretta, kind="anniversary", date="1976-12-24", label="Wedding anniversary", relationship_from=me
    )
    out = tmp_path / "occasions.ics"
    assert export_archive(empty_archive, "ics", out) == {"events": 1}
    assert list(_events(out)) == ["Loretta Mercer’s birthday"]
    assert len(empty_archive.dates.for_person(loretta)) == 1  # the date itself stays
