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

# Which language a note is in, and a note set after a colon: notesense's, offered here as before.
from beautifulletters.notesense.languages import as_written as as_written
from beautifulletters.notesense.languages import written_in as written_in

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
    "verlobter", "amante",
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
FRIEND_WORDS = {
    "ami", "amie", "copain", "copine", "amigo", "amiga", "bekannte", "kumpel", "freund", "freundin", "freunde",
}  # fmt: skip
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
# German "Freund"/"Freundin", like French "ami"/"copine", may mean a boyfriend or girlfriend, but typed
# as what someone is to the writer it is nearly always a friend: romance is said by a word beside it
# ("feste Freundin", "petite amie"), read in kinship.ROMANCE. "novia"/"novio" are romance alone.


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


def notes_in(notes: Any, language: str) -> list[Any]:
    """The notes (template note items) typed in the letter's language, in their order."""
    return [note for note in notes or [] if isinstance(note, dict) and written_in(note.get("text"), language)]
