"""Unexpected errors in the window: logged with their traceback, shown as one sentence naming the log."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication

from beautifulletters.logs import log_path, stop_logging
from beautifulletters.preferences import Preferences
from ui.tasks import set_reporter
from ui.window.errors import install_error_hooks
from ui.window.main_window import MainWindow, open_archive_for_window


@pytest.fixture
def window(qtbot, archive_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The hooks replace these process-wide: give them back after the test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    main = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(main)
    main.show()
    install_error_hooks()
    yield main
    set_reporter(None)
    stop_logging()
    main.close()


def test_an_exception_escaping_a_slot_is_logged_and_shown_as_one_sentence(qtbot, window: MainWindow) -> None:
    def broken_slot() -> None:
        raise ZeroDivisionError("the margins divided by nothing")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: "ZeroDivisionError" in window.statusBar().currentMessage())
    shown = window.statusBar().currentMessage()
    assert shown == (
        "Something unexpected went wrong (ZeroDivisionError: the margins divided by nothing); "
        f"the details are in {log_path()}."
    )
    logged = log_path().read_text()
    assert "Traceback (most recent call last)" in logged and "broken_slot" in logged
    assert window.current_dialog.text() == shown  # the message box says the same sentence
    window.current_dialog.close()


def test_an_exception_ending_a_thread_is_not_lost(qtbot, window: MainWindow) -> None:
    def work() -> None:
        raise RuntimeError("the thread tripped")

    thread = threading.Thread(target=work, name="a-helper")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: "the thread tripped" in window.statusBar().currentMessage())
    assert "in a-helper" in log_path().read_text()
    window.current_dialog.close()


def test_qt_warnings_go_to_the_log(qtbot, window: MainWindow) -> None:
    qWarning("QPainter::begin: Paint device returned engine == 0")
    QApplication.processEvents()
    assert "WARNING [MainThread] qt: QPainter::begin: Paint device returned engine == 0" in log_path().read_text()
