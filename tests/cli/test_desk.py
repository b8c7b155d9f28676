"""`letters open ID` through the real command: the window on that letter, offscreen."""

from __future__ import annotations

from pathlib import Path

from beautifulletters.archive import Archive


def test_letters_open_puts_focus_in_the_editor_with_the_cursor_at_the_end(cli, archive_path: Path) -> None:
    with Archive.open(archive_path, with_sample=False) as archive:
        signer = archive.settings.default_signer_id()
        ann = archive.people.add(display_name="Ann Lee", nickname="Annie")
        letter_id = archive.letters.create(signer_id=signer, recipient_id=ann, body="Dear Ann,\n\nHello")
    result = cli("letters", "open", str(letter_id), "--quit-after", "1500", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "focus=editor cursor=end" in result.stdout


def test_letters_open_unknown_letter_is_one_line_error(cli, archive_path: Path) -> None:
    Archive.open(archive_path, with_sample=False).close()
    result = cli("letters", "open", "999", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 1
    assert result.stderr.strip() == "beautifulletters: There is no letter with id 999."
