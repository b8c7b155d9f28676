"""Where things live: the per-user data directory and the default archive file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

from beautifulletters import APP_NAME

ARCHIVE_ENV = "BEAUTIFULLETTERS_ARCHIVE"
ARCHIVE_FILENAME = "archive.sqlite3"


# The folder holding the `beautifulletters` package, so a child process imports this very copy
# (a source checkout run from elsewhere, or an installed one).
PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)


def child_pythonpath(inherited: str | None = None) -> str:
    """PYTHONPATH for a child process of ours: this package's folder first, then what was inherited."""
    return os.pathsep.join(p for p in (PACKAGE_PARENT, inherited) if p)


def user_data_dir() -> Path:
    """The per-user folder for the archive, user templates, dictionaries and backups."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_templates_dir() -> Path:
    return user_data_dir() / "templates"


def backups_root() -> Path:
    """The automatic backups' folder (one subfolder per archive other than the default)."""
    return user_data_dir() / "backups"


def default_archive_path() -> Path:
    return user_data_dir() / ARCHIVE_FILENAME


def backups_dir(archive_path: str | Path) -> Path:
    """The rolling set's folder in the user data directory; one subfolder per archive other than the default."""
    root = backups_root()
    archive_path = Path(archive_path).expanduser().resolve()
    if archive_path == default_archive_path().resolve():
        return root
    digest = hashlib.sha1(str(archive_path).encode("utf-8")).hexdigest()[:8]
    return root / f"{archive_path.stem}-{digest}"


def resolve_archive_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--archive PATH` wins, then $BEAUTIFULLETTERS_ARCHIVE, then the per-user default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ARCHIVE_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_archive_path()
