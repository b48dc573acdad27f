"""turnout.charts.temperature_marks: a temperature spec drawn with matplotlib, mark for mark."""

from __future__ import annotations

import pytest

from turnout.charts.base import chart_info
from turnout.charts.temperature import temperature_spec
from turnout.charts.temperature_marks import draw


def _by_gid(ax, gid):
    return [x for x in [*ax.lines, *ax.collections, *ax.texts] if x.get_gid() == gid]


@pytest.fixture(scope="module")
def seed_drawn(seed_events):
    spec = temperature_spec(seed_events)
    return spec, draw(spec)


def test_a_reading_is_a_point_and_freezing_a_light_arrow_to_the_cold_edge(seed_drawn):
    spec, fig = seed_drawn
    assert chart_info(fig) is spec
    ax = fig.axes[0]
    (points,) = _by_gid(ax, "turnout-reported")
    assert points.get_offsets().tolist() == [[9.0, 1000.0]]  # New York: 9°F, "Over 1,000"
    (arrow,) = _by_gid(ax, "turnout-bound")  # Cleveland: "freezing temperatures"
    assert arrow.xyann == (32.0, 2000.0) and arrow.xy == (ax.get_xlim()[0], 2000.0)
    assert arrow.arrow_patch.get_alpha() < 1  # weaker evidence than a reading, drawn lighter
    (cap,) = _by_gid(ax, "turnout-bound-cap")
    assert list(cap.get_xdata()) == [32.0, 32.0]


def test_axes_follow_the_spec_with_freezing_marked(seed_drawn):
    spec, fig = seed_drawn
    ax = fig.axes[0]
    assert ax.get_xlim() == spec.options.xlim and ax.get_ylim() == spec.options.ylim
    assert ax.get_yscale() == "log"
    assert "Freezing" in [t.get_text() for t in ax.texts]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Reported reading", "Reported only as a bound"]  # only what is drawn


def test_ranges_and_a_warm_bound(warm_ranges):
    events = warm_ranges
    ax = draw(temperature_spec(events)).axes[0]
    (band,) = _by_gid(ax, "turnout-reported-range")
    assert list(band.get_xdata()) == [40.0, 50.0]  # the temperature range, across
    # the crowd's range, up and down, through the middle of its temperatures
    ((bottom, top),) = [c for c in ax.collections if c.get_gid() is None][0].get_segments()
    assert bottom.tolist() == [45.0, 300.0] and top.tolist() == [45.0, 800.0]
    (arrow,) = _by_gid(ax, "turnout-bound")
    assert arrow.xyann[0] == 60.0 and arrow.xy[0] == ax.get_xlim()[1]  # "above 60": warmer
    assert "Freezing" not in [t.get_text() for t in ax.texts]  # 32°F is off this chart
