"""Letters in the recipient's language: which languages have built-in templates, kinship words,
grammatical gender from pronouns, and numbers and dates in words (num2words, Babel).

English templates live at the top of `templates/`; a language's own versions live in
`templates/<code>/` under the same names, written natively (not translated), and import that
folder's `_letter.j2` for salutations and closings. A template with no version in the letter's
language is drafted in English, with a warning that says so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from babel.dates import format_date

from beautifulletters.humandates import letter_locale

# Languages with built-in templates of their own (besides English).
LETTER_LANGUAGES = {"fr": "French", "es": "Spanish", "de": "German"}

# Kinship and closeness words in each language (lower case), beside the English ones in context.py.
PARTNER_WORDS = {
    # French
    "femme", "mari", "épouse", "époux", "conjoint", "conjointe", "compagnon", "compagne", "fiancé", "fiancée",
    "amoureux", "amoureuse", "chéri", "chérie",
    # Spanish
    "esposa", "esposo", "marido", "mujer", "pareja", "novia", "novio", "prometida", "prometido",
    # German
    "ehefrau", "ehemann", "frau", "mann", "partnerin", "lebensgefährtin", "lebensgefährte", "verlobte",
    "verlobter", "freundin", "freund",
}  # fmt: skip
FAMILY_WORDS = {
    # French
    "mère", "père", "maman", "papa", "fils", "fille", "sœur", "soeur", "frère", "grand-mère", "grand-père",
    "mamie", "papi", "papy", "petit-fils", "petite-fille", "tante", "oncle", "cousin", "cousine", "neveu",
    "nièce", "famille", "parrain", "marraine", "filleul", "filleule", "belle-mère", "beau-père",
    # Spanish
    "madre", "padre", "mamá", "papá", "hijo", "hija", "hermana", "hermano", "abuela", "abuelo", "nieto",
    "nieta", "tía", "tío", "prima", "primo", "sobrino", "sobrina", "familia", "suegra", "suegro",
    "madrina", "padrino", "cuñada", "cuñado",
    # German
    "mutter", "vater", "mama", "sohn", "tochter", "schwester", "bruder", "großmutter", "großvater", "oma",
    "opa", "enkel", "enkelin", "onkel", "neffe", "nichte", "familie", "schwiegermutter",
    "schwiegervater", "patentante", "patenonkel", "schwägerin", "schwager",
}  # fmt: skip
FRIEND_WORDS = {"ami", "amie", "copain", "copine", "amigo", "amiga", "bekannte", "kumpel"}
WORK_WORDS = {
    # French
    "collègue", "patron", "patronne", "chef", "cheffe", "professeur", "professeure", "prof", "institutrice",
    "instituteur", "maîtresse", "infirmière", "infirmier", "médecin", "voisin", "voisine", "client", "cliente",
    # Spanish
    "colega", "jefe", "jefa", "profesor", "profesora", "maestro", "maestra",
    "enfermero", "enfermera", "médico", "médica", "vecino", "vecina", "clienta",
    # German
    "kollege", "kollegin", "chefin", "lehrer", "lehrerin", "pfleger", "pflegerin", "krankenschwester",
    "ärztin", "arzt", "nachbar", "nachbarin", "kunde", "kundin", "mentor", "mentorin",
}  # fmt: skip
# German "Freund"/"Freundin" also mean boyfriend/girlfriend; among kinship words they count as partner.


def base_language(language: str | None) -> str:
    """'fr-CA' -> 'fr'; nothing -> 'en'."""
    match = re.match(r"^([A-Za-z]{2,3})", (language or "").strip())
    return match.group(1).lower() if match else "en"


def gender(pronoun_set: str | None) -> str:
    """'f', 'm' or 'n' (neutral: they/them, custom or unknown) for agreement in gendered languages."""
    first = (pronoun_set or "").split("/")[0].strip().lower()
    return {"she": "f", "he": "m"}.get(first, "n")


def number_in_words(number: int, language: str) -> str:
    from num2words import num2words

    try:
        return str(num2words(int(number), lang=base_language(language)))
    except (NotImplementedError, OverflowError, ValueError):
        return str(number)


def ordinal_in_words(number: int, language: str) -> str:
    from num2words import num2words

    try:
        words = str(num2words(int(number), lang=base_language(language), to="ordinal"))
    except (NotImplementedError, OverflowError, ValueError):
        return str(number)
    # num2words keeps the plural s of "quatre-vingts" before the ordinal ending: "quatre-vingtsième".
    return words.replace("vingtsième", "vingtième") if base_language(language) == "fr" else words


# "one year" in each language: the noun agrees, and Spanish and German shorten "one" before it
# ("veintiún años", "ein Jahr"); German dative after "seit", "vor", "nach" ("seit zwanzig Jahren").
_YEAR_NOUNS = {"fr": ("an", "ans"), "es": ("año", "años"), "de": ("Jahr", "Jahre")}


def years_in_words(number: int, language: str, case: str = "") -> str:
    """'vingt et un ans', 'veintiún años', 'einundzwanzig Jahre' ('seit einem Jahr' with case='dative')."""
    code = base_language(language)
    count = int(number)
    singular, plural = _YEAR_NOUNS.get(code, ("year", "years"))
    words = number_in_words(count, code)
    if code == "es":
        # "uno" drops its vowel before a masculine noun: "un año", "treinta y un años", "veintiún años".
        words = re.sub(r"veintiuno$", "veintiún", words)
        words = re.sub(r"\buno$", "un", words)
    if code == "de":
        dative = case == "dative"
        if count == 1:
            return "einem Jahr" if dative else "ein Jahr"
        return f"{words} {plural}n" if dative else f"{words} {plural}"
    return f"{words} {singular if count == 1 else plural}"


def date_in_words(value: str | dt.date | None, language: str, *, with_year: bool = True) -> str:
    """'23 décembre 1976', '23. Dezember', '23 de diciembre de 1976' in the letter's language."""
    if not value:
        return ""
    if isinstance(value, str):
        text = value
        if text.startswith("--"):
            value, with_year = dt.date(2000, int(text[2:4]), int(text[5:7])), False
        else:
            try:
                value = dt.date.fromisoformat(text[:10])
            except ValueError:
                return text
    where = letter_locale(language)
    if with_year:
        text = format_date(value, "long", locale=where)
    else:
        from babel.dates import format_skeleton

        text = format_skeleton("MMMMd", value, locale=where)
    if base_language(language) == "fr" and value.day == 1:
        text = re.sub(r"^1(?=\s)", "1er", text)  # French writes the first of the month as an ordinal: "1er juin"
    return text


