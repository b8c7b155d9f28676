"""What a reader notices about mood across a letter's sentences (issue #16): no joke straight after a
loss, a sympathy letter that follows a happy memory warmly, hard news with no verb acknowledged
gently, and no talk of distance to a partner at home. People invented here, not the sample couple."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from beautifulletters import drafting
from beautifulletters.archive import Archive
from beautifulletters.notesense import Who, understand
from tests.core.correspondents import TODAY, draft, known, writer

_LIGHT = re.compile(
    r"\b(?:laugh\w*|grin\w*|hilarious|in the nicest way|smiling about it|smiled all afternoon|for no reason at all"
    r"|Nothing is wrong|never change|for the record|let the record show)\b",
    re.IGNORECASE,
)


def _draft(archive: Archive, to: int, by: int, template: str, **options: object) -> drafting.Draft:
    return draft(archive, to, by, template, language="en", **options)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def test_no_joke_or_light_line_follows_a_loss_and_the_lint_names_the_joke(archive: Archive) -> None:
    """ "It hurt to hear that your husband Frank died in March. … Also, you are hilarious at karaoke"
    is no letter a person sends: after a sorrow the joke waits, and the writer is told which."""
    me = writer(archive)
    people = [
        ("Margaret Doyle", "she", "friend", "her husband Frank died in March", "hilarious at karaoke"),
        ("Raj Anand", "he", "neighbour", "redundancy at the plant", "claims he grows the best tomatoes"),
        ("Sam Okoro", "they", "colleague", "miscarriage last spring", "terrible at darts"),
        ("Daniel Weiss", "he", "estranged son", "dad's stroke in May", "always late"),
        ("Peggy Lund", "she", "sister", "her dog Rufus died last week", "cheats at Scrabble"),
        ("Ines Moreau", "she", "friend", "lost her job at the bakery", "snores like a tractor"),
    ]
    for name, pronouns, kind, sorrow, joke in people:
        person = known(
            archive, me, name, kind=kind, since="2001", notes=[(sorrow, "fact"), (joke, "joke")], pronouns=pronouns
        )
        if kind == "sister":
            archive.notes.add(person, "the summer we camped by the loch", tag="memory", about_relationship_from=me)
        for template in ("just-because", "thinking-of-you"):
            letter = _draft(archive, person, me, template)
            joke_words = joke.split()[-1]
            assert joke_words not in letter.text, (name, template, letter.text)
            if "estranged" in kind:
                continue  # an ended relationship says no sorrow line and no joke at all
            said = [s for s in _sentences(letter.text) if any(w in s for w in sorrow.split()[-2:])]
            assert said, (name, template, letter.text)
            after = letter.text.split(said[-1], 1)[1]
            assert not _LIGHT.search(after), (name, template, after)
            assert any(w.startswith("The joke “") and joke[:20] in w and sorrow[:15] in w for w in letter.warnings), (
                name,
                template,
                letter.warnings,
            )


def test_a_joke_is_still_told_when_the_letter_speaks_of_no_sorrow(archive: Archive) -> None:
    me = writer(archive)
    tess = known(
        archive, me, "Tess Arden", kind="friend", since="1999", notes=[("hilarious at karaoke", "joke")], pronouns="she"
    )
    letter = _draft(archive, tess, me, "just-because")
    assert "karaoke" in letter.text
    assert not any(w.startswith("The joke") for w in letter.warnings)


def test_sympathy_after_a_happy_memory_reads_warmly_not_grief_is_hard_work(archive: Archive) -> None:
    """A memory of happy days with the one who died is followed by something warm about it, not by
    "Grief is hard work", which answers no memory."""
    me = writer(archive)
    for index, (name, memory) in enumerate(
        (
            ("Agnes Byrne", "the summer Frank taught you to sail on Lough Derg"),
            ("Olu Bello", "the Sunday dinners at your mother's house"),
            ("Kit Marsh", "the night we all danced at your parents' ruby wedding"),
            ("June Park", "the picnics by the river with your dad"),
            ("Rosa Lind", "the Christmas your gran taught us to make pierogi"),
        )
    ):
        friend = known(
            archive,
            me,
            name,
            kind="friend" if index % 2 else "neighbour",
            since="2010",
            notes=[(memory, "memory")],
            pronouns="they" if index % 2 else "she",
        )
        letter = _draft(archive, friend, me, "sympathy")
        sentences = _sentences(letter.text)
        at = next(i for i, s in enumerate(sentences) if memory.split()[-1] in s)
        following = sentences[at + 1]
        assert "Grief is hard work" not in following, letter.text
        warm = r"\b(smile|glad|warm|love|treasure|keep|kind|bright|laugh|happy|good|comfort|hold)\w*"
        assert re.search(warm, following), (following, letter.text)


def test_a_sad_note_without_a_verb_is_acknowledged_gently_or_named(archive: Archive) -> None:
    """ "miscarriage last spring", "dad's stroke in May", "redundancy at the plant": hard news, said as
    "I have been thinking of you since the miscarriage last spring", never dropped as a label."""
    me = writer(archive)
    for name, note, said in (
        ("Sam Okoro", "miscarriage last spring", "the miscarriage"),
        ("Leo Hart", "dad's stroke in May", "your dad's stroke in May"),
        ("Raj Anand", "redundancy at the plant", "the redundancy at the plant"),
        ("Mo Clarke", "cancer diagnosis in january", "the cancer diagnosis in January"),
    ):
        person = known(archive, me, name, kind="friend", since="2012", notes=[(note, "fact")], pronouns="they")
        for template in ("just-because", "thinking-of-you"):
            letter = _draft(archive, person, me, template)
            sentence = next((s for s in _sentences(letter.text) if said in s), None)
            assert sentence, (note, template, letter.text, letter.warnings)
            assert re.search(r"\b(sorry|sad to|thinking of you|in my thoughts|hard|heavy)\b", sentence), sentence
            assert not any(note in w and "label" in w for w in letter.warnings), letter.warnings
    # A sorrow that says no event at all is named in the lint, with why.
    ana = known(archive, me, "Ana Brill", kind="friend", since="2012", notes=[("depression", "fact")], pronouns="she")
    letter = _draft(archive, ana, me, "just-because")
    assert "depression" not in letter.text
    assert any("“depression” is left out" in w for w in letter.warnings), letter.warnings


def test_a_sad_verbless_note_keeps_its_time_said_from_the_letters_day() -> None:
    sam = Who(("Sam Okoro", "Sam"), "they", "Sam")
    read = understand("miscarriage last spring", recipient=sam, written=dt.date(2026, 6, 1), today=dt.date(2028, 3, 1))
    assert read.mood == "loss" and read.phrase == "the miscarriage in the spring of 2026"
    # Not a sorrow, not hard news: a bare noun stays a label, as before.
    assert understand("peonies", recipient=sam).problem == "it reads as a label, not a sentence"


_DISTANCE = re.compile(
    r"\b(?:miles|distance|far|afar|apart|nearer|visit|same room|drop round|turn up at your door|until we meet"
    r"|until I see you|see each other|in the same room|missing you)\b",
    re.IGNORECASE,
)


def test_thinking_of_you_to_a_partner_at_the_same_address_says_nothing_of_distance(archive: Archive) -> None:
    """ "All my love, across the miles" is not written to a husband across the kitchen table."""
    me = writer(archive)
    home = "14 Calder Street\nGlasgow G42 7QT"
    archive.people.update(me, addresses=[home])
    for index, (name, kind) in enumerate(
        (("Tom Weiss", "husband"), ("Priya Nair", "wife"), ("Alex Moss", "partner"), ("Jo Lee", "girlfriend"))
    ):
        partner = known(
            archive, me, name, kind=kind, since="2009", pronouns="they" if index % 2 else "he", addresses=[home]
        )
        if index % 2:
            archive.notes.add(partner, "the weekend we got lost on Arran", tag="memory", about_relationship_from=me)
        letter = _draft(archive, partner, me, "thinking-of-you")
        assert not _DISTANCE.search(letter.text), (name, letter.text)
    # A friend whose address is in another town is far away, and the letter may say so.
    far = known(
        archive,
        me,
        "Ruth Kemp",
        kind="friend",
        since="1990",
        pronouns="she",
        addresses=["3 Quay Lane\nFalmouth TR11 3HF"],
    )
    near = known(
        archive,
        me,
        "Bea Lomax",
        kind="friend",
        since="1990",
        pronouns="she",
        addresses=["2 Holly Road\nGlasgow G41 2AA"],
    )
    abroad = known(
        archive, me, "Nils Berg", kind="brother", since="1970", notes=[("moved abroad in 2019", "fact")], pronouns="he"
    )
    from beautifulletters.drafting.context import build_context

    def apart(person: int) -> bool:
        context = build_context(archive, recipient_id=person, signer_id=me, occasion="thinking-of-you", today=TODAY)
        return context["relationship"]["apart"]

    penfriend = known(archive, me, "Yuki Sato", kind="pen pal", since="1988", pronouns="she")
    assert apart(far) and apart(abroad) and apart(penfriend) and not apart(near) and not apart(partner)


def test_place_names_of_ordinary_words_take_their_capitals_and_ordinary_nouns_do_not(archive: Archive) -> None:
    """ "the summer we camped in the peak district" reads "the Peak District"; "the school district" and
    "the lake house" are no names and stay as typed."""
    from beautifulletters.drafting.letter_notes import place_names

    me = writer(archive)
    for name, memory, said in (
        ("Ivy Croft", "the summer we camped in the peak district", "the Peak District"),
        ("Owen Tate", "our walk round the lake district", "the Lake District"),
        ("Nia Rees", "the week we sailed on lough derg", "Lough Derg"),
    ):
        friend = known(archive, me, name, kind="friend", since="2004", notes=[(memory, "memory")], pronouns="they")
        letter = _draft(archive, friend, me, "thinking-of-you")
        assert said in letter.text, letter.text
    husband = archive.people.add(display_name="Gil Marsh", pronouns="he")
    archive.relationships.set(
        me, husband, kind="husband", since="2001-06-01", how_we_met="walking in the lake district"
    )
    assert "the Lake District" in _draft(archive, husband, me, "anniversary").text
    assert place_names("she teaches in the school district") == "she teaches in the school district"
    assert place_names("the lake house by the loch where we swam") == "the lake house by the loch where we swam"
    assert place_names("hiking in the yorkshire dales") == "hiking in the Yorkshire Dales"


def test_hard_news_without_a_verb_is_previewed_as_the_letter_says_it(archive: Archive) -> None:
    """The person page shows how a note reads in a letter: not "I remember the miscarriage…"."""
    from beautifulletters.archive import note_reading

    sam = archive.people.add(display_name="Sam Okoro", pronouns="they")
    note = archive.notes.get(archive.notes.add(sam, "dad's stroke in May", tag="fact"))
    assert note.problem is None
    assert note_reading.preview(note) == "I have been thinking of you since your dad's stroke in May."


def test_a_memory_of_a_hospice_or_ashes_is_a_sorrow_not_a_day_to_smile_about(archive: Archive) -> None:
    """ "the night we sat with dad at the hospice" tagged a memory is still hard: never "and I have been
    smiling about it since", never followed by a joke."""
    me = writer(archive)
    for name, memory in (
        ("Peggy Lund", "the night we sat with dad at the hospice"),
        ("Cal Byrne", "the morning we scattered mum's ashes at Whitby"),
    ):
        sibling = known(
            archive,
            me,
            name,
            kind="sister",
            since="1970",
            notes=[(memory, "memory"), ("cheats at Scrabble", "joke")],
            pronouns="she",
        )
        for template in ("just-because", "thinking-of-you", "birthday", "friendship"):
            letter = _draft(archive, sibling, me, template)
            assert "Scrabble" not in letter.text or memory.split()[-1] not in letter.text, letter.text
            for sentence in _sentences(letter.text):
                if memory.split()[-1] in sentence:
                    assert not re.search(r"\b(smil|laugh|grin|fun)\w*", sentence), (template, sentence)


