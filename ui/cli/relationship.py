"""The `relationship` commands: what the one who signs is to the one who receives."""

from __future__ import annotations

import argparse
from typing import Any

from beautifulletters.archive import Archive
from beautifulletters.errors import ValidationError
from ui.cli.common import EXIT_OK, add_command, add_group
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


def relationship_set(args: argparse.Namespace, archive: Archive) -> int:
    fields: dict[str, Any] = {"kind": args.kind}
    if args.since is not None:
        fields["since"] = args.since or None
    if args.how_we_met is not None:
        fields["how_we_met"] = args.how_we_met or None
    if args.pet_name is not None:
        fields["pet_names"] = args.pet_name
    if args.tone is not None:
        fields["tone"] = args.tone or None
    for name in ("ended_on", "end_kind", "signs_as", "calls_them"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name) or None
    rel_id = archive.relationships.set(args.from_id, args.to_id, **fields)
    if args.json:
        _print_json(archive.relationships.get(args.from_id, args.to_id))
    else:
        print(rel_id)
    return EXIT_OK


def relationship_show(args: argparse.Namespace, archive: Archive) -> int:
    archive.people.get(args.from_id)
    archive.people.get(args.to_id)
    rel = archive.relationships.get(args.from_id, args.to_id)
    if rel is None:
        raise ValidationError("relationship", f"there is none from person {args.from_id} to person {args.to_id}.")
    if args.json:
        _print_json(rel)
    else:
        for key in ("kind", "since", "how_we_met", "tone"):
            if rel[key]:
                print(f"{key.replace('_', ' ').capitalize()}: {rel[key]}")
        if rel["pet_names"]:
            print("Pet names: " + ", ".join(rel["pet_names"]))
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser, json_option: argparse.ArgumentParser
) -> None:
    rel = add_group(commands, common, "relationship", "what the one who signs is to the one who receives")
    sub = add_command(rel, "set", relationship_set, "create or update a relationship", [common, json_option])
    sub.add_argument("from_id", type=_id, metavar="FROM_ID")
    sub.add_argument("to_id", type=_id, metavar="TO_ID")
    sub.add_argument("--kind", required=True, help="wife, grandson, old friend...")
    sub.add_argument("--since", help="YYYY-MM-DD, YYYY-MM or YYYY")
    sub.add_argument("--how-we-met", dest="how_we_met")
    sub.add_argument("--pet-name", action="append", help="repeat for several")
    sub.add_argument("--tone", help="the tone their letters usually take")
    sub.add_argument("--ended-on", dest="ended_on", help="when the relationship ended (YYYY-MM-DD, YYYY-MM or YYYY)")
    sub.add_argument("--end-kind", dest="end_kind", help="how it ended: divorce, separation, estrangement...")
    sub.add_argument("--signs-as", dest="signs_as", help='how the signer signs to them ("Nana", "Dad")')
    sub.add_argument("--calls-them", dest="calls_them", help='what the signer calls them in a letter ("Bug")')
    sub = add_command(rel, "show", relationship_show, "show a relationship", [common, json_option])
    sub.add_argument("from_id", type=_id, metavar="FROM_ID")
    sub.add_argument("to_id", type=_id, metavar="TO_ID")
