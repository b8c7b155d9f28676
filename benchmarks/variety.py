"""How alike two pairs' letters from one template read: the share of words in shared six-word runs.

    python -m benchmarks.variety [--template NAME ...] [--language fr ...] [--show]

For every built-in template (and its French, Spanish and German versions), letters are drafted
for invented pairs of people (sparse and rich data, partners, family, friends, colleagues, the
dead, the estranged), and each letter is compared with every other letter of its group from the
same template: the fraction of letter A's words that lie in some six-word run also present in
letter B (the issue's measure). The goal is at most a quarter for every comparison.
tests/core/test_template_variety.py asserts it on the same pairs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TODAY = dt.date(2027, 3, 14)
GOAL = 0.25


@dataclass
class Pair:
    """One signer writing to one recipient, and the details they would give each occasion."""

    label: str
    recipient: int
    signer: int
    group: str
    details: dict[str, str] = field(default_factory=dict)


# Details a writer would type in the New letter dialog, one set per pair (keys the templates declare).
_DETAILS = [
    {
        "wrong": "missing your birthday dinner",
        "degree": "your nursing degree",
        "school": "Glasgow Caledonian",
        "baby_name": "Ada Rose",
        "job_title": "the head baker's job at Crumb & Co",
        "couple": "you and Priya",
        "gift": "the blue scarf you knitted",
        "place": "the flat on Calder Street",
        "illness": "your knee operation",
        "remembered": "your father Tomasz",
        "memory": "how he whistled while he worked",
        "for_what": "the extra hour you gave Lena every Tuesday",
        "news": "the tomatoes have finally come in",
    },
    {
        "wrong": "what I said about your new job",
        "degree": "your law degree",
        "baby_name": "Oskar",
        "born_on": "on Tuesday morning",
        "job_title": "the new post at the county library",
        "gift": "the book about lighthouses",
        "place": "Lisbon",
        "remembered": "your mother Ines",
        "for_what": "your patience with Sam all year",
        "difference": "he reads to his little brother now",
        "open_at": "your eighteenth birthday",
        "now": "love dinosaurs and refuse to wear socks",
    },
    {},
    {
        "wrong": "shouting at you in the car park",
        "degree": "your doctorate",
        "school": "Leeds",
        "baby_name": "Fern",
        "couple": "you and Sol",
        "gift": "the jar of damson jam",
        "illness": "the pneumonia",
        "remembered": "Uncle Ray",
        "memory": "the way she laughed at her own jokes",
        "for_what": "taking Mia under your wing in the choir",
        "news": "I have started swimming again",
        "open_at": "the day you leave home",
    },
    {
        "wrong": "not being there when you moved",
        "degree": "your diploma in horticulture",
        "baby_name": "Tobias",
        "born_on": "just before midnight",
        "job_title": "your promotion",
        "gift": "the tickets to the opera",
        "place": "the cottage by the river",
        "illness": "your surgery",
        "remembered": "your grandmother",
        "for_what": "the lift to the hospital every week",
        "difference": "I could get through the treatment without missing work",
        "now": "sing to the cat and want to be a vet",
    },
    {"couple": "Ellen and you", "news": "we finally painted the hall"},
    {
        "wrong": "forgetting to collect you from the station",
        "degree": "your master's in music",
        "school": "the Royal Northern",
        "baby_name": "Maya",
        "job_title": "the job at the boatyard",
        "gift": "the walking boots",
        "place": "the house on the hill",
        "illness": "your hip replacement",
        "remembered": "your aunt Clara",
        "memory": "the way she sang in the kitchen",
        "for_what": "the soup you left on the step",
        "news": "the apple tree has blossomed at last",
    },
]
# (As many sets as the largest group has pairs: two pairs never type the same details, so what
# their letters share is the templates' own doing.)


def _person(archive: Any, name: str, **fields: Any) -> int:
    return int(archive.people.add(display_name=name, **fields))


def _pairs(archive: Any) -> list[Pair]:
    """The invented correspondences (nobody here is the sample couple)."""
    people, rels, notes = archive.people, archive.relationships, archive.notes
    pairs: list[Pair] = []

    def add(label: str, to: int, by: int, group: str, *note_list: tuple[str, str]) -> None:
        relationship = rels.get(by, to)
        for text, tag in note_list:
            notes.add(to, text, tag=tag, about_relationship_from=by if relationship else None)
        pairs.append(Pair(label, to, by, group, dict(_DETAILS[len(pairs) % len(_DETAILS)])))

    # Partners: rich, middling and sparse.
    ines, tomas = _person(archive, "Ines Garrido", pronouns="she"), _person(archive, "Tomás Garrido", pronouns="he")
    rels.set(ines, tomas, kind="husband", since="1994-07-09", how_we_met="at a ceilidh in Oban", pet_names=["Tom"])
    archive.dates.add(tomas, kind="anniversary", date="1994-07-09", relationship_from=ines)
    add(
        "Ines to her husband Tomás (rich)",
        tomas,
        ines,
        "partner",
        ("the night we missed the last ferry and slept in the car", "memory"),
        ("the kitchen we tiled ourselves, badly", "memory"),
        ("Tomás insists he can fix anything with duct tape", "joke"),
        ("Tomás loves strong black coffee at dawn", "preference"),
    )
    farah, malik = _person(archive, "Farah Aziz", pronouns="she"), _person(archive, "Malik Aziz", pronouns="he")
    rels.set(malik, farah, kind="wife", since="2011-05-21", how_we_met="on a delayed train to Leeds")
    archive.dates.add(farah, kind="anniversary", date="2011-05-21", relationship_from=malik)
    add(
        "Malik to his wife Farah",
        farah,
        malik,
        "partner",
        ("the first winter in the cold flat on Harrow Road", "memory"),
        ("Farah loves peonies", "preference"),
    )
    nell, arlo = _person(archive, "Nell"), _person(archive, "Arlo Finch", pronouns="he")
    rels.set(nell, arlo, kind="partner")
    add("Nell to her partner Arlo (sparse)", arlo, nell, "partner")
    ruth, ben = _person(archive, "Ruth Adler", pronouns="she"), _person(archive, "Benedict Adler", pronouns="he")
    rels.set(ruth, ben, kind="husband", since="1968-09-14")
    add(
        "Ruth to Benedict, married 1968 (one memory)",
        ben,
        ruth,
        "partner",
        ("our honeymoon in the rain in Bruges", "memory"),
    )
    sasha, kit = _person(archive, "Sasha Brandt", pronouns="they"), _person(archive, "Kit Moreau", pronouns="they")
    rels.set(sasha, kit, kind="partner", since="2019-02-01", pet_names=["Kitten"])
    add(
        "Sasha to Kit (they/them)",
        kit,
        sasha,
        "partner",
        ("the allotment where nothing grew but courgettes", "memory"),
        ("Kit still claims the cat likes them best", "joke"),
    )
    yusuf, leyla = _person(archive, "Yusuf Demir", pronouns="he"), _person(archive, "Leyla Demir", pronouns="she")
    rels.set(yusuf, leyla, kind="wife", since="2002-06-30")
    add(
        "Yusuf to Leyla (a sad note)",
        leyla,
        yusuf,
        "partner",
        ("our old dog Biber died in the spring", "memory"),
        ("the evening walks along the canal", "memory"),
    )

    amelie = _person(archive, "Amélie Roux", pronouns="she")
    julien = _person(archive, "Julien Roux", pronouns="he", language="fr")
    rels.set(amelie, julien, kind="mari", since="2009-06-13")
    add(
        "Amélie to her husband Julien (French, notes in French)",
        julien,
        amelie,
        "partner",
        ("le soir où nous avons raté le dernier train à Lyon", "memory"),
        ("notre premier appartement sous les toits", "memory"),
        ("tu chantes faux sous la douche", "joke"),
    )

    # Family.
    maggie, theo = _person(archive, "Maggie Hart", pronouns="she"), _person(archive, "Theo Hart", pronouns="he")
    people.update(theo, birthday="2017-10-03")
    rels.set(maggie, theo, kind="son", signs_as="Mum")
    add(
        "Maggie to her son Theo, nine",
        theo,
        maggie,
        "family",
        ("the day you lost your first tooth in an apple", "memory"),
    )
    carmen = _person(archive, "Carmen Ruiz", pronouns="she")
    diego = _person(archive, "Diego Ruiz", pronouns="he", language="es")
    rels.set(carmen, diego, kind="brother", since="1980")
    add(
        "Carmen to her brother Diego (Spanish, notes in Spanish)",
        diego,
        carmen,
        "family",
        ("los veranos en casa de la abuela en Cádiz", "memory"),
        ("siempre llegas tarde a la cena de Nochebuena", "joke"),
        ("Diego odia las aceitunas", "preference"),
        ("the night we got locked out of the flat in Seville", "memory"),
    )
    rose, june = _person(archive, "Rose Kelly", pronouns="she"), _person(archive, "June Kelly", pronouns="she")
    rels.set(rose, june, kind="granddaughter", signs_as="Nana")
    add(
        "Rose (Nana) to her granddaughter June",
        june,
        rose,
        "family",
        ("June loves the swings in the park", "preference"),
    )
    aunt, nephew = _person(archive, "Agnes Bell", pronouns="she"), _person(archive, "Callum")
    rels.set(aunt, nephew, kind="nephew")
    add("Agnes to her nephew Callum (sparse)", nephew, aunt, "family")

    # Friends.
    odile, bea = _person(archive, "Odile Marchand", pronouns="she"), _person(archive, "Bea Quinn", pronouns="she")
    rels.set(odile, bea, kind="friend", since="1999", how_we_met="in a pottery class neither of us finished")
    add(
        "Odile to her friend Bea (rich)",
        bea,
        odile,
        "friend",
        ("the road trip to the Dingle peninsula", "memory"),
        ("Bea always brings too many sandwiches", "joke"),
        ("Bea loves old jazz records", "preference"),
    )
    hugo, lars = _person(archive, "Hugo Lind", pronouns="he"), _person(archive, "Lars")
    rels.set(hugo, lars, kind="friend")
    add("Hugo to his friend Lars (sparse)", lars, hugo, "friend")
    wren, ash = _person(archive, "Wren Ellis", pronouns="she"), _person(archive, "Ash Morgan", pronouns="they")
    rels.set(wren, ash, kind="best friend", since="2008")
    add(
        "Wren to Ash (they/them)",
        ash,
        wren,
        "friend",
        ("Ash lost their job at the mill last autumn", "memory"),
        ("the gig where the singer fell off the stage", "memory"),
    )
    mina, joy = _person(archive, "Mina Park", pronouns="she"), _person(archive, "Joy Adeyemi", pronouns="she")
    rels.set(mina, joy, kind="old friend", since="1975", how_we_met="at secretarial college")
    add("Mina to her old friend Joy", joy, mina, "friend", ("the dances at the Palais on Saturday nights", "memory"))
    jonas = _person(archive, "Jonas Weber", pronouns="he")
    lena = _person(archive, "Lena Vogt", pronouns="she", language="de")
    rels.set(jonas, lena, kind="friend", since="2001")
    add(
        "Jonas to his friend Lena (German, notes in German)",
        lena,
        jonas,
        "friend",
        ("der Sommer, als wir mit dem Rad an die Ostsee gefahren sind", "memory"),
        ("Wir haben im Regen getanzt", "memory"),
    )

    # Work and neighbours.
    dana, rowan = _person(archive, "Dana Holt", pronouns="she"), _person(archive, "Rowan Vega", pronouns="they")
    rels.set(dana, rowan, kind="colleague", since="2016", how_we_met="on the bridge inspection team")
    add(
        "Dana to her colleague Rowan (they/them)", rowan, dana, "work", ("Rowan loves a good spreadsheet", "preference")
    )
    piers, hale = _person(archive, "Piers Lowe", pronouns="he"), _person(archive, "Mrs Hale", pronouns="she")
    rels.set(piers, hale, kind="neighbour")
    add("Piers to his neighbour Mrs Hale (sparse)", hale, piers, "work")
    eli, grant = _person(archive, "Eli Stone", pronouns="he"), _person(archive, "Margaret Grant", pronouns="she")
    rels.set(eli, grant, kind="teacher", since="2021")
    add("Eli to his daughter's teacher Ms Grant", grant, eli, "work")

    # The dead: letters to them.
    vera, arthur = _person(archive, "Vera Lang", pronouns="she"), _person(archive, "Arthur Lang", pronouns="he")
    people.update(arthur, died_on="2023-11-02")
    rels.set(vera, arthur, kind="husband", since="1971-04-17", pet_names=["Artie"])
    add("Vera to her late husband Arthur", arthur, vera, "gone", ("the caravan holidays in Whitby", "memory"))
    tess, mother = _person(archive, "Tess Ward", pronouns="she"), _person(archive, "Helen Ward", pronouns="she")
    people.update(mother, died_on="2019-01-20")
    rels.set(tess, mother, kind="mother")
    add("Tess to her late mother Helen (sparse)", mother, tess, "gone")
    noor, sami = _person(archive, "Noor Haddad", pronouns="she"), _person(archive, "Sami Haddad", pronouns="he")
    people.update(sami, died_on="2025-08")
    rels.set(noor, sami, kind="brother", since="1988")
    add("Noor to her late brother Sami", sami, noor, "gone", ("the football in the yard until it was dark", "memory"))

    # Ended relationships.
    cora, dev = _person(archive, "Cora Blake", pronouns="she"), _person(archive, "Dev Blake", pronouns="he")
    rels.set(cora, dev, kind="husband", since="2005-03-12", ended_on="2022-01", end_kind="divorce")
    add("Cora to her former husband Dev", dev, cora, "ended", ("the year we lived in Galway", "memory"))
    lou, max_ = _person(archive, "Lou Frey", pronouns="she"), _person(archive, "Max Frey", pronouns="he")
    rels.set(lou, max_, kind="partner", ended_on="2024", end_kind="separated")
    add("Lou to her former partner Max (sparse)", max_, lou, "ended")
    return pairs


# Which groups each template is written for; a template not named here goes to every living group.
TEMPLATE_GROUPS: dict[str, tuple[str, ...]] = {
    "anniversary": ("partner",),
    "love-letter": ("partner",),
    "letting-go": ("ended",),
    "to-someone-gone": ("gone",),
}
LIVING = ("partner", "family", "friend", "work")


@contextmanager
def pairs_archive() -> Iterator[tuple[Any, list[Pair]]]:
    """A scratch archive holding the invented pairs (removed afterwards)."""
    from beautifulletters.archive import Archive

    with tempfile.TemporaryDirectory(prefix="beautifulletters-variety-") as folder:
        with Archive.open(Path(folder) / "variety.sqlite3") as archive:
            yield archive, _pairs(archive)


def builtin_templates(language: str = "en") -> list[str]:
    from beautifulletters.resources import templates_dir

    folder = templates_dir() if language == "en" else templates_dir() / language
    return sorted(p.stem for p in folder.glob("*.j2") if not p.name.startswith("_"))


def letters_for(archive: Any, pairs: list[Pair], template: str, language: str = "en") -> dict[str, list[str]]:
    """Each group's letters from one template (the text from salutation to closing)."""
    from beautifulletters import drafting

    groups = TEMPLATE_GROUPS.get(template, LIVING)
    letters: dict[str, list[str]] = {}
    for pair in pairs:
        if pair.group not in groups:
            continue
        draft = drafting.render_draft(
            archive,
            recipient_id=pair.recipient,
            signer_id=pair.signer,
            template=template,
            today=TODAY,
            language=language,
            details=pair.details,
        )
        letters.setdefault(pair.group, []).append(draft.text)
    return letters


