"""The main window: people on the left, the letter on its paper in the centre, the person on the right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.preferences import Preferences
from ui.desk import DESK_COLOR
from ui.window.archive_opening import check_archive, open_archive_for_window
from ui.window.people_list import PeopleList
from ui.window.person_panel import PersonPanel
from ui.window.startup import import_desk_modules, settle_after_start, warm_modules
from ui.window.upcoming_panel import UpcomingPanel
from ui.workers import (
    note_user_input,
    run_in_background,
    upkeep_pool,
    warm_up_pool,
)

if TYPE_CHECKING:
    from ui.desk.editor import LetterEditor
    from ui.reading.reader import ReadAloudController

# The desk is built once the first frame is painted; a window that is never painted (shown
# minimised) builds it after this long instead.
UNPAINTED_DESK_MS = 500


class MainWindow(QMainWindow):
    archive_changed = Signal()
    archive_checked = Signal(bool)  # the deferred check of the open archive finished: healthy or not

    def __init__(self, archive: Archive, notice: str | None = None, preferences: Preferences | None = None) -> None:
        super().__init__()
        self.archive = archive
        self.preferences = preferences or Preferences.load()
        self.settings = QSettings()
        self.setAcceptDrops(True)
        self.resize(1280, 800)
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
        self.people_count = self.people_list.people_count
        self.upcoming_panel = UpcomingPanel(self)
        self.upcoming_panel.write_requested.connect(self.write_for_upcoming)
        self.left_tabs = QTabWidget()
        self.left_tabs.setAccessibleName("People and upcoming dates")
        self.left_tabs.addTab(self.people_list, "People")
        self.left_tabs.addTab(self.upcoming_panel, "Upcoming")
        self.people_side = self.left_tabs
        self.person_panel = PersonPanel()
        self.person_panel.setAccessibleName("About this person")
        self.person_panel.letter_activated.connect(self.open_letter)
        self.person_panel.edit_person_requested.connect(self.edit_person)
        self.person_panel.edit_relationship_requested.connect(self.edit_relationship)
        self.person_panel.error.connect(self.show_error)
        self.person_panel.changed.connect(self._person_data_changed)
        # The letter editor and the reader are built just after the first frame (or on first use:
        # see the `editor` and `reader` properties); until then the centre is a light placeholder.
        self._editor: LetterEditor | None = None
        self._unplaced_editor: LetterEditor | None = None  # made at start-up, placed a moment later
        self._reader: ReadAloudController | None = None
        self.centre = self._build_placeholder()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.people_side)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.person_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([330, 620, 330])
        self.splitter.setChildrenCollapsible(False)

        root = QWidget()
        root_layout = QVBoxLayout(root)
        root_layout.setContentsMargins(8, 4, 8, 4)
        self.hint = self._build_hint()
        root_layout.addWidget(self.hint)
        root_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(root)

        self._build_actions()
        self._restore_geometry()
        # Work that can wait until the window is on screen (see _after_first_frame).
        self._shown_once = False
        self._first_frame_done = False
        self._after_first_frame_done = False
        self._archive_check: str = "done"  # "pending" while the deferred check runs, "damaged" after it failed
        self._when_healthy: list[Callable[[], None]] = []
        self._load_archive_view(notice, reload_people=False)  # the model has just loaded them

    # ------------------------------------------------------------------ building
    def _build_placeholder(self) -> QWidget:
        """The centre of the first frame: the empty desk, with what to do first."""
        placeholder = QWidget()
        placeholder.setAutoFillBackground(True)
        palette = placeholder.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(DESK_COLOR))
        placeholder.setPalette(palette)
        label = QLabel("Choose someone on the left, then New letter")
        label.setObjectName("deskPlaceholder")
        label.setStyleSheet("QLabel#deskPlaceholder { color: #f3eadc; }")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(placeholder)
        layout.addWidget(label)
        return placeholder

    @property
    def editor(self) -> LetterEditor:
        """The letter editor, built on first use if the first frame has not brought it yet."""
        if self._editor is None:
            self._build_desk()
        assert self._editor is not None
        return self._editor

    @property
    def reader(self) -> ReadAloudController:
        if self._reader is None:
            self._build_desk()
        assert self._reader is not None
        return self._reader

    @property
    def desk_ready(self) -> bool:
        """Whether the editor and the reader (and their menu entries and toolbar buttons) exist yet."""
        return self._editor is not None

    def _build_desk(self) -> None:
        """The letter editor in place of the placeholder, the reader, and their actions.

        Their imports and widgets cost more than the rest of the window together, so the first
        frame goes without them; the menus that hold their actions build them as they open.
        """
        editor = self._unplaced_editor or self._make_editor()
        self._unplaced_editor = None
        self._editor = editor
        editor.setAccessibleName("Letter")
        editor.save_failed.connect(lambda message: self.statusBar().showMessage(message))
        editor.saved.connect(lambda _revision: self._letter_saved())
        placeholder = self.centre
        sizes = self.splitter.sizes()  # the editor takes the placeholder's place at its size
        self.splitter.replaceWidget(self.splitter.indexOf(placeholder), editor)
        self.splitter.setSizes(sizes)
        placeholder.deleteLater()
        self.centre = editor

        for action in editor.edit_actions():
            self.edit_menu.addAction(action)
        for action in editor.format_actions():
            self.letter_menu.addAction(action)
        self.view_menu.insertActions(self._upcoming_action, editor.view_actions())
        self.toolbar.addSeparator()
        for action in editor.toolbar_actions():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self._build_reader(self.toolbar, self.letter_menu)

    def _make_editor(self) -> LetterEditor:
        from ui.desk.editor import LetterEditor
        from ui.fonts import register_bundled_fonts

        register_bundled_fonts()  # before any widget asks for a handwriting family
        return LetterEditor(self.preferences)

    def _prepare_editor(self) -> None:
        """Start-up: make the editor in one turn of the event loop and put it in place in the next,
        so making it and painting it are two short waits for someone typing, not one long one."""
        if self._editor is None and self._unplaced_editor is None:
            self._unplaced_editor = self._make_editor()

    def _build_hint(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        self.hint_label = QLabel(
            "Welcome. This archive starts with a sample: Chris writing to his wife Loretta, with their "
            "memories and past letters. Choose Loretta, then Letter ▸ New letter… (Ctrl+N) to draft their 50th "
            "anniversary letter. Add your own people with Person ▸ Add person…; remove the sample any time "
            "from the Person menu."
        )
        self.hint_label.setWordWrap(True)
        self.hint_label.setProperty("role", "hint")
        dismiss = QPushButton("Got it")
        dismiss.setAccessibleName("Dismiss the welcome hint")
        dismiss.clicked.connect(self.dismiss_hint)
        layout.addWidget(self.hint_label, 1)
        layout.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def _action(
        self, menu: Any, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        menus = self.menuBar()
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        file_menu = menus.addMenu("&File")
        self.new_letter_action = self._action(
            file_menu,
            "&New letter…",
            self.new_letter,
            QKeySequence.StandardKey.New,
            "Draft a letter to the selected person",
        )
        self.open_archive_action = self._action(
            file_menu, "&Open archive…", self.choose_archive, QKeySequence.StandardKey.Open, "Open another archive file"
        )
        self._action(file_menu, "New &archive…", self.create_archive, None, "Start a new, empty archive file")
        self.save_action = self._action(
            file_menu,
            "&Save",
            self.save_now,
            QKeySequence.StandardKey.Save,
            "Letters save themselves as you type; this saves at once",
        )
        file_menu.addSeparator()
        self.desk_menu_hook(file_menu, toolbar)
        file_menu.addSeparator()
        self.preferences_action = self._action(
            file_menu, "Pr&eferences…", self.open_preferences, QKeySequence.StandardKey.Preferences
        )
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        # Edit, Letter and View also hold the editor's actions, added when it is built (_build_desk);
        # opening one of them first builds it, so they are never shown without them.
        self.edit_menu = menus.addMenu("&Edit")

        person_menu = menus.addMenu("&Person")
        self.add_person_action = self._action(person_menu, "&Add person…", self.add_person, "Ctrl+Shift+N")
        self._action(person_menu, "&Edit person…", lambda: self.edit_person(self.current_person_id()), "Ctrl+Alt+E")
        self._action(person_menu, "Edit &relationship…", self._edit_current_relationship, "Ctrl+Shift+R")
        self._action(person_menu, "&Find person", self.focus_search, "Ctrl+Shift+F")
        person_menu.addSeparator()
        self.remove_sample_action = self._action(person_menu, "Remove the &sample correspondence", self.remove_sample)

        letter_menu = menus.addMenu("&Letter")
        letter_menu.addAction(self.new_letter_action)
        self._action(letter_menu, "&Template editor…", self.open_template_editor, "Ctrl+Shift+T")
        self._action(
            letter_menu,
            "Letters to &many people…",
            self.open_batch,
            "Ctrl+Shift+M",
            "One draft per person from a template, reviewed, then printed as PDF",
        )
        self._action(
            letter_menu,
            "&Anthology of this correspondence…",
            self.export_anthology,
            None,
            "Every letter between these two people, in date order, as one PDF book",
        )
        letter_menu.addSeparator()
        self.letter_menu = letter_menu

        self.view_menu = menus.addMenu("&View")
        self._upcoming_action = self._action(
            self.view_menu, "&Upcoming dates", lambda: self.left_tabs.setCurrentIndex(1), "Ctrl+Alt+U"
        )
        for menu in (self.edit_menu, self.letter_menu, self.view_menu):
            menu.aboutToShow.connect(lambda: self.desk_ready or self._build_desk())

        toolbar.addAction(self.new_letter_action)
        toolbar.addAction(self.add_person_action)
        self.toolbar = toolbar  # the editor's and the reader's buttons follow (_build_desk)

    def _build_reader(self, toolbar: Any, letter_menu: Any) -> None:
        """Reading aloud: synthesis in a worker process, highlighting in the editor."""
        from ui.reading.actions import ReaderActions
        from ui.reading.reader import ReadAloudController

        # The synthesis process starts once the window is up (_after_first_frame), not during start-up.
        self._reader = ReadAloudController(self.editor.text_edit, parent=self, preferences=self.preferences, warm=False)
        self.reader_actions = ReaderActions(self.reader, self)
        letter_menu.addSeparator()
        self.reader_actions.add_to_toolbar(toolbar)
        self.reader_actions.fill_menu(letter_menu)
        self.reader.notice.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.reader.error.connect(self.show_error)
        self.reader.exportFinished.connect(
            lambda path, seconds: self.statusBar().showMessage(f"Saved the reading ({seconds:.0f} s) to {path}", 8000)
        )

    def desk_menu_hook(self, file_menu: Any, toolbar: Any) -> None:
        """Print, export, import and backups: placed in the File menu by their own modules."""
        from ui.window import integrations

        integrations.add_file_actions(self, file_menu, toolbar)

    # ------------------------------------------------------------------ archive
    def _load_archive_view(self, notice: str | None = None, *, reload_people: bool = True) -> None:
        self.setWindowTitle(
            f"BeautifulLetters — {self.archive.path.name}" + (" (read-only)" if self.archive.readonly else "")
        )
        self.people_list.show_archive(self.archive, reload_people=reload_people)
        if self._shown_once:  # at start, the tags and upcoming dates come after the first frame
            self.people_list.reload_tags()
            self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days)
        has_sample = self.archive.has_sample()
        self.hint.setVisible(not self.preferences.first_start_hint_dismissed and has_sample)
        self.remove_sample_action.setEnabled(has_sample and not self.archive.readonly)
        self.statusBar().showMessage(notice or f"Archive: {self.archive.path}")
        self.people_list.select_first()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(UNPAINTED_DESK_MS, self._after_first_frame)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._first_frame_done:
            self._first_frame_done = True
            # The next turn of the event loop: this frame reaches the screen first.
            QTimer.singleShot(0, self._after_first_frame)

    def _after_first_frame(self) -> None:
        """What start-up left for later: editor and reader, the upcoming dates, the reader's engine, warm imports."""
        if self._after_first_frame_done:
            return
        self._after_first_frame_done = True
        # The desk's modules load on a worker (they are most of the build's cost), then each step
        # takes its own turn of the event loop, so typing right after start never waits long.
        run_in_background(
            import_desk_modules,
            pool=warm_up_pool(),
            on_result=self._begin_start_steps,
            on_error=self._begin_start_steps,
        )

    def _begin_start_steps(self, _outcome: object = None) -> None:
        self._start_step(0)  # a bound method: Qt drops the call if the window is gone by then

    def _start_step(self, step: int) -> None:
        if self._archive_check == "damaged":
            return  # the archive was closed; the restored one brings its own tags and dates
        steps = (
            self._prepare_editor,
            lambda: self.desk_ready or self._build_desk(),
            self.people_list.reload_tags,
            lambda: self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days),
            lambda: self.reader.warm_up(),
            lambda: run_in_background(warm_modules, pool=warm_up_pool(), on_result=lambda _none: settle_after_start()),
        )
        steps[step]()
        if step + 1 < len(steps):
            QTimer.singleShot(0, self, lambda: self._start_step(step + 1))  # dropped if the window closes

    # ------------------------------------------------------------ deferred check
    def check_archive_in_background(self) -> None:
        """Run the full check the window skipped at open (it reads the whole file) on a worker.

        A damaged archive is closed and the newest good backup offered, as at start-up.
        """
        self._archive_check = "pending"
        path = self.archive.path
        run_in_background(
            check_archive,
            path,
            pool=upkeep_pool(),
            on_result=lambda outcome: self._archive_check_finished(path, *outcome),
            on_error=self._archive_check_failed,
        )

    def when_archive_healthy(self, callback: Callable[[], None]) -> None:
        """Call `callback` now if the archive passed its check, else once it does (never if damaged)."""
        if self._archive_check == "done":
            callback()
        elif self._archive_check == "pending":
            self._when_healthy.append(callback)

    def _archive_check_failed(self, message: str) -> None:
        # Could not read the file to check it (not damage): say so, carry on as before the check.
        self.statusBar().showMessage(f"The archive could not be checked: {message}", 10000)
        self._archive_check_finished(self.archive.path, None, None)

    def _archive_check_finished(self, path: Path, damage: str | None, backup: Any) -> None:
        if path != self.archive.path:
            return  # another archive was opened meanwhile; its own check reports
        if damage is None:
            self._archive_check = "done"
            callbacks, self._when_healthy = self._when_healthy, []
            for callback in callbacks:
                callback()
            self.archive_checked.emit(True)
            return
        self._archive_check = "damaged"
        self._when_healthy = []
        # Stop writing to it at once: everything typed so far is saved, then the file is let go.
        self.editor.flush()
        self.editor.close_letter()
        self.reader.stop()
        self.archive.close()
        self.archive_checked.emit(False)
        if backup is None:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                "The archive is damaged",
                f"{damage}\n\nThere is no good backup to restore; the window will close.",
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.finished.connect(lambda _result: self.close())
        else:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "The archive is damaged",
                f"{damage}\n\nRestore the newest good backup, from "
                f"{backup.created.astimezone():%d %B %Y at %H:%M}? "
                "The damaged file is kept beside it under a new name.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.finished.connect(
                lambda result: (
                    self._restore_after_damage(path) if result == QMessageBox.StandardButton.Yes else self.close()
                )
            )
        box.open()
        self._open_dialog = box

    def _restore_after_damage(self, path: Path) -> None:
        from beautifulletters.transfer import restore_newest_good_backup

        self.statusBar().showMessage("Restoring the newest good backup…")
        self.setEnabled(False)

        def restored(_result: Any) -> None:
            self.setEnabled(True)
            archive, notice = open_archive_for_window(path)
            if archive is None:
                self.show_error(notice or f"Cannot open {path} after restoring.")
                return
            self.archive = archive
            self._archive_check = "done"
            self.person_panel.show_person(archive, None)
            self._load_archive_view(notice or "Restored the newest good backup; the damaged file is kept beside it.")
            self.archive_changed.emit()

        def failed(message: str) -> None:
            self.setEnabled(True)
            box = QMessageBox(
                QMessageBox.Icon.Critical, "BeautifulLetters", message, QMessageBox.StandardButton.Ok, self
            )
            box.finished.connect(lambda _result: self.close())
            box.open()
            self._open_dialog = box

        run_in_background(restore_newest_good_backup, path, on_result=restored, on_error=failed)

    def switch_archive(self, path: Path) -> bool:
        archive, notice = open_archive_for_window(path, full_check=False)
        if archive is None:
            self.show_error(notice or f"Cannot open {path}.")
            return False
        self.editor.flush()
        self.editor.close_letter()
        old = self.archive
        self.archive = archive
        if self._archive_check != "damaged":
            old.close()  # a damaged archive was closed when its check failed
        self.preferences.last_archive = str(path)
        self.preferences.save()
        self.person_panel.show_person(archive, None)
        self._load_archive_view(notice)
        self.archive_changed.emit()
        self.check_archive_in_background()
        return True

    def choose_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open archive",
            str(self.archive.path.parent),
            "BeautifulLetters archives (*.sqlite3 *.sqlite *.db);;All files (*)",
        )
        if path:
            self.switch_archive(Path(path))

    def create_archive(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "New archive",
            str(self.archive.path.parent / "letters.sqlite3"),
            "BeautifulLetters archives (*.sqlite3)",
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
        self.people_list.select_person(person_id)

    def _person_chosen(self, person_id: int | None, name: str) -> None:
        if person_id is None:
            self.person_panel.show_person(self.archive, None)
            return
        # Once the window is up, the person's notes and letters are read on a worker: choosing
        # people as you search or browse must not wait on their histories.
        self.person_panel.show_person(self.archive, person_id, name=name, in_background=self._shown_once)

    def add_person(self) -> None:
        if self._refuse_if_readonly():
            return
        from ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.archive, self)
        dialog.accepted.connect(lambda: self._person_saved(dialog.person_id))
        dialog.open()
        self._open_dialog = dialog

    def edit_person(self, person_id: int | None) -> None:
        if person_id is None or self._refuse_if_readonly():
            return
        from ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.archive, self, person_id)
        dialog.accepted.connect(lambda: self._person_saved(person_id))
        dialog.open()
        self._open_dialog = dialog

    def _person_saved(self, person_id: int | None) -> None:
        self.people_list.refresh()
        if person_id is not None:
            self.select_person(person_id)
            self.person_panel.show_person(self.archive, person_id)
        self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days)

    def edit_relationship(self, from_id: int, to_id: int) -> None:
        if self._refuse_if_readonly():
            return
        from ui.dialogs.person_dialog import RelationshipDialog

        dialog = RelationshipDialog(self.archive, from_id, to_id, self)
        dialog.accepted.connect(self.person_panel.refresh)
        dialog.open()
        self._open_dialog = dialog

    def _edit_current_relationship(self) -> None:
        person_id = self.current_person_id()
        signer = self.archive.default_signer_id()
        if person_id is None or signer is None:
            return
        for rel in self.archive.relationships_of(person_id):
            if rel["to_id"] == person_id:
                signer = rel["from_id"]
                break
        if signer != person_id:
            self.edit_relationship(signer, person_id)

    def _person_data_changed(self) -> None:
        self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days)

    def remove_sample(self) -> None:
        if self._refuse_if_readonly():
            return
        answer = QMessageBox.question(
            self, "Remove the sample", "Remove Chris, Loretta and their sample letters? Your own people stay."
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_sample_now()

    def remove_sample_now(self) -> None:
        if self.editor.letter_id is not None:
            try:
                if self.archive.get_letter(self.editor.letter_id)["is_sample"]:
                    self.editor.close_letter()
            except BeautifulLettersError:
                self.editor.close_letter()
        removed = self.archive.remove_sample()
        self.dismiss_hint()
        self._load_archive_view(f"Removed the sample ({removed} people and their letters).")

    def dismiss_hint(self) -> None:
        self.hint.hide()
        self.preferences.first_start_hint_dismissed = True
        self.preferences.save()

    # ------------------------------------------------------------------ letters
    def new_letter(self, **prefill: Any) -> Any:
        if self._refuse_if_readonly():
            return None
        from ui.dialogs.new_letter import NewLetterDialog

        prefill.setdefault("recipient_id", self.current_person_id())
        dialog = NewLetterDialog(self.archive, self, **prefill)
        dialog.accepted.connect(lambda: self._draft_created(dialog.created_letter_id))
        dialog.open()
        self._open_dialog = dialog
        return dialog

    def write_for_upcoming(self, item: dict[str, Any]) -> Any:
        from beautifulletters.drafting import template_for_occasion

        self.select_person(item["person_id"])
        return self.new_letter(
            recipient_id=item["person_id"], template=template_for_occasion(item["kind"]), occasion_date=item["date"]
        )

    def _draft_created(self, letter_id: int | None) -> None:
        if letter_id is None:
            return
        letter = self.archive.get_letter(letter_id)
        self.people_model.refresh()
        self.select_person(letter["recipient_id"])
        self.person_panel.show_person(self.archive, letter["recipient_id"])
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

        letter = self.archive.get_letter(letter_id)
        self.reader.set_pronunciations(pronunciations_for_letter(self.archive, letter))
        self.reader.set_letter_language(letter.get("language"))
        if letter["status"] == "sent":
            self.statusBar().showMessage(f"This letter was sent on {letter['sent_on']}; it is shown read-only.")
        self.editor.focus_text()

    def _letter_saved(self) -> None:
        self.statusBar().showMessage("All changes saved.", 3000)

    def save_now(self) -> None:
        self.editor.flush()
        self.statusBar().showMessage("Saved. (Letters also save themselves as you type.)", 4000)

    def open_template_editor(self) -> None:
        from ui.dialogs.template_editor import TemplateEditorDialog

        dialog = TemplateEditorDialog(self.archive, self)
        dialog.open()
        self._open_dialog = dialog

    def open_batch(self) -> Any:
        if self._refuse_if_readonly():
            return None
        from ui.dialogs.batch_dialog import BatchDialog

        person_id = self.current_person_id()
        dialog = BatchDialog(
            self.archive, self, selected_ids=[person_id] if person_id else [], preferences=self.preferences
        )
        dialog.open_letter_requested.connect(self.open_letter)
        dialog.finished.connect(lambda _result: self.person_panel.refresh())
        dialog.open()
        self._open_dialog = dialog
        return dialog

    def export_anthology(self, out: Path | None = None) -> Any:
        """Every letter from this letter's signer to its recipient, oldest first, with a title page."""
        from beautifulletters.export.batch import anthology_letter_ids
        from ui.printing.batch import BatchOptions, load_items
        from ui.printing.dialogs import BatchJob, start_batch

        letter_id = self.editor.letter_id
        if letter_id is None:
            self.show_error("Open one of the letters first: the anthology collects that correspondence.")
            return None
        letter = self.archive.get_letter(letter_id)
        signer = self.archive.get_person(letter["signer_id"])["display_name"]
        recipient = self.archive.get_person(letter["recipient_id"])["display_name"]
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Anthology", str(Path.home() / f"Letters to {recipient}.pdf"), "PDF (*.pdf)"
            )
            if not name:
                return None
            out = Path(name)
        try:
            ids = anthology_letter_ids(self.archive, letter["signer_id"], letter["recipient_id"])
            items = load_items(self.archive, ids)
        except BeautifulLettersError as error:
            self.show_error(str(error))
            return None
        job = BatchJob(items, out, BatchOptions(), anthology=True, title=f"Letters from {signer} to {recipient}")
        self._anthology_job = job
        return start_batch(
            job,
            self,
            on_done=lambda result: result and self.statusBar().showMessage(f"Wrote the anthology to {out}", 8000),
        )

    def open_preferences(self) -> None:
        from ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.archive, self.preferences, self)
        dialog.accepted.connect(self._preferences_changed)
        dialog.archive_requested.connect(self.switch_archive)
        dialog.open()
        self._open_dialog = dialog

    def _preferences_changed(self) -> None:
        self.preferences.save()
        # The reader shares these preferences; the setters also apply them to a reading under way.
        self.reader.set_voice(self.preferences.voice)
        self.reader.set_rate(self.preferences.speech_rate_wpm)
        self.reader.set_volume(self.preferences.speech_volume)
        self.editor.apply_preferences(self.preferences)
        self.upcoming_panel.refresh(self.archive, self.preferences.upcoming_days)
        self.person_panel.refresh()

    # ------------------------------------------------------------------ errors and state
    def show_error(self, message: str) -> None:
        """Errors in plain words, in the window: never a traceback."""
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "BeautifulLetters", message, QMessageBox.StandardButton.Ok, self)
        box.open()
        self._open_dialog = box

    def _refuse_if_readonly(self) -> bool:
        if self.archive.readonly:
            self.show_error("This archive is open read-only, so nothing can be changed here.")
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
        # Nothing to ask: everything typed is already in the archive; this saves the last keystrokes.
        # (A window closed before its desk was built has nothing to save or read: none is built now.)
        if self._editor is not None:
            self._editor.flush()
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
        if self._archive_check != "damaged":
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
