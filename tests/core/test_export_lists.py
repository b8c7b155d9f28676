"""Numbered lists stay numbered and alignment survives in every text export (the one letter-body model)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from beautifulletters.export.content import letter_content
from beautifulletters.export.formats import TEXT_WIDTH, export_text_format

BODY = (
    "<p>Dear Ada,</p>"
    "<ol><li>the harbour</li><li>the <b>gulls</b></li></ol>"
    '<p align="center">a line in the middle</p>'
    '<p style="text-align:right">a line on the right</p>'
    "<ul><li>a dot</li></ul>"
    "<ol><li>again from one</li></ol>"
    "<p>Love,</p>"
)


def _content(archive):  # type: ignore[no-untyped-def]
    signer = archive.people.add(display_name="Chris Mercer")
    recipient = archive.people.add(display_name="Ada Brook")
    letter_id = archive.letters.create(signer_id=signer, recipient_id=recipient, body=BODY, body_format="html")
    return letter_content(archive, letter_id)


def test_plain_text_numbers_lists_and_sets_aligned_lines(empty_archive, tmp_path: Path) -> None:
    text = export_text_format(_content(empty_archive), "txt", tmp_path / "l.txt").read_text()
    assert "Dear Ada,\n1. the harbour\n2. the gulls\n" in text
    assert "\n" + "a line in the middle".center(TEXT_WIDTH).rstrip() + "\n" in text
    assert "\n" + "a line on the right".rjust(TEXT_WIDTH) + "\n" in text
    assert "\n• a dot\n1. again from one\n" in text


def test_markdown_numbers_lists_and_keeps_alignment(empty_archive, tmp_path: Path) -> None:
    text = export_text_format(_content(empty_archive), "md", tmp_path / "l.md").read_text()
    assert "\n1. the harbour\n2. the **gulls**\n" in text
    assert "\n- a dot\n" in text and "\n1. again from one\n" in text
    assert '<p align="center">a line in the middle</p>' in text
    assert '<p align="right">a line on the right</p>' in text


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, dict[str, str | None]]] = []
        self.found: list[tuple[tuple[str, ...], str, str]] = []  # (open tags, style, text)

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.open.append((tag, dict(attrs)))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if data.strip():
            style = next((a.get("style") or "" for t, a in reversed(self.open) if t in ("p", "li")), "")
            self.found.append((tuple(t for t, _ in self.open), style, data.strip()))


def test_html_numbers_lists_and_keeps_alignment(empty_archive, tmp_path: Path) -> None:
    tree = _Tree()
    tree.feed(export_text_format(_content(empty_archive), "html", tmp_path / "l.html").read_text())
    where = {text: (tags, style) for tags, style, text in tree.found}
    assert where["the harbour"][0][-2:] == ("ol", "li")
    assert where["a dot"][0][-2:] == ("ul", "li")
    assert where["again from one"][0][-2:] == ("ol", "li")
    assert "text-align: center" in where["a line in the middle"][1]
    assert "text-align: right" in where["a line on the right"][1]


def test_docx_numbers_lists_and_keeps_alignment(empty_archive, tmp_path: Path) -> None:
    document = docx.Document(str(export_text_format(_content(empty_archive), "docx", tmp_path / "l.docx")))
    paragraphs = {p.text: p for p in document.paragraphs}
    assert paragraphs["the harbour"].style.name == "List Number"
    assert paragraphs["the gulls"].style.name == "List Number"
    assert paragraphs["a dot"].style.name == "List Bullet"
    assert paragraphs["a line in the middle"].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert paragraphs["a line on the right"].alignment == WD_ALIGN_PARAGRAPH.RIGHT
