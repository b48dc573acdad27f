"""Observed weather: the real fetch code against a local NCEI stand-in, the readers, the join,
the command and the temperature page built with and without a weather file.

Every observation here is SYNTHETIC, made up by these tests (station names say so); no test
touches the internet: the "NCEI" below is an http.server on 127.0.0.1 at a free port.
"""

from __future__ import annotations

import io
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pytest
from test_build_site import _build_alone

import turnout
from turnout import cli, paths
from turnout.charts import chart_info, temperature_vs_attendance
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
    STATIONS,
    attach_weather,
    load_weather,
    nearest_station,
    observed_note,
)

NYC, MSP = "USW00094728", "USW00014922"
SEED_CITIES = {
    ("New York", "NY"), ("Minneapolis", "MN"), ("Philadelphia", "PA"), ("Atlanta", "GA"),
    ("Cleveland", "OH"), ("Denver", "CO"), ("Dallas", "TX"), ("Houston", "TX"),
    ("Seattle", "WA"), ("Portland", "OR"),
}  # fmt: skip


def synthetic_day(station: str, day: pd.Timestamp) -> tuple[int, int, int]:
    """Made-up (TMAX, TMIN, TAVG) in °F for a station and day: different for each, easy to check."""
    k = sorted(set(STATIONS.values()) | {NYC, MSP}).index(station) if station[:3] == "USW" else 0
    return 30 + k + day.day, 10 + k + day.day, 20 + k + day.day


def ncei_csv(stations: list[str], start: str, end: str, *, tavg: str = "some") -> str:
    """An answer in NCEI's daily-summaries CSV format (quoted, values padded as NCEI pads them).

    ``tavg``: "some" (only the first station reports a mean, the others leave it empty),
    or "none" (no TAVG column at all, as when no station reports one).
    """
    cols = ["STATION", "NAME", "DATE"] + (["TAVG"] if tavg == "some" else []) + ["TMAX", "TMIN"]
    lines = [",".join(f'"{c}"' for c in cols)]
    for i, station in enumerate(stations):
        for day in pd.date_range(start, end):
            tmax, tmin, tavg_f = synthetic_day(station, day)
            cells = [station, f"SYNTHETIC TEST STATION {i}, US", f"{day:%Y-%m-%d}"]
            if tavg == "some":
                cells.append(f"{tavg_f:>4}" if i == 0 else "")
            cells += [f"{tmax:>4}", f"{tmin:>4}"]
            lines.append(",".join(f'"{c}"' for c in cells))
    return "\n".join(lines) + "\n"


class Server(NamedTuple):
    base: str
    hits: dict[str, int]
    queries: list[dict[str, str]]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def ncei() -> Iterator[Server]:
    """A stand-in for NCEI's Data Access service on 127.0.0.1; counts every request by path."""
    hits: dict[str, int] = {}
    queries: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            parts = urllib.parse.urlsplit(self.path)
            hits[parts.path] = hits.get(parts.path, 0) + 1
            query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
            queries.append(query)
            status, body = 200, ""
            if parts.path in ("/v1", "/no-tavg"):
                tavg = "none" if parts.path == "/no-tavg" else "some"
                stations = query["stations"].split(",")
                body = ncei_csv(stations, query["startDate"], query["endDate"], tavg=tavg)
            elif parts.path == "/fail":
                status, body = 500, '{"errorMessage": "synthetic failure"}'
            elif parts.path == "/gone":
                status, body = 404, "Not Found"
            elif parts.path == "/slow":
                time.sleep(1.5)
            elif parts.path == "/header-only":
                body = '"STATION","NAME","DATE","TMAX","TMIN"\n'
            elif parts.path == "/html":
                body = "<html><body>Service moved</body></html>\n"
            data = body.encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", hits, queries)
    finally:
        server.shutdown()
        server.server_close()


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
    started = time.perf_counter()
    with pytest.raises(
        WeatherError, match=r"^127\.0\.0\.1:\d+: no answer within 0\.3 s; .*by hand"
    ):
        fetch_daily_summaries(
            [NYC], "2026-01-29", "2026-01-29", base_url=ncei.url("/slow"), cache_dir=tmp_path,
            timeout=0.3,
        )  # fmt: skip
    assert time.perf_counter() - started < 1.4  # gave up before the server answered


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


