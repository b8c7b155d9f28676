"""The small sample correspondence a new archive starts with, so a newcomer sees what the app is for.

Everything here is marked `is_sample` and goes away with one action (`sample remove`).
"""

from __future__ import annotations

import datetime as dt
import getpass
import pwd
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from beautifulletters.archive.dates import DatesManager
    from beautifulletters.archive.letters import LettersManager
    from beautifulletters.archive.notes import NotesManager
    from beautifulletters.archive.people import PeopleManager
    from beautifulletters.archive.relationships import RelationshipsManager
    from beautifulletters.archive.settings import SettingsManager


class ArchiveToSeed(Protocol):
    """What seeding needs of the archive it fills: its managers (the archive calls this module, not the reverse)."""

    people: PeopleManager
    relationships: RelationshipsManager
    notes: NotesManager
    dates: DatesManager
    letters: LettersManager
    settings: SettingsManager


_BIRTHDAY_LETTER = """Dear Lolly,

Another year, and you still hum when you think nobody is listening. I listen. I have listened since the county fair, when you beat every pie in three counties and I spent my last dollar on the only slice left.

This morning I put yellow roses on the kitchen table, the way I have every April for as long as either of us can remember, and I stood there a while thinking how lucky a man can be.

Happy birthday, my Lo. Save me a dance in the kitchen on Sunday.

All my love,
Chris"""

_ANNIVERSARY_LETTER = """My dearest Loretta,

Forty-nine years. I did the arithmetic twice because it did not seem possible. It feels like last summer that we drove to the Grand Canyon in that borrowed Buick with no air conditioning, and you made me stop at every lookout even though we were both melting.

I still claim I let you win at Scrabble. We both know I did not.

Thank you for every ordinary Tuesday. They turned out to be the whole point.

Yours, always,
Chris"""


def _user_display_name() -> str:
    """The person using the app signs letters by default; their OS account gives a first guess."""
    try:
        gecos = pwd.getpwuid(__import__("os").getuid()).pw_gecos.split(",")[0].strip()
    except KeyError:
        gecos = ""
    if gecos and gecos.lower() not in {"root", "user"}:
        return gecos
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name is fine, we fall back below
        login = ""
    return login.capitalize() if login and login != "root" else "Me"


def seed_new_archive(archive: ArchiveToSeed, *, with_sample: bool = True, today: dt.date | None = None) -> None:
    """Create the user's own record (the default signer) and, optionally, the sample letters."""
    self_id = archive.people.add(display_name=_user_display_name(), is_self=True)
    archive.settings.set_default_signer(self_id)
    if with_sample:
        add_sample_correspondence(archive, self_id, today=today or dt.date.today())


def add_sample_correspondence(archive: ArchiveToSeed, self_id: int, *, today: dt.date) -> None:
    # The anniversary is placed three weeks ahead so the Upcoming view has something to show.
    anniversary = today + dt.timedelta(days=21)
    wedding = dt.date(anniversary.year - 50, anniversary.month, min(anniversary.day, 28))
    chris = archive.people.add(
        display_name="Chris Mercer",
        full_name="Christopher James Mercer",
        pronouns="he",
        birthday="1951-09-14",
        emails=["chris.mercer@example.com"],
        addresses=["14 Orchard Lane\nSpringfield, IL 62704\nUSA"],
        language="en",
        tags=["client", "sample"],
        notes="Client since 2018. Writes to Loretta for every birthday and anniversary.",
        is_sample=True,
    )
    loretta = archive.people.add(
        display_name="Loretta Mercer",
        full_name="Loretta Anne Mercer",
        nickname="Lolly",
        pronouns="she",
        birthday="--04-03",
        addresses=["14 Orchard Lane\nSpringfield, IL 62704\nUSA"],
        language="en",
        tags=["family", "sample"],
        pronunciation="lo-RET-ah",
        is_sample=True,
    )
    archive.relationships.set(self_id, chris, kind="client", since="2018-03")
    archive.relationships.set(
        chris,
        loretta,
        kind="wife",
        since=wedding.isoformat(),
        how_we_met="at the county fair in 1974, when Loretta's peach pie won first prize and Chris bought the last slice",
        pet_names=["Lolly", "my Lo"],
        tone="tender, a little teasing",
    )
    memories = [
        ("memory", "the road trip to the Grand Canyon in a borrowed Buick with no air conditioning", "1979-07"),
        ("memory", "dancing in the kitchen to Otis Redding every Sunday morning", None),
        ("memory", "the winter the pipes froze and they read Dickens aloud by the wood stove", "1983-01"),
        ("joke", "Chris still claims he lets her win at Scrabble", None),
        ("preference", "Loretta loves yellow roses", None),
        ("fact", "they have two children, Ben and Clara, and three grandchildren", None),
    ]
    for tag, text, when in memories:
        archive.notes.add(loretta, text, tag=tag, about_relationship_from=chris, noted_on=when)
    archive.dates.add(
        loretta, kind="anniversary", date=wedding.isoformat(), label="Wedding anniversary", relationship_from=chris
    )
    birthday_year = today.year if (today.month, today.day) > (4, 3) else today.year - 1
    archive.letters.create(
        signer_id=chris,
        recipient_id=loretta,
        body=_BIRTHDAY_LETTER,
        occasion="birthday",
        occasion_date=f"{birthday_year}-04-03",
        template="birthday",
        title="Birthday letter",
        status="sent",
        is_sample=True,
        created_at=f"{birthday_year}-03-28T10:00:00.000+00:00",
    )
    archive.letters.create(
        signer_id=chris,
        recipient_id=loretta,
        body=_ANNIVERSARY_LETTER,
        occasion="anniversary",
        occasion_date=wedding.replace(year=anniversary.year - 1).isoformat(),
        template="anniversary",
        title="49th anniversary",
        status="sent",
        is_sample=True,
        created_at=f"{anniversary.year - 1}-{anniversary.month:02d}-01T10:00:00.000+00:00",
    )
