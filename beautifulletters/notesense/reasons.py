"""Why a note is left out of letters, said in the language the window and the command line speak.

A reason is made in English from one of the patterns below with its values named (`reason`): it is
stored with the note, printed by `notes list --json` and compared by tests, as before. Where it
reaches the person (the lint beside the preview, the note dialog, the person panel, `notes list`),
`said` reads it back into its pattern and values and says it through the core's gettext catalogue,
so a note read while the window spoke English is explained in German once it does. A reason that
matches no pattern (one stored by an older version) is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from beautifulletters.i18n import N_, _

EMPTY = N_("it is empty")
QUESTION = N_("it is a question")
SENTENCES = N_("it is more than one sentence")
NO_WORDS = N_("it has no words")
LABEL = N_("it reads as a label, not a sentence")
SAME_NAME = N_("both people are called {name}")
NAME_UNPLACED = N_("a name in it could not be placed")
EITHER = N_("“{word}” could be either of you")
THEY_EITHER = N_("“they” could mean the two of you or one of you")
NO_PRONOUNS = N_("it says “{word}” and {person} has no pronouns recorded")
WHO_DID = N_("it does not say who did it")
WHO_MET = N_("it does not say who met")
WHO_ABOUT = N_("it does not say who it is about")
SOMEONE_ELSE = N_("“{word}” could mean someone else it names")
SORROW_UNNAMED = N_("it names a sorrow but not what happened, so the letter cannot acknowledge it gently")
TOO_LONG = N_("it is longer than {limit} characters, too long to read into a letter")
TOO_LONG_PHRASE = N_(
    "it is longer than {limit} characters, too long to read into a letter; "
    "give it a phrasing (how it reads in a letter)"
)
# Notes in French, Spanish and German (notesense.languages).
NAMES_THIRD = N_(
    "it names {name} ({person}) in the third person; written as you would say it in the letter "
    "(“you…”, “we…”, “I…”), {letter_kind} can use it"
)
# Made before notes in these languages were said to the recipient; kept so a stored one is still said.
SPEAKS_THIRD = N_(
    "it speaks of someone in the third person (“{word}…”); written as you would say it in the letter, "
    "{letter_kind} can use it"
)
NO_SUBJECT = N_(
    "it starts with “{word}” and does not say who; written as you would say it in the letter "
    "(“you…”, “we…”, “I…”), {letter_kind} can use it"
)
WHICH_PERSON = N_(
    "it says “{word}” and it is not clear whether that is {person} or someone else; written as you would say "
    "it in the letter (“you…”, “we…”, “I…”), {letter_kind} can use it"
)
UNSURE_VERB = N_(
    "“{word}” could not be turned to speak to {person}; written as you would say it in the letter "
    "(“you…”, “we…”, “I…”), {letter_kind} can use it"
)
PATTERNS = (
    EMPTY,
    QUESTION,
    SENTENCES,
    NO_WORDS,
    LABEL,
    SAME_NAME,
    NAME_UNPLACED,
    EITHER,
    THEY_EITHER,
    NO_PRONOUNS,
    WHO_DID,
    WHO_MET,
    WHO_ABOUT,
    SOMEONE_ELSE,
    SORROW_UNNAMED,
    TOO_LONG_PHRASE,
    TOO_LONG,
    NAMES_THIRD,
    SPEAKS_THIRD,
    NO_SUBJECT,
    WHICH_PERSON,
    UNSURE_VERB,
)

# Values that are words of the reason itself, not of the note: said in the window's language too.
RECIPIENT = N_("the one the letter is to")
SIGNER = N_("the one who signs")
THE_PERSON = N_("the person")
LETTER_KINDS = {
    "en": N_("an English letter"),
    "fr": N_("a French letter"),
    "es": N_("a Spanish letter"),
    "de": N_("a German letter"),
}
_VALUE_WORDS = frozenset({RECIPIENT, SIGNER, THE_PERSON, *LETTER_KINDS.values()})


def reason(pattern: str, **values: object) -> str:
    """A reason in English, as stored: `reason(NO_SUBJECT, word="adore", letter_kind=letter_kind("fr"))`."""
    return pattern.format(**{name: str(value) for name, value in values.items()})


def letter_kind(language: str) -> str:
    """ "a French letter", in English (translated where the reason is said)."""
    return LETTER_KINDS.get(language, f"a {language} letter")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", pattern)
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
    return re.compile(rf"^{regex}$", re.DOTALL)


def said(text: str | None) -> str | None:
    """A stored reason in the current language ("it does not say who did it" -> "sie sagt nicht, wer es getan hat")."""
    if not text:
        return text
    for pattern in PATTERNS:
        match = _compiled(pattern).match(text)
        if match:
            values = {name: _said_value(name, value) for name, value in match.groupdict().items()}
            return _(pattern).format(**values)
    return text


def _said_value(name: str, value: str) -> str:
    """A value of a reason in the current language: its own words translated, a count in its digits."""
    if value in _VALUE_WORDS:
        return _(value)
    if name == "limit" and re.fullmatch(r"\d{1,3}(?:,\d{3})*", value):
        from babel.numbers import format_decimal

        from beautifulletters.i18n import current_language

        return str(format_decimal(int(value.replace(",", "")), locale=current_language()))
    return value
