"""What the window and the command line say, in the person's language (GNU gettext catalogues).

The catalogues are ``resources/locale/<lang>/LC_MESSAGES/beautifulletters.po``, compiled to the
``.mo`` beside each by ``make translations`` (a test checks every ``.mo`` says what its ``.po``
says, and that the German one translates every string in the code). The language is, in order:
the Preferences override (``set_language``, called once at start), then the environment
(LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them), then English, the language the
code is written in.

Strings are looked up when they are said, never at import: a ``_()`` at module level would fix
the language before ``set_language`` runs. Mark such strings with ``N_()`` and say them with
``_()`` where they are shown. Values go in by name (``_("Delete {name}?").format(name=...)``),
so a translation can move them; counts go through ``n_()``, which knows each language's plurals.
"""

from __future__ import annotations

import gettext
import os
import re
from pathlib import Path

from beautifulletters.resources import resources_dir

DOMAIN = "beautifulletters"
SOURCE_LANGUAGE = "en"  # the language the code's strings are written in
# LANGUAGE is a list ("de:en"); the others are one locale name ("de_DE.UTF-8", "C").
ENVIRONMENT_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_LOCALE_NAME = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[.@].*)?$")

_override: str | None = None
_catalogue: gettext.NullTranslations | None = None
_language = SOURCE_LANGUAGE


def locale_dir() -> Path:
    """The folder holding one ``<lang>/LC_MESSAGES/beautifulletters.mo`` per translation."""
    return resources_dir() / "locale"


def available_languages() -> list[str]:
    """English and every language with a compiled catalogue, as gettext names ("de", "pt_BR")."""
    found = {SOURCE_LANGUAGE}
    folder = locale_dir()
    if folder.is_dir():
        found.update(entry.name for entry in folder.iterdir() if (entry / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())
    return sorted(found)


def language_candidates(tag: str) -> list[str]:
    """The catalogue names a locale name can use, most specific first: "de_AT.UTF-8" -> de_AT, de."""
    match = _LOCALE_NAME.match(tag.strip())
    if not match:
        return []
    language = match.group(1).lower()
    if language in {"c", "posix"}:
        return [SOURCE_LANGUAGE]  # "no preference": the code's own words
    territory = match.group(2)
    return ([f"{language}_{territory.upper()}"] if territory else []) + [language]


def environment_languages() -> list[str]:
    """The languages the environment asks for, in order. As in POSIX, the first variable set
    decides (LANGUAGE may list several: "de:fr")."""
    for name in ENVIRONMENT_VARIABLES:
        value = os.environ.get(name, "").strip()
        if value:
            return [part for part in value.split(":") if part] if name == "LANGUAGE" else [value]
    return []


def choose_language(override: str | None = None) -> str:
    """The catalogue to speak in: the override if it has one, else the environment's first
    language that has one, else English."""
    available = available_languages()
    wanted = ([override] if override else []) + environment_languages()
    for tag in wanted:
        for candidate in language_candidates(tag):
            if candidate == SOURCE_LANGUAGE or candidate in available:
                return candidate
    return SOURCE_LANGUAGE


def set_language(language: str | None) -> str:
    """Speak `language` from now on ("de"; None or "" follows the environment); returns the
    language chosen, which is English when `language` has no catalogue."""
    global _override
    _override = language or None
    return _load()


def current_language() -> str:
    """The language strings are said in now ("en", "de")."""
    _translations()
    return _language


def _load() -> str:
    global _catalogue, _language
    language = choose_language(_override)
    catalogue: gettext.NullTranslations = gettext.NullTranslations()
    if language != SOURCE_LANGUAGE:
        try:
            with open(locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as handle:
                catalogue = gettext.GNUTranslations(handle)
        except (OSError, ValueError):  # unreadable or damaged: English rather than no window at all
            language = SOURCE_LANGUAGE
    _catalogue, _language = catalogue, language
    return language


def _translations() -> gettext.NullTranslations:
    if _catalogue is None:
        _load()
    assert _catalogue is not None
    return _catalogue


def _(message: str) -> str:
    """`message` in the current language."""
    return _translations().gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase for `count` in the current language ("{count} letter" /
    "{count} letters"); fill in the count with .format(count=...)."""
    return _translations().ngettext(singular, plural, count)


def p_(context: str, message: str) -> str:
    """`message` in the current language, told apart from the same English words used elsewhere
    by `context` (an "Open" button and an "open" state are different words in German)."""
    return _translations().pgettext(context, message)


def N_(message: str) -> str:
    """Marks `message` for translation without translating it yet (module-level tables);
    pass it through _() where it is shown."""
    return message
