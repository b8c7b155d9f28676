"""The desk's actions (edit, format, view) and its format toolbar, which follows the cursor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from beautifulletters.stationery import BUNDLED_FONTS, HANDWRITING_FAMILIES, INK_COLORS, PAGE_SIZES_MM, STATIONERY
from ui.desk import formatting
from ui.resources import icon as load_icon

if TYPE_CHECKING:
    from ui.desk.editor import LetterEditor


def _add_action(
    editor: LetterEditor,
    name: str,
    text: str,
    slot: Callable[..., Any],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    checkable: bool = False,
) -> QAction:
    action = QAction(text, editor)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    editor.addAction(action)
    editor.actions_by_name[name] = action
    return action


def add_desk_actions(editor: LetterEditor) -> None:
    """The editor's actions, by name in `editor.actions_by_name`; the window puts them in its menus."""
    key = QKeySequence.StandardKey
    edit = editor.text_edit
    _add_action(editor, "undo", "&Undo", edit.undo, key.Undo)
    _add_action(editor, "redo", "&Redo", edit.redo, key.Redo)
    _add_action(editor, "cut", "Cu&t", edit.cut, key.Cut)
    _add_action(editor, "copy", "&Copy", edit.copy, key.Copy)
    _add_action(editor, "paste", "&Paste", edit.paste, key.Paste)
    _add_action(editor, "select_all", "Select &all", lambda: formatting.select_body(edit), key.SelectAll)
    _add_action(editor, "bold", "&Bold", lambda on: formatting.set_bold(edit, on), key.Bold, checkable=True)
    _add_action(editor, "italic", "&Italic", lambda on: formatting.set_italic(edit, on), key.Italic, checkable=True)
    _add_action(
        editor, "underline", "&Underline", lambda on: formatting.set_underline(edit, on), key.Underline, checkable=True
    )
    _add_action(
        editor, "align_left", "Align &left", lambda: formatting.set_alignment(edit, "left"), "Ctrl+L", checkable=True
    )
    _add_action(
        editor, "align_center", "&Centre", lambda: formatting.set_alignment(edit, "center"), "Ctrl+E", checkable=True
    )
    _add_action(
        editor, "align_right", "Align &right", lambda: formatting.set_alignment(edit, "right"), "Ctrl+R", checkable=True
    )
    _add_action(
        editor, "align_justify", "&Justify", lambda: formatting.set_alignment(edit, "justify"), "Ctrl+J", checkable=True
    )
    _add_action(editor, "bullet_list", "Bulleted li&st", lambda: formatting.toggle_list(edit, "ul"), "Ctrl+Shift+8")
    _add_action(editor, "numbered_list", "Numb&ered list", lambda: formatting.toggle_list(edit, "ol"), "Ctrl+Shift+7")
    _add_action(editor, "find", "&Find…", lambda: editor.find_bar.open_bar(), key.Find)
    _add_action(editor, "replace", "R&eplace…", lambda: editor.find_bar.open_bar(replace=True), key.Replace)
    _add_action(editor, "zoom_in", "Zoom &in", editor.zoom_in, key.ZoomIn)
    _add_action(editor, "zoom_out", "Zoom &out", editor.zoom_out, key.ZoomOut)
    _add_action(editor, "zoom_reset", "&Actual size", lambda: editor.set_zoom(1.0), "Ctrl+0")
    for name, icon_name in (
        ("undo", "undo"),
        ("redo", "redo"),
        ("find", "find"),
        ("zoom_in", "zoom-in"),
        ("zoom_out", "zoom-out"),
    ):
        editor.actions_by_name[name].setIcon(load_icon(icon_name))
    _add_action(
        editor,
        "distraction_free",
        "&Distraction-free writing",
        editor.set_distraction_free,
        key.FullScreen if not QKeySequence(key.FullScreen).isEmpty() else "F11",
        checkable=True,
    )
    editor.actions_by_name["distraction_free"].setShortcuts([QKeySequence("F11")])
    _add_action(editor, "history", "Revision &history…", editor.show_history, "Ctrl+Shift+H")
    alignments = ("align_left", "align_center", "align_right", "align_justify")
    alignment_group = [editor.actions_by_name[n] for n in alignments]

    group = QActionGroup(editor)
    for action in alignment_group:
        group.addAction(action)


