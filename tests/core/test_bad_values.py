"""Bad values at the door: one sentence naming the field, what is wrong and where; nothing stored.

The same gate (beautifulletters.validation) serves the command line, the window's dialogs and
import, so these are the classes of value it refuses, each tried with several members.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest

from beautifulletters import drafting, limits, validation
from beautifulletters.archive import Archive
from beautifulletters.errors import NotFoundError, RefusedValueError, ValidationError
from tests.core.test_archive import dump

# Characters no text field may hold, with the code the message names.
CONTROLS = [
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x0d",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x80",
    "\x85",
    "\x9b",
    "\x9f",
]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
SURROGATES = ["\udc80", "\udcff", "\ud800", "\udfff"]
ESCAPES = ["\x1b[2J", "\x1b[31m", "\x1b]0;owned\x07", "\x1bc", "\x9b2J"]
# Kept exactly: every script, combining marks, emoji with joiners, the direction marks LRM/RLM/ALM.
KEPT = [
    "محمد عبد الله",
    "שׂרה כהן",
    "佐藤 さくら",
    "e\u0301e\u0301",
    "👩\u200d❤\ufe0f\u200d💋\u200d👨",
    "a\u200eb\u200fc\u061cd",
]


def code(char: str) -> str:
    return f"U+{ord(char):04X}"


@pytest.mark.parametrize("char", CONTROLS + BIDI + SURROGATES)
@pytest.mark.parametrize("field", ["name", "nickname", "email"])
def test_a_one_line_field_refuses_each_hostile_character_naming_it_and_where(field: str, char: str) -> None:
    with pytest.raises(RefusedValueError) as refused:
        validation.text(f"Ann{char}e", field)
    message = str(refused.value)
    assert message.startswith(f"The {field} contains ") and f"({code(char)}" in message
    assert "at position 4" in message and message.count(".") == 1 and message.endswith(".")
    assert refused.value.field == field


@pytest.mark.parametrize("char", [c for c in CONTROLS if c != "\x0d"] + BIDI + SURROGATES)
def test_text_of_several_lines_refuses_them_too(char: str) -> None:
    with pytest.raises(RefusedValueError, match=rf"^The notes contain .*\({re.escape(code(char))}.*at position 3"):
        validation.text(f"ab{char}", "notes", multiline=True)


@pytest.mark.parametrize("sequence", ESCAPES)
def test_an_escape_sequence_is_named_as_one(sequence: str) -> None:
    with pytest.raises(RefusedValueError, match="terminal escape sequence|control character"):
        validation.text(f"x{sequence}y", "name")


def test_line_breaks_and_tabs_belong_only_to_text_of_several_lines() -> None:
    for char in ("\n", "\t", "\u2028", "\u2029"):
        with pytest.raises(RefusedValueError, match="must be one line"):
            validation.text(f"a{char}b", "name")
    assert validation.text("first\r\nsecond\tthird\rfourth", "notes", multiline=True) == "first\nsecond\tthird\nfourth"


@pytest.mark.parametrize("value", KEPT)
def test_every_script_emoji_and_direction_mark_is_kept_exactly(value: str) -> None:
    assert validation.text(value, "name") == value


def test_sizes_have_documented_limits() -> None:
    assert validation.text("x" * limits.LINE_CHARS, "name")
    with pytest.raises(RefusedValueError, match=f"1,001 characters long; the limit is {limits.LINE_CHARS:,}"):
        validation.text("x" * (limits.LINE_CHARS + 1), "name")
    with pytest.raises(RefusedValueError, match="the limit is 100,000"):
        validation.text("y" * (limits.NOTE_CHARS + 1), "notes", multiline=True)
    with pytest.raises(RefusedValueError, match="more than 100 emails"):
        validation.text_list([f"p{i}@example.org" for i in range(50_000)], "email", plural="emails")
    assert docs_limits_name_every_limit()


def docs_limits_name_every_limit() -> bool:
    """docs/limits.md states each limit in limits.py (the numbers people read are the ones in force)."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "limits.md").read_text(encoding="utf-8")
    for name in ("LINE_CHARS", "NOTE_CHARS", "BODY_CHARS", "LIST_ITEMS", "NOTE_READ_CHARS", "UPCOMING_DAYS"):
        assert f"{getattr(limits, name):,}" in text, name
    for name in ("PHOTO_BYTES", "CONTACT_FILE_BYTES", "ARCHIVE_EXPORT_BYTES", "TEMPLATE_BYTES", "SPELL_TEXT_BYTES"):
        assert limits.size_text(getattr(limits, name)) in text, name
    return True


# Dates in other digits: str.isdigit() and int() take them, which is how they got in.
OTHER_DIGITS = [
    "٢٠٢٠-٠٣-٠١",  # Arabic-Indic
    "۲۰۲۰-۰۳-۰۱",  # Extended Arabic-Indic (Persian)
    "२०२०-०३-०१",  # Devanagari
    "২০২০-০৩-০১",  # Bengali
    "２０２０-０３-０１",  # full-width
    "2020-0３-01",  # one digit is enough
    "--٠٤-٠٣",
    "3 April ٢٠٢٠",
    "٣/٤/1990",
]


@pytest.mark.parametrize("value", OTHER_DIGITS)
def test_dates_in_other_digits_are_refused_saying_how_to_write_them(value: str) -> None:
    with pytest.raises(RefusedValueError) as refused:
        validation.date(value, "birthday", allow_yearless=True, allow_partial=True)
    assert "digits other than 0-9" in str(refused.value) and str(refused.value).startswith("The birthday ")


