"""The core package never loads Qt: importing all of it in a fresh process leaves PySide6 out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_core_imports_no_pyside6() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import beautifulletters\n"
        "for module in pkgutil.walk_packages(beautifulletters.__path__, 'beautifulletters.'):\n"
        "    if module.name.endswith('__main__'):\n"
        "        continue\n"
        "    importlib.import_module(module.name)\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core modules loaded Qt: {result.stdout}"


def test_core_source_never_mentions_qtwidgets() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "beautifulletters").rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
