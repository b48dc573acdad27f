"""Pictures say what pictures can (issue 24): no text of a chart's PNG or of its phone PNG
mentions hovering, tapping or tooltips, and none runs outside its figure."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

import turnout
from turnout import charts
from turnout.charts import chart_info
from turnout.embeds import render
from turnout.embeds.png import phone_figure

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ccc_copydesk.csv"
KINDS = [
    charts.turnout_by_city,
    charts.turnout_map,
    charts.timeline_density,
    charts.temperature_vs_attendance,
]
INTERACTIVE = re.compile(r"\b(?:tooltips?|hover\w*|tap\w*|click\w*)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def tables(seed_events):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ccc = turnout.load_events(FIXTURE, format="ccc")
    return {
        "seed": seed_events,
        "ccc-2018-06": turnout.select_events(ccc, start="2018-06-01", end="2018-06-30"),
        "ccc-2020-06": turnout.select_events(ccc, start="2020-06-01", end="2020-06-30"),
    }


def _outside(fig) -> list[str]:
    """Every visible text of ``fig`` whose drawn box leaves the figure, with its box."""
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    out = []
    for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_window_extent")):
        if not t.get_visible() or not t.get_text().strip():
            continue
        b = t.get_window_extent(renderer)
        if b.x0 < box.x0 - 0.5 or b.x1 > box.x1 + 0.5 or b.y0 < box.y0 - 0.5 or b.y1 > box.y1 + 0.5:
            out.append(f"{t.get_text()!r} at {b.bounds} in {box.bounds}")
    return out


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]


@pytest.mark.parametrize("table", ["seed", "ccc-2018-06", "ccc-2020-06"])
@pytest.mark.parametrize("chart", KINDS, ids=lambda f: f.__name__)
def test_no_picture_text_talks_of_interaction_or_leaves_its_figure(tables, table, chart):
    fig = chart(tables[table])
    phone = phone_figure(render(chart_info(fig)))
    for picture in (fig, phone):
        picture.canvas.draw()
        assert _outside(picture) == []
        said = [t for t in _texts(picture) if INTERACTIVE.search(t)]
        assert said == []
    plt.close(fig)


def test_a_key_item_longer_than_the_phone_wraps_under_its_swatch():
    import pandas as pd

    from turnout.embeds.measure import text_width
    from turnout.embeds.png import _key_rows
    from turnout.embeds.turnout_map import _key

    cities = pd.DataFrame({"ring": [1.0], "r": [1.0], "cls": ["c"], "counted": [True]})
    key = _key(cities, 281)  # CCC's June 2020: 281 places drawn as dots
    (words,) = [w for cls, w in key if cls == "dots"]
    assert 22 + text_width(words, 13) > 355  # one line would run off a 375 px picture
    rows = _key_rows(key, 355)
    lines = [(cls, w, x) for row in rows for cls, w, x in row]
    assert [cls for cls, _, _ in lines][0] == "dots" and all(not c for c, _, _ in lines[1:])
    assert " ".join(w for _, w, _ in lines) == words  # every word drawn, in order
    assert all(x + 22 + text_width(w, 13) <= 355 for _, w, x in lines)


def test_the_temperature_phone_key_draws_a_dot_and_an_arrow_as_the_embed_does(seed_events):
    """A reported reading and a bound each have their own mark in the key, not one box."""
    from matplotlib.patches import Circle, Polygon

    fig = charts.temperature_vs_attendance(seed_events)
    embed = render(chart_info(fig))
    plt.close(fig)
    assert {"dot", "arrow"} <= {cls for cls, _ in embed.chart.key}
    phone = phone_figure(embed)
    swatch = {p.get_gid(): p for p in phone.axes[0].patches if p.get_gid()}
    assert isinstance(swatch["key-dot"], Circle)
    assert isinstance(swatch["key-arrow"], Polygon)  # the arrowhead, its line beside it


def _shapes(layout):
    from turnout.embeds.scene import Mark

    return [s for i in layout.items for s in (i.shapes if isinstance(i, Mark) else [i])]


@pytest.mark.parametrize(
    ("chart", "table"),
    [
        (charts.timeline_density, "seed"),
        (charts.timeline_density, "ccc-2018-06"),
        (charts.temperature_vs_attendance, "seed"),  # CCC's months report no temperatures
    ],
    ids=["timeline-seed", "timeline-ccc", "temperature-seed"],
)
def test_phone_gridlines_run_behind_marks_and_under_no_bare_label(tables, chart, table):
    """The editor's phone PNGs: the 1,000 gridline through New York's dot and its label, the
    "5" gridline across the Jan. 30 bars, the counts on top of a CCC month's first bar."""
    from turnout.embeds.scene import Line, Rect, Text
    from turnout.embeds.theme import LIGHT

    fig = chart(tables[table])
    embed = render(chart_info(fig))
    plt.close(fig)
    phone = phone_figure(embed)
    ax = phone.axes[0]
    rules = [ln for ln in ax.lines if ln.get_color() == LIGHT["rule"]]
    assert rules and ax.patches
    assert max(ln.get_zorder() for ln in rules) < min(p.get_zorder() for p in ax.patches)
    for layout in embed.chart.layouts:
        width = layout.min_width
        shapes = _shapes(layout)
        bars = [s for s in shapes if isinstance(s, Rect) and s.cls in ("one", "two")]
        for t in (s for s in shapes if isinstance(s, Text)):
            left, top, right, bottom = t.box(width)
            for s in shapes:  # a gridline through a label: the label needs its halo
                if isinstance(s, Line) and s.cls == "rule" and top < s.y0 < bottom:
                    assert "halo" in t.cls, t.text
            if "soft" in t.cls and t.x == 0:  # a count's label over a bar keeps its halo
                over = [b for b in bars if b.x0 * width < right and b.y < bottom < b.y + b.h + 20]
                assert not over or "halo" in t.cls, t.text
