"""The writing desk: the letter editor, its page view, spelling, history and the letter window."""

from __future__ import annotations
