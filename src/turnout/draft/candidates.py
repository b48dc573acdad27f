"""Every (place, day) an article might report a gathering at: the model's candidates.

The rules (:mod:`.gatherings`) build a row only where their grammar is sure. This
module over-proposes, the way a first reader would underline: each row the rules
built, and each US city a sentence names where the sentence speaks of a gathering
(a gathering noun or verb: "rally", "vigil", "took to the streets", "crowd"),
with the day its clause names, else the day in mind (the last day of a sentence
about a gathering), else the article's first day. :mod:`.features` describes
each candidate and :mod:`.model` keeps or drops it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from turnout.draft.dates import DateMention
from turnout.draft.harm import harm_words
from turnout.draft.places import PlaceMention
from turnout.draft.sentences import Sentence

# Any word of gathering, noun or verb (wider than the rules' verbs: an open class).
GATHERING_WORD = re.compile(
    r"\b(?:rall(?:y|ies|ied|ying)|march(?:ed|es|ing|ers?)?|protest(?:s|ed|ing|ers?|ors?)?|"
    r"vigils?|demonstrat(?:ions?|ed|ing|ors?)|walk-?outs?|walked (?:out|off)|strik(?:e|es|ers|ing)|"
    r"pickets?|picket(?:ed|ing|ers)|crowds?|gather(?:ed|ing|ings)?|took to the streets|"
    r"sit-ins?|die-ins?|teach-ins?|encampments?|occup(?:ied|ation|y)|mass(?:ed)?|"
    r"turned out|turnout|assembled|converged|swarmed|packed|filled|thronged|"
    r"mourners|attendees|participants|clash(?:ed|es)?|blockaded?|chant(?:ed|ing)|"
    r"candlelight|event|participat\w*)\b",
    re.IGNORECASE,
)
_CONTEXT_DAYS = 21  # as the rules: a day farther from publication is its own sentence's only


@dataclass(frozen=True)
class Candidate:
    """A place and day the article may report a gathering at, with where it was read.

    ``ruled`` is True for a row the rules built (``sized`` when it has a number);
    ``own_day`` when the sentence itself names the day.
    """

    name: str
    state: str
    date: dt.date
    place: PlaceMention
    sentence: Sentence
    index: int  # the sentence's place in the article
    ruled: bool
    sized: bool = False
    own_day: bool = False
    heading: bool = False  # the place is its section's heading's, not the sentence's
    day_note: str = ""  # where the day came from, for the reviewer
    estimates: tuple[Any, ...] = ()  # a rules' row's numbers (quantities.Quantity)
    names_day: bool = False  # a rules' row whose first sentence names its day

    @property
    def key(self) -> tuple[str, str, dt.date]:
        """The row this candidate would be: place and day."""
        return (self.name, self.state, self.date)


def _day_in_clause(dates: list[DateMention], at: int, published: dt.date) -> DateMention | None:
    """The past day of the sentence nearest the place at ``at``."""
    past = [d for d in dates if not d.future and d.date <= published]
    return min(past, key=lambda d: abs(d.start - at)) if past else None


# Words that tie a place to something other than a gathering: "after the shootings in El
# Paso", "violent attacks in Atlanta", "police in Minneapolis", "arrests were made in Portland".
OTHER_EVENT = re.compile(
    r"\b(?:after|since|because|killing|killed|shot|shootings?|attacks?|died|death|arrest\w*|police|"
    r"officers?|born|lives?|living|home|resident)\b[^.]{0,60}$",
    re.IGNORECASE,
)


# A place joined to a total's scope names where the total was, not a gathering of its own
# ("rising up, in Minneapolis and across the country from coast to coast").
_BESIDE_TOTAL = re.compile(
    r",?\s*(?:and|or)\s+(?:(?:across|around|throughout)\s+the\s+(?:country|nation|world)|"
    r"nationwide|worldwide|elsewhere)\b",
    re.IGNORECASE,
)


# A place named as where people came from, what a place is near, or where a march headed
# is not where they gathered ("came from nearby places like Washington, New Jersey and New
# York, but also from as far away as Cleveland", "In Santa Ana, near Los Angeles").
_NOT_THE_SCENE = re.compile(
    r"\b(?:(?:came|come|coming|traveled|travell?ed|bused|drove|flew|hailed)\s+(?:in\s+)?from"
    r"|as\s+far\s+(?:away\s+)?as|near|toward|towards)\s+"
    r"(?:[a-z ]{0,30}\b(?:like|such as|including)\s+)?"
    r"(?:(?:[A-Z][\w.'-]*\s*)+(?:,\s*|\s+and\s+|\s+or\s+))*(?:the\s+)?$"
)


# A sentence of people harmed or arrested ("In Boston, 24 were taken into custody"): with no
# gathering word, its place is no gathering's.
_HARMED_HERE = re.compile(rf"\b(?:{harm_words('outcome')}|{harm_words('scene')})\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")


def _plausible(text: str, at: int, p: PlaceMention) -> bool:
    """False for a place the rules know is no gathering's, whatever the sentence: inside a
    longer name, named as the reason, in a quotation, a person's or an office's town,
    after words of another event, joined to a total's scope ("in Minneapolis and across
    the country"), where people came from or what a place is near, or in a clause of a
    plan or a habit.

    >>> from turnout.draft.places import find_places
    >>> text = "He said he also planned to attend rallies in Newark."
    >>> _plausible(text, 45, find_places(text, 0)[0])
    False
    """
    from turnout.draft.gatherings import _ATTRIBUTIVE, _not_once, _quoted

    return not (
        (p.weak and not p.venue)
        or p.guarded
        or _quoted(text, at)
        or _ATTRIBUTIVE.match(text, at + p.end - p.start)
        or _BESIDE_TOTAL.match(text, at + p.end - p.start)
        or (
            _NOT_THE_SCENE.search(text, max(0, at - 120), at)
            and not _POSSESSIVE.match(text, at + p.end - p.start)
        )
        or OTHER_EVENT.search(text, max(0, at - 70), at)
        or _not_once(_near(text, at))
    )


def _near(text: str, at: int) -> str:
    """The words around a place, up to a dash or a semicolon: wider than a clause, so a
    list's plan reaches its places ("scheduled 24 rallies in cities including Atlanta")."""
    lo = max(0, at - 160)
    hi = min(len(text), at + 100)
    start = max((m.end() for m in _BREAK.finditer(text, lo, at)), default=lo)
    stop = _BREAK.search(text, at, hi)
    return text[start : stop.start() if stop else hi]


