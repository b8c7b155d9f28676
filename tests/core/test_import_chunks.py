"""A long import stores its cards in chunks: stopped partway, it keeps what it stored and says so,
and importing the same file again brings in the rest without doubling anyone."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from beautifulletters.transfer import ImportCancelled, import_file, import_writes
from beautifulletters.transfer.importer import ImportStopped


def _cards(path: Path, count: int) -> Path:
    # Names only, and no UID: what recognises them again is the card itself, imported before.
    path.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Walker {n}\r\nNOTE:Card {n}.\r\nEND:VCARD\r\n" for n in range(count)
        ),
        encoding="utf-8",
    )
    return path


def _walkers(archive) -> list[str]:
    return sorted(p.display_name for p in archive.search.people() if p.display_name.startswith("Walker "))


@pytest.fixture
def one_card_chunks(monkeypatch):
    monkeypatch.setattr(import_writes, "CHUNK_SECONDS", 0.0)
    monkeypatch.setattr(import_writes, "PAUSE_SECONDS", 0.0)


def test_cancel_keeps_the_stored_cards_and_a_second_import_brings_in_the_rest(empty_archive, tmp_path, one_card_chunks):
    path = _cards(tmp_path / "walkers.vcf", 300)
    seen: list[int] = []

    def stop_past_120() -> bool:
        return bool(seen) and seen[-1] >= 120

    report = import_file(empty_archive, path, progress=lambda done, _: seen.append(done), cancelled=stop_past_120)
    assert report.stopped == "cancelled" and 120 <= len(report.items) < 300
    assert report.summary().startswith(f"Cancelled after {len(report.items)} cards of 300 in walkers.vcf")
    assert "Import the same file again to bring in the rest" in report.summary()
    stored = _walkers(empty_archive)
    assert len(stored) == len(report.items) == report.count("added")
    rest = import_file(empty_archive, path)
    assert rest.count("unchanged") == len(stored) and rest.count("added") == 300 - len(stored)
    assert len(_walkers(empty_archive)) == 300  # nobody twice


def test_cancel_before_anything_is_stored_imports_nothing(empty_archive, tmp_path, monkeypatch):
    monkeypatch.setattr(import_writes, "CHUNK_SECONDS", float("inf"))
    path = _cards(tmp_path / "walkers.vcf", 300)
    seen: list[int] = []
    with pytest.raises(ImportCancelled, match="nothing was imported"):
        import_file(
            empty_archive, path, progress=lambda d, _: seen.append(d), cancelled=lambda: bool(seen) and seen[-1] >= 150
        )
    assert _walkers(empty_archive) == []


def test_another_program_holding_the_archive_stops_the_import_with_a_resumable_report(
    empty_archive, archive_path, tmp_path, monkeypatch
):
    monkeypatch.setattr(import_writes, "CHUNK_SECONDS", 0.0)
    monkeypatch.setattr(import_writes, "PAUSE_SECONDS", 0.15)
    path = _cards(tmp_path / "walkers.vcf", 40)
    ten_in, release, held = threading.Event(), threading.Event(), threading.Event()

    def other_program() -> None:
        # Waits its turn between two chunks, then keeps the archive past the import's busy timeout.
        other = sqlite3.connect(archive_path, isolation_level=None, timeout=30)
        ten_in.wait()
        other.execute("BEGIN IMMEDIATE")
        held.set()
        release.wait()
        other.execute("ROLLBACK")
        other.close()

    thread = threading.Thread(target=other_program)
    thread.start()
    try:
        with pytest.raises(ImportStopped) as stopped:
            import_file(empty_archive, path, progress=lambda done, _: done >= 10 and ten_in.set())
    finally:
        ten_in.set()
        release.set()
        thread.join()
    assert held.is_set()
    stored = len(_walkers(empty_archive))
    assert 10 <= stored < 40
    message = str(stopped.value)
    assert "stayed busy in another program" in message
    assert f"The first {stored} cards of 40 were imported before it stopped; import walkers.vcf again" in message
    assert [item.number for item in stopped.value.report.items] == list(range(1, stored + 1))
    again = import_file(empty_archive, path)
    assert again.count("unchanged") == stored and len(_walkers(empty_archive)) == 40


def test_a_dry_run_takes_no_write_lock(empty_archive, archive_path, tmp_path):
    path = _cards(tmp_path / "walkers.vcf", 20)
    other = sqlite3.connect(archive_path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program is writing all along
    try:
        preview = import_file(empty_archive, path, dry_run=True)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert preview.count("added") == 20 and _walkers(empty_archive) == []
