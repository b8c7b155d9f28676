"""The command line: `beautifulletters COMMAND`, one module per command group."""

from __future__ import annotations


def main() -> None:
    """The installed script's entry point (kept here so `ui.cli:main` stays the same)."""
    # Imported on call so `import ui.cli.common` does not load every command.
    from ui.cli.main import main as run

    run()
