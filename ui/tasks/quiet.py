"""Someone is busy in the window: background work nobody waits for makes way (`wait_for_quiet`).

The window notes each keystroke, click and scroll (`note_user_input`); start-up work on the
WARM_UP lane and long loops (`patiently`) wait for a pause before their next step.
"""

from __future__ import annotations

import time
from collections.abc import Callable

_last_user_input = 0.0


def note_user_input() -> None:
    """Someone is typing or clicking in the window: start-up work waits (`wait_for_quiet`)."""
    global _last_user_input
    _last_user_input = time.monotonic()


def wait_for_quiet(quiet: float = 0.3, longest: float = 5.0) -> None:
    """Worker side, before a piece of start-up work nobody waits for: let someone typing finish.

    The window's thread needs the GIL for every event it hands to Python (one repaint of the
    people list is hundreds of calls), and a worker busy in Python makes each of them wait:
    typing right after start stalled for 100-200 ms. `longest` keeps the work from waiting
    forever on someone who never pauses.
    """
    deadline = time.monotonic() + longest
    while time.monotonic() - _last_user_input < quiet and time.monotonic() < deadline:
        time.sleep(0.05)


def patiently(longest: float = 3.0) -> Callable[[], None]:
    """A `wait_for_quiet` for a loop of many steps, which stops waiting once `longest` seconds
    have passed in all: loading the spell checker for someone who types without pausing must
    still finish within a few seconds, not wait out every step."""
    deadline = time.monotonic() + longest

    def wait() -> None:
        remaining = deadline - time.monotonic()
        if remaining > 0:
            wait_for_quiet(longest=remaining)

    return wait
