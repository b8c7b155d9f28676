"""Red wavy underlines under misspelled words; Qt re-checks only the paragraphs that changed."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from beautifulletters.i18n import _
from beautifulletters.spelling import Speller, archive_words
from ui.paper.page import ROLE_BODY, block_role
from ui.tasks import patiently, run_task


class SpellHighlighter(QSyntaxHighlighter):
    """Marks misspellings in body paragraphs (not the date line or signature)."""

    def __init__(self, parent: QObject, speller: Speller) -> None:
        # Owned by the editor, not a document: the editor swaps documents (zoom, paper) under it.
        super().__init__(parent)
        self.speller = speller
        self.enabled = True
        self.rechecking = False  # True while recheck() repaints: the text itself is not changing
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor("#d0312d"))
        # Misspellings found while highlighting get their suggestions worked out on a worker,
        # so the right-click menu has them at once without asking Hunspell on the window's thread.
        self._to_suggest: set[str] = set()
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(400)
        self._suggest_timer.timeout.connect(self._suggest_ahead)

    def recheck(self) -> None:
        """Underline again (a word learned, the word list or the archive's names arrived).

        Qt reports the new underlines as a change of the document; the editor must not take
        them for an edit (it autosaved an untouched letter, on the window's thread when
        switching letters)."""
        self.rechecking = True
        try:
            self.rehighlight()
        finally:
            self.rechecking = False

    def highlightBlock(self, text: str) -> None:
        if not self.enabled or block_role(self.currentBlock()) != ROLE_BODY:
            return
        for start, length in self.speller.misspellings(text):
            self.setFormat(start, length, self._format)
            word = text[start : start + length]
            if self.speller.cached_suggestions(word) is None:
                self._to_suggest.add(word)
        if self._to_suggest and not self._suggest_timer.isActive():
            self._suggest_timer.start()

    def _suggest_ahead(self) -> None:
        words, self._to_suggest = sorted(self._to_suggest), set()
        speller = self.speller

        def work() -> None:
            for word in words[:50]:
                speller.suggestions(word)

        run_task(work, owner=self, doing="finding spelling suggestions")


# The archive's name words, kept between letters: reading 100,000 people for every letter
# opened cost ~20 MB of memory each time (freed, but kept by the allocator of a new thread).
_names_cache: dict[Path, tuple[tuple[object, ...], frozenset[str]]] = {}
_names_reading: dict[Path, threading.Event] = {}  # archives whose names a thread is reading now
_names_lock = threading.Lock()


def archive_names(archive_path: Path) -> frozenset[str]:
    """The archive's name words, read once per change of its people and shared by every letter.

    Letters opened one after another while the first read is still running wait for it
    instead of each reading all the names again at the same time (that grew the app by
    tens of megabytes with every letter opened on a large archive).
    """
    from beautifulletters.archive import Archive

    with Archive.open(archive_path, readonly=True, full_check=False) as archive:
        stamp = archive.people.names_stamp()
        while True:
            with _names_lock:
                cached = _names_cache.get(archive_path)
                if cached is not None and cached[0] == stamp:
                    return cached[1]
                reading = _names_reading.get(archive_path)
                if reading is None:
                    reading = _names_reading[archive_path] = threading.Event()
                    break
            reading.wait()
        try:
            words = archive_words(archive, patiently())  # makes way while someone is busy in the window
            with _names_lock:
                _names_cache[archive_path] = (stamp, words)
            return words
        finally:
            with _names_lock:
                del _names_reading[archive_path]
            reading.set()


def word_cursor_at(text_edit: QTextEdit, position) -> QTextCursor:  # noqa: ANN001 - QPoint
    cursor = text_edit.cursorForPosition(position)
    cursor.select(QTextCursor.SelectionType.WordUnderCursor)
    return cursor


def _insert(menu: QMenu, before: QAction | None, action: QAction) -> None:
    """Insert before an action, or at the end of an empty menu."""
    if before is None:
        menu.addAction(action)
    else:
        menu.insertAction(before, action)


def spelling_menu(
    text_edit: QTextEdit, highlighter: SpellHighlighter, cursor: QTextCursor, menu: QMenu
) -> list[QAction]:
    """Put suggestions and "Add to dictionary" at the top of `menu` when the word under the cursor is wrong."""
    word = cursor.selectedText()
    if not word or highlighter.speller.is_correct(word) or block_role(cursor.block()) != ROLE_BODY:
        return []
    added: list[QAction] = []
    first = menu.actions()[0] if menu.actions() else None
    speller = highlighter.speller

    def offer(suggestions: list[str], before: QAction | None) -> list[QAction]:
        offered: list[QAction] = []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)

            def replace(_checked: bool = False, replacement: str = suggestion) -> None:
                cursor.insertText(replacement)

            action.triggered.connect(replace)
            _insert(menu, before, action)
            offered.append(action)
        if not suggestions:
            none = QAction(_("No suggestions"), menu)
            none.setEnabled(False)
            _insert(menu, before, none)
            offered.append(none)
        return offered

    known = speller.cached_suggestions(word)
    if known is not None:
        added += offer(known, first)
    else:
        # Hunspell can take a second on a long word: the menu opens at once and the suggestions
        # take the place of this line when a worker has them.
        waiting = QAction(_("Finding suggestions…"), menu)
        waiting.setEnabled(False)
        _insert(menu, first, waiting)
        added.append(waiting)

        def arrived(suggestions: list[str]) -> None:
            try:
                offer(suggestions, waiting)
                menu.removeAction(waiting)
            except RuntimeError:
                pass  # the menu was closed and deleted before the suggestions came

        run_task(
            lambda: speller.suggestions(word),
            owner=menu,  # a menu closed before the suggestions came gets nothing
            on_success=arrived,
            doing="finding spelling suggestions",
        )
    add = QAction(_("Add “{word}” to dictionary").format(word=word), menu)

    def remember() -> None:
        highlighter.speller.add_to_dictionary(word)
        highlighter.recheck()

    add.triggered.connect(remember)
    _insert(menu, first, add)
    added.append(add)
    if first is not None:
        menu.insertSeparator(first)
    else:
        menu.addSeparator()
    return added


__all__ = ["SpellHighlighter", "archive_names", "spelling_menu", "word_cursor_at", "Qt"]
