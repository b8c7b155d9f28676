"""The window's exports refuse the archive, its working files and the backups folder, as the command line does."""

from __future__ import annotations

import pytest

from beautifulletters.errors import ValidationError
from beautifulletters.paths import backups_root
from ui.printing.dialogs import export_letter


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
def test_the_export_dialogs_writer_never_replaces_the_archive(qapp, archive, fmt: str) -> None:  # type: ignore[no-untyped-def]
    before = archive.path.read_bytes()
    for target in (archive.path, archive.path.with_name(archive.path.name + "-wal")):
        with pytest.raises(ValidationError, match="archive itself"):
            export_letter(archive, 1, target, fmt)
    assert archive.path.read_bytes() == before
    inside = backups_root() / f"letter.{fmt}"
    inside.parent.mkdir(parents=True)
    with pytest.raises(ValidationError, match="backups folder"):
        export_letter(archive, 1, inside, fmt)
    assert not inside.exists()
