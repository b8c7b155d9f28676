"""Files a person names are looked at before they are read: never read without end, never blocking."""

from __future__ import annotations

import os
import struct
import threading
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from beautifulletters import images, limits, userfiles
from beautifulletters.archive import Archive
from beautifulletters.drafting import catalog
from beautifulletters.transfer import NotContactsError, import_file
from beautifulletters.transfer.archive_json import NotAnExportError, read_document
from beautifulletters.transfer.backups import restore_backup
from beautifulletters.transfer.importer import ImportRefused
from tests.core.test_archive import dump
from tests.fixtures.contacts.make_fixtures import tiny_png


def _png(width: int, height: int) -> bytes:
    """A PNG whose header says width x height (the pixels themselves are never unpacked)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def _jpeg(width: int, height: int) -> bytes:
    """The smallest JPEG structure: SOI, a baseline frame header, EOI."""
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame + b"\xff\xd9"


# Every reader of a named file, as (reader, what it is called in the message).
READERS: dict[str, Callable[[Path], object]] = {
    "photo": images.read_photo,
    "contacts": lambda path: import_file(Archive.open(path.parent / "a.sqlite3"), path),
    "template": catalog.read_source,
    "archive export": read_document,
    "text": lambda path: userfiles.read_text(path, field="file", what="a text file", limit=1024),
}
REFUSED = (userfiles.FileRefused, NotContactsError, NotAnExportError)


def _in_time(work: Callable[[], object], seconds: float = 20) -> BaseException | None:
    """Run `work` in a thread; fail the test (rather than hang the suite) if it blocks."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - handed to the test
            caught.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading the file blocked"
    return caught[0] if caught else None


@pytest.mark.parametrize("reader", READERS)
def test_devices_fifos_and_folders_are_refused_before_a_byte_is_read(tmp_path: Path, reader: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for path, kind in ((Path("/dev/zero"), "a device"), (Path("/dev/urandom"), "a device"), (fifo, "a pipe (FIFO)")):
        error = _in_time(lambda path=path: READERS[reader](path))
        assert isinstance(error, REFUSED) and f"{path} is {kind}, not " in str(error), error
    error = _in_time(lambda: READERS[reader](folder))
    assert isinstance(error, REFUSED) and "is a folder" in str(error)
    error = _in_time(lambda: READERS[reader](tmp_path / "missing.file"))
    assert isinstance(error, REFUSED) and "does not exist" in str(error)


@pytest.mark.parametrize(
    ("reader", "limit"),
    [
        ("photo", limits.PHOTO_BYTES),
        ("contacts", limits.CONTACT_FILE_BYTES),
        ("template", limits.TEMPLATE_BYTES),
        ("archive export", limits.ARCHIVE_EXPORT_BYTES),
    ],
)
def test_a_file_over_its_limit_is_refused_from_its_size_alone(tmp_path: Path, reader: str, limit: int) -> None:
    huge = tmp_path / "huge.vcf"
    with open(huge, "wb") as handle:
        handle.truncate(limit + 1)  # sparse: no disk used, and none of it is read
    error = _in_time(lambda: READERS[reader](huge))
    assert isinstance(error, REFUSED) and f"at most {limits.size_text(limit)}" in str(error), error


def test_read_limited_never_reads_past_its_limit_even_when_the_size_lied(tmp_path: Path) -> None:
    """/proc files say they are empty and are not: what is read counts, not what stat said."""
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size != 0:
        pytest.skip("needs Linux's /proc")
    with pytest.raises(userfiles.FileRefused, match="is larger than 99 bytes, the most a text file may be"):
        userfiles.read_limited(status, field="file", what="a text file", limit=99)
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"x" * 100)
    assert userfiles.read_limited(exact, field="file", what="a text file", limit=100) == b"x" * 100


