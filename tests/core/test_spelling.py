"""Spell checking: misspellings found, names from the archive known, the personal dictionary kept."""

from __future__ import annotations

from beautifulletters.continuity import EarlierLetter, Memory, find_hints
from beautifulletters.spelling import (
    Speller,
    archive_words,
    dictionary_tag,
    personal_dictionary_path,
    rank_suggestions,
)


def test_misspellings_are_found_with_suggestions() -> None:
    speller = Speller("en")
    text = "I recieve your lettter, it's lovely."
    spans = speller.misspellings(text)
    assert [text[s : s + n] for s, n in spans] == ["recieve", "lettter"]
    assert "receive" in speller.suggestions("recieve")
    assert speller.suggestions("Recieve")[0][0].isupper()


def test_archive_names_and_pet_names_are_known(archive) -> None:
    signer = archive.settings.default_signer_id()
    person = archive.people.add(
        display_name="Zephyrine Quillfeather", nickname="Zephy", addresses=["7 Brackenwhistle Lane\nDunmorrow"]
    )
    archive.relationships.set(signer, person, kind="friend", pet_names=["Snugglewump"])
    invented = ("Zephyrine", "Quillfeather", "Zephy", "Brackenwhistle", "Dunmorrow", "Snugglewump", "Zephy's")
    speller = Speller("en")
    assert not any(speller.is_correct(name) for name in invented)
    speller.use_names(archive_words(archive))
    for name in (*invented, "Loretta", "Lolly"):
        assert speller.is_correct(name), name


def test_personal_dictionary_persists_per_language(isolated_user_dirs) -> None:
    Speller("en-GB").add_to_dictionary("Grandmama")
    assert personal_dictionary_path("en_GB").read_text(encoding="utf-8").split() == ["Grandmama"]
    assert Speller("en-GB").is_correct("Grandmama")
    assert not Speller("de-DE").is_correct("Grandmama")  # a word added to English is not German
    personal_dictionary_path().write_text("Oma\n", encoding="utf-8")  # the old, language-free list
    assert Speller("de-DE").is_correct("Oma") and Speller("en-US").is_correct("Oma")


def test_language_and_region_choose_the_dictionary(monkeypatch) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert dictionary_tag("en-GB") == "en_GB" and dictionary_tag("en_US") == "en_US"
    assert dictionary_tag("de") == "de_DE" and dictionary_tag("fr-FR") == "fr_FR" and dictionary_tag("es") == "es_ES"
    assert dictionary_tag("en-NZ") == "en_GB"  # no New Zealand dictionary: British, not American
    assert dictionary_tag("xx") is None and dictionary_tag("pl") is None and dictionary_tag("<b>") is None
    british, american = Speller("en-GB"), Speller("en-US")
    for word in ("colour", "favourite", "harbour", "apologise", "centre", "neighbours"):
        assert british.is_correct(word), word
        assert not american.is_correct(word), word
    assert american.is_correct("color") and Speller("de").is_correct("Geburtstag")
    assert not Speller("en").is_correct("Geburtstag")
    assert Speller("fr").is_correct("anniversaire") and Speller("es").is_correct("cumpleaños")


def test_a_bare_language_takes_the_writer_s_region(monkeypatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert dictionary_tag("en") == "en_GB"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert dictionary_tag("en") == "en_US"


def test_no_dictionary_turns_checking_off_and_says_so() -> None:
    polish = Speller("pl-PL")
    assert not polish.available and "Polish" in polish.unavailable_message
    assert polish.misspellings("Wszystkiego najlepszego z okazji urodzin") == []
    assert polish.suggestions("urodzin") == []


def test_the_likely_word_is_offered_first() -> None:
    assert Speller("en-US").suggestions("rember")[0] == "remember"
    assert Speller("en-US").suggestions("colour")[0] == "color"
    assert rank_suggestions("teh", ["Te", "the", "eh"])[0] == "the"
    # Ties go to the word that keeps the typed word's start and end, never to a name for a word typed small.
    assert rank_suggestions("rember", ["Reber", "renumber", "ember", "remember"])[0] == "remember"
    assert Speller("en-US").suggestions("Rember")[0] == "Remember"


def test_continuity_names_the_memory_and_the_month() -> None:
    earlier = [EarlierLetter(7, "2024-03-02T10:00:00", "We walked on the beach at Malibu until sunset.")]
    hints = find_hints("Do you remember the beach at Malibu?", earlier, [Memory("the beach at Malibu")])
    assert [h.message for h in hints] == ["You mentioned the beach at Malibu in your March 2024 letter."]
    assert find_hints("Something entirely new today.", earlier, [Memory("the beach at Malibu")]) == []


def test_continuity_notices_a_repeated_sentence() -> None:
    sentence = "Thank you for every ordinary Tuesday, they turned out to be the whole point."
    hints = find_hints(f"Dear Lo, {sentence}", [EarlierLetter(3, "2023-06-01", f"Yours. {sentence}")])
    assert hints and "June 2023" in hints[0].message and hints[0].letter_id == 3
