"""Which notes a letter may use, and how each reads in it.

Scope: a letter uses only the notes of the signer's own relationship and the person's general
notes, never another relationship's. Voice: every note is read again (notesense) for this
signer and this day, so "last spring" is said as it is now. Mood: sorrows (sad and loss) and
dislikes are kept apart from memories, jokes and preferences, so no template can laugh about a
loss or offer a dislike as a treat. Language: a letter uses only notes written in its own
language (an English note is never set in the middle of a French letter, nor a French one in
English). A note that cannot be said is left out, with a sentence that names it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from beautifulletters import notesense
from beautifulletters.archive.note_reading import who, writer_choices, written_on
from beautifulletters.drafting.context_fields import NoteItem
from beautifulletters.drafting.languages import LETTER_LANGUAGES, as_written, written_in
from beautifulletters.drafting.losses import within_past_year
from beautifulletters.i18n import _
from beautifulletters.notesense.mood import mentions_hardship
from beautifulletters.records import Note, Person, Relationship
from beautifulletters.spelling import capitalise_names
from beautifulletters.words import language_name

NOTE_GROUPS = {"memory": "memories", "joke": "jokes", "fact": "facts", "preference": "preferences"}
GROUPS = (*NOTE_GROUPS.values(), "other", "sorrows", "dislikes")
_LABELLED = re.compile(r"^\s*[A-Za-z][A-Za-z _]{0,30}:\s+\S")
_FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours"}


def in_scope(note: Note, relationship_id: int | None) -> bool:
    """A note of the signer's own relationship, or one about the person that every signer may use."""
    if note.relationship_id is not None and note.relationship_id == relationship_id:
        return True
    scope = note.scope or ("relationship" if note.relationship_id is not None else "person")
    return scope == "person"


