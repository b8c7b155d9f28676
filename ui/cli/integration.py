"""`install-desktop` and `uninstall-desktop`: the app's menu entry and icon for the current user."""

from __future__ import annotations

import argparse

from beautifulletters import desktop
from beautifulletters.i18n import _, n_
from ui.cli.common import EXIT_OK
from ui.cli.common import print_json as _print_json


def install_desktop(args: argparse.Namespace, _archive: object) -> int:
    written = desktop.install()
    if args.json:
        _print_json({"installed": [str(path) for path in written]})
    elif not args.quiet:
        entry = next(path for path in written if path.suffix == ".desktop")
        print(
            _("Installed the menu entry {entry} (with its icon and metadata, {count} files).").format(
                entry=entry, count=len(written)
            )
        )
    return EXIT_OK


def uninstall_desktop(args: argparse.Namespace, _archive: object) -> int:
    removed = desktop.uninstall()
    # The login reminder's entry would run a command that may be gone with the app: it goes too.
    if desktop.remove_autostart():
        removed.append(desktop.autostart_path())
    if args.json:
        _print_json({"removed": [str(path) for path in removed]})
    elif not args.quiet:
        print(
            n_(
                "Removed the menu entry and what came with it ({count} file).",
                "Removed the menu entry and what came with it ({count} files).",
                len(removed),
            ).format(count=len(removed))
            if removed
            else _("The menu entry was not installed.")
        )
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    for name, handler, help_text in (
        ("install-desktop", install_desktop, "add the app to the desktop's menu (entry, icon, metadata) for you"),
        ("uninstall-desktop", uninstall_desktop, "remove the app's menu entry, icon and metadata"),
    ):
        sub = commands.add_parser(name, help=help_text, parents=[common, json_option])
        sub.add_argument("--quiet", action="store_true", help=_("print nothing when it works"))
        # These work on the desktop, not on an archive: cli.run never opens (or creates) one for them.
        sub.set_defaults(handler=handler, without_archive=True)
