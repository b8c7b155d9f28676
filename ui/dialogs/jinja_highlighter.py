"""Colours for letter templates: Jinja tags, expressions, comments, strings and the metadata header."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

# Block states carried from one line to the next, so multi-line tags and comments stay coloured.
_PLAIN, _IN_COMMENT, _IN_HEADER, _IN_STATEMENT, _IN_EXPRESSION = range(5)

_STRING = re.compile(r"""'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?""")
_KEYWORD = re.compile(
    r"\b(?:if|elif|else|endif|for|endfor|in|not|and|or|is|set|endset|macro|endmacro|call|endcall|"
    r"filter|endfilter|include|import|from|with|endwith|block|endblock|extends|raw|endraw|true|false|"
    r"none|True|False|None|loop)\b"
)
_FILTER = re.compile(r"\|\s*[A-Za-z_]\w*")
_HEADER_KEY = re.compile(r"^\s*([A-Za-z_]+)\s*:")


@dataclass(frozen=True)
class Palette:
    """Colours that read well on the editor's background, light or dark."""

    delimiter: str
    expression: str
    statement: str
    keyword: str
    filter: str
    string: str
    comment: str
    header_key: str
    header_value: str
    error_line: str

    @classmethod
    def for_background(cls, background: QColor) -> Palette:
        if background.lightness() < 128:
            return cls(
                "#e4826a",
                "#8fc8e8",
                "#d7a8f0",
                "#f0b25a",
                "#9fd39a",
                "#e9c98a",
                "#8f8579",
                "#e4826a",
                "#d9cbb8",
                "#5a2a24",
            )
        return cls(
            "#b5472f", "#1f5f8b", "#7a3d99", "#9a5b00", "#2f7a3a", "#8a5a12", "#8d8174", "#b5472f", "#5f5348", "#f8d9d2"
        )


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    return fmt


class JinjaHighlighter(QSyntaxHighlighter):
    """Highlights {{ }}, {% %}, {# #}, strings inside tags, and the leading ``{# key: value #}`` header."""

    def __init__(self, document: QTextDocument, palette: QPalette | None = None) -> None:
        super().__init__(document)
        self.set_palette(palette or QPalette())

    def set_palette(self, palette: QPalette) -> None:
        colors = Palette.for_background(palette.color(QPalette.ColorRole.Base))
        self.colors = colors
        self.delimiter = _format(colors.delimiter, bold=True)
        self.expression = _format(colors.expression)
        self.statement = _format(colors.statement)
        self.keyword = _format(colors.keyword, bold=True)
        self.filter = _format(colors.filter)
        self.string = _format(colors.string)
        self.comment = _format(colors.comment, italic=True)
        self.header_key = _format(colors.header_key, bold=True)
        self.header_value = _format(colors.header_value)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        state = self.previousBlockState()
        is_first_block = self.currentBlock().blockNumber() == 0
        position = 0
        if state == _IN_HEADER or (is_first_block and text.lstrip().startswith("{#")):
            position = self._header(text, state == _IN_HEADER)
            if position < 0:
                self.setCurrentBlockState(_IN_HEADER)
                return
        elif state == _IN_COMMENT:
            position = self._comment(text, 0)
            if position < 0:
                self.setCurrentBlockState(_IN_COMMENT)
                return
        elif state in (_IN_STATEMENT, _IN_EXPRESSION):
            closing = "%}" if state == _IN_STATEMENT else "}}"
            position = self._inside(text, 0, closing, self.statement if state == _IN_STATEMENT else self.expression)
            if position < 0:
                self.setCurrentBlockState(state)
                return
        self.setCurrentBlockState(_PLAIN)
        while position < len(text):
            start = text.find("{", position)
            if start < 0 or start + 1 >= len(text):
                return
            opener = text[start : start + 2]
            if opener == "{#":
                end = self._comment(text, start)
                if end < 0:
                    self.setCurrentBlockState(_IN_COMMENT)
                    return
                position = end
            elif opener in ("{{", "{%"):
                closing = "}}" if opener == "{{" else "%}"
                body = self.expression if opener == "{{" else self.statement
                self.setFormat(start, 2, self.delimiter)
                end = self._inside(text, start + 2, closing, body)
                if end < 0:
                    self.setCurrentBlockState(_IN_EXPRESSION if opener == "{{" else _IN_STATEMENT)
                    return
                position = end
            else:
                position = start + 1

    def _comment(self, text: str, start: int) -> int:
        """Colour a comment from `start`; returns where it ended, or -1 if it goes on to the next line."""
        end = text.find("#}", start + (2 if text.startswith("{#", start) else 0))
        stop = len(text) if end < 0 else end + 2
        self.setFormat(start, stop - start, self.comment)
        return -1 if end < 0 else stop

    def _header(self, text: str, continuing: bool) -> int:
        """The metadata header: `key:` in the accent colour, its value plainly."""
        end = text.find("#}")
        body_end = len(text) if end < 0 else end
        self.setFormat(0, body_end, self.header_value)
        if not continuing:
            opener = text.find("{#")
            self.setFormat(opener, 2, self.comment)
        match = _HEADER_KEY.match(text)
        if match:
            self.setFormat(match.start(1), match.end(1) - match.start(1) + 1, self.header_key)
        if end < 0:
            return -1
        self.setFormat(end, 2, self.comment)
        return end + 2

    def _inside(self, text: str, start: int, closing: str, body: QTextCharFormat) -> int:
        """Colour a tag's inside up to `closing`; returns the position after it, or -1 if unclosed."""
        end = self._find_closing(text, start, closing)
        stop = len(text) if end < 0 else end
        self.setFormat(start, stop - start, body)
        inside = text[start:stop]
        for pattern, fmt in ((_KEYWORD, self.keyword), (_FILTER, self.filter), (_STRING, self.string)):
            for match in pattern.finditer(inside):
                self.setFormat(start + match.start(), match.end() - match.start(), fmt)
        if end < 0:
            return -1
        self.setFormat(end, 2, self.delimiter)
        return end + 2

    @staticmethod
    def _find_closing(text: str, start: int, closing: str) -> int:
        """Where the tag closes, skipping over quoted strings (a '}}' inside quotes does not close it)."""
        position = start
        while position < len(text):
            if text[position] in "'\"":
                match = _STRING.match(text, position)
                position = match.end() if match else position + 1
                continue
            if text.startswith(closing, position):
                return position
            position += 1
        return -1
