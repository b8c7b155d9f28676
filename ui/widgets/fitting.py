"""Text and buttons that give way to the room they get instead of pushing their column wider.

A QLabel that wraps still asks for the width of its longest word, and a QPushButton for the
whole of its text: on the empty desk's card a long name ("Letters with Maximiliane Wilhelmina
Augusta von Hohenzollern-Sigmaringen", "Write to Maximiliane …") made the card wider than the desk
at 1024×768, cut at its right edge with its buttons. These ask for their room but take less:
a label wraps (a word longer than the line is cut, and the whole text shows on hover), a button
cuts its text short with "…" (the whole of it on hover), and a row of buttons wraps onto more lines.
Buttons are placed by hand, not by a layout of our own: rebuilt pages must not hold layout items
PySide wraps (ui/widgets/rebuilt.py says why).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from ui.widgets.plain import CutLabel, menu_text, plain_tip

MIN_BUTTON_CHARS = 8  # a button cut short still shows this many characters' width of its text
MIN_NAME_CHARS = 3  # a name cut short inside a button's words keeps at least this much, else the end goes


def _mnemonic_split(text: str) -> tuple[str, int]:
    """A button's text as shown ('&&' is '&') and where its shortcut letter is (-1 for none)."""
    shown: list[str] = []
    mnemonic = -1
    index = 0
    while index < len(text):
        char = text[index]
        if char == "&" and index + 1 < len(text):
            following = text[index + 1]
            if following != "&" and mnemonic < 0:
                mnemonic = len(shown)
            shown.append(following)
            index += 2
            continue
        shown.append(char)
        index += 1
    return "".join(shown), mnemonic


def _with_mnemonic(shown: str, mnemonic: int) -> str:
    """Shown text back as a button's text: '&' doubled, the shortcut letter marked if it is still there."""
    out = []
    for index, char in enumerate(shown):
        if index == mnemonic and char != "…":
            out.append("&")
        out.append("&&" if char == "&" else char)
    return "".join(out)


class FittingLabel(CutLabel):
    """Plain text that wraps to the width it is given, never asking for more than a little of it.

    A word longer than the line (a long name in a narrow window) is cut at the edge; the whole
    text is then its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def is_cut(self) -> bool:
        room = self.contentsRect().width()
        metrics = self.fontMetrics()
        return any(metrics.horizontalAdvance(word) > room for word in self.text().split())


class FittingButton(QPushButton):
    """A button that asks for its whole text but takes less: the text is then cut short with "…"
    and shown whole on hover. `full_text()` is the text it was given ('&' marking the shortcut).

    Made with `template` ("An {name} &schreiben …") and `name`, it cuts the name short and keeps
    the words around it: "An Maximiliane Wilhelmina Au… schreiben …", not "An Maximiliane Wilh…"."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, template: str = "", name: str = "") -> None:
        super().__init__(parent)
        self._template = template
        self._name = name
        if template:
            text = template.format(name=menu_text(name))
        self._full = ""
        self._cut = False
        # A push button's width is at least its size hint (Minimum); this one may be narrower.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        super().setText(text)
        self._fit()

    def full_text(self) -> str:
        return self._full

    def is_cut(self) -> bool:
        return self._cut

    def _chrome(self) -> int:
        """The width the button takes beyond its text (padding, border)."""
        metrics = self.fontMetrics()
        return super().sizeHint().width() - metrics.horizontalAdvance(_mnemonic_split(self.text())[0])

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        whole = self.fontMetrics().horizontalAdvance(_mnemonic_split(self._full)[0])
        return QSize(self._chrome() + whole, hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        least = self._chrome() + self.fontMetrics().averageCharWidth() * MIN_BUTTON_CHARS
        return QSize(min(hint.width(), least), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        whole, mnemonic = _mnemonic_split(self._full)
        room = self.width() - self._chrome()
        metrics = self.fontMetrics()
        # elidedText cuts a text exactly as wide as the room (it measures in fractions): only a wider one
        fits = metrics.horizontalAdvance(whole) <= room
        shown = whole if fits else metrics.elidedText(whole, Qt.TextElideMode.ElideRight, max(room, 0))
        self._cut = shown != whole
        text = _with_mnemonic(shown, mnemonic) if self._cut else self._full
        # Only where words follow the name: "Write to Maximiliane Wil…" needs no second "…".
        words_after = self._template.partition("{name}")[2].strip(" …&")
        if self._cut and words_after:
            around = _mnemonic_split(self._template.format(name=""))[0]
            name_room = room - metrics.horizontalAdvance(around)
            if name_room >= metrics.horizontalAdvance(self._name[:MIN_NAME_CHARS] + "…"):
                name = metrics.elidedText(self._name, Qt.TextElideMode.ElideRight, name_room)
                text = self._template.format(name=menu_text(name))
        if text != self.text():
            super().setText(text)
        self.setToolTip(plain_tip(whole) if self._cut else "")
        if not self.accessibleName():
            self.setAccessibleName(whole)


class ButtonRow(QWidget):
    """Buttons side by side, going on to another line when the row is narrower than they are;
    a button wider than the whole row is cut short to it (a FittingButton says the rest on hover)."""

    SPACING = 8

    def __init__(self, buttons: Sequence[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = list(buttons)
        for button in self._buttons:
            button.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def sizeHint(self) -> QSize:
        hints = [button.sizeHint() for button in self._buttons]
        width = sum(hint.width() for hint in hints) + self.SPACING * max(len(hints) - 1, 0)
        return QSize(width, max((hint.height() for hint in hints), default=0))

    def minimumSizeHint(self) -> QSize:
        hints = [button.minimumSizeHint() for button in self._buttons]
        return QSize(
            max((hint.width() for hint in hints), default=0), max((hint.height() for hint in hints), default=0)
        )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(width, place=False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.width(), place=True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a button's hint changed (font, style)
            self.updateGeometry()
            self._arrange(self.width(), place=True)
        return super().event(event)

    def _arrange(self, width: int, *, place: bool) -> int:
        """Lays the buttons out in `width` (when `place`); returns the height they take."""
        x = y = line_height = 0
        for button in self._buttons:
            hint = button.sizeHint()
            button_width = max(min(hint.width(), width), 0)
            if x > 0 and x + button_width > width:
                x = 0
                y += line_height + self.SPACING
                line_height = 0
            if place:
                button.setGeometry(QRect(x, y, button_width, hint.height()))
            x += button_width + self.SPACING
            line_height = max(line_height, hint.height())
        return y + line_height


__all__ = ["ButtonRow", "FittingButton", "FittingLabel"]
