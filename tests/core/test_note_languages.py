"""A letter carries only notes in its own language, each in a sentence of that language."""

from __future__ import annotations

import datetime as dt
import re

from beautifulletters import drafting
from beautifulletters.archive import Archive
from beautifulletters.drafting.languages import written_in

TODAY = dt.date(2027, 3, 14)
_ENGLISH = re.compile(r"\b(?:I|remember|the|and|always|think|of)\b")


def _couple(archive: Archive, language: str) -> tuple[int, int]:
    signer = archive.people.add(display_name="Amélie Roux", pronouns="she")
    recipient = archive.people.add(display_name="Julien Roux", pronouns="he", language=language, birthday="1980-03-20")
    archive.relationships.set(signer, recipient, kind="husband", since="2009-06-13")
    return recipient, signer


def _draft(archive: Archive, to: int, by: int, template: str, **options: str) -> drafting.Draft:
    return drafting.render_draft(archive, recipient_id=to, signer_id=by, template=template, today=TODAY, **options)


def test_a_french_note_is_said_in_french_and_an_english_one_is_left_out_and_named(archive: Archive) -> None:
    julien, amelie = _couple(archive, "fr")
    archive.notes.add(julien, "le soir où nous avons raté le dernier train à Lyon", tag="memory")
    archive.notes.add(julien, "the picnic where the wasps won", tag="memory")
    letter = _draft(archive, julien, amelie, "birthday")
    assert letter.language == "fr"
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+", letter.text) if "dernier train à Lyon" in s)
    assert not _ENGLISH.search(sentence), sentence  # a French frame, not "I remember le soir…"
    assert "wasps" not in letter.text
    assert any("the picnic where the wasps won" in w and "English" in w and "French" in w for w in letter.warnings)


def test_an_english_letter_leaves_a_french_note_out_and_says_so(archive: Archive) -> None:
    julien, amelie = _couple(archive, "en")
    archive.notes.add(julien, "notre premier appartement sous les toits", tag="memory")
    archive.notes.add(julien, "the picnic where the wasps won", tag="memory")
    letter = _draft(archive, julien, amelie, "graduation")
    assert letter.language == "en"
    assert "sous les toits" not in letter.text and "wasps" in letter.text
    assert any("notre premier appartement" in w and "French" in w for w in letter.warnings)


def test_a_note_about_them_in_the_third_person_is_left_out_of_a_french_letter(archive: Archive) -> None:
    julien, amelie = _couple(archive, "fr")
    archive.notes.add(julien, "Julien adore les vieilles cartes", tag="preference")
    archive.notes.add(julien, "il chante faux sous la douche", tag="joke")
    letter = _draft(archive, julien, amelie, "anniversary")
    assert "cartes" not in letter.text and "chante" not in letter.text
    assert any("Julien adore" in w and "third person" in w for w in letter.warnings)
    assert any("il chante" in w and "third person" in w for w in letter.warnings)


def test_a_spanish_brother_hears_his_spanish_memory_in_spanish(archive: Archive) -> None:
    carmen = archive.people.add(display_name="Carmen Ruiz", pronouns="she")
    diego = archive.people.add(display_name="Diego Ruiz", pronouns="he", language="es", birthday="1975-08-02")
    archive.relationships.set(carmen, diego, kind="hermano", since="1980")
    archive.notes.add(diego, "los veranos en casa de la abuela en Cádiz", tag="memory")
    archive.notes.add(diego, "nuestro perro Lobo murió en enero", tag="memory")
    letter = _draft(archive, diego, carmen, "birthday")
    assert letter.text.startswith("Querid")
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+", letter.text) if "Cádiz" in s)
    assert not _ENGLISH.search(sentence), sentence
    assert "Lobo" not in letter.text  # a loss is not a birthday memory, in Spanish either


def test_an_english_letter_keeps_notes_whose_words_do_not_say_their_language(archive: Archive) -> None:
    julien, amelie = _couple(archive, "en")
    archive.notes.add(julien, "Tomás insists he can fix anything with duct tape", tag="joke")
    archive.notes.add(julien, "peonies", tag="preference")
    letter = _draft(archive, julien, amelie, "birthday")
    assert "duct tape" in letter.text
    assert not any(("duct tape" in w or "peonies" in w) and "English" in w for w in letter.warnings), letter.warnings
    assert not written_in("peonies", "fr") and not written_in("peonies", "en")
