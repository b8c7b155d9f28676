"""Commands for templates and drafting: `templates list|show|check` and `letters draft`."""

from __future__ import annotations

import argparse
import sys

from beautifulletters import drafting
from beautifulletters.archive import Archive
from beautifulletters.drafting import catalog
from beautifulletters.drafting import details as occasion_details
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.preferences import Preferences
from ui.cli.common import EXIT_BAD_INPUT, EXIT_OK
from ui.cli.common import print_json as _print_json
from ui.cli.common import record_id as _id


def templates_list(args: argparse.Namespace, archive: Archive) -> int:
    infos = drafting.list_templates()
    if args.json:
        _print_json([info.to_json() for info in infos])
        return EXIT_OK
    width = max((len(info.name) for info in infos), default=10)
    for info in infos:
        origin = (
            ""
            if info.source == "builtin"
            else ("  " + (_("(yours, replaces the built-in)") if info.overrides_builtin else _("(yours)")))
        )
        print(f"{info.name:<{width}}  {info.title}: {info.description}{origin}")
        for detail in info.details:
            label = _("{label} (optional)").format(label=detail.label) if detail.optional else detail.label
            print(f"{'':<{width}}    --detail {detail.key}=…  {label}")
    return EXIT_OK


def templates_show(args: argparse.Namespace, archive: Archive) -> int:
    resolved = catalog.resolve(args.name)
    if args.json:
        _print_json({**resolved.info.to_json(), "text": resolved.source})
        return EXIT_OK
    sys.stdout.write(resolved.source if resolved.source.endswith("\n") else resolved.source + "\n")
    return EXIT_OK


def templates_check(args: argparse.Namespace, archive: Archive | None) -> int:
    # The trial letter is always drafted for the built-in sample people, archive or not.
    problems = drafting.check_template_file(args.file)
    if args.json:
        _print_json({"file": args.file, "ok": not problems, "problems": [p.to_json() for p in problems]})
    elif problems:
        for problem in problems:
            print(str(problem), file=sys.stderr)
    else:
        print(_("{file}: no problems found (syntax, sandbox, fields and a trial letter).").format(file=args.file))
    return EXIT_BAD_INPUT if problems else EXIT_OK


def letters_draft(args: argparse.Namespace, archive: Archive) -> int:
    try:
        details = occasion_details.parse_given(args.detail or [])
    except ValueError as error:
        raise ValidationError("detail", str(error).split(" ", 1)[1] + ".") from None
    draft = drafting.render_draft(
        archive,
        recipient_id=args.to,
        signer_id=args.signer,
        template=args.template,
        occasion_date=args.occasion_date,
        language=args.language,
        details=details,
    )
    # On the paper chosen in Preferences, stored with the letter: the window and PDFs show the same.
    letter_id = drafting.store_draft(archive, draft, paper=Preferences.load().style_defaults())
    if args.json:
        _print_json({"id": letter_id, **draft.to_json()})
        return EXIT_OK
    print(letter_id)
    if not args.quiet:
        print(file=sys.stderr)
        print(draft.text, file=sys.stderr)
        print(draft.signature, file=sys.stderr)
        for warning in draft.warnings:
            print(_("note: {message}").format(message=warning), file=sys.stderr)
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    templates = commands.add_parser("templates", help=_("letter templates: built-in and your own"), parents=[common])
    actions = templates.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    sub = actions.add_parser("list", help=_("the templates --template accepts"), parents=[common, json_option])
    sub.set_defaults(handler=templates_list)
    sub = actions.add_parser("show", help=_("print a template's text"), parents=[common, json_option])
    sub.add_argument("name", metavar="NAME")
    sub.set_defaults(handler=templates_show)
    sub = actions.add_parser(
        "check", help=_("syntax, sandbox and field check of a template file"), parents=[common, json_option]
    )
    sub.add_argument("file", metavar="FILE")
    sub.set_defaults(
        handler=templates_check,
        archive_optional=True,
        without_archive_note=_(
            "there is no archive at {path}; the template is checked with the built-in sample people."
        ),
    )

    sub = letters_actions.add_parser(
        "draft", help=_("draft a letter from a template; prints the new letter's id"), parents=[common, json_option]
    )
    sub.add_argument("--to", type=_id, required=True, metavar="ID", help=_("the recipient"))
    sub.add_argument("--from", dest="signer", type=_id, metavar="ID", help=_("the signer (default: you)"))
    sub.add_argument("--template", required=True, metavar="NAME|FILE", help=_("a template name or a .j2 file"))
    sub.add_argument(
        "--occasion-date",
        dest="occasion_date",
        metavar="DATE",
        help=_("the date the letter is for (default: the next birthday or anniversary)"),
    )
    sub.add_argument(
        "--language",
        metavar="TAG",
        help=_("the letter's language, e.g. fr, es, de, en-GB (default: the recipient's)"),
    )
    sub.add_argument(
        "--detail",
        action="append",
        metavar="KEY=VALUE",
        help=_("an occasion detail the template asks for (templates show NAME lists them), e.g. gift=the blue scarf"),
    )
    sub.add_argument("--quiet", action="store_true", help=_("print only the id"))
    sub.set_defaults(handler=letters_draft)
