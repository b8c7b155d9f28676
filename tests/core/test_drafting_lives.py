"""Drafts that know people's lives: deaths, endings, whose notes are whose, signatures, details, moods."""

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
    with Archive.open(tmp_path / "lives.sqlite3") as opened:
        me = opened.settings.default_signer_id()
        opened.people.update(me, display_name="Tamsin Rook", pronouns="she")
        yield opened


def draft(archive: Archive, to: int, by: int, template: str, **options: object) -> drafting.Draft:
    result = drafting.render_draft(archive, recipient_id=to, signer_id=by, template=template, today=TODAY, **options)  # type: ignore[arg-type]
    assert artifact_problems(result.text) == [], result.text
    return result


def test_a_letter_to_a_late_husband_is_written_to_someone_who_died(archive: Archive) -> None:
    odile = archive.people.add(display_name="Odile Marchetti", pronouns="she")
    bertrand = archive.people.add(display_name="Bertrand Marchetti", pronouns="he", died_on="2023-05-10")
    archive.relationships.set(odile, bertrand, kind="husband", since="1985-06-01")
    archive.dates.add(bertrand, kind="anniversary", date="1985-06-01", relationship_from=odile)
    archive.notes.add(bertrand, "Bertrand always hums when he cooks", tag="joke", about_relationship_from=odile)
    letter = draft(archive, bertrand, odile, "anniversary")
    assert letter.template == "to-someone-gone" and letter.occasion == "anniversary"
    assert "has died" in letter.warnings[0]
    assert "thirty-seven years" in letter.text.lower()  # counted to the death, not to today (forty-one)
    assert "forty" not in letter.text and "Some things never change" not in letter.text
    assert "three years" in letter.text.lower()  # since he died
    love = draft(archive, bertrand, odile, "love-letter")
    assert love.template == "to-someone-gone" and "I love the way you laugh" not in love.text


def test_a_divorce_is_not_an_anniversary(archive: Archive) -> None:
    ines = archive.people.add(display_name="Ines Falk", pronouns="she")
    kofi = archive.people.add(display_name="Kofi Falk", pronouns="he")
    archive.relationships.set(
        ines, kofi, kind="husband", since="2001-04-14", ended_on="2019-09", end_kind="divorce", pet_names=["Bear"]
    )
    letter = draft(archive, kofi, ines, "anniversary")
    assert letter.template == "letting-go"
    assert "Bear" not in letter.text and "eighteen years" in letter.text  # 2001 to 2019, not to 2026
    assert any("ended (divorce)" in w for w in letter.warnings)


def test_an_estranged_son_gets_no_jokes_or_pet_names(archive: Archive) -> None:
    dad = archive.people.add(display_name="Aurelio Santangelo", pronouns="he")
    son = archive.people.add(display_name="Matteo Santangelo", pronouns="he")
    archive.relationships.set(dad, son, kind="son", since="1994", end_kind="estrangement", pet_names=["Tiger"])
    archive.notes.add(son, "Matteo swears he can fix any bicycle", tag="joke", about_relationship_from=dad)
    letter = draft(archive, son, dad, "thinking-of-you")
    assert "Tiger" not in letter.text and "fix any bicycle" not in letter.text
    assert letter.text.startswith("Dear Matteo,")


def test_another_relationships_pet_names_and_memories_never_leak(archive: Archive) -> None:
    juno = archive.people.add(display_name="Juno Abernethy", nickname="Junebug", pronouns="she")
    hal = archive.people.add(display_name="Hal Abernethy", pronouns="he")
    wren = archive.people.add(display_name="Wren Okoro", pronouns="she")
    archive.relationships.set(hal, juno, kind="wife", since="2010", pet_names=["Junebug"])
    archive.relationships.set(wren, juno, kind="friend", since="2015")
    archive.notes.add(juno, "the night we eloped to Gretna Green", tag="memory", about_relationship_from=hal)
    archive.notes.add(juno, "Juno grows chillies on the balcony", tag="preference")
    for template in ("friendship", "birthday", "thinking-of-you", "just-because"):
        letter = draft(archive, juno, wren, template)
        assert "Junebug" not in letter.text and "eloped" not in letter.text, letter.text
        assert letter.text.startswith(("Dear Juno,", "Dearest Juno,"))
    assert any("Junebug" in w and "pet name" in w for w in draft(archive, juno, wren, "friendship").warnings)
    spouse = draft(archive, juno, hal, "anniversary")
    assert "Junebug" in spouse.text


