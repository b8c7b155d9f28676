"""`people show` and `upcoming` say dates as people do; their --json keeps ISO."""

from __future__ import annotations

import datetime as dt


def test_people_show_and_upcoming_read_as_people_say_dates(cli) -> None:
    env = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_TIME": ""}
    # The sample couple's wedding day falls three weeks after the day the archive is made.
    day = dt.date.today() + dt.timedelta(days=21)
    said, iso = f"{day.day} {day:%B}", f"1976-{day:%m-%d}"
    shown = cli("people", "show", "3", env=env)
    assert shown.returncode == 0, shown.stderr
    assert "Birthday: 3 April" in shown.stdout
    assert f"since {said} 1976 · " in shown.stdout and f" years on {said}" in shown.stdout
    assert "the latest sent on 28 March" in shown.stdout
    assert "--04-03" not in shown.stdout and iso not in shown.stdout
    upcoming = cli("upcoming", "--days", "366", env=env)
    assert upcoming.returncode == 0, upcoming.stderr
    assert said in upcoming.stdout and "Wedding anniversary" in upcoming.stdout
    assert not any(line[:4].isdigit() for line in upcoming.stdout.splitlines())  # no ISO dates
    assert any(f"in {n} days" in upcoming.stdout for n in range(2, 367))
    as_json = cli("upcoming", "--days", "366", "--json", env=env).json()
    assert isinstance(as_json, list) and dt.date.fromisoformat(as_json[0]["date"])
    american = cli("people", "show", "3", env={"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_TIME": ""})
    assert "Birthday: April 3" in american.stdout


def test_dates_typed_as_people_type_them(cli) -> None:
    added = cli("people", "add", "Ines Duarte", "--birthday", "14 March 1990", "--json")
    assert added.returncode == 0, added.stderr
    ambiguous = cli("people", "add", "Ola Berg", "--birthday", "03/04/1980")
    assert ambiguous.returncode == 1 and "3 April 1980" in ambiguous.stderr and "4 March 1980" in ambiguous.stderr
    assert "Ola Berg" not in cli("people", "list").stdout


def test_people_show_counts_no_years_for_someone_who_died(cli) -> None:
    env = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_TIME": ""}
    added = cli("people", "add", "Frank Hale", "--birthday", "1946-09-14")
    assert added.returncode == 0, added.stderr
    frank = added.stdout.strip().split()[-1]
    assert cli("people", "edit", frank, "--died-on", "2024-06-01").returncode == 0
    assert cli("dates", "add", frank, "--kind", "anniversary", "--date", "1976-12-24").returncode == 0
    shown = cli("people", "show", frank, env=env).stdout
    assert "Birthday: 14 September 1946" in shown and "turns" not in shown and "years on" not in shown, shown
