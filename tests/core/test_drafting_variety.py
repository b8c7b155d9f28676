"""Two pairs drafted from one template do not receive the same letter."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from beautifulletters import drafting
from beautifulletters.archive import Archive
from beautifulletters.drafting import artifact_problems

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def archive(tmp_path: Path):
    with Archive.open(tmp_path / "variety.sqlite3") as opened:
        yield opened


def draft(archive: Archive, to: int, by: int, template: str) -> drafting.Draft:
    result = drafting.render_draft(archive, recipient_id=to, signer_id=by, template=template, today=TODAY)
    assert artifact_problems(result.text) == [], result.text
    return result


def _shared_fraction(a: str, b: str, n: int = 6) -> float:
    """The share of a's words that stand in a run of n words also found in b."""
    wa, wb = re.findall(r"[\w']+", a.lower()), re.findall(r"[\w']+", b.lower())
    runs = {tuple(wb[i : i + n]) for i in range(len(wb) - n + 1)}
    covered = [False] * len(wa)
    for i in range(len(wa) - n + 1):
        if tuple(wa[i : i + n]) in runs:
            for j in range(i, i + n):
                covered[j] = True
    return sum(covered) / max(len(wa), 1)


_COUPLES = [
    ("Priya Venn", "Dov Venn", "1990-08-18", "the summer we rebuilt the porch", "the night the power went out"),
    ("Greta Holm", "Anselm Holm", "1992-02-02", "the winter we learned to skate", "the week it rained in Cornwall"),
    ("Ama Osei", "Kwame Osei", "1979-05-30", "the road trip with the broken radio", "the year we kept bees"),
    ("Lotte Brink", "Piet Brink", "2004-09-11", "our first flat above the bakery", "the picnic at Loch Lomond"),
    ("Zofia Nowak", "Marek Nowak", "1987-12-05", "the morning we saw the whales", "the hike up Snowdon in fog"),
    ("Hana Sato", "Jun Sato", "1999-03-21", "the Christmas the oven caught fire", "the bakery queue every Saturday"),
]


def _couples(archive: Archive) -> list[tuple[int, int]]:
    couples = []
    for her, him, since, first, second in _COUPLES:
        a = archive.people.add(display_name=her, pronouns="she", birthday=f"19{since[2:4]}-04-0{len(her) % 9 + 1}")
        b = archive.people.add(display_name=him, pronouns="he")
        archive.relationships.set(b, a, kind="wife", since=since)
        archive.dates.add(a, kind="anniversary", date=since, relationship_from=b)
        for memory in (first, second):
            archive.notes.add(a, memory, tag="memory", about_relationship_from=b)
        couples.append((a, b))
    return couples


@pytest.mark.parametrize(
    "template", ["anniversary", "birthday", "friendship", "thinking-of-you", "just-because", "love-letter"]
)
def test_couples_drafted_from_one_template_do_not_get_the_same_letter(archive: Archive, template: str) -> None:
    texts = [draft(archive, a, b, template).text for a, b in _couples(archive)]
    shares = [_shared_fraction(x, y) for i, x in enumerate(texts) for j, y in enumerate(texts) if i != j]
    # The bar: on average at most a quarter of the words sit in six-word runs both letters share.
    assert sum(shares) / len(shares) <= 0.25, [round(s, 2) for s in shares]


def test_one_pairs_letters_differ_from_year_to_year(archive: Archive) -> None:
    a, b = _couples(archive)[0]
    first = drafting.render_draft(archive, recipient_id=a, signer_id=b, template="birthday", today=TODAY)
    letter_id = drafting.store_draft(archive, first)
    archive.letters.update(letter_id, status="sent")
    second = drafting.render_draft(archive, recipient_id=a, signer_id=b, template="birthday", today=TODAY)
    assert _shared_fraction(first.text, second.text) < 0.5
