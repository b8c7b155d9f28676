"""The wheel carries the core, the interface, the templates and the resources."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_ui_templates_and_resources(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0 and "No module named 'hatchling'" in result.stderr + result.stdout:
        result = subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(REPO)],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    wheel = next(tmp_path.glob("beautifulletters-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "beautifulletters/archive/database.py" in names
    assert "ui/cli/main.py" in names and "ui/window/main_window.py" in names
    data = [n for n in names if n.startswith("beautifulletters/_data/")]
    templates = [n for n in data if n.startswith("beautifulletters/_data/templates/")]
    resources = [n for n in data if n.startswith("beautifulletters/_data/resources/")]
    expected_templates = [p for p in (REPO / "templates").rglob("*") if p.is_file()]
    expected_resources = [p for p in (REPO / "resources").rglob("*") if p.is_file()]
    assert len(templates) == len(expected_templates) > 0
    assert len(resources) == len(expected_resources) > 0
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "beautifulletters = ui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    # Ready for PyPI: the licence as an SPDX expression with the licence files (the app's and the
    # bundled fonts'), classifiers, and the desktop entry, metadata and icons inside.
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    assert "Classifier: Environment :: X11 Applications :: Qt" in metadata
    assert "Description-Content-Type: text/markdown" in metadata
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert sum(n.endswith("/LICENSE.txt") and ".dist-info/licenses/" in n for n in names) == 5
    desktop_files = [n for n in names if "io.github.beautifulletters.beautifulletters" in n]
    assert len(desktop_files) == 2 + 1 + 9  # entry, metainfo, SVG and nine PNG sizes
