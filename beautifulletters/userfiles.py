"""Reading a file a person names (a photo, a contact list, a template, a backup): checked before it is read.

Every such file is looked at with stat first: a folder, a device (/dev/zero), a FIFO, a socket,
or a file over its size limit is refused in one sentence before a byte is read. It is then
opened without blocking (a FIFO swapped in meanwhile cannot hang the program), checked again
on the open file, and read to at most its limit plus one byte, so a file that grows while it is
read is refused too, never read without end.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.limits import size_text

_CHUNK = 1024 * 1024


class FileRefused(ValidationError):
    """A file given to the program cannot be used; the message is one sentence naming it."""

    def __init__(self, field: str, sentence: str) -> None:
        super().__init__(field, sentence, sentence=True)


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, said plainly; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _why(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if error.errno == errno.ELOOP:
        return "too many symbolic links"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    return error.strerror or type(error).__name__


def _refuse_info(path: Path, info: os.stat_result, *, field: str, what: str, limit: int | None) -> None:
    kind = _kind(info.st_mode)
    if kind is not None:
        raise FileRefused(field, f"{path} is {kind}, not {what}; give a file.")
    if limit is not None and info.st_size > limit:
        raise FileRefused(field, f"{path} is {size_text(info.st_size)}; {what} may be at most {size_text(limit)}.")


def check_file(path: str | os.PathLike[str], *, field: str, what: str, limit: int | None) -> Path:
    """The path of a regular, readable file within `limit` bytes, or FileRefused saying why not.

    For files another library opens itself (a backup SQLite copies page by page).
    """
    target = Path(path).expanduser()
    try:
        info = target.stat()
    except FileNotFoundError:
        raise FileRefused(field, _("{path} does not exist.").format(path=target)) from None
    except (OSError, ValueError) as error:
        reason = _why(error) if isinstance(error, OSError) else "the name holds a NUL byte"
        raise FileRefused(field, _("{path} cannot be read ({reason}).").format(path=target, reason=reason)) from None
    _refuse_info(target, info, field=field, what=what, limit=limit)
    descriptor = _open(target, field)
    os.close(descriptor)
    return target


def _open(target: Path, field: str) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(target, flags)
    except FileNotFoundError:
        raise FileRefused(field, _("{path} does not exist.").format(path=target)) from None
    except OSError as error:
        raise FileRefused(
            field, _("{path} cannot be read ({reason}).").format(path=target, reason=_why(error))
        ) from None


def read_limited(path: str | os.PathLike[str], *, field: str, what: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or FileRefused in one sentence.

    `what` names what the file should be ("an image", "a contact list"), `field` the option or
    form field it came from; both appear in the message.
    """
    target = check_file(path, field=field, what=what, limit=limit)
    descriptor = _open(target, field)
    try:
        # The file may have been swapped since stat: what counts is what is open now.
        _refuse_info(target, os.fstat(descriptor), field=field, what=what, limit=limit)
        os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise FileRefused(
            field, _("{path} cannot be read ({reason}).").format(path=target, reason=_why(error))
        ) from None
    finally:
        os.close(descriptor)
    if total > limit:
        raise FileRefused(field, f"{target} is larger than {size_text(limit)}, the most {what} may be.")
    return b"".join(chunks)


def read_text(path: str | os.PathLike[str], *, field: str, what: str, limit: int) -> str:
    """A UTF-8 text file (a byte-order mark allowed) read as read_limited reads it."""
    data = read_limited(path, field=field, what=what, limit=limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRefused(field, f"{Path(path)} is not UTF-8 text (line {line}), so it is not {what}.") from None
