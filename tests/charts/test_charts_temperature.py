"""turnout.charts.temperature: reported and observed temperatures against crowd size."""

from __future__ import annotations

import numpy as np
import pytest
from chart_checks import (
    assert_frame,
    assert_readable,
    frame_text,
)
from matplotlib.text import Annotation

from turnout.charts.base import chart_info
from turnout.charts.temperature import temperature_vs_attendance


def test_temperature_seed_points_bounds_and_notes(seed_events):
    fig = temperature_vs_attendance(seed_events)
    info = chart_info(fig)
    ax = fig.axes[0]
    data = info.data.set_index("row")
    assert set(data.index) == {4, 9}  # NYC 9°F; Cleveland "freezing"
    assert data.loc[4, "mark"] == "reported reading" and data.loc[4, "temp_f"] == 9
    assert data.loc[9, "mark"] == "reported at most" and np.isnan(data.loc[9, "temp_f"])
    assert data.loc[9, "temp_f_high"] == 32 and np.isnan(data.loc[9, "temp_f_low"])
    for row, r in data.iterrows():
        src = seed_events.set_index("row").loc[row]
        assert r["size_low"] == src["size_low"] and r["source_quote"] == src["source_quote"]
    assert ax.get_yscale() == "log"
    # The reading is a point; the one-sided word is not a point anywhere.
    points = np.vstack(
        [c.get_offsets() for c in ax.collections if c.get_gid() == "turnout-reported"]
    )
    assert points.tolist() == [[9.0, 1000.0]]
    assert info.notes.startswith(
        "Two of 18 events report both a number of people and a temperature"
    )
    assert "Houston, Jan. 30 (“cold weather for the Houston area”)" in info.notes
    assert "°F" in info.subtitle
    assert "New York, Jan. 29" in [t.get_text() for t in ax.texts]
    assert_frame(fig, info)
    assert_readable(fig)


def test_one_sided_temperature_is_an_arrow_pointing_the_open_way(seed_events):
    fig = temperature_vs_attendance(seed_events)
    ax = fig.axes[0]
    arrows = [t for t in ax.texts if isinstance(t, Annotation) and t.get_gid() == "turnout-bound"]
    assert len(arrows) == 1
    (x_end, y_end), (x_bound, y_bound) = arrows[0].xy, arrows[0].xyann
    assert x_bound == 32 and y_end == y_bound == 2000
    assert x_end < x_bound and x_end == ax.get_xlim()[0]  # "at most": points colder, to the edge
    scattered = np.vstack([c.get_offsets() for c in ax.collections if len(c.get_offsets())])
    assert 32.0 not in scattered[:, 0]  # never an invented point at the bound


def test_at_least_points_warmer(make_events):
    events = make_events(
        {"temp_text": "above freezing", "temp_f_low": 32.0, "temp_label": "at least"}
    )
    fig = temperature_vs_attendance(events)
    ax = fig.axes[0]
    (arrow,) = [t for t in ax.texts if t.get_gid() == "turnout-bound"]
    assert arrow.xy[0] > arrow.xyann[0] == 32
    assert chart_info(fig).data["mark"].tolist() == ["reported at least"]


