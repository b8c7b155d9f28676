"""Import does not fold people together, and what the writer changed wins over an older import.

Invented people on a real archive: a shared family email or landline is not identity; the
same name is not either. Merging needs the names to agree and a strong key (email, mobile,
or a card imported before); everything else is added and reported as a possible duplicate.
"""

from __future__ import annotations

from pathlib import Path

from beautifulletters.records import Person
from beautifulletters.transfer import import_file
from beautifulletters.transfer.exporter import archive_document
from beautifulletters.transfer.matching import names_agree


def _write(path: Path, cards: str) -> Path:
    path.write_text(cards.strip().replace("\n", "\r\n") + "\r\n", encoding="utf-8")
    return path


def _card(*lines: str) -> str:
    return "BEGIN:VCARD\nVERSION:3.0\n" + "\n".join(lines) + "\nEND:VCARD\n"


def _people(archive, name: str) -> list[Person]:
    return [archive.people.get(p.id) for p in archive.search.people() if p.display_name == name]


def _snapshot(archive) -> dict:
    document = archive_document(archive)
    document.pop("exported_at")
    return document


def test_same_email_under_another_name_is_a_new_person_reported_for_review(empty_archive, tmp_path):
    john = empty_archive.people.add(display_name="John Smith", emails=["smiths@example.net"], birthday="1960-02-01")
    path = _write(tmp_path / "jane.vcf", _card("FN:Jane Smith", "EMAIL:Smiths@example.net", "BDAY:1962-07-09"))
    report = import_file(empty_archive, path)
    (item,) = report.items
    assert item.action == "added" and item.person_id != john
    assert item.reason.startswith("possible duplicate of John Smith")
    assert "same email Smiths@example.net" in item.reason
    assert item.possible_duplicates == [
        {"person_id": john, "name": "John Smith", "why": "same email Smiths@example.net"}
    ]
    assert empty_archive.people.get(john).birthday == "1960-02-01"  # John keeps his own birthday
    (jane,) = _people(empty_archive, "Jane Smith")
    assert jane.birthday == "1962-07-09" and jane.emails == ["Smiths@example.net"]
    assert "1 possible duplicate to review" in report.summary()


def test_a_family_sharing_a_landline_stays_a_family(empty_archive, tmp_path):
    path = _write(
        tmp_path / "okafor.vcf",
        _card("FN:Emeka Okafor", "TEL;TYPE=HOME:+44 20 7946 0321", "BDAY:1958-03-03")
        + _card("FN:Ngozi Okafor", "TEL;TYPE=HOME,VOICE:+44 (20) 7946-0321")
        + _card("FN:Emeka Okafor Jr.", "TEL:+442079460321", "NOTE:Studies in Leeds.")
        + _card("FN:Chidi Okafor", "TEL;TYPE=HOME:020 7946 0321"),
    )
    report = import_file(empty_archive, path)
    assert [i.action for i in report.items] == ["added"] * 4
    assert len({i.person_id for i in report.items}) == 4
    assert "same phone" in report.items[1].reason and "Emeka Okafor" in report.items[1].reason
    (father,) = _people(empty_archive, "Emeka Okafor")
    (son,) = _people(empty_archive, "Emeka Okafor Jr.")
    assert father.birthday == "1958-03-03" and not father.notes
    assert son.notes == "Studies in Leeds." and not son.birthday
    again = import_file(empty_archive, path)  # and importing them again doubles no one
    assert [i.action for i in again.items] == ["unchanged"] * 4


def test_a_son_with_his_fathers_landline_and_name_is_not_his_father(empty_archive, tmp_path):
    father = empty_archive.people.add(display_name="Pieter de Vries", phones=["+31 20 555 0199"])
    path = _write(tmp_path / "son.vcf", _card("FN:Pieter de Vries", "TEL;TYPE=HOME:+31 20 555 0199", "BDAY:1990-05-05"))
    (item,) = import_file(empty_archive, path).items
    assert item.action == "added" and item.person_id != father
    assert "same name and same phone +31 20 555 0199" in item.reason
    assert not empty_archive.people.get(father).birthday


