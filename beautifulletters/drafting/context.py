"""Build the template context from the archive: plain, JSON-safe data about the two people.

Notes are rewritten into the letter's voice here ("Chris claims he lets her win" becomes
"I claim I let you win"), and the letter history decides which memories are still fresh.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from beautifulletters import dates as date_math
from beautifulletters.archive import Archive
from beautifulletters.archive.note_reading import who
from beautifulletters.drafting import details as occasion_details
from beautifulletters.drafting import helpers, letter_notes, variety, voice
from beautifulletters.drafting.context_fields import (
    DateContext,
    HistoryContext,
    NoteItem,
    NotesContext,
    OccasionContext,
    PersonContext,
    RelationshipContext,
    TemplateContext,
    TodayContext,
)
from beautifulletters.drafting.distance import lives_apart
from beautifulletters.drafting.kinship import closeness, former, former_partner, shared_kin
from beautifulletters.drafting.losses import late_partner, recent_loss
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Person, Relationship
from beautifulletters.spelling import capitalise_names

_STOPWORDS = {
    "the",
    "and",
    "with",
    "for",
    "that",
    "this",
    "from",
    "they",
    "their",
    "them",
    "were",
    "was",
    "every",
    "into",
    "over",
    "when",
    "what",
    "have",
    "has",
    "had",
    "her",
    "his",
    "him",
    "she",
    "you",
    "your",
}


_PREPOSITION_START = (
    r"^(at|in|on|through|via|during|when|while|over|by|after|before|outside|near|under"
    r"|across|from)\b"
)


def _pair_number(archive: Archive, relationship: Relationship | None) -> int | None:
    """The pair's place among the archive's relationships as close as it (the third couple, the
    fifth friendship): pairs numbered densely within a kind are the ones variety keeps furthest
    apart, so the couples of one archive do not receive one another's sentences."""
    if relationship is None:
        return None
    own = closeness(relationship.kind)
    before = archive.relationships.kinds_before(relationship.id)
    return sum(n for kind, n in before.items() if closeness(kind) == own)


