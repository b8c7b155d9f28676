"""Export everything: one dated folder with the JSON, the vCards, the calendar and every letter as a file."""

from __future__ import annotations

import datetime as dt
import json

import icalendar

from beautifulletters.transfer.everything import export_everything


def test_everything_lands_in_a_new_dated_folder(archive, tmp_path):
    day = dt.date(2026, 12, 2)
    ana = archive.people.add(display_name="Ana/Lúcia: “Nana”", birthday="--05-06")
    me = archive.settings.default_signer_id()
    archive.letters.create(
        signer_id=me, recipient_id=ana, body="Dear Nana,\n\nA line.", created_at="2026-11-30T09:00:00+00:00"
    )
    result = export_everything(archive, tmp_path, today=day)
    assert result.folder == tmp_path / "BeautifulLetters 2026-12-02"
    names = sorted(path.name for path in result.folder.iterdir())
    assert names == ["everything.json", "letters", "occasions.ics", "people.vcf"]
    document = json.loads((result.folder / "everything.json").read_text(encoding="utf-8"))
    assert len(document["letters"]) == 3 and result.counts["letters"] == 3
    assert (result.folder / "people.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 4
    calendar = icalendar.Calendar.from_ical((result.folder / "occasions.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Ana/Lúcia: “Nana”’s birthday"]
    letters = sorted(path.name for path in result.letters_folder.iterdir())
    # Named by date and person, sorted by date; the slash and colon cannot be in a file name.
    assert letters[-1] == "2026-11-30 Ana_Lúcia_ “Nana”.txt"
    assert all(name[:4].isdigit() and name.endswith(".txt") for name in letters) and len(letters) == 3
    assert "A line." in (result.letters_folder / letters[-1]).read_text(encoding="utf-8")
    again = export_everything(archive, tmp_path, today=day)
    assert again.folder.name == "BeautifulLetters 2026-12-02 (2)"  # never over an earlier export
