"""Pick the events a story is about: a date window and a list of cities.

Every notebook starts from the same question ("which protests, when, where?"),
so the answer lives here once instead of in each notebook.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import date, datetime

import pandas as pd

from turnout.errors import quote

DateLike = str | date | datetime | pd.Timestamp


def select_events(
    events: pd.DataFrame,
    *,
    start: DateLike | None = None,
    end: DateLike | None = None,
    cities: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """The events between ``start`` and ``end`` (both days included) in ``cities``.

    ``events`` is a clean events table (:func:`turnout.load_events`). ``start``
    and ``end`` are dates ("2026-01-30" or a date); ``None`` leaves that side
    open. ``cities`` are matched on the canonical ``city`` column, ignoring
    case and surrounding spaces; ``None`` keeps every city. A city the table
    does not have raises ``ValueError`` naming the closest ones it does have,
    so a typo never silently empties a chart. The input is not modified; the
    result keeps its ``attrs`` and a fresh 0..n-1 index.

    >>> import turnout
    >>> events = turnout.load_events()
    >>> week = select_events(events, start="2026-01-30", end="2026-01-31", cities=["seattle"])
    >>> week[["city", "size_text"]].values.tolist()
    [['Seattle', '6,000 to 9,000']]
    >>> select_events(events, cities=["Minneapolos"])
    Traceback (most recent call last):
    ...
    ValueError: no events in city 'Minneapolos'; did you mean 'Minneapolis'?
    """
    lo = _day(start, "start")
    hi = _day(end, "end")
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"start ({lo:%Y-%m-%d}) is after end ({hi:%Y-%m-%d})")

    keep = pd.Series(True, index=events.index)
    # Compare whole days: an event stamped 2026-02-02 14:00 still falls on end="2026-02-02".
    days = events["date"].dt.normalize()
    if lo is not None:
        keep &= days >= lo
    if hi is not None:
        keep &= days <= hi
    if cities is not None:
        keep &= _city_mask(events["city"], cities)
    return events[keep].reset_index(drop=True)


def _day(value: DateLike | None, name: str) -> pd.Timestamp | None:
    """A date parameter as a midnight Timestamp; None and "" mean "open"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError):
        raise ValueError(f"{name} must be a date like '2026-01-30', not {quote(value)}") from None


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", str(name)).strip().casefold()


def _city_mask(column: pd.Series, cities: str | Iterable[str]) -> pd.Series:
    """Rows whose city is one of ``cities``; unknown names raise with close matches."""
    wanted = [cities] if isinstance(cities, str) else list(cities)
    known = {_fold(c): c for c in column.dropna().unique()}
    unknown = [c for c in wanted if _fold(c) not in known]
    if unknown:
        raise ValueError("; ".join(_unknown_city(c, known) for c in unknown))
    folded = {_fold(c) for c in wanted}
    return column.map(lambda c: isinstance(c, str) and _fold(c) in folded).astype(bool)


def _unknown_city(name: str, known: dict[str, str]) -> str:
    close = difflib.get_close_matches(_fold(name), list(known), n=3, cutoff=0.6)
    if close:
        return (
            f"no events in city {quote(name)}; did you mean "
            + " or ".join(quote(known[c]) for c in close)
            + "?"
        )
    listed = ", ".join(sorted(known.values())[:12])
    more = "" if len(known) <= 12 else f" and {len(known) - 12} more"
    return f"no events in city {quote(name)}; the data has {listed}{more}"
