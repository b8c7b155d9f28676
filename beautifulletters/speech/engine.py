"""The one module that drives pyttsx3 (espeak-ng): find the engine, list voices, speak text into a WAV file.

Only the synthesis worker process calls `Synthesizer`: pyttsx3 keeps one engine per
process and its run loop cannot be re-entered from another thread, so the app never
loads it into the window's process.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import N_, _
from beautifulletters.records import JSONObject

from .audio import wait_for_wav, write_silence
from .text import is_speakable

# Points the app (and its worker) at a specific espeak-ng library, for unusual installs;
# the tests point it at a missing file to check what a user without espeak-ng sees.
LIBRARY_ENV = "BEAUTIFULLETTERS_ESPEAK_LIBRARY"

MISSING_ENGINE_MESSAGE = N_(
    "Reading aloud needs the espeak-ng speech engine, which is not installed: "
    "install the espeak-ng package (on Debian or Ubuntu: sudo apt-get install espeak-ng)."
)

# The names pyttsx3's espeak driver tries, in its order.
_LIBRARY_CANDIDATES = {
    "linux": ("libespeak-ng.so.1", "/usr/local/lib/libespeak-ng.so.1", "libespeak.so.1"),
    "darwin": (
        "/opt/homebrew/lib/libespeak-ng.1.dylib",
        "/usr/local/lib/libespeak-ng.1.dylib",
        "/usr/local/lib/libespeak.dylib",
    ),
    "win32": (r"C:\Program Files\eSpeak NG\libespeak-ng.dll", r"C:\Program Files (x86)\eSpeak NG\libespeak-ng.dll"),
}

DEFAULT_RATE = 175  # words per minute; espeak's own default, a calm reading pace
MIN_RATE, MAX_RATE = 80, 450


class EngineMissingError(BeautifulLettersError):
    """No usable speech engine: the message says what to install."""

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(_(MISSING_ENGINE_MESSAGE))


def _platform_key() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    return sys.platform if sys.platform in _LIBRARY_CANDIDATES else "linux"


def find_engine_library() -> str | None:
    """The espeak-ng library that loads here, or None. Loading it does not start the engine."""
    chosen = os.environ.get(LIBRARY_ENV)
    candidates = (chosen,) if chosen else _LIBRARY_CANDIDATES[_platform_key()]
    for candidate in candidates:
        try:
            ctypes.CDLL(candidate)
        except OSError:
            continue
        return candidate
    return None


def engine_problem() -> str | None:
    """None when reading aloud can work here, else the sentence saying what to install."""
    if find_engine_library() is None:
        return _(MISSING_ENGINE_MESSAGE)
    try:
        import pyttsx3  # noqa: F401 - only checks that the package is there; no engine starts
    except ImportError:
        return _("Reading aloud needs the Python package pyttsx3: install BeautifulLetters with its dependencies.")
    return None


@dataclass(frozen=True)
class VoiceInfo:
    """An installed voice: `id` is what the engine takes, `name` what a person reads."""

    id: str
    name: str
    language: str
    gender: str | None

    def to_json(self) -> JSONObject:
        return asdict(self)


class Synthesizer:
    """One pyttsx3 engine in this process, speaking one piece of text into one WAV file at a time."""

    def __init__(self) -> None:
        if find_engine_library() is None:
            raise EngineMissingError()
        try:
            import pyttsx3

            self._engine = pyttsx3.init("espeak")
        except (ImportError, RuntimeError, OSError) as error:
            # pyttsx3 raises RuntimeError("could not initialize espeak") when the library
            # loads but its voice data is missing: for a user, the same fix.
            raise EngineMissingError(str(error)) from None
        self._settings: dict[str, object] = {}
        self._finished = threading.Event()
        self._engine.connect("finished-utterance", self._on_finished)

    def _on_finished(self, **_details: Any) -> None:
        self._finished.set()

    def voices(self) -> list[VoiceInfo]:
        result = []
        for voice in self._engine.getProperty("voices"):
            languages = [str(code) for code in (voice.languages or []) if code]
            result.append(
                VoiceInfo(
                    id=str(voice.id),
                    name=str(voice.name),
                    language=(languages[0] if languages else "").lower(),
                    gender=voice.gender,
                )
            )
        return result

    def _configure(self, voice: str | None, rate: int, volume: float) -> None:
        wanted = {"voice": voice, "rate": int(rate), "volume": float(volume)}
        for name, value in wanted.items():
            if value is not None and self._settings.get(name) != value:
                self._engine.setProperty(name, value)
                self._settings[name] = value

    def synthesize(
        self, text: str, path: str, *, voice: str | None = None, rate: int = DEFAULT_RATE, volume: float = 1.0
    ) -> int:
        """Speak `text` into the WAV file `path`; returns its frame count once the file is complete.

        runAndWait can return before espeak's callback has written the file (for anything
        longer than a sentence or two), so this waits for a whole, valid file. Queuing
        several utterances before one runAndWait loses all but the last, so it is one each.
        """
        target = Path(path)
        if not is_speakable(text):
            target.unlink(missing_ok=True)
            write_silence(target, 0.25)
            return int(0.25 * 22050)
        self._configure(voice, rate, volume)
        frames = 0
        for _attempt in range(3):
            frames = self._speak_once(text, target)
            if frames > 0:
                break
        if frames == 0:
            # espeak said nothing (e.g. only punctuation it skips): a short pause instead of
            # an empty file, so the player and the export always have real audio.
            write_silence(target, 0.25)
            frames = int(0.25 * 22050)
        return frames

    def _speak_once(self, text: str, target: Path) -> int:
        target.unlink(missing_ok=True)
        self._finished.clear()
        self._engine.save_to_file(text, str(target))
        self._engine.runAndWait()
        # espeak manages well over 20 times real time; allow for a slow, busy machine.
        timeout = 10.0 + len(text) / 40.0
        frames = wait_for_wav(target, timeout=timeout)
        # The file is written inside espeak's callback, which then clears the driver's audio
        # buffer and marks it idle. Starting the next sentence before that has happened lets
        # the old callback wipe the new sentence's audio (seen under load as empty or clipped
        # files), so wait for "finished-utterance" and for the driver to be idle.
        deadline = time.monotonic() + 5.0
        self._finished.wait(timeout=5.0)
        while self._engine.isBusy() and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(0.002)  # the callback's last two statements
        return frames
