"""Every file the app writes goes through here: a checked path, a temporary file, fsync, a check, a rename.

One mechanism for all of them (exports, envelopes, books, batches, backups, readings,
settings), so each one gets the same guarantees:

* :func:`check_output_path` refuses a path the user should never write to: the archive
  itself and its working files, anything inside the automatic-backups folder, a symbolic
  link, a device, pipe or socket, a folder, a missing folder, and (unless asked) an
  existing file.
* :class:`Outputs` writes one or several files together. Each is written to a temporary
  file beside its target (``.NAME.bl-XXXXXXXX.part``), flushed to disk, checked (not
  empty; a PDF that opens, an ODT or DOCX whose zip is whole) and only then renamed over
  the target, after which the folder is synced. On any failure every temporary file is
  removed and the targets are left exactly as they were; a full disk says so.
* While it is written, a temporary file is locked (``flock``); a writer killed mid-way
  leaves it unlocked, and :func:`remove_leftovers` deletes such files at the next start.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.paths import backups_dir, backups_root

Verifier = Callable[[Path], None]

TEMP_SUFFIX = ".part"
_TEMP_MARK = ".bl-"
_TEMP_NAME = re.compile(r"^\..+\.bl-[0-9a-f]{8}\.part$")
# A temporary file this young may belong to a writer that has made it but not yet locked it.
_LEFTOVER_MIN_AGE = 2.0
# Archive working files SQLite and the app keep beside the archive.
ARCHIVE_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")
_FULL = (errno.ENOSPC, errno.EDQUOT)


class OutputError(BeautifulLettersError):
    """A file could not be written; the earlier file (if any) is untouched."""


class DiskFullError(OutputError):
    """The disk (or the user's quota) is full."""


# ------------------------------------------------------------------ checking a path
def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def is_archive_file(path: str | os.PathLike[str], archive_path: str | os.PathLike[str]) -> bool:
    """Whether `path` is the archive or one of its working files (-wal, -shm, -journal, .lock)."""
    target = Path(os.path.realpath(Path(path).expanduser()))
    archive = Path(os.path.realpath(Path(archive_path).expanduser()))
    for candidate in (archive, *(archive.with_name(archive.name + extra) for extra in ARCHIVE_COMPANIONS)):
        if target == candidate or _same_file(target, candidate):
            return True
    return False


def is_in_backups_folder(path: str | os.PathLike[str]) -> bool:
    """Whether `path` lies inside the automatic-backups folder (which only the backups write)."""
    target = Path(os.path.realpath(Path(path).expanduser()))
    root = Path(os.path.realpath(backups_root()))
    return target == root or root in target.parents


def check_output_path(
    path: str | os.PathLike[str],
    *,
    archive_path: str | os.PathLike[str] | None = None,
    force: bool = False,
    replace_hint: str | None = None,
    may_replace: Callable[[Path], bool] | None = None,
) -> Path:
    """The path a user chose to write to, or a ValidationError that says in one sentence why not.

    `force` allows replacing an existing regular file (the window's save dialogs have already
    asked); `may_replace` may allow it for files it recognises (a backup over a backup).
    """
    target = Path(path).expanduser()
    if archive_path is not None and is_archive_file(target, archive_path):
        raise ValidationError(
            "out",
            _("{path} is the archive itself or one of its working files; choose another file.").format(path=target),
        )
    if is_in_backups_folder(target):
        raise ValidationError(
            "out",
            _(
                "{path} is inside the automatic backups folder, which only the backups use; choose another place."
            ).format(path=target),
        )
    _check_target(target)
    if target.exists() and not force and not (may_replace is not None and may_replace(target)):
        raise ValidationError(
            "out",
            _("{path} already exists; {replace_hint}.").format(
                path=target, replace_hint=replace_hint or _("give --force to replace it")
            ),
        )
    folder = target.parent
    if not folder.is_dir():
        raise ValidationError("out", _("the folder {folder} does not exist.").format(folder=folder))
    return target


def check_output_folder(path: str | os.PathLike[str], *, archive_path: str | os.PathLike[str] | None = None) -> Path:
    """A folder a user chose for many files: not the backups folder, not a link, not a file."""
    folder = Path(path).expanduser()
    if archive_path is not None and is_archive_file(folder, archive_path):
        raise ValidationError(
            "out",
            _("{folder} is the archive itself or one of its working files; choose a folder.").format(folder=folder),
        )
    if is_in_backups_folder(folder):
        raise ValidationError(
            "out",
            _(
                "{folder} is inside the automatic backups folder, which only the backups use; choose another place."
            ).format(folder=folder),
        )
    if folder.is_symlink() and not folder.is_dir():
        raise ValidationError(
            "out", _("{folder} is a symbolic link to no folder; choose a folder.").format(folder=folder)
        )
    if folder.exists() and not folder.is_dir():
        raise ValidationError(
            "out", _("{folder} is a file; give a folder, or a name ending in .pdf for one file.").format(folder=folder)
        )
    return folder


# ------------------------------------------------------------------ checking a file
def verify_not_empty(path: Path) -> None:
    if path.stat().st_size == 0:
        raise OutputError(_("{file} came out empty.").format(file=path.name))


def verify_pdf(path: Path) -> None:
    """A whole PDF: its header, its end-of-file marker, and pikepdf can open it."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(5)
        handle.seek(max(0, size - 1024))
        tail = handle.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise OutputError(_("{file} came out incomplete (not a whole PDF).").format(file=path.name))
    import pikepdf

    try:
        with pikepdf.open(path):
            pass
    except pikepdf.PdfError as error:
        raise OutputError(_("{file} came out damaged ({reason}).").format(file=path.name, reason=error)) from None


def verify_zip(path: Path) -> None:
    """A whole zip container (ODT, DOCX): every member is there and reads back."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError) as error:
        raise OutputError(_("{file} came out incomplete ({reason}).").format(file=path.name, reason=error)) from None
    if bad is not None:
        raise OutputError(_("{file} came out damaged ({bad} does not read back).").format(file=path.name, bad=bad))


VERIFIERS: dict[str, Verifier] = {".pdf": verify_pdf, ".odt": verify_zip, ".docx": verify_zip}


def verifier_for(path: Path) -> Verifier:
    """The check a file of this kind gets by default (by its name's ending)."""
    return VERIFIERS.get(path.suffix.lower(), verify_not_empty)


# ------------------------------------------------------------------ writing
def temp_name_for(target: Path) -> Path:
    """A fresh temporary name beside `target` that :func:`remove_leftovers` recognises."""
    return target.with_name(f".{target.name}{_TEMP_MARK}{secrets.token_hex(4)}{TEMP_SUFFIX}")


def is_temp_name(name: str) -> bool:
    return bool(_TEMP_NAME.match(name))


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (best effort: some file systems cannot sync a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _disk_nearly_full(folder: Path) -> bool:
    try:
        info = os.statvfs(folder)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < max(64 * 1024, info.f_blocks * info.f_frsize // 1000)


def _file_mode(target: Path, mode: int | None) -> int:
    if mode is not None:
        return mode
    try:
        existing = target.lstat()
    except OSError:
        existing = None
    if existing is not None and stat.S_ISREG(existing.st_mode):
        return stat.S_IMODE(existing.st_mode)  # a replaced file keeps its permissions
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@dataclass
class _Planned:
    target: Path
    temp: Path
    verify: Verifier
    mode: int
    handle: int  # an open descriptor of the temporary file, holding its lock
    existed: bool


class Outputs:
    """Files that land together or not at all. Use as a context manager::

    with Outputs() as outputs:
        temp = outputs.add(Path("letter.pdf"))
        paint_into(temp)
    # on leaving: every file checked, then all renamed into place; on error none are
    """

    def __init__(self) -> None:
        self._planned: list[_Planned] = []
        self._done = False
        self._checked = False
        self._cleaned: set[Path] = set()
        self.files: list[Path] = []

    def add(self, target: str | os.PathLike[str], *, verify: Verifier | None = None, mode: int | None = None) -> Path:
        """Plan one file; returns the (created, empty, locked) temporary file to write into."""
        target = Path(target)
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise ValidationError("out", _("the folder {folder} does not exist.").format(folder=folder))
        _check_target(target)
        if folder not in self._cleaned:  # once per folder: a batch adds thousands of files to one
            self._cleaned.add(folder)
            remove_leftovers(folder)
        temp = temp_name_for(target)
        try:
            handle = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except OSError as error:
            raise self._error(target, error) from None
        fcntl.flock(handle, fcntl.LOCK_EX)
        self._planned.append(
            _Planned(target, temp, verify or verifier_for(target), _file_mode(target, mode), handle, target.exists())
        )
        return temp

    def check(self) -> None:
        """Sync and check every file (done by :meth:`commit` too): after this, only renames are left."""
        if self._checked:
            return
        try:
            synced = self._sync_all()
            for planned in self._planned:
                try:
                    synced.pop(0).result()
                    planned.verify(planned.temp)
                    os.chmod(planned.temp, planned.mode)
                except OSError as error:
                    raise self._error(planned.target, error) from None
                except OutputError as error:
                    if _disk_nearly_full(planned.temp.parent):
                        raise self._full(planned.target) from None
                    raise OutputError(
                        _("Cannot write {path}: {reason}").format(path=planned.target, reason=error)
                    ) from None
        except BaseException:
            self.discard()
            raise
        self._checked = True

    def _sync_all(self) -> list[Future[None]]:
        """fsync every file; a batch's files are synced side by side (each waits on the disk, not the CPU)."""
        if len(self._planned) < 4:
            done: list[Future[None]] = []
            for planned in self._planned:
                future: Future[None] = Future()
                try:
                    _fsync_file(planned.temp)
                    future.set_result(None)
                except OSError as error:
                    future.set_exception(error)
                done.append(future)
            return done
        with ThreadPoolExecutor(max_workers=8, thread_name_prefix="fsync") as pool:
            return [pool.submit(_fsync_file, planned.temp) for planned in self._planned]

    def commit(self) -> list[Path]:
        """Check every file, then rename them all into place; returns the targets."""
        if self._done:
            return self.files
        self.check()
        try:
            for planned in self._planned:  # again: one may have appeared while the files were written
                _check_target(planned.target)
            folders = []
            for planned in self._planned:
                os.replace(planned.temp, planned.target)
                self.files.append(planned.target)
                if planned.target.parent not in folders:
                    folders.append(planned.target.parent)
            for folder in folders:
                fsync_folder(folder)
        except BaseException:
            self.discard()
            raise
        self._release()
        self._done = True
        return self.files

    def discard(self) -> None:
        """Remove every temporary file not yet renamed into place."""
        for planned in self._planned:
            if planned.target not in self.files:
                with contextlib.suppress(OSError):
                    planned.temp.unlink()
        self._release()
        self._done = True

    def _release(self) -> None:
        for planned in self._planned:
            if planned.handle >= 0:
                with contextlib.suppress(OSError):
                    os.close(planned.handle)
                planned.handle = -1

    def _error(self, target: Path, error: OSError) -> OutputError:
        if error.errno in _FULL:
            return self._full(target)
        if error.errno == errno.ENOTDIR and (blocking := file_in_the_way(target)) is not None:
            return OutputError(
                _("{blocking} is a file, not a folder, so {path} cannot be made inside it.").format(
                    blocking=blocking, path=target
                )
            )
        return OutputError(_("Cannot write {path} ({value}).").format(path=target, value=error.strerror or error))

    def _full(self, target: Path) -> DiskFullError:
        existed = any(p.existed for p in self._planned if p.target == target)
        kept = _("the earlier file was left as it was") if existed else _("nothing was written")
        return DiskFullError(_("Cannot write {path}: the disk is full; {kept}.").format(path=target, kept=kept))

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def file_in_the_way(target: Path) -> Path | None:
    """The regular file standing where a folder of `target`'s path should be (merge --out notes.txt/sub)."""
    for parent in target.parents:
        if parent.is_file():
            return parent
    return None


def cannot_use(target: Path, error: OSError, doing: str = "use") -> ValidationError:
    """One sentence for an output path the system refuses, saying what is in the way when it is a file."""
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        if target.is_file() and doing.startswith("create"):
            return ValidationError(
                "out", _("{path} is a file, not a folder; give a folder, or another name.").format(path=target)
            )
        if (blocking := file_in_the_way(target)) is not None:
            return ValidationError(
                "out",
                _("{blocking} is a file, not a folder, so {path} cannot be made inside it.").format(
                    blocking=blocking, path=target
                ),
            )
    if doing.startswith("create"):
        message = _("cannot create the folder {path} ({reason}).")
    else:
        message = _("cannot use {path} ({reason}).")
    return ValidationError("out", message.format(path=target, reason=error.strerror))


def _check_target(target: Path) -> None:
    """Only a regular file (or nothing) is ever replaced: never a link, device, pipe or folder."""
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise cannot_use(target, error) from None
    if stat.S_ISLNK(info.st_mode):
        raise ValidationError(
            "out", _("{path} is a symbolic link; give the file it points to, or another name.").format(path=target)
        )
    if stat.S_ISDIR(info.st_mode):
        raise ValidationError("out", _("{path} is a folder; give a file name.").format(path=target))
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError(
            "out",
            _("{path} is not a regular file (a device, pipe or socket); choose another name.").format(path=target),
        )


def write_file(path: str | os.PathLike[str], write: Callable[[Path], None], *, verify: Verifier | None = None) -> Path:
    """Write one file: `write(temp)` fills the temporary file, which is checked and renamed over `path`."""
    with Outputs() as outputs:
        temp = outputs.add(path, verify=verify)
        try:
            write(temp)
        except OSError as error:
            raise outputs._error(Path(path), error) from None
    return Path(path)


def write_bytes(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> Path:
    def exact(temp: Path) -> None:
        if temp.stat().st_size != len(data):
            raise OutputError(_("{file} came out short.").format(file=temp.name))

    with Outputs() as outputs:
        temp = outputs.add(path, verify=exact, mode=mode)
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
        except OSError as error:
            raise outputs._error(Path(path), error) from None
    return Path(path)


def write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", newline: str | None = None) -> Path:
    """`text` as the whole file (`newline` as in :func:`open`: None writes ``\\n`` as the platform's)."""
    if newline not in (None, "", "\n"):
        text = text.replace("\n", newline)
    return write_bytes(path, text.encode(encoding))


@contextlib.contextmanager
def open_for_writing(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """A stream into a temporary file that replaces `path` only when the block ends without error."""
    with Outputs() as outputs:
        temp = outputs.add(path, verify=lambda _temp: None)
        try:
            with open(temp, mode, **kwargs) as handle:
                yield handle
        except OSError as error:
            raise outputs._error(Path(path), error) from None


# ------------------------------------------------------------------ leftovers of a crash
def _is_unlocked_leftover(path: Path, now: float) -> bool:
    try:
        if now - path.lstat().st_mtime < _LEFTOVER_MIN_AGE:
            return False
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a writer still holds it
    finally:
        os.close(handle)
    return True


def remove_leftovers(folder: str | os.PathLike[str], *, any_part: bool = False) -> list[Path]:
    """Delete temporary files a killed writer left in `folder`; returns what was removed.

    Only files no writer holds are touched. `any_part` also takes hidden ``.*.part`` files
    without this module's mark (what older versions left), for folders only this app writes.
    """
    removed: list[Path] = []
    folder = Path(folder)
    now = time.time()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        ours = is_temp_name(name) or (any_part and name.startswith(".") and name.endswith(TEMP_SUFFIX))
        if ours and _is_unlocked_leftover(entry, now):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    # SQLite's journal beside a killed backup's temporary file goes once that file has gone.
    for entry in entries:
        base, dash, companion = entry.name.rpartition("-")
        leftover = dash and companion in ("journal", "wal", "shm") and is_temp_name(base)
        if leftover and not entry.with_name(base).exists():
            with contextlib.suppress(OSError):
                if now - entry.lstat().st_mtime >= _LEFTOVER_MIN_AGE:
                    entry.unlink()
                    removed.append(entry)
    return removed


def remove_crash_leftovers(archive_path: str | os.PathLike[str]) -> list[Path]:
    """What killed writers left beside the archive and in its backups folder (run at start)."""
    archive_path = Path(archive_path).expanduser()
    removed = remove_leftovers(archive_path.parent)
    with contextlib.suppress(OSError):  # a folder we may not read is simply not cleaned
        folder = backups_dir(archive_path)
        if folder.is_dir():
            removed += remove_leftovers(folder, any_part=True)
    return removed
