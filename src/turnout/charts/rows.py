"""The rows a chart reads and the notes every chart writes the same way, with no drawing:
a chart's spec (:mod:`turnout.charts.spec`) is worked out from these with pandas,
:mod:`turnout.ap`, :mod:`turnout.cells` and :mod:`turnout.ranking` alone.

:func:`prepare` gives a chart every column it reads, whatever the source (the seed
story, a reporter's sheet, CCC data with no temperatures).

>>> import turnout
>>> ev = prepare(turnout.load_events())
>>> ev["place"].iloc[0] != "", "size_qualifier" in ev
(True, True)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from turnout import cells
from turnout.ap import (
    ap_count,
    ap_date,
    ap_number,
    ap_period,
    ap_range,
    fmt_range,
    is_area,
    join_places,
    place_label,
    sentence,
)
from turnout.ranking import PLACEHOLDERS
from turnout.select import out_of_period
from turnout.sizes import parse_size


def prepare(events: pd.DataFrame) -> pd.DataFrame:
    """A copy with every column the charts read, missing ones filled (CCC has no temperatures)."""
    ev = events.copy()
    n = len(ev)
    if "row" not in ev:
        ev["row"] = np.arange(n, dtype="int64") + 2
    ev["date"] = pd.to_datetime(ev["date"], errors="coerce") if n else pd.to_datetime(ev["date"])
    if "city" not in ev:
        ev["city"] = ev["locality"] if "locality" in ev else ""
    for col in (
        "state_code", "size_text", "source_quote", "source_name", "source_date", "source_url",
    ):  # fmt: skip
        if col not in ev:
            ev[col] = pd.Series(pd.NA, index=ev.index, dtype="str")
    for col in ("size_low", "size_high", "temp_f_low", "temp_f_high"):
        ev[col] = (
            pd.to_numeric(ev[col], errors="coerce").astype("float64")
            if col in ev
            else pd.Series(np.nan, index=ev.index, dtype="float64")
        )
    # One-sided sizes ("at least 100" coded with no high) draw to the number they give.
    ev["size_high"] = ev["size_high"].fillna(ev["size_low"])
    ev["size_low"] = ev["size_low"].fillna(ev["size_high"])
    if "size_qualifier" not in ev:
        from turnout.sizes import size_qualifiers

        ev["size_qualifier"] = size_qualifiers(ev["size_text"]).where(ev["size_low"].notna(), "")
    ev["size_qualifier"] = ev["size_qualifier"].fillna("").astype("str")
    if "temp_text" not in ev:
        ev["temp_text"] = pd.Series(pd.NA, index=ev.index, dtype="str")
    if "temp_label" not in ev:
        ev["temp_label"] = pd.Series("none", index=ev.index, dtype="str")
    ev["place"] = [place_label(c, s) for c, s in zip(ev["city"], ev["state_code"], strict=True)]
    return ev


#: A cell as text, '' when missing (keeps CSV output and labels free of 'nan'): the one
#: rule every room follows (:func:`turnout.cells.text`).
text = cells.text


def words_aside(size_text: Any, shown: str) -> str:
    """The source's words after a number in alt text (" (“over 3,000”)"), when they add to it."""
    words = text(size_text).strip()
    plain = words.replace(",", "").removesuffix(".0")
    if not words or plain.isdigit() or words.lower() == shown.lower():
        return ""
    return f" (“{words}”)"


