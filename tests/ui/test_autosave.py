"""The background saver: every save of a letter lands in the order it was asked for."""

from __future__ import annotations

import threading

from beautifulletters.archive import Archive
from ui.desk.autosave import AutoSaver, SaveRequest


class _GateForWorker:
    """A lock whose acquire from the autosave thread waits until the test opens the gate.

    It stands in for the moment the worker has taken a request off its queue but has not yet
    got the write lock: the window's flush can slip in there."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.gate = threading.Event()
        self.worker_waiting = threading.Event()

    def __enter__(self) -> None:
        if threading.current_thread() is not threading.main_thread():  # the ARCHIVE lane's worker
            self.worker_waiting.set()
            self.gate.wait(10)
        self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def _draft(archive: Archive, body: str = "Dear Ann,") -> int:
    ann = archive.people.add(display_name="Ann Lee")
    return archive.letters.create(signer_id=archive.settings.default_signer_id(), recipient_id=ann, body=body)


def test_a_queued_older_save_never_lands_over_a_newer_flush(qtbot, archive: Archive) -> None:
    letter_id = _draft(archive)
    saver = AutoSaver(archive.path)
    gate = _GateForWorker()
    saver._lock = gate  # type: ignore[assignment]
    try:
        saver.submit(SaveRequest(letter_id, "<p>older words</p>", "older words", generation=1))
        assert gate.worker_waiting.wait(5), "the worker never took the queued save"
        # The window flushes (switching letters, closing) while the older request is in flight.
        saver.save_now(SaveRequest(letter_id, "<p>the newest words</p>", "the newest words", generation=2))
        gate.gate.set()
    finally:
        gate.gate.set()
        saver.close()  # joins the worker: its write (or its refusal) has happened
    letter = archive.letters.get(letter_id)
    assert letter.body_text == "the newest words"
    assert archive.letters.revisions(letter_id)[-1].body_text == "the newest words"


def test_saves_keep_their_order_across_letters(qtbot, archive: Archive) -> None:
    """Tickets are per saver, not per letter: a second letter's early saves are not taken as stale."""
    first, second = _draft(archive), _draft(archive, "Hi")
    saver = AutoSaver(archive.path)
    try:
        with qtbot.waitSignal(saver.saved, timeout=5000):
            saver.submit(SaveRequest(first, "<p>one</p>", "one", generation=9))
        with qtbot.waitSignal(saver.saved, timeout=5000):
            saver.submit(SaveRequest(second, "<p>two</p>", "two", generation=1))
    finally:
        saver.close()
    assert archive.letters.get(first).body_text == "one"
    assert archive.letters.get(second).body_text == "two"
