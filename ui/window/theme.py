"""A letter writer's desk: warm cream paper, soft coral accent; light or dark as chosen, else as the system."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from beautifulletters import APP_NAME
from beautifulletters.preferences import Preferences

LIGHT = {
    "window": "#f4ece0",
    "base": "#fffaf2",
    "alternate": "#f8f1e6",
    "text": "#2e2823",
    "muted": "#7a6d62",
    "accent": "#c8573f",
    "accent_text": "#ffffff",
    "border": "#dccfbd",
    "desk": "#e9dfd0",
}
DARK = {
    "window": "#26211d",
    "base": "#2f2924",
    "alternate": "#342d27",
    "text": "#efe6da",
    "muted": "#b3a595",
    "accent": "#e4826a",
    "accent_text": "#1e1915",
    "border": "#4a4037",
    "desk": "#1f1b18",
}


# Lucide's chevrons (ISC, as the toolbar's icons): the arrows of drop-down lists and spin boxes.
_CHEVRONS = {"down": "m6 9 6 6 6-6", "up": "m18 15-6-6-6 6"}
_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
    'stroke="{color}" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"><path d="{path}"/></svg>'
)


def arrow_files(c: dict[str, str]) -> dict[str, str] | None:
    """The drop-down and spin box arrows in the theme's text and muted colours, as files a style
    sheet can name (it takes no inline pictures): {"down": path, "up": path, "down_off": path,
    "up_off": path}. None when they cannot be written; the boxes then keep Qt's own buttons."""
    folder = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "arrows"
    files = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, path in _CHEVRONS.items():
            for suffix, color in (("", c["text"]), ("_off", c["muted"])):
                file = folder / f"{name}-{color.lstrip('#')}.svg"
                text = _SVG.format(color=color, path=path)
                if not file.is_file() or file.read_text(encoding="utf-8") != text:
                    file.write_text(text, encoding="utf-8")
                files[name + suffix] = file.as_posix()
    except OSError:
        return None
    return files


def _box_buttons(c: dict[str, str]) -> str:
    """Flat drop-down and spin buttons inside the rounded boxes: with the boxes' borders set by the
    style sheet, Qt drew them as raised 1990s bevels over the corner, and spin boxes lost their arrows."""
    arrows = arrow_files(c)
    if arrows is None:
        return ""
    return f"""
        QComboBox::drop-down, QDateTimeEdit::drop-down {{
            subcontrol-origin: padding; subcontrol-position: center right; width: 20px; border: none;
        }}
        QComboBox::down-arrow, QDateTimeEdit::down-arrow, QAbstractSpinBox::down-arrow {{
            image: url("{arrows["down"]}"); width: 14px; height: 14px;
        }}
        QComboBox::down-arrow:disabled, QDateTimeEdit::down-arrow:disabled, QAbstractSpinBox::down-arrow:disabled {{
            image: url("{arrows["down_off"]}");
        }}
        QAbstractSpinBox::up-arrow {{ image: url("{arrows["up"]}"); width: 12px; height: 12px; }}
        QAbstractSpinBox::up-arrow:disabled {{ image: url("{arrows["up_off"]}"); }}
        QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
            subcontrol-origin: border; width: 20px; border: none; background: transparent;
        }}
        QAbstractSpinBox::up-button {{ subcontrol-position: top right; margin-top: 2px; }}
        QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; margin-bottom: 2px; }}
        """


_desktop_palette: QPalette | None = None  # the desktop's own, as it was before the app set its own


def desktop_palette() -> QPalette:
    """The palette the desktop gave the app (kept from before apply_theme first replaced it)."""
    global _desktop_palette
    if _desktop_palette is None:
        _desktop_palette = QPalette(QGuiApplication.palette())
    return _desktop_palette


