"""A letter writer's desk: warm cream paper, soft coral accent; light or dark as chosen, else as the system."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

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


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


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
            background: {c["base"]}; border: 1px solid {c["accent"]}; border-radius: 8px; padding: 10px;
        }}
        QToolBar {{ border: none; spacing: 6px; padding: 4px; }}
        QSplitter::handle {{ background: {c["window"]}; }}
        QStatusBar {{ color: {c["muted"]}; }}
        QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
        """
    )
    return c
