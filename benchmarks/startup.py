"""Cold start: `beautifulletters` on the large archive until its window is shown and takes typing.

Against a bare PySide6 window with one QTextEdit, started the same way (a fresh Python process,
offscreen, timed from process start until ui/startup_probe.py reports that a typed key arrived).
Runs alternate between the two so both see the same machine. Peak memory at that moment is
reported for both as well.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks._context import REPO, Context, run_standalone
from benchmarks._figures import Figure

TARGET_RATIO = 2.0


def prevent_start_backup(archive: Path, env: dict[str, str]) -> None:
    """Put a just-made backup stamp where the app looks, so it skips its backup at start.

    That backup (at most one per 30 minutes, on a worker) would copy the whole 12 GB file on
    every run of the benchmark; start-up is measured without it.
    """
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        from beautifulletters.transfer.backups import backups_dir

        folder = backups_dir(archive)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    (folder / f"backup-{stamp}Z.sqlite3").write_bytes(b"")


def time_to_ready(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from process start to the probe's `ready` line, peak resident MB at that moment)."""
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - began
    process.wait(timeout=60)
    if not line.startswith("ready "):
        raise RuntimeError(f"{' '.join(command)} did not become ready: {line.strip()} {process.stderr.read()[-800:]}")
    return elapsed, int(line.split()[1]) / 1024


def compile_bytecode() -> None:
    """Compile the modules both windows import, as an installed app has them.

    pip compiles an installed package, and Python keeps __pycache__ after the first run; but
    with PYTHONDONTWRITEBYTECODE=1 (set on the machines these figures come from) nothing is
    ever written, so every start would compile every module from source again (~40 ms).
    """
    import compileall

    for package in ("beautifulletters", "ui", "benchmarks"):
        compileall.compile_dir(REPO / package, quiet=1)


def run(ctx: Context) -> list[Figure]:
    archive, _landmarks = ctx.big_archive()
    compile_bytecode()
    base = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BEAUTIFULLETTERS_STARTUP_PROBE": "1"}
    app_env = {**base, **ctx.user_dirs("startup")}
    prevent_start_backup(archive, app_env)
    bare_env = {**base, **ctx.user_dirs("startup-bare")}
    app_command = [sys.executable, "-m", "ui", "--archive", str(archive)]
    bare_command = [sys.executable, "-m", "benchmarks._bare_window"]
    time_to_ready(app_command, app_env)  # once unmeasured, so both start with the files in the page cache
    time_to_ready(bare_command, bare_env)
    app_times, app_memory, bare_times, bare_memory = [], [], [], []
    for _ in range(max(1, ctx.repeat)):
        seconds, megabytes = time_to_ready(bare_command, bare_env)
        bare_times.append(seconds * 1000)
        bare_memory.append(megabytes)
        seconds, megabytes = time_to_ready(app_command, app_env)
        app_times.append(seconds * 1000)
        app_memory.append(megabytes)
    ratio = (sorted(app_times)[len(app_times) // 2]) / (sorted(bare_times)[len(bare_times) // 2])
    return [
        Figure(
            "Cold start on the large archive",
            "ms",
            app_times,
            bare_times,
            "bare PySide6 window",
            target=f"≤ {TARGET_RATIO:g}× bare",
            met=ratio <= TARGET_RATIO,
        ),
        Figure("Memory at start-up (peak RSS)", "MB", app_memory, bare_memory, "bare PySide6 window"),
    ]


def main(argv: list[str] | None = None) -> int:
    return run_standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
