"""The panels beside the page: each can be hidden from the View menu (remembered). A panel the
writer ticked is always there at a width it can be used at: when the window is narrow the panels
narrow (the people list first) and the page scales to the room left; when there is room again
they widen back to the widths the writer gave them. Only a window too narrow for three columns
has the person's panel as a tab beside People and Upcoming."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSplitter, QTabWidget, QWidget

from beautifulletters.i18n import _

PAGE_ROOM = 600  # pixels the page's column is given before the side panels narrow for it
PAGE_MIN = 240  # the page's column is never narrower (the page scales down to it)
# Per panel (people list, person panel): narrowest it is made, and its width when there is room.
PANEL_MINS = (190, 260)
PANEL_WIDTHS = (280, 340)
PANEL_MIN = min(PANEL_MINS)
PEOPLE_LIST_MOST = 420  # the people list never asks for more than this for its names (it elides beyond)
NAME_ROOM_CHARS = 34  # names up to this long read whole in the people list, also in a narrow window
LONG_NAME_CHARS = 60  # and up to this long where the page keeps its room beside it
PAGE_SHARED = 360  # below this the page would be too small beside both panels: they share a column
WIDTHS_KEY = "window/side_widths"


class SidePanels(QObject):
    """Shows and sizes the splitter's side panels: what the writer chose, within the room there is."""

    def __init__(
        self,
        splitter: QSplitter,
        left: QWidget,
        right: QWidget,
        view_menu: QMenu,
        left_needs: Callable[[int], int] | None = None,
    ) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.panels = (left, right)
        # The width at which the left column shows what it lists whole (the people's names up to a
        # number of letters, in the window's language): it does not give way below the width for
        # NAME_ROOM_CHARS while the page and the other panel can.
        self.left_needs = left_needs or (lambda _chars: 0)
        settings = QSettings()
        self.actions: list[QAction] = []
        for panel, key, text, shortcut, least in (
            (left, "window/show_people", _("&People and upcoming"), "Ctrl+Alt+1", PANEL_MINS[0]),
            (right, "window/show_person_panel", _("About this perso&n"), "Ctrl+Alt+2", PANEL_MINS[1]),
        ):
            action = QAction(text, view_menu)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(shortcut))
            action.setChecked(bool(settings.value(key, True, type=bool)))
            action.setProperty("setting", key)
            action.toggled.connect(lambda on, key=key: self._chosen(key, on))
            self.actions.append(action)
            panel.setMinimumWidth(least)
        page = splitter.widget(1)
        if page is not None:
            page.setMinimumWidth(PAGE_MIN)
        # A panel never goes to nothing by a resize or a drag: only the View menu hides it.
        splitter.setChildrenCollapsible(False)
        for index in range(splitter.count()):
            splitter.setCollapsible(index, False)
        self.widths = self._remembered_widths()
        splitter.splitterMoved.connect(self._dragged)
        view_menu.addSeparator()
        view_menu.addActions(self.actions)
        self.suspended = False  # distraction-free writing: both panels away, whatever the room
        self.sharing = False  # the person's panel is a tab of the left column (a very narrow window)
        splitter.installEventFilter(self)
        self.arrange()

    @staticmethod
    def _remembered_widths() -> list[int]:
        """The widths the writer last dragged the panels to, each only if it is usable; else the
        defaults. (Not the splitter's saved sizes: those may be a narrow window's, or an older
        version's with a panel squeezed to nothing.)"""
        stored = QSettings().value(WIDTHS_KEY)
        widths = list(PANEL_WIDTHS)
        if isinstance(stored, list | tuple) and len(stored) == 2:
            for index, value in enumerate(stored):
                try:
                    width = int(value)
                except (TypeError, ValueError):
                    continue
                if width >= PANEL_MINS[index]:
                    widths[index] = width
        return widths

    @property
    def wanted(self) -> tuple[bool, bool]:
        """The writer's choice, panel by panel."""
        return self.actions[0].isChecked(), self.actions[1].isChecked()

    def _chosen(self, key: str, on: bool) -> None:
        QSettings().setValue(key, on)
        self.arrange()

    def _dragged(self, _pos: int, _index: int) -> None:
        """The writer moved a handle: the panels' new widths are theirs, kept for wider windows and restarts."""
        sizes = self.splitter.sizes()
        for index in (0, 1):
            if self.panels[index].isVisible():
                self.widths[index] = max(PANEL_MINS[index], sizes[index * 2])
        QSettings().setValue(WIDTHS_KEY, list(self.widths))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.arrange)  # once the splitter has its new width
        return False

    def least_widths(self) -> tuple[int, int]:
        """How narrow each panel is made for the page: the people list not below what its names
        need (up to PEOPLE_LIST_MOST), the person's panel not below its minimum."""
        return max(PANEL_MINS[0], min(self.left_needs(NAME_ROOM_CHARS), PEOPLE_LIST_MOST)), PANEL_MINS[1]

    def wanted_widths(self, least: tuple[int, int]) -> tuple[int, int]:
        """Each panel's width when there is room: the writer's, and the people list wide enough
        for names up to LONG_NAME_CHARS (up to PEOPLE_LIST_MOST)."""
        names = min(self.left_needs(LONG_NAME_CHARS), PEOPLE_LIST_MOST)
        return max(self.widths[0], least[0], names), max(self.widths[1], least[1])

    def target_sizes(self, width: int, shown: tuple[bool, bool]) -> list[int]:
        """The splitter's three sizes for `width`: each shown panel at the writer's width (the
        people list at least as wide as its names need) while the page keeps PAGE_ROOM; below that
        the people list narrows first, then the person panel, never below their least widths; the
        page has the rest."""
        room = width - self.splitter.handleWidth() * sum(shown)
        least = self.least_widths()
        wanted = self.wanted_widths(least)
        sides = [wanted[index] if shown[index] else 0 for index in (0, 1)]
        over = sum(sides) + PAGE_ROOM - room
        for index in (0, 1):  # the people list gives way first
            if over <= 0 or not shown[index]:
                continue
            give = min(over, sides[index] - least[index])
            if give > 0:
                sides[index] -= give
                over -= give
        return [sides[0], max(0, room - sides[0] - sides[1]), sides[1]]

    def arrange(self) -> None:
        """Each ticked panel shown (none while writing distraction-free) and sized for the room."""
        shown = (False, False) if self.suspended else self.wanted
        width = self.splitter.width()
        handles = self.splitter.handleWidth() * 2
        # Too narrow for three columns (1440×900 at 200 % is 720 px to Qt): the person's panel
        # becomes a tab beside People and Upcoming, so the page keeps a width it can be read at.
        share = all(shown) and 0 < width - handles - sum(self.least_widths()) < PAGE_SHARED
        if share != self.sharing:
            self._share(share)
        left, right = self.panels
        for panel, show in ((left, shown[0] or share), (right, shown[1])):
            if panel is right and share:
                continue  # a tab: its tab widget shows it when it is chosen
            if panel.isHidden() == show:
                panel.setVisible(show)
        if width <= 0:
            return
        if share:
            room = width - self.splitter.handleWidth()
            target = [PANEL_MINS[1], max(0, room - PANEL_MINS[1])]
        elif self.splitter.count() == 3:
            target = self.target_sizes(width, shown)
        else:
            return
        if self.splitter.sizes() != target:
            self.splitter.setSizes(target)

    def _share(self, share: bool) -> None:
        """Put the person's panel in the left column's tabs, or back in its own column."""
        left, right = self.panels
        if not isinstance(left, QTabWidget):
            return
        self.sharing = share
        if share:
            left.addTab(right, _("Person"))  # takes it out of the splitter; short, beside People and Upcoming
            return
        index = left.indexOf(right)
        if index >= 0:
            left.removeTab(index)
        self.splitter.insertWidget(2, right)
        self.splitter.setCollapsible(2, False)


__all__ = ["SidePanels", "PAGE_ROOM", "PANEL_MIN", "PANEL_MINS"]
