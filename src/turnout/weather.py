"""Observed weather for each event: the station a reporter would cite, and its day's record.

A source gives "9° F" or "freezing"; NOAA's weather stations give every
protest day a measured low and high. This module picks the station for an
event's city (:data:`STATIONS`, or :func:`nearest_station` over NOAA's station
list for other cities) and joins that station's record for the event's date
(:func:`attach_weather`). The records come from :mod:`turnout.noaa`
(``turnout weather fetch`` saves them to ``data/external/weather.csv``).

TMAX and TMIN are the day's extremes at the station (an airport or a park),
not the temperature at the protest's place and hour. An event with no station
or no record for its day keeps NaN: nothing is invented.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from turnout import paths
from turnout.ap import ap_number
from turnout.errors import DataError
from turnout.noaa import (
    NCEI_URL,
    WeatherError,
    download_daily_summaries,
    fetch_daily_summaries,
    read_daily_summaries,
    read_ghcn_dly,
    read_stations,
)

__all__ = [
    "NCEI_URL",
    "STATIONS",
    "Station",
    "WeatherError",
    "attach_weather",
    "download_daily_summaries",
    "fetch_daily_summaries",
    "load_weather",
    "nearest_station",
    "observed_note",
    "read_daily_summaries",
    "read_ghcn_dly",
    "read_stations",
]

#: The GHCN-Daily station a reporter would cite for each of the seed story's ten cities,
#: keyed by (canonical city, state code) as :func:`turnout.load_events` writes them.
STATIONS: dict[tuple[str, str], str] = {
    ("New York", "NY"): "USW00094728",  # Central Park
    ("Minneapolis", "MN"): "USW00014922",  # Minneapolis-St. Paul International Airport
    ("Philadelphia", "PA"): "USW00013739",  # Philadelphia International Airport
    ("Atlanta", "GA"): "USW00013874",  # Hartsfield-Jackson Atlanta International Airport
    ("Cleveland", "OH"): "USW00014820",  # Cleveland Hopkins International Airport
    ("Denver", "CO"): "USW00003017",  # Denver International Airport
    ("Dallas", "TX"): "USW00003927",  # Dallas-Fort Worth International Airport
    ("Houston", "TX"): "USW00012960",  # George Bush Intercontinental Airport
    ("Seattle", "WA"): "USW00024233",  # Seattle-Tacoma International Airport
    ("Portland", "OR"): "USW00024229",  # Portland International Airport
}

OBSERVED_COLUMNS = ["station", "temp_obs_low_f", "temp_obs_high_f"]
_EARTH_KM = 6371.0088


class Station(NamedTuple):
    """A weather station and how far it is from the place asked about."""

    id: str
    name: str
    latitude: float
    longitude: float
    distance_km: float


def nearest_station(
    lat: float,
    lon: float,
    stations: pd.DataFrame | str | os.PathLike,
    *,
    prefix: str | None = None,
) -> Station:
    """The station closest to ``lat``, ``lon`` (great-circle distance) in a station list.

    ``stations`` is :func:`turnout.noaa.read_stations`'s table or the path of a
    ``ghcnd-stations.txt``. Many stations record only rain: ``prefix="USW"``
    keeps the first-order stations (airports), which record temperatures.

    >>> import io
    >>> txt = "USW00094728  40.7789  -73.9692   39.6 NY NY CITY CNTRL PK\\n" \\
    ...       "USW00014922  44.8831  -93.2289  265.8 MN MINNEAPOLIS/ST PAUL AP"
    >>> nearest_station(44.98, -93.26, read_stations(io.StringIO(txt))).id
    'USW00014922'
    """
    table = stations if isinstance(stations, pd.DataFrame) else read_stations(stations)
    if prefix:
        table = table[table["station"].str.startswith(prefix)]
    if table.empty:
        raise DataError(f"no station in the list{f' starts with {prefix!r}' if prefix else ''}")
    la1, lo1 = np.radians(lat), np.radians(lon)
    la2, lo2 = np.radians(table["latitude"].to_numpy()), np.radians(table["longitude"].to_numpy())
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    km = 2 * _EARTH_KM * np.arcsin(np.sqrt(h))
    i = int(np.argmin(km))
    r = table.iloc[i]
    return Station(r["station"], r["name"], float(r["latitude"]), float(r["longitude"]), km[i])


def attach_weather(
    events: pd.DataFrame,
    daily: pd.DataFrame,
    *,
    stations: Mapping[tuple[str, str], str] | None = None,
    station_list: pd.DataFrame | None = None,
    prefix: str | None = "USW",
) -> pd.DataFrame:
    """The events with ``station``, ``temp_obs_low_f`` (TMIN) and ``temp_obs_high_f`` (TMAX).

    Each event's station comes from ``stations`` (keys ``(city, state_code)``;
    added to and overriding :data:`STATIONS`), else, when ``station_list`` is
    given, the nearest station to the event's coordinates whose ID starts with
    ``prefix``. The temperatures are that station's record in ``daily`` (the
    readers' table) for the event's date. No station, or no record that day:
    NaN. Rows, their order and every other column stay as they were.

    >>> import turnout
    >>> daily = pd.DataFrame({"station": ["USW00094728"], "date": [pd.Timestamp("2026-01-29")],
    ...                       "tmax_f": [20.0], "tmin_f": [8.0], "tavg_f": [np.nan]})
    >>> ev = attach_weather(turnout.load_events(), daily)
    >>> ev.loc[ev["row"].eq(4), ["station", "temp_obs_low_f", "temp_obs_high_f"]].values.tolist()
    [['USW00094728', 8.0, 20.0]]
    """
    missing = [c for c in ("station", "date", "tmax_f", "tmin_f") if c not in daily]
    if missing:
        raise DataError(f"daily weather needs columns {missing} (see turnout.noaa's readers)")
    mapping = {**STATIONS, **(stations or {})}
    out = events.copy()
    cities = out["city"] if "city" in out else pd.Series(pd.NA, index=out.index)
    states = out["state_code"] if "state_code" in out else pd.Series(pd.NA, index=out.index)
    ids = [mapping.get((c, s)) for c, s in zip(cities, states, strict=True)]
    if station_list is not None and {"latitude", "longitude"} <= set(out.columns):
        nearest: dict[tuple[float, float], str] = {}  # one search of the list per place
        for i, (lat, lon) in enumerate(zip(out["latitude"], out["longitude"], strict=True)):
            if ids[i] is None and pd.notna(lat) and pd.notna(lon):
                if (lat, lon) not in nearest:
                    nearest[lat, lon] = nearest_station(lat, lon, station_list, prefix=prefix).id
                ids[i] = nearest[lat, lon]
    out["station"] = pd.Series(ids, index=out.index, dtype="str")
    record = daily.assign(date=pd.to_datetime(daily["date"]).dt.normalize()).set_index(
        ["station", "date"]
    )
    keys = pd.MultiIndex.from_arrays(
        [out["station"].fillna(""), pd.to_datetime(out["date"], errors="coerce").dt.normalize()]
    )
    for col, element in (("temp_obs_low_f", "tmin_f"), ("temp_obs_high_f", "tmax_f")):
        values = record[element].astype("float64").reindex(keys).to_numpy()
        out[col] = pd.Series(values, index=out.index, dtype="float64")
    return out


def load_weather(path: str | os.PathLike | None = None) -> pd.DataFrame | None:
    """Saved observed weather: ``path``, else ``data/external/weather.csv`` when it is there.

    Returns None when no path is given and there is no saved file (the default
    build then charts reported temperatures only); a path that is not there is
    an error. ``.dly`` files are read as GHCN-Daily, anything else as NCEI's CSV.

    >>> load_weather("no/such/weather.csv")
    Traceback (most recent call last):
    ...
    turnout.noaa.WeatherError: no/such/weather.csv: no such file
    """
    if path is None:
        path = paths.weather_path()
        if not path.is_file():
            return None
    path = Path(path)
    if not path.is_file():
        raise WeatherError("no such file", path=path)
    return read_ghcn_dly(path) if path.suffix.lower() == ".dly" else read_daily_summaries(path)


def with_observed_weather(
    events: pd.DataFrame, path: str | os.PathLike | None = None
) -> pd.DataFrame:
    """The events with their station's low and high for the day (:func:`attach_weather`)
    when a weather file is saved (:func:`load_weather`: ``path``, else
    ``data/external/weather.csv``); the events as they were when there is none.

    Nothing is fetched: a notebook charts what the desk saved (``turnout weather fetch``).

    >>> import turnout
    >>> events = turnout.load_events()
    >>> with_observed_weather(events, "no/such/weather.csv")
    Traceback (most recent call last):
    ...
    turnout.noaa.WeatherError: no/such/weather.csv: no such file
    """
    daily = load_weather(path)
    return events if daily is None else attach_weather(events, daily)


def observed_note(events: pd.DataFrame) -> str:
    """One sentence for the page's readers: how many protests have a station's record, or none.

    Written for the published page: no commands or file names (docs/weather.md and the notebook's
    comments say how to add a weather file).

    >>> import turnout
    >>> observed_note(turnout.load_events())  # doctest: +ELLIPSIS
    'No weather station’s record is shown: the chart has only the temperatures the sources...'
    """
    if "temp_obs_low_f" not in events or "temp_obs_high_f" not in events:
        return (
            "No weather station’s record is shown: the chart has only the temperatures the "
            "sources reported."
        )
    have = events["temp_obs_low_f"].notna() | events["temp_obs_high_f"].notna()
    if not have.any():
        return (
            "No weather station has a record for these protests’ days, so the chart has only "
            "the temperatures the sources reported."
        )
    n, total = int(have.sum()), len(events)
    if n == total:
        who = "The protest has its" if n == 1 else f"All {ap_number(n)} protests have their"
    elif n < 10:  # AP style: no numeral starts a sentence
        verb = "has its" if n == 1 else "have their"
        who = f"{ap_number(n, start=True)} of {ap_number(total)} protests {verb}"
    else:
        who = f"Of {total} protests, {n} have their"
    return (
        f"{who} day’s low and high at their city’s weather station, from NOAA’s daily records: "
        "the extremes of the whole day, not the temperature at the protest’s hour."
    )
