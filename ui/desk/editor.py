"""The letter editor: the page as it will print, formatting, find and replace, and autosave that never loses a word."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates
from beautifulletters.archive import Archive
from beautifulletters.dates import date_on_letter
from beautifulletters.i18n import _
from beautifulletters.records import Letter
from beautifulletters.stationery import PAPER_KEYS, with_paper
from ui.desk import desk_color, formatting
from ui.desk.autosave import AutoSaver, SaveRequest
from ui.desk.continuity import ContinuityHint
from ui.desk.find_bar import FindBar
from ui.desk.page_edit import PageTextEdit
from ui.desk.toolbar import FormatToolbar, add_desk_actions
from ui.desk.zoom import FIT_WIDTH, WHOLE_PAGE, PageZoom, zoom_dpi
from ui.paper.convert import document_to_storage
from ui.paper.onepage import fit_new_document
from ui.paper.page import (
    PageStyle,
    body_range,
    build_letter_document,
)
from ui.tasks import Lane, patiently, run_task
from ui.widgets.plain import plain_label

SAVE_DELAY_MS = 700  # first change starts the clock; typing on does not push the save back
RETRY_MS = 2000
STATS_DELAY_MS = 300
WORDS_PER_MINUTE = 200  # reading time for the status bar
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


class LetterEditor(QWidget):
    """Edits one letter of the archive; every change is saved as a revision within two seconds."""

    saved = Signal(int)  # revision id
    save_failed = Signal(str)  # what went wrong, to show at once
    stats_changed = Signal(int, int, int)  # words, characters, minutes to read
    edited = Signal()  # the writer changed the text (not yet saved)
    distraction_free_changed = Signal(bool)
    letter_opened = Signal(int)
    letter_closed = Signal()  # unloaded: no letter on the desk
    zoom_changed = Signal(float)
    continuity_hint_changed = Signal(str)  # "" when there is nothing to say
    names_loaded = Signal()
    spelling_ready = Signal()  # the word list is in: misspellings are underlined from now on

    def __init__(self, preferences: Any = None, parent: QWidget | None = None) -> None:
        if isinstance(preferences, QWidget):  # LetterEditor(parent) also works
            preferences, parent = None, preferences
        super().__init__(parent)
        self.preferences = preferences  # beautifulletters.preferences.Preferences or None
        self.archive: Archive | None = None
        self.letter_id: int | None = None
        self.letter: Letter | None = None
        self.page_style = PageStyle()
        self.read_only = True  # until a letter is open: typing on the empty desk would be saved nowhere
        self._saver: AutoSaver | None = None
        self._generation = 0  # bumped on every change of the text
        self._saved_generation = 0
        self._failing = False
        self._last_stats: tuple[int, int, int] = (0, 0, 0)
        self._loading = False
        self._saved_in_session = False
        self.highlighter: Any = None
        self._focus_before: dict[str, bool] = {}  # what distraction-free writing hid, to show it again

        self.text_edit = PageTextEdit(self)
        self.text_edit.setAccessibleName(_("Letter"))
        self.text_edit.setReadOnly(True)
        self.zoomer = PageZoom(self.text_edit, self)
        self.zoomer.changed.connect(self._zoom_shown)
        self.notice = plain_label()  # save problems and read-only notices, shown at once
        self.notice.setObjectName("editorNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel#editorNotice { background: #fff3cd; color: #5c3c00; padding: 6px; }")
        self.notice.hide()
        self.hint = ContinuityHint(self.body_plain_text, self)  # what earlier letters said, quietly
        self.hint.changed.connect(self.continuity_hint_changed)
        self.find_bar = FindBar(self.text_edit, self)
        self.find_bar.hide()

        self.setAutoFillBackground(True)
        self._follow_desk_color()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.actions_by_name: dict[str, QAction] = {}
        add_desk_actions(self, self)
        self._zoom_shown(self.zoomer.zoom)
        self.format_toolbar = FormatToolbar(self, self)
        layout.addWidget(self.format_toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.find_bar)

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_in_background)
        self._retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry_timer.timeout.connect(self._save_in_background)
        self._stats_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._stats_timer.timeout.connect(self._update_stats)

        self.text_edit.currentCharFormatChanged.connect(self.format_toolbar.show_char_format)
        self.text_edit.cursorPositionChanged.connect(self.format_toolbar.show_block)

    # ------------------------------------------------------------- actions
    # ------------------------------------------- actions for the main window
    def _named(self, *names: str | None) -> list[QAction]:
        result = []
        for name in names:
            if name is None:
                separator = QAction(self)
                separator.setSeparator(True)
                result.append(separator)
            else:
                result.append(self.actions_by_name[name])
        return result

    def edit_actions(self) -> list[QAction]:
        return self._named(
            "undo", "redo", None, "cut", "copy", "paste", "select_all", None, "find", "replace", None, "history"
        )

    def format_actions(self) -> list[QAction]:
        return self._named(
            "bold",
            "italic",
            "underline",
            None,
            "align_left",
            "align_center",
            "align_right",
            "align_justify",
            None,
            "bullet_list",
            "numbered_list",
        )

    def view_actions(self) -> list[QAction]:
        return self._named("zoom_in", "zoom_out", "fit_width", "whole_page", "zoom_reset", None, "distraction_free")

    def toolbar_actions(self) -> list[QAction]:
        # Bold, italic and underline live on the page's own format bar: not twice.
        return self._named("undo", "redo")

    def focus_text(self) -> None:
        self.focus_end()

    def apply_preferences(self, preferences: Any) -> None:
        """New app-wide paper/pen defaults and autosave delay; the open letter is laid out again."""
        self.preferences = preferences
        seconds = getattr(preferences, "autosave_seconds", None)
        if seconds:
            # Never later than the 2 s promise, whatever the preference says.
            self._save_timer.setInterval(int(min(2.0, max(0.2, float(seconds))) * 1000 * 0.5))
        if self.archive is not None and self.letter is not None:
            self.update_style()

    def _defaults(self) -> dict[str, Any]:
        """What a letter does not say for itself, besides its paper: the paper is the letter's own
        (stored when it was made), so the page shows what print, PDF and export show, whatever
        Preferences say today; Preferences choose the paper of new letters only."""
        defaults = _style_defaults(self.archive) if self.archive is not None else {}
        if self.preferences is not None and hasattr(self.preferences, "style_defaults"):
            defaults.update(self.preferences.style_defaults())
        return {key: value for key, value in defaults.items() if key not in PAPER_KEYS}

    # ------------------------------------------------------------ opening
    def open_letter(self, archive: Archive, letter_id: int) -> None:
        """Show a letter of `archive` (sent letters and read-only archives open read-only)."""
        self.flush()
        if self._saver is not None and self._saver.archive_path != Path(archive.path):
            self._saver.close()
            self._saver = None
        self.archive = archive
        letter = archive.letters.get(letter_id)
        self.letter = letter
        self.letter_id = letter_id
        signer = archive.people.get(letter.signer_id)
        self.archive = archive
        self.page_style = PageStyle.from_letter(letter, signer, self._defaults())
        self.read_only = letter.status == "sent" or archive.readonly
        if self._saver is None and not archive.readonly:
            self._saver = AutoSaver(archive.path, self)
            self._saver.saved.connect(self._on_saved)
            self._saver.failed.connect(self._on_failed)
        self._generation = self._saved_generation = 0
        self._saved_in_session = False
        self._failing = False
        self._setup_spelling(archive, letter)
        self._load(letter.body, letter.body_format)
        self.hint.load(archive, letter)
        if letter.status == "sent":
            when = humandates.full_date(letter.sent_on) if letter.sent_on else "?"
            self._show_notice(_("This letter was sent on {date}; it opens read-only.").format(date=when))
        elif archive.readonly:
            self._show_notice(_("The archive is open read-only: this letter cannot be changed here."))
        elif self.highlighter is not None and not self.highlighter.speller.available:
            self._show_notice(self.highlighter.speller.unavailable_message)
        else:
            self.notice.hide()
        self.format_toolbar.show_style()
        self.letter_opened.emit(letter_id)

    def _load(self, body: str, body_format: str, cursor_position: int | None = None) -> None:
        self._loading = True
        self.text_edit.page_style = self.page_style  # the zoom fits this letter's page
        dpi = zoom_dpi(self.zoomer.prepare())
        document = build_letter_document(body, body_format, self.page_style, dpi=dpi)
        fit_new_document(document, self.page_style, dpi)  # a closing alone on page two: tightened, as printed
        previous = getattr(self, "_document", None)
        document.setParent(self)
        self.text_edit.show_document(document, self.page_style)
        self._document = document  # ours, not the QTextEdit's: it would delete its own on replace
        if previous is not None:
            previous.contentsChanged.disconnect(self._on_changed)
            previous.deleteLater()
        self.text_edit.setReadOnly(self.read_only)
        document.contentsChanged.connect(self._on_changed)
        self._loading = False
        cursor = self.text_edit.textCursor()
        start, end = body_range(document)
        cursor.setPosition(min(max(cursor_position if cursor_position is not None else end, start), end))
        self.text_edit.setTextCursor(cursor)
        self.text_edit.ensureCursorVisible()
        self._update_stats()
        self.zoom_changed.emit(self.zoom)
        self.document_replaced()
        self.format_toolbar.show_char_format(self.text_edit.currentCharFormat())

    def document_replaced(self) -> None:
        """Follow a new document (open, zoom, paper change) with the spelling highlighter."""
        if self.highlighter is not None:
            self.highlighter.setDocument(self.text_edit.document())
            # Now, not in the turn of the event loop Qt leaves it for: its underlines, drawn then,
            # looked like an edit and saved an untouched letter as a new revision.
            self.highlighter.recheck()

    # -------------------------------------------------------------- spelling
    def _setup_spelling(self, archive: Archive, letter: Letter) -> None:
        from beautifulletters.spelling import Speller
        from ui.desk.spellcheck import SpellHighlighter, archive_names

        language = letter.language or archive.people.get(letter.recipient_id).language
        # The word list loads on a worker (a fifth of a second the first time): the letter opens
        # at once and its misspellings are underlined a moment later.
        speller = Speller(language, load=False)
        if self.highlighter is None:
            self.highlighter = SpellHighlighter(self, speller)
            self.text_edit.highlighter = self.highlighter
        else:
            self.highlighter.speller = speller
        # It makes way while someone is busy in the window: its Python loop would make each of the
        # window's calls into Python (one per paragraph as the letter is highlighted) wait its turn.
        run_task(
            lambda: speller.load(patiently()),
            owner=self,  # a letter closed meanwhile gets nothing
            on_success=lambda _none: self._speller_loaded(speller),
            doing="loading the spelling word list",
        )
        # The archive's names (a 100,000-person archive takes a moment): on the long lane, so a
        # search never waits behind them.
        path = archive.path
        run_task(
            lambda: archive_names(path),
            lane=Lane.LONG,
            owner=self,
            on_success=self._names_loaded,
            doing="reading the archive's names for spelling",
        )

    def _speller_loaded(self, speller: Any) -> None:
        if self.highlighter is not None and self.highlighter.speller is speller:
            self.highlighter.recheck()
            self.spelling_ready.emit()

    def _names_loaded(self, words: frozenset[str]) -> None:
        if self.highlighter is not None:
            self.highlighter.speller.use_names(words)
            self.highlighter.recheck()
            self.names_loaded.emit()

    def set_spell_checking(self, on: bool) -> None:
        if self.highlighter is not None:
            self.highlighter.enabled = on
            self.highlighter.recheck()

    def focus_end(self) -> None:
        """Keyboard focus in the text, cursor after the last word: ready to type."""
        cursor = self.text_edit.textCursor()
        cursor.setPosition(body_range(self.text_edit.document())[1])
        self.text_edit.setTextCursor(cursor)
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.text_edit.ensureCursorVisible()

    # -------------------------------------------------------------- saving
    def _on_changed(self) -> None:
        if self._loading or self.read_only or (self.highlighter is not None and self.highlighter.rechecking):
            return
        self._generation += 1
        self.edited.emit()
        if not self._save_timer.isActive() and not self._retry_timer.isActive():
            self._save_timer.start()
        self._stats_timer.start()
        self.hint.edited()

    def has_unsaved_changes(self) -> bool:
        return self._generation != self._saved_generation

    def _request(self) -> SaveRequest:
        body, text = document_to_storage(self.text_edit.document())
        assert self.letter_id is not None
        # The first save after opening starts a revision of its own, so what the letter was
        # before this session (a template draft, yesterday's text) stays in the history.
        return SaveRequest(self.letter_id, body, text, self._generation, coalesce=self._saved_in_session)

    def _save_in_background(self) -> None:
        if self._saver is None or not self.has_unsaved_changes():
            return
        self._saver.submit(self._request())

    def _on_saved(self, generation: int, revision_id: int) -> None:
        self._saved_in_session = True
        self._saved_generation = max(self._saved_generation, generation)
        if self._failing:
            self._failing = False
            self.notice.hide()
        if self.has_unsaved_changes() and not self._save_timer.isActive():
            self._save_timer.start()
        self.saved.emit(revision_id)

    def _on_failed(self, generation: int, message: str) -> None:
        self._failing = True
        self._show_notice(
            _("Not saved: {reason} Your text stays here; saving again every few seconds.").format(reason=message)
        )
        self.save_failed.emit(message)
        if not self._retry_timer.isActive():
            self._retry_timer.start()

    def flush(self) -> bool:
        """Save now, on this thread (used on close); True when everything is in the archive."""
        self._save_timer.stop()
        if self._saver is None or self.letter_id is None or self.read_only or not self.has_unsaved_changes():
            return not self.has_unsaved_changes() or self.read_only
        try:
            request = self._request()
            revision = self._saver.save_now(request)
        except Exception as error:  # noqa: BLE001 - report any failure to the user, keep the text
            self._on_failed(self._generation, str(error))
            return False
        # A flush holds the newest ticket, so it is never the one dropped as older.
        assert revision is not None
        self._on_saved(request.generation, revision)
        return True

    def unload(self) -> None:
        """Show no letter (the open one went to the trash): nothing left to type into or to save."""
        self.close_letter()
        self.letter_id = None
        self.letter = None
        self.read_only = True
        self._load("", "text")
        self.notice.hide()
        self.letter_closed.emit()

    def close_letter(self) -> bool:
        """Flush and stop the background saver; True when nothing was lost."""
        ok = self.flush()
        if self._saver is not None:
            self._saver.close()
            self._saver = None
        return ok

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    # ---------------------------------------------------------------- stats
    def _update_stats(self) -> None:
        document = self.text_edit.document()
        start, end = body_range(document)
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selectedText()
        words = count_words(text)
        chars = len(text.replace("\u2029", "").replace("\u2028", ""))
        minutes = max(1, round(words / WORDS_PER_MINUTE)) if words else 0
        stats = (words, chars, minutes)
        if stats != self._last_stats:
            self._last_stats = stats
        self.stats_changed.emit(*stats)

    @property
    def stats(self) -> tuple[int, int, int]:
        return self._last_stats

    def body_plain_text(self) -> str:
        return document_to_storage(self.text_edit.document())[1]

    def body_html(self) -> str:
        return document_to_storage(self.text_edit.document())[0]

    # ----------------------------------------------------------- formatting
    def select_all(self) -> None:
        """Select the body of the letter (the date line and the page furniture stay out)."""
        formatting.select_body(self.text_edit)

    # --------------------------------------------------------- letter style
    def update_style(self, **changes: Any) -> None:
        """Change letter-level settings (paper, handwriting, ink, page size...), store them, re-lay the page."""
        if self.archive is None or self.letter is None or self.letter_id is None:
            return
        stored = dict(self.letter.style)
        for key, value in changes.items():
            if value is None:
                stored.pop(key, None)
            else:
                stored[key] = value
        self.flush()
        if not changes:
            stored = dict(self.letter.style)
        signer = self.archive.people.get(self.letter.signer_id)
        self.page_style = PageStyle.from_style(
            stored, defaults=self._defaults(), signer=signer, written_on=date_on_letter(self.letter)
        )
        if not self.read_only and changes:
            stored = with_paper(stored, {})  # every paper setting named: it prints as shown, a year later too
            try:
                self.archive.letters.update(self.letter_id, style=stored)
            except Exception as error:  # noqa: BLE001 - keep the look, say it was not stored
                self._show_notice(_("The paper and pen could not be stored: {reason}").format(reason=error))
        self.letter = replace(self.letter, style=stored)
        self._reload_keeping_cursor()
        self.format_toolbar.show_style()

    def _reload_keeping_cursor(self) -> None:
        document = self.text_edit.document()
        offset = self.text_edit.textCursor().position() - body_range(document)[0]
        body, _text = document_to_storage(document)
        generation, saved = self._generation, self._saved_generation
        self._load(body, "html")
        self._generation, self._saved_generation = generation, saved
        start = body_range(self.text_edit.document())[0]
        cursor = self.text_edit.textCursor()
        cursor.setPosition(min(start + offset, body_range(self.text_edit.document())[1]))
        self.text_edit.setTextCursor(cursor)
        self.text_edit.ensureCursorVisible()

    # ----------------------------------------------------------------- zoom
    @property
    def zoom(self) -> float:
        """The page's scale: 1.0 is 96 pixels an inch (see ui.desk.zoom)."""
        return self.zoomer.zoom

    def set_zoom(self, zoom: float) -> None:
        self.zoomer.set_zoom(zoom)

    def zoom_in(self) -> None:
        self.zoomer.zoom_in()

    def zoom_out(self) -> None:
        self.zoomer.zoom_out()

    def fit_page_width(self) -> None:
        self.zoomer.fit_page_width()

    def fit_whole_page(self) -> None:
        self.zoomer.fit_whole_page()

    def _zoom_shown(self, zoom: float) -> None:
        self.actions_by_name["fit_width"].setChecked(self.zoomer.mode == FIT_WIDTH)
        self.actions_by_name["whole_page"].setChecked(self.zoomer.mode == WHOLE_PAGE)
        self.zoom_changed.emit(zoom)

    # ------------------------------------------------------ distraction-free
    @property
    def distraction_free(self) -> bool:
        return self.actions_by_name["distraction_free"].isChecked()

    @property
    def format_was_shown(self) -> bool:
        """Whether the format bar showed before distraction-free writing hid it (or shows now)."""
        return bool(self._focus_before.get("format", not self.format_toolbar.isHidden()))

    def set_distraction_free(self, on: bool) -> None:
        """Only the page: the format bar, the hint and the find bar step aside, and come back as they were.

        The window follows `distraction_free_changed` with everything else (ui.window.focus_mode).
        """
        self.actions_by_name["distraction_free"].setChecked(on)
        if on == bool(self._focus_before):
            return
        if on:
            self._focus_before = {"format": not self.format_toolbar.isHidden(), "find": not self.find_bar.isHidden()}
            self.format_toolbar.hide()
            self.find_bar.hide()
        else:
            before, self._focus_before = self._focus_before, {}
            self.format_toolbar.setVisible(before["format"])
            self.find_bar.setVisible(before["find"])
        self.hint.suppressed = on
        self.hint.follow()
        self.text_edit.setFocus()
        self.distraction_free_changed.emit(on)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.distraction_free:
            self.set_distraction_free(False)
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._follow_desk_color()  # light or dark switched: the desk follows, the paper stays paper

    def _follow_desk_color(self) -> None:
        palette = self.palette()
        if palette.color(QPalette.ColorRole.Window) != desk_color():  # else setPalette loops through PaletteChange
            palette.setColor(QPalette.ColorRole.Window, desk_color())
            self.setPalette(palette)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and self.distraction_free:
                event.accept()
                return True
        return super().event(event)

    # -------------------------------------------------------------- history
    def show_history(self) -> None:
        from ui.desk.history import RevisionHistoryDialog

        if self.archive is None or self.letter_id is None:
            return
        self.flush()
        dialog = RevisionHistoryDialog(
            self.archive, self.letter_id, self.body_plain_text(), self, read_only=self.read_only
        )
        if dialog.exec() and dialog.restored_revision is not None:
            self.reload_from_archive()

    def reload_from_archive(self) -> None:
        if self.archive is not None and self.letter_id is not None:
            self.open_letter(self.archive, self.letter_id)


def _style_defaults(archive: Archive) -> dict[str, Any]:
    """App-wide paper and pen choices (setting `letter_style_defaults`, JSON), if the user set any."""
    import json

    raw = archive.settings.get("letter_style_defaults")
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


__all__ = ["LetterEditor", "count_words"]
