"""Drafting on the large archive: rendering a template for someone with 500 letters, and storing it.

Rendering builds the context (relationship, notes, which memories earlier letters used) and
runs the built-in template in the sandbox. Creating a draft also stores the letter with its
first revision and updates the search index; the benchmark removes the drafts it made again.
"""

from __future__ import annotations

import sys
import time

from benchmarks._context import Context, run_standalone
from benchmarks._figures import Figure

TEMPLATES = ("anniversary", "birthday", "thinking-of-you", "love-letter")


def _remove_drafts(archive: object, letter_ids: list[int], recipients: set[int]) -> None:
    """Put the cached archive back as it was (there is no letter deletion in the app to call).

    Revisions go with their letters and the search documents follow within the transaction.
    """
    with archive.transaction() as db:  # type: ignore[attr-defined]
        for letter_id in letter_ids:
            db.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
        for person_id in recipients:
            db.execute(
                "UPDATE people SET last_letter_at = (SELECT max(created_at) FROM letters"
                " WHERE recipient_id = ?) WHERE id = ?",
                (person_id, person_id),
            )


def run(ctx: Context) -> list[Figure]:
    from beautifulletters.archive import Archive
    from beautifulletters.drafting import create_draft, render_draft

    path, marks = ctx.big_archive()
    people = marks.long_standing_recipients[:3]
    rounds = 1 if ctx.tiny else max(2, ctx.repeat // 2)
    rendered, created = [], []
    with Archive.open(path) as archive:
        render_draft(archive, recipient_id=people[0], template=TEMPLATES[0])  # templates compiled once
        for _ in range(rounds):
            for person in people:
                for template in TEMPLATES:
                    began = time.perf_counter()
                    render_draft(archive, recipient_id=person, template=template)
                    rendered.append((time.perf_counter() - began) * 1000)
        made: list[int] = []
        try:
            for person in people:
                for template in TEMPLATES[: 1 if ctx.tiny else 3]:
                    began = time.perf_counter()
                    made.append(create_draft(archive, recipient_id=person, template=template))
                    created.append((time.perf_counter() - began) * 1000)
        finally:
            _remove_drafts(archive, made, set(people))
        letters = archive.people.letter_count(people[0])
    return [
        Figure(f"Render a draft from a template (person with {letters} letters)", "ms", rendered),
        Figure("Create a draft (render + store + index)", "ms", created),
    ]


def main(argv: list[str] | None = None) -> int:
    return run_standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
