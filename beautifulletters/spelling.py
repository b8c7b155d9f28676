"""Spell checking for letters through Hunspell (Enchant), by the letter's language and region.

The dictionary is the one LibreOffice, Firefox and KDE use: the letter's language and region
choose it (en-GB knows "colour", en-US underlines it). A language with no installed dictionary
turns checking off for that letter and says so; it never falls back to English, which would
underline every word of a Polish letter. The archive's names and the personal dictionary (one
per language, plus the old language-free list) are known words everywhere.
"""

from __future__ import annotations

import locale
import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from beautifulletters import fileio, words
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.paths import user_data_dir


class _NamedPeople(Protocol):
    def name_texts(self) -> Iterable[str]: ...


class NamesSource(Protocol):
    """What `archive_words` reads (an Archive): said so, the note reader may ask the dictionary
    (`knows`) without the archive and spelling importing each other."""

    @property
    def people(self) -> _NamedPeople: ...


PERSONAL_DICTIONARY = "dictionary.txt"  # words known in every language (names, mostly)
PERSONAL_DICTIONARIES = "dictionaries"  # one file per dictionary tag: dictionaries/en_GB.txt
# Words: letters with inner apostrophes or hyphens ("don't", "mother-in-law"); digits are never checked.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_NAME_PART = re.compile(r"[^\W\d_]+", re.UNICODE)
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[.@].*)?$")

# The region a bare language means when the user's own locale does not say.
_DEFAULT_REGION = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "pt": "PT", "it": "IT", "nl": "NL"}
_LANGUAGE_NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "sv": "Swedish",
    "da": "Danish",
    "nb": "Norwegian",
    "fi": "Finnish",
    "cs": "Czech",
    "ru": "Russian",
    "tr": "Turkish",
    "el": "Greek",
    "he": "Hebrew",
    "ar": "Arabic",
    "ja": "Japanese",
    "zh": "Chinese",
}


def personal_dictionary_path(tag: str | None = None) -> Path:
    """The personal word list: the shared one, or the one for a dictionary tag ("en_GB")."""
    if tag is None:
        return user_data_dir() / PERSONAL_DICTIONARY
    return user_data_dir() / PERSONAL_DICTIONARIES / f"{tag}.txt"


@cache
def installed_dictionaries() -> tuple[str, ...]:
    """Tags of the Hunspell dictionaries Enchant can load here ("de_DE", "en_GB", "fr"...)."""
    try:
        import enchant
    except ImportError:  # the Enchant C library is missing: no checking, said where it matters
        return ()
    return tuple(sorted(enchant.list_languages()))