def test_a_death_noted_without_a_verb_names_the_one_lost_in_sympathy(archive: Archive) -> None:
    """ "grandad's death in october" tells whom the sympathy letter is about, as "his grandad died" does."""
    me = writer(archive)
    for name, note, said in (
        ("Joel Marsh", "grandad's death in october", "your grandad"),
        ("Ama Osei", "mum's funeral", "your mum"),
    ):
        friend = known(archive, me, name, kind="friend", since="2015", notes=[(note, "fact")], pronouns="they")
        for template in ("sympathy", "in-memory"):
            letter = _draft(archive, friend, me, template)
            assert said in letter.text.lower(), (template, letter.text)


def test_the_writers_own_sorrow_is_not_news_they_are_sorry_to_hear(archive: Archive) -> None:
    """ "Hannah lost her job at the bank" on Raj's page is Hannah's own: her letter never says "It hurt to
    hear that I lost me job", nor holds back a joke for it."""
    me = writer(archive)
    raj = known(
        archive,
        me,
        "Raj Anand",
        kind="friend",
        since="2001",
        notes=[("Hannah lost her job at the bank", "fact")],
        pronouns="he",
    )
    for template in ("just-because", "thinking-of-you"):
        letter = _draft(archive, raj, me, template)
        assert "lost my job" not in letter.text and "me job" not in letter.text, letter.text
    sam = Who(("Raj",), "he", "Raj")
    read = understand("Hannah lost her job at the bank", recipient=sam, signer=Who(("Hannah",), "she", "Hannah"))
    assert read.clause == "I lost my job at the bank" and read.about == "signer"


