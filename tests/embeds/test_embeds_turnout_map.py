"""turnout.embeds.turnout_map: the map's embed, a circle per city whose area is its crowd."""

from __future__ import annotations

import pytest

from turnout.charts.specs import spec
from turnout.embeds.base import QuoteBudget
from turnout.embeds.turnout_map import draw


@pytest.fixture(scope="module")
def seed(seed_events):
    info = spec(seed_events, "turnout-map")
    return info, draw(info.data, info, QuoteBudget())


def _marks(chart) -> dict[str, object]:
    return {m.label.split(",")[0]: m for m in chart.base.marks}


def test_every_city_is_a_mark_named_in_words(seed):
    info, chart = seed
    assert len(chart.base.marks) == len(info.data) == 10  # the seed's ten cities, none dots
    labels = [m.label for m in chart.base.marks]
    assert labels[0] == "Minneapolis, Jan. 23, 2026: 50,000"  # largest first
    assert "Portland, Ore., Jan. 30, 2026: no count" in labels
    assert chart.table.caption == ""  # every place has its mark: no "drawn as dots" note


def test_circle_area_is_the_crowd_and_a_range_rings_its_high_end(seed):
    _, chart = seed
    marks = _marks(chart)
    (minneapolis,) = marks["Minneapolis"].shapes
    (atlanta,) = marks["Atlanta"].shapes
    assert (minneapolis.r / atlanta.r) ** 2 == pytest.approx(50_000 / 500, rel=1e-3)
    ring, disc = marks["Seattle"].shapes  # "6,000 to 9,000"
    assert (ring.cls, disc.cls) == ("ring", "c")
    assert (ring.r / disc.r) ** 2 == pytest.approx(9_000 / 6_000, rel=1e-3)
    # the smallest crowds are drawn at one least size, which the chart's notes disclose
    assert marks["Dallas"].shapes[0].r == marks["Philadelphia"].shapes[0].r


def test_floors_are_dashed_and_no_count_is_hollow(seed):
    info, chart = seed
    marks = _marks(chart)
    floors = {
        p.split(",")[0]
        for p, lab in zip(info.data["place"], info.data["label"], strict=True)
        if lab.endswith("+")
    }
    dashed = {name for name, m in marks.items() if m.shapes[-1].cls == "c fl"}
    assert dashed == floors == {"Houston", "Cleveland", "New York", "Philadelphia"}
    assert marks["Portland"].shapes[-1].cls == "nc"
    assert chart.key == [("ring", "High end of a range"), ("floor", "A floor (dashed)"),
                         ("hollow-dot", "No count")]  # fmt: skip


def test_the_table_row_keeps_the_sources_words(seed):
    _, chart = seed
    assert chart.table.columns[:4] == ["Place", "Date", "Number as coded", "Source’s words"]
    assert chart.table.rows[0][:4] == ["Minneapolis", "Jan. 23, 2026", "50,000", "Around 50,000"]
    assert chart.table.rows[0][-1] == "2"  # Minneapolis had two events


def test_nothing_to_map_has_no_layouts(seed_events):
    info = spec(seed_events.iloc[:0], "turnout-map")
    chart = draw(info.data, info, QuoteBudget())
    assert chart.layouts == [] and chart.table.rows == []
