"""Small language helpers for letters: ordinals, pronouns with verb agreement, dates, lists, voice.

Everything here works on plain data (str, int, dict), so the same functions serve the
in-process sandbox and the bounded child process that renders user templates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_ONES = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

STANDARD_PRONOUNS: dict[str, tuple[str, str, str, str, str]] = {
    "he": ("he", "him", "his", "his", "himself"),
    "she": ("she", "her", "her", "hers", "herself"),
    "they": ("they", "them", "their", "theirs", "themselves"),
}


# ------------------------------------------------------------------ numbers
def number_words(n: int) -> str:
    """ "fifty", "one hundred and three"; digits beyond 999 (no letter needs them spelled)."""
    n = int(n)
    if n < 0:
        return "minus " + number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    return f"{n:,}"


def ordinal_words(n: int) -> str:
    """ "fiftieth", "twenty-first"; digits with a suffix beyond 999."""
    n = int(n)
    if n < 0 or n >= 1000:
        return ordinal_number(n)
    if n < 20:
        return _ORDINAL_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        if ones:
            return f"{_TENS[tens]}-{_ORDINAL_ONES[ones]}"
        return _TENS[tens][:-1] + "ieth"
    hundreds, rest = divmod(n, 100)
    if rest:
        return f"{_ONES[hundreds]} hundred and {ordinal_words(rest)}"
    return f"{_ONES[hundreds]} hundredth"


def ordinal_number(n: int) -> str:
    """ "50th", "21st", "112th"."""
    n = int(n)
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def plural(count: int, singular: str, plural_form: str | None = None, *, words: bool = True) -> str:
    """ "one year", "fifty years", "3 letters" (with words=False)."""
    shown = number_words(count) if words else str(count)
    noun = singular if count == 1 else (plural_form or singular + "s")
    return f"{shown} {noun}"


# ----------------------------------------------------------------- pronouns
def pronoun_forms(value: str | None) -> dict[str, Any]:
    """The five forms of a pronoun set and whether verbs agree in the plural ("they are")."""
    if not value:
        value = "they"
    forms = STANDARD_PRONOUNS.get(value.strip().lower())
    if forms is None:
        parts = [p.strip() for p in value.split("/")]
        forms = tuple(parts) if len(parts) == 5 and all(parts) else STANDARD_PRONOUNS["they"]  # type: ignore[assignment]
    subject, obj, possessive, possessive_pronoun, reflexive = forms  # type: ignore[misc]
    return {
        "subject": subject,
        "object": obj,
        "possessive": possessive,
        "possessive_pronoun": possessive_pronoun,
        "reflexive": reflexive,
        # Singular they takes plural verbs ("they are"); every other set is singular ("ze is").
        "plural": subject.lower() == "they",
    }


_IRREGULAR_PLURAL = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "goes": "go",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
}
_IRREGULAR_FIRST = {"is": "am", "isn't": "am not", "was": "was", "wasn't": "wasn't"}


def verb_plural(verb: str) -> str:
    """The plural (and you/we/they) form of a verb given in the third person singular."""
    lower = verb.lower()
    if lower in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[lower]
    if len(lower) > 3 and lower.endswith("ies") and lower[-4] not in "aeiou":
        return verb[:-3] + "y"
    if re.search(r"(ch|sh|ss|x|z|o)es$", lower):
        return verb[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 2:
        return verb[:-1]
    return verb


def agree(pronouns: Mapping[str, Any] | str | None, verb: str) -> str:
    """A verb (written for he/she: "is", "laughs") agreeing with a pronoun set: "are", "laugh" for they."""
    forms = pronouns if isinstance(pronouns, Mapping) else pronoun_forms(pronouns)
    return verb_plural(verb) if forms.get("plural") else verb


# ------------------------------------------------------------------- words
def possessive(name: str | None) -> str:
    """ "James's", "Anna's"; "their" stays "their"."""
    if not name:
        return ""
    name = str(name)
    if name.lower() in {"i", "me"}:
        return "my"
    if name.lower() == "you":
        return "your"
    return f"{name}’s" if "’" in name else f"{name}'s"


def natural_list(items: Iterable[Any], conjunction: str = "and") -> str:
    """ "Anna, Ben and Carl"; empty and missing items are left out."""
    words = [str(item).strip() for item in items if item is not None and str(item).strip()]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def capitalize_first(text: str | None) -> str:
    """Upper-case the first letter only ("the winter..." -> "The winter..."); names stay as written."""
    if not text:
        return ""
    text = str(text)
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


# ------------------------------------------------------------------- dates
def parse_date(value: Any) -> dt.date | None:
    """A date from 'YYYY-MM-DD', '--MM-DD' (year 4, so 29 February survives), 'YYYY-MM' or a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        if text.startswith("--"):
            return dt.date(4, int(text[2:4]), int(text[5:7]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]):
            return dt.date.fromisoformat(text[:10])
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1)
    except ValueError:
        return None
    return None


