"""Notes in French, Spanish and German: how one reads in a letter in its own language (which
language a note is written in: `written_in`).

A letter in one language never carries a note in another: an English note in the middle of a
French letter is a sentence no one would write, and a French note in an English frame is no
better. A note in the letter's own language is said as it was written, after a colon ("Je
repense souvent à ceci : le soir où nous avons raté le dernier ferry."), which suits a noun
phrase and a clause alike without rewriting its grammar; a note that speaks of the recipient or
the signer in the third person ("il adore les roses jaunes", by name, or with no subject) is said
to them ("tu adores les roses jaunes", notesense.second_person), or left out with a sentence that says
how to write it when it cannot be said with confidence.
"""

from __future__ import annotations

import re

NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German"}


# Words a note typed in lower case may open with: a pronoun, an article, a preposition, an adverb.
# French and German nouns take an article, so any other first word in lower case is a verb with no
# subject ("adore les macarons", "hasst Koriander"): the recipient's, said to them (notesense.second_person).
_OPENS = {
    "fr": frozenset(
        "je j tu t nous on vous moi toi le la les l un une des du de d ce cet cette ces c mon ma mes ton ta "
        "tes notre nos votre vos quand lorsque chaque tous toutes tout toujours souvent jamais encore déjà "
        "hier ensemble en à au aux dans après avant pendant depuis avec sans pour par sur sous chez entre "
        "vers qu m s n y ne même".split()
    ),
    "de": frozenset(
        "ich du wir ihr es man der die das den dem des ein eine einen einem einer mein meine meinen meinem "
        "meiner dein deine deinen deinem deiner unser unsere unseren unserem unserer euer eure als wie wenn "
        "im am in an auf bei beim mit nach seit von vom vor zu zum zur aus über unter durch für gegen ohne "
        "um immer jedes jeden jede jeder letzten letztes letzte letzter diesen dieser dieses diese damals "
        "nie noch schon gemeinsam zusammen oft manchmal dass weil bis".split()
    ),
    "es": frozenset(
        "yo tú nosotros nosotras vosotros el la los las un una unos unas mi mis tu tus nuestro nuestra "
        "nuestros nuestras cuando siempre cada todos todas todo en a al de del aquel aquella aquellos "
        "aquellas ese esa este esta nos me te se nunca aquí usted juntos juntas ayer con sin para por "
        "desde durante tras".split()
    ),
}
_KIN = {
    "fr": r"(?:père|mère|mari|femme|frère|sœur|fils|fille|chien|chat|travail|emploi|bébé|enfant|grand-\w+)",
    "es": r"(?:padre|madre|marido|mujer|esposa|esposo|hermano|hermana|hijo|hija|perro|gato|trabajo|empleo|bebé)",
    "de": r"(?:vater|mutter|mann|frau|bruder|schwester|sohn|tochter|hund|katze|job|arbeit|stelle|baby|kind)",
}
_SAD = {
    "fr": r"\b(?:mort|morte|morts|décéd|décès|deuil|enterr|funérailles|obsèques|cancer|malad|hôpital|divorc|"
    r"licenci|chômage|perdu (?:son|sa|ses|notre|nos|mon|ma|mes|ton|ta|tes) " + _KIN["fr"] + ")",
    "es": r"\b(?:murió|muert|falleci|entierro|funeral|luto|cáncer|enferm|hospital|divorci|despedid|paro\b|"
    r"perdi\w* (?:a )?(?:su|sus|nuestro|nuestra|mi|mis|tu|tus|el|la) " + _KIN["es"] + ")",
    "de": r"\b(?:gestorben|starb|tod\b|tot\b|verstorben|beerdigung|trauer|krebs|krank|krankenhaus|scheidung|"
    r"geschieden|entlassen|arbeitslos|" + _KIN["de"] + r" verloren)",
}
_DISLIKE = {
    "fr": r"\b(?:déteste|n['’]aime pas|ne supporte pas|a horreur)",
    "es": r"\b(?:odia|no soporta|no le gusta|no aguanta)",
    "de": r"\b(?:hasst|mag keine?n?\b|mag nicht|kann .* nicht ausstehen)",
}

# How the panel shows a note said in a letter in its language: after a colon, as the letters do
# ("Je repense souvent à ceci : …"); memories are thought back on, other notes not forgotten.
_LEAD_INS = {
    "fr": ("Je repense souvent à ceci : ", "Je n'ai pas oublié ceci : "),
    "es": ("Pienso a menudo en esto: ", "No he olvidado esto: "),
    "de": ("Oft denke ich daran: ", "Ich habe nicht vergessen: "),
}


