"""Pick the events a story is about: a date window and a list of cities.

Every notebook starts from the same question ("which protests, when, where?"),
so the answer lives here once instead of in each notebook.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import TypeAlias

import pandas as pd

from turnout.errors import DataError, quote

DateLike: TypeAlias = str | date | datetime | pd.Timestamp


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
    case and surrounding spaces, and read as a ``locality`` is ("NYC", "Saint Paul",
    "Portland, Ore."); ``None`` keeps every city. A city the table does not have raises
    :class:`~turnout.errors.DataError` (a ``ValueError``) naming the closest ones it does
    have, so a typo never silently empties a chart. The input is not modified; the
    result keeps its ``attrs`` and a fresh 0..n-1 index.

    The period asked for goes with the result, as ``attrs["period"]`` (first and last
    day, ``YYYY-MM-DD``): ``start`` and ``end``, an open side the input's own first or
    last day. The charts print it, so a cities filter or a month with quiet edges never
    shrinks the period a reader is told was searched.

    >>> import turnout
    >>> events = turnout.load_events()
    >>> week = select_events(events, start="2026-01-30", end="2026-01-31", cities=["seattle"])
    >>> week[["city", "size_text"]].values.tolist()
    [['Seattle', '6,000 to 9,000']]
    >>> [len(select_events(events, cities=[name])) for name in ("New York City", "NYC")]
    [2, 2]
    >>> week.attrs["period"], select_events(events, cities=["Seattle"]).attrs["period"]
    (('2026-01-30', '2026-01-31'), ('2026-01-23', '2026-02-02'))
    >>> select_events(events, cities=["Minneapolos"])
    Traceback (most recent call last):
    ...
    turnout.errors.DataError: no events in city 'Minneapolos'; did you mean 'Minneapolis'?
    """
    lo = _day(start, "start")
    hi = _day(end, "end")
    if lo is not None and hi is not None and lo > hi:
        raise DataError(f"start ({lo:%Y-%m-%d}) is after end ({hi:%Y-%m-%d})")

    keep = pd.Series(True, index=events.index)
    # Compare whole days: an event stamped 2026-02-02 14:00 still falls on end="2026-02-02".
    days = events["date"].dt.normalize()
    if lo is not None:
        keep &= days >= lo
    if hi is not None:
        keep &= days <= hi
    if cities is not None:
        keep &= _city_mask(events["city"], cities, events.get("state_code"))
    chosen = events[keep].reset_index(drop=True)
    if lo is not None or hi is not None or cities is not None:
        chosen.attrs["period"] = asked_period(events, lo, hi)
    return chosen


def out_of_period(events: pd.DataFrame) -> pd.Series:
    """Rows whose date cleaning flagged as outside the data's own period, date kept: a CCC
    row dated before CCC's coverage or far from its monthly sheet (``date_problem`` set on
    a real date). Charts leave them out and say how many; nothing drops them from the data.

    >>> ev = pd.DataFrame({"date": pd.to_datetime(["2015-05-01", "2018-05-02", None]),
    ...     "date_problem": ["before CCC coverage (2017): '2015-05-01'", "", "blank"]})
    >>> out_of_period(ev).tolist()
    [True, False, False]
    """
    if "date_problem" not in events:
        return pd.Series(False, index=events.index)
    flagged = events["date_problem"].fillna("").astype("str").str.strip().ne("")
    return flagged & events["date"].notna()


def asked_period(
    events: pd.DataFrame, start: pd.Timestamp | None, end: pd.Timestamp | None
) -> tuple[str, str]:
    """The first and last day a selection covers: ``start`` and ``end`` where given, else
    the period ``events`` already carries (an earlier selection's), else its own days.

    >>> events = pd.DataFrame({"date": pd.to_datetime(["2018-06-02", "2018-06-29"])})
    >>> asked_period(events, pd.Timestamp("2018-06-01"), None)
    ('2018-06-01', '2018-06-29')
    """
    own = events.attrs.get("period")
    days = events.loc[~out_of_period(events), "date"].dropna()
    first = own[0] if own else (f"{days.min():%Y-%m-%d}" if len(days) else "")
    last = own[1] if own else (f"{days.max():%Y-%m-%d}" if len(days) else "")
    return (
        f"{start:%Y-%m-%d}" if start is not None else first,
        f"{end:%Y-%m-%d}" if end is not None else last,
    )


def _day(value: DateLike | None, name: str) -> pd.Timestamp | None:
    """A date parameter as a midnight Timestamp; None and "" mean "open"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError):
        raise DataError(f"{name} must be a date like '2026-01-30', not {quote(value)}") from None


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", str(name)).strip().casefold()


def _city_mask(
    column: pd.Series, cities: str | Iterable[str], states: pd.Series | None = None
) -> pd.Series:
    """Rows whose city is one of ``cities``; unknown names raise with close matches.

    A name is read as the data's ``locality`` column is: "NYC", "New York City", "Saint
    Paul" and "Portland, Ore." find the canonical city (and state) cleaning gave the rows.
    """
    wanted = [cities] if isinstance(cities, str) else list(cities)
    folded = column.map(lambda c: _fold(c) if isinstance(c, str) else None)
    known = {_fold(c): c for c in column.dropna().unique()}
    keep = pd.Series(False, index=column.index)
    unknown = []
    for name in wanted:
        if _fold(name) in known:
            keep |= folded.eq(_fold(name))
            continue
        place = _as_place(name)
        if place is None or _fold(place[0]) not in known:
            unknown.append(name)
            continue
        match = folded.eq(_fold(place[0]))
        if states is not None and place[1]:
            match &= states.eq(place[1])
        if not match.any():  # "Portland, Maine" when the data's Portland is in Oregon
            unknown.append(name)
        keep |= match.astype(bool)
    if unknown:
        raise DataError("; ".join(_unknown_city(c, known) for c in unknown))
    return keep.astype(bool)


def _as_place(name: str) -> tuple[str, str | None] | None:
    """``name`` read as cleaning reads a locality ("NYC" is New York, "Portland, Ore." is
    in Oregon), or None when it is no place turnout can pin down."""
    from turnout.places import PlaceError, ap_city_name, resolve_place

    try:
        place = resolve_place(name)
    except PlaceError:
        head, sep, _ = str(name).rpartition(",")  # "Portland": ambiguous, but the data may say
        return (ap_city_name(" ".join(name.split())), None) if not sep else None
    except Exception:  # noqa: BLE001 - no gazetteer (a bare install): the name as written
        return None
    has_state = "," in str(name)
    return place.city, place.state if has_state else None


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
