"""A template's own signature line: ``Love,`` then ``{{ signer.name }}`` is how people write letters.

The layout joins the lines of a paragraph, so such a template ends "Love, Chris". That closing is
recognised here and laid out as the built-in letters are: the closing phrase ends the text and
the name becomes the signature, which the editor draws in handwriting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CLOSING_ONLY = re.compile(r"^[^\n,]{1,50},$")
_CLOSING = re.compile(r"^(?P<closing>[^\n,]{1,50},)[ \t]+(?P<name>[^\n,.!?]{1,40})$")


def split_signature(text: str, names: Iterable[str]) -> tuple[str, str | None]:
    """(the text ending with the closing phrase, the name signed after it) or (text, None).

    Only a name the signer goes by counts, so "Yours, always," stays a closing phrase.
    """
    paragraphs = text.split("\n\n")
    if len(paragraphs) < 2:
        return text, None
    known = {" ".join(str(n).split()).casefold() for n in names if n}
    last = paragraphs[-1].strip()
    if last.casefold() in known and len(paragraphs) >= 3 and _CLOSING_ONLY.match(paragraphs[-2].strip()):
        return "\n\n".join(paragraphs[:-1]), last  # "Love," and the name a paragraph apart
    match = _CLOSING.match(last)
    if not match or match.group("name").strip().casefold() not in known:
        return text, None
    return "\n\n".join([*paragraphs[:-1], match.group("closing")]), match.group("name").strip()
