"""The letter-format registry: every export path reads it, and a new format is one registration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from beautifulletters.errors import ValidationError
from beautifulletters.export import (
    LetterFormat,
    format_for_path,
    letter_content,
    letter_format,
    letter_format_names,
    register_letter_format,
    registry,
)
from beautifulletters.export.formats import export_text_format


def test_the_built_in_formats_in_menu_order() -> None:
    assert letter_format_names() == ["pdf", "odt", "docx", "html", "txt", "md"]
    assert format_for_path("letter.HTM").name == "html"  # type: ignore[union-attr]
    assert format_for_path("notes.markdown").name == "md"  # type: ignore[union-attr]
    assert format_for_path("letter.rtf") is None
    assert letter_format("pdf").page and letter_format("pdf").file_filter == "PDF (*.pdf)"
    with pytest.raises(ValidationError, match="not a letter format; use pdf, odt"):
        letter_format("rtf")


@pytest.fixture
def shouting() -> Iterator[LetterFormat]:
    fmt = LetterFormat(
        "shout", "Shouting", (".shout",), write=lambda content, path: path.write_text(content.title.upper())
    )
    register_letter_format(fmt)
    yield fmt
    del registry._FORMATS["shout"]


def test_a_new_format_is_one_registration(shouting: LetterFormat, archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "shout" in letter_format_names() and format_for_path("x.shout") is shouting
    out = export_text_format(letter_content(archive, 1), "shout", tmp_path / "letter.shout")
    assert out.read_text() == letter_content(archive, 1).title.upper()
    with pytest.raises(ValueError, match="registered twice"):
        register_letter_format(shouting)
