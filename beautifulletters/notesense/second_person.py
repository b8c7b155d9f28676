"""A French, Spanish or German note about the recipient, said to them: who it is about, in the letter's voice.

"il m'appelle toujours Crevette" on Julien's page (he/him) reads "tu m'appelles toujours Crevette";
"siempre llega tarde" on Diego's "siempre llegas tarde"; "sie hat mir das Schwimmen beigebracht"
on Anna's (she/her) "Du hast mir das Schwimmen beigebracht"; "Julien adore les vieilles cartes"
"tu adores les vieilles cartes"; a verb with no subject ("hasst Koriander") is the recipient's,
as an English note's is. The verb is put in the second person by the endings each language's
grammar gives it (a few irregular verbs by name), and the form made is asked of the language's
Hunspell dictionary: a form it does not know, a pronoun that is not the recipient's, a name in
another place than the subject, or a German "sich" (dich or dir?) leaves the note out with a
reason that says what to write, never a guess. Without a dictionary the endings alone decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from beautifulletters.notesense import reasons as R

_TOKEN = re.compile(r"[^\W\d_]+['’](?=[^\W\d_])|[^\W\d_]+(?:-[^\W\d_]+)*|\d+|\s+|[^\w\s]")
_NAME_MARK = "\x00"

# Subject pronouns of the third person singular, by the recipient's pronouns.
_OWN_SUBJECT = {
    "fr": {"he": "il", "she": "elle"},
    "es": {"he": "él", "she": "ella"},
    "de": {"he": "er", "she": "sie"},
}
# Third-person pronouns that say someone is spoken of (not "Sie": in German it is as likely "you").
_THIRD = {
    "fr": frozenset("il elle ils elles iel".split()),
    "es": frozenset("él ella ellos ellas".split()),
    "de": frozenset("er sie".split()),
}


class _Voice(NamedTuple):
    """The words of one language that say "you", "I" and "we": who a note in the letter's voice is about."""

    you: frozenset[str]
    me: frozenset[str]
    we: frozenset[str]


