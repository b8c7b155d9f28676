"""Addresses in parts: read from text, laid out on envelopes by each country's rules, kept by the archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from beautifulletters.addresses import PostalAddress, format_lines, known_countries, parse_address
from beautifulletters.archive import Archive
from beautifulletters.archive.schema import migrations
from beautifulletters.export.envelopes import layout_address
from beautifulletters.transfer.exporter import vcard_text

# (written as people write it, the parts read from it, the envelope's lines from abroad)
COUNTRIES = [
    (
        "14 Orchard Lane\nSpringfield, IL 62704\nUSA",
        PostalAddress("14 Orchard Lane", "Springfield", "IL", "62704", "US"),
        ["14 Orchard Lane", "SPRINGFIELD, IL 62704", "UNITED STATES"],
    ),
    (
        "Flat 2\n5 High Street\nOxford\nOX1 4AA\nUK",
        PostalAddress("Flat 2\n5 High Street", "Oxford", "", "OX1 4AA", "GB"),
        ["Flat 2", "5 High Street", "OXFORD", "OX1 4AA", "UNITED KINGDOM"],
    ),
    (
        "Bonngasse 20\nD-53111 Bonn\nDeutschland",
        PostalAddress("Bonngasse 20", "Bonn", "", "53111", "DE"),
        ["Bonngasse 20", "53111 BONN", "GERMANY"],
    ),
    (
        "12 rue de la Paix\n75002 Paris\nFrance",
        PostalAddress("12 rue de la Paix", "Paris", "", "75002", "FR"),
        ["12 rue de la Paix", "75002 PARIS", "FRANCE"],
    ),
    (
        "Via Roma 1\n00184 Roma RM\nItalia",
        PostalAddress("Via Roma 1", "Roma", "RM", "00184", "IT"),
        ["Via Roma 1", "00184 ROMA RM", "ITALY"],
    ),
    (
        "Calle Mayor 5\n28013 Madrid\nEspaña",
        PostalAddress("Calle Mayor 5", "Madrid", "", "28013", "ES"),
        ["Calle Mayor 5", "28013 MADRID", "SPAIN"],
    ),
    (
        "Prinsengracht 263\n1016 GV Amsterdam\nNederland",
        PostalAddress("Prinsengracht 263", "Amsterdam", "", "1016 GV", "NL"),
        ["Prinsengracht 263", "1016 GV AMSTERDAM", "NETHERLANDS"],
    ),
    (
        "Bahnhofstrasse 1\nCH-8001 Zürich\nSchweiz",
        PostalAddress("Bahnhofstrasse 1", "Zürich", "", "8001", "CH"),
        ["Bahnhofstrasse 1", "CH-8001 Zürich", "SWITZERLAND"],
    ),
    (
        "100 Queen St W\nToronto ON M5H 2N2\nCanada",
        PostalAddress("100 Queen St W", "Toronto", "ON", "M5H 2N2", "CA"),
        ["100 QUEEN ST W", "TORONTO ON M5H 2N2", "CANADA"],
    ),
    (
        "42 Wallaby Way\nSydney NSW 2000\nAustralia",
        PostalAddress("42 Wallaby Way", "Sydney", "NSW", "2000", "AU"),
        ["42 Wallaby Way", "SYDNEY NSW 2000", "AUSTRALIA"],
    ),
    (
        "Rua Augusta 100\nSão Paulo - SP\n01304-000\nBrasil",
        PostalAddress("Rua Augusta 100", "São Paulo", "SP", "01304-000", "BR"),
        ["Rua Augusta 100", "SÃO PAULO-SP", "01304-000", "BRAZIL"],
    ),
    (
        "1-2-3 Shibuya\nShibuya-ku, Tokyo 150-0002\nJapan",
        PostalAddress("1-2-3 Shibuya", "Shibuya-ku", "Tokyo", "150-0002", "JP"),
        ["1-2-3 Shibuya", "Shibuya-ku, TOKYO", "150-0002", "JAPAN"],
    ),
    (
        "Kungsgatan 1\nSE-111 43 Stockholm\nSweden",
        PostalAddress("Kungsgatan 1", "Stockholm", "", "111 43", "SE"),
        ["Kungsgatan 1", "SE-111 43 STOCKHOLM", "SWEDEN"],
    ),
]


@pytest.mark.parametrize(("text", "parts", "lines"), COUNTRIES, ids=[c[1].country for c in COUNTRIES])
def test_addresses_of_many_countries_are_read_and_laid_out_by_their_rules(text, parts, lines) -> None:
    assert parse_address(text) == parts
    envelope = layout_address("Ada Byron", parts, sender_country="NZ")
    # The name first (in capitals where the post asks for them: Canada).
    assert envelope.lines[0].casefold() == "ada byron" and envelope.lines[1:] == tuple(lines)
    assert envelope.country == parts.country and not envelope.warnings
    # Posted within the country: no country line.
    assert layout_address("Ada Byron", parts, sender_country=parts.country).lines[1:] == tuple(lines[:-1])


def test_every_country_the_metadata_knows_lays_out_an_address() -> None:
    countries = known_countries()
    assert len(countries) > 200
    for code in countries:
        lines = format_lines(PostalAddress("1 Main Street", "Town", "", "", code), name="Ada")
        text = "\n".join(lines).casefold()
        assert "ada" in text and "1 main street" in text, code


def test_what_cannot_be_read_stays_as_street_lines() -> None:
    assert parse_address("The blue house by the harbour\nbehind the church") == PostalAddress(
        "The blue house by the harbour\nbehind the church"
    )
    assert parse_address("Hauptstraße 5\nDeutschland") == PostalAddress("Hauptstraße 5", country="DE")
    unknown = layout_address("Ada", "Somewhere nice")
    assert unknown.lines == ("Ada", "Somewhere nice") and unknown.warnings


def test_schema_step_m009_reads_existing_addresses_into_parts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    migrations.apply(db, stop_before="m009_structured_addresses")
    db["settings"].insert({"key": "seeded", "value": "long ago"})
    written = ["14 Orchard Lane\nSpringfield, IL 62704\nUSA", "The cottage behind the mill"]
    db["people"].insert(
        {"display_name": "Loretta", "addresses": json.dumps(written), "created_at": "2001", "updated_at": "2001"}
    )
    db["people"].insert({"display_name": "Chris", "created_at": "2001", "updated_at": "2001"})
    db.close()
    with Archive.open(path) as archive:
        loretta, chris = (archive.people.get(i) for i in sorted(archive.search.people_ids()))
    assert loretta.addresses == written  # the text as it was written stays
    assert loretta.postal_addresses == [
        {"street": "14 Orchard Lane", "city": "Springfield", "region": "IL", "postcode": "62704", "country": "US"},
        {"street": "The cottage behind the mill", "city": "", "region": "", "postcode": "", "country": ""},
    ]
    assert chris.postal_addresses == []


def test_the_archive_keeps_parts_and_text_in_step(empty_archive) -> None:
    ada = empty_archive.people.add(
        display_name="Ada",
        postal_addresses=[{"street": "Bonngasse 20", "city": "Bonn", "postcode": "53111", "country": "Deutschland"}],
    )
    person = empty_archive.people.get(ada)
    assert person.postal_addresses[0]["country"] == "DE"
    assert person.addresses == ["Bonngasse 20\n53111 BONN\nGERMANY"]
    empty_archive.people.update(ada, addresses=["10 Downing Street\nLondon SW1A 2AA\nUK"])
    assert empty_archive.people.get(ada).postal_addresses[0]["postcode"] == "SW1A 2AA"
    with pytest.raises(Exception, match="Atlantis"):
        empty_archive.people.update(ada, postal_addresses=[{"street": "1 Sea Lane", "country": "Atlantis"}])


def test_vcards_carry_the_parts_and_do_not_cut_family_names_at_the_last_word(empty_archive) -> None:
    empty_archive.people.add(
        display_name="Ludwig",
        full_name="Ludwig van Beethoven",
        addresses=["Bonngasse 20\n53111 Bonn\nGermany"],
    )
    text = vcard_text(empty_archive)
    assert "N:van Beethoven;Ludwig;;;" in text
    assert "ADR:;;Bonngasse 20;Bonn;;53111;Germany" in text
