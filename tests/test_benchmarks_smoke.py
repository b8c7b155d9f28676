"""The benchmarks still run (on tiny inputs): they are not pass/fail, but they must not rot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "args", "expected"),
    [
        ("benchmarks.export_pdf", ["--letters", "5", "--soffice-letters", "2"], "letters/s"),
        ("benchmarks.speech", ["--words", "30", "--export-words", "60"], "audio per second"),
        ("benchmarks.import_vcard", [], "cards imported"),
        ("benchmarks.keystrokes", [], "per keystroke"),
    ],
)
def test_benchmark_runs_and_prints_figures(module: str, args: list[str], expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=REPO, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert expected in result.stdout