def opens_with(word: str, language: str) -> bool:
    """Whether a note may open with `word` (a pronoun, an article, a preposition…) rather than a verb."""
    return word.lower() in _OPENS.get(language, frozenset())


def language_of(text: str | None) -> str:
    """The letter language a note is typed in: 'fr', 'es' or 'de' when its words say so, else 'en'
    (a note such as "peonies" that says nothing of its language is English's)."""
    return next((code for code in _LEAD_INS if written_in(text, code)), "en")


def lead_in(tag: str | None, said: str, language: str) -> str:
    """A note said in a `language` letter, as one sentence: "Je repense souvent à ceci : tu m'as appris à nager."."""
    remembered, kept = _LEAD_INS[_code(language)]
    return (remembered if tag in ("memory", "joke") else kept) + as_written(said, language) + "."


def _code(language: str | None) -> str:
    """'fr-CA' -> 'fr'; nothing -> 'en'."""
    match = re.match(r"^([A-Za-z]{2,3})", (language or "").strip())
    return match.group(1).lower() if match else "en"


def is_sad(text: str, language: str) -> bool:
    pattern = _SAD.get(language)
    return bool(pattern and re.search(pattern, text.lower()))


def is_dislike(text: str, language: str) -> bool:
    pattern = _DISLIKE.get(language)
    return bool(pattern and re.search(pattern, text.lower()))


# Words that give a short note's language away: the small, frequent words of each language and
# the letters only it uses. English among them, so a note typed in English is recognised as such.
_FUNCTION_WORDS = {
    "en": {
        "the", "and", "you", "your", "with", "we", "was", "were", "my", "our", "is", "for", "that", "when",
        "me", "i", "it", "an", "his", "her", "she", "he", "they", "always", "loves", "from", "every", "to",
        "of", "at", "on", "who", "how", "first", "us",
        # Short notes are often a verb and a time ("got engaged in june", "dad passed in march"): the
        # German "in" they share must not outweigh them, so English's own verbs, times and small words count.
        "got", "had", "has", "have", "did", "does", "passed", "died", "lost", "loved", "made", "took",
        "can", "not", "but", "been", "are", "be", "this", "last", "ago", "since", "year", "years", "week",
        "month", "mum", "dad", "mom", "job", "after", "about", "into", "out", "up", "wife", "husband", "son",
        "daughter", "brother", "sister", "dog", "cat", "school", "work", "home", "house", "new", "old", "went",
        "will", "would", "could", "just", "still", "never", "very", "too", "back", "friend", "married",
        "january", "february", "march", "june", "july", "october", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer", "autumn", "fall",
        "winter", "christmas",
        # "plays bass in a band": a note about someone in English opens with their verb, so the
        # commonest of those count, or the German "in" alone outweighs them ("a" is French's "has").
        "plays", "lives", "works", "likes", "hates", "makes", "thinks", "says", "goes", "wants", "needs",
        "knows", "reads", "sings", "cooks", "bakes", "brings", "keeps", "calls", "runs", "writes", "born",
        "moved", "started", "finished", "retired", "living", "working",
    },
    "fr": {
        "le", "la", "les", "et", "tu", "te", "ton", "ta", "tes", "nous", "avec", "du", "des", "un", "une",
        "au", "aux", "est", "était", "pour", "qui", "sur", "dans", "je", "il", "elle", "on", "mon", "ma",
        "mes", "toujours", "quand", "chez", "fait", "notre", "nos", "été", "à", "où", "ces", "ce", "pas",
        "j", "m", "l", "d", "qu", "s", "c", "n", "de", "en",
    },
    "es": {
        "el", "los", "las", "y", "tú", "con", "del", "una", "es", "era", "para", "que", "por", "mi", "mis",
        "fuimos", "siempre", "cuando", "al", "se", "nos", "nuestro", "nuestra", "su", "sus", "yo", "muy",
        "donde", "cómo", "éramos", "fue", "le", "lo", "un", "en", "de", "la",
    },
    "de": {
        "der", "die", "das", "und", "du", "dich", "dir", "dein", "deine", "mit", "von", "ein", "eine", "im",
        "am", "ist", "war", "für", "dass", "auf", "ich", "wir", "mein", "meine", "immer", "als", "den", "dem",
        "zum", "zur", "beim", "hat", "uns", "unser", "unsere", "wie", "nach", "bei", "sich", "nicht", "auch",
        "er", "sie", "es", "in", "an",
    },
}  # fmt: skip
_OWN_LETTERS = {"fr": "èêëàâçùûîïôœ", "es": "ñáíóú¿¡", "de": "äöüß"}


