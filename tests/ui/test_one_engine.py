"""One layout engine: the editor's page, the print preview's page and the PDF's page are the same page.

The first page of one letter is taken three ways (a grab of the editor, the print preview's own
painting as its widget shows it, the PDF rasterised with pdftoppm), brought to one size, and compared:
the lines of writing stand at the same heights and the pictures differ by no more than anti-aliasing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtPrintSupport import QPrintPreviewWidget

from beautifulletters.archive import Archive
from beautifulletters.stationery import STATIONERY
from tests.ui.ruled import bands, to_pillow
from ui.desk.editor import LetterEditor
from ui.printing.dialogs import export_letter, preview_dialog

WIDTH = 600  # every picture is compared at this width
PARAGRAPHS = [
    "Dear Ann,",
    "The roses came through the winter, and the pear tree by the gate is heavy with fruit again this year. "
    "We picked the first of them on Sunday and ate them warm in the kitchen, the way you always liked.",
    "Tom has mended the garden wall at last, and the swallows are back under the eaves of the old shed.",
    "Come and see it all before the summer ends; the spare room is ready and the kettle is always on.",
    "With all my love,",
]


def _page(picture: Image.Image, paper: str) -> Image.Image:
    """The sheet alone (the desk or the preview's grey around it cut away), at WIDTH, in grey."""
    wanted = tuple(int(paper[i : i + 2], 16) for i in (1, 3, 5))
    rgb = picture.convert("RGB")
    mask = Image.eval(
        ImageChops.difference(rgb, Image.new("RGB", rgb.size, wanted)).convert("L"), lambda v: 255 if v < 8 else 0
    )
    box = mask.getbbox()
    assert box is not None, "no paper found"
    sheet = rgb.crop(box)
    return sheet.resize((WIDTH, round(sheet.height * WIDTH / sheet.width)), Image.Resampling.LANCZOS).convert("L")


def _lines(page: Image.Image) -> list[float]:
    """Where each line of writing stands: the ink-weighted middle of its band, as a fraction of the height.

    Weighted by how dark each row is, so a rasteriser's lighter or darker anti-aliasing at a band's
    edge moves it by a fraction of a pixel, not by a row."""
    darkness = Image.eval(page, lambda v: max(0, 200 - v)).resize((1, page.height), Image.Resampling.BOX)
    weights = list(darkness.get_flattened_data())
    rows = [y for y, weight in enumerate(weights) if weight > 0.5]
    found = []
    for first, last in bands(rows, gap=3):
        if last - first >= 3:
            total = sum(weights[first : last + 1])
            found.append(sum(y * weights[y] for y in range(first, last + 1)) / total / page.height)
    return found


def test_the_editor_the_preview_and_the_pdf_show_the_same_first_page(
    qtbot, empty_archive: Archive, tmp_path: Path, test_output_dir
) -> None:
    me = empty_archive.settings.default_signer_id()
    empty_archive.people.update(me, display_name="Margaret Hale")
    ann = empty_archive.people.add(display_name="Ann Lee")
    style = {"stationery": "cream", "date_line": "3 May", "place": ""}
    letter_id = empty_archive.letters.create(signer_id=me, recipient_id=ann, body="\n\n".join(PARAGRAPHS), style=style)
    paper = STATIONERY["cream"].paper_color

    editor = LetterEditor()
    qtbot.addWidget(editor)
    editor.resize(1000, 1400)
    editor.show()
    editor.open_letter(empty_archive, letter_id)
    editor.set_spell_checking(False)
    editor.text_edit.setCursorWidth(0)  # no caret in the picture
    editor.set_zoom(1.0)
    qtbot.wait(100)
    pages = {"editor": _page(to_pillow(editor.text_edit.viewport().grab().toImage()), paper)}
    editor.close_letter()

    dialog = preview_dialog(None, empty_archive, letter_id)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 1400)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.setViewMode(QPrintPreviewWidget.ViewMode.SinglePageView)
    preview.fitInView()
    qtbot.wait(300)
    pages["preview"] = _page(to_pillow(preview.grab().toImage()), paper)
    dialog.close()

    pdf = tmp_path / "letter.pdf"
    export_letter(empty_archive, letter_id, pdf)
    subprocess.run(["pdftoppm", "-r", "96", "-l", "1", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages["pdf"] = _page(Image.open(sorted(tmp_path.glob("page-*.png"))[0]), paper)

    for name, page in pages.items():
        page.save(test_output_dir / f"{name}.png")
    lines = {name: _lines(page) for name, page in pages.items()}
    assert len(lines["pdf"]) >= 8, lines["pdf"]  # date, salutation, paragraphs, closing, signature
    for name in ("editor", "preview"):
        assert len(lines[name]) == len(lines["pdf"]), (name, lines[name], lines["pdf"])
        off = max(abs(a - b) for a, b in zip(lines[name], lines["pdf"], strict=True))
        assert off < 0.003, (name, off)  # under a millimetre on A4
        height = min(pages[name].height, pages["pdf"].height)
        one, two = (pages[key].crop((0, 0, WIDTH, height)).filter(ImageFilter.GaussianBlur(2)) for key in (name, "pdf"))
        difference = ImageStat.Stat(ImageChops.difference(one, two)).mean[0]
        assert difference < 4.0, (name, difference)  # out of 255: anti-aliasing, not another layout
