"""The screenshots the AppStream metadata shows (docs/screenshots/), taken of the real window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/take_screenshots.py
Uses a new archive with the sample correspondence in a temporary folder, at 1440x900.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(Path(folder, name.lower()))
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from ui.window.app import open_main_window

        app = QApplication(sys.argv[:1])
        window = open_main_window(Path(folder, "letters.sqlite3"))
        window.resize(1440, 900)

        def settle(ms: int) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        settle(1500)
        archive = window.archive
        loretta = next(
            p["id"] for p in archive.search.people(search="Loretta") if p["display_name"] == "Loretta Mercer"
        )
        window.select_person(loretta)
        letter = archive.letters.all(to=loretta)[0].id
        window.open_letter(letter)
        settle(1500)
        out = ROOT / "docs" / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out / "window.png"))
        window.left_tabs.setCurrentIndex(1)
        settle(800)
        window.grab().save(str(out / "upcoming.png"))
        window.close()
        app.processEvents()
        print(out / "window.png", out / "upcoming.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
