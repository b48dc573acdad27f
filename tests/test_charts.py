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
from matplotlib.dates import date2num
from matplotlib.text import Annotation, Text

import turnout
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
    assert labels["Seattle, Wash."] == "6,000-9,000"  # a range (AP: hyphen on charts), not a floor
    assert labels["Dallas, Texas"] == "100"  # "around 100"
    assert "Numbers with a + are floors" in info.notes
    assert info.title == "Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23"
    words = chart_info(turnout_by_city(seed_events, labels="words"))
    assert "Numbers with a + are floors" not in words.notes


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
    assert "6,000-9,000" in labels and "50,000 people" in labels


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
    assert "Not in the sums" in info.notes and "two in Houston, Texas" in info.notes
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
    assert "Not shown: 25 more cities with a count." in info.notes
    assert "No count reported: Quietville, Ohio" in info.notes
    assert len(y_tick_labels(fig)) == 15
    assert_readable(fig)


def test_by_city_one_city(make_events):
    fig = turnout_by_city(make_events({"city": "Springfield", "size_low": 300.0}))
    info = chart_info(fig)
    assert info.data["place"].tolist() == ["Springfield, Ill."]
    assert info.title.startswith("Springfield, Ill., drew the largest reported crowd: about 300")
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
    assert info.notes.startswith(
        "Two of 18 events report both a number of people and a temperature"
    )
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
    assert info.title == "Reported protests peaked on Jan. 30: nine events in eight cities"
    assert "Jan. 23-Feb. 2, 2026" in info.subtitle
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
    assert info.title == "Reported protests on Jan. 30: two events in two cities"
    assert_readable(fig)


def test_timeline_period_with_no_events_says_so(seed_events):
    fig = timeline_density(seed_events, start="2025-01-01", end="2025-01-31")
    assert fig.axes == [] and "No events" in frame_text(fig, "message")
    assert "Not shown: 18 events outside the period" in chart_info(fig).notes


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


# ---------------------------------------------------------------- editor's review: words

_MONTHS = r"(?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)"


def ap_number_problems(text: str) -> list[str]:
    """Numbers AP style would not print in running text: a lone 0-9, or a sentence opening on one.

    Quoted source words stay verbatim, and dates ("June 1-22"), degrees ("9°F") and
    numerals inside bigger numbers ("4,000", "2.5") are not running-text numbers.
    """
    import re

    text = re.sub(r"“[^”]*”", "“…”", text)  # the source's own words
    text = re.sub(rf"{_MONTHS} \d{{1,2}}(?:-\d{{1,2}})?", "DATE", text)
    problems = re.findall(r"(?<![\d,.\-])\d(?![\d,.°])", text)
    problems += re.findall(r"(?:^|[.!?] )\d[\d,]*", text)
    return problems


def all_words(fig) -> list[str]:
    info = chart_info(fig)
    return [info.title, info.subtitle, info.notes, info.alt]


@pytest.fixture(scope="module")
def review_charts(seed_events, ccc_june) -> list:
    """Every chart kind on the seed story and on a CCC month, as the editor reviewed them."""
    figs = []
    for events in (seed_events, ccc_june):
        figs += [
            turnout_by_city(events),
            turnout_by_city(events, measure="sum"),
            turnout_by_city(events, labels="words", top=4),
            temperature_vs_attendance(events),
            timeline_density(events, marked_days=MARKED),
            timeline_density(events, marked_days=MARKED, freq="week"),
        ]
    return figs


def test_headlines_say_the_counts_are_reported(seed_events, ccc_june, make_events):
    """A partisan source's crowd counts are attributed in every headline, whatever the data."""
    titles = {
        chart_info(turnout_by_city(seed_events)).title,
        chart_info(turnout_by_city(seed_events, measure="sum")).title,
        chart_info(turnout_by_city(ccc_june)).title,
        chart_info(timeline_density(seed_events)).title,
        chart_info(timeline_density(ccc_june)).title,
        chart_info(timeline_density(ccc_june, freq="week")).title,
        chart_info(timeline_density(make_events({}, {"city": "Dallas"}))).title,
        # every day the same, and more than three tied peaks
        chart_info(timeline_density(make_events({}, {"date": "2026-01-31"}))).title,
        chart_info(
            timeline_density(
                make_events(*[{"date": f"2026-01-{d}"} for d in (10, 12, 14, 16, 18)]),
                start="2026-01-09",
                end="2026-01-19",
            )
        ).title,
    }
    for title in titles:
        assert "reported" in title.lower(), title
        assert len(title) <= 90, title  # a headline, not a paragraph
    assert chart_info(turnout_by_city(seed_events, measure="sum")).title == (
        "Minneapolis drew the most reported protesters: 70,000+ at two events"  # a floor in the sum
    )
    assert chart_info(timeline_density(ccc_june)).title == (
        "Reported protests peaked on June 1 and 14: three events each"
    )


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


