"""The `dates` commands and `upcoming`: birthdays, anniversaries and other dates, and those coming soon."""

from __future__ import annotations

import argparse

from beautifulletters import humandates, words
from beautifulletters.archive import Archive
from beautifulletters.i18n import _, n_
from beautifulletters.limits import UPCOMING_DAYS
from ui.cli.common import EXIT_OK, add_command, add_group, whole_number
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


def dates_add(args: argparse.Namespace, archive: Archive) -> int:
    date_id = archive.dates.add(
        args.person_id,
        kind=args.kind,
        date=args.date,
        label=args.label,
        yearly=not args.once,
        relationship_from=args.relationship_from,
    )
    print(date_id)
    return EXIT_OK


def dates_list(args: argparse.Namespace, archive: Archive) -> int:
    archive.people.get(args.person_id)
    dates = archive.dates.for_person(args.person_id)
    if args.json:
        _print_json(dates)
    else:
        for date in dates:
            print(f"{date.id:>6}  {date.kind:<12} {date.date}  {date.label or ''}".rstrip())
    return EXIT_OK


def upcoming(args: argparse.Namespace, archive: Archive) -> int:
    items = archive.dates.upcoming(days=args.days)
    if args.json:
        _print_json(items)
        return EXIT_OK
    if not items:
        print(
            n_("Nothing in the next {days} day.", "Nothing in the next {days} days.", args.days).format(days=args.days)
        )
    rows = []
    for item in items:
        what = item.label or words.date_kind(item.kind)
        if item.in_memory:  # someone who died: "would have been 80", "2 years since they died"
            what = words.remembered(item)
        elif item.years is not None and item.kind == "birthday":
            what = _("{occasion}, turns {years}").format(occasion=what, years=item.years)
        elif item.years is not None and item.kind == "anniversary":
            what = f"{what}, {humandates.years(item.years)}"
        rows.append((humandates.near_date(item.date), humandates.in_days(item.days_until), item, what))
    width = max((len(row[0]) for row in rows), default=0)
    for day, when, item, what in rows:
        print(f"{day:<{width}}  {when:<12} {item.person_name} — {what}")
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser, json_option: argparse.ArgumentParser
) -> None:
    dates = add_group(commands, common, "dates", _("birthdays, anniversaries and other dates"))
    sub = add_command(dates, "add", dates_add, _("add a date; prints the new id"), [common])
    sub.add_argument("person_id", type=_id)
    sub.add_argument("--kind", required=True, choices=["birthday", "anniversary", "custom"])
    sub.add_argument("--date", required=True, help=_("YYYY-MM-DD, or --MM-DD without a year"))
    sub.add_argument("--label")
    sub.add_argument("--once", action="store_true", help=_("a one-off date, not yearly"))
    sub.add_argument(
        "--relationship-from",
        type=_id,
        metavar="FROM_ID",
        help=_("the date belongs to the relationship from this person"),
    )
    sub = add_command(dates, "list", dates_list, _("a person's dates"), [common, json_option])
    sub.add_argument("person_id", type=_id)

    sub = commands.add_parser("upcoming", help=_("dates in the coming days"), parents=[common, json_option])
    sub.set_defaults(handler=upcoming)
    sub.add_argument(
        "--days",
        type=whole_number,
        default=60,
        help=_("how far ahead (0 to {count} days)").format(count=f"{UPCOMING_DAYS:,}"),
    )