def natural_date(value: Any, *, with_year: bool = False) -> str:
    """ "the fourth of March" (or "the fourth of March 1975"); '' for no date."""
    text = str(value) if value is not None else ""
    date = parse_date(value)
    if date is None:
        return ""
    if re.fullmatch(r"\d{4}", text):
        return str(date.year)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{_MONTHS[date.month - 1]} {date.year}"
    result = f"the {ordinal_words(date.day)} of {_MONTHS[date.month - 1]}"
    if with_year and not text.startswith("--"):
        result += f" {date.year}"
    return result


def year_of(value: Any) -> int | None:
    """The year of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; None for a year-less or missing date."""
    text = str(value or "")
    return int(text[:4]) if re.match(r"^\d{4}", text) else None


def days_between(start: dt.date, value: Any) -> int | None:
    """Days from `start` until a dated value; None without a full date."""
    text = str(value or "")
    date = parse_date(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    return (date - start).days if date else None


def month_name(value: Any) -> str:
    date = parse_date(value)
    return _MONTHS[date.month - 1] if date else ""


def years_since(value: Any, today: Any = None) -> int | None:
    """Whole years from a date ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') to today; None without a year."""
    text = str(value) if value is not None else ""
    if not text or text.startswith("--"):
        return None
    start = parse_date(text)
    end = parse_date(today) or dt.date.today()
    if start is None:
        return None
    years = end.year - start.year
    if len(text) >= 7 and (end.month, end.day) < (start.month, start.day if len(text) >= 10 else 1):
        years -= 1
    return max(years, 0)


def season_of(value: Any) -> str:
    """The northern-hemisphere season of a date ("winter")."""
    date = parse_date(value) or dt.date.today()
    return {
        12: "winter",
        1: "winter",
        2: "winter",
        3: "spring",
        4: "spring",
        5: "spring",
        6: "summer",
        7: "summer",
        8: "summer",
    }.get(date.month, "autumn")


# ---------------------------------------------------------- names and voice
_TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "prof", "prof.", "sir", "dame"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def first_name(display_name: str | None) -> str:
    """The first word of a name when it looks like a given name; otherwise the whole name, as written."""
    name = " ".join(str(display_name or "").split())
    words = name.split(" ")
    if len(words) >= 2 and words[0].lower() not in _TITLES and _NAME_WORD.match(words[0]):
        return words[0]
    return name


_ADVERBS = {
    "still",
    "always",
    "never",
    "often",
    "sometimes",
    "really",
    "just",
    "also",
    "usually",
    "secretly",
    "truly",
    "even",
    "only",
    "rarely",
    "constantly",
    "proudly",
    "swears",
    "insists",
} - {"swears", "insists"}
# After "her", these base verbs show she is the object ("let her win"), not the owner ("her book").
_BASE_VERBS = {
    "win",
    "lose",
    "laugh",
    "smile",
    "cry",
    "dance",
    "sing",
    "go",
    "come",
    "know",
    "be",
    "feel",
    "think",
    "see",
    "say",
    "read",
    "drive",
    "cook",
    "pick",
    "choose",
    "decide",
    "lead",
    "have",
    "take",
    "make",
    "talk",
    "walk",
    "sleep",
    "rest",
    "stay",
    "leave",
    "try",
    "do",
    "get",
    "play",
    "beat",
    "hum",
}
_FOLLOWERS_OF_OBJECT = {
    "a",
    "an",
    "the",
    "to",
    "at",
    "in",
    "on",
    "with",
    "and",
    "or",
    "for",
    "from",
    "about",
    "by",
    "when",
    "while",
    "that",
    "so",
    "but",
    "again",
    "too",
    "once",
    "every",
    "all",
    "his",
    "her",
    "my",
    "your",
    "our",
    "their",
    "some",
    "two",
    "three",
    "back",
    "up",
    "out",
    "off",
    "down",
}
_BEFORE_OBJECT = {
    "to",
    "for",
    "with",
    "at",
    "about",
    "from",
    "by",
    "of",
    "without",
    "beside",
    "like",
    "than",
    "on",
    "in",
    "near",
    "behind",
    "after",
    "before",
    "told",
    "gave",
    "met",
    "saw",
    "love",
    "loves",
    "let",
    "lets",
    "made",
    "makes",
    "called",
    "calls",
    "asked",
    "asks",
    "took",
    "takes",
    "teases",
    "teased",
}
_PHRASE_STARTERS = {
    "the",
    "a",
    "an",
    "our",
    "that",
    "those",
    "this",
    "these",
    "when",
    "how",
    "your",
    "my",
    "every",
    "each",
    "all",
    "one",
    "some",
    "his",
    "her",
    "their",
    "what",
    "why",
}
_WORD = re.compile(r"[^\W_][\w'’-]*|[^\w]+|_+", re.UNICODE)


def _third_person_words(person: Mapping[str, Any]) -> set[str]:
    names = {person.get("display_name"), person.get("first_name"), person.get("nickname"), person.get("full_name")}
    return {n for n in names if n and " " not in n and _NAME_WORD.match(n)}


def letter_voice(
    text: str, signer: Mapping[str, Any], recipient: Mapping[str, Any], *, about_couple: bool = False
) -> str | None:
    """Rewrite a note written about the two of them into the letter's voice.

    "Chris still claims he lets her win at Scrabble" becomes "I still claim I let you win at
    Scrabble". Returns None when the note cannot be rewritten with confidence (for example
    when both people share the same pronouns), so a template can leave it out rather than
    print "she" where it means "you".
    """
    mine = _voice_map(signer.get("pronoun_set"), ("I", "me", "my", "mine", "myself"))
    yours = _voice_map(recipient.get("pronoun_set"), ("you", "you", "your", "yours", "yourself"))
    tokens = _WORD.findall(text)
    lowered = {t.lower() for t in tokens}
    if lowered & set(mine) & set(yours):
        return None  # "she" could be either of them
    ours: dict[str, str] = {}
    if about_couple:
        couple = {"they": "we", "them": "us", "their": "our", "theirs": "ours", "themselves": "ourselves"}
        if lowered & set(couple) & (set(mine) | set(yours)):
            return None  # "they" could be the couple or one of them
        ours = couple
    signer_names = _third_person_words(signer)
    recipient_names = _third_person_words(recipient) - signer_names
    signer_subject = (
        (signer.get("pronouns") or pronoun_forms(signer.get("pronoun_set")))["subject"].lower()
        if signer.get("pronoun_set")
        else None
    )
    recipient_subject = (
        (recipient.get("pronouns") or pronoun_forms(recipient.get("pronoun_set")))["subject"].lower()
        if recipient.get("pronoun_set")
        else None
    )
    result: list[str] = []
    agree_next: str | None = None  # the new subject whose verb must change ("I", "you")
    words_seen = 0
    for index, token in enumerate(tokens):
        lower = token.lower()
        if not re.match(r"\w", token):
            result.append(token)
            if not token.isspace():
                agree_next = None
            continue
        following = next((t for t in tokens[index + 1 :] if re.match(r"\w", t)), "")
        next_token = (
            tokens[index + 2]
            if index + 2 < len(tokens) and tokens[index + 1] == " "
            else (tokens[index + 1] if index + 1 < len(tokens) else "")
        )
        ends_clause = not following or not re.match(r"\w", next_token) and next_token.strip() != ""
        replaced: str | None = None
        base = re.sub(r"['’]s?$", "", token)
        if base != token and base in signer_names | recipient_names:
            replaced = "my" if base in signer_names else "your"
        elif token in signer_names or token in recipient_names:
            previous = next((t for t in reversed(tokens[:index]) if not t.isspace()), "")
            # A name after a verb or preposition is an object ("bought Chris a pie"); else a subject.
            is_subject = (
                bool(following)
                and not ends_clause
                and not (previous.lower() in _BEFORE_OBJECT or previous.lower().endswith("ed"))
            )
            if token in signer_names:
                replaced = "I" if is_subject else "me"
            else:
                replaced = "you"
            if is_subject:
                agree_next = replaced
                result.append(_cased(replaced, token, words_seen))
                words_seen += 1
                continue
        elif lower in mine or lower in yours:
            table = mine if lower in mine else yours
            replaced = table[lower]
            if lower == "her" or lower == "his":
                # "let her win" / "with her" (object) versus "her pie" (possessive).
                nxt = following.lower()
                as_object = ends_clause or nxt in _BASE_VERBS or nxt in _FOLLOWERS_OF_OBJECT
                if lower == "her":
                    replaced = table.get("_object", replaced) if as_object else table.get("_possessive", replaced)
                else:
                    replaced = (
                        table.get("_possessive_pronoun", replaced)
                        if ends_clause
                        else table.get("_possessive", replaced)
                    )
            if lower in (signer_subject, recipient_subject):
                agree_next = replaced
                result.append(_cased(replaced, token, words_seen))
                words_seen += 1
                continue
        elif lower in ours:
            replaced = ours[lower]
        elif agree_next is not None:
            if lower in _ADVERBS:
                result.append(token)
                words_seen += 1
                continue
            if _looks_conjugated(token):
                if agree_next == "I" and lower in _IRREGULAR_FIRST:
                    replaced = _IRREGULAR_FIRST[lower]
                else:
                    replaced = verb_plural(token)
                    replaced = replaced if token[:1].islower() else capitalize_first(replaced)
            agree_next = None
        result.append(_cased(replaced, token, words_seen) if replaced is not None else token)
        words_seen += 1
    voiced = "".join(result)
    # "Chris and Loretta drove" -> "I and you drove" -> "we drove".
    voiced = re.sub(r"\b(?:I and you|you and I)\b", "we", voiced)
    voiced = re.sub(r"\b(?:me and you|you and me)\b", "us", voiced)
    return capitalize_first(voiced) if voiced[:1].isupper() or text[:1].isupper() else voiced


def _cased(replacement: str, original: str, position: int) -> str:
    if replacement == "I":
        return "I"
    if position == 0 and original[:1].isupper():
        return capitalize_first(replacement)
    return replacement


def _voice_map(pronoun_set: str | None, targets: tuple[str, str, str, str, str]) -> dict[str, str]:
    """Each recorded pronoun form mapped to its first- or second-person form."""
    if not pronoun_set:
        return {}
    forms = pronoun_forms(pronoun_set)
    keys = ("subject", "object", "possessive", "possessive_pronoun", "reflexive")
    table: dict[str, str] = {}
    for key, target in zip(keys, targets, strict=True):
        word = forms[key].lower()
        table.setdefault(word, target)
        table[f"_{key}"] = target
    return table


def _looks_conjugated(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR_PLURAL or lower in {
        "can",
        "will",
        "would",
        "could",
        "should",
        "might",
        "must",
        "had",
        "did",
        "made",
        "said",
        "loved",
        "liked",
        "used",
    }:
        return True
    return len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "'s", "’s"))


