"""Undo after deleting a note or a date brings the same row back; a duplicated letter is a new draft like the old."""

from __future__ import annotations


def test_a_removed_note_comes_back_as_it_was(empty_archive) -> None:
    ann = empty_archive.people.add(display_name="Ann Lee")
    note_id = empty_archive.notes.add(ann, "we swam at dawn in the cold lake", tag="memory")
    before = empty_archive.notes.get(note_id)
    empty_archive.notes.remove(note_id)
    assert empty_archive.notes.put_back(before) == note_id
    assert empty_archive.notes.get(note_id) == before
    assert empty_archive.search.people(search="dawn")[0].id == ann  # found by its words again


def test_a_removed_date_comes_back_as_it_was(empty_archive) -> None:
    ann = empty_archive.people.add(display_name="Ann Lee")
    date_id = empty_archive.dates.add(ann, kind="custom", date="1990-06-01", label="First flat", yearly=False)
    (before,) = empty_archive.dates.for_person(ann)
    empty_archive.dates.remove(date_id)
    assert empty_archive.dates.for_person(ann) == []
    assert empty_archive.dates.put_back(before) == date_id
    assert empty_archive.dates.for_person(ann) == [before]


def test_a_duplicate_is_a_new_draft_with_the_same_body_and_paper(empty_archive) -> None:
    ann = empty_archive.people.add(display_name="Ann Lee")
    bea = empty_archive.people.add(display_name="Bea Lee")
    signer = empty_archive.settings.default_signer_id()
    original = empty_archive.letters.create(
        signer_id=signer,
        recipient_id=ann,
        body="<p>Dear Ann, <b>happy</b> birthday.</p>",
        body_format="html",
        body_text="Dear Ann, happy birthday.",
        occasion="birthday",
        occasion_date="2025-04-03",
        title="Birthday letter",
        style={"paper": "laid", "ink": "blue-black"},
        status="sent",
    )
    copy = empty_archive.letters.duplicate(original, recipient_id=bea, occasion_date="2026-04-03")
    was, now = empty_archive.letters.get(original), empty_archive.letters.get(copy)
    assert copy != original and now.recipient_id == bea and now.status == "draft" and now.sent_on is None
    for field in ("body", "body_format", "body_text", "style", "title", "occasion", "signer_id"):
        assert getattr(now, field) == getattr(was, field)
    assert now.occasion_date == "2026-04-03" and now.revision_count == 1
    assert was.status == "sent"  # the original is untouched
