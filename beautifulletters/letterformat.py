"""The storage format of letter bodies: a small, sanitised subset of HTML, plus plain text for search and diffs.

A body is a sequence of paragraphs and list items. Text may be bold, italic or underlined and may
carry a font family and size; a paragraph may carry an alignment and a line height. Nothing else
survives: no scripts, images, links, colours or remote/local resources. The canonical form is
what `serialize` writes; `parse(serialize(blocks)) == blocks` for every body (tested with
Hypothesis). See docs/letter-format.md.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from beautifulletters.stationery import MAX_FONT_PT, MIN_FONT_PT, font_family_ok

FORMAT_HTML = "html"
FORMAT_TEXT = "text"
ALIGNMENTS = ("left", "right", "center", "justify")
MIN_LINE_HEIGHT, MAX_LINE_HEIGHT = 80, 300  # percent
MAX_LIST_DEPTH = 6
LIST_KINDS = ("ul", "ol")


@dataclass(frozen=True)
class Marks:
    """How a stretch of text looks; None means "the letter's own font/size"."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    family: str | None = None
    size_pt: float | None = None


PLAIN = Marks()


@dataclass(frozen=True)
class Run:
    text: str
    marks: Marks = PLAIN


@dataclass
class Block:
    """One paragraph or list item. `text` of its runs uses "\\n" for a line break inside it."""

    runs: list[Run] = field(default_factory=list)
    align: str | None = None  # None: left, the letter's default
    line_height: int | None = None  # percent; None: the letter's line spacing
    list_kind: str | None = None  # "ul" or "ol"
    list_depth: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def normalized(self) -> Block:
        runs: list[Run] = []
        for run in self.runs:
            if not run.text:
                continue
            if runs and runs[-1].marks == run.marks:
                runs[-1] = Run(runs[-1].text + run.text, run.marks)
            else:
                runs.append(run)
        return replace(self, runs=runs)


# Elements dropped together with everything inside them.
_DROP_WITH_CONTENT = frozenset(
    (
        "script style head title template noscript iframe object svg math textarea select button canvas video audio "
        "applet frameset noembed noframes xmp datalist dialog map"
    ).split()
)
# Elements that start and end a paragraph of their own.
_BLOCK_ELEMENTS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "address",
        "dd",
        "dt",
        "dl",
        "figcaption",
        "figure",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "center",
        "main",
        "nav",
        "aside",
        "form",
        "fieldset",
        "hr",
        "caption",
        "body",
        "html",
        "details",
        "summary",
        "legend",
        "li",
    }
)
_VOID = frozenset(
    {"br", "img", "hr", "input", "meta", "link", "base", "area", "col", "embed", "param", "source", "track", "wbr"}
)
_BOLD_TAGS = frozenset({"b", "strong"})
_ITALIC_TAGS = frozenset({"i", "em", "cite", "var", "dfn"})
_UNDERLINE_TAGS = frozenset({"u", "ins"})
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffe\uffff]")
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_PT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*pt\s*$")
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")


def _style_properties(value: str | None) -> dict[str, str]:
    properties: dict[str, str] = {}
    for declaration in (value or "").split(";"):
        name, sep, prop_value = declaration.partition(":")
        if sep:
            properties[name.strip().lower()] = prop_value.strip()
    return properties


def _first_family(value: str) -> str | None:
    first = value.split(",")[0].strip().strip("'\"").strip()
    return first if first and font_family_ok(first) else None


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL_CHARS.sub("", text)


