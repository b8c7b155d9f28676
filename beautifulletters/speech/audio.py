"""WAV files: check that audio really came out, make silence, join sentences, compress if an encoder exists."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import wave
from collections.abc import Sequence
from pathlib import Path

from beautifulletters import fileio
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _

SAMPLE_RATE = 22050  # what espeak-ng produces through pyttsx3
_WAV_HEADER = 44
_CHUNK_FRAMES = 1 << 16


class AudioError(BeautifulLettersError):
    """Audio could not be made or written."""


def wav_duration(path: str | os.PathLike[str]) -> float:
    """Seconds of audio in a WAV file."""
    with wave.open(str(path), "rb") as reader:
        return reader.getnframes() / float(reader.getframerate())


def complete_wav_frames(path: str | os.PathLike[str]) -> int | None:
    """The frame count when `path` is a whole, valid PCM WAV file, else None.

    pyttsx3 writes the file from espeak's callback, possibly after runAndWait has
    returned; the header is written first with the final size, so a file shorter than
    its header says is still being written.
    """
    try:
        size = os.path.getsize(path)
        if size < _WAV_HEADER:
            return None
        with wave.open(str(path), "rb") as reader:
            frames = reader.getnframes()
            expected = frames * reader.getsampwidth() * reader.getnchannels()
    except (OSError, EOFError, wave.Error):
        return None
    if size < _WAV_HEADER + expected:
        return None
    return frames


def wait_for_wav(path: str | os.PathLike[str], *, timeout: float) -> int:
    """Wait until `path` is a complete WAV; returns its frame count (0 means silence came out)."""
    deadline = time.monotonic() + timeout
    delay = 0.002
    while True:
        frames = complete_wav_frames(path)
        if frames is not None:
            return frames
        if time.monotonic() > deadline:
            raise AudioError(
                _("the speech engine wrote no audio to {path} within {timeout:.0f} seconds.").format(
                    path=path, timeout=timeout
                )
            )
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


def write_silence(path: str | os.PathLike[str], seconds: float, *, rate: int = SAMPLE_RATE) -> None:
    """A WAV of silence: stands in for a sentence of only symbols, so timing stays even."""
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(b"\0\0" * int(seconds * rate))


def concatenate_wavs(parts: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str]) -> float:
    """Join WAV files (same format) into one; returns its duration in seconds.

    Streams in chunks: a 10,000-word letter is an hour of audio, too much to hold twice.
    """
    if not parts:
        raise AudioError(_("there is nothing to read aloud: the letter has no words."))
    out_path = Path(out)
    frames_written = 0
    with wave.open(str(parts[0]), "rb") as first:
        params = first.getparams()
    frame_bytes = params.sampwidth * params.nchannels

    def write(temp: Path) -> None:
        nonlocal frames_written
        with wave.open(str(temp), "wb") as writer:
            writer.setnchannels(params.nchannels)
            writer.setsampwidth(params.sampwidth)
            writer.setframerate(params.framerate)
            for part in parts:
                with wave.open(str(part), "rb") as reader:
                    if (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) != (
                        params.nchannels,
                        params.sampwidth,
                        params.framerate,
                    ):
                        raise AudioError(
                            _("{part} has a different audio format from the rest of the reading.").format(part=part)
                        )
                    while chunk := reader.readframes(_CHUNK_FRAMES):
                        writer.writeframes(chunk)
                        frames_written += len(chunk) // frame_bytes

    def whole(temp: Path) -> None:
        if temp.stat().st_size != _WAV_HEADER + frames_written * frame_bytes:
            raise fileio.OutputError(_("{file} came out short.").format(file=temp.name))

    # Written beside the target and renamed: a reader never sees half a file.
    fileio.write_file(out_path, write, verify=whole)
    return frames_written / float(params.framerate)


# Compressed formats, by file ending, and the encoders that can make them.
COMPRESSED_SUFFIXES = (".ogg", ".oga", ".opus", ".flac", ".mp3", ".m4a")
_FFMPEG_FORMATS = {".ogg": "ogg", ".oga": "ogg", ".opus": "opus", ".flac": "flac", ".mp3": "mp3", ".m4a": "ipod"}


def encoder_for(suffix: str) -> list[str] | None:
    """The command prefix of an installed encoder that writes `suffix`, or None."""
    suffix = suffix.lower()
    if shutil.which("ffmpeg"):
        return ["ffmpeg", "-loglevel", "error", "-y", "-i"]
    if shutil.which("sox") and suffix in (".ogg", ".oga", ".flac"):
        return ["sox"]
    return None


def encode(wav: str | os.PathLike[str], out: str | os.PathLike[str]) -> None:
    """Convert a WAV to the compressed format its name asks for, with ffmpeg or sox."""
    out_path = Path(out)
    command = encoder_for(out_path.suffix)
    if command is None:
        raise ValidationError(
            "out",
            _("cannot write {suffix} files here: install ffmpeg (or sox for .ogg and .flac), or save as .wav.").format(
                suffix=out_path.suffix
            ),
        )
    # The temporary file's name ends in .part, so the container is named to the encoder.
    container = (
        ["-f", _FFMPEG_FORMATS[out_path.suffix.lower()]]
        if command[0] == "ffmpeg"
        else ["-t", "ogg" if out_path.suffix.lower() == ".oga" else out_path.suffix.lower()[1:]]
    )

    def write(temp: Path) -> None:
        completed = subprocess.run(
            [*command, str(wav), *container, str(temp)], capture_output=True, text=True, check=False
        )
        if completed.returncode != 0:
            detail = (completed.stderr.strip().splitlines() or ["no output"])[-1]
            raise AudioError(
                _("could not write {out_path}: {command} said: {detail}").format(
                    out_path=out_path, command=command[0], detail=detail
                )
            )

    fileio.write_file(out_path, write)
