"""The stored body format: every body round-trips, pastes lose scripts/images/links, plain text for search."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beautifulletters import letterformat as lf
from beautifulletters.letterformat import Block, Marks, Run

# Every script and emoji: any code point except surrogates, controls and the few that
# cannot live in a paragraph's text (line/paragraph separators become line breaks).
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\ufeff\ufffe\uffff\r"),
    min_size=0,
    max_size=40,
) | st.sampled_from(
    ["👩‍👩‍👧‍👦", "🇯🇵", "नमस्ते", "مرحبا بالعالم", "שלום", "你好，世界", "Zoë & <b>", "a\nb", "  two  spaces "]
)
_MARKS = st.builds(
    Marks,
    bold=st.booleans(),
    italic=st.booleans(),
    underline=st.booleans(),
    family=st.none() | st.sampled_from(["Kristi", "EB Garamond", "Dancing Script"]),
    size_pt=st.none() | st.sampled_from([9.0, 12.0, 14.5, 20.0]),
)
_RUNS = st.lists(st.builds(Run, _TEXT, _MARKS), max_size=5)


@st.composite
def _blocks(draw: st.DrawFn) -> list[Block]:
    blocks = []
    depth = 0
    for _ in range(draw(st.integers(0, 8))):
        block = Block(
            runs=draw(_RUNS),
            align=draw(st.sampled_from([None, "center", "right", "justify"])),
            line_height=draw(st.sampled_from([None, 100, 150, 200])),
        )
        if draw(st.booleans()):
            # A list item goes at most one level deeper than the item before it.
            depth = draw(st.integers(1, depth + 1))
            block.list_kind = draw(st.sampled_from(["ul", "ol"]))
            block.list_depth = depth
        else:
            depth = 0
        blocks.append(block.normalized())
    return blocks


@settings(max_examples=300, deadline=None)
@given(_blocks())
def test_every_body_round_trips(blocks: list[Block]) -> None:
    stored = lf.serialize(blocks)
    again = lf.parse(stored)
    assert lf.serialize(again) == stored
    assert [b.text for b in again] == [b.text for b in blocks]
    assert [(b.align, b.line_height) for b in again] == [(b.align, b.line_height) for b in blocks]
    assert [[r.marks for r in b.runs] for b in again] == [[r.marks for r in b.runs] for b in blocks]


def _parsed_by_html_parser(body: str, *, foreign: bool = False) -> list[Block]:
    parser = lf._BodyParser(foreign=foreign, allowed_families=None)
    parser.feed(body)
    parser.close()
    return parser.blocks


@settings(max_examples=300, deadline=None)
@given(_blocks(), st.booleans())
def test_the_quick_reader_of_stored_bodies_agrees_with_html_parser(blocks: list[Block], for_qt: bool) -> None:
    stored = lf.serialize(blocks, for_qt=for_qt)
    assert lf._plain_markup_events(stored) is not None  # stored bodies take the quick path
    assert lf.parse(stored) == _parsed_by_html_parser(stored)


@pytest.mark.parametrize(
    "body",
    [
        "<p>a < b</p>",
        "<p>x<!-- note -->y</p>",
        "<p style=margin:0>bare attribute</p>",
        '<P ALIGN="CENTER">Up</P>',
        "<p>one<script>alert(1)</script>two</p>",
        "<p>AT&amp;T &lt;b&gt; &#233;&eacute; &notanentity;</p>",
        "<p>tail &amp",
        "<style>p{}</style><p>styled</p>",
        "<p title='single'>quoted</p>",
        "</p >text",
        "<br/><br />",
        '<p a="1" a="2">twice</p>',
        "<textarea><b>x</b></textarea>after",
        "<p>&#0; &#x110000;</p>",
        '<p><span style="font-family:&#39;Kristi&#39;; font-size:14pt">k</span></p>',
    ],
)
def test_unusual_markup_reads_the_same_either_way(body: str) -> None:
    for foreign in (False, True):
        assert lf.parse(body, foreign=foreign) == _parsed_by_html_parser(body, foreign=foreign)


@settings(max_examples=200, deadline=None)
@given(_blocks())
def test_plain_text_keeps_every_word(blocks: list[Block]) -> None:
    plain = lf.to_plain_text(lf.serialize(blocks))
    for block in blocks:
        assert block.text in plain


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\ufeff\ufffe\uffff"
        ),
        max_size=200,
    )
)
def test_plain_text_letters_convert_exactly(text: str) -> None:
    assert lf.to_plain_text(lf.from_plain_text(text)) == text


def test_pasted_web_page_keeps_words_and_drops_everything_else() -> None:
    page = """<html><head><title>News</title><style>p { color: red }</style>
    <script>alert('x')</script></head><body onload="steal()">
    <div class="post"><h1 style="font-family: Arial; color: #f00">Our trip</h1>
    <p style="font-size: 18px; background: url(http://evil/x.png)">We walked on the <b>beach</b> at
      <a href="http://example.com/malibu" onclick="track()">Malibu</a>
      <img src="http://tracker.example/pixel.gif"> <img src="file:///etc/passwd"> at dawn.</p>
    <iframe src="http://ads"></iframe><svg><text>vector</text></svg>
    <ul><li>shells</li><li><em>sand</em></li></ul></div></body></html>"""
    stored = lf.sanitize(page)
    assert stored == (
        "<p>Our trip</p>\n<p>We walked on the <b>beach</b> at Malibu at dawn.</p>\n"
        "<ul><li>shells</li><li><i>sand</i></li></ul>"
    )
    for banned in (
        "script",
        "alert",
        "img",
        "href",
        "http",
        "file:",
        "iframe",
        "svg",
        "vector",
        "style",
        "onload",
        "News",
        "Arial",
        "color",
    ):
        assert banned not in stored


def test_foreign_fonts_and_sizes_are_dropped_but_ours_kept() -> None:
    html = (
        '<p><span style="font-family:Calibri;font-size:11pt">x</span><span style="font-family:\'Kristi\'">y</span></p>'
    )
    assert lf.sanitize(html, allowed_families=["Kristi"]) == "<p>x<span style=\"font-family:'Kristi'\">y</span></p>"


def test_word_processor_blank_lines_survive_a_paste() -> None:
    assert lf.sanitize("<p>Dear Ann,</p><p><br></p><p>Hello</p>") == "<p>Dear Ann,</p>\n<p><br></p>\n<p>Hello</p>"


def test_qt_html_keeps_alignment_lists_and_fonts() -> None:
    qt = (
        '<p align="center" style=" margin-top:0px; -qt-block-indent:0;">Hi <span style=" font-weight:700;">you</span></p>'
        '<ul style="-qt-list-indent: 1;"><li>a</li></ul><ul style="-qt-list-indent: 2;"><li>b</li></ul>'
    )
    blocks = lf.parse(qt)
    assert blocks[0].align == "center" and blocks[0].runs[1].marks.bold
    assert [(b.list_kind, b.list_depth) for b in blocks[1:]] == [("ul", 1), ("ul", 2)]


def test_plain_text_of_lists_numbers_items() -> None:
    body = "<p>Things:</p>\n<ol><li>one</li><li>two<ul><li>sub</li></ul></li><li>three</li></ol>"
    assert lf.to_plain_text(body) == "Things:\n1. one\n2. two\n  • sub\n3. three"


def test_the_core_never_imports_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, beautifulletters.letterformat, beautifulletters.stationery, beautifulletters.spelling, "
        "beautifulletters.continuity; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