def shares(letters: dict[str, list[str]]) -> list[float]:
    """Every ordered comparison within each group."""
    from beautifulletters.drafting.variety import shared_run_fraction

    found = []
    for texts in letters.values():
        for i, a in enumerate(texts):
            for j, b in enumerate(texts):
                if i != j:
                    found.append(shared_run_fraction(a, b))
    return found


def _skeleton(node: Any, holes: list[int]) -> str:
    """A wording's own words, with a placeholder for each value it weaves in."""
    from jinja2 import nodes

    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return str(node.value)
    if isinstance(node, nodes.Concat):
        return "".join(_skeleton(part, holes) for part in node.nodes)
    if isinstance(node, nodes.CondExpr):
        return _skeleton(node.expr1, holes)
    holes.append(len(holes))
    return f" hole{len(holes)} "


def wordings(source: str) -> list[tuple[int, list[str]]]:
    """Every pick(...) in a template: its line and its wordings as skeletons."""
    from jinja2 import nodes

    from beautifulletters.drafting.environment import make_environment

    environment = make_environment([], strict=True)
    found = []
    for call in environment.parse(source).find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "pick"):
            continue
        options = [arg for arg in call.args if not (isinstance(arg, nodes.Const) and "pick-site" in str(arg.value))]
        if call.dyn_args is not None or not options:
            continue
        holes: list[int] = []
        found.append((call.lineno, [_skeleton(arg, holes) for arg in options]))
    return found


