"""CSV import on a real archive: Google (both generations), Outlook, sniffed delimiters and encodings."""

from __future__ import annotations

from pathlib import Path

from beautifulletters.records import Person
from beautifulletters.transfer import import_file, read_contacts
from beautifulletters.transfer.csvfile import read_table
from beautifulletters.transfer.textio import read_contact_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def _by_name(archive, name: str) -> Person:
    matches = [p for p in archive.search.people() if p.display_name == name]
    assert len(matches) == 1, f"expected one {name!r}, found {len(matches)}"
    return matches[0]


def test_google_old_headers_with_multi_values_and_relation(empty_archive):
    report = import_file(empty_archive, FIXTURES / "google_old_headers.csv")
    assert report.count("added") == 2
    rosa = _by_name(empty_archive, "Rosa Delgado")
    tomas = _by_name(empty_archive, "Tomás Delgado")
    assert rosa.emails == ["rosa@example.mx", "rosa.delgado@example.com", "rosa@work.example.mx"]
    assert rosa.phones == ["+52 55 1234 5678", "+52 55 8765 4321"]
    assert rosa.addresses == ["Calle Luna 12\nCoyoacán, CDMX 04000\nMexico"]
    assert rosa.notes == "Grandmother, storyteller, and champion of the tortilla press."
    assert rosa.tags == ["family"]  # "* myContacts" is Google's own group
    assert rosa.birthday == "1948-01-30"
    assert tomas.birthday == "--04-12"  # Google writes " --04-12" with a leading blank
    assert empty_archive.relationships.get(rosa.id, tomas.id).kind == "spouse"
    assert [(d.kind, d.date) for d in empty_archive.dates.for_person(rosa.id)] == [("anniversary", "1969-09-14")]


def test_google_new_headers(empty_archive):
    import_file(empty_archive, FIXTURES / "google_new_headers.csv")
    kwame = _by_name(empty_archive, "Kwame Mensah")
    assert kwame.emails == ["kwame@example.gh", "kwame.mensah@example.com"]
    assert kwame.nickname == "Kwabs"
    assert kwame.tags == ["friends"]
    assert kwame.addresses == ["14 Independence Ave\nAccra, Greater Accra GA-123\nGhana"]
    assert kwame.notes == "Keeps bees; sends honey every Christmas."
    assert _by_name(empty_archive, "Li Wei").tags == []


def test_outlook_csv_in_windows_1252(empty_archive):
    report = import_file(empty_archive, FIXTURES / "outlook.csv")
    assert report.format == "csv" and report.count("added") == 2
    francois = _by_name(empty_archive, "François Dubois")
    assert francois.birthday == "1956-04-23"
    assert francois.tags == ["family", "friends"]
    assert francois.notes == "Loves Brassens, Brel, and a good Bordeaux."
    assert francois.addresses == ["8 Quai Voltaire\nAppartement 3\nParis 75007\nFrance"]
    zoe = _by_name(empty_archive, "Zoë Åkesson")
    assert zoe.full_name == "Dr. Zoë Åkesson"
    assert zoe.birthday is None  # Outlook's 0/0/00 means no date


def test_semicolon_delimiter_with_bom_and_day_first_dates(empty_archive):
    text, encoding = read_contact_text(FIXTURES / "semicolon_delimiter.csv")
    assert read_table(text).delimiter == ";"
    import_file(empty_archive, FIXTURES / "semicolon_delimiter.csv")
    helga = _by_name(empty_archive, "Helga Schmidt")
    assert helga.birthday == "1950-04-12"
    assert helga.notes == "Schreibt gern, liest gern; mag Rosen"
    assert _by_name(empty_archive, "Bernd Weiß").emails == ["bernd@example.de"]


def test_utf16_tab_separated(empty_archive):
    text, encoding = read_contact_text(FIXTURES / "tab_utf16.csv")
    assert encoding == "utf-16" and read_table(text).delimiter == "\t"
    import_file(empty_archive, FIXTURES / "tab_utf16.csv")
    assert _by_name(empty_archive, "Åsa Lindqvist").notes == "Fika, always fika"
    assert _by_name(empty_archive, "Μαρία Παπαδοπούλου").emails == ["maria@example.gr"]


def test_multi_line_notes_stay_whole(empty_archive):
    report = import_file(empty_archive, FIXTURES / "multiline_notes.csv")
    agnes = _by_name(empty_archive, "Agnes Varda")
    assert agnes.notes == 'First line of the note,\nsecond line with "quotes",\n\nand a last line.'
    assert [(i.number, i.line) for i in report.items] == [(1, 2), (2, 6)]  # the next row starts on line 6


def test_unterminated_quote_is_reported_with_its_line_and_the_rest_imports(empty_archive):
    report = import_file(empty_archive, FIXTURES / "unterminated_quote.csv")
    assert [(i.name, i.action) for i in report.items if i.action == "added"] == [
        ("Alice Before", "added"),
        ("Carol After", "added"),
        ("Dave After", "added"),
    ]
    (skipped,) = report.skipped
    assert skipped.line == 3
    assert "line 3" in skipped.reason and "never closed" in skipped.reason
    assert not [p for p in empty_archive.search.people() if p.display_name.startswith("Bob")]


def test_generic_csv_through_a_column_mapping(empty_archive, tmp_path):
    path = tmp_path / "club.csv"
    path.write_text("Member,Mail,Born,Town\nInes Duarte,ines@example.pt,1961-10-10,Porto\n", encoding="utf-8")
    mapping = {"Member": "display_name", "Mail": "email", "Born": "birthday", "Town": "city"}
    kind, entries = read_contacts(path, mapping=mapping)
    assert kind == "csv" and entries[0].display_name == "Ines Duarte"
    import_file(empty_archive, path, mapping=mapping)
    ines = _by_name(empty_archive, "Ines Duarte")
    assert (ines.emails, ines.birthday, ines.addresses) == (["ines@example.pt"], "1961-10-10", ["Porto"])
