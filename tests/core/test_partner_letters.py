"""A partner (someone the writer lives with) is never offered a visit, in French, Spanish or German.

"Je passerai te voir", "Pasaré a verte", "Ich komme vorbei" are kind to a friend across town and
absurd to the one across the breakfast table; the English letters give partners their own
sentences (relationship.closeness == "partner"), and so do these. Friends still get the visit.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from beautifulletters import drafting
from beautifulletters.archive import Archive
from tests.core.correspondents import known

TODAY = dt.date(2026, 12, 2)
OCCASIONS = ("new-baby", "death-anniversary", "get-well", "sympathy", "new-home")
DETAILS = {
    "new-baby": {"baby_name": "Ada"},
    "death-anniversary": {"remembered": "Rosa", "years": "3"},
    "sympathy": {"deceased": "Rosa"},
}
# What offers a visit (or a call from elsewhere) in each language.
VISIT = {
    "fr": re.compile(
        r"je passerai|que je passe|peux passer|venir te voir|je viendrai|je viens(?! d)|de la visite|visites?\b"
        r"|frapper à ta|appelle-moi|je t'appellerai|coup de fil",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"pasaré|que me pase|puedo pasar|paso a|ir a verte|\biré\b|y voy\b|voy con|visitas?\b|llámame(?! desde)"
        r"|te llamaré|una llamada",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"vorbei(?:komme|kommen)|komme ich (?:vorbei|den)|und ich komme|besuch|ruf(?:e)? (?:dich|mich) an|einen anruf",
        re.IGNORECASE,
    ),
}
# Invented couples: names and pronouns in each language.
COUPLES = {
    "fr": [("Amélie Roux", "she", "Julien Roux", "he"), ("Hugo Martin", "he", "Chloé Petit", "she")],
    "es": [("Carmen Ruiz", "she", "Diego Ortega", "he"), ("Pablo Gil", "he", "Lucía Navarro", "she")],
    "de": [("Anna Keller", "she", "Jonas Bauer", "he"), ("Lukas Wolf", "he", "Mia Brandt", "she")],
}


def _letters(archive: Archive, language: str, kind: str, rounds: int = 5) -> list[tuple[str, str]]:
    """Letters for every occasion to several invented people of one `kind`, each drafted `rounds` times
    with a different day, so that many of each sentence's wordings are drawn."""
    found = []
    for index, (signer_name, signer_pronouns, name, pronouns) in enumerate(COUPLES[language]):
        signer = archive.people.add(display_name=f"{signer_name} {index}", pronouns=signer_pronouns)
        recipient = known(
            archive, signer, f"{name} {index}", kind=kind, since="2011-05-04", pronouns=pronouns, language=language
        )
        for occasion in OCCASIONS:
            for day in range(rounds):
                draft = drafting.render_draft(
                    archive,
                    recipient_id=recipient,
                    signer_id=signer,
                    template=occasion,
                    today=TODAY + dt.timedelta(days=37 * day),
                    language=language,
                    details=DETAILS.get(occasion, {}),
                )
                found.append((occasion, draft.text))
    return found


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_a_partner_is_never_offered_a_visit(archive: Archive, language: str) -> None:
    for occasion, text in _letters(archive, language, "husband" if language != "de" else "wife"):
        body = text.split("\n\n", 1)[1]  # the salutation may not be searched ("Ma chère…")
        assert not VISIT[language].search(body), (occasion, VISIT[language].search(body), text)


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_a_friend_is_still_offered_a_visit(archive: Archive, language: str) -> None:
    offered = [
        occasion for occasion, text in _letters(archive, language, "friend", rounds=2) if VISIT[language].search(text)
    ]
    assert offered, "friends were never offered a visit"


YOURS_ALONE = {
    "fr": re.compile(r"\bton (?:bébé|enfant)\b|ta naissance|te voilà parent", re.IGNORECASE),
    "es": re.compile(r"\btu (?:bebé|hijo|hija|criatura)\b|conocer a esta criatura", re.IGNORECASE),
    "de": re.compile(r"\bdein(?:em|en|es)? (?:Baby|Kind)\b|kennenzulernen", re.IGNORECASE),
}


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_a_partners_new_baby_is_ours(archive: Archive, language: str) -> None:
    """To the other parent the baby is "notre bébé", "nuestro bebé", "unser Baby", as in English."""
    for occasion, text in _letters(archive, language, "husband" if language != "de" else "wife", rounds=4):
        if occasion == "new-baby":
            assert not YOURS_ALONE[language].search(text), (YOURS_ALONE[language].search(text), text)


