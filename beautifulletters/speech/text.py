"""Letter text made ready for speech: sentences with character offsets, names said right, symbols named."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from beautifulletters.records import Person

# A sentence longer than this is cut at a comma or a space: the first sound must come quickly
# and the highlight must stay close to what is heard, even for a letter written as one paragraph.
MAX_SENTENCE_CHARS = 280

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof sr jr mt ft no vs etc e.g i.e cf approx dept est fig jan feb mar apr jun jul"
    " aug sep sept oct nov dec mon tue wed thu fri sat sun ave rd blvd p.s".split()
)
_CLOSERS = "\"'”’»)]}"
_END_MARKS = ".!?…"
_WORD = re.compile(r"\S+")
_SPEAKABLE = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Sentence:
    """One piece read in one breath; `start`/`end` index the original text (Python characters)."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str, *, max_chars: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """Split text into sentences, keeping each one's offsets into `text`.

    A sentence ends at . ! ? … (not after a known abbreviation or an initial), at a blank
    line, and at a line break after a short line or after punctuation — so a letter's
    salutation ("Dear Lolly,") and signature lines are read as lines, while a paragraph
    hard-wrapped mid-sentence is still read as one sentence.
    """
    pieces: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        for start, end in _sentence_spans(text, block_start, block_end):
            pieces.extend(_cap_length(text, start, end, max_chars))
    sentences: list[Sentence] = []
    for start, end in pieces:
        # Trim surrounding whitespace so the highlight hugs the words.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences


def _blocks(text: str) -> Iterable[tuple[int, int]]:
    """Lines grouped into blocks: a line break ends a block after a short or punctuated line."""
    start = 0
    position = 0
    for line in text.splitlines(keepends=True):
        line_end = position + len(line)
        content = line.rstrip("\r\n\u2028\u2029 \t")
        ends_block = (
            not content.strip()
            or len(content.strip()) <= 40
            or content[-1] in ",;:" + _END_MARKS + _CLOSERS
            or line_end == len(text)
        )
        if ends_block:
            if start < line_end:
                yield start, line_end
            start = line_end
        position = line_end
    if start < len(text):
        yield start, len(text)


def _sentence_spans(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    sentence_start = start
    index = start
    while index < end:
        char = text[index]
        if char in _END_MARKS:
            stop = index + 1
            while stop < end and (text[stop] in _END_MARKS or text[stop] in _CLOSERS):
                stop += 1
            at_break = stop >= end or text[stop].isspace()
            if at_break and not (char == "." and _is_abbreviation(text, sentence_start, index)):
                yield sentence_start, stop
                sentence_start = stop
            index = stop
            continue
        index += 1
    if sentence_start < end:
        yield sentence_start, end


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    word_start = dot
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip(_CLOSERS + "(").lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial, as in "J. Smith"
    return word in _ABBREVIATIONS


def _cap_length(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind(", "), window.rfind("; "), window.rfind(": "), window.rfind(" — "))
        if cut < max_chars // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = max_chars - 1  # one enormous "word": cut it anyway rather than stall
        spans.append((start, start + cut + 1))
        start += cut + 1
    spans.append((start, end))
    return spans


# ------------------------------------------------------------------ names and symbols
def respell(hint: str) -> str:
    """A pronunciation hint ("lo-RET-ah") as text espeak-ng says that way.

    espeak spells capitalised syllables letter by letter ("RET" -> "R E T"), so the
    stress capitals are lowered; the hyphens stay, which keeps each syllable distinct.
    """
    syllables = [part.strip().lower() for part in re.split(r"[-\u2010\u2011\u00b7.]+", hint) if part.strip()]
    return "-".join(syllables) if syllables else hint


def pronunciation_map(people: Iterable[Person]) -> dict[str, str]:
    """Name -> how to say it, from people's `pronunciation` hints.

    A hint with as many words as the display name covers each word ("SHIV-awn MUR-fee");
    a one-word hint belongs to the first name, which is also matched when written alone.
    """
    mapping: dict[str, str] = {}
    for person in people:
        hint = (person.pronunciation or "").strip()
        if not hint:
            continue
        hint_words = hint.split()
        for written in (person.display_name, person.full_name):
            name_words = (written or "").split()
            if not name_words:
                continue
            if len(hint_words) == len(name_words):
                for name, said in zip(name_words, hint_words, strict=True):
                    mapping.setdefault(name, respell(said))
            else:
                mapping.setdefault(name_words[0], " ".join(respell(word) for word in hint_words))
    return mapping


# Symbols espeak-ng reads badly or not at all; most emoji it names by itself.
_SYMBOL_WORDS = {
    "&": " and ",
    "♥": " heart ",
    "♡": " heart ",
    "❤": " red heart ",
    "~": " ",
    "*": " ",
    "_": " ",
    "#": " ",
    "|": " ",
    "^": " ",
    "`": " ",
    "<": " ",
    ">": " ",
    "\u2028": " ",
    "\u2029": " ",
}


def _is_silent_mark(char: str) -> bool:
    """Emoji modifiers, joiners and variation selectors: part of a picture, never a word."""
    code = ord(char)
    return (
        code in (0x200D, 0x20E3, 0xFE0E, 0xFE0F)
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters in flag sequences
        or unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn")
    )


def _named_symbol(char: str) -> str | None:
    """A symbol or emoji espeak-ng might skip: say its Unicode name ("grinning face")."""
    if unicodedata.category(char) not in ("So", "Sm", "Sk"):
        return None
    name = unicodedata.name(char, "")
    if not name:
        return ""
    return " " + name.lower().replace("-", " ") + " "


def spoken_form(text: str, pronunciations: Mapping[str, str] | None = None) -> str:
    """The text to hand the engine: names replaced by their hints, symbols named or dropped.

    Regional-indicator pairs (flags) become "flag"; emoji joiners, skin tones and
    variation selectors are dropped so a family emoji is not read as four people.
    """
    out: list[str] = []
    previous_flag = False
    for char in text:
        code = ord(char)
        if 0x1F1E6 <= code <= 0x1F1FF:  # regional indicators: two make one flag
            if not previous_flag:
                out.append(" flag ")
            previous_flag = not previous_flag
            continue
        previous_flag = False
        if char in _SYMBOL_WORDS:
            out.append(_SYMBOL_WORDS[char])
        elif char in "\n\r\t":
            out.append(" ")
        elif _is_silent_mark(char):
            continue
        elif code > 0x2000 and (named := _named_symbol(char)) is not None:
            out.append(named)
        else:
            out.append(char)
    spoken = "".join(out)
    if pronunciations:
        spoken = _apply_pronunciations(spoken, pronunciations)
    return re.sub(r"\s+", " ", spoken).strip()


def _apply_pronunciations(text: str, pronunciations: Mapping[str, str]) -> str:
    names = sorted(pronunciations, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(name) for name in names) + r")(?!\w)")
    # A possessive ("Loretta's") keeps its ending: the name inside is still the name.
    return pattern.sub(lambda match: pronunciations[match.group(1)], text)


def is_speakable(spoken: str) -> bool:
    """False for text with no letters or digits, which would give an empty recording."""
    return bool(_SPEAKABLE.search(spoken))


# --------------------------------------------------------------------------- timing
@dataclass(frozen=True)
class WordTiming:
    """A word of a sentence (offsets into the sentence text) and when it starts, in ms."""

    start: int
    end: int
    at_ms: int


def estimate_word_timings(
    sentence_text: str, duration_ms: int, pronunciations: Mapping[str, str] | None = None
) -> list[WordTiming]:
    """When each word is heard, estimated from the recording's length.

    espeak gives no timings through pyttsx3's file output, so time is shared out by each
    word's spoken length, with pauses after punctuation, leaving the end pause espeak adds.
    """
    words = list(_WORD.finditer(sentence_text))
    if not words:
        return []
    weights = []
    for match in words:
        word = match.group()
        core = word.strip(_CLOSERS + "(.,;:!?…-—")
        said = (pronunciations or {}).get(core, core)
        weight = max(1, len(_SPEAKABLE.findall(said))) + 1.5
        if word[-1:] in ",;:—":
            weight += 2.5
        elif word[-1:] in _END_MARKS:
            weight += 3.5
        weights.append(weight)
    end_pause = min(350.0, duration_ms * 0.12)
    speaking = max(1.0, duration_ms - end_pause)
    total = sum(weights)
    timings = []
    elapsed = 0.0
    for match, weight in zip(words, weights, strict=True):
        timings.append(WordTiming(match.start(), match.end(), int(elapsed)))
        elapsed += speaking * weight / total
    return timings


def word_count(text: str) -> int:
    return sum(1 for match in _WORD.finditer(text) if _SPEAKABLE.search(match.group()))