_VOICE = {
    "fr": _Voice(
        you=frozenset("tu te t' toi ton ta tes tien tienne tiens tiennes toi-même".split()),
        me=frozenset("je j' me m' moi mon ma mes moi-même".split()),
        we=frozenset("nous notre nos on".split()),
    ),
    "es": _Voice(
        you=frozenset("tú te ti contigo tu tus tuyo tuya tuyos tuyas usted".split()),
        me=frozenset("yo me mí conmigo mi mis mío mía".split()),
        we=frozenset("nosotros nosotras nos nuestro nuestra nuestros nuestras".split()),
    ),
    "de": _Voice(
        you=frozenset("du dich dir dein deine deinen deinem deiner deines".split()),
        me=frozenset("ich mich mir mein meine meinen meinem meiner meines".split()),
        we=frozenset("wir uns unser unsere unseren unserem unserer unseres".split()),
    ),
}
_NO_VOICE = _Voice(frozenset(), frozenset(), frozenset())  # a language this reader does not know
_FORMAL_YOU_DE = frozenset("Sie Ihnen Ihr Ihre Ihren Ihrem Ihrer Ihres".split())
# Words that may stand between a subject and its verb: "il ne m'appelle", "ella siempre se ríe".
_BETWEEN = {
    "fr": frozenset("ne n' me m' te t' se s' le la l' les lui leur y en nous vous".split()),
    "es": frozenset(
        "no me te se le lo la nos les los las ya nunca siempre también todavía aún casi jamás tampoco luego "
        "pronto".split()
    ),
    "de": frozenset(),
}
# What may open a note with no subject before its verb: "ne mange pas", "siempre llega tarde".
_LEADING = {
    "fr": frozenset("ne n' me m' se s' y".split()),
    "es": frozenset("no me se le nunca siempre ya también todavía aún casi jamás tampoco luego pronto".split()),
    "de": frozenset(),
}
_REFLEXIVE = {"fr": {"se": "te", "s'": "t'", "s’": "t’"}, "es": {"se": "te"}, "de": {}}
_POSSESSIVE = {
    "fr": {"son": "ton", "sa": "ta", "ses": "tes"},
    "es": {"su": "tu", "sus": "tus", "consigo": "contigo"},
    "de": {},
}
_POSSESSIVE_DE = {
    "he": {f"sein{end}": f"dein{end}" for end in ("", "e", "en", "em", "er", "es")},
    "she": {f"ihr{end}": f"dein{end}" for end in ("e", "en", "em", "er", "es")},
}
# Spanish verbs whose subject is the thing and the person a dative: "le encanta bailar" -> "te encanta".
_GUSTAR = frozenset(
    "encanta encantan encantaba encantaban gusta gustan gustaba gustaban chifla chiflan apasiona apasionan "
    "molesta molestan aburre aburren fascina fascinan duele duelen da dan daba horroriza horrorizan flipa "
    "flipan importa importan preocupa preocupan cuesta cuestan queda quedan sienta sientan pirra pirran "
    "vuelve vuelven".split()
)
# Spanish verbs whose subject often follows them: "murió su perro", "nació su hija".
_SUBJECT_AFTER = frozenset(
    "murió falleció nació nacieron murieron llegó llegaron ocurrió sucedió pasó desapareció empezó terminó "
    "acabó cambió".split()
)
_DETERMINERS_ES = frozenset("su sus el la los las un una mi mis tu tus".split())
# French "il" that is no one: "il y a", "il faut", "il pleut", "il fait beau".
_IMPERSONAL_FR = frozenset(
    "faut fallait faudra faudrait pleut pleuvait pleuvra neige neigeait paraît paraissait semble semblait "
    "suffit suffisait agit agissait vaut valait reste restait manque manquait était".split()
)
_WEATHER_FR = frozenset("beau chaud froid nuit jour bon doux frais gris soleil mauvais humide lourd".split())
# Spanish verbs of no one: "hay", "había nieve", "hace dos años", "llovió toda la semana".
_IMPERSONAL_ES = frozenset("hay había hubo habrá habría llueve llovía llovió nieva nevaba nevó".split())
_TIME_ES = frozenset(
    "un una dos tres cuatro cinco seis siete ocho nueve diez unos unas muchos muchas mucho poco años meses "
    "semanas días tiempo frío calor sol buen mal".split()
)
_SUBORDINATE_DE = frozenset("dass weil wenn ob als obwohl damit bis seit nachdem während wie".split())

_FRENCH = {
    "est": "es", "a": "as", "va": "vas", "fait": "fais", "peut": "peux", "veut": "veux", "vaut": "vaux",
    "sait": "sais", "dit": "dis", "fut": "fus", "eut": "eus", "doit": "dois", "boit": "bois", "voit": "vois",
    "croit": "crois", "ait": "aies",
}  # fmt: skip
_SPANISH = {
    "es": "eres", "está": "estás", "va": "vas", "da": "das", "ha": "has", "fue": "fuiste", "hizo": "hiciste",
    "tuvo": "tuviste", "estuvo": "estuviste", "pudo": "pudiste", "puso": "pusiste", "dijo": "dijiste",
    "trajo": "trajiste", "vino": "viniste", "quiso": "quisiste", "supo": "supiste", "dio": "diste",
    "vio": "viste", "anduvo": "anduviste", "condujo": "condujiste", "hay": "", "era": "eras", "iba": "ibas",
    "ve": "ves", "oye": "oyes", "cree": "crees", "lee": "lees",
}  # fmt: skip
_GERMAN = {
    "ist": "bist", "hat": "hast", "wird": "wirst", "kann": "kannst", "muss": "musst", "will": "willst",
    "darf": "darfst", "soll": "sollst", "mag": "magst", "weiß": "weißt", "tut": "tust", "war": "warst",
    "hatte": "hattest", "wurde": "wurdest", "konnte": "konntest", "musste": "musstest", "wollte": "wolltest",
    "durfte": "durftest", "sollte": "solltest", "mochte": "mochtest", "wusste": "wusstest", "isst": "isst",
    "liest": "liest", "lässt": "lässt", "vergisst": "vergisst", "weißt": "weißt",
}  # fmt: skip


