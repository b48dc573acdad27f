"""Date words to datetimes, with a reason for every date that is not one.

Event sheets write dates as ISO (``2026-01-30``), as US ``1/30/2026``, as a
reporter writes them (``Jan. 30, 2026``, ``January 30, 2026``, ``30 January 2026``)
or as a spreadsheet export with a time (``2021-06-13T00:00:00Z``). Typos such as
``0208-10-14`` parse as calendar dates but are not events: a year outside
1900-2100 is called impossible. Each distinct text is parsed once (event files
repeat dates a lot).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from turnout.distinct import distinct

# Dates outside these years are typos ("0208-10-14", "2917-09-25"), not events.
FIRST_YEAR, LAST_YEAR = 1900, 2100
_DATE_SHAPED = r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}"
_TIME_OF_DAY = r"(?<=\d)[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"


def parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates as datetime64 (NaT where there is none) and a problem per row ("" when fine).

    Problems read ``"blank"``, ``"impossible: '0208-10-14'"`` (a date-shaped typo)
    or ``"not a date: 'next Tuesday'"``.

    >>> text = pd.Series(["2026-01-30", "1/31/2026", "Feb. 2, 2026", None, "0208-10-14"])
    >>> dates, problem = parse_dates(text)
    >>> dates.dt.strftime("%Y-%m-%d").tolist()
    ['2026-01-30', '2026-01-31', '2026-02-02', nan, nan]
    >>> problem.tolist()
    ['', '', '', 'blank', "impossible: '0208-10-14'"]
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
    quoted = "'" + written + "'"
    problem = np.select(
        [~plausible & words.str.fullmatch(_DATE_SHAPED), ~plausible],
        ["impossible: " + quoted, "not a date: " + quoted],
        "",
    ).astype(object)
    dates = dates.where(plausible)
    out_dates = pd.Series(d.spread(dates.to_numpy(), np.datetime64("NaT", "us")), index=text.index)
    out_problem = pd.Series(d.spread(problem, "blank"), index=text.index, dtype="str")
    return out_dates, out_problem