def weekday_in(value: str | dt.date | None, language: str) -> str:
    """'mercredi', 'miércoles', 'Mittwoch': the day of the week of a date, in the letter's language."""
    if not value:
        return ""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return ""
    return str(format_date(day, "EEEE", locale=letter_locale(language)))


# Words that give a short note's language away: the small, frequent words of each language and
# the letters only it uses. English among them, so a note typed in English is recognised as such.
_FUNCTION_WORDS = {
    "en": {
        "the", "and", "you", "your", "with", "we", "was", "were", "my", "our", "is", "for", "that", "when",
        "me", "i", "it", "an", "his", "her", "she", "he", "they", "always", "loves", "from", "every", "to",
        "of", "at", "on", "who", "how", "first", "us",
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
    code = base_language(language)
    if not text or code not in _FUNCTION_WORDS:
        return False
    lower = str(text).lower()
    words = re.findall(r"[^\W\d_]+", lower)
    scores = {}
    for other, vocabulary in _FUNCTION_WORDS.items():
        scores[other] = sum(1 for word in words if word in vocabulary)
        scores[other] += 2 * sum(1 for char in lower if char in _OWN_LETTERS.get(other, ""))
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
    code = base_language(language)
    if first in _LOWER_AFTER_COLON.get(code, set()):
        return cleaned[:1].lower() + cleaned[1:]
    # A Spanish note often starts with its verb ("Pintamos el porche", "Me enseñaste a nadar"):
    # the endings of "we" and "you" in the past say it is not a name.
    if code == "es" and re.search(r"(amos|emos|imos|aste|iste|ábamos|íamos)$", first):
        return cleaned[:1].lower() + cleaned[1:]
    return cleaned


def notes_in(notes: Any, language: str) -> list[Any]:
    """The notes (template note items) typed in the letter's language, in their order."""
    return [note for note in notes or [] if isinstance(note, dict) and written_in(note.get("text"), language)]
