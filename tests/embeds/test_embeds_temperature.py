"""turnout.embeds.temperature: the temperature chart's embed, mark for mark, in words."""

from __future__ import annotations

import pytest

from turnout.charts.temperature import temperature_spec
from turnout.embeds.base import QuoteBudget
from turnout.embeds.scene import Dot, Line, Symbol
from turnout.embeds.temperature import draw


@pytest.fixture(scope="module")
def seed(seed_events):
    spec = temperature_spec(seed_events)
    return draw(spec.data, spec, QuoteBudget())


def test_the_seed_marks_name_place_day_crowd_and_temperature(seed):
    labels = [m.label for m in seed.layouts[0].marks()]
    assert labels == [
        "New York, Jan. 29, 2026: 1,000+ people at 9°F",
        "Cleveland, Jan. 30, 2026: 2,000+ people at 32°F or colder",
    ]
    assert seed.key == [("dot", "Reported reading"),
                        ("arrow", "Reported only as a bound (“freezing”)")]  # fmt: skip


def test_a_reading_is_a_dot_and_freezing_an_arrow_to_the_cold_edge(seed):
    new_york, cleveland = seed.layouts[0].marks()
    (dot,) = new_york.shapes
    assert isinstance(dot, Dot)
    bound, cap, head = cleveland.shapes
    assert (bound.cls, cap.cls) == ("one bound", "one cap")
    assert bound.x1 == 0.0 and head == Symbol(0.0, bound.y0, "head-left", "one")  # colder: left
    assert dot.x < cap.x0  # 9°F left of 32°F
    assert bound.y0 < dot.y  # 2,000 stands above 1,000
    assert "Freezing" in [t.text for t in seed.layouts[0].texts()]  # 32°F, the reference


def test_the_table_says_what_a_bound_means_in_the_source_words(seed):
    table = seed.table
    assert table.columns[2:4] == ["Temperature", "Number as coded"]
    new_york, cleveland = table.rows
    assert new_york[:4] == ["New York", "Jan. 29, 2026", "9°F", "1,000+"]
    assert cleveland[2] == "only “freezing temperatures” (32°F or colder)"
    assert cleveland[-1] == "Workers World, Feb. 3, 2026"


def test_a_range_a_crowd_range_and_a_warm_bound(warm_ranges):
    events = warm_ranges
    spec = temperature_spec(events)
    chart = draw(spec.data, spec, QuoteBudget())
    marks = {m.label.split(",")[0]: m for m in chart.layouts[0].marks()}
    assert marks["Denver"].label.endswith(": 300-800 people at 40°F to 50°F")
    kinds = {s.cls for s in marks["Denver"].shapes if isinstance(s, Line)}
    assert kinds == {"one vbar", "one thick"}  # the crowd's range up, the temperatures across
    assert marks["Austin"].label.endswith("at 60°F or warmer")
    assert [s.name for s in marks["Austin"].shapes if isinstance(s, Symbol)] == ["head-right"]
    assert ("vrange", "Range of crowd estimates") in chart.key
    assert "Freezing" not in [t.text for t in chart.layouts[0].texts()]  # 32°F off this chart


def test_nothing_to_chart_has_no_layouts(seed_events):
    spec = temperature_spec(seed_events.iloc[:0])
    chart = draw(spec.data, spec, QuoteBudget())
    assert chart.layouts == [] and chart.table.rows == []
