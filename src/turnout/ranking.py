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
  the headline names the leader's count and says the floor "has no upper bound". How far a
  floor may reach is read from its words (:func:`reach`), as a reader reads them: a crowd
  word stops short of the next scale word ("thousands" is fewer than 10,000, "hundreds of
  thousands" fewer than a million), a number floor short of ten times its number ("over
  3,000" would have been "over 30,000"); so "thousands" and "over 3,000" never outrank
  "about 50,000", but "hundreds of thousands" may outrank "an estimated 500,000";
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
        30000.0
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
    tied, floors, ranges = [], [], []
    for i in order[1:]:
        c = claims[i]
        if c.low == leader.low and c.top == leader.top:
            tied.append(c)
        elif c.top > leader.low:
            (floors if c.floor else ranges).append(c)
    return Ranking(leader, tied, floors, ranges)


# Crowd words and the scale word above them: "thousands" stops short of ten thousand.
_SCALES = [
    (re.compile(r"\bmillions\b"), math.inf),
    (re.compile(r"\bhundreds of thousands\b"), 1_000_000.0),
    (re.compile(r"\btens of thousands\b"), 100_000.0),
    (re.compile(r"\bthousands\b"), 10_000.0),
    (re.compile(r"\bhundreds\b"), 1_000.0),
    (re.compile(r"\b(?:dozens|scores)\b"), 100.0),
]


def reach(words: str, low: float) -> float:
    """The most a floor's words allow: a crowd word stops below the next scale ("hundreds"
    below 1,000, "thousands" below 10,000, "hundreds of thousands" below a million;
    "millions" has no top); a number ("over 3,000", "1,000+") below ten times itself.

    >>> reach("hundreds of thousands", 200_000), reach("Thousands", 2000), reach("over 3,000", 3000)
    (1000000.0, 10000.0, 30000.0)
    """
    text = str(words or "").lower()
    tops = [top for pattern, top in _SCALES if pattern.search(text)]
    if tops and not any(ch.isdigit() for ch in text):
        return max(max(tops), float(low))
    return 10.0 * float(low) if low > 0 else math.inf


def leaders(ranking: Ranking) -> str:
    """The leader and the places tied with it, in running text: "Denver and Seattle".

    >>> leaders(rank([Claim("Denver", 5, 5, False, "5"), Claim("Seattle", 5, 5, False, "5")]))
    'Denver and Seattle'
    """
    return join_words([ranking.leader.name, *(c.name for c in ranking.tied)], limit=3)


def caveat(ranking: Ranking, *, compact: bool = False) -> str:
    """The clause that keeps a headline honest: which counts could be larger than the leader.

    Empty when the ranking is clear. One or two counts are quoted by name; more are counted;
    ``compact`` only counts them ("two other counts may be larger"), for a short headline.

    >>> r = rank([Claim("Los Angeles", 500_000, 500_000, False, "about 500,000"),
    ...           Claim("Washington", 200_000, 200_000, True, "hundreds of thousands")])
    >>> caveat(r)
    'Washington’s “hundreds of thousands” has no upper bound'
    >>> r = rank([Claim("A", 9, 9, False, "9"), Claim("B", 1, 1, True, "over 1"),
    ...           Claim("C", 2, 2, True, "over 2"), Claim("D", 3, 3, True, "over 3"),
    ...           Claim("E", 5, 10, False, "5 to 10")])
    >>> caveat(r)
    'floors in three other places have no upper bound; E’s “5 to 10” may be larger'
    >>> caveat(r, compact=True)
    'four other counts may be larger'
    """
    if compact and not ranking.clear:
        n = len(ranking.floors_above) + len(ranking.ranges_above)
        return f"{ap_count(n, 'other count')} may be larger"
    parts = []
    if ranking.floors_above:
        parts.append(_clause(ranking.floors_above, "floor", "has no upper bound", "have"))
    if ranking.ranges_above:
        parts.append(_clause(ranking.ranges_above, "range", "may be larger", "may"))
    return "; ".join(parts)


def _clause(claims: list[Claim], kind: str, verb: str, plural_verb: str) -> str:
    if len(claims) > 2:
        others = ap_count(len(claims), "other place")
        rest = verb.split(" ", 1)[1]
        return f"{kind}s in {others} {plural_verb} {rest}"
    quoted = [f"{possessive(c.name)} “{c.words}”" for c in claims]
    if len(quoted) == 1:
        return f"{quoted[0]} {verb}"
    return f"{join_words(quoted)} {plural_verb} {verb.split(' ', 1)[1]}"


def possessive(name: str) -> str:
    """AP's possessive of a place: "Washington’s", "Los Angeles’" (a final s takes the
    apostrophe alone), "Portland, Ore.’s".

    >>> possessive("Washington"), possessive("Los Angeles"), possessive("St. Louis")
    ('Washington’s', 'Los Angeles’', 'St. Louis’')
    """
    name = name.rstrip(",")
    return name + ("’" if name.endswith("s") else "’s")
