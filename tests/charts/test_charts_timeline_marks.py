"""turnout.charts.timeline_marks: a timeline spec drawn with matplotlib, bar for count."""

from __future__ import annotations

import pandas as pd
import pytest
from chart_checks import MARKED
from matplotlib.dates import date2num

from turnout.charts.base import chart_info
from turnout.charts.timeline import timeline_spec
from turnout.charts.timeline_marks import draw


@pytest.fixture(scope="module")
def drawn(seed_events):
    spec = timeline_spec(seed_events, start="2026-01-23", end="2026-02-02", marked_days=MARKED)
    return spec, draw(spec)


def _bars(ax, gid):
    bars = next(c for c in ax.containers if c.patches[0].get_gid() == gid)
    return [(b.get_x() + b.get_width() / 2, b.get_height()) for b in bars]


def test_each_day_has_its_events_and_cities_side_by_side(drawn):
    spec, fig = drawn
    assert chart_info(fig) is spec
    ax = fig.axes[0]
    events, cities = _bars(ax, "turnout-events"), _bars(ax, "turnout-cities")
    assert [h for _, h in events] == spec.data["events"].tolist()
    assert [h for _, h in cities] == spec.data["cities"].tolist()
    jan30 = spec.data.index[spec.data["label"] == "Jan. 30"][0]
    assert (events[jan30][1], cities[jan30][1]) == (9, 8)  # the national strike's day
    day = date2num(spec.data["date"].iloc[jan30].to_pydatetime())
    assert day - 0.5 < events[jan30][0] < day < cities[jan30][0] < day + 0.5


def test_marked_days_are_shaded_and_named(drawn):
    _, fig = drawn
    ax = fig.axes[0]
    shaded = sorted(
        (round(p.get_x() + p.get_width() / 2), round(p.get_width(), 2))
        for p in ax.patches
        if p.get_gid() is None and p.get_width() > 0
    )
    days = sorted(round(date2num(pd.Timestamp(d).to_pydatetime())) for d in MARKED)
    assert shaded == [(d, 1.0) for d in days]  # one whole day each
    named = {t.get_text() for t in ax.texts if t.get_gid() == "turnout-marked"}
    assert named == set(MARKED.values())  # each day has its own tick: no date repeated


def test_past_62_days_cities_become_a_line_over_the_bars(seed_events):
    spec = timeline_spec(seed_events, start="2025-11-01", end="2026-02-02", freq="day")
    ax = draw(spec).axes[0]
    assert len(spec.data) > 62
    assert [c.patches[0].get_gid() for c in ax.containers] == ["turnout-events"]
    (line,) = [ln for ln in ax.lines if ln.get_gid() == "turnout-cities"]
    assert max(line.get_ydata()) == spec.data["cities"].max() == 8
