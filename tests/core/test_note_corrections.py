"""The writer's own reading of a note (how it reads in a letter, its mood, its date) is kept and drafted from;
a note in French, Spanish or German is shown as a letter in its language will say it."""

from __future__ import annotations

import datetime as dt

from beautifulletters import drafting
from beautifulletters.archive import Archive, note_reading

TODAY = dt.date(2027, 3, 14)


def _pair(archive: Archive, language: str = "en") -> tuple[int, int]:
    signer = archive.people.add(display_name="Ravi Patel", pronouns="he")
    recipient = archive.people.add(display_name="Mei Chen", pronouns="she", language=language, birthday="1985-03-20")
    archive.relationships.set(signer, recipient, kind="wife", since="2012-06-01")
    return recipient, signer


def _note(archive: Archive, person: int, signer: int, text: str, **options: str) -> int:
    return archive.notes.add(person, text, about_relationship_from=signer, scope="relationship", **options)


def test_a_phrasing_the_writer_gives_is_stored_and_drafted_from(archive: Archive) -> None:
    mei, ravi = _pair(archive)
    # A note every signer may use: who taught her is not said (on the couple's own it is the writer).
    note_id = archive.notes.add(mei, "taught her to swim at Lake Tahoe", tag="memory")
    assert archive.notes.get(note_id).problem == "it does not say who did it"
    archive.notes.update(note_id, phrasing="I taught you to swim at Lake Tahoe")
    note = archive.notes.get(note_id)
    assert note_reading.preview(note) == "I remember how I taught you to swim at Lake Tahoe."
    assert note_reading.letter_phrasing(note) == "I taught you to swim at Lake Tahoe"
    letter = drafting.render_draft(archive, recipient_id=mei, signer_id=ravi, template="birthday", today=TODAY)
    assert "I taught you to swim at Lake Tahoe" in letter.text
    assert not any("taught her to swim" in warning for warning in letter.warnings)


def test_an_emptied_phrasing_gives_the_note_back_to_the_reader(archive: Archive) -> None:
    mei, ravi = _pair(archive)
    note_id = _note(archive, mei, ravi, "Ravi taught her to knit", tag="memory")
    archive.notes.update(note_id, phrasing="you let me think I taught you to knit")
    assert "let me think" in (note_reading.preview(archive.notes.get(note_id)) or "")
    archive.notes.update(note_id, phrasing="")
    assert note_reading.preview(archive.notes.get(note_id)) == "I remember how I taught you to knit."


def test_the_writers_date_is_kept_and_said_in_place_of_a_vague_one(archive: Archive) -> None:
    mei, ravi = _pair(archive)
    note_id = _note(archive, mei, ravi, "her dog died last spring")
    archive.notes.update(note_id, happened_on="2025-05", mood="loss")
    note = archive.notes.get(note_id)
    assert note.happened_on == "2025-05" and note.mood == "loss"
    assert note_reading.preview(note) == "I know that your dog died in May 2025."
    archive.notes.update(note_id, text="her old dog died last spring")  # the writer's date outlives a new text
    assert archive.notes.get(note_id).happened_on == "2025-05"
    archive.notes.update(note_id, happened_on="")
    assert archive.notes.get(note_id).happened_on != "2025-05"


def test_how_we_met_reads_as_a_memory_not_as_news(archive: Archive) -> None:
    mei, ravi = _pair(archive)
    said = {
        text: note_reading.preview(archive.notes.get(_note(archive, mei, ravi, text)))
        for text in (
            "we met at the county fair in 1974",
            "Ravi and Mei met at university",
            "first met on a train to Rome",
            "she met Ravi at the bakery",
        )
    }
    assert said == {
        "we met at the county fair in 1974": "I remember how we met at the county fair in 1974.",
        "Ravi and Mei met at university": "I remember how we met at university.",
        "first met on a train to Rome": "I remember how we first met on a train to Rome.",
        "she met Ravi at the bakery": "I remember how you met me at the bakery.",
    }
    # News about them is still known, not remembered.
    dog = archive.notes.get(_note(archive, mei, ravi, "loves yellow roses", tag="preference"))
    assert note_reading.preview(dog) == "I know that you love yellow roses."


def test_a_french_note_is_shown_as_a_french_letter_says_it(archive: Archive) -> None:
    mei, ravi = _pair(archive, "fr")
    memory = archive.notes.get(_note(archive, mei, ravi, "Tu m'as appris à nager au lac", tag="memory"))
    assert memory.problem is None
    assert note_reading.preview(memory) == "Je repense souvent à ceci : tu m'as appris à nager au lac."
    fact = archive.notes.get(_note(archive, mei, ravi, "Le soir où nous avons raté le dernier ferry", tag="note"))
    assert note_reading.preview(fact) == "Je n'ai pas oublié ceci : le soir où nous avons raté le dernier ferry."
    # Mei is "she": "elle" is Mei, said to her; "il" on her page is someone else, and left out.
    third = archive.notes.get(_note(archive, mei, ravi, "elle adore les roses jaunes", tag="preference"))
    assert note_reading.preview(third) == "Je n'ai pas oublié ceci : tu adores les roses jaunes."
    assert third.about == "recipient"
    other = archive.notes.get(_note(archive, mei, ravi, "il adore les roses jaunes", tag="preference"))
    assert note_reading.preview(other) is None and "“il”" in (other.problem or "") and "Mei" in (other.problem or "")
    german = archive.notes.get(_note(archive, mei, ravi, "Wir haben den Bus nach Konstanz verpasst", tag="memory"))
    assert note_reading.preview(german) == "Oft denke ich daran: Wir haben den Bus nach Konstanz verpasst."


def test_a_french_phrasing_the_writer_gives_goes_into_the_french_letter(archive: Archive) -> None:
    mei, ravi = _pair(archive, "fr")
    note_id = _note(archive, mei, ravi, "elle adore les roses jaunes", tag="memory")
    archive.notes.update(note_id, phrasing="les roses jaunes que tu aimes tant")
    note = archive.notes.get(note_id)
    assert note_reading.preview(note) == "Je repense souvent à ceci : les roses jaunes que tu aimes tant."
    letter = drafting.render_draft(archive, recipient_id=mei, signer_id=ravi, template="birthday", today=TODAY)
    assert letter.language == "fr" and "les roses jaunes que tu aimes tant" in letter.text


def test_a_reading_tried_in_a_dialog_is_not_stored(archive: Archive) -> None:
    mei, ravi = _pair(archive)
    before = len(archive.notes.for_person(mei))
    tried = archive.notes.reading(mei, "taught her to swim", tag="memory", writer={"about": "signer"})
    assert note_reading.preview(tried) == "I remember how I taught you to swim."
    assert len(archive.notes.for_person(mei)) == before


def test_a_french_note_stored_before_notes_were_read_in_french_is_shown_in_french(archive: Archive) -> None:
    mei, ravi = _pair(archive, "fr")
    note_id = _note(archive, mei, ravi, "Tu m'as appris à nager au lac", tag="memory")
    with archive.db.transaction():  # as the English reader stored it before
        archive.db.conn.execute(
            "UPDATE notes SET phrasing = NULL, problem = 'it reads as a label, not a sentence' WHERE id = ?",
            (note_id,),
        )
    shown = next(note for note in archive.notes.for_person(mei) if note.id == note_id)
    assert note_reading.preview(shown) == "Je repense souvent à ceci : tu m'as appris à nager au lac."
    assert note_reading.preview(archive.notes.get(note_id)) == note_reading.preview(shown)
