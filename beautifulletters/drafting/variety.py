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


def seed(signer_id: Any, recipient_id: Any, letter_count: int) -> int:
    """The pair's variant number: differs between pairs and with every finished letter."""
    return stable_hash("pair", signer_id, recipient_id) % 1_000_003 + int(letter_count)


def choose(options: Sequence[T], variant: int) -> T | str:
    """One of several wordings; each sentence draws on its own, keyed by its first wording."""
    if not options:
        return ""
    if len(options) == 1:
        return options[0]
    return options[stable_hash(variant, options[0]) % len(options)]


def rotate(items: list[T], variant: int, key: str) -> list[T]:
    """The list turned by the pair's seed, so two pairs with the same notes start differently."""
    if len(items) < 2:
        return items
    shift = stable_hash(variant, key) % len(items)
    return items[shift:] + items[:shift]
