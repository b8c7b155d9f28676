"""Looking after the archive: `check`, `sample remove`, and `signer set|show` (who signs by default)."""

from __future__ import annotations

import argparse

from beautifulletters.archive import Archive
from beautifulletters.i18n import _, n_
from ui.cli.common import EXIT_BAD_INPUT, EXIT_OK, add_command, add_group
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


# ----------------------------------------------------------------- maintenance
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
        _print_json(archive.people.person_json(person))
    else:
        print(f"{person['id']}  {person['display_name']}")
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    sub = commands.add_parser("check", help=_("integrity report of the archive"), parents=[common, json_option])
    sub.set_defaults(handler=check)

    sample = add_group(commands, common, "sample", _("the sample correspondence a new archive starts with"))
    add_command(sample, "remove", sample_remove, _("remove the sample people and letters"), [common])

    signer = add_group(commands, common, "signer", _("the default signer (you)"))
    sub = add_command(signer, "set", signer_set, _("sign letters as this person by default"), [common])
    sub.add_argument("id", type=_id)
    add_command(signer, "show", signer_show, _("who signs by default"), [common, json_option])