_BREAK = re.compile(r"[;—–]|\s--\s")


def propose(
    reads: list[Any],
    rows: dict[tuple[str, str, dt.date], Any],
    published: dt.date,
    datelines: frozenset[tuple[int, int]] = frozenset(),
) -> list[Candidate]:
    """The rules' rows and every other city named beside a gathering word, with a day (a
    dateline's city, where the reporter is, only when the rules built its row).

    ``reads`` are the drafter's sentences with their places and days; ``rows`` the
    rows the rules built (each with its place, estimates and sentences); ``datelines``
    the spans of the datelines, where the reporter is (no candidate by itself).

    >>> from turnout.draft.gatherings import build_draft
    >>> text = ("Thousands rallied in Washington on Sunday. Supplementing the massive action "
    ...         "in D.C. were some 20 solidarity rallies in 16 states, from the four corners "
    ...         "of the country-- Los Angeles, Seattle, Portland, Maine-- and points in between.")
    >>> d = build_draft(text, published=dt.date(2013, 2, 17), model=False)
    >>> [(c.name, c.ruled) for c in d.candidates]  # (the rules build no row for a total's list)
    [('Washington', True), ('Los Angeles', False), ('Seattle', False), ('Portland', False)]
    """
    found: dict[tuple[str, str, dt.date], Candidate] = {}
    order = {id(r.sentence): i for i, r in enumerate(reads)}
    for g in rows.values():
        s = g.sentences[0] if g.sentences else reads[0].sentence
        i = order.get(id(s), 0)
        own = any(d.date == g.date for d in reads[i].dates)
        c = Candidate(
            g.place.name, g.place.state, g.date, g.place, s, i, ruled=True,
            sized=bool(g.estimates), estimates=tuple(g.estimates), names_day=own,
        )  # fmt: skip
        found[c.key] = c
    for c in _unruled(reads, published, datelines):
        found.setdefault(c.key, c)
    return list(found.values())


def _cities(r: Any) -> list[PlaceMention]:
    return [p for p in r.places if p.kind == "city" and not p.origin]


def _unruled(
    reads: list[Any], published: dt.date, datelines: frozenset[tuple[int, int]]
) -> list[Candidate]:
    """Every city named beside a gathering word, with its day, whether or not the rules
    built its row (the first of each place and day counts)."""
    from turnout.draft.gatherings import _another_event, _lead_day, _other_year

    out: list[Candidate] = []
    in_mind: DateMention | None = None
    # Before any day is named, the article's first day, as the rules ("a million in
    # Boston; ..." then "on Saturday").
    lead: DateMention | None = _lead_day(reads, published)
    section_place: dict[int, PlaceMention] = {}
    for i, r in enumerate(reads):
        s = r.sentence
        cities = _cities(r)
        if s.kind == "heading":
            if cities and s.section not in section_place:
                section_place[s.section] = cities[0]
            continue
        gathering = GATHERING_WORD.search(s.text) is not None
        # A day named to compare is not in r.dates (dates.compared_day).
        own = [d for d in r.dates if not d.future and d.date <= published]
        # With no gathering word, a city after "in" or "at" is still proposed: the model
        # weighs it ("In Santa Ana, near Los Angeles, authorities deployed armored vehicles").
        wide = not gathering and any(p.locative for p in cities) and not _HARMED_HERE.search(s.text)
        if (gathering or wide) and not _other_year(s.text, published):
            heading = gathering and not cities and s.section in section_place
            places = [
                p
                for p in cities
                if (p.start, p.end) not in datelines
                and _plausible(s.text, p.start - s.start, p)
                and (gathering or p.locative)
            ]
            # A day in a later clause about something else is not the gathering's, as for
            # the rules' rows ("the number of gatherings, which followed several others on
            # Saturday": the places' day is the one in mind).
            theirs = [d for d in own if not _another_event(s.text, d.start - s.start)]
            for p in places or ([section_place[s.section]] if heading else []):
                day = _day_in_clause(theirs, p.start, published)
                use = day or in_mind or lead
                if use is None:
                    continue
                why = use.note if day else f"date from the text before ('{use.text}')"
                out.append(Candidate(
                    p.name, p.state, use.date, p, s, i, ruled=False, own_day=day is not None,
                    heading=heading, day_note=why,
                ))  # fmt: skip
            near = [d for d in theirs if abs((d.date - published).days) <= _CONTEXT_DAYS]
            if near:
                in_mind = near[-1]
                lead = lead or near[0]
    return out
