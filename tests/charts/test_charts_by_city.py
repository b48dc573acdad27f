"""turnout.charts.by_city on the seed story and on the edge cases a newsroom hits."""

from __future__ import annotations

import numpy as np
import pytest
from chart_checks import (
    PALETTE,
    _wrap_at_every_width,
    assert_frame,
    assert_readable,
    bar_patches,
    direct_labels,
    frame_text,
    y_tick_labels,
)
from matplotlib.colors import to_hex

from turnout import style
from turnout.charts import (
    chart_info,
    turnout_by_city,
)


def test_by_city_seed_bars_sorted_with_ranges_and_provenance(seed_events):
    fig = turnout_by_city(seed_events)
    info = chart_info(fig)
    data = info.data
    counted = seed_events[seed_events["size_low"].notna()]
    # One bar per city with a count, ranked by the low estimate, top to bottom.
    assert len(data) == counted.groupby(["city", "state_code"]).ngroups == 9
    assert data["value_low"].is_monotonic_decreasing
    assert y_tick_labels(fig) == data["place"].tolist()
    assert data["place"].iloc[0] == "Minneapolis"
    # Bars are drawn to exactly the low numbers in the table.
    # (a count too small to see is drawn as a 2 px stub: see the test on the axis line below)
    widths = sorted(p.get_width() for p in bar_patches(fig, "turnout-bars"))
    stub = 0.01 * fig.axes[0].get_xlim()[1]
    lows = sorted(data["value_low"].tolist())
    assert [w for w in widths if w > stub] == [v for v in lows if v > stub]
    assert len(widths) == len(lows)
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
    assert labels["Houston"] == "3,000+"  # "over 3,000"
    assert labels["Cleveland"] == "2,000+"  # "Thousands"
    assert labels["Seattle"] == "6,000-9,000"  # a range (AP: hyphen on charts), not a floor
    assert labels["Dallas"] == "100"  # "around 100"
    assert "Numbers with a + are floors" in info.notes
    assert info.title == "Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23"
    words = chart_info(turnout_by_city(seed_events, labels="words"))
    assert "Numbers with a + are floors" not in words.notes


def test_by_city_ranges_drawn_where_low_below_high(seed_events):
    fig = turnout_by_city(seed_events)
    data = chart_info(fig).data
    ranged = data[data["value_high"] > data["value_low"]]
    assert set(ranged["place"]) == {"Seattle", "Denver"}
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
    assert "Not in the sums" in info.notes and "two in Houston" in info.notes
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
    assert info.notes == "No count reported: Houston; Portland, Ore."


def test_by_city_rejects_unknown_options(seed_events):
    with pytest.raises(ValueError, match="measure"):
        turnout_by_city(seed_events, measure="mean")
    with pytest.raises(ValueError, match="labels"):
        turnout_by_city(seed_events, labels="both")


@pytest.mark.slow  # draws dozens of figures: seconds apiece on two cores
def test_floor_note_never_starts_a_line_with_a_plus(seed_events):
    fig = turnout_by_city(seed_events)
    notes = [t for t in fig.texts if t.get_gid() == "turnout-notes"][0].get_text()
    assert "Numbers with a + are floors" in " ".join(notes.split("\n"))
    assert not any(line.startswith("+") for line in notes.split("\n"))
    note = chart_info(fig).notes
    for lines in _wrap_at_every_width(note, size=style.NOTE_SIZE, widths=40):
        assert not any(line.startswith("+") for line in lines)


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
    assert "Houston, 3,200+" in info.alt and "3,224" not in info.alt
    assert info.data["label"].iloc[0] == "3,200+ people"
    assert "rounded down to two significant figures" in info.notes
    assert info.data["segment_end"].max() == 3224  # the bars and the data keep every person


def test_the_range_note_says_what_the_rows_hold(make_events):
    one = {"city": "Springfield", "size_low": 300.0, "size_high": 500.0, "source_name": "AP"}
    several = dict(one, source_name="AP\nReuters")
    words = {
        "a range the source gives": make_events(one),
        "a range, the lowest and highest of the sources\u2019 estimates": make_events(several),
    }
    for said, events in words.items():
        notes = chart_info(turnout_by_city(events)).notes
        assert f"Paler bar ends run to the high end of {said};" in notes


def test_by_city_desktop_bars_all_show_past_the_axis_line(seed_events):
    """Dallas's 100 and Philadelphia's 24+ beside Minneapolis's thousands still show, as a
    stub 2 px past the axis line (as the phone PNG and the embed draw them)."""
    fig = turnout_by_city(seed_events)
    fig.canvas.draw()
    ax = fig.axes[0]
    line_px = ax.spines["left"].get_linewidth() * fig.dpi / 72
    bars = [p for p in bar_patches(fig, "turnout-bars") if p.get_x() == 0]
    assert min(chart_info(fig).data["value_low"]) <= 100  # the case the editor saw
    assert len(bars) == len(chart_info(fig).data)
    assert min(p.get_window_extent().width for p in bars) >= 2 + line_px - 0.01


def test_a_ceiling_reads_up_to_on_the_bar_the_map_and_the_headline() -> None:
    # "As many as 80,000" gives only a highest number: never a plain 80,000.
    import pandas as pd

    from turnout import charts, clean_events, paths

    raw = pd.read_csv(paths.seed_path(), dtype=str)
    atlanta = raw.index[raw["locality"].eq("Atlanta")][0]
    raw.loc[atlanta, "size_text"] = "as many as 80,000"
    raw.loc[atlanta, "source_quote"] = "As many as 80,000 marched in Atlanta."
    events = clean_events(raw).events
    bars = charts.spec(events, "turnout-by-city")
    assert bars.data.loc[bars.data["city"].eq("Atlanta"), "label"].tolist() == [
        "up to 80,000 people"
    ]
    assert "largest count, up to 80,000;" in bars.title
    assert "Atlanta, up to 80,000 (“as many as 80,000”)" in bars.alt
    ceiling_note = "“Up to” marks a ceiling: the source’s words give only a highest number."
    assert ceiling_note in bars.notes
    circles = charts.spec(events, "turnout-map")
    assert "up to 80,000" in circles.data["label"].tolist() and ceiling_note in circles.notes
    # The seed itself has no ceiling: no such note.
    assert (
        ceiling_note
        not in charts.spec(
            clean_events(pd.read_csv(paths.seed_path())).events, "turnout-by-city"
        ).notes
    )
