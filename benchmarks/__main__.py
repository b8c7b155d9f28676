"""`make bench`: every benchmark on the large archive, one table of medians, spreads and ratios.

    python -m benchmarks [--scale full|small|tiny] [--only NAME ...] [--repeat N] [--markdown FILE]

The large archive (100,000 people, 300,000 notes, 1,000,000 letters) is generated on first use
into .bench-cache/ (a few minutes, about 12 GB) and reused afterwards. Benchmarks print figures;
they are not pass/fail tests (targets are marked met or MISSED).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sqlite3
import sys
import time
import traceback
from pathlib import Path

from benchmarks._context import SCALES, Context
from benchmarks._figures import Figure, print_table, write_markdown

MODULES = ("startup", "search", "window", "drafting", "export_pdf", "speech", "import_vcard", "keystrokes")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    from PySide6.QtCore import qVersion

    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.platform()}; "
        f"Python {platform.python_version()}, Qt {qVersion()}, SQLite {sqlite3.sqlite_version}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--only", nargs="+", choices=MODULES, help="run only these benchmarks")
    parser.add_argument("--repeat", type=int, default=7, help="repeats for whole-run figures (default 7)")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    ctx = Context(scale_name=args.scale, repeat=args.repeat)
    figures: list[Figure] = []
    failed: list[str] = []
    began = time.perf_counter()
    print(f"Machine: {machine()}", flush=True)
    try:
        path, _marks = ctx.big_archive()
        print(f"Archive: {path.name} ({path.stat().st_size / 1e9:.1f} GB)", flush=True)
        for name in args.only or MODULES:
            print(f"== {name}", flush=True)
            started = time.perf_counter()
            try:
                found = importlib.import_module(f"benchmarks.{name}").run(ctx)
            except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others' figures
                failed.append(name)
                traceback.print_exc()
                continue
            print_table(found, sys.stdout)
            print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)
            figures += found
    finally:
        ctx.close()
    print(f"\nAll figures ({args.scale} scale, {time.perf_counter() - began:.0f} s):")
    print_table(figures, sys.stdout)
    if args.markdown:
        write_markdown(figures, args.markdown, f"Machine: {machine()}\n\nScale: {args.scale}\n")
    if failed:
        print(f"\nThese benchmarks failed to run: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
