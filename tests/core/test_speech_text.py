"""Preparing letter text for speech: sentences keep their offsets, names are said right, symbols don't break it."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beautifulletters.records import Letter, Person
from beautifulletters.speech.audio import complete_wav_frames, concatenate_wavs, wav_duration, write_silence
from beautifulletters.speech.engine import VoiceInfo
from beautifulletters.speech.reading import (
    Reading,
    letter_reading_text,
    pronunciations_for_letter,
    resolve_voice,
    voices_by_language,
)
from beautifulletters.speech.text import (
    estimate_word_timings,
    pronunciation_map,
    respell,
    split_sentences,
    spoken_form,
)

LETTER = """Dear Lolly,

Another year, and you still hum when you think nobody is listening. I listen! Mr. Smith said so.
Did J. Doe come? Yes…

All my love,
Chris"""


def test_sentences_follow_a_letters_lines_and_punctuation() -> None:
    texts = [s.text for s in split_sentences(LETTER)]
    assert texts == [
        "Dear Lolly,",
        "Another year, and you still hum when you think nobody is listening.",
        "I listen!",
        "Mr. Smith said so.",
        "Did J. Doe come?",
        "Yes…",
        "All my love,",
        "Chris",
    ]


def test_offsets_point_at_the_sentence_in_the_original_text() -> None:
    for sentence in split_sentences(LETTER):
        assert LETTER[sentence.start : sentence.end] == sentence.text


def test_a_hard_wrapped_paragraph_is_one_sentence() -> None:
    text = (
        "I have listened since the county fair, when you beat every pie in\nthree counties and I spent my last dollar."
    )
    assert len(split_sentences(text)) == 1


def test_a_very_long_sentence_is_cut_so_reading_starts_quickly() -> None:
    text = ", ".join(["and then we walked a little further down the road"] * 40) + "."
    sentences = split_sentences(text)
    assert len(sentences) > 5
    assert all(len(s.text) <= 280 for s in sentences)
    assert "".join(text[s.start : s.end] for s in sentences).replace(" ", "") == text.replace(" ", "")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_splits_into_ordered_non_overlapping_sentences(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        previous_end = sentence.end


def test_a_hint_is_respelled_so_espeak_does_not_spell_the_capitals() -> None:
    assert respell("lo-RET-ah") == "lo-ret-ah"


def test_the_hint_replaces_the_name_wherever_it_is_read() -> None:
    hints = pronunciation_map(
        [Person(id=1, display_name="Loretta Mercer", full_name="Loretta Anne Mercer", pronunciation="lo-RET-ah")]
    )
    spoken = spoken_form("My dearest Loretta, Loretta's roses for Loretta Mercer.", hints)
    assert spoken == "My dearest lo-ret-ah, lo-ret-ah's roses for lo-ret-ah Mercer."
    assert spoken_form("Lorettas and Loretta2 stay", hints) == "Lorettas and Loretta2 stay"


def test_a_hint_with_a_word_per_name_covers_each_name() -> None:
    hints = pronunciation_map([Person(id=1, display_name="Siobhan Murphy", pronunciation="shi-VAWN MUR-fee")])
    assert spoken_form("Siobhan Murphy", hints) == "shi-vawn mur-fee"


def test_emoji_and_symbols_are_named_or_dropped_never_garbled() -> None:
    spoken = spoken_form("Love you 😀👍🏽 🇺🇸 ★ & 👨‍👩‍👧 ~~~ ***")
    assert "grinning face" in spoken
    assert "thumbs up sign" in spoken and "skin" not in spoken
    assert "flag" in spoken and "regional" not in spoken
    assert " and " in spoken
    assert "~" not in spoken and "*" not in spoken
    assert "\u200d" not in spoken


def test_word_timings_run_in_order_within_the_recording() -> None:
    sentence = "Another year, and you still hum when you think nobody is listening."
    timings = estimate_word_timings(sentence, 3600)
    assert len(timings) == 12
    assert timings[0].at_ms == 0
    assert all(a.at_ms < b.at_ms for a, b in zip(timings, timings[1:], strict=False))
    assert timings[-1].at_ms < 3600
    assert sentence[timings[1].start : timings[1].end] == "year,"


def test_the_signature_name_is_read_after_the_body() -> None:
    letter = Letter(
        id=1, signer_id=1, recipient_id=2, body_text="Happy birthday.\n\nLove,", style={"signature_name": "Chris"}
    )
    assert letter_reading_text(letter) == "Happy birthday.\n\nLove,\n\nChris"
    letter = Letter(
        id=1,
        signer_id=1,
        recipient_id=2,
        body_text="Happy birthday.\n\nLove,\nChris",
        style={"signature_name": "Chris"},
    )
    assert letter_reading_text(letter) == "Happy birthday.\n\nLove,\nChris"


def test_hints_come_from_the_archive(archive) -> None:
    letter = archive.letters.get(archive.letters.all()[0].id)
    hints = pronunciations_for_letter(archive, letter)
    assert hints.get("Loretta") == "lo-ret-ah"
    reading = Reading("My dearest Loretta,", hints)
    assert reading.pieces[0].spoken == "My dearest lo-ret-ah,"


def test_voices_are_grouped_by_language_with_the_letters_language_first() -> None:
    voices = [
        VoiceInfo("gmw/en-us", "English (America)", "en-us", None),
        VoiceInfo("gmw/en", "English (Great Britain)", "en-gb", None),
        VoiceInfo("gmw/de", "German", "de", None),
        VoiceInfo("roa/fr", "French (France)", "fr-fr", None),
    ]
    groups = voices_by_language(voices, "de")
    assert [label for label, _ in groups] == ["German (de)", "English (en)", "French (fr)"]
    assert [v.name for v in groups[1][1]] == ["English (America)", "English (Great Britain)"]
    assert resolve_voice("en-us", voices).id == "gmw/en-us"
    assert resolve_voice("german", voices).id == "gmw/de"
    assert resolve_voice("fr", voices).id == "roa/fr"


def test_wav_files_join_in_order_and_a_half_written_file_is_not_complete(tmp_path: Path) -> None:
    first, second = tmp_path / "a.wav", tmp_path / "b.wav"
    write_silence(first, 0.5)
    write_silence(second, 0.25)
    assert complete_wav_frames(first) == 11025
    out = tmp_path / "joined.wav"
    assert concatenate_wavs([first, second], out) == pytest.approx(0.75, abs=0.001)
    assert wav_duration(out) == pytest.approx(0.75, abs=0.001)
    truncated = tmp_path / "half.wav"
    truncated.write_bytes(first.read_bytes()[:5000])
    assert complete_wav_frames(truncated) is None
    with wave.open(str(out)) as reader:
        assert reader.getframerate() == 22050
