"""A deterministic generator of a large, realistic archive for the benchmarks.

`python -m benchmarks.big_archive --out big.sqlite3` builds 100,000 people, 300,000 notes and
1,000,000 letters of 150-600 words (each with its revisions), with relationships, nicknames,
tags and important dates. The same seed always builds the same archive, row for row.

The schema comes from the app itself (`Archive.open` creates and migrates the file); the rows
are then written in bulk with plain SQL, because a million `create_letter` calls, each its own
transaction, would take hours. To stay fast the loader drops the indexes and full-text triggers,
inserts with the journal off, then recreates them from their saved SQL and rebuilds the FTS5
indexes once. The result passes `Archive.check()` and opens like any other archive; bodies are
in the app's stored HTML form, and `body_text` is what `letterformat.to_plain_text` gives for it
(the smoke test checks a sample of both).

The archive's story: one professional letter writer (person 1, "Theodore Twombly") writes for
clients; each client writes to a few loved ones, and a few couples have written weekly for a
decade, so some people have 500 or more letters in their history.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 3  # bump whenever the output changes, so cached archives are rebuilt

FIRST_NAMES = (
    "Ada Alma Amara Ana Anouk Aiko Beatriz Bea Camille Carmen Chiara Clara Dalia Daphne Delphine Dorothy Edith "
    "Elena Elif Eloise Emilia Esther Farah Fatima Freya Frida Gemma Greta Hana Hannah Helena Ines Ingrid Iris "
    "Isla Ivy Jana Joanna Josephine Judith Julia June Kamala Karin Keiko Lena Leonor Liesel Lila Lina Loretta "
    "Lucia Lydia Maeve Magdalena Maja Malak Margaret Marisol Martha Maya Mei Mina Miriam Nadia Naomi Nell "
    "Nora Olga Olivia Paloma Pearl Priya Rosa Rosalind Ruth Saanvi Sadie Selma Sigrid Sofia Stella Susanna "
    "Tamar Thea Ursula Vera Viola Wanda Wren Yara Yasmin Zara Zoë Zofia Aaron Abel Ahmed Alasdair Alejandro "
    "Amos Anders Andrés Arjun Arthur August Benedikt Bram Caleb Callum Casimir Cedric Chris Conrad Cyrus "
    "Dante Declan Dmitri Eamon Elias Emil Enzo Ezra Felix Finn Florian Gabriel Gideon Hamish Hassan Henrik "
    "Hugo Ibrahim Idris Ignacio Isaac Jakob Jasper Joaquín José Jonah Julian Kai Kasper Kenji Laszlo Leo "
    "Lorenzo Luca Magnus Malik Mateo Matthias Miles Milo Nikolai Noah Oskar Otis Pablo Pavel Pedro Quentin "
    "Rafael Ravi Reuben Rhys Rohan Rufus Samir Santiago Silas Simon Søren Stellan Tariq Teodor Theo Tobias "
    "Tomás Viktor Walter Wilhelm Xavier Yusuf Zachary Zoltan"
).split()
LAST_NAMES = (
    "Abbott Acheson Adeyemi Ahlberg Albrecht Almeida Andersen Arslan Ashby Bach Bakker Balogun Barros Bauer "
    "Beaumont Bellini Bergström Bianchi Blackwood Bondarenko Brennan Brooks Calloway Carvalho Castellano Chen "
    "Christensen Cohen Costa Dalton Dasgupta Delacroix Díaz Dimitrov Donnelly Dubois Duarte Eriksen Esposito "
    "Fairbanks Falk Farouk Fernández Fischer Fitzgerald Fontaine Foster Gallagher García Gallo Gomes Greenwood "
    "Gupta Haddad Halvorsen Hartmann Hashemi Hayes Hendricks Hoffmann Holloway Horvath Ibáñez Ivanova Jansen "
    "Jensen Kaplan Karlsson Kato Kaur Keller Kennedy Khalil Kim Klein Kowalski Kramer Kuznetsova Laine Lambert "
    "Larsen Laurent Lehmann Lindqvist Lombardi Lopes Lund MacLeod Maddox Marchetti Martins Mercer Meyer "
    "Molina Moreau Murakami Nakamura Navarro Nielsen Novak Nowak Okafor Oliveira Olsen Ortega Østergaard "
    "Pacheco Park Patel Pellegrini Petrov Quinn Ramos Rasmussen Reyes Ricci Rivera Romano Rossi Sandoval "
    "Santos Schmidt Schneider Seidel Shapiro Silva Sørensen Steiner Sullivan Suzuki Svensson Takahashi "
    "Tanaka Thorne Torres Twombly Vasquez Vogel Wagner Walsh Weber Whitaker Winter Yamamoto Young Zimmermann"
).split()
PET_NAMES = (
    "Lolly;my Lo;Bean;Sunshine;Pumpkin;Bear;Duck;Sparrow;Birdie;Honey;Peaches;Button;Rabbit;Kit;Fox;Moose;"
    "Pip;Dove;Chickpea;Biscuit;Sprout;Pickle;Ace;Boss;Champ;Sweet pea;Lovebug;Darling;Dearest;Old thing"
).split(";")
RELATIONSHIP_KINDS = (
    ("wife", 5),
    ("husband", 5),
    ("partner", 4),
    ("mother", 3),
    ("father", 3),
    ("daughter", 3),
    ("son", 3),
    ("sister", 2),
    ("brother", 2),
    ("friend", 6),
    ("grandmother", 1),
    ("grandfather", 1),
    ("colleague", 2),
    ("teacher", 1),
    ("godchild", 1),
)
TAGS = ("family", "friends", "client", "work", "neighbours", "school", "holidays", "church", "book club")
CITIES = (
    ("Springfield, IL 62704", "USA"),
    ("Portland, OR 97205", "USA"),
    ("Boston, MA 02116", "USA"),
    ("York YO1 7HH", "United Kingdom"),
    ("Bath BA1 1LT", "United Kingdom"),
    ("10115 Berlin", "Germany"),
    ("80331 München", "Germany"),
    ("75004 Paris", "France"),
    ("69002 Lyon", "France"),
    ("1012 Amsterdam", "Netherlands"),
)
STREETS = "Orchard Lane;Mill Road;Church Street;Harbour View;Elm Avenue;Rosenweg;Rue des Lilas;Kanaalstraat".split(";")
OCCASIONS = (
    ("birthday", "birthday"),
    ("anniversary", "anniversary"),
    ("thinking-of-you", None),
    ("love-letter", None),
    ("thank-you-gift", "thank you"),
    ("get-well", "get well"),
    ("seasons-greetings", "holidays"),
    ("friendship", None),
    ("apology", None),
    ("new-job", "new job"),
    ("graduation", "graduation"),
)

# Sentence patterns with slots; filled from the word lists below into a fixed pool of sentences.
PATTERNS = (
    "I keep thinking about the {season} we spent in {place}, when {memory}.",
    "The {thing} you gave me still sits on the {room} windowsill, and I smile every time I see it.",
    "Do you remember {memory}? I laughed about it again this {weekday}.",
    "This morning I walked past the old {building} on {street} and thought of you.",
    "The garden is full of {flower} again, far more than two people could ever put in vases.",
    "I made your {food} last night and it was nearly as good as yours, which is to say not very.",
    "It rained all {weekday}, so I finally read {book}, which you keep telling me about.",
    "Your {relative} called; she sends her love and a recipe for {food} I will certainly ruin.",
    "I found the photograph of us in {place}, the one where the wind took your {clothing}.",
    "Some days I still set two cups out for {drink} before I remember you are away.",
    "Thank you for the {thing}; it arrived on a grey {weekday} and made the whole week brighter.",
    "We should go back to {place} in the {season}, when the {flower} are out and the crowds are gone.",
    "I have been practising the {music} piece you love, badly, every evening after supper.",
    "The neighbours' {animal} has decided our porch is his, and I have not the heart to argue.",
    "Everything here is ordinary, and I have learned that ordinary is the whole point.",
    "I wanted to tell you how proud I am of you, and how much I admire the way you {virtue}.",
    "Whenever I hear {music} on the radio, I am back in that kitchen in {place}.",
    "The {building} on {street} is being painted {colour}, which you would have opinions about.",
    "I walked by the {water} at dusk and counted the {animal}s, the way we used to.",
    "Please take care of yourself this {season}; wrap up warm and eat properly.",
    "I still have the letter you wrote me from {place}, folded inside {book}.",
    "Tell me everything about the new {thing}, and do not leave out the boring parts.",
    "There is a {colour} {clothing} in a shop window on {street} that has your name on it.",
    "I think of {memory} whenever life gets too serious.",
    "We had {food} and {drink} on the terrace and talked about you until the candles went out.",
    "You have always known how to {virtue}, and I am still learning it from you.",
)
SLOTS = {
    "season": "spring summer autumn winter monsoon harvest".split(),
    "place": (
        "Lisbon;the Grand Canyon;Kyoto;the Lake District;Marseille;Cape Cod;Vienna;the Dolomites;Galway;Oaxaca;"
        "Bruges;Santorini;Copenhagen;the Outer Banks;Hokkaido;Tuscany;Quebec City;the Algarve;Edinburgh;Istanbul;"
        "the county fair;your grandmother's farm;the old cabin;Brighton pier;Prague;Montréal;Big Sur;Sicily"
    ).split(";"),
    "memory": (
        "the pipes froze and we read Dickens aloud by the wood stove;the car broke down and we slept under the stars;"
        "you won the pie contest and I bought the last slice;we danced in the kitchen to Otis Redding;"
        "the cat stole the Christmas ham;we got lost looking for the lighthouse;you taught me to ride a bicycle;"
        "we painted the nursery yellow at midnight;the tent blew away in the storm;we missed the last ferry;"
        "you sang at your sister's wedding;we ate cherries until we were sick;the kite landed in the mayor's garden"
    ).split(";"),
    "thing": (
        "scarf;teapot;fountain pen;quilt;music box;photo album;compass;brooch;watercolour;mug;cookbook;lamp"
    ).split(";"),
    "room": "kitchen bedroom study hallway landing".split(),
    "weekday": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
    "building": "bakery;library;cinema;post office;railway station;bookshop;church;bandstand;schoolhouse".split(";"),
    "street": [street for street in STREETS],
    "flower": "peonies;tulips;sunflowers;yellow roses;sweet peas;dahlias;hydrangeas;lilacs;daffodils".split(";"),
    "food": "apple pie;lemon cake;lasagne;curry;dumplings;paella;pierogi;shortbread;risotto;gumbo".split(";"),
    "book": "Middlemarch;the Dickens novel;the poetry book;the mystery novel;Anna Karenina;the travel guide".split(";"),
    "relative": "mother aunt grandmother sister cousin".split(),
    "clothing": "hat;scarf;umbrella;coat;sunhat;cardigan".split(";"),
    "drink": "tea coffee cocoa lemonade cider".split(),
    "music": "Chopin;Otis Redding;Ella Fitzgerald;the Beatles;Debussy;Nina Simone;fado;Bach".split(";"),
    "animal": "cat dog heron fox swan goose robin".split(),
    "virtue": (
        "listen without hurrying;forgive quickly;laugh at yourself;make a stranger feel at home;"
        "keep going when it is hard;notice the small things"
    ).split(";"),
    "colour": "blue green yellow red lilac ochre".split(),
    "water": "river;harbour;lake;canal;sea wall".split(";"),
}
# Uncommon words, each woven into a few letters, so a letter-text search can find a handful.
KEEPSAKE_SYLLABLES = "bar dun kel mor wyn ast bel cor fen gal har lin nor pel rud sol tor vik".split()
SALUTATIONS = ("Dear {0},", "My dearest {0},", "Dearest {0},", "Hello {0},", "My darling {0},", "{0},")
CLOSINGS = ("With all my love,", "Yours, always,", "Ever yours,", "Love,", "Warmly,", "Until soon,", "All my love,")
DRAFT_SHARE = 0.3  # letters with an earlier draft revision besides the final one
LONG_STANDING = 20  # couples with 500+ letters each (weekly for a decade)
LONG_STANDING_LETTERS = 500


@dataclass(frozen=True)
class Scale:
    people: int = 100_000
    notes: int = 300_000
    letters: int = 1_000_000
    seed: int = 9

    @property
    def key(self) -> str:
        return f"v{GENERATOR_VERSION}-p{self.people}-n{self.notes}-l{self.letters}-s{self.seed}"


FULL = Scale()
SMALL = Scale(people=5_000, notes=15_000, letters=50_000)
TINY = Scale(people=60, notes=150, letters=1_200)


@dataclass
class Landmarks:
    """Known rows in a generated archive, for benchmarks to aim at."""

    long_standing_recipients: list[int] = field(default_factory=list)  # people with the most letters
    keepsake_words: list[str] = field(default_factory=list)  # rare words that occur in a few letters
    sample_names: list[str] = field(default_factory=list)
    sample_nicknames: list[str] = field(default_factory=list)
    note_words: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _html_and_text(lines: list[str]) -> tuple[str, str]:
    """The stored body (letterformat's canonical HTML) and its plain text, from lines of a letter."""
    html = "\n".join(
        "<p>" + line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>" if line else "<p><br></p>"
        for line in lines
    )
    return html, "\n".join(lines)


class _Writer:
    """Fills the words of letters and notes from a fixed, seeded pool of sentences."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.sentences: list[str] = []
        self.sentence_words: list[int] = []
        for _ in range(20_000):
            pattern = rng.choice(PATTERNS)
            sentence = pattern.format(**{slot: rng.choice(words) for slot, words in SLOTS.items()})
            self.sentences.append(sentence)
            self.sentence_words.append(len(sentence.split()))
        self.keepsakes = sorted(
            {
                (
                    rng.choice(KEEPSAKE_SYLLABLES) + rng.choice(KEEPSAKE_SYLLABLES) + rng.choice(KEEPSAKE_SYLLABLES)
                ).capitalize()
                for _ in range(6_000)
            }
        )

    def paragraphs(self, words: int, extra: list[str]) -> list[str]:
        """Paragraphs of three to five sentences adding up to `words` words or a sentence more."""
        rng, sentences, counts = self.rng, self.sentences, self.sentence_words
        chosen: list[str] = list(extra)
        total = sum(len(s.split()) for s in extra)
        while total < words:
            index = rng.randrange(len(sentences))
            chosen.append(sentences[index])
            total += counts[index]
        rng.shuffle(chosen)
        paragraphs = []
        while chosen:
            size = rng.randint(3, 5)
            paragraphs.append(" ".join(chosen[:size]))
            del chosen[:size]
        return paragraphs


def _weighted_counts(rng: random.Random, slots: int, total: int, cap: int) -> list[int]:
    """`total` split over `slots` with a long tail (Pareto), each share at most `cap`."""
    if slots == 0:
        return []
    weights = [min(rng.paretovariate(1.3), 60.0) for _ in range(slots)]
    scale = total / sum(weights)
    counts = [min(cap, int(w * scale)) for w in weights]
    shortfall = total - sum(counts)
    index = 0
    while shortfall > 0:
        if counts[index % slots] < cap:
            counts[index % slots] += 1
            shortfall -= 1
        index += 1
    return counts


def generate(path: Path, scale: Scale = FULL, *, progress: bool = False) -> Landmarks:
    """Build the archive at `path` (which must not exist yet); return where its landmarks are."""
    from beautifulletters.archive import Archive, search_words

    if path.exists():
        raise FileExistsError(f"{path} already exists; the generator only writes new archives.")
    began = time.perf_counter()

    def report(step: str) -> None:
        if progress:
            print(f"  {time.perf_counter() - began:7.1f} s  {step}", flush=True)

    Archive.open(path, with_sample=False).close()  # the app's own schema, migrations and settings
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB while loading
    saved = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
    ).fetchall()
    for kind, name, _sql in saved:
        conn.execute(f"DROP {kind.upper()} {name}")
    conn.execute("BEGIN")
    rng = random.Random(scale.seed)
    writer = _Writer(random.Random(scale.seed + 1))
    landmarks = Landmarks()
    epoch = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)

    # ---- people: person 1 is the letter writer; then clients (who sign); then those they write to.
    conn.execute("UPDATE people SET display_name = 'Theodore Twombly', full_name = 'Theodore Twombly' WHERE id = 1")
    writer_id = 1
    clients = max(1, scale.people // 10)
    people_rows = []
    tag_rows = []
    nicknames: dict[int, str] = {}
    for person_id in range(2, scale.people + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        nickname = rng.choice(PET_NAMES) if rng.random() < 0.45 else None
        if nickname:
            nicknames[person_id] = nickname
        city, country = rng.choice(CITIES)
        address = f"{rng.randint(1, 240)} {rng.choice(STREETS)}\n{city}\n{country}"
        birthday = None
        if rng.random() < 0.7:
            birthday = f"{rng.randint(1930, 2015)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        created = _iso(epoch - dt.timedelta(days=rng.randint(0, 9000)))
        people_rows.append(
            (
                person_id,
                f"{first} {last}",
                f"{first} {rng.choice(FIRST_NAMES)} {last}",
                nickname,
                rng.choice(("she", "he", "they", None)),
                birthday,
                json.dumps([address] if rng.random() < 0.8 else [], ensure_ascii=False),
                json.dumps([f"{first}.{last}{person_id}@example.com".lower()], ensure_ascii=False),
                "[]",
                "en",
                "Client: writes for birthdays and anniversaries." if person_id <= clients + 1 else None,
                created,
                created,
            )
        )
        tags = set(rng.sample(TAGS, rng.choice((0, 1, 1, 2))))
        if person_id <= clients + 1:
            tags.add("client")
        tag_rows += [(person_id, tag) for tag in sorted(tags)]
    conn.executemany(
        "INSERT INTO people (id, display_name, full_name, nickname, pronouns, birthday, addresses, emails, phones,"
        " language, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        people_rows,
    )
    conn.executemany("INSERT INTO person_tags (person_id, tag) VALUES (?, ?)", tag_rows)
    names = {row[0]: row[1] for row in people_rows}
    landmarks.sample_names = [names[i] for i in rng.sample(sorted(names), min(20, len(names)))]
    landmarks.sample_nicknames = sorted({nicknames[i] for i in list(nicknames)[:200]})[:10]
    del people_rows, tag_rows
    report(f"{scale.people:,} people")

    # ---- relationships: the writer to each client; each other person is written to by one client.
    relationship_rows = []
    pairs: list[tuple[int, int, int, str]] = []  # (relationship id, signer, recipient, since)
    rel_id = 0
    client_ids = list(range(2, clients + 2))
    for client in client_ids:
        rel_id += 1
        since = f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}"
        relationship_rows.append((rel_id, writer_id, client, "client", since, None, "[]", None))
    kinds = [kind for kind, weight in RELATIONSHIP_KINDS for _ in range(weight)]
    for recipient in range(clients + 2, scale.people + 1):
        rel_id += 1
        signer = rng.choice(client_ids)
        kind = rng.choice(kinds)
        since_date = dt.date(rng.randint(1965, 2016), rng.randint(1, 12), rng.randint(1, 28))
        how = f"{rng.choice(SLOTS['memory'])}, in {rng.choice(SLOTS['place'])}"
        pets = [nicknames[recipient]] if recipient in nicknames else []
        relationship_rows.append(
            (
                rel_id,
                signer,
                recipient,
                kind,
                since_date.isoformat(),
                how,
                json.dumps(pets, ensure_ascii=False),
                rng.choice(("tender", "playful", "formal", "warm, a little teasing", None)),
            )
        )
        pairs.append((rel_id, signer, recipient, since_date.isoformat()))
    stamp = _iso(epoch)
    conn.executemany(
        "INSERT INTO relationships (id, from_id, to_id, kind, since, how_we_met, pet_names, tone, created_at,"
        f" updated_at) VALUES (?,?,?,?,?,?,?,?,'{stamp}','{stamp}')",
        relationship_rows,
    )
    date_rows = [
        (recipient, rid, "anniversary", since, "Anniversary", stamp)
        for rid, _signer, recipient, since in pairs
        if rng.random() < 0.5
    ]
    conn.executemany(
        "INSERT INTO important_dates (person_id, relationship_id, kind, date, label, created_at) VALUES (?,?,?,?,?,?)",
        date_rows,
    )
    del relationship_rows, date_rows
    report(f"{rel_id:,} relationships")

    # ---- notes: memories, preferences, jokes and facts, mostly about the people written to.
    note_rows = []
    note_tags = ("memory", "memory", "memory", "preference", "joke", "fact", "note")
    note_people = [p for _rid, _s, p, _since in pairs] or [writer_id]
    rel_of = {recipient: rid for rid, _s, recipient, _since in pairs}
    for _ in range(scale.notes):
        person = rng.choice(note_people)
        tag = rng.choice(note_tags)
        if tag == "memory":
            text = f"{rng.choice(SLOTS['memory'])} ({rng.choice(SLOTS['place'])}, {rng.randint(1970, 2025)})"
        elif tag == "preference":
            text = f"loves {rng.choice(SLOTS['flower'])} and {rng.choice(SLOTS['food'])}"
        elif tag == "joke":
            text = f"still claims the {rng.choice(SLOTS['animal'])} ate the {rng.choice(SLOTS['thing'])}"
        else:
            text = f"has a {rng.choice(SLOTS['colour'])} {rng.choice(SLOTS['thing'])} from {rng.choice(SLOTS['place'])}"
        note_rows.append((person, rel_of.get(person), text, tag, f"{rng.randint(1990, 2026)}", stamp, stamp))
    conn.executemany(
        "INSERT INTO notes (person_id, relationship_id, text, tag, noted_on, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?)",
        note_rows,
    )
    landmarks.note_words = ["Dickens", "lighthouse", "sunflowers", "Kyoto"]
    del note_rows
    report(f"{scale.notes:,} notes")

    # ---- letters: a long tail; a few couples have written weekly for a decade.
    long_standing = pairs[: min(LONG_STANDING, len(pairs))]
    per_long = min(LONG_STANDING_LETTERS, scale.letters // max(1, 4 * len(long_standing)))
    remaining = scale.letters - per_long * len(long_standing)
    rest = pairs[len(long_standing) :]
    counts = [per_long] * len(long_standing) + _weighted_counts(rng, len(rest), remaining, cap=400)
    landmarks.long_standing_recipients = [recipient for _rid, _s, recipient, _since in long_standing]
    keepsake_of = {recipient: rng.choice(writer.keepsakes) for _rid, _s, recipient, _since in pairs}
    written: set[str] = set()  # keepsake words that made it into a letter
    last_letter: dict[int, str] = {}
    letter_id = revision_id = 0
    letter_batch: list[tuple] = []
    revision_batch: list[tuple] = []

    def flush() -> None:
        conn.executemany(
            "INSERT INTO letters (id, signer_id, recipient_id, occasion, occasion_date, template, title, body,"
            " body_format, body_text, language, style, status, sent_on, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,'html',?,'en','{}',?,?,?,?)",
            letter_batch,
        )
        conn.executemany(
            "INSERT INTO revisions (id, letter_id, body, body_format, body_text, created_at, updated_at)"
            " VALUES (?,?,?,'html',?,?,?)",
            revision_batch,
        )
        letter_batch.clear()
        revision_batch.clear()

    first_names = {pid: name.split()[0] for pid, name in names.items()}
    first_names[writer_id] = "Theodore"
    for (_rid, signer, recipient, since), count in zip(pairs, counts, strict=False):
        if count == 0:
            continue
        start = max(dt.datetime.fromisoformat(since).replace(tzinfo=dt.UTC), epoch - dt.timedelta(days=365 * 30))
        span = max(1.0, (epoch - start).total_seconds())
        moments = sorted(start + dt.timedelta(seconds=rng.random() * span) for _ in range(count))
        greeting_name = nicknames.get(recipient) or first_names[recipient]
        keepsake = keepsake_of[recipient]
        for number, moment in enumerate(moments):
            letter_id += 1
            template, occasion = rng.choice(OCCASIONS)
            extra = []
            if rng.random() < 0.3:
                extra.append(f"I still keep the {keepsake} postcard on the mantelpiece.")
                written.add(keepsake)
            body_lines = [rng.choice(SALUTATIONS).format(greeting_name), ""]
            for paragraph in writer.paragraphs(rng.randint(150, 560), extra):
                body_lines += [paragraph, ""]
            body_lines += [rng.choice(CLOSINGS), first_names[signer]]
            html, text = _html_and_text(body_lines)
            created = _iso(moment)
            newest = number >= count - 2
            status = rng.choice(("draft", "final")) if newest and rng.random() < 0.5 else "sent"
            sent_on = created[:10] if status == "sent" else None
            title = f"{(occasion or template.replace('-', ' ')).capitalize()} letter to {first_names[recipient]}"
            letter_batch.append(
                (
                    letter_id,
                    signer,
                    recipient,
                    occasion,
                    created[:10] if occasion else None,
                    template,
                    title,
                    html,
                    text,
                    status,
                    sent_on,
                    created,
                    created,
                )
            )
            if rng.random() < DRAFT_SHARE:
                draft_lines = body_lines[: max(3, len(body_lines) * 2 // 3)]
                draft_html, draft_text = _html_and_text(draft_lines)
                drafted = _iso(moment - dt.timedelta(hours=rng.randint(1, 72)))
                revision_id += 1
                revision_batch.append((revision_id, letter_id, draft_html, draft_text, drafted, drafted))
            revision_id += 1
            revision_batch.append((revision_id, letter_id, html, text, created, created))
            if len(letter_batch) >= 5_000:
                flush()
                if progress and letter_id % 100_000 == 0:
                    report(f"{letter_id:,} letters")
        last_letter[recipient] = _iso(moments[-1])
    flush()
    landmarks.keepsake_words = sorted(
        {keepsake_of[r] for r in landmarks.long_standing_recipients[:5] if keepsake_of[r] in written}
    )
    conn.executemany("UPDATE people SET last_letter_at = ? WHERE id = ?", [(v, k) for k, v in last_letter.items()])
    conn.execute("COMMIT")
    report(f"{letter_id:,} letters, {revision_id:,} revisions")

    for kind, _name, sql in saved:
        if kind == "index":
            conn.execute(sql)
    report("indexes")
    conn.execute("BEGIN")
    search_words.rebuild(conn)  # the app's own code: one search document per person
    conn.execute("COMMIT")
    report("search words per person")
    for table in ("people", "notes", "letters", "person_words"):
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES('rebuild')")
        report(f"search index for {table}")
    for kind, _name, sql in saved:
        if kind == "trigger":
            conn.execute(sql)
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    report("done")
    return landmarks


def landmarks_path(archive: Path) -> Path:
    return archive.with_suffix(".landmarks.json")


def ensure(scale: Scale, folder: Path, *, progress: bool = True) -> tuple[Path, Landmarks]:
    """The cached archive for `scale` under `folder`, generated first when missing."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"big-{scale.key}.sqlite3"
    marks = landmarks_path(path)
    if path.exists() and marks.exists():
        return path, Landmarks(**json.loads(marks.read_text(encoding="utf-8")))
    # Any file of this scale (a half-built one, or one from an older generator: 12 GB each at
    # full scale) goes before building anew.
    for stale in folder.glob(f"big-v*-{scale.key.split('-', 1)[1]}.*"):
        stale.unlink()
    building = path.with_name(path.name + ".building")
    if progress:
        print(f"Generating the {scale.key} archive in {folder} (once; later runs reuse it)...", flush=True)
    landmarks = generate(building, scale, progress=progress)
    marks.write_text(landmarks.to_json(), encoding="utf-8")
    building.rename(path)
    return path, landmarks


def content_digest(path: Path) -> str:
    """A digest of every row the generator writes (not of file layout), to prove determinism."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    digest = hashlib.sha256()
    for table, order in (
        ("people", "id"),
        ("person_tags", "person_id, tag"),
        ("relationships", "id"),
        ("notes", "id"),
        ("important_dates", "id"),
        ("letters", "id"),
        ("revisions", "id"),
    ):
        # Person 1 (the app's own record of its user) carries the moment the archive was made.
        where = " WHERE id != 1" if table == "people" else ""
        for row in conn.execute(f"SELECT * FROM {table}{where} ORDER BY {order}"):
            digest.update(repr(row).encode("utf-8"))
    conn.close()
    return digest.hexdigest()


def iter_counts(path: Path) -> Iterator[tuple[str, int]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    for table in ("people", "notes", "relationships", "important_dates", "letters", "revisions"):
        yield table, conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.big_archive", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the archive file to create (must not exist)")
    parser.add_argument("--people", type=int, default=FULL.people)
    parser.add_argument("--notes", type=int, default=FULL.notes)
    parser.add_argument("--letters", type=int, default=FULL.letters)
    parser.add_argument("--seed", type=int, default=FULL.seed)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"big_archive: {args.out} already exists; choose a new file.", file=sys.stderr)
        return 2
    began = time.perf_counter()
    generate(args.out, Scale(args.people, args.notes, args.letters, args.seed), progress=True)
    size = args.out.stat().st_size / 1e9
    counts = ", ".join(f"{count:,} {table}" for table, count in iter_counts(args.out))
    print(f"big_archive: {counts}; {size:.1f} GB in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
