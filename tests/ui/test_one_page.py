"""One page stays one page: a letter made to just overflow (its closing and signature alone would go to
page two) is tightened onto one page in the editor, the print preview and the PDF alike; on ruled paper
every line still sits on a rule; a letter that really needs two pages keeps them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from beautifulletters.archive import Archive
from ui.desk.editor import LetterEditor
from ui.paper.onepage import used_pages
from ui.paper.page import PageStyle, build_letter_document, rule_grid
from ui.printing.dialogs import export_letter
from ui.printing.layout import prepare_letter

PARAGRAPH = "The roses came through the winter and the pear tree is heavy with fruit again this year."
CLOSING = "With all my love,"


def _body(paragraphs: int, extra_words: int = 0) -> str:
    middle = [PARAGRAPH] * paragraphs
    if extra_words:
        middle.append(" ".join(["garden"] * extra_words))
    return "\n\n".join(["Dear Ann,", *middle, CLOSING])


def _just_over(stationery: str) -> str:
    """A body whose untightened layout puts only the closing and the signature on page two."""
    style = PageStyle(stationery=stationery, signature_name="Margaret", date_line="3 May")
    for paragraphs in range(4, 60):
        for extra in (0, 6, 12):
            document = build_letter_document(_body(paragraphs, extra), "text", style)
            if used_pages(document) == 2:
                page_one = document.pageSize().height()
                before = document.find(CLOSING).block().previous().previous()  # the last paragraph
                rect = document.documentLayout().blockBoundingRect(before)
                assert rect.bottom() <= page_one, "more than the closing went over: the search stepped too far"
                return _body(paragraphs, extra)
    raise AssertionError("no body overflowed")


def _letter(archive: Archive, body: str, stationery: str) -> int:
    me = archive.settings.default_signer_id()
    archive.people.update(me, display_name="Margaret Hale")
    ann = archive.people.add(display_name="Ann Lee")
    style = {"stationery": stationery, "date_line": "3 May", "place": ""}
    return archive.letters.create(signer_id=me, recipient_id=ann, body=body, style=style)


@pytest.mark.parametrize("stationery", ["cream", "lined"])
def test_a_closing_that_would_spill_is_kept_on_the_first_page(
    qtbot, empty_archive: Archive, tmp_path: Path, test_output_dir, stationery
) -> None:
    body = _just_over(stationery)
    letter_id = _letter(empty_archive, body, stationery)

    prepared = prepare_letter(empty_archive, letter_id)  # print and preview
    assert used_pages(prepared.document) == 1
    pdf = tmp_path / "letter.pdf"
    export_letter(empty_archive, letter_id, pdf)
    assert len(PdfReader(str(pdf)).pages) == 1
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert text.endswith(f"{CLOSING} Margaret") and text.count("pear tree") == body.count("pear tree")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    (test_output_dir / "pdf.png").write_bytes(sorted(tmp_path.glob("page-*.png"))[0].read_bytes())

    editor = LetterEditor()
    qtbot.addWidget(editor)
    editor.resize(900, 900)
    editor.show()
    editor.open_letter(empty_archive, letter_id)
    assert used_pages(editor.text_edit.document()) == 1  # the editor shows it as it prints
    editor.text_edit.document().undo()  # tightening is layout, not an edit: nothing to undo
    assert not editor.has_unsaved_changes()
    editor.close_letter()

    if stationery == "lined":  # every line of writing still on a rule
        document, style = prepared.document, prepared.style
        first, pitch = rule_grid(style)
        top = document.rootFrame().frameFormat().topMargin()
        layout, block = document.documentLayout(), document.firstBlock()
        while block.isValid():
            for index in range(block.layout().lineCount()):
                line = block.layout().lineAt(index)
                if block.text().strip() and block.isVisible():
                    baseline = layout.blockBoundingRect(block).top() + line.y() + line.ascent()
                    steps = (baseline - top - first) / pitch
                    assert abs(steps - round(steps)) * pitch < 0.5, (block.text()[:20], steps)
            block = block.next()


def test_a_letter_that_needs_two_pages_keeps_them(empty_archive: Archive, qapp) -> None:
    body = _just_over("cream").replace(CLOSING, "\n\n".join([PARAGRAPH] * 3 + [CLOSING]))  # page two has its part
    letter_id = _letter(empty_archive, body, "cream")
    prepared = prepare_letter(empty_archive, letter_id)
    assert used_pages(prepared.document) == 2
    untouched = build_letter_document(body, "text", prepared.style)
    assert [b.blockFormat().lineHeight() for b in _blocks(prepared.document)] == [
        b.blockFormat().lineHeight() for b in _blocks(untouched)
    ]


def _blocks(document):  # noqa: ANN001, ANN202 - a QTextDocument's blocks
    block = document.firstBlock()
    while block.isValid():
        yield block
        block = block.next()