@dataclass(frozen=True)
class Turned:
    """A note in the letter's voice (or None, with the reason), and who it is about."""

    said: str | None
    about: str
    problem: str | None = None


class _Unsure(Exception):
    """The note cannot be turned with confidence; the message is the reason, as stored."""


def turn(
    text: str,
    language: str,
    *,
    names: Iterable[str],
    signer_names: Iterable[str] = (),
    pronouns: str | None = None,
    label: str = "",
    about: str | None = None,
) -> Turned:
    """`text` (a note on the recipient's page, in `language`: "fr", "es" or "de") as a letter to them says it."""
    said = " ".join(str(text).split()).strip().rstrip(".!;,:").strip()
    if not said:
        return Turned(None, about or "recipient", R.EMPTY)
    try:
        language = language[:2].lower()  # "fr-CA": French
        turned, rewritten = _turn(said, language, tuple(names), tuple(signer_names), pronouns, label, about)
    except _Unsure as unsure:
        return Turned(None, about or "recipient", str(unsure))
    return Turned(turned, about or who_is_spoken_of(turned, language, rewritten), None)


def who_is_spoken_of(said: str, language: str, to_them: bool = False) -> str:
    """Who a note in the letter's voice is about: "both", "recipient", "signer" or "other" (as notesense.subject_of)."""
    words = [w for w in _TOKEN.findall(said) if re.match(r"[^\W\d_]", w)]
    lowers = {w.lower().replace("’", "'") for w in words}
    voice = _VOICE.get(language, _NO_VOICE)
    yours = to_them or bool(lowers & voice.you)
    if language == "de":
        yours = yours or any(w in _FORMAL_YOU_DE for w in words[1:])
        if words and words[0] == "Sie" and len(words) > 1 and words[1].endswith("en"):
            yours = True  # "Sie haben die beste Rede gehalten": the polite "you"
    mine = bool(lowers & voice.me)
    ours = bool(lowers & voice.we)
    if language == "es" and words:
        # Spanish says the person by the verb: "pasamos el verano", "te perdiste", "perdí el tren".
        ours = ours or any(re.search(r"(?:amos|emos|imos|ábamos|íamos)$", w.lower()) for w in words)
        yours = yours or any(
            re.search(r"(?:aste|iste)$", w.lower()) and w.lower() not in {"triste", "chiste"} for w in words[:4]
        )
    if ours or (mine and yours):
        return "both"
    if yours:
        return "recipient"
    return "signer" if mine else "other"