def alike_wordings(source: str) -> list[str]:
    """Two wordings of one sentence that share a six-word run (so they are not really different)."""
    from beautifulletters.drafting.variety import shared_run_fraction

    problems = []
    for line, options in wordings(source):
        for i, a in enumerate(options):
            for b in options[i + 1 :]:
                if a != b and shared_run_fraction(a, b) > 0:
                    problems.append(f"line {line}: {a.strip()!r} / {b.strip()!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.variety", description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", nargs="+", help="only these templates")
    parser.add_argument("--language", nargs="+", default=["en", "fr", "es", "de"], help="letter languages")
    parser.add_argument("--show", action="store_true", help="print the letters too")
    args = parser.parse_args(argv)
    missed = 0
    with pairs_archive() as (archive, pairs):
        print(f"{'template':<28} {'mean':>6} {'max':>6}  letters")
        for language in args.language:
            for template in builtin_templates(language):
                if args.template and template not in args.template:
                    continue
                letters = letters_for(archive, pairs, template, language)
                found = shares(letters)
                worst = max(found, default=0.0)
                mean = sum(found) / max(len(found), 1)
                missed += worst > GOAL
                name = template if language == "en" else f"{language}/{template}"
                flag = "" if worst <= GOAL else "  MISSED"
                print(f"{name:<28} {mean:>6.0%} {worst:>6.0%}  {sum(map(len, letters.values()))}{flag}")
                if args.show:
                    for group, texts in letters.items():
                        for text in texts:
                            print(f"--- {group}\n{text}\n")
    print(f"\nGoal: at most {GOAL:.0%} of a letter's words in six-word runs another pair's letter shares.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
