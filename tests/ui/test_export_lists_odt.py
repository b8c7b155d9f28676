"""ODT (written by Qt from the page's own document) keeps numbered lists and alignment too."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tests.core.test_export_lists import BODY
from ui.printing.dialogs import export_letter


def test_odt_numbers_lists_and_keeps_alignment(qapp, empty_archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    signer = empty_archive.people.add(display_name="Chris Mercer")
    recipient = empty_archive.people.add(display_name="Ada Brook")
    letter_id = empty_archive.letters.create(signer_id=signer, recipient_id=recipient, body=BODY, body_format="html")
    out = tmp_path / "letter.odt"
    export_letter(empty_archive, letter_id, out, "odt")
    content = zipfile.ZipFile(out).read("content.xml").decode("utf-8")
    assert re.search(r'<text:list-level-style-number[^>]*style:num-format="1"', content)
    assert "<text:list-level-style-bullet" in content
    centred = re.findall(r'style:name="(\w+)"[^>]*>\s*<style:paragraph-properties[^>]*fo:text-align="center"', content)
    assert centred and any(f'text:style-name="{name}"' in content for name in centred)
    assert 'fo:text-align="end"' in content or 'fo:text-align="right"' in content
    assert "the harbour" in content and "a line in the middle" in content
