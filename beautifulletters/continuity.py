"""Continuity: notice when a letter repeats a sentence or a memory from an earlier letter to the same person.

"You mentioned the road trip to the Grand Canyon in your March 2024 letter." Pure text work on
plain strings, so it runs off the UI thread and needs no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from beautifulletters import humandates
from beautifulletters.i18n import _

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?", re.UNICODE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Words that say nothing about what a memory is.
_STOP = frozenset(
    """a about above after again all also am an and any are as at be because been before being
but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its just me more most my no nor not now of off on once only or other our ours
out over own same she should so some still such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you
your yours dear love always remember remembered still""".split()
)
MIN_SENTENCE_WORDS = 6
SENTENCE_OVERLAP = 0.7  # share of a sentence's 3-word phrases found in the earlier letter
MEMORY_OVERLAP = 0.4  # share of a memory's meaningful words found in both letters (a few names say it)


@dataclass(frozen=True)
class EarlierLetter:
    letter_id: int
    written_on: str  # ISO date or timestamp
    text: str


@dataclass(frozen=True)
class Memory:
    text: str  # "the road trip to the Grand Canyon in a borrowed Buick"


@dataclass(frozen=True)
class ContinuityHint:
    message: str
    letter_id: int
    excerpt: str


def month_year(iso: str) -> str:
    try:
        return humandates.month_year(iso[:10])
    except (ValueError, IndexError):
        return iso[:10]


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _content(words: Iterable[str]) -> set[str]:
    return {w for w in words if w not in _STOP and len(w) > 2}


def _shingles(words: Sequence[str], size: int = 3) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def find_hints(
    current: str, earlier: Sequence[EarlierLetter], memories: Sequence[Memory] = (), *, limit: int = 3
) -> list[ContinuityHint]:
    """Hints for sentences and memories of `current` that an earlier letter already used, newest letter first."""
    hints: list[ContinuityHint] = []
    letters = sorted(earlier, key=lambda letter: letter.written_on, reverse=True)
    prepared = [
        (letter, words, _shingles(words), _content(words))
        for letter, words in ((letter, _words(letter.text)) for letter in letters)
    ]
    current_content = _content(_words(current))

    for memory in memories:
        memory_words = _content(_words(memory.text))
        if len(memory_words) < 2:
            continue
        needed = max(2, round(len(memory_words) * MEMORY_OVERLAP))
        if len(memory_words & current_content) < needed:
            continue
        for letter, _words_list, _sh, content in prepared:
            if len(memory_words & content) >= needed:
                hints.append(
                    ContinuityHint(
                        _("You mentioned {value} in your {written_on} letter.").format(
                            value=_short(memory.text), written_on=month_year(letter.written_on)
                        ),
                        letter.letter_id,
                        memory.text,
                    )
                )
                break
        if len(hints) >= limit:
            return hints

    seen_letters = {hint.letter_id for hint in hints}
    for match in _SENTENCE.finditer(current):
        sentence = match.group().strip()
        words = _words(sentence)
        if len(words) < MIN_SENTENCE_WORDS:
            continue
        mine = _shingles(words)
        for letter, _words_list, shingles, _content_words in prepared:
            if len(mine & shingles) / len(mine) >= SENTENCE_OVERLAP:
                if letter.letter_id not in seen_letters:
                    hints.append(
                        ContinuityHint(
                            _("You wrote “{sentence}” in your {written_on} letter too.").format(
                                sentence=_short(sentence), written_on=month_year(letter.written_on)
                            ),
                            letter.letter_id,
                            sentence,
                        )
                    )
                    seen_letters.add(letter.letter_id)
                break
        if len(hints) >= limit:
            break
    return hints
