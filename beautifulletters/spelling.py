"""Spell checking for letters: pyspellchecker's word lists, the archive's names, and a personal dictionary.

Checking is per paragraph and cached per word, so re-checking one edited paragraph costs microseconds.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beautifulletters.paths import user_data_dir

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

PERSONAL_DICTIONARY = "dictionary.txt"
# Words: letters with inner apostrophes or hyphens ("don't", "mother-in-law"); digits are never checked.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_NAME_PART = re.compile(r"[^\W\d_]+", re.UNICODE)


def personal_dictionary_path() -> Path:
    return user_data_dir() / PERSONAL_DICTIONARY


def supported_languages() -> list[str]:
    from spellchecker import SpellChecker

    return list(SpellChecker.languages()) if hasattr(SpellChecker, "languages") else ["en"]


def language_code(language: str | None) -> str:
    """'en-GB' or 'en_US' → 'en'; unknown or empty → 'en'."""
    code = (language or "en").replace("_", "-").split("-")[0].lower()
    return code if code in supported_languages() else "en"


_JSON_ENTRY = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:\s*(\d+)')


def _give_way() -> None:
    time.sleep(0)  # lets a waiting thread (the window's) have the GIL, which it may not win otherwise


_word_lists: dict[str, Any] = {}
_word_lists_lock = threading.Lock()


def _word_list(language: str, between_steps: Callable[[], None] = _give_way):  # noqa: ANN202 - spellchecker's own type
    """The checker for `language`, loaded once (a second thread asking meanwhile waits for it)."""
    with _word_lists_lock:
        if language not in _word_lists:
            _word_lists[language] = _load_word_list(language, between_steps)
        return _word_lists[language]


def _load_word_list(language: str, between_steps: Callable[[], None]):  # noqa: ANN202 - spellchecker's own type
    """pyspellchecker's word list for `language`, read entry by entry.

    SpellChecker(language=...) parses its 160,000-word list with one json.loads call, which holds
    the GIL for 40-110 ms: loaded on a worker, that froze the window's thread for as long. Read
    here in a Python loop (the same entries, checked against json.loads by a test), the worker
    gives the GIL back every few milliseconds.
    """
    import gzip
    import pkgutil

    from spellchecker import SpellChecker

    checker = SpellChecker(language=None, case_sensitive=False)
    data = pkgutil.get_data("spellchecker", f"resources/{language}.json.gz")
    if not data:
        return SpellChecker(language=language, case_sensitive=False)
    # Straight into the checker's own counter (load_json would copy it twice more: ~30 MB at
    # once for English); the test against SpellChecker's own loading guards this private use.
    frequency = checker.word_frequency
    counts = frequency._dictionary
    letters: set[str] = set()
    for entry, match in enumerate(_JSON_ENTRY.finditer(gzip.decompress(data).decode("utf-8"))):
        if entry % 4096 == 0:
            between_steps()
        word = match.group(1)
        if "\\" in word:
            word = json.loads(f'"{word}"')
        word = word.lower()
        counts[word] = counts.get(word, 0) + int(match.group(2))
        letters.update(word)
    # What WordFrequency._update_dictionary() works out, but in steps: its set().union(*words)
    # over 160,000 words is one call that held the GIL for 30 ms, a stall in the window.
    frequency._letters = letters
    frequency._unique_words = len(counts)
    frequency._total_words = sum(counts.values())
    frequency._longest_word_length = max((len(word) for word in counts), default=0)
    return checker


def warm_up(language: str | None = None, between_steps: Callable[[], None] = _give_way) -> None:
    """Load a language's word list ahead of time (about 0.2 s), e.g. on a worker at start-up.

    `between_steps` runs every few thousand words: the window passes one that waits while
    someone is typing.
    """
    _word_list(language_code(language), between_steps)


class Speller:
    """Answers "is this word right?" for one language, with the archive's names as known words."""

    def __init__(
        self, language: str | None = "en", personal_dictionary: Path | None = None, *, load: bool = True
    ) -> None:
        """With `load=False` the word list is read later by `load()` (on a worker); until then
        every word counts as right, so nothing is underlined by mistake."""
        self.language = language_code(language)
        self.dictionary_path = personal_dictionary or personal_dictionary_path()
        self._checker = _word_list(self.language) if load else None
        self._known: set[str] = set()
        self._names: frozenset[str] = frozenset()  # the archive's, shared by every letter's speller
        self._cache: dict[str, bool] = {}
        self._load_personal()

    def _load_personal(self) -> None:
        try:
            words = self.dictionary_path.read_text(encoding="utf-8").split()
        except FileNotFoundError:
            return
        except OSError:
            return  # an unreadable dictionary must never stop anyone writing
        self.add_known(words)

    @property
    def ready(self) -> bool:
        return self._checker is not None

    def load(self, between_steps: Callable[[], None] = _give_way) -> None:
        """Read the language's word list (0.2 s the first time, shared after): call it off the window's thread.

        `between_steps` runs every few thousand words (see `warm_up`)."""
        self._checker = _word_list(self.language, between_steps)
        self._cache.clear()

    def add_known(self, words: Iterable[str]) -> None:
        for word in words:
            for part in _NAME_PART.findall(word):
                self._known.add(part.lower())
        self._cache.clear()

    def use_names(self, names: frozenset[str]) -> None:
        """Know the archive's name words (`archive_words`): kept by reference, never copied."""
        self._names = names
        self._cache.clear()

    def is_correct(self, word: str) -> bool:
        if self._checker is None:
            return True  # not loaded yet: underline nothing rather than everything
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        normal = word.replace("’", "'").lower()
        correct = (
            len(normal) <= 1
            or normal in self._known
            or normal in self._names
            or bool(self._checker.known([normal]))
            or (
                normal.endswith("'s")
                and (
                    bool(self._checker.known([normal[:-2]])) or normal[:-2] in self._known or normal[:-2] in self._names
                )
            )
            or (word.isupper() and len(word) <= 5)  # initials and acronyms: "USA", "RSVP"
        )
        self._cache[word] = correct
        return correct

    def misspellings(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of each misspelled word in `text`."""
        return [(m.start(), m.end() - m.start()) for m in _WORD.finditer(text) if not self.is_correct(m.group())]

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        if self._checker is None:
            return []
        candidates = self._checker.candidates(word.lower()) or set()
        ranked = sorted(candidates, key=lambda c: (-self._checker.word_usage_frequency(c), c))[:limit]
        if word[:1].isupper():
            ranked = [c[:1].upper() + c[1:] for c in ranked]
        return ranked

    def add_to_dictionary(self, word: str) -> None:
        """Remember `word` for good (the personal dictionary in the user's data folder)."""
        self.add_known([word])
        self.dictionary_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.dictionary_path, "a", encoding="utf-8") as handle:
            handle.write(word.strip() + "\n")


def archive_words(archive: Archive, between_steps: Callable[[], None] = _give_way) -> frozenset[str]:
    """Names, nicknames, pet names and the words of addresses in the archive, lower case: known, never underlined.

    `between_steps` runs every few thousand names (100,000 people take a second or two)."""
    words: set[str] = set()
    for count, text in enumerate(archive.name_texts()):
        if count % 4096 == 0:
            between_steps()
        words.update(part.lower() for part in _NAME_PART.findall(text))
    return frozenset(words)
