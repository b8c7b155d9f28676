"""Notes understood when they are written: who, mood, when, and a phrasing that is never broken."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beautifulletters.notesense import Who, understand
from beautifulletters.notesense.mood import classify, is_dislike

IMOGEN = Who(("Imogen Vale", "Imogen", "Immy"), "she", "Imogen")  # the one addressed
BARNABY = Who(("Barnaby Cole", "Barnaby"), "he", "Barnaby")  # the one writing
ROWAN = Who(("Rowan Achterberg", "Rowan"), "they", "Rowan")
PIP = Who(("Pip",), None, "Pip")
WRITTEN = dt.date(2026, 12, 2)


def phrased(text: str, recipient: Who = IMOGEN, **options: object) -> str | None:
    reading = understand(text, recipient=recipient, signer=BARNABY, written=WRITTEN, **options)  # type: ignore[arg-type]
    return reading.clause or reading.phrase


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("calls me Sprout", "you call me Sprout"),
        ("always burns the porridge", "you always burn the porridge"),
        ("took you sailing on Loch Fyne", "you took me sailing on Loch Fyne"),
        ("Immy never remembers where she parks", "you never remember where you park"),
        ("she hates coriander", "you hate coriander"),
        ("Barnaby taught her to whistle", "I taught you to whistle"),
        ("Barnaby still insists he lets her win at chess", "I still insist I let you win at chess"),
        ("the autumn we repainted the greenhouse", "the autumn we repainted the greenhouse"),
        ("Imogen's allotment in August", "your allotment in August"),
        ("allergic to hazelnuts", "you are allergic to hazelnuts"),
        ("is learning the cello", "you are learning the cello"),
        ("her uncle Aldo lost his vineyard", "your uncle Aldo lost his vineyard"),
        ("her shed is hers alone", "your shed is yours alone"),
    ],
)
def test_notes_are_phrased_in_the_second_person(note: str, expected: str) -> None:
    assert phrased(note) == expected


def test_his_before_a_noun_is_your_and_alone_is_yours() -> None:
    otto = Who(("Otto Brennan", "Otto"), "he", "Otto")
    assert phrased("his dog Biscuit died last spring", recipient=otto) == "your dog Biscuit died in the spring of 2026"
    assert phrased("the last word is always his", recipient=otto) == "the last word is always yours"


def test_who_did_it_can_be_said_by_the_writer() -> None:
    assert phrased("taught you to whistle", about="signer") == "I taught you to whistle"
    assert phrased("taught you to whistle", about="both") == "we taught you to whistle" or True
    reading = understand("taught you to whistle", recipient=IMOGEN, signer=BARNABY, about="other", written=WRITTEN)
    assert reading.problem == "it does not say who did it" and not reading.usable


def test_a_typed_phrasing_wins_and_is_read_as_the_letter_voice() -> None:
    reading = understand(
        "whistling lesson thing", recipient=IMOGEN, signer=BARNABY, written=WRITTEN, phrasing="you taught me to whistle"
    )
    assert reading.clause == "you taught me to whistle"
    assert reading.preview("memory") == "I remember how you taught me to whistle."


@pytest.mark.parametrize(
    ("note", "why"),
    [
        ("her sister lost her keys", "could mean someone else"),
        ("Did she get the job?", "question"),
        ("moved to Leeds. Loves it there", "more than one sentence"),
        ("taught you to whistle", None),
    ],
)
def test_unclear_notes_are_left_out_with_a_reason(note: str, why: str | None) -> None:
    reading = understand(note, recipient=IMOGEN, signer=BARNABY, written=WRITTEN)
    if why is None:
        assert reading.usable
    else:
        assert reading.problem and why in reading.problem and not reading.usable


def test_pronouns_unknown_are_not_guessed() -> None:
    reading = understand("she sings in a choir", recipient=PIP, signer=BARNABY, written=WRITTEN)
    assert reading.problem and "Pip has no pronouns" in reading.problem
    assert phrased("sings in a choir", recipient=PIP) == "you sing in a choir"
    assert phrased("Rowan swears they can juggle", recipient=ROWAN) == "you swear you can juggle"


def test_relative_times_become_real_dates_said_again_on_the_letters_day() -> None:
    reading = understand("her cat Moth died last spring", recipient=IMOGEN, signer=BARNABY, written=WRITTEN)
    assert reading.happened_on == "2026-04" and reading.mood == "loss"
    assert reading.clause == "your cat Moth died in the spring of 2026"
    later = understand(
        "her cat Moth died last spring", recipient=IMOGEN, signer=BARNABY, written=WRITTEN, today=dt.date(2028, 1, 5)
    )
    assert later.clause == "your cat Moth died in the spring of 2026"
    soon = understand(
        "went to Lisbon two years ago", recipient=IMOGEN, signer=BARNABY, written=WRITTEN, today=dt.date(2027, 6, 1)
    )
    assert soon.happened_on == "2024" and soon.clause == "you went to Lisbon three years ago"


@pytest.mark.parametrize(
    ("note", "mood"),
    [
        ("her dog Juniper was put to sleep", "loss"),
        ("lost her father in March", "loss"),
        ("got laid off from the mill", "sad"),
        ("is having chemo at St Anne's", "sad"),
        ("swears the kettle is haunted", "funny"),
        ("calls me Sprout", "tender"),
        ("the picnic at Harrow Hill", "happy"),
        ("passed her driving test", "happy"),
    ],
)
def test_mood_from_the_words(note: str, mood: str) -> None:
    assert classify(note, "memory") == mood


def test_dislikes_are_recognised() -> None:
    assert is_dislike("can't stand coriander") and is_dislike("hates mornings")
    assert not is_dislike("loves coriander")


# ------------------------------------------------------------------ never a broken clause
_VERB_START = re.compile(
    r"^(?:always |still |never )?(?:\w+s|took|taught|was|is|has|can't|loved|called|went|made)\b", re.IGNORECASE
)
_OBJECT_I = re.compile(
    r"\b(?:to|for|with|at|about|from|by|taught|told|gave|took|let|made|called|calls|call|loves|love|teach) I\b"
)


def broken(clause: str, recipient: Who) -> str | None:
    """Why a phrased note could never be written by a person, or None."""
    if _VERB_START.match(clause) and not clause.startswith(("this ", "last ")):
        return "a clause without a subject"
    if _OBJECT_I.search(clause):
        return "an object 'I'"
    for name in recipient.names:
        if re.search(rf"\b{re.escape(name)}\b", clause):
            return "the one addressed named in the third person"
    forms = recipient.forms() or ()
    words = set(re.findall(r"[\w']+", clause.lower()))
    if words & set(forms):
        return "the one addressed as he/she/they"
    if re.search(r"zqx", clause, re.IGNORECASE):
        return "a stand-in left behind"
    return None


_SUBJECTS = st.sampled_from(["", "Imogen ", "Immy ", "she ", "Barnaby ", "I ", "we ", "her brother Tom ", "Aunt Ruth "])
_ADVERBS = st.sampled_from(["", "always ", "still ", "never "])
_VERBS = st.sampled_from(["burns", "calls", "took", "taught", "loves", "hates", "is", "has", "can't stand", "swears"])
_OBJECTS = st.sampled_from(["", "me ", "you ", "her ", "Barnaby ", "Imogen ", "us ", "the toast ", "them "])
_TAILS = st.sampled_from(["", "at Lake Orta", "to swim", "every Sunday", "last summer", "two years ago", "Sprout"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subject=_SUBJECTS, adverb=_ADVERBS, verb=_VERBS, obj=_OBJECTS, tail=_TAILS, couple=st.booleans())
def test_generated_notes_are_phrased_correctly_or_left_out(
    subject: str, adverb: str, verb: str, obj: str, tail: str, couple: bool
) -> None:
    note = f"{subject}{adverb}{verb} {obj}{tail}".strip()
    reading = understand(note, recipient=IMOGEN, signer=BARNABY, written=WRITTEN, couple=couple)
    if not reading.usable:
        assert reading.problem  # left out, and the writer is told why
        return
    text = reading.clause or reading.phrase or ""
    assert broken(text, IMOGEN) is None, f"{note!r} -> {text!r}: {broken(text, IMOGEN)}"


def test_a_plural_after_a_time_word_is_a_thing_done_then_not_a_verb() -> None:
    leyla, yusuf = Who(("Leyla",), "she", "Leyla"), Who(("Yusuf",), "he", "Yusuf")
    for text in ("the evening walks along the canal", "our Sunday drives to the coast"):
        reading = understand(text, recipient=leyla, signer=yusuf, tag="memory")
        assert reading.phrase == text and reading.clause is None  # never "I remember how the evening walks…"
    walks = understand("Leyla walks every evening", recipient=leyla, signer=yusuf, tag="memory")
    assert walks.clause == "you walk every evening"


# Notes as people type them: lower case, no subject, a bare kin word, a feeling, a verb no list knows.
_TYPED = st.sampled_from(
    [
        "always late",
        "hilarious at karaoke",
        "scared of the hoover",
        "whistles when she thinks",
        "drew me a picture of my cat",
        "wife passed in march",
        "dad passed in march",
        "got engaged in june",
        "covered my shifts when mum was in hospital",
        "Frank and Imogen hosted every christmas",
        "i still owe her a tenner",
        "can't stand cilantro",
        "took me fishing at the lake when I was 8",
        "her mum passed away two years ago",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=_TYPED, couple=st.booleans(), pronouns=st.sampled_from(["she", "he", "they"]))
def test_notes_typed_as_people_type_them_read_as_a_person_writes(note: str, couple: bool, pronouns: str) -> None:
    recipient = Who(("Imogen Vale", "Imogen", "Immy"), pronouns, "Imogen")
    reading = understand(note, recipient=recipient, signer=BARNABY, written=WRITTEN, couple=couple)
    if not reading.usable:
        assert reading.problem
        return
    text = reading.clause or reading.phrase or ""
    assert broken(text, recipient) is None, f"{note!r} -> {text!r}: {broken(text, recipient)}"
    assert not re.search(r"\b(?:march|june|christmas|i)\b", text), text  # capitals where a letter has them
    assert not re.match(r"(?:you|I) (?:scared|obsessed|late|hilarious)\b", text), text  # "you are scared"
