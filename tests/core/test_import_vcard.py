"""vCard import on a real archive: every trap from real exports, one fixture file each."""

from __future__ import annotations

from pathlib import Path

import pytest

from beautifulletters.records import Person
from beautifulletters.transfer import import_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def _by_name(archive, name: str) -> Person:
    matches = [p for p in archive.search.people() if p.display_name == name]
    assert len(matches) == 1, f"expected one {name!r}, found {len(matches)}"
    return matches[0]


def test_quoted_printable_soft_line_breaks_are_joined_and_decoded(empty_archive):
    report = import_file(empty_archive, FIXTURES / "android_qp_soft_breaks_21.vcf")
    assert report.count("added") == 2
    jurgen = _by_name(empty_archive, "Jürgen Müller")
    assert jurgen.notes == (
        "Met at the Straßenfest in 2019, dancing to an old polka band. Likes long letters, strong coffee, "
        "and\nreplies by postcard — always."
    )
    assert jurgen.phones == ["+49 151 2345 6789"]
    assert jurgen.photo.startswith(b"\x89PNG\r\n\x1a\n")
    anna = _by_name(empty_archive, "Анна Иванова")  # FN split by a soft break in the middle of a letter
    assert anna.birthday == "1985-11-02"


def test_outlook_label_keeps_city_and_country_in_windows_1252(empty_archive):
    import_file(empty_archive, FIXTURES / "outlook_label_cp1252_21.vcf")
    renee = _by_name(empty_archive, "Renée Lefèvre")
    assert renee.addresses == ["12 Rue des Lilas\n69003 Lyon, Rhône\nFrance"]
    assert renee.notes == "Prefers French, writes in green ink, signs with a little bee."
    assert renee.birthday == "1972-03-08"
    assert [(d.kind, d.date) for d in empty_archive.dates.for_person(renee.id)] == [("anniversary", "1999-06-19")]


def test_utf8_byte_order_mark_does_not_hide_the_first_card(empty_archive):
    report = import_file(empty_archive, FIXTURES / "apple_bom_utf8_30.vcf")
    assert [item.name for item in report.items if item.action == "added"][0] == "Adaeze Okonkwo"
    ada = _by_name(empty_archive, "Adaeze Okonkwo")
    assert ada.notes == "a, b"
    assert ada.birthday == "--07-21"  # Apple's placeholder year 1604 means "no year"
    assert ada.nickname == "Ada"
    assert ada.tags == ["book club", "friends"]
    assert ada.addresses == ["7 Admiralty Way, Lekki Phase 1\nLagos 106104\nNigeria"]
    assert [(d.kind, d.date) for d in empty_archive.dates.for_person(ada.id)] == [("anniversary", "2012-05-05")]
    khai = _by_name(empty_archive, "Nguyễn Thị Minh Khai 👩🏽\u200d🏫")  # the zero-width joiner is kept
    assert khai.notes == "Teaches in Huế, loves lotus tea; writes back within a week.\nSecond line"


def test_single_text_values_are_never_cut_at_commas(empty_archive):
    import_file(empty_archive, FIXTURES / "unescaped_commas_30.vcf")
    tomasz = _by_name(empty_archive, "Tomasz Kowalczyk")
    assert tomasz.notes == "a, b"
    assert tomasz.addresses == ["ul. Długa 5, m. 3\n00-238 Warszawa, Mazowieckie\nPoland"]


def test_utf16_file_with_any_script(empty_archive):
    report = import_file(empty_archive, FIXTURES / "utf16_le_30.vcf")
    assert report.count("added") == 2
    assert _by_name(empty_archive, "Søren Kierkegaard-Ødegård").birthday == "--05-05"
    assert _by_name(empty_archive, "أمينة الحسيني").phones == ["+20 2 2345 6789"]


def test_vcard4_data_uri_photo_related_and_anniversary(empty_archive):
    from tests.fixtures.contacts.make_fixtures import tiny_png

    report = import_file(empty_archive, FIXTURES / "photo_data_uri_40.vcf")
    margaret = _by_name(empty_archive, "Margaret Hale")
    john = _by_name(empty_archive, "John Thornton")
    assert margaret.photo == tiny_png()
    assert margaret.birthday == "--04-12"
    assert margaret.phones == ["+44-20-7946-0958"]
    assert margaret.addresses == ["Helstone Vicarage\nHelstone, Hampshire\nEngland"]
    # RELATED by UID and by name both link; Hannah is in neither the archive nor the file.
    assert empty_archive.relationships.get(margaret.id, john.id).kind == "spouse"
    assert empty_archive.relationships.get(john.id, margaret.id).kind == "spouse"
    assert report.relationships == 2


def test_card_without_any_name_is_flagged_not_imported_blank(empty_archive):
    before = empty_archive.search.count_people()
    report = import_file(empty_archive, FIXTURES / "missing_names_30.vcf")
    assert empty_archive.search.count_people() == before + 2
    assert [(i.number, i.action) for i in report.items] == [(1, "added"), (2, "skipped"), (3, "added")]
    assert "has no name" in report.items[1].reason
    assert report.items[1].line == 6
    assert _by_name(empty_archive, "Yasujirō Ozu")  # N alone is a name


def test_malformed_middle_card_does_not_stop_the_rest(empty_archive):
    report = import_file(empty_archive, FIXTURES / "malformed_middle_card_30.vcf")
    actions = [(i.number, i.name, i.action) for i in report.items]
    assert actions == [
        (1, "First Person", "added"),
        (2, "Broken Middle", "skipped"),
        (3, "Third Person", "added"),
        (4, "Fourth Person", "added"),
    ]
    assert "END:VCARD" in report.items[1].reason
    fourth = _by_name(empty_archive, "Fourth Person")
    assert fourth.birthday is None  # 30 February is left out, with a note in the report
    assert any("not a real date" in w for w in report.items[3].warnings)


def test_control_characters_refuse_the_whole_file_naming_card_line_and_character(empty_archive, archive_path):
    """Dropping them quietly stored "bell[0m": a card that holds one is refused as a typed name is."""
    from beautifulletters.transfer.importer import ImportRefused
    from tests.core.test_archive import dump

    before = dump(archive_path)
    with pytest.raises(ImportRefused) as refused:
        import_file(empty_archive, FIXTURES / "control_characters_30.vcf")
    assert str(refused.value) == (
        "Nothing was imported from control_characters_30.vcf: in card 1 (line 1), the name contains "
        "a control character (U+0000) at position 5; remove it."
    )
    assert dump(archive_path) == before


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("not_contacts.pdf", "is a PDF document, not a contact list"),
        ("empty.vcf", "is empty"),
        ("binary.dat", "looks binary"),
        ("shopping_list.csv", "no column holds names"),
    ],
)
def test_file_that_is_not_contacts_gets_one_message_and_archive_is_unchanged(archive, name, expected):
    from beautifulletters.transfer import NotContactsError
    from beautifulletters.transfer.exporter import archive_document

    before = archive_document(archive)
    with pytest.raises(NotContactsError, match=expected):
        import_file(archive, FIXTURES / name)
    after = archive_document(archive)
    before.pop("exported_at"), after.pop("exported_at")
    assert after == before
