"""Reading the letter in a QTextEdit aloud: sentence by sentence from a worker process, highlighted as heard.

Synthesis runs in `beautifulletters.speech`'s worker process; its replies arrive on a
reader thread and reach this object through a queued signal, so the window never waits
for the engine. Audio goes to a QMediaPlayer when the system has a sound device, and
otherwise to a `SilentClockSink` that keeps the same sentence timings, so the highlight
still follows the reading (and tests run on machines without sound).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QTextEdit

from beautifulletters import fileio
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.preferences import Preferences
from beautifulletters.speech import (
    DEFAULT_RATE,
    MISSING_ENGINE_MESSAGE,
    Reading,
    SpeechSettings,
    SynthesisProcess,
    VoiceInfo,
    engine_problem,
    estimate_word_timings,
)
from beautifulletters.speech.engine import MAX_RATE, MIN_RATE
from beautifulletters.speech.text import WordTiming
from ui.paper.page import body_range
from ui.reading.audio_cache import SpokenAudio
from ui.reading.highlight import SpokenHighlight, python_index
from ui.reading.sinks import (
    NO_SOUND_DEVICE_MESSAGE,
    AudioSink,
    MediaPlayerSink,
    SilentClockSink,
    sound_device_available,
)
from ui.reading.speech_tasks import SpeechTasks
from ui.reading.voices import LetterVoices
from ui.tasks import on_window_thread


class ReaderState(StrEnum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


# ------------------------------------------------------------------------ controller
class ReadAloudController(QObject):
    """Play, pause, resume, stop and skip through a QTextEdit's text, highlighting what is heard.

    Positions in `sentenceStarted`/`wordStarted` are QTextDocument positions (what a
    QTextCursor takes), not Python string indices: they differ after an emoji.
    """

    stateChanged = Signal(str)  # a ReaderState value
    sentenceStarted = Signal(int, int)  # document start, end of the sentence now heard
    wordStarted = Signal(int, int)  # document start, end of the word (estimated) now heard
    finished = Signal()  # the reading reached its end by itself
    error = Signal(str)  # the reading could not go on (a sentence for a person)
    notice = Signal(str)  # worth telling, but the reading goes on (no sound device)
    availabilityChanged = Signal(bool)
    exportProgress = Signal(int, int)  # sentences done, total
    exportFinished = Signal(str, float)  # path, seconds of audio
    voicesLoaded = Signal(object)  # list of (group label, [VoiceInfo]) as voices_by_language gives

    LOOKAHEAD = 3  # sentences synthesized ahead of the one playing

    def __init__(
        self,
        editor: QTextEdit,
        parent: QObject | None = None,
        *,
        pronunciations: Mapping[str, str] | None = None,
        sink: AudioSink | None = None,
        preferences: Preferences | None = None,
        warm: bool = True,
    ) -> None:
        super().__init__(parent if parent is not None else editor)
        self.editor = editor
        self._pronunciations: dict[str, str] = dict(pronunciations or {})
        self._letter_language: str | None = None
        self._fixed_sink = sink
        self._sink: AudioSink | None = None
        # The same preferences the window's dialog edits (and the command line reads): one place.
        self._preferences = preferences if preferences is not None else Preferences.load()
        self._voices = LetterVoices(self._preferences)  # the voice follows the letter's language
        self._voice: str | None = self._preferences.voice or None
        self._rate = _clamp_rate(self._preferences.speech_rate_wpm)
        self._volume = _clamp_volume(self._preferences.speech_volume)

        self._state = ReaderState.STOPPED
        self._problem = engine_problem()
        # The worker's replies come from its reader thread: each is handed to the window's thread.
        self._to_window = on_window_thread(self._on_worker_message, owner=self)
        self._worker: SynthesisProcess | None = None

        self._text = ""  # the document's plain text when the reading began
        self._highlight = SpokenHighlight(editor)
        self._pieces: list[tuple[int, int, str, str]] = []  # start, end (Python), sentence, spoken
        self._index = 0
        self._generation = 0
        self._audio: dict[int, tuple[str, int]] = {}
        self._requests: dict[int, tuple[int, int]] = {}  # request id -> (generation, index)
        self._spoken = SpokenAudio()
        self._waiting = False  # the current sentence is wanted but its audio is not back yet
        self._started = False  # the current sentence's audio has been handed to the sink
        self._words: list[WordTiming] = []
        self._word_index = -1
        self._word_timer = QTimer(self, interval=40)
        self._word_timer.timeout.connect(self._update_word)
        self._tasks = SpeechTasks(self)
        self._tasks.voices_loaded.connect(self.voicesLoaded)
        self._tasks.voices_loaded.connect(self._voices_listed)
        self._tasks.export_progress.connect(self.exportProgress)
        self._tasks.export_finished.connect(self.exportFinished)
        self._tasks.failed.connect(self.error)

        editor.document().contentsChange.connect(self._on_document_changed)
        if warm:
            self.warm_up()

    def warm_up(self) -> None:
        """Start the synthesis process now, so the engine is ready by the time Play is pressed.

        The window calls this once it is on screen (warm=False), to keep the child's start-up
        off its own; otherwise the first reading starts it.
        """
        if self._problem is None and self._worker is None:
            self._start_worker()

    # ------------------------------------------------------------ state & settings
    @property
    def state(self) -> ReaderState:
        return self._state

    @property
    def available(self) -> bool:
        """False when no speech engine is installed (see `unavailable_reason`)."""
        return self._problem is None

    @property
    def unavailable_reason(self) -> str | None:
        """The sentence saying what to install, for a tooltip; None when reading aloud works."""
        return self._problem

    @property
    def voice(self) -> str | None:
        return self._voice

    @property
    def rate(self) -> int:
        return self._rate

    @property
    def volume(self) -> float:
        return self._volume

    def set_voice(self, voice_id: str | None) -> None:
        """Choose a voice by its engine id (from `load_voices`); remembered in the preferences."""
        self._voice = voice_id or None
        self._voices.choose(self._voice, self._letter_language)

    def set_rate(self, words_per_minute: int) -> None:
        self._rate = _clamp_rate(words_per_minute)
        self._preferences.speech_rate_wpm = self._rate
        self._preferences.save()

    def set_volume(self, volume: float) -> None:
        self._volume = _clamp_volume(volume)
        self._preferences.speech_volume = self._volume
        self._preferences.save()
        if self._sink is not None:
            self._sink.set_volume(self._volume)

    def set_letter_language(self, language: str | None) -> None:
        """The letter's language (e.g. "de"): its voices are listed first, and one of them reads it."""
        self._letter_language = language or None
        self._voice = self._voices.for_letter(language)
        if self._voices.voices is None and (language or "en")[:2].lower() != "en":
            self.load_voices()  # the letter's voice is picked when the list arrives

    def _voices_listed(self, grouped: Any) -> None:
        self._voices.learn(grouped)
        self._voice = self._voices.for_letter(self._letter_language)

    def set_pronunciations(self, pronunciations: Mapping[str, str]) -> None:
        """Name -> how to say it (`beautifulletters.speech.pronunciations_for_letter`)."""
        self._pronunciations = dict(pronunciations)

    def current_sentence(self) -> tuple[int, int] | None:
        """Document positions of the sentence being read (or paused on)."""
        if self._state == ReaderState.STOPPED or not self._pieces:
            return None
        start, end, _text, _spoken = self._pieces[self._index]
        return self._doc(start), self._doc(end)

    def sentence_count(self) -> int:
        return len(self._pieces)

    def _set_state(self, state: ReaderState) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state.value)

    # ------------------------------------------------------------------- commands
    @Slot()
    def play(self) -> None:
        """Resume when paused; otherwise read the selection if there is one, else from the cursor."""
        if self._state == ReaderState.PAUSED:
            self.resume()
        elif self._state == ReaderState.STOPPED:
            cursor = self.editor.textCursor()
            if cursor.hasSelection():
                self.read_selection()
            else:
                self.read_from_cursor()

    @Slot()
    def toggle(self) -> None:
        """Play/Pause in one button."""
        if self._state == ReaderState.PLAYING:
            self.pause()
        else:
            self.play()

    @Slot()
    def read_all(self) -> None:
        self._begin(0, None)

    @Slot()
    def read_from_cursor(self) -> None:
        """From the start of the sentence the cursor is in; after the body's last sentence, from the top.

        On the page the body is followed by the signature: "the end" a person puts the caret at is the
        end of the body, and reading from there read only the name under it.
        """
        text = self.editor.toPlainText()
        position = python_index(text, self.editor.textCursor().position())
        body_end = python_index(text, body_range(self.editor.document())[1])
        if position >= len(text[:body_end].rstrip()):
            position = 0
        self._begin(position, None, snap_to_sentence=True)

    @Slot()
    def read_selection(self) -> None:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            self.read_from_cursor()
            return
        text = self.editor.toPlainText()
        self._begin(python_index(text, cursor.selectionStart()), python_index(text, cursor.selectionEnd()))

    @Slot()
    def pause(self) -> None:
        if self._state != ReaderState.PLAYING:
            return
        if self._sink is not None and self._started:
            self._sink.pause()
        self._word_timer.stop()
        self._set_state(ReaderState.PAUSED)

    @Slot()
    def resume(self) -> None:
        if self._state != ReaderState.PAUSED:
            return
        self._set_state(ReaderState.PLAYING)
        if self._started and self._sink is not None:
            self._sink.resume()
            self._word_timer.start()
        else:
            self._play_current()

    @Slot()
    def stop(self) -> None:
        """Silence at once and forget the reading; Play starts afresh."""
        self._generation += 1
        if self._sink is not None:
            self._sink.stop()
        self._word_timer.stop()
        self._waiting = False
        self._started = False
        self._audio.clear()
        self._requests.clear()
        self._highlight.clear()
        self._set_state(ReaderState.STOPPED)

    @Slot()
    def next_sentence(self) -> None:
        if self._state == ReaderState.STOPPED:
            return
        if self._index + 1 >= len(self._pieces):
            self._finish()
            return
        self._jump(self._index + 1)

    @Slot()
    def previous_sentence(self) -> None:
        if self._state == ReaderState.STOPPED:
            return
        self._jump(max(0, self._index - 1))

    def shutdown(self) -> None:
        """Stop and end the worker process (the window calls this when it closes)."""
        self.stop()
        self._tasks.cancel_export()
        if self._worker is not None:
            self._worker.close(timeout=0.5)
            self._worker = None
        self._spoken.close()

    # --------------------------------------------------------------------- reading
    def _begin(self, start: int, end: int | None, *, snap_to_sentence: bool = False) -> None:
        if self._problem is not None:
            self.error.emit(self._problem)
            return
        self.stop()
        text = self.editor.toPlainText()
        end = len(text) if end is None else end
        reading = Reading(text[:end], self._pronunciations)
        pieces = [(p.sentence.start, p.sentence.end, p.sentence.text, p.spoken) for p in reading.pieces]
        if snap_to_sentence:
            pieces = [p for p in pieces if p[1] > start]
        else:
            # A selection: only what is selected, even when it starts mid-sentence.
            selection = Reading(text[start:end], self._pronunciations)
            pieces = [
                (p.sentence.start + start, p.sentence.end + start, p.sentence.text, p.spoken) for p in selection.pieces
            ]
        if not pieces:
            self.notice.emit(_("There is nothing to read aloud here."))
            return
        self._text = text
        self._highlight.start_text(text)
        self._pieces = pieces
        self._index = 0
        self._ensure_sink()
        self._set_state(ReaderState.PLAYING)
        self._play_current()

    def _ensure_sink(self) -> None:
        if self._fixed_sink is not None:
            sink: AudioSink = self._fixed_sink
        elif sound_device_available():
            sink = self._sink if isinstance(self._sink, MediaPlayerSink) else MediaPlayerSink(self)
        else:
            sink = self._sink if isinstance(self._sink, SilentClockSink) else SilentClockSink(self)
            self.notice.emit(_(NO_SOUND_DEVICE_MESSAGE))
        if sink is not self._sink:
            if self._sink is not None:
                self._sink.ended.disconnect(self._on_sentence_ended)
                self._sink.failed.disconnect(self._on_sink_failed)
            sink.ended.connect(self._on_sentence_ended)
            sink.failed.connect(self._on_sink_failed)
            sink.set_volume(self._volume)
            self._sink = sink

    def _play_current(self) -> None:
        start, end, sentence, _spoken = self._pieces[self._index]
        self._highlight.show(start, end, None)
        self._request_ahead()
        audio = self._audio.get(self._index)
        if audio is None:
            self._waiting = True
            self._started = False
            return
        self._waiting = False
        path, duration_ms = audio
        self._words = estimate_word_timings(sentence, duration_ms, self._pronunciations)
        self._word_index = -1
        assert self._sink is not None
        self._started = True
        self._sink.play(path, duration_ms)
        self.sentenceStarted.emit(self._doc(start), self._doc(end))
        self._update_word()
        self._word_timer.start()

    def _jump(self, index: int) -> None:
        if self._sink is not None:
            self._sink.stop()
        self._word_timer.stop()
        self._started = False
        self._index = index
        if self._state == ReaderState.PLAYING:
            self._play_current()
        else:
            start, end, _text, _spoken = self._pieces[index]
            self._highlight.show(start, end, None)
            self._request_ahead()

    def _finish(self) -> None:
        self.stop()
        self.finished.emit()

    @Slot()
    def _on_sentence_ended(self) -> None:
        if self._state != ReaderState.PLAYING or not self._started:
            return
        self._word_timer.stop()
        self._started = False
        self._audio.pop(self._index, None)
        if self._index + 1 >= len(self._pieces):
            self._finish()
            return
        self._index += 1
        self._play_current()

    @Slot(str)
    def _on_sink_failed(self, message: str) -> None:
        self.stop()
        self.error.emit(_("The sound device failed: {reason}").format(reason=message))

    def _on_document_changed(self, position: int, removed: int, added: int) -> None:
        # A format change keeps the text; an edit moves the sentences, so the reading ends.
        if self._state != ReaderState.STOPPED and self.editor.toPlainText() != self._text:
            self.stop()
            self.notice.emit(_("Reading stopped because the letter was changed."))

    # ------------------------------------------------------------------ synthesis
    def _start_worker(self) -> None:
        self._worker = SynthesisProcess(on_message=self._to_window)
        try:
            self._worker.start()
        except BeautifulLettersError as error:
            self._mark_unavailable(str(error))

    def _request_ahead(self) -> None:
        wanted = range(self._index, min(len(self._pieces), self._index + self.LOOKAHEAD))
        requested = {index for generation, index in self._requests.values() if generation == self._generation}
        for index in wanted:
            if index in self._audio or index in requested:
                continue
            spoken = self._pieces[index][3]
            cached = self._spoken.get((spoken, self._voice, self._rate))
            if cached is not None:
                self._audio[index] = cached
                continue
            self._send(index, spoken)

    def _send(self, index: int, spoken: str) -> None:
        if self._worker is None:
            self._start_worker()
        if self._worker is None or self._problem is not None:
            return
        path = self._spoken.folder() / f"{self._generation}-{index}-{len(self._spoken)}.wav"
        try:
            request_id = self._worker.synthesize(spoken, path, voice=self._voice, rate=self._rate)
        except BeautifulLettersError as error:
            self.stop()
            self.error.emit(str(error))
            return
        self._requests[request_id] = (self._generation, index)

    @Slot(object)
    def _on_worker_message(self, message: dict[str, Any]) -> None:
        op = message.get("op")
        if op == "missing":
            self._mark_unavailable(str(message.get("message") or _(MISSING_ENGINE_MESSAGE)))
            return
        if op == "exited":
            self._on_worker_exited(message)
            return
        request_id = message.get("id")
        request = self._requests.pop(request_id, None) if isinstance(request_id, int) else None
        if request is None:
            return
        generation, index = request
        if op == "failed":
            if generation == self._generation:
                self.stop()
                self.error.emit(_("The letter could not be read aloud: {reason}").format(reason=message.get("message")))
            return
        if op != "done":
            return
        duration_ms = max(1, int(round(float(message["duration"]) * 1000)))
        spoken = self._pieces[index][3] if generation == self._generation and index < len(self._pieces) else None
        if spoken is not None:
            self._remember(spoken, str(message["path"]), duration_ms)
        if generation != self._generation:
            return
        self._audio[index] = (str(message["path"]), duration_ms)
        if self._waiting and index == self._index and self._state == ReaderState.PLAYING:
            self._play_current()

    def _remember(self, spoken: str, path: str, duration_ms: int) -> None:
        in_use = {p for p, _duration in self._audio.values()}
        self._spoken.remember((spoken, self._voice, self._rate), path, duration_ms, in_use=in_use)

    def _on_worker_exited(self, message: dict[str, Any]) -> None:
        worker = self._worker
        if worker is None or worker.running:
            return  # an old process after a restart
        if self._problem is not None:
            return
        # The engine crashed: start a fresh process and ask again for what was pending.
        pending = [
            (index, self._pieces[index][3])
            for generation, index in self._requests.values()
            if generation == self._generation
        ]
        self._requests.clear()
        self._worker = None
        if self._state == ReaderState.STOPPED and not pending:
            return
        self._start_worker()
        for index, spoken in pending:
            self._send(index, spoken)

    def _mark_unavailable(self, message: str) -> None:
        was_available = self._problem is None
        self._problem = message
        if self._worker is not None:
            self._worker.kill()
            self._worker = None
        if self._state != ReaderState.STOPPED:
            self.stop()
            self.error.emit(message)
        if was_available:
            self.availabilityChanged.emit(False)

    # ----------------------------------------------------------------- highlight
    def _doc(self, index: int) -> int:
        return self._highlight.position(index)

    def _update_word(self) -> None:
        if not self._words or self._sink is None:
            return
        position = self._sink.position_ms()
        current = 0
        for number, timing in enumerate(self._words):
            if timing.at_ms <= position:
                current = number
            else:
                break
        if current == self._word_index:
            return
        self._word_index = current
        start, end, _text, _spoken = self._pieces[self._index]
        word = self._words[current]
        self._highlight.show(start, end, (start + word.start, start + word.end))
        self.wordStarted.emit(self._doc(start + word.start), self._doc(start + word.end))

    # --------------------------------------------------------- background tasks
    def load_voices(self) -> None:
        """List the voices in the background; `voicesLoaded` brings them grouped by language."""
        self._tasks.load_voices(self._letter_language)

    def export(self, path: str | Path, *, text: str | None = None) -> None:
        """Read the whole letter into an audio file in the background; `exportFinished` when done."""
        if self._problem is not None:
            self.error.emit(self._problem)
            return
        try:  # the save dialog has asked before replacing a file; links, devices and the backups never
            fileio.check_output_path(path, force=True)
        except BeautifulLettersError as error:
            self.error.emit(str(error))
            return
        reading = Reading(self.editor.toPlainText() if text is None else text, dict(self._pronunciations))
        settings = SpeechSettings(voice=self._voice, rate=self._rate, volume=self._volume)
        self._tasks.export(reading, path, settings)

    def cancel_export(self) -> None:
        self._tasks.cancel_export()


# ------------------------------------------------------------------------- helpers
def _clamp_rate(value: Any) -> int:
    try:
        rate = int(value)
    except (TypeError, ValueError):
        rate = DEFAULT_RATE
    return max(MIN_RATE, min(MAX_RATE, rate))


def _clamp_volume(value: Any) -> float:
    try:
        volume = float(value)
    except (TypeError, ValueError):
        volume = 1.0
    return max(0.0, min(1.0, volume))


__all__ = ["ReadAloudController", "ReaderState", "VoiceInfo"]