def _turn(
    said: str,
    language: str,
    names: tuple[str, ...],
    signer_names: tuple[str, ...],
    pronouns: str | None,
    label: str,
    about: str | None,
) -> tuple[str, bool]:
    kind = R.letter_kind(language)
    if language not in _OWN_SUBJECT:
        return said, False  # a language this reader does not know: said as written
    for who in signer_names:
        if who and re.search(rf"(?<!\w){re.escape(who)}(?!\w)", said):
            raise _Unsure(R.reason(R.NAMES_THIRD, name=who, person=R.SIGNER, letter_kind=kind))
    named_first = False
    for who in sorted({n for n in names if n}, key=len, reverse=True):
        found = re.search(rf"(?<!\w){re.escape(who)}(?!\w)", said)
        if not found:
            continue
        if (
            found.start() == 0
            and about in (None, "recipient")
            and not re.search(rf"(?<!\w){re.escape(who)}(?!\w)", said[found.end() :])
        ):
            said = _NAME_MARK + said[found.end() :]
            named_first = True
            break
        raise _Unsure(R.reason(R.NAMES_THIRD, name=who, person=R.RECIPIENT, letter_kind=kind))
    tokens = _TOKEN.findall(said)
    index = [i for i, t in enumerate(tokens) if t == _NAME_MARK or re.match(r"[^\W\d_]", t)]
    if not index:
        raise _Unsure(R.NO_WORDS)
    gender = (pronouns or "").split("/")[0].strip().lower()
    own = _OWN_SUBJECT[language].get(gender)
    person = label or R.THE_PERSON
    subjects: list[int] = [0] if named_first else []
    for position, i in enumerate(index):
        lower = tokens[i].lower()
        if lower not in _THIRD[language] or (language == "de" and tokens[i] == "Sie" and position > 0):
            continue
        if language == "fr" and lower == "il" and _impersonal_french(tokens, index, position):
            continue  # "il y a deux ans", "il faisait beau": no one
        if language == "de" and lower == "sie" and not _german_singular(tokens, index, position):
            if position == 0 and tokens[i] == "Sie":
                continue  # "Sie haben …": the polite "you", or "they"; said as written
            raise _Unsure(R.reason(R.WHICH_PERSON, word=tokens[i], person=person, letter_kind=kind))
        if about not in (None, "recipient"):
            raise _Unsure(R.reason(R.WHICH_PERSON, word=tokens[i], person=person, letter_kind=kind))
        if not pronouns and lower in _OWN_SUBJECT[language].values():
            raise _Unsure(R.reason(R.NO_PRONOUNS, word=tokens[i], person=person))
        if lower != own:
            raise _Unsure(R.reason(R.WHICH_PERSON, word=tokens[i], person=person, letter_kind=kind))
        subjects.append(position)
    if language == "fr" and "lui" in {tokens[i].lower() for i in index} and not (subjects and gender == "he"):
        raise _Unsure(R.reason(R.WHICH_PERSON, word="lui", person=person, letter_kind=kind))
    implicit = False
    first = tokens[index[0]].lower()
    theirs = _POSSESSIVE[language] if language != "de" else _POSSESSIVE_DE.get(gender, {})
    if not subjects and about in (None, "recipient") and first in theirs:
        _owners(tokens, language, gender, kind, person)  # "son chien s'appelle Rex": "ton chien…"
        return _joined(tokens, language), True
    if not subjects and language == "de" and first in {*_POSSESSIVE_DE["he"], *_POSSESSIVE_DE["she"]}:
        raise _Unsure(R.reason(R.WHICH_PERSON, word=tokens[index[0]], person=person, letter_kind=kind))
    if not subjects:
        start = _verb_first(tokens, index, language)
        if start is None:
            return said, False  # in the letter's voice already, or about someone it names
        if about not in (None, "recipient"):
            raise _Unsure(R.reason(R.NO_SUBJECT, word=tokens[index[start]], letter_kind=kind))
        implicit = True
        subjects = [start]
    for position in sorted(subjects, reverse=True):
        _to_you(tokens, index, position, language, implicit, kind, person)
    _owners(tokens, language, gender, kind, person)
    return _joined(tokens, language), True


def _joined(tokens: list[str], language: str) -> str:
    turned = "".join(tokens).strip()
    turned = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", turned))
    return turned[:1].upper() + turned[1:] if language == "de" else turned


def _impersonal_french(tokens: list[str], index: list[int], position: int) -> bool:
    following = [tokens[index[p]].lower().replace("’", "'") for p in range(position + 1, min(position + 3, len(index)))]
    if not following:
        return False
    if following[0] in {"y", "s'"} and len(following) > 1 and following[1] in {"a", "avait", "aura", "agit", "eut"}:
        return True
    if following[0] == "était" and len(following) > 1 and following[1] == "une":
        return True  # "il était une fois"
    if following[0] in {"fait", "faisait", "fera"} and len(following) > 1 and following[1] in _WEATHER_FR:
        return True
    return following[0] in _IMPERSONAL_FR and following[0] != "était"


