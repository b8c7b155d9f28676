"""The `dates` commands and `upcoming`: birthdays, anniversaries and other dates, and those coming soon."""

from __future__ import annotations

import argparse

from beautifulletters import humandates
from beautifulletters.archive import Archive
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
        print(f"Nothing in the next {args.days} days.")
    rows = []
    for item in items:
        what = item.label or item.kind.capitalize()
        if item.years is not None and item.kind == "birthday":
            what += f", turns {item.years}"
        elif item.years is not None and item.kind == "anniversary":
            what += f", {humandates.years(item.years)}"
        rows.append((humandates.near_date(item.date), humandates.in_days(item.days_until), item, what))
    width = max((len(row[0]) for row in rows), default=0)
    for day, when, item, what in rows:
        print(f"{day:<{width}}  {when:<12} {item.person_name} — {what}")
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser, json_option: argparse.ArgumentParser
) -> None:
    dates = add_group(commands, common, "dates", "birthdays, anniversaries and other dates")
    sub = add_command(dates, "add", dates_add, "add a date; prints the new id", [common])
    sub.add_argument("person_id", type=_id)
    sub.add_argument("--kind", required=True, choices=["birthday", "anniversary", "custom"])
    sub.add_argument("--date", required=True, help="YYYY-MM-DD, or --MM-DD without a year")
    sub.add_argument("--label")
    sub.add_argument("--once", action="store_true", help="a one-off date, not yearly")
    sub.add_argument(
        "--relationship-from", type=_id, metavar="FROM_ID", help="the date belongs to the relationship from this person"
    )
    sub = add_command(dates, "list", dates_list, "a person's dates", [common, json_option])
    sub.add_argument("person_id", type=_id)

    sub = commands.add_parser("upcoming", help="dates in the coming days", parents=[common, json_option])
    sub.set_defaults(handler=upcoming)
    sub.add_argument("--days", type=whole_number, default=60, help=f"how far ahead (0 to {UPCOMING_DAYS:,} days)")
