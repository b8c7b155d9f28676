"""Undo after deleting a note or a date: the same row comes back, id, tag, reading and all."""

from __future__ import annotations


def test_a_removed_note_comes_back_as_it_was(empty_archive) -> None:
    ann = empty_archive.people.add(display_name="Ann Lee")
    note_id = empty_archive.notes.add(ann, "we swam at dawn in the cold lake", tag="memory")
    before = empty_archive.notes.get(note_id)
    empty_archive.notes.remove(note_id)
    assert empty_archive.notes.put_back(before) == note_id
    assert empty_archive.notes.get(note_id) == before
    assert empty_archive.search.people(search="dawn")[0]["id"] == ann  # found by its words again


def test_a_removed_date_comes_back_as_it_was(empty_archive) -> None:
    ann = empty_archive.people.add(display_name="Ann Lee")
    date_id = empty_archive.dates.add(ann, kind="custom", date="1990-06-01", label="First flat", yearly=False)
    (before,) = empty_archive.dates.for_person(ann)
    empty_archive.dates.remove(date_id)
    assert empty_archive.dates.for_person(ann) == []
    assert empty_archive.dates.put_back(before) == date_id
    assert empty_archive.dates.for_person(ann) == [before]