def _locale_region(language: str) -> str | None:
    """The user's own region when their locale is in `language` (an en_GB writer's "en" is British)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            break
    else:
        value = locale.getlocale()[0]
    match = _TAG.match(value or "")
    if match and match.group(1).lower() == language and match.group(2):
        return match.group(2).upper()
    return None


def language_name(language: str | None) -> str:
    """'pl-PL' -> 'Polish'; a code we have no name for is shown as written."""
    match = _TAG.match((language or "").strip())
    if not match:
        return repr(language or "")
    code = match.group(1).lower()
    if code in _LANGUAGE_NAMES:
        return words.language_name(code)  # in the reader's language ("Polish", "Polnisch")
    return (language or "").strip()


def dictionary_tag(language: str | None) -> str | None:
    """The installed dictionary for a language tag ("en-GB", "fr", "de_DE"), or None when there is none.

    No tag means English. A region that has no dictionary of its own takes the language's
    main one (en-NZ is checked as British English, de-AT as German): same words, closer than nothing.
    """
    match = _TAG.match((language or "en").strip())
    if not match:
        return None
    lang = match.group(1).lower()
    region = (match.group(2) or "").upper()
    installed = installed_dictionaries()
    candidates: list[str] = []
    if region:
        candidates.append(f"{lang}_{region}")
    else:
        own = _locale_region(lang)
        if own:
            candidates.append(f"{lang}_{own}")
    if lang == "en" and region in {"NZ", "IE", "ZA", "IN", "AU"}:
        candidates += ["en_AU", "en_GB"] if region == "AU" else ["en_GB"]
    if lang in _DEFAULT_REGION:
        candidates.append(f"{lang}_{_DEFAULT_REGION[lang]}")
    candidates.append(lang)
    candidates += [tag for tag in installed if tag.split("_")[0] == lang]
    return next((tag for tag in candidates if tag in installed), None)


def require_dictionary(language: str) -> str:
    """The dictionary tag for `language`, or one sentence saying none is installed (ValidationError)."""
    tag = dictionary_tag(language)
    if tag is None:
        names = sorted({language_name(t.split("_")[0]) for t in installed_dictionaries()})
        installed = ", ".join(names) or "none"
        raise ValidationError(
            "language",
            _(
                "no spelling dictionary is installed for {language} ({language2}); dictionaries installed here: "
                "{installed}."
            ).format(language=language_name(language), language2=repr(language), installed=installed),
        )
    return tag


_dictionaries: dict[tuple[str, str], Any] = {}
_dictionaries_lock = threading.Lock()


def _enchant_dict(tag: str, purpose: str = "check") -> Any:
    """One Enchant dictionary per tag and purpose, loaded once.

    Hunspell objects are not safe to use from two threads at once: the window's thread checks
    words with the "check" one while a worker asks the "suggest" one for suggestions."""
    import enchant

    with _dictionaries_lock:
        key = (tag, purpose)
        if key not in _dictionaries:
            _dictionaries[key] = enchant.Dict(tag)
        return _dictionaries[key]


def warm_up(language: str | None = None, between_steps: Callable[[], None] | None = None) -> None:
    """Load a language's dictionary ahead of time (a few milliseconds), e.g. on a worker at start-up."""
    tag = dictionary_tag(language)
    if tag is not None:
        _enchant_dict(tag)


def _distance(typed: str, word: str) -> float:
    """Edit distance where a left-out letter or two swapped letters cost half: "rember" is
    "remember" missing two, "teh" is "the" swapped, and people slip that way far more often
    than they type a wrong letter."""
    before: list[float] = []
    previous = [j * 0.5 for j in range(len(word) + 1)]
    for i, a in enumerate(typed, 1):
        current = [float(i)]
        for j, b in enumerate(word, 1):
            cost = min(
                previous[j] + 1.0,  # an extra letter typed
                current[j - 1] + 0.5,  # a letter left out
                previous[j - 1] + (0.0 if a == b else 1.0),
            )
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b and a != b:
                cost = min(cost, before[j - 2] + 0.45)  # two letters swapped: the commonest slip of all
            current.append(cost)
        before, previous = previous, current
    return previous[-1]


# Where distributions install Hunspell dictionaries (Enchant finds them there too).
_DICTIONARY_FOLDERS = (
    Path.home() / ".local/share/enchant/hunspell",
    Path("/usr/share/hunspell"),
    Path("/usr/share/myspell"),
    Path("/usr/share/myspell/dicts"),
    Path("/usr/local/share/hunspell"),
)
_stems_lock = threading.Lock()


@cache
def _stems(tag: str) -> dict[str, list[str]]:
    """The dictionary's own words (its .dic file without affix flags), by lower-case first letter.

    Hunspell's suggester misses some plain slips with some dictionaries ("rember" offers member,
    ember and renumber but not remember): words a few left-out letters away are looked up here.
    Empty when the file cannot be found or read; Hunspell's suggestions then stand alone.
    """
    with _stems_lock:
        for folder in _DICTIONARY_FOLDERS:
            path = folder / f"{tag}.dic"
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
            except OSError:
                continue
            index: dict[str, list[str]] = {}
            for line in lines:
                word = line.split("/", 1)[0].strip()
                if len(word) > 1 and word[0].isalpha():
                    index.setdefault(word[0].lower(), []).append(word)
            return index
        return {}


