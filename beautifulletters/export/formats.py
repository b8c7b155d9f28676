"""Plain text, Markdown, self-contained HTML and DOCX renderings of a letter (no Qt needed), and the
registration of every letter format (see registry.py).

All four write from :class:`LetterContent`, whose text is only text: HTML output escapes
every character that means something in HTML, Markdown output backslash-escapes every
character that means something in Markdown, and DOCX runs carry strings, never markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from beautifulletters import fileio
from beautifulletters.export.content import LetterContent
from beautifulletters.export.registry import LetterFormat, register_letter_format, write_letter_content
from beautifulletters.letterformat import Block, Run, list_markers

# -------------------------------------------------------------------- plain text
TEXT_WIDTH = 72  # columns a centred or right-aligned line is set in


def _aligned(line: str, align: str | None) -> str:
    if align == "center":
        return line.center(TEXT_WIDTH).rstrip()
    if align == "right":
        return line.rjust(TEXT_WIDTH)
    return line


def to_plain_text(content: LetterContent) -> str:
    """A line per paragraph as on the page (lists numbered or bulleted, centred and right-aligned
    lines set in 72 columns), the place/date line first and the signature last; ends with a newline."""
    lines: list[str] = []
    for block, marker in zip(content.blocks, list_markers(content.blocks), strict=True):
        if marker:
            indent = "  " * (max(1, block.list_depth) - 1)
            hanging = "\n" + indent + " " * (len(marker) + 1)
            lines.append(f"{indent}{marker} {block.text.replace(chr(10), hanging)}")
        else:
            lines += [_aligned(line, block.align) for line in block.text.split("\n")]
    parts = [content.place_date] if content.place_date else []
    parts.append("\n".join(lines))
    if content.signature:
        parts.append(content.signature)
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------- Markdown
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([-=])", re.MULTILINE)
_MD_ORDERED = re.compile(r"^(\s*\d+)\.", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Text that a Markdown reader shows literally (no emphasis, links, HTML or lists)."""
    escaped = _MD_INLINE.sub(r"\\\1", text)
    escaped = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return _MD_ORDERED.sub(lambda m: m.group(1) + "\\.", escaped)


def _md_run(run: Run) -> str:
    # Emphasis markers go inside leading/trailing spaces, or Markdown would not see them.
    text = escape_markdown(run.text)
    if not text.strip():
        return text
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    marks = run.marks
    if marks.bold and marks.italic:
        core = f"***{core}***"
    elif marks.bold:
        core = f"**{core}**"
    elif marks.italic:
        core = f"*{core}*"
    if marks.underline:
        core = f"<u>{core}</u>"  # Markdown has no underline; CommonMark passes this tag through
    return lead + core + trail


def _md_block(block: Block, marker: str | None) -> str:
    if block.align in ("center", "right", "justify") and not marker:
        # Markdown has no alignment: an HTML block carries it (CommonMark passes it through).
        return f'<p align="{block.align}">{_html_inline(block)}</p>'
    # A line break inside a paragraph: two trailing spaces would be invisible, a backslash is not.
    text = "\\\n".join("".join(_md_run(run) for run in block.runs).split("\n"))
    if marker:
        indent = "   " * (max(1, block.list_depth) - 1)
        return f"{indent}{marker if marker != '•' else '-'} {text}"
    return text


def to_markdown(content: LetterContent) -> str:
    parts = [escape_markdown(content.place_date)] if content.place_date else []
    body: list[str] = []
    previous_marker: str | None = None
    for block, marker in zip(content.blocks, list_markers(content.blocks), strict=True):
        if not block.text.strip() and not marker:
            previous_marker = None
            continue  # Markdown sets paragraphs apart by itself
        text = _md_block(block, marker)
        if body and marker and previous_marker:
            body[-1] += "\n" + text  # the next item of the same list
        else:
            body.append(text)
        previous_marker = marker
    parts += body
    parts.append(escape_markdown(content.signature))
    return "\n\n".join(parts) + "\n"


# -------------------------------------------------------------------------- HTML
_HTML_STYLE = """
body { margin: 0; background: #f4f1ea; }
main { max-width: 42em; margin: 2em auto; padding: 3em 3.5em; background: #fffdf8;
       color: #1d2a44; font-family: %(font)s; font-size: 1.2em; line-height: 1.55;
       box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
main p { margin: 0; }
.place-date { text-align: right; margin-bottom: 1.5em; }
.signature { margin-top: 1.5em; font-size: 1.15em; }
@media print { body { background: none; } main { box-shadow: none; margin: 0; } }
"""


def _css_font_family(font: str | None) -> str:
    # The name is user data: keep only characters that cannot end the CSS string or rule.
    safe = re.sub(r"[^\w \-.]", "", font or "", flags=re.UNICODE).strip()
    families = [f'"{safe}"'] if safe else []
    return ", ".join([*families, '"DejaVu Serif"', "Georgia", "serif"])


def _html_run(run: Run) -> str:
    text = html.escape(run.text, quote=True).replace("\n", "<br>\n")
    if run.marks.bold:
        text = f"<strong>{text}</strong>"
    if run.marks.italic:
        text = f"<em>{text}</em>"
    if run.marks.underline:
        text = f"<u>{text}</u>"
    return text


def _html_inline(block: Block) -> str:
    return "".join(_html_run(run) for run in block.runs) or "<br>"


