"""Choosing among wordings per pair: the pair's number in the archive and its letter count.

Two couples drafted from one template get different sentences, and one pair's letters differ
from year to year, yet the same draft asked for twice reads the same (no randomness).

How a wording is chosen. A pair is numbered by its place among the archive's relationships of
the same closeness (the third couple, the fifth friendship), so the couples of one archive are
numbered 0, 1, 2, … whatever else was made between them. A sentence with k wordings uses q of
them, q the largest prime not above k, and each sentence of a template is a point x on a line
of its own (its place in the template, counted 1 … q−1 and round again). Pair number n is
written a + q·b (a, b < q) and takes wording a + (b + letters)·x (mod q) at point x: a
Reed–Solomon code. So:

- the first q pairs of a kind (b = 0) differ in every sentence whenever their letter counts
  agree — in an archive of seven couples, no two couples share a sentence of seven wordings;
- any two of the first q² pairs agree on at most one sentence in every q−1 a template writes,
  where chance alone would give one in q, and the worst pair of many would give several;
- a pair's next letter (letters + 1) changes every sentence, since x is never 0.

Pairs beyond q² (and pairs without a relationship, numbered by a hash of the two people) start
a new run, whose sentences use their wordings in an order of their own: runs meet by chance.
"""

from __future__ import annotations

import hashlib
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


def seed(signer_id: Any, recipient_id: Any, letter_count: int, pair_number: int | None = None) -> int:
    """The pair's variant number: the pair's number (its place among relationships of its kind,
    else a hash of the two people) and how many letters it has finished."""
    if pair_number is not None and 0 <= int(pair_number) < _HASHED:
        pair = int(pair_number)
    else:
        pair = _HASHED + stable_hash("pair", signer_id, recipient_id) % 1_000_003
    return pair * _LETTERS + int(letter_count) % _LETTERS


_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31)


def line_size(k: int) -> int:
    """How many of k wordings a pair's line uses: the largest prime not above k."""
    return max((p for p in _PRIMES if p <= k), default=2)


def choose(options: Sequence[T], variant: int, key: str | None = None, place: int | None = None) -> T | str:
    """One of several wordings for the pair `variant` names (see the module's note). `key` names
    the sentence (where it stands, else its first wording); `place` is its place in the template,
    from which its point on the pair's line comes (else from the key)."""
    if not options:
        return ""
    k = len(options)
    if k == 1:
        return options[0]
    pair, count = divmod(int(variant), _LETTERS)
    name = key if key is not None else str(options[0])
    q = line_size(k)
    run, within = divmod(pair, q * q)
    a, b = within % q, within // q
    if place is None:
        place = stable_hash("place", name)
    x = 1 + int(place) % (q - 1) if q > 2 else 1
    value = (a + (b + count) * x) % q
    # Which q of the k wordings stand for the values, in which order: the sentence's own, and
    # each run's own, so runs (and pairs with no relationship) meet only by chance.
    order = sorted(range(k), key=lambda i: stable_hash("order", name, run, i))
    return options[order[value]]


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
