"""One row per gathering across articles: the drafts of several articles merged.

Each article's draft has one row per gathering it reports (one place, one day).
Rows of different articles for the same place and day become one row, as the
Crowd Counting Consortium's coders reconcile them: every source kept (one line
per source in the ``source_*`` cells, :mod:`turnout.sources`), the crowd words
of all of them in ``size_text`` (joined by "; ", so cleaning makes low the
lowest estimate and high the highest), and notes naming which source gave which
estimate and flagging what deserves a look: estimates ten or more times apart,
and a place two articles put on different days. Two rows one article drafted
for one place and day (two gatherings it tells apart) stay two rows.

Merging needs only the rows of one place at a time (:func:`merge_place`), so a
draft of any size is merged a place at a time; rows come out in the order their
first source was given (article, then row).

>>> a = {"date": "2026-01-31", "locality": "Seattle", "state": "WA", "size_text": "about 4,000",
...      "source_name": "AP", "source_quote": "About 4,000 marched in Seattle."}
>>> b = dict(a, size_text="thousands", source_name="KUOW",
...      source_quote="Thousands marched in Seattle.")
>>> [row] = [r for _, r in merge_place([(0, 0, a), (1, 0, b)])]
>>> row["size_text"], row["source_name"].splitlines()
('about 4,000; thousands', ['AP', 'KUOW'])
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from turnout.columns import RAW_COLUMNS
from turnout.ranking import reach
from turnout.sizes import parse_size
from turnout.sources import SEP, SOURCE_COLUMNS, Source, row_sources

#: (article's place in the input, row's place in its draft, the row's cells)
Tagged = tuple[int, int, dict[str, Any]]
#: Where a merged row goes in the output: its first source's (article, row).
Order = tuple[int, int]

# Cells whose "; "-separated parts are joined across sources (each part once).
_LISTS = ("location_detail", "type", "title", "organizations", "participants", "claims")
# Estimates this many times apart are flagged: one source may mean another gathering.
_APART = 10
# Two articles putting a place on days this close may mean one gathering.
_DAYS_APART = 7


def _raw(row: dict[str, Any], column: str) -> str:
    """A cell as written (a several-source cell's empty last line is a source's)."""
    value = row.get(column, "")
    return "" if value is None or value != value else str(value)


def _cell(row: dict[str, Any], column: str) -> str:
    return _raw(row, column).strip()


def place_key(row: dict[str, Any]) -> tuple[str, str]:
    """The place a row is about (locality and state, case aside): rows merge within one.

    >>> place_key({"locality": "Seattle ", "state": "wa"})
    ('seattle', 'WA')
    """
    return (_cell(row, "locality").casefold(), _cell(row, "state").upper())


def _label(source: Source, article: int) -> str:
    """What notes call a source: its name, else its site, else its place in the input."""
    if source.name:
        return source.name
    host = urlsplit(source.url).hostname if source.url.startswith(("http://", "https://")) else ""
    return (host or "").removeprefix("www.") or f"article {article + 1}"


def _day(value: str) -> str:
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        return value
    from turnout.ap import ap_date

    return ap_date(d)


def _estimates(said: list[tuple[str, str]]) -> list[str]:
    """Who said what (source, words), and estimates ten or more times apart: the largest
    floor against the smallest top (crowd words reach as far as they allow, "thousands"
    below 10,000)."""
    if not any(w for _, w in said):
        return []
    notes = ["estimates by source: " + "; ".join(f"{who} '{w}'" for who, w in said if w)]
    lows, tops = [], []
    for who, words in said:
        est = parse_size(words) if words else None
        if est is None or not est.low == est.low or est.low <= 0:
            continue
        high = est.high if est.high == est.high else est.low
        vague = not any(ch.isdigit() for ch in words)
        lows.append((est.low, who))
        tops.append((max(high, reach(words, est.low)) if vague else high, who))
    if len(lows) > 1:
        (most, many), (least, few) = max(lows), min(tops)
        if most >= _APART * least and few != many:
            notes.append(
                f"{many}'s estimate is {int(most // least)} times {few}'s: "
                "check they report the same gathering"
            )
    return notes


class Fold:
    """One output row built a source at a time (rows added in input order): what it keeps
    is the row it writes, not the rows it read, so a gathering of thousands of sources
    costs its own size. :func:`plan_place` says which rows go in, with their flags.

    >>> fold = Fold([], size=2)
    >>> fold.add(0, {"date": "2026-01-31", "size_text": "hundreds", "source_name": "AP"}, "AP")
    >>> fold.add(1, {"date": "2026-01-31", "size_text": "50,000", "source_name": "NPR"}, "NPR")
    >>> fold.row()["size_text"], fold.row()["source_name"]
    ('hundreds; 50,000', 'AP\\nNPR')
    """

    def __init__(self, flags: list[str], size: int) -> None:
        self.flags = [f for f in flags if f]
        self.size = size  # sources it will have
        self.first: dict[str, Any] | None = None
        self.lists: dict[str, dict[str, str]] = {c: {} for c in (*_LISTS, "size_text", "temp_text")}
        self.said: list[tuple[str, str]] = []
        self.cells: list[list[str]] = [[] for _ in SOURCE_COLUMNS]
        self.own: list[str] = []

    def add(self, article: int, row: dict[str, Any], label: str) -> None:
        if self.first is None:
            self.first = dict(row)
        if self.size == 1 and not self.flags:
            return  # the row as it is
        for column, seen in self.lists.items():
            for part in _cell(row, column).split(";"):
                part = part.strip()
                if part:
                    seen.setdefault(part.casefold(), part)
        self.said.append((label, _cell(row, "size_text")))
        # An article without its own source keeps an empty name (the label is for notes
        # only): a name made up here would be published as the chart's source line.
        for s in row_sources(*(_raw(row, c) for c in SOURCE_COLUMNS)):
            for cells, value in zip(self.cells, s, strict=True):
                cells.append(" ".join(value.split()))
        if _cell(row, "notes"):
            self.own.append(f"{label}: {_cell(row, 'notes')}")

    def row(self) -> dict[str, Any]:
        """The output row (once every source is added)."""
        first = self.first or {}
        if self.size == 1 and not self.flags:
            return dict(first)
        row = {c: _raw(first, c) for c in RAW_COLUMNS}
        for column, seen in self.lists.items():
            row[column] = "; ".join(seen.values())
        if self.size > 1:
            row.update({c: SEP.join(v) for c, v in zip(SOURCE_COLUMNS, self.cells, strict=True)})
        notes = (_estimates(self.said) if self.size > 1 else []) + self.flags
        own = (
            self.own
            if self.size > 1
            else ([_cell(first, "notes")] if _cell(first, "notes") else [])
        )
        row["notes"] = SEP.join([n for n in notes if n] + own)
        return row


#: What planning a place's merge needs of a row: article, row, day, locality, source label.
Light = tuple[int, int, str, str, str]


def light(article: int, n: int, row: dict[str, Any]) -> Light:
    """The little of a row that decides where it goes (see :func:`plan_place`).

    >>> light(2, 0, {"date": "2026-01-31", "locality": "Denver", "source_url": "https://x.org/a"})
    (2, 0, '2026-01-31', 'Denver', 'x.org')
    """
    first = row_sources(_cell(row, "source_name"), "", _cell(row, "source_url"))[0]
    return (article, n, _cell(row, "date"), _cell(row, "locality"), _label(first, article))


def plan_place(rows: Sequence[Light]) -> list[tuple[Order, list[Order], list[str], dict[int, str]]]:
    """Where each row of one place goes: for each output row, its order, its sources'
    (article, row) in order, its flags, and each article's label.

    >>> day = [(0, 0, "2026-01-31", "Denver", "AP"), (1, 0, "2026-01-31", "Denver", "NPR")]
    >>> [(order, members) for order, members, _, _ in plan_place(day)]
    [((0, 0), [(0, 0), (1, 0)])]
    """
    ordered = sorted(rows)
    labels: dict[int, str] = {}
    days: dict[int, set[str]] = defaultdict(set)
    by_day: dict[str, list[Light]] = defaultdict(list)
    for t in ordered:
        labels.setdefault(t[0], t[4])
        days[t[0]].add(t[2])
        by_day[t[2]].append(t)
    out = []
    for day, group in by_day.items():
        per_article: dict[int, list[Light]] = defaultdict(list)
        for t in group:
            per_article[t[0]].append(t)
        single = [ts[0] for ts in per_article.values() if len(ts) == 1]
        apart = [t for ts in per_article.values() if len(ts) > 1 for t in ts]
        place = group[0][3]
        flags = _day_flags(day, [t[0] for t in single], days, labels, place)
        told = ""
        if apart:
            who = sorted({labels[t[0]] for t in apart})
            told = (
                f"{' and '.join(who)} tell apart {len(apart)} gatherings in {place} on "
                f"{_day(day)}: not merged; check which one each source means"
            )
        if single:
            out.append(
                ((single[0][0], single[0][1]), [t[:2] for t in single], flags + [told], labels)
            )
        for t in apart:
            out.append(((t[0], t[1]), [t[:2]], [told] if single else [], labels))
    return sorted(out, key=lambda o: o[0])


def merge_place(rows: Sequence[Tagged]) -> list[tuple[Order, dict[str, Any]]]:
    """The rows of one place, from any number of articles, merged by day.

    Returns each output row with its order (its first source's article and row).
    Rows of one day from different articles become one; an article with two rows
    for one day keeps them apart, and the other articles' row for that day is not
    merged into either (a note says so). A place two articles put only on
    different days (within a week) gets a note on each row.

    >>> a = {"date": "2026-01-30", "locality": "Denver", "state": "CO", "source_name": "AP"}
    >>> b = dict(a, date="2026-01-31", source_name="NPR")
    >>> for _, row in merge_place([(0, 0, a), (1, 0, b)]):
    ...     print(row["notes"])
    AP puts Denver on Jan. 30, NPR on Jan. 31: check the day
    NPR puts Denver on Jan. 31, AP on Jan. 30: check the day
    """
    by_id = {(a, n): row for a, n, row in rows}
    out = []
    for order, members, flags, labels in plan_place([light(a, n, r) for a, n, r in rows]):
        fold = Fold(flags, len(members))
        for a, n in members:
            fold.add(a, by_id[(a, n)], labels[a])
        out.append((order, fold.row()))
    return out


def _day_flags(
    day: str, articles: list[int], days: dict[int, set[str]], labels: dict[int, str], place: str
) -> list[str]:
    """A note for each day close by that other articles put this place on, when they do not
    name this day and these articles do not name theirs (one note a day, however many
    articles: a day's coverage may hold thousands)."""
    mine = [a for a in articles if day in days[a]]
    flags = []
    others = sorted({d for a, ds in days.items() for d in ds if d != day and _close(d, day)})
    for other in others:
        here = [a for a in mine if other not in days[a]]
        there = [a for a, ds in days.items() if other in ds and day not in ds]
        if here and there:
            flags.append(
                f"{_who(here, labels)} {_puts(here)} {place} on {_day(day)}, "
                f"{_who(there, labels)} on {_day(other)}: check the day"
            )
    return flags


def _who(articles: list[int], labels: dict[int, str]) -> str:
    first = labels[articles[0]]
    n = len(articles) - 1
    return first if not n else f"{first} and {n} other{'s' if n > 1 else ''}"


def _puts(articles: list[int]) -> str:
    return "puts" if len(articles) == 1 else "put"


def _close(a: str, b: str) -> bool:
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= _DAYS_APART
    except ValueError:
        return False


def merge_drafts(drafts: Sequence[Any]) -> Any:
    """One draft table from the drafts of several articles (in the order given).

    >>> import pandas as pd
    >>> one = pd.DataFrame([{"date": "2026-01-31", "locality": "Seattle", "state": "WA",
    ...     "size_text": "about 4,000", "source_name": "AP"}])
    >>> two = one.assign(size_text="50,000", source_name="KUOW")
    >>> merged = merge_drafts([one, two])
    >>> merged[["locality", "size_text"]].values.tolist()
    [['Seattle', 'about 4,000; 50,000']]
    """
    import pandas as pd

    places: dict[tuple[str, str], list[Tagged]] = defaultdict(list)
    for article, table in enumerate(drafts):
        for n, row in enumerate(table.to_dict("records")):
            places[place_key(row)].append((article, n, row))
    merged = sorted((o for rows in places.values() for o in merge_place(rows)), key=lambda o: o[0])
    out = [{c: _raw(r, c) for c in RAW_COLUMNS} for _, r in merged]
    return pd.DataFrame(out, columns=RAW_COLUMNS, dtype="object")
