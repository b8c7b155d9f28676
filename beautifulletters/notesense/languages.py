"""Notes in French, Spanish and German: how one reads in a letter in its own language (which
language a note is written in is drafting.languages.written_in's question).

A letter in one language never carries a note in another: an English note in the middle of a
French letter is a sentence no one would write, and a French note in an English frame is no
better. A note in the letter's own language is said as it was written, after a colon ("Je
repense souvent à ceci : le soir où nous avons raté le dernier ferry."), which suits a noun
phrase and a clause alike without rewriting its grammar; a note that speaks of the recipient or
the signer in the third person ("elle adore les roses jaunes") is left out with a sentence that
says how to write it, since turning it into "tu adores…" is not done by word lists.
"""

from __future__ import annotations

import re

NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German"}


# Words that mark a note as someone else's story: the recipient or the signer in the third person.
_THIRD_PERSON = {
    "fr": frozenset("il elle ils elles lui son sa ses".split()),
    "es": frozenset("él ella ellos ellas".split()),
    # Not "Sie" nor "Ihr…": at the start of a note they are as likely the polite "you" as "she".
    "de": frozenset("er sein seine seinen seiner seinem".split()),
}
_KIN = {
    "fr": r"(?:père|mère|mari|femme|frère|sœur|fils|fille|chien|chat|travail|emploi|bébé|enfant|grand-\w+)",
    "es": r"(?:padre|madre|marido|mujer|esposa|esposo|hermano|hermana|hijo|hija|perro|gato|trabajo|empleo|bebé)",
    "de": r"(?:vater|mutter|mann|frau|bruder|schwester|sohn|tochter|hund|katze|job|arbeit|stelle|baby|kind)",
}
_SAD = {
    "fr": r"\b(?:mort|morte|morts|décéd|décès|deuil|enterr|funérailles|obsèques|cancer|malad|hôpital|divorc|"
    r"licenci|chômage|perdu (?:son|sa|ses|notre|nos|mon|ma|mes|ton|ta|tes) " + _KIN["fr"] + ")",
    "es": r"\b(?:murió|muert|falleci|entierro|funeral|luto|cáncer|enferm|hospital|divorci|despedid|paro\b|"
    r"perdi\w* (?:a )?(?:su|sus|nuestro|nuestra|mi|mis|tu|tus|el|la) " + _KIN["es"] + ")",
    "de": r"\b(?:gestorben|starb|tod\b|tot\b|verstorben|beerdigung|trauer|krebs|krank|krankenhaus|scheidung|"
    r"geschieden|entlassen|arbeitslos|" + _KIN["de"] + r" verloren)",
}
_DISLIKE = {
    "fr": r"\b(?:déteste|n['’]aime pas|ne supporte pas|a horreur)",
    "es": r"\b(?:odia|no soporta|no le gusta|no aguanta)",
    "de": r"\b(?:hasst|mag keine?n?\b|mag nicht|kann .* nicht ausstehen)",
}


def say_in(
    text: str, language: str, *, names: tuple[str, ...], signer_names: tuple[str, ...] = ()
) -> tuple[str | None, str | None]:
    """(how the note reads after a colon in a letter in `language`, or why it cannot be used)."""
    said = " ".join(str(text).split()).strip().rstrip(".!;,:").strip()
    if not said:
        return None, "it is empty"
    words = re.findall(r"[^\W\d_][\w'’-]*", said)
    lowered = [w.lower() for w in words]
    for who in (*names, *signer_names):
        if who and re.search(rf"(?<!\w){re.escape(who)}(?!\w)", said):
            person = "the one the letter is to" if who in names else "the one who signs"
            return None, (
                f"it names {who} ({person}) in the third person; written as you would say it in the letter "
                f"(“you…”, “we…”, “I…”), a {NAMES.get(language, language)} letter can use it"
            )
    if lowered and lowered[0] in _THIRD_PERSON.get(language, frozenset()):
        return None, (
            f"it speaks of someone in the third person (“{words[0]}…”); written as you would say it in the "
            f"letter, a {NAMES.get(language, language)} letter can use it"
        )
    return said, None


def is_sad(text: str, language: str) -> bool:
    pattern = _SAD.get(language)
    return bool(pattern and re.search(pattern, text.lower()))


def is_dislike(text: str, language: str) -> bool:
    pattern = _DISLIKE.get(language)
    return bool(pattern and re.search(pattern, text.lower()))
