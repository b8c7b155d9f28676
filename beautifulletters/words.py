"""Counting in words people read: "1 draft", "2 drafts", "no letters" — never "1 drafts" or "file(s)"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.lists import format_list
from babel.numbers import format_decimal

from beautifulletters.humandates import user_locale
from beautifulletters.i18n import N_, SOURCE_LANGUAGE, _, current_language, n_

if TYPE_CHECKING:
    from beautifulletters.records import UpcomingDate

_IRREGULAR = {"person": "people", "child": "children", "memory": "memories", "copy": "copies", "reply": "replies"}


def plural(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def count(number: int, word: str, many: str | None = None) -> str:
    """'1 draft', '2 drafts', '0 drafts'; `many` for a plural the rule does not know."""
    return f"{number:,} {word if number == 1 else (many or plural(word))}"


# What the archive stores as a word of its own ("anniversary", "draft", "memory") as a person
# reads it in the window's language. Stored values never change with the language.
_DATE_KINDS = {"birthday": N_("Birthday"), "anniversary": N_("Anniversary"), "custom": N_("Custom")}
_LETTER_STATUSES = {"draft": N_("draft"), "final": N_("final"), "sent": N_("sent")}
_NOTE_TAGS = {
    "memory": N_("memory"),
    "joke": N_("joke"),
    "fact": N_("fact"),
    "preference": N_("preference"),
    "note": N_("note"),
}


# The kinds of relationship the window offers (a person may type any other).
_RELATIONSHIP_KINDS = {
    "wife": N_("wife"),
    "husband": N_("husband"),
    "partner": N_("partner"),
    "mother": N_("mother"),
    "father": N_("father"),
    "daughter": N_("daughter"),
    "son": N_("son"),
    "grandmother": N_("grandmother"),
    "grandfather": N_("grandfather"),
    "granddaughter": N_("granddaughter"),
    "grandson": N_("grandson"),
    "sister": N_("sister"),
    "brother": N_("brother"),
    "old friend": N_("old friend"),
    "friend": N_("friend"),
    "colleague": N_("colleague"),
    "client": N_("client"),
}
RELATIONSHIP_KINDS = tuple(_RELATIONSHIP_KINDS)


def relationship_kind(kind: str) -> str:
    """A kind of relationship in the reader's language ("wife", "Ehefrau"); one typed in as typed."""
    return _(_RELATIONSHIP_KINDS[kind]) if kind in _RELATIONSHIP_KINDS else kind


# How a relationship may end, as the window offers it (a person may type any other). Stored as
# these words, which the letters' notices name ("The relationship ended (divorce)").
_END_KINDS = {
    "divorce": N_("divorce"),
    "separation": N_("separation"),
    "estrangement": N_("estrangement"),
}
END_KINDS = tuple(_END_KINDS)


def end_kind(kind: str) -> str:
    """How a relationship ended in the reader's language ("divorce", "Scheidung"); one typed in as typed."""
    return _(_END_KINDS[kind]) if kind in _END_KINDS else kind


def date_kind(kind: str) -> str:
    """'Birthday', 'Anniversary', 'Custom' (capitalised, as a label); an unknown kind as stored."""
    return _(_DATE_KINDS[kind]) if kind in _DATE_KINDS else kind.capitalize()


def letter_status(status: str) -> str:
    """'draft', 'final', 'sent' in the reader's language."""
    return _(_LETTER_STATUSES[status]) if status in _LETTER_STATUSES else status


def letter_title(title: str | None, occasion: str | None) -> str:
    """What the window calls a letter: its title, else its occasion ("Birthday"), else "Letter"."""
    return title or (occasion or _("Letter")).capitalize()


def note_tag(tag: str) -> str:
    """A note's tag as shown: the five the app knows in the reader's language, any other as typed."""
    return _(_NOTE_TAGS[tag]) if tag in _NOTE_TAGS else tag


NOTE_TAGS = tuple(_NOTE_TAGS)  # the tags a new note can choose from, in this order


def ordinal(number: int) -> str:
    """An ordinal in figures in the reader's language: '50th', '50.' (German)."""
    if current_language() == SOURCE_LANGUAGE:
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"
    # TRANSLATORS: an ordinal number in figures, as in "the {number}th anniversary" (German: "{number}.").
    return _("{number}th").format(number=number)


def language_name(code: str) -> str:
    """A language's name in the reader's language ('French', 'Französisch'); the code if Babel has none."""
    return str(user_locale().languages.get(code.split("-")[0].split("_")[0].lower()) or code)


def join(items: list[str], *, either: bool = False) -> str:
    """'a, b and c' as the reader's language joins a list ('a, b und c'); `either`: 'a, b or c'."""
    return format_list(items, style="or" if either else "standard", locale=user_locale()) if items else ""


def number(value: int) -> str:
    """A whole number with the reader's thousands separator: '12,345', '12.345' (German)."""
    return format_decimal(value, locale=user_locale())


def remembered(item: UpcomingDate) -> str:
    """A day of someone who died, said gently and never as a celebration: "would have been 80",
    "Wedding anniversary, would have been 50 years", "2 years since they died"."""
    if item.kind == "remembrance":
        if item.years:
            return n_("{count} year since they died", "{count} years since they died", item.years).format(
                count=item.years
            )
        return _("the day they died")
    if item.years is None:
        return _("{occasion}, in memory").format(occasion=item.label or date_kind(item.kind))
    if item.kind == "birthday" and not item.label:
        return _("would have been {years}").format(years=item.years)
    return n_(
        "{occasion}, would have been {count} year", "{occasion}, would have been {count} years", item.years
    ).format(occasion=item.label or date_kind(item.kind), count=item.years)