def test_ap_numbers_in_every_title_subtitle_note_and_alt(review_charts):
    for fig in review_charts:
        for text in all_words(fig):
            assert ap_number_problems(text) == [], text


def test_ap_numbers_in_long_and_edge_case_wording(make_events):
    many = [
        {"city": f"Town {chr(65 + i)}", "state_code": "OH", "size_low": float(100 * (i + 1))}
        for i in range(12)
    ]
    by_city = turnout_by_city(make_events(*many), top=5)
    info = chart_info(by_city)
    assert info.subtitle.startswith("The five cities with the most people, of 12 with a count")
    assert "Not shown: seven more cities with a count." in info.notes
    assert "the top five of 12 cities" in info.alt
    temps = make_events(
        *[{"city": f"Town {chr(65 + i)}", "temp_f_low": float(i), "temp_f_high": float(i)}
          for i in range(12)],
        {"city": "Town Z"},
    )  # fmt: skip
    info = chart_info(temperature_vs_attendance(temps))
    assert info.notes.startswith("Of 13 events, 12 report both")  # never "12 of 13 ..."
    tiny = make_events({"size_low": 1.0, "temp_f_low": 5.0, "temp_f_high": 5.0})
    assert "one person" in chart_info(temperature_vs_attendance(tiny)).alt
    for fig in (by_city, temperature_vs_attendance(temps), temperature_vs_attendance(tiny)):
        for text in all_words(fig):
            assert ap_number_problems(text) == [], text


def test_data_tables_and_bar_labels_keep_numerals(seed_events, ccc_june):
    city = turnout_by_city(ccc_june)
    labels = dict(zip(chart_info(city).data["place"], chart_info(city).data["label"], strict=True))
    assert labels["Fort Worth, Texas"] == "6" and labels["Savannah, Ga."] == "1"
    assert "6" in direct_labels(city, "turnout-label")
    data = chart_info(timeline_density(seed_events)).data.set_index("label")
    assert data.loc["Jan. 30", "events"] == 9 and data.loc["Jan. 30", "cities"] == 8


@pytest.mark.parametrize(
    ("n", "start", "text"),
    [
        (0, False, "zero"),
        (1, True, "One"),
        (9, False, "nine"),
        (10, False, "10"),
        (1200, False, "1,200"),
    ],
)
def test_ap_number(n, start, text):
    assert style.ap_number(n, start=start) == text


def test_ap_number_refuses_a_numeral_to_open_a_sentence():
    with pytest.raises(ValueError, match="rephrase"):
        style.ap_number(12, start=True)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2018-06-01", "2018-06-22", "June 1-22, 2018"),
        ("2026-01-23", "2026-02-02", "Jan. 23-Feb. 2, 2026"),
        ("2025-12-30", "2026-01-02", "Dec. 30, 2025-Jan. 2, 2026"),
        ("2026-01-30", "2026-01-30", "Jan. 30, 2026"),
    ],
)
def test_ap_period_date_ranges(start, end, text):
    assert style.ap_period(start, end) == text


def test_periods_in_chart_words_are_ap_ranges(seed_events, ccc_june):
    for fig in (turnout_by_city(ccc_june), timeline_density(ccc_june)):
        assert chart_info(fig).subtitle.endswith("June 1-22, 2018")
        assert "June 1-22, 2018" in chart_info(fig).alt
    across = timeline_density(seed_events, start="2025-12-30", end="2026-02-02")
    assert chart_info(across).subtitle.endswith("Dec. 30, 2025-Feb. 2, 2026")
    empty = timeline_density(seed_events, start="2025-06-01", end="2025-06-30")
    assert frame_text(empty, "message") == "No events in this selection, June 1-30, 2025."


# ---------------------------------------------------------------- editor's review: wrapping


def _wrap_at_every_width(
    text: str, size: float = style.TITLE_SIZE, balance: bool = False, widths: int = 60
):
    """``text`` wrapped at ``widths`` widths, evenly from 40 px to the whole line's width."""
    from turnout.style import _font, _renderer

    with style.use_style():
        fig = style.new_figure()
        renderer, prop = _renderer(fig), _font(size, "bold")
        full, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
        for width in np.linspace(40, full + 8, widths):
            yield style.wrap_text(text, width, prop, renderer, balance=balance).split("\n")


