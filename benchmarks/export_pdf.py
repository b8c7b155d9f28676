"""Benchmark: 1,000 letters to PDF in one batch; letters per second and peak memory (LibreOffice alongside).

Run: `python -m benchmarks.export_pdf [--letters N] [--soffice-letters N]`. When `soffice` is on
the PATH, the same letters (as HTML) are converted with `soffice --headless --convert-to pdf`
for a side-by-side figure; the issue's reference is about 6 s for 100 letters (~17 letters/s).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARAGRAPHS = [
    "Another year, and you still hum when you think nobody is listening. I listen, and I have "
    "listened since the county fair, when you beat every pie in three counties.",
    "This morning I put yellow roses on the kitchen table, the way I have every April for as long "
    "as either of us can remember, and I stood there a while thinking how lucky I am.",
    "Still the gulls fill the harbour, the staff buffet is full of waffles, and little kittens "
    "sleep in the office. Everything here is ordinary, and that is the whole point.",
]


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_archive(path: Path, letters: int) -> list[int]:
    from beautifulletters.archive import Archive

    archive = Archive.open(path, with_sample=False)
    signer = archive.default_signer_id()
    ids = []
    for index in range(letters):
        person = archive.add_person(display_name=f"Friend {index:04d}",
                                    addresses=[f"{index} Main St\nSpringfield, IL 62704\nUSA"])
        body = "\n\n".join([f"Dear Friend {index:04d},", *PARAGRAPHS, "All my love,"])
        ids.append(archive.create_letter(signer_id=signer, recipient_id=person, body=body,
                                         title=f"Letter {index}"))
    archive.close()
    return ids


def run_qt(archive_path: Path, ids: list[int], out: Path) -> tuple[float, int]:
    from beautifulletters.archive import Archive
    from ui.printing.batch import BatchOptions, load_items, write_batch
    from ui.printing.session import ensure_gui_application

    ensure_gui_application()
    with Archive.open(archive_path) as archive:
        items = load_items(archive, ids)
    start = time.perf_counter()
    result = write_batch(items, out, BatchOptions(combined=True))
    return time.perf_counter() - start, result.pages


def run_soffice(archive_path: Path, ids: list[int], folder: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    from beautifulletters.archive import Archive
    from beautifulletters.export.content import letter_content
    from beautifulletters.export.formats import to_html

    folder.mkdir(parents=True, exist_ok=True)
    with Archive.open(archive_path) as archive:
        files = []
        for letter_id in ids:
            path = folder / f"letter{letter_id}.html"
            path.write_text(to_html(letter_content(archive, letter_id)), encoding="utf-8")
            files.append(str(path))
    start = time.perf_counter()
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder / "pdf"), *files],
                   check=True, capture_output=True, timeout=3600)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.export_pdf", description=__doc__)
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--soffice-letters", type=int, default=100,
                        help="letters for the LibreOffice comparison (it is slow)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bl-bench-") as folder:
        root = Path(folder)
        ids = build_archive(root / "bench.sqlite3", args.letters)
        seconds, pages = run_qt(root / "bench.sqlite3", ids, root / "batch.pdf")
        size_mb = (root / "batch.pdf").stat().st_size / 1e6
        print(f"Qt (BeautifulLetters): {args.letters} letters, {pages} pages in {seconds:.2f} s = "
              f"{args.letters / seconds:.0f} letters/s; file {size_mb:.1f} MB; peak memory {_peak_mb():.0f} MB")
        count = min(args.soffice_letters, len(ids))
        soffice_seconds = run_soffice(root / "bench.sqlite3", ids[:count], root / "soffice")
        if soffice_seconds is None:
            print("LibreOffice: `soffice` not installed; "
                  "reference from the issue: 100 letters in ~6 s (~17 letters/s).")
            reference = 100 / 6
        else:
            reference = count / soffice_seconds
            print(f"LibreOffice: {count} letters in {soffice_seconds:.2f} s = {reference:.1f} letters/s")
        ratio = (args.letters / seconds) / reference
        print(f"Throughput: {ratio:.1f}× LibreOffice (goal: at least 10×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
