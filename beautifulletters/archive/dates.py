"""Important dates: birthdays, anniversaries and others, and which of them are coming up."""

from __future__ import annotations

import datetime as dt

from beautifulletters import limits, validation
from beautifulletters.archive.connection import ArchiveDb, Row, now_iso
from beautifulletters.archive.people import PeopleManager
from beautifulletters.archive.relationships import RelationshipsManager
from beautifulletters.errors import NotFoundError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import ImportantDate, UpcomingDate

DATE_KINDS = ("birthday", "anniversary", "custom")


class DatesManager:
    """``archive.dates``: a person's important dates, and the upcoming ones of everyone."""

    def __init__(self, db: ArchiveDb, people: PeopleManager, relationships: RelationshipsManager) -> None:
        self._db = db
        self._people = people
        self._relationships = relationships

    def add(
        self,
        person_id: int,
        *,
        kind: str,
        date: str,
        label: str | None = None,
        yearly: bool = True,
        relationship_from: int | None = None,
    ) -> int:
        self._people.get(person_id)
        if kind not in DATE_KINDS:
            raise ValidationError(
                "kind",
                _("{kind} is not a kind of date; use {items}.").format(kind=repr(kind), items=", ".join(DATE_KINDS)),
            )
        clean_date = validation.date(date, "date", allow_yearless=True)
        if clean_date is None:
            raise ValidationError("date", _("is required."))
        if not yearly and clean_date.startswith("--"):
            raise ValidationError("date", _("a one-off date needs its year."))
        relationship_id = None
        if relationship_from is not None:
            relationship = self._relationships.get(relationship_from, person_id)
            relationship_id = relationship.id if relationship else None
        row = {
            "person_id": person_id,
            "relationship_id": relationship_id,
            "kind": kind,
            "date": clean_date,
            "label": validation.text(label, "label", max_length=500),
            "yearly": 1 if yearly else 0,
            "created_at": now_iso(),
        }
        with self._db.transaction():
            return self._db.insert("important_dates", row)

    def for_person(self, person_id: int) -> list[ImportantDate]:
        validation.record_id(person_id, "person")
        rows = self._db.query(
            "SELECT * FROM important_dates WHERE person_id = ? ORDER BY substr(date, -5), id", (person_id,)
        )
        return [ImportantDate.from_row(row) for row in _readable(rows)]

    def put_back(self, date: ImportantDate) -> int:
        """Store a removed date again as it was (as `for_person` gave it): Undo after Delete date.

        It keeps its id unless another date has taken it; a relationship deleted meanwhile is dropped."""
        self._people.get(date.person_id)
        with self._db.transaction() as db:
            columns = [info[1] for info in db.execute("PRAGMA table_info(important_dates)")]  # names from the schema
            row = {name: value for name, value in date.as_row().items() if name in columns}
            if db.execute("SELECT 1 FROM important_dates WHERE id = ?", (row.get("id"),)).fetchone():
                row.pop("id")
            if (
                row.get("relationship_id") is not None
                and not db.execute("SELECT 1 FROM relationships WHERE id = ?", (row["relationship_id"],)).fetchone()
            ):
                row["relationship_id"] = None
            return self._db.insert("important_dates", row)

    def remove(self, date_id: int) -> None:
        validation.record_id(date_id, "date")
        with self._db.transaction() as db:
            if db.execute("DELETE FROM important_dates WHERE id = ?", (date_id,)).rowcount == 0:
                raise NotFoundError("date", date_id)

    def upcoming(self, *, days: int = 60, today: dt.date | None = None) -> list[UpcomingDate]:
        """Birthdays, anniversaries and other dates falling in the next `days` days, soonest first."""
        from beautifulletters.dates import upcoming_occurrences

        days = validation.whole_number(days, "days", minimum=0, maximum=limits.UPCOMING_DAYS)
        today = today or dt.date.today()
        # Only rows whose month and day fall near the window reach Python: with 100,000 people,
        # building every birthday as a dict took ~80 MB and most of the time. A day of margin
        # each side, and 29 February always, leave the exact rules to upcoming_occurrences.
        where, params = "", []
        if days + 3 < 366:
            first = (today - dt.timedelta(days=1)).strftime("%m-%d")
            last = (today + dt.timedelta(days=days + 2)).strftime("%m-%d")
            within = "md BETWEEN ? AND ?" if first <= last else "(md >= ? OR md <= ?)"
            where = f" WHERE {within} OR md = '02-29' OR length(date) NOT IN (7, 10)"
            params = [first, last]
        # `ended`: an anniversary of a relationship that ended (divorce, separation, estrangement) is
        # no day to celebrate; the date stays in the archive. One tied to no relationship counts as
        # ended when every relationship to the person has ended. `died_on` makes a day one to remember.
        ended = "(r.ended_on IS NOT NULL OR r.end_kind IS NOT NULL)"
        rows = self._db.query(
            "SELECT person_id, person_name, kind, date, label, yearly, date_id, died_on, ended FROM ("
            "SELECT p.id AS person_id, p.display_name AS person_name, 'birthday' AS kind, p.birthday AS date,"
            " NULL AS label, 1 AS yearly, NULL AS date_id, substr(p.birthday, -5) AS md, p.died_on AS died_on,"
            " 0 AS ended"
            " FROM people p WHERE p.birthday IS NOT NULL "
            "UNION ALL "
            "SELECT p.id, p.display_name, 'remembrance', p.died_on, NULL, 1, NULL, substr(p.died_on, -5),"
            " p.died_on, 0 FROM people p WHERE length(p.died_on) = 10 "
            "UNION ALL "
            "SELECT d.person_id, p.display_name, d.kind, d.date, d.label, d.yearly, d.id, substr(d.date, -5),"
            " p.died_on, CASE"
            f" WHEN d.relationship_id IS NOT NULL AND d.kind != 'birthday' THEN EXISTS (SELECT 1 FROM relationships r"
            f"  WHERE r.id = d.relationship_id AND {ended})"
            f" WHEN d.kind = 'anniversary' THEN EXISTS (SELECT 1 FROM relationships r WHERE r.to_id = d.person_id"
            f"  AND {ended}) AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.to_id = d.person_id AND NOT {ended})"
            " ELSE 0 END"
            " FROM important_dates d JOIN people p ON p.id = d.person_id)" + where,
            params,
        )
        return upcoming_occurrences(_readable(rows), today=today, days=days)


def _readable(rows: list[Row]) -> list[Row]:
    """Rows whose date every reader can use: an older archive's date in other digits is read in 0-9,
    and one that is no date at all (a year 0000) is left out rather than stopping the list."""
    kept = []
    for row in rows:
        row["date"] = validation.stored_date(row["date"], allow_yearless=True)
        if row["date"] is not None:
            kept.append(row)
    return kept