def written_in(text: str | None, language: str) -> bool:
    """Whether a short note reads as written in `language` (so a letter in it may use it as typed).

    A note whose words give no language away ("Quiberon 1998") does not count: a letter would
    rather leave it out than drop a word of another language into its sentences.
    """
    code = _code(language)
    if not text or code not in _FUNCTION_WORDS:
        return False
    lower = str(text).lower()
    # "Priya's garden", "can't": English's possessive and "n't" (a French "s'" or "n'" opens a word).
    english_endings = len(re.findall(r"(?<=[^\W\d_])['’](?:s|t|re|ve|ll)\b", lower))
    lower = re.sub(r"(?<=[^\W\d_])['’](?:s|t|re|ve|ll)\b", "", lower)
    words = re.findall(r"[^\W\d_]+", lower)
    scores: dict[str, float] = {}
    for other, vocabulary in _FUNCTION_WORDS.items():
        scores[other] = sum(1 for word in words if word in vocabulary)
        scores[other] += 2 * sum(1 for char in lower if char in _OWN_LETTERS.get(other, ""))
    # English endings: "-ed" ("engaged", "finalised") is English's alone; "-ing" ("starting") weighs half
    # a word, since French and German borrow a few ("camping en Bretagne"): it tips a tie and no more.
    scores["en"] += 0.5 * sum(1 for word in words if len(word) > 4 and word.endswith("ing"))
    scores["en"] += sum(1 for word in words if len(word) > 4 and word.endswith("ed") and word != "usted")
    scores["en"] += english_endings
    if code == "en":
        return scores["en"] > 0 and scores["en"] >= max(scores.values())
    # French and Spanish share many small words ("la fête de Paul", "la feria de Sevilla"): a tie
    # between them counts, a tie with English does not, so an English note never slips in.
    best_other = max(score for other, score in scores.items() if other != code)
    return scores[code] > 0 and scores[code] >= best_other and scores[code] > scores["en"]


# Words that start a note in lower case after a colon (French and Spanish write "… : tu m'as appris",
# not "… : Tu m'as appris"); any other capital, a name or a place, is kept. German keeps every capital:
# a whole sentence after a colon starts with one, and its nouns always do.
_LOWER_AFTER_COLON = {
    "fr": {
        "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "le", "la", "les", "l", "un", "une",
        "des", "du", "de", "d", "ce", "cet", "cette", "ces", "c", "mon", "ma", "mes", "ton", "ta", "tes", "son",
        "sa", "ses", "notre", "nos", "votre", "vos", "quand", "chaque", "tous", "toutes", "tout", "toujours",
        "en", "à", "au", "aux", "dans", "après", "avant", "pendant", "jamais", "même", "qu",
    },
    "es": {
        "yo", "tú", "él", "ella", "nosotros", "nosotras", "ellos", "ellas", "el", "la", "los", "las", "un",
        "una", "unos", "unas", "mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra", "nuestros",
        "nuestras", "cuando", "siempre", "cada", "todos", "todas", "todo", "en", "a", "al", "de", "del",
        "aquel", "aquella", "aquellos", "aquellas", "ese", "esa", "este", "esta", "fuimos",
        "estuvimos", "hicimos", "fue", "era", "éramos", "nos", "me", "te", "se", "le", "lo", "nunca", "aquí", "usted",
    },
}  # fmt: skip


def as_written(text: str | None, language: str) -> str:
    """A note as typed, ready to follow a colon in a letter: one line, no closing punctuation, and
    in French and Spanish a lower-case first word when it is not a name."""
    cleaned = " ".join(str(text or "").split()).strip(" .!?;:,")
    first = re.split(r"[\s'’]", cleaned, maxsplit=1)[0].lower() if cleaned else ""
    code = _code(language)
    if first in _LOWER_AFTER_COLON.get(code, set()):
        return cleaned[:1].lower() + cleaned[1:]
    # A whole German sentence after a colon starts with a capital: "Oft denke ich daran: Wir sind …".
    if code == "de" and first in {"ich", "du", "wir", "er", "sie", "es", "man", "ihr"}:
        return cleaned[:1].upper() + cleaned[1:]
    # A Spanish note often starts with its verb ("Pintamos el porche", "Me enseñaste a nadar"):
    # the endings of "we" and "you" in the past say it is not a name.
    if code == "es" and re.search(r"(amos|emos|imos|aste|iste|ábamos|íamos)$", first):
        return cleaned[:1].lower() + cleaned[1:]
    return cleaned
