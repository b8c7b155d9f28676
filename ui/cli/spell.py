"""`beautifulletters spell FILE [--language TAG] [--json]`: the unknown words of a text file, with suggestions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from beautifulletters import limits, userfiles
from beautifulletters.i18n import _
from beautifulletters.spelling import Speller, archive_words, require_dictionary
from ui.cli.common import EXIT_OK, print_json


def _read_text(path: Path) -> str:
    """The file's text, or one sentence naming what is wrong with it (a folder, a device, too large, not UTF-8)."""
    return userfiles.read_text(path, field="file", what="a text file", limit=limits.SPELL_TEXT_BYTES)


def _names(archive_path: Path) -> frozenset[str]:
    """The archive's names, when there is an archive: never create one just to check spelling."""
    from beautifulletters.archive import Archive
    from beautifulletters.errors import BeautifulLettersError

    if not archive_path.is_file() or archive_path.stat().st_size == 0:
        return frozenset()
    try:
        with Archive.open(archive_path, readonly=True, full_check=False) as archive:
            return archive_words(archive)
    except BeautifulLettersError:
        return frozenset()


def spell(args: argparse.Namespace, archive_path: Path) -> int:
    language = args.language or "en"
    require_dictionary(language)
    text = _read_text(Path(args.file))
    speller = Speller(language)
    speller.use_names(_names(Path(archive_path)))
    unknown = speller.unknown_words(text)
    if args.json:
        print_json([{"word": u.word, "line": u.line, "suggestions": list(u.suggestions)} for u in unknown])
        return EXIT_OK
    for item in unknown:
        offer = ", ".join(item.suggestions) if item.suggestions else "no suggestions"
        sys.stdout.write(f"{item.line}: {item.word}  ({offer})\n")
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    sub = commands.add_parser(
        "spell",
        help=_("list the misspelled words of a text file, with suggestions"),
        parents=[common, json_option],
        description=_(
            "Checks FILE with the Hunspell dictionary for the language (default en, the region "
            "from your locale) and prints each unknown word with its line and suggestions."
        ),
    )
    sub.add_argument("file", metavar="FILE", help=_("a UTF-8 text file"))
    sub.add_argument("--language", metavar="TAG", help=_("language and region, e.g. en-GB, en-US, de-DE, fr-FR, es"))
    sub.set_defaults(handler=spell, without_archive=True)
