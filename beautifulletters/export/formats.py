"""Plain text, Markdown, self-contained HTML and DOCX renderings of a letter (no Qt needed).

All four write from :class:`LetterContent`, whose text is only text: HTML output escapes
every character that means something in HTML, Markdown output backslash-escapes every
character that means something in Markdown, and DOCX runs carry strings, never markup.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from beautifulletters import fileio
from beautifulletters.errors import ValidationError
from beautifulletters.export.content import Block, LetterContent, Run

TEXT_FORMATS = ("txt", "md", "html", "docx")
QT_FORMATS = ("pdf", "odt")
ALL_FORMATS = ("pdf", "odt", "docx", "html", "txt", "md")


# -------------------------------------------------------------------- plain text
def to_plain_text(content: LetterContent) -> str:
    """Paragraphs separated by blank lines, the signature last; ends with a newline."""
    return content.plain_text() + "\n"


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
    if run.bold and run.italic:
        core = f"***{core}***"
    elif run.bold:
        core = f"**{core}**"
    elif run.italic:
        core = f"*{core}*"
    if run.underline:
        core = f"<u>{core}</u>"  # Markdown has no underline; CommonMark passes this tag through
    return lead + core + trail


def _md_block(block: Block) -> str:
    text = "".join(_md_run(run) for run in block.runs)
    # A line break inside a paragraph: two trailing spaces would be invisible, a backslash is not.
    lines = text.split("\n")
    text = "\\\n".join(lines)
    if block.kind == "heading":
        return "#" * max(1, min(block.level, 3)) + " " + text
    if block.kind == "list_item":
        return "  " * max(0, block.level - 1) + "- " + text
    if block.kind == "quote":
        return "\n".join("> " + line for line in text.split("\n"))
    return text


def to_markdown(content: LetterContent) -> str:
    parts = [escape_markdown(content.place_date)] if content.place_date else []
    parts += [_md_block(block) for block in content.blocks]
    parts.append(escape_markdown(content.signature))
    return "\n\n".join(parts) + "\n"


# -------------------------------------------------------------------------- HTML
_HTML_STYLE = """
body { margin: 0; background: #f4f1ea; }
main { max-width: 42em; margin: 2em auto; padding: 3em 3.5em; background: #fffdf8;
       color: #1d2a44; font-family: %(font)s; font-size: 1.2em; line-height: 1.55;
       box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
.place-date { text-align: right; }
.signature { margin-top: 1.5em; font-size: 1.15em; }
blockquote { margin-left: 1.5em; font-style: italic; }
@media print { body { background: none; } main { box-shadow: none; margin: 0; } }
"""


def _css_font_family(font: str | None) -> str:
    # The name is user data: keep only characters that cannot end the CSS string or rule.
    safe = re.sub(r"[^\w \-.]", "", font or "", flags=re.UNICODE).strip()
    families = [f'"{safe}"'] if safe else []
    return ", ".join([*families, '"DejaVu Serif"', "Georgia", "serif"])


def _html_run(run: Run) -> str:
    text = html.escape(run.text, quote=True).replace("\n", "<br>\n")
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.italic:
        text = f"<em>{text}</em>"
    if run.underline:
        text = f"<u>{text}</u>"
    return text


def _html_blocks(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    in_list = False
    for block in blocks:
        inner = "".join(_html_run(run) for run in block.runs)
        if block.kind == "list_item":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{inner}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if block.kind == "heading":
            level = max(1, min(block.level, 3))
            out.append(f"<h{level}>{inner}</h{level}>")
        elif block.kind == "quote":
            out.append(f"<blockquote><p>{inner}</p></blockquote>")
        else:
            out.append(f"<p>{inner}</p>")
    if in_list:
        out.append("</ul>")
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
    """A Word document with the letter's paragraphs, basic formatting, font and metadata."""
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
    properties = document.core_properties
    properties.title = content.title
    properties.author = content.signer_name
    properties.last_modified_by = content.signer_name
    properties.comments = ""
    if content.language:
        properties.language = content.language

    def add_runs(paragraph: object, runs: tuple[Run, ...]) -> None:
        for run in runs:
            pieces = run.text.split("\n")
            for index, piece in enumerate(pieces):
                added = paragraph.add_run(piece)  # type: ignore[attr-defined]
                added.bold = run.bold or None
                added.italic = run.italic or None
                added.underline = run.underline or None
                if index < len(pieces) - 1:
                    added.add_break()

    if content.place_date:
        paragraph = document.add_paragraph(content.place_date)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for index, block in enumerate(content.blocks):
        if block.kind == "heading":
            paragraph = document.add_heading(level=max(1, min(block.level, 3)))
        elif block.kind == "list_item":
            paragraph = document.add_paragraph(style="List Bullet")
        elif block.kind == "quote":
            paragraph = document.add_paragraph(style="Quote")
        else:
            paragraph = document.add_paragraph()
        add_runs(paragraph, block.runs)
        if index == len(content.blocks) - 1:
            paragraph.paragraph_format.keep_with_next = True  # the closing stays with the signature
    signature = document.add_paragraph(content.signature)
    signature.paragraph_format.space_before = Pt(12)
    document.save(str(path))


def export_text_format(content: LetterContent, fmt: str, path: Path) -> Path:
    """Write one of the formats that need no layout engine (txt, md, html, docx)."""
    if fmt == "docx":
        return fileio.write_file(path, lambda temp: to_docx(content, temp), verify=fileio.verify_zip)
    renderers = {"txt": to_plain_text, "md": to_markdown, "html": to_html}
    if fmt not in renderers:
        raise ValidationError("format", f"{fmt!r} is not a text format; use {', '.join(TEXT_FORMATS)}.")
    data = renderers[fmt](content)
    return fileio.write_text(path, data)
