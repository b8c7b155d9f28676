"""Benchmark: import a 10,000-card vCard file into a fresh archive (target: under 5 seconds)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

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


def main() -> int:
    from beautifulletters.archive import Archive
    from beautifulletters.transfer import import_file

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "contacts.vcf"
        make_vcard_file(source)
        with Archive.open(Path(folder) / "bench.sqlite3", with_sample=False) as archive:
            started = time.perf_counter()
            report = import_file(archive, source)
            elapsed = time.perf_counter() - started
            again_started = time.perf_counter()
            again = import_file(archive, source)
            again_elapsed = time.perf_counter() - again_started
    ok = elapsed < TARGET_SECONDS and report.count("added") == CARDS and again.count("added") == 0
    print(f"import_vcard: {CARDS} cards imported in {elapsed:.2f} s (target < {TARGET_SECONDS:.0f} s); "
          f"re-import {again_elapsed:.2f} s, {again.count('unchanged')} unchanged  "
          + ("OK" if ok else "TOO SLOW OR WRONG"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
