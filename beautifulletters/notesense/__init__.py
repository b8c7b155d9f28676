"""Understanding a note when it is written: who it is about, its mood, when it happened, how it reads.

Plain data in, plain data out, no archive and no Qt: the archive calls `understand()` when a note
is added or edited and stores the answer with the note; drafting calls it again for the letter's
own signer and day. A note is phrased correctly or not at all: `problem` says why, in words the
writer can act on ("it does not say who did it").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from beautifulletters.limits import NOTE_READ_CHARS
from beautifulletters.notesense import languages as _languages
from beautifulletters.notesense import mood as _mood
from beautifulletters.notesense import reasons as _reasons
from beautifulletters.notesense import second_person as _second_person
from beautifulletters.notesense import words as _words
from beautifulletters.notesense.reader import ABOUT, Reading, Who, read, subject_of
from beautifulletters.notesense.when import Moment, moment_of
from beautifulletters.records import JSONObject

__all__ = [
    "ABOUT",
    "MOODS",
    "Understanding",
    "Who",
    "language_of",
    "lead_in",
    "reason_said",
    "subject_of",
    "understand",
    "understand_in",
]

language_of = _languages.language_of
# Why a note is left out, in the window's language (the reason is stored in English).
reason_said = _reasons.said

MOODS = _mood.MOODS


@dataclass(frozen=True)
class Understanding:
    """A note as a letter may use it. `clause` fits after "I know that", `phrase` after "I remember"."""

    about: str
    mood: str
    dislike: bool
    happened_on: str | None
    clause: str | None
    phrase: str | None
    problem: str | None
    # What it tells of has still to come on the letter's day ("your mum's chemo starts on Monday"):
    # a letter says it is ahead, never "since" it.
    ahead: bool = False

    @property
    def usable(self) -> bool:
        return self.problem is None and bool(self.clause or self.phrase)

    @property
    def sorrow(self) -> bool:
        return _mood.is_sorrow(self.mood)

    def preview(self, tag: str | None = None, language: str = "en") -> str | None:
        """How the note reads in a letter: "I remember how you took me fishing at Lake Tahoe"."""
        if not self.usable:
            return None
        return lead_in(tag, self.clause, self.phrase, language, mood=self.mood, ahead=self.ahead)

    def to_json(self) -> JSONObject:
        return asdict(self)


def lead_in(
    tag: str | None,
    clause: str | None,
    phrase: str | None,
    language: str = "en",
    *,
    mood: str | None = None,
    ahead: bool = False,
) -> str | None:
    """The sentence the panel shows: memories are remembered, everything else is known.

    What the two of them did, or the writer did, is remembered too: no one writes "I know that we
    met at the county fair" to the person they met there ("I remember how we met at the county fair").
    A note in French, Spanish or German is said after a colon in its own language. A sorrow said as a
    thing (`mood` sad or loss: "the miscarriage last spring") reads as the letters say it, gently."""
    if language != "en":
        said = phrase or clause
        return _languages.lead_in(tag, said, language) if said else None
    if phrase and not clause and _mood.is_sorrow(mood) and ahead:
        return f"I know about {phrase}."  # "the operation next week": not "since" a day still to come
    if phrase and not clause and _mood.is_sorrow(mood):
        # Hard news with no verb ("the miscarriage last spring") is not remembered like a good day.
        return f"I have been thinking of you since {phrase}."
    if tag in ("memory", "joke") and phrase:
        return f"I remember {phrase}."
    if clause and phrase and _shared_past(clause):
        return f"I remember {phrase}."
    if clause:
        return f"I know that {clause}."
    return f"I remember {phrase}." if phrase else None


def _shared_past(clause: str) -> bool:
    """ "we met at the fair", "you taught me to swim": what the writer lived too, not news about the other."""
    if subject_of(clause) not in ("both", "signer"):
        return False
    for word in clause.split()[:4]:
        lower = word.lower()
        if lower in {"was", "were", "had"} or lower in _words.IRREGULAR_PAST:
            return True
        if lower.endswith("ed") and _words.is_verb(lower):
            return True
    return False


def understand(
    text: str,
    *,
    recipient: Who,
    signer: Who | None = None,
    tag: str | None = None,
    written: dt.date | None = None,
    today: dt.date | None = None,
    about: str | None = None,
    mood: str | None = None,
    couple: bool = False,
    phrasing: str | None = None,
    happened_on: str | None = None,
) -> Understanding:
    """Read a note for a letter from `signer` to `recipient`.

    `written` resolves "last spring"; `today` says it again relative to the letter's day (without
    it, the time is said absolutely, as stored). `about`, `mood`, `phrasing` and `happened_on` (YYYY,
    YYYY-MM or YYYY-MM-DD) are the writer's own corrections and win over what the words suggest; a
    typed `phrasing` is in the letter's voice, and the time the text names is said from the writer's date.
    """
    written = written or dt.date.today()
    when = moment_of(happened_on) if happened_on else None
    if about is not None and about not in ABOUT:
        raise ValueError(f"about must be one of {', '.join(ABOUT)}")
    if mood is not None and mood not in MOODS:
        raise ValueError(f"mood must be one of {', '.join(MOODS)}")
    if len(text) > NOTE_READ_CHARS:
        # Reading is not linear in a note's length (a 2 MB note took minutes to draft from), and a
        # note this long is no phrase for a letter: it is kept whole, and read only by its phrasing.
        text = text[:NOTE_READ_CHARS]
        if not phrasing:
            return Understanding(
                about=about or "recipient",
                mood=mood or _mood.classify(text, tag),
                dislike=False,
                happened_on=happened_on,
                clause=None,
                phrase=None,
                problem=_reasons.reason(_reasons.TOO_LONG_PHRASE, limit=f"{NOTE_READ_CHARS:,}"),
            )
    if phrasing:
        reading: Reading = read(
            phrasing, recipient=recipient, signer=signer, written=written, today=today, voiced=True, when=when
        )
        timed = read(text, recipient=recipient, signer=signer, written=written, today=today, about=about, couple=couple)
        moment = when or timed.moment or reading.moment
    else:
        reading = read(
            text,
            recipient=recipient,
            signer=signer,
            written=written,
            today=today,
            about=about,
            couple=couple,
            when=when,
            # A sorrow with no verb ("miscarriage last spring") is hard news to acknowledge, not a label.
            hard_news=_mood.is_sorrow(mood or _mood.classify(text, tag)),
        )
        moment = when or reading.moment
    return Understanding(
        about=about or reading.about,
        mood=mood or _mood.classify(text, tag),
        dislike=_mood.is_dislike(text),
        happened_on=moment.date if isinstance(moment, Moment) else None,
        clause=reading.clause,
        phrase=reading.phrase,
        problem=reading.problem,
        ahead=reading.ahead,
    )


def understand_in(
    language: str,
    text: str,
    *,
    recipient: Who,
    signer: Who | None = None,
    tag: str | None = None,
    mood: str | None = None,
    phrasing: str | None = None,
    happened_on: str | None = None,
    about: str | None = None,
) -> Understanding:
    """Read a note written in French, Spanish or German for a letter in that language.

    It is said after a colon (see notesense.languages), in the letter's voice: a note about the
    recipient in the third person, by name or with no subject is said to them ("tu m'appelles
    toujours Crevette"), and `about` is who it speaks of. A `phrasing` the writer typed (in the
    letter's voice and language) wins, and so does `about` when the writer chose it. The note's mood
    comes from its own language's words unless the writer chose one."""
    if about is not None and about not in ABOUT:
        raise ValueError(f"about must be one of {', '.join(ABOUT)}")
    if mood is not None and mood not in MOODS:
        raise ValueError(f"mood must be one of {', '.join(MOODS)}")
    if len(text) > NOTE_READ_CHARS and not phrasing:
        too_long = _reasons.reason(_reasons.TOO_LONG, limit=f"{NOTE_READ_CHARS:,}")
        return Understanding(about or "recipient", mood or "happy", False, happened_on, None, None, too_long)
    # A note about the recipient in the third person, by name, or with no subject is said to them
    # ("il chante faux" reads "tu chantes faux"); a typed phrasing is in the letter's voice already.
    if phrasing:
        turned = _second_person.turn(phrasing, language, names=(), about=about)
    else:
        turned = _second_person.turn(
            text,
            language,
            names=recipient.names,
            signer_names=signer.names if signer else (),
            pronouns=recipient.pronouns,
            label=recipient.label,
            about=about,
        )
    said, problem, found = turned.said, turned.problem, turned.about
    sad = _languages.is_sad(text, language)
    return Understanding(
        about=found,
        mood=mood or ("sad" if sad else "funny" if tag == "joke" else "happy"),
        dislike=_languages.is_dislike(text, language),
        happened_on=happened_on,
        clause=None,
        phrase=said,
        problem=problem,
    )
