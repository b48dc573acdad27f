"""turnout.embeds.timeline: the timeline's embed, one focusable mark per busy day."""

from __future__ import annotations

import pytest
from chart_checks import MARKED

from turnout.charts.timeline import timeline_spec
from turnout.embeds import base
from turnout.embeds.base import QuoteBudget
from turnout.embeds.scene import Line, Rect
from turnout.embeds.timeline import draw


@pytest.fixture(scope="module")
def seed(seed_events):
    spec = timeline_spec(seed_events, start="2026-01-23", end="2026-02-02", marked_days=MARKED)
    return spec, draw(spec.data, spec, QuoteBudget())


def test_a_mark_for_each_day_with_events_named_in_words(seed):
    spec, chart = seed
    phone, wide = chart.layouts
    assert (phone.min_width, wide.min_width) == (base.NARROW, base.WIDE)
    busy = spec.data[spec.data["events"] > 0]
    assert [m.row for m in phone.marks()] == busy.index.tolist()  # no mark for an empty day
    labels = {m.label for m in phone.marks()}
    assert "Jan. 30: 9 events in 8 cities; marked: National strike" in labels
    assert "Feb. 2: 1 event in 1 city" in labels


def test_events_and_cities_stand_side_by_side_at_their_heights(seed):
    spec, chart = seed
    layout = chart.layouts[0]
    jan30 = next(m for m in layout.marks() if m.label.startswith("Jan. 30"))
    events, cities = [s for s in jan30.shapes if isinstance(s, Rect)]
    assert (events.cls, cities.cls) == ("one", "two")
    assert events.x1 <= cities.x0  # side by side within the day
    assert events.h / cities.h == pytest.approx(9 / 8)  # heights in proportion to the counts
    bands = [i for i in layout.items if isinstance(i, Rect) and i.cls == "band"]
    assert len(bands) == len(MARKED)  # each marked day shaded
    assert chart.key == [("one", "Events"), ("two", "Cities with an event"), ("band", "Marked day")]


def test_the_table_has_a_row_per_day(seed):
    spec, chart = seed
    table = chart.table
    assert table.columns[:3] == ["Period", "Events", "Cities with an event"]
    assert len(table.rows) == len(spec.data) == 11
    jan30 = next(r for r in table.rows if r[0] == "Jan. 30")
    assert jan30[1:4] == ["9", "8", "National strike"]
    assert all(isinstance(q, str) for q in jan30[5]) and jan30[5]  # the sentences quoted


def test_past_62_days_cities_are_a_step_line(seed_events):
    spec = timeline_spec(seed_events, start="2025-11-01", end="2026-02-02", freq="day")
    chart = draw(spec.data, spec, QuoteBudget())
    layout = chart.layouts[0]
    assert all(len(m.shapes) == 1 for m in layout.marks())  # the events bar alone
    steps = [i for i in layout.items if isinstance(i, Line) and i.cls == "step"]
    assert len(steps) >= len(spec.data)  # across every day, empty ones included
    assert chart.key[1] == ("step", "Cities with an event")


def test_nothing_to_chart_has_no_layouts(seed_events):
    spec = timeline_spec(seed_events.iloc[:0])
    chart = draw(spec.data, spec, QuoteBudget())
    assert chart.layouts == [] and chart.table.rows == []
