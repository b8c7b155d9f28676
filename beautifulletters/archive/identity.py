"""What marks a file as a BeautifulLetters archive, and which schema steps it should have.

Kept apart from schema.py (which needs sqlite-utils) so opening an archive can check both
with plain SQL, without importing sqlite-utils until something is written.
"""

from __future__ import annotations

# PRAGMA application_id marks a file as ours, so a foreign SQLite file is never adopted.
APPLICATION_ID = 0x424C5452  # "BLTR"

# sqlite-utils records applied steps in this table, under this migration set.
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_SET = "beautifulletters"

# Every step in schema.py, in order. A new step is added there and named here
# (tests/core/test_migrations.py checks the two agree).
SCHEMA_STEPS = (
    "m001_initial",
    "m002_indexes",
    "m003_full_text_search",
    "m004_last_letter",
    "m005_person_words",
    "m006_sample_indexes",
    "m007_cascading_deletes",
    "m009_structured_addresses",
    "m010_life_and_notes",
    "m011_trash",
    "m012_imported_cards",
    "m013_letter_dated",
)