def in_period(ev: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The rows a chart draws and a note on the ones it leaves out: dates cleaning flagged
    as outside the data's own period (:func:`turnout.select.out_of_period`), which would
    stretch a chart over empty years.

    >>> ev = pd.DataFrame({"date": pd.to_datetime(["2015-05-01", "2018-05-02"]),
    ...     "date_problem": ["before CCC coverage (2017): '2015-05-01'", ""]})
    >>> kept, note = in_period(ev)
    >>> len(kept), note.endswith("far from the month it was coded in: May 1, 2015).")
    (1, True)
    >>> note.startswith("Left out: one event whose date looks mistyped")
    True
    """
    flagged = out_of_period(ev)
    if not flagged.any():
        return ev, ""
    days = sorted(set(ev.loc[flagged, "date"].dt.normalize()))
    listed = join_places([ap_date(d, year=True) for d in days], limit=3)  # dates hold commas
    n = ap_count(int(flagged.sum()), "event")
    # The dates may fall inside the period charted (a row dated Oct. 4 in December's sheet):
    # what is wrong with them is the doubt, not the period.
    whose = "whose date looks" if flagged.sum() == 1 else "whose dates look"
    why = "before CCC’s coverage or far from the month it was coded in"
    return ev[~flagged], f"Left out: {n} {whose} mistyped ({why}: {listed})."


def period(ev: pd.DataFrame) -> str:
    """The period a chart says it covers: the one asked for (``attrs["period"]``, set by
    :func:`turnout.select_events`), else the data's own first and last day.

    >>> ev = pd.DataFrame({"date": pd.to_datetime(["2026-01-30", "2026-01-31"])})
    >>> period(ev), asked_days(ev)
    ('Jan. 30-31, 2026', (None, None))
    >>> ev.attrs["period"] = ("2026-01-23", "2026-02-02")
    >>> period(ev)
    'Jan. 23-Feb. 2, 2026'
    """
    asked = _asked(ev)
    if asked is not None:
        return ap_period(*asked)
    dates = ev["date"].dropna()
    return ap_period(dates.min(), dates.max()) if len(dates) else ""


def _asked(ev: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The period asked for, as days, when a selection recorded a whole one."""
    asked = ev.attrs.get("period")
    if not asked or not all(asked):
        return None
    return pd.Timestamp(asked[0]), pd.Timestamp(asked[1])


def asked_days(ev: pd.DataFrame) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The first and last day asked for, (None, None) when nothing was set: a chart with
    a time axis (the timeline) spans them."""
    asked = _asked(ev)
    return asked if asked is not None else (None, None)


def word_rules(rows: pd.DataFrame) -> str:
    """A note on how crowd words became numbers, from the rows actually drawn: each phrase
    once, with the numbers drawn for it ("“nearly one million; hundreds of thousands” as
    200,000 to 1 million"). Only words that give those numbers themselves are listed: CCC's
    ``size_text`` may name where a coder found a count ("facebook"), and its placeholders
    ("na", "unknown") are no crowd words.

    >>> rows = pd.DataFrame({"size_text": ["hundreds", "Hundreds,", "na", "several thousand; na"],
    ...                      "size_low": [200.0, 200.0, 125.0, 3000.0],
    ...                      "size_high": [200.0, 200.0, 125.0, 15000.0]})
    >>> word_rules(rows)
    'Crowd words count at their lowest, by Crowd Counting Consortium rules: “hundreds” as 200.'
    """
    seen: dict[str, tuple[str, float, float]] = {}
    highs = rows["size_high"] if "size_high" in rows else rows["size_low"]
    for said, low, high in zip(rows["size_text"], rows["size_low"], highs, strict=True):
        words = spoken(said).strip(" ,.;:!?")  # "hundreds," is "hundreds"
        if not words or any(ch.isdigit() for ch in words) or math.isnan(low):
            continue
        high = low if math.isnan(high) else high
        coded = parse_size(words)
        coded_high = coded.low if coded.high is None or math.isnan(coded.high) else coded.high
        if (coded.low, coded_high) == (low, high):
            seen.setdefault(" ".join(words.lower().split()), (words, low, high))
    if not seen:
        return ""
    pairs = sorted(seen.values(), key=lambda v: (-v[1], -v[2]))[:4]
    listed = ", ".join(f"“{w.lower()}” as {ap_range(lo, hi)}" for w, lo, hi in pairs)
    return f"Crowd words count at their lowest, by Crowd Counting Consortium rules: {listed}."


def spoken(size_text: Any) -> str:
    """The crowd words of a ``size_text`` cell without CCC's placeholders: "several
    thousand; na" says "several thousand", "NA" says nothing.

    >>> spoken("several thousand; na"), spoken("NA"), spoken("thousands")
    ('several thousand', '', 'thousands')
    """
    parts = [p.strip() for p in text(size_text).split(";")]
    return "; ".join(p for p in parts if p and p.lower() not in PLACEHOLDERS)


def no_count_note(places: list[str], *, lead: str = "No count reported: ") -> str:
    """The places with events but no number, cities apart from counties and other areas,
    which are named for what they are.

    >>> for line in no_count_note(["Altoona, Pa.", "24 Ohio counties", "Athens, Ga."]).split(". "):
    ...     print(line)
    No count reported: Altoona, Pa.; Athens, Ga
    Counties and other areas with no count: 24 Ohio counties.
    """
    cities = [p for p in places if not is_area(p)]
    areas = [p for p in places if is_area(p)]
    parts = [sentence(f"{lead}{join_places(cities, limit=8)}")] if cities else []
    if areas:
        parts.append(
            sentence(f"Counties and other areas with no count: {join_places(areas, limit=4)}")
        )
    return " ".join(parts)


def city_scope(ev: pd.DataFrame, cities_in_data: int | None) -> tuple[str, str]:
    """("three of the 10 cities in the data", those cities named) when a filter chose
    some of the data's cities; ("", "") when the chart covers them all."""
    places = list(dict.fromkeys(ev.sort_values("place")["place"]))
    if cities_in_data is None or len(places) >= cities_in_data:
        return "", ""
    scope = (
        f"{ap_number(len(places))} of the {ap_count(cities_in_data, 'city', 'cities')} in the data"
    )
    return scope, sentence(f"The chart covers {scope}: {join_places(places, limit=8)}")


def hedged(low: float, high: float, floor: bool, ceiling: bool, *, text: bool = False) -> str:
    """A count as a chart shows it: a floor takes a "+", a ceiling ("as many as 80,000") an
    "up to", so neither reads as a plain count; ``text`` for running text (AP's "to").

    >>> hedged(2000, 2000, True, False), hedged(80000, 80000, False, True)
    ('2,000+', 'up to 80,000')
    >>> hedged(6000, 9000, False, False), hedged(6000, 9000, False, False, text=True)
    ('6,000-9,000', '6,000 to 9,000')
    """
    number = (ap_range if text else fmt_range)(low, high)
    if floor:
        return number + "+"
    return f"up to {number}" if ceiling and not high > low else number


def is_ceiling(qualifier: pd.Series, low: pd.Series, high: pd.Series) -> pd.Series:
    """Counts whose words give only a highest number ("as many as 80,000", "up to 500").

    >>> is_ceiling(pd.Series(["at most", "at most", ""]), pd.Series([500.0, 5.0, 9.0]),
    ...     pd.Series([500.0, 9.0, 9.0])).tolist()
    [True, False, False]
    """
    return qualifier.eq("at most") & low.notna() & ~(high > low)


def floor_total(value: float) -> float:
    """A sum that includes a floor, rounded down to two significant figures: still a floor.

    >>> floor_total(3224.0), floor_total(70000.0), floor_total(24.0)
    (3200.0, 70000.0, 24.0)
    """
    if not value >= 100:  # NaN and small sums stay as they are
        return value
    step = 10 ** (int(math.log10(value)) - 1)
    return float(math.floor(value / step) * step)
