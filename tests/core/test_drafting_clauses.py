"""No draft ever contains a broken clause, whatever shape the notes were typed in (Hypothesis)."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beautifulletters import drafting
from beautifulletters.drafting import artifact_problems
from tests.core.test_notesense import _ADVERBS, _OBJECT_I, _OBJECTS, _SUBJECTS, _TAILS, _VERBS

_SUBJECTLESS = re.compile(
    # "nothing that has happened since" is the template's own relative clause, not a note.
    r"(?<!nothing )(?<!anything )(?<!everything )(?<!and )(?<!day )(?<!one )(?<!thing )"
    r"\b(?:that|how) (?:always |still |never )?"
    r"(?:burns|calls|took|taught|loves|hates|is|has|can't|swears)\b"
    # The templates' own "that is how it is meant to be", "that is all right", "that has happened".
    r"(?! (?:how|all|what|why|exactly|just|so|true|the|a|an|not|enough|fine|right|it|happened|been|changed)\b)"
)
_TEMPLATES = [
    "birthday",
    "anniversary",
    "friendship",
    "thinking-of-you",
    "just-because",
    "get-well",
    "love-letter",
    "retirement",
    "graduation",
    "new-baby",
    "wedding",
    "letting-go",
    "apology",
    "in-memory",
    "seasons-greetings",
    "thank-you-kindness",
]
# Notes as people type them: no subject, lower case, two names for a subject, a month in lower case.
_TYPED = st.sampled_from(
    [
        "took me fishing at the lake when I was 8",
        "Frank and Imogen hosted every christmas",
        "always burns the toast",
        "can't stand cilantro",
        "got engaged in june",
        "lost her job last fall",
        "the summer we painted the boathouse",
        "whistles when she thinks",
        "always late",
        "hilarious at karaoke",
        "failed her driving test twice",
        "watered my plants all summer",
        "her dad passed in march",
        "degree: her nursing degree",
        "gave me her old bike",
    ]
)


def broken_in_draft(text: str, names: tuple[str, ...]) -> str | None:
    """A clause no person would write in a letter to Imogen, or None."""
    body = text.split("\n\n", 1)[1]
    if _SUBJECTLESS.search(body):
        return "a clause without a subject after 'that' or 'how'"
    if _OBJECT_I.search(body):
        return "an object 'I'"
    if re.search(r"\b(?:she|hers|herself)\b", body, flags=re.IGNORECASE):
        return "the one addressed as 'she'"
    for name in names:
        for match in re.finditer(rf"\b{name}\b", body):
            if not body[: match.start()].endswith((", ", "Dear ", "Dearest ")):
                around = body[max(match.start() - 30, 0) : match.end() + 20]
                return f"the one addressed named in the third person: …{around}…"
    if re.search(r"\b(?:remember|of|to|about) (?:always |still )?(?:burns|calls|loves|hates)\b", body):
        return "a note pasted as a noun"
    if re.search(
        r"\b(?:forget|treasure is|remember most is|coming back to is) (?:took|watered|gave|taught|hosted)\b", body
    ):
        return "a note pasted as a noun"
    if re.search(r"\b(?:days like|between|since|then on|I keep|There is|like|choosing) how\b", body):
        return "a clause where a thing is wanted ('more days like how you…')"
    return None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    notes=st.lists(
        st.tuples(
            st.sampled_from(["memory", "joke", "preference", "fact"]),
            _SUBJECTS,
            _ADVERBS,
            _VERBS,
            _OBJECTS,
            _TAILS,
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    ),
    template=st.sampled_from(_TEMPLATES),
)
def test_no_draft_contains_a_broken_clause(archive, notes, template) -> None:
    imogen = archive.people.add(display_name="Imogen Vale", nickname="Immy", pronouns="she")
    barnaby = archive.people.add(display_name="Barnaby Cole", pronouns="he")
    archive.relationships.set(barnaby, imogen, kind="wife", since="1998-07-04")
    for tag, subject, adverb, verb, obj, tail, own in notes:
        text = f"{subject}{adverb}{verb} {obj}{tail}".strip()
        archive.notes.add(imogen, text, tag=tag, about_relationship_from=barnaby if own else None)
    draft = drafting.render_draft(
        archive, recipient_id=imogen, signer_id=barnaby, template=template, today=dt.date(2026, 12, 2)
    )
    assert artifact_problems(draft.text) == [], draft.text
    problem = broken_in_draft(draft.text, ("Imogen", "Immy"))
    assert problem is None, f"{problem}\n{draft.text}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    notes=st.lists(
        st.tuples(st.sampled_from(["memory", "joke", "preference", "fact"]), _TYPED, st.booleans()),
        min_size=1,
        max_size=4,
        unique_by=lambda note: note[1],
    ),
    template=st.sampled_from(_TEMPLATES),
    kind=st.sampled_from(["wife", "old friend", "neighbour", "sister"]),
)
def test_notes_typed_as_people_type_them_never_break_a_draft(archive, notes, template, kind) -> None:
    imogen = archive.people.add(display_name="Imogen Vale", nickname="Immy", pronouns="she")
    barnaby = archive.people.add(display_name="Barnaby Cole", pronouns="he")
    archive.relationships.set(barnaby, imogen, kind=kind, since="1998-07-04")
    for tag, text, own in notes:
        archive.notes.add(imogen, text, tag=tag, about_relationship_from=barnaby if own else None)
    draft = drafting.render_draft(
        archive, recipient_id=imogen, signer_id=barnaby, template=template, today=dt.date(2026, 12, 2)
    )
    assert artifact_problems(draft.text) == [], draft.text
    problem = broken_in_draft(draft.text, ("Imogen", "Immy"))
    assert problem is None, f"{problem}\n{draft.text}"
