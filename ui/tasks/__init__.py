"""Work off the window's thread, one way: `run_task` on a lane, `LatestOnly` for search-as-you-type.

See ui/tasks/manager.py for the lanes and the rules (plain data in and out, callbacks on the
window's thread, no failure lost); ui/tasks/quiet.py for background work that makes way while
someone types.
"""

from ui.tasks.latest import LatestOnly
from ui.tasks.manager import (
    Failure,
    Lane,
    on_window_thread,
    report,
    run_task,
    set_reporter,
    wait_for_all,
    wait_for_lane,
)
from ui.tasks.quiet import note_user_input, patiently, wait_for_quiet

__all__ = [
    "Failure",
    "Lane",
    "LatestOnly",
    "note_user_input",
    "on_window_thread",
    "patiently",
    "report",
    "run_task",
    "set_reporter",
    "wait_for_all",
    "wait_for_lane",
    "wait_for_quiet",
]
