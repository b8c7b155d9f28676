"""A batch PDF is written while the letter open on the desk is painted again and again: the process survives."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QTimer

from ui.printing.batch import BatchOptions, BatchResult, load_items, write_anthology, write_batch
from ui.printing.dialogs import BatchJob, start_batch
from ui.window.main_window import MainWindow

WAIT_MS = 60000
PAPERS = ("watermark", "letterhead", "laid")


def _letters(window: MainWindow, count: int, *, to: int | None = None) -> list[int]:
    archive = window.archive
    signer = archive.settings.default_signer_id()
    ids = []
    for number in range(count):
        person = to or archive.people.add(display_name=f"Friend Number{number}")
        paper = PAPERS[number % len(PAPERS)]
        style = {"stationery": paper, "letterhead_name": "Ada Byron", "letterhead_address": "12 St James's Square"}
        body = f"Dear friend {number},\n\n" + "The gulls were still over the harbour this morning. " * 30
        ids.append(archive.letters.create(signer_id=signer, recipient_id=person, body=body, style=style))
    return ids


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_batch_pdf_is_written_while_the_desk_paints_a_letter_on_the_same_papers(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    archive = window.archive
    ids = _letters(window, 21)
    window.open_letter(ids[0])  # on the desk, painted by the window's thread with the same painting code
    page = window.editor.text_edit
    repaint = QTimer()
    repaint.setInterval(0)
    repaint.timeout.connect(lambda: (page.viewport().repaint(), page.grab()))
    repaint.start()
    results: list[BatchResult | None] = []
    job = BatchJob(load_items(archive, ids[1:]), tmp_path / "friends.pdf", BatchOptions(combined=True))
    start_batch(job, window, on_done=results.append)
    try:
        qtbot.waitUntil(lambda: results != [], timeout=WAIT_MS)
    finally:
        repaint.stop()
    (result,) = results
    assert result is not None and result.files == [tmp_path / "friends.pdf"]
    assert result.pages >= 20 and (tmp_path / "friends.pdf").read_bytes().startswith(b"%PDF")
    # The same pages, word for word, as the same letters painted in one pass on one thread.
    one_pass = write_batch(load_items(archive, ids[1:]), tmp_path / "one-pass.pdf", BatchOptions(), helpers=0)
    assert one_pass.pages == result.pages
    assert _text(tmp_path / "friends.pdf") == _text(tmp_path / "one-pass.pdf")


def test_an_anthology_from_the_window_reads_like_one_painted_in_one_pass(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    archive = window.archive
    ids = _letters(window, 4, to=archive.people.add(display_name="Ben Okri"))
    window.open_letter(ids[0])
    results: list[BatchResult | None] = []
    job = BatchJob(load_items(archive, ids), tmp_path / "book.pdf", BatchOptions(), anthology=True)
    start_batch(job, window, on_done=results.append)
    qtbot.waitUntil(lambda: results != [], timeout=WAIT_MS)
    (result,) = results
    assert result is not None
    one_pass = write_anthology(load_items(archive, ids), tmp_path / "one-pass.pdf", BatchOptions())
    assert result.pages == one_pass.pages > 4
    text = _text(tmp_path / "book.pdf")
    assert text == _text(tmp_path / "one-pass.pdf") and "Letters from" in text and "Ben Okri" in text
