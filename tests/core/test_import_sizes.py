"""Sizes in imports and drafting: parsing linear in the file, every value bounded, refusals in one sentence.

A vCard line of 1 GB, a quoted-printable note of 12 MB (unfolding was quadratic: minutes), a card
with 50,000 emails (23 s), a 2 MB memory (drafting took minutes): each is refused or bounded now.
How fast is for benchmarks/; these check what a person sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from beautifulletters import drafting, limits
from beautifulletters.archive import Archive
from beautifulletters.transfer import import_file
from beautifulletters.transfer.importer import ImportRefused
from tests.core.test_archive import dump
from tests.core.test_user_files import _vcard


@pytest.mark.parametrize(
    ("card", "said"),
    [
        (_vcard("FN:Ok", *[f"EMAIL:p{i}@example.org" for i in range(50_000)]), "more than 100 emails"),
        (_vcard("FN:Ok", *[f"TEL:+1 555 {i:07d}" for i in range(20_000)]), "more than 100 phones"),
        (_vcard("FN:Ok", "NOTE:" + "n" * (limits.NOTE_CHARS + 1)), "the notes are 100,001 characters long"),
        (_vcard("FN:Ok", *[f"NOTE:note {i}" for i in range(20_000)]), "the notes are "),
        (_vcard("FN:Ok", "CATEGORIES:" + ",".join(f"t{i}" for i in range(5_000))), "more than 100 tags"),
    ],
)
def test_a_card_over_a_limit_refuses_the_whole_file(
    empty_archive: Archive, archive_path: Path, tmp_path: Path, card: str, said: str
) -> None:
    path = tmp_path / "people.vcf"
    path.write_text(_vcard("FN:Good Person") + card, encoding="utf-8")
    before = dump(archive_path)
    with pytest.raises(ImportRefused) as refused:
        import_file(empty_archive, path)
    assert str(refused.value).startswith("Nothing was imported from people.vcf: in card 2 (line 5), ")
    assert said in str(refused.value)
    assert dump(archive_path) == before


def test_quoted_printable_is_decoded_whole_across_soft_breaks(empty_archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "qp.vcf"
    note = "Caf=C3=A9 au lait, =3D and =\r\n= kept, soft=\r\n break"
    path.write_text(_vcard("FN:Qp", f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{note}", version="2.1"))
    import_file(empty_archive, path)
    person = next(p for p in map(empty_archive.people.get, empty_archive.search.people_ids()) if p.display_name == "Qp")
    assert person.notes == "Café au lait, = and = kept, soft break"


def test_a_huge_quoted_printable_note_and_a_huge_line_are_refused_in_one_sentence(
    empty_archive: Archive, archive_path: Path, tmp_path: Path
) -> None:
    """Unfolding was quadratic (a 12 MB note: minutes); now it is linear and the limit speaks."""
    before = dump(archive_path)
    qp = tmp_path / "qp.vcf"
    line = "=41" * 25 + "=\r\n"
    qp.write_text(_vcard("FN:Qp", "NOTE;ENCODING=QUOTED-PRINTABLE:" + line * 160_000 + "end", version="2.1"))
    with pytest.raises(ImportRefused, match="the notes are 4,000,003 characters long; the limit is 100,000"):
        import_file(empty_archive, qp)
    long_line = tmp_path / "line.vcf"
    long_line.write_text(_vcard("FN:Long", "NOTE:" + "a" * (limits.CONTACT_VALUE_CHARS + 1)))
    with pytest.raises(ImportRefused, match=r"line 4 holds a value longer than 16,777,216 characters"):
        import_file(empty_archive, long_line)
    assert dump(archive_path) == before


def test_a_very_long_note_is_kept_whole_and_left_out_of_drafts_saying_why(empty_archive: Archive) -> None:
    """Reading a note is not linear in its length: past NOTE_READ_CHARS it is not read into a letter."""
    ann = empty_archive.people.add(display_name="Ann")
    long_memory = "Ann and I walked to the lake and talked about the old days. " * 1600
    long_memory = long_memory[: limits.NOTE_CHARS]
    note = empty_archive.notes.add(ann, long_memory, tag="memory")
    assert empty_archive.notes.get(note).text == long_memory
    draft = drafting.render_draft(empty_archive, recipient_id=ann, template="thinking-of-you")
    assert long_memory[:200] not in draft.text
    assert any("too long to read into a letter" in warning for warning in draft.warnings)
