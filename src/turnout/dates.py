"""Date words to datetimes, with a reason for every date that is not one.

Event sheets write dates as ISO (``2026-01-30``), as US ``1/30/2026``, as a
reporter writes them (``Jan. 30, 2026``, ``January 30, 2026``, ``30 January 2026``)
or as a spreadsheet export with a time (``2021-06-13T00:00:00Z``). Typos such as
``0208-10-14`` parse as calendar dates but are not events: a year outside
1900-2100 is called impossible. Each distinct text is parsed once (event files
repeat dates a lot).

A date without a year ("Jan. 29", "29 January", "1/29"), as a reporter copies it
from a story, takes its year from the row's ``source_date``: it is the latest such
day on or before the source's date, within the year up to it (a "Feb. 29" with no
leap day in that year is not read as one four years back). Without a source date
it is not a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import numpy as np
import pandas as pd

from turnout.distinct import distinct
from turnout.errors import quote

# Dates outside these years are typos ("0208-10-14", "2917-09-25"), not events.
FIRST_YEAR, LAST_YEAR = 1900, 2100
_DATE_SHAPED = r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}"
# "4/10/06": a spreadsheet's short year, which could be 1906 or 2006.
_SHORT_YEAR = r"\d{1,2}/\d{1,2}/\d{2}"
_TIME_OF_DAY = r"(?<=\d)[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
# Month words: "January", "Jan", AP's "Sept".
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
# A day without a year: "Jan. 29", "January 29th", "29 January", "1/29".
_YEARLESS = re.compile(
    r"(?P<mon>[a-z]+)\.?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>[a-z]+)\.?"
    r"|(?P<m>\d{1,2})/(?P<d>\d{1,2})",
    re.IGNORECASE,
)


def parse_dates(
    text: pd.Series, source_date: pd.Series | None = None
) -> tuple[pd.Series, pd.Series]:
    """Dates as datetime64 (NaT where there is none) and a problem per row ("" when fine).

    Problems read ``"blank"``, ``"impossible: '0208-10-14'"`` (a date-shaped typo),
    ``"the year has two digits: '4/10/06' (write it in full: YYYY-MM-DD)"``,
    ``"not a date: 'next Tuesday'"`` or, for a day without a year, ``"no year: ..."``.
    ``source_date`` (datetime64 on ``text``'s index, NaT where unknown) gives such a
    day its year: the latest such day on or before it (:func:`year_notes` says so).

    >>> text = pd.Series(["2026-01-30", "1/31/2026", "Feb. 2, 2026", None, "0208-10-14"])
    >>> dates, problem = parse_dates(text)
    >>> dates.dt.strftime("%Y-%m-%d").tolist()
    ['2026-01-30', '2026-01-31', '2026-02-02', nan, nan]
    >>> problem.tolist()
    ['', '', '', 'blank', "impossible: '0208-10-14'"]
    >>> source = pd.to_datetime(pd.Series(["2026-02-03", "2026-02-03", None]))
    >>> dates, problem = parse_dates(pd.Series(["Jan. 29", "Dec. 30", "Jan. 29"]), source)
    >>> dates.dt.strftime("%Y-%m-%d").tolist()
    ['2026-01-29', '2025-12-30', nan]
    >>> problem[2]
    "no year: 'Jan. 29', and no source_date to take it from"
    """
    d = distinct(text)
    written = pd.Series(d.values, dtype="str")
    words = written.str.strip()
    # An event has a day, not a time: "2021-06-13T00:00:00Z" is its day.
    day = words.str.replace(_TIME_OF_DAY, "", regex=True)
    dates = pd.to_datetime(day, format="%Y-%m-%d", errors="coerce")
    # Then the forms reporters type: "1/30/2026", "Jan. 30, 2026", "January 30, 2026",
    # "30 January 2026" (AP's "Sept." too). Each is tried only on what is still unread.
    written_out = day.str.replace(".", "", regex=False).str.replace(
        r"\bSept\b", "Sep", regex=True, case=False
    )
    for form, candidates in [
        ("%m/%d/%Y", day),
        ("%b %d, %Y", written_out),
        ("%B %d, %Y", written_out),
        ("%d %B %Y", written_out),
        ("%d %b %Y", written_out),
    ]:
        todo = dates.isna()
        if not todo.any():
            break
        dates[todo] = pd.to_datetime(candidates[todo], format=form, errors="coerce")
    dates = dates.astype("datetime64[us]")
    plausible = dates.dt.year.between(FIRST_YEAR, LAST_YEAR)
    quoted = written.map(quote)
    month_day = [_month_day(w) if not ok else None for w, ok in zip(words, plausible, strict=True)]
    yearless = pd.Series([md is not None for md in month_day], index=words.index, dtype=bool)
    no_such_day = pd.Series([md == (0, 0) for md in month_day], index=words.index, dtype=bool)
    problem = np.select(
        [
            ~plausible & words.str.fullmatch(_SHORT_YEAR),
            ~plausible & (words.str.fullmatch(_DATE_SHAPED) | no_such_day),
            yearless,
            ~plausible,
        ],
        [
            "the year has two digits: " + quoted + " (write it in full: YYYY-MM-DD)",
            "impossible: " + quoted,
            "no year: " + quoted + ", and no source_date to take it from",
            "not a date: " + quoted,
        ],
        "",
    ).astype(object)
    impossible = np.char.startswith(problem.astype(str), "impossible")
    problem[impossible] = [
        p + _why_impossible(w) for p, w in zip(problem[impossible], words[impossible], strict=True)
    ]
    dates = dates.where(plausible)
    out_dates = pd.Series(d.spread(dates.to_numpy(), np.datetime64("NaT", "us")), index=text.index)
    out_problem = pd.Series(d.spread(problem, "blank"), index=text.index, dtype="str")
    if source_date is not None and (yearless & ~no_such_day).any():
        _date_from_source(out_dates, out_problem, d.codes, month_day, quoted, source_date)
    return out_dates, out_problem


def _why_impossible(words: str) -> str:
    """Why a date-shaped text names no day: " (April has 30 days)", " (there is no month
    13)"; "" when it is not that plain.

    >>> _why_impossible("2006-04-31"), _why_impossible("2/30/2026"), _why_impossible("2026-13-01")
    (' (April has 30 days)', ' (February 2026 has 28 days)', ' (there is no month 13)')
    """
    import calendar

    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", words)
    us = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", words)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif us:
        month, day, year = (int(g) for g in us.groups())
    else:
        return ""
    if not 1 <= month <= 12:
        return f" (there is no month {month})"
    last = calendar.monthrange(year, month)[1]
    if day <= last:
        return ""
    name = calendar.month_name[month]
    return f" ({name} {year} has {last} days)" if month == 2 else f" ({name} has {last} days)"


def _month_day(words: object) -> tuple[int, int] | None:
    """(month, day) of a day written without a year, (0, 0) for one no year has, else None."""
    if not isinstance(words, str):
        return None
    found = _YEARLESS.fullmatch(words.strip())
    if found is None:
        return None
    if found["m"]:
        month, day = int(found["m"]), int(found["d"])
    else:
        name = (found["mon"] or found["mon2"]).lower()
        if name not in _MONTHS:
            return None
        month, day = _MONTHS[name], int(found["day"] or found["day2"])
    # Feb. 29 exists in leap years (2000 is one); Feb. 30 and "13/5" in none.
    return (
        (month, day)
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]
        else (0, 0)
    )


def _date_from_source(
    dates: pd.Series,
    problem: pd.Series,
    codes: np.ndarray,
    month_day: list[tuple[int, int] | None],
    quoted: pd.Series,
    source_date: pd.Series,
) -> None:
    """Give each day written without a year the year of its row's source date, in place."""
    source = pd.to_datetime(pd.Series(source_date, index=dates.index), errors="coerce")
    if source.isna().all():
        return
    yearless = np.array([md not in (None, (0, 0)) for md in month_day] + [False])
    for pos in np.flatnonzero(yearless[codes] & source.notna().to_numpy()):
        ref = source.iloc[pos]
        month, day = month_day[codes[pos]]
        found = _latest_on_or_before(month, day, ref.date())
        if found is None:
            problem.iloc[pos] = (
                f"no year: {quoted[codes[pos]]}, and no such day in the year up to its "
                f"source_date {ref:%Y-%m-%d}"
            )
        else:
            dates.iloc[pos] = pd.Timestamp(found)
            problem.iloc[pos] = ""


