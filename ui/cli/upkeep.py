"""Looking after the archive: `check`, `sample remove`, and `signer set|show` (who signs by default)."""

from __future__ import annotations

import argparse

from beautifulletters.archive import Archive
from ui.cli.common import EXIT_BAD_INPUT, EXIT_OK, add_command, add_group
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


# ----------------------------------------------------------------- maintenance
def check(args: argparse.Namespace, archive: Archive) -> int:
    report = archive.check()
    if args.json:
        _print_json(report)
    else:
        print(f"Archive: {report['path']}")
        print("Integrity: " + ("ok" if report["ok"] else "PROBLEMS FOUND"))
        for problem in report["problems"]:
            print(f"  - {problem}")
        for part in report.get("not_checked", []):
            print(f"  Not checked: {part}")
        print(
            "Contents: " + ", ".join(f"{count} {table.replace('_', ' ')}" for table, count in report["counts"].items())
        )
        print(f"Schema steps applied: {len(report['schema'])}; journal: {report['journal_mode']}")
    return EXIT_OK if report["ok"] else EXIT_BAD_INPUT


def sample_remove(args: argparse.Namespace, archive: Archive) -> int:
    removed = archive.people.remove_sample()
    print(
        f"Removed the sample correspondence ({removed} people and their letters)."
        if removed
        else "There is no sample correspondence to remove."
    )
    return EXIT_OK


def signer_set(args: argparse.Namespace, archive: Archive) -> int:
    archive.settings.set_default_signer(args.id)
    return EXIT_OK


def signer_show(args: argparse.Namespace, archive: Archive) -> int:
    signer_id = archive.settings.default_signer_id()
    if signer_id is None:
        print("No default signer is set.")
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
    sub = commands.add_parser("check", help="integrity report of the archive", parents=[common, json_option])
    sub.set_defaults(handler=check)

    sample = add_group(commands, common, "sample", "the sample correspondence a new archive starts with")
    add_command(sample, "remove", sample_remove, "remove the sample people and letters", [common])

    signer = add_group(commands, common, "signer", "the default signer (you)")
    sub = add_command(signer, "set", signer_set, "sign letters as this person by default", [common])
    sub.add_argument("id", type=_id)
    add_command(signer, "show", signer_show, "who signs by default", [common, json_option])
