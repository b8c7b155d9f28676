"""The task manager: work off the window's thread, results and failures back on it, none lost."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject

from beautifulletters.errors import BeautifulLettersError
from beautifulletters.logs import log_path, start_logging, stop_logging
from ui.tasks import Failure, Lane, LatestOnly, on_window_thread, run_task, set_reporter, wait_for_all


@pytest.fixture
def reported():
    """What the window would have shown: the reporter's sentences."""
    shown: list[str] = []
    set_reporter(shown.append)
    start_logging()
    yield shown
    wait_for_all()
    set_reporter(None)
    stop_logging()


def test_work_runs_off_the_window_thread_and_its_result_comes_back_on_it(qtbot, reported) -> None:
    threads: dict[str, threading.Thread] = {}

    def work() -> int:
        threads["work"] = threading.current_thread()
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        threads["done"] = threading.current_thread()
        results.append(value)

    run_task(work, on_success=done)
    qtbot.waitUntil(lambda: results == [42])
    assert threads["work"] is not threading.main_thread()
    assert threads["done"] is threading.main_thread()
    assert reported == []


def test_an_unexpected_failure_is_logged_with_its_traceback_and_told_in_one_sentence(qtbot, reported) -> None:
    def broken() -> None:
        raise KeyError("no_such_field")

    failures: list[Failure] = []
    run_task(broken, on_failure=failures.append, doing="reading a person")
    qtbot.waitUntil(lambda: bool(failures))
    message = failures[0].message
    assert isinstance(failures[0].error, KeyError)
    assert "\n" not in message and "Traceback" not in message
    assert str(log_path()) in message  # says where the details are
    logged = log_path().read_text()
    assert "Traceback" in logged and "no_such_field" in logged and "while reading a person" in logged


def test_a_failure_nobody_handles_reaches_the_person(qtbot, reported) -> None:
    def refuse() -> None:
        raise BeautifulLettersError("The archive is open read-only.")

    run_task(refuse)
    qtbot.waitUntil(lambda: bool(reported))
    assert reported == ["The archive is open read-only."]


def test_an_exception_in_a_callback_is_not_lost(qtbot, reported) -> None:
    def clumsy(_value: object) -> None:
        raise ValueError("the slot broke")

    run_task(lambda: 1, on_success=clumsy)
    qtbot.waitUntil(lambda: bool(reported))
    assert "ValueError: the slot broke" in reported[0] and str(log_path()) in reported[0]
    assert "the slot broke" in log_path().read_text()


def test_callbacks_of_a_deleted_owner_are_not_called(qtbot, reported) -> None:
    owner = QObject()
    gate = threading.Event()
    called: list[object] = []
    run_task(lambda: gate.wait(5), owner=owner, on_success=called.append, on_failure=called.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner))
    gate.set()
    assert wait_for_all()
    qtbot.wait(50)
    assert called == [] and reported == []


def _valid(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_archive_writes_run_one_at_a_time_in_the_order_asked(qtbot, reported) -> None:
    order: list[int] = []
    running = []

    def write(number: int) -> None:
        running.append(number)
        assert len(running) == 1, "two writes at once"
        time.sleep(0.01)
        order.append(number)
        running.remove(number)

    finished: list[int] = []
    for number in range(8):
        run_task(lambda n=number: write(n), lane=Lane.ARCHIVE, on_success=lambda _none: finished.append(1))
    qtbot.waitUntil(lambda: len(finished) == 8)
    assert order == list(range(8)) and reported == []


def test_progress_reaches_the_window_thread(qtbot, reported) -> None:
    seen: list[tuple[int, bool]] = []
    progress = on_window_thread(lambda step: seen.append((step, threading.current_thread() is threading.main_thread())))

    def work() -> None:
        for step in range(3):
            progress(step)

    run_task(work)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [(0, True), (1, True), (2, True)]


def test_latest_only_shows_only_the_newest_answer(qtbot, reported) -> None:
    latest = LatestOnly()
    shown: list[str] = []
    latest.result.connect(lambda token, value: shown.append(value))
    gate = threading.Event()

    def slow(text: str) -> str:
        gate.wait(5)
        return text

    for text in ("M", "Ma", "Mar", "Marg"):
        latest.submit(text, slow, text)
    gate.set()
    qtbot.waitUntil(lambda: not latest.busy)
    assert shown == ["Marg"]  # "M" ran but was overtaken; "Ma" and "Mar" never ran