def clean_note_text(text: str | None) -> str:
    """A note as a fragment: one line, single spaces, no full stop at the end."""
    cleaned = " ".join(str(text or "").split())
    cleaned = re.sub(r"\s+([,.;:!?])", r"\1", cleaned)
    return cleaned.rstrip(" .;:,!") if cleaned else ""


_CLAUSE_WORDS = {
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "it",
    "is",
    "are",
    "was",
    "were",
    "am",
    "has",
    "have",
    "had",
    "can",
    "will",
    "would",
    "could",
    "did",
    "does",
    "do",
    "never",
    "always",
    "still",
}


_COMMON_VERBS = {
    "love",
    "loves",
    "loved",
    "like",
    "likes",
    "liked",
    "hate",
    "hates",
    "adore",
    "adores",
    "enjoy",
    "enjoys",
    "prefer",
    "prefers",
    "want",
    "wants",
    "need",
    "needs",
    "know",
    "knows",
    "met",
    "went",
    "made",
    "took",
    "gave",
    "got",
    "said",
    "says",
    "lives",
    "live",
    "works",
    "work",
    "plays",
    "sings",
    "drinks",
    "eats",
    "reads",
    "claims",
    "swears",
    "insists",
    "collects",
    "grows",
    "keeps",
}


def is_noun_phrase(text: str) -> bool:
    """True for "the road trip to..." or "dancing in the kitchen", which fit after "I remember".

    A note that starts otherwise and has a subject or verb ("you love yellow roses") is a clause.
    """
    first = text.split(" ", 1)[0].lower() if text else ""
    if first in _PHRASE_STARTERS or (first.endswith("ing") and len(first) > 4):
        return True
    words = {w.lower() for w in re.findall(r"[\w']+", text)}
    return not words & (_CLAUSE_WORDS | _COMMON_VERBS)