def _near_words(tag: str, typed: str, limit: int = 3) -> list[str]:
    """Dictionary words that `typed` could be with a letter or two left out or one mistyped."""
    lowered = typed.lower()
    if len(lowered) < 4:
        return []
    letters = set(lowered)
    found: list[tuple[float, str]] = []
    for word in _stems(tag).get(lowered[0], ()):
        if not len(lowered) - 1 <= len(word) <= len(lowered) + 3:
            continue
        candidate = word.lower()
        if len(letters - set(candidate)) > 1:  # a cheap test before the edit distance
            continue
        distance = _distance(lowered, candidate)
        if distance <= 1.0 and candidate != lowered:
            found.append((distance, word))
    found.sort()
    capital = typed[:1].isupper()  # "Rember" at the start of a sentence wants "Remember"
    return [word[:1].upper() + word[1:] if capital else word for _distance_, word in found[:limit]]


def _ends_kept(typed: str, word: str) -> int:
    """How many letters `typed` shares with `word` at its start and at its end."""
    start = len(os.path.commonprefix([typed, word]))
    end = len(os.path.commonprefix([typed[::-1], word[::-1]]))
    return start + end


def rank_suggestions(typed: str, suggestions: Iterable[str]) -> list[str]:
    """Hunspell's suggestions with the likely word first ("rember": remember, not member or ember)."""
    lowered = typed.lower()
    ordered = list(dict.fromkeys(suggestions))
    return sorted(
        ordered,
        key=lambda word: (
            # A split ("co lour") is rarely what was meant when the word exists whole elsewhere.
            _distance(lowered, word.lower()) + (1.0 if (" " in word or "-" in word) else 0.0),
            word[:1].lower() != lowered[:1],  # the first letter is rarely the slip
            word[:1].isupper() and not typed[:1].isupper(),  # a name is rarely meant by a word typed small
            abs(len(word) - len(lowered)),  # fewer slips are likelier than more
            -_ends_kept(lowered, word.lower()),  # a slip leaves the word's start and end as they were
            ordered.index(word),
        ),
    )


@dataclass(frozen=True)
class UnknownWord:
    word: str
    line: int  # from 1
    suggestions: tuple[str, ...]


