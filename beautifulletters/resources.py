"""Bundled files (templates, fonts, stationery, icons), read the same way installed or in a checkout.

An installed wheel carries them under ``beautifulletters/_data/``; a source checkout keeps
them in the top-level ``templates/`` and ``resources/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED_DATA = _PACKAGE_DIR / "_data"
_CHECKOUT_ROOT = _PACKAGE_DIR.parent


def _data_root(kind: str) -> Path:
    installed = _INSTALLED_DATA / kind
    if installed.is_dir():
        return installed
    return _CHECKOUT_ROOT / kind


def templates_dir() -> Path:
    """Folder of the built-in letter templates."""
    return _data_root("templates")


def resources_dir() -> Path:
    """Folder of bundled fonts, icons and stationery."""
    return _data_root("resources")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource; refuses names that would climb out of the resources folder."""
    for part in parts:
        if not part or part in {".", ".."} or "/.." in f"/{part}" or part.startswith("/"):
            raise ValueError(f"invalid resource name: {part!r}")
    root = resources_dir().resolve()
    path = root.joinpath(*parts).resolve()
    if root not in path.parents and path != root:
        raise ValueError(f"resource name leaves the resources folder: {'/'.join(parts)!r}")
    return path
