"""The main window: people on the left, the letter on its paper in the centre, the person on the right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates
from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _, n_
from beautifulletters.preferences import Preferences
from beautifulletters.stationery import with_paper
from ui.tasks import note_user_input, set_reporter
from ui.widgets.plain import ask_yes_no, message_box
from ui.widgets.screen_fit import resize_within_screen
from ui.window.archive_check import ArchiveCheck
from ui.window.archive_opening import open_archive_for_window
from ui.window.desk_room import DeskRoom, make_editor
from ui.window.menus import build_menus
from ui.window.people_list import PeopleList
from ui.window.person_panel import PersonPanel
from ui.window.side_panels import SidePanels
from ui.window.startup import StartUp
from ui.window.status import LetterStatus, offer_undo
from ui.window.surface import WindowSurface
from ui.window.theme import apply_theme
from ui.window.upcoming_panel import UpcomingDate, UpcomingPanel
from ui.window.welcome import add_banners

if TYPE_CHECKING:
    from ui.desk.editor import LetterEditor
    from ui.reading.reader import ReadAloudController
    from ui.window.recent import RecentLetters


class MainWindow(WindowSurface):
    """People on the left, the letter on its paper in the centre, the person on the right."""

    recent: RecentLetters
    desk_room: DeskRoom

    def __init__(self, archive: Archive, notice: str | None = None, preferences: Preferences | None = None) -> None:
        super().__init__()
        self.archive = archive
        self.preferences = preferences or Preferences.load()
        self.settings = QSettings()
        self.setAcceptDrops(True)
        resize_within_screen(self, 1280, 800)
        set_reporter(self.show_error)  # failures of background work nobody else handles are shown here
        self.people_list = PeopleList(archive)
        self.people_list.person_chosen.connect(self._person_chosen)
        self.people_list.new_letter_requested.connect(lambda: self.new_letter())
        self.people_list.add_person_requested.connect(self.add_person)
        self.people_list.error.connect(self.show_error)
        # The list's parts, by the names the window's callers and tests use.
        self.search_box = self.people_list.search_box
        self.tag_filter = self.people_list.tag_filter
        self.sort_choice = self.people_list.sort_choice
        self.people_view = self.people_list.people_view
        self.people_model = self.people_list.people_model
        # A click on the person already chosen (the first, at start) also brings their letter to the desk.
        self.people_view.clicked.connect(lambda _index: self.desk_room.follow_person(self.current_person_id()))
        self.people_count = self.people_list.people_count
        self.upcoming_panel = UpcomingPanel(self)
        self.upcoming_panel.write_requested.connect(self.write_for_upcoming)
        self.left_tabs = QTabWidget()
        self.left_tabs.setAccessibleName(_("People and upcoming dates"))
        self.left_tabs.addTab(self.people_list, _("People"))
        self.left_tabs.addTab(self.upcoming_panel, _("Upcoming"))
        self.person_panel = PersonPanel()
        self.person_panel.setAccessibleName(_("About this person"))
        self.person_panel.letter_activated.connect(self.open_letter)
        self.person_panel.edit_person_requested.connect(self.edit_person)
        self.person_panel.edit_relationship_requested.connect(self.edit_relationship)
        self.person_panel.error.connect(self.show_error)
        self.person_panel.changed.connect(self._person_data_changed)
        self.person_panel.undoable.connect(
            lambda message, undo: offer_undo(self.statusBar(), message, undo, _("Bring back what was deleted"))
        )
        # The letter editor and the reader are built just after the first frame (or on first use:
        # see the `editor` and `reader` properties); until then the centre is a light placeholder.
        self._editor: LetterEditor | None = None
        self._unplaced_editor: LetterEditor | None = None  # made at start-up, placed a moment later
        self._reader: ReadAloudController | None = None
        self._choosing_quietly = False  # the window chooses a person itself: the desk is not to follow
        self.desk_room = DeskRoom(self)  # the empty desk until a letter is open, then the letter
        self.centre = self.desk_room

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.person_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([300, 680, 300])
        self.splitter.setChildrenCollapsible(False)

        root = QWidget()
        self.root_layout = root_layout = QVBoxLayout(root)
        root_layout.setContentsMargins(8, 4, 8, 4)
        self.about_you, self.hint = add_banners(self, root_layout)  # first start: who writes; the sample
        root_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(root)

        build_menus(self)
        self.letter_status = LetterStatus(self)
        self._restore_geometry()
        self.side_panels = SidePanels(
            self.splitter, self.left_tabs, self.person_panel, self.view_menu, left_needs=self._people_tab_needs
        )
        self.people_list.wanted_width_changed.connect(self.side_panels.arrange)
        self.start_up = StartUp(self)  # what can wait until the window is on screen
        self.archive_check = ArchiveCheck(self)
        self.archive_check.checked.connect(self.archive_checked)
        self.current_dialog: QDialog | None = None  # the dialog or message box open now, kept alive while open
        self._load_archive_view(notice, reload_people=False)  # the model has just loaded them

    def _people_tab_needs(self, name_chars: int) -> int:
        """The left column's width at which the people's names up to `name_chars` long read whole:
        the list's own need and the tab widget's margins around it."""
        tabs, people = self.left_tabs, self.people_list
        around = tabs.width() - people.width() if people.isVisible() and people.width() > 0 else 0
        return people.wanted_width(name_chars) + max(0, around)

    # ------------------------------------------------------------------ building
    @property
    def editor(self) -> LetterEditor:
        """The letter editor, built on first use if the first frame has not brought it yet."""
        if self._editor is None:
            self.build_desk()
        assert self._editor is not None
        return self._editor

    @property
    def reader(self) -> ReadAloudController:
        if self._reader is None:
            self.build_desk()
        assert self._reader is not None
        return self._reader

    @property
    def desk_ready(self) -> bool:
        """Whether the editor and the reader (and their menu entries and toolbar buttons) exist yet."""
        return self._editor is not None

    def ensure_desk(self) -> None:
        """Build the desk now if start-up has not yet (a menu that holds its actions is opening)."""
        if not self.desk_ready:
            self.build_desk()

    def build_desk(self) -> None:
        """The letter editor in place of the placeholder, the reader, and their actions (desk_room.py).

        Their imports and widgets cost more than the rest of the window together, so the first
        frame goes without them; the menus that hold their actions build them as they open.
        """
        from ui.window.desk_room import build_desk

        editor = self._unplaced_editor or make_editor(self.preferences)
        self._unplaced_editor = None
        self._editor = editor
        self._reader = build_desk(self, editor, self.desk_room)
        self.recent.attach()  # each letter opened is remembered, and names the window

    def prepare_editor(self) -> None:
        """Start-up: make the editor in one turn of the event loop and put it in place in the next,
        so making it and painting it are two short waits for someone typing, not one long one."""
        if self._editor is None and self._unplaced_editor is None:
            self._unplaced_editor = make_editor(self.preferences)

    def add_action(
        self, menu: Any, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str | None = None
    ) -> QAction:
        """An action of the window in `menu`, with its shortcut and a tip in the status bar."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    # ------------------------------------------------------------------ archive
    def _load_archive_view(self, notice: str | None = None, *, reload_people: bool = True) -> None:
        self.setWindowTitle(
            (
                _("BeautifulLetters — {file} (read-only)") if self.archive.readonly else _("BeautifulLetters — {file}")
            ).format(file=self.archive.path.name)
        )
        self.people_list.show_archive(self.archive, reload_people=reload_people)
        if self.start_up.shown:  # at start, the tags and upcoming dates come after the first frame
            self.people_list.reload_tags()
            self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days)
        has_sample = self.archive.people.has_sample()
        # One banner at a time: who is writing first, then the sample's hint.
        self.hint.setVisible(
            not self.preferences.first_start_hint_dismissed and has_sample and self.about_you.isHidden()
        )
        self.remove_sample_action.setEnabled(has_sample and not self.archive.readonly)
        self.statusBar().showMessage(notice or _("Archive: {path}").format(path=self.archive.path))
        self._choose_quietly(self.people_list.select_first)
        if self.start_up.shown and not self.desk_room.showing_letter:
            self.desk_room.show_home()  # another archive: its own occasions and letters

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start_up.window_shown()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.start_up.window_painted()

    # ------------------------------------------------------------ deferred check
    def check_archive_in_background(self) -> None:
        """Run the full check the window skipped at open (it reads the whole file) on a worker.

        A damaged archive is closed and the newest good backup offered, as at start-up.
        """
        self.archive_check.start()

    @property
    def archive_damaged(self) -> bool:
        """Whether the deferred check found the archive damaged (it was closed then)."""
        return self.archive_check.state == "damaged"

    def reopen_last_letter(self) -> None:
        self.recent.reopen_last()

    def when_archive_healthy(self, callback: Callable[[], None]) -> None:
        """Call `callback` now if the archive passed its check, else once it does (never if damaged)."""
        self.archive_check.when_healthy(callback)

    def release_archive(self) -> None:
        """Let go of the archive file: everything typed so far is saved, then the letter and the file are closed."""
        self.editor.flush()
        self.editor.unload()
        self.reader.stop()
        self.desk_room.stop()
        self.archive.close()

    @property
    def reading_in_background(self) -> bool:
        """Whether a worker is reading the archive file, or waiting to, for one of the window's panels."""
        return self.people_list.searching or self.person_panel.loading or self.upcoming_panel.loading

    def adopt_archive(self, archive: Archive, notice: str | None = None) -> None:
        """Show another archive (or the same file, restored) in place of the one before."""
        self.archive = archive
        self.person_panel.show_person(archive, None)
        self._load_archive_view(notice)
        self.archive_changed.emit()

    def switch_archive(self, path: Path) -> bool:
        archive, notice = open_archive_for_window(path, full_check=False)
        if archive is None:
            self.show_error(notice or _("Cannot open {path}.").format(path=path))
            return False
        self.editor.flush()
        self.editor.unload()  # the last archive's letter is not left open to type into
        if self.archive_check.state != "damaged":
            self.archive.close()  # a damaged archive was closed when its check failed
        self.preferences.last_archive = str(path)
        self.preferences.save()
        self.adopt_archive(archive, notice)
        self.check_archive_in_background()
        return True

    def choose_archive(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open archive"),
            str(self.archive.path.parent),
            _("BeautifulLetters archives (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.switch_archive(Path(path))

    def create_archive(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("New archive"),
            str(self.archive.path.parent / "letters.sqlite3"),
            _("BeautifulLetters archives (*.sqlite3)"),
        )
        if path:
            self.switch_archive(Path(path))

    # ------------------------------------------------------------------ people
    def focus_search(self) -> None:
        self.left_tabs.setCurrentIndex(0)
        self.people_list.focus_search()

    def current_person_id(self) -> int | None:
        return self.people_list.current_person_id()

    def select_person(self, person_id: int) -> None:
        """Choose a person for the window's own reasons (the caller opens a letter itself, if any)."""
        self._choose_quietly(lambda: self.people_list.select_person(person_id))

    def _choose_quietly(self, choose: Callable[[], None]) -> None:
        self._choosing_quietly = True
        try:
            choose()
        finally:
            self._choosing_quietly = False

    def _person_chosen(self, person_id: int | None, name: str) -> None:
        if self.start_up.shown and not self._choosing_quietly:
            self.desk_room.follow_person(person_id)  # their draft, or the letters between you
        if person_id is None:
            self.person_panel.show_person(self.archive, None)
            return
        # Once the window is up, the person's notes and letters are read on a worker: choosing
        # people as you search or browse must not wait on their histories.
        self.person_panel.show_person(self.archive, person_id, name=name, in_background=self.start_up.shown)

    def add_person(self) -> None:
        if self.refuse_if_readonly():
            return
        from ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.archive, self)
        dialog.accepted.connect(lambda: self.refresh_people(dialog.person_id))
        self.show_dialog(dialog)

    def edit_person(self, person_id: int | None) -> None:
        if person_id is None or self.refuse_if_readonly():
            return
        from ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.archive, self, person_id)
        dialog.accepted.connect(lambda: self.refresh_people(person_id))
        self.show_dialog(dialog)

    def refresh_people(self, person_id: int | None = None) -> None:
        """After people were added or changed: the list, the tags, and this person chosen and shown."""
        self.people_list.refresh()
        if person_id is not None:
            self.select_person(person_id)
            self.person_panel.show_person(self.archive, person_id)
        self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days)

    def edit_relationship(self, from_id: int, to_id: int) -> None:
        if self.refuse_if_readonly():
            return
        from ui.dialogs.person_dialog import RelationshipDialog

        dialog = RelationshipDialog(self.archive, from_id, to_id, self)
        dialog.accepted.connect(self.person_panel.refresh)
        self.show_dialog(dialog)

    def edit_current_relationship(self) -> None:
        person_id = self.current_person_id()
        signer = self.archive.settings.default_signer_id()
        if person_id is None or signer is None:
            return
        for rel in self.archive.relationships.for_person(person_id):
            if rel.to_id == person_id:
                signer = rel.from_id
                break
        if signer != person_id:
            self.edit_relationship(signer, person_id)

    def _person_data_changed(self) -> None:
        self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days)

    def remove_sample(self) -> None:
        if self.refuse_if_readonly():
            return
        if ask_yes_no(
            self, _("Remove the sample"), _("Remove Chris, Loretta and their sample letters? Your own people stay.")
        ):
            self.remove_sample_now()

    def remove_sample_now(self) -> None:
        if self.editor.letter_id is not None:
            try:
                if self.archive.letters.get(self.editor.letter_id).is_sample:
                    self.editor.unload()
            except BeautifulLettersError:
                self.editor.unload()
        removed = self.archive.people.remove_sample()
        self.dismiss_hint()
        self._load_archive_view(
            n_(
                "Removed the sample ({count} person and their letters).",
                "Removed the sample ({count} people and their letters).",
                removed,
            ).format(count=removed)
        )

    def dismiss_hint(self) -> None:
        self.hint.hide()
        self.preferences.first_start_hint_dismissed = True
        self.preferences.save()

    # ------------------------------------------------------------------ letters
    def new_letter(self, **prefill: Any) -> Any:
        if self.refuse_if_readonly():
            return None
        from ui.dialogs.new_letter import NewLetterDialog

        prefill.setdefault("recipient_id", self.current_person_id())
        dialog = NewLetterDialog(self.archive, self, **prefill)
        dialog.accepted.connect(lambda: self._draft_created(dialog.created_letter_id))
        self.show_dialog(dialog)
        return dialog

    def write_for_upcoming(self, item: UpcomingDate) -> Any:
        from ui.window.occasions import write_for_upcoming

        return write_for_upcoming(self, item)

    def _draft_created(self, letter_id: int | None) -> None:
        if letter_id is None:
            return
        letter = self.archive.letters.get(letter_id)
        if not self.archive.readonly:
            # The paper, pen and ink chosen in Preferences become the letter's own, so printing
            # and PDF (which read the letter) show what the editor shows, now and a year later.
            paper = with_paper(letter.style, self.preferences.style_defaults())
            if paper != letter.style:
                self.archive.letters.update(letter_id, style=paper)
        self.people_model.refresh()
        self.select_person(letter.recipient_id)
        self.person_panel.show_person(self.archive, letter.recipient_id)
        self.open_letter(letter_id)

    def open_letter(self, letter_id: int) -> None:
        note_user_input()
        try:
            self.reader.stop()
            self.editor.flush()
            self.editor.open_letter(self.archive, letter_id)
        except BeautifulLettersError as error:
            self.show_error(str(error))
            return
        from beautifulletters.speech import pronunciations_for_letter

        letter = self.archive.letters.get(letter_id)
        self.reader.set_pronunciations(pronunciations_for_letter(self.archive, letter))
        self.reader.set_letter_language(letter.language)
        if letter.status == "sent":
            self.statusBar().showMessage(
                _("This letter was sent on {date}; it is shown read-only.").format(
                    date=humandates.full_date(letter.sent_on) if letter.sent_on else "?"
                )
            )
        self.editor.focus_text()

    def save_now(self) -> None:
        self.editor.flush()
        self.statusBar().showMessage(_("Saved. (Letters also save themselves as you type.)"), 4000)

    def open_template_editor(self) -> None:
        from ui.dialogs.template_editor import TemplateEditorDialog

        dialog = TemplateEditorDialog(self.archive, self)
        self.show_dialog(dialog)

    def open_batch(self) -> Any:
        if self.refuse_if_readonly():
            return None
        from ui.dialogs.batch_dialog import BatchDialog
        from ui.window.trash_actions import trash_letters

        person_id = self.current_person_id()
        dialog = BatchDialog(
            self.archive, self, selected_ids=[person_id] if person_id else [], preferences=self.preferences
        )
        dialog.open_letter_requested.connect(self.open_letter)
        dialog.drafts_unwanted.connect(lambda letter_ids: trash_letters(self, letter_ids))
        dialog.finished.connect(lambda _result: self.person_panel.refresh())
        self.show_dialog(dialog)
        return dialog

    def open_preferences(self) -> None:
        from ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.archive, self.preferences, self)
        dialog.accepted.connect(self._preferences_changed)
        dialog.archive_requested.connect(self.switch_archive)
        self.show_dialog(dialog)

    def _preferences_changed(self) -> None:
        self.preferences.save()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.preferences.dark_appearance())  # light or dark at once, not at the next start
        # The reader shares these preferences; the setters also apply them to a reading under way.
        self.reader.set_voice(self.preferences.voice)
        self.reader.set_rate(self.preferences.speech_rate_wpm)
        self.reader.set_volume(self.preferences.speech_volume)
        self.editor.apply_preferences(self.preferences)
        self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days)
        self.person_panel.refresh()

    # ------------------------------------------------------------------ errors and state
    def show_dialog(self, dialog: QDialog) -> None:
        """Open a dialog or message box without blocking, and keep it alive while it is open."""
        dialog.open()
        self.current_dialog = dialog

    def show_error(self, message: str) -> None:
        """Errors in plain words, in the window: never a traceback."""
        self.statusBar().showMessage(message, 10000)
        box = message_box(QMessageBox.Icon.Warning, "BeautifulLetters", message, QMessageBox.StandardButton.Ok, self)
        self.show_dialog(box)

    def refuse_if_readonly(self) -> bool:
        """Say so and return True when the archive is read-only (callers then change nothing)."""
        if self.archive.readonly:
            self.show_error(_("This archive is open read-only, so nothing can be changed here."))
            return True
        return False

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        # First: a start-up step or the archive check reporting after this would use a closed archive.
        self.start_up.stop()
        self.archive_check.stop()
        self.desk_room.stop()
        # Nothing to ask: everything typed is already in the archive; this saves the last keystrokes.
        # (A window closed before its desk was built has nothing to save or read: none is built now.)
        if self._editor is not None:
            self._editor.flush()
            self._editor.set_distraction_free(False)  # the window's size and panels are kept as they were before it
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        if self._reader is not None:
            self._reader.shutdown()
        if self._editor is not None:
            self._editor.close_letter()
        self.upcoming_panel.close_loader()
        self.person_panel.close_loader()
        self.people_list.close_searches()
        if self.archive_check.state != "damaged":
            self.archive.close()  # a damaged archive was closed when its check failed
        super().closeEvent(event)

    # ------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(url.toLocalFile().lower().endswith((".vcf", ".csv")) for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from ui.window import integrations

        for url in event.mimeData().urls():
            integrations.import_file(self, Path(url.toLocalFile()))
        event.acceptProposedAction()
