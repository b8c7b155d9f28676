"""Reading letters aloud with pyttsx3/espeak-ng: sentences, names said right, a worker process, export."""

from .audio import AudioError, concatenate_wavs, wav_duration
from .engine import (
    DEFAULT_RATE,
    LIBRARY_ENV,
    MISSING_ENGINE_MESSAGE,
    EngineMissingError,
    VoiceInfo,
    engine_problem,
)
from .reading import (
    ExportResult,
    Reading,
    SpeechSettings,
    export_reading,
    language_of,
    letter_reading_text,
    list_voices,
    pronunciations_for_letter,
    resolve_voice,
    voices_by_language,
)
from .text import Sentence, WordTiming, estimate_word_timings, split_sentences, spoken_form
from .worker import SynthesisProcess, WorkerError

__all__ = [
    "DEFAULT_RATE",
    "LIBRARY_ENV",
    "MISSING_ENGINE_MESSAGE",
    "AudioError",
    "EngineMissingError",
    "ExportResult",
    "Reading",
    "Sentence",
    "SpeechSettings",
    "SynthesisProcess",
    "VoiceInfo",
    "WordTiming",
    "WorkerError",
    "concatenate_wavs",
    "engine_problem",
    "estimate_word_timings",
    "export_reading",
    "language_of",
    "letter_reading_text",
    "list_voices",
    "pronunciations_for_letter",
    "resolve_voice",
    "split_sentences",
    "spoken_form",
    "voices_by_language",
    "wav_duration",
]
