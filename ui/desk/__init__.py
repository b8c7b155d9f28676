"""The writing desk: the letter editor, its page view, spelling, history and the letter window."""

from __future__ import annotations

import ctypes
import sys


def _guard_none_refcount() -> None:
    """Work around PySide6 6.12 on Python 3.11: void methods return None without a new reference.

    Each call to a Qt method returning void (setBlockFormat, setLineHeight, insertText...) drops
    None's reference count by one; after a few thousand calls the interpreter aborts with
    "Fatal Python error: none_dealloc". Python 3.12+ makes None immortal, so the wheels only
    work there. Pinning the count very high makes it unreachable for the life of the process.
    """
    if sys.version_info >= (3, 12) or getattr(sys, "_beautifulletters_none_pinned", False):
        return
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    sys._beautifulletters_none_pinned = True  # type: ignore[attr-defined]


_guard_none_refcount()
