"""A draft scored against an article's hand-coded rows (for the benchmark and its test).

Rows match when they name the same place (as :func:`turnout.places.resolve_place`
reads it, so "NYC" and "New York City" agree) and the same day; each hand-coded
row matches at most one drafted row and the other way round. Three numbers:

- ``found``: hand-coded gatherings drafted with the right place and day;
- ``exact``: of those, drafted with the right low and high too (both read from
  ``size_text`` by :func:`turnout.sizes.parse_size`; no number on both sides agrees);
- ``real``: drafted rows that are hand-coded gatherings (precision).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from turnout.places import PlaceError, resolve_place
from turnout.sizes import parse_size


@dataclass(frozen=True)
class Score:
    """Counts for one article (or a sum of articles)."""

    expected: int
    proposed: int
    found: int
    exact: int
    real: int

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self) -> tuple[int, int, int, int, int]:
        return (self.expected, self.proposed, self.found, self.exact, self.real)

    @property
    def recall(self) -> float:
        """Share of hand-coded gatherings found with the right place and day."""
        return self.found / self.expected if self.expected else 1.0

    @property
    def recall_exact(self) -> float:
        """Share of hand-coded gatherings found with the right place, day, low and high."""
        return self.exact / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        """Share of drafted rows that are hand-coded gatherings."""
        return self.real / self.proposed if self.proposed else 1.0


def _place(locality: object, state: object) -> tuple[str, str]:
    try:
        p = resolve_place(locality, state if isinstance(state, str) and state else None)
        return p.city, p.state
    except PlaceError:
        return str(locality).strip().lower(), str(state or "").strip().upper()


def _size(text: object) -> tuple[float, float]:
    low, high = parse_size(text if isinstance(text, str) else "")
    return low, high


def _same(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b, strict=True))


def score(proposed: Any, expected: Any) -> Score:
    """Score drafted rows against hand-coded rows (both DataFrames in the story format).

    >>> import pandas as pd
    >>> cols = ["date", "locality", "state", "size_text"]
    >>> want = pd.DataFrame([["2026-01-30", "Cleveland", "OH", "Thousands"]], columns=cols)
    >>> got = pd.DataFrame([["2026-01-30", "Cleveland", "OH", "thousands"],
    ...                     ["2026-01-30", "Minneapolis", "MN", ""]], columns=cols)
    >>> s = score(got, want)
    >>> s.recall, s.recall_exact, s.precision
    (1.0, 1.0, 0.5)
    """
    want = [(_place(r.locality, r.state), str(r.date)[:10], _size(r.size_text)) for r in
            expected.itertuples()]  # fmt: skip
    got = [(_place(r.locality, r.state), str(r.date)[:10], _size(r.size_text)) for r in
           proposed.itertuples()]  # fmt: skip
    used: set[int] = set()
    matched: set[int] = set()
    found = exact = 0
    # Exact matches first, so a second row of one place and day takes what is left.
    for exact_only in (True, False):
        for m, (w_place, w_date, w_size) in enumerate(want):
            if m in matched:
                continue
            for n, (g_place, g_date, g_size) in enumerate(got):
                if n in used or g_place != w_place or g_date != w_date:
                    continue
                if exact_only and not _same(g_size, w_size):
                    continue
                used.add(n)
                matched.add(m)
                found += 1
                exact += exact_only
                break
    keys = {(p, d) for p, d, _ in want}
    real = sum((p, d) in keys for p, d, _ in got)
    return Score(len(want), len(got), found, exact, real)


@dataclass(frozen=True)
class Case:
    """One article of a development set: its text, publication facts and hand-coded rows."""

    name: str
    text: str
    published: str
    source_name: str
    source_url: str
    expected: Any  # DataFrame in the story format
    genre: str = ""  # one of GENRES ("" when the set does not say)


# The kinds of article issue 20 names, and words of a README's genre cell that say each
# (the first that matches wins: "live list round-up" is a live blog).
GENRES = (
    ("live blog", ("live",)),
    ("list round-up", ("list", "lists")),
    ("press release", ("press release",)),
    ("wire", ("wire", "cable-news", "national tv", "syndicated")),
    ("advocacy or blog", ("blog", "movement", "advocacy", "newsletter", "partisan", "union",
                          "aggregator", "faith", "labor", "post")),
    ("local report", ("local", "student", "newspaper", "tv report", "report", "feature")),
)  # fmt: skip


def genre_of(description: str) -> str:
    """The kind of article a README's genre cell describes.

    >>> genre_of("wire round-up (AP) with plans that are not gatherings")
    'wire'
    >>> genre_of("newsletter list round-up: a dozen cities in one sentence")
    'list round-up'
    >>> genre_of("a poem")
    'other'
    """
    import re

    words = description.lower()
    for genre, keys in GENRES:
        if any(re.search(rf"\b{re.escape(k)}\b", words) for k in keys):
            return genre
    return "other"


def readme_genres(folder: Any) -> dict[str, str]:
    """Each article's genre from the table in ``folder/README.md`` (its "genre" column)."""
    from pathlib import Path

    readme = Path(folder) / "README.md"
    if not readme.is_file():
        return {}
    out: dict[str, str] = {}
    column = None
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 3:
            continue
        if "genre" in cells and cells[0] == "name":
            column = cells.index("genre")
        elif column is not None and len(cells) > column and not set(cells[0]) <= {"-", ":"}:
            out[cells[0]] = genre_of(cells[column])
    return out


def load_cases(folder: Any) -> list[Case]:
    """The articles listed in ``folder/articles.csv``, each with ``NAME.txt`` and
    ``NAME.expected.csv``."""
    import csv
    from pathlib import Path

    from turnout.clean import read_events

    folder = Path(folder)
    genres = readme_genres(folder)
    cases = []
    with open(folder / "articles.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["name"]
            genre = (row.get("genre") or "").strip()
            cases.append(
                Case(
                    name,
                    (folder / f"{name}.txt").read_text(encoding="utf-8"),
                    row["published"],
                    row["source_name"],
                    row["source_url"],
                    read_events(folder / f"{name}.expected.csv"),
                    genre_of(genre) if genre else genres.get(name, "other"),
                )
            )
    return cases
