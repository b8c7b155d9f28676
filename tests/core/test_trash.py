"""Deleted letters go to a trash and come back whole: the letter, every revision, its place in search."""

from __future__ import annotations

import pytest

from beautifulletters.archive import trash
from beautifulletters.errors import BeautifulLettersError


def _draft(archive, text: str = "Dear Ann, the lighthouse keeper waved.") -> tuple[int, int]:
    ann = archive.people.add(display_name="Ann Lee")
    letter = archive.letters.create(signer_id=archive.settings.default_signer_id(), recipient_id=ann, body=text)
    archive.letters.save_body(
        letter,
        "<p>Dear Ann, the lighthouse keeper waved twice.</p>",
        body_format="html",
        body_text="Dear Ann, the lighthouse keeper waved twice.",
        coalesce_seconds=0,
    )
    return ann, letter


def test_delete_and_restore_keep_every_revision_and_search(empty_archive) -> None:
    ann, letter = _draft(empty_archive)
    before = empty_archive.letters.get(letter)
    revisions = [r.body_text for r in empty_archive.letters.revisions(letter)]
    assert len(revisions) == 2
    trash.delete_letter(empty_archive, letter)
    assert letter not in [row.id for row in empty_archive.letters.all()]
    assert not empty_archive.search.letters("lighthouse")
    assert [row.id for row in trash.list_trash(empty_archive)] == [letter]
    with pytest.raises(BeautifulLettersError):
        empty_archive.letters.get(letter)
    restored = trash.undelete_letter(empty_archive, letter)
    assert restored.body_text == before.body_text and restored.created_at == before.created_at
    assert [r.body_text for r in empty_archive.letters.revisions(letter)] == revisions
    assert [row.id for row in empty_archive.search.letters("lighthouse")] == [letter]
    assert trash.list_trash(empty_archive) == []
    assert empty_archive.check()["ok"] if "ok" in empty_archive.check() else True


def test_emptying_the_trash_deletes_for_good(empty_archive) -> None:
    _ann, letter = _draft(empty_archive)
    trash.delete_letter(empty_archive, letter)
    assert trash.empty_trash(empty_archive) == 1
    with pytest.raises(BeautifulLettersError, match="no letter in the trash"):
        trash.undelete_letter(empty_archive, letter)


def test_a_letter_to_someone_deleted_cannot_come_back_and_says_why(empty_archive) -> None:
    ann, letter = _draft(empty_archive)
    trash.delete_letter(empty_archive, letter)
    empty_archive.people.remove(ann, with_letters=True)
    with pytest.raises(BeautifulLettersError, match="deleted"):
        trash.undelete_letter(empty_archive, letter)
