"""Observed weather (turnout.weather): the join of NOAA's observations to events, the
command and the temperature page built with and without a weather file. NOAA's own files and
service: test_noaa.py.

Every observation here is SYNTHETIC, made up by these tests (tests/ncei_fake.py); no test
touches the internet.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from ncei_fake import MSP, NYC, STATION_LIST, Server, dly_line, ncei_csv, serve, synthetic_day
from test_build_site import _build_alone

import turnout
from turnout import cli, paths
from turnout.charts import chart_info, temperature_vs_attendance
from turnout.errors import DataError
from turnout.noaa import (
    DAILY_COLUMNS,
    WeatherError,
    read_daily_summaries,
    read_stations,
)
from turnout.weather import (
    STATIONS,
    attach_weather,
    load_weather,
    observed_note,
)

SEED_CITIES = {
    ("New York", "NY"), ("Minneapolis", "MN"), ("Philadelphia", "PA"), ("Atlanta", "GA"),
    ("Cleveland", "OH"), ("Denver", "CO"), ("Dallas", "TX"), ("Houston", "TX"),
    ("Seattle", "WA"), ("Portland", "OR"),
}  # fmt: skip


@pytest.fixture
def ncei() -> Iterator[Server]:
    """The NCEI stand-in (ncei_fake.serve), for one test."""
    with serve() as server:
        yield server


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
    dly.write_text(dly_line(NYC, 2026, 1, "TMAX", {29: "    0  W"}) + "\n", encoding="ascii")
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
    assert "Cleveland, Jan. 30: 2,000+ people (“Thousands”) at 32°F or colder" in info.alt


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