# Distance in a "thinking of you" letter: miles, visits, "from afar", missing someone, waiting to meet again.
DISTANCE = {
    "fr": re.compile(
        r"de loin|distance|kilomètres?|visite|même pièce|te revoir|se revoir|vous revoir|nous reverrons"
        r"|me manques?\b|prendre le train|t'attends|compte les jours|qu'on se voie",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"desde lejos|distancia|kilómetros?|visita|misma habitación|echo de menos|te espero|contando los días"
        r"|volver a verle|nos veamos|hasta que te vea|te noto lejos|desde aquí",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"Ferne|Entfernung|Kilometer|Besuch|selben Raum|vermisse|fehlst mir|Wiedersehen|warte auf dich"
        r"|zähle die Tage|bis ich dich sehe|uns bald sehen|sehen uns bald",
        re.IGNORECASE,
    ),
}
# A loss told as news just heard: to the one who lives with the writer it is not news.
NEWS = {
    "fr": re.compile(r"appris|apprendre|nouvelle|viens d'|parvenu|en personne", re.IGNORECASE),
    "es": re.compile(r"enterado|enteré|enterarme|noticia|acabo de|supe\b|sabido|en persona", re.IGNORECASE),
    "de": re.compile(r"erfahren|gehört|Nachricht|persönlich", re.IGNORECASE),
}
HOMES = {
    "fr": ("12 rue des Lilas\n69004 Lyon", "7 Harbour Road\nDunedin 9016\nNew Zealand"),
    "es": ("Calle del Olmo 12\n28012 Madrid", "7 Harbour Road\nDunedin 9016\nNew Zealand"),
    "de": ("Lindenstraße 12\n10969 Berlin", "7 Harbour Road\nDunedin 9016\nNew Zealand"),
}


def _couples(archive: Archive, language: str, kind: str, theirs: str, count: int = 6) -> list[tuple[int, int]]:
    """`count` invented pairs (the writer at home, the other at `theirs`), each its own relationship, so that
    between them most of each sentence's wordings are drawn."""
    home = HOMES[language][0]
    found = []
    for index in range(count):
        signer_name, signer_pronouns, name, pronouns = COUPLES[language][index % 2]
        signer = archive.people.add(display_name=f"{signer_name} {index}", pronouns=signer_pronouns, addresses=[home])
        other = archive.people.add(
            display_name=f"{name} {index}", pronouns=pronouns, language=language, addresses=[theirs]
        )
        archive.relationships.set(signer, other, kind=kind, since="2011-05-04")
        found.append((signer, other))
    return found


def _body(archive: Archive, language: str, signer: int, recipient: int, template: str) -> str:
    """The letter after its salutation."""
    return drafting.render_draft(
        archive,
        recipient_id=recipient,
        signer_id=signer,
        template=template,
        today=TODAY,
        language=language,
        details=DETAILS.get(template, {}),
    ).text.split("\n\n", 1)[1]


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_a_partner_at_the_same_address_is_written_to_without_distance_or_news_of_the_loss(
    archive: Archive, language: str
) -> None:
    """ "Une lettre ne remplace pas une visite" is not written to a husband across the kitchen table, nor
    "Je viens d'apprendre ton deuil" to the wife who lives through it with the writer."""
    from beautifulletters.drafting.context import build_context

    for kind in ("husband", "wife"):
        for signer, partner in _couples(archive, language, kind, HOMES[language][0]):
            context = build_context(
                archive, recipient_id=partner, signer_id=signer, occasion="thinking-of-you", today=TODAY
            )
            assert not context["relationship"]["apart"]
            text = _body(archive, language, signer, partner, "thinking-of-you")
            assert not DISTANCE[language].search(text), (DISTANCE[language].search(text), text)
            text = _body(archive, language, signer, partner, "sympathy")
            assert not NEWS[language].search(text), (NEWS[language].search(text), text)


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_a_pen_pal_abroad_is_written_to_across_the_distance(archive: Archive, language: str) -> None:
    found = [
        text
        for signer, pen_pal in _couples(archive, language, "pen pal", HOMES[language][1], count=4)
        if DISTANCE[language].search(text := _body(archive, language, signer, pen_pal, "thinking-of-you"))
    ]
    assert found, "a pen pal abroad was never written to across the distance"


LOSS_NOTES = {
    "fr": "son chien Pickle est mort au printemps",
    "es": "su perro Pickle murió en primavera",
    "de": "sein Hund Pickle ist im Frühling gestorben",
}
# A sorrow told as something just heard of, or heard from others.
HEARD = {
    "fr": re.compile(r"appris|apprendre|on m'a dit|je sais ceci", re.IGNORECASE),
    "es": re.compile(r"enterarme de esto|enteré de esto|supe esto|saber esto|me contaron|sé esto", re.IGNORECASE),
    "de": re.compile(r"zu hören|erfahren|davon erzählt|weiß davon", re.IGNORECASE),
}


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_a_partners_sorrow_is_shared_not_heard_of(archive: Archive, language: str) -> None:
    """ "J'ai appris ceci : ton chien Pickle est mort" is for a friend; to a husband the dog was theirs too."""
    said = []
    for kind in ("husband", "wife"):
        for signer, partner in _couples(archive, language, kind, HOMES[language][0], count=4):
            archive.notes.add(partner, LOSS_NOTES[language], tag="loss", about_relationship_from=signer)
            text = _body(archive, language, signer, partner, "thinking-of-you")
            assert not HEARD[language].search(text), (HEARD[language].search(text), text)
            said += [text] if "Pickle" in text else []
    assert said, "the sorrow was never mentioned"
    friends = [
        _body(archive, language, signer, friend, "thinking-of-you")
        for signer, friend in _couples(archive, language, "friend", HOMES[language][0], count=4)
        if archive.notes.add(friend, LOSS_NOTES[language], tag="loss", about_relationship_from=signer) or True
    ]
    assert any(HEARD[language].search(text) for text in friends), friends
