"""The desk with no letter on it: what to do next, not a brown box.

Home: the nearest occasions, each with Write…, the letters last worked on, and New letter.
A person chosen who has no draft: the letters between you (open one with a click), and Write.
It holds only buttons: nothing here takes typing (there is nowhere for it to be saved).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from beautifulletters.i18n import _
from beautifulletters.records import UpcomingDate
from ui.desk import desk_color
from ui.widgets.fitting import ButtonRow, FittingButton, FittingLabel
from ui.widgets.plain import menu_text
from ui.widgets.rebuilt import RebuiltPage, add_row

CARD_WIDTH = 560  # the card of paper on the desk, at most this wide
CARD_PADDING = 28
# The card is paper whatever the theme: dark ink on cream, like the page it stands for.
CARD_STYLE = """
QFrame#deskCard { background: #fbf5e6; border-radius: 10px; }
QFrame#deskCard QLabel { color: #2e2823; background: transparent; }
QFrame#deskCard QLabel[role="deskHeading"] { font-size: 17pt; font-family: "EB Garamond"; }
QFrame#deskCard QLabel[role="deskSection"] { color: #7a6d62; font-weight: 600; margin-top: 12px; }
QFrame#deskCard QLabel[role="deskQuiet"] { color: #7a6d62; }
QFrame#deskCard QPushButton {
    background: #fffaf2; color: #2e2823; border: 1px solid #dccfbd; border-radius: 6px; padding: 5px 12px;
}
QFrame#deskCard QPushButton:hover, QFrame#deskCard QPushButton:focus { border-color: #c8573f; }
QFrame#deskCard QPushButton[accent="true"] { background: #c8573f; color: #ffffff; border-color: #c8573f; }
QFrame#deskCard QPushButton[role="deskLink"] {
    background: transparent; border: none; color: #1e2a4a; text-align: left; padding: 4px 2px;
}
QFrame#deskCard QPushButton[role="deskLink"]:hover,
QFrame#deskCard QPushButton[role="deskLink"]:focus { text-decoration: underline; color: #c8573f; }
"""


@dataclass(frozen=True)
class Occasion:
    """One upcoming date as the desk shows it: its words and the item Write… is for."""

    text: str
    item: UpcomingDate


@dataclass(frozen=True)
class LetterLine:
    """One letter as a line on the desk: its words and its id."""

    text: str
    letter_id: int


class EmptyDesk(QScrollArea):
    """The centre when no letter is open; the window fills it (ui.window.desk_room.DeskRoom)."""

    write_requested = Signal(object)  # the UpcomingDate Write… is for
    open_requested = Signal(int)  # a letter id
    new_letter_requested = Signal(object)  # the person to write to, or None for whoever is chosen
    home_requested = Signal()  # back from a person's letters to the desk's overview

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyDesk")
        self.setAccessibleName(_("The desk"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inside = QWidget()
        inside.setObjectName("emptyDeskInside")
        inside.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # its background from the sheet below
        self.inside = inside
        self._follow_desk_color()
        outer = QVBoxLayout(inside)
        outer.setContentsMargins(24, 32, 24, 32)
        centred = QHBoxLayout()
        outer.addLayout(centred)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("deskCard")
        self.card.setStyleSheet(CARD_STYLE)
        self.card.setMaximumWidth(CARD_WIDTH)
        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        centred.addStretch(1)
        centred.addWidget(self.card, 100)
        centred.addStretch(1)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(CARD_PADDING, 22, CARD_PADDING, 24)
        # Rebuilt whole each time it changes (ui/widgets/rebuilt.py says why: taken apart widget by
        # widget, it crashed the app now and then as people were chosen in the list).
        self.content = RebuiltPage(spacing=4)
        card_layout.addWidget(self.content)
        self.lines: QVBoxLayout  # the layout of the page being built (see _clear)
        self.setWidget(inside)
        self.person_id: int | None = None  # whose letters are shown, None on the overview
        self.show_home([], [], _("Looking for dates in the coming days…"), recent=True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._follow_desk_color()  # light or dark switched: the desk follows, the card stays paper

    def _follow_desk_color(self) -> None:
        desk = desk_color().name()
        sheet = (
            f"QScrollArea#emptyDesk {{ border: none; background: {desk}; }}"
            f"QWidget#emptyDeskInside {{ background: {desk}; }}"
        )
        if self.styleSheet() != sheet:  # the same sheet again would come back as another PaletteChange
            self.setStyleSheet(sheet)

    # ------------------------------------------------------------------ what it shows
    def show_home(
        self, occasions: Sequence[Occasion], letters: Sequence[LetterLine], no_occasions: str, *, recent: bool
    ) -> None:
        """The overview: occasions coming up, letters worked on (`recent`) or the latest ones, New letter."""
        self.person_id = None
        self._clear()
        self._heading(_("Your desk"))
        self._section(_("Coming up"))
        if not occasions:
            self._quiet(no_occasions)
        for occasion in occasions:
            self._occasion(occasion)
        self._section(_("Letters you worked on") if recent else _("Latest letters"))
        if not letters:
            self._quiet(_("No letters yet."))
        for line in letters:
            self._letter(line)
        self._buttons((FittingButton(_("&New letter…")), lambda: self.new_letter_requested.emit(None), True))

    def show_person(self, person_id: int, name: str, letters: Sequence[LetterLine]) -> None:
        """A person chosen who has no draft: the letters between you, and Write."""
        self.person_id = person_id
        self._clear()
        self._heading(_("Letters with {name}").format(name=name))
        if not letters:
            self._quiet(_("No letters with {name} yet.").format(name=name))
        for line in letters:
            self._letter(line)
        self._buttons(
            (
                # A long name is cut short in a narrow card, keeping the words around it.
                FittingButton(template=_("&Write to {name}…"), name=name),
                lambda: self.new_letter_requested.emit(person_id),
                True,
            ),
            (FittingButton(_("Back to your &desk")), self.home_requested.emit, False),
        )

    # ------------------------------------------------------------------ parts
    def _clear(self) -> None:
        self.lines = self.content.start()

    def _label(self, text: str, role: str) -> QLabel:
        # Names and titles are archive text: plain, never markup; wrapped to the card, never widening it.
        label = FittingLabel(text)
        label.setProperty("role", role)
        self.lines.addWidget(label)
        return label

    def _heading(self, text: str) -> None:
        self._label(text, "deskHeading").setAccessibleName(text)

    def _section(self, text: str) -> None:
        self._label(text, "deskSection")

    def _quiet(self, text: str) -> None:
        self._label(text, "deskQuiet")

    def _occasion(self, occasion: Occasion) -> None:
        line = add_row(self.lines)
        line.setSpacing(12)
        label = FittingLabel(occasion.text)
        button = QPushButton(_("Write…"))
        button.setAccessibleName(_("Write for {occasion}").format(occasion=occasion.text))
        button.clicked.connect(lambda _checked=False, item=occasion.item: self.write_requested.emit(item))
        line.addWidget(label, 1)
        line.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _letter(self, line: LetterLine) -> None:
        # One line each: a title longer than the card is wide is cut short with "…" (whole on hover).
        button = FittingButton(menu_text(line.text))
        button.setProperty("role", "deskLink")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setAccessibleName(line.text)
        button.clicked.connect(lambda _checked=False, letter_id=line.letter_id: self.open_requested.emit(letter_id))
        self.lines.addWidget(button)

    def _buttons(self, *buttons: tuple[FittingButton, Callable[[], object], bool]) -> None:
        made = []
        for button, slot, accent in buttons:
            if accent:
                button.setProperty("accent", "true")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            made.append(button)
        self.lines.addSpacing(16)
        self.lines.addWidget(ButtonRow(made))  # on two lines where they do not fit on one

    def buttons(self) -> list[QPushButton]:
        """Every button on the card, top to bottom (for tests and the keyboard)."""
        return self.card.findChildren(QPushButton)


__all__ = ["EmptyDesk", "LetterLine", "Occasion"]
