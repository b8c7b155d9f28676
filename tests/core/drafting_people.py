"""Recipients for drafting tests: name-only, rich, and they/them, in a real archive."""

from __future__ import annotations

from typing import Any


def add_test_people(archive: Any) -> dict[str, tuple[int, int]]:
    """(recipient id, signer id) for 'sparse', 'rich' (the sample Lolly) and 'they'."""
    people = {archive.people.get(i).display_name: i for i in archive.search.people_ids()}
    chris, lolly = people["Chris Mercer"], people["Loretta Mercer"]
    me = archive.settings.default_signer_id()
    archive.people.update(me, display_name="Jordan Avery", pronouns="she")
    sparse = archive.people.add(display_name="Sam")
    river = archive.people.add(display_name="River Okafor", pronouns="they", nickname="Riv", birthday="1990-06-02")
    archive.relationships.set(
        me,
        river,
        kind="best friend",
        since="2009",
        how_we_met="in a chemistry lab at university, when River set a sleeve on fire",
        pet_names=["Riv", "trouble"],
    )
    archive.notes.add(river, "the summer we painted the boathouse blue", tag="memory")
    archive.notes.add(river, "River always orders dessert first", tag="memory")
    archive.notes.add(river, "River swears they can parallel park", tag="joke")
    archive.notes.add(river, "River loves old maps", tag="preference")
    archive.dates.add(river, kind="anniversary", date="2009-10-02", label="Friendiversary", relationship_from=me)
    return {"sparse": (sparse, me), "rich": (lolly, chris), "they": (river, me)}
