"""Text, Markdown, HTML and DOCX exports read back by independent readers; markup stays text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from beautifulletters import fileio
from beautifulletters.errors import ValidationError
from beautifulletters.export.content import blocks_from_body, letter_content
from beautifulletters.export.formats import (
    escape_markdown,
    export_text_format,
    to_html,
    to_markdown,
    to_plain_text,
)

INJECTIONS = ['<img src="/some/local/file.png">', '<a href="x">Sam</a>', "{{ 7*7 }}"]


def _letter(
    archive,
    body: str,
    *,
    body_format: str = "text",
    recipient: str = "Ada Brook",
    signer: str = "Chris Mercer",
    style: dict | None = None,
) -> int:
    signer_id = archive.people.add(display_name=signer)
    recipient_id = archive.people.add(display_name=recipient)
    return archive.letters.create(
        signer_id=signer_id,
        recipient_id=recipient_id,
        body=body,
        body_format=body_format,
        style=style or {},
        title="A letter",
    )


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def test_plain_text_keeps_paragraphs_and_adds_the_signature(empty_archive) -> None:
    letter_id = _letter(
        empty_archive,
        "Dear Ada,\n\nStill the gulls.\nAnd the sea.\n\nAll my love,",
        style={"signature_name": "Chrissy", "place": "Springfield", "date_line": "3 April"},
    )
    text = to_plain_text(letter_content(empty_archive, letter_id))
    assert text == ("Springfield, 3 April\n\nDear Ada,\n\nStill the gulls.\nAnd the sea.\n\nAll my love,\n\nChrissy\n")


def test_signature_falls_back_to_first_name_and_is_not_doubled(archive) -> None:
    # The sample letters end with "All my love,\nChris": the name must appear once, last.
    letter_id = next(row.id for row in archive.letters.all() if row.title == "Birthday letter")
    text = to_plain_text(letter_content(archive, letter_id))
    assert text.rstrip().endswith("All my love,\n\nChris")
    assert text.count("\nChris\n") == 1


def test_html_body_keeps_basic_formatting_and_drops_images_and_links(empty_archive) -> None:
    body = (
        '<p>Dear <b>Ada</b>,</p><p>Look <a href="https://evil.example">here</a>'
        '<img src="/etc/passwd"> and <i>there</i><script>alert(1)</script>.</p><p>Love,</p>'
    )
    letter_id = _letter(empty_archive, body, body_format="html")
    content = letter_content(empty_archive, letter_id)
    assert [b.text for b in content.blocks] == ["Dear Ada,", "Look here and there.", "Love,"]
    assert any(r.marks.bold and r.text == "Ada" for r in content.blocks[0].runs)
    assert any(r.marks.italic and r.text == "there" for r in content.blocks[1].runs)


def test_qt_style_spans_become_bold_and_italic() -> None:
    blocks = blocks_from_body(
        '<p><span style=" font-weight:700;">big</span> and '
        '<span style=" font-style:italic;">slanted</span><br />next</p>',
        "html",
    )
    assert blocks[0].text == "big and slanted\nnext"
    assert [(r.text, r.marks.bold, r.marks.italic) for r in blocks[0].runs][:3] == [
        ("big", True, False),
        (" and ", False, False),
        ("slanted", False, True),
    ]


@pytest.mark.parametrize("name", INJECTIONS)
def test_html_export_shows_names_literally(empty_archive, tmp_path: Path, name: str) -> None:
    letter_id = _letter(
        empty_archive, f"Dear {name},\n\nHello.\n\nLove,", recipient=name, style={"signature_name": name}
    )
    out = export_text_format(letter_content(empty_archive, letter_id), "html", tmp_path / "letter.html")
    page = _Collector()
    page.feed(out.read_text(encoding="utf-8"))
    assert "img" not in page.tags and "a" not in page.tags and "script" not in page.tags
    assert not any(key in ("src", "href") for key, _ in page.attrs)
    words = "".join(page.text)
    assert f"Dear {name}," in words
    assert words.count(name) >= 2  # greeting and signature, as typed


def test_html_is_self_contained(empty_archive) -> None:
    letter_id = _letter(empty_archive, "Dear Ada,\n\nHi.\n\nLove,")
    with pytest.raises(ValidationError, match="font_family"):
        letter_content(empty_archive, letter_id, font='Kristi"; } body { background: url(x)')
    page = to_html(letter_content(empty_archive, letter_id, font="Kristi"))
    for forbidden in ("http:", "https:", "url(", "<link", "<script", "<img"):
        assert forbidden not in page
    assert "default-src 'none'" in page
    assert '<meta name="author" content="Chris Mercer">' in page


def test_markdown_escapes_markup_and_keeps_emphasis(empty_archive) -> None:
    letter_id = _letter(
        empty_archive, "<p>Dear <a href='x'>Sam</a>,</p><p><b>Happy</b> *day* {{ 7*7 }}</p>", body_format="html"
    )
    md = to_markdown(letter_content(empty_archive, letter_id))
    assert "**Happy**" in md
    assert "\\*day\\*" in md and "\\{\\{ 7\\*7 \\}\\}" in md
    assert "<a" not in md and "](" not in md
    assert escape_markdown('<img src="/x.png">') == '\\<img src="/x.png"\\>'
    assert escape_markdown("1. not a list\n- nor this") == "1\\. not a list\n\\- nor this"


def test_docx_reads_back_with_python_docx(empty_archive, tmp_path: Path) -> None:
    body = "<p>Dear <b>Ada</b>,</p><p>Still the gulls,<br>still the sea.</p><p>With love,</p>"
    letter_id = _letter(
        empty_archive,
        body,
        body_format="html",
        style={"signature_name": '<a href="x">Sam</a>', "font_family": "Dancing Script"},
    )
    out = export_text_format(letter_content(empty_archive, letter_id), "docx", tmp_path / "letter.docx")
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[-4:] == ["Dear Ada,", "Still the gulls,\nstill the sea.", "With love,", '<a href="x">Sam</a>']
    assert any(run.bold and run.text == "Ada" for run in document.paragraphs[-4].runs)
    assert document.core_properties.title == "A letter"
    assert document.core_properties.author == "Chris Mercer"
    assert document.styles["Normal"].font.name == "Dancing Script"
    assert not document.inline_shapes
    assert not [r for r in document.part.rels.values() if "hyperlink" in r.reltype or "image" in r.reltype]


def test_failed_write_leaves_no_half_written_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()

    def write_half_then_fail(temp: Path) -> None:
        temp.write_text("half a lett")
        raise RuntimeError("disk pulled out")

    with pytest.raises(RuntimeError):
        fileio.write_file(out / "letter.txt", write_half_then_fail)
    assert list(out.iterdir()) == []
    with pytest.raises(Exception, match="format"):
        export_text_format(None, "rtf", out / "letter.rtf")  # type: ignore[arg-type]
    assert list(out.iterdir()) == []