def test_signature_from_the_relationship_and_a_warning_for_an_unnamed_signer(archive: Archive) -> None:
    gran = archive.people.add(display_name="Morwenna Price", pronouns="she")
    kit = archive.people.add(display_name="Kit Price", pronouns="they", birthday="2016-03-09")
    archive.relationships.set(gran, kit, kind="grandchild", signs_as="Gran Mo", calls_them="Kitten")
    letter = draft(archive, kit, gran, "birthday")
    assert letter.signature == "Gran Mo" and "Kitten" in letter.text.split("\n")[0]
    archive.people.update(archive.settings.default_signer_id(), display_name="Me")
    unnamed = draft(archive, kit, archive.settings.default_signer_id(), "just-because")
    assert any("signer has no name" in w for w in unnamed.warnings)


def test_occasion_details_are_asked_for_given_and_found_in_notes(archive: Archive) -> None:
    noor = archive.people.add(display_name="Noor Haddad", pronouns="she")
    me = archive.settings.default_signer_id()
    archive.relationships.set(me, noor, kind="friend")
    missing = draft(archive, noor, me, "apology")
    assert any("--detail wrong=" in w for w in missing.warnings)
    sorry = draft(archive, noor, me, "apology", details={"wrong": "forgetting your exhibition opening"})
    assert "for forgetting your exhibition opening" in sorry.text
    assert not any("--detail wrong=" in w for w in sorry.warnings)
    archive.notes.add(noor, "gift: the walnut salad bowl", tag="fact")
    thanks = draft(archive, noor, me, "thank-you-gift")
    assert "the walnut salad bowl" in thanks.text
    info = {t.name: t for t in drafting.list_templates()}
    assert [d.key for d in info["apology"].details] == ["wrong"]


def test_sorrows_are_never_laughed_about_and_dislikes_are_not_gifts(archive: Archive) -> None:
    ezra = archive.people.add(display_name="Ezra Lindqvist", pronouns="he")
    me = archive.settings.default_signer_id()
    archive.relationships.set(me, ezra, kind="old friend", since="2003")
    archive.notes.add(ezra, "his dog Pickle died last spring", tag="memory")
    archive.notes.add(ezra, "got laid off from the shipyard", tag="joke")
    archive.notes.add(ezra, "can't stand olives", tag="preference")
    archive.notes.add(ezra, "the canoe trip where we lost both paddles", tag="memory")
    for template in ("friendship", "birthday", "get-well", "just-because", "thinking-of-you", "anniversary"):
        text = draft(archive, ezra, me, template).text
        assert "olives" not in text, text
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if "Pickle" in sentence or "laid off" in sentence:
                # A sorrow is only ever acknowledged gently, never joked about or offered as pleasant.
                assert re.search(r"\b(sorry|sad to|thinking of you|in my thoughts|hurt to hear)\b", sentence), sentence
                assert not re.search(r"\b(laugh|smil|pleasant|fun)\w*", sentence), sentence


def test_only_finished_letters_count_as_history(archive: Archive) -> None:
    lena = archive.people.add(display_name="Lena Brandt", pronouns="she")
    me = archive.settings.default_signer_id()
    archive.notes.add(lena, "the storm that kept us in the lighthouse", tag="memory")
    first = draft(archive, lena, me, "just-because")
    drafting.store_draft(archive, first)  # a draft nobody sent
    again = draft(archive, lena, me, "just-because")
    assert again.text == first.text and "lighthouse" in again.text


def test_a_user_template_ending_love_then_the_signers_name_is_accepted(archive: Archive, tmp_path: Path) -> None:
    mine = tmp_path / "mine.j2"
    mine.write_text(
        "Dear {{ recipient.name }},\n\nThinking of you today.\n\nLove,\n{{ signer.name }}\n", encoding="utf-8"
    )
    assert drafting.check_template_file(mine) == []
    rosa = archive.people.add(display_name="Rosa Quill")
    letter = draft(archive, rosa, archive.settings.default_signer_id(), str(mine))
    assert letter.text.endswith("Thinking of you today.\n\nLove,") and letter.signature == "Tamsin"
