"""Word lists and verb forms the note reader needs: small, explicit and easy to extend."""

from __future__ import annotations

import re

ADVERBS = {
    "still",
    "always",
    "never",
    "often",
    "sometimes",
    "really",
    "just",
    "also",
    "usually",
    "secretly",
    "truly",
    "even",
    "only",
    "rarely",
    "constantly",
    "proudly",
    "once",
    "already",
    "finally",
    "actually",
    "totally",
    "absolutely",
    "literally",
    "basically",
    "somehow",
    "apparently",
    "sort",
    "kind",
    "first",
    "all",
}
MODALS = {
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "will",
    "won't",
    "would",
    "wouldn't",
    "should",
    "shouldn't",
    "might",
    "must",
    "used",
}
# Verbs whose third-person form (or past) is not made by rule.
IRREGULAR_PAST = {
    "took",
    "gave",
    "made",
    "taught",
    "told",
    "met",
    "went",
    "came",
    "saw",
    "got",
    "bought",
    "brought",
    "caught",
    "drove",
    "flew",
    "found",
    "forgot",
    "held",
    "kept",
    "knew",
    "left",
    "lost",
    "paid",
    "ran",
    "read",
    "said",
    "sang",
    "sat",
    "sent",
    "slept",
    "spent",
    "stood",
    "swam",
    "thought",
    "threw",
    "wore",
    "won",
    "wrote",
    "built",
    "broke",
    "chose",
    "did",
    "drank",
    "ate",
    "fell",
    "felt",
    "fought",
    "grew",
    "heard",
    "hid",
    "hit",
    "let",
    "put",
    "rode",
    "sold",
    "shot",
    "spoke",
    "stole",
    "struck",
    "understood",
    "woke",
    "was",
    "were",
    "had",
    "began",
    "became",
    "burnt",
    "dug",
    "fed",
    "led",
    "lit",
    "meant",
    "shook",
    "sank",
    "tore",
    "drew",
    "blew",
    "bit",
    "fled",
    "forgave",
    "froze",
    "hung",
    "lent",
    "rang",
    "rose",
    "shut",
    "spun",
    "stuck",
    "swore",
    "swept",
    "swung",
    "wept",
    "bent",
    "dealt",
    "dreamt",
    "knelt",
    "leapt",
    "sought",
    "spread",
}
PRESENT_IRREGULAR = {"is": "are", "has": "have", "does": "do", "goes": "go", "isn't": "aren't", "doesn't": "don't"}
FIRST_PERSON = {"is": "am", "isn't": "am not", "are": "am", "were": "was", "weren't": "wasn't"}
SECOND_PERSON = {"was": "were", "wasn't": "weren't", "am": "are"}
BASE_VERBS = {
    "love",
    "like",
    "hate",
    "adore",
    "enjoy",
    "prefer",
    "want",
    "need",
    "know",
    "live",
    "work",
    "play",
    "sing",
    "drink",
    "eat",
    "read",
    "collect",
    "grow",
    "keep",
    "make",
    "take",
    "call",
    "bake",
    "cook",
    "run",
    "walk",
    "swim",
    "paint",
    "write",
    "knit",
    "hum",
    "laugh",
    "cry",
    "dance",
    "tell",
    "give",
    "have",
    "get",
    "go",
    "come",
    "do",
    "say",
    "think",
    "believe",
    "miss",
    "worry",
    "remember",
    "forget",
    "fix",
    "drive",
    "teach",
    "help",
    "listen",
    "watch",
    "visit",
    "send",
    "bring",
    "buy",
    "wear",
    "sleep",
    "snore",
    "burn",
    "win",
    "lose",
    "claim",
    "swear",
    "insist",
    "pretend",
    "refuse",
    "cheat",
    "beat",
}
DETERMINERS = {
    "the",
    "a",
    "an",
    "our",
    "my",
    "your",
    "his",
    "her",
    "their",
    "its",
    "that",
    "those",
    "this",
    "these",
    "every",
    "each",
    "some",
    "one",
    "two",
    "three",
    "no",
    "any",
    "many",
    "several",
}
PREPOSITIONS = {
    "to",
    "for",
    "with",
    "at",
    "about",
    "from",
    "by",
    "of",
    "without",
    "beside",
    "like",
    "than",
    "on",
    "in",
    "near",
    "behind",
    "after",
    "before",
    "into",
    "onto",
    "over",
    "under",
    "through",
    "around",
    "across",
    "towards",
    "toward",
    "past",
}
CONJUNCTIONS = {
    "and",
    "or",
    "but",
    "so",
    "that",
    "when",
    "while",
    "how",
    "what",
    "where",
    "because",
    "if",
    "as",
    "since",
    "until",
    "though",
    "although",
    "once",
    "whenever",
    "after",
    "before",
    "why",
}
# After "her", these words show she is the object ("let her win", "with her"), not the owner.
AFTER_OBJECT = {
    "a",
    "an",
    "the",
    "to",
    "at",
    "in",
    "on",
    "with",
    "and",
    "or",
    "for",
    "from",
    "about",
    "by",
    "when",
    "while",
    "that",
    "so",
    "but",
    "again",
    "too",
    "once",
    "every",
    "all",
    "his",
    "her",
    "my",
    "your",
    "our",
    "their",
    "some",
    "back",
    "up",
    "out",
    "off",
    "down",
    "home",
    "here",
    "there",
    "last",
    "this",
    "yesterday",
}


