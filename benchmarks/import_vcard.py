"""Benchmark: import a 10,000-card vCard file into a fresh archive (target: under 5 seconds)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks._context import Context, run_standalone
from benchmarks._figures import Figure

CARDS = 10_000
TARGET_SECONDS = 5.0


def make_vcard_file(path: Path, count: int = CARDS) -> None:
    """Cards like a phone exports them: 2.1 and 3.0 mixed, quoted-printable notes, several fields."""
    parts = []
    for n in range(count):
        if n % 2:
            parts.append(
                "BEGIN:VCARD\r\nVERSION:2.1\r\n"
                f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller {n};J=C3=BCrgen;;;\r\n"
                f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller {n}\r\n"
                f"TEL;CELL:+49 151 {n:07d}\r\nEMAIL;HOME:person{n}@example.de\r\n"
                "NOTE;ENCODING=QUOTED-PRINTABLE:Met at the fair, likes letters,=\r\n and coffee.\r\n"
                "END:VCARD\r\n"
            )
        else:
            parts.append(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                f"N:Person {n};Ada;;;\r\nFN:Ada Person {n}\r\nEMAIL;TYPE=HOME:ada{n}@example.org\r\n"
                f"TEL;TYPE=CELL:+1 555 {n:07d}\r\nBDAY:19{n % 90 + 10:02d}-0{n % 9 + 1}-1{n % 9}\r\n"
                f"ADR;TYPE=HOME:;;{n} Orchard Lane;Springfield;IL;62704;USA\r\n"
                "CATEGORIES:friends,letters\r\nNOTE:a, b\\nsecond line\r\nEND:VCARD\r\n"
            )
    path.write_text("".join(parts), encoding="utf-8")


def run(ctx: Context) -> list[Figure]:
    from beautifulletters.archive import Archive
    from beautifulletters.transfer import import_file

    cards = 50 if ctx.tiny else CARDS
    source = ctx.workdir / "contacts.vcf"
    make_vcard_file(source, cards)
    first, again = [], []
    for attempt in range(1 if ctx.tiny else 3):
        with Archive.open(ctx.workdir / f"import{attempt}.sqlite3", with_sample=False) as archive:
            began = time.perf_counter()
            report = import_file(archive, source)
            first.append(time.perf_counter() - began)
            began = time.perf_counter()
            repeat = import_file(archive, source)
            again.append(time.perf_counter() - began)
        if report.count("added") != cards or repeat.count("added") != 0:
            raise RuntimeError(f"the import went wrong: {report.count('added')} added, then {repeat.count('added')}")
    return [
        Figure(
            f"Import a {cards:,}-card vCard file",
            "s",
            first,
            target=f"< {TARGET_SECONDS:g} s",
            met=max(first) < TARGET_SECONDS,
        ),
        Figure("Import the same file again (all unchanged)", "s", again),
        *_refusals(ctx),
    ]


REFUSAL_TARGET_SECONDS = 5.0


def _refusals(ctx: Context) -> list[Figure]:
    """Hostile sizes are refused quickly: unfolding and quoted-printable decoding are linear.

    Before, a 12 MB quoted-printable note took over 300 s and a card of 50,000 emails 23 s.
    """
    from beautifulletters.archive import Archive
    from beautifulletters.transfer import import_file
    from beautifulletters.transfer.importer import ImportRefused

    line = "=41" * 25 + "=\r\n"
    lines = 1_000 if ctx.tiny else 160_000  # about 12 MB
    files = {
        "a 12 MB quoted-printable note": "NOTE;ENCODING=QUOTED-PRINTABLE:" + line * lines + "end\r\n",
        "a card of 50,000 emails": "".join(f"EMAIL:p{i}@example.org\r\n" for i in range(500 if ctx.tiny else 50_000)),
    }
    figures = []
    for name, body in files.items():
        source = ctx.workdir / "hostile.vcf"
        source.write_text(f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Hostile\r\n{body}END:VCARD\r\n", encoding="utf-8")
        samples = []
        for attempt in range(1 if ctx.tiny else 3):
            with Archive.open(ctx.workdir / f"refuse{attempt}.sqlite3", with_sample=False) as archive:
                began = time.perf_counter()
                try:
                    import_file(archive, source)
                except ImportRefused:
                    samples.append(time.perf_counter() - began)
                else:
                    if not ctx.tiny:
                        raise RuntimeError(f"{name} was imported, not refused")
                    samples.append(time.perf_counter() - began)
        figures.append(
            Figure(
                f"Refuse {name}",
                "s",
                samples,
                target=f"< {REFUSAL_TARGET_SECONDS:g} s",
                met=max(samples) < REFUSAL_TARGET_SECONDS,
            )
        )
    return figures


def main(argv: list[str] | None = None) -> int:
    return run_standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
