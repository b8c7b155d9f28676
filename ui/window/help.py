"""The Help menu: keyboard shortcuts (read from the window's own actions), how the app works, About."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import __version__
from beautifulletters.i18n import N_, _
from ui.widgets.plain import plain_tip
from ui.widgets.screen_fit import resize_within_screen
from ui.window.surface import WindowSurface

HOW_IT_WORKS = N_("""
<h3>How BeautifulLetters works</h3>
<p><b>People on the left.</b> Everyone you write to, with search as you type. The <i>Upcoming</i> tab
lists birthdays and anniversaries soon; <i>Write…</i> starts the letter for that day.</p>
<p><b>The letter in the centre.</b> It sits on its paper in your handwriting font. It saves itself as
you type: there is no Save to remember, and every version is kept (Letter ▸ History).</p>
<p><b>What you know on the right.</b> How you are related, the memories and notes you keep, their dates
and every letter between you. New letters draw on these, so the more you note, the more a draft sounds
like you.</p>
<p><b>Sending.</b> Read it aloud to hear how it sounds, then print it, export a PDF, or address an
envelope from the File menu. Mark it sent so next year's letter knows what you said.</p>
<p><b>Your archive is one file</b> on this computer, backed up automatically; File ▸ Backups restores
any of them.</p>
""")


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def shortcuts(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every action in the window's menus that has a shortcut."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {_plain(action.text())}")  # type: ignore[arg-type]
                continue
            if action.isSeparator() or id(action) in seen:
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                seen.add(id(action))
                rows.append((path, _plain(action.text()), keys))

    for action in window.findChildren(QMenu):
        if action.parent() is window.menuBar():  # type: ignore[attr-defined]
            walk(action, _plain(action.title()))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(_("Keyboard shortcuts"))
        resize_within_screen(self, 560, 520)
        rows = shortcuts(window)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([_("Menu"), _("Command"), _("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tip(value))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


class TextDialog(QDialog):
    def __init__(self, parent: QWidget, title: str, body_html: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 460)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(body_html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def about_html() -> str:
    """Version, and the licences of what the app bundles (its fonts and icons)."""
    from beautifulletters.stationery import BUNDLED_FONTS

    fonts = "".join(f"<li>{html.escape(str(name))}: SIL Open Font License</li>" for name in BUNDLED_FONTS)
    return (
        f"<h2>BeautifulLetters {html.escape(__version__)}</h2>"
        + _("<p>Personal letters, written with the people you write to in mind.</p>")
        + _("<p>Free software under the MIT licence.</p>")
        + _("<h4>Bundled handwriting and book fonts</h4><ul>{fonts}</ul>").format(fonts=fonts)
        + _("<p>Their full licence texts are in <code>resources/fonts/</code>, beside each font.</p>")
        + _(
            "<h4>Icons</h4><p>The app icon is drawn for BeautifulLetters and shared under CC BY 4.0 "
            "(see <code>resources/icons/README.md</code>).</p>"
        )
        + _("<p>Spelling through Hunspell's dictionaries (Enchant); speech through eSpeak NG.</p>")
    )


def add_help_menu(window: WindowSurface) -> QMenu:
    menu = window.menuBar().addMenu(_("&Help"))
    window.add_action(
        menu, _("&Keyboard shortcuts"), lambda: window.show_dialog(ShortcutsDialog(window)), "Ctrl+/", None
    )
    window.add_action(
        menu,
        _("&How BeautifulLetters works"),
        lambda: window.show_dialog(TextDialog(window, _("How BeautifulLetters works"), _(HOW_IT_WORKS))),
        QKeySequence.StandardKey.HelpContents,
        None,
    )
    menu.addSeparator()
    window.add_action(
        menu,
        _("&About BeautifulLetters"),
        lambda: window.show_dialog(TextDialog(window, _("About"), about_html())),
        None,
    )
    return menu


__all__ = ["QAction", "QLabel", "add_help_menu", "shortcuts"]
