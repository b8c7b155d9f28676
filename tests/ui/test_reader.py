"""Reading aloud in the editor with the real engine: highlight order, pause/resume/stop, selection, no-engine path.

This machine has no sound device, so the controller plays through its silent clock,
which runs through the same sentence recordings as the speakers would; everything up
to the audio device (worker process, espeak-ng, WAV files, timings) is real.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMainWindow, QTextEdit, QToolBar

from beautifulletters.preferences import Preferences
from beautifulletters.speech import MISSING_ENGINE_MESSAGE, split_sentences, wav_duration
from beautifulletters.speech.engine import LIBRARY_ENV
from ui.reading.actions import ReaderActions
from ui.reading.reader import ReadAloudController, ReaderState
from ui.reading.sinks import NO_SOUND_DEVICE_MESSAGE, sound_device_available

LETTER = "Dear Lolly 😀,\n\nI listen. Happy birthday, my Lo!\n\nSave me a dance in the kitchen on Sunday.\n\nChris"


@pytest.fixture
def preferences() -> Preferences:
    """The reading preferences, saved under the test's own config folder (isolated_user_dirs)."""
    return Preferences.load()


@pytest.fixture
def editor(qtbot) -> QTextEdit:
    widget = QTextEdit()
    widget.setPlainText(LETTER)
    widget.resize(480, 300)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def reader(editor: QTextEdit, preferences: Preferences):
    controller = ReadAloudController(editor, preferences=preferences)
    controller.set_rate(400)  # short recordings keep the tests quick
    yield controller
    controller.shutdown()


def document_ranges(text: str) -> list[tuple[int, int]]:
    """Expected sentence ranges as QTextDocument positions (an emoji counts twice)."""

    def position(index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2

    return [(position(s.start), position(s.end)) for s in split_sentences(text)]


def test_highlight_events_follow_reading_order_and_cover_every_sentence(qtbot, reader, editor) -> None:
    started: list[tuple[int, int]] = []
    words: list[tuple[int, int]] = []
    reader.sentenceStarted.connect(lambda start, end: started.append((start, end)))
    reader.wordStarted.connect(lambda start, end: words.append((start, end)))
    with qtbot.waitSignal(reader.finished, timeout=30_000):
        reader.read_all()
    assert started == document_ranges(LETTER)
    assert reader.state == ReaderState.STOPPED
    # Words are highlighted in order, each inside the sentence being read.
    assert words == sorted(words) and len(words) >= 12
    cursor = QTextCursor(editor.document())
    heard = []
    for start, end in words:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        heard.append(cursor.selectedText())
    assert heard[:3] == ["Dear", "Lolly", "😀,"]  # document positions stay right after an emoji
    assert editor.extraSelections() == []  # the highlight goes when the reading ends


def test_the_sentence_and_word_being_read_are_highlighted(qtbot, reader, editor, test_output_dir: Path) -> None:
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        reader.read_all()
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000) as second:
        pass
    start, end = second.args
    selections = editor.extraSelections()
    assert selections[0].cursor.selectionStart() == start and selections[0].cursor.selectionEnd() == end
    assert selections[0].cursor.selectedText() == "I listen."
    assert len(selections) == 2  # the sentence, and the word within it
    assert selections[0].cursor.selectionStart() <= selections[1].cursor.selectionStart()
    assert selections[1].cursor.selectionEnd() <= end
    reader.pause()
    editor.show()
    editor.grab().save(str(test_output_dir / "reading-highlight.png"))
    reader.stop()
    assert editor.extraSelections() == []


def test_pause_resume_and_stop_change_the_state(qtbot, reader) -> None:
    states: list[str] = []
    reader.stateChanged.connect(states.append)
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        reader.read_all()
    assert reader.state == ReaderState.PLAYING
    with qtbot.waitSignal(reader.stateChanged, timeout=1000) as paused:
        reader.pause()
    assert paused.args == ["paused"]
    # While paused the reading does not move on, however long it waits.
    with qtbot.assertNotEmitted(reader.sentenceStarted, wait=1500):
        pass
    with qtbot.waitSignal(reader.stateChanged, timeout=1000) as resumed:
        reader.resume()
    assert resumed.args == ["playing"]
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        pass
    with qtbot.waitSignal(reader.stateChanged, timeout=200) as stopped:
        reader.stop()
    assert stopped.args == ["stopped"]
    with qtbot.assertNotEmitted(reader.sentenceStarted, wait=1500):
        pass
    assert states == ["playing", "paused", "playing", "stopped"]


def test_stop_silences_within_200_ms(qtbot, reader) -> None:
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        reader.read_all()
    began = time.monotonic()
    reader.stop()
    assert time.monotonic() - began < 0.2
    assert reader._sink is not None and reader._sink.position_ms() == 0


