"""The read-aloud actions for the toolbar and the Letter menu: Play/Pause, Stop, skip, read selection, export, voice."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar, QToolButton, QWidget

from beautifulletters.i18n import N_, _
from beautifulletters.speech import VoiceInfo
from ui.reading.reader import ReadAloudController, ReaderState
from ui.resources import icon as load_icon

SPEEDS = ((N_("Slow"), 140), (N_("Normal"), 175), (N_("Brisk"), 215), (N_("Fast"), 260))
VOLUMES = ((N_("Quiet"), 0.4), (N_("Medium"), 0.7), (N_("Full"), 1.0))


class ReaderActions(QObject):
    """QActions bound to a ReadAloudController; the window places them (see `toolbar_actions`, `fill_menu`)."""

    def __init__(self, controller: ReadAloudController, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self._parent = parent
        # Each action's own tooltip, restored when reading becomes available again.
        self._tooltips: dict[QAction, str] = {}

        def action(
            text: str,
            icon: str | None,
            shortcuts: list[QKeySequence],
            slot: Callable[[], None],
            tip: str,
        ) -> QAction:
            item = QAction(text, parent)
            if icon is not None:
                item.setIcon(load_icon(icon))
            item.setShortcuts(shortcuts)
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            item.setStatusTip(tip)
            item.setToolTip(
                f"{tip} ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})" if shortcuts else tip
            )
            self._tooltips[item] = item.toolTip()
            item.triggered.connect(slot)
            return item

        key = QKeySequence
        self.play_pause = action(
            _("Read aloud"),
            "play",
            [key("Ctrl+Shift+Space"), key(Qt.Key.Key_MediaTogglePlayPause)],
            controller.toggle,
            _("Read the letter aloud from the cursor, or the selection"),
        )
        self.stop = action(
            _("Stop reading"),
            "stop",
            [key("Ctrl+Shift+."), key(Qt.Key.Key_MediaStop)],
            controller.stop,
            _("Stop reading aloud"),
        )
        self.next_sentence = action(
            _("Next sentence"),
            "next",
            [key("Ctrl+Alt+."), key(Qt.Key.Key_MediaNext)],
            controller.next_sentence,
            _("Skip to the next sentence"),
        )
        self.previous_sentence = action(
            _("Previous sentence"),
            "previous",
            [key("Ctrl+Alt+,"), key(Qt.Key.Key_MediaPrevious)],
            controller.previous_sentence,
            _("Go back to the previous sentence"),
        )
        self.read_selection = action(
            _("Read selection aloud"),
            None,
            [key("Ctrl+Alt+Space")],
            controller.read_selection,
            _("Read only the selected text aloud"),
        )
        self.read_all = action(
            _("Read whole letter aloud"), None, [], controller.read_all, _("Read the letter aloud from the top")
        )
        self.export_reading = action(
            _("Export reading…"), None, [], self._ask_and_export, _("Save the letter read aloud as an audio file")
        )
        # Tests and the window may replace this to skip the file dialog.
        self.ask_export_path: Callable[[], str | None] = self._export_dialog

        self.voice_menu = QMenu(_("Reading voice"), parent)
        self.voice_menu.aboutToShow.connect(self._load_voices_once)
        self._voice_group = QActionGroup(self)
        self._voices_requested = False
        self.speed_menu = self._choice_menu(
            _("Reading speed"),
            SPEEDS,
            controller.rate,
            controller.set_rate,
            lambda value: _("{count} words a minute").format(count=value),
        )
        self.volume_menu = self._choice_menu(
            _("Reading volume"),
            VOLUMES,
            controller.volume,
            controller.set_volume,
            lambda value: f"{round(value * 100)}%",
        )

        controller.stateChanged.connect(self._on_state)
        controller.availabilityChanged.connect(lambda _available: self._refresh())
        controller.voicesLoaded.connect(self._fill_voices)
        self._refresh()

    # ------------------------------------------------------------------ placing
    def toolbar_actions(self) -> list[QAction]:
        return [self.previous_sentence, self.play_pause, self.stop, self.next_sentence]

    def menu_actions(self) -> list[QAction | None]:
        """For the Letter menu, in order; None marks a separator."""
        return [
            self.play_pause,
            self.stop,
            self.previous_sentence,
            self.next_sentence,
            None,
            self.read_selection,
            self.read_all,
            self.export_reading,
        ]

    def add_to_toolbar(self, toolbar: QToolBar) -> None:
        toolbar.addActions(self.toolbar_actions())
        # The player's buttons speak for themselves (their tooltips name them); only Read aloud has words.
        for action in self.toolbar_actions():
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton) and action is not self.play_pause:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def fill_menu(self, menu: QMenu) -> None:
        """Add the reading actions and the voice, speed and volume submenus to `menu`."""
        for item in self.menu_actions():
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)
        menu.addMenu(self.voice_menu)
        menu.addMenu(self.speed_menu)
        menu.addMenu(self.volume_menu)

    def all_actions(self) -> list[QAction]:
        return [a for a in self.menu_actions() if a is not None]

    # ------------------------------------------------------------------ state
    def _on_state(self, state: str) -> None:
        if state == ReaderState.PLAYING:
            self.play_pause.setText(_("Pause reading"))
            self.play_pause.setIcon(load_icon("pause"))
        else:
            self.play_pause.setText(_("Resume reading") if state == ReaderState.PAUSED else _("Read aloud"))
            self.play_pause.setIcon(load_icon("play"))
        self._refresh()

    def _refresh(self) -> None:
        available = self.controller.available
        reading = self.controller.state != ReaderState.STOPPED
        for item in self.all_actions():
            enabled = available and (reading or item not in (self.stop, self.next_sentence, self.previous_sentence))
            item.setEnabled(enabled)
            # Disabled for want of the engine: the tooltip says what to install.
            reason = self.controller.unavailable_reason
            item.setToolTip(reason if not available and reason else self._tooltips[item])
            if not available and reason:
                item.setStatusTip(reason)
        for menu in (self.voice_menu, self.speed_menu, self.volume_menu):
            menu.setEnabled(available)
            menu.setToolTip(self.controller.unavailable_reason or "")

    # ------------------------------------------------------------------ export
    def _export_dialog(self) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._parent,
            _("Export Reading"),
            "letter-reading.wav",
            _("WAV audio (*.wav);;Ogg Vorbis (*.ogg);;FLAC (*.flac);;MP3 (*.mp3)"),
        )
        return path or None

    def _ask_and_export(self) -> None:
        path = self.ask_export_path()
        if path:
            self.controller.export(path)

    # ------------------------------------------------------------------ choices
    def _choice_menu(
        self,
        title: str,
        choices: tuple[tuple[str, float], ...],
        current: float,
        choose: Callable[..., None],
        describe: Callable[..., str],
    ) -> QMenu:
        menu = QMenu(title, self._parent)
        group = QActionGroup(menu)
        for label, value in choices:
            item = menu.addAction(f"{_(label)} ({describe(value)})")
            item.setCheckable(True)
            item.setChecked(abs(float(current) - float(value)) < 1e-6)
            item.triggered.connect(lambda _checked=False, v=value: choose(v))
            group.addAction(item)
        return menu

    def _load_voices_once(self) -> None:
        if not self._voices_requested and self.controller.available:
            self._voices_requested = True
            loading = self.voice_menu.addAction(_("Looking for voices…"))
            loading.setEnabled(False)
            self.controller.load_voices()

    def _fill_voices(self, groups: list[tuple[str, list[VoiceInfo]]]) -> None:
        self.voice_menu.clear()
        default = self.voice_menu.addAction(_("The engine's default voice"))
        default.setCheckable(True)
        default.setChecked(self.controller.voice is None)
        default.triggered.connect(lambda: self.controller.set_voice(None))
        self._voice_group.addAction(default)
        self.voice_menu.addSeparator()
        for label, voices in groups:
            submenu = self.voice_menu.addMenu(label)
            for voice in voices:
                item = submenu.addAction(voice.name)
                item.setCheckable(True)
                item.setChecked(voice.id == self.controller.voice)
                item.setData(voice.id)
                item.triggered.connect(lambda _checked=False, v=voice.id: self.controller.set_voice(v))
                self._voice_group.addAction(item)
