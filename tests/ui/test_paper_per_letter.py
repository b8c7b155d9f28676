"""Paper per letter: stationery, hand, pen size, ink, page size and margins chosen from Paper ▸ are the
letter's own, kept through save and reopening, and the command line's PDF (no --stationery, no --font),
the print preview and new letters from the command line and batches all use them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from beautifulletters.archive import Archive
from beautifulletters.preferences import Preferences
from beautifulletters.stationery import INK_COLORS
from tests.ui.ruled import to_pillow
from tests.ui.test_page_fit import a_letter, open_window
from ui.printing.layout import first_page_image, prepare_letter


def _near(pixel: tuple[int, int, int], color: str, tolerance: int = 40) -> bool:
    wanted = tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, wanted, strict=True))


def _ink_and_rules(picture: Image.Image) -> tuple[int, int, int]:
    """(pixels of burgundy ink, pixels of the lined paper's rules, leftmost column of dark ink)."""
    rgb = picture.convert("RGB")
    small = rgb.resize((rgb.width // 2, rgb.height // 2))
    ink = rules = 0
    left = small.width
    for y in range(small.height):
        for x in range(small.width):
            pixel = small.getpixel((x, y))
            assert isinstance(pixel, tuple)
            if _near(pixel, INK_COLORS["burgundy"], 45):
                ink += 1
                left = min(left, x)
            elif pixel[2] - pixel[0] > 8 and min(pixel) > 120:  # bluer than the paper, never dark: a rule
                rules += 1
    return ink, rules, left * 2


def test_paper_chosen_in_the_window_is_the_letters_own_in_the_pdf_and_preview(
    qtbot, archive_path: Path, tmp_path: Path, cli, test_output_dir
) -> None:
    window = open_window(qtbot, archive_path, (1280, 800))
    letter_id = a_letter(window.archive)
    window.open_letter(letter_id)
    paper = window.paper
    window.paper_menu.aboutToShow.emit()
    assert all(sub.isEnabled() for sub in paper._submenus)
    for setting, value in (
        ("stationery", "lined"),
        ("font_family", "Kaushan Script"),
        ("font_size_pt", "14"),
        ("ink_color", "burgundy"),
        ("page_size", "A5"),
        ("margins_mm", "wide"),
    ):
        paper.actions_by_key[(setting, value)].trigger()
    style = window.archive.letters.get(letter_id)["style"]
    assert (style["stationery"], style["font_family"], style["font_size_pt"]) == ("lined", "Kaushan Script", 14.0)
    assert (style["ink_color"], style["page_size"], style["margins_mm"]) == ("burgundy", "A5", 35.0)
    page = window.editor.page_style
    assert (page.stationery, page.page_size, page.margins_mm) == ("lined", "A5", (35.0,) * 4)

    # Reopened (after another letter), it is on the same paper, and the menu ticks say so.
    other = window.archive.letters.all()[-1]["id"]
    window.open_letter(other)
    window.open_letter(letter_id)
    window.paper_menu.aboutToShow.emit()
    assert paper.current() == {
        "stationery": "lined",
        "font_family": "Kaushan Script",
        "font_size_pt": "14",
        "ink_color": "burgundy",
        "page_size": "A5",
        "margins_mm": "wide",
    }
    assert paper.actions_by_key[("ink_color", "burgundy")].isChecked()
    window.editor.grab().save(str(test_output_dir / "editor.png"))
    window.editor.flush()

    # The print preview's page: the letter's own ruled paper and ink.
    preview = to_pillow(first_page_image(prepare_letter(window.archive, letter_id), width_px=874))
    preview.save(test_output_dir / "preview.png")
    ink, rules, _left = _ink_and_rules(preview)
    assert ink > 500 and rules > 500, (ink, rules)

    # The command line's PDF, with no paper given: the same, read back with pypdf and pdftoppm.
    pdf = tmp_path / "letter.pdf"
    window.close()
    result = cli("letters", "export", str(letter_id), "--out", str(pdf))
    assert result.returncode == 0, result.stderr
    box = PdfReader(str(pdf)).pages[0].mediabox
    assert abs(float(box.width) / 72 * 25.4 - 148) < 1 and abs(float(box.height) / 72 * 25.4 - 210) < 1  # A5
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "lovely to see you" in " ".join(text.split())
    subprocess.run(["pdftoppm", "-r", "100", "-l", "1", "-png", str(pdf), str(tmp_path / "page")], check=True)
    png = sorted(tmp_path.glob("page-*.png"))[0]
    (test_output_dir / "pdf-page-1.png").write_bytes(png.read_bytes())
    ink, rules, left = _ink_and_rules(Image.open(png))
    assert ink > 500, ink  # burgundy writing
    assert rules > 500, rules  # on lined paper
    assert left >= (35 - 3) / 25.4 * 100, left  # inside the wide margin


def test_letters_drafted_on_the_command_line_and_in_batches_keep_the_preferred_paper(
    empty_archive: Archive, cli, qapp
) -> None:
    Preferences(stationery="airmail", font_family="Kristi", ink_color="sepia", page_size="Letter").save()
    me = empty_archive.settings.default_signer_id()
    ann = empty_archive.people.add(display_name="Ann Lee", tags=["club"])
    empty_archive.close()
    result = cli("letters", "draft", "--to", str(ann), "--template", "just-because", "--quiet")
    assert result.returncode == 0, result.stderr
    drafted = int(result.stdout.strip())

    from ui.dialogs.batch_dialog import BatchRequest, draft_batch

    archive = Archive.open(empty_archive.path)
    try:
        plans = draft_batch(
            BatchRequest(archive.path, "just-because", me, None, None, (ann,), Preferences.load().style_defaults())
        )
        for letter_id in (drafted, plans[0].letter_id):
            assert letter_id is not None
            style = archive.letters.get(letter_id)["style"]
            assert (style["stationery"], style["font_family"], style["ink_color"]) == ("airmail", "Kristi", "sepia")
            assert style["page_size"] == "Letter" and style["margins_mm"] == [25.4] * 4
            assert style["font_size_pt"] == 22.0  # Kristi's natural size, named
    finally:
        archive.close()
