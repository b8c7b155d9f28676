"""The archive's own settings: small key/value pairs such as who signs by default."""

from __future__ import annotations

from beautifulletters.archive.connection import ArchiveDb
from beautifulletters.errors import NotFoundError
from beautifulletters.limits import MAX_ID


class SettingsManager:
    """``archive.settings``: read and write the archive's key/value settings."""

    def __init__(self, db: ArchiveDb) -> None:
        self._db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._db.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str | None) -> None:
        with self._db.transaction() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    def default_signer_id(self) -> int | None:
        value = self.get("default_signer_id")
        return int(value) if value else None

    def set_default_signer(self, person_id: int) -> None:
        if not 1 <= person_id <= MAX_ID:
            raise NotFoundError("person", person_id)
        if self._db.conn.execute("SELECT 1 FROM people WHERE id = ?", (person_id,)).fetchone() is None:
            raise NotFoundError("person", person_id)
        self.set("default_signer_id", str(person_id))
