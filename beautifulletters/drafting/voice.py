"""How a note becomes the letter's voice: notes written about someone, turned to speak to them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from beautifulletters.drafting.helpers import (
    IRREGULAR_FIRST,
    IRREGULAR_PLURAL,
    NAME_WORD,
    capitalize_first,
    pronoun_forms,
    verb_plural,
)

_ADVERBS = {
    "still",
    "always",
    "never",
    "often",
    "sometimes",
    "really",
    "just",
    "also",
    "usually",
    "secretly",
    "truly",
    "even",
    "only",
    "rarely",
    "constantly",
    "proudly",
    "swears",
    "insists",
} - {"swears", "insists"}


# After "her", these base verbs show she is the object ("let her win"), not the owner ("her book").
_BASE_VERBS = {
    "win",
    "lose",
    "laugh",
    "smile",
    "cry",
    "dance",
    "sing",
    "go",
    "come",
    "know",
    "be",
    "feel",
    "think",
    "see",
    "say",
    "read",
    "drive",
    "cook",
    "pick",
    "choose",
    "decide",
    "lead",
    "have",
    "take",
    "make",
    "talk",
    "walk",
    "sleep",
    "rest",
    "stay",
    "leave",
    "try",
    "do",
    "get",
    "play",
    "beat",
    "hum",
}


_FOLLOWERS_OF_OBJECT = {
    "a",
    "an",
    "the",
    "to",
    "at",
    "in",
    "on",
    "with",
    "and",
    "or",
    "for",
    "from",
    "about",
    "by",
    "when",
    "while",
    "that",
    "so",
    "but",
    "again",
    "too",
    "once",
    "every",
    "all",
    "his",
    "her",
    "my",
    "your",
    "our",
    "their",
    "some",
    "two",
    "three",
    "back",
    "up",
    "out",
    "off",
    "down",
}


_BEFORE_OBJECT = {
    "to",
    "for",
    "with",
    "at",
    "about",
    "from",
    "by",
    "of",
    "without",
    "beside",
    "like",
    "than",
    "on",
    "in",
    "near",
    "behind",
    "after",
    "before",
    "told",
    "gave",
    "met",
    "saw",
    "love",
    "loves",
    "let",
    "lets",
    "made",
    "makes",
    "called",
    "calls",
    "asked",
    "asks",
    "took",
    "takes",
    "teases",
    "teased",
}


_PHRASE_STARTERS = {
    "the",
    "a",
    "an",
    "our",
    "that",
    "those",
    "this",
    "these",
    "when",
    "how",
    "your",
    "my",
    "every",
    "each",
    "all",
    "one",
    "some",
    "his",
    "her",
    "their",
    "what",
    "why",
}


_WORD = re.compile(r"[^\W_][\w'’-]*|[^\w]+|_+", re.UNICODE)


def _third_person_words(person: Mapping[str, Any]) -> set[str]:
    names = {person.get("display_name"), person.get("first_name"), person.get("nickname"), person.get("full_name")}
    return {n for n in names if n and " " not in n and NAME_WORD.match(n)}


def letter_voice(
    text: str, signer: Mapping[str, Any], recipient: Mapping[str, Any], *, about_couple: bool = False
) -> str | None:
    """Rewrite a note written about the two of them into the letter's voice.

    "Chris still claims he lets her win at Scrabble" becomes "I still claim I let you win at
    Scrabble". Returns None when the note cannot be rewritten with confidence (for example
    when both people share the same pronouns), so a template can leave it out rather than
    print "she" where it means "you".
    """
    mine = _voice_map(signer.get("pronoun_set"), ("I", "me", "my", "mine", "myself"))
    yours = _voice_map(recipient.get("pronoun_set"), ("you", "you", "your", "yours", "yourself"))
    tokens = _WORD.findall(text)
    lowered = {t.lower() for t in tokens}
    if lowered & set(mine) & set(yours):
        return None  # "she" could be either of them
    ours: dict[str, str] = {}
    if about_couple:
        couple = {"they": "we", "them": "us", "their": "our", "theirs": "ours", "themselves": "ourselves"}
        if lowered & set(couple) & (set(mine) | set(yours)):
            return None  # "they" could be the couple or one of them
        ours = couple
    signer_names = _third_person_words(signer)
    recipient_names = _third_person_words(recipient) - signer_names
    signer_subject = (
        (signer.get("pronouns") or pronoun_forms(signer.get("pronoun_set")))["subject"].lower()
        if signer.get("pronoun_set")
        else None
    )
    recipient_subject = (
        (recipient.get("pronouns") or pronoun_forms(recipient.get("pronoun_set")))["subject"].lower()
        if recipient.get("pronoun_set")
        else None
    )
    result: list[str] = []
    agree_next: str | None = None  # the new subject whose verb must change ("I", "you")
    words_seen = 0
    for index, token in enumerate(tokens):
        lower = token.lower()
        if not re.match(r"\w", token):
            result.append(token)
            if not token.isspace():
                agree_next = None
            continue
        following = next((t for t in tokens[index + 1 :] if re.match(r"\w", t)), "")
        next_token = (
            tokens[index + 2]
            if index + 2 < len(tokens) and tokens[index + 1] == " "
            else (tokens[index + 1] if index + 1 < len(tokens) else "")
        )
        ends_clause = not following or not re.match(r"\w", next_token) and next_token.strip() != ""
        replaced: str | None = None
        base = re.sub(r"['’]s?$", "", token)
        if base != token and base in signer_names | recipient_names:
            replaced = "my" if base in signer_names else "your"
        elif token in signer_names or token in recipient_names:
            previous = next((t for t in reversed(tokens[:index]) if not t.isspace()), "")
            # A name after a verb or preposition is an object ("bought Chris a pie"); else a subject.
            is_subject = (
                bool(following)
                and not ends_clause
                and not (previous.lower() in _BEFORE_OBJECT or previous.lower().endswith("ed"))
            )
            if token in signer_names:
                replaced = "I" if is_subject else "me"
            else:
                replaced = "you"
            if is_subject:
                agree_next = replaced
                result.append(_cased(replaced, token, words_seen))
                words_seen += 1
                continue
        elif lower in mine or lower in yours:
            table = mine if lower in mine else yours
            replaced = table[lower]
            if lower == "her" or lower == "his":
                # "let her win" / "with her" (object) versus "her pie" (possessive).
                nxt = following.lower()
                as_object = ends_clause or nxt in _BASE_VERBS or nxt in _FOLLOWERS_OF_OBJECT
                if lower == "her":
                    replaced = table.get("_object", replaced) if as_object else table.get("_possessive", replaced)
                else:
                    replaced = (
                        table.get("_possessive_pronoun", replaced)
                        if ends_clause
                        else table.get("_possessive", replaced)
                    )
            if lower in (signer_subject, recipient_subject):
                agree_next = replaced
                result.append(_cased(replaced, token, words_seen))
                words_seen += 1
                continue
        elif lower in ours:
            replaced = ours[lower]
        elif agree_next is not None:
            if lower in _ADVERBS:
                result.append(token)
                words_seen += 1
                continue
            if _looks_conjugated(token):
                if agree_next == "I" and lower in IRREGULAR_FIRST:
                    replaced = IRREGULAR_FIRST[lower]
                else:
                    replaced = verb_plural(token)
                    replaced = replaced if token[:1].islower() else capitalize_first(replaced)
            agree_next = None
        result.append(_cased(replaced, token, words_seen) if replaced is not None else token)
        words_seen += 1
    voiced = "".join(result)
    # "Chris and Loretta drove" -> "I and you drove" -> "we drove".
    voiced = re.sub(r"\b(?:I and you|you and I)\b", "we", voiced)
    voiced = re.sub(r"\b(?:me and you|you and me)\b", "us", voiced)
    return capitalize_first(voiced) if voiced[:1].isupper() or text[:1].isupper() else voiced


def _cased(replacement: str, original: str, position: int) -> str:
    if replacement == "I":
        return "I"
    if position == 0 and original[:1].isupper():
        return capitalize_first(replacement)
    return replacement


def _voice_map(pronoun_set: str | None, targets: tuple[str, str, str, str, str]) -> dict[str, str]:
    """Each recorded pronoun form mapped to its first- or second-person form."""
    if not pronoun_set:
        return {}
    forms = pronoun_forms(pronoun_set)
    keys = ("subject", "object", "possessive", "possessive_pronoun", "reflexive")
    words = (forms["subject"], forms["object"], forms["possessive"], forms["possessive_pronoun"], forms["reflexive"])
    table: dict[str, str] = {}
    for key, form, target in zip(keys, words, targets, strict=True):
        word = form.lower()
        table.setdefault(word, target)
        table[f"_{key}"] = target
    return table


def _looks_conjugated(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURAL or lower in {
        "can",
        "will",
        "would",
        "could",
        "should",
        "might",
        "must",
        "had",
        "did",
        "made",
        "said",
        "loved",
        "liked",
        "used",
    }:
        return True
    return len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "'s", "’s"))


def clean_note_text(text: str | None) -> str:
    """A note as a fragment: one line, single spaces, no full stop at the end."""
    cleaned = " ".join(str(text or "").split())
    cleaned = re.sub(r"\s+([,.;:!?])", r"\1", cleaned)
    return cleaned.rstrip(" .;:,!") if cleaned else ""


_CLAUSE_WORDS = {
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "it",
    "is",
    "are",
    "was",
    "were",
    "am",
    "has",
    "have",
    "had",
    "can",
    "will",
    "would",
    "could",
    "did",
    "does",
    "do",
    "never",
    "always",
    "still",
}


_COMMON_VERBS = {
    "love",
    "loves",
    "loved",
    "like",
    "likes",
    "liked",
    "hate",
    "hates",
    "adore",
    "adores",
    "enjoy",
    "enjoys",
    "prefer",
    "prefers",
    "want",
    "wants",
    "need",
    "needs",
    "know",
    "knows",
    "met",
    "went",
    "made",
    "took",
    "gave",
    "got",
    "said",
    "says",
    "lives",
    "live",
    "works",
    "work",
    "plays",
    "sings",
    "drinks",
    "eats",
    "reads",
    "claims",
    "swears",
    "insists",
    "collects",
    "grows",
    "keeps",
}


def is_noun_phrase(text: str) -> bool:
    """True for "the road trip to..." or "dancing in the kitchen", which fit after "I remember".

    A note that starts otherwise and has a subject or verb ("you love yellow roses") is a clause.
    """
    first = text.split(" ", 1)[0].lower() if text else ""
    if first in _PHRASE_STARTERS or (first.endswith("ing") and len(first) > 4):
        return True
    words = {w.lower() for w in re.findall(r"[\w']+", text)}
    return not words & (_CLAUSE_WORDS | _COMMON_VERBS)


def lower_first_if_common(text: str) -> str:
    """ "The road trip" -> "the road trip", but "Paris in the spring" keeps its capital."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    gerund = first.lower().endswith("ing") and first[1:].islower()
    if first.lower() in _PHRASE_STARTERS | {"we", "they", "you"} or gerund:
        return text[0].lower() + text[1:]
    return text