@pytest.mark.parametrize("balance", [False, True])
def test_wrapping_never_splits_a_date_or_a_unit(balance):
    import re

    text = (
        "Reported protests peaked on June 14 and Jan. 30, Jan. 23-Feb. 2, 2026, "
        "at 9° F, and Numbers with a + are floors in May 2018"
    )
    month_end = re.compile(rf"(?:^|[\s\-]){_MONTHS}$")
    day = re.compile(r"\d{1,2}(?!\d)")
    seen = 0
    for lines in _wrap_at_every_width(text, balance=balance, widths=20 if balance else 80):
        assert " ".join(lines) == text  # wrapping only replaces spaces
        for line, nxt in zip(lines, lines[1:], strict=False):
            seen += 1
            assert not (month_end.search(line) and day.match(nxt)), (line, nxt)
            assert not (line.endswith("°") and nxt.startswith("F")), (line, nxt)
            assert not nxt.startswith("+"), (line, nxt)
    assert seen > 20  # the text really was broken, many ways


def test_frame_keeps_dates_whole_and_words_free_of_nonbreaking_spaces(review_charts):
    import re

    month_end = re.compile(rf"(?:^|[\s\-]){_MONTHS}$")
    day = re.compile(r"\d{1,2}(?!\d)")
    for fig in review_charts:
        info = chart_info(fig)
        for gid in ("title", "subtitle", "notes", "source"):
            lines = [t for t in fig.texts if t.get_gid() == f"turnout-{gid}"]
            for t in lines:
                rows = t.get_text().split("\n")
                for line, nxt in zip(rows, rows[1:], strict=False):
                    assert not (month_end.search(line) and day.match(nxt)), (line, nxt)
                    assert not nxt.startswith("+"), (line, nxt)
        assert "\u00a0" not in "".join([*all_words(fig), info.source])
        assert not info.data.astype(str).apply(lambda c: c.str.contains("\u00a0")).any().any()


def test_floor_note_never_starts_a_line_with_a_plus(seed_events):
    fig = turnout_by_city(seed_events)
    notes = [t for t in fig.texts if t.get_gid() == "turnout-notes"][0].get_text()
    assert "Numbers with a + are floors" in " ".join(notes.split("\n"))
    assert not any(line.startswith("+") for line in notes.split("\n"))
    note = chart_info(fig).notes
    for lines in _wrap_at_every_width(note, size=style.NOTE_SIZE, widths=40):
        assert not any(line.startswith("+") for line in lines)


# ---------------------------------------------------------------- editor's review: provenance


def test_event_rows_carry_their_source_url(ccc_june, make_events):
    by_row = ccc_june.set_index("row")
    for fig in (turnout_by_city(ccc_june), turnout_by_city(ccc_june, measure="sum")):
        data = chart_info(fig).data
        assert {"source_name", "source_date", "source_url", "source_quote"} <= set(data.columns)
        for _, r in data.iterrows():
            assert r["source_url"] == by_row.loc[r["row"], "source_url"]  # the number's trace
            assert r["source_url"].startswith("http")
            assert r["source_name"] == "Crowd Counting Consortium"
        assert data["source_quote"].isna().all()  # CCC gives no quote; the URL traces the number
    url = "https://gazette.example/2026/01/30/rally"
    events = make_events({"temp_f_low": 20.0, "temp_f_high": 20.0, "source_url": url})
    data = chart_info(temperature_vs_attendance(events)).data
    assert {"source_name", "source_date", "source_url", "source_quote"} <= set(data.columns)
    assert data["source_url"].tolist() == [url]


# ---------------------------------------------------------------- editor's review: timeline


def test_marked_days_outside_the_period_appear_nowhere(ccc_june):
    for freq in ("auto", "week"):
        fig = timeline_density(ccc_june, marked_days=MARKED, freq=freq)
        info = chart_info(fig)
        ax = fig.axes[0]
        for text in all_words(fig):
            assert "strike" not in text and "Marked" not in text and "Jan." not in text, text
        assert (info.data["marked"] == "").all()
        assert [t for t in ax.texts if t.get_gid() == "turnout-marked"] == []
        assert [p for p in ax.patches if not p.get_gid()] == []  # no shaded day
        assert [ln for ln in ax.lines if ln.get_linestyle() != "-"] == []  # no dashed day
        plain = chart_info(timeline_density(ccc_june, freq=freq))
        assert ax.get_ylim() == plain_ylim(ccc_june, freq)  # no headroom for absent labels
        assert info.alt == plain.alt and info.title == plain.title


def plain_ylim(events, freq):
    return timeline_density(events, freq=freq).axes[0].get_ylim()


def test_marked_days_inside_the_period_still_show(ccc_june):
    fig = timeline_density(ccc_june, marked_days={**MARKED, "2018-06-14": "Flag Day rallies"})
    info = chart_info(fig)
    assert info.alt.endswith("Marked: June 14, Flag Day rallies.")
    assert "Minneapolis" not in info.alt
    assert [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "turnout-marked"] == [
        "June 14: Flag Day rallies"
    ]


