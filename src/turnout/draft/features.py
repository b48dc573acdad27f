"""What the model sees of a candidate gathering: general facts of its clause, no words.

Each feature is a number between 0 and 1 that holds on any article: whether the
place's clause reports a gathering, the place's kind (after "in" or "at", a
landmark, part of a name, the dateline, a heading's), total words ("nationwide"),
plans and habits, quotation, another year, where the day came from, how long the
sentence is and how often the article names the place, whether the rules gave the
sentence's number to another place. No word of any one article is a feature.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from turnout.draft.candidates import GATHERING_WORD, OTHER_EVENT, Candidate
from turnout.draft.gatherings import (
    _ATTRIBUTIVE,
    _GATHER,
    _GATHERING_NOUN,
    _clause,
    _gathering_clause,
    _not_once,
    _other_year,
    _quoted,
)
from turnout.draft.places import PlaceMention
from turnout.draft.quantities import _NATIONAL

NAMES = (
    "bias",
    "its clause reports a gathering",
    "a gathering verb in the sentence",
    "a gathering noun in the sentence",
    "after in, at, outside",
    "part of a longer name",
    "a landmark or borough",
    "named as the reason",
    "the dateline",
    "a photo caption",
    "a line of a list",
    "its section heading's place",
    "total words in the sentence",
    "a plan or a habit",
    "in a quotation",
    "another year named",
    "the sentence names the day",
    "the day is the publication date",
    "days before publication",
    "capitalized words in the sentence",
    "times the article names it",
    "a person's or an office's town",
    "among the first sentences",
    "words to the nearest gathering word",
    "its sentence has a crowd number",
    "rows the rules built",
    "a day of the rules' rows",
    "its state was guessed",
    "a plan or a habit in its clause",
    "a cause or another event just before it",
    "a gathering word in its clause",
    "the rules gave its sentence's number to another place",
    "a word of coming from just before it",
    "a capitalized word right after it",
    "a word of harm before it in its sentence",
    "in a list of places",
)

_WORD = re.compile(r"\S+")
# Where people came from, not where they gathered ("came from as far away as Cleveland").
_ORIGIN = re.compile(
    r"\b(?:(?:came|come|coming|traveled|travelled|bused|drove|flew|hailed|arrived)\b[^.;]{0,40}"
    r"\bfrom|as far (?:away )?as|natives? of|hometown of)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
# A capitalized word right after a place, not a day, a month or a state: the place is part
# of a name the gazetteer does not hold ("Elizabeth Caruthers Park").
_NAME_GOES_ON = re.compile(
    r"^ +(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida"
    r"|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    r"|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\b"
    r"|North|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode|South|Tennessee|Texas|Utah|Vermont"
    r"|Virginia|Washington|West|Wisconsin|Wyoming|D\.C)[A-Z][a-z]"
)
# Words of harm done ("gunned down ... in the Orlando suburb of Sanford").
_HARMED = re.compile(
    r"\b(?:kill(?:ed|ing|ings)?|shot|shootings?|gunned|slain|murder(?:ed|s)?|died|dead|deaths?|"
    r"victims?|attack(?:ed|s)?|assault(?:ed|s)?|injur(?:ed|ies)|wounded|beaten)\b",
    re.IGNORECASE,
)
# A place in a list of names: a capitalized word, then a comma, "and", "or", "to" or a
# semicolon, then the place (or the place, then one of those and a capitalized word).
_LISTED_BEFORE = re.compile(r"[A-Z][\w.]*,?\s*(?:,|;|\band\b|\bor\b|\bto\b)\s*$")
_LISTED_AFTER = re.compile(r"^(?:,\s*[A-Z][a-z.]+)?\s*(?:,|;|\band\b|\bor\b|\bto\b)\s*[A-Z]")


@dataclass(frozen=True)
class Article:
    """What the features need of the whole article."""

    published: dt.date
    named: dict[tuple[str, str], int]  # times each city is named
    datelines: frozenset[tuple[int, int]]
    sized_sentences: frozenset[int]  # starts of sentences a number row came from
    rule_days: frozenset[dt.date]
    rule_rows: int
    row_days: tuple[tuple[str, str, dt.date], ...] = ()  # the rules' rows' places and days
    shared: dict[int, int] = field(default_factory=dict)  # rules' rows per number (its start)


def article_facts(
    candidates: list[Candidate],
    places: list[tuple[str, str]],
    datelines: set[tuple[int, int]],
    published: dt.date,
) -> Article:
    """The article-wide facts the features of its candidates use.

    >>> a = article_facts([], [("Denver", "CO"), ("Denver", "CO")], set(), dt.date(2020, 6, 7))
    >>> a.named[("Denver", "CO")], a.rule_rows
    (2, 0)
    """
    named: dict[tuple[str, str], int] = {}
    for p in places:
        named[p] = named.get(p, 0) + 1
    ruled = [c for c in candidates if c.ruled]
    shared: dict[int, int] = {}
    for c in ruled:
        for q in {q.start for q in c.estimates}:
            shared[q] = shared.get(q, 0) + 1
    return Article(
        published,
        named,
        frozenset(datelines),
        frozenset(c.sentence.start for c in ruled if c.sized),
        frozenset(c.date for c in ruled),
        len(ruled),
        tuple(c.key for c in ruled),
        shared,
    )


def _distance(text: str, start: int, end: int) -> int:
    """Words between the place (``start``:``end`` in ``text``) and the nearest gathering word."""
    best = 99
    for m in GATHERING_WORD.finditer(text):
        if m.end() <= start:
            best = min(best, len(_WORD.findall(text[m.end() : start])))
        elif m.start() >= end:
            best = min(best, len(_WORD.findall(text[end : m.start()])))
    return best


def features(c: Candidate, a: Article) -> list[float]:
    """The candidate's features, in the order of :data:`NAMES`.

    >>> from turnout.draft.gatherings import build_draft
    >>> day = dt.date(2020, 6, 7)
    >>> d = build_draft("Vigils were also held in Omaha on Saturday.", published=day, model=False)
    >>> dict(zip(NAMES, features(d.candidates[0], d.facts)))["its clause reports a gathering"]
    1.0
    """
    s, p = c.sentence, c.place
    text = s.text
    inside = s.start <= p.start and p.end <= s.end and not c.heading
    at, end = p.start - s.start, p.end - s.start
    back = (a.published - c.date).days
    values = (
        1,
        inside and _gathering_clause(text, at, end),
        _GATHER.search(text) is not None,
        _GATHERING_NOUN.search(text) is not None,
        p.locative,
        p.weak and not p.venue,
        "landmark table" in p.note,
        p.guarded,
        (p.start, p.end) in a.datelines,
        s.kind == "caption",
        s.kind == "item",
        c.heading,
        _NATIONAL.search(text) is not None,
        _not_once(text),
        inside and _quoted(text, at),
        _other_year(text, a.published),
        c.own_day,
        back == 0,
        min(max(back, 0), 7) / 7,
        min(sum(1 for _ in re.finditer(r"[A-Z][a-z]+", text)) / 40, 1.0),
        min(a.named.get((c.name, c.state), 0), 5) / 5,
        inside and _ATTRIBUTIVE.match(text, end) is not None,
        c.index < 3,
        min(_distance(text, at, end) if inside else 30, 30) / 30,
        s.start in a.sized_sentences,
        min(a.rule_rows, 10) / 10,
        c.date in a.rule_days,
        bool(p.note) and "landmark table" not in p.note,
        inside and _not_once(_clause(text, at)),
        inside and OTHER_EVENT.search(text, max(0, at - 70), at) is not None,
        inside and GATHERING_WORD.search(_clause(text, at)) is not None,
        not c.ruled and s.start in a.sized_sentences,
        inside and _ORIGIN.search(text, max(0, at - 90), at) is not None,
        inside and _NAME_GOES_ON.match(text[end:]) is not None,
        inside and _HARMED.search(text, max(0, at - 120), at) is not None,
        inside and _listed(text, at, end),
    )
    return [float(v) for v in values]


def _listed(text: str, at: int, end: int) -> bool:
    """Whether the place at ``at``:``end`` of ``text`` stands in a list of names.

    >>> t = "From New York to Los Angeles, and Chicago to Miami, people turned out."
    >>> _listed(t, t.index("Miami"), t.index("Miami") + 5)
    True
    >>> t = "Protesters gathered in Denver on Saturday."
    >>> _listed(t, t.index("Denver"), t.index("Denver") + 6)
    False
    """
    return bool(
        _LISTED_BEFORE.search(text[max(0, at - 40) : at]) or _LISTED_AFTER.match(text[end:])
    )


# What the drop head sees of a row the rules built: its number, its clause, its place and
# its day, in general terms (never an article's words).
DROP_NAMES = (
    "bias",
    "the row has a number",
    "its number counts people",
    "total words in its number's clause",
    "several rows share its number",
    "a plan or a habit in its clause",
    "in a quotation",
    "a line of a list or a caption",
    "a gathering word in its sentence",
    "its clause reports a gathering",
    "after in, at, outside",
    "a landmark, a borough or part of a longer name",
    "its state was guessed",
    "the dateline or a place named outside its sentence",
    "its sentence names the day",
    "days before publication",
    "another year named",
    "a cause or another event just before it",
    "times the article names it",
    "rows the rules built",
    "place in the article",
    "a small town (under 100,000 people)",
    "the rules built its place on another day too",
    "no other rules' row has its day",
    "its largest number is under 20",
    "a word of death or violence in its sentence",
)
# Words of what was done to people, not of what they did ("eight people, six of them
# Asian women, were killed").
_HARM = re.compile(
    r"\b(?:kill(?:ed|ing|ings)?|shot|shootings?|murder(?:ed|s)?|died|dead|deaths?|victims?|"
    r"attack(?:ed|s)?|assault(?:ed|s)?|injur(?:ed|ies)|wounded|arrest(?:ed|s)?)\b",
    re.IGNORECASE,
)
# A noun for people right after a number ("3,000 people", "hundreds of protesters").
_PEOPLE = re.compile(
    r"^\W*(?:(?:of|more|other|\w+ly|[a-z]+-?\w*)\s+){0,2}(?:people|persons|protesters|"
    r"protestors|demonstrators|marchers|students|workers|teachers|members|supporters|"
    r"activists|residents|participants|attendees|mourners|advocates|women|men|voters|"
    r"nurses|parents|crowd|rallygoers|strikers|picketers|families|neighbors|youth|"
    r"immigrants|employees|union|educators|children|veterans|clergy)\b",
    re.IGNORECASE,
)


def _counts_people(text: str, end: int, words: str) -> bool:
    """True when a number's words or the words right after it (``end`` in ``text``) name
    people or a crowd."""
    return bool(_PEOPLE.match(text[end : end + 60]) or _PEOPLE.search(words))


def row_features(c: Candidate, a: Article) -> list[float]:
    """A rules' row's features for the drop head, in the order of :data:`DROP_NAMES`.

    >>> from turnout.draft.gatherings import build_draft
    >>> d = build_draft("About 300 people rallied in Omaha on Saturday.",
    ...                 published=dt.date(2020, 6, 7), model=False)
    >>> f = dict(zip(DROP_NAMES, row_features(d.candidates[0], d.facts)))
    >>> f["its number counts people"], f["total words in its number's clause"]
    (1.0, 0.0)
    """
    s, p = c.sentence, c.place
    text = s.text
    inside = s.start <= p.start and p.end <= s.end
    at, end = p.start - s.start, p.end - s.start
    qs = [q for q in c.estimates if s.start <= q.start < s.end] or list(c.estimates)
    clauses = [_clause(text, q.start - s.start) for q in qs if s.start <= q.start < s.end]
    back = (a.published - c.date).days
    values = (
        1,
        bool(c.estimates),
        any(_counts_people(text, q.end - s.start, q.text) for q in qs if q.start >= s.start),
        any(_NATIONAL.search(x) is not None for x in clauses),
        max((a.shared.get(q.start, 0) for q in c.estimates), default=0) > 1,
        inside and _not_once(_clause(text, at)),
        inside and _quoted(text, at),
        s.kind in ("item", "caption"),
        GATHERING_WORD.search(text) is not None,
        inside and _gathering_clause(text, at, end),
        p.locative,
        p.weak or "landmark table" in p.note,
        bool(p.note) and "landmark table" not in p.note,
        not inside or (p.start, p.end) in a.datelines,
        c.names_day,
        min(max(back, 0), 7) / 7,
        _other_year(text, a.published),
        inside and OTHER_EVENT.search(text, max(0, at - 70), at) is not None,
        min(a.named.get((c.name, c.state), 0), 5) / 5,
        min(a.rule_rows, 10) / 10,
        min(c.index, 30) / 30,
        0 < _population(p) < 100_000,  # (a neighborhood the gazetteer holds as a place)
        any(k[:2] == c.key[:2] and k[2] != c.date for k in a.row_days),
        len(a.row_days) > 1 and all(k[2] != c.date for k in a.row_days if k != c.key),
        bool(c.estimates) and max(q.high for q in c.estimates) < 20,
        _HARM.search(text) is not None,
    )
    return [float(v) for v in values]


def _population(p: PlaceMention) -> int:
    """The largest population of a city of the place's name in its state (0 unknown).

    >>> _population(PlaceMention(0, 5, "Omaha", "city", "Omaha", "NE", candidates=("NE",),
    ...                          populations=(486051,)))
    486051
    """
    pops = dict(zip(p.candidates, p.populations, strict=False))
    return pops.get(p.state, 0)