class Speller:
    """Answers "is this word right?" for one letter's language, with the archive's names as known words."""

    def __init__(
        self, language: str | None = "en", personal_dictionary: Path | None = None, *, load: bool = True
    ) -> None:
        """With `load=False` the dictionary is opened later by `load()` (on a worker); until then
        every word counts as right, so nothing is underlined by mistake."""
        self.language = language or "en"
        self.tag = dictionary_tag(self.language)
        self.dictionary_path = personal_dictionary or (
            personal_dictionary_path(self.tag) if self.tag else personal_dictionary_path()
        )
        self._checker: Any = None
        self._loaded = False
        self._known: set[str] = set()
        self._names: frozenset[str] = frozenset()  # the archive's, shared by every letter's speller
        self._cache: dict[str, bool] = {}
        self._suggested: dict[str, list[str]] = {}  # filled on a worker, read by the window's menu
        self._load_personal(personal_dictionary_path())
        if personal_dictionary is not None or self.tag:
            self._load_personal(self.dictionary_path)
        if load:
            self.load()

    @property
    def available(self) -> bool:
        """False when no dictionary for the letter's language is installed: checking is off."""
        return self.tag is not None

    @property
    def unavailable_message(self) -> str:
        return (
            _("Spell checking is off for this letter: no {language} dictionary is installed.").format(
                language=language_name(self.language)
            )
            if not self.available
            else ""
        )

    def _load_personal(self, path: Path) -> None:
        try:
            words = path.read_text(encoding="utf-8").split()
        except OSError:
            return  # missing or unreadable: a personal list must never stop anyone writing
        self.add_known(words)

    @property
    def ready(self) -> bool:
        return self._loaded

    def load(self, between_steps: Callable[[], None] | None = None) -> None:
        """Open the dictionary (call it off the window's thread; fast, but it reads files)."""
        if self.tag is not None:
            self._checker = _enchant_dict(self.tag)
        self._loaded = True
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

    def _dictionary_knows(self, word: str) -> bool:
        return bool(self._checker.check(word)) or (not word.islower() and bool(self._checker.check(word.lower())))

    def is_correct(self, word: str) -> bool:
        if self._checker is None:
            return True  # not loaded yet, or no dictionary: underline nothing rather than everything
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        normal = word.replace("’", "'")
        lower = normal.lower()
        correct = (
            len(lower) <= 1
            or lower in self._known
            or lower in self._names
            or (lower.endswith("'s") and (lower[:-2] in self._known or lower[:-2] in self._names))
            or self._dictionary_knows(normal)
            or (word.isupper() and len(word) <= 5)  # initials and acronyms: "USA", "RSVP"
        )
        self._cache[word] = correct
        return correct

    def misspellings(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of each misspelled word in `text`."""
        return [(m.start(), m.end() - m.start()) for m in _WORD.finditer(text) if not self.is_correct(m.group())]

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """The likely words first. Hunspell can take a second on a long word: call it off the window's thread."""
        if self.tag is None:
            return []
        cached = self._suggested.get(word)
        if cached is None:
            checker = _enchant_dict(self.tag, "suggest")
            found = checker.suggest(word.replace("’", "'"))
            found += [near for near in _near_words(self.tag, word) if checker.check(near)]
            cached = self._suggested[word] = rank_suggestions(word, found)
        return cached[:limit]

    def cached_suggestions(self, word: str, limit: int = 6) -> list[str] | None:
        """Suggestions already worked out for `word`, or None (then ask `suggestions` on a worker)."""
        if self.tag is None:
            return []
        cached = self._suggested.get(word)
        return None if cached is None else cached[:limit]

    def unknown_words(self, text: str, *, with_suggestions: bool = True) -> list[UnknownWord]:
        """Every misspelled word of `text` with its line, in order (for `beautifulletters spell`)."""
        if self._checker is None:
            self.load()
        found: list[UnknownWord] = []
        suggested: dict[str, tuple[str, ...]] = {}
        for number, line in enumerate(text.splitlines(), 1):
            for start, length in self.misspellings(line):
                word = line[start : start + length]
                if word not in suggested:
                    suggested[word] = tuple(self.suggestions(word)) if with_suggestions else ()
                found.append(UnknownWord(word, number, suggested[word]))
        return found

    def add_to_dictionary(self, word: str) -> None:
        """Remember `word` for good, in this language's personal dictionary."""
        self.add_known([word])
        self.dictionary_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            earlier = self.dictionary_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            earlier = ""
        if earlier and not earlier.endswith("\n"):
            earlier += "\n"
        # The whole list is written anew: a crash mid-write never leaves it cut short.
        fileio.write_text(self.dictionary_path, earlier + word.strip() + "\n")


def archive_words(archive: NamesSource, between_steps: Callable[[], None] | None = None) -> frozenset[str]:
    """Names, nicknames, pet names and the words of addresses in the archive, lower case: known, never underlined.

    `between_steps` runs every few thousand names (100,000 people take a second or two)."""
    words: set[str] = set()
    for count, text in enumerate(archive.people.name_texts()):
        if between_steps is not None and count % 4096 == 0:
            between_steps()
        words.update(part.lower() for part in _NAME_PART.findall(text))
    return frozenset(words)


def capitalise_names(text: str, language: str | None = "en") -> str:
    """Place and people's names typed in lower case, capitalised: "we honeymooned in crete" -> "in
    Crete". A word counts as a name when the dictionary knows it only with its capital ("Crete",
    "Denver"), so "bath", "reading" and "jack" stay as typed; without a dictionary nothing changes."""
    tag = dictionary_tag(language)
    if tag is None or not text:
        return text
    try:
        checker = _enchant_dict(tag)
    except Exception:  # noqa: BLE001 - no Enchant, no guessing: the text stays as typed
        return text

    def named(match: re.Match[str]) -> str:
        word = match.group(0)
        if checker.check(word) or not checker.check(word.capitalize()):
            return word
        return word.capitalize()

    return re.sub(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])", named, text)


def knows(word: str, language: str | None) -> bool | None:
    """Whether the Hunspell dictionary of `language` knows `word` (as typed, or in lower case);
    None when there is no dictionary to ask (no Enchant, or none installed for the language)."""
    tag = dictionary_tag(language)
    if tag is None or not word:
        return None
    try:
        checker = _enchant_dict(tag)
    except Exception:  # noqa: BLE001 - no Enchant: nothing can be said either way
        return None
    return bool(checker.check(word)) or (not word.islower() and bool(checker.check(word.lower())))
