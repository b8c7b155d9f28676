"""Exporting with the real espeak-ng through pyttsx3: valid WAV files that last as long as the words."""

from __future__ import annotations

import random
import shutil
import subprocess
import time
import wave
from pathlib import Path

import pytest

from beautifulletters.errors import ValidationError
from beautifulletters.speech import (
    MISSING_ENGINE_MESSAGE,
    EngineMissingError,
    Reading,
    SpeechSettings,
    SynthesisProcess,
    export_reading,
    wav_duration,
)
from beautifulletters.speech.engine import LIBRARY_ENV
from beautifulletters.speech.text import word_count


def expected_seconds(text: str, rate: int) -> float:
    return word_count(text) * 60.0 / rate


def assert_valid_wav_of_length(path: Path, text: str, rate: int) -> float:
    assert path.exists() and path.stat().st_size > 44
    with wave.open(str(path)) as reader:  # raises on anything that is not a WAV
        assert reader.getnchannels() == 1 and reader.getsampwidth() == 2 and reader.getnframes() > 0
    duration = wav_duration(path)
    expected = expected_seconds(text, rate)
    assert 0.6 * expected <= duration <= 1.4 * expected, f"{duration:.1f}s read, about {expected:.1f}s expected"
    return duration


def test_a_one_line_letter(tmp_path: Path) -> None:
    text = "Happy birthday, my love; I will be home for dinner tonight."
    out = tmp_path / "one-line.wav"
    result = export_reading(Reading(text), out, SpeechSettings(rate=175))
    assert result.path == out and result.sentences == 1
    assert_valid_wav_of_length(out, text, 175)


def test_a_multi_paragraph_letter_with_blank_lines(tmp_path: Path) -> None:
    text = (
        "Dear Lolly,\n\n\n"
        "Another year, and you still hum when you think nobody is listening. I listen.\n\n"
        "This morning I put yellow roses on the kitchen table, the way I have every April.\n\n\n\n"
        "Happy birthday, my Lo. Save me a dance in the kitchen on Sunday.\n\n"
        "All my love,\nChris\n"
    )
    out = tmp_path / "paragraphs.wav"
    result = export_reading(Reading(text), out, SpeechSettings(rate=220))
    assert result.sentences == 8
    assert_valid_wav_of_length(out, text, 220)


def test_a_letter_starting_with_an_option_is_read_not_obeyed(tmp_path: Path) -> None:
    text = "--version --help of this letter is the only one I wrote by hand."
    out = tmp_path / "version.wav"
    export_reading(Reading(text), out, SpeechSettings(rate=175))
    assert_valid_wav_of_length(out, text, 175)


def test_a_faster_rate_gives_a_shorter_reading(tmp_path: Path) -> None:
    text = "Thank you for every ordinary Tuesday. They turned out to be the whole point."
    slow = export_reading(Reading(text), tmp_path / "slow.wav", SpeechSettings(rate=120)).duration
    fast = export_reading(Reading(text), tmp_path / "fast.wav", SpeechSettings(rate=300)).duration
    assert fast < slow * 0.65


def test_emoji_and_symbols_do_not_break_the_reading(tmp_path: Path) -> None:
    text = "I love you 😀👍🏽! 🇺🇸 ★ ❤️ & ~~~\n\n💐💐💐\n\nSee you soon."
    result = export_reading(Reading(text), tmp_path / "emoji.wav")
    assert result.sentences == 4  # "I love you 😀👍🏽!" / the flag line / the flowers / "See you soon."
    assert wav_duration(result.path) > 1.5


def test_the_pronunciation_hint_changes_what_is_heard(tmp_path: Path) -> None:
    plain = export_reading(Reading("Loretta"), tmp_path / "plain.wav").path.read_bytes()
    hinted = export_reading(Reading("Loretta", {"Loretta": "lo-ret-ah"}), tmp_path / "hinted.wav").path.read_bytes()
    assert plain != hinted


def test_the_worker_answers_each_sentence_as_soon_as_it_is_ready(tmp_path: Path) -> None:
    """Playback can start after the first sentence: replies stream back one by one."""
    with SynthesisProcess() as process:
        started = time.monotonic()
        ids = [process.synthesize(f"This is sentence number {n}.", tmp_path / f"{n}.wav") for n in range(5)]
        first = process.wait_for(ids[0], timeout=20)
        assert first["op"] == "done" and Path(first["path"]).exists()
        assert first["duration"] > 0.5
        first_at = time.monotonic() - started
        for request_id in ids[1:]:
            assert process.wait_for(request_id, timeout=20)["op"] == "done"
    assert first_at < 5.0
    assert all((tmp_path / f"{n}.wav").stat().st_size > 44 for n in range(5))


def test_a_missing_engine_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIBRARY_ENV, str(tmp_path / "libespeak-ng.so.1"))
    with pytest.raises(EngineMissingError) as caught:
        export_reading(Reading("Hello."), tmp_path / "x.wav")
    assert str(caught.value) == MISSING_ENGINE_MESSAGE
    assert "espeak-ng" in str(caught.value) and "install" in str(caught.value)
    assert not (tmp_path / "x.wav").exists()


def ten_thousand_words(seed: int = 6) -> str:
    rng = random.Random(seed)
    sentences = [
        "I thought of you this morning when the kettle sang.",
        "The garden is full of tomatoes again, far more than two people could ever eat.",
        "Do you remember the night the power went out and we played cards by candlelight?",
        "Your mother called; she sends her love and a recipe I will certainly ruin.",
        "It rained all week, so I finally fixed the squeaky door in the hall.",
        "I miss your laugh!",
    ]
    paragraphs, words = [], 0
    while words < 10_000:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 7)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return "My dearest Loretta,\n\n" + "\n\n".join(paragraphs) + "\n\nYours, always,\nChris"


@pytest.mark.slow
def test_a_ten_thousand_word_letter_is_read_completely(tmp_path: Path) -> None:
    text = ten_thousand_words()
    assert word_count(text) >= 10_000
    out = tmp_path / "long.wav"
    started = time.monotonic()
    result = export_reading(Reading(text), out, SpeechSettings(rate=300))
    assert time.monotonic() - started < 120
    assert result.sentences == len(Reading(text).pieces) > 500
    assert_valid_wav_of_length(out, text, 300)


@pytest.mark.skipif(not shutil.which("sox") and not shutil.which("ffmpeg"), reason="no encoder installed")
@pytest.mark.parametrize("suffix", [".flac", ".ogg"])
def test_a_compressed_reading_when_an_encoder_is_installed(tmp_path: Path, suffix: str) -> None:
    text = "Thank you for every ordinary Tuesday. They turned out to be the whole point."
    out = tmp_path / f"reading{suffix}"
    result = export_reading(Reading(text), out, SpeechSettings(rate=175))
    assert out.exists() and out.stat().st_size > 1000
    measured = subprocess.run(["soxi", "-D", str(out)], capture_output=True, text=True, check=True).stdout
    assert float(measured) == pytest.approx(result.duration, abs=0.1)
    assert not list(tmp_path.glob("*.part*"))


def test_a_format_no_encoder_here_can_write_is_refused_plainly(tmp_path: Path) -> None:
    if shutil.which("ffmpeg"):
        pytest.skip("ffmpeg can write every format")
    with pytest.raises(ValidationError, match="install ffmpeg"):
        export_reading(Reading("Hello there."), tmp_path / "reading.mp3")
    assert not (tmp_path / "reading.mp3").exists()
