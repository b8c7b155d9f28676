"""Reading one note: who it is about and how it reads in a letter from the signer to the recipient.

"calls me Peanut" on Dana's page becomes "you call me Peanut"; "Ravi taught her to swim last
summer" in a letter from Ravi to Mei becomes "I taught you to swim in the summer of 2026".
A note that cannot be said with confidence gets a `problem` instead of a guess: a template then
leaves it out, and the writer is told which note and why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from beautifulletters.notesense import news as N
from beautifulletters.notesense import reasons as R
from beautifulletters.notesense import shapes
from beautifulletters.notesense import words as W
from beautifulletters.notesense.bare import BARE_KIN, NAMED_BY, hard_event, kin_acts
from beautifulletters.notesense.when import Moment, ahead, find, say

ABOUT = ("recipient", "signer", "both", "other")
_R, _S, _T = "Rzqx", "Szqx", "Tzqx"  # stand-ins for the recipient, the signer and the time
# Patterns are compiled on first use (re's cache), not at import: the archive imports this module.
_TOKEN = r"[^\W_][\w'’-]*|[^\w\s]+|_+|\s+"
_STATES = frozenset(
    (
        "allergic vegetarian vegan diabetic left-handed afraid scared terrified shy colour-blind color-blind "
        "deaf lactose gluten-free teetotal retired pregnant married engaged proud good bad great hopeless "
        "terrible obsessed crazy mad fond always "
        # Said of a person with no verb ("always late", "hilarious at karaoke"): "you are …".
        "late early busy hilarious brilliant useless amazing awful rubbish clever funny talented wonderful "
        "excellent dreadful kind generous patient stubborn grumpy messy tidy punctual nervous brave nuts "
        "unbeatable "
    ).split()
)
_SHE_KIN = {
    "mother",
    "mom",
    "mum",
    "sister",
    "aunt",
    "grandmother",
    "grandma",
    "wife",
    "daughter",
    "niece",
    "girlfriend",
}
_HE_KIN = {"father", "dad", "brother", "uncle", "grandfather", "grandpa", "husband", "son", "nephew", "boyfriend"}
_CONTRACTION_NEXT = W.ADVERBS | {"been", "got", "gone", "not", "so", "very", "too", "late", "back", "home", "a", "an"}
_PRONOUNS = {
    "he": ("he", "him", "his", "his", "himself"),
    "she": ("she", "her", "her", "hers", "herself"),
    "they": ("they", "them", "their", "theirs", "themselves"),
}
_THIRD = {
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
}


@dataclass(frozen=True)
class Who:
    """One of the two people, as a note may name them."""

    names: tuple[str, ...]
    pronouns: str | None = None  # "she", "he", "they" or "ze/zir/zir/zirs/zirself"
    label: str = ""
    # Kin the one writing shares with them ("dad" between a brother and a sister): "our dad", not "your".
    shared_kin: frozenset[str] = frozenset()

    def forms(self) -> tuple[str, ...] | None:
        if not self.pronouns:
            return None
        key = self.pronouns.strip().lower()
        if key in _PRONOUNS:
            return _PRONOUNS[key]
        parts = tuple(p.strip().lower() for p in key.split("/"))
        return parts if len(parts) == 5 and all(parts) else None


@dataclass(frozen=True)
class Reading:
    """What a note says, in the letter's voice: `clause` fits after "I know that", `phrase` after "I remember"."""

    about: str
    clause: str | None
    phrase: str | None
    moment: Moment | None
    problem: str | None = None
    ahead: bool = False  # what it tells of has still to come on the letter's day ("chemo starts on Monday")


class _Unclear(Exception):
    """The note cannot be said with confidence; the message says why, for the writer."""


_NAMING = r"(?i)\b(?:calls?|called|calling|named|names?)\s+(?:me|you|him|her|them|us)\s+$"


