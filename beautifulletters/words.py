"""Counting in words people read: "1 draft", "2 drafts", "no letters" — never "1 drafts" or "file(s)"."""

from __future__ import annotations

_IRREGULAR = {"person": "people", "child": "children", "memory": "memories", "copy": "copies", "reply": "replies"}


def plural(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def count(number: int, word: str, many: str | None = None) -> str:
    """'1 draft', '2 drafts', '0 drafts'; `many` for a plural the rule does not know."""
    return f"{number:,} {word if number == 1 else (many or plural(word))}"
