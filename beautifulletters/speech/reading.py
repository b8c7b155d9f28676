"""A reading of a letter: its text from the archive, its sentences, voices to choose from, export to one file."""

from __future__ import annotations

import os
import queue
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Letter, Person

from .audio import COMPRESSED_SUFFIXES, concatenate_wavs, encode
from .engine import DEFAULT_RATE, MAX_RATE, MIN_RATE, EngineMissingError, VoiceInfo
from .text import Sentence, pronunciation_map, split_sentences, spoken_form, word_count
from .worker import Message, SynthesisProcess, WorkerError

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

# Above this many people the archive is not scanned for hints; the letter's own signer and
# recipient are always included.
_HINT_SCAN_LIMIT = 5000


# ----------------------------------------------------------------- from the archive
def letter_reading_text(letter: Letter) -> str:
    """What is read aloud: the letter's plain text, then the signature name if it is not already there."""
    text = (letter.body_text or "").rstrip()
    signature = str(letter.style.get("signature_name") or "").strip()
    if signature and not text.endswith(signature):
        text = f"{text}\n\n{signature}" if text else signature
    return text


def pronunciations_for_letter(archive: Archive, letter: Letter) -> dict[str, str]:
    """Name -> how to say it, for the letter's signer and recipient and everyone with a hint."""
    people: list[Person] = [archive.people.get(letter.recipient_id), archive.people.get(letter.signer_id)]
    if archive.search.count_people() <= _HINT_SCAN_LIMIT:
        people += [p for p in archive.search.people() if p.pronunciation]
    return pronunciation_map(people)


# ------------------------------------------------------------------------- readings
@dataclass(frozen=True)
class Piece:
    """A sentence and what the engine is given for it."""

    sentence: Sentence
    spoken: str


@dataclass
class Reading:
    """A text split for reading aloud; offsets are relative to `text`."""

    text: str
    pronunciations: Mapping[str, str] = field(default_factory=dict)
    pieces: list[Piece] = field(init=False)

    def __post_init__(self) -> None:
        self.pieces = [Piece(s, spoken_form(s.text, self.pronunciations)) for s in split_sentences(self.text)]


@dataclass(frozen=True)
class SpeechSettings:
    voice: str | None = None
    rate: int = DEFAULT_RATE
    volume: float = 1.0

    def checked(self) -> SpeechSettings:
        if not MIN_RATE <= int(self.rate) <= MAX_RATE:
            raise ValidationError(
                "rate",
                _("{rate} words a minute is out of range; use {MIN_RATE} to {MAX_RATE}.").format(
                    rate=self.rate, MIN_RATE=MIN_RATE, MAX_RATE=MAX_RATE
                ),
            )
        if not 0.0 <= float(self.volume) <= 1.0:
            raise ValidationError("volume", _("{volume} is out of range; use 0 to 1.").format(volume=self.volume))
        return self


# --------------------------------------------------------------------------- voices
def list_voices(timeout: float = 20.0) -> list[VoiceInfo]:
    """The installed voices, asked of a worker process (the engine never loads here)."""
    with SynthesisProcess() as process:
        reply = process.wait_for(process.send("voices"), timeout=timeout)
    return [VoiceInfo(**voice) for voice in reply["voices"]]


def language_of(voice: VoiceInfo) -> str:
    """The voice's base language code: "en" for en-gb-scotland."""
    return (voice.language or voice.id.rsplit("/", 1)[-1]).split("-")[0].lower()


def voices_by_language(
    voices: Iterable[VoiceInfo], first_language: str | None = None
) -> list[tuple[str, list[VoiceInfo]]]:
    """Voices grouped by language, each group named by its first plain voice name.

    The letter's language comes first; the others follow alphabetically by name.
    """
    groups: dict[str, list[VoiceInfo]] = {}
    for voice in voices:
        groups.setdefault(language_of(voice), []).append(voice)
    named = []
    for code, members in groups.items():
        members.sort(key=lambda v: (v.language != code, v.name.lower()))
        label = members[0].name.split(" (")[0]
        named.append((label, code, members))
    wanted = (first_language or "").split("-")[0].lower()
    named.sort(key=lambda item: (item[1] != wanted, item[0].lower()))
    return [(f"{label} ({code})", members) for label, code, members in named]


def resolve_voice(wanted: str, voices: Sequence[VoiceInfo]) -> VoiceInfo:
    """Find a voice by id ("gmw/en-us"), language ("en-us"), or name ("English (America)")."""
    key = wanted.strip().lower()
    for test in (
        lambda v: v.id.lower() == key,
        lambda v: v.id.lower().rsplit("/", 1)[-1] == key or v.language == key,
        lambda v: v.name.lower() == key,
        lambda v: language_of(v) == key,
        lambda v: v.name.lower().startswith(key),
    ):
        matches = [voice for voice in voices if test(voice)]
        if matches:
            return sorted(matches, key=lambda v: len(v.id))[0]
    examples = ", ".join(v.language for v in voices[:4])
    raise ValidationError(
        "voice",
        _("there is no voice called {wanted}; try a language code such as {examples}.").format(
            wanted=repr(wanted), examples=examples
        ),
    )


