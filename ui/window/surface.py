"""The main window as its helper modules see it: its parts, its menus' actions and what they may ask of it.

MainWindow (main_window.py) is this class with everything filled in. The window's helpers
(menus, integrations, start-up, the archive check, recent letters, help, the first-start
banners, the single-instance server) take a WindowSurface and import this module, never
main_window, so no import runs back from a helper to the window that uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget

from beautifulletters.archive import Archive
from beautifulletters.preferences import Preferences

if TYPE_CHECKING:
    from beautifulletters.records import UpcomingDate
    from ui.desk.editor import LetterEditor
    from ui.desk.zoom import ZoomControl
    from ui.reading.actions import ReaderActions
    from ui.reading.reader import ReadAloudController
    from ui.window.people_list import PeopleList
    from ui.window.person_panel import PersonPanel
    from ui.window.side_panels import SidePanels
    from ui.window.status import LetterStatus
    from ui.window.upcoming_panel import UpcomingPanel


class WindowSurface(QMainWindow):
    archive_changed = Signal()
    archive_checked = Signal(bool)  # the deferred check of the open archive finished: healthy or not

    # Its parts.
    archive: Archive
    preferences: Preferences
    people_list: PeopleList
    person_panel: PersonPanel
    upcoming_panel: UpcomingPanel
    left_tabs: QTabWidget
    hint: QWidget  # the sample's welcome hint
    about_you: QWidget  # the first start's banner: who is writing
    banner_area: QWidget  # both banners, at most a share of the window's height (ui.window.welcome.BannerArea)
    splitter: QSplitter  # people | the desk | the person
    root_layout: QVBoxLayout  # the banners above the splitter
    centre: QWidget  # the splitter's middle: the desk (a placeholder until it is built)
    side_panels: SidePanels
    letter_status: LetterStatus
    zoom_control: ZoomControl  # made with the desk
    reader_actions: ReaderActions  # made with the desk
    paper: QObject  # Paper ▸ (ui.desk.paper_menu.PaperMenu), made with the desk
    focus_mode: QObject  # distraction-free writing (ui.window.focus_mode.FocusMode), made with the desk
    current_dialog: QDialog | None  # the dialog or message box open now, kept alive while open
    recent: QObject  # File ▸ Open recent (ui.window.recent.RecentLetters)

    # The menus, the toolbar and their actions, made by build_menus (menus.py) and integrations.
    edit_menu: QMenu
    letter_menu: QMenu
    view_menu: QMenu
    paper_menu: QMenu
    toolbar: QToolBar
    new_letter_action: QAction
    open_archive_action: QAction
    save_action: QAction
    preferences_action: QAction
    add_person_action: QAction
    remove_sample_action: QAction
    upcoming_action: QAction
    export_action: QAction
    print_action: QAction
    preview_action: QAction
    import_action: QAction

    # What the helpers may ask of it; MainWindow does each.
    @property
    def editor(self) -> LetterEditor:
        raise NotImplementedError

    @property
    def reader(self) -> ReadAloudController:
        raise NotImplementedError

    @property
    def desk_ready(self) -> bool:
        raise NotImplementedError

    @property
    def reading_in_background(self) -> bool:
        raise NotImplementedError

    @property
    def archive_damaged(self) -> bool:
        raise NotImplementedError

    def add_action(
        self, menu: Any, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str | None = None
    ) -> QAction:
        raise NotImplementedError

    def show_dialog(self, dialog: QDialog) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        raise NotImplementedError

    def refuse_if_readonly(self) -> bool:
        raise NotImplementedError

    def prepare_editor(self) -> None:
        raise NotImplementedError

    def ensure_desk(self) -> None:
        raise NotImplementedError

    def reopen_last_letter(self) -> None:
        raise NotImplementedError

    def when_archive_healthy(self, callback: Callable[[], None]) -> None:
        raise NotImplementedError

    def release_archive(self) -> None:
        raise NotImplementedError

    def adopt_archive(self, archive: Archive, notice: str | None = None) -> None:
        raise NotImplementedError

    def switch_archive(self, path: Path) -> bool:
        raise NotImplementedError

    def choose_archive(self) -> None:
        raise NotImplementedError

    def create_archive(self) -> None:
        raise NotImplementedError

    def save_now(self) -> None:
        raise NotImplementedError

    def current_person_id(self) -> int | None:
        raise NotImplementedError

    def select_person(self, person_id: int) -> None:
        raise NotImplementedError

    def focus_search(self) -> None:
        raise NotImplementedError

    def add_person(self) -> None:
        raise NotImplementedError

    def edit_person(self, person_id: int | None) -> None:
        raise NotImplementedError

    def edit_current_relationship(self) -> None:
        raise NotImplementedError

    def refresh_people(self, person_id: int | None = None) -> None:
        raise NotImplementedError

    def remove_sample(self) -> None:
        raise NotImplementedError

    def dismiss_hint(self) -> None:
        raise NotImplementedError

    def new_letter(self, **prefill: Any) -> Any:
        raise NotImplementedError

    def open_letter(self, letter_id: int) -> None:
        raise NotImplementedError

    def write_for_upcoming(self, item: UpcomingDate) -> Any:
        raise NotImplementedError

    def open_template_editor(self) -> None:
        raise NotImplementedError

    def open_batch(self) -> Any:
        raise NotImplementedError

    def open_preferences(self) -> None:
        raise NotImplementedError