def test_two_people_of_one_name_with_different_emails_stay_two(empty_archive, tmp_path):
    path = _write(
        tmp_path / "two.vcf",
        _card("FN:Maria Garcia", "EMAIL:maria.garcia@school.example", "NOTE:The teacher.")
        + _card("FN:Maria Garcia", "EMAIL:mgarcia@clinic.example", "NOTE:The dentist."),
    )
    report = import_file(empty_archive, path)
    assert [i.action for i in report.items] == ["added", "added"]
    assert "possible duplicate of Maria Garcia" in report.items[1].reason
    assert sorted(p.notes for p in _people(empty_archive, "Maria Garcia")) == ["The dentist.", "The teacher."]


def test_same_name_and_same_email_or_mobile_is_one_person(empty_archive, tmp_path):
    ines = empty_archive.people.add(display_name="Inês Duarte", emails=["ines@example.pt"])
    rui = empty_archive.people.add(display_name="Rui M. Costa", phones=["+351 912 345 678"])
    path = _write(
        tmp_path / "same.vcf",
        _card("FN:Duarte\\, Ines", "EMAIL:INES@example.pt", "BDAY:1961-10-10")
        + _card("FN:Rui Manuel Costa", "TEL;TYPE=CELL:+351912345678", "NICKNAME:Ruizinho"),
    )
    report = import_file(empty_archive, path)
    assert [(i.action, i.person_id) for i in report.items] == [("updated", ines), ("updated", rui)]
    assert "same email INES@example.pt" in report.items[0].reason
    assert "same mobile +351912345678" in report.items[1].reason
    assert empty_archive.people.get(ines).birthday == "1961-10-10"
    assert empty_archive.people.get(rui).nickname == "Ruizinho"


def test_names_agree_across_order_case_accents_titles_and_middle_initials():
    assert names_agree(["Smith, John"], ["john  smith"])
    assert names_agree(["José Núñez"], ["JOSE NUNEZ"])
    assert names_agree(["Dr. John Q. Smith"], ["John Quincy Smith"])
    assert names_agree(["John Smith"], ["John Quincy Smith"])
    assert not names_agree(["John Smith Jr."], ["John Smith"])
    assert not names_agree(["John Smith, Sr."], ["John Smith, Jr."])
    assert not names_agree(["Jane Smith"], ["John Smith"])
    assert not names_agree(["John A. Smith"], ["John B. Smith"])


def test_reimport_keeps_what_the_writer_changed(empty_archive, tmp_path):
    path = _write(
        tmp_path / "card.vcf",
        _card("UID:urn:uuid:0b7a1c2e", "FN:Hannah Vogel", "EMAIL:hannah@old.example", "EMAIL:hv@work.example",
              "NOTE:Met at the choir.", "CATEGORIES:choir"),
    )  # fmt: skip
    (first,) = import_file(empty_archive, path).items
    person = first.person_id
    # The writer removes an old email, rewrites the note and the tags, and renames her.
    empty_archive.people.update(
        person, display_name="Hanni", emails=["hv@work.example"], notes="Sings alto; met at the choir in 2019.",
        tags=["friends"],
    )  # fmt: skip
    before = _snapshot(empty_archive)
    (again,) = import_file(empty_archive, path).items
    assert (again.action, again.person_id) == ("unchanged", person)
    assert _snapshot(empty_archive) == before
    kept = empty_archive.people.get(person)
    assert kept.emails == ["hv@work.example"]
    assert kept.notes == "Sings alto; met at the choir in 2019."
    assert kept.tags == ["friends"]


def test_reimporting_an_unchanged_card_changes_nothing(empty_archive, tmp_path):
    path = _write(
        tmp_path / "card.vcf",
        _card(
            "FN:Olu Adeyemi", "TEL;TYPE=HOME:+234 1 555 0101", "NOTE:Neighbour.", "ADR:;;3 Palm Road;Lagos;;;Nigeria"
        ),
    )
    import_file(empty_archive, path)
    before = _snapshot(empty_archive)
    report = import_file(empty_archive, path)
    assert [i.action for i in report.items] == ["unchanged"]
    assert "the same card imported before" in report.items[0].reason
    assert _snapshot(empty_archive) == before


