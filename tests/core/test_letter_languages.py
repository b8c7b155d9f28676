"""Letters in the recipient's language: French, Spanish and German built-ins, agreement by pronouns,
kinship words, numbers and dates in words, and English with a warning where there is no version."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from beautifulletters import drafting
from beautifulletters.drafting.kinship import closeness
from beautifulletters.drafting.tidy import artifact_problems

TODAY = dt.date(2026, 12, 2)

# (language, kinship word, {pronouns: expected salutation start}, words only that language uses)
CASES = {
    "fr": (
        "sœur",
        {
            "she": ("Chère", "Ma chère", "Ma très chère"),
            "he": ("Cher", "Mon cher", "Mon très cher"),
            "they": ("Bonjour",),
        },
        ("je", "tu", "te"),
    ),
    "es": (
        "hermana",
        {"she": ("Querida", "Queridísima"), "he": ("Querido", "Queridísimo"), "they": ("Hola,",)},
        ("que", "te", "tu"),
    ),
    "de": (
        "Schwester",
        {"she": ("Liebe", "Liebste"), "he": ("Lieber", "Liebster"), "they": ("Hallo",)},
        ("ich", "dir", "und"),
    ),
}
ENGLISH_ONLY = {"the", "and", "you", "your", "with", "dear"}


def _pair(archive, language: str, pronouns: str, kind: str, **person) -> tuple[int, int]:
    signer = archive.settings.default_signer_id()
    archive.people.update(signer, display_name="Sam Rivera")
    recipient = archive.people.add(display_name="Robin Weiss", pronouns=pronouns, language=language, **person)
    archive.relationships.set(signer, recipient, kind=kind, since="1996-06-08")
    return signer, recipient


@pytest.mark.parametrize("language", sorted(CASES))
@pytest.mark.parametrize("pronouns", ["she", "he", "they"])
@pytest.mark.parametrize("template", ["birthday", "sympathy", "anniversary"])
def test_each_letter_reads_in_its_language_with_agreement(empty_archive, language, pronouns, template) -> None:
    kind, salutations, native = CASES[language]
    signer, recipient = _pair(empty_archive, language, pronouns, kind, birthday="1980-12-20")
    draft = drafting.render_draft(
        empty_archive, recipient_id=recipient, signer_id=signer, template=template, today=TODAY
    )
    assert draft.language == language and not any("version" in w for w in draft.warnings)
    first_line = draft.text.splitlines()[0]
    name_at = first_line.index("Robin")
    assert first_line[:name_at].strip() in salutations[pronouns], first_line
    words = {w.strip(".,!?¡¿:;«»").lower() for w in draft.text.split()}
    assert words & set(native), draft.text
    assert not words & ENGLISH_ONLY, draft.text
    # Words that agree with the one addressed never take the other gender's form.
    wrong = {
        ("fr", "she"): r"\b(?:seul|obligé)\b",
        ("fr", "he"): r"\b(?:seule|obligée)\b",
        ("fr", "they"): r"\b(?:seule?|obligée?)\b",
        ("es", "she"): r"(?:estás|esto) solo\b|el fuerte",
        ("es", "he"): r"(?:estás|esto) sola\b|la fuerte",
        ("es", "they"): r"(?:estás|esto) sol[ao]\b",
    }.get((language, pronouns))
    assert not wrong or not re.search(wrong, draft.text), draft.text
    if language == "de":
        assert draft.text.splitlines()[2][:1].islower()  # after "Liebe Robin," the letter goes on in lower case
    if language == "fr":
        assert " !" not in draft.text and "\u202f!" in draft.text or "!" not in draft.text


def test_numbers_and_dates_in_words(empty_archive) -> None:
    for language, years, since in (("fr", "Trente ans", "8 juin 1996"), ("es", "Treinta años", "8 de junio de 1996")):
        signer, recipient = _pair(empty_archive, language, "she", "wife" if language == "fr" else "esposa")
        draft = drafting.render_draft(
            empty_archive,
            recipient_id=recipient,
            signer_id=signer,
            template="anniversary",
            occasion_date="2026-06-08",
            today=TODAY,
        )
        assert years.lower() in draft.text.lower() and since in draft.text, draft.text


def test_kinship_words_in_each_language() -> None:
    for word in ("hermano", "sœur", "Bruder", "abuela", "grand-mère", "Oma", "tío"):
        assert closeness(word) == "family", word
    for word in ("esposa", "mari", "Ehefrau", "épouse"):
        assert closeness(word) == "partner", word
    assert closeness("amiga") == "friend"


def test_a_template_without_a_version_is_english_and_says_so(empty_archive) -> None:
    # Every built-in has French, Spanish and German versions; Italian has none yet.
    signer, recipient = _pair(empty_archive, "it", "she", "amica")
    draft = drafting.render_draft(empty_archive, recipient_id=recipient, signer_id=signer, template="get-well")
    assert draft.language == "en"
    assert any("no Italian version" in w and "English" in w for w in draft.warnings)
    assert draft.text.startswith(("Dear", "My dear"))
    assert not artifact_problems(draft.text)


def test_the_letter_s_language_can_be_chosen(empty_archive) -> None:
    signer, recipient = _pair(empty_archive, "en", "he", "brother")
    spanish = drafting.render_draft(
        empty_archive, recipient_id=recipient, signer_id=signer, template="birthday", language="es"
    )
    assert spanish.language == "es" and spanish.text.startswith("Querid")
    letter_id = drafting.store_draft(empty_archive, spanish)
    assert empty_archive.letters.get(letter_id).language == "es"
    english = drafting.render_draft(empty_archive, recipient_id=recipient, signer_id=signer, template="birthday")
    assert english.text.startswith(("Dear", "My dear")) and english.language in (None, "en")


def test_a_friend_in_french_spanish_or_german_is_a_friend_and_romance_is_said_so() -> None:
    """A relationship typed "Freundin", "Freund", "amie" or "amiga" is a friend: the letter is not a
    lover's. Only a word that says romance makes a partner: "feste Freundin", "petite amie", "novia",
    "Lebensgefährtin", "Partnerin". A best friend ("beste Freundin", "Schulfreund") is a friend too."""
    for word in ("Freundin", "Freund", "beste Freundin", "alte Freundin", "Schulfreund", "Brieffreundin", "amie",
                 "ami", "meilleure amie", "amiga", "mejor amigo", "copine"):  # fmt: skip
        assert closeness(word) == "friend", word
    for word in ("feste Freundin", "fester Freund", "meine feste Freundin", "petite amie", "petit ami",
                 "petit copain", "novia", "novio", "Lebensgefährtin", "Partnerin", "amante"):  # fmt: skip
        assert closeness(word) == "partner", word