class FormatToolbar(QToolBar):
    """Font, size, marks, alignment, lists and spacing of the text; paper, pen, ink and page of the letter."""

    def __init__(self, editor: LetterEditor) -> None:
        super().__init__("Format", editor)
        self._editor = editor
        edit = editor.text_edit
        bar = self
        self.font_box = QComboBox()
        self.font_box.setAccessibleName("Font")
        for font in BUNDLED_FONTS:
            self.font_box.addItem(font.family)
        self.font_box.textActivated.connect(lambda family: formatting.set_font_family(edit, family))
        self.size_box = QComboBox()
        self.size_box.setAccessibleName("Font size")
        self.size_box.setEditable(True)
        for size in (10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 28, 32, 36):
            self.size_box.addItem(str(size))
        self.size_box.textActivated.connect(
            lambda text: formatting.set_font_size(edit, float(text)) if _is_number(text) else None
        )
        self.spacing_box = QComboBox()
        self.spacing_box.setAccessibleName("Line spacing")
        for label in ("1.0", "1.15", "1.5", "2.0"):
            self.spacing_box.addItem(label)
        self.spacing_box.textActivated.connect(lambda text: formatting.set_line_spacing(edit, float(text)))
        bar.addWidget(self.font_box)
        bar.addWidget(self.size_box)
        for name in ("bold", "italic", "underline"):
            bar.addAction(editor.actions_by_name[name])
        bar.addSeparator()
        for name in ("align_left", "align_center", "align_right", "align_justify", "bullet_list", "numbered_list"):
            bar.addAction(editor.actions_by_name[name])
        bar.addWidget(QLabel(" Spacing "))
        bar.addWidget(self.spacing_box)
        bar.addSeparator()
        self.paper_box = QComboBox()
        self.paper_box.setAccessibleName("Stationery")
        for paper in STATIONERY.values():
            self.paper_box.addItem(paper.label, paper.key)
        self.paper_box.activated.connect(lambda index: editor.update_style(stationery=self.paper_box.itemData(index)))
        self.pen_box = QComboBox()
        self.pen_box.setAccessibleName("Handwriting")
        for family in HANDWRITING_FAMILIES + ("EB Garamond",):
            self.pen_box.addItem(family)
        self.pen_box.textActivated.connect(lambda family: editor.update_style(font_family=family, font_size_pt=None))
        self.ink_box = QComboBox()
        self.ink_box.setAccessibleName("Ink")
        for name in INK_COLORS:
            self.ink_box.addItem(name)
        self.ink_box.textActivated.connect(lambda ink: editor.update_style(ink_color=ink))
        self.page_box = QComboBox()
        self.page_box.setAccessibleName("Page size")
        for name in PAGE_SIZES_MM:
            self.page_box.addItem(name)
        self.page_box.textActivated.connect(lambda size: editor.update_style(page_size=size, margins_mm=None))
        for label, box in (
            ("Paper", self.paper_box),
            ("Pen", self.pen_box),
            ("Ink", self.ink_box),
            ("Page", self.page_box),
        ):
            bar.addWidget(QLabel(f" {label} "))
            bar.addWidget(box)

    def show_char_format(self, char_format: QTextCharFormat) -> None:
        """Follow the cursor: the marks, font and size of the text it is in."""
        self._editor.actions_by_name["bold"].setChecked(char_format.fontWeight() >= 600)
        self._editor.actions_by_name["italic"].setChecked(char_format.fontItalic())
        self._editor.actions_by_name["underline"].setChecked(char_format.fontUnderline())
        has_families = char_format.hasProperty(QTextCharFormat.Property.FontFamilies)
        families = char_format.fontFamilies() if has_families else None
        family = families[0] if families else self._editor.style.font_family
        self.font_box.setCurrentText(family)
        size = char_format.fontPointSize() if char_format.hasProperty(QTextCharFormat.Property.FontPointSize) else 0
        self.size_box.setCurrentText(f"{size or self._editor.style.font_size_pt:g}")

    def show_block(self) -> None:
        """Follow the cursor: the alignment of its paragraph."""
        align = self._editor.text_edit.alignment()
        name = (
            "align_justify"
            if align & Qt.AlignmentFlag.AlignJustify == Qt.AlignmentFlag.AlignJustify
            else "align_center"
            if align & Qt.AlignmentFlag.AlignHCenter
            else "align_right"
            if align & Qt.AlignmentFlag.AlignRight
            else "align_left"
        )
        self._editor.actions_by_name[name].setChecked(True)

    def show_style(self) -> None:
        """The letter's paper, pen, ink, page and spacing, after it opened or they changed."""
        index = self.paper_box.findData(self._editor.style.stationery)
        self.paper_box.setCurrentIndex(index)
        self.pen_box.setCurrentText(self._editor.style.font_family)
        ink = next((name for name, value in INK_COLORS.items() if value == self._editor.style.ink_color), None)
        if ink:
            self.ink_box.setCurrentText(ink)
        self.page_box.setCurrentText(self._editor.style.page_size)
        self.spacing_box.setCurrentText(f"{self._editor.style.line_spacing:g}")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
