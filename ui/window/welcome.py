"""What the window shows before anything is chosen: the empty desk and the welcome hint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from beautifulletters.i18n import _
from ui.widgets.plain import plain_label
from ui.window.surface import WindowSurface

if TYPE_CHECKING:
    from ui.window.about_you import AboutYou


class WelcomeHint(QWidget):
    """The first-start hint above everything, on an archive that holds the sample."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.hint_label = plain_label(
            _(
                "Welcome. This archive starts with a sample: Chris writing to his wife Loretta, with their "
                "memories and past letters. Choose Loretta, then Letter ▸ New letter… (Ctrl+N) to draft their 50th "
                "anniversary letter. Add your own people with Person ▸ Add person…; remove the sample any time "
                "from the Person menu."
            )
        )
        self.hint_label.setWordWrap(True)
        self.hint_label.setProperty("role", "hint")
        dismiss = QPushButton(_("Got it"))
        dismiss.setAccessibleName(_("Dismiss the welcome hint"))
        dismiss.clicked.connect(lambda _checked=False: self.dismissed.emit())
        layout.addWidget(self.hint_label, 1)
        layout.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)


def add_banners(window: WindowSurface, layout: QVBoxLayout) -> tuple[AboutYou, WelcomeHint]:
    """The first start's banners above the desk: who is writing, then the sample's hint."""
    from ui.window.about_you import AboutYou

    about_you = AboutYou(window)
    hint = WelcomeHint()
    hint.dismissed.connect(window.dismiss_hint)
    layout.addWidget(about_you)
    layout.addWidget(hint)
    return about_you, hint
