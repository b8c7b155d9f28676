"""Dates as people say them and type them, in the user's locale and the letter's language."""

from __future__ import annotations

import datetime as dt

import pytest
from babel import Locale

from beautifulletters import humandates as hd
from beautifulletters import validation
from beautifulletters.errors import ValidationError
from beautifulletters.stationery import resolve_style

TODAY = dt.date(2026, 12, 2)
GB, US, DE = Locale.parse("en_GB"), Locale.parse("en_US"), Locale.parse("de_DE")


def test_shown_as_people_say_them() -> None:
    assert hd.day_month("--04-03", GB) == "3 April" and hd.day_month("--04-03", US) == "April 3"
    assert hd.full_date("1976-12-23", GB) == "23 December 1976"
    assert hd.since("1976-12-23", TODAY, GB) == "23 December 1976 · 50 years on 23 December"
    assert hd.birthday("1951-09-14", TODAY, GB) == "14 September 1951 · turns 76 on 14 September"
    assert hd.birthday("--02-29", TODAY, GB) == "29 February"
    assert hd.sent_on("2026-03-28", TODAY, GB) == "sent on 28 March"
    assert hd.sent_on("2024-03-28", TODAY, GB) == "sent on 28 March 2024"
    assert hd.in_days(18) == "in 18 days" and hd.in_days(0) == "today" and hd.in_days(1) == "tomorrow"
    assert hd.timestamp("2026-12-02T06:31:03", TODAY, GB) == "2 December, 06:31"
    assert hd.day_month("--12-23", DE) == "23. Dezember"


def test_the_user_s_locale_decides_and_c_reads_day_first(monkeypatch) -> None:
    for name in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert hd.day_month("--04-03") == "April 3"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert hd.day_month("--04-03") == "3 April"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert hd.full_date("2026-12-02") == "2. Dezember 2026"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("3 April", "--04-03"),
        ("April 3", "--04-03"),
        ("3rd of April", "--04-03"),
        ("14 March 1990", "1990-03-14"),
        ("March 14, 1990", "1990-03-14"),
        ("14/03/1990", "1990-03-14"),
        ("03/14/1990", "1990-03-14"),
        ("14.03.1990", "1990-03-14"),
        ("3 avril 2020", "2020-04-03"),
        ("14. März 1990", "1990-03-14"),
        ("2 de diciembre de 2026", "2026-12-02"),
        ("29 February", "--02-29"),
    ],
)
def test_typed_as_people_type_them(typed: str, stored: str) -> None:
    assert hd.parse_date(typed, where=GB) == stored
    assert validation.date(typed, "birthday", allow_yearless=True) == stored


def test_an_ambiguous_date_is_asked_about_never_swapped() -> None:
    with pytest.raises(hd.AmbiguousDate) as caught:
        hd.parse_date("03/04/1980", where=GB)
    assert "3 April 1980" in str(caught.value) and "4 March 1980" in str(caught.value)
    assert set(caught.value.readings) == {"1980-04-03", "1980-03-04"}  # for a window to offer both
    with pytest.raises(ValidationError, match="could be"):
        validation.date("03/04/1980", "birthday", allow_yearless=True)
    for nonsense in ("31 February 1990", "3 Apples", "31/31/2000"):
        with pytest.raises(ValidationError):
            validation.date(nonsense, "birthday", allow_yearless=True)
    with pytest.raises(ValidationError, match="needs a year"):
        validation.date("3 April", "date")


def test_the_date_line_is_in_the_letter_s_language() -> None:
    def line(language: str | None) -> str:
        return resolve_style({}, written_on="2026-12-02", language=language)["date_line"]

    assert line("fr") == "2 décembre 2026"
    assert line("de") == "2. Dezember 2026"
    assert line("es") == "2 de diciembre de 2026"
    assert line("en") == "2 December 2026" and line(None) == "2 December 2026"
    assert line("en-US") == "December 2, 2026"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("March 2024", "2024-03"), ("Dezember 1976", "1976-12"), ("Sept. 2019", "2019-09"), ("march, 2024", "2024-03")],
)
def test_a_month_and_year_in_words_is_a_partial_date(typed: str, stored: str) -> None:
    """The window shows a stored 1976-12 as "December 1976": typed so (or changed to "January 1977"),
    it is read back wherever a month is enough (since, ended, died), and nowhere else."""
    assert hd.parse_month_year(typed) == stored
    assert validation.date(typed, "since", allow_partial=True) == stored
    with pytest.raises(ValidationError):
        validation.date(typed, "birthday", allow_yearless=True)


@pytest.mark.parametrize("typed", ["March", "3 March 2024", "March 24", "Marchish 2024", "2024"])
def test_other_text_is_no_month_and_year(typed: str) -> None:
    assert hd.parse_month_year(typed) is None
