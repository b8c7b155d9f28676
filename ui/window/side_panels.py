"""The panels beside the page: each can be hidden from the View menu (remembered), and when the
window is narrow they give way to the page, the person's panel first, and come back when there is room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSplitter, QWidget

from beautifulletters.i18n import _

PAGE_ROOM = 600  # pixels the page's column keeps before a side panel steps aside
PANEL_MIN = 240  # narrowest a side panel is made before it steps aside
PANEL_WIDTH = 300  # a side panel's width when there is room


class SidePanels(QObject):
    """Shows and hides the splitter's side panels: what the writer chose, within the room there is."""

    def __init__(self, splitter: QSplitter, left: QWidget, right: QWidget, view_menu: QMenu) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.panels = (left, right)
        settings = QSettings()
        self.actions: list[QAction] = []
        for panel, key, text, shortcut in (
            (left, "window/show_people", _("&People and upcoming"), "Ctrl+Alt+1"),
            (right, "window/show_person_panel", _("About this perso&n"), "Ctrl+Alt+2"),
        ):
            action = QAction(text, view_menu)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(shortcut))
            action.setChecked(bool(settings.value(key, True, type=bool)))
            action.setProperty("setting", key)
            action.toggled.connect(lambda on, key=key: self._chosen(key, on))
            self.actions.append(action)
            panel.setMinimumWidth(PANEL_MIN)
        view_menu.addSeparator()
        view_menu.addActions(self.actions)
        self.suspended = False  # distraction-free writing: both panels away, whatever the room
        splitter.installEventFilter(self)
        self.arrange()

    @property
    def wanted(self) -> tuple[bool, bool]:
        """The writer's choice, panel by panel (room aside)."""
        return self.actions[0].isChecked(), self.actions[1].isChecked()

    def _chosen(self, key: str, on: bool) -> None:
        QSettings().setValue(key, on)
        self.arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.arrange)  # once the splitter has its new width
        return False

    def arrange(self) -> None:
        """Each wanted panel shown if the page keeps its room, the person's panel stepping aside first;
        shown panels narrowed (not below PANEL_MIN) when the page's column is too narrow."""
        width = self.splitter.width()
        show_left, show_right = (False, False) if self.suspended else self.wanted
        handles = self.splitter.handleWidth() * 2
        if show_right and width - handles < PAGE_ROOM + PANEL_MIN * (1 + show_left):
            show_right = False
        if show_left and width - handles < PAGE_ROOM + PANEL_MIN:
            show_left = False
        left, right = self.panels
        for panel, show in ((left, show_left), (right, show_right)):
            if panel.isHidden() == show:
                panel.setVisible(show)
        sizes = self.splitter.sizes()
        if len(sizes) != 3:
            return
        sides = show_left + show_right
        if sides and sizes[1] < PAGE_ROOM:
            side = max(PANEL_MIN, min(PANEL_WIDTH, (width - handles - PAGE_ROOM) // sides))
            new = [side if show_left else 0, 0, side if show_right else 0]
            new[1] = max(0, width - handles - new[0] - new[2])
            self.splitter.setSizes(new)


__all__ = ["SidePanels", "PAGE_ROOM"]