def test_in_memory_of_a_husband_says_he_or_his_name_not_they(archive: Archive) -> None:
    """ "They are still talked about with such warmth" is said of no named husband: a husband the
    archive marks died is "your husband Frank" and "he"; one typed only as "Frank" is "Frank is"."""
    me = writer(archive)
    for index in range(10):
        widow = known(archive, me, f"Margaret Doyle {index}", kind="friend", since="2001", pronouns="she")
        frank = archive.people.add(display_name=f"Frank Doyle {index}", pronouns="he", died_on="2026-03-10")
        if index % 2:
            archive.relationships.set(widow, frank, kind="husband", since="1980")
        else:
            archive.relationships.set(frank, widow, kind="wife", since="1980")
        details = {} if index % 3 else {"remembered": "Frank"}
        text = _draft(archive, widow, me, "in-memory", details=details).text
        assert "They are still" not in text and "What they gave" not in text, text
        if not details:
            assert "your husband frank" in text.lower(), text


def test_a_seasons_greeting_in_the_first_year_after_a_loss_acknowledges_it_and_is_not_cheerful(
    archive: Archive,
) -> None:
    """To a widow whose husband Frank died in March (a note, or Frank marked died in the archive), the
    season's greeting says so gently: no "Happy holidays!", "family gatherings" or "raise a glass"."""
    me = writer(archive)
    cheerful = re.compile(
        r"Happy holidays!|merry|raise a glass|family gatherings|good cheer|Love and joy|best yet|good food|catch-up"
    )
    for index in range(8):
        widow = known(
            archive,
            me,
            f"Margaret Doyle {index}",
            kind=("friend", "sister", "neighbour")[index % 3],
            since="2001",
            pronouns="she",
        )
        if index % 2:
            known(
                archive,
                widow,
                f"Frank Doyle {index}",
                kind="husband",
                since="1980",
                pronouns="he",
                died_on="2026-03-10",
            )
        else:
            archive.notes.add(widow, "her husband Frank died in March", tag="fact", about_relationship_from=me)
        text = _draft(archive, widow, me, "seasons-greetings").text
        assert "your husband Frank died in March" in text, text
        assert not cheerful.search(text), text
    # Twenty years on, the season's greeting is an ordinary one.
    widow = known(archive, me, "Edith Marsh", kind="friend", since="1990", pronouns="she")
    known(archive, widow, "Frank Marsh", kind="husband", since="1960", pronouns="he", died_on="2006-03-10")
    assert "Frank" not in _draft(archive, widow, me, "seasons-greetings").text