@pytest.mark.parametrize("bad", ["{}", '{"2026-01-30": "National strike"}', ["2026-01-30"]])
def test_marked_days_as_a_string_is_a_clear_type_error(seed_events, bad):
    with pytest.raises(TypeError, match="mapping") as err:
        timeline_density(seed_events, marked_days=bad)
    assert "-y 'marked_days: {}'" in str(err.value)


@pytest.mark.parametrize("freq", ["day", "week"])
def test_timeline_has_half_a_bin_of_air_at_both_ends(ccc_june, seed_events, freq):
    for events in (ccc_june, seed_events):
        fig = timeline_density(events, freq=freq)
        ax = fig.axes[0]
        step = {"day": 1.0, "week": 7.0}[freq]
        bars = bar_patches(fig, "turnout-events") + bar_patches(fig, "turnout-cities")
        left = min(p.get_x() for p in bars)
        right = max(p.get_x() + p.get_width() for p in bars)
        x0, x1 = ax.get_xlim()
        assert left - x0 >= step / 2 - 1e-9 and x1 - right >= step / 2 - 1e-9


def test_weekly_bars_are_labelled_by_their_monday(ccc_june):
    fig = timeline_density(ccc_june, freq="week")
    info = chart_info(fig)
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == ["May 28", "June 4", "11", "18"]
    assert info.data["label"].tolist()[0] == "Week of May 28, 2018"
    assert "each labeled by its Monday" in info.notes
    assert "The first and last weeks count only days inside the period." in info.notes


# --------------------------------------------------------------------------- review fixes


def test_a_city_filter_is_disclosed(seed_events):
    """A chart of three of the data's 10 cities says so in headline, subtitle and alt text."""
    story = turnout.read_story(cities=["Minneapolis", "Houston", "Seattle"])
    chosen, of = story.select(seed_events), story.cities_in_data(seed_events)
    assert of == 10
    for info in (
        chart_info(turnout_by_city(chosen, cities_in_data=of)),
        chart_info(turnout_by_city(chosen, measure="sum", cities_in_data=of)),
        chart_info(timeline_density(chosen, cities_in_data=of)),
    ):
        assert "three of the 10 cities in the data" in info.subtitle, info.subtitle
        assert "three" in info.title and "cities" in info.title, info.title
        assert "covers three of the 10 cities in the data: Houston, Texas;" in info.alt
    # Every city charted: nothing to disclose.
    whole = chart_info(turnout_by_city(seed_events, cities_in_data=10))
    assert "in the data" not in whole.subtitle + whole.alt


def test_a_sum_with_a_floor_is_a_floor_at_honest_precision(make_events):
    # 3,000 ("over 3,000") + 200 ("hundreds") + 24 ("dozens") is at least 3,200, not 3,224.
    rows = [("over 3,000", 3000), ("hundreds", 200), ("dozens", 24)]
    events = make_events(
        *[
            {"city": "Houston", "state_code": "TX", "size_text": t, "size_low": v, "size_high": v}
            for t, v in rows
        ]
    )
    info = chart_info(turnout_by_city(events, measure="sum"))
    assert info.title == "Houston drew the most reported protesters: 3,200+ at three events"
    assert "Houston, Texas, 3,200+" in info.alt and "3,224" not in info.alt
    assert info.data["label"].iloc[0] == "3,200+ people"
    assert "rounded down to two significant figures" in info.notes
    assert info.data["segment_end"].max() == 3224  # the bars and the data keep every person


def test_timeline_headline_when_every_day_ties_and_label_sits_on_its_day(make_events):
    events = make_events(
        {"date": "2031-03-07"}, {"date": "2031-03-07", "city": "Tulsa"}, {"date": "2031-03-08"},
        {"date": "2031-03-08", "city": "Tulsa"},
    )  # fmt: skip
    fig = timeline_density(events, marked_days={"2031-03-07": "Fare vote"})
    assert chart_info(fig).title == "Reported protests: two events each day, March 7-8, 2031"
    ax = fig.axes[0]
    (mark,) = [t for t in ax.texts if t.get_gid() == "turnout-marked"]
    fig.canvas.draw()
    box = mark.get_window_extent()
    day = ax.transData.transform([(date2num(pd.Timestamp("2031-03-07")), 0)])[0][0]
    next_day = ax.transData.transform([(date2num(pd.Timestamp("2031-03-08")), 0)])[0][0]
    assert box.x0 <= day <= box.x1  # over its own shaded day
    assert abs((box.x0 + box.x1) / 2 - day) < abs((box.x0 + box.x1) / 2 - next_day)
