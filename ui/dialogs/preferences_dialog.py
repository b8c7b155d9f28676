"""Preferences: who you are (the default signer), how letters look, how they are read, and which archive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import desktop, validation
from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _, n_
from beautifulletters.preferences import Preferences
from beautifulletters.stationery import (
    BUNDLED_FONTS,
    INK_COLORS,
    PAGE_SIZES_MM,
    STATIONERY,
    ink_label,
    page_size_label,
    stationery_label,
)
from ui.dialogs.common import GuardedDialog, spin_box
from ui.language import window_languages
from ui.tasks import Failure, run_task
from ui.widgets.plain import plain_label


def _load_voices() -> list[tuple[str, str]]:
    """(id, readable name) of the installed voices; runs off the GUI thread (it starts the engine)."""
    from beautifulletters.speech.reading import list_voices

    return [
        (voice.id, _("{voice} ({language})").format(voice=voice.name, language=voice.language or _("unknown language")))
        for voice in list_voices()
    ]


class PreferencesDialog(GuardedDialog):
    archive_requested = Signal(Path)

    def __init__(self, archive: Archive, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.preferences = preferences
        self.setWindowTitle(_("Preferences"))
        self.setMinimumWidth(560)
        tabs = QTabWidget()

        # You: the default signer is a person in the archive.
        signer_id = archive.settings.default_signer_id()
        self.signer = archive.people.get(signer_id) if signer_id else None
        you = QWidget()
        you_form = QFormLayout(you)
        self.your_name = QLineEdit(self.signer.display_name if self.signer else "")
        self.your_name.setAccessibleName(_("Your name"))
        self.your_address = QPlainTextEdit("\n\n".join(self.signer.addresses) if self.signer else "")
        self.your_address.setTabChangesFocus(True)  # Tab moves on; these boxes never need a tab
        self.your_address.setAccessibleName(_("Your address"))
        self.your_address.setFixedHeight(80)
        self.signature_font = QComboBox()
        self.signature_font.setAccessibleName(_("Signature font"))
        self.signature_font.addItem(_("Same as the letter"), None)
        for font in BUNDLED_FONTS:
            self.signature_font.addItem(font.family, font.family)
        self.signature_font.setCurrentIndex(max(0, self.signature_font.findData(preferences.signature_font)))
        self.signature_image = QLineEdit(preferences.signature_image_path or "")
        self.signature_image.setAccessibleName(_("Signature image file"))
        self.signature_image.setPlaceholderText(_("Optional: a scan of your signature (PNG or JPEG)"))
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._choose_signature)
        signature_row = QHBoxLayout()
        signature_row.addWidget(self.signature_image, 1)
        signature_row.addWidget(browse)
        self.name_error = plain_label()
        self.name_error.setProperty("role", "error")
        self.name_error.hide()
        you_form.addRow(_("Your &name:"), self.your_name)
        you_form.addRow("", self.name_error)
        you_form.addRow(_("Your &address:"), self.your_address)
        you_form.addRow(_("Signature &font:"), self.signature_font)
        you_form.addRow(_("Signature &image:"), signature_row)
        image_label = you_form.labelForField(signature_row)
        if isinstance(image_label, QLabel):  # a row of several widgets gets no buddy: its "&" showed as is
            image_label.setBuddy(self.signature_image)
        tabs.addTab(you, _("You"))

        # Paper: the style a new letter starts with.
        paper = QWidget()
        paper_form = QFormLayout(paper)
        self.font_family = QComboBox()
        self.font_family.setAccessibleName(_("Default font"))
        for font in BUNDLED_FONTS:
            kind = _("handwriting") if font.kind == "handwriting" else _("book")
            self.font_family.addItem(_("{font} ({kind})").format(font=font.family, kind=kind), font.family)
        self.font_family.setCurrentIndex(max(0, self.font_family.findData(preferences.font_family)))
        self.stationery = QComboBox()
        self.stationery.setAccessibleName(_("Default stationery"))
        for key in STATIONERY:
            self.stationery.addItem(stationery_label(key), key)
        self.stationery.setCurrentIndex(max(0, self.stationery.findData(preferences.stationery)))
        self.page_size = QComboBox()
        self.page_size.setAccessibleName(_("Page size"))
        for size in PAGE_SIZES_MM:
            self.page_size.addItem(page_size_label(size), size)
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(preferences.page_size)))
        self.ink = QComboBox()
        self.ink.setAccessibleName(_("Ink colour"))
        for name in INK_COLORS:
            label = ink_label(name)
            self.ink.addItem(label[:1].upper() + label[1:], name)
        self.ink.setCurrentIndex(max(0, self.ink.findData(preferences.ink_color)))
        self.place = QLineEdit(preferences.place)
        self.place.setAccessibleName(_("Place for the date line"))
        self.place.setPlaceholderText(_("e.g. Springfield"))
        paper_form.addRow(_("&Font:"), self.font_family)
        paper_form.addRow(_("&Stationery:"), self.stationery)
        paper_form.addRow(_("&Page size:"), self.page_size)
        paper_form.addRow(_("&Ink:"), self.ink)
        paper_form.addRow(_("P&lace:"), self.place)
        tabs.addTab(paper, _("Paper"))

        # Reading aloud.
        reading = QWidget()
        reading_form = QFormLayout(reading)
        self.voice = QComboBox()
        self.voice.setAccessibleName(_("Voice"))
        self.voice.addItem(_("The letter's language (automatic)"), None)
        self.voice_status = plain_label(_("Looking for voices…"))
        self.rate = spin_box(QSpinBox(minimum=80, maximum=400, singleStep=10, suffix=_(" words a minute")))
        self.rate.setAccessibleName(_("Reading speed"))
        self.rate.setValue(preferences.speech_rate_wpm)
        self.volume = spin_box(QDoubleSpinBox(minimum=0.1, maximum=1.0, singleStep=0.1, decimals=1))
        self.volume.setAccessibleName(_("Volume"))
        self.volume.setValue(preferences.speech_volume)
        reading_form.addRow(_("&Voice:"), self.voice)
        reading_form.addRow("", self.voice_status)
        reading_form.addRow(_("S&peed:"), self.rate)
        reading_form.addRow(_("V&olume:"), self.volume)
        tabs.addTab(reading, _("Reading aloud"))
        run_task(
            _load_voices,
            owner=self,
            on_success=self._voices_loaded,
            on_failure=self._voices_failed,
            doing="listing the installed voices",
        )

        # Archive and behaviour.
        general = QWidget()
        general_form = QFormLayout(general)
        self.autosave = spin_box(QDoubleSpinBox(minimum=0.5, maximum=2.0, singleStep=0.5, decimals=1, suffix=" s"))
        self.autosave.setAccessibleName(_("Autosave delay"))
        self.autosave.setValue(min(max(preferences.autosave_seconds, 0.5), 2.0))
        self.upcoming_days = spin_box(QSpinBox(minimum=1, maximum=366, suffix=_(" days")))
        self.upcoming_days.setAccessibleName(_("Upcoming dates window"))
        self.upcoming_days.setValue(preferences.upcoming_days)
        self.login_reminders = QCheckBox(_("Remind me at login of dates coming up"))
        self.login_reminders.setToolTip(_("A desktop notification when you log in, even while the app is closed"))
        self.login_reminders.setChecked(preferences.login_reminders)
        self.remind_days = spin_box(QSpinBox(minimum=0, maximum=90, suffix=_(" days ahead")))
        self.remind_days.setAccessibleName(_("Remind this many days ahead"))
        self.remind_days.setValue(preferences.calendar_remind_days)
        self.mark_sent = QComboBox()
        self.mark_sent.setAccessibleName(_("Mark as sent after printing or exporting"))
        for label, value in ((_("Ask me"), None), (_("Yes, mark it sent"), "yes"), (_("No, leave it as it is"), "no")):
            self.mark_sent.addItem(label, value)
        self.mark_sent.setCurrentIndex(max(self.mark_sent.findData(preferences.mark_sent_on_export), 0))
        archive_label = plain_label(str(archive.path))
        archive_label.setWordWrap(True)
        open_button = QPushButton(_("Open another…"))
        open_button.clicked.connect(self._open_archive)
        new_button = QPushButton(_("Create a new one…"))
        new_button.clicked.connect(self._new_archive)
        archive_row = QHBoxLayout()
        archive_row.addWidget(open_button)
        archive_row.addWidget(new_button)
        archive_row.addStretch(1)
        general_form.addRow(_("Save &after typing stops:"), self.autosave)
        general_form.addRow(_("&Upcoming dates:"), self.upcoming_days)
        reminders_row = QHBoxLayout()
        reminders_row.addWidget(self.login_reminders)
        reminders_row.addWidget(self.remind_days)
        reminders_row.addStretch(1)
        general_form.addRow(_("Reminders:"), reminders_row)
        general_form.addRow(_("&Mark as sent after export:"), self.mark_sent)
        self.interface_language = QComboBox()
        self.interface_language.setAccessibleName(_("Language of the window"))
        self.interface_language.addItem(_("The system's language"), None)
        for code, name in window_languages():
            self.interface_language.addItem(name, code)
        self.interface_language.setCurrentIndex(
            max(self.interface_language.findData(preferences.interface_language), 0)
        )
        self.language_notice = plain_label(_("The window speaks the new language from its next start."))
        self.language_notice.setWordWrap(True)
        self.language_notice.hide()
        self.interface_language.currentIndexChanged.connect(
            lambda: self.language_notice.setVisible(
                self.interface_language.currentData() != preferences.interface_language
            )
        )
        general_form.addRow(_("&Language of the window:"), self.interface_language)
        general_form.addRow("", self.language_notice)
        self.appearance = QComboBox()
        self.appearance.setAccessibleName(_("Appearance"))
        for word, shown in (("system", _("As the system")), ("light", _("Light")), ("dark", _("Dark"))):
            self.appearance.addItem(shown, word)
        self.appearance.setCurrentIndex(max(self.appearance.findData(preferences.appearance), 0))
        general_form.addRow(_("Appea&rance:"), self.appearance)
        general_form.addRow(_("Archive file:"), archive_label)
        general_form.addRow("", archive_row)
        tabs.addTab(general, _("Archive"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _voices_loaded(self, voices: list[tuple[str, str]]) -> None:
        for voice_id, label in voices:
            self.voice.addItem(label, voice_id)
        index = self.voice.findData(self.preferences.voice)
        self.voice.setCurrentIndex(max(index, 0))
        self.voice_status.setText(
            n_("{count} voice installed.", "{count} voices installed.", len(voices)).format(count=len(voices))
        )

    def _voices_failed(self, failure: Failure) -> None:
        self.voice_status.setText(failure.message)

    def _choose_signature(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Signature image"), "", _("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.remember(self.signature_image)  # chosen, not typed: it counts as entered all the same
            self.signature_image.setText(path)

    def _open_archive(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open archive"),
            str(self.archive.path.parent),
            _("BeautifulLetters archives (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.close_anyway()  # nothing is saved: another archive is opened instead
            self.archive_requested.emit(Path(path))

    def _new_archive(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("New archive"),
            str(self.archive.path.parent / "letters.sqlite3"),
            _("BeautifulLetters archives (*.sqlite3)"),
        )
        if path:
            self.close_anyway()
            self.archive_requested.emit(Path(path))

    def accept(self) -> None:
        try:
            validation.text(self.your_name.text(), "name", required=True)
        except ValidationError as error:
            self.name_error.setText(
                _("Your name must not be empty.") if not self.your_name.text().strip() else str(error)
            )
            self.name_error.show()
            return
        if self.signer is not None and not self.archive.readonly:
            addresses = [
                block.strip("\n") for block in self.your_address.toPlainText().strip().split("\n\n") if block.strip()
            ]
            try:
                self.archive.people.update(self.signer.id, display_name=self.your_name.text(), addresses=addresses)
            except BeautifulLettersError as error:
                self.name_error.setText(str(error))
                self.name_error.show()
                return
        p = self.preferences
        p.signature_font = self.signature_font.currentData()
        p.signature_image_path = self.signature_image.text().strip() or None
        p.font_family = self.font_family.currentData()
        p.stationery = self.stationery.currentData()
        p.page_size = self.page_size.currentData()
        p.ink_color = self.ink.currentData()
        p.place = self.place.text().strip()
        p.voice = self.voice.currentData()
        p.speech_rate_wpm = self.rate.value()
        p.speech_volume = self.volume.value()
        p.autosave_seconds = self.autosave.value()
        p.upcoming_days = self.upcoming_days.value()
        p.mark_sent_on_export = self.mark_sent.currentData()
        p.calendar_remind_days = self.remind_days.value()
        p.interface_language = self.interface_language.currentData()
        p.appearance = self.appearance.currentData()
        try:
            if self.login_reminders.isChecked():
                desktop.install_autostart(p.calendar_remind_days)
            elif p.login_reminders:
                desktop.remove_autostart()
        except BeautifulLettersError as error:
            self.name_error.setText(str(error))
            self.name_error.show()
            return
        p.login_reminders = self.login_reminders.isChecked()
        super().accept()
