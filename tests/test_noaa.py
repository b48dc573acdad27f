"""NOAA's files and service (turnout.noaa): the real fetch code against a local NCEI stand-in
(tests/ncei_fake.py: synthetic observations, no internet), its cache and its errors, and the
readers of NCEI's CSV, GHCN-Daily and station files. The join to events: test_weather.py.
"""

from __future__ import annotations

import io
import urllib.parse
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest
from ncei_fake import MSP, NYC, STATION_LIST, Server, dly_line, ncei_csv, serve, synthetic_day

from turnout.errors import DataError
from turnout.noaa import (
    DAILY_COLUMNS,
    WeatherError,
    fetch_daily_summaries,
    read_daily_summaries,
    read_ghcn_dly,
    read_stations,
)
from turnout.weather import (
    nearest_station,
)


@pytest.fixture
def ncei() -> Iterator[Server]:
    """The NCEI stand-in (ncei_fake.serve), for one test."""
    with serve() as server:
        yield server


# --------------------------------------------------------------------------- fetch


def test_fetch_sends_the_query_and_returns_the_frame(ncei, tmp_path):
    daily = fetch_daily_summaries(
        [NYC, MSP], "2026-01-29", "2026-01-30", base_url=ncei.url("/v1"), cache_dir=tmp_path
    )
    assert ncei.queries == [
        {
            "dataset": "daily-summaries",
            "stations": f"{NYC},{MSP}",
            "startDate": "2026-01-29",
            "endDate": "2026-01-30",
            "dataTypes": "TMAX,TMIN,TAVG",
            "units": "standard",
            "format": "csv",
            "includeStationName": "true",
        }
    ]
    assert list(daily.columns) == DAILY_COLUMNS == ["station", "date", "tmax_f", "tmin_f", "tavg_f"]
    assert daily["station"].tolist() == [NYC, NYC, MSP, MSP]
    assert daily["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-01-29", "2026-01-30"] * 2
    for _, r in daily.iterrows():
        tmax, tmin, tavg = synthetic_day(r["station"], r["date"])
        assert (r["tmax_f"], r["tmin_f"]) == (tmax, tmin)
        # Only the first station reports a mean; the others' empty cells stay missing.
        assert r["tavg_f"] == tavg if r["station"] == NYC else np.isnan(r["tavg_f"])
    assert daily[["tmax_f", "tmin_f", "tavg_f"]].dtypes.eq("float64").all()


def test_second_identical_call_is_served_from_the_cache(ncei, tmp_path):
    kw = {"base_url": ncei.url("/v1"), "cache_dir": tmp_path}
    first = fetch_daily_summaries([NYC], "2026-01-29", "2026-01-30", **kw)
    second = fetch_daily_summaries([NYC], "2026-01-29", "2026-01-30", **kw)
    assert ncei.hits == {"/v1": 1}
    pd.testing.assert_frame_equal(first, second)
    fetch_daily_summaries([NYC], "2026-01-29", "2026-01-31", **kw)  # another query asks again
    assert ncei.hits == {"/v1": 2}
    fetch_daily_summaries([NYC], "2026-01-29", "2026-01-30", **kw, refresh=True)
    assert ncei.hits == {"/v1": 3}
    assert len(list(tmp_path.glob("ncei-*.csv"))) == 2


