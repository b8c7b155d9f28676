"""Letters across an ended or strained relationship do not pretend otherwise (issue #16).

Every built-in English letter is drafted for invented ex-husbands (divorced, with an end date) and
estranged sons, and read for what a person in that situation would not write: a catch-up, a visit,
"Lean on us", "I love you" as if nothing had happened, a shared joke or "I know you love strong coffee".
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from beautifulletters import drafting
from beautifulletters.archive import Archive

TODAY = dt.date(2026, 12, 2)
TEMPLATES = (
    "anniversary", "apology", "birthday", "death-anniversary", "friendship", "get-well", "graduation",
    "in-memory", "just-because", "letting-go", "love-letter", "new-baby", "new-home", "new-job", "retirement",
    "seasons-greetings", "sympathy", "thank-you-gift", "thank-you-kindness", "thinking-of-you", "wedding",
)  # fmt: skip
DETAILS = {
    "remembered": "your father Tomasz",
    "gift": "the blue scarf",
    "news": "the tomatoes are in",
    "illness": "your knee operation",
    "wrong": "missing your concert",
    "degree": "your nursing degree",
    "baby_name": "Ella",
    "job_title": "your new job at the library",
    "couple": "you and Sam",
    "place": "your new flat in Leeds",
    "for_what": "all your patience",
}
# What nobody writes to an ex-husband or an estranged son: closeness, visits and calls, a shared
# future, love as if current, or knowing their tastes and jokes as one does at home.
_PRETENDS = re.compile(
    r"proper catch-up|Lean on (?:us|me)|much missed|see you soon|my love\b|\bI love you\b|things I love about you"
    r"|so glad of it|count you among|people who matter|near the top|on that list|glad you are in my life"
    r"|how often I think of you|ordinary company|I volunteer|I get to tell|telling \w+ about|watch this little one"
    r"|around for a great many|first birthday|always been there|as long as I have known you|friend who shows up"
    r"|three in the morning|coming home|without you|many more years|people who love you help|not alone in it"
    r"|for my sake|least of all for me|I am simply here|mailbox|small parcel|on its way to you|Watch the post"
    r"|looking forward to more days like|I want more days like|more days like that soon|want you well again"
    r"|heart jump|key in the door|choose you again|feel lucky|my favou?rite person"
    r"|best thing in my life|loving me back|still making|here we (?:still )?are|you have stayed|every one of them again"
    r"|so lucky|Happy (?:\w+ )?anniversary|good days I owe|part of so many|fingerprints|you are in my life"
    r"|mine is yours|you know where I am|in my thoughts every hour|car parks|strong coffee|dinosaurs",
    re.IGNORECASE,
)


def _draft(archive: Archive, to: int, by: int, template: str) -> drafting.Draft:
    return drafting.render_draft(
        archive, recipient_id=to, signer_id=by, template=template, today=TODAY, language="en", details=DETAILS
    )


def _me(archive: Archive) -> int:
    me = archive.settings.default_signer_id()
    assert me is not None
    archive.people.update(me, display_name="Hannah Weiss", pronouns="she")
    return me


def _ended_people(archive: Archive, me: int, count: int) -> list[int]:
    """`count` ex-husbands (divorced in 2019) and as many sons estranged since 2020, with notes."""
    people = []
    for n in range(count):
        ex = archive.people.add(display_name=f"Greg Holt {n}", pronouns="he", birthday="1962-03-04")
        archive.relationships.set(
            me, ex, kind="husband", since="1988-06-11", ended_on="2019-03", end_kind="divorce", pet_names=["Bear"]
        )
        archive.dates.add(ex, kind="anniversary", date="1988-06-11", relationship_from=me)
        son = archive.people.add(display_name=f"Daniel Weiss {n}", pronouns="he", birthday="1990-05-06")
        archive.relationships.set(me, son, kind="son", since="1990-05-06", ended_on="2020", end_kind="estrangement")
        archive.dates.add(son, kind="anniversary", date="1990-05-06", relationship_from=me)
        archive.notes.add(son, "the summer we camped by the loch", tag="memory", about_relationship_from=me)
        archive.notes.add(son, "loves dinosaurs", tag="preference")
        archive.notes.add(ex, "loves strong coffee", tag="preference")
        archive.notes.add(ex, "always gets lost in car parks", tag="joke")
        people += [ex, son]
    return people


def test_no_built_in_letter_pretends_closeness_to_an_ex_husband_or_an_estranged_son(archive: Archive) -> None:
    me = _me(archive)
    for person in _ended_people(archive, me, 5):
        for template in TEMPLATES:
            text = _draft(archive, person, me, template).text
            found = _PRETENDS.search(text)
            assert found is None, (template, found.group(0) if found else "", text)


def test_jokes_and_tastes_are_left_out_across_an_ending_and_the_lint_says_so(archive: Archive) -> None:
    """An ex-husband typed only "ex-husband" (no end kind) is told why, and not that he has no jokes."""
    me = _me(archive)
    ex = archive.people.add(display_name="Colin Reyes", pronouns="he")
    archive.relationships.set(me, ex, kind="ex-husband", since="1990")
    archive.notes.add(ex, "always gets lost in car parks", tag="joke")
    archive.notes.add(ex, "loves strong coffee", tag="preference")
    for template in ("get-well", "birthday", "just-because", "new-home", "retirement"):
        letter = _draft(archive, ex, me, template)
        assert "car parks" not in letter.text and "strong coffee" not in letter.text, (template, letter.text)
        assert any("has ended (ex-husband)" in w and "what they like" in w for w in letter.warnings), letter.warnings
        assert not any("no shared jokes" in w or "no preferences" in w for w in letter.warnings), letter.warnings


def test_a_love_or_anniversary_letter_across_an_estrangement_is_warned_of_and_counts_to_the_end(
    archive: Archive,
) -> None:
    """To an estranged son: no "I love you" as if current, no "Happy thirty-sixth anniversary" counted to
    2026 (the years stop at 2020), and a warning next to the preview."""
    me = _me(archive)
    for son in _ended_people(archive, me, 3)[1::2]:
        for template in ("love-letter", "anniversary"):
            letter = _draft(archive, son, me, template)
            assert letter.template == template
            assert any("love letter or an anniversary letter" in w for w in letter.warnings), letter.warnings
            assert "thirty-six" not in letter.text and "Thirty-six" not in letter.text, letter.text
        assert "twenty-nine" in _draft(archive, son, me, "anniversary").text.lower()


def test_a_bare_ex_or_a_divorce_of_any_kind_makes_a_love_letter_one_of_letting_go(archive: Archive) -> None:
    me = _me(archive)
    for kind, end_kind in (("ex", None), ("my ex", None), ("co-parent", "divorce"), ("first love", "break-up")):
        person = archive.people.add(display_name=f"Sam {kind}", pronouns="they")
        archive.relationships.set(me, person, kind=kind, since="2001-04-14", ended_on="2015", end_kind=end_kind)
        for template in ("love-letter", "anniversary"):
            assert _draft(archive, person, me, template).template == "letting-go", (kind, template)


def test_a_writers_own_love_letter_to_an_ex_is_drafted_with_a_warning(archive: Archive, tmp_path: Path) -> None:
    me = _me(archive)
    ex = archive.people.add(display_name="Ivo Brandt", pronouns="he")
    archive.relationships.set(me, ex, kind="ex-husband", since="1995")
    own = tmp_path / "my-love.j2"
    own.write_text("{#\ntitle: Mine\noccasion: love\n#}\nDear {{ recipient.name }},\n\nI love you.\n\nLove,\n")
    letter = drafting.render_draft(archive, recipient_id=ex, signer_id=me, template=str(own), today=TODAY)
    assert any("love letter or an anniversary letter" in w for w in letter.warnings), letter.warnings


# French, Spanish and German: the closing an estranged son or an ex-husband is sent, and what is
# never asked of them (a call, a visit, "tell me everything", "see you soon", a hug kept for them).
_ENDED_CLOSINGS = {
    "fr": {"Je te souhaite le meilleur,", "Prends soin de toi,", "Bien à toi,", "Avec mes pensées,",
           "Avec mes vœux les plus sincères,"},
    "es": {"Te deseo lo mejor,", "Cuídate mucho,", "Un saludo afectuoso,", "Con mis mejores deseos,",
           "Que te vaya bien,"},
    "de": {"Alles Gute für dich", "Mit guten Wünschen", "Pass gut auf dich auf", "Herzliche Grüße",
           "Ich wünsche dir alles Gute"},
}  # fmt: skip
_LANGUAGE_ASKS = {
    "fr": r"appelle-moi|je t'appellerai|coup de fil|venir te voir|de la visite|crémaillère|carte postale|raconte-moi"
    r"|dis-moi|écris-moi|donne-moi de tes|racontons|prendre un café|à bientôt|embrassade|ceux qui t'aiment",
    "es": r"llámame|te llamaré|visita|pásate|ven pronto|cuéntame|cuéntamelo|dime cómo|hasta pronto|te abrazo"
    r"|brindar|quienes te quieren",
    "de": r"ruf mich an|anruf|besuch|vorbeikomm|komm bald|erzähl mir|schreib mir|postkarte|bis bald|umarmung"
    r"|wir sehen uns|dich zu sehen|die dich lieben",
}
_LANGUAGE_TEMPLATES = (
    "birthday", "just-because", "thinking-of-you", "death-anniversary", "get-well", "in-memory", "new-baby",
    "new-home", "new-job", "sympathy", "thank-you-gift", "seasons-greetings",
)  # fmt: skip


def test_french_spanish_and_german_letters_across_an_ending_close_kindly_and_ask_for_nothing(archive: Archive) -> None:
    """No "Je t'embrasse", "Un abrazo" or "Alles Liebe" to an ex-husband or an estranged son, no
    "appelle-moi", "te llamaré el domingo" or "Sag mir, wann ich vorbeikommen darf"; and the ex-husband
    is written to as du, tu or tú throughout, as the closing is."""
    from tests.core.letter_people import DETAILS

    me = _me(archive)
    people = _ended_people(archive, me, 3)
    for language in ("fr", "es", "de"):
        asks = re.compile(_LANGUAGE_ASKS[language], re.IGNORECASE)
        for person in people:
            for template in _LANGUAGE_TEMPLATES:
                letter = drafting.render_draft(
                    archive,
                    recipient_id=person,
                    signer_id=me,
                    template=template,
                    today=TODAY,
                    language=language,
                    details=DETAILS[language],
                )
                closing = letter.text.strip().splitlines()[-1]
                assert closing in _ENDED_CLOSINGS[language], (language, template, letter.text)
                found = asks.search(letter.text)
                assert found is None, (language, template, found.group(0) if found else "", letter.text)