def test_read_again_right_after_stop(qtbot, reader) -> None:
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        reader.read_all()
    reader.stop()
    started: list[tuple[int, int]] = []
    reader.sentenceStarted.connect(lambda start, end: started.append((start, end)))
    with qtbot.waitSignal(reader.finished, timeout=30_000):
        reader.read_all()
    assert started == document_ranges(LETTER)


def test_next_and_previous_sentence(qtbot, reader) -> None:
    ranges = document_ranges(LETTER)
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        reader.read_all()
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000) as skipped:
        reader.next_sentence()
    assert tuple(skipped.args) == ranges[1]
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000) as skipped:
        reader.next_sentence()
    assert tuple(skipped.args) == ranges[2]
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000) as back:
        reader.previous_sentence()
    assert tuple(back.args) == ranges[1]
    reader.pause()
    reader.next_sentence()  # while paused: moves, but stays quiet until resumed
    assert reader.current_sentence() == ranges[2]
    assert reader.state == ReaderState.PAUSED
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000) as resumed:
        reader.resume()
    assert tuple(resumed.args) == ranges[2]


def test_read_the_selection_only(qtbot, reader, editor) -> None:
    text = editor.toPlainText()
    start = text.index("Happy")
    end = text.index("Sunday.") + len("Sunday.")
    cursor = editor.textCursor()
    cursor.setPosition(start + 1)  # +1: the emoji before counts twice in the document
    cursor.setPosition(end + 1, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    started: list[tuple[int, int]] = []
    reader.sentenceStarted.connect(lambda s, e: started.append((s, e)))
    with qtbot.waitSignal(reader.finished, timeout=30_000):
        reader.play()  # with a selection, Play reads the selection
    assert started == document_ranges(LETTER)[2:4]


def test_read_from_the_cursor(qtbot, reader, editor) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("kitchen") + 1)
    editor.setTextCursor(cursor)
    started: list[tuple[int, int]] = []
    reader.sentenceStarted.connect(lambda s, e: started.append((s, e)))
    with qtbot.waitSignal(reader.finished, timeout=30_000):
        reader.play()
    assert started == document_ranges(LETTER)[3:]


def test_first_audio_is_ready_quickly_even_for_a_long_letter(qtbot, editor, preferences) -> None:
    editor.setPlainText(" ".join(["I thought of you this morning when the kettle sang."] * 2000))
    controller = ReadAloudController(editor, preferences=preferences)
    try:
        qtbot.waitUntil(lambda: controller._worker is not None and controller._worker.ready, timeout=10_000)
        # Synthesising all 2,000 sentences takes minutes: the first one is heard long before.
        # (How quickly is measured by `make bench`, not here.)
        with qtbot.waitSignal(controller.sentenceStarted, timeout=10_000):
            controller.read_all()
        assert controller.sentence_count() == 2000
    finally:
        controller.shutdown()


def test_the_window_keeps_responding_while_reading(qtbot, reader, editor) -> None:
    editor.setPlainText(" ".join(["We walked to the end of the pier and back."] * 300))
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    count = 0

    def counted(*_args: object) -> None:
        nonlocal count
        count += 1

    reader.sentenceStarted.connect(counted)
    reader.read_all()
    qtbot.waitUntil(lambda: count >= 4, timeout=20_000)
    reader.stop()
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.15


def test_editing_the_letter_stops_the_reading(qtbot, reader, editor) -> None:
    notices: list[str] = []
    reader.notice.connect(notices.append)
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        reader.read_all()
    editor.textCursor().insertText("Oh, and ")
    assert reader.state == ReaderState.STOPPED
    assert "changed" in notices[-1]


def test_without_a_sound_device_playing_says_so_and_reads_silently(qtbot, reader) -> None:
    if sound_device_available():
        pytest.skip("this machine has a sound device")
    with qtbot.waitSignal(reader.notice, timeout=5000) as notice:
        reader.read_all()
    assert notice.args == [NO_SOUND_DEVICE_MESSAGE]
    assert "No sound device was found" in NO_SOUND_DEVICE_MESSAGE
    assert reader.state == ReaderState.PLAYING


def test_export_works_from_the_window_without_a_sound_device(qtbot, reader, editor, tmp_path: Path) -> None:
    out = tmp_path / "letter.wav"
    with qtbot.waitSignal(reader.exportFinished, timeout=30_000) as finished:
        reader.export(out)
    assert finished.args[0] == str(out)
    assert wav_duration(out) == pytest.approx(finished.args[1], abs=0.01)
    assert wav_duration(out) > 2.0


