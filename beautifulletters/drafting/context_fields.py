"""What a template receives: the template context's shape, field by field (docs/template-guide.md).

`drafting.context.build_context` builds a `TemplateContext` in one place, from the archive's
records, and mypy checks every key it sets against these types. The template lint's list of
fields a template may name (`lint.CONTEXT_FIELDS`) is read from here (`template_fields`), so a
new field is added once, here and where it is filled in, and templates may use it at once.
"""

from __future__ import annotations

from typing import TypedDict, get_type_hints, is_typeddict


class PronounForms(TypedDict):
    """The five forms of a pronoun set, and whether verbs agree in the plural ("they are")."""

    subject: str
    object: str
    possessive: str
    possessive_pronoun: str
    reflexive: str
    plural: bool


class PersonContext(TypedDict):
    """`signer` and `recipient`: a person as a letter speaks of them."""

    id: int
    display_name: str
    full_name: str
    first_name: str
    nickname: str | None
    name: str  # what the letter calls them: the nickname when there is one, else the first name
    pronoun_set: str | None
    pronouns: PronounForms
    has_pronouns: bool
    birthday: str | None
    birthday_text: str | None
    age: int | None
    language: str | None
    tags: list[str]
    is_self: bool
    died_on: str | None
    living: bool
    died_year: int | None
    years_gone: int | None


class RelationshipContext(TypedDict):
    """`relationship`: what the signer is to the recipient (`known` is False when nothing is recorded)."""

    kind: str | None
    closeness: str
    since: str | None
    since_year: int | None
    years: int | None
    how_we_met: str | None
    how_we_met_sentence: str | None
    how_we_met_text: str | None
    pet_names: list[str]
    pet_name: str | None
    tone: str | None
    known: bool
    ended: bool
    ended_on: str | None
    end_kind: str | None
    signs_as: str | None
    calls_them: str | None
    # The data says they live apart (addresses in different towns, a note "moved abroad"): only then
    # does a letter speak of distance ("across the miles"); a partner at home is not written to so.
    apart: bool


class NoteItem(TypedDict):
    """A note as templates see it: `phrase` after "I remember", `clause` after "I know that"."""

    id: int
    tag: str
    text: str
    phrase: str | None
    clause: str | None
    noun: str | None  # for "more days like …": "the time you took me fishing", "the way you hum"
    since: str | None  # for "it does not seem long since …": a clause or a time
    past: bool  # something that happened once, which "never changes" would not fit
    ahead: bool  # still to come on the letter's day ("your mum's chemo starts on Monday"): never "since" it
    recent: bool  # it happened in the past twelve months: a first holiday season since a loss
    close_kin: bool  # news of someone close to the reader ("your dad's dementia"): "thinking of you both"
    hard_time: bool  # a kindness in a hard time: thanked for, never "more days like it"
    sentence: str | None
    year: int | None
    mood: str
    about: str
    dislike: bool
    used: bool


class NotesContext(TypedDict):
    """`notes`: the recipient's notes in groups (letter_notes.GROUPS), fresh ones first."""

    memories: list[NoteItem]
    jokes: list[NoteItem]
    facts: list[NoteItem]
    preferences: list[NoteItem]
    other: list[NoteItem]
    sorrows: list[NoteItem]
    dislikes: list[NoteItem]


class DateContext(TypedDict):
    """One of `dates`: an important date of the recipient's."""

    kind: str
    date: str
    label: str | None
    text: str
    years: int | None


class OccasionContext(TypedDict):
    """`occasion`: what the letter is for, and the date it is for."""

    kind: str
    date: str | None
    date_text: str | None
    original_date: str | None
    years: int | None
    ordinal: str | None
    ordinal_words: str | None
    years_words: str | None
    days_until: int | None


class TodayContext(TypedDict):
    """`today`: the day the letter is written."""

    date: str
    text: str
    year: int
    month: str
    weekday: str
    season: str


class HistoryContext(TypedDict):
    """`history`: the letters this signer finished or sent to this recipient before."""

    count: int
    last_date: str | None
    last_date_text: str | None
    last_occasion: str | None
    used_note_ids: list[int]


class TemplateContext(TypedDict):
    """Everything a template may use, as plain JSON-safe data."""

    signer: PersonContext
    recipient: PersonContext
    relationship: RelationshipContext
    notes: NotesContext
    memories: list[NoteItem]
    jokes: list[NoteItem]
    facts: list[NoteItem]
    preferences: list[NoteItem]
    sorrows: list[NoteItem]
    dislikes: list[NoteItem]
    left_out: list[str]  # sentences for the writer: notes and names this letter leaves out, and why
    details: dict[str, str]  # the details the template declares, by key ('' when unknown)
    fresh_memories: list[NoteItem]
    dates: list[DateContext]
    occasion: OccasionContext
    today: TodayContext
    history: HistoryContext
    variant: int
    letter_count: int


def all_notes(notes: NotesContext) -> list[NoteItem]:
    """Every note of every group, in the groups' order."""
    return [
        *notes["memories"],
        *notes["jokes"],
        *notes["facts"],
        *notes["preferences"],
        *notes["other"],
        *notes["sorrows"],
        *notes["dislikes"],
    ]


def template_fields() -> dict[str, frozenset[str]]:
    """Each top-level name of the context, with the fields a template may name after its dot.

    A name whose value is a record of its own (`recipient`, `occasion`) has that record's fields;
    a list, a number or the open `details` has none the lint checks.
    """
    hints = get_type_hints(TemplateContext)
    return {
        name: frozenset(get_type_hints(value)) if is_typeddict(value) else frozenset() for name, value in hints.items()
    }
