"""Two shapes of a typed note that start like a thing but are a whole sentence.

"the three of us drove to Cornwall" and "the day she was born it snowed in May" begin as a noun
("the three of us", "the day she was born"), so they were taken for one and pasted where a thing
goes: "I find myself going over the three of us drove to Cornwall". Both are read here as the
sentence they are, and the reader then phrases them like any other ("how the three of us drove…",
"how it snowed in May the day you were born").
"""

from __future__ import annotations

import re

from beautifulletters.notesense import words as W

# "the three of us", "all four of us", "both of us": a subject that is "we" with a count.
_GROUP = re.compile(
    r"^(?P<group>(?:the|all)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+of\s+us"
    r"|all\s+of\s+us|both\s+of\s+us)\b(?=\s+\S)",
    re.IGNORECASE,
)
_TIME_NOUNS = (
    "day|night|morning|evening|afternoon|summer|winter|spring|autumn|fall|year|week|weekend|christmas|time|moment"
)
# "the day she was born it snowed in May": a time named by its own clause, then what happened then.
# Only "it" and "there" open the second sentence: after "the night you told me", a "we" or "you"
# would more often be what was told ("the night you told me we were moving").
_WHEN_THEN = re.compile(
    rf"^(?P<when>the\s+(?:{_TIME_NOUNS})\s+(?:[\w'’]+\s+){{1,6}}?[\w'’]+),?\s+(?P<then>(?:it|there)\s+(?P<verb>[\w'’]+)\b.*)$",
    re.IGNORECASE,
)
# "the night you told me it was over": what was told, not what happened that night.
_TOLD = {"told", "said", "knew", "thought", "heard", "realised", "realized", "found", "learned", "learnt", "decided"}


def group_subject(text: str) -> tuple[str, str] | None:
    """("we drove to Cornwall", "the three of us") for a note whose subject is a counted "us"."""
    match = _GROUP.match(text)
    if not match:
        return None
    rest = text[match.end() :]
    following = [w for w in re.findall(r"[\w'’]+", rest) if w.lower() not in W.ADVERBS]
    if not following or not impersonal_verb(following[0]):
        return None  # "the three of us last summer": a label, left for the reader to say so
    return "we" + rest, match.group("group")


def impersonal_verb(word: str) -> bool:
    """A verb after "it", "there" or "we": "snowed", "was", "got", "drove"."""
    return word.lower() in {"was", "is", "were", "had", "has", "are"} or W.is_verb(word)


def opens_impersonal(words: list[str]) -> bool:
    """ "it snowed in May", "it always rains", "there was a storm": a sentence with no one as its subject."""
    following = [w for w in words[1:] if w.lower() not in W.ADVERBS]
    return bool(words) and words[0].lower() in {"it", "there"} and bool(following) and impersonal_verb(following[0])


def restore_group(clause: str, group: str) -> str:
    """The reader's clause with the writer's own "the three of us" back in place of "we"."""
    return re.sub(r"^(how\s+)?[Ww]e\b", lambda m: (m.group(1) or "") + group, clause, count=1)


def when_then(text: str) -> str | None:
    """ "it snowed in May the day she was born" for "the day she was born it snowed in May"."""
    match = _WHEN_THEN.match(text)
    if not match:
        return None
    head = match.group("when").split()[2:]
    if {w.lower() for w in head} & _TOLD:
        return None
    if not impersonal_verb(match.group("verb")):
        return None
    return f"{match.group('then')} {match.group('when')}"
