"""The archive's side of reading notes: who a note's two people are, and the columns it stores.

`notesense` knows language and nothing of the archive; this module turns people rows into the
`Who` it reads with, and its answer into the note's columns, so every way a note is written
(window, command line, import) stores the same understanding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from beautifulletters import notesense
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Note, Person

NOTE_SCOPES = ("relationship", "person")
WRITER_FIELDS = ("about", "mood", "phrasing", "happened_on")


def who(person: Person | None, *, signs_as: str | None = None) -> notesense.Who:
    """A person as a note may name them: every name they go by, and their pronouns."""
    if not person:
        return notesense.Who(())
    display = " ".join(person.display_name.split())
    names = {display, (person.full_name or "").strip(), (person.nickname or "").strip()}
    parts = display.split(" ")
    if len(parts) >= 2:
        names.add(parts[0])
    if signs_as:
        names.add(signs_as.strip())
    return notesense.Who(tuple(sorted(n for n in names if n)), person.pronouns or None, display)


def check_choices(about: str | None, mood: str | None, scope: str | None) -> None:
    if about is not None and about not in notesense.ABOUT:
        raise ValidationError("about", _("must be one of {items}.").format(items=", ".join(notesense.ABOUT)))
    if mood is not None and mood not in notesense.MOODS:
        raise ValidationError("mood", _("must be one of {items}.").format(items=", ".join(notesense.MOODS)))
    if scope is not None and scope not in NOTE_SCOPES:
        raise ValidationError("scope", _("must be one of {items}.").format(items=", ".join(NOTE_SCOPES)))


def written_on(created_at: str | None) -> dt.date:
    """The day a note was written (from its created_at): what "last spring" in it counts from."""
    stamp = (created_at or "")[:10]
    try:
        return dt.date.fromisoformat(stamp)
    except ValueError:
        return dt.date.today()


def read_note(
    text: str,
    *,
    tag: str | None,
    recipient: Person,
    signer: Person | None,
    signs_as: str | None = None,
    couple: bool,
    written: dt.date,
    writer: Mapping[str, str | None],
) -> dict[str, str | None]:
    """The columns a note stores about itself: about, mood, happened_on, phrasing, problem.

    `writer` holds the writer's own corrections (about, mood, phrasing, happened_on); they are kept
    and named in `writer_set`, so a later edit of the text does not overrule them. A note typed in
    French, Spanish or German is read as a letter in its language will say it.
    """
    language = notesense.language_of(text)
    if language != "en":
        understanding = notesense.understand_in(
            language,
            text,
            recipient=who(recipient),
            signer=who(signer, signs_as=signs_as),
            tag=tag,
            mood=writer.get("mood"),
            phrasing=writer.get("phrasing"),
            happened_on=writer.get("happened_on"),
            about=writer.get("about"),
        )
    else:
        understanding = notesense.understand(
            text,
            recipient=who(recipient),
            signer=who(signer, signs_as=signs_as),
            tag=tag,
            written=written,
            about=writer.get("about"),
            mood=writer.get("mood"),
            couple=couple,
            phrasing=writer.get("phrasing"),
            happened_on=writer.get("happened_on"),
        )
    return {
        "about": understanding.about,
        "mood": understanding.mood,
        "happened_on": understanding.happened_on,
        # The phrase form: "how you took me fishing" (a clause) or "the summer we painted the boathouse".
        "phrasing": understanding.phrase,
        "problem": understanding.problem,
        "writer_set": ",".join(k for k in WRITER_FIELDS if writer.get(k)) or None,
    }


def writer_choices(note: Note) -> dict[str, str | None]:
    """The corrections a stored note carries from its writer (about, mood, phrasing, happened_on)."""
    chosen = set((note.writer_set or "").split(","))
    given = {"about": note.about, "mood": note.mood, "phrasing": note.phrasing, "happened_on": note.happened_on}
    return {k: v for k, v in given.items() if k in chosen and v}


def preview(note: Note) -> str | None:
    """How a stored note reads in a letter (a letter in the note's own language), or None when it cannot be said."""
    if note.problem or not note.phrasing:
        return None
    phrase = note.phrasing
    language = notesense.language_of(note.text)
    if language != "en":
        return notesense.lead_in(note.tag, None, phrase, language)
    clause = phrase[4:] if phrase.startswith("how ") else None
    # "the operation next week", while it is still to come: known about, not "since".
    when = note.happened_on or ""
    ahead = bool(when) and when > dt.date.today().isoformat()[: len(when)]
    return notesense.lead_in(note.tag, clause, phrase, mood=note.mood, ahead=ahead)


def letter_phrasing(note: Note) -> str:
    """The phrasing the writer may correct, as it follows "I remember" ("how you taught me to swim"),
    or after a colon in the note's own language; empty when the note cannot be said."""
    if note.problem or not note.phrasing:
        return ""
    return note.phrasing[4:] if note.phrasing.startswith("how ") else note.phrasing
