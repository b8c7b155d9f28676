"""What an editor found reading drafts for invented correspondences: one test per class of defect,
each on people invented for it (not the sample couple)."""

from __future__ import annotations

import datetime as dt

from beautifulletters import drafting
from beautifulletters.archive import Archive

TODAY = dt.date(2026, 12, 2)


def _draft(archive: Archive, to: int, by: int, template: str, **options: object) -> drafting.Draft:
    return drafting.render_draft(archive, recipient_id=to, signer_id=by, template=template, today=TODAY, **options)  # type: ignore[arg-type]


def _me(archive: Archive) -> int:
    me = archive.settings.default_signer_id()
    assert me is not None
    archive.people.update(me, display_name="Hannah Weiss", pronouns="she")
    return me


def test_an_occasions_detail_found_in_a_note_is_said_to_them_and_never_taken_from_a_memory(archive: Archive) -> None:
    """ "degree: his nursing degree" congratulates "your nursing degree"; a note tagged memory is a
    memory of the two of them, not the in-memory letter's memory of the one who died."""
    me = _me(archive)
    marcus = archive.people.add(display_name="Marcus Fell", pronouns="he")
    archive.relationships.set(me, marcus, kind="nephew", since="2003")
    archive.notes.add(marcus, "degree: his nursing degree")
    graduation = _draft(archive, marcus, me, "graduation")
    assert "your nursing degree" in graduation.text.lower() and "his nursing degree" not in graduation.text
    archive.notes.add(marcus, "gift: the jumper she knitted him")
    thanks = _draft(archive, marcus, me, "thank-you-gift")
    assert "knitted him" not in thanks.text and any("--detail gift" in w for w in thanks.warnings)

    for name in ("Raj Anand", "Tomasz Wirth", "Eun-ji Park"):  # three pairs, three wordings
        neighbour = archive.people.add(display_name=name, pronouns="he")
        archive.relationships.set(me, neighbour, kind="neighbour", since="2015")
        archive.notes.add(neighbour, "watered my plants all summer", tag="memory")
        letter = _draft(archive, neighbour, me, "in-memory")
        assert "watered my plants" not in letter.text, letter.text
    chosen = {"remembered": "your wife Meena", "memory": "how she sang"}
    given = _draft(archive, neighbour, me, "in-memory", details=chosen)
    assert "Meena" in given.text and "how she sang" in given.text


def test_an_ex_husband_by_kind_alone_gets_no_anniversary_or_love_letter(archive: Archive) -> None:
    """A relationship typed "ex-husband" (no end date given) has ended: no "twenty-six years today"."""
    me = _me(archive)
    for kind in ("ex-husband", "former partner", "ex wife"):
        ex = archive.people.add(display_name=f"Greg {kind.title().replace(' ', '')}", pronouns="he")
        archive.relationships.set(me, ex, kind=kind, since="2001-06-09", pet_names=["Bear"])
        archive.notes.add(ex, "we honeymooned in crete", tag="memory", about_relationship_from=me)
        for template in ("anniversary", "love-letter"):
            letter = _draft(archive, ex, me, template)
            assert letter.template == "letting-go", (kind, template, letter.text)
            assert "Bear" not in letter.text and "love you" not in letter.text
        birthday = _draft(archive, ex, me, "birthday")
        assert birthday.text.startswith("Dear Greg"), birthday.text  # not "My darling"
