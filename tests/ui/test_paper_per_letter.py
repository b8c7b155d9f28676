"""Paper per letter: stationery, hand, pen size, ink, page size and margins chosen from Paper ▸ are the
letter's own, kept through save and reopening, and the command line's PDF (no --stationery, no --font),
the print preview and new letters from the command line and batches all use them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
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
    style = window.archive.letters.get(letter_id).style
    assert (style["stationery"], style["font_family"], style["font_size_pt"]) == ("lined", "Kaushan Script", 14.0)
    assert (style["ink_color"], style["page_size"], style["margins_mm"]) == ("burgundy", "A5", 35.0)
    page = window.editor.page_style
    assert (page.stationery, page.page_size, page.margins_mm) == ("lined", "A5", (35.0,) * 4)

    # Reopened (after another letter), it is on the same paper, and the menu ticks say so.
    other = window.archive.letters.all()[-1].id
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
            style = archive.letters.get(letter_id).style
            assert (style["stationery"], style["font_family"], style["ink_color"]) == ("airmail", "Kristi", "sepia")
            assert style["page_size"] == "Letter" and style["margins_mm"] == [25.4] * 4
            assert style["font_size_pt"] == 22.0  # Kristi's natural size, named
    finally:
        archive.close()


@pytest.mark.parametrize("paper", ["laid", "watermark"])
def test_the_new_papers_look_like_paper_in_the_editor_and_the_pdf_and_keep_the_text_exact(
    qtbot, empty_archive: Archive, tmp_path: Path, test_output_dir, paper
) -> None:
    from ui.desk.editor import LetterEditor
    from ui.printing.dialogs import export_letter

    me = empty_archive.settings.default_signer_id()
    empty_archive.people.update(me, display_name="Margaret Hale")
    ann = empty_archive.people.add(display_name="Ann Lee")
    body = "Dear Ann,\n\nThe garden is in bloom and the roses ask after you.\n\nWith love,"
    style = {"stationery": paper, "letterhead_name": "Margaret Hale", "place": "", "date_line": "3 May"}
    letter_id = empty_archive.letters.create(signer_id=me, recipient_id=ann, body=body, style=style)

    editor = LetterEditor()
    qtbot.addWidget(editor)
    editor.resize(900, 1200)
    editor.show()
    editor.open_letter(empty_archive, letter_id)
    editor.set_zoom(1.0)
    qtbot.wait(50)
    page = editor.text_edit.document().pageSize()
    viewport = editor.text_edit.viewport()
    shown = to_pillow(viewport.grab().toImage()).crop(
        (0, 0, round(page.width()), min(round(page.height()), viewport.height()))
    )  # the sheet as the editor shows it, without the desk around it
    shown.save(test_output_dir / "editor.png")
    editor.close_letter()

    pdf = tmp_path / "letter.pdf"
    export_letter(empty_archive, letter_id, pdf)
    assert pdf.stat().st_size < 120_000, pdf.stat().st_size  # lines and outlines, not pictures
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert (
        " ".join(text.split())
        == "3 May Dear Ann, The garden is in bloom and the roses ask after you. With love, Margaret"
    )
    subprocess.run(["pdftoppm", "-r", "96", "-l", "1", "-png", str(pdf), str(tmp_path / "page")], check=True)
    printed = Image.open(sorted(tmp_path.glob("page-*.png"))[0]).convert("RGB")
    printed.save(test_output_dir / "pdf-page-1.png")

    for picture, what in ((printed, "PDF"), (shown, "editor")):
        tones = _paper_tones(picture, paper)
        # Laid lines all over, or the watermark's oval and monogram mid-sheet: seen in the sheet, not printed on it.
        assert tones["marks"] > (0.02 if paper == "laid" else 0.008), (what, tones)
        assert tones["paper"] > 0.5, (what, tones)  # and mostly the sheet's own colour
        if paper == "laid":
            assert tones["edge"] > tones["middle"] + 2, (what, tones)  # the deckle darkens the edges


def _paper_tones(picture: Image.Image, paper: str) -> dict[str, float]:
    """How much of a page is its paper colour, how much faint marks in it, and how dark its edge and middle are."""
    from beautifulletters.stationery import STATIONERY

    color = STATIONERY[paper].paper_color
    base = tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
    small = picture.resize((picture.width // 2, picture.height // 2))
    pixels = [small.getpixel((x, y)) for y in range(small.height) for x in range(small.width)]
    paper_like = marks = 0
    for pixel in pixels:
        assert isinstance(pixel, tuple)
        darker = sum(base) - sum(pixel[:3])
        if abs(darker) <= 6:
            paper_like += 1
        elif 6 < darker <= 60:  # faint: a mark in the sheet, not ink
            marks += 1

    def lightness(box: tuple[int, int, int, int]) -> float:
        region = list(small.crop(box).get_flattened_data())
        return sum(sum(p[:3]) for p in region) / (3 * len(region))

    edge = 255 - lightness((0, small.height // 3, 3, 2 * small.height // 3))
    middle = 255 - lightness((small.width // 2, small.height - 40, small.width // 2 + 3, small.height - 20))
    return {"paper": paper_like / len(pixels), "marks": marks / len(pixels), "edge": edge, "middle": middle}
