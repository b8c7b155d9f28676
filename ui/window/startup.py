"""Start-up work that waits until the window is up: the desk's imports and warm-up on a worker, then tidying."""

from __future__ import annotations

import gc

from ui.workers import patiently, wait_for_quiet


def import_desk_modules() -> None:
    """Worker side: the editor's and the reader's modules, imported before the UI thread builds them."""
    import importlib

    for name in ("ui.desk.editor", "ui.reading.reader", "beautifulletters.speech"):
        importlib.import_module(name)


def warm_modules() -> None:
    """Worker side: import what the first save, draft or export needs, so it does not stall the window."""
    import importlib

    # Nothing on the window's thread waits for these: they go once someone has paused for a second
    # (an import runs for tens of milliseconds, and the window's thread waits for the GIL meanwhile).
    wait_for_quiet(quiet=1.0, longest=10.0)
    for name in (
        "sqlite_utils",
        "sqlite_utils.plugins",
        "beautifulletters.archive.schema",
        "beautifulletters.drafting",
        "beautifulletters.transfer",
        "beautifulletters.export.batch",
    ):
        wait_for_quiet()
        importlib.import_module(name)
    from sqlite_utils.plugins import ensure_plugins_loaded

    ensure_plugins_loaded()  # the entry-point scan Database() runs the first time
    from beautifulletters import spelling

    wait_for_quiet()
    spelling.warm_up(between_steps=patiently(10.0))  # else the first letter opened loads it on the UI thread


def settle_after_start() -> None:
    """Drop what only start-up needed, and keep the collector off what stays."""
    import linecache

    # PySide's import hook reads the source of every module imported after it (to look for
    # `from __feature__ import`), and the lines stay in linecache: ~11 MB for no later use.
    linecache.clearcache()
    # What start-up made lives as long as the window: freezing it keeps the collector from
    # rescanning it on the UI thread (a 58 ms pause was seen while scrolling). No collection
    # first: it took 37 ms on the UI thread and found nothing to free.
    gc.freeze()