def lower_first_if_common(text: str) -> str:
    """ "The road trip" -> "the road trip", but "Paris in the spring" keeps its capital."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    gerund = first.lower().endswith("ing") and first[1:].islower()
    if first.lower() in _PHRASE_STARTERS | {"we", "they", "you"} or gerund:
        return text[0].lower() + text[1:]
    return text


# ------------------------------------------------------------ tidy and check
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:!?])(?=\s|$|[\"'”’)])")


def tidy(raw: str) -> str:
    """Lay out rendered text as a letter: paragraphs separated by one blank line.

    Lines within a paragraph are joined with single spaces, so a template can spread a
    sentence over several lines with conditions; paragraphs left empty by missing data
    disappear.
    """
    text = str(raw).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        joined = re.sub(r"[ \t]{2,}", " ", joined)
        joined = _SPACE_BEFORE_PUNCT.sub(r"\1", joined)
        joined = re.sub(r",(?=[.!?;:])", "", joined)
        joined = joined.strip()
        if joined and re.search(r"\w", joined):
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


_FRAGMENT_END = re.compile(r"\b(and|or|but|the|a|an|of|with|my|your|our)[.!?]$", re.IGNORECASE)


def artifact_problems(text: str) -> list[str]:
    """Everything in a draft that gives a template away; an empty list means a clean draft.

    The first paragraph is the salutation and the last the closing phrase: both end with a comma.
    """
    problems: list[str] = []
    if not text or not text.strip():
        return ["the draft is empty"]
    checks = [
        (r"\bNone\b", "contains 'None'"),
        (r"\bundefined\b", "contains 'undefined'"),
        (r"\{\{|\}\}|\{%|%\}|\{#|#\}", "contains template markup"),
        (r"\(\s*\)|\[\s*\]|\{\s*\}|\"\s*\"|''|“\s*”|‘\s*’", "contains empty brackets or quotes"),
        (r"[^\S\n]{2,}", "contains doubled spaces"),
        (r"[^\S\n][,.;:!?](?=\s|$)", "has a space before punctuation"),
        (r",\s*[,.;:!?]|,\s*$", "has a dangling comma"),
        (r"\n{3,}", "has more than one blank line between paragraphs"),
        (r"[^\S\n]\n|\n[^\S\n]", "has stray spaces at a line's edge"),
        (r"\b(\w+) \1\b", "repeats a word"),
        (r"[a-z][.!?][A-Z]", "has no space after a full stop"),
    ]
    paragraphs = text.split("\n\n")
    for pattern, message in checks:
        source = text
        if message == "has a dangling comma":
            source = "\n\n".join(paragraphs[1:-1])
        if message == "repeats a word":
            match = re.search(pattern, source, flags=re.IGNORECASE)
            if match and match.group(1).lower() not in {"that", "had", "very", "so", "ha", "no"}:
                problems.append(f"{message}: {match.group(0)!r}")
            continue
        match = re.search(pattern, source)
        if match:
            start = max(match.start() - 20, 0)
            problems.append(f"{message}: …{source[start : match.end() + 20]!r}…")
    if len(paragraphs) < 3:
        problems.append("has no salutation, body and closing")
    else:
        if not paragraphs[0].endswith(","):
            problems.append(f"the salutation does not end with a comma: {paragraphs[0]!r}")
        if not paragraphs[-1].endswith(",") or len(paragraphs[-1]) > 60:
            problems.append(f"the closing is not a short phrase ending with a comma: {paragraphs[-1]!r}")
    for paragraph in paragraphs[1:-1]:
        if not re.match(r"^[\"“‘'(]?[A-Z0-9]|^P\.S\.", paragraph):
            problems.append(f"a paragraph starts mid-sentence: {paragraph[:40]!r}")
        if not re.search(r"[.!?][\"”’')]?$", paragraph):
            problems.append(f"a paragraph does not end a sentence: {paragraph[-40:]!r}")
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if _FRAGMENT_END.search(sentence):
                problems.append(f"a sentence ends on a dangling word: {sentence[-40:]!r}")
            if len(re.findall(r"\w+", sentence)) < 2 and not re.match(
                r"^(Yes|No|Always|Happy|Congratulations)", sentence
            ):
                problems.append(f"an orphaned fragment: {sentence!r}")
        for match in re.finditer(r"[.!?] ([a-z])", paragraph):
            problems.append(
                f"a sentence starts in lower case: …{paragraph[max(match.start() - 20, 0) : match.end() + 20]!r}…"
            )
    return problems


def pick(options: Sequence[Any], variant: int) -> Any:
    """One of several wordings, chosen by how many letters came before (stable for a given archive)."""
    if not options:
        return ""
    return options[int(variant) % len(options)]
