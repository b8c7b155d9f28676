"""Writing on the lines: on lined paper every line of writing sits on its rule, measured in pictures.

The editor (grabbed at 100% and at fit-width zoom, at 1×, 1.5× and 2× device scale), the print
preview's pages and the exported PDF (through pdftoppm) are each measured the same way: the bottom
of every line of writing (letters without descenders) must touch the rule under it, down every page,
after blank lines between paragraphs and after the page break.
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage

from beautifulletters.archive import Archive
from beautifulletters.stationery import BUNDLED_FONTS, STATIONERY
from tests.ui.ruled import distances_to_rules, ink_and_rules
from ui.desk.editor import LetterEditor
from ui.paper.page import document_dpi, mm_to_px, rule_grid
from ui.paper.painting import render_page_image
from ui.printing.dialogs import export_letter
from ui.printing.layout import prepare_letter

RULE = STATIONERY["lined"].rule_color or ""
# Only letters that stand on the baseline (no descenders, no commas, no l: Kristi's has a tail), many lines a paragraph.
BODY = "\n\n".join(["mum wears warm cream in rain or sun as mum sews in a room nearer our arrears " * 3] * 12)
# Well into a second page in every hand: a letter a few lines over would be tightened onto one (ui.paper.onepage).
LONG_BODY = "\n\n".join(["mum wears warm cream in rain or sun as mum sews in a room nearer our arrears " * 3] * 16)
# No signature in the pictures: a bigger "mum" in Breip stands on uneven feet (its layout is checked below).
STYLE = {"stationery": "lined", "date_line": "mmm", "place": "", "show_signature": False}
FAMILIES = [font.family for font in BUNDLED_FONTS]


def letter(archive: Archive, family: str, size: float | None = None, body: str = BODY) -> int:
    signer = archive.people.add(display_name="Mum Mercer")
    person = archive.people.add(display_name="Ann Lee")
    style = dict(STYLE, font_family=family, font_size_pt=size)
    return archive.letters.create(signer_id=signer, recipient_id=person, body=body, style=style)


def assert_on_rules(image: QImage | Path, px_per_mm: float, what: str, *, lines_at_least: int = 8) -> None:
    ink, rules = ink_and_rules(image, RULE, text_left=0.15, text_right=0.8)
    assert len(ink) >= lines_at_least, f"{what}: only {len(ink)} lines of writing found"
    distances = distances_to_rules(ink, rules)
    # The rule's top edge meets the letters' feet: its centre is at most 0.7 mm below where they
    # stand (Breip's hand-drawn feet are uneven), and never above the writing.
    low, high = -max(1.0, 0.25 * px_per_mm), max(2.0, 0.7 * px_per_mm)
    off = [(index, round(d, 1)) for index, d in enumerate(distances) if not low <= d <= high]
    assert not off, f"{what}: lines off their rules (line, pixels): {off} of {len(distances)} at {px_per_mm:.1f} px/mm"


@pytest.mark.parametrize("family", FAMILIES)
def test_preview_and_pdf_pages_write_on_the_lines(qapp, empty_archive, tmp_path: Path, test_output_dir, family) -> None:
    letter_id = letter(empty_archive, family, body=LONG_BODY)
    prepared = prepare_letter(empty_archive, letter_id)
    document, style = prepared.document, prepared.style
    assert document.pageCount() >= 2  # the rules must hold after the page break too
    width_mm = style.page_size_mm[0]
    for scale in (1.0, 2.0):
        width = round(document.pageSize().width() * scale)
        for page in range(document.pageCount()):
            image = render_page_image(document, style, page, width)
            image.save(str(test_output_dir / f"{family}-preview-{scale:g}x-{page + 1}.png"))
            assert_on_rules(
                image, width / width_mm, f"{family} preview page {page + 1} at {scale:g}x", lines_at_least=1
            )

    pdf = tmp_path / "letter.pdf"
    export_letter(empty_archive, letter_id, pdf)  # no paper given: the letter's own lined paper
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    for number, png in enumerate(pages, 1):
        (test_output_dir / f"{family}-pdf-{number}.png").write_bytes(png.read_bytes())
        assert_on_rules(png, 150 / 25.4, f"{family} PDF page {number}", lines_at_least=1)


@pytest.mark.parametrize("family", FAMILIES)
def test_other_sizes_stay_on_the_lines(qapp, empty_archive, family) -> None:
    for size in (12.0, 26.0):
        prepared = prepare_letter(empty_archive, letter(empty_archive, family, size))
        width = round(prepared.document.pageSize().width() * 1.5)
        for page in range(min(2, prepared.document.pageCount())):
            image = render_page_image(prepared.document, prepared.style, page, width)
            assert_on_rules(
                image, width / prepared.style.page_size_mm[0], f"{family} {size:g} pt page {page + 1}", lines_at_least=1
            )


@pytest.mark.parametrize("family", FAMILIES)
def test_every_line_of_the_layout_is_on_the_grid_signature_included(qapp, empty_archive, family) -> None:
    letter_id = letter(empty_archive, family)
    empty_archive.letters.update(
        letter_id, style=dict(STYLE, font_family=family, signature_name="Mum", show_signature=True)
    )
    prepared = prepare_letter(empty_archive, letter_id)
    document, style = prepared.document, prepared.style
    first, pitch = rule_grid(style)
    top = document.rootFrame().frameFormat().topMargin()
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    block, off = document.firstBlock(), []
    while block.isValid():
        for index in range(block.layout().lineCount()):
            line = block.layout().lineAt(index)
            if not block.isVisible():
                continue  # a blank rule left out to keep the letter on one page (ui.paper.onepage)
            baseline = layout.blockBoundingRect(block).top() + line.y() + line.ascent()
            on_page = baseline - (baseline // page_height) * page_height - top - first
            steps = on_page / pitch
            if abs(steps - round(steps)) * pitch > 0.5:
                off.append((block.text()[:12], round((steps - round(steps)) * pitch, 2)))
        block = block.next()
    assert document.lastBlock().text() == "Mum"
    assert off == []


def editor_pages(editor: LetterEditor, device_scale: float) -> list[QImage]:
    """What the editor's page area shows, drawn at a device scale as a HiDPI screen would, page by page."""
    viewport = editor.text_edit.viewport()
    image = QImage(viewport.size() * device_scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(device_scale)
    image.fill(QColor("white"))
    viewport.render(image, QPoint(0, 0))
    image.setDevicePixelRatio(1.0)
    page_height = editor.text_edit.document().pageSize().height() * device_scale
    assert page_height > 0, "the editor lost its pages (one endless page)"
    pages = []
    top = 0.0
    while top + page_height * 0.3 < image.height():
        bottom = min(image.height(), top + page_height)
        if bottom < top + page_height:
            # The view's bottom edge cuts this page, maybe through a line of writing whose rule is then
            # not in the picture: the picture ends just under the last whole line's rule instead.
            dpi = document_dpi(editor.text_edit.document())
            first, pitch = rule_grid(editor.page_style, dpi)
            rules_from = mm_to_px(editor.page_style.margins_mm[0], dpi) + first
            whole = math.floor(((bottom - top) / device_scale - 8 - rules_from - 0.2 * pitch) / pitch)
            bottom = top + (rules_from + whole * pitch + 0.2 * pitch + 8) * device_scale
        # A few pixels off each end: the desk shows between the sheets.
        pages.append(
            image.copy(0, round(top + 4 * device_scale), image.width(), round(bottom - top - 8 * device_scale))
        )
        top += page_height
    return pages


@pytest.mark.parametrize("family", FAMILIES)
def test_the_editor_writes_on_the_lines_at_every_zoom_and_scale(qtbot, empty_archive, test_output_dir, family) -> None:
    editor = LetterEditor()
    qtbot.addWidget(editor)
    editor.resize(1000, 2600)  # tall enough to show the first page and most of the second
    editor.show()
    editor.open_letter(empty_archive, letter(empty_archive, family, body=LONG_BODY))
    try:
        for zoom, device_scale in ((1.0, 1.0), (1.0, 2.0), (None, 1.5)):
            if zoom is None:
                editor.fit_page_width()
            else:
                editor.set_zoom(zoom)
            editor.text_edit.verticalScrollBar().setValue(0)
            qtbot.wait(10)
            pages = editor_pages(editor, device_scale)
            assert len(pages) >= 2
            px_per_mm = (
                editor.text_edit.document().pageSize().width() * device_scale / editor.page_style.page_size_mm[0]
            )
            for number, image in enumerate(pages[:2], 1):
                what = f"{family} editor at {editor.zoom:.0%}, {device_scale:g}x, page {number}"
                image.save(str(test_output_dir / f"{what}.png".replace(" ", "_").replace(",", "")))
                assert_on_rules(image, px_per_mm, what, lines_at_least=5 if number == 1 else 1)
    finally:
        editor.close_letter()
