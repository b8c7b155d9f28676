"""Notes in French, Spanish and German are understood as English ones are: who they are about, and
how a letter in their language says them to the recipient; a note that cannot be told is left out
with a reason that names the word, in the language of the window.

The people are invented: Julien (he) with a French page, Lucía (she) and Diego (he) with Spanish
ones, Anna (she) and Jonas (he) with German ones; Amélie (she) writes to each of them.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from beautifulletters import drafting, i18n, notesense
from beautifulletters.archive import Archive
from beautifulletters.notesense import Who

TODAY = dt.date(2027, 3, 14)
AMELIE = Who(("Amélie Roux", "Amélie"), "she", "Amélie Roux")
PEOPLE = {
    "Julien": Who(("Julien Roux", "Julien"), "he", "Julien Roux"),
    "Lucía": Who(("Lucía Ortega", "Lucía"), "she", "Lucía Ortega"),
    "Diego": Who(("Diego Ruiz", "Diego"), "he", "Diego Ruiz"),
    "Anna": Who(("Anna Keller", "Anna"), "she", "Anna Keller"),
    "Jonas": Who(("Jonas Bauer", "Jonas"), "he", "Jonas Bauer"),
}
# (language, whose page, the note as typed, how a letter says it, who it is about)
SAID = [
    # The subject pronoun of the one the letter is to.
    ("fr", "Julien", "il m'appelle toujours Crevette", "tu m'appelles toujours Crevette", "both"),
    ("fr", "Julien", "il chante faux sous la douche", "tu chantes faux sous la douche", "recipient"),
    ("fr", "Julien", "il se lève à cinq heures", "tu te lèves à cinq heures", "recipient"),
    ("fr", "Julien", "il dit qu'il a peur du noir", "tu dis que tu as peur du noir", "recipient"),
    ("fr", "Julien", "il appelle sa mère tous les dimanches", "tu appelles ta mère tous les dimanches", "recipient"),
    ("es", "Diego", "él cocina la mejor paella del barrio", "cocinas la mejor paella del barrio", "recipient"),
    ("de", "Anna", "sie hat mir das Schwimmen beigebracht", "Du hast mir das Schwimmen beigebracht", "both"),
    ("de", "Anna", "sie hält immer ihr Wort", "Du hältst immer dein Wort", "recipient"),
    ("de", "Anna", "Jeden Sommer fährt sie nach Sylt", "Jeden Sommer fährst du nach Sylt", "recipient"),
    ("de", "Jonas", "er arbeitet zu viel", "Du arbeitest zu viel", "recipient"),
    # Their name.
    ("fr", "Julien", "Julien adore les vieilles cartes", "tu adores les vieilles cartes", "recipient"),
    ("es", "Diego", "Diego siempre llega tarde", "siempre llegas tarde", "recipient"),
    ("de", "Jonas", "Jonas liebt Apfelkuchen mit Sahne", "Du liebst Apfelkuchen mit Sahne", "recipient"),
    # No subject: the one whose page it is, as an English note's "loves peonies".
    ("fr", "Julien", "adore les macarons", "tu adores les macarons", "recipient"),
    ("fr", "Julien", "m'a appris à nager", "tu m'as appris à nager", "both"),
    ("fr", "Julien", "prend son café sans sucre", "tu prends ton café sans sucre", "recipient"),
    ("es", "Lucía", "siempre llega tarde", "siempre llegas tarde", "recipient"),
    ("es", "Lucía", "le encanta bailar salsa", "te encanta bailar salsa", "recipient"),
    ("es", "Lucía", "perdió su trabajo el otoño pasado", "perdiste tu trabajo el otoño pasado", "recipient"),
    ("es", "Lucía", "me enseñó a nadar en Cádiz", "me enseñaste a nadar en Cádiz", "both"),
    ("es", "Diego", "murió su perro en enero", "murió tu perro en enero", "recipient"),
    ("de", "Jonas", "hasst Koriander", "Du hasst Koriander", "recipient"),
    ("de", "Anna", "mag keine Pilze", "Du magst keine Pilze", "recipient"),
    ("de", "Jonas", "seine Katze heißt Mimi", "Deine Katze heißt Mimi", "recipient"),
    # Already in the letter's voice: said as written, about whom it says.
    ("fr", "Julien", "j'adore ta tarte aux pommes", "j'adore ta tarte aux pommes", "both"),
    ("fr", "Julien", "nous avons raté le dernier train à Lyon", "nous avons raté le dernier train à Lyon", "both"),
    ("es", "Lucía", "pasamos el verano en Cádiz", "pasamos el verano en Cádiz", "both"),
    ("es", "Lucía", "me encanta tu risa", "me encanta tu risa", "both"),
    ("de", "Anna", "Du kannst immer noch nicht einparken", "Du kannst immer noch nicht einparken", "recipient"),
    ("de", "Anna", "ich habe dir das Stricken beigebracht", "ich habe dir das Stricken beigebracht", "both"),
    # No one: an impersonal "il", "hace", "había" is not the recipient.
    ("fr", "Julien", "il y a deux ans, nous sommes allés à Rome", "il y a deux ans, nous sommes allés à Rome", "both"),
    (
        "fr",
        "Julien",
        "il faut toujours qu'il ait le dernier mot",
        "il faut toujours que tu aies le dernier mot",
        "recipient",
    ),
    ("es", "Lucía", "hace dos años fuimos a Roma", "hace dos años fuimos a Roma", "both"),
    ("es", "Lucía", "hace la mejor tortilla del mundo", "haces la mejor tortilla del mundo", "recipient"),
    ("es", "Lucía", "estudió medicina en Salamanca", "estudiaste medicina en Salamanca", "recipient"),
    ("de", "Jonas", "Letztes Jahr hat er geheiratet", "Letztes Jahr hast du geheiratet", "recipient"),
    # Someone else.
    ("fr", "Julien", "Frank adore la pêche", "Frank adore la pêche", "other"),
    ("es", "Diego", "los veranos en casa de la abuela en Cádiz", "los veranos en casa de la abuela en Cádiz", "other"),
]
# (language, whose page, the note, the word the reason names): what cannot be told is left out, never guessed.
LEFT_OUT = [
    ("fr", "Julien", "elle adore les roses", "“elle”"),  # he/him: "elle" is someone else, but who?
    ("fr", "Julien", "Amélie lui a appris à nager", "Amélie"),  # the signer in the third person
    ("fr", "Julien", "Maman lui a offert un vélo", "“lui”"),
    ("fr", "Julien", "allergique aux noix", "“allergique”"),  # no verb to say it with
    ("es", "Diego", "ella odia el cilantro", "“ella”"),
    ("es", "Diego", "le regaló flores a su madre", "“le”"),
    ("es", "Diego", "paella los domingos", "“paella”"),
    ("de", "Anna", "er kocht jeden Sonntag", "“er”"),
    ("de", "Anna", "sie freut sich über Blumen", "“sich”"),  # dich or dir? not guessed
    ("de", "Anna", "Ich weiß, dass sie Koriander hasst", "“sie”"),
    ("de", "Anna", "verrückt nach Katzen", "“verrückt”"),
]


@pytest.mark.parametrize(("language", "page", "note", "said", "about"), SAID, ids=[s[2] for s in SAID])
def test_a_note_is_said_to_them_and_knows_who_it_is_about(
    language: str, page: str, note: str, said: str, about: str
) -> None:
    reading = notesense.understand_in(language, note, recipient=PEOPLE[page], signer=AMELIE, tag="fact")
    assert (reading.phrase, reading.about, reading.problem) == (said, about, None)


@pytest.mark.parametrize(("language", "page", "note", "named"), LEFT_OUT, ids=[s[2] for s in LEFT_OUT])
def test_a_note_that_cannot_be_told_is_left_out_and_the_reason_names_it(
    language: str, page: str, note: str, named: str
) -> None:
    reading = notesense.understand_in(language, note, recipient=PEOPLE[page], signer=AMELIE, tag="fact")
    assert reading.phrase is None and not reading.usable
    assert named in (reading.problem or ""), reading.problem


def test_without_pronouns_a_pronoun_is_not_guessed() -> None:
    someone = Who(("Camille Durand", "Camille"), None, "Camille Durand")
    reading = notesense.understand_in("fr", "il adore le jazz", recipient=someone, signer=AMELIE)
    assert reading.phrase is None and reading.problem == "it says “il” and Camille Durand has no pronouns recorded"
    said = notesense.understand_in("fr", "adore le jazz", recipient=someone, signer=AMELIE)
    assert said.phrase == "tu adores le jazz"  # no pronoun to guess: the note's page says whose it is


def test_the_writers_who_it_is_about_wins() -> None:
    julien = PEOPLE["Julien"]
    chosen = notesense.understand_in("fr", "adore les macarons", recipient=julien, about="signer")
    assert chosen.phrase is None and "“adore”" in (chosen.problem or "")  # said by the writer as "j'adore…"
    other = notesense.understand_in("fr", "Frank adore la pêche", recipient=julien, about="other")
    assert (other.phrase, other.about) == ("Frank adore la pêche", "other")


def _people(archive: Archive) -> tuple[int, int, int, int]:
    amelie = archive.people.add(display_name="Amélie Roux", pronouns="she")
    julien = archive.people.add(display_name="Julien Roux", pronouns="he", language="fr", birthday="1980-03-20")
    lucia = archive.people.add(display_name="Lucía Ortega", pronouns="she", language="es", birthday="1993-10-10")
    anna = archive.people.add(display_name="Anna Keller", pronouns="she", language="de", birthday="1975-07-30")
    archive.relationships.set(amelie, julien, kind="brother", since="1980")
    archive.relationships.set(amelie, lucia, kind="friend", since="2001")
    archive.relationships.set(amelie, anna, kind="friend", since="1999")
    return amelie, julien, lucia, anna


def test_the_archive_stores_who_a_note_is_about_and_the_letter_says_it_to_them(archive: Archive) -> None:
    amelie, julien, lucia, anna = _people(archive)
    crevette = archive.notes.get(archive.notes.add(julien, "il m'appelle toujours Crevette", tag="joke"))
    assert (crevette.about, crevette.phrasing, crevette.problem) == ("both", "tu m'appelles toujours Crevette", None)
    archive.notes.add(julien, "il adore les vieilles cartes de la Bretagne", tag="preference")
    french = drafting.render_draft(archive, recipient_id=julien, signer_id=amelie, template="birthday", today=TODAY)
    assert "tu adores les vieilles cartes de la Bretagne" in french.text, french.text
    assert "il adore" not in french.text

    late = archive.notes.get(archive.notes.add(lucia, "siempre llega tarde a las cenas", tag="joke"))
    assert (late.about, late.phrasing) == ("recipient", "siempre llegas tarde a las cenas")

    swim = archive.notes.add(anna, "sie hat mir das Schwimmen beigebracht", tag="memory")
    assert archive.notes.get(swim).phrasing == "Du hast mir das Schwimmen beigebracht"
    german = drafting.render_draft(archive, recipient_id=anna, signer_id=amelie, template="birthday", today=TODAY)
    assert "Du hast mir das Schwimmen beigebracht" in german.text, german.text


def test_a_german_window_says_why_a_note_is_left_out_in_german(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    amelie, julien, _lucia, _anna = _people(archive)
    archive.notes.add(julien, "elle collectionne les vieilles théières", tag="preference")
    archive.notes.add(julien, "allergique aux noix de cajou", tag="fact")
    monkeypatch.setenv("LANGUAGE", "de")
    assert i18n.set_language(None) == "de"
    try:
        letter = drafting.render_draft(archive, recipient_id=julien, signer_id=amelie, template="birthday", today=TODAY)
    finally:
        monkeypatch.setenv("LANGUAGE", "en")
        i18n.set_language(None)
    teapots = next(w for w in letter.warnings if "théières" in w)
    assert teapots.startswith("Die Notiz „elle collectionne les vieilles théières“ bleibt weg: sie sagt „elle“")
    assert "ob damit Julien Roux gemeint ist" in teapots and "ein Brief auf Französisch" in teapots
    assert "it says" not in teapots and "letter" not in teapots
    nuts = next(w for w in letter.warnings if "noix" in w)
    assert "sie beginnt mit „allergique“ und sagt nicht, wer" in nuts, nuts
    # The reason is stored in English (as `notes list --json` prints it), and said in the window's language.
    stored = next(n for n in archive.notes.for_person(julien) if "théières" in n.text)
    assert (stored.problem or "").startswith("it says “elle” and it is not clear whether that is Julien Roux")


def test_every_reason_reads_back_into_german(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each reason the reader can give (stored in English) is found again and said in German, whatever its values."""
    from beautifulletters.notesense import reasons

    monkeypatch.setenv("LANGUAGE", "de")
    assert i18n.set_language(None) == "de"
    try:
        for pattern in reasons.PATTERNS:
            values = {name: "Frida Kahlo" for name in re.findall(r"\{(\w+)\}", pattern)}
            english = reasons.reason(pattern, **values)
            said = notesense.reason_said(english)
            assert said == i18n._(pattern).format(**values) and said != english, pattern
        kind = reasons.reason(reasons.NO_SUBJECT, word="adore", letter_kind=reasons.letter_kind("es"))
        assert "kann ein Brief auf Spanisch sie verwenden" in (notesense.reason_said(kind) or "")
        assert notesense.reason_said("a reason from another version") == "a reason from another version"
    finally:
        monkeypatch.setenv("LANGUAGE", "en")
        i18n.set_language(None)