def test_hard_news_about_someone_close_is_said_from_the_readers_side(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "mum's chemo starts monday", "her dad's dementia getting worse", "his sister's operation next
    week", typed as people type them: said gently and correctly from the reader's side, the day counted
    from the note's date, so a Monday already gone is said as gone, and never "since" a day to come."""
    from beautifulletters.archive import notes as stored

    me = writer(archive)
    # Each note is written on its day; every letter is written on Wednesday 2 December (TODAY).
    ids: dict[str, int] = {}
    for written, name, pronouns, note, said in (
        ("2026-12-01", "Ruth Abbot", "she", "mum's chemo starts friday", "your mum's chemo starts on Friday"),
        ("2026-11-26", "Cora Bell", "she", "her mum's chemo starts monday", "your mum's chemo started on Monday"),
        ("2026-12-01", "Lena Voss", "she", "her dad's dementia getting worse", "your dad's dementia is getting worse"),
        ("2026-12-01", "Kofi Mensah", "he", "his sister's operation next week", "your sister's operation is next week"),
        ("2026-11-20", "Ivo Stan", "he", "his sister's operation next week", "your sister's operation last week"),
        ("2026-12-01", "Tam Reid", "they", "grandad's surgery tomorrow", "your grandad's surgery is today"),
        ("2026-12-01", "Bea Lark", "she", "mum in hospital again", "your mum is in hospital again"),
        ("2026-12-01", "Noor Aziz", "she", "starts chemo on monday", "you start chemo on Monday"),
    ):
        monkeypatch.setattr(stored, "now_iso", lambda written=written: f"{written}T10:00:00+00:00")
        person = ids[name] = archive.people.add(display_name=name, pronouns=pronouns)
        archive.relationships.set(me, person, kind="friend", since="2012")
        archive.notes.add(person, note, tag="fact", about_relationship_from=me)
        for template in ("thinking-of-you", "just-because"):
            letter = _draft(archive, person, me, template)
            sentence = next((s for s in _sentences(letter.text) if said in s), None)
            assert sentence, (note, template, letter.text, letter.warnings)
            gentle = r"\b(sorry|thought of you|thinking of you|in my thoughts|on my mind|heavy|hard|love|close|carry)"
            assert re.search(gentle, sentence), sentence
            if "started" not in said and "last week" not in said:
                assert not re.search(r"\bsince (?:your|you)\b", sentence), sentence
            if said.startswith("your") and re.search(r"\b(?:starts|is next week|is today)\b", said):
                assert " both" in sentence, sentence
    # A get-well letter to the one starting chemo says so, from their side.
    assert "you start chemo on Monday" in _draft(archive, ids["Noor Aziz"], me, "get-well").text
    # A shape that cannot be told stays out, with a named reason.
    monkeypatch.setattr(stored, "now_iso", lambda: "2026-12-01T10:00:00+00:00")
    eli = archive.people.add(display_name="Eli Roe", pronouns="he")
    archive.relationships.set(me, eli, kind="friend", since="2012")
    archive.notes.add(eli, "dementia", tag="fact", about_relationship_from=me)
    letter = _draft(archive, eli, me, "thinking-of-you")
    assert "dementia" not in letter.text and any("“dementia” is left out" in w for w in letter.warnings)


def test_a_day_ahead_in_a_note_is_counted_from_the_day_it_was_written() -> None:
    """ "monday" in a note written on Thursday 26 November is Monday 30 November: ahead that Friday,
    gone by the Wednesday after; "every sunday" and "sunday lunch" are no day."""
    mo = Who(("Mo Clarke", "Mo"), "he", "Mo")
    written = dt.date(2026, 11, 26)
    before = understand("his dad's scan is on monday", recipient=mo, written=written, today=dt.date(2026, 11, 27))
    after = understand("his dad's scan is on monday", recipient=mo, written=written, today=dt.date(2026, 12, 2))
    assert before.clause == "your dad's scan is on Monday" and before.ahead
    assert after.clause == "your dad's scan was on Monday" and not after.ahead
    fell = understand("his dad fell on monday", recipient=mo, written=written, today=dt.date(2026, 12, 2))
    assert fell.clause == "your dad fell on Monday 23 November" and fell.happened_on == "2026-11-23"
    habit = understand("calls his mum every sunday", recipient=mo, written=written, today=dt.date(2026, 12, 2))
    assert habit.clause == "you call your mum every Sunday"
    picnic = understand("the picnic on sunday", recipient=mo, tag="memory", written=written, today=dt.date(2026, 12, 2))
    assert picnic.phrase == "the picnic on Sunday"  # which Sunday it does not say: as typed


def test_the_first_holiday_season_after_a_loss_is_counted_over_the_past_twelve_months(archive: Archive) -> None:
    """ "The first holiday season since …" is said of a death in the past twelve months, not of one in
    last calendar year: a husband who died on 28 December last year, yes; one who died fourteen months
    ago, or a year and a day ago, has had a holiday season since (letters on 2 December 2026)."""
    me = writer(archive)
    for index, (died, note, happened_on, is_first) in enumerate(
        (
            ("2025-12-28", None, None, True),
            (None, "her husband Ray died last December", None, True),
            ("2025-12-01", None, None, False),
            (None, "her husband Cyril died", "2025-10", False),
            (None, "her husband Ned died", "2025-11-20", False),
            (None, "her husband Ned died", "2026-01-20", True),
        )
    ):
        widow = archive.people.add(display_name=f"Wyn Hale {index}", pronouns="she")
        archive.relationships.set(me, widow, kind="friend", since="2001")
        if died:
            husband = archive.people.add(display_name=f"Len Hale {index}", pronouns="he", died_on=died)
            archive.relationships.set(widow, husband, kind="husband", since="1980")
        else:
            assert note is not None
            archive.notes.add(widow, note, tag="fact", about_relationship_from=me, happened_on=happened_on)
        text = _draft(archive, widow, me, "seasons-greetings").text
        # The loss is named ("your husband Ray died…") only in the first season's gentle greeting.
        named = re.search(r"your husband (?:Len|Ray|Cyril|Ned)\b", text)
        assert bool(named) == is_first, (died, note, happened_on, text)


def test_well_known_places_typed_in_lower_case_take_their_capitals_where_the_note_puts_a_place(
    archive: Archive,
) -> None:
    """ "the week we spent in oban", "our trip to wales", "the summer we camped on mull": places the
    spelling dictionary lacks or knows as ordinary words are written with their capitals in a letter;
    the same words as ordinary words ("to mull it over", "turkey sandwiches") stay as typed."""
    from beautifulletters.drafting.letter_notes import place_names

    me = writer(archive)
    for name, memory, said in (
        ("Ailsa Grant", "the week we spent in oban", "in Oban"),
        ("Huw Pryce", "our trip to wales with the kids", "to Wales with the kids"),
        ("Moira Bain", "the summer we camped on mull in 2019", "on Mull in 2019"),
        ("Des Quinn", "the weekend we drove through kent", "through Kent"),
    ):
        friend = archive.people.add(display_name=name, pronouns="they")
        archive.relationships.set(me, friend, kind="friend", since="2004")
        archive.notes.add(friend, memory, tag="memory", about_relationship_from=me)
        letter = _draft(archive, friend, me, "thinking-of-you")
        assert said in letter.text, letter.text
    assert place_names("we met in york last spring") == "we met in York last spring"
    assert place_names("a weekend in bath, then home") == "a weekend in Bath, then home"
    for ordinary in (
        "something to mull over",
        "time to mull it over",
        "she is interested in reading",
        "turkey sandwiches at the match",
        "a week in nice weather",
        "in the bath",
    ):
        assert place_names(ordinary) == ordinary