def _german_singular(tokens: list[str], index: list[int], position: int) -> bool:
    """ "sie hat", "hat sie": the "sie" of a verb in the third person singular (not "sie haben")."""
    near = [tokens[index[p]] for p in (position - 1, position + 1) if 0 <= p < len(index)]
    return any(_german_third(word) for word in near)


def _german_third(word: str) -> bool:
    lower = word.lower()
    if lower in _GERMAN:
        return True
    return word[:1].islower() and (lower.endswith("t") or lower.endswith("te")) and not lower.endswith("st")


def _verb_first(tokens: list[str], index: list[int], language: str) -> int | None:
    """Where a note with no subject has its verb ("adore les macarons", "siempre llega tarde"); None
    when it opens otherwise ("le soir où…", "nous avons…", a name)."""
    from beautifulletters.notesense.languages import opens_with

    position = 0
    while position < len(index) - 1 and tokens[index[position]].lower().replace("’", "'") in _LEADING[language]:
        position += 1
    word = tokens[index[position]]
    lower = word.lower()
    if not word[:1].islower() or opens_with(lower.rstrip("'’"), language) or lower in _THIRD[language]:
        return None  # a name, "le soir où…", "nous avons…", an impersonal "il y a…"
    if language == "es":
        following = tokens[index[position + 1]].lower() if position + 1 < len(index) else ""
        if lower in _IMPERSONAL_ES or (lower in {"hace", "hacía", "hará"} and following in _TIME_ES):
            return None  # "hace dos años", "había nieve": no one
        before = tokens[index[position - 1]].lower() if position else ""
        if lower in _GUSTAR and before in {"me", "te", "nos", "les", "os"}:
            return None  # "me encanta el café": the writer's own liking, said as written
        if re.search(r"(?:mos|s|o|é|í)$", lower) and lower not in _SPANISH:
            return None  # "pasamos", "perdiste", "llego": the letter's voice already
        if _spanish_verb(lower):
            return position
    elif language == "fr":
        if _french_verb(lower):
            return position
    elif lower in _GERMAN or not _knows(lower + "er", "de"):
        return position  # "hasst", "kocht"; not "verrückt", "begeistert" (verrückter: a way of being)
    raise _Unsure(R.reason(R.NO_SUBJECT, word=word, letter_kind=R.letter_kind(language)))