def _latest_on_or_before(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The latest ``month``/``day`` on or before ``ref``, within the year up to it."""
    for year in (ref.year, ref.year - 1):
        if year < FIRST_YEAR or ((month, day) == (2, 29) and not calendar.isleap(year)):
            continue
        candidate = dt.date(year, month, day)
        if candidate <= ref:
            return candidate
    return None


def year_notes(text: pd.Series, dates: pd.Series) -> pd.Series:
    """A note for each date read from a day written without a year ("" elsewhere).

    >>> days = pd.to_datetime(pd.Series(["2026-01-29", "2026-01-29"]))
    >>> year_notes(pd.Series(["Jan. 29", "2026-01-29"]), days).tolist()[0]
    "'Jan. 29' has no year: read as 2026-01-29, the latest such day on or before source_date"
    """
    notes = pd.Series("", index=text.index, dtype="str")
    d = distinct(text)  # each distinct text looked at once
    yearless = d.spread([_month_day(u) not in (None, (0, 0)) for u in d.values], False)
    found = dates.notna().to_numpy() & yearless.astype(bool)
    for i in np.flatnonzero(found):
        notes.iloc[i] = (
            f"{quote(str(text.iloc[i]).strip())} has no year: read as "
            f"{pd.Timestamp(dates.iloc[i]):%Y-%m-%d}, the latest such day on or before source_date"
        )
    return notes
