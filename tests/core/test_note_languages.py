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


def test_a_note_about_them_in_the_third_person_is_said_to_them_in_a_french_letter(archive: Archive) -> None:
    """ "Julien adore les vieilles cartes" on Julien's page reads "tu adores les vieilles cartes" in his letter;
    "elle" on his page (he/him) is someone else, and left out with the word named."""
    julien, amelie = _couple(archive, "fr")
    archive.notes.add(julien, "Julien adore les vieilles cartes", tag="preference")
    archive.notes.add(julien, "il chante faux sous la douche", tag="joke")
    archive.notes.add(julien, "elle collectionne les théières", tag="preference")
    letter = _draft(archive, julien, amelie, "anniversary")
    assert "tu adores les vieilles cartes" in letter.text and "Julien adore" not in letter.text, letter.text
    assert "tu chantes faux sous la douche" in letter.text and "il chante" not in letter.text, letter.text
    assert "théières" not in letter.text
    assert any("elle collectionne" in w and "“elle”" in w for w in letter.warnings), letter.warnings


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


def test_short_english_notes_with_a_time_are_english_and_reach_an_english_letter(archive: Archive) -> None:
    """ "got engaged in june" shares only "in" with German: it is English, not a German note left out."""
    for note in ("got engaged in june", "wife passed in march", "had twins in october", "starting chemo in january"):
        assert written_in(note, "en") and not written_in(note, "de"), note
    for note in ("Weihnachten in Hamburg", "in Hamburg aufgewachsen", "wir sind in Berlin gewesen"):
        assert written_in(note, "de") and not written_in(note, "en"), note
    assert written_in("camping en Bretagne", "fr")
    odile = archive.people.add(display_name="Odile Brandt", pronouns="she")
    me = archive.settings.default_signer_id()
    archive.relationships.set(me, odile, kind="friend", since="2012")
    archive.notes.add(odile, "her husband Frank died in april", tag="fact")
    archive.notes.add(odile, "got engaged in june", tag="fact")
    letter = _draft(archive, odile, me, "just-because")
    assert not any("German" in w for w in letter.warnings), letter.warnings
    assert "your husband Frank died in April" in letter.text or "your husband Frank died in april" in letter.text


def test_the_reason_a_note_is_left_out_says_an_english_letter(archive: Archive) -> None:
    julien, amelie = _couple(archive, "fr")
    archive.notes.add(julien, "the picnic where the wasps won", tag="memory")
    archive.notes.add(julien, "Quiberon 1998", tag="memory")
    french = _draft(archive, julien, amelie, "birthday")
    said = next(w for w in french.warnings if "wasps" in w)
    assert "a French letter does not set English words" in said and "(an English letter uses it)" in said
    assert any("Quiberon" in w and "a French letter uses notes written in French" in w for w in french.warnings)
    archive.notes.add(julien, "notre premier appartement sous les toits", tag="memory")
    english = _draft(archive, julien, amelie, "birthday", language="en")
    assert any("sous les toits" in w and "an English letter does not set French words" in w for w in english.warnings)


def test_a_note_with_a_verb_and_no_subject_is_said_to_them_in_a_letter_in_its_language(archive: Archive) -> None:
    """ "adore les macarons" is about him: "tu adores les macarons", never "Je sais bien ceci : adore les
    macarons"; a first word that is no verb ("allergique aux noix") is left out and named."""
    julien, amelie = _couple(archive, "fr")
    archive.notes.add(julien, "adore les macarons", tag="preference")
    archive.notes.add(julien, "allergique aux noix", tag="fact")
    french = _draft(archive, julien, amelie, "birthday")
    assert "tu adores les macarons" in french.text and " adore les macarons" not in french.text, french.text
    assert any("allergique aux noix" in w and "does not say who" in w for w in french.warnings), french.warnings

    lucia = archive.people.add(display_name="Lucía Ortega", pronouns="she", language="es", birthday="1993-10-10")
    archive.relationships.set(amelie, lucia, kind="prima", since="1993")
    archive.notes.add(lucia, "le encanta bailar salsa", tag="preference")
    archive.notes.add(lucia, "pasamos el verano en Cádiz", tag="memory")
    spanish = _draft(archive, lucia, amelie, "birthday")
    assert "te encanta bailar salsa" in spanish.text and "le encanta" not in spanish.text, spanish.text
    assert "pasamos el verano en cádiz" in spanish.text.lower()  # it may open a sentence

    jurgen = archive.people.add(display_name="Jürgen Bauer", pronouns="he", language="de", birthday="1975-07-30")
    archive.relationships.set(amelie, jurgen, kind="Freund", since="1999")
    archive.notes.add(jurgen, "hasst Koriander", tag="preference")
    archive.notes.add(jurgen, "kocht jeden Sonntag für die ganze Familie", tag="preference")
    archive.notes.add(jurgen, "wir sind zusammen auf die Zugspitze gestiegen", tag="memory")
    german = _draft(archive, jurgen, amelie, "just-because")
    assert "Koriander" not in german.text and "Zugspitze" in german.text  # a dislike is never offered as a treat
    birthday = _draft(archive, jurgen, amelie, "birthday")
    assert "Du kochst jeden Sonntag für die ganze Familie" in birthday.text, birthday.text


def test_french_spanish_and_german_notes_and_continental_addresses_say_the_two_live_apart(
    archive: Archive,
) -> None:
    """ "elle est partie vivre au Canada", "se mudó a México", "ist nach Australien gezogen" and an
    address in another town ("28001 Madrid" to someone in "69004 Lyon") mean the two live apart, as
    "moved abroad" and a Falmouth address do in English; a move across town, or a holiday, does not."""
    from beautifulletters.drafting.context import build_context

    me = archive.people.add(display_name="Amélie Roux", pronouns="she", addresses=["12 rue Juiverie\n69004 Lyon"])

    def apart(language: str, note: str | None = None, address: str | None = None) -> bool:
        person = archive.people.add(
            display_name=f"Zoé Lefort {language}",
            pronouns="she",
            language=language,
            addresses=[address] if address else [],
        )
        archive.relationships.set(me, person, kind="amie", since="2001")
        if note:
            archive.notes.add(person, note, tag="fact", about_relationship_from=me)
        context = build_context(archive, recipient_id=person, signer_id=me, occasion="thinking-of-you", today=TODAY)
        return context["relationship"]["apart"]

    for language, note in (
        ("fr", "elle est partie vivre au Canada"),
        ("fr", "elle vit à l'étranger depuis dix ans"),
        ("fr", "a déménagé en Australie"),
        ("es", "se mudó a México"),
        ("es", "vive en el extranjero"),
        ("es", "se fue a vivir a Chile hace dos años"),
        ("de", "sie ist nach Australien gezogen"),
        ("de", "ist ausgewandert"),
        ("de", "wohnt seit Jahren im Ausland"),
    ):
        assert apart(language, note), note
    for language, note in (
        ("fr", "elle est partie en vacances au Portugal"),
        ("es", "se mudó a un piso más grande"),
        ("de", "ist letztes Jahr umgezogen"),
        ("de", "ist nach Hause gegangen"),
    ):
        assert not apart(language, note), note
    for address, far in (
        ("Calle Mayor 5\n28001 Madrid", True),
        ("Hauptstr. 3\n10115 Berlin", True),
        ("Keizersgracht 1\n1015 CJ Amsterdam", True),
        ("3 place Bellecour\n69002 Lyon", False),
    ):
        assert apart("fr", address=address) == far, address
