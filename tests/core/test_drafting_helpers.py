"""The language helpers letters are made of: ordinals, pronouns, dates, lists, voice, the artifact check."""

from __future__ import annotations

import pytest

from beautifulletters.drafting import helpers, tidy, voice
from beautifulletters.drafting.tidy import artifact_problems


@pytest.mark.parametrize(
    ("n", "words", "digits"),
    [
        (1, "first", "1st"),
        (2, "second", "2nd"),
        (3, "third", "3rd"),
        (11, "eleventh", "11th"),
        (12, "twelfth", "12th"),
        (21, "twenty-first", "21st"),
        (50, "fiftieth", "50th"),
        (100, "one hundredth", "100th"),
        (112, "one hundred and twelfth", "112th"),
    ],
)
def test_ordinals_in_words_and_digits(n: int, words: str, digits: str) -> None:
    assert helpers.ordinal_words(n) == words
    assert helpers.ordinal_number(n) == digits


def test_pronouns_agree_with_their_verbs() -> None:
    assert helpers.agree("she", "is") == "is"
    assert helpers.agree("they", "is") == "are"
    assert helpers.agree("they", "has") == "have"
    assert helpers.agree("they", "laughs") == "laugh"
    assert helpers.agree("they", "carries") == "carry"
    assert helpers.agree("they", "watches") == "watch"
    assert helpers.agree("ze/zir/zir/zirs/zirself", "is") == "is"
    forms = helpers.pronoun_forms("ze/zir/zir/zirs/zirself")
    assert (forms["subject"], forms["object"], forms["reflexive"], forms["plural"]) == ("ze", "zir", "zirself", False)
    assert helpers.pronoun_forms("they")["plural"] is True


def test_possessives_dates_lists_and_years() -> None:
    assert helpers.possessive("James") == "James's"
    assert helpers.possessive("Anna") == "Anna's"
    assert helpers.natural_date("1975-03-04") == "the fourth of March"
    assert helpers.natural_date("1975-03-04", with_year=True) == "the fourth of March 1975"
    assert helpers.natural_date("--12-31") == "the thirty-first of December"
    assert helpers.natural_list(["Anna", "Ben", "Carl"]) == "Anna, Ben and Carl"
    assert helpers.natural_list(["Anna", None, ""]) == "Anna"
    assert helpers.years_since("1975-05-01", "2025-04-30") == 49
    assert helpers.years_since("1975-05-01", "2025-05-01") == 50
    assert helpers.years_since("--05-01", "2025-05-01") is None


def test_notes_are_rewritten_into_the_letters_voice() -> None:
    chris = {"display_name": "Chris Mercer", "first_name": "Chris", "pronoun_set": "he"}
    lolly = {"display_name": "Loretta Mercer", "first_name": "Loretta", "nickname": "Lolly", "pronoun_set": "she"}
    to_them = voice.letter_voice
    assert (
        to_them("Chris still claims he lets her win at Scrabble", chris, lolly)
        == "I still claim I let you win at Scrabble"
    )
    assert to_them("Loretta loves yellow roses", chris, lolly) == "You love yellow roses"
    assert to_them("they read Dickens aloud", chris, lolly, about_couple=True) == "we read Dickens aloud"
    assert to_them("Chris and Loretta drove to Maine", chris, lolly) == "We drove to Maine"
    # Both "she": the note cannot be said as "you" with confidence, so it is left out.
    assert to_them("she teases her", {**chris, "pronoun_set": "she"}, lolly) is None
    river = {"display_name": "River Okafor", "first_name": "River", "pronoun_set": "they"}
    assert to_them("River always orders dessert first", chris, river) == "You always order dessert first"


@pytest.mark.parametrize(
    "bad",
    [
        "Dear None,\n\nHello there.\n\nLove,",
        "Dear Sam,\n\nHello undefined friend.\n\nLove,",
        "Dear Sam,\n\nHello {{ name }}.\n\nLove,",
        "Dear Sam,\n\nI remember ().\n\nLove,",
        "Dear Sam,\n\nHello  there.\n\nLove,",
        "Dear Sam,\n\nHello there .\n\nLove,",
        "Dear Sam,\n\nHello there, .\n\nLove,",
        "Dear Sam,\n\nI remember the.\n\nLove,",
        "Dear Sam,\n\nand the roses.\n\nLove,",
        "Dear Sam,\n\nHello there\n\nLove,",
        'Dear Sam,\n\nI said "".\n\nLove,',
    ],
)
def test_artifact_check_finds_what_gives_a_template_away(bad: str) -> None:
    assert artifact_problems(bad)


def test_artifact_check_passes_a_clean_letter() -> None:
    assert artifact_problems("Dear Sam,\n\nThank you for the roses. They are lovely!\n\nWith love,") == []


def test_tidy_lays_out_paragraphs_and_closes_gaps() -> None:
    raw = "Dear Sam,\n\n\n\nI think of  \n the lake , and you.\n\n\n\n\nLove,"
    assert tidy.tidy(raw) == "Dear Sam,\n\nI think of the lake, and you.\n\nLove,"
