"""Which voice reads a letter: the one chosen for the letter's language, else one that speaks it.

A German letter read by an English voice is gibberish; the voice follows the letter's language,
and the voice a person picks while reading a letter is remembered for that language.
"""

from __future__ import annotations

from collections.abc import Iterable

from beautifulletters.errors import ValidationError
from beautifulletters.preferences import Preferences
from beautifulletters.speech.engine import VoiceInfo
from beautifulletters.speech.reading import language_of, resolve_voice

VOICES_KEY = "voices_by_language"  # in Preferences.extra: {"de": "gmw/de", ...}


def base_language(language: str | None) -> str | None:
    code = (language or "").replace("_", "-").split("-")[0].strip().lower()
    return code or None


class LetterVoices:
    """The reader's voice for the letter open now, from the preferences and the installed voices."""

    def __init__(self, preferences: Preferences) -> None:
        self.preferences = preferences
        self.voices: list[VoiceInfo] | None = None  # None until listed (in the background)

    def _remembered(self) -> dict[str, str]:
        found = self.preferences.extra.get(VOICES_KEY)
        return dict(found) if isinstance(found, dict) else {}

    def learn(self, grouped: Iterable[tuple[str, list[VoiceInfo]]]) -> None:
        """The installed voices, as `voices_by_language` groups them."""
        self.voices = [voice for _label, voices in grouped for voice in voices]

    def for_letter(self, language: str | None) -> str | None:
        """The voice id to read a letter in `language` with (None: the engine's own default)."""
        default = self.preferences.voice or None
        base = base_language(language)
        if base is None:
            return default
        remembered = self._remembered().get(base)
        if remembered:
            return remembered
        if self.voices is None:
            return default
        if default and any(v.id == default and language_of(v) == base for v in self.voices):
            return default
        try:
            return resolve_voice(base, self.voices).id
        except ValidationError:
            return default  # no voice for that language is installed: the usual one reads it

    def choose(self, voice_id: str | None, language: str | None) -> None:
        """The person picked a voice while a letter in `language` was open: remember it for that language."""
        self.preferences.voice = voice_id or None
        base = base_language(language)
        if base is not None and voice_id:
            remembered = self._remembered()
            remembered[base] = voice_id
            self.preferences.extra[VOICES_KEY] = remembered
        self.preferences.save()
