"""The reference for start-up: a bare PySide6 window with one text editor, timed by the same probe."""

import sys

from PySide6.QtWidgets import QApplication, QTextEdit

from ui.window import startup_probe

app = QApplication(sys.argv[:1])
editor = QTextEdit()
editor.resize(1280, 800)
editor.show()
startup_probe.install(editor, editor)
sys.exit(app.exec())
