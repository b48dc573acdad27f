"""Gatherings from an article: one draft row per place and day, in the story format.

The article is read in order, with what a reader keeps in mind: the section's
place (from its heading), the dateline, the last place and the last day named.
Each crowd size (:mod:`.quantities`) goes to the place its sentence names (the
first after it, else the last before it; a place after "solidarity with" only
when there is no other), or to the place in mind; to the day its sentence names,
else the last day named in a sentence about that place (or about no place), else
the article's first day. A list of places ("hundreds in Beaumont and
Nacogdoches") gives the size to each. Sizes of one place and day from different
sentences or sources are one row whose ``size_text`` joins them with "; ", as
CCC codes them. A sentence that reports a gathering in the past tense with a
place or a day but no number ("Colorado teachers walked off the job and rallied
in Denver") is a row with an empty ``size_text``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from turnout.columns import RAW_COLUMNS
from turnout.draft import notes as note_text
from turnout.draft.dates import _EXPLICIT, DateMention, find_dates
from turnout.draft.places import (
    PlaceMention,
    compatible,
    find_dateline,
    find_places,
    resolve_states,
)
from turnout.draft.quantities import _NATIONAL, Quantity, find_quantities
from turnout.draft.sentences import Sentence, split_sentences
from turnout.draft.weather import WeatherMention, find_weather
from turnout.ranking import reach
from turnout.sizes import size_problem
from turnout.temperature import parse_temperature

# A day more than this far from publication is used only by the sentence that names it.
_CONTEXT_DAYS = 21
_GATHER = re.compile(
    r"\b(?:rallied|marched|gathered|protested|demonstrated|picketed|walked (?:out|off)|"
    r"chanted|packed|thronged|poured into|converged|staged|took to the streets|took part|"
    r"sat in|occupied|blockaded|assembled|held (?:a|an|their|its|two|three|several|"
    r"candlelight|weekly)?\s?(?:[\w-]+ ){0,2}(?:rally|rallies|vigil|vigils|march|marches|"
    r"protest|protests|demonstration|demonstrations|walkout|sit-in|picket|die-in|teach-in))\b",
    re.IGNORECASE,
)
_NOT_ONCE = re.compile(
    r"\b(?:have|has|had been|will|would|plans?|planned|planning|scheduled|expect\w*|weekly|"
    r"every|regularly|daily|often|traditionally|annual|usually|tomorrow)\b",
    re.IGNORECASE,
)
_TYPES = [
    ("rall", "rally"),
    ("march", "march"),
    ("vigil", "vigil"),
    ("walk-out", "walkout"),
    ("walkout", "walkout"),
    ("walked out", "walkout"),
    ("strike", "strike"),
    ("demonstrat", "demonstration"),
    ("protest", "protest"),
    ("sit-in", "sit-in"),
    ("picket", "picket"),
    ("die-in", "die-in"),
]
_RECENT = 40  # days named: how far back a sentence without a day looks for one
_NEAR = 120  # characters: beyond this, a place after a number is likely in another clause
_LOCATIVE = frozenset("in at outside inside near across throughout of to into".split())
# Sentences whose days may be the day in mind for the next ones: they are about gatherings.
_EVENTISH = re.compile(
    r"\b(?:[Rr]all\w*|march\w*|Marche[sr]\w*|[Pp]rotest\w*|[Dd]emonstrat\w*|[Vv]igil\w*|"
    r"[Ss]trike\w*|[Ww]alk-?outs?|walked out|[Gg]ather\w*|sit-in|[Pp]icket\w*|[Cc]rowd\w*|"
    r"[Oo]ccup\w*|[Mm]archers?)\b"
)
_COORDINATED = re.compile(r"^\s*(?:,\s*(?:and|or|&)?|and|or|&|/)\s*$")


@dataclass
class Span:
    """Words the draft used: ``kind`` is place, date, size or weather; ``rows`` the rows."""

    start: int
    end: int
    kind: str
    rows: set[int] = field(default_factory=set)


@dataclass
class _Gathering:
    place: PlaceMention
    date: dt.date
    order: int
    estimates: list[Quantity] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    weather: list[WeatherMention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Draft:
    """A drafted article: its rows (story columns), the spans they use, the numbers left out."""

    text: str
    rows: Any  # pandas.DataFrame with RAW_COLUMNS
    spans: list[Span]
    left_out: list[Quantity]


@dataclass
class _Read:
    sentence: Sentence
    places: list[PlaceMention]
    dates: list[DateMention]
    weather: list[WeatherMention]


def _read(text: str, published: dt.date) -> tuple[list[_Read], set[tuple[int, int]]]:
    """Each sentence with its places (states resolved), days and weather; the datelines."""
    reads: list[_Read] = []
    datelines: set[tuple[int, int]] = set()
    first_in_block: set[int] = set()
    mentions: list[PlaceMention] = []
    sections: list[int] = []
    for s in split_sentences(text):
        places: list[PlaceMention] = []
        if s.kind == "paragraph" and s.block not in first_in_block:
            first_in_block.add(s.block)
            dateline = find_dateline(s.text, s.start)
            if dateline is not None:
                places.append(dateline)
                datelines.add((dateline.start, dateline.end))
        found = find_places(s.text, s.start, heading=s.kind == "heading")
        places += [p for p in found if not any(p.start < q.end and q.start < p.end for q in places)]
        places.sort(key=lambda p: p.start)
        reads.append(_Read(s, places, find_dates(s.text, published, s.start), []))
        mentions += places
        sections += [s.section] * len(places)
    resolved = iter(resolve_states(mentions, sections))
    for r in reads:
        r.places = [next(resolved) for _ in r.places]
        if r.sentence.kind != "heading":
            r.weather = find_weather(r.sentence.text, r.sentence.start)
    return reads, datelines


def _choose(q_start: int, q_end: int, cities: list[PlaceMention], text: str) -> list[PlaceMention]:
    """The place(s) a number in this sentence belongs to, with any list it stands in.

    The nearest place wins, counting characters, with the sentence's grammar as a
    weight: a place after "in" or "at" ("500 rallied in Denver"), a place that owns
    the subject ("New York's event drew 30,000") or opens the sentence ("In Chicago,
    thousands ...") counts as half as far; a comma between counts half again as far,
    a semicolon three times. Places named only as the reason for a gathering
    ("in solidarity with ... Minneapolis") and places inside a name ("the San
    Francisco Chronicle") are not chosen here: the caller falls back on the place
    in mind.
    """
    pool = [c for c in cities if not c.guarded and (not c.weak or c.venue)]
    if not pool:
        return []
    best, best_score = pool[0], float("inf")
    for c in pool:
        after = c.start >= q_end
        gap = text[q_end : c.start] if after else text[c.end : q_start]
        factor = 1.0
        if after:
            words = gap.split()
            if words and words[-1].lower() in _LOCATIVE:
                factor = 0.5
            elif len(gap) > _NEAR:
                factor = 2.0
        else:
            opener = text[max(0, c.start - 4) : c.start].split()
            if c.text.endswith(("’s", "'s")) or (opener and opener[-1] in ("In", "At")):
                factor = 0.5
        if ";" in gap or "—" in gap:
            factor *= 3
        elif "," in gap:
            factor *= 1.5
        score = (len(gap) + 1) * factor
        if score < best_score:
            best, best_score = c, score
    i = cities.index(best)
    lo = hi = i
    while lo > 0 and _COORDINATED.match(text[cities[lo - 1].end : cities[lo].start]):
        lo -= 1
    while hi + 1 < len(cities) and _COORDINATED.match(text[cities[hi].end : cities[hi + 1].start]):
        hi += 1
    return [c for c in cities[lo : hi + 1] if not c.guarded]


def _key(p: PlaceMention, d: dt.date) -> tuple[str, str, dt.date]:
    return (p.name, p.state, d)


def build_draft(
    text: str,
    *,
    published: dt.date,
    source_name: str | None = None,
    source_url: str | None = None,
) -> Draft:
    """Draft an article: rows, the spans they used, and the numbers left out (with reasons)."""
    import pandas as pd

    reads, datelines = _read(text, published)
    rows: dict[tuple[str, str, dt.date], _Gathering] = {}
    left_out: list[Quantity] = []
    history: list[tuple[DateMention, list[PlaceMention], int]] = []
    counts: dict[tuple[str, str], int] = {}
    dateline: PlaceMention | None = None
    for r in reads:
        for p in r.places:
            if p.kind == "city" and not p.origin and not p.weak:
                counts[(p.name, p.state)] = counts.get((p.name, p.state), 0) + 1
        if dateline is None:
            dateline = next((p for p in r.places if (p.start, p.end) in datelines), None)
    main = None
    if len(counts) == 1:  # a round-up's most named city is not every sentence's place
        name, state = max(counts, key=lambda k: counts[k])
        main = next(
            p
            for r in reads
            for p in r.places
            if (p.name, p.state) == (name, state) and p.kind == "city"
        )
    # The article's first day (from any sentence that is not a plan or another year's):
    # the day of sentences that come before any day is named ("a million in Boston; ...").
    lead: DateMention | None = next(
        (
            d
            for r in reads
            if r.sentence.kind != "heading"
            and not _NOT_ONCE.search(r.sentence.text)
            and not _other_year(r.sentence.text, published)
            for d in r.dates
            if not d.future and abs((d.date - published).days) <= _CONTEXT_DAYS
        ),
        None,
    )
    section_place: dict[int, PlaceMention] = {}
    last_place: PlaceMention | None = None
    recent: list[PlaceMention] = []  # the cities of the last sentence that named any
    last_section = -1
    pending_weather: list[tuple[tuple[str, str, dt.date], WeatherMention, Sentence]] = []

    def context_place() -> tuple[PlaceMention | None, str]:
        # A sentence that names only a state ("a major New Jersey highway") means the city
        # of that state the sentences before named, even among others.
        wanted = {p.state for p in r.places if p.kind == "state"}
        if wanted:
            for p in reversed(recent):
                if p.state in wanted:
                    return p, "place from the sentences before"
        if last_place is not None:
            return last_place, "place from the sentences before"
        if r.sentence.section in section_place:
            return section_place[r.sentence.section], "place from the section heading"
        if dateline is not None:
            return dateline, "place from the dateline"
        if main is not None:
            return main, "place: the city the article names most"
        return None, ""

    def context_date(place: PlaceMention | None, idx: int) -> tuple[DateMention | None, str]:
        # The last days named are enough: a day far back is not the one in mind.
        for d, places, at in reversed(history[-_RECENT:]):
            near = abs((d.date - published).days) <= _CONTEXT_DAYS
            if (near or reads[at].sentence.block == reads[idx].sentence.block) and compatible(
                place, places
            ):
                return d, f"date from the text before ('{d.text}')"
        if lead is not None:
            return lead, f"date: the article's first day ('{lead.text}')"
        return None, ""

    def gathering(place: PlaceMention, date: dt.date, order: int) -> _Gathering:
        key = _key(place, date)
        if key not in rows:
            rows[key] = _Gathering(place, date, order)
            if place.kind == "abroad":
                where = place.note or "outside the US"
                rows[key].notes.append(f"{where}: cleaning will reject this row")
            elif place.note:
                rows[key].notes.append(place.note)
        return rows[key]

    earlier = -1  # the block of the last sentence about another year's event
    for idx, r in enumerate(reads):
        s = r.sentence
        if _other_year(s.text, published):
            earlier = s.block
        elif not (s.block == earlier and _THAT.match(s.text)):
            earlier = -1
        if s.section != last_section:
            last_section = s.section
            last_place = None
            recent = []
        cities = [p for p in r.places if p.kind == "city" and not p.origin]
        states = [p for p in r.places if p.kind == "state"]
        abroad = [p for p in r.places if p.kind == "abroad"]
        if s.kind == "heading":
            if cities and s.section not in section_place:
                section_place[s.section] = cities[0]
                last_place = cities[0]
            continue
        past = [d for d in r.dates if not d.future]
        skip = tuple((d.start - s.start, d.end - s.start) for d in r.dates)
        # A dateline names where the reporter is, not a place the sentence is about:
        # "Washington, DC—Hundreds of thousands gathered in cities across the nation".
        named = [c for c in cities if (c.start, c.end) not in datelines]
        quantities = find_quantities(
            s.text,
            s.start,
            year=published.year,
            skip=skip,
            has_place=bool(named),
            listed=s.kind == "item",
        )
        made: list[_Gathering] = []
        for q in quantities:
            if q.crowd and earlier == s.block and not _other_year(s.text, published):
                q = _reason(q, "a number from another year's event (the sentence before)")
            if not q.crowd:
                left_out.append(q)
                continue
            if r.dates and not past:
                left_out.append(_reason(q, "a day after publication: a plan, not a gathering"))
                continue
            notes: list[str] = []
            ctx_span = None
            targets = _choose(q.start, q.end, cities, text) if cities else []
            if len(targets) > 1:
                notes.append(note_text.shared_note(q.text, [t.name for t in targets]))
            if targets:
                pass
            elif abroad:
                targets = [abroad[0]]
            else:
                place, why = context_place()
                if place is None and cities:
                    # Only a place inside a name, or one named as the reason: better than none.
                    place = next((c for c in cities if not c.guarded), cities[0])
                    why = ""
                if place is None or (states and place.state not in {p.state for p in states}):
                    left_out.append(_reason(q, "no city for it in the text"))
                    continue
                targets, ctx_span = [place], place
                notes.append(why)
            for target in targets:
                if past:
                    d = min(past, key=lambda m: abs(m.start - q.start))
                    why = d.note
                else:
                    d, why = context_date(target, idx)
                if d is None:
                    date, why = published, "no day in the text: the publication date; check"
                else:
                    date = d.date
                g = gathering(target, date, q.start)
                g.estimates.append(q)
                g.notes += notes + [why]
                if s not in g.sentences:
                    g.sentences.append(s)
                g.spans.append((q.start, q.end, "size"))
                g.spans.append((target.start, target.end, "place"))
                if d is not None:
                    g.spans.append((d.start, d.end, "date"))
                if ctx_span is not None:
                    g.spans.append((ctx_span.start, ctx_span.end, "place"))
                made.append(g)
        if (
            not made
            and s.kind == "paragraph"
            and earlier != s.block
            and _reports_gathering(s.text, published)
        ):
            made += _numberless(
                s, idx, named or cities, past, context_place, context_date, gathering, text, states
            )
        for w in r.weather:
            if _NOT_ONCE.search(s.text):
                continue
            if made:
                for g in made:
                    g.weather.append(w)
                    g.spans.append((w.start, w.end, "weather"))
            elif cities:
                d, _ = (
                    (min(past, key=lambda m: abs(m.start - w.start)), "")
                    if past
                    else context_date(cities[0], idx)
                )
                if d is not None:
                    pending_weather.append((_key(cities[0], d.date), w, s))
        strong = [c for c in cities if not c.guarded and not c.weak] or [
            c for c in cities if not c.guarded
        ]
        # The place in mind: the one city a sentence names ("from Colorado Springs to Denver
        # and Boulder" names no one place).
        if len({(c.name, c.state) for c in strong}) == 1:
            last_place = strong[-1]
        if strong:
            recent = strong
        # Days of plans, of other years' events and of sentences about no gathering
        # ("Watch the show on Monday") are not the days in mind.
        if (
            (made or _EVENTISH.search(s.text))
            and not _NOT_ONCE.search(s.text)
            and not _other_year(s.text, published)
        ):
            for d in past:
                history.append((d, r.places, idx))
    for key, w, s in pending_weather:
        if key in rows:
            rows[key].weather.append(w)
            rows[key].spans.append((w.start, w.end, "weather"))
            if s not in rows[key].sentences:
                rows[key].sentences.append(s)
    return _table(text, rows, left_out, published, source_name, source_url, pd)


def _reason(q: Quantity, reason: str) -> Quantity:
    from dataclasses import replace

    return replace(q, crowd=False, reason=reason)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _other_year(text: str, published: dt.date) -> bool:
    """True when the sentence names a year other than the publication's ("In 2006, ...").

    Years inside a full date ("Dec. 28, 2025") are that date's, not another event's.
    """
    return any(int(y) != published.year for y in _YEAR.findall(_EXPLICIT.sub(" ", text)))


# "In 2006, roughly one million marched. That march drew ...": the next sentence is about
# the same other event.
_THAT = re.compile(r"^(?:That|This|It|The (?:event|march|rally|protest|demonstration))\b")


def _reports_gathering(text: str, published: dt.date) -> bool:
    return (
        bool(_GATHER.search(text))
        and not _NOT_ONCE.search(text)
        and not _other_year(text, published)
    )


def _numberless(
    s, idx, cities, past, context_place, context_date, gathering, text, states
) -> list[_Gathering]:
    """A gathering the sentence reports without a number: a row with an empty size."""
    if not cities and not past:
        return []
    if not cities and _NATIONAL.search(s.text):
        return []
    notes = []
    if cities:
        pool = [c for c in cities if not c.guarded] or cities
        place = next((c for c in pool if not c.weak), pool[0])
        # "Students in Boston, New York and Washington walked out": each city a row.
        group = [place]
        i = cities.index(place)
        while i + 1 < len(cities) and _COORDINATED.match(text[cities[i].end : cities[i + 1].start]):
            i += 1
            group.append(cities[i])
    else:
        place, why = context_place()
        if place is None or (states and place.state not in {p.state for p in states}):
            return []  # "in Foley Square, New York": a state the place in mind is not in
        notes.append(why)
        group = [place]
    if past:
        d, why = past[0], past[0].note
    elif cities:
        d, why = context_date(place, idx)
        if d is None:
            return []
    else:
        return []
    notes.append(why)
    made = []
    for place in group:
        g = gathering(place, d.date, s.start)
        g.notes += notes
        if s not in g.sentences:
            g.sentences.append(s)
        g.spans += [(place.start, place.end, "place"), (d.start, d.end, "date")]
        made.append(g)
    return made


def _restated(estimates: list[Quantity]) -> set[str]:
    """Crowd words the article restates as a number for the same gathering ("Thousands of
    teachers ..." over "About 4,400 teachers gathered"): the number is the estimate, the
    words only a vaguer telling of it. Only the article's own words and numbers: where a
    source is named ("hundreds" by the article, "about 700" by police), those are two
    estimates, as CCC codes them."""
    numbers = [q.low for q in estimates if not q.source and any(ch.isdigit() for ch in q.text)]
    return {
        q.text
        for q in estimates
        if not q.source
        and not any(ch.isdigit() for ch in q.text)
        and any(q.low <= n < reach(q.text, q.low) for n in numbers)
    }


def _table(text, rows, left_out, published, source_name, source_url, pd) -> Draft:
    ordered = sorted(rows.values(), key=lambda g: (g.order, g.date))
    out = []
    spans: dict[tuple[int, int, str], Span] = {}
    for n, g in enumerate(ordered):
        restated = _restated(g.estimates)
        texts = list(dict.fromkeys(q.text for q in g.estimates if q.text not in restated))
        lowered: dict[str, str] = {}
        for t in texts:
            lowered.setdefault(t.lower(), t)
        sizes = list(lowered.values())
        sources = [(t, next(q.source for q in g.estimates if q.text == t)) for t in sizes]
        numeric = [w for w in g.weather if parse_temperature(w.text).label != "relative"]
        weather = list(dict.fromkeys(w.text for w in (numeric or g.weather)))
        quote = " … ".join(dict.fromkeys(" ".join(s.text.split()) for s in g.sentences))
        notes = list(g.notes)
        if len(sources) > 1:
            notes.append(note_text.estimates_note(sources))
        elif sources and sources[0][1]:
            notes.append(f"estimate from {sources[0][1]}")
        if not sizes:
            notes.append("no crowd size in the text")
        notes += [f"size_text: {why}" for why in map(size_problem, sizes) if why]
        kinds = [label for key, label in _TYPES if key in quote.lower()]
        out.append(
            {
                "date": g.date.isoformat(),
                "locality": g.place.name,
                "state": g.place.state,
                "location_detail": "",
                "type": "; ".join(dict.fromkeys(kinds)),
                "title": "",
                "organizations": "",
                "participants": "",
                "claims": "",
                "size_text": "; ".join(sizes),
                "temp_text": "; ".join(weather),
                "source_name": source_name or "",
                "source_date": published.isoformat(),
                "source_url": source_url or "",
                "source_quote": quote,
                "notes": note_text.join_notes(notes),
            }
        )
        for start, end, kind in g.spans:
            spans.setdefault((start, end, kind), Span(start, end, kind)).rows.add(n)
    table = pd.DataFrame(out, columns=RAW_COLUMNS, dtype="object")
    return Draft(text, table, sorted(spans.values(), key=lambda sp: sp.start), left_out)
