"""Charts on the seed story and on the edge cases a newsroom hits (one city, no data, CCC size)."""

from __future__ import annotations

import base64
import subprocess
import sys

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer
from matplotlib.text import Annotation, Text

from turnout import charts, style
from turnout.charts import (
    chart_info,
    temperature_vs_attendance,
    timeline_density,
    turnout_by_city,
)

MARKED = {"2026-01-23": "Minneapolis strike", "2026-01-30": "National strike"}
PALETTE = {c.lower() for c in style.OKABE_ITO.values()}


# ---------------------------------------------------------------- helpers


def frame_text(fig, gid: str) -> str:
    return style.text_lines(fig, gid)


def bar_patches(fig, gid: str):
    """The bars a chart drew under ``gid``, in drawing order."""
    ax = fig.axes[0]
    return [
        p for c in ax.containers if isinstance(c, BarContainer) for p in c if p.get_gid() == gid
    ]


def y_tick_labels(fig) -> list[str]:
    ax = fig.axes[0]
    pairs = sorted(zip(ax.get_yticks(), ax.get_yticklabels(), strict=True), key=lambda p: -p[0])
    return [label.get_text() for _, label in pairs]  # top to bottom


def direct_labels(fig, gid: str) -> list[str]:
    ax = fig.axes[0]
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def visible_texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def assert_frame(fig, info: charts.ChartInfo) -> None:
    """Headline, subtitle, notes and source are on the figure as the chart info says."""
    assert frame_text(fig, "title") == info.title
    assert frame_text(fig, "subtitle") == info.subtitle
    assert frame_text(fig, "source") == info.source
    assert frame_text(fig, "notes") == info.notes
    assert info.source.startswith("Source")
    assert len(info.alt) > 80 and "chart" in info.alt.lower()


def assert_readable(fig) -> None:
    """No text below 10 px at the 100 dpi design size, and none cut off by the figure edge."""
    fig.canvas.draw()  # legends and ticks take their places at draw time
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for t in visible_texts(fig):
        assert t.get_fontsize() * 100 / 72 >= 10, (t.get_text(), t.get_fontsize())
        ext = t.get_window_extent(renderer)
        assert ext.x0 >= box.x0 - 0.5 and ext.x1 <= box.x1 + 0.5, t.get_text()
        assert ext.y0 >= box.y0 - 0.5 and ext.y1 <= box.y1 + 0.5, t.get_text()


# ---------------------------------------------------------------- style


def test_import_turnout_does_not_load_matplotlib():
    code = "import sys, turnout; turnout.__version__; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_style_sheet_ships_in_the_package_and_sets_the_house_look():
    assert style.STYLE_PATH.is_file()
    with style.use_style():
        rc = matplotlib.rcParams
        cycle = [to_hex(c).lower() for c in rc["axes.prop_cycle"].by_key()["color"]]
        assert cycle == [c.lower() for c in style.PALETTE]
        assert not rc["axes.spines.top"] and not rc["axes.spines.right"]
        assert rc["axes.grid"] and rc["axes.grid.axis"] == "y"
        assert rc["font.sans-serif"][0] == "DejaVu Sans"
        assert rc["svg.hashsalt"] == "turnout"
        assert list(rc["figure.figsize"]) == [6.4, 4.6]
    assert matplotlib.rcParams["svg.hashsalt"] != "turnout"  # restored after the block


@pytest.mark.parametrize(
    ("day", "text"),
    [
        ("2026-01-30", "Jan. 30"),
        ("2026-02-03", "Feb. 3"),
        ("2026-03-05", "March 5"),
        ("2026-06-01", "June 1"),
        ("2026-07-04", "July 4"),
        ("2026-08-09", "Aug. 9"),
        ("2026-09-03", "Sept. 3"),
        ("2026-12-25", "Dec. 25"),
    ],
)
def test_ap_dates(day, text):
    assert style.ap_date(day) == text