def _html_style(block: Block) -> str:
    rules = []
    if block.align in ("center", "right", "justify"):
        rules.append(f"text-align: {block.align}")
    if block.line_height:
        rules.append(f"line-height: {block.line_height / 100:.2f}")
    return f' style="{"; ".join(rules)}"' if rules else ""


def _html_blocks(blocks: tuple[Block, ...]) -> list[str]:
    """A <p> per paragraph (an empty one keeps its blank line), lists nested as <ol>/<ul>."""
    out: list[str] = []
    open_lists: list[str] = []  # the kinds of the lists open, outermost first
    for block in blocks:
        depth = max(1, block.list_depth) if block.list_kind else 0
        while len(open_lists) > depth or (
            open_lists and depth and len(open_lists) == depth and open_lists[-1] != block.list_kind
        ):
            out.append(f"</{open_lists.pop()}>")
        while block.list_kind and len(open_lists) < depth:
            open_lists.append(block.list_kind)
            out.append(f"<{block.list_kind}>")
        tag = "li" if block.list_kind else "p"
        out.append(f"<{tag}{_html_style(block)}>{_html_inline(block)}</{tag}>")
    out += [f"</{kind}>" for kind in reversed(open_lists)]
    return out


def to_html(content: LetterContent) -> str:
    """One self-contained page: inline style only, no scripts, no external resources."""
    esc = html.escape
    lang = re.sub(r"[^A-Za-z0-9-]", "", content.language or "") or "en"
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        # Nothing may be fetched: no scripts, images, fonts or styles from anywhere.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(content.title)}</title>",
        f'<meta name="author" content="{esc(content.signer_name, quote=True)}">',
        f"<style>{_HTML_STYLE % {'font': _css_font_family(content.font)}}</style>",
        "</head>",
        "<body>",
        '<main class="letter">',
    ]
    if content.place_date:
        lines.append(f'<p class="place-date">{esc(content.place_date)}</p>')
    lines += _html_blocks(content.blocks)
    lines.append(f'<p class="signature">{esc(content.signature)}</p>')
    lines += ["</main>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"


# -------------------------------------------------------------------------- DOCX
def to_docx(content: LetterContent, path: Path) -> None:
    """A Word document with the letter's paragraphs, lists, alignment, formatting, font and metadata."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    width, height = {
        "A4": (210, 297),
        "A5": (148, 210),
        "Letter": (215.9, 279.4),
        "LETTER": (215.9, 279.4),
        "Legal": (215.9, 355.6),
    }.get(content.page_size, (210, 297))
    section.page_width, section.page_height = Mm(width), Mm(height)
    normal = document.styles["Normal"]
    if content.font:
        normal.font.name = content.font
    normal.font.size = Pt(13)
    normal.paragraph_format.space_after = Pt(0)  # a paragraph is a line, as on the page
    properties = document.core_properties
    properties.title = content.title
    properties.author = content.signer_name
    properties.last_modified_by = content.signer_name
    properties.comments = ""
    if content.language:
        properties.language = content.language
    alignments = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }

    def add_runs(paragraph: object, runs: list[Run]) -> None:
        for run in runs:
            pieces = run.text.split("\n")
            for index, piece in enumerate(pieces):
                added = paragraph.add_run(piece)  # type: ignore[attr-defined]
                added.bold = run.marks.bold or None
                added.italic = run.marks.italic or None
                added.underline = run.marks.underline or None
                if index < len(pieces) - 1:
                    added.add_break()

    if content.place_date:
        paragraph = document.add_paragraph(content.place_date)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(13)
    for index, block in enumerate(content.blocks):
        if block.list_kind:
            style = "List Number" if block.list_kind == "ol" else "List Bullet"
            depth = min(max(1, block.list_depth), 3)
            paragraph = document.add_paragraph(style=style if depth == 1 else f"{style} {depth}")
        else:
            paragraph = document.add_paragraph()
        if block.align in alignments:
            paragraph.alignment = alignments[block.align]
        add_runs(paragraph, block.runs)
        if index == len(content.blocks) - 1:
            paragraph.paragraph_format.keep_with_next = True  # the closing stays with the signature
    signature = document.add_paragraph(content.signature)
    signature.paragraph_format.space_before = Pt(12)
    document.save(str(path))


def export_text_format(content: LetterContent, fmt: str, path: Path) -> Path:
    """Write one of the formats that need no page engine (txt, md, html, docx)."""
    return write_letter_content(content, fmt, path)


def _text(render: Callable[[LetterContent], str]) -> Callable[[LetterContent, Path], None]:
    def write(content: LetterContent, path: Path) -> None:
        path.write_text(render(content), encoding="utf-8")

    return write


# The order is the menus' order. PDF and ODT are drawn by the page engine (ui/printing/pdf.py).
register_letter_format(LetterFormat("pdf", "PDF", (".pdf",), verify=fileio.verify_pdf, page=True))
register_letter_format(LetterFormat("odt", "OpenDocument text", (".odt",), verify=fileio.verify_zip, page=True))
register_letter_format(LetterFormat("docx", "Word document", (".docx",), verify=fileio.verify_zip, write=to_docx))
register_letter_format(LetterFormat("html", "Web page", (".html", ".htm"), write=_text(to_html)))
register_letter_format(LetterFormat("txt", "Plain text", (".txt", ".text"), write=_text(to_plain_text)))
register_letter_format(LetterFormat("md", "Markdown", (".md", ".markdown"), write=_text(to_markdown)))
