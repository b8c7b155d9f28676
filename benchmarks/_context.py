"""What every benchmark gets: the scale, how often to repeat, and the big archive (made once, cached)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import big_archive
from benchmarks._figures import Figure, print_table

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("BEAUTIFULLETTERS_BENCH_CACHE", REPO / ".bench-cache"))
SCALES = {"full": big_archive.FULL, "small": big_archive.SMALL, "tiny": big_archive.TINY}


@dataclass
class Context:
    scale_name: str = "full"
    repeat: int = 7
    cache: Path = CACHE
    _archive: tuple[Path, big_archive.Landmarks] | None = field(default=None, repr=False)
    _workdir: Path | None = field(default=None, repr=False)

    @property
    def tiny(self) -> bool:
        return self.scale_name == "tiny"

    @property
    def scale(self) -> big_archive.Scale:
        return SCALES[self.scale_name]

    def big_archive(self) -> tuple[Path, big_archive.Landmarks]:
        """The generated archive for this scale (built on first use, then reused from the cache)."""
        if self._archive is None:
            self._archive = big_archive.ensure(self.scale, self.cache)
        return self._archive

    @property
    def workdir(self) -> Path:
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="bl-bench-"))
        return self._workdir

    def user_dirs(self, name: str) -> dict[str, str]:
        """Fresh per-user folders for a process the benchmark starts (so no real settings are touched)."""
        home = self.workdir / f"home-{name}"
        env = {}
        for variable, sub in (
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_STATE_HOME", "state"),
        ):
            (home / sub).mkdir(parents=True, exist_ok=True)
            env[variable] = str(home / sub)
        return env

    def close(self) -> None:
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)


def run_standalone(run: Callable[[Context], list[Figure]], argv: list[str] | None) -> int:
    """`python -m benchmarks.NAME [full|small|tiny]`: one benchmark's own table."""
    ctx = Context(scale_name=argv[0] if argv else "full")
    try:
        print_table(run(ctx), sys.stdout)
    finally:
        ctx.close()
    return 0
