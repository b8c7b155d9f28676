"""Tells a start-up benchmark the moment a window is up and takes typing, then quits.

Set BEAUTIFULLETTERS_STARTUP_PROBE=1 and the app (or the bare reference window in
benchmarks/startup.py, which uses this same module) prints one line when it is ready:

    ready <peak resident memory in KB>

Ready means: the window is exposed on screen, and a key typed into its input field has
arrived there. The benchmark times the line from the moment it started the process.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent

PROBE_ENV = "BEAUTIFULLETTERS_STARTUP_PROBE"


def peak_rss_kb() -> int:
    """This process's own peak resident memory, in KB.

    `getrusage(RUSAGE_SELF).ru_maxrss` is no good here: Linux carries it over from the parent
    through fork and exec, so a window started by a benchmark that had just generated its
    archive reported the generator's 359 MB as its own. /proc/self/status's VmHWM belongs to
    this process's memory map alone; ru_maxrss remains the answer where there is no /proc.
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def wanted() -> bool:
    return os.environ.get(PROBE_ENV) == "1"


def install(window: Any, input_widget: Any) -> None:
    """Once the event loop runs and `window` is exposed, type into `input_widget`, report, quit."""

    def probe() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(1, probe)
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(input_widget, QKeyEvent(kind, Qt.Key.Key_Z, Qt.KeyboardModifier.NoModifier, "z"))
        text = input_widget.toPlainText() if hasattr(input_widget, "toPlainText") else input_widget.text()
        if not text.endswith("z"):
            print("not ready: the typed key did not arrive", flush=True)
            QCoreApplication.exit(3)
            return
        print(f"ready {peak_rss_kb()}", flush=True)
        sys.stdout.flush()
        # Leave at once: the benchmark measures start-up, not an orderly shutdown.
        os._exit(0)

    QTimer.singleShot(0, probe)
