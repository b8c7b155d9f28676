"""The page the letter is typed on: a QTextEdit that shows its document as sheets of paper."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from beautifulletters import letterformat
from beautifulletters.stationery import BUNDLED_FONTS
from ui.desk import desk_color
from ui.paper.page import PageStyle, body_line_format, body_range, document_dpi
from ui.paper.painting import paint_stationery
from ui.tasks import note_user_input

if TYPE_CHECKING:
    from ui.desk.spellcheck import SpellHighlighter

_BUNDLED_FAMILIES = frozenset(f.family for f in BUNDLED_FONTS)
PAGE_GAP = 16  # desk showing above, below and (at least) beside the page, in pixels


class PageTextEdit(QTextEdit):
    """A QTextEdit that shows its document as sheets of paper and keeps edits inside the body."""

    resized = Signal()
    date_line_activated = Signal()  # the date at the top of the page was double-clicked
    zoom_step = Signal(int)  # Ctrl+wheel: +1 in, -1 out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_style = PageStyle()
        self.highlighter: SpellHighlighter | None = None  # set by the editor once spelling is on
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        # The page lies on the desk edge to edge: the theme's frame, padding and light background
        # for text boxes drew a pale strip and a dark line between the paper and the scroll bar.
        self.setObjectName("page")
        self._follow_desk_color()
        self.setAcceptRichText(True)
        self.viewport().setAutoFillBackground(False)
        self.setAutoFillBackground(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Always there: a bar that came and went with the page's length changed the room for the
        # page, and the view (which lays its document out as one endless page) flipped between the two.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._clamping = False
        self._restoring = False
        self.cursorPositionChanged.connect(self._keep_cursor_in_body)

    # ---------------------------------------------------------------- page
    def show_document(self, document: QTextDocument, style: PageStyle) -> None:
        self.page_style = style
        page = document.pageSize()  # before the QTextEdit makes it one endless page
        self.setDocument(document)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Text, QColor(style.ink_color))
        self.setPalette(palette)
        self.page_relaid(page)

    def page_relaid(self, page: QSizeF) -> None:
        """Follow the document's page size (a new letter, or the same one at another zoom)."""
        self.setLineWrapColumnOrWidth(round(page.width()))
        self._page_size = page
        self._restore_page_size()
        self._center_page()
        self._restore_page_size()
        self.viewport().update()

    def _center_page(self) -> None:
        if self.lineWrapMode() == QTextEdit.LineWrapMode.FixedPixelWidth:
            page_width = self.document().pageSize().width()
        else:
            # No letter: the text is as wide as the view would be without side margins. (The
            # document's own width trails the margins set here: laid out again after the window
            # was shown, the empty desk grew a horizontal scroll bar.)
            margins = self.viewportMargins()
            page_width = self.viewport().width() + margins.left() + margins.right()
        scrollbar = self._scrollbar_width()
        # Inside the frame (the theme may draw one) and beside the scroll bar.
        free = max(0, int((self.contentsRect().width() - scrollbar - page_width) / 2))
        self.setViewportMargins(free, PAGE_GAP, free, PAGE_GAP)
        if self.lineWrapMode() == QTextEdit.LineWrapMode.WidgetWidth:
            self.document().setTextWidth(self.viewport().width())

    def _restore_page_size(self) -> None:
        # QTextEdit sets the page height to -1 (one endless page) whenever it lays out again
        # (resize, show, font change); the letter needs its real pages back.
        # Setting it can move a scroll bar, and the view lays out (endless) again inside the call:
        # calls made meanwhile wait, and this one sets it again until it holds.
        wanted = getattr(self, "_page_size", None)
        if wanted is None or self._restoring:
            return
        self._restoring = True
        try:
            for _attempt in range(4):
                if self.document().pageSize() == wanted:
                    break
                self.document().setPageSize(wanted)
        finally:
            self._restoring = False

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        super().resizeEvent(event)
        self._restore_page_size()
        self._center_page()
        self._restore_page_size()
        self.resized.emit()

    def _scrollbar_width(self) -> int:
        # The theme's style sheet may make the bar wider than its size hint says.
        bar = self.verticalScrollBar()
        return max(bar.sizeHint().width(), bar.width() if bar.isVisible() else 0)

    def free_size(self) -> tuple[float, float]:
        """Room for the page (width, height) in pixels, beside the scroll bar, with the desk's gap around it."""
        scrollbar = self._scrollbar_width()
        inside = self.contentsRect()
        return inside.width() - scrollbar - 2 * PAGE_GAP, inside.height() - 2 * PAGE_GAP

    def wheelEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        # Ctrl+wheel zooms the page; QTextEdit's own would change the letter's font sizes.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_step.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        super().showEvent(event)
        self._restore_page_size()

    def changeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._follow_desk_color()  # light or dark switched while the letter is open
        self._restore_page_size()

    def _follow_desk_color(self) -> None:
        sheet = f"QTextEdit#page {{ border: none; padding: 0px; background: {desk_color().name()}; }}"
        if self.styleSheet() != sheet:  # the same sheet again would come back as another PaletteChange
            self.setStyleSheet(sheet)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        desk = desk_color()  # as the window is now, light or dark
        painter.fillRect(self.viewport().rect(), desk)
        page = self.document().pageSize()
        offset_x = self.horizontalScrollBar().value()
        offset_y = self.verticalScrollBar().value()
        painter.translate(-offset_x, -offset_y)
        if page.height() > 0:
            first = max(0, int(offset_y // page.height()))
            last = int((offset_y + self.viewport().height()) // page.height())
            for index in range(first, min(last, max(1, self.document().pageCount()) - 1) + 1):
                rect = QRectF(0, index * page.height(), page.width(), page.height())
                paint_stationery(painter, rect, self.page_style, index + 1)
                if index:
                    painter.fillRect(QRectF(0, rect.top() - 3, page.width(), 6), desk)
        painter.end()
        super().paintEvent(event)

    # ----------------------------------------------------- keep to the body
    def _keep_cursor_in_body(self) -> None:
        if self._clamping:
            return
        start, end = body_range(self.document())
        cursor = self.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        clamped_anchor, clamped_position = min(max(anchor, start), end), min(max(position, start), end)
        if (clamped_anchor, clamped_position) != (anchor, position):
            self._clamping = True
            cursor.setPosition(clamped_anchor)
            cursor.setPosition(clamped_position, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            self._clamping = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        note_user_input()  # someone is writing: start-up work in the background waits
        cursor = self.textCursor()
        if not cursor.hasSelection():
            start, end = body_range(self.document())
            backward = event.key() == Qt.Key.Key_Backspace or event.matches(QKeySequence.StandardKey.DeleteStartOfWord)
            forward = event.key() == Qt.Key.Key_Delete or event.matches(QKeySequence.StandardKey.DeleteEndOfWord)
            # The date line and the signature are not part of what is typed: never merge into them.
            if (backward and cursor.position() <= start) or (forward and cursor.position() >= end):
                if backward and cursor.position() <= start and cursor.currentList() is not None:
                    super().keyPressEvent(event)  # backspace at a list's start only ends the list
                event.accept()
                return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's signature
        """A double-click on the date at the top of the page asks for the date the letter bears."""
        cursor = self.cursorForPosition(event.position().toPoint())
        if cursor.position() < body_range(self.document())[0] and cursor.block().text().strip():
            event.accept()
            self.date_line_activated.emit()
            return
        super().mouseDoubleClickEvent(event)

    # -------------------------------------------------------- context menu
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, position: QPoint) -> QMenu:
        """The standard edit menu, with spelling suggestions first when right-clicking a misspelled word."""
        menu = self.createStandardContextMenu(position)
        highlighter = self.highlighter
        if highlighter is not None and not self.isReadOnly():
            from ui.desk.spellcheck import spelling_menu, word_cursor_at

            spelling_menu(self, highlighter, word_cursor_at(self, position), menu)
        return menu

    # ------------------------------------------------------------- paste
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste keeps words, paragraphs, lists and bold/italic/underline; drops scripts, images, links, styles."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        if source.hasHtml():
            html = source.html()
            ours = "qrichtext" in html[:2000]  # copied from this editor: keep its fonts and sizes
            blocks = letterformat.parse(html, foreign=not ours, allowed_families=_BUNDLED_FAMILIES)
            if not blocks:
                return
            cursor.beginEditBlock()
            first_number = cursor.blockNumber()
            if len(blocks) == 1 and not blocks[0].list_kind:
                for run in blocks[0].runs:
                    cursor.insertText(run.text.replace("\n", "\u2028"), _char_format(run.marks))
            else:
                cursor.insertHtml(letterformat.serialize(blocks, for_qt=True))
            self._fit_blocks(first_number, cursor.blockNumber())
            cursor.endEditBlock()
            self.setTextCursor(cursor)
        elif source.hasText():
            cursor.insertText(source.text())
        self.ensureCursorVisible()

    def _fit_blocks(self, first_number: int, last_number: int) -> None:
        document = self.document()
        dpi = document_dpi(document)
        cursor = QTextCursor(document)
        for number in range(first_number, last_number + 1):
            block = document.findBlockByNumber(number)
            wanted = body_line_format(QTextBlockFormat(block.blockFormat()), self.page_style, dpi)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(wanted)


def _char_format(marks: letterformat.Marks) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setFontWeight(QFont.Weight.Bold if marks.bold else QFont.Weight.Normal)
    char_format.setFontItalic(marks.italic)
    char_format.setFontUnderline(marks.underline)
    if marks.family:
        char_format.setFontFamilies([marks.family])
    if marks.size_pt:
        char_format.setFontPointSize(marks.size_pt)
    return char_format
