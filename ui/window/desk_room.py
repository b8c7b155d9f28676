"""The centre of the window: the letter on its paper, or, with none open, the empty desk saying what to do next.

The writing desk (the letter editor and the reader) is built after the first frame; the empty
desk is there from the first. Choosing a person in the list opens their most recent draft, or
shows the letters between you when there is none, so the centre never shows someone else's letter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget

from beautifulletters import humandates, words
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.preferences import Preferences
from beautifulletters.records import Letter, LetterSummary
from ui.window.empty_desk import EmptyDesk, LetterLine, Occasion
from ui.window.recent import RecentLetters
from ui.window.surface import WindowSurface
from ui.window.upcoming_panel import describe as describe_occasion

FOLLOW_DELAY_MS = 150  # arrowing down the list opens only the letter of the person it stops at
HOME_OCCASIONS = 4
HOME_LETTERS = 5
PERSON_LETTERS = 30

if TYPE_CHECKING:
    from ui.desk.editor import LetterEditor
    from ui.reading.reader import ReadAloudController


def make_editor(preferences: Preferences) -> LetterEditor:
    from ui.desk.editor import LetterEditor
    from ui.resources import register_bundled_fonts

    register_bundled_fonts()  # before any widget asks for a handwriting family
    return LetterEditor(preferences)


def build_desk(window: WindowSurface, editor: LetterEditor, room: DeskRoom) -> ReadAloudController:
    """The letter editor in place of the placeholder, the reader, and their actions; returns the reader."""
    editor.setAccessibleName(_("Letter"))
    editor.save_failed.connect(lambda message: window.statusBar().showMessage(message))
    editor.saved.connect(lambda _revision: window.statusBar().showMessage(_("All changes saved."), 3000))
    from ui.desk.zoom import ZoomControl

    window.zoom_control = ZoomControl(editor.actions_by_name, editor.zoomer)
    window.statusBar().addPermanentWidget(window.zoom_control)
    window.letter_status.follow(editor)  # words and save state in the status bar
    room.place_editor(editor)
    from ui.window.letter_date import change_letter_date

    editor.text_edit.date_line_activated.connect(lambda: change_letter_date(window))

    for action in editor.edit_actions():
        window.edit_menu.addAction(action)
    for action in editor.format_actions():
        window.letter_menu.addAction(action)
    window.view_menu.insertActions(window.upcoming_action, editor.view_actions())
    from ui.desk.paper_menu import PaperMenu

    window.paper = PaperMenu(window.paper_menu, editor)
    window.toolbar.addSeparator()
    for action in editor.toolbar_actions():
        window.toolbar.addAction(action)
    window.toolbar.addSeparator()
    reader = build_reader(window, editor, window.toolbar, window.letter_menu)
    from ui.window.focus_mode import FocusMode

    window.focus_mode = FocusMode(window, window.side_panels, editor)  # F11: only the page
    return reader


def build_reader(window: WindowSurface, editor: LetterEditor, toolbar: Any, letter_menu: Any) -> ReadAloudController:
    """Reading aloud: synthesis in a worker process, highlighting in the editor."""
    from ui.reading.actions import ReaderActions
    from ui.reading.reader import ReadAloudController

    # The synthesis process starts once the window is up (StartUp), not during start-up.
    reader = ReadAloudController(editor.text_edit, parent=window, preferences=window.preferences, warm=False)
    window.reader_actions = ReaderActions(reader, window)
    letter_menu.addSeparator()
    window.reader_actions.add_to_toolbar(toolbar)
    window.reader_actions.fill_menu(letter_menu)
    reader.notice.connect(lambda message: window.statusBar().showMessage(message, 8000))
    reader.error.connect(window.show_error)
    reader.exportFinished.connect(
        lambda path, seconds: window.statusBar().showMessage(
            _("Saved the reading ({seconds} s) to {path}").format(seconds=f"{seconds:.0f}", path=path), 8000
        )
    )
    return reader


class DeskRoom(QStackedWidget):
    """The splitter's middle: the empty desk, or the editor once a letter is open."""

    def __init__(self, window: WindowSurface) -> None:
        super().__init__()
        self.window_ = window
        self.empty = EmptyDesk()
        self.addWidget(self.empty)
        self.editor: LetterEditor | None = None
        self._wanted: int | None = None  # the person chosen last, followed once the choosing stops
        self._closed_archive: object | None = None  # the archive let go of by stop(), never read again
        self._follow_timer = QTimer(self, singleShot=True, interval=FOLLOW_DELAY_MS)
        self._follow_timer.timeout.connect(self._follow_now)
        self.empty.write_requested.connect(lambda item: window.write_for_upcoming(item))
        self.empty.open_requested.connect(lambda letter_id: window.open_letter(letter_id))
        self.empty.new_letter_requested.connect(self._new_letter)
        self.empty.home_requested.connect(self.show_home)
        window.upcoming_panel.refreshed.connect(self._upcoming_changed)

    @property
    def showing_letter(self) -> bool:
        return self.editor is not None and self.currentWidget() is self.editor

    def place_editor(self, editor: LetterEditor) -> None:
        """The desk is built: the editor shows whenever a letter is open, the empty desk when none is."""
        self.editor = editor
        self.addWidget(editor)
        editor.letter_opened.connect(lambda _letter_id: self.setCurrentWidget(editor))
        editor.letter_closed.connect(self.show_home)
        if editor.letter_id is not None:
            self.setCurrentWidget(editor)

    # ------------------------------------------------------------------ the overview
    def show_home(self) -> None:
        """What to do next: the nearest occasions, the letters last worked on, New letter."""
        window = self.window_
        self._follow_timer.stop()
        if window.archive is self._closed_archive:
            return  # let go of (damaged, being restored): the next archive brings its own overview
        panel = window.upcoming_panel
        occasions = [Occasion(describe_occasion(item), item) for item in panel.items[:HOME_OCCASIONS]]
        no_occasions = panel.summary.text() or _("Looking for dates in the coming days…")
        recent = cast(RecentLetters, window.recent)
        letters: list[Letter] | list[LetterSummary] = recent.letters()[:HOME_LETTERS]
        worked_on = bool(letters)
        if not worked_on:  # a first start: the archive's newest letters (the sample's, say)
            letters = window.archive.letters.all(limit=HOME_LETTERS)
        lines = [LetterLine(recent.describe(letter), letter.id) for letter in letters]
        self.empty.show_home(occasions, lines, no_occasions, recent=worked_on)
        self.setCurrentWidget(self.empty)

    def _upcoming_changed(self) -> None:
        if self.currentWidget() is self.empty and self.empty.person_id is None:
            self.show_home()

    def _new_letter(self, person_id: int | None) -> None:
        if person_id is None:
            self.window_.new_letter()
        else:
            self.window_.new_letter(recipient_id=person_id)

    def stop(self) -> None:
        """The archive is closing: a person chosen just before is not followed into a closed file,
        and news that arrives later (the upcoming dates' worker finishing) does not read it."""
        self._follow_timer.stop()
        self._closed_archive = self.window_.archive

    # ------------------------------------------------------------------ following the list
    def follow_person(self, person_id: int | None) -> None:
        """A person was chosen in the list: their draft, or the letters between you, a moment later."""
        self._wanted = person_id
        self._follow_timer.start()

    def _follow_now(self) -> None:
        window = self.window_
        person_id = self._wanted
        if person_id is None:
            if not self.showing_letter:
                self.show_home()
            return
        editor = self.editor
        try:
            person = window.archive.people.get(person_id)
            letters = self._letters_with(person_id)
        except BeautifulLettersError:
            return  # deleted meanwhile: the list follows
        if person.is_self:
            # You, the writer: every letter is yours; the desk's overview says more than a list of them.
            if editor is not None and editor.letter_id is not None:
                editor.unload()
            self.show_home()
            return
        open_letter = editor.letter if editor is not None else None
        if open_letter is not None and person_id in (open_letter.recipient_id, open_letter.signer_id):
            return  # their letter is open already
        drafts = [letter for letter in letters if letter.status == "draft" and letter.recipient_id == person_id]
        if drafts:
            window.open_letter(max(drafts, key=lambda letter: (letter.updated_at, letter.id)).id)
            return
        if editor is not None and editor.letter_id is not None:
            editor.unload()  # every word saved; the last person's letter does not stay in the centre
        lines = [LetterLine(_letter_line(letter, person_id), letter.id) for letter in letters]
        self.empty.show_person(person_id, person.display_name, lines)
        self.setCurrentWidget(self.empty)

    def _letters_with(self, person_id: int) -> list[LetterSummary]:
        """The letters to and from a person, newest first."""
        letters = self.window_.archive.letters
        found = {row.id: row for row in letters.all(to=person_id, limit=PERSON_LETTERS)}
        found.update({row.id: row for row in letters.all(signer=person_id, limit=PERSON_LETTERS)})
        return sorted(found.values(), key=lambda row: (row.created_at, row.id), reverse=True)[:PERSON_LETTERS]


def _letter_line(letter: LetterSummary, person_id: int) -> str:
    """'Birthday letter, to Loretta Mercer — sent on 28 March' (or 'from' them, in their letters)."""
    title = words.letter_title(letter.title, letter.occasion)
    if letter.sent_on:
        when = humandates.sent_on(letter.sent_on)
    else:
        when = _("{status}, {date}").format(
            status=words.letter_status(letter.status), date=humandates.near_date(letter.updated_at)
        )
    if letter.recipient_id == person_id:
        return _("{title}, to {name} — {when}").format(title=title, name=letter.recipient_name, when=when)
    return _("{title}, from {name} — {when}").format(title=title, name=letter.signer_name, when=when)


__all__ = ["DeskRoom", "build_desk", "build_reader", "make_editor"]
