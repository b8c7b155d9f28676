"""PDF export: one letter, and a 1,000-letter batch (letters per second), LibreOffice alongside.

The letters are real ones from the large archive (150-600 words each). When `soffice` is on the
PATH the same letters, as HTML, go through `soffice --headless --convert-to pdf` in the same
run for the reference throughput (a smaller count: it is slow); otherwise the table says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks._context import Context, run_standalone
from benchmarks._figures import Figure

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_RATIO = 10.0


def _letter_ids(archive: object, count: int) -> list[int]:
    rows = archive.db.conn.execute("SELECT id FROM letters ORDER BY id LIMIT ?", (count,)).fetchall()  # type: ignore[attr-defined]
    return [row[0] for row in rows]


def soffice_seconds(archive: object, ids: list[int], folder: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    from beautifulletters.export.content import letter_content
    from beautifulletters.export.formats import to_html

    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for letter_id in ids:
        path = folder / f"letter{letter_id}.html"
        path.write_text(to_html(letter_content(archive, letter_id)), encoding="utf-8")
        files.append(str(path))
    profile = (folder / "profile").as_uri()  # its own profile: no first-start dialogs, no lock with a running office
    began = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder / "pdf"), *files], check=True, capture_output=True, timeout=3600)
    return time.perf_counter() - began


def run(ctx: Context) -> list[Figure]:
    from beautifulletters.archive import Archive
    from ui.printing.batch import BatchOptions, load_items, write_batch
    from ui.printing.layout import prepare_letter
    from ui.printing.pdf import write_letter_pdf
    from ui.printing.session import ensure_gui_application

    ensure_gui_application()
    path, _marks = ctx.big_archive()
    batch_size = 5 if ctx.tiny else 1000
    soffice_count = 2 if ctx.tiny else 100
    out = ctx.workdir / "pdf"
    out.mkdir(exist_ok=True)
    single: list[float] = []
    with Archive.open_reader(path) as archive:
        ids = _letter_ids(archive, batch_size)
        for index, letter_id in enumerate(ids[: max(3, ctx.repeat)]):
            began = time.perf_counter()
            write_letter_pdf(prepare_letter(archive, letter_id), out / f"single{index}.pdf")
            single.append((time.perf_counter() - began) * 1000)
        items = load_items(archive, ids)
        rates = []
        for attempt in range(1 if ctx.tiny else 3):
            began = time.perf_counter()
            write_batch(items, out / f"batch{attempt}.pdf", BatchOptions(combined=True))
            rates.append(len(items) / (time.perf_counter() - began))
            (out / f"batch{attempt}.pdf").unlink()
        reference = soffice_seconds(archive, ids[:soffice_count], ctx.workdir / "soffice")
    batch = Figure(f"PDF export, batch of {len(items):,} letters", "letters/s", rates,
                   target=f"≥ {TARGET_RATIO:g}× LibreOffice")
    if reference is not None:
        batch.reference = [soffice_count / reference]
        batch.reference_name = f"LibreOffice headless, {soffice_count} letters"
        batch.met = (batch.ratio or 0) >= TARGET_RATIO
    else:
        batch.note = "LibreOffice (soffice) is not installed here, so there is no reference in this run"
    return [Figure("PDF export, one letter (prepare + write)", "ms", single), batch]


def main(argv: list[str] | None = None) -> int:
    return run_standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