# Words for a time that make a plural after them a noun ("evening walks", "Sunday drives").
_WHEN_NOUNS = frozenset(
    "morning mornings evening evenings night nights afternoon afternoons weekend weekends summer winter "
    "spring autumn holiday holidays daily weekly sunday monday tuesday wednesday thursday friday "
    "saturday".split()
)


_OWNERS_AND_ARTICLES = frozenset("the a an our my your his their its this these those every each".split())


def is_verb(word: str, previous: str = "") -> bool:
    """A finite verb ("burns", "took", "loved", "can't") as it would follow a subject."""
    lower = word.lower()
    if lower in BASE_VERBS and previous.lower() in _OWNERS_AND_ARTICLES:
        return False  # "our walk round the lakes", "a swim", "the drive home": a thing, not the verb
    if lower in MODALS or lower in IRREGULAR_PAST or lower in PRESENT_IRREGULAR or lower in BASE_VERBS:
        return True
    if lower in {"am", "are", "were", "have", "do", "don't", "didn't", "wasn't", "weren't", "hasn't", "hadn't"}:
        return True
    if previous.lower() in DETERMINERS | PREPOSITIONS:
        return False  # "a borrowed car", "with burnt toast": an adjective, not the verb
    if previous.lower() in _WHEN_NOUNS and lower.endswith("s"):
        return False  # "the evening walks", "our Sunday drives": things done then, not a verb
    if len(lower) > 3 and lower.endswith("ed") and not lower.endswith("eed"):
        return True
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s")):
        stem = third_person_to_base(lower)
        return stem in BASE_VERBS or stem.endswith(("ate", "ize", "ise", "ify"))
    return False


def looks_third_person(word: str) -> bool:
    """ "lets", "bakes": a present verb right after its subject, even one no list knows."""
    lower = word.lower()
    return len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))


def third_person_to_base(verb: str) -> str:
    """ "burns" -> "burn", "watches" -> "watch", "carries" -> "carry", "is" -> "are"."""
    lower = verb.lower()
    if lower in PRESENT_IRREGULAR:
        result = PRESENT_IRREGULAR[lower]
    elif len(lower) > 3 and lower.endswith("ies") and lower[-4] not in "aeiou":
        result = verb[:-3] + "y"
    elif re.search(r"(ch|sh|ss|x|z|o)es$", lower):
        result = verb[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 2:
        result = verb[:-1]
    else:
        result = verb
    return result if verb[:1].islower() else result[:1].upper() + result[1:]


def agree(verb: str, subject: str) -> str:
    """A verb written for he/she (or in the past) made to agree with "I", "you" or "we"."""
    lower = verb.lower()
    if subject == "I":
        if lower in FIRST_PERSON:
            return FIRST_PERSON[lower]
        return (
            verb if lower in IRREGULAR_PAST or lower in MODALS or lower.endswith("ed") else third_person_to_base(verb)
        )
    if lower in SECOND_PERSON:
        return SECOND_PERSON[lower]
    if lower in IRREGULAR_PAST or lower in MODALS or lower.endswith("ed"):
        return verb
    return third_person_to_base(verb)


# Names typed in lower case in a hurry ("got engaged in june", "every tuesday", "hosted every christmas")
# that a letter always capitalises. "may" and "march" are words too: only after a word of time.
_ALWAYS_CAPITAL = (
    "january february april june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday christmas easter hanukkah diwali ramadan eid"
).split()
_TIME_BEFORE = r"(?:in|last|this|next|since|until|of|early|late|mid|every|each|by|from|before|after)"


def proper_case(text: str) -> str:
    """Months, weekdays and holidays with their capital; a lone "i" as "I"."""
    said = re.sub(r"\b(" + "|".join(_ALWAYS_CAPITAL) + r")(s?)\b", lambda m: m.group(1).capitalize() + m.group(2), text)
    said = re.sub(rf"\b({_TIME_BEFORE}) (may|march)\b", lambda m: f"{m.group(1)} {m.group(2).capitalize()}", said)
    said = re.sub(r"\b(may|march) (?=\d)", lambda m: m.group(1).capitalize() + " ", said)
    return re.sub(r"(?<![\w'’])i(?=(?:['’](?:m|ve|d|ll))?(?![\w'’]))", "I", said)


_OWNERS = {"my", "your", "our", "his", "her", "their", "the", "a", "whose", "old", "dear", "poor", "late"}


def kin_as_names(text: str) -> str:
    """ "when mum was in hospital": a "mum" or "dad" no one owns is a name, and takes its capital."""

    def named(match: re.Match[str]) -> str:
        before = text[: match.start()].rstrip()
        owner = re.search(r"([\w'’]+)$", before)
        owned = owner is not None and (owner.group(1).lower() in _OWNERS or owner.group(1).endswith(("'s", "’s")))
        return match.group(1) if owned else match.group(1).capitalize()

    return re.sub(r"(?<![\w'’])(mum|mom|dad|grandma|grandpa|granny|nan|nana)(?![\w'’])", named, text)