def test_voice_speed_and_volume_are_remembered(qtbot, editor, preferences) -> None:
    first = ReadAloudController(editor, preferences=preferences)
    first.set_voice("gmw/en-us")
    first.set_rate(215)
    first.set_volume(0.7)
    first.shutdown()
    second = ReadAloudController(editor, preferences=Preferences.load())  # read back from disk
    assert (second.voice, second.rate, second.volume) == ("gmw/en-us", 215, 0.7)
    second.shutdown()


def test_voices_load_grouped_by_language(qtbot, reader) -> None:
    with qtbot.waitSignal(reader.voicesLoaded, timeout=20_000) as loaded:
        reader.load_voices()
    groups = loaded.args[0]
    labels = [label for label, _ in groups]
    assert "English (en)" in labels and "German (de)" in labels


def test_actions_drive_the_reading_and_show_the_state(qtbot, reader, editor, test_output_dir: Path) -> None:
    window = QMainWindow()
    window.setCentralWidget(editor)
    qtbot.addWidget(window)
    actions = ReaderActions(reader, window)
    toolbar = QToolBar()
    actions.add_to_toolbar(toolbar)
    window.addToolBar(toolbar)
    menu = window.menuBar().addMenu("&Letter")
    actions.fill_menu(menu)
    assert actions.play_pause.isEnabled() and not actions.stop.isEnabled()
    assert actions.play_pause.shortcut().toString() == "Ctrl+Shift+Space"
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        actions.play_pause.trigger()
    assert actions.play_pause.text() == "Pause reading" and actions.stop.isEnabled()
    with qtbot.waitSignal(reader.sentenceStarted, timeout=10_000):
        pass
    qtbot.waitSignal(reader.wordStarted, timeout=10_000).wait()
    actions.play_pause.trigger()
    assert reader.state == ReaderState.PAUSED and actions.play_pause.text() == "Resume reading"
    window.resize(560, 320)
    window.show()
    window.grab().save(str(test_output_dir / "reading-window.png"))
    actions.stop.trigger()
    assert reader.state == ReaderState.STOPPED and not actions.next_sentence.isEnabled()


def test_export_action_writes_the_file(qtbot, reader, editor, tmp_path: Path) -> None:
    window = QMainWindow()
    window.setCentralWidget(editor)
    qtbot.addWidget(window)
    actions = ReaderActions(reader, window)
    out = tmp_path / "from-action.wav"
    actions.ask_export_path = lambda: str(out)
    with qtbot.waitSignal(reader.exportFinished, timeout=30_000):
        actions.export_reading.trigger()
    assert out.exists() and wav_duration(out) > 2.0


def test_without_espeak_ng_the_controls_are_disabled_and_say_what_to_install(
    qtbot, editor, preferences, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(LIBRARY_ENV, str(tmp_path / "no-such-libespeak-ng.so.1"))
    controller = ReadAloudController(editor, preferences=preferences)
    window = QMainWindow()
    window.setCentralWidget(editor)
    qtbot.addWidget(window)
    actions = ReaderActions(controller, window)
    assert not controller.available
    assert controller.unavailable_reason == MISSING_ENGINE_MESSAGE
    for action in actions.all_actions():
        assert not action.isEnabled()
        assert action.toolTip() == MISSING_ENGINE_MESSAGE
    with qtbot.waitSignal(controller.error, timeout=1000) as failed:
        controller.read_all()
    assert failed.args == [MISSING_ENGINE_MESSAGE]
    assert controller.state == ReaderState.STOPPED
    controller.shutdown()


def test_the_voice_follows_the_letter_s_language_and_is_remembered_per_language(qtbot, reader, preferences) -> None:
    """A German letter is read by a German voice (the real espeak-ng's list), and a voice picked while
    reading a French letter is the one French letters get next time; English letters keep theirs."""
    from beautifulletters.speech.reading import language_of

    with qtbot.waitSignal(reader.voicesLoaded, timeout=30_000) as loaded:
        reader.set_letter_language("de")
    voices = {voice.id: voice for _label, group in loaded.args[0] for voice in group}
    assert reader.voice is not None and language_of(voices[reader.voice]) == "de"
    reader.set_letter_language("fr")
    assert language_of(voices[reader.voice]) == "fr"
    french = [v.id for v in voices.values() if language_of(v) == "fr"]
    chosen = french[-1]
    reader.set_voice(chosen)
    reader.set_letter_language("de")
    assert language_of(voices[reader.voice]) == "de"
    reader.set_letter_language("fr")
    assert reader.voice == chosen
    assert Preferences.load().extra["voices_by_language"]["fr"] == chosen
