"""Figures the benchmarks report, and the table `make bench` prints.

Every figure is a list of samples (one per repeated run, or per keystroke/query), reported as
its median with the spread (min-max) and, for latencies, the 95th percentile. A reference
measured in the same run (a bare PySide6 window, LibreOffice) gives a ratio.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass
class Figure:
    name: str
    unit: str
    samples: list[float]
    reference: list[float] = field(default_factory=list)
    reference_name: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]

    @property
    def ratio(self) -> float | None:
        if not self.reference:
            return None
        reference = statistics.median(self.reference)
        return self.median / reference if reference else None


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _row(figure: Figure) -> list[str]:
    ratio = figure.ratio
    verdict = "" if figure.met is None else ("met" if figure.met else "MISSED")
    return [
        figure.name,
        f"{_number(figure.median)} {figure.unit}",
        f"{_number(min(figure.samples))}–{_number(max(figure.samples))}" if len(figure.samples) > 1 else "",
        _number(figure.p95) if len(figure.samples) >= 20 else "",
        str(len(figure.samples)),
        f"{_number(statistics.median(figure.reference))} {figure.unit} ({figure.reference_name})"
        if figure.reference
        else "",
        f"{ratio:.2f}×" if ratio is not None else "",
        f"{figure.target} {verdict}".strip(),
    ]


HEADER = ["Benchmark", "Median", "Spread (min–max)", "p95", "n", "Reference (median)", "Ratio", "Target"]


def print_table(figures: list[Figure], out: TextIO) -> None:
    rows = [HEADER, *(_row(f) for f in figures)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(), file=out)
        if index == 0:
            print("  ".join("-" * width for width in widths), file=out)
    for figure in figures:
        if figure.note:
            print(f"  * {figure.name}: {figure.note}", file=out)


def markdown_table(figures: list[Figure]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in _row(f)) + " |" for f in figures]
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def write_markdown(figures: list[Figure], path: Path, preamble: str) -> None:
    path.write_text(preamble + "\n" + markdown_table(figures), encoding="utf-8")