class _BodyParser(HTMLParser):
    """Reads any HTML into blocks, keeping only what a letter can express."""

    def __init__(self, *, foreign: bool, allowed_families: frozenset[str] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.foreign = foreign
        self.allowed_families = allowed_families
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.current_explicit = False  # a <p>/<li> the author wrote, kept even when empty
        self.block_context: list[tuple[str, Block, bool]] = []  # open block elements and their template
        self.inline: list[tuple[str, dict[str, object]]] = []  # open inline elements and what they set
        self.lists: list[tuple[str, int | None]] = []  # open lists: kind, explicit depth (Qt's indent)
        self.skip: list[str] = []

    # ------------------------------------------------------------ state helpers
    def _marks(self) -> Marks:
        values: dict[str, object] = {}
        for _tag, sets in self.inline:
            values.update(sets)
        return Marks(**values)  # type: ignore[arg-type]

    def _template(self) -> Block:
        if self.block_context:
            _tag, template, _explicit = self.block_context[-1]
            return replace(template, runs=[])
        return Block()

    def _finish(self) -> None:
        block = self.current
        if block is not None:
            text = block.text
            has_content = bool(text.strip(" ")) if self.foreign else bool(text)
            if self.foreign and block.runs:
                # Browsers ignore whitespace at the ends of a paragraph.
                first = block.runs[0]
                block.runs[0] = Run(first.text.lstrip(" "), first.marks)
                last = block.runs[-1]
                block.runs[-1] = Run(last.text.rstrip(" "), last.marks)
            # A single <br> at the end of a paragraph draws no extra line (as in browsers).
            if block.runs and block.runs[-1].text.endswith("\n"):
                last = block.runs[-1]
                block.runs[-1] = Run(last.text[:-1], last.marks)
                has_content = True
            if has_content or self.current_explicit:
                self.blocks.append(block.normalized())
        self.current = None
        self.current_explicit = False

    def _ensure_block(self) -> Block:
        if self.current is None:
            self.current = self._template()
        return self.current

    def _add_text(self, text: str) -> None:
        if not text:
            return
        block = self._ensure_block()
        block.runs.append(Run(text, self._marks()))

    # ------------------------------------------------------------ style reading
    def _inline_sets(self, tag: str, properties: dict[str, str]) -> dict[str, object]:
        sets: dict[str, object] = {}
        if tag in _BOLD_TAGS:
            sets["bold"] = True
        if tag in _ITALIC_TAGS:
            sets["italic"] = True
        if tag in _UNDERLINE_TAGS:
            sets["underline"] = True
        weight = properties.get("font-weight", "").lower()
        if weight in {"bold", "bolder"} or (weight.isdigit() and int(weight) >= 600):
            sets["bold"] = True
        elif weight in {"normal", "lighter"} or (weight.isdigit() and int(weight) < 600):
            sets["bold"] = False
        style = properties.get("font-style", "").lower()
        if style in {"italic", "oblique"}:
            sets["italic"] = True
        elif style == "normal":
            sets["italic"] = False
        decoration = (properties.get("text-decoration") or properties.get("text-decoration-line") or "").lower()
        if "underline" in decoration:
            sets["underline"] = True
        elif decoration == "none":
            sets["underline"] = False
        if "font-family" in properties:
            family = _first_family(properties["font-family"])
            if family and (self.allowed_families is None or family in self.allowed_families):
                sets["family"] = family
        if "font-size" in properties and not self.foreign:
            match = _PT.match(properties["font-size"])
            if match and MIN_FONT_PT <= float(match.group(1)) <= MAX_FONT_PT:
                sets["size_pt"] = _round_size(float(match.group(1)))
        return sets

    def _block_settings(self, attrs: Mapping[str, str | None], properties: dict[str, str]) -> dict[str, object]:
        if self.foreign:
            return {}
        settings: dict[str, object] = {}
        align = (properties.get("text-align") or attrs.get("align") or "").lower().strip()
        if align in ALIGNMENTS:
            settings["align"] = None if align == "left" else align
        if "line-height" in properties:
            match = _PERCENT.match(properties["line-height"])
            if match:
                value = float(match.group(1)) * (1 if match.group(2) else 100)
                if MIN_LINE_HEIGHT <= value <= MAX_LINE_HEIGHT:
                    settings["line_height"] = round(value)
        return settings

    # ------------------------------------------------------------ parser events
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag in _DROP_WITH_CONTENT:
                self.skip.append(tag)
            return
        if tag in _DROP_WITH_CONTENT:
            self.skip.append(tag)
            return
        attributes = {name.lower(): value or "" for name, value in attrs}
        properties = _style_properties(attributes.get("style"))
        if tag == "br":
            self._ensure_block().runs.append(Run("\n", self._marks()))
            return
        if tag in ("td", "th"):
            if self.current is not None and self.current.text and not self.current.text.endswith(" "):
                self._add_text(" ")
            return
        if tag in LIST_KINDS:
            self._finish()
            explicit_depth = None
            indent = properties.get("-qt-list-indent")
            if indent and indent.strip().isdigit():
                explicit_depth = int(indent.strip())
            self.lists.append((tag, explicit_depth))
            return
        if tag in _BLOCK_ELEMENTS:
            self._finish()
            template = self._template()
            if tag == "li":
                template = Block()  # a nested item does not take its parent item's alignment or spacing
                if self.lists:
                    kind, explicit_depth = self.lists[-1]
                    depth = explicit_depth or len(self.lists)
                    template = replace(template, list_kind=kind, list_depth=min(depth, MAX_LIST_DEPTH))
                else:
                    template = replace(template, list_kind="ul", list_depth=1)
            template = replace(template, **self._block_settings(attributes, properties))  # type: ignore[arg-type]
            if tag not in _VOID:
                self.block_context.append((tag, template, tag in ("p", "li")))
            self.current = replace(template, runs=[])
            self.current_explicit = tag in ("p", "li") and not self.foreign
            if tag == "hr":
                self._finish()
            return
        if tag in _VOID:
            return  # images, inputs and the like are dropped
        self.inline.append((tag, self._inline_sets(tag, properties)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in _DROP_WITH_CONTENT and tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in LIST_KINDS:
            self._finish()
            for index in range(len(self.lists) - 1, -1, -1):
                if self.lists[index][0] == tag:
                    del self.lists[index:]
                    break
            return
        if tag in _BLOCK_ELEMENTS:
            self._finish()
            for index in range(len(self.block_context) - 1, -1, -1):
                if self.block_context[index][0] == tag:
                    del self.block_context[index:]
                    break
            return
        for index in range(len(self.inline) - 1, -1, -1):
            if self.inline[index][0] == tag:
                del self.inline[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = _clean_text(data)
        if self.foreign:
            text = _WHITESPACE.sub(" ", text)
            if self.current is None or not self.current.text or self.current.text.endswith(("\n", " ")):
                text = text.lstrip(" ")
            if not text:
                return
        elif self.current is None and not text.strip():
            return  # whitespace between block elements
        self._add_text(text)

    def close(self) -> None:
        super().close()
        self._finish()


def _round_size(size: float) -> float:
    return round(size * 2) / 2  # half points: what a size menu offers


def parse(
    body: str, body_format: str = FORMAT_HTML, *, foreign: bool = False, allowed_families: Iterable[str] | None = None
) -> list[Block]:
    """Blocks of a stored body (or, with `foreign=True`, of HTML pasted from elsewhere).

    Foreign HTML keeps its words, paragraphs, lists and bold/italic/underline; its fonts,
    sizes, colours, alignment, images, links and scripts are dropped.
    """
    if body_format == FORMAT_TEXT:
        return [Block([Run(line)] if line else []) for line in _clean_text(body).split("\n")]
    if body_format != FORMAT_HTML:
        raise ValueError(f"unknown body format {body_format!r}")
    families = frozenset(allowed_families) if allowed_families is not None else None
    parser = _BodyParser(foreign=foreign, allowed_families=families)
    events = _plain_markup_events(body)
    if events is None:
        parser.feed(body)
    else:
        for handler, args in events:
            getattr(parser, handler)(*args)
    parser.close()
    return parser.blocks


# Markup as `serialize` writes it: tags with double-quoted attributes, text without "<".
_PLAIN_TOKEN = re.compile(r'<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z][-A-Za-z0-9_:.]*="[^"<>]*")*)\s*(/?)>|([^<]+)')
_PLAIN_ATTRIBUTE = re.compile(r'([A-Za-z][-A-Za-z0-9_:.]*)="([^"<>]*)"')
# Elements whose content html.parser reads as raw text (script, style, and in newer Pythons a few
# more): left to html.parser.
_RAW_TEXT_CANDIDATES = _DROP_WITH_CONTENT | {"plaintext"}


def _plain_markup_events(body: str) -> list[tuple[str, tuple[object, ...]]] | None:
    """The parser events html.parser would give for `body`, read by one regular expression.

    Stored bodies are written by `serialize`, and html.parser's general tokenizer was most of
    the time spent opening or printing a letter. Anything outside that plain form (comments,
    unquoted attributes, a stray "<", raw-text elements) returns None and goes through
    html.parser, so both readers agree on every input (tested).
    """
    events: list[tuple[str, tuple[object, ...]]] = []
    position, end = 0, len(body)
    match_at = _PLAIN_TOKEN.match
    while position < end:
        token = match_at(body, position)
        if token is None:
            return None
        position = token.end()
        closing, name, attributes, self_closing, text = token.groups()
        if text is not None:
            events.append(("handle_data", (html.unescape(text),)))
            continue
        tag = name.lower()
        if tag in _RAW_TEXT_CANDIDATES:
            return None
        if closing:
            if attributes or self_closing:
                return None
            events.append(("handle_endtag", (tag,)))
            continue
        attrs = [(key.lower(), html.unescape(value)) for key, value in _PLAIN_ATTRIBUTE.findall(attributes)]
        events.append(("handle_startendtag" if self_closing else "handle_starttag", (tag, attrs)))
    return events


# ---------------------------------------------------------------------- writing
def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _size_text(size: float) -> str:
    return f"{size:g}"


def _run_html(run: Run, *, for_qt: bool) -> str:
    parts = run.text.split("\n")
    text = "<br />".join(_escape(part) for part in parts) if for_qt else "<br>".join(_escape(p) for p in parts)
    marks = run.marks
    if marks.underline:
        text = f"<u>{text}</u>"
    if marks.italic:
        text = f"<i>{text}</i>"
    if marks.bold:
        text = f"<b>{text}</b>"
    styles = []
    if marks.family:
        styles.append(f"font-family:'{marks.family}'")
    if marks.size_pt:
        styles.append(f"font-size:{_size_text(marks.size_pt)}pt")
    if styles:
        text = f'<span style="{";".join(styles)}">{text}</span>'
    return text


def _block_attrs(block: Block, *, for_qt: bool) -> str:
    styles = []
    if for_qt:
        styles.append(
            "margin-top:0px; margin-bottom:0px; margin-left:0px; margin-right:0px; "
            "-qt-block-indent:0; text-indent:0px; white-space:pre-wrap"
        )
        if not block.runs:
            styles.insert(0, "-qt-paragraph-type:empty")
    if block.align:
        styles.append(f"text-align:{block.align}")
    if block.line_height:
        styles.append(f"line-height:{block.line_height}%")
    attrs = f' style="{"; ".join(styles)}"' if styles else ""
    if for_qt and block.align:
        attrs = f' align="{block.align}"' + attrs
    return attrs


def _block_inner(block: Block, *, for_qt: bool) -> str:
    inner = "".join(_run_html(run, for_qt=for_qt) for run in block.runs)
    if not inner:
        return "<br />" if for_qt else "<br>"
    if block.text.endswith("\n") and not for_qt:
        inner += "<br>"  # so the last line break is not taken as the paragraph's end
    return inner


def serialize(blocks: Sequence[Block], *, for_qt: bool = False) -> str:
    """The canonical HTML of `blocks` (with `for_qt`, with the styles Qt's importer needs)."""
    if for_qt and not blocks:
        blocks = [Block()]  # the editor always needs one paragraph to type into
    out: list[str] = []
    stack: list[list[object]] = []  # open lists: [kind, li_open]

    def close_to(depth: int) -> None:
        while len(stack) > depth:
            kind, li_open = stack.pop()
            if li_open:
                out.append("</li>")
            out.append(f"</{kind}>")

    list_style = ' style="margin-top:0px; margin-bottom:0px"' if for_qt else ""
    newline = "" if for_qt else "\n"  # one top-level element a line keeps stored bodies diffable
    for block in blocks:
        attrs = _block_attrs(block, for_qt=for_qt)
        inner = _block_inner(block, for_qt=for_qt)
        if not block.list_kind:
            close_to(0)
            out.append(f"{newline}<p{attrs}>{inner}</p>")
            continue
        depth = max(1, min(block.list_depth, MAX_LIST_DEPTH))
        close_to(depth)
        if len(stack) == depth and stack[-1][0] != block.list_kind:
            close_to(depth - 1)
        while len(stack) < depth:
            out.append(f"{newline if not stack else ''}<{block.list_kind}{list_style}>")
            stack.append([block.list_kind, False])
        top = stack[-1]
        if top[1]:
            out.append("</li>")
        out.append(f"<li{attrs}>{inner}")
        top[1] = True
    close_to(0)
    return "".join(out).lstrip("\n")


# --------------------------------------------------------------- conveniences
def sanitize(html_text: str, *, foreign: bool = True, allowed_families: Iterable[str] | None = None) -> str:
    """Any HTML (a stored body or a paste) reduced to the canonical, safe subset."""
    return serialize(parse(html_text, FORMAT_HTML, foreign=foreign, allowed_families=allowed_families))


def from_plain_text(text: str) -> str:
    """A plain-text body (as the template drafter writes it) in the stored HTML form."""
    return serialize(parse(text, FORMAT_TEXT))


def to_html(body: str, body_format: str) -> str:
    """A body of either format as canonical HTML."""
    return serialize(parse(body, body_format))


def to_qt_html(body: str, body_format: str) -> str:
    """HTML for QTextDocument.setHtml: margins zeroed and spaces kept, so it loads exactly."""
    return serialize(parse(body, body_format), for_qt=True)


def list_markers(blocks: Sequence[Block]) -> list[str | None]:
    """Each block's list marker as a reader sees it ("1.", "2.", "•"), or None outside lists.

    Numbers count per depth and start again after a paragraph that is not in a list.
    """
    markers: list[str | None] = []
    counters: dict[int, int] = {}
    for block in blocks:
        depth = max(1, block.list_depth)
        for deeper in [d for d in counters if d > depth or not block.list_kind]:
            del counters[deeper]
        if block.list_kind == "ol":
            counters[depth] = counters.get(depth, 0) + 1
            markers.append(f"{counters[depth]}.")
        else:
            counters.pop(depth, None)
            markers.append("•" if block.list_kind else None)
    return markers


def blocks_to_plain_text(blocks: Sequence[Block]) -> str:
    lines = []
    for block, marker in zip(blocks, list_markers(blocks), strict=True):
        indent = "  " * (max(1, block.list_depth) - 1)
        lines.append(f"{indent}{marker} {block.text}" if marker else block.text)
    return "\n".join(lines)


def to_plain_text(body: str, body_format: str = FORMAT_HTML) -> str:
    """The words of a body, one paragraph a line, for full-text search and revision diffs."""
    if body_format == FORMAT_TEXT:
        return _clean_text(body)
    return blocks_to_plain_text(parse(body, body_format))
