"""The sentences already spoken, as audio files in a folder of the reading's own, kept for reuse."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection
from pathlib import Path
from tempfile import TemporaryDirectory

CACHE_SIZE = 400  # sentences: a long letter read twice, or with a few changes, is synthesized once

Key = tuple[str, str | None, int]  # the spoken text, the voice, the rate


class SpokenAudio:
    """Audio for a sentence as spoken with a voice at a rate: looked up, remembered, let go oldest first."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._folder: TemporaryDirectory[str] | None = None
        self._files: OrderedDict[Key, tuple[str, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._files)

    def folder(self) -> Path:
        """Where new audio goes (made on first use, removed by `close`)."""
        if self._folder is None:
            self._folder = TemporaryDirectory(prefix="beautifulletters-reading-")
        return Path(self._folder.name)

    def get(self, key: Key) -> tuple[str, int] | None:
        """(path, duration in ms) of audio made before, if its file is still there."""
        found = self._files.get(key)
        if found is None or not Path(found[0]).exists():
            return None
        self._files.move_to_end(key)
        return found

    def remember(self, key: Key, path: str, duration_ms: int, *, in_use: Collection[str]) -> None:
        """Keep `path` for `key`; past the size, the oldest files go, except those `in_use`."""
        self._files[key] = (path, duration_ms)
        while len(self._files) > self._size:
            _, (old_path, _) = self._files.popitem(last=False)
            if old_path not in in_use:
                Path(old_path).unlink(missing_ok=True)

    def close(self) -> None:
        """Remove the folder and every file in it."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
