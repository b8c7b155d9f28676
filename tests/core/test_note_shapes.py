"""Notes that begin like a thing but are a whole sentence are phrased as sentences, never pasted
where a thing goes ("I find myself going over the three of us drove to Cornwall").

The people are invented: Marcus (he) writes to his best friend Tobias (he), whose wife Ines died,
and Nana Joan (she) writes to her granddaughter Elsie (she).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from beautifulletters import drafting, notesense
from beautifulletters.archive import Archive
from beautifulletters.notesense import Who

MARCUS = Who(("Marcus Bell", "Marcus"), "he", "Marcus Bell")
TOBIAS = Who(("Tobias Lind", "Tobias"), "he", "Tobias Lind")
ELSIE = Who(("Elsie Bell", "Elsie"), "she", "Elsie Bell")

# (the note as typed, to whom, how a letter says it as a clause)
SENTENCES = [
    ("the three of us drove to Cornwall in Ines's old Beetle", TOBIAS, "the three of us drove to Cornwall"),
    ("the two of us got snowed in at the cabin", TOBIAS, "the two of us got snowed in at the cabin"),
    ("all four of us slept in one tent at Glastonbury", TOBIAS, "all four of us slept in one tent"),
    ("both of us cried at the wedding", TOBIAS, "both of us cried at the wedding"),
    ("the day she was born it snowed in May", ELSIE, "it snowed in May the day you were born"),
    ("the day we met, it poured with rain", TOBIAS, "it poured with rain the day we met"),
    ("the night we moved in there was a power cut", TOBIAS, "there was a power cut the night we moved in"),
    ("it rained every day of our honeymoon", TOBIAS, "it rained every day of our honeymoon"),
]


@pytest.mark.parametrize(("typed", "to", "said"), SENTENCES, ids=[s[0] for s in SENTENCES])
def test_a_note_that_is_a_sentence_is_phrased_as_one(typed: str, to: Who, said: str) -> None:
    reading = notesense.understand(typed, recipient=to, signer=MARCUS, tag="memory", written=dt.date(2026, 6, 1))
    assert reading.problem is None, reading.problem
    assert reading.clause is not None and reading.clause.startswith(said), reading
    assert reading.phrase == f"how {reading.clause}"


@pytest.mark.parametrize(
    "typed",
    ["the summer we drove to Cornwall", "the night you told me it was over", "the time we got lost in Oban"],
)
def test_a_time_named_by_its_own_clause_is_still_a_thing(typed: str) -> None:
    """Only a second sentence after the time ("… it snowed") makes it one; what was told stays inside."""
    reading = notesense.understand(typed, recipient=TOBIAS, signer=MARCUS, tag="memory")
    assert reading.clause is None and reading.phrase == typed


def test_a_counted_us_with_no_verb_is_not_made_a_sentence() -> None:
    reading = notesense.understand("the three of us at the lake", recipient=TOBIAS, signer=MARCUS, tag="memory")
    assert reading.clause is None
    assert not (reading.phrase or "").startswith("how ")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.split("\n\n", 1)[1]) if s]


@pytest.mark.parametrize("template", ["sympathy", "seasons-greetings", "friendship", "thinking-of-you"])
def test_letters_to_a_friend_say_what_the_three_of_them_did(archive: Archive, template: str) -> None:
    me = archive.settings.default_signer_id()
    tobias = archive.people.add(display_name="Tobias Lind", pronouns="he")
    archive.relationships.set(me, tobias, kind="best friend", since="1990")
    archive.notes.add(tobias, "his wife Ines died last month", tag="fact")
    archive.notes.add(
        tobias, "the three of us drove to Cornwall in Ines's old Beetle", tag="memory", about_relationship_from=me
    )
    draft = drafting.render_draft(
        archive, recipient_id=tobias, signer_id=me, template=template, today=dt.date(2026, 12, 3)
    )
    told = [s for s in _sentences(draft.text) if "drove to Cornwall" in s]
    assert told, draft.text
    for sentence in told:
        before = sentence.split("the three of us drove")[0]
        # "going over the three of us drove", "Thinking of the three of us drove": a sentence pasted as a thing
        assert re.search(r"(?:\bhow|\bthat|: |^)\s*$", before), sentence


def test_a_letter_for_later_says_how_it_snowed_the_day_she_was_born(archive: Archive) -> None:
    nana = archive.people.add(display_name="Joan Bell", pronouns="she")
    elsie = archive.people.add(display_name="Elsie Bell", pronouns="she", birthday="2021-05-02")
    archive.relationships.set(nana, elsie, kind="granddaughter", since="2021-05-02", signs_as="Nana")
    archive.notes.add(elsie, "the day she was born it snowed in May", tag="memory", about_relationship_from=nana)
    for template in ("for-when-you-are-older", "birthday"):
        draft = drafting.render_draft(
            archive, recipient_id=elsie, signer_id=nana, template=template, today=dt.date(2026, 12, 3)
        )
        assert "the day you were born it snowed" not in draft.text, draft.text
        if "snowed" in draft.text:
            assert "it snowed in May the day you were born" in draft.text, draft.text
