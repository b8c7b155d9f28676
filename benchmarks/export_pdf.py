"""PDF export: one letter, and a 1,000-letter batch (letters per second), LibreOffice alongside.

The letters are real ones from the large archive (150-600 words each). Our figures run from the
archive to the finished files: reading the letters, laying them out and writing, on every core
the batch uses (helper processes for large batches). When `soffice` is on the PATH the same
letters, as HTML, go through `soffice --headless --convert-to pdf` in the same run for the
reference throughput; otherwise the table says so.
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


SOFFICE_FILES_PER_RUN = 200  # LibreOffice 7.x/24.x silently stops after about 250 files in one call


def soffice_seconds(archive: object, ids: list[int], folder: Path) -> float | None:
    """LibreOffice's wall time to turn the same letters (as HTML files) into PDFs.

    soffice is given the files in runs of SOFFICE_FILES_PER_RUN, one process a run: given all
    1,000 at once it converted 247 and exited with status 0. Every PDF is checked to exist,
    so a reference that skipped letters cannot pass for a fast one.
    """
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
    # One conversion first, untimed: LibreOffice creates its user profile on the first start.
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "warm-up"),
            files[0],
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    began = time.perf_counter()
    for start in range(0, len(files), SOFFICE_FILES_PER_RUN):
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "pdf"),
                *files[start : start + SOFFICE_FILES_PER_RUN],
            ],
            check=True,
            capture_output=True,
            timeout=3600,
        )
    seconds = time.perf_counter() - began
    written = len(list((folder / "pdf").glob("*.pdf")))
    if written != len(files):
        raise RuntimeError(f"LibreOffice wrote {written} of {len(files)} PDFs; the reference would be wrong")
    return seconds


def _batch_rates(archive: object, ids: list[int], out: Path, combined: bool, attempts: int) -> list[float]:
    """Letters per second from the archive to the finished file(s): reading the letters, laying out, writing."""
    from ui.printing.batch import BatchOptions, load_items, write_batch

    rates = []
    for attempt in range(attempts):
        target = out / (f"batch{attempt}.pdf" if combined else f"each{attempt}")
        began = time.perf_counter()
        write_batch(load_items(archive, ids), target, BatchOptions(combined=combined))
        rates.append(len(ids) / (time.perf_counter() - began))
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    return rates


def run(ctx: Context) -> list[Figure]:
    from beautifulletters.archive import Archive
    from ui.printing.layout import prepare_letter
    from ui.printing.pdf import write_letter_pdf
    from ui.printing.session import ensure_gui_application

    ensure_gui_application()
    path, _marks = ctx.big_archive()
    batch_size = 5 if ctx.tiny else 1000
    out = ctx.workdir / "pdf"
    out.mkdir(exist_ok=True)
    single: list[float] = []
    with Archive.open_reader(path) as archive:
        ids = _letter_ids(archive, batch_size)
        for index, letter_id in enumerate(ids[: max(3, ctx.repeat)]):
            began = time.perf_counter()
            write_letter_pdf(prepare_letter(archive, letter_id), out / f"single{index}.pdf")
            single.append((time.perf_counter() - began) * 1000)
        attempts = 1 if ctx.tiny else 3
        combined = _batch_rates(archive, ids, out, True, attempts)
        separate = _batch_rates(archive, ids, out, False, attempts)
        reference = soffice_seconds(archive, ids, ctx.workdir / "soffice")
    batch = Figure(
        f"PDF export, batch of {len(ids):,} letters into one PDF",
        "letters/s",
        combined,
        target=f"≥ {TARGET_RATIO:g}× LibreOffice",
    )
    each = Figure(f"PDF export, batch of {len(ids):,} letters, one PDF each", "letters/s", separate)
    if reference is not None:
        for figure in (batch, each):
            figure.reference = [len(ids) / reference]
            figure.reference_name = f"LibreOffice headless, the same {len(ids):,} letters, one PDF each"
        batch.met = (batch.ratio or 0) >= TARGET_RATIO
    else:
        batch.note = "LibreOffice (soffice) is not installed here, so there is no reference in this run"
    return [Figure("PDF export, one letter (prepare + write)", "ms", single), batch, each]


def main(argv: list[str] | None = None) -> int:
    return run_standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