def test_source_line_from_data_joins_several_sources():
    df = pd.DataFrame(
        {
            "source_name": ["Workers World", "Workers World", "Crowd Counting Consortium"],
            "source_date": ["2026-02-03", "2026-02-03", None],
        }
    )
    assert style.source_line(df.head(1)) == "Source: Workers World, Feb. 3, 2026"
    assert style.source_line(df) == (
        "Sources: Workers World, Feb. 3, 2026; Crowd Counting Consortium"
    )


def test_place_labels_are_ap_style():
    assert style.place_label("Portland", "OR") == "Portland, Ore."
    assert style.place_label("Houston", "TX") == "Houston, Texas"
    assert style.place_in_text("Charleston", "WV") == "Charleston, W.Va.,"


def test_chart_info_refuses_a_plain_figure():
    with pytest.raises(ValueError, match="not made by turnout"):
        chart_info(matplotlib.figure.Figure())


# ---------------------------------------------------------------- turnout by city


def test_by_city_seed_bars_sorted_with_ranges_and_provenance(seed_events):
    fig = turnout_by_city(seed_events)
    info = chart_info(fig)
    data = info.data
    counted = seed_events[seed_events["size_low"].notna()]
    # One bar per city with a count, ranked by the low estimate, top to bottom.
    assert len(data) == counted.groupby(["city", "state_code"]).ngroups == 9
    assert data["value_low"].is_monotonic_decreasing
    assert y_tick_labels(fig) == data["place"].tolist()
    assert data["place"].iloc[0] == "Minneapolis, Minn."
    # Bars are drawn to exactly the low numbers in the table.
    widths = sorted(p.get_width() for p in bar_patches(fig, "turnout-bars"))
    assert widths == sorted(data["value_low"].tolist())
    # Every number traces to its sourced row, words and quote.
    by_row = seed_events.set_index("row")
    for _, r in data.iterrows():
        src = by_row.loc[r["row"]]
        assert r["size_low"] == src["size_low"] and r["size_high"] == src["size_high"]
        assert r["size_text"] == src["size_text"]
        assert r["source_quote"] == src["source_quote"] and r["source_quote"]
        # It is the city's largest counted event.
        same = counted[(counted.city == src.city) & (counted.state_code == src.state_code)]
        assert r["size_low"] == same["size_low"].max()
    assert_frame(fig, info)
    assert info.source == "Source: Workers World, Feb. 3, 2026"
    assert "Largest single protest" in info.subtitle
    assert "No count reported: Portland, Ore." in info.notes
    assert "Portland" in info.alt and "50,000" in info.alt
    assert_readable(fig)


def test_by_city_floors_are_marked_with_a_plus(seed_events):
    info = chart_info(turnout_by_city(seed_events))
    labels = dict(zip(info.data["place"], info.data["label"], strict=True))
    assert labels["Houston, Texas"] == "3,000+"  # "over 3,000"
    assert labels["Cleveland, Ohio"] == "2,000+"  # "Thousands"
    assert labels["Seattle, Wash."] == "6,000 to 9,000"  # a range, not a floor
    assert labels["Dallas, Texas"] == "100"  # "around 100"
    assert "A + marks a floor" in info.notes
    assert info.title == "Minneapolis drew the largest crowd: about 50,000 on Jan. 23"
    words = chart_info(turnout_by_city(seed_events, labels="words"))
    assert "A + marks a floor" not in words.notes


def test_by_city_ranges_drawn_where_low_below_high(seed_events):
    fig = turnout_by_city(seed_events)
    data = chart_info(fig).data
    ranged = data[data["value_high"] > data["value_low"]]
    assert set(ranged["place"]) == {"Seattle, Wash.", "Denver, Colo."}
    ext = bar_patches(fig, "turnout-ranges")
    assert sorted((p.get_x(), p.get_x() + p.get_width()) for p in ext) == sorted(
        zip(ranged["value_low"], ranged["value_high"], strict=True)
    )
    assert all(p.get_alpha() < 1 for p in ext)  # the lighter extension
    labels = direct_labels(fig, "turnout-label")
    assert "6,000 to 9,000" in labels and "50,000 people" in labels


def test_by_city_palette_is_okabe_ito(seed_events):
    fig = turnout_by_city(seed_events)
    colours = {to_hex(p.get_facecolor(), keep_alpha=False) for p in fig.axes[0].patches}
    assert colours and colours <= PALETTE