def test_default_cache_is_the_users_turnout_cache(ncei, tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_CACHE_DIR", str(tmp_path))
    for _ in range(2):
        fetch_daily_summaries([NYC], "2026-01-29", "2026-01-29", base_url=ncei.url("/v1"))
    assert ncei.hits == {"/v1": 1}
    assert len(list((tmp_path / "turnout" / "weather").glob("ncei-*.csv"))) == 1


def test_absent_tavg_column_is_missing_not_an_error(ncei, tmp_path):
    daily = fetch_daily_summaries(
        [NYC], "2026-01-29", "2026-01-29", base_url=ncei.url("/no-tavg"), cache_dir=tmp_path
    )
    assert daily["tavg_f"].isna().all() and daily["tmax_f"].tolist() == [
        synthetic_day(NYC, pd.Timestamp("2026-01-29"))[0]
    ]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/fail", 'NCEI answered HTTP 500 Internal Server Error ({"errorMessage": "synthetic'),
        ("/gone", "NCEI answered HTTP 404 Not Found"),
        ("/empty", "NCEI sent an empty answer: no observations"),
        ("/header-only", "no observations (the header only)"),
        ("/html", "not an NCEI daily-summaries CSV: no STATION column"),
    ],
)
def test_bad_answers_give_clear_errors_naming_the_url_and_are_not_cached(
    ncei, tmp_path, path, message
):
    with pytest.raises(WeatherError) as err:
        fetch_daily_summaries(
            [NYC], "2026-01-29", "2026-01-30", base_url=ncei.url(path), cache_dir=tmp_path
        )
    text = str(err.value)
    # The host, not the whole query, opens the line: it stays short enough to read.
    host = urllib.parse.urlsplit(ncei.url(path)).netloc
    assert text.startswith((f"{host}: ", f"{host}, "))
    assert "?" not in text and len(text) < 240
    assert message in text and "\n" not in text
    assert isinstance(err.value, DataError)  # the command line prints it as one line
    assert list(tmp_path.iterdir()) == []  # a failed answer is never served again from cache


def test_timeout_is_a_clear_error(ncei, tmp_path):
    # The server answers /slow after 1.5 s: only a client that gave up at 0.3 s says this
    # (a timing decides no test; the message is the proof).
    with pytest.raises(
        WeatherError, match=r"^127\.0\.0\.1:\d+: no answer within 0\.3 s; .*by hand"
    ):
        fetch_daily_summaries(
            [NYC], "2026-01-29", "2026-01-29", base_url=ncei.url("/slow"), cache_dir=tmp_path,
            timeout=0.3,
        )  # fmt: skip
    assert ncei.hits.get("/slow") == 1  # asked once, not again


def test_unreachable_server_and_bad_queries(tmp_path):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(WeatherError) as err:
        fetch_daily_summaries(
            [NYC], "2026-01-29", "2026-01-29", base_url=f"http://127.0.0.1:{port}/v1",
            cache_dir=tmp_path, timeout=2,
        )  # fmt: skip
    # Offline: one short line naming the host, and what to do instead.
    assert str(err.value) == (
        f"127.0.0.1:{port}: could not reach NCEI (Connection refused); check the connection, "
        "or save NCEI's daily-summaries CSV by hand to data/external/weather.csv"
    )
    with pytest.raises(WeatherError, match="start 2026-02-01 is after end 2026-01-29"):
        fetch_daily_summaries([NYC], "2026-02-01", "2026-01-29", cache_dir=tmp_path)
    with pytest.raises(WeatherError, match="'Jan 35' is not a date"):
        fetch_daily_summaries([NYC], "Jan 35", "2026-01-29", cache_dir=tmp_path)
    with pytest.raises(WeatherError, match="no station to ask for"):
        fetch_daily_summaries([], "2026-01-29", "2026-01-29", cache_dir=tmp_path)


# --------------------------------------------------------------------------- readers


def test_read_daily_summaries_saved_by_hand(tmp_path):
    path = tmp_path / "3456789.csv"
    path.write_text(ncei_csv([NYC], "2026-01-30", "2026-01-31"), encoding="utf-8")
    daily = read_daily_summaries(path)
    days = [synthetic_day(NYC, d) for d in daily["date"]]
    assert daily["tmax_f"].tolist() == [d[0] for d in days]
    assert daily["tavg_f"].tolist() == [d[2] for d in days]  # the first station reports a mean
    bad = path.read_text("utf-8").replace(f'"{days[1][0]:>4}"', '"M"')
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(WeatherError, match=r"3456789.csv, row 3, column 'TMAX': not a number: 'M'"):
        read_daily_summaries(path)
    dup = ncei_csv([NYC], "2026-01-30", "2026-01-30")
    dup += dup.splitlines()[1] + "\n"
    with pytest.raises(
        WeatherError, match=r"row 3: two rows for station USW00094728 on 2026-01-30"
    ):
        read_daily_summaries(io.StringIO(dup), "weather.csv")
    with pytest.raises(WeatherError, match=r"row 2, column 'DATE': not a date: '01/30/2026'"):
        read_daily_summaries(io.StringIO('"STATION","DATE","TMAX"\n"X","01/30/2026","3"\n'))
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(WeatherError, match=r"empty.csv: empty: no observations"):
        read_daily_summaries(empty)


