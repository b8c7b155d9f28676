"""The first start's one small step: who is writing (name, how they sign, return address).

Shown above the desk, not as a modal dialog, so it never stands between a person and the app:
it can be filled in, skipped, or simply ignored. Until then letters are signed "Me".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.records import PersonFields
from ui.widgets.plain import plain_label
from ui.window.surface import WindowSurface

DEFAULT_SELF_NAME = "Me"  # the name a new archive gives its writer


class AboutYou(QWidget):
    """Name, signature and return address of the person who writes the letters."""

    saved = Signal(str, str, str)  # name, how they sign, return address
    skipped = Signal()

    def __init__(self, window: WindowSurface) -> None:
        super().__init__(window)
        self.window_ = window
        self.saved.connect(self._store)
        self.skipped.connect(self.skip)
        window.archive_changed.connect(lambda: self.setVisible(self.needed()))
        self.setObjectName("aboutYou")
        self.setAccessibleName(_("About you"))
        intro = plain_label(
            _(
                "Welcome to BeautifulLetters. Before your first letter: who is writing? "
                "This signs your letters and goes on your envelopes. You can change it any time (Person ▸ Edit person)."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.name = QLineEdit(placeholderText=_("e.g. Margaret Hale"))
        self.name.setAccessibleName(_("Your name"))
        self.signs_as = QLineEdit(placeholderText=_("e.g. Maggie — how you sign your letters"))
        self.signs_as.setAccessibleName(_("How you sign"))
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(_("Your return address, for envelopes (optional)"))
        self.address.setAccessibleName(_("Your return address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.error = plain_label()
        self.error.setProperty("role", "error")
        self.error.hide()
        # Compact: the intro and buttons on one row, the three fields on the next, so the page
        # keeps its room even at 1024×768.
        names = QFormLayout()
        names.addRow(_("Your &name:"), self.name)
        names.addRow(_("You &sign as:"), self.signs_as)
        where = QFormLayout()
        where.addRow(_("Return &address:"), self.address)
        fields = QHBoxLayout()
        fields.addLayout(names, 1)
        fields.addLayout(where, 1)
        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        self.skip_button = QPushButton(_("Skip for now"))
        self.skip_button.clicked.connect(lambda _checked=False: self.skipped.emit())
        self.name.returnPressed.connect(self._save)
        self.signs_as.returnPressed.connect(self._save)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addLayout(top)
        layout.addLayout(fields)
        layout.addWidget(self.error)
        self.setVisible(self.needed())

    def _save(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.error.setText(_("Type your name, or choose Skip for now."))
            self.error.show()
            self.name.setFocus()
            return
        self.error.hide()
        self.saved.emit(name, " ".join(self.signs_as.text().split()), self.address.toPlainText().strip())

    def needed(self) -> bool:
        """True on a first start: the writer is still "Me" and has not skipped the question."""
        window = self.window_
        if window.archive.readonly or window.preferences.extra.get("about_you_asked"):
            return False
        signer = window.archive.settings.default_signer_id()
        if signer is None:
            return False
        return window.archive.people.get(signer).display_name == DEFAULT_SELF_NAME

    def _store(self, name: str, signs_as: str, address: str) -> None:
        window = self.window_
        signer = window.archive.settings.default_signer_id()
        if window.refuse_if_readonly() or signer is None:
            return
        fields = PersonFields(display_name=name, nickname=signs_as or None)
        if address:
            fields["addresses"] = [address]
        try:
            window.archive.people.update(signer, **fields)
        except BeautifulLettersError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.skip()
        window.statusBar().showMessage(
            _("Your letters will be signed {name}.").format(name=signs_as or name.split()[0]), 8000
        )
        window.refresh_people(window.current_person_id())

    def skip(self) -> None:
        """Put the question away for good (it is asked once)."""
        self.hide()
        window = self.window_
        window.preferences.extra["about_you_asked"] = True
        window.preferences.save()
        # Then the sample's hint, if it is still wanted (one banner at a time).
        window.hint.setVisible(not window.preferences.first_start_hint_dismissed and window.archive.people.has_sample())
