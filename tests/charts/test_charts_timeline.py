"""turnout.charts.timeline: events per day (week, month), marked days, periods."""

from __future__ import annotations

import pandas as pd
import pytest
from chart_checks import (
    MARKED,
    PALETTE,
    all_words,
    assert_frame,
    assert_readable,
    bar_patches,
    frame_text,
)
from matplotlib.colors import to_hex
from matplotlib.dates import date2num

from turnout.charts.base import chart_info
from turnout.charts.timeline import timeline_density


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
    # One day is one bar: the chart is left out, with the sentence saying why (issue 12).
    assert info.data.empty and fig.axes == []
    assert info.left_out == (
        "A timeline needs more than one day; all two events in this selection, "
        "in two cities, are on Jan. 30, 2026."
    )
    assert info.title == "Every reported protest is on one day, Jan. 30, 2026"


def test_timeline_of_one_event_is_left_out_too(make_events):
    info = chart_info(timeline_density(make_events({"city": "Atlanta", "state_code": "GA"})))
    assert "the one event in this selection is on Jan. 30, 2026" in info.left_out


def test_timeline_y_axis_reaches_the_tallest_bar(make_events):
    # Nine events on one day and one on the next: the locator alone stopped at 8 (issue 12).
    rows = [{"city": "Atlanta", "state_code": "GA", "row": i + 2} for i in range(9)]
    rows.append({"city": "Dallas", "state_code": "TX", "date": "2026-01-31"})
    for marked in (None, {"2026-01-30": "Strike"}):
        fig = timeline_density(make_events(*rows), marked_days=marked)
        ax = fig.axes[0]
        assert max(ax.get_yticks()) >= 9 and ax.get_ylim()[1] >= max(ax.get_yticks())
        top_label = [t.get_text() for t in ax.get_yticklabels()][-1]
        assert int(top_label) >= 9


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


@pytest.mark.slow  # draws dozens of figures: seconds apiece on two cores
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
    assert ticks == ["May 28", "June 4", "11", "18", "25"]  # the month asked for, to June 30
    assert info.data["label"].tolist()[0] == "Week of May 28, 2018"
    assert "each labeled by its Monday" in info.notes
    assert "The first and last weeks count only days inside the period." in info.notes


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


def test_cities_bars_are_the_orange_the_embed_and_phone_png_draw(seed_events):
    """The editor: desktop PNGs drew cities in #E69F00, phone PNGs and light embeds in
    #D55E00. One orange on a light background: the embed's, which passes 3:1 on white."""
    from turnout.embeds.theme import LIGHT, contrast

    fig = timeline_density(seed_events)
    colours = {to_hex(p.get_facecolor()) for p in bar_patches(fig, "turnout-cities")}
    assert colours == {LIGHT["two"].lower()}
    assert contrast(LIGHT["two"], LIGHT["bg"]) >= 3.0