# --------------------------------------------------------------------------- export
@dataclass(frozen=True)
class ExportResult:
    path: Path
    duration: float
    sentences: int
    words: int
    synthesis_seconds: float


def synthesize_pieces(
    spoken: Sequence[str],
    folder: Path,
    settings: SpeechSettings,
    *,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[Path]:
    """One WAV per piece, in order, from `workers` processes working side by side.

    Each worker keeps at most two requests queued, so the work spreads evenly and a
    crashed worker loses little: its unfinished pieces go to a fresh process.
    """
    total = len(spoken)
    paths = [folder / f"{index:06d}.wav" for index in range(total)]
    if total == 0:
        return []
    replies: queue.Queue[tuple[int, Message]] = queue.Queue()
    count = max(1, min(workers, total))

    def to_replies(worker: int) -> Callable[[Message], None]:
        return lambda message: replies.put((worker, message))

    processes = [SynthesisProcess(on_message=to_replies(n)) for n in range(count)]
    outstanding: list[dict[int, int]] = [{} for _process in processes]  # request id -> piece index
    pending = list(range(total - 1, -1, -1))  # a stack: pop() gives the next piece
    done = 0
    restarts = 0

    def feed(worker: int) -> None:
        while pending and len(outstanding[worker]) < 2:
            index = pending.pop()
            request_id = processes[worker].synthesize(
                spoken[index], paths[index], voice=settings.voice, rate=settings.rate, volume=settings.volume
            )
            outstanding[worker][request_id] = index

    try:
        for worker in range(count):
            processes[worker].start()
            feed(worker)
        while done < total:
            if cancel is not None and cancel.is_set():
                raise WorkerError(_("the export was cancelled."))
            try:
                worker, message = replies.get(timeout=60)
            except queue.Empty:
                raise WorkerError(_("the speech worker stopped answering.")) from None
            op = message.get("op")
            if op == "missing":
                raise EngineMissingError(message.get("detail"))
            if op == "failed":
                raise WorkerError(_("speech synthesis failed: {value}").format(value=message.get("message")))
            if op == "exited":
                if not outstanding[worker] or message.get("pid") != processes[worker].pid:
                    continue  # an old process ending after a restart, or a clean exit
                restarts += 1
                if restarts > 3:
                    raise WorkerError(
                        _("the speech worker keeps ending (exit code {value}).").format(value=message.get("code"))
                    )
                pending.extend(sorted(outstanding[worker].values(), reverse=True))
                outstanding[worker].clear()
                processes[worker].kill()
                feed(worker)
                continue
            if op == "done" and message.get("id") in outstanding[worker]:
                outstanding[worker].pop(message["id"])
                done += 1
                if progress is not None:
                    progress(done, total)
                feed(worker)
    finally:
        for process in processes:
            process.kill() if cancel is not None and cancel.is_set() else process.close()
    return paths


def export_reading(
    reading: Reading,
    out: str | os.PathLike[str],
    settings: SpeechSettings | None = None,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> ExportResult:
    """Read the whole text into one audio file: WAV, or a compressed format an encoder can write."""
    settings = (settings or SpeechSettings()).checked()
    out_path = Path(out)
    suffix = out_path.suffix.lower()
    if suffix not in (".wav", *COMPRESSED_SUFFIXES):
        raise ValidationError(
            "out", _("{out_path}: save the reading as .wav (or .ogg, .flac, .mp3).").format(out_path=out_path.name)
        )
    if not out_path.parent.is_dir():
        raise ValidationError("out", _("the folder {parent} does not exist.").format(parent=out_path.parent))
    if not reading.pieces:
        raise ValidationError("letter", _("there is nothing to read aloud: the letter has no words."))
    started = time.monotonic()
    spoken = [piece.spoken for piece in reading.pieces]
    # Small readings gain nothing from a second process; large ones use both cores.
    count = workers if workers is not None else (1 if len(spoken) < 40 else min(2, os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="beautifulletters-speech-") as folder:
        parts = synthesize_pieces(spoken, Path(folder), settings, workers=count, progress=progress, cancel=cancel)
        synthesis_seconds = time.monotonic() - started
        if suffix == ".wav":
            duration = concatenate_wavs(parts, out_path)
        else:
            joined = Path(folder) / "reading.wav"
            duration = concatenate_wavs(parts, joined)
            encode(joined, out_path)
    return ExportResult(out_path, duration, len(spoken), word_count(reading.text), synthesis_seconds)