def test_a_changed_card_updates_what_the_writer_left_alone(empty_archive, tmp_path):
    first = _card(
        "UID:4f1e-beth", "FN:Beth Nakamura", "EMAIL:beth@old.example", "BDAY:1970-01-01", "NICKNAME:Bee",
        "NOTE:Loves tea.",
    )  # fmt: skip
    (item,) = import_file(empty_archive, _write(tmp_path / "v1.vcf", first)).items
    person = item.person_id
    empty_archive.people.update(person, nickname="Bethie", emails=[])  # the writer's own choices
    second = _card(
        "UID:4f1e-beth", "FN:Beth Nakamura", "EMAIL:beth@old.example", "EMAIL:beth@new.example",
        "BDAY:1971-01-01", "NICKNAME:B.", "NOTE:Loves green tea.",
    )  # fmt: skip
    (updated,) = import_file(empty_archive, _write(tmp_path / "v2.vcf", second)).items
    assert (updated.action, updated.person_id) == ("updated", person)
    beth = empty_archive.people.get(person)
    assert beth.birthday == "1971-01-01"  # the card changed it and the writer had not
    assert beth.notes == "Loves green tea."  # the card's note, changed in its place
    assert beth.emails == ["beth@new.example"]  # the new one comes; the removed one stays removed
    assert beth.nickname == "Bethie"  # the writer's change wins
    assert any("kept the nickname you have" in warning for warning in updated.warnings)


def test_a_reimported_card_whose_note_the_writer_rewrote_adds_no_second_note(empty_archive, tmp_path):
    (item,) = import_file(
        empty_archive, _write(tmp_path / "v1.vcf", _card("UID:k1", "FN:Ada Park", "NOTE:Old note."))
    ).items
    empty_archive.people.update(item.person_id, notes="My own words about Ada.")
    changed = _write(tmp_path / "v2.vcf", _card("UID:k1", "FN:Ada Park", "NOTE:Old note, edited."))
    (again,) = import_file(empty_archive, changed).items
    assert empty_archive.people.get(item.person_id).notes == "My own words about Ada."
    assert any("kept the notes you wrote" in warning for warning in again.warnings)


def test_a_card_renamed_in_the_app_is_still_recognised_by_its_uid(empty_archive, tmp_path):
    path = _write(tmp_path / "mum.vcf", _card("UID:mum-1", "FN:Grace Obi", "TEL;TYPE=HOME:+1 555 010 1234"))
    (item,) = import_file(empty_archive, path).items
    empty_archive.people.update(item.person_id, display_name="Mum")
    changed = _write(tmp_path / "mum2.vcf", _card("UID:mum-1", "FN:Grace Obi", "EMAIL:grace@example.org"))
    (again,) = import_file(empty_archive, changed).items
    assert (again.action, again.person_id) == ("updated", item.person_id)
    assert empty_archive.people.get(item.person_id).emails == ["grace@example.org"]


def test_dry_run_reports_the_possible_duplicates_the_import_will_add(empty_archive, tmp_path):
    empty_archive.people.add(display_name="Tom Reed", emails=["reeds@example.com"])
    path = _write(tmp_path / "amy.vcf", _card("FN:Amy Reed", "EMAIL:reeds@example.com"))
    before = _snapshot(empty_archive)
    preview = import_file(empty_archive, path, dry_run=True)
    assert _snapshot(empty_archive) == before
    (item,) = preview.items
    assert item.action == "added" and item.person_id is None
    assert "possible duplicate of Tom Reed" in item.reason
    assert preview.as_json()["possible_duplicates"] == 1
    real = import_file(empty_archive, path)
    assert [(i.action, i.reason) for i in real.items] == [(i.action, i.reason) for i in preview.items]


def test_outlook_rows_with_a_shared_home_phone_stay_apart_and_a_shared_mobile_merges(empty_archive, tmp_path):
    path = tmp_path / "outlook.csv"
    path.write_text(
        "First Name,Last Name,E-mail Address,Home Phone,Mobile Phone,Notes\n"
        "Lena,Kowalski,,+48 22 555 0100,,Mother\n"
        "Piotr,Kowalski,,+48 22 555 0100,,Son\n"
        "Lena,Kowalski,,,+48 601 555 010,Mobile card\n"
        "Lena,Kowalski,,,+48 601 555 010,Mobile card again\n",
        encoding="utf-8",
    )
    report = import_file(empty_archive, path)
    assert [i.action for i in report.items] == ["added", "added", "added", "updated"]
    assert "same mobile" in report.items[3].reason
    assert report.items[3].person_id == report.items[2].person_id