def _mark_names(text: str, who: Who, mark: str) -> str:
    """Each name of `who` as a stand-in, except a name given ("calls me Gran Mo" keeps it)."""
    for name in sorted({n for n in who.names if n and n.strip()}, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w'’]){re.escape(name)}(?![\w])")
        text = pattern.sub(lambda m: m.group(0) if re.search(_NAMING, m.string[: m.start()]) else mark, text)
    return text


def _words(tokens: list[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if re.match(r"\w", t)]


def read(
    text: str,
    *,
    recipient: Who,
    signer: Who | None,
    written: dt.date,
    today: dt.date | None = None,
    about: str | None = None,
    couple: bool = False,
    voiced: bool = False,
    when: Moment | None = None,
    hard_news: bool = False,
) -> Reading:
    """Read `text` (a note about the recipient) for a letter from `signer`.

    `couple`: the note belongs to the signer's relationship, so "they" may mean the two of them.
    `voiced`: the text is already in the letter's voice ("you taught me to swim"), typed by the writer.
    `when`: the writer's own date for it, said in place of the time the text names ("last spring").
    `hard_news`: the note is a sorrow, so a bare event ("miscarriage last spring", "dad's stroke in
    May") is a thing that happened, said as "the miscarriage last spring", "your dad's stroke in May".
    """
    try:
        return _read(text, recipient, signer, written, today, about, couple, voiced, when, hard_news)
    except _Unclear as unclear:
        return Reading(about or "recipient", None, None, None, str(unclear))


def _read(
    text: str,
    recipient: Who,
    signer: Who | None,
    written: dt.date,
    today: dt.date | None,
    about: str | None,
    couple: bool,
    voiced: bool,
    when: Moment | None = None,
    hard_news: bool = False,
) -> Reading:
    clean = " ".join(str(text or "").split()).strip()
    clean = re.sub(r"\s+([,.;:!?])", r"\1", clean).rstrip(" .;:,!")
    if not clean:
        raise _Unclear(R.EMPTY)
    if clean.endswith("?"):
        raise _Unclear(R.QUESTION)
    if re.search(r"[.!?;]\s+\S", clean):
        raise _Unclear(R.SENTENCES)
    clean = W.proper_case(clean)  # "i still owe her a tenner", "every tuesday": as a letter writes them
    if clean.lower().startswith("how ") and len(clean.split()) > 2:
        clean = clean[4:]  # "how you taught me to swim": the clause inside the phrase
    clean = shapes.when_then(clean) or clean
    group = shapes.group_subject(clean)
    if group:
        clean = group[0]
    found = find(clean, written, sorrow=hard_news)
    moment = None
    if found:
        moment, match = found
        moment = when or moment
        clean = clean[: match.start()] + _T + clean[match.end() :]
    signer = signer or Who(())
    shared = {n for n in recipient.names if n} & {n for n in signer.names if n}
    for name in shared:
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", clean):
            raise _Unclear(R.reason(R.SAME_NAME, name=name))
    marked = _mark_names(_mark_names(clean, signer, _S), recipient, _R)
    tokens = re.findall(_TOKEN, marked)
    coming = moment is not None and ahead(moment, today or written)
    clause, kind, subject = _rewrite(tokens, recipient, signer, about, couple, voiced, hard_news, coming)
    clause = _pairs(clause)
    clause = clause.replace(_T, say(moment, today) if moment else "")
    if moment and moment.forward and not coming and kind == "clause":
        clause = N.in_the_past(clause)  # "chemo starts monday", read after that Monday: "started"
    clause = W.proper_case(" ".join(clause.split()))
    clause = W.kin_as_names(clause)
    if group and kind != "phrase":
        clause = shapes.restore_group(clause, group[1].lower())
    if _R in clause or _S in clause:
        raise _Unclear(R.NAME_UNPLACED)
    mentions = subject_of(clause)
    who = about or mentions
    if kind == "phrase":
        return Reading(who, None, clause, moment, ahead=coming)
    return Reading(who, clause, f"how {clause}", moment, ahead=coming)


def _pairs(clause: str) -> str:
    """ "Ravi and Mei met at university" in Ravi's letter: "we met", and "with you and me": "with us"."""

    def said(match: re.Match[str]) -> str:
        after = next((w for w in clause[match.end() :].split() if w.lower() not in W.ADVERBS), "")
        return "we" if W.is_verb(after) else "us"

    return re.sub(r"(?i)\b(?:(?:I|me) and you|you and (?:I|me))\b", said, clause)


def _met_each_other(tokens: list[str], index: list[int], start: int) -> bool:
    """ "met at the county fair": a meeting with no one met, so two people met each other."""
    if tokens[index[start]].lower() not in {"met", "meet"}:
        return False
    after = tokens[index[start + 1]].lower() if start + 1 < len(index) else ""
    return not after or after in W.PREPOSITIONS or after == _T.lower()


def _them_as_object(tokens: list[str], index: list[int], forms: tuple[str, ...] | None) -> bool:
    """ "taught her to swim": the one the note is about is done to, so someone else did it."""
    if not forms:
        return False
    for position, i in enumerate(index):
        if tokens[i].lower() != forms[1]:
            continue
        nxt = tokens[index[position + 1]].lower() if position + 1 < len(index) else ""
        if forms[1] != forms[2] or not nxt or nxt in W.AFTER_OBJECT or nxt in W.BASE_VERBS:
            return True
    return False


def subject_of(clause: str) -> str:
    """Who a phrased note is about: both of them, the one addressed, the one writing, or someone else."""
    lower = set(re.findall(r"[\w']+", clause.lower()))
    mine = bool(lower & {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd"})
    yours = bool(lower & {"you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"})
    ours = bool(lower & {"we", "us", "our", "ours", "ourselves", "we're", "we've"})
    if ours or (mine and yours):
        return "both"
    if yours:
        return "recipient"
    if mine:
        return "signer"
    return "other"


def _rewrite(
    tokens: list[str],
    recipient: Who,
    signer: Who,
    about: str | None,
    couple: bool,
    voiced: bool,
    hard_news: bool = False,
    coming: bool = False,
) -> tuple[str, str, str | None]:
    """(the text in the letter's voice, "clause" or "phrase", the grammatical subject)."""
    index = _words(tokens)
    if not index:
        raise _Unclear(R.NO_WORDS)
    lowers = [tokens[i].lower() for i in index]
    forms = recipient.forms()
    signer_forms = signer.forms()
    mapped: dict[str, str] = {}
    if voiced:
        pass  # "you" is the recipient and "I" the signer already
    elif forms:
        if signer_forms and set(forms) & set(signer_forms) and _S in tokens:
            used = set(lowers) & set(forms)
            if used:
                raise _Unclear(R.reason(R.EITHER, word=sorted(used)[0]))
        for form, yours in zip(forms, ("you", "you", "your", "yours", "yourself"), strict=True):
            mapped.setdefault(form, yours)  # "his" is "your" before a noun; alone it becomes "yours" below
        if forms[0] != "they" and couple:
            mapped.update(they="we", them="us", their="our", theirs="ours", themselves="ourselves")
        elif forms[0] == "they" and couple and _S in tokens and set(lowers) & set(forms):
            raise _Unclear(R.THEY_EITHER)
        if signer_forms and _S in tokens and not set(forms) & set(signer_forms):
            # "Ravi claims he lets her win": with Ravi named, "he" is the one writing.
            for form, mine in zip(signer_forms, ("I", "me", "my", "mine", "myself"), strict=True):
                mapped.setdefault(form, mine)
    elif set(lowers) & _THIRD:
        if couple and set(lowers) & {"they", "them", "their"} and not set(lowers) & {"he", "she", "him", "his", "her"}:
            mapped = {"they": "we", "them": "us", "their": "our", "theirs": "ours", "themselves": "ourselves"}
        else:
            said = sorted(set(lowers) & _THIRD)[0]
            raise _Unclear(R.reason(R.NO_PRONOUNS, word=said, person=recipient.label or R.THE_PERSON))
    # Someone else of the recipient's gender named in the note makes later pronouns unclear.
    kin = _SHE_KIN if forms and forms[0] == "she" else _HE_KIN if forms and forms[0] == "he" else set()
    start = 0
    while start < len(index) - 1 and lowers[start] in W.ADVERBS and lowers[start] not in {"first", "all"}:
        start += 1
    if lowers[start] == "first" and start < len(index) - 1 and lowers[start + 1] in {"met", "meet"}:
        start += 1  # "first met on a train": "the first day" stays a phrase
    first_lower = tokens[index[start]].lower()
    # "mum's chemo starts monday", "her dad's dementia getting worse": news of someone close, a sentence.
    news = N.said(tokens, index, start, recipient.shared_kin, coming, _T) if hard_news else None
    if news:
        tokens, index = news, _words(news)
        lowers, first_lower = [tokens[i].lower() for i in index], tokens[index[0]].lower()
    if start == 0 and first_lower in BARE_KIN and kin_acts(tokens, index):
        # "wife passed in march", "dad passed in march": whose is not said, and it is theirs (or ours).
        owner = "our" if first_lower in recipient.shared_kin else "your"
        tokens = tokens[: index[0]] + [owner, " "] + tokens[index[0] :]
        index = _words(tokens)
        lowers = [tokens[i].lower() for i in index]
    first = tokens[index[start]]
    first_lower = first.lower()
    implicit: str | None = None
    kind = "clause"
    recipient_subject = {_R.lower(), "you"} | ({forms[0]} if forms and not voiced else set())
    if (first_lower in recipient_subject or first in ("I", _S)) and all(
        tokens[i] in (_R, _S) or tokens[i].lower() in {"and", "you", "me", "i"} for i in index[start + 1 :]
    ):
        raise _Unclear(R.LABEL)  # "Hannah and Priya": names, no verb
    if first_lower in recipient_subject or _is_contracted(first_lower, forms):
        pass
    elif mapped.get(first_lower) in {"we", "I"} and first_lower in {"they", "he", "she", "ze", "xe"}:
        pass  # "they have two children" about the couple, "he lets her win" by the one writing
    elif first in ("I", _S) or first_lower in {
        "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "you're", "you've", "you'd", "you'll"
    }:  # fmt: skip
        pass
    elif first_lower in _FELT and (about or "recipient") != "other":
        # "scared of the hoover", "obsessed with trains": how they are, though the word ends like a verb.
        implicit = {"signer": "I", "both": "we"}.get(about or "recipient", "you")
        tokens = tokens[: index[0]] + [{"I": "am", "we": "are"}.get(implicit, "are"), " "] + tokens[index[0] :]
        index = _words(tokens)
    elif (
        W.is_verb(first) or _unknown_verb_first(tokens, index, start) or (hard_news and first_lower in N.NEWS_VERBS)
    ) and (first_lower not in W.DETERMINERS):
        who = about or ("both" if _met_each_other(tokens, index, start) and couple else "recipient")
        if about is None and who == "recipient" and _met_each_other(tokens, index, start):
            raise _Unclear(R.WHO_MET)  # "met at university", on a page every signer shares
        if about is None and not voiced and _them_as_object(tokens, index, forms):
            if not couple:
                raise _Unclear(R.WHO_DID)  # "taught her to swim": not she herself
            # Noted on the two of them's own relationship ("taught him to ride a bike in the park"):
            # he was taught, so the other of the two taught him: "I taught you to ride a bike".
            who = "signer"
        if who == "other":
            raise _Unclear(R.WHO_DID)
        implicit = {"recipient": "you", "signer": "I", "both": "we"}[who]
    elif shapes.opens_impersonal([tokens[i] for i in index[start : start + 4]]):
        pass  # "it snowed in May the day you were born", "there was a storm the night we met"
    elif first_lower in W.DETERMINERS or (first_lower.endswith("ing") and len(first_lower) > 4):
        kind = "clause" if news or _main_verb_after(tokens, index, start) else "phrase"
    elif first_lower in _STATES:
        if (about or "recipient") == "other":
            raise _Unclear(R.WHO_ABOUT)
        implicit = {"signer": "I", "both": "we"}.get(about or "recipient", "you")
        # "always late": the verb goes before the adverbs ("you are always late", not "you always are late").
        tokens = tokens[: index[0]] + [{"I": "am", "we": "are"}.get(implicit, "are"), " "] + tokens[index[0] :]
        index = _words(tokens)
    elif first[:1].isupper() and _main_verb_after(tokens, index, start, proper=True):
        kind = "clause"
    elif first[:1].isupper() and not _main_verb_after(tokens, index, start):
        kind = "phrase"
    elif hard_news and start == 0 and (lead := hard_event(tokens, index, recipient.shared_kin, (_R, _S, _T))):
        # "miscarriage last spring", "dad's stroke in May": no verb, and a sorrow, so a thing that
        # happened ("the miscarriage last spring", "your dad's stroke in May"), said gently.
        kind = "phrase"
        tokens = tokens[: index[0]] + [lead, " "] + tokens[index[0] :]
        index = _words(tokens)
    elif hard_news:
        raise _Unclear(R.SORROW_UNNAMED)
    else:
        raise _Unclear(R.LABEL)
    out: list[str] = []
    agree_for: str | None = implicit
    words_seen = 0
    seen_kin = False
    for position, token in enumerate(tokens):
        if not re.match(r"\w", token):
            out.append(token)
            continue
        lower = token.lower()
        if words_seen == 0 and implicit:
            out.append(implicit + " ")
            if lower in W.ADVERBS:
                out.append(token[:1].lower() + token[1:])
                words_seen += 1
                continue
        prev = next((t for t in reversed(tokens[:position]) if re.match(r"\w", t)), "")
        nxt = next((t for t in tokens[position + 1 :] if re.match(r"\w", t)), "")
        following = _next_content(tokens, position)
        replaced: str | None = None
        if lower in kin:
            seen_kin = True
        if token in (_R, _S):
            as_subject = _subject_slot(prev, following)
            if token == _R:
                replaced = "you"
            else:
                replaced = "I" if as_subject else "me"
            if as_subject:
                agree_for = replaced
                out.append(replaced)
                words_seen += 1
                continue
        elif re.fullmatch(rf"({_R}|{_S})['’]s", token):
            owner = "your" if token.startswith(_R) else "my"
            if nxt.lower() in _CONTRACTION_NEXT or nxt.lower().endswith("ing"):
                replaced = "you're" if owner == "your" else "I'm"
            else:
                replaced = owner
        elif token == "I":
            replaced = "me" if prev and (prev.lower() in W.PREPOSITIONS or W.is_verb(prev)) else "I"
            if replaced == "I":
                agree_for = None
        elif implicit == "you" and lower in {"you", "your", "yours", "yourself"}:
            replaced = {"you": "me", "your": "my", "yours": "mine", "yourself": "myself"}[lower]
        elif _is_contracted(lower, forms) and not voiced:
            if seen_kin:
                raise _Unclear(R.reason(R.SOMEONE_ELSE, word=token))
            replaced = "you" + re.sub(r"^\w+", "", lower).replace("'s", "'re").replace("’s", "’re")
        elif lower in mapped:
            if seen_kin and mapped[lower] in {"you", "your", "yours", "yourself"}:
                raise _Unclear(R.reason(R.SOMEONE_ELSE, word=token))
            replaced = mapped[lower]
            if forms and lower == forms[1] == forms[2]:  # "her": object or owner
                as_object = not nxt or nxt.lower() in W.AFTER_OBJECT or nxt.lower() in W.BASE_VERBS or nxt == _T
                replaced = "you" if as_object else "your"
            elif forms and lower == forms[2] == forms[3] and not nxt:  # "his" at the end: "it is his"
                replaced = "yours"
            elif signer_forms and lower == signer_forms[1] == signer_forms[2] and replaced in {"me", "my"}:
                # "Hannah lost her job", in Hannah's letter: "I lost my job", not "I lost me job".
                as_object = not nxt or nxt.lower() in W.AFTER_OBJECT or nxt.lower() in W.BASE_VERBS or nxt == _T
                replaced = "me" if as_object else "my"
            if forms and lower == forms[0] and replaced == "you":
                agree_for = "you"
                out.append(_cased("you", token, words_seen))
                words_seen += 1
                continue
            if replaced in {"we"} or (signer_forms and lower == signer_forms[0] and replaced == "I"):
                agree_for = replaced
        elif agree_for is not None:
            if lower in W.ADVERBS:
                out.append(token)
                words_seen += 1
                continue
            if W.is_verb(token) or W.looks_third_person(token):
                replaced = W.agree(token, agree_for)
            agree_for = None
        elif lower == "you" and not voiced and words_seen == 0:
            agree_for = "you"
        if words_seen == 0 and implicit:
            word = replaced if replaced is not None else token
            replaced = W.agree(word, implicit) if W.is_verb(word) else word
            replaced = replaced[:1].lower() + replaced[1:] if replaced[:1].isupper() and replaced != "I" else replaced
            agree_for = None
        out.append(_cased(replaced, token, words_seen) if replaced is not None else token)
        words_seen += 1
    result = "".join(out).strip()
    if kind == "phrase" or implicit is None:
        result = _lower_first(result)
    return result, kind, implicit


# After a verb no list knows ("whistles when he thinks", "hums the same tune"), words that a plural
# noun ("sunsets at the beach", "walks by the river") is not followed by.
_AFTER_A_VERB = (
    {"when", "while", "whenever", "too", "constantly", "loudly", "if", "because"}
    | (W.DETERMINERS - {"one", "two", "three", "no", "any", "many", "several", "some", "every", "each", "that"})
    | {"me", "us", "him", "them"}
)


_FELT = frozenset(
    "scared terrified obsessed tired bored worried excited thrilled delighted interested hooked spoiled spoilt "
    "frightened petrified fascinated".split()
)


def _unknown_verb_first(tokens: list[str], index: list[int], start: int) -> bool:
    """ "whistles when he thinks", "drew me a picture": a lower-case word only a verb would be followed so by."""
    word = tokens[index[start]]
    if not word[:1].islower() or start + 1 >= len(index):
        return False
    following = tokens[index[start + 1]].lower()
    if following in {"me", "us"} and word.lower() not in W.PREPOSITIONS | W.DETERMINERS | W.ADVERBS | W.CONJUNCTIONS:
        return True  # "drew me a picture", "sent us a postcard": no noun is followed by "me"
    return W.looks_third_person(word) and following in _AFTER_A_VERB


def _is_contracted(word: str, forms: tuple[str, ...] | None) -> bool:
    if not forms:
        return False
    return bool(re.fullmatch(rf"{re.escape(forms[0])}['’](s|d|ll|re|ve)", word))


def _next_content(tokens: list[str], position: int) -> str:
    for token in tokens[position + 1 :]:
        if re.match(r"\w", token) and token.lower() not in W.ADVERBS:
            return token
    return ""


def _subject_slot(previous: str, following: str) -> bool:
    """A name is the subject when a verb follows and no verb or preposition comes before it."""
    if previous and (previous.lower() in W.PREPOSITIONS or W.is_verb(previous)):
        return False
    return bool(following) and W.is_verb(following)


def _main_verb_after(tokens: list[str], index: list[int], start: int, *, proper: bool = False) -> bool:
    """True when a noun phrase at `start` is followed by its own verb ("her dog died"), not a relative clause."""
    subjects = {"i", "we", "you", "he", "she", "they", "it", "there", _R.lower(), _S.lower(), "who", "which", "that"}
    previous = tokens[index[start]]
    rest = index[start + 1 :]
    if proper and len(rest) >= 2 and tokens[rest[0]].lower() == "and":
        joined = tokens[rest[1]]
        if joined in (_R, _S) or joined.lower() in {"i", "you", "me"} or joined[:1].isupper():
            previous, rest = joined, rest[2:]  # "Frank and June hosted": a subject of two names
    for i in rest:
        word = tokens[i]
        lower = word.lower()
        if lower in subjects or lower in W.CONJUNCTIONS - {"that"} or lower in W.DETERMINERS - {"that"}:
            return False  # "the night the power went out": the verb belongs to a relative clause
        if (
            not proper
            and word[:1].isupper()
            and previous[:1].islower()
            and previous.lower() not in W.DETERMINERS | NAMED_BY
        ):
            return False  # "the summer Frank taught you to sail": a name after a time or thing starts a relative clause
        if lower in W.PREPOSITIONS and not proper:
            return False
        if W.is_verb(word, previous):
            return True
        previous = word
    return False


def _cased(replacement: str, original: str, position: int) -> str:
    if replacement == "I" or replacement.startswith("I'"):
        return replacement
    if position == 0 and original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    common = first.lower() in W.DETERMINERS | {"we", "you", "dancing"} or (
        first.lower().endswith("ing") and first[1:].islower()
    )
    if common or (first[1:].islower() and first.lower() in W.BASE_VERBS | W.ADVERBS):
        return text[:1].lower() + text[1:]
    return text