def test_read_ghcn_dly_converts_tenths_of_celsius_and_drops_missing_and_flagged(tmp_path):
    path = tmp_path / f"{NYC}.dly"
    lines = [
        # Jan. 29: TMAX -1.1°C, TMIN -12.8°C (a source flag only: kept)
        dly_line(NYC, 2026, 1, "TMAX", {29: "  -11  W", 30: "   50  W", 31: "-9999   "}),
        dly_line(NYC, 2026, 1, "TMIN", {29: " -128  W", 30: "  -20 IW"}),  # Jan. 30: flagged
        dly_line(NYC, 2026, 1, "PRCP", {29: "   13  W"}),  # rain: not a temperature
        dly_line(NYC, 2026, 2, "TAVG", {1: "    0  W", 30: "  999  W"}),  # Feb. 30: no such day
    ]
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="ascii")
    daily = read_ghcn_dly(path)
    assert list(daily.columns) == DAILY_COLUMNS
    got = {f"{r.date:%m-%d}": (r.tmax_f, r.tmin_f, r.tavg_f) for r in daily.itertuples()}
    assert got.keys() == {"01-29", "01-30", "02-01"}
    assert got["01-29"][:2] == (30.0, 9.0)  # -1.1°C = 30.02°F; -12.8°C = 8.96°F
    assert got["01-30"][0] == 41.0 and np.isnan(got["01-30"][1])  # quality flag I: missing
    assert np.isnan(got["02-01"][0]) and got["02-01"][2] == 32.0
    assert (daily["station"] == NYC).all()
    path.write_text(lines[0] + "\n" + lines[1][:21] + "  1x0  W\n", encoding="ascii")
    with pytest.raises(WeatherError, match=r"\.dly, row 2: day 1 of TMIN: not a value: '1x0'"):
        read_ghcn_dly(path)
    path.write_text("not a dly file at all\n", encoding="ascii")
    with pytest.raises(WeatherError, match=r"row 1: not a GHCN-Daily line"):
        read_ghcn_dly(path)


def test_read_stations_and_nearest_station(tmp_path):
    stations = read_stations(io.StringIO(STATION_LIST))
    assert stations.columns.tolist() == [
        "station", "latitude", "longitude", "elevation", "state", "name",
    ]  # fmt: skip
    assert stations.loc[3].tolist() == [
        "USW00023160", 32.1314, -110.9553, 776.9, "AZ", "TUCSON INTL AP",
    ]  # fmt: skip
    # Lower Manhattan: the rain gauge is nearer; prefix="USW" keeps stations with temperatures.
    assert nearest_station(40.7143, -74.0060, stations).id == "US1NYNY0001"
    best = nearest_station(40.7143, -74.0060, stations, prefix="USW")
    assert best.id == NYC and best.name == "NY CITY CNTRL PK" and 7 < best.distance_km < 9
    path = tmp_path / "ghcnd-stations.txt"
    path.write_text(STATION_LIST, encoding="ascii")
    assert nearest_station(32.2226, -110.9747, path).id == "USW00023160"  # Tucson, from a file
    with pytest.raises(DataError, match="no station in the list starts with 'USC'"):
        nearest_station(0, 0, stations, prefix="USC")
    path.write_text(STATION_LIST.replace("44.8831", "44.88N1"), encoding="ascii")
    with pytest.raises(WeatherError, match=r"row 3, column 'latitude': .*'44.88N1'"):
        read_stations(path)