@pytest.mark.parametrize("value", ["0000", "0000-05", "0000-05-01", "3 April 0000", "2023-02-29", "2024-04-31"])
def test_year_0000_and_impossible_days_are_refused(value: str) -> None:
    with pytest.raises(ValidationError):
        validation.date(value, "died on", allow_partial=True)


def test_ids_past_sqlite_are_no_record_and_counts_are_bounded() -> None:
    for huge in (2**63, 2**64, 10**20, 10**400):
        with pytest.raises(NotFoundError, match="There is no letter with id"):
            validation.record_id(huge, "letter")
    assert validation.record_id(2**63 - 1, "letter") == 2**63 - 1
    for days in (10**12, limits.UPCOMING_DAYS + 1, -1, "١٠"):
        with pytest.raises(ValidationError, match="number of days"):
            validation.whole_number(days, "days", minimum=0, maximum=limits.UPCOMING_DAYS)


@pytest.mark.parametrize("char", ["\x1b", "\u202e", "\x01"])
def test_the_archive_refuses_them_in_every_text_it_keeps_and_changes_nothing(
    empty_archive: Archive, archive_path: Path, char: str
) -> None:
    me = empty_archive.settings.default_signer_id()
    ann = empty_archive.people.add(display_name="Ann")
    attempts = [
        lambda: empty_archive.people.add(display_name=f"Bad{char}"),
        lambda: empty_archive.people.add(display_name="Ok", full_name=f"F{char}"),
        lambda: empty_archive.people.add(display_name="Ok", notes=f"N{char}"),
        lambda: empty_archive.people.add(display_name="Ok", emails=[f"e{char}@x.org"]),
        lambda: empty_archive.people.add(display_name="Ok", addresses=[f"1 Road{char}"]),
        lambda: empty_archive.people.add(display_name="Ok", postal_addresses=[{"street": f"1 Rd{char}"}]),
        lambda: empty_archive.people.add(display_name="Ok", tags=[f"t{char}"]),
        lambda: empty_archive.people.update(ann, display_name=f"Ann{char}"),
        lambda: empty_archive.notes.add(ann, f"we met{char}"),
        lambda: empty_archive.relationships.set(me, ann, kind=f"friend{char}"),
        lambda: empty_archive.relationships.set(me, ann, kind="friend", pet_names=[f"Bee{char}"]),
        lambda: empty_archive.relationships.set(me, ann, kind="friend", how_we_met=f"at school{char}"),
        lambda: empty_archive.dates.add(ann, kind="custom", date="2020-01-01", label=f"L{char}"),
    ]
    before = dump(archive_path)
    for attempt in attempts:
        with pytest.raises(RefusedValueError):
            attempt()
    assert dump(archive_path) == before


def test_a_letter_body_is_made_safe_to_keep_never_refused_for_a_character(empty_archive: Archive) -> None:
    """The desk saves while someone types: a pasted form feed must not make a save fail."""
    me = empty_archive.settings.default_signer_id()
    ann = empty_archive.people.add(display_name="Ann")
    letter = empty_archive.letters.create(
        signer_id=me, recipient_id=ann, body="Dear Ann,\x0c\x1b[2J\r\nشكرا \u2067Ann\u2069\udcff"
    )
    assert empty_archive.letters.get(letter).body == "Dear Ann,[2J\nشكرا \u2067Ann\u2069\ufffd"


def _store_raw(archive_path: Path, sql: str, params: tuple[object, ...]) -> None:
    """Write a value as an archive made before these checks may hold it (straight into SQLite)."""
    with sqlite3.connect(archive_path) as conn:
        conn.execute(sql, params)


@pytest.mark.parametrize("stored", ["٢٠٢٠-٠٣-٠١", "２０２０-０３-０１", "0000-03-01", "--٠٣-٠١"])
def test_an_older_archive_holding_such_a_date_still_drafts_and_lists(archive_path: Path, stored: str) -> None:
    with Archive.open(archive_path) as archive:
        ann = archive.people.add(display_name="Ann")
        archive.dates.add(ann, kind="anniversary", date="2001-03-01")
    _store_raw(archive_path, "UPDATE people SET birthday = ? WHERE id = ?", (stored, ann))
    _store_raw(archive_path, "UPDATE important_dates SET date = ? WHERE person_id = ?", (stored, ann))
    _store_raw(archive_path, "UPDATE notes SET noted_on = ?", (stored,))
    with Archive.open(archive_path) as archive:
        birthday = archive.people.get(ann).birthday
        assert birthday in ("2020-03-01", "--03-01", None)  # read in 0-9, or (year 0000) as no date
        draft = drafting.render_draft(archive, recipient_id=ann, template="birthday", today=dt.date(2026, 2, 20))
        assert "Ann" in draft.text
        archive.dates.upcoming(days=limits.UPCOMING_DAYS, today=dt.date(2026, 2, 20))
        assert all(d.date is None or d.date.isascii() for d in archive.dates.for_person(ann))


def test_an_export_brings_back_a_photo_stored_before_photos_were_checked(archive_path: Path, tmp_path: Path) -> None:
    """--photo took any bytes before: such a photo must not stop the archive's own export coming back."""
    from beautifulletters.transfer.archive_json import import_export
    from beautifulletters.transfer.exporter import export_archive

    with Archive.open(archive_path) as archive:
        ann = archive.people.add(display_name="Ann")
    _store_raw(archive_path, "UPDATE people SET photo = ? WHERE id = ?", (b"II*\x00 a TIFF, say", ann))
    with Archive.open(archive_path) as archive:
        export_archive(archive, "json", tmp_path / "everything.json")
    with Archive.open(tmp_path / "fresh.sqlite3", with_sample=False) as fresh:
        import_export(fresh, tmp_path / "everything.json")
        assert fresh.people.get(ann).photo == b"II*\x00 a TIFF, say"