def _one_line(value: object) -> str | None:
    """A stored text as one clean line: single spaces, no leading or trailing blanks."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    text = re.sub(r"\s+([,.;:!?])(?=\s|$)", r"\1", text)
    return text or None


def person_context(person: Person, *, today: dt.date) -> PersonContext:
    display = _one_line(person.display_name) or "friend"
    nickname = _one_line(person.nickname)
    first = helpers.first_name(display)
    birthday = person.birthday
    age = helpers.years_since(birthday, today) if birthday and not birthday.startswith("--") else None
    return PersonContext(
        id=person.id,
        display_name=display,
        full_name=_one_line(person.full_name) or display,
        first_name=first,
        nickname=nickname,
        # What the letter calls them: the nickname when there is one, else the first name.
        name=nickname or first,
        pronoun_set=person.pronouns or None,
        pronouns=helpers.pronoun_forms(person.pronouns),
        has_pronouns=bool(person.pronouns),
        birthday=birthday,
        birthday_text=helpers.natural_date(birthday) if birthday else None,
        age=age,
        language=person.language,
        tags=list(person.tags),
        is_self=person.is_self,
        died_on=person.died_on,
        living=not person.died_on,
        died_year=helpers.year_of(person.died_on),
        years_gone=helpers.years_since(person.died_on, today) if person.died_on else None,
    )


def _content_words(text: str) -> set[str]:
    words = set()
    for word in re.findall(r"[a-z]{3,}", text.lower()):
        if word in _STOPWORDS:
            continue
        words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return words


def _note_used_in(note_text: str, letter_text: str) -> bool:
    """A note counts as used when most of its distinctive words appear in one earlier letter."""
    words = _content_words(note_text)
    if not words:
        return False
    found = _content_words(letter_text)
    return len(words & found) / len(words) >= 0.6


# What a child calls a parent, by the relationship's kind as typed ("mother", "dad").
_PARENT_CALLED = {"mother": "Mum", "mum": "Mum", "mom": "Mom", "mam": "Mam", "father": "Dad", "dad": "Dad"}


def _names_for_this_signer(
    archive: Archive,
    recipient: PersonContext,
    relationship: RelationshipContext,
    recipient_id: int,
    own: Relationship | None,
) -> list[str]:
    """Set what this letter calls the recipient, using only names this signer may use.

    A nickname that is another signer's pet name (and not this signer's) stays theirs: the
    letter uses the first name and says why. An ended relationship keeps no pet names.
    """
    notes: list[str] = []
    if relationship["ended"]:
        relationship.update({"pet_names": [], "pet_name": None, "calls_them": None})
    others = {
        " ".join(str(name).split())
        for rel in archive.relationships.for_person(recipient_id)
        if rel.to_id == recipient_id and (own is None or rel.id != own.id)
        for name in rel.pet_names or []
    }
    nickname = recipient["nickname"]
    if nickname and nickname in others and nickname not in relationship["pet_names"]:
        recipient["name"] = recipient["first_name"]
        notes.append(
            f"“{nickname}” is another signer's pet name for {recipient['first_name']}, so this letter says "
            f"{recipient['first_name']}; if everyone calls them {nickname}, add it to this relationship's pet names."
        )
    if relationship["calls_them"]:
        recipient["name"] = relationship["calls_them"]
    relationship["pet_name"] = next((p for p in relationship["pet_names"] if p != recipient["name"]), None)
    return notes


_ONE_LOST = re.compile(r"^((?:your|our) [a-z]+(?: [A-Z][\w'’-]+)?) (?:died|passed|was put (?:down|to sleep))\b")


# Hard news with no verb names the one lost too: "your grandad's death in 2019", "your mum's funeral".
_THEIR_DEATH = re.compile(r"^((?:your|our) [a-z]+(?: [A-Z][\w'’-]+)?)['’]s (?:death|funeral|passing)\b")


def _with_the_one_lost(
    details: dict[str, str], sorrows: list[NoteItem], late: tuple[str, str] | None = None
) -> dict[str, str]:
    """The in-memory letters' `remembered` ("your wife Meena") from the one loss the notes tell of
    ("his wife Meena died last year"), else the partner the archive marks died (`late`), when the
    writer has not named them; two losses, or none, and the letter asks."""
    if "remembered" not in details or details["remembered"]:
        return details
    lost = {
        m.group(1)
        for n in sorrows
        if n["mood"] == "loss"
        and (
            m := _ONE_LOST.match(n["clause"] or "")
            or (_THEIR_DEATH.match(n["phrase"] or "") if not n["clause"] else None)
        )
    }
    if not lost and late:
        return {**details, "remembered": late[0]}
    return {**details, "remembered": lost.pop()} if len(lost) == 1 else details


_SHE_WORDS = frozenset(
    "mother mum mom mam mummy mommy ma mama sister aunt auntie grandmother grandma granny gran nan nana nanna "
    "wife daughter niece girlfriend stepmother stepdaughter stepsister widow lady".split()
)
_HE_WORDS = frozenset(
    "father dad daddy papa pa brother uncle grandfather grandpa grandad granddad grandaddy husband son nephew "
    "boyfriend stepfather stepson stepbrother".split()
)
_NAMED_AFTER_KIN = re.compile(
    r"^(?:(?:your|our|my|their|his|her)\s+)?[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*)?\s+([A-Z].*)$"
)


def with_the_one_remembered(details: dict[str, str]) -> dict[str, str]:
    """The one who died as the letter goes on speaking of them, once named: "your husband Len" is
    "him" ("I have been remembering him", not "them") and, said a second time, "Len" (not "your
    husband Len" twice in four lines). A kin word gives the pronoun; with none ("Len", "your dog
    Rufus") it stays "them", which is never wrong."""
    if "remembered" not in details:
        return details
    remembered = details["remembered"]
    words = set(re.findall(r"[a-z]+", remembered.lower()))
    forms = ("he", "him", "his") if words & _HE_WORDS else ("she", "her", "her") if words & _SHE_WORDS else None
    if words & _HE_WORDS and words & _SHE_WORDS:
        forms = None  # "your mum and dad": two of them
    if not remembered:
        forms = None
    they, them, their = forms or ("they", "them", "their")
    named = _NAMED_AFTER_KIN.match(remembered)
    return {
        **details,
        "remembered_they": they,
        "remembered_them": them,
        "remembered_their": their,
        "remembered_again": named.group(1) if named else remembered,
    }


_PLAIN_WORDS = frozenset(
    "the a an and or of to in on at for with my our your his her their me you we us i it after before "
    "when while from by all every was were is are be been".split()
)


def retells(text: str, values: Iterable[str]) -> bool:
    """Whether a note tells what one of the letter's details already says: two words in common and
    at least half of the shorter's words ("fixed our fence after the storm" and "fixing the fence
    after the storm"; "fixed" and "fixing" are one word here)."""

    def stems(said: str) -> set[str]:
        words = (w for w in re.findall(r"[a-z]+", said.lower()) if w not in _PLAIN_WORDS and len(w) > 2)
        return {re.sub(r"(?:ing|ed|es|s)$", "", w)[:6] for w in words}

    mine = stems(text)
    for value in values:
        theirs = stems(value or "")
        common = mine & theirs
        if len(common) >= 2 and len(common) * 2 >= min(len(mine), len(theirs)):
            return True
    return False


def _earliest(today: dt.date, *dates: str | None) -> dt.date:
    """The first of today and the given dates (an end, a death): where counting years stops."""
    found = [d for d in (helpers.parse_date(value) for value in dates if value) if d is not None]
    return min([today, *found])


def _occasion_date(
    archive: Archive, kind: str, recipient: Person, signer_id: int, explicit: str | None, today: dt.date
) -> tuple[str | None, str | None]:
    """(the date this letter is for, the original date it counts from), e.g. the wedding day."""
    original: str | None = None
    if kind == "birthday":
        original = recipient.birthday
    elif kind == "anniversary":
        relationship = archive.relationships.get(signer_id, recipient.id)
        # Another signer's anniversary (her wedding day with him) is never this letter's to count from.
        candidates = [
            d
            for d in archive.dates.for_person(recipient.id)
            if d.kind == "anniversary" and d.relationship_id in (None, relationship.id if relationship else None)
        ]
        own = [d for d in candidates if relationship and d.relationship_id == relationship.id]
        chosen = (own or candidates)[0] if (own or candidates) else None
        if chosen:
            original = chosen.date
        elif relationship and relationship.since and len(relationship.since) == 10:
            original = relationship.since
    if explicit:
        return explicit, original
    if original:
        return date_math.next_occurrence(original, today).isoformat(), original
    return None, None


def build_context(
    archive: Archive,
    *,
    recipient_id: int,
    signer_id: int | None = None,
    occasion: str = "letter",
    occasion_date: str | None = None,
    today: dt.date | None = None,
    declared: list[occasion_details.Detail] | None = None,
    given: Mapping[str, str] | None = None,
    language: str = "en",
) -> TemplateContext:
    """Everything a template may use, as plain data (see docs/template-guide.md).

    `declared` are the details the template asks for; `given` the writer's values for them;
    `language` the letter's ('en', 'fr', 'es', 'de'): notes in other languages are left out.
    """
    today = today or dt.date.today()
    if signer_id is None:
        signer_id = archive.settings.default_signer_id()
        if signer_id is None:
            raise ValidationError("from", _("there is no default signer; give --from or set one with `signer set`."))
    if signer_id == recipient_id:
        raise ValidationError("to", _("a letter needs a signer and a different recipient."))
    signer_record = archive.people.get(signer_id)
    recipient_record = archive.people.get(recipient_id)
    signer = person_context(signer_record, today=today)
    recipient = person_context(recipient_record, today=today)
    if occasion_date:
        from beautifulletters import validation

        occasion_date = validation.date(occasion_date, "occasion date", allow_yearless=True)

    relationship_record = archive.relationships.get(signer_id, recipient_id)
    relationship = RelationshipContext(
        kind=None,
        closeness="unknown",
        since=None,
        since_year=None,
        years=None,
        how_we_met=None,
        how_we_met_sentence=None,
        how_we_met_text=None,
        pet_names=[],
        pet_name=None,
        tone=None,
        known=False,
        ended=False,
        ended_on=None,
        end_kind=None,
        signs_as=None,
        calls_them=None,
        apart=False,
    )
    if relationship_record:
        since = relationship_record.since
        pet_names = [n for n in (_one_line(p) for p in relationship_record.pet_names or []) if n]
        how = voice.clean_note_text(relationship_record.how_we_met) or None
        if how:
            how = voice.letter_voice(how, signer, recipient, about_couple=True)
            # "at a ceilidh in oban", "walking in the lake district": names typed in lower case, as notes are.
            how = letter_notes.place_names(capitalise_names(how)) if how else None
            how = re.sub(r"^we met\s+", "", how, flags=re.IGNORECASE) if how else None
        kind = _one_line(relationship_record.kind)
        how_phrase = how if how and re.match(_PREPOSITION_START, how, flags=re.IGNORECASE) else None
        ended_on = relationship_record.ended_on
        end_kind = _one_line(relationship_record.end_kind)
        ended = bool(ended_on or end_kind or former(kind))
        # Years are counted to the end of the relationship or to the death, never past them.
        until = _earliest(today, ended_on, recipient_record.died_on)
        relationship.update(
            {
                "kind": kind,
                "closeness": "ended" if ended and former_partner(kind, end_kind) else closeness(kind),
                "since": since,
                "since_year": helpers.year_of(since),
                "years": helpers.years_since(since, until) if since else None,
                "ended": ended,
                "ended_on": ended_on,
                "end_kind": end_kind,
                "signs_as": _one_line(relationship_record.signs_as),
                "calls_them": _one_line(relationship_record.calls_them),
                # `how_we_met` fits after "we met" ("at the county fair..."); the sentence stands alone.
                "how_we_met": how_phrase,
                "how_we_met_sentence": (
                    helpers.capitalize_first(how if how_phrase is None else f"we met {how}") + "." if how else None
                ),
                # As the writer typed it, for letters in other languages (the two above are English).
                "how_we_met_text": _one_line(voice.clean_note_text(relationship_record.how_we_met)),
                "pet_names": pet_names,
                # The nickname is what the letter already calls them; a second pet name adds warmth.
                "pet_name": next((p for p in pet_names if p != recipient["name"]), None),
                "tone": _one_line(relationship_record.tone),
                "known": True,
            }
        )

    name_notes = _names_for_this_signer(archive, recipient, relationship, recipient_id, relationship_record)
    parent = _PARENT_CALLED.get((relationship["kind"] or "").strip().lower())
    if parent and language == "en" and not relationship["calls_them"]:
        # No one begins a letter to their mother "Dear Irene": she is "Mum" to the one writing.
        recipient["name"] = parent
        name_notes.append(
            _(
                "The letter calls {name} “{parent}”, as their child would; to use another name, set what "
                "you call them on the relationship (relationship set --calls-them)."
            ).format(name=recipient["first_name"], parent=parent)
        )

    # Only letters that were finished or sent are history: a discarded draft uses nothing up.
    earlier = [
        summary
        for summary in archive.letters.all(to=recipient_id, signer=signer_id)
        if summary.status in ("final", "sent")
    ]
    used_ids: set[int] = set()
    earlier_texts: list[str] = []
    for summary in earlier:
        letter = archive.letters.get(summary.id)
        earlier_texts.append(letter.body_text or "")
        used = letter.style.get("used_note_ids")
        for note_id in used if isinstance(used, list) else []:
            if isinstance(note_id, int):
                used_ids.add(note_id)
    groups: dict[str, list[NoteItem]] = {group: [] for group in letter_notes.GROUPS}
    in_scope = [
        n
        for n in archive.notes.for_person(recipient_id)
        if letter_notes.in_scope(n, relationship_record.id if relationship_record else None)
    ]
    kept, left_out = letter_notes.read_notes(
        in_scope,
        recipient=recipient_record,
        signer=signer_record,
        relationship=relationship_record,
        default_signer_id=archive.settings.default_signer_id(),
        today=today,
        language=language,
        shared_kin=shared_kin(relationship_record.kind if relationship_record else None),
    )
    for note, understanding in kept:
        used = note.id in used_ids or any(_note_used_in(note.text, text) for text in earlier_texts)
        item = letter_notes.note_item(note, understanding, used=used, today=today)
        groups[letter_notes.group_of(note, understanding)].append(item)
    variant = variety.seed(signer_id, recipient_id, len(earlier), _pair_number(archive, relationship_record))
    if relationship["ended"]:
        # Across an ending a letter claims no intimacy: no shared joke, no "I know you love strong coffee".
        groups["jokes"], groups["preferences"] = [], []
    if relationship["closeness"] == "ended" and occasion not in ("farewell", "apology"):
        # A marriage that ended keeps its "we honeymooned in Crete" for a letter about the ending,
        # not a thank-you or a season's greeting to the one it ended with.
        groups["memories"] = [n for n in groups["memories"] if n["about"] != "both"]
    if occasion != "thank-you":
        # A kindness remembered from a hard time is for a thank-you; elsewhere a memory is a day
        # one would gladly have again ("more days like…", "I would go back there in a heartbeat").
        groups["other"] += [n for n in groups["memories"] if n["hard_time"]]
        groups["memories"] = [n for n in groups["memories"] if not n["hard_time"]]
    for group, items in groups.items():
        fresh = [n for n in items if not n["used"]]
        stale = [n for n in items if n["used"]]
        # Fresh notes first, each group turned by the pair's seed so two pairs do not match.
        fresh = variety.rotate(fresh, variant, group)
        stale = variety.rotate(stale, variant + len(earlier), group)
        groups[group] = fresh + stale
    relationship["apart"] = lives_apart(
        recipient_record, signer_record, [relationship["kind"] or "", *(n.text for n in in_scope)]
    )
    notes = NotesContext(
        memories=groups["memories"],
        jokes=groups["jokes"],
        facts=groups["facts"],
        preferences=groups["preferences"],
        other=groups["other"],
        sorrows=groups["sorrows"],
        dislikes=groups["dislikes"],
    )

    own_id = relationship_record.id if relationship_record else None
    dates = [
        DateContext(
            kind=date.kind,
            date=date.date,
            label=_one_line(date.label),
            text=helpers.natural_date(date.date),
            years=helpers.years_since(date.date, today),
        )
        for date in archive.dates.for_person(recipient_id)
        if date.relationship_id in (None, own_id)  # another signer's date with them ("our wedding") is theirs
    ]

    when, original = _occasion_date(archive, occasion, recipient_record, signer_id, occasion_date, today)
    years = None
    if when and original and not original.startswith("--") and not when.startswith("--"):
        # An anniversary across an ending counts to the end ("eighteen years"), not to this year's date.
        end = relationship["ended_on"] if occasion == "anniversary" else None
        stop = _earliest(dt.date.fromisoformat(when[:10]), end)
        years = date_math.whole_years_between(dt.date.fromisoformat(original[:10]), stop)
        years = years if years > 0 else None
    occasion_context = OccasionContext(
        kind=occasion,
        date=when,
        date_text=helpers.natural_date(when) if when else None,
        original_date=original,
        years=years,
        ordinal=helpers.ordinal_number(years) if years else None,
        ordinal_words=helpers.ordinal_words(years) if years else None,
        years_words=helpers.number_words(years) if years else None,
        days_until=helpers.days_between(today, when),
    )
    last = earlier[0] if earlier else None
    history = HistoryContext(
        count=len(earlier),
        last_date=last.created_at[:10] if last else None,
        last_date_text=helpers.natural_date(last.created_at[:10], with_year=True) if last else None,
        last_occasion=last.occasion if last else None,
        used_note_ids=sorted(used_ids | {n["id"] for items in groups.values() for n in items if n["used"]}),
    )
    # Said in English words ("your husband Frank died in March"): for English letters only.
    late = late_partner(archive, recipient_id) if language == "en" else None
    if recent := recent_loss(late, notes["sorrows"], today):
        notes["sorrows"].append(recent)
    occasion_values = with_the_one_remembered(
        _with_the_one_lost(
            occasion_details.resolve(
                declared or [],
                given,
                in_scope,
                names=who(recipient_record).names,
                pronouns=recipient_record.pronouns,
            ),
            notes["sorrows"],
            late,
        )
    )
    # "Thank you for fixing the fence after the storm" is not followed by "I thought of how you
    # fixed our fence after the storm": a memory that retells an occasion's detail is left to it.
    notes["memories"] = [m for m in notes["memories"] if not retells(m["text"], occasion_values.values())]
    return TemplateContext(
        signer=signer,
        recipient=recipient,
        relationship=relationship,
        notes=notes,
        memories=notes["memories"],
        jokes=notes["jokes"],
        facts=notes["facts"],
        preferences=notes["preferences"],
        sorrows=notes["sorrows"],
        dislikes=notes["dislikes"],
        left_out=[*name_notes, *left_out],
        details=occasion_values,
        fresh_memories=[n for n in notes["memories"] if not n["used"]],
        dates=dates,
        occasion=occasion_context,
        today=TodayContext(
            date=today.isoformat(),
            text=helpers.natural_date(today.isoformat()),
            year=today.year,
            month=helpers.month_name(today.isoformat()),
            weekday=today.strftime("%A"),
            season=helpers.season_of(today.isoformat()),
        ),
        history=history,
        variant=variant,
        letter_count=len(earlier),
    )
