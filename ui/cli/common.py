"""Small pieces every command module shares: stable JSON output and id arguments."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def print_json(value: Any) -> None:
    """Stable JSON on stdout: keys in insertion order, text as written (no \\u escapes)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def record_id(value: str) -> int:
    """An argparse type for ids: a whole number from 1 up; anything else is bad usage (exit 2)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (a whole number)") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (ids start at 1)")
    return number


def id_list(value: str) -> list[int]:
    """`1,2,3` as ids."""
    return [record_id(part.strip()) for part in value.split(",") if part.strip()]
