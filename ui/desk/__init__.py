"""The writing desk: the letter editor, its page view, spelling, history and the letter window."""

from __future__ import annotations

DESK_COLOR = "#6f5b4b"  # here, not in editor.py, so the window's placeholder can use it without the editor
