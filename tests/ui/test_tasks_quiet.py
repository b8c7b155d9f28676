"""Background work that makes way for someone busy in the window, but never waits for ever."""

from __future__ import annotations

import time

from ui.tasks import note_user_input, patiently, wait_for_quiet


def test_work_waits_while_someone_types_and_goes_on_when_they_pause() -> None:
    time.sleep(0.35)  # a pause longer than the quiet wanted
    began = time.monotonic()
    wait_for_quiet()  # nobody has typed since: no wait
    assert time.monotonic() - began < 0.05
    note_user_input()
    began = time.monotonic()
    wait_for_quiet(quiet=0.2)
    assert 0.15 <= time.monotonic() - began < 1.0


def test_a_long_loop_stops_waiting_once_its_patience_is_spent() -> None:
    step = patiently(0.4)
    began = time.monotonic()
    for _ in range(20):  # someone typing without a pause the whole time
        note_user_input()
        step()
    assert time.monotonic() - began < 1.0  # not 20 waits of 0.3 s
