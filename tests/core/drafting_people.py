"""Recipients for drafting tests: name-only, rich, and they/them, in a real archive."""

from __future__ import annotations

from typing import Any


def add_test_people(archive: Any) -> dict[str, tuple[int, int]]:
    """(recipient id, signer id) for 'sparse', 'rich' (the sample Lolly) and 'they'."""
    people = {archive.get_person(i)["display_name"]: i for i in archive.person_ids()}
    chris, lolly = people["Chris Mercer"], people["Loretta Mercer"]
    me = archive.default_signer_id()
    archive.update_person(me, display_name="Jordan Avery", pronouns="she")
    sparse = archive.add_person(display_name="Sam")
    river = archive.add_person(display_name="River Okafor", pronouns="they", nickname="Riv", birthday="1990-06-02")
    archive.set_relationship(
        me,
        river,
        kind="best friend",
        since="2009",
        how_we_met="in a chemistry lab at university, when River set a sleeve on fire",
        pet_names=["Riv", "trouble"],
    )
    archive.add_note(river, "the summer we painted the boathouse blue", tag="memory")
    archive.add_note(river, "River always orders dessert first", tag="memory")
    archive.add_note(river, "River swears they can parallel park", tag="joke")
    archive.add_note(river, "River loves old maps", tag="preference")
    archive.add_date(river, kind="anniversary", date="2009-10-02", label="Friendiversary", relationship_from=me)
    return {"sparse": (sparse, me), "rich": (lolly, chris), "they": (river, me)}
