"""The desk's actions (edit, format, view) and its format toolbar, which follows the cursor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QComboBox, QToolBar, QWidget

from beautifulletters.i18n import _
from beautifulletters.stationery import (
    BUNDLED_FONTS,
)
from ui.desk import formatting
from ui.desk.find_bar import FindBar
from ui.desk.page_edit import PageTextEdit
from ui.resources import icon as load_icon
from ui.widgets.plain import plain_label


class Desk(Protocol):
    """What the actions and the toolbar use of the letter editor (ui.desk.editor.LetterEditor)."""

    text_edit: PageTextEdit
    find_bar: FindBar
    actions_by_name: dict[str, QAction]

    def update_style(self, **changes: Any) -> None: ...
    def set_zoom(self, zoom: float) -> None: ...
    def zoom_in(self) -> None: ...
    def zoom_out(self) -> None: ...
    def fit_page_width(self) -> None: ...
    def fit_whole_page(self) -> None: ...
    def set_distraction_free(self, on: bool) -> None: ...
    def show_history(self) -> None: ...


def _add_action(
    desk: Desk,
    owner: QWidget,
    name: str,
    text: str,
    slot: Callable[..., Any],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    checkable: bool = False,
) -> QAction:
    action = QAction(text, owner)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    owner.addAction(action)
    desk.actions_by_name[name] = action
    return action


def add_desk_actions(desk: Desk, owner: QWidget) -> None:
    """The desk's actions, owned by `owner` (the editor itself), by name in `desk.actions_by_name`;
    the window puts them in its menus."""
    key = QKeySequence.StandardKey
    edit = desk.text_edit
    _add_action(desk, owner, "undo", _("&Undo"), edit.undo, key.Undo)
    _add_action(desk, owner, "redo", _("&Redo"), edit.redo, key.Redo)
    _add_action(desk, owner, "cut", _("Cu&t"), edit.cut, key.Cut)
    _add_action(desk, owner, "copy", _("&Copy"), edit.copy, key.Copy)
    _add_action(desk, owner, "paste", _("&Paste"), edit.paste, key.Paste)
    _add_action(desk, owner, "select_all", _("Select &all"), lambda: formatting.select_body(edit), key.SelectAll)
    _add_action(desk, owner, "bold", _("&Bold"), lambda on: formatting.set_bold(edit, on), key.Bold, checkable=True)
    _add_action(
        desk, owner, "italic", _("&Italic"), lambda on: formatting.set_italic(edit, on), key.Italic, checkable=True
    )
    _add_action(
        desk,
        owner,
        "underline",
        _("&Underline"),
        lambda on: formatting.set_underline(edit, on),
        key.Underline,
        checkable=True,
    )
    _add_action(
        desk,
        owner,
        "align_left",
        _("Align &left"),
        lambda: formatting.set_alignment(edit, "left"),
        "Ctrl+L",
        checkable=True,
    )
    _add_action(
        desk,
        owner,
        "align_center",
        _("&Centre"),
        lambda: formatting.set_alignment(edit, "center"),
        "Ctrl+E",
        checkable=True,
    )
    _add_action(
        desk,
        owner,
        "align_right",
        _("Align &right"),
        lambda: formatting.set_alignment(edit, "right"),
        "Ctrl+R",
        checkable=True,
    )
    _add_action(
        desk,
        owner,
        "align_justify",
        _("&Justify"),
        lambda: formatting.set_alignment(edit, "justify"),
        "Ctrl+J",
        checkable=True,
    )
    _add_action(
        desk, owner, "bullet_list", _("Bulleted li&st"), lambda: formatting.toggle_list(edit, "ul"), "Ctrl+Shift+8"
    )
    _add_action(
        desk, owner, "numbered_list", _("Numb&ered list"), lambda: formatting.toggle_list(edit, "ol"), "Ctrl+Shift+7"
    )
    _add_action(desk, owner, "find", _("&Find…"), lambda: desk.find_bar.open_bar(), key.Find)
    _add_action(desk, owner, "replace", _("R&eplace…"), lambda: desk.find_bar.open_bar(replace=True), key.Replace)
    _add_action(desk, owner, "zoom_in", _("Zoom &in"), desk.zoom_in, key.ZoomIn)
    desk.actions_by_name["zoom_in"].setShortcuts([QKeySequence(key.ZoomIn), QKeySequence("Ctrl+=")])
    _add_action(desk, owner, "zoom_out", _("Zoom &out"), desk.zoom_out, key.ZoomOut)
    _add_action(desk, owner, "fit_width", _("&Fit page width"), desk.fit_page_width, "Ctrl+0", checkable=True)
    _add_action(desk, owner, "whole_page", _("&Whole page"), desk.fit_whole_page, "Ctrl+9", checkable=True)
    _add_action(desk, owner, "zoom_reset", _("&Actual size (100%)"), lambda: desk.set_zoom(1.0))
    for name, icon_name in (
        ("undo", "undo"),
        ("redo", "redo"),
        ("find", "find"),
        ("zoom_in", "zoom-in"),
        ("zoom_out", "zoom-out"),
    ):
        desk.actions_by_name[name].setIcon(load_icon(icon_name))
    _add_action(
        desk,
        owner,
        "distraction_free",
        _("&Distraction-free writing"),
        desk.set_distraction_free,
        key.FullScreen if not QKeySequence(key.FullScreen).isEmpty() else "F11",
        checkable=True,
    )
    desk.actions_by_name["distraction_free"].setShortcuts([QKeySequence("F11")])
    # From anywhere in the window (the people list too), not only from inside the page.
    desk.actions_by_name["distraction_free"].setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    _add_action(desk, owner, "history", _("Revision &history…"), desk.show_history, "Ctrl+Shift+H")
    alignments = ("align_left", "align_center", "align_right", "align_justify")
    alignment_group = [desk.actions_by_name[n] for n in alignments]

    group = QActionGroup(owner)
    for action in alignment_group:
        group.addAction(action)


class FormatToolbar(QToolBar):
    """Font, size, marks, alignment, lists and spacing of the text (the letter's paper is in Paper ▸)."""

    def __init__(self, desk: Desk, parent: QWidget) -> None:
        super().__init__(_("Format"), parent)
        # The theme gives it the window's colour (ui/window/theme.py): on the desk's brown its dark
        # words ("Bold", "Italic") could hardly be read.
        self.setObjectName("formatToolbar")
        self._desk = desk
        edit = desk.text_edit
        bar = self
        self.font_box = QComboBox()
        self.font_box.setAccessibleName(_("Font"))
        for font in BUNDLED_FONTS:
            self.font_box.addItem(font.family)
        self.font_box.textActivated.connect(lambda family: formatting.set_font_family(edit, family))
        self.size_box = QComboBox()
        self.size_box.setAccessibleName(_("Font size"))
        self.size_box.setEditable(True)
        for size in (10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 28, 32, 36):
            self.size_box.addItem(str(size))
        self.size_box.textActivated.connect(
            lambda text: formatting.set_font_size(edit, float(text)) if _is_number(text) else None
        )
        self.spacing_box = QComboBox()
        self.spacing_box.setAccessibleName(_("Line spacing"))
        for label in ("1.0", "1.15", "1.5", "2.0"):
            self.spacing_box.addItem(label)
        self.spacing_box.textActivated.connect(lambda text: formatting.set_line_spacing(edit, float(text)))
        bar.addWidget(self.font_box)
        bar.addWidget(self.size_box)
        for name in ("bold", "italic", "underline"):
            bar.addAction(desk.actions_by_name[name])
        bar.addSeparator()
        for name in ("align_left", "align_center", "align_right", "align_justify", "bullet_list", "numbered_list"):
            bar.addAction(desk.actions_by_name[name])
        bar.addWidget(plain_label(_(" Spacing ")))
        bar.addWidget(self.spacing_box)
        # The letter's paper, pen, ink, page and margins are in the menu bar's Paper menu (paper_menu.py).

    def show_char_format(self, char_format: QTextCharFormat) -> None:
        """Follow the cursor: the marks, font and size of the text it is in."""
        self._desk.actions_by_name["bold"].setChecked(char_format.fontWeight() >= 600)
        self._desk.actions_by_name["italic"].setChecked(char_format.fontItalic())
        self._desk.actions_by_name["underline"].setChecked(char_format.fontUnderline())
        has_families = char_format.hasProperty(QTextCharFormat.Property.FontFamilies)
        families = char_format.fontFamilies() if has_families else None
        family = families[0] if families else self._desk.text_edit.page_style.font_family
        self.font_box.setCurrentText(family)
        size = char_format.fontPointSize() if char_format.hasProperty(QTextCharFormat.Property.FontPointSize) else 0
        self.size_box.setCurrentText(f"{size or self._desk.text_edit.page_style.font_size_pt:g}")

    def show_block(self) -> None:
        """Follow the cursor: the alignment of its paragraph."""
        align = self._desk.text_edit.alignment()
        name = (
            "align_justify"
            if align & Qt.AlignmentFlag.AlignJustify == Qt.AlignmentFlag.AlignJustify
            else "align_center"
            if align & Qt.AlignmentFlag.AlignHCenter
            else "align_right"
            if align & Qt.AlignmentFlag.AlignRight
            else "align_left"
        )
        self._desk.actions_by_name[name].setChecked(True)

    def show_style(self) -> None:
        """The letter's line spacing, after it opened or its paper changed."""
        style = self._desk.text_edit.page_style
        self.spacing_box.setCurrentText(f"{style.line_spacing:g}")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
