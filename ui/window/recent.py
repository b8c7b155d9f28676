"""Recent letters: File ▸ Open recent, the last letter reopened at start, and a window title that names it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from beautifulletters import humandates
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.records import Letter, LetterSummary
from beautifulletters.words import letter_title
from ui.window.surface import WindowSurface

RECENT_KEY = "recent_letters"  # in Preferences.extra: {archive path: [letter ids, newest first]}
MAX_RECENT = 10


class RecentLetters(QObject):
    def __init__(self, window: WindowSurface, file_menu: QMenu) -> None:
        super().__init__(window)
        self.window_ = window
        self.menu = QMenu(_("Open &recent"), file_menu)
        self.menu.setObjectName("openRecentMenu")
        self.menu.aboutToShow.connect(self._fill)
        file_menu.addMenu(self.menu)
        self._attached = False

    # ---------------------------------------------------------------- the list
    def _all(self) -> dict[str, list[int]]:
        found = self.window_.preferences.extra.get(RECENT_KEY)
        return {str(k): [int(i) for i in v] for k, v in found.items()} if isinstance(found, dict) else {}

    def ids(self) -> list[int]:
        return self._all().get(str(self.window_.archive.path), [])

    def letters(self) -> list[Letter]:
        """The recent letters that still exist, newest first."""
        found = []
        for letter_id in self.ids():
            try:
                found.append(self.window_.archive.letters.get(letter_id))
            except BeautifulLettersError:
                continue  # deleted since
        return found

    def record(self, letter_id: int) -> None:
        everything = self._all()
        key = str(self.window_.archive.path)
        everything[key] = ([letter_id] + [i for i in everything.get(key, []) if i != letter_id])[:MAX_RECENT]
        self.window_.preferences.extra[RECENT_KEY] = everything
        self.window_.preferences.save()

    def _name(self, letter: Letter | LetterSummary) -> str:
        try:
            return self.window_.archive.people.get(letter.recipient_id).display_name
        except BeautifulLettersError:
            return _("someone")

    def title_of(self, letter: Letter | LetterSummary) -> str:
        """'Anniversary letter to Loretta Mercer'."""
        title = letter_title(letter.title, letter.occasion)
        return _("{title} to {name}").format(title=title, name=self._name(letter))

    def describe(self, letter: Letter | LetterSummary) -> str:
        return _("{title} ({date})").format(title=self.title_of(letter), date=humandates.near_date(letter.updated_at))

    def _fill(self) -> None:
        self.menu.clear()
        letters = self.letters()
        for letter in letters:
            action = self.menu.addAction(self.describe(letter).replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, i=letter.id: self.window_.open_letter(i))
        if not letters:
            empty = self.menu.addAction(_("No letters opened yet"))
            empty.setEnabled(False)

    # ---------------------------------------------------------------- the desk
    def attach(self) -> None:
        """Follow the editor (once it is built): remember each letter opened and name it in the title."""
        if self._attached or not self.window_.desk_ready:
            return
        self._attached = True
        self.window_.editor.letter_opened.connect(self._opened)

    def _opened(self, letter_id: int) -> None:
        self.record(letter_id)
        try:
            letter = self.window_.archive.letters.get(letter_id)
        except BeautifulLettersError:
            return
        self.window_.setWindowTitle(f"{self.title_of(letter)} — BeautifulLetters")

    def reopen_last(self) -> None:
        """At start: the letter last worked on, where the writer left it."""
        self.attach()
        window = self.window_
        if window.editor.letter_id is not None:
            return  # a letter was asked for already (letters open ID)
        for letter in self.letters()[:1]:
            window.select_person(letter.recipient_id)
            window.open_letter(letter.id)
