"""Drafting through the API: stored drafts, history, lint, hostile data, properties."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beautifulletters import drafting
from beautifulletters.drafting import artifact_problems
from tests.core.test_templates import OCCASIONS_REQUIRED


def test_the_sample_anniversary_letter_is_full_of_their_history(archive) -> None:
    draft = drafting.render_draft(archive, recipient_id=3, signer_id=2, template="anniversary")
    text = draft.text
    assert artifact_problems(text) == []
    assert text.splitlines()[0].endswith("Lolly,")
    assert "Fifty years" in text and "fiftieth anniversary" in text
    assert "at the county fair in 1974, when your peach pie won first prize and I bought the last slice" in text
    # The memories the two earlier letters already told are not told again.
    assert "Dickens" in text and "Otis Redding" in text and "Grand Canyon" not in text
    assert "Scrabble" not in text
    assert draft.signature == "Chris" and draft.title == "50th anniversary"
    closing = text.splitlines()[-1]
    assert closing.endswith(",") and any(word in closing for word in ("love", "yours", "Yours", "heart")), closing


def test_lint_says_what_the_recipient_lacks(archive) -> None:
    sam = archive.people.add(display_name="Sam Reyes")
    warnings = drafting.lint(archive, "anniversary", sam, 1)
    assert "Sam has no anniversary date; the letter will not mention the year." in warnings
    assert any("no memories" in w for w in warnings)
    assert drafting.lint(archive, "anniversary", 3, 2) == []


def test_archive_data_is_never_markup_or_template_code(archive) -> None:
    for name in ["*Sam*", "<b>Sam</b>", "{{ 7*7 }}", "Robert'); DROP TABLE people;--", "{% raw %}x"]:
        person = archive.people.add(display_name=name)
        archive.notes.add(person, f"the day {name} baked bread", tag="memory")
        archive.notes.add(person, f"the day {name} and Ola sang", tag="memory")
        draft = drafting.render_draft(archive, recipient_id=person, signer_id=2, template="friendship")
        assert f"Dear {name}," in draft.text
        # The name in a note is the one addressed: the note reads "the day you baked bread" in the
        # letter, or is left out with a warning that names it; the name is never markup.
        phrased = "the day you baked bread" in draft.text or "the day you and Ola sang" in draft.text
        assert phrased or any("left out" in w for w in draft.warnings)
        assert "49" not in draft.text
        preview = drafting.render_template_source("Dear {{ recipient.name }},\n\nHi.\n\nLove,", archive, person, 2)
        assert preview.text == f"Dear {name},\n\nHi.\n\nLove,"


def test_template_for_occasion() -> None:
    assert drafting.template_for_occasion("birthday") == "birthday"
    assert drafting.template_for_occasion("anniversary") == "anniversary"
    names = {t.name for t in drafting.list_templates()}
    assert drafting.template_for_occasion("custom") in names


# ---------------------------------------------------------------- properties
_LETTERS = string.ascii_letters + "éøñßçÅÖ"
_word = st.text(alphabet=_LETTERS, min_size=2, max_size=10).filter(
    lambda w: (
        w.lower() not in {"none", "undefined", "and", "or", "the", "a", "an", "of", "with", "my", "your", "our", "but"}
    )
)
_name = st.builds(
    lambda a, b: f"{a.capitalize()} {b.capitalize()}" if b else a.capitalize(), _word, st.one_of(st.none(), _word)
)
_NOUNS = ["picnic", "lake", "kitchen", "garden", "train", "concert", "storm", "market", "bicycle", "snow"]
_note = st.one_of(
    st.builds(lambda n, w, p: f"the {w} {n}{p}", st.sampled_from(_NOUNS), _word, st.sampled_from(["", ".", " ", "!"])),
    st.builds(lambda n, w: f"dancing by the {n} in {w.capitalize()}", st.sampled_from(_NOUNS), _word),
    st.builds(lambda n: f"the {n}", st.sampled_from(_NOUNS)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=_name,
    nickname=st.one_of(st.none(), _word),
    pronouns=st.sampled_from([None, "he", "she", "they", "ze/zir/zir/zirs/zirself"]),
    kind=st.one_of(
        st.none(),
        st.sampled_from(["wife", "husband", "old friend", "granddaughter", "colleague", "neighbour", "partner"]),
    ),
    since=st.one_of(st.none(), st.sampled_from(["1970", "1999-05", "2010-02-28", "2024-01-01"])),
    birthday=st.one_of(st.none(), st.sampled_from(["1950-01-01", "--02-29", "2001-12-31"])),
    notes=st.lists(st.tuples(st.sampled_from(["memory", "joke", "preference", "fact", "note"]), _note), max_size=5),
    template=st.sampled_from(sorted(OCCASIONS_REQUIRED)),
)
def test_any_person_gets_a_clean_letter(
    archive, name, nickname, pronouns, kind, since, birthday, notes, template
) -> None:
    person = archive.people.add(display_name=name, nickname=nickname, pronouns=pronouns, birthday=birthday)
    if kind:
        archive.relationships.set(2, person, kind=kind, since=since, how_we_met="at a wedding in Porto")
    for tag, text in notes:
        archive.notes.add(person, text, tag=tag)
    draft = drafting.render_draft(
        archive, recipient_id=person, signer_id=2, template=template, today=dt.date(2026, 5, 1)
    )
    assert artifact_problems(draft.text) == [], draft.text
    assert (nickname or name.split()[0]) in draft.text.split("\n")[0]


def test_the_context_a_template_receives_is_the_one_its_type_and_the_lint_describe(archive) -> None:
    """Every name and field the context holds is declared in TemplateContext, and the template
    lint knows exactly those: a field added to the context and its type is usable and checked."""
    import importlib
    from typing import get_type_hints, is_typeddict

    from beautifulletters.drafting.context_fields import NoteItem, PronounForms, TemplateContext

    lint = importlib.import_module("beautifulletters.drafting.lint")
    context = drafting.build_context(archive, recipient_id=3, signer_id=2, occasion="anniversary")
    hints = get_type_hints(TemplateContext)
    assert set(context) == set(hints) == set(lint.CONTEXT_FIELDS)
    for name, kind in hints.items():
        if is_typeddict(kind):
            assert set(context[name]) == set(get_type_hints(kind)) == lint.CONTEXT_FIELDS[name], name
    assert set(context["recipient"]["pronouns"]) == set(get_type_hints(PronounForms))
    assert context["memories"] and all(set(note) == set(get_type_hints(NoteItem)) for note in context["memories"])
    problems = lint.field_problems("{{ recipient.years_gone }} {{ recipient.nick }} {{ occasion.ordinal }}", "t")
    assert [p.message for p in problems] == ["recipient has no field 'nick'; did you mean 'nickname'?"]