def test_observed_temperatures_are_plotted_and_told_apart(seed_events):
    events = seed_events.copy()
    events["temp_f_observed"] = np.where(events["row"].isin([2, 8]), [5.0] * len(events), np.nan)
    fig = temperature_vs_attendance(events)
    info = chart_info(fig)
    ax = fig.axes[0]
    observed = info.data[info.data["mark"].eq("observed")]
    assert sorted(observed["row"]) == [2, 8]
    offsets = np.vstack(
        [c.get_offsets() for c in ax.collections if c.get_gid() == "turnout-observed"]
    )
    assert sorted(offsets[:, 1].tolist()) == [500.0, 50000.0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Observed (weather station)" in legend and "Reported reading" in legend
    assert "observed at a weather station" in info.notes
    assert info.notes.startswith(
        "Two of 18 events report both a number of people and a temperature. Two of 18 events "
        "have a number of people and a weather station’s record for the day."
    )
    assert info.title == (
        "Only four of 18 protests have both a crowd size and a temperature, reported or observed"
    )
    assert info.source.endswith("; observed temperatures: NOAA NCEI, GHCN-Daily")
    assert {"station", "temp_obs_low_f", "temp_obs_high_f"} <= set(info.data.columns)


def test_temperature_no_temperatures_says_so(make_events):
    fig = temperature_vs_attendance(make_events({}, {"city": "Peoria"}))
    info = chart_info(fig)
    assert fig.axes == []
    assert frame_text(fig, "message") == "No event in this selection reports a temperature."
    assert info.data.empty


def test_temperature_without_temperature_columns_ccc_style(make_events):
    events = make_events({}).drop(columns=["temp_text", "temp_f_low", "temp_f_high", "temp_label"])
    fig = temperature_vs_attendance(events.drop(columns=["source_quote"]))
    assert "reports a temperature" in frame_text(fig, "message")


def test_temperature_empty_frame(seed_events):
    fig = temperature_vs_attendance(seed_events.iloc[0:0])
    assert fig.axes == [] and "No events" in frame_text(fig, "message")


@pytest.mark.slow  # draws dozens of figures: seconds apiece on two cores
def test_temperature_headline_with_few_points_states_the_scarcity(seed_events, make_events):
    info = chart_info(temperature_vs_attendance(seed_events))
    assert info.title == "Only two of 18 protests report both a crowd size and a temperature"
    assert "coldest" not in info.title  # no superlative over two values
    one = make_events({"temp_f_low": 20.0, "temp_f_high": 20.0}, {"city": "Peoria"})
    assert chart_info(temperature_vs_attendance(one)).title == (
        "Only one of two protests reports both a crowd size and a temperature"
    )
    three = make_events(*[{"temp_f_low": t, "temp_f_high": t} for t in (10.0, 20.0, 30.0)])
    assert chart_info(temperature_vs_attendance(three)).title == (
        "Just three protests give both a crowd size and a temperature"
    )
    # "Only" is for a minority: two of three is most of them.
    most = make_events(*[{"temp_f_low": t, "temp_f_high": t} for t in (10.0, 20.0)], {})
    assert chart_info(temperature_vs_attendance(most)).title == (
        "Two of three protests report both a crowd size and a temperature"
    )


def test_temperature_headline_with_enough_points_keeps_the_finding(make_events):
    rows = [
        {"city": c, "temp_f_low": t, "temp_f_high": t}
        for c, t in (("Fargo", -3.0), ("Duluth", 5.0), ("Omaha", 12.0), ("Peoria", 20.0))
    ]
    rows.append({"city": "Akron", "temp_text": "freezing", "temp_f_high": 32.0})
    info = chart_info(temperature_vs_attendance(make_events(*rows)))
    assert info.title == "Fargo protesters turned out at -3°F, the coldest reading reported"
    assert info.notes.startswith("All five events report both")
    assert "One gives only a bound" in info.notes


def test_bound_arrows_are_lighter_than_readings_but_still_arrows(seed_events):
    from matplotlib.patches import ArrowStyle

    ax = temperature_vs_attendance(seed_events).axes[0]
    (arrow,) = [t for t in ax.texts if t.get_gid() == "turnout-bound"]
    patch = arrow.arrow_patch
    (reading,) = [c for c in ax.collections if c.get_gid() == "turnout-reported"]
    assert isinstance(patch.get_arrowstyle(), ArrowStyle.CurveFilledB)  # a head, pointing on
    assert patch.get_alpha() is not None and patch.get_alpha() < 1
    assert reading.get_alpha() in (None, 1)  # the reading is drawn solid
    assert patch.get_linewidth() <= 1.0  # thinner than the 1.6 it outweighed the dot with
    caps = [ln for ln in ax.lines if ln.get_gid() == "turnout-bound-cap"]
    assert caps and all(ln.get_alpha() < 1 for ln in caps)


def test_a_ceiling_reads_up_to_in_the_alt_text(make_events) -> None:
    from turnout.charts.temperature import temperature_spec

    events = make_events(
        {"size_low": 80000.0, "size_high": 80000.0, "size_qualifier": "at most",
         "size_text": "as many as 80,000", "temp_text": "70 degrees", "temp_f_low": 70.0,
         "temp_f_high": 70.0, "temp_label": "reading", "city": "Atlanta"},
    )  # fmt: skip
    assert "up to 80,000 people (“as many as 80,000”)" in temperature_spec(events).alt