def test_by_city_words_labels_are_the_sources_words(seed_events):
    fig = turnout_by_city(seed_events, labels="words")
    data = chart_info(fig).data
    shown = [" ".join(t.split("\n")).strip("“”") for t in direct_labels(fig, "turnout-label")]
    assert shown == data["size_text"].tolist()
    assert "Some 4,000-5,000 high school students and many more" in shown
    assert_readable(fig)


def test_by_city_sum_adds_a_citys_events(seed_events):
    fig = turnout_by_city(seed_events, measure="sum")
    info = chart_info(fig)
    data = info.data
    counted = seed_events[seed_events["size_low"].notna()]
    totals = counted.groupby("city")["size_low"].sum()
    per_bar = data.groupby("city")["value_low"].first()
    assert (per_bar == totals.loc[per_bar.index]).all()
    assert per_bar["Minneapolis"] == 70000
    # One row per event segment, each a sourced row; segments tile the bar.
    assert sorted(data["row"]) == sorted(counted["row"])
    ends = data.groupby("rank")["segment_end"].max()
    assert (ends == data.groupby("rank")["value_low"].first()).all()
    assert "all its events added together" in info.subtitle
    assert "Not in the sums" in info.notes and "Houston, Texas (2)" in info.notes
    assert len(bar_patches(fig, "turnout-bars")) == len(counted)


def test_by_city_many_cities_shows_top_n_and_says_so(make_events):
    rows = [
        {"city": f"Town {i:02d}", "state_code": "OH", "size_low": float(100 * (i + 1))}
        for i in range(40)
    ]
    rows.append({"city": "Quietville", "state_code": "OH", "size_low": np.nan, "size_text": None})
    fig = turnout_by_city(make_events(*rows), top=15)
    info = chart_info(fig)
    assert len(info.data) == 15
    assert info.data["value_low"].iloc[0] == 4000
    assert "The 15 cities with the most people, of 40 with a count" in info.subtitle
    assert "25 more cities with a count are not shown" in info.notes
    assert "No count reported: Quietville, Ohio" in info.notes
    assert len(y_tick_labels(fig)) == 15
    assert_readable(fig)


def test_by_city_one_city(make_events):
    fig = turnout_by_city(make_events({"city": "Springfield", "size_low": 300.0}))
    info = chart_info(fig)
    assert info.data["place"].tolist() == ["Springfield, Ill."]
    assert info.title.startswith("Springfield, Ill., drew the largest crowd: about 300")
    assert_readable(fig)


def test_by_city_empty_frame_says_so(seed_events):
    fig = turnout_by_city(seed_events.iloc[0:0])
    info = chart_info(fig)
    assert fig.axes == []
    assert frame_text(fig, "message") == "No events in this selection."
    assert info.data.empty and "row" in info.data.columns


def test_by_city_all_sizes_missing_lists_the_cities(make_events):
    events = make_events(
        {"city": "Portland", "state_code": "OR", "size_low": np.nan, "size_text": None},
        {"city": "Houston", "state_code": "TX", "size_low": np.nan, "size_text": "a crowd"},
    )
    fig = turnout_by_city(events)
    info = chart_info(fig)
    assert fig.axes == []
    assert "reports a number of people" in frame_text(fig, "message")
    assert info.notes == "No count reported: Houston, Texas; Portland, Ore."


def test_by_city_rejects_unknown_options(seed_events):
    with pytest.raises(ValueError, match="measure"):
        turnout_by_city(seed_events, measure="mean")
    with pytest.raises(ValueError, match="labels"):
        turnout_by_city(seed_events, labels="both")


# ---------------------------------------------------------------- temperature vs attendance


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
    assert info.notes.startswith("2 of 18 events report both a number of people and a temperature")
    assert "Houston, Texas, Jan. 30 (“cold weather for the Houston area”)" in info.notes
    assert "°F" in info.subtitle
    assert "New York City, Jan. 29" in [t.get_text() for t in ax.texts]
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
    assert info.notes.startswith("4 of 18 events")


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