def _to_you(
    tokens: list[str], index: list[int], position: int, language: str, implicit: bool, kind: str, person: str
) -> None:
    """The subject at `position` (or, when `implicit`, the verb there) and its verb, in the second person."""
    subject = index[position]
    if language == "de" and not implicit and position > 0:
        before = tokens[index[position - 1]]
        if before.lower() in _SUBORDINATE_DE or not _german_third(before):
            raise _Unsure(R.reason(R.UNSURE_VERB, word=tokens[subject], person=person, letter_kind=kind))
        tokens[index[position - 1]] = _conjugated(before, language, kind, person)
        tokens[subject] = "du"
        return
    if implicit:
        verb_at, between = position, range(position)
    else:
        verb_at = position + 1
        while verb_at < len(index) and tokens[index[verb_at]].lower().replace("’", "'") in _BETWEEN[language]:
            verb_at += 1
        between = range(position + 1, verb_at)
    for at in between:
        token = tokens[index[at]]
        swap = _REFLEXIVE[language].get(token.lower())
        if swap:
            tokens[index[at]] = _cased(swap, token)
        elif language == "es" and token.lower() == "le":
            following = tokens[index[at + 1]].lower() if at + 1 < len(index) else ""
            if not implicit or following not in _GUSTAR:
                raise _Unsure(R.reason(R.WHICH_PERSON, word=token, person=person, letter_kind=kind))
            tokens[index[at]] = _cased("te", token)
            tokens[index[0]] = tokens[index[0]][:1].lower() + tokens[index[0]][1:]
            return  # "le encanta bailar": the thing is the subject, the verb stays
    if verb_at >= len(index):
        raise _Unsure(R.reason(R.UNSURE_VERB, word=tokens[subject], person=person, letter_kind=kind))
    verb = tokens[index[verb_at]]
    following = tokens[index[verb_at + 1]].lower() if verb_at + 1 < len(index) else ""
    if language == "es" and implicit and verb.lower() in _SUBJECT_AFTER and following in _DETERMINERS_ES:
        return  # "murió su perro en enero": the dog died; only "su" becomes "tu"
    tokens[index[verb_at]] = _conjugated(verb, language, kind, person)
    pronoun = {"fr": "tu", "es": "", "de": "du"}[language]
    if implicit:
        if pronoun:
            tokens.insert(index[0], pronoun + " ")
        else:
            tokens[index[0]] = tokens[index[0]][:1].lower() + tokens[index[0]][1:]
        return
    before = tokens[subject - 1] if subject > 0 else ""
    if language == "fr" and before.lower().replace("’", "'") in {"qu'", "s'"}:
        tokens[subject - 1] = {"qu'": "que ", "s'": "si "}[before.lower().replace("’", "'")]
    if pronoun:
        tokens[subject] = pronoun
    else:
        tokens[subject] = ""
        if subject + 1 < len(tokens) and tokens[subject + 1].isspace():
            tokens[subject + 1] = ""
        if subject > 0 and tokens[subject - 1].isspace() and subject == len(tokens) - 1:
            tokens[subject - 1] = ""


def _owners(tokens: list[str], language: str, gender: str, kind: str, person: str) -> None:
    """ "son chien", "su trabajo", "seinen Chef": theirs is now "yours"."""
    table = _POSSESSIVE[language] if language != "de" else _POSSESSIVE_DE.get(gender, {})
    words = [i for i, t in enumerate(tokens) if re.match(r"[^\W\d_]", t)]
    for n, i in enumerate(words):
        lower = tokens[i].lower()
        if lower in table:
            tokens[i] = _cased(table[lower], tokens[i])
        elif language == "de" and lower == "sich":
            raise _Unsure(R.reason(R.UNSURE_VERB, word=tokens[i], person=person, letter_kind=kind))
        elif language == "de" and gender == "she" and lower == "ihr":
            following = tokens[words[n + 1]] if n + 1 < len(words) else ""
            if following[:1].isupper():
                tokens[i] = _cased("dein", tokens[i])
            else:
                raise _Unsure(R.reason(R.WHICH_PERSON, word=tokens[i], person=person, letter_kind=kind))
        elif language == "fr" and lower in {"lui-même", "elle-même"}:
            tokens[i] = "toi-même"
        elif language == "fr" and lower == "lui" and gender == "he":
            before = tokens[words[n - 1]].lower() if n else ""
            if before not in {"avec", "pour", "chez", "sans", "sur", "à", "de", "comme", "que"}:
                raise _Unsure(R.reason(R.WHICH_PERSON, word=tokens[i], person=person, letter_kind=kind))
            tokens[i] = "toi"


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _conjugated(verb: str, language: str, kind: str, person: str) -> str:
    """`verb` (third person singular) in the second person singular, or the note is left out."""
    lower = verb.lower()
    candidates = {"fr": _french_you, "es": _spanish_you, "de": _german_you}[language](lower)
    if not candidates:
        raise _Unsure(R.reason(R.UNSURE_VERB, word=verb, person=person, letter_kind=kind))
    for candidate in candidates:
        known = _knows(candidate, language)
        if known is None:
            return candidates[0]
        if known:
            return candidate
    raise _Unsure(R.reason(R.UNSURE_VERB, word=verb, person=person, letter_kind=kind))


