"""Choosing among wordings per pair: a stable hash of the two people and the letter count.

Two couples drafted from one template get different sentences, and one pair's letters differ
from year to year, yet the same draft asked for twice reads the same (no randomness).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def stable_hash(*parts: Any) -> int:
    """A hash that is the same in every process and on every machine (unlike hash())."""
    digest = hashlib.blake2b("\x1f".join(str(p) for p in parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


_LETTERS = 1000  # the variant number carries the pair (thousands) and the letter count (units)


def seed(signer_id: Any, recipient_id: Any, letter_count: int) -> int:
    """The pair's variant number: the pair's own hash and how many letters it has finished."""
    return (stable_hash("pair", signer_id, recipient_id) % 1_000_003) * _LETTERS + int(letter_count) % _LETTERS


def choose(options: Sequence[T], variant: int) -> T | str:
    """One of several wordings: each sentence starts at its own place for the pair (keyed by its first
    wording), and moves on by one with every finished letter, so two letters in a row never match."""
    if not options:
        return ""
    if len(options) == 1:
        return options[0]
    pair, count = divmod(int(variant), _LETTERS)
    return options[(stable_hash(pair, options[0]) + count) % len(options)]


def rotate(items: list[T], variant: int, key: str) -> list[T]:
    """The list turned by the pair's seed, so two pairs with the same notes start differently."""
    if len(items) < 2:
        return items
    shift = stable_hash(variant, key) % len(items)
    return items[shift:] + items[:shift]
