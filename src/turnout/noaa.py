"""NOAA's daily weather records: fetched from NCEI (cached on disk) or read from saved files.

Three formats, one table out (``station, date, tmax_f, tmin_f, tavg_f``; °F,
missing stays NaN):

- NCEI's Data Access service (``dataset=daily-summaries``), the CSV a reporter
  also gets by hand from NCEI's website: :func:`fetch_daily_summaries`,
  :func:`download_daily_summaries`, :func:`read_daily_summaries`;
- GHCN-Daily ``.dly`` files (fixed width, tenths of °C): :func:`read_ghcn_dly`;
- the station list ``ghcnd-stations.txt``: :func:`read_stations`.

Only :func:`fetch_daily_summaries` and :func:`download_daily_summaries` use the
network, and only when called: nothing is fetched at import or by a build.
Answers are kept in the user's cache folder (``~/.cache/turnout/weather``,
see :func:`turnout.paths.user_cache_dir`) keyed by the query, so asking twice
makes one request.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from turnout import __version__, paths
from turnout.errors import DataError, quote

#: NCEI's Data Access service (the API behind "Daily Summaries" downloads).
NCEI_URL = "https://www.ncei.noaa.gov/access/services/data/v1"
#: How a page or chart credits the observed temperatures it shows.
NOAA_CREDIT = "observed temperatures: NOAA NCEI, GHCN-Daily"
#: The table every reader returns.
DAILY_COLUMNS = ["station", "date", "tmax_f", "tmin_f", "tavg_f"]
_ELEMENTS = {"TMAX": "tmax_f", "TMIN": "tmin_f", "TAVG": "tavg_f"}


class WeatherError(DataError):
    """Observed weather that could not be fetched or read; names the URL or file.

    >>> str(WeatherError("HTTP 500 Internal Server Error", path="https://example.org/v1?x=1"))
    'https://example.org/v1?x=1: HTTP 500 Internal Server Error'
    """


# --------------------------------------------------------------------------- fetch


def daily_summaries_url(
    stations: Iterable[str], start: object, end: object, *, base_url: str = NCEI_URL
) -> str:
    """The one GET that asks NCEI for the days ``start`` to ``end`` (inclusive) at ``stations``.

    >>> daily_summaries_url(["USW00094728"], "2026-01-29", "2026-01-30")  # doctest: +ELLIPSIS
    'https://www.ncei.noaa.gov/access/services/data/v1?dataset=daily-summaries&stations=USW...'
    """
    ids = [str(s).strip() for s in stations]
    if not ids or not all(ids):
        raise WeatherError("no station to ask for", path=base_url)
    a, b = _day(start, base_url), _day(end, base_url)
    if a > b:
        raise WeatherError(f"start {a} is after end {b}", path=base_url)
    query = {
        "dataset": "daily-summaries",
        "stations": ",".join(ids),
        "startDate": a,
        "endDate": b,
        "dataTypes": "TMAX,TMIN,TAVG",
        "units": "standard",
        "format": "csv",
        "includeStationName": "true",
    }
    return f"{base_url}?{urllib.parse.urlencode(query, safe=',')}"


def fetch_daily_summaries(
    stations: Iterable[str],
    start: object,
    end: object,
    *,
    base_url: str = NCEI_URL,
    cache_dir: str | os.PathLike | None = None,
    timeout: float = 60.0,
    refresh: bool = False,
) -> pd.DataFrame:
    """Each station's daily high, low and mean in °F from NCEI, cached on disk by the query.

    ``cache_dir`` defaults to ``weather/`` in the user's cache folder; a second
    identical call reads the cache and makes no request (``refresh`` asks again:
    NOAA revises recent days). HTTP errors, timeouts, empty answers and
    malformed CSV raise :class:`WeatherError` naming the server (not the whole query), and
    how to work without it: NCEI's CSV saved by hand to ``data/external/weather.csv``.

    Example (network; the build never calls it)::

        daily = fetch_daily_summaries(["USW00094728"], "2026-01-29", "2026-01-30")
        list(daily.columns)  # ['station', 'date', 'tmax_f', 'tmin_f', 'tavg_f']
    """
    url = daily_summaries_url(stations, start, end, base_url=base_url)
    return _cached_get(url, cache_dir, timeout, refresh)[1]


def download_daily_summaries(
    stations: Iterable[str],
    start: object,
    end: object,
    out: str | os.PathLike,
    *,
    base_url: str = NCEI_URL,
    cache_dir: str | os.PathLike | None = None,
    timeout: float = 60.0,
    refresh: bool = False,
) -> pd.DataFrame:
    """:func:`fetch_daily_summaries`, and save NCEI's CSV exactly as received to ``out``.

    What ``turnout weather fetch`` runs; returns the table read from the answer.
    """
    url = daily_summaries_url(stations, start, end, base_url=base_url)
    text, daily = _cached_get(url, cache_dir, timeout, refresh)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    paths.atomic_write(out, text)
    return daily


def _cached_get(
    url: str, cache_dir: str | os.PathLike | None, timeout: float, refresh: bool
) -> tuple[str, pd.DataFrame]:
    """The answer's text and the table read from it, from the cache when this query was
    answered before."""
    folder = paths.user_cache_dir() / "weather" if cache_dir is None else Path(cache_dir)
    cached = folder / f"ncei-{hashlib.sha256(url.encode()).hexdigest()[:32]}.csv"
    if cached.is_file() and not refresh:
        text = cached.read_text(encoding="utf-8")
        return text, read_daily_summaries(io.StringIO(text), _host(url))
    text = _get(url, timeout)
    daily = read_daily_summaries(io.StringIO(text), _host(url))  # only a usable answer is kept
    try:
        folder.mkdir(parents=True, exist_ok=True)
        paths.atomic_write(cached, text)
    except OSError:
        pass  # a read-only cache folder still works, it just asks again
    return text, daily


#: What a reporter can do when NCEI does not answer: the same file, saved by hand.
BY_HAND = "or save NCEI's daily-summaries CSV by hand to data/external/weather.csv"


def _host(url: str) -> str:
    """The server a query went to, which is all an error line needs to name.

    >>> _host("https://www.ncei.noaa.gov/access/services/data/v1?dataset=daily-summaries")
    'www.ncei.noaa.gov'
    """
    return urllib.parse.urlsplit(url).netloc or url


def _get(url: str, timeout: float) -> str:
    request = urllib.request.Request(
        url, headers={"User-Agent": f"turnout/{__version__}", "Accept": "text/csv"}
    )
    host = _host(url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read()
    except urllib.error.HTTPError as err:
        detail = " ".join(err.read(300).decode("utf-8", "replace").split())
        detail = detail if len(detail) <= 80 else detail[:79] + "…"
        message = f"NCEI answered HTTP {err.code} {err.reason}" + (f" ({detail})" if detail else "")
        raise WeatherError(f"{message}; try again later, {BY_HAND}", path=host) from None
    except TimeoutError:
        raise WeatherError(_no_answer(timeout), path=host) from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise WeatherError(_no_answer(timeout), path=host) from None
        reason = getattr(err.reason, "strerror", None) or err.reason
        message = f"could not reach NCEI ({reason}); check the connection, {BY_HAND}"
        raise WeatherError(message, path=host) from None
    text = body.decode("utf-8-sig", "replace")
    if not text.strip():
        raise WeatherError(f"NCEI sent an empty answer: no observations; {BY_HAND}", path=host)
    return text


def _no_answer(timeout: float) -> str:
    return f"no answer within {timeout:g} s; try again later (--timeout to wait longer), {BY_HAND}"


def _day(value: object, where: object) -> str:
    """A day as NCEI wants it; text must be ``YYYY-MM-DD`` (pandas would read "Jan 35" as 2035)."""
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    try:
        return datetime.date.fromisoformat(str(value).strip()).strftime("%Y-%m-%d")
    except ValueError:
        raise WeatherError(f"{quote(value)} is not a date (use YYYY-MM-DD)", path=where) from None


# --------------------------------------------------------------------------- readers


def read_daily_summaries(
    path_or_buffer: str | os.PathLike | IO[str], name: object = None
) -> pd.DataFrame:
    """NCEI's daily-summaries CSV (fetched, or saved by hand from NCEI's website) as a table.

    Needs ``STATION`` and ``DATE``; ``TMAX``, ``TMIN``, ``TAVG`` may be absent or
    empty (many stations report no mean). ``name`` names a buffer in errors.

    >>> csv = '"STATION","NAME","DATE","TAVG","TMAX","TMIN"\\n"USW1","X","2026-01-30","","30","1"'
    >>> read_daily_summaries(io.StringIO(csv))[["tmax_f", "tmin_f"]].to_dict("records")
    [{'tmax_f': 30.0, 'tmin_f': 1.0}]
    """
    where = name if name is not None else getattr(path_or_buffer, "name", path_or_buffer)
    where = "the answer" if isinstance(where, io.IOBase) else where
    try:
        raw = pd.read_csv(path_or_buffer, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise WeatherError("empty: no observations", path=where) from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise WeatherError(f"not a CSV file ({' '.join(str(err).split())})", path=where) from None
    except OSError as err:
        raise WeatherError(err.strerror or str(err), path=where) from None
    raw.columns = [str(c).strip().upper() for c in raw.columns]
    for col in ("STATION", "DATE"):
        if col not in raw:
            head = ", ".join(list(raw.columns)[:6])
            raise WeatherError(
                f"not an NCEI daily-summaries CSV: no {col} column (header: {head})",
                path=where,
                column=col,
            )
    if raw.empty:
        raise WeatherError("no observations (the header only)", path=where)
    rows = pd.Series(np.arange(len(raw)) + 2, index=raw.index)  # spreadsheet rows
    dates = pd.to_datetime(raw["DATE"].str.strip(), format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        i = dates.isna().idxmax()
        raise WeatherError(
            f"not a date: {quote(raw.at[i, 'DATE'])}", path=where, row=int(rows[i]), column="DATE"
        )
    out = pd.DataFrame({"station": raw["STATION"].str.strip().astype("str"), "date": dates})
    for element, col in _ELEMENTS.items():
        text = raw[element].str.strip() if element in raw else pd.Series("", index=raw.index)
        values = pd.to_numeric(text.where(text.ne("")), errors="coerce").astype("float64")
        bad = values.isna() & text.ne("") & text.notna()
        if bad.any():
            i = bad.idxmax()
            raise WeatherError(
                f"not a number: {quote(text[i])}", path=where, row=int(rows[i]), column=element
            )
        out[col] = values
    return _checked(out, where, rows)


def read_ghcn_dly(path: str | os.PathLike) -> pd.DataFrame:
    """A GHCN-Daily ``.dly`` file's TMAX, TMIN and TAVG in °F (tenths of °C converted).

    Fixed width: ID 1-11, year 12-15, month 16-17, element 18-21, then 31 days
    of a 5-character value and three flags. ``-9999`` is missing, and so is a
    value with a quality flag (it failed one of NOAA's checks). Other elements
    (rain, snow) are skipped; a day with no temperature has no row.

    >>> import tempfile
    >>> day1 = "  -56  S" + "-9999   " * 30
    >>> f = Path(tempfile.mkdtemp()) / "USW00094728.dly"
    >>> _ = f.write_text("USW00094728202601TMIN" + day1 + "\\n")
    >>> read_ghcn_dly(f)[["station", "tmin_f"]].to_dict("records")
    [{'station': 'USW00094728', 'tmin_f': 21.9}]
    """
    records: dict[tuple[str, pd.Timestamp], dict[str, float]] = {}
    rows: dict[tuple[str, pd.Timestamp], int] = {}
    try:
        lines = Path(path).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise WeatherError(f"cannot read a .dly file ({err})", path=path) from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        line = line.ljust(269)  # trailing blank flags are often trimmed
        station, year, month, element = line[:11].strip(), line[11:15], line[15:17], line[17:21]
        if not (station and year.isdecimal() and month.isdecimal() and 1 <= int(month) <= 12):
            raise WeatherError(
                f"not a GHCN-Daily line (ID, year, month, element): {line[:21]!r}", path=path, row=n
            )
        if element not in _ELEMENTS:
            continue
        for day in range(31):
            field = line[21 + 8 * day : 29 + 8 * day]
            value, qflag = field[:5].strip(), field[6]
            try:
                number = int(value)
            except ValueError:
                raise WeatherError(
                    f"day {day + 1} of {element}: not a value: {quote(value)}", path=path, row=n
                ) from None
            if number == -9999 or qflag.strip():
                continue
            try:
                date = pd.Timestamp(int(year), int(month), day + 1)
            except ValueError:
                continue  # Feb. 30 and the like: no such day
            key = (station, date)
            records.setdefault(key, {})[_ELEMENTS[element]] = round(number / 10 * 1.8 + 32, 1)
            rows.setdefault(key, n)
    out = pd.DataFrame(
        [{"station": s, "date": d, **v} for (s, d), v in records.items()], columns=DAILY_COLUMNS
    )
    out = out.astype({"station": "str", "date": "datetime64[ns]"})
    out[["tmax_f", "tmin_f", "tavg_f"]] = out[["tmax_f", "tmin_f", "tavg_f"]].astype("float64")
    return _checked(out.sort_values(["station", "date"]), path, None)


def _checked(daily: pd.DataFrame, where: object, rows: pd.Series | None) -> pd.DataFrame:
    """One row per station and day: a second row for the same day is an error, not a choice."""
    dupes = daily.duplicated(["station", "date"])
    if dupes.any():
        i = dupes.idxmax()
        raise WeatherError(
            f"two rows for station {daily.at[i, 'station']} on {daily.at[i, 'date']:%Y-%m-%d}",
            path=where,
            row=None if rows is None else int(rows[i]),
        )
    return daily[DAILY_COLUMNS].reset_index(drop=True)


def read_stations(path_or_buffer: str | os.PathLike | IO[str]) -> pd.DataFrame:
    """NOAA's GHCN-Daily station list (``ghcnd-stations.txt``, fixed width) as a table.

    Columns ``station, latitude, longitude, elevation, state, name`` (ID 1-11,
    latitude 13-20, longitude 22-30, elevation 32-37, state 39-40, name 42-71).

    >>> line = "USW00094728  40.7789  -73.9692   39.6 NY NY CITY CNTRL PK"
    >>> read_stations(io.StringIO(line))[["station", "latitude", "longitude"]].to_dict("records")
    [{'station': 'USW00094728', 'latitude': 40.7789, 'longitude': -73.9692}]
    """
    where = getattr(path_or_buffer, "name", path_or_buffer)
    where = "the station list" if isinstance(where, io.IOBase) else where
    spans = [(0, 11), (12, 20), (21, 30), (31, 37), (38, 40), (41, 71)]
    names = ["station", "latitude", "longitude", "elevation", "state", "name"]
    try:
        raw = pd.read_fwf(
            path_or_buffer, colspecs=spans, names=names, dtype=str, keep_default_na=False
        )
    except (OSError, UnicodeDecodeError, pd.errors.EmptyDataError) as err:
        raise WeatherError(f"cannot read a station list ({err})", path=where) from None
    out = raw.apply(lambda c: c.str.strip()).astype("str")
    for col in ("latitude", "longitude", "elevation"):
        out[col] = pd.to_numeric(out[col], errors="coerce")
        bad = out[col].isna() & (col != "elevation")
        if bad.any():
            i = bad.idxmax()
            raise WeatherError(
                f"{col} is not a number: {quote(raw.at[i, col])}",
                path=where,
                row=int(i) + 1,
                column=col,
            )
    return out