def _knows(word: str, language: str) -> bool | None:
    from beautifulletters.spelling import knows

    return knows(word, language)


def _french_you(verb: str) -> list[str]:
    if verb in _FRENCH:
        return [_FRENCH[verb]]
    for end, you in (
        ("aît", "ais"), ("ait", "ais"), ("oit", "ois"), ("ient", "iens"), ("ent", "ens"), ("ort", "ors"),
        ("art", "ars"), ("et", "ets"), ("it", "is"), ("ut", "us"), ("eut", "eux"),
    ):  # fmt: skip
        if verb.endswith(end):
            return [verb[: -len(end)] + you]
    if verb.endswith(("e", "a", "d", "c")):
        return [verb + "s"]
    return []


def _french_verb(word: str) -> bool:
    """A word with no subject before it is a verb when a verb it could be is known ("adore": adorer)."""
    if word in _FRENCH or re.search(r"(?:ait|aît|oit|it|ut|ient|ent|ort|art|d|a)$", word):
        return True
    if not word.endswith("e"):
        return False
    stem = word[:-1]
    stems = {stem, re.sub(r"([lt])\1$", r"\1", stem), stem.replace("è", "e"), stem.replace("è", "é")}
    infinitives = [s + end for s in stems for end in ("er", "ir")]
    known = [_knows(infinitive, "fr") for infinitive in infinitives]
    return any(known) or all(k is None for k in known)


def _spanish_you(verb: str) -> list[str]:
    if verb in _SPANISH:
        return [_SPANISH[verb]] if _SPANISH[verb] else []
    if verb.endswith("yó"):
        return [verb[:-2] + "íste", verb[:-2] + "iste"]
    if verb.endswith("ió"):
        stem = verb[:-2]
        changed = [re.sub(r"u([^aeiou]*)$", r"o\1", stem), re.sub(r"i([^aeiou]*)$", r"e\1", stem)]
        # "perdió": perdiste; "murió": moriste; "estudió" (estudiar): estudiaste.
        return [stem + "iste", *(s + "iste" for s in changed if s != stem), verb[:-1] + "aste"]
    if verb.endswith("ó"):
        return [verb[:-1] + "aste"]
    if verb.endswith(("a", "e", "á")):
        return [verb + "s"]
    return []


def _spanish_verb(word: str) -> bool:
    """ "llega" (llegar), "perdió" (perder), "cuenta" (contar): a verb in the third person singular."""
    if word in _SPANISH or word in _GUSTAR:
        return True
    if word.endswith(("ó", "aba", "ía", "á")):
        return True
    if not word.endswith(("a", "e")):
        return False
    stem = word[:-1]
    stems = {stem, stem.replace("ue", "o"), stem.replace("ue", "u"), stem.replace("ie", "e"), stem.replace("ie", "i")}
    stems |= {re.sub(r"i([^aeiou]*)$", r"e\1", s) for s in set(stems)}
    stems |= {re.sub(r"(?<=[^\W\d_])zc$", "c", s) for s in set(stems)}
    infinitives = [s + end for s in stems for end in (("ar",) if word.endswith("a") else ("er", "ir"))]
    known = [_knows(infinitive, "es") for infinitive in infinitives]
    return any(known) or all(k is None for k in known)


def _german_you(verb: str) -> list[str]:
    if verb in _GERMAN:
        return [_GERMAN[verb]]
    if verb.endswith("te"):
        return [verb + "st"]
    if verb.endswith("t"):
        stem = verb[:-1]
        if re.search(r"(?:s|ß|z|x)$", stem):
            return [verb]
        if verb.endswith("et"):
            return [stem + "st"]
        return [stem + "st", verb + "st"]
    return [verb + "st", verb + "est"]
