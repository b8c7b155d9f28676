"""PDF export read back with poppler (pdftotext, pdffonts, pdfimages, pdftoppm) and pypdf."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from beautifulletters.stationery import BUNDLED_FONTS
from ui.printing.layout import first_page_image, prepare_letter
from ui.printing.pdf import write_letter_odt, write_letter_pdf

LIGATURE_SENTENCE = "Still the gulls fill the office; staff buffet, little kittens fluff fifty waffles."
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def words(text: str) -> str:
    """Text as a reader compares it: NFKC (Arabic presentation forms), no bidi marks, single spaces."""
    return " ".join(BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text)).split())


def make_letter(
    archive, body: str, *, recipient: str = "Ada Brook", style: dict | None = None, title: str = "For Ada"
) -> int:
    signer = archive.people.add(display_name="Chris Mercer")
    person = archive.people.add(display_name=recipient)
    return archive.letters.create(signer_id=signer, recipient_id=person, body=body, title=title, style=style or {})


@pytest.mark.parametrize("family", [font.family for font in BUNDLED_FONTS])
def test_every_bundled_font_gives_exact_text_and_embedded_fonts(
    qapp, empty_archive, tmp_path: Path, family: str
) -> None:
    body = f"Dear Ada,\n\n{LIGATURE_SENTENCE}\n\nAll my love,"
    letter_id = make_letter(empty_archive, body, style={"signature_name": "Chris", "date_line": "3 April 2025"})
    out = write_letter_pdf(prepare_letter(empty_archive, letter_id, font=family), tmp_path / "letter.pdf")
    assert words(pdftotext(out)) == words(f"3 April 2025 Dear Ada, {LIGATURE_SENTENCE} All my love, Chris")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = fonts.strip().splitlines()[2:]
    assert rows, fonts
    assert family.replace(" ", "").lower()[:5] in fonts.replace(" ", "").lower()
    for row in rows:
        assert row.split()[-5] == "yes", f"not embedded: {row}"  # the 'emb' column


def test_metadata_title_and_author_is_the_signer(qapp, empty_archive, tmp_path: Path) -> None:
    letter_id = make_letter(empty_archive, "Dear Ada,\n\nHello.\n\nLove,", title="Spring letter")
    out = write_letter_pdf(prepare_letter(empty_archive, letter_id), tmp_path / "letter.pdf")
    metadata = PdfReader(str(out)).metadata
    assert metadata.title == "Spring letter"
    assert metadata.author == "Chris Mercer"


INJECTION_NAMES = ['<img src="/some/local/file.png">', '<a href="x">Sam</a>', "{{ 7*7 }}"]


@pytest.mark.parametrize("name", INJECTION_NAMES)
def test_markup_in_names_stays_literal_text(qapp, empty_archive, tmp_path: Path, name: str) -> None:
    image = tmp_path / "picture.png"
    QImage(40, 40, QImage.Format.Format_RGB32).save(str(image))
    name = name.replace("/some/local/file.png", str(image))
    letter_id = make_letter(
        empty_archive, f"Dear {name},\n\nHello.\n\nLove,", recipient=name, style={"signature_name": name, "place": name}
    )
    out = write_letter_pdf(prepare_letter(empty_archive, letter_id), tmp_path / "letter.pdf")
    text = "".join(pdftotext(out).split())  # long names wrap across lines
    assert "".join(f"Dear {name},".split()) in text
    assert text.count("".join(name.split())) == 3
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(listing.strip().splitlines()) == 2, listing  # only the header: no images
    for page in PdfReader(str(out)).pages:
        annotations = page.get("/Annots") or []
        assert not [a for a in annotations if a.get_object().get("/Subtype") == "/Link"]


def test_foreign_scripts_and_combining_marks_reach_the_text_layer(qapp, empty_archive, tmp_path: Path) -> None:
    names = ["שרה לוי", "مريم", "王小明", "さくら", "Zoë Ångström", "Nguye\u0302\u0303n", "Søren"]
    body = "Dear friends,\n\n" + "\n\n".join(f"Hello {name}." for name in names) + "\n\nLove,"
    letter_id = make_letter(empty_archive, body, style={"font_family": "Dancing Script"})
    prepared = prepare_letter(empty_archive, letter_id)
    assert prepared.warnings == []
    out = write_letter_pdf(prepared, tmp_path / "letter.pdf")
    text = words(pdftotext(out))
    for name in names:
        wanted = words(name)
        # pdftotext may write right-to-left words in visual order; the words must all be there.
        assert all(part in text for part in wanted.split()) or wanted[::-1] in text, (name, text)


def test_a_character_no_font_has_is_warned_about(qapp, empty_archive) -> None:
    letter_id = make_letter(empty_archive, "Dear Ada,\n\nA rare sign: \U0001fbc5 \U000f0001.\n\nLove,")
    prepared = prepare_letter(empty_archive, letter_id)
    assert prepared.warnings and "U+F0001" in prepared.warnings[0]


def test_long_letter_keeps_closing_with_signature_and_numbers_pages_from_two(
    qapp, empty_archive, tmp_path: Path
) -> None:
    paragraphs = [f"Paragraph {i}: the tide came in slowly over the flats, and we counted gulls." for i in range(40)]
    found_orphan_case = False
    for count in range(14, 40):
        body = "\n\n".join(["Dear Ada,", *paragraphs[:count], "All my love,"])
        letter_id = make_letter(empty_archive, body, style={"signature_name": "Chris"})
        prepared = prepare_letter(empty_archive, letter_id, page_numbers=True)
        out = write_letter_pdf(prepared, tmp_path / f"letter{count}.pdf")
        pages = len(PdfReader(str(out)).pages)
        if pages < 2:
            continue
        last_page = pdftotext(out, "-f", str(pages), "-l", str(pages))
        lines = [line.strip() for line in last_page.splitlines() if line.strip()]
        # The last page never starts with the closing: some body text comes along with it.
        assert lines[0] != "All my love,", (count, lines)
        assert "Chris" in lines and "All my love," in lines, (count, lines)
        assert "1" not in pdftotext(out, "-f", "1", "-l", "1").split()  # no number on page 1
        assert f"– {pages} –" in last_page or f"–{pages}–" in last_page.replace(" ", "")
        found_orphan_case = found_orphan_case or lines[0].startswith("Paragraph")
    assert found_orphan_case


def test_a_body_that_ends_with_the_signers_name_keeps_closing_and_name_with_the_text(
    qapp, empty_archive, tmp_path: Path
) -> None:
    """Drafts end with "Love," and the name as paragraphs of their own; they never sit alone on a page."""
    paragraphs = [f"Paragraph {i}: the tide came in slowly over the flats, and we counted gulls." for i in range(40)]
    checked = 0
    for count in range(14, 40):
        body = "\n\n".join(["Dear Ada,", *paragraphs[:count], "Love,", "Chris"])
        letter_id = make_letter(empty_archive, body, style={"signature_name": "Chris"})
        out = write_letter_pdf(prepare_letter(empty_archive, letter_id), tmp_path / f"signed{count}.pdf")
        pages = len(PdfReader(str(out)).pages)
        if pages < 2:
            continue
        last_page = pdftotext(out, "-f", str(pages), "-l", str(pages))
        lines = [line.strip() for line in last_page.splitlines() if line.strip()]
        assert lines[-2:] == ["Love,", "Chris"], (count, lines)
        assert lines[0] != "Love,", (count, lines)  # some of the letter comes along
        checked += 1
    assert checked > 5


def _luminance_grid(image: QImage, columns: int = 40, rows: int = 56) -> list[float]:
    scaled = image.scaled(columns, rows)
    return [scaled.pixelColor(x, y).lightnessF() for y in range(rows) for x in range(columns)]


def test_pdf_page_matches_the_print_preview(qapp, empty_archive, tmp_path: Path, test_output_dir: Path) -> None:
    body = "Dear Ada,\n\n" + "\n\n".join(["The sea was grey and the gulls were loud all morning."] * 6) + "\n\nLove,"
    letter_id = make_letter(empty_archive, body, style={"stationery": "lined", "font_family": "Kaushan Script"})
    prepared = prepare_letter(empty_archive, letter_id)
    out = write_letter_pdf(prepared, tmp_path / "letter.pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(test_output_dir / "pdf")], check=True
    )
    pdf_image = QImage(str(next(test_output_dir.glob("pdf*.png"))))
    preview = first_page_image(prepared, pdf_image.width())
    preview.save(str(test_output_dir / "preview.png"))
    pdf_grid, preview_grid = _luminance_grid(pdf_image), _luminance_grid(preview)
    # Not blank: there is ink on the page.
    assert min(pdf_grid) < 0.85 and max(pdf_grid) - min(pdf_grid) > 0.1
    difference = sum(abs(a - b) for a, b in zip(pdf_grid, preview_grid, strict=True)) / len(pdf_grid)
    assert difference < 0.02, difference


def test_odt_content_xml_has_the_words(qapp, empty_archive, tmp_path: Path) -> None:
    import zipfile
    from xml.etree import ElementTree

    letter_id = make_letter(
        empty_archive, 'Dear <a href="x">Sam</a>,\n\nStill the gulls.\n\nLove,', style={"signature_name": "Chris"}
    )
    out = write_letter_odt(prepare_letter(empty_archive, letter_id), tmp_path / "letter.odt")
    with zipfile.ZipFile(out) as odt:
        root = ElementTree.fromstring(odt.read("content.xml"))
    text = " ".join(
        " ".join(element.itertext()) for element in root.iter("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p")
    )
    assert 'Dear <a href="x">Sam</a>,' in text and "Still the gulls." in text and "Chris" in text
    assert not list(root.iter("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}a"))
