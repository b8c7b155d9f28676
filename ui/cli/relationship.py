"""The `relationship` commands: what the one who signs is to the one who receives."""

from __future__ import annotations

import argparse

from beautifulletters import words
from beautifulletters.archive import Archive
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import RelationshipFields
from ui.cli.common import EXIT_OK, add_command, add_group
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


def relationship_set(args: argparse.Namespace, archive: Archive) -> int:
    fields = RelationshipFields(kind=args.kind)
    if args.since is not None:
        fields["since"] = args.since or None
    if args.how_we_met is not None:
        fields["how_we_met"] = args.how_we_met or None
    if args.pet_name is not None:
        fields["pet_names"] = args.pet_name
    if args.tone is not None:
        fields["tone"] = args.tone or None
    if args.ended_on is not None:
        fields["ended_on"] = args.ended_on or None
    if args.end_kind is not None:
        fields["end_kind"] = args.end_kind or None
    if args.signs_as is not None:
        fields["signs_as"] = args.signs_as or None
    if args.calls_them is not None:
        fields["calls_them"] = args.calls_them or None
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
        raise ValidationError(
            "relationship",
            _("there is none from person {signer} to person {recipient}.").format(
                signer=args.from_id, recipient=args.to_id
            ),
        )
    if args.json:
        _print_json(rel)
    else:
        shown = (
            (_("Kind"), words.relationship_kind(rel.kind)),
            (_("Since"), rel.since),
            (_("How we met"), rel.how_we_met),
            (_("Tone"), rel.tone),
            (_("Signs as"), rel.signs_as),
            (_("Calls them"), rel.calls_them),
            (_("Ended"), rel.ended_on),
            (_("How it ended"), words.end_kind(rel.end_kind) if rel.end_kind else None),
        )
        for label, value in shown:
            if value:
                print(_("{label}: {value}").format(label=label, value=value))
        if rel.pet_names:
            print(_("Pet names: {names}").format(names=", ".join(rel.pet_names)))
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser, json_option: argparse.ArgumentParser
) -> None:
    rel = add_group(commands, common, "relationship", _("what the one who signs is to the one who receives"))
    sub = add_command(rel, "set", relationship_set, _("create or update a relationship"), [common, json_option])
    sub.add_argument("from_id", type=_id, metavar="FROM_ID")
    sub.add_argument("to_id", type=_id, metavar="TO_ID")
    sub.add_argument("--kind", required=True, help=_("wife, grandson, old friend..."))
    sub.add_argument("--since", help=_("YYYY-MM-DD, YYYY-MM or YYYY"))
    sub.add_argument("--how-we-met", dest="how_we_met")
    sub.add_argument("--pet-name", action="append", help=_("repeat for several"))
    sub.add_argument("--tone", help=_("the tone their letters usually take"))
    sub.add_argument("--ended-on", dest="ended_on", help=_("when the relationship ended (YYYY-MM-DD, YYYY-MM or YYYY)"))
    sub.add_argument("--end-kind", dest="end_kind", help=_("how it ended: divorce, separation, estrangement..."))
    sub.add_argument("--signs-as", dest="signs_as", help=_('how the signer signs to them ("Nana", "Dad")'))
    sub.add_argument("--calls-them", dest="calls_them", help=_('what the signer calls them in a letter ("Bug")'))
    sub = add_command(rel, "show", relationship_show, _("show a relationship"), [common, json_option])
    sub.add_argument("from_id", type=_id, metavar="FROM_ID")
    sub.add_argument("to_id", type=_id, metavar="TO_ID")
