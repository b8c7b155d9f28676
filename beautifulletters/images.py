"""Photos: what counts as one (PNG, JPEG, GIF, WebP, BMP, whole and of a sane size), checked without Qt.

The archive keeps a person's photo as the image file's bytes. Whatever brings one in (--photo,
the person dialog, a vCard's PHOTO, a JSON export) passes check_photo, so a text file, a
truncated download or a picture that would unpack to gigabytes is refused in one sentence.
The window then draws it with Qt, which reads all five formats.
"""

from __future__ import annotations

import os
import struct

from beautifulletters import limits
from beautifulletters.i18n import _
from beautifulletters.userfiles import FileRefused, read_limited

_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class NotAnImage(ValueError):
    """The bytes are not a whole image of a known kind; the message says what is wrong."""


def _png(data: bytes) -> tuple[int, int]:
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise NotAnImage("it is a PNG image without its header")
    if not data.rstrip(b"\0").endswith(b"IEND\xaeB`\x82"):
        raise NotAnImage("it is an incomplete PNG image (it has no end)")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg(data: bytes) -> tuple[int, int]:
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            raise NotAnImage("it is a damaged JPEG image")
        marker = data[index + 1]
        if marker == 0xFF:  # padding between segments
            index += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if marker in _JPEG_FRAMES:
            if index + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            if b"\xff\xd9" not in data[index:]:
                raise NotAnImage("it is an incomplete JPEG image (it has no end)")
            return width, height
        if length < 2:
            raise NotAnImage("it is a damaged JPEG image")
        index += 2 + length
    raise NotAnImage("it is an incomplete JPEG image (no picture in it)")


def _gif(data: bytes) -> tuple[int, int]:
    if len(data) < 14:
        raise NotAnImage("it is an incomplete GIF image")
    width, height = struct.unpack("<HH", data[6:10])
    return width, height


def _webp(data: bytes) -> tuple[int, int]:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
        return width, height
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    raise NotAnImage("it is a WebP file without a picture in it")


def _bmp(data: bytes) -> tuple[int, int]:
    if len(data) < 26:
        raise NotAnImage("it is an incomplete BMP image")
    width, height = struct.unpack("<ii", data[18:26])
    return abs(width), abs(height)


def image_kind(data: bytes) -> str | None:
    """'png', 'jpeg', 'gif', 'webp' or 'bmp' from the first bytes; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"BM") and len(data) >= 26:
        return "bmp"
    return None


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG, JPEG, GIF, WebP or BMP, read from its header; NotAnImage otherwise."""
    kind = image_kind(data)
    if kind is None:
        raise NotAnImage("it is not a PNG, JPEG, GIF, WebP or BMP image")
    reader = {"png": _png, "jpeg": _jpeg, "gif": _gif, "webp": _webp, "bmp": _bmp}[kind]
    try:
        return reader(data)
    except struct.error:
        raise NotAnImage(_("it is a damaged {upper} image").format(upper=kind.upper())) from None


def check_photo(data: bytes, field: str = "photo", source: str = "The photo") -> bytes:
    """The photo's bytes, or FileRefused saying in one sentence why they are not a photo to keep."""
    if len(data) > limits.PHOTO_BYTES:
        most = limits.size_text(limits.PHOTO_BYTES)
        raise FileRefused(
            field,
            _("{source} is {count}; a photo may be at most {most}.").format(
                source=source, count=limits.size_text(len(data)), most=most
            ),
        )
    try:
        width, height = image_size(data)
    except NotAnImage as error:
        raise FileRefused(field, _("{source} is not a photo: {reason}.").format(source=source, reason=error)) from None
    if width < 1 or height < 1:
        raise FileRefused(
            field,
            _("{source} is not a photo: it is an image of {width} by {height} pixels.").format(
                source=source, width=width, height=height
            ),
        )
    if width * height > limits.PHOTO_PIXELS:
        raise FileRefused(
            field,
            _("{source} is {width:,} by {height:,} pixels; a photo may have at most {value} million pixels.").format(
                source=source, width=width, height=height, value=limits.PHOTO_PIXELS // 1_000_000
            ),
        )
    return data


def read_photo(path: str | os.PathLike[str], field: str = "photo") -> bytes:
    """A photo file's bytes, checked as a file (not a device, FIFO, folder, over the limit) and as an image."""
    data = read_limited(path, field=field, what="an image", limit=limits.PHOTO_BYTES)
    return check_photo(data, field, str(path))
