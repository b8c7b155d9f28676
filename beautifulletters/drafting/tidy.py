"""The last look at a drafted letter: tidy spacing and punctuation, and name what a template left broken."""

from __future__ import annotations

import re

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
