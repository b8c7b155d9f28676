"""Contents built again as a whole (the empty desk's card, the New letter warnings), safely under PySide.

PySide keeps a Python wrapper for each item of a row layout that already held widgets when the
row joined a layout on a widget (and for each item `itemAt` or `takeAt` hands out). Qt deletes
such an item without telling PySide when its widget or its row goes, so the wrapper stays behind
on a freed address. The next object made there (a row of the notes list, a timer, a button) is
taken for that wrapper, and deleting it later crashes the app in shiboken
(`BindingManager::releaseWrapper`, SIGSEGV). The empty desk, rebuilding its card one widget and
one row at a time as people were chosen in the list, crashed about one window session in four.

So contents that are rebuilt never come apart piece by piece: `RebuiltPage.start()` lets the whole
last page go and gives a fresh one, and `add_row()` puts a row into its layout before anything goes
into the row, so no layout item ever gets a wrapper.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget


class RebuiltPage(QWidget):
    """A widget whose contents are replaced whole: `start()` returns the layout of an empty page."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._spacing = spacing
        self._frame = QVBoxLayout(self)
        self._frame.setContentsMargins(0, 0, 0, 0)
        self.page: QWidget | None = None

    def start(self) -> QVBoxLayout:
        """Let what is shown go and return the layout of a new, empty page in its place."""
        old = self.page
        if old is not None:
            old.hide()
            old.setParent(None)  # off the screen and out of findChildren at once
            # Freed when control is back in the event loop: a button on it may be what asked.
            old.deleteLater()
        self.page = QWidget()
        lines = QVBoxLayout(self.page)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(self._spacing)
        self._frame.addWidget(self.page)
        return lines


def add_row(lines: QBoxLayout) -> QHBoxLayout:
    """A new row at the end of `lines`, put there while it is empty (see the module's docstring)."""
    added = QHBoxLayout()
    lines.addLayout(added)
    return added