def short(text: str, limit: int = 60) -> str:
    one = " ".join(str(text).split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"


def read_notes(
    notes: Iterable[Note],
    *,
    recipient: Person,
    signer: Person,
    relationship: Relationship | None,
    default_signer_id: int | None,
    today: dt.date,
    language: str = "en",
    shared_kin: frozenset[str] = frozenset(),
) -> tuple[list[tuple[Note, notesense.Understanding]], list[str]]:
    """(each usable note with its reading, sentences about the notes left out and why), for a
    letter in `language` ('en', 'fr', 'es' or 'de'); `shared_kin`: kin a bare note names that are the
    writer's too (context.shared_kin)."""
    relationship_id = relationship.id if relationship else None
    signs_as = relationship.signs_as if relationship else None
    recipient_who, signer_who = who(recipient), who(signer, signs_as=signs_as)
    recipient_who = dataclasses.replace(recipient_who, shared_kin=shared_kin)
    kept: list[tuple[Note, notesense.Understanding]] = []
    left_out: list[str] = []
    for note in notes:
        if not in_scope(note, relationship_id):
            continue
        if _LABELLED.match(note.text):
            continue  # "gift: the walnut bowl" is a detail for an occasion, not a sentence for a letter
        own = relationship_id is not None and note.relationship_id == relationship_id
        words = set(note.text.lower().replace(",", " ").split())
        if not own and words & _FIRST_PERSON and signer.id != default_signer_id:
            if signer_who.label:
                said = _("The note “{note}” is left out: it speaks as the one who wrote it, not as {signer}.")
            else:
                said = _("The note “{note}” is left out: it speaks as the one who wrote it, not as the signer.")
            left_out.append(said.format(note=short(note.text), signer=signer_who.label))
            continue
        if not _fits(note.text, language):
            left_out.append(_other_language(note, language))
            continue
        if language == "en":
            understanding = notesense.understand(
                note.text,
                recipient=recipient_who,
                signer=signer_who,
                tag=note.tag,
                written=written_on(note.created_at),
                today=today,
                couple=own,
                **writer_choices(note),
            )
            # "we honeymooned in crete": a name typed in lower case is written with its capital.
            understanding = dataclasses.replace(
                understanding,
                clause=place_names(capitalise_names(understanding.clause)) if understanding.clause else None,
                phrase=place_names(capitalise_names(understanding.phrase)) if understanding.phrase else None,
            )
        else:
            chosen = writer_choices(note)
            understanding = notesense.understand_in(
                language,
                note.text,
                recipient=recipient_who,
                signer=signer_who,
                tag=note.tag,
                mood=chosen.get("mood"),
                phrasing=chosen.get("phrasing"),
                happened_on=chosen.get("happened_on"),
                about=chosen.get("about"),
            )
            if understanding.phrase:
                understanding = dataclasses.replace(understanding, phrase=as_written(understanding.phrase, language))
        if not understanding.usable:
            left_out.append(
                _("The note “{note}” is left out: {reason}.").format(
                    note=short(note.text), reason=notesense.reason_said(understanding.problem)
                )
            )
            continue
        kept.append((note, understanding))
    return kept, left_out


# Regions whose names are ordinary words ("the lake district", "the peak district", "the yorkshire
# dales"): after a word of place and "the", a word and one of these is a name, whatever the dictionary
# says of each word alone. Kept to words that are seldom anything else there: no "hills", "valley" or
# "mountains", which a writer uses plainly too ("the green hills").
_REGIONS = r"district|dales|fells|highlands|broads|wolds|riviera"
# "the school district", "the old district": a kind of district, not a name.
_NOT_A_NAME = frozenset(
    "school business shopping financial historic old new local whole same other next residential industrial "
    "theatre theater arts entertainment central commercial postal electoral health university city little "
    "big small quiet busy northern southern eastern western inner outer".split()
)
_PLACE_SLOT = (
    r"(?:in|at|to|round|around|across|through|near|from|into|over|along|towards?|via|visited|visiting|visit|"
    r"explored|exploring|walked|walking|hiked|hiking|toured|touring|up)"
)
# Words that name a water or a height and are followed by its name: "lough derg", "loch ness".
_BEFORE_A_NAME = r"lough|loch|llyn"


def place_names(text: str) -> str:
    """Place names made of ordinary words, as a writer typed them in lower case: "our walk round the
    lake district" -> "the Lake District", "camped in the yorkshire dales" -> "the Yorkshire Dales",
    "the summer on lough derg" -> "Lough Derg", and "Lake"/"Mount" before a name the dictionary
    capitalised ("lake Tahoe" -> "Lake Tahoe"). Ordinary nouns ("the school district", "the lake
    house", "the loch where we swam") stay as typed."""

    def region(match: re.Match[str]) -> str:
        before, word, kind = match.group(1), match.group(2), match.group(3)
        if word.lower() in _NOT_A_NAME:
            return match.group(0)
        return f"{before}{word[:1].upper()}{word[1:]} {kind.capitalize()}"

    text = re.sub(rf"(?i)(\b{_PLACE_SLOT} the )([a-z][\w'’-]*) ({_REGIONS})\b", region, text)

    def water(match: re.Match[str]) -> str:
        name = match.group(2)
        if name.lower() in _FUNCTION_WORDS:
            return match.group(0)
        return f"{match.group(1).capitalize()} {name[:1].upper()}{name[1:]}"

    text = re.sub(rf"\b({_BEFORE_A_NAME}) ([a-z][\w'’-]+)", water, text)
    text = re.sub(r"\b(lake|mount|cape|isle) (?=[A-Z][a-z])", lambda m: f"{m.group(1).capitalize()} ", text)
    return re.sub(_KNOWN_PLACE, lambda m: f"{m.group(1)}{m.group(2).capitalize()}", text)


# Well-known places the spelling dictionary does not capitalise, because it lacks them ("oban",
# "tiree") or knows them as ordinary words too ("wales", "kent", "york", "bath", "jersey", "mull",
# "turkey"). One is written with its capital only where the note puts a place: straight after "in",
# "to", "visited"… and before the note ends or goes on with a word that starts no noun phrase
# ("in oban", "to wales with the kids", "on mull last summer"), so "to mull it over", "in turkey
# sandwiches" and "interested in reading" stay as typed. Words more often ordinary than a place
# ("reading", "deal", "rye", "settle", "rum", "down", "hay") are not among them.
_PLACE_WORDS = frozenset(
    # Scotland
    "oban mull iona arran islay jura harris lewis skye fife ayr troon largs dunoon rothesay bute portree "
    "ullapool inverness aviemore pitlochry crieff stirling perth dundee barra tiree coll eigg orkney shetland "
    "kirkwall lerwick stornoway tobermory crail anstruther elie kintyre argyll galloway "
    # England, Wales, the islands and Ireland
    "wales england scotland ireland kent york bath wells jersey guernsey sark alderney durham chester derby "
    "cornwall devon dorset essex sussex surrey norfolk suffolk cumbria yorkshire northumberland brighton "
    "whitby scarborough filey harrogate ripon keswick ambleside windermere grasmere coniston bude padstow "
    "newquay looe fowey penzance cromer southwold aldeburgh hythe margate whitstable poole lyme ely lundy "
    "scilly anglesey gower pembroke tenby conwy llandudno bala brecon snowdonia cork kerry mayo sligo "
    "galway donegal connemara antrim kinsale dingle "
    # Further afield
    "france spain italy greece portugal turkey malta gozo crete corfu rhodes sicily sardinia corsica "
    "mallorca majorca menorca ibiza tenerife lanzarote madeira algarve brittany normandy provence tuscany "
    "cannes lyon paris rome venice lisbon porto bruges ghent prague vienna munich bavaria tyrol "
    "iceland norway sweden denmark finland holland germany austria switzerland morocco egypt kenya nepal "
    "bali japan china india canada mexico peru cuba chile australia tasmania".split()
)
_PLACE_FOLLOWERS = (
    r"and|or|with|for|in|on|at|last|this|next|every|each|when|where|while|before|after|during|since|until|"
    r"to|from|again|together|once|twice|by|that|which|years?|\d+"
)
_KNOWN_PLACE = re.compile(
    rf"(?i)(\b{_PLACE_SLOT} |\bon )({'|'.join(sorted(_PLACE_WORDS))})(?=\s*$|\s*[,.;:!?)]|\s+(?:{_PLACE_FOLLOWERS})\b)"
)


_FUNCTION_WORDS = frozenset(
    "where when while that which who the a an and or but in on at to by for from of with near side shore "
    "was were is are had has we you i they it".split()
)


def _fits(text: str, language: str) -> bool:
    """An English letter takes every note not clearly in another language (short notes such as
    "peonies" say nothing of their language); a French one only notes clearly in French."""
    if language == "en":
        return written_in(text, "en") or not any(written_in(text, code) for code in LETTER_LANGUAGES)
    return written_in(text, language)


def _other_language(note: Note, language: str) -> str:
    codes = ["en", *LETTER_LANGUAGES]
    letter = language_name(language)
    found = next((code for code in codes if code != language and written_in(note.text, code)), None)
    if found is None:
        return _(
            "The note “{note}” is left out: {letter_kind} uses notes written in {letter}, "
            "and this one's words do not say which language it is in."
        ).format(note=short(note.text), letter=letter, letter_kind=a_letter_in(letter))
    own = language_name(found)
    return _(
        "The note “{note}” is left out: it is in {own}, and {letter_kind} does not "
        "set {own} words among its own ({own_kind} uses it)."
    ).format(note=short(note.text), own=own, letter_kind=a_letter_in(letter), own_kind=a_letter_in(own))


def a_letter_in(language: str) -> str:
    """ "a French letter", "an English letter": the article goes by the sound of the language's name."""
    if language[:1].lower() in "aeio" or (language[:1].lower() == "u" and not language.lower().startswith("uk")):
        return _("an {language} letter").format(language=language)
    return _("a {language} letter").format(language=language)


def group_of(note: Note, understanding: notesense.Understanding) -> str:
    """Where a note goes in the context: sorrows and dislikes apart from everything pleasant."""
    if understanding.sorrow:
        return "sorrows"
    if understanding.dislike:
        return "dislikes"
    return NOTE_GROUPS.get(str(note.tag), "other")


def note_item(note: Note, understanding: notesense.Understanding, *, used: bool, today: dt.date) -> NoteItem:
    """A note as templates see it: `phrase` after "I remember", `clause` after "I know that"."""
    clause = understanding.clause
    return NoteItem(
        id=note.id,
        tag=note.tag,
        text=" ".join(note.text.split()),
        phrase=understanding.phrase,
        clause=clause,
        # "more days like …", "somewhere between … and today" want a thing, not "how you took me fishing".
        noun=noun_of(understanding.phrase, clause),
        # "It does not seem long since …" wants a clause or a time: "you took me fishing", "the summer we met".
        since=clause or understanding.phrase,
        # Something that happened once ("you failed your driving test twice") does not "never change".
        past=bool(clause and _past(clause)),
        ahead=understanding.ahead,
        # When it happened, or else when it was noted: in the past twelve months, a first season since.
        recent=within_past_year(understanding.happened_on or note.noted_on, today),
        close_kin=bool(re.match(_CLOSE_KIN, clause or understanding.phrase or "")),
        # A kindness in a hard time: thanked for, never "more days like it" or "I would go back".
        hard_time=not understanding.sorrow and mentions_hardship(note.text),
        sentence=(clause[:1].upper() + clause[1:] + ".") if clause else None,
        year=int(understanding.happened_on[:4]) if understanding.happened_on else _year(note.noted_on),
        mood=understanding.mood,
        about=understanding.about,
        dislike=understanding.dislike,
        used=used,
    )


def noun_of(phrase: str | None, clause: str | None) -> str | None:
    """A note as a thing one can have more days like: "the summer we painted the boathouse" as it is,
    "you took me fishing" as "the time you took me fishing", "you hum when you cook" as "the way you
    hum when you cook"."""
    if not clause:
        return phrase
    once = _past(clause) and not _stative(clause) and not _HABIT.search(clause)
    return f"the time {clause}" if once else f"the way {clause}"


# "you fed our cat every time we went away": something done again and again is "the way you fed
# our cat…", not "the time you fed our cat every time…".
_HABIT = re.compile(r"\b(?:every|each|always|whenever|never|used to|would always)\b", re.IGNORECASE)


def _stative(clause: str) -> bool:
    """ "you loved dinosaurs as a kid" was a way of being, not a time: "the way you loved dinosaurs"."""
    words = {w.lower() for w in re.findall(r"[\w'’]+", clause)[1:4]}
    return bool(words & {"loved", "liked", "hated", "adored", "wanted", "needed", "knew", "had", "was", "were", "used"})


def _past(clause: str) -> bool:
    """Whether a clause's first verb is in the past ("you took", "we honeymooned")."""
    from beautifulletters.notesense import words

    for word in (w.lower() for w in re.findall(r"[\w'’]+", clause)[1:5]):
        if word in _PRESENT:
            return False  # "you are scared of the hoover": how things are, not a day gone
        if word in words.IRREGULAR_PAST or (len(word) > 3 and word.endswith("ed")):
            return True
    return False


# "your mum's chemo", "our dad is in hospital": news of someone close to the one the letter is to.
_CLOSE_KIN = (
    r"(?i)^(?:your|our) (?:mum|mom|mam|mother|dad|father|sister|brother|son|daughter|wife|husband|partner|"
    r"gran|grandma|grandad|granddad|grandpa|granny|nan|nana|grandmother|grandfather|aunt|uncle|baby|"
    r"boy|girl)(?:['’]s)?\b"
)
_PRESENT = {"are", "is", "am", "have", "has", "do", "does", "can", "can't", "will", "won't", "don't", "still"}


def _year(value: Any) -> int | None:
    text = str(value or "")
    return int(text[:4]) if text[:4].isdigit() else None
