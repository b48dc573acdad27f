"""Who may be called the largest: the rule a headline follows over ranges, floors and ties.

A crowd size is an interval: "6,000 to 9,000" is [6,000, 9,000], "about 500,000" is
[500,000, 500,000], and a floor ("hundreds of thousands", "over 1,000") is [200,000, no
upper bound). Counts are ranked by their low end, the number the words support at the
least; the first is the *leader*. A headline may crown it only when nothing else could be
larger:

- **clear**: every other count's upper end is at most the leader's low end;
- **tie**: other counts are the very same interval as the leader's ("5,000" and "5,000");
  they share the headline ("Denver and Seattle ... 5,000 each");
- **floors above**: a floor whose top lies above the leader's low end could be larger;
  the headline names the leader's count and says the floor "may be larger". How far a
  floor may reach is read from its words (:func:`reach`), as a reader reads them: a crowd
  word stops short of the next scale word ("thousands" is fewer than 10,000, "hundreds of
  thousands" fewer than a million), a number floor short of the next round step, half as
  much again ("more than 2,000" would have been "more than 3,000"); so "thousands" and "over
  3,000" never outrank "about 50,000", nor "more than 2,000" a count of 6,200, but "hundreds
  of thousands" may outrank "an estimated 500,000";
- **ranges above**: a finite upper end above the leader's low end could be larger; the
  headline says it "may be larger".

Pure functions of numbers and words: no pandas, no matplotlib.

>>> r = rank([Claim("Los Angeles", 500_000, 500_000, False, "an estimated 500,000"),
...           Claim("Washington", 200_000, 200_000, True, "hundreds of thousands")])
>>> r.leader.name, [c.name for c in r.floors_above], r.clear
('Los Angeles', ['Washington'], False)
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import NamedTuple

from turnout.ap import ap_count, join_words


class Claim(NamedTuple):
    """One count as a headline may cite it.

    ``name`` is how the headline names its place; ``low``/``high`` its interval (``high``
    NaN or below ``low`` means one number); ``floor`` that the words give only a lowest
    number (no upper bound); ``words`` how the headline quotes it (the source's words);
    ``most`` the largest value they allow, when the caller knows it (a sum of floors adds
    each one's :func:`reach`), else :func:`reach` of the words.
    """

    name: str
    low: float
    high: float
    floor: bool
    words: str
    most: float | None = None

    @property
    def top(self) -> float:
        """The largest value the words allow (:func:`reach` for a floor).

        >>> Claim("A", 200, 200, True, "hundreds").top, Claim("B", 6, 9, False, "6 to 9").top
        (1000.0, 9)
        >>> Claim("C", 3000, 3000, True, "over 3,000").top
        4500.0
        """
        if self.most is not None:
            return self.most
        if self.floor:
            return reach(self.words, self.low)
        if self.high is None or (isinstance(self.high, float) and math.isnan(self.high)):
            return self.low
        return max(self.low, self.high)


class Ranking(NamedTuple):
    """The leader, the counts tied with it, and those that could still be larger."""

    leader: Claim
    tied: list[Claim]
    floors_above: list[Claim]
    ranges_above: list[Claim]

    @property
    def clear(self) -> bool:
        """Nothing else could be larger than the leader (ties aside)."""
        return not self.floors_above and not self.ranges_above


def rank(claims: Sequence[Claim]) -> Ranking:
    """Rank ``claims`` by the rule above: by low end, the order given breaking equal low
    ends (so a caller's chart order, by date say, and the headline agree).

    >>> r = rank([Claim("A", 5000, 5000, False, "5,000"), Claim("B", 5000, 5000, False, "5,000")])
    >>> r.leader.name, [c.name for c in r.tied], r.clear
    ('A', ['B'], True)
    >>> r = rank([Claim("A", 6000, 9000, False, "6,000 to 9,000"),
    ...           Claim("B", 5000, 8000, False, "5,000 to 8,000")])
    >>> [c.name for c in r.ranges_above]
    ['B']
    >>> rank([Claim("A", 200_000, 200_000, True, "hundreds of thousands"),
    ...       Claim("B", 150_000, 150_000, False, "150,000")]).clear
    True
    """
    if not claims:
        raise ValueError("nothing to rank")
    order = sorted(range(len(claims)), key=lambda i: (-claims[i].low, i))
    leader = claims[order[0]]
    tied: list[Claim] = []
    floors: list[Claim] = []
    ranges: list[Claim] = []
    for i in order[1:]:
        c = claims[i]
        if c.low == leader.low and c.top == leader.top:
            tied.append(c)
        elif c.top > leader.low:
            (floors if c.floor else ranges).append(c)
    return Ranking(leader, tied, floors, ranges)


# Crowd words and the scale word above them: "thousands" stops short of ten thousand.
_SCALES = [
    (re.compile(r"\bmillions?\b"), math.inf),
    (re.compile(r"\bhundreds? of thousands\b"), 1_000_000.0),
    (re.compile(r"\btens of thousands\b"), 100_000.0),
    (re.compile(r"\bthousands?\b"), 10_000.0),
    (re.compile(r"\bhundreds?\b"), 1_000.0),
    (re.compile(r"\b(?:dozens?|scores)\b"), 100.0),
]
#: How far "more than N" may reach: below the next round step, about half as much again
#: ("more than 2,000" is not 3,000, or the source would have said "more than 3,000").
NUMBER_STEP = 1.5
#: CCC's words for "no words given": never a crowd word (``"several thousand; na"``).
PLACEHOLDERS = frozenset({"na", "n/a", "unknown", "none", "-"})
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def reach(words: str, low: float) -> float:
    """The most a floor's words allow, read as a reader reads them: a crowd word stops
    below the next scale ("hundreds" below 1,000, "thousands" below 10,000, "hundreds of
    thousands" below a million; "millions" has no top); a number ("over 3,000", "at least
    3,000", "3,000+") below the next round step, half as much again (4,500). Several
    estimates ("thousands; more than 2,000") reach as far as the farthest; CCC's placeholders
    ("na", "unknown") are no estimate.

    >>> reach("hundreds of thousands", 200_000), reach("Thousands", 2000), reach("over 3,000", 3000)
    (1000000.0, 10000.0, 4500.0)
    >>> reach("several thousand; na", 3000), reach("more than 2000", 2000)
    (10000.0, 3000.0)
    """
    parts = [p.strip() for p in str(words or "").lower().split(";")]
    tops = [_part_reach(p) for p in parts if p and p not in PLACEHOLDERS]
    known = [t for t in tops if t is not None]
    if not known:
        return NUMBER_STEP * float(low) if low > 0 else math.inf
    return max(max(known), float(low))


def _part_reach(text: str) -> float | None:
    """One estimate's reach; None when it names neither a number nor a crowd word."""
    numbers = [float(n.replace(",", "")) for n in _NUMBER.findall(text)]
    if numbers:
        most = max(numbers)
        if re.search(r"\bmillion\b", text):
            most *= 1_000_000
        elif re.search(r"\bthousand\b", text) and most < 1000:
            most *= 1000  # "5 thousand"
        return NUMBER_STEP * most
    tops = [top for pattern, top in _SCALES if pattern.search(text)]
    return max(tops) if tops else None


def leaders(ranking: Ranking) -> str:
    """The leader and the places tied with it, in running text: "Denver and Seattle".

    Names come as a sentence holds them ("Barstow, Calif.,"); a list of three or more with
    a state in it takes semicolons, as AP lists places.

    >>> leaders(rank([Claim("Denver", 5, 5, False, "5"), Claim("Seattle", 5, 5, False, "5")]))
    'Denver and Seattle'
    >>> leaders(rank([Claim(n, 5, 5, False, "5") for n in
    ...     ["San Diego", "Barstow, Calif.,", "Lake Havasu City, Ariz.,", "Ames, Iowa,"]]))
    'San Diego; Barstow, Calif.; Lake Havasu City, Ariz.; and one other'
    """
    names = [ranking.leader.name, *(c.name for c in ranking.tied)]
    if len(names) <= 2 or not any("," in n.rstrip(",") for n in names):
        return join_words(names, limit=3)
    shown = [n.rstrip(",") for n in names[:3]]
    last = f"and {ap_count(len(names) - 3, 'other')}" if len(names) > 3 else f"and {shown.pop()}"
    return "; ".join([*shown, last]) + ("," if len(names) == 3 and names[-1].endswith(",") else "")


def caveat(ranking: Ranking, *, compact: bool = False) -> str:
    """The clause that keeps a headline honest: which counts could be larger than the leader.

    Empty when the ranking is clear. One or two counts are quoted by name; more are counted;
    ``compact`` only counts them ("two other counts may be larger"), for a short headline.

    >>> r = rank([Claim("Los Angeles", 500_000, 500_000, False, "about 500,000"),
    ...           Claim("Washington", 200_000, 200_000, True, "hundreds of thousands")])
    >>> caveat(r)
    'Washington’s “hundreds of thousands” may be larger'
    >>> r = rank([Claim("A", 9, 9, False, "9"), Claim("B", 1, 1, True, "thousands"),
    ...           Claim("C", 2, 2, True, "thousands"), Claim("D", 3, 3, True, "thousands"),
    ...           Claim("E", 5, 10, False, "5 to 10")])
    >>> caveat(r)
    'counts in four other places may be larger'
    >>> caveat(r, compact=True)
    'four other counts may be larger'
    """
    others = [*ranking.floors_above, *ranking.ranges_above]
    if not others:
        return ""
    if compact:
        return f"{ap_count(len(others), 'other count')} may be larger"
    if len(others) > 2:
        return f"counts in {ap_count(len(others), 'other place')} may be larger"
    return f"{join_words([f'{possessive(c.name)} “{c.words}”' for c in others])} may be larger"


def hedge(ranking: Ranking, *, longest: int = 64) -> str:
    """The caveat every chart of one table prints: quoted when it is short, else counted,
    decided from the ranking alone so a bar chart and a map of the same rows agree.

    >>> r = rank([Claim("Tulsa, Okla.,", 6200, 10_000, False, "6,200 to 10,000"),
    ...           Claim("San Diego", 2000, 2000, True, "thousands")])
    >>> hedge(r)
    'San Diego’s “thousands” may be larger'
    """
    full = caveat(ranking)
    return full if len(full) <= longest else caveat(ranking, compact=True)


def possessive(name: str) -> str:
    """AP's possessive of a place: "Washington’s", "Los Angeles’" (a final s takes the
    apostrophe alone), "Portland, Ore.’s".

    >>> possessive("Washington"), possessive("Los Angeles"), possessive("St. Louis")
    ('Washington’s', 'Los Angeles’', 'St. Louis’')
    """
    name = name.rstrip(",")
    return name + ("’" if name.endswith("s") else "’s")