def system_prefers_dark() -> bool:
    """The desktop's colour scheme where it says one; else whether its palette is dark (desktops
    and platform themes that set a dark palette but report no scheme: the window stayed light)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return desktop_palette().color(QPalette.ColorRole.Window).lightness() < 128


def colors(dark: bool) -> dict[str, str]:
    return DARK if dark else LIGHT


def follow_appearance(app: QApplication, preferences: Preferences) -> None:
    """Light or dark as the writer chose in Preferences, else as the desktop says, also when the
    desktop switches later (the connection asks the preference again each time)."""
    apply_theme(app, preferences.dark_appearance())
    if not app.property("followsAppearance"):
        app.setProperty("followsAppearance", True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app, preferences.dark_appearance()))


def apply_theme(app: QApplication, dark: bool | None = None) -> dict[str, str]:
    """Apply the light or dark palette (None: follow the system) and the app's style sheet."""
    desktop_palette()  # kept before it is replaced: "as the system" may ask it later
    if dark is None:
        dark = system_prefers_dark()
    c = colors(dark)
    app.setStyle("Fusion")  # the same look everywhere, so the warm palette is honoured
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, QColor(c["window"]))
    palette.setColor(role.WindowText, QColor(c["text"]))
    palette.setColor(role.Base, QColor(c["base"]))
    palette.setColor(role.AlternateBase, QColor(c["alternate"]))
    palette.setColor(role.Text, QColor(c["text"]))
    palette.setColor(role.Button, QColor(c["window"]))
    palette.setColor(role.ButtonText, QColor(c["text"]))
    palette.setColor(role.Highlight, QColor(c["accent"]))
    palette.setColor(role.HighlightedText, QColor(c["accent_text"]))
    palette.setColor(role.ToolTipBase, QColor(c["base"]))
    palette.setColor(role.ToolTipText, QColor(c["text"]))
    palette.setColor(role.PlaceholderText, QColor(c["muted"]))
    palette.setColor(role.Link, QColor(c["accent"]))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c["muted"]))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c["muted"]))
    app.setPalette(palette)
    app.setStyleSheet(
        f"""
        QMainWindow, QDialog {{ background: {c["window"]}; }}
        QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit, QSpinBox, QDoubleSpinBox {{
            border: 1px solid {c["border"]}; border-radius: 6px; padding: 5px 8px;
            background: {c["base"]}; selection-background-color: {c["accent"]};
        }}
        QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 1px solid {c["accent"]}; }}
        QComboBox QLineEdit {{ border: none; padding: 0px; margin: 0px; background: transparent; }}
        QPushButton {{
            border: 1px solid {c["border"]}; border-radius: 6px; padding: 6px 14px; background: {c["base"]};
        }}
        QPushButton:hover {{ border-color: {c["accent"]}; }}
        QPushButton:default, QPushButton[accent="true"] {{
            background: {c["accent"]}; color: {c["accent_text"]}; border-color: {c["accent"]};
        }}
        QPushButton:default:disabled, QPushButton[accent="true"]:disabled {{
            background: {c["base"]}; color: {c["muted"]}; border-color: {c["border"]};
        }}
        QListView, QTableView, QListWidget, QTreeView {{
            border: 1px solid {c["border"]}; border-radius: 8px; background: {c["base"]};
            alternate-background-color: {c["alternate"]}; outline: none;
        }}
        QListView::item, QTableView::item, QListWidget::item {{ padding: 6px 4px; }}
        QHeaderView::section {{
            background: {c["window"]}; border: none; border-bottom: 1px solid {c["border"]};
            padding: 4px 6px; color: {c["muted"]};
        }}
        QTabWidget::pane {{ border: none; }}
        QTabBar::tab {{ padding: 6px 14px; border: none; color: {c["muted"]}; }}
        QTabBar::tab:selected {{ color: {c["text"]}; border-bottom: 2px solid {c["accent"]}; }}
        QLabel[role="heading"] {{ font-size: 15pt; font-weight: 600; }}
        QLabel[role="section"] {{ color: {c["muted"]}; font-weight: 600; margin-top: 10px; }}
        QLabel[role="error"] {{ color: {"#ff8f7a" if dark else "#b3261e"}; }}
        QLabel[role="hint"] {{
            background: {c["base"]}; border: 1px solid {c["accent"]}; border-radius: 8px; padding: 6px 10px;
        }}
        QToolBar {{ border: none; spacing: 6px; padding: 4px; }}
        QToolBar#formatToolbar {{ background: {c["window"]}; border-bottom: 1px solid {c["border"]}; }}
        QSplitter::handle {{ background: {c["window"]}; }}
        QStatusBar {{ color: {c["muted"]}; }}
        QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
        """
        + _box_buttons(c)
    )
    return c
