"""Where a sentence's audio goes: the sound device, or a silent clock when there is none."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, QUrl, Signal

from beautifulletters.i18n import N_, _

NO_SOUND_DEVICE_MESSAGE = N_(
    "No sound device was found, so the letter is read silently: the highlight follows the reading. "
    "Export the reading to listen to it elsewhere."
)


def sound_device_available() -> bool:
    """True when Qt sees at least one audio output."""
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs())


# ---------------------------------------------------------------------------- sinks
class AudioSink(QObject):
    """Where a sentence's audio goes: plays one file at a time and says when it has ended."""

    ended = Signal()
    failed = Signal(str)

    def play(self, path: str, duration_ms: int) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def position_ms(self) -> int:
        raise NotImplementedError

    def set_volume(self, volume: float) -> None:
        """0..1; a sink without sound ignores it."""


class MediaPlayerSink(AudioSink):
    """The sound card, through Qt Multimedia: pause and stop act at once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

        self._end_status = QMediaPlayer.MediaStatus.EndOfMedia
        self._output = QAudioOutput(QMediaDevices.defaultAudioOutput(), self)
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(self._output)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(lambda _error, text: self.failed.emit(text or _("the sound device failed.")))

    def _on_status(self, status: Any) -> None:
        if status == self._end_status:
            self.ended.emit()

    def play(self, path: str, duration_ms: int) -> None:
        self._player.setSource(QUrl.fromLocalFile(path))
        self._player.play()

    def pause(self) -> None:
        self._player.pause()

    def resume(self) -> None:
        self._player.play()

    def stop(self) -> None:
        self._player.stop()

    def position_ms(self) -> int:
        return int(self._player.position())

    def set_volume(self, volume: float) -> None:
        self._output.setVolume(float(volume))


class SilentClockSink(AudioSink):
    """No sound device: a clock that runs through each sentence's real duration instead."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_end)
        self._clock = QElapsedTimer()
        self._duration = 0
        self._played = 0  # ms played before the last pause
        self._running = False

    def play(self, path: str, duration_ms: int) -> None:
        self._duration = max(1, duration_ms)
        self._played = 0
        self._running = True
        self._clock.start()
        self._timer.start(self._duration)

    def pause(self) -> None:
        if self._running:
            self._played += self._clock.elapsed()
            self._running = False
            self._timer.stop()

    def resume(self) -> None:
        if not self._running and self._duration:
            self._running = True
            self._clock.restart()
            self._timer.start(max(0, self._duration - self._played))

    def stop(self) -> None:
        self._timer.stop()
        self._running = False
        self._duration = 0
        self._played = 0

    def position_ms(self) -> int:
        return min(self._duration, self._played + (self._clock.elapsed() if self._running else 0))

    def _on_end(self) -> None:
        self._running = False
        self._played = self._duration
        self.ended.emit()
