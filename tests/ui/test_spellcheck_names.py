"""The archive's name words for spell checking: read once, shared by every letter, read again after a change."""

from __future__ import annotations

import threading

from ui.desk.spellcheck import archive_names


def test_letters_opened_together_share_one_reading_of_the_names(empty_archive, archive_path) -> None:
    for index in range(3000):
        empty_archive.people.add(display_name=f"Zephyrine Quillfeather{index}")
    start = threading.Barrier(4)
    results: list[frozenset[str]] = []

    def open_letter() -> None:
        start.wait()
        results.append(archive_names(archive_path))

    threads = [threading.Thread(target=open_letter) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and "zephyrine" in results[0]
    assert all(words is results[0] for words in results)  # one reading, not four at once
    assert archive_names(archive_path) is results[0]  # and kept for the next letter


def test_a_new_name_is_read_again(empty_archive, archive_path) -> None:
    before = archive_names(archive_path)
    assert "ottoline" not in before
    empty_archive.people.add(display_name="Ottoline Brackenbury")
    after = archive_names(archive_path)
    assert after is not before and {"ottoline", "brackenbury"} <= after
