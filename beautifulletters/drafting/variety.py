"""Choosing among wordings per pair: the pair's number in the archive and its letter count.

Two couples drafted from one template get different sentences, and one pair's letters differ
from year to year, yet the same draft asked for twice reads the same (no randomness).

How a wording is chosen. Each sentence (known by its first wording) with k wordings turns the
pair's number by its own step, a number that shares no factor with k, so pairs whose numbers
lie less than k apart never get the same wording of that sentence: the pairs of one archive
(its relationships are numbered as they are made) read differently sentence by sentence, not
merely by chance. Further apart, each sentence draws afresh from a hash, and two pairs share
about one wording in k. The letter count turns every sentence by a step of its own too, so a
pair's next letter changes every sentence it can.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def stable_hash(*parts: Any) -> int:
    """A hash that is the same in every process and on every machine (unlike hash())."""
    digest = hashlib.blake2b("\x1f".join(str(p) for p in parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


_LETTERS = 1000  # the variant number carries the pair (thousands) and the letter count (units)
_HASHED = 1_000_000  # pairs without a relationship are numbered from here, by a hash of the two people


def seed(signer_id: Any, recipient_id: Any, letter_count: int, relationship_id: int | None = None) -> int:
    """The pair's variant number: the pair's number (its relationship's, else a hash of the two
    people) and how many letters it has finished."""
    if relationship_id is not None and 0 < int(relationship_id) < _HASHED:
        pair = int(relationship_id)
    else:
        pair = _HASHED + stable_hash("pair", signer_id, recipient_id) % 1_000_003
    return pair * _LETTERS + int(letter_count) % _LETTERS


def _unit(value: int, k: int) -> int:
    """A step that shares no factor with k, so k steps visit every wording once."""
    units = [u for u in range(1, k) if math.gcd(u, k) == 1] or [1]
    return units[value % len(units)]


def choose(options: Sequence[T], variant: int, key: str | None = None) -> T | str:
    """One of several wordings for the pair `variant` names (see the module's note); `key` names
    the sentence (where it stands in its template), else its first wording does."""
    if not options:
        return ""
    k = len(options)
    if k == 1:
        return options[0]
    pair, count = divmod(int(variant), _LETTERS)
    name = key if key is not None else str(options[0])
    key_hash = stable_hash("wording", name, k)
    offset, step, turn = key_hash % k, _unit(key_hash >> 8, k), _unit(key_hash >> 16, k)
    # Numbers in one run of k (which run: shifted per sentence) are kept apart by the step; runs
    # draw afresh, so no two pairs far apart are tied to each other throughout.
    run = (pair + (key_hash >> 24) % k) // k
    fresh = stable_hash("run", run, name) % k
    return options[(offset + pair * step + count * turn + fresh) % k]


def rotate(items: list[T], variant: int, key: str) -> list[T]:
    """The list turned by the pair's seed, so two pairs with the same notes start differently."""
    if len(items) < 2:
        return items
    shift = stable_hash(variant, key) % len(items)
    return items[shift:] + items[:shift]


def shared_run_fraction(a: str, b: str, n: int = 6) -> float:
    """How much of letter `a` another letter `b` repeats: the share of a's words that stand in a
    run of `n` words also found in b (the measure the issue sets at most a quarter for)."""
    words_a, words_b = _words(a), _words(b)
    runs = {tuple(words_b[i : i + n]) for i in range(len(words_b) - n + 1)}
    covered = [False] * len(words_a)
    for i in range(len(words_a) - n + 1):
        if tuple(words_a[i : i + n]) in runs:
            covered[i : i + n] = [True] * n
    return sum(covered) / max(len(words_a), 1)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’]+", text.lower())
