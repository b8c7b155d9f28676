"""Invented people writing and receiving letters in French, Spanish and German, in a real archive.

Each language has a family member or friend the signer says tu/tú/du to (with notes typed in that
language, a nickname, the years they have known each other), a colleague or teacher the letter
says vous/usted/Sie to, a friend with they/them pronouns, and a name-only stranger (sparse).
The details are what a writer would type in the New letter dialog for that language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Person:
    label: str
    id: int
    informal: bool
    gender: str  # "f", "m" or "n": how the salutation agrees
    details: dict[str, str] = field(default_factory=dict)


NOTES = {
    "fr": {
        "family": [
            ("Tu m'as appris à nager à Quiberon, l'été de mes huit ans", "memory"),
            ("On faisait une tarte aux pommes tous les dimanches", "memory"),
            ("Tu triches toujours aux petits chevaux", "joke"),
            ("Tu adores les roses anciennes", "preference"),
        ],
        "work": [("Vous avez fait un discours mémorable au pot de départ de Sylvie", "memory")],
        "friend": [
            ("On a raté le dernier train à Bordeaux et dormi dans la gare", "memory"),
            ("On est allés jusqu'à Lisbonne en voiture", "memory"),
        ],
    },
    "es": {
        "family": [
            ("Fuimos a la Feria de Sevilla en 1998 y te perdiste entre las casetas", "memory"),
            ("Pasábamos los veranos en casa de la abuela en Cádiz", "memory"),
            ("Siempre se te quema el arroz", "joke"),
            ("Te encanta el café de puchero", "preference"),
        ],
        "work": [("Usted organizó la mejor excursión de fin de curso que recuerdo", "memory")],
        "friend": [
            ("Nos perdimos en los Picos de Europa con la tienda rota", "memory"),
            ("Cantamos toda la noche en la boda de Marta", "memory"),
        ],
    },
    "de": {
        "family": [
            ("Du hast mir beim ersten Schnee gezeigt, wie man einen Schneemann baut", "memory"),
            ("Wir sind jeden Sommer mit dem Rad an den Bodensee gefahren", "memory"),
            ("Du kannst immer noch nicht einparken", "joke"),
            ("Du liebst Apfelkuchen mit Sahne", "preference"),
        ],
        "work": [("Sie haben bei der Weihnachtsfeier die beste Rede gehalten", "memory")],
        "friend": [
            ("Wir haben den letzten Bus nach Prag verpasst und am Bahnhof geschlafen", "memory"),
            ("Wir sind zusammen auf die Zugspitze gestiegen", "memory"),
        ],
    },
}

_PEOPLE = {
    # (signer, family member, colleague or teacher, they/them friend, name-only person)
    "fr": (
        ("Claire Martin", "she"),
        dict(display_name="Jeanne Martin", pronouns="she", nickname="Mamie", birthday="1941-03-02", kind="grand-mère"),
        dict(display_name="Thomas Girard", pronouns="he", kind="collègue", how="à la réunion de rentrée de 2015"),
        dict(display_name="Camille Roux", pronouns="they", nickname="Cam", kind="amie", how="en première année de fac"),
        "Dominique",
    ),
    "es": (
        ("Lucía Ortega", "she"),
        dict(display_name="Javier Ortega", pronouns="he", nickname="Javi", birthday="1979-08-15", kind="hermano"),
        dict(display_name="Carmen Ruiz", pronouns="she", kind="profesora", how="en el instituto de Triana"),
        dict(display_name="Alex Romero", pronouns="they", kind="amigo", how="en un curso de cerámica"),
        "Noa",
    ),
    "de": (
        ("Jonas Keller", "he"),
        dict(display_name="Lena Keller", pronouns="she", nickname="Leni", birthday="1988-05-02", kind="Schwester"),
        dict(display_name="Sabine Brandt", pronouns="she", kind="Kollegin", how="bei der Weihnachtsfeier 2012"),
        dict(display_name="Kim Vogel", pronouns="they", kind="Kumpel", how="im Schwimmverein"),
        "Sascha",
    ),
}

DETAILS = {
    "fr": {
        "gift": "le joli carnet relié",
        "illness": "ton opération du genou",
        "wrong": "mon absence à ton concert",
        "degree": "ton diplôme d'infirmière",
        "school": "à l'université de Rennes",
        "baby_name": "Léonie",
        "born_on": "mardi matin",
        "job_title": "ton nouveau poste à la médiathèque",
        "couple": "Paul et toi",
        "remembered": "ta mère, Inès",
        "memory": "de sa façon de chanter en cuisinant",
        "years": "3",
        "news": "les tomates ont enfin rougi",
        "place": "ton nouvel appartement à Nantes",
        "open_at": "tes dix-huit ans",
        "now": "adores les dinosaures",
        "for_what": "toute la patience de cette année",
        "difference": "il lit des histoires à sa petite sœur",
    },
    "es": {
        "gift": "la bufanda azul",
        "illness": "la operación de rodilla",
        "wrong": "no haber ido a tu concierto",
        "degree": "tu título de enfermería",
        "school": "por la Universidad de Granada",
        "baby_name": "Martina",
        "born_on": "el martes por la mañana",
        "job_title": "tu nuevo puesto en la biblioteca",
        "couple": "Pablo y tú",
        "remembered": "tu madre, Inés",
        "memory": "cómo cantaba mientras cocinaba",
        "years": "3",
        "news": "por fin han salido los tomates",
        "place": "tu nuevo piso en Valencia",
        "open_at": "tu decimoctavo cumpleaños",
        "now": "te encantan los dinosaurios",
        "for_what": "toda la paciencia de este curso",
        "difference": "ahora le lee cuentos a su hermana pequeña",
    },
    "de": {
        "gift": "das schöne Notizbuch",
        "illness": "deiner Knieoperation",
        "wrong": "nicht zu deinem Konzert gekommen bin",
        "degree": "deinem Abschluss in Pflegewissenschaft",
        "school": "an der Universität Freiburg",
        "baby_name": "Emma",
        "born_on": "am Dienstagmorgen",
        "job_title": "deiner neuen Stelle in der Stadtbibliothek",
        "couple": "Paul und dich",
        "remembered": "deine Mutter Ines",
        "memory": "wie sie beim Kochen gesungen hat",
        "years": "3",
        "news": "die Tomaten sind endlich rot",
        "place": "deiner neuen Wohnung in Leipzig",
        "open_at": "deinem achtzehnten Geburtstag",
        "now": "du liebst Dinosaurier",
        "for_what": "die viele Geduld in diesem Schuljahr",
        "difference": "er liest seiner kleinen Schwester jetzt Geschichten vor",
    },
}

# The details written for someone the letter says vous/usted/Sie to.
FORMAL_DETAILS = {
    "fr": {
        "illness": "votre opération du genou",
        "wrong": "mon absence à votre conférence",
        "degree": "votre diplôme",
        "job_title": "votre nouveau poste à la médiathèque",
        "remembered": "votre mère",
        "place": "votre nouvel appartement à Nantes",
        "couple": "Paul et vous",
    },
    "es": {
        "illness": "su operación de rodilla",
        "wrong": "no haber ido a su conferencia",
        "degree": "su título",
        "job_title": "su nuevo puesto en la biblioteca",
        "remembered": "su madre",
        "place": "su nuevo piso en Valencia",
        "couple": "Pablo y usted",
    },
    "de": {
        "illness": "Ihrer Knieoperation",
        "wrong": "nicht zu Ihrem Vortrag gekommen bin",
        "degree": "Ihrem Abschluss",
        "job_title": "Ihrer neuen Stelle in der Stadtbibliothek",
        "remembered": "Ihre Mutter",
        "place": "Ihrer neuen Wohnung in Leipzig",
        "couple": "Paul und Sie",
    },
}


def add_people(archive: Any, language: str) -> tuple[int, list[Person]]:
    """(the signer, the recipients) for letters in `language`."""
    (signer_name, signer_pronouns), family, work, friend, sparse_name = _PEOPLE[language]
    signer = archive.settings.default_signer_id()
    archive.people.update(signer, display_name=signer_name, pronouns=signer_pronouns)
    notes = NOTES[language]
    people: list[Person] = []
    details, formal = DETAILS[language], {**DETAILS[language], **FORMAL_DETAILS[language]}
    for spec, group, informal, gender in (
        (family, "family", True, "f" if family["pronouns"] == "she" else "m"),
        (work, "work", False, "f" if work["pronouns"] == "she" else "m"),
        (friend, "friend", True, "n"),
    ):
        spec = dict(spec)
        kind, how = spec.pop("kind"), spec.pop("how", None)
        person = archive.people.add(language=language, **spec)
        archive.relationships.set(signer, person, kind=kind, since="1998-06-08", how_we_met=how)
        for text, tag in notes[group]:
            archive.notes.add(person, text, tag=tag, about_relationship_from=signer)
        people.append(Person(f"{language} {group}", person, informal, gender, details if informal else formal))
    lonely = archive.people.add(display_name=sparse_name, language=language)
    people.append(Person(f"{language} sparse", lonely, False, "n"))
    return signer, people
