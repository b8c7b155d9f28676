"""A note's mood from its words: happy, funny, tender, sad or loss; and whether it states a dislike.

Word lists, not a model: a note that mentions a death is a loss however it is phrased, and a
loss or a sorrow is never offered as a joke or as something pleasant to think about.
"""

from __future__ import annotations

import re

MOODS = ("happy", "funny", "tender", "sad", "loss")

_KIN = (
    r"(?:mother|father|mom|mum|mam|dad|husband|wife|partner|son|daughter|baby|child|brother|sister|"
    r"grandmother|grandfather|grandma|grandpa|granny|nana|aunt|uncle|cousin|friend|dog|cat|horse|pet|"
    r"best friend|fiancée?|twin|parents?)"
)
_LOSS = [
    r"\bdied\b",
    r"\bdies\b",
    r"\bdeath\b",
    r"\bdead\b",
    r"\bpassed(?: away| on)?\b(?! (?:the|a|an|her|his|their|my|your) (?:test|exam|bar|driving))",
    r"\bfuneral\b",
    r"\bburied\b",
    r"\bmemorial\b",
    r"\bmiscarr",
    r"\bstillborn\b",
    r"\bput (?:down|to sleep)\b",
    r"\bwidow(?:ed|er)?\b",
    r"\bthe late\b",
    r"\bkilled\b",
    r"\bgrie(?:f|ving|ves|ved)\b",
    r"\bmourn",
    r"\bbereave",
    r"\bcremat",
    r"\b(?:his|her|their|the|dad's|mum's|mom's) ashes\b",
    r"\bgraves?(?:ide)?\b(?! (?:mistake|error|danger|concern))",
    r"\b(?:was|is|were) dying\b(?! (?:of|to|for|laughing))",
    rf"\blost (?:her|his|their|my|our|your|a|the)(?: \w+)? {_KIN}\b",
    rf"\blosing (?:her|his|their|my|our|your)(?: \w+)? {_KIN}\b",
]
_SAD = [
    r"\bcancer\b",
    r"\btumou?r\b",
    r"\bill(?:ness)?\b",
    r"\bsick\b",
    r"\bcovid\b",
    r"\bflu\b",
    r"\bpneumonia\b",
    r"\bhospital\b",
    r"\bhospice\b",
    r"\bpalliative\b",
    r"\bintensive care\b",
    r"\bterminal(?:ly)? ill",
    r"\bsurgery\b",
    r"\boperation\b",
    r"\bchemo",
    r"\bdiagnos",
    r"\bstroke\b",
    r"\bheart attack\b",
    r"\bdementia\b",
    r"\balzheimer",
    r"\bdivorce",
    r"\bseparated\b",
    r"\bbroke up\b",
    r"\bbreak-?up\b",
    r"\blaid off\b",
    r"\bfired\b",
    r"\bredundan",
    r"\bunemployed\b",
    r"\blost (?:her|his|their|my|our|your|the) (?:job|home|house|work|business|farm)\b",
    r"\bstruggl",
    r"\bdepress",
    r"\banxiety\b",
    r"\blonely\b",
    r"\baccident\b",
    r"\binjur",
    r"\bbroke (?:her|his|their|my|your) (?:leg|arm|hip|wrist|ankle|back)\b",
    r"\brehab\b",
    r"\bestranged\b",
    r"\bleft (?:me|us|her|him|them)\b",
    r"\bcheated on\b",
    r"\bwalked out\b",
    r"\bhard (?:year|time|winter)\b",
]
_FUNNY = [
    r"\bclaims?\b",
    r"\bswears?\b",
    r"\binsists?\b",
    r"\bpretends?\b",
    r"\bburns?\b",
    r"\blaugh",
    r"\bhilarious\b",
    r"\bterrible at\b",
    r"\bhopeless at\b",
    r"\bsnore",
    r"\bcheats? at\b",
    r"\bjoke",
    r"\bsilly\b",
    r"\bridiculous\b",
    r"\bnever admits?\b",
    r"\bwon'?t admit\b",
]
_TENDER = [
    r"\bcalls? (?:me|you|us)\b",
    r"\blove[sd]? (?:me|you|us)\b",
    r"\bproud\b",
    r"\bheld\b",
    r"\bhugs?\b",
    r"\btaught\b",
    r"\bteaches\b",
    r"\bborn\b",
    r"\bwedding\b",
    r"\bmarried\b",
    r"\bsings? to\b",
    r"\bread (?:to|aloud)\b",
    r"\btucked\b",
    r"\bsat with\b",
    r"\bstayed with\b",
    r"\bkept (?:me|us)\b",
]
_DISLIKE = (  # compiled on first use (re's cache), not at import
    r"(?i)\b(?:hates?|hated|can'?t stand|cannot stand|dislikes?|disliked|detests?|loathes?|"
    r"(?:is|are|am)? ?allergic to|(?:does|do|did)(?:n'?t| not) (?:like|eat|drink)|won'?t eat|"
    r"not a fan of|no fan of|can'?t bear|can'?t abide|avoids?)\b"
)


def _matches(patterns: list[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def classify(text: str, tag: str | None = None) -> str:
    """The mood a note carries; loss and sadness win over everything the words might also say."""
    lower = " ".join(str(text or "").lower().split())
    if _kindness_in_a_hard_time(lower):
        return "tender"
    if _matches(_LOSS, lower):
        return "loss"
    if _matches(_SAD, lower):
        return "sad"
    if (tag or "") == "joke" or _matches(_FUNNY, lower):
        return "funny"
    if _matches(_TENDER, lower):
        return "tender"
    return "happy"


def _kindness_in_a_hard_time(lower: str) -> bool:
    """ "covered my shifts when mum was in hospital": a kindness done for the one writing, the sorrow
    only its time. It is remembered with thanks, never offered as the other's bad news."""
    if re.match(r"^(?:(?:always|still|once|even) )?[a-z]+ (?:(?:with|for|by) )?(?:me|us)\b", lower) and not re.match(
        r"^(?:left|hates?|hated|blames?|blamed|dumped|divorced|fired|sued|cheated|hurt|lost|told)\b", lower
    ):
        return True  # "drove me to chemo", "sat with me at the hospital": a kindness to the one writing
    main, sep, during = _split_time(lower)
    if not sep:
        return False
    sad_then = _matches(_LOSS, during) or _matches(_SAD, during)
    return (
        sad_then
        and not (_matches(_LOSS, main) or _matches(_SAD, main))
        and bool(re.search(r"\b(?:me|my|us|our|for me|with me)\b", main))
    )


def _split_time(lower: str) -> tuple[str, str, str]:
    match = re.search(r"\b(?:when|while|after|during)\b", lower)
    if not match:
        return lower, "", ""
    return lower[: match.start()], match.group(0), lower[match.end() :]


def is_dislike(text: str) -> bool:
    """True for "can't stand cilantro", "hates mornings": something never offered as a treat."""
    return bool(re.search(_DISLIKE, str(text or "")))


def mentions_hardship(text: str) -> bool:
    """Whether a note speaks of an illness, a loss or a hard time at all, whatever its mood: "covered my
    shifts when mum was in hospital" is a kindness to be thankful for, not a day to wish back."""
    lower = " ".join(str(text or "").lower().split())
    return _matches(_LOSS, lower) or _matches(_SAD, lower)


def is_sorrow(mood: str | None) -> bool:
    """Sad and loss notes: acknowledged gently or left out, never laughed about."""
    return mood in ("sad", "loss")
