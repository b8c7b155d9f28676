"""Spell checking: misspellings found, names from the archive known, the personal dictionary kept."""

from __future__ import annotations

from beautifulletters.continuity import EarlierLetter, Memory, find_hints
from beautifulletters.spelling import Speller, archive_words, language_code, personal_dictionary_path


def test_misspellings_are_found_with_suggestions() -> None:
    speller = Speller("en")
    text = "I recieve your lettter, it's lovely."
    spans = speller.misspellings(text)
    assert [text[s : s + n] for s, n in spans] == ["recieve", "lettter"]
    assert "receive" in speller.suggestions("recieve")
    assert speller.suggestions("Recieve")[0][0].isupper()


def test_archive_names_and_pet_names_are_known(archive) -> None:
    signer = archive.default_signer_id()
    person = archive.add_person(
        display_name="Zephyrine Quillfeather", nickname="Zephy", addresses=["7 Brackenwhistle Lane\nDunmorrow"]
    )
    archive.set_relationship(signer, person, kind="friend", pet_names=["Snugglewump"])
    invented = ("Zephyrine", "Quillfeather", "Zephy", "Brackenwhistle", "Dunmorrow", "Snugglewump", "Zephy's")
    speller = Speller("en")
    assert not any(speller.is_correct(name) for name in invented)
    speller.use_names(archive_words(archive))
    for name in (*invented, "Loretta", "Lolly"):
        assert speller.is_correct(name), name


def test_personal_dictionary_persists(isolated_user_dirs) -> None:
    Speller("en").add_to_dictionary("Grandmama")
    assert personal_dictionary_path().read_text(encoding="utf-8").split() == ["Grandmama"]
    assert Speller("en").is_correct("Grandmama")


def test_language_follows_the_letter() -> None:
    assert language_code("de-DE") == "de" and language_code(None) == "en" and language_code("xx") == "en"
    assert Speller("de").is_correct("Geburtstag") and not Speller("en").is_correct("Geburtstag")


def test_continuity_names_the_memory_and_the_month() -> None:
    earlier = [EarlierLetter(7, "2024-03-02T10:00:00", "We walked on the beach at Malibu until sunset.")]
    hints = find_hints("Do you remember the beach at Malibu?", earlier, [Memory("the beach at Malibu")])
    assert [h.message for h in hints] == ["You mentioned the beach at Malibu in your March 2024 letter."]
    assert find_hints("Something entirely new today.", earlier, [Memory("the beach at Malibu")]) == []


def test_continuity_notices_a_repeated_sentence() -> None:
    sentence = "Thank you for every ordinary Tuesday, they turned out to be the whole point."
    hints = find_hints(f"Dear Lo, {sentence}", [EarlierLetter(3, "2023-06-01", f"Yours. {sentence}")])
    assert hints and "June 2023" in hints[0].message and hints[0].letter_id == 3


def test_the_word_list_read_entry_by_entry_is_pyspellchecker_s_own() -> None:
    """The GIL-friendly reader must give exactly the dictionary SpellChecker would have loaded."""
    from spellchecker import SpellChecker

    from beautifulletters.spelling import _word_list

    for language in ("en", "de"):
        ours = _word_list(language).word_frequency.dictionary
        theirs = SpellChecker(language=language).word_frequency.dictionary
        assert dict(ours) == dict(theirs)
        assert len(ours) > 100_000


def test_the_word_list_s_summary_figures_match_too() -> None:
    from spellchecker import SpellChecker

    from beautifulletters.spelling import _word_list

    ours, theirs = _word_list("en").word_frequency, SpellChecker(language="en").word_frequency
    assert (ours.total_words, ours.unique_words, ours.longest_word_length, ours.letters) == (
        theirs.total_words,
        theirs.unique_words,
        theirs.longest_word_length,
        theirs.letters,
    )
    assert _word_list("en").correction("speling") == SpellChecker(language="en").correction("speling")