# ---------------------------------------------------------------- timeline density


def test_timeline_seed_days_counts_and_marks(seed_events):
    fig = timeline_density(seed_events, start="2026-01-23", end="2026-02-02", marked_days=MARKED)
    info = chart_info(fig)
    data = info.data.set_index("label")
    assert len(data) == 11 and data.index[0] == "Jan. 23" and data.index[-1] == "Feb. 2"
    assert data["events"].sum() == len(seed_events)
    assert data.loc["Jan. 30", ["events", "cities"]].tolist() == [9, 8]
    assert data.loc["Jan. 24", "events"] == 0 and data.loc["Jan. 24", "rows"] == ""
    assert (
        data.loc["Jan. 23", "rows"] == "2"
        and "Around 50,000" in data.loc["Jan. 23", "source_quote"]
    )
    assert data.loc["Jan. 30", "marked"] == "National strike"
    ax = fig.axes[0]
    heights = [p.get_height() for p in bar_patches(fig, "turnout-events")]
    assert heights == data["events"].tolist()
    cities = [p.get_height() for p in bar_patches(fig, "turnout-cities")]
    assert cities == data["cities"].tolist()
    marks = [t.get_text() for t in ax.texts if t.get_gid() == "turnout-marked"]
    assert marks == ["Minneapolis strike", "National strike"]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "Jan. 23" and "Feb. 1" in ticks and "30" in ticks
    assert info.title == "Protests peaked on Jan. 30: 9 events in 8 cities"
    assert "Jan. 23 to Feb. 2, 2026" in info.subtitle
    assert_frame(fig, info)
    assert_readable(fig)
    colours = {to_hex(p.get_facecolor(), keep_alpha=False) for p in ax.patches if p.get_gid()}
    assert colours <= PALETTE


def test_timeline_default_range_is_the_datas(seed_events):
    data = chart_info(timeline_density(seed_events)).data
    assert data["date"].min() == pd.Timestamp("2026-01-23")
    assert data["date"].max() == pd.Timestamp("2026-02-02")


def test_timeline_single_day(make_events):
    events = make_events({"city": "Atlanta", "state_code": "GA"}, {"city": "Dallas"})
    fig = timeline_density(events)
    info = chart_info(fig)
    assert info.data["events"].tolist() == [2]
    assert info.title == "2 protest events in 2 cities on Jan. 30"
    assert_readable(fig)


def test_timeline_period_with_no_events_says_so(seed_events):
    fig = timeline_density(seed_events, start="2025-01-01", end="2025-01-31")
    assert fig.axes == [] and "No events" in frame_text(fig, "message")
    assert "18 events fall outside" in chart_info(fig).notes


def test_timeline_long_span_counts_per_week(make_events):
    days = pd.date_range("2025-01-01", "2025-12-31", freq="9D")
    events = make_events(*[{"date": d, "city": f"Town {i % 7}"} for i, d in enumerate(days)])
    info = chart_info(timeline_density(events))
    assert info.data["events"].sum() == len(days)
    assert info.data["label"].iloc[0].startswith("Week of")
    assert "per week" in info.subtitle


def test_timeline_empty_frame(seed_events):
    fig = timeline_density(seed_events.iloc[0:0])
    assert fig.axes == [] and chart_info(fig).data.empty


# ---------------------------------------------------------------- all charts


@pytest.mark.parametrize(
    "make",
    [
        lambda ev: turnout_by_city(ev),
        lambda ev: temperature_vs_attendance(ev),
        lambda ev: timeline_density(ev, marked_days=MARKED),
    ],
)
def test_charts_are_6_4_inches_wide_and_not_pyplot(seed_events, make):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = make(seed_events)
    assert fig.get_figwidth() == pytest.approx(6.4)
    assert 3.0 <= fig.get_figheight() <= 6.0
    assert plt.get_fignums() == before  # nothing left open in pyplot's registry
    data, meta = fig._repr_mimebundle_()  # what Jupyter shows for a bare `fig`
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")
    assert meta["image/png"]["width"] == 640
    assert data["text/plain"] == meta["image/png"]["alt"] == chart_info(fig).alt
