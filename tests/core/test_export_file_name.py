"""File ▸ Export… proposes the letter's title and its recipient: every letter from the
thinking-of-you template proposed "Thinking of you.pdf", so a second export offered the first's name."""

from __future__ import annotations

from beautifulletters.export.batch import MAX_NAME_LENGTH, letter_file_name


def test_the_title_and_the_recipient() -> None:
    assert letter_file_name("Thinking of you", "Sam Adeyemi", suffix=".pdf") == "Thinking of you – Sam Adeyemi.pdf"
    assert letter_file_name("Thinking of you", "Ann Lee", suffix=".pdf") == "Thinking of you – Ann Lee.pdf"


def test_names_safe_on_every_system() -> None:
    name = letter_file_name('Plans: "AC/DC" & <you>?', "Zoë / Mo|Li*", suffix=".pdf")
    assert not set(name) & set('/\\:*?"<>|')
    assert name.endswith(" – Zoë _ Mo_Li_.pdf") and name.startswith("Plans_ _AC_DC_ & _you_")
    assert letter_file_name("Birthday.", "Dr. Sam Adeyemi.", suffix=".pdf") == "Birthday. – Dr. Sam Adeyemi.pdf"
    assert letter_file_name("Con", "", suffix=".pdf") == "letter Con.pdf"  # a name Windows refuses


def test_a_title_that_names_the_recipient_is_not_repeated() -> None:
    assert letter_file_name("Letter to Sam Adeyemi", "Sam Adeyemi", suffix=".pdf") == "Letter to Sam Adeyemi.pdf"
    assert letter_file_name("Alarm", "Al", suffix=".pdf") == "Alarm – Al.pdf"  # a word, not a part of one


def test_a_long_title_is_shortened_never_the_name() -> None:
    name = letter_file_name("For all the summers " * 10, "Maximiliane Wilhelmina August", suffix=".pdf")
    assert name.endswith("… – Maximiliane Wilhelmina August.pdf") and name.startswith("For all the summers")
    assert len(name) <= MAX_NAME_LENGTH + len(".pdf")