def _dly_line(station: str, year: int, month: int, element: str, days: dict[int, str]) -> str:
    """One GHCN-Daily line: 31 eight-character day fields (value + three flags); -9999 elsewhere."""
    fields = [days.get(d, "-9999   ") for d in range(1, 32)]
    return f"{station}{year:04d}{month:02d}{element}" + "".join(fields)


def test_read_ghcn_dly_converts_tenths_of_celsius_and_drops_missing_and_flagged(tmp_path):
    path = tmp_path / f"{NYC}.dly"
    lines = [
        # Jan. 29: TMAX -1.1°C, TMIN -12.8°C (a source flag only: kept)
        _dly_line(NYC, 2026, 1, "TMAX", {29: "  -11  W", 30: "   50  W", 31: "-9999   "}),
        _dly_line(NYC, 2026, 1, "TMIN", {29: " -128  W", 30: "  -20 IW"}),  # Jan. 30: flagged
        _dly_line(NYC, 2026, 1, "PRCP", {29: "   13  W"}),  # rain: not a temperature
        _dly_line(NYC, 2026, 2, "TAVG", {1: "    0  W", 30: "  999  W"}),  # Feb. 30: no such day
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


STATION_LIST = "\n".join(
    # ghcnd-stations.txt's fixed-width layout; the rain gauge is synthetic
    f"{sid:11} {lat:8.4f} {lon:9.4f} {elev:6.1f} {st:2} {name}"
    for sid, lat, lon, elev, st, name in [
        ("US1NYNY0001", 40.73, -74.0, 10.0, "NY", "SYNTHETIC RAIN GAUGE"),
        ("USW00094728", 40.7789, -73.9692, 39.6, "NY", "NY CITY CNTRL PK"),
        ("USW00014922", 44.8831, -93.2289, 265.8, "MN", "MINNEAPOLIS/ST PAUL AP"),
        ("USW00023160", 32.1314, -110.9553, 776.9, "AZ", "TUCSON INTL AP"),
    ]
)


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


# --------------------------------------------------------------------------- the join


def synthetic_daily(events: pd.DataFrame, *, drop: tuple[str, str] | None = None) -> pd.DataFrame:
    """Daily records for every seed city's station on every event date (but ``drop``'s day)."""
    rows = []
    for station in sorted(set(STATIONS.values())):
        for day in sorted(set(events["date"])):
            if drop == (station, f"{day:%Y-%m-%d}"):
                continue
            tmax, tmin, tavg = synthetic_day(station, day)
            rows.append([station, day, float(tmax), float(tmin), float(tavg)])
    return pd.DataFrame(rows, columns=DAILY_COLUMNS)


def test_stations_cover_the_seeds_ten_cities(seed_events):
    assert set(STATIONS) == SEED_CITIES
    cities = set(zip(seed_events["city"], seed_events["state_code"], strict=True))
    assert cities == SEED_CITIES
    assert STATIONS[("New York", "NY")] == "USW00094728"  # Central Park
    assert STATIONS[("Portland", "OR")] == "USW00024229"  # Oregon's, not Maine's


def test_attach_weather_gives_each_seed_event_its_station_and_day(seed_events):
    events = turnout.load_events()
    houston = STATIONS[("Houston", "TX")]
    daily = synthetic_daily(events, drop=(houston, "2026-02-01"))
    out = attach_weather(events, daily)
    assert out.index.equals(events.index) and out["row"].tolist() == events["row"].tolist()
    assert out.drop(columns=["station", "temp_obs_low_f", "temp_obs_high_f"]).equals(events)
    assert out.attrs == events.attrs  # what load_events kept
    for _, ev in out.iterrows():
        assert ev["station"] == STATIONS[(ev["city"], ev["state_code"])]
        if ev["station"] == houston and ev["date"] == pd.Timestamp("2026-02-01"):
            assert np.isnan(ev["temp_obs_low_f"]) and np.isnan(ev["temp_obs_high_f"])
            continue  # no record that day: missing, never borrowed from another day
        tmax, tmin, _ = synthetic_day(ev["station"], ev["date"])
        assert (ev["temp_obs_low_f"], ev["temp_obs_high_f"]) == (tmin, tmax)
    assert out["temp_obs_low_f"].notna().sum() == len(events) - 1


def test_attach_weather_beyond_the_ten_cities(make_events):
    events = make_events(
        {"city": "Tucson", "state_code": "AZ", "latitude": 32.22, "longitude": -110.97},
        {"city": "Springfield", "state_code": "IL", "latitude": 39.80, "longitude": -89.64},
        {"city": "New York", "state_code": "NY", "latitude": 40.71, "longitude": -74.01},
    )
    day = pd.Timestamp("2026-01-30")
    daily = pd.DataFrame(
        [["USW00023160", day, 70.0, 45.0, np.nan], [NYC, day, 20.0, 9.0, np.nan]],
        columns=DAILY_COLUMNS,
    )
    plain = attach_weather(events, daily)
    assert plain["station"].isna().tolist() == [True, True, False]  # no station: nothing invented
    assert np.isnan(plain.loc[0, "temp_obs_low_f"]) and plain.loc[2, "temp_obs_low_f"] == 9.0
    listed = attach_weather(events, daily, station_list=read_stations(io.StringIO(STATION_LIST)))
    assert listed["station"].tolist()[:1] == ["USW00023160"]
    assert listed.loc[0, "temp_obs_high_f"] == 70.0
    assert listed["station"][1] == MSP and np.isnan(listed.loc[1, "temp_obs_low_f"])  # no record
    mapped = attach_weather(events, daily, stations={("Tucson", "AZ"): "USW00023160"})
    assert mapped.loc[0, "temp_obs_low_f"] == 45.0 and mapped.loc[2, "station"] == NYC
    with pytest.raises(DataError, match=r"daily weather needs columns \['tmin_f'\]"):
        attach_weather(events, daily.drop(columns="tmin_f"))


def test_load_weather_and_the_note(tmp_path, monkeypatch, seed_events):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    assert load_weather() is None  # no file: no observed data, no error, nothing fetched
    assert observed_note(seed_events) == (
        "No weather station’s record is shown: the chart has only the temperatures the sources "
        "reported."
    )
    paths.weather_path().parent.mkdir(parents=True)
    paths.weather_path().write_text(ncei_csv([NYC], "2026-01-29", "2026-01-30"), "utf-8")
    daily = load_weather()
    assert daily["station"].tolist() == [NYC, NYC]
    out = attach_weather(seed_events, daily)
    assert observed_note(out).startswith(
        "Two of 18 protests have their day’s low and high at their city’s weather station, "
        "from NOAA’s daily records"
    )
    far = attach_weather(seed_events, daily.assign(date=daily["date"] + pd.Timedelta(days=400)))
    assert observed_note(far).startswith("No weather station has a record for these protests’")
    dly = tmp_path / f"{NYC}.dly"
    dly.write_text(_dly_line(NYC, 2026, 1, "TMAX", {29: "    0  W"}) + "\n", encoding="ascii")
    assert load_weather(dly)["tmax_f"].tolist() == [32.0]
    with pytest.raises(WeatherError, match="nowhere.csv: no such file"):
        load_weather(tmp_path / "nowhere.csv")


def test_chart_draws_observed_ranges_apart_and_its_data_carries_them(seed_events):
    events = attach_weather(seed_events, synthetic_daily(seed_events))
    fig = temperature_vs_attendance(events)
    info = chart_info(fig)
    ax = fig.axes[0]
    obs = info.data[info.data["mark"].eq("observed range")]
    counted = events[events["size_low"].notna()]
    assert sorted(obs["row"]) == sorted(counted["row"])  # every event with a count
    for _, m in obs.iterrows():
        ev = events.set_index("row").loc[m["row"]]
        assert m["station"] == ev["station"]
        assert (m["temp_f_low"], m["temp_f_high"]) == (ev["temp_obs_low_f"], ev["temp_obs_high_f"])
        assert (m["temp_obs_low_f"], m["temp_obs_high_f"]) == (m["temp_f_low"], m["temp_f_high"])
    # The reported marks are still there, with the day's record beside them in the data.
    nyc = info.data[info.data["row"].eq(4)].set_index("mark")
    assert nyc.loc["reported reading", "temp_f"] == 9.0
    assert (
        nyc.loc["reported reading", "temp_obs_low_f"]
        == synthetic_day(NYC, pd.Timestamp("2026-01-29"))[1]
    )
    lines = [ln for ln in ax.get_lines() if ln.get_gid() == "turnout-observed-range"]
    assert len(lines) == len(obs) and all(ln.get_marker() == "D" for ln in lines)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Observed that day, low to high" in legend and "Reported reading" in legend
    assert "not the temperature at the protest’s hour" in info.notes
    assert "TMIN and TMAX" in info.notes
    # Houston's "cold weather" has a station's record now, and its words are still listed.
    assert "Houston, Jan. 30 (“cold weather for the Houston area”)" in info.notes
    assert info.source.endswith("observed temperatures: NOAA NCEI, GHCN-Daily")
    assert "observed at a weather station" in info.alt
    # Every station's low here is above New York's reported 9°F: that reading leads.
    assert obs["temp_f_low"].min() > 9
    assert info.title == (
        "New York protesters turned out at 9°F, the coldest reading reported or observed"
    )


def test_chart_without_weather_is_as_before(seed_events):
    info = chart_info(temperature_vs_attendance(seed_events))
    assert "station" not in info.data.columns and "NOAA" not in info.source
    assert not info.data["mark"].str.startswith("observed").any()


# --------------------------------------------------------------------------- the command


def test_cli_weather_fetch_writes_nceis_csv(ncei, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TURNOUT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "data" / "external" / "weather.csv"
    argv = ["weather", "fetch", "--start", "2026-01-23", "--end", "2026-02-02"]
    argv += ["--base-url", ncei.url("/v1"), "--out", str(out)]
    assert cli.main(argv) == 0
    (query,) = ncei.queries
    assert query["stations"].split(",") == sorted(set(STATIONS.values()))
    assert (query["startDate"], query["endDate"]) == ("2026-01-23", "2026-02-02")
    stations = query["stations"].split(",")
    assert out.read_text("utf-8") == ncei_csv(stations, "2026-01-23", "2026-02-02")  # as received
    assert capsys.readouterr().out == "110 daily records from 10 of 10 stations\n"
    assert cli.main([*argv[:-2], "--out", str(out), "--stations", f"{NYC},{MSP}", "-q"]) == 0
    assert ncei.queries[-1]["stations"] == f"{NYC},{MSP}"
    assert read_daily_summaries(out)["station"].unique().tolist() == [NYC, MSP]
    assert cli.main([*argv[:6], "--base-url", ncei.url("/fail"), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("turnout: error: 127.0.0.1:")
    assert "HTTP 500" in err[0] and "by hand to data/external/weather.csv" in err[0]


def test_cli_default_output_is_data_external_weather_csv():
    args = cli.build_parser().parse_args(["weather", "fetch", "--start", "x", "--end", "y"])
    assert Path(args.out) == paths.weather_path() == paths.external_dir() / "weather.csv"


# --------------------------------------------------------------------------- the page


@pytest.mark.slow
def test_temperature_page_with_and_without_a_weather_file(tmp_path, monkeypatch):
    """Notebook 03 built alone in a project of its own: no weather file says so; a weather
    file appearing makes the cached page rebuild, and the chart's CSV carries its values."""
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    name = "03-temperature-vs-attendance.ipynb"
    notebook = tmp_path / name
    notebook.write_bytes((Path(__file__).resolve().parents[1] / "notebooks" / name).read_bytes())
    page = tmp_path / "site" / "temperature-vs-attendance.html"
    chart_csv = tmp_path / "f" / "temperature-vs-attendance.csv"

    (built,) = _build_alone(notebook, tmp_path)
    assert built.executed
    html = page.read_text("utf-8")
    assert "No weather station’s record is shown" in html
    assert "temp_obs_low_f" not in chart_csv.read_text("utf-8")
    assert "NOAA" not in _page_source_note(html)
    _assert_reads_for_readers(html)

    events = turnout.load_events()
    weather_csv = paths.weather_path()
    weather_csv.parent.mkdir(parents=True)
    weather_csv.write_text(
        ncei_csv(sorted(set(STATIONS.values())), "2026-01-23", "2026-02-02"), "utf-8"
    )
    (built,) = _build_alone(notebook, tmp_path)
    assert built.executed  # the build cache noticed the weather file
    html = page.read_text("utf-8")
    assert "All 18 protests have their day’s low and high" in html
    assert "No weather station’s record" not in html
    # The page's footer credits NOAA as the chart does.
    assert "observed temperatures: NOAA NCEI, GHCN-Daily" in _page_source_note(html)
    _assert_reads_for_readers(html)
    data = pd.read_csv(chart_csv)
    obs = data[data["mark"].eq("observed range")]
    assert len(obs) == events["size_low"].notna().sum()
    for _, m in obs.iterrows():
        ev = events.set_index("row").loc[m["row"]]
        tmax, tmin, _ = synthetic_day(m["station"], pd.Timestamp(m["date"]))
        assert m["station"] == STATIONS[(ev["city"], ev["state_code"])]
        assert (m["temp_obs_low_f"], m["temp_obs_high_f"]) == (tmin, tmax)
    assert [p.executed for p in _build_alone(notebook, tmp_path)] == [False]  # and then caches


_DESK_WORDS = ("turnout weather fetch", "data/external", "weather.csv", "weather file", "YYYY")


def _page_source_note(html: str) -> str:
    import re

    (footer,) = re.findall(r'<footer class="source-note">(.*?)</footer>', html, flags=re.S)
    return footer


def _assert_reads_for_readers(html: str) -> None:
    """No command, path or desk wording on a reader's page."""
    for word in _DESK_WORDS:
        assert word not in html, f"the page shows desk text {word!r}"


# --------------------------------------------------------------------------- review cases


def _review_weather(seed_events: pd.DataFrame) -> pd.DataFrame:
    """The editor's case: two stations, four days; Minneapolis far colder than New York."""
    days = {(NYC, "2026-01-29"): (8, 20), (NYC, "2026-01-30"): (10, 24)}
    days |= {(MSP, "2026-01-23"): (-12, 5), (MSP, "2026-01-30"): (-14, 1)}
    daily = pd.DataFrame(
        [[s, pd.Timestamp(d), float(hi), float(lo), np.nan] for (s, d), (lo, hi) in days.items()],
        columns=DAILY_COLUMNS,
    )
    return attach_weather(seed_events, daily)


def test_headline_is_true_of_reported_and_observed_marks(seed_events, make_events):
    info = chart_info(temperature_vs_attendance(_review_weather(seed_events)))
    # New York's reported 9°F is not the coldest thing on the chart: Minneapolis's -14°F day is.
    assert info.title == (
        "Minneapolis protesters turned out on a day that fell to -14°F, the coldest reading "
        "reported or observed"
    )
    assert info.subtitle.startswith("Number of people by temperature in °F, as reported and as")
    # A reported reading colder than every station's low leads instead.
    rows = [{"temp_f_low": t, "temp_f_high": t, "city": c} for t, c in zip(
        (-20.0, 10.0, 20.0, 30.0, 40.0), ("Fargo", "A", "B", "C", "D"), strict=True
    )]  # fmt: skip
    events = make_events(*rows).assign(
        station="X", temp_obs_low_f=[0.0, 1.0, 2.0, 3.0, 4.0], temp_obs_high_f=50.0
    )
    assert chart_info(temperature_vs_attendance(events)).title == (
        "Fargo protesters turned out at -20°F, the coldest reading reported or observed"
    )


def test_crowded_marks_stay_attributable(seed_events):
    """Cleveland's "freezing" arrow and New York's Jan. 30 day share 2,000 people: both are
    labelled, and New York's line is drawn just above the arrow, not on it."""
    fig = temperature_vs_attendance(_review_weather(seed_events))
    info = chart_info(fig)
    ax = fig.axes[0]
    labels = [t.get_text().split("\n")[0] for t in ax.texts if t.get_text()]
    assert "Cleveland, Jan. 30" in labels and "New York, Jan. 30" in labels
    assert "Labels are left off" not in info.notes
    assert "drawn just above" in info.notes
    (arrow,) = [t for t in ax.texts if t.get_gid() == "turnout-bound"]
    nyc = info.data[info.data["row"].eq(5) & info.data["mark"].eq("observed range")]
    assert nyc["size_plotted"].tolist() == [arrow.xy[1]] == [2000.0]  # the same crowd size
    lines = [ln for ln in ax.get_lines() if ln.get_gid() == "turnout-observed-range"]
    drawn_y = {
        tuple(ln.get_xdata()): ln.get_transform().transform((0, ln.get_ydata()[0]))[1]
        for ln in lines
    }
    arrow_y = ax.transData.transform((0, 2000.0))[1]
    assert drawn_y[(10.0, 24.0)] > arrow_y + 5  # pixels apart: the arrow is not New York's
    assert "Cleveland, Jan. 30: 2,000 people (“Thousands”) at 32°F or colder" in info.alt


def test_page_source_note_credits_noaa_with_observed_temperatures(seed_events):
    from turnout.show_data import source_note

    assert "NOAA" not in source_note(seed_events).plain
    with_obs = _review_weather(seed_events)
    assert source_note(with_obs).plain.startswith(
        "Source: Workers World, Feb. 3, 2026; observed temperatures: NOAA NCEI, GHCN-Daily."
    )
    assert (
        "NOAA"
        not in source_note(with_obs.assign(temp_obs_low_f=np.nan, temp_obs_high_f=np.nan)).plain
    )


def test_temperature_notebook_text_carries_nothing_of_the_seed_or_the_desk():
    import json

    nb = Path(__file__).resolve().parents[1] / "notebooks" / "03-temperature-vs-attendance.ipynb"
    cells = json.loads(nb.read_text("utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    for words in ("Central Park", "most of them in freezing", "9° F", "freezing temperatures"):
        assert words not in prose, words
    for word in _DESK_WORDS:
        assert word not in prose, word


def test_with_observed_weather_attaches_a_saved_file_else_returns_the_events(tmp_path, monkeypatch):
    """Notebook 03's weather step: a file is attached; no file (none saved) changes nothing."""
    from turnout.weather import with_observed_weather

    events = turnout.load_events()
    path = tmp_path / "weather.csv"
    daily = '"STATION","DATE","TMAX","TMIN"\n"USW00094728","2026-01-29","20","8"\n'
    path.write_text(daily, "utf-8")
    observed = with_observed_weather(events, path)
    assert observed.loc[observed["row"].eq(4), "temp_obs_high_f"].tolist() == [20.0]
    assert observed["temp_obs_low_f"].notna().sum() == 1 and len(observed) == len(events)
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path / "empty"))  # no data/external/weather.csv
    assert with_observed_weather(events) is events
