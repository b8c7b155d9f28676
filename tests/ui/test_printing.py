"""Envelopes, batches (progress, cancel, no partial files), anthology, mark-as-sent, print preview, CLI."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.export.batch import (
    PlannedLetter,
    anthology_letter_ids,
    lint_summary,
    safe_file_name,
    select_people,
)
from beautifulletters.export.envelopes import ENVELOPE_SIZES, layout_address
from beautifulletters.preferences import Preferences
from ui.printing.batch import BatchOptions, Cancelled, load_items, write_batch
from ui.printing.dialogs import BatchJob, after_output, preview_dialog
from ui.printing.envelope import envelope_for


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _people_with_letters(archive, count: int, *, address: bool = True) -> list[int]:
    signer = archive.settings.default_signer_id()
    archive.people.update(signer, addresses=["Hauptstraße 5\n10115 Berlin\nDeutschland"])
    ids = []
    for index in range(count):
        person = archive.people.add(
            display_name=f"Friend {index}/{index}",
            addresses=[f"{index} Main St\nSpringfield, IL 62704\nUSA"] if address else [],
        )
        ids.append(
            archive.letters.create(
                signer_id=signer,
                recipient_id=person,
                title=f"Letter {index}",
                body=f"Dear friend {index},\n\nThe gulls are back.\n\nLove,",
            )
        )
    return ids


def test_envelope_conventions_by_country() -> None:
    assert layout_address("Jane Smith", "10 Downing Street\nLondon SW1A 2AA\nUK", sender_country="US").lines == (
        "Jane Smith",
        "10 Downing Street",
        "LONDON",
        "SW1A 2AA",
        "UNITED KINGDOM",
    )
    assert layout_address("Hans Müller", "Hauptstraße 5\nBerlin 10115\nDeutschland", sender_country="DE").lines == (
        "Hans Müller",
        "Hauptstraße 5",
        "10115 BERLIN",  # the town in capitals, as the address metadata has it for Germany
    )
    assert layout_address("Marie Curie", "12 rue de la Paix\n75002 Paris\nFrance", sender_country="DE").lines[-2:] == (
        "75002 PARIS",
        "FRANCE",
    )
    assert layout_address("Ann Lee", "1 Elm St\nBoston MA 02101", sender_country="US").lines == (
        "Ann Lee",
        "1 Elm St",
        "BOSTON, MA 02101",  # USPS: city and state in capitals
    )
    assert set(ENVELOPE_SIZES) == {"DL", "C5", "C6", "US10"}


def test_envelope_pdf_and_missing_address(qapp, empty_archive, tmp_path: Path, test_output_dir: Path) -> None:
    from PySide6.QtGui import QPdfWriter

    from ui.printing.envelope import render_envelope

    letter_id = _people_with_letters(empty_archive, 1)[0]
    letter = empty_archive.letters.get(letter_id)
    signer, recipient = (empty_archive.people.get(i) for i in (letter.signer_id, letter.recipient_id))
    envelope = envelope_for(letter, signer, recipient, size="C5")
    writer = QPdfWriter(str(tmp_path / "envelope.pdf"))
    render_envelope(envelope, writer)
    del writer
    text = pdftotext(tmp_path / "envelope.pdf")
    assert "SPRINGFIELD, IL 62704" in text and "UNITED STATES" in text and "10115 BERLIN" in text
    page = PdfReader(str(tmp_path / "envelope.pdf")).pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == 229
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(tmp_path / "envelope.pdf"), str(test_output_dir / "envelope")], check=True
    )
    empty_archive.people.update(recipient.id, addresses=[])
    with pytest.raises(ValidationError, match="no postal address"):
        envelope_for(letter, signer, empty_archive.people.get(recipient.id))


def test_safe_file_names_and_selection(empty_archive) -> None:
    used: set[str] = set()
    assert safe_file_name("Ada/Brook", used, suffix=".pdf") == "Ada_Brook.pdf"
    assert safe_file_name("ada/brook", used, suffix=".pdf") == "ada_brook (2).pdf"
    assert safe_file_name("../..", used) == "letter"
    assert safe_file_name("CON", used) == "letter CON"
    assert safe_file_name("王小明", used) == "王小明"
    with pytest.raises(ValidationError, match="one of"):
        select_people(empty_archive)
    with pytest.raises(ValidationError, match="nobody"):
        select_people(empty_archive, tag="nobody-has-this")


def test_lint_summary_counts_people() -> None:
    plans = [
        PlannedLetter(1, "Ada", warnings=["no postal address", "Ada has no anniversary year."]),
        PlannedLetter(2, "Bo", warnings=["no postal address", "Bo has no anniversary year."]),
        PlannedLetter(3, "Cy", warnings=["Cy has no anniversary year."]),
        PlannedLetter(4, "Di", warnings=["no postal address"], include=False),
    ]
    assert lint_summary(plans) == ["2 people have no postal address", "3 people have no anniversary year"]


def test_batch_per_person_and_combined_with_envelopes(
    qapp, empty_archive, tmp_path: Path, test_output_dir: Path
) -> None:
    letter_ids = _people_with_letters(empty_archive, 3)
    items = load_items(empty_archive, letter_ids)
    folder = tmp_path / "batch"
    result = write_batch(items, folder, BatchOptions(combined=False))
    assert sorted(p.name for p in folder.iterdir()) == ["Friend 0_0.pdf", "Friend 1_1.pdf", "Friend 2_2.pdf"]
    assert "Dear friend 1," in pdftotext(folder / "Friend 1_1.pdf")
    combined = write_batch(items, tmp_path / "all.pdf", BatchOptions(envelopes=True)).files[0]
    reader = PdfReader(str(combined))
    assert len(reader.pages) == 6  # letter, envelope, letter, envelope...
    assert "SPRINGFIELD" in reader.pages[1].extract_text()
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(combined), str(test_output_dir / "batch")], check=True)
    assert result.pages == 3


def test_cancelled_batch_leaves_no_files(qapp, qtbot, empty_archive, tmp_path: Path) -> None:
    items = load_items(empty_archive, _people_with_letters(empty_archive, 6))
    folder = tmp_path / "out"
    seen = []

    def cancel_after_two() -> bool:
        return len(seen) >= 2

    with pytest.raises(Cancelled):
        write_batch(
            items,
            folder,
            BatchOptions(combined=False),
            progress=lambda d, t, n: seen.append(d),
            is_cancelled=cancel_after_two,
        )
    assert list(folder.iterdir()) == []
    job = BatchJob(items, tmp_path / "all.pdf", BatchOptions())
    job.cancel()
    with qtbot.waitSignal(job.signals.cancelled, timeout=10000):
        job.start()
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.part")) == []


def _many_letters(archive, count: int) -> list:
    """`count` one-page letters; every third recipient has no postal address (so no envelope)."""
    items = load_items(archive, _people_with_letters(archive, count))
    for item in items[::3]:
        item.recipient = replace(item.recipient, addresses=[], postal_addresses=[])
    return items


def test_a_batch_shared_with_a_helper_process_reads_exactly_like_one_painted_here(
    qapp, empty_archive, tmp_path: Path
) -> None:
    items = _many_letters(empty_archive, 400)
    options = BatchOptions(envelopes=True)
    alone = write_batch(items, tmp_path / "alone.pdf", options, helpers=0)
    seen: list[int] = []
    shared = write_batch(
        items,
        tmp_path / "shared.pdf",
        options,
        helpers=1,
        progress=lambda done, total, name: seen.append(done),
        title="Spring letters",
    )
    assert pdftotext(tmp_path / "shared.pdf") == pdftotext(tmp_path / "alone.pdf")  # every page, in order
    assert (shared.pages, shared.notes) == (alone.pages, alone.notes) and len(alone.notes) == 134
    assert seen == list(range(1, 401))
    reader = PdfReader(str(tmp_path / "shared.pdf"))
    assert len(reader.pages) == alone.pages == 400 + (400 - 134)  # letters and envelopes
    assert (reader.metadata.title, reader.metadata.author) == ("Spring letters", items[0].signer.display_name)
    fonts = (
        subprocess.run(["pdffonts", str(tmp_path / "shared.pdf")], capture_output=True, text=True, check=True)
        .stdout.strip()
        .splitlines()[2:]
    )
    assert all(row.split()[-5] == "yes" for row in fonts)  # embedded
    alone_fonts = (
        subprocess.run(["pdffonts", str(tmp_path / "alone.pdf")], capture_output=True, text=True, check=True)
        .stdout.strip()
        .splitlines()[2:]
    )
    assert len(fonts) > len(alone_fonts)  # the helper painted a part of its own (its own font subsets)


def test_one_pdf_each_shared_with_a_helper_gives_the_same_files(qapp, empty_archive, tmp_path: Path) -> None:
    items = _many_letters(empty_archive, 150)
    alone = write_batch(items, tmp_path / "alone", BatchOptions(combined=False), helpers=0)
    shared = write_batch(items, tmp_path / "shared", BatchOptions(combined=False), helpers=1)
    assert [p.name for p in shared.files] == [p.name for p in alone.files]
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == sorted(p.name for p in alone.files)
    for name in ("Friend 0_0.pdf", "Friend 149_149.pdf"):
        assert pdftotext(tmp_path / "shared" / name) == pdftotext(tmp_path / "alone" / name)


def test_a_cancelled_shared_batch_leaves_no_files_and_no_helpers(qapp, empty_archive, tmp_path: Path) -> None:
    import multiprocessing

    items = _many_letters(empty_archive, 300)
    folder = tmp_path / "out"
    folder.mkdir()
    for combined, out in ((True, folder / "all.pdf"), (False, folder / "each")):
        seen: list[int] = []
        with pytest.raises(Cancelled):
            write_batch(
                items,
                out,
                BatchOptions(combined=combined),
                helpers=1,
                progress=lambda done, total, name, seen=seen: seen.append(done),
                is_cancelled=lambda seen=seen: len(seen) >= 40,
            )
        assert not out.exists() or list(out.iterdir()) == []
        assert [p.name for p in folder.iterdir() if p.name != "each"] == []
        assert multiprocessing.active_children() == []


def test_a_letter_a_helper_cannot_paint_is_named_as_it_would_be_here(qapp, empty_archive, tmp_path: Path) -> None:
    items = _many_letters(empty_archive, 200)
    items[-1].letter = replace(items[-1].letter, style={"page_size": "B7"})  # a helper takes the last letters
    messages = []
    folder = tmp_path / "out"
    folder.mkdir()
    for helpers in (0, 1):
        with pytest.raises(BeautifulLettersError) as raised:
            write_batch(items, folder / "all.pdf", BatchOptions(), helpers=helpers)
        messages.append(str(raised.value))
    assert messages[0] == messages[1] and "page_size" in messages[0] and "'B7'" in messages[0]
    assert list(folder.iterdir()) == []


def test_batch_job_reports_progress_and_result(qapp, qtbot, empty_archive, tmp_path: Path) -> None:
    items = load_items(empty_archive, _people_with_letters(empty_archive, 3))
    job = BatchJob(items, tmp_path / "all.pdf", BatchOptions())
    progress = []
    job.signals.progress.connect(lambda done, total, name: progress.append((done, total)))
    with qtbot.waitSignal(job.signals.finished, timeout=20000) as blocker:
        job.start()
    assert blocker.args[0].files == [tmp_path / "all.pdf"]
    assert progress[-1] == (3, 3)


def test_anthology_in_date_order_with_title_page(qapp, archive, tmp_path: Path) -> None:
    from ui.printing.batch import write_anthology

    chris = next(p for p in archive.search.people() if p.display_name == "Chris Mercer").id
    loretta = next(p for p in archive.search.people() if p.display_name == "Loretta Mercer").id
    ids = anthology_letter_ids(archive, chris, loretta)
    out = write_anthology(load_items(archive, ids), tmp_path / "book.pdf").files[0]
    text = pdftotext(out)
    assert text.index("Letters from Chris Mercer to Loretta Mercer") < text.index("Dear Lolly")
    dates = [archive.letters.get(i).created_at for i in ids]
    assert dates == sorted(dates)
    greetings = {"birthday": "Dear Lolly", "anniversary": "My dearest Loretta"}
    order = [greetings[archive.letters.get(i).occasion] for i in ids]
    assert text.index(order[0]) < text.index(order[1])
    assert PdfReader(str(out)).metadata.author == "Chris Mercer"


def test_mark_sent_is_asked_once_and_remembered(qapp, empty_archive) -> None:
    first, second = _people_with_letters(empty_archive, 2)
    preferences = Preferences()
    asked = []
    assert after_output(None, empty_archive, first, preferences, answer=lambda: asked.append(1) or True)
    assert empty_archive.letters.get(first).status == "sent"
    assert empty_archive.letters.get(first).sent_on
    assert after_output(None, empty_archive, second, preferences, answer=lambda: asked.append(1) or True)
    assert asked == [1]
    assert Preferences.load().mark_sent_on_export == "yes"


def test_print_preview_paints_the_letter_pages(qapp, qtbot, empty_archive, tmp_path: Path) -> None:
    letter_id = _people_with_letters(empty_archive, 1)[0]
    dialog = preview_dialog(None, empty_archive, letter_id)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.paintRequested.emit(printer)
    assert "Dear friend 0," in pdftotext(tmp_path / "printed.pdf")
