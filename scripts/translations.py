"""The translation catalogues: extract the strings from the code, update every language's .po,
compile each .mo (`make translations`), or start a new language.

    .venv/bin/python scripts/translations.py            # extract, update every .po, compile every .mo
    .venv/bin/python scripts/translations.py --new fr   # also start resources/locale/fr/.../beautifulletters.po

The .po files are what translators edit (docs/translating.md); the .mo files are what the app
reads, committed so it starts without compiling anything (tests/core/test_translations.py checks
they match). No .pot is kept: it is made fresh from the code each time.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "resources" / "locale"
DOMAIN = "beautifulletters"
SOURCE_FOLDERS = ("beautifulletters", "ui")
# The same words as babel.cfg's header: _("…"), n_("…", "…", count), p_("context", "…"), N_("…").
KEYWORDS: dict[str, object] = {"_": None, "n_": (1, 2), "p_": ((1, "c"), 2), "N_": None}
COMMENT_TAGS = ("TRANSLATORS:",)


def extract() -> Catalog:
    """Every translatable string in the code, as a template catalogue (files named, no line numbers)."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    template = Catalog(project="BeautifulLetters", msgid_bugs_address="", charset="utf-8")
    for folder in SOURCE_FOLDERS:
        # babel.cfg names files from the repository's root; each folder is walked on its own.
        local_map = [
            (pattern.removeprefix(f"{folder}/"), method)
            for pattern, method in method_map
            if pattern.startswith(f"{folder}/")
        ]
        for filename, _lineno, message, comments, context in extract_from_dir(
            ROOT / folder,
            local_map,
            options_map,
            keywords=KEYWORDS,  # type: ignore[arg-type]
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        ):
            template.add(message, None, [(f"{folder}/{filename}", None)], auto_comments=comments, context=context)
    return template


def po_paths() -> Iterator[Path]:
    yield from sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalogue(path: Path) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=path.parent.parent.name, domain=DOMAIN)


def write_catalogue(catalogue: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=120, include_lineno=False, ignore_obsolete=True, sort_output=False)
    path.write_bytes(buffer.getvalue())


def compile_catalogue(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def update(template: Catalog) -> list[str]:
    """Each .po takes the code's strings (new ones untranslated, gone ones dropped) and its .mo is
    compiled; returns a line per language saying what is left to translate."""
    report = []
    for path in po_paths():
        catalogue = read_catalogue(path)
        created = catalogue.creation_date  # kept: a new date at every run would only make merge conflicts
        catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalogue.creation_date = created
        write_catalogue(catalogue, path)
        path.with_suffix(".mo").write_bytes(compile_catalogue(catalogue))
        untranslated = [
            m
            for m in catalogue
            if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,)))
        ]
        report.append(f"{path.parent.parent.name}: {len(catalogue)} strings, {len(untranslated)} to translate")
    return report


def new_language(language: str, template: Catalog) -> Path:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        raise SystemExit(f"{path} exists already")
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue = Catalog(
        locale=language,
        domain=DOMAIN,
        project="BeautifulLetters",
        version="",
        msgid_bugs_address="https://github.com/beautifulletters/beautifulletters/issues",
        last_translator="",
        language_team="",
        header_comment=f"# The {language} translation of the window and the command line (docs/translating.md).",
        charset="utf-8",
        fuzzy=False,
    )
    catalogue.update(template, no_fuzzy_matching=True)
    write_catalogue(catalogue, path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--new", metavar="LANG", help="start a catalogue for this language (e.g. fr, pt_BR)")
    args = parser.parse_args(argv)
    template = extract()
    if args.new:
        print(f"started {new_language(args.new, template).relative_to(ROOT)}")
    for line in update(template):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
