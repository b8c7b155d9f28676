"""Looking after the archive: `init`, `check`, `sample remove`, and `signer set|show` (who signs by default)."""

from __future__ import annotations

import argparse
from pathlib import Path

from beautifulletters.archive import Archive
from beautifulletters.i18n import _, n_
from ui.cli.common import EXIT_BAD_INPUT, EXIT_OK, add_command, add_group
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


# ----------------------------------------------------------------- maintenance
def init(args: argparse.Namespace, path: Path) -> int:
    """Make a new archive, as the window's first start does; never over anything already there."""
    with Archive.create(path, with_sample=not args.no_sample) as archive:
        people = archive.search.count_people()
    if args.json:
        _print_json({"path": str(path), "sample": not args.no_sample, "people": people})
    elif args.no_sample:
        print(_("Created a new archive at {path}, empty but for your own record.").format(path=path))
    else:
        print(
            _(
                "Created a new archive at {path}, with a sample correspondence to look around in"
                " (`beautifulletters sample remove` takes it out)."
            ).format(path=path)
        )
    return EXIT_OK


def check(args: argparse.Namespace, archive: Archive) -> int:
    report = archive.check()
    if args.json:
        _print_json(report)
    else:
        print(_("Archive: {path}").format(path=report["path"]))
        print(_("Integrity: ok") if report["ok"] else _("Integrity: PROBLEMS FOUND"))
        for problem in report["problems"]:
            print(f"  - {problem}")
        for part in report.get("not_checked", []):
            print("  " + _("Not checked: {part}").format(part=part))
        contents = ", ".join(f"{count} {table.replace('_', ' ')}" for table, count in report["counts"].items())
        print(_("Contents: {contents}").format(contents=contents))
        print(
            _("Schema steps applied: {count}; journal: {journal}").format(
                count=len(report["schema"]), journal=report["journal_mode"]
            )
        )
    return EXIT_OK if report["ok"] else EXIT_BAD_INPUT


def sample_remove(args: argparse.Namespace, archive: Archive) -> int:
    removed = archive.people.remove_sample()
    print(
        n_(
            "Removed the sample correspondence ({count} person and their letters).",
            "Removed the sample correspondence ({count} people and their letters).",
            removed,
        ).format(count=removed)
        if removed
        else _("There is no sample correspondence to remove.")
    )
    return EXIT_OK


def signer_set(args: argparse.Namespace, archive: Archive) -> int:
    archive.settings.set_default_signer(args.id)
    return EXIT_OK


def signer_show(args: argparse.Namespace, archive: Archive) -> int:
    signer_id = archive.settings.default_signer_id()
    if signer_id is None:
        print(_("No default signer is set."))
        return EXIT_OK
    person = archive.people.get(signer_id)
    if args.json:
        _print_json(person.as_json())
    else:
        print(f"{person.id}  {person.display_name}")
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    sub = commands.add_parser(
        "init", help=_("make a new archive (the only command that makes one on purpose)"), parents=[common, json_option]
    )
    sub.add_argument("--no-sample", action="store_true", help=_("start empty, without the sample correspondence"))
    sub.set_defaults(handler=init, without_archive=True)

    sub = commands.add_parser("check", help=_("integrity report of the archive"), parents=[common, json_option])
    sub.set_defaults(handler=check)

    sample = add_group(commands, common, "sample", _("the sample correspondence a new archive starts with"))
    add_command(sample, "remove", sample_remove, _("remove the sample people and letters"), [common])

    signer = add_group(commands, common, "signer", _("the default signer (you)"))
    sub = add_command(signer, "set", signer_set, _("sign letters as this person by default"), [common])
    sub.add_argument("id", type=_id)
    add_command(signer, "show", signer_show, _("who signs by default"), [common, json_option])
