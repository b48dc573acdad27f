"""turnout.charts.by_city_marks: a bar chart spec drawn with matplotlib, bar for mark."""

from __future__ import annotations

import pytest

from turnout.charts.base import chart_info
from turnout.charts.by_city import by_city_spec
from turnout.charts.by_city_marks import draw


@pytest.fixture(scope="module")
def drawn(seed_events):
    spec = by_city_spec(seed_events)
    return spec, draw(spec)


def _bars(ax, gid):
    """(left, right) of each bar of one kind, top bar first."""
    bars = next(c for c in ax.containers if c.patches[0].get_gid() == gid)
    return sorted(
        ((b.get_x(), b.get_x() + b.get_width(), b.get_y()) for b in bars), key=lambda b: -b[2]
    )


def test_cities_read_down_in_rank_order_with_their_spec(drawn):
    spec, fig = drawn
    assert chart_info(fig) is spec
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert names[0] == "Minneapolis"  # the largest reported crowd, at the top
    assert names == spec.data.sort_values("rank")["place"].tolist()


def test_a_range_is_a_solid_bar_to_its_low_and_a_light_end_to_its_high(drawn):
    spec, fig = drawn
    ax = fig.axes[0]
    solid = [(lo, hi) for lo, hi, _ in _bars(ax, "turnout-bars")]
    light = [(lo, hi) for lo, hi, _ in _bars(ax, "turnout-ranges")]
    assert solid[:3] == [(0, 50_000), (0, 6_000), (0, 4_000)]  # Minneapolis, Seattle, Denver
    assert light == [(6_000, 9_000), (4_000, 5_000)]  # "6,000 to 9,000", "4,000-5,000" only
    assert ax.containers[1].patches[0].get_alpha() < 1  # light: the same hue, paler


def test_labels_sit_at_the_end_of_what_was_reported(drawn):
    _, fig = drawn
    labels = {t.get_text(): t.xy[0] for t in fig.axes[0].texts if t.get_gid() == "turnout-label"}
    assert labels["6,000-9,000"] == 9_000 and labels["50,000 people"] == 50_000
    assert labels["24+"] == 24  # Philadelphia's "dozens"
    assert len(fig.axes[0].get_xticks()) == 0  # every bar has its number: no count axis


def test_the_smallest_bars_still_show_past_the_axis_line(drawn):
    _, fig = drawn
    ax = fig.axes[0]
    widths = {round(hi): hi - lo for lo, hi, _ in _bars(ax, "turnout-bars")}
    philadelphia = _bars(ax, "turnout-bars")[-1]
    width = philadelphia[1] - philadelphia[0]
    assert 24 < width < 0.02 * ax.get_xlim()[1]  # widened a few pixels, no more
    assert widths[50_000] == 50_000  # a bar that shows keeps its value


def test_word_labels_bring_a_count_axis(seed_events):
    fig = draw(by_city_spec(seed_events, labels="words"))
    ax = fig.axes[0]
    assert len(ax.get_xticks()) > 1
    labels = [t.get_text() for t in ax.texts if t.get_gid() == "turnout-label"]
    assert any("Around 50,000" in label.replace("\n", " ") for label in labels)