def test_a_file_that_cannot_be_read_is_one_sentence(tmp_path: Path) -> None:
    inside_a_file = tmp_path / "notes.txt"
    inside_a_file.write_text("hi")
    with pytest.raises(userfiles.FileRefused, match="does not exist|cannot be read"):
        userfiles.read_limited(inside_a_file / "photo.png", field="photo", what="an image", limit=10)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"hello, I am a text file\n", "not a PNG, JPEG, GIF, WebP or BMP image"),
        (b"%PDF-1.7\n", "not a PNG, JPEG, GIF, WebP or BMP image"),
        (b"", "not a PNG, JPEG, GIF, WebP or BMP image"),
        (tiny_png()[:40], "incomplete PNG"),
        (_jpeg(64, 64)[:-2], "incomplete JPEG"),
        (b"\xff\xd8\xff\xe0\x00\x02", "incomplete JPEG"),
        (_png(100_000, 100_000), "100,000 by 100,000 pixels"),
        (_jpeg(65_000, 65_000), "65,000 by 65,000 pixels"),
        (_png(0, 10), "0 by 10 pixels"),
    ],
)
def test_what_is_not_a_photo_is_refused_saying_why(tmp_path: Path, data: bytes, why: str) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(data)
    with pytest.raises(userfiles.FileRefused) as refused:
        images.read_photo(path)
    assert why in str(refused.value) and str(refused.value).startswith(str(path))


def test_real_images_are_kept_byte_for_byte(tmp_path: Path) -> None:
    for name, data in (
        ("a.png", tiny_png()),
        ("b.jpg", _jpeg(640, 480)),
        ("c.gif", b"GIF89a\x02\x00\x02\x00" + b"\0" * 8),
    ):
        (tmp_path / name).write_bytes(data)
        assert images.read_photo(tmp_path / name) == data


def test_the_archive_keeps_only_photos(empty_archive: Archive, archive_path: Path) -> None:
    before = dump(archive_path)
    with pytest.raises(userfiles.FileRefused, match="The photo is not a photo"):
        empty_archive.people.add(display_name="Ann", photo=b"#!/bin/sh\nrm -rf ~\n")
    assert dump(archive_path) == before


def test_a_restore_from_what_is_not_a_readable_file_changes_nothing(tmp_path: Path, archive_path: Path) -> None:
    Archive.open(archive_path).close()
    before = archive_path.read_bytes()
    fifo = tmp_path / "backup.fifo"
    os.mkfifo(fifo)
    for source, said in ((tmp_path, "is a folder"), (Path("/dev/zero"), "is a device"), (fifo, "is a pipe")):
        error = _in_time(lambda source=source: restore_backup(source, archive_path))
        assert isinstance(error, userfiles.FileRefused) and said in str(error)
    assert archive_path.read_bytes() == before


# ------------------------------------------------------------------------------ contact files
def _vcard(*lines: str, version: str = "3.0") -> str:
    return "".join(f"{line}\r\n" for line in ("BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"))


@pytest.mark.parametrize(
    ("card", "said"),
    [
        (_vcard("FN:Bad\x1b[2JName"), "the name contains a control character (U+001B)"),
        (_vcard("FN:Eve\u202eevil"), "the name contains a bidirectional override (U+202E)"),
        (_vcard("FN:Ok", "NOTE:ring\x07ring"), "the notes contain a control character (U+0007)"),
        (_vcard("FN:Ok", "EMAIL:a\u2066b@example.org"), "the email contains a bidirectional override (U+2066)"),
    ],
)
def test_an_import_holding_a_refused_value_refuses_the_whole_file(
    empty_archive: Archive, archive_path: Path, tmp_path: Path, card: str, said: str
) -> None:
    path = tmp_path / "people.vcf"
    path.write_text(_vcard("FN:Good Person") + card, encoding="utf-8")
    before = dump(archive_path)
    with pytest.raises(ImportRefused) as refused:
        import_file(empty_archive, path)
    assert str(refused.value).startswith("Nothing was imported from people.vcf: in card 2 (line 5), ")
    assert said in str(refused.value)
    assert dump(archive_path) == before


def test_a_photo_in_a_card_that_is_no_image_is_left_out_with_a_note(empty_archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "photo.vcf"
    path.write_text(_vcard("FN:Pic", "PHOTO;ENCODING=b;TYPE=PNG:aGVsbG8gd29ybGQ="))  # "hello world"
    report = import_file(empty_archive, path)
    assert report.items[0].action == "added"
    assert any("photo (line 4) was left out: it is not a photo" in w for w in report.items[0].warnings)
