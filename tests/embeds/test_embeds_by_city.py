"""The phone bar chart (issue 24): the longest bar spans most of the width, every bar shows,
a number too long beside its bar goes under the city's name, and tapping a number opens its
bar's tooltip (the number is part of the bar's mark)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import turnout
from turnout.charts import chart_info, turnout_by_city
from turnout.embeds import base
from turnout.embeds.base import QuoteBudget
from turnout.embeds.by_city import draw
from turnout.embeds.measure import text_width
from turnout.embeds.scene import Rect, Text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ccc_copydesk.csv"


@pytest.fixture(scope="module")
def pride_month():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ccc = turnout.load_events(FIXTURE, format="ccc")
    return turnout.select_events(ccc, start="2018-06-01", end="2018-06-30")


def _phone(events, **kw):
    info = chart_info(turnout_by_city(events, **kw))
    return draw(info.data, info, QuoteBudget()).layouts[0], info


@pytest.mark.parametrize("which", ["pride", "seed"])
def test_the_longest_phone_bar_spans_most_of_the_width(pride_month, seed_events, which):
    layout, _ = _phone(pride_month if which == "pride" else seed_events)
    assert layout.min_width == base.NARROW
    bars = [s for m in layout.marks() for s in m.shapes if isinstance(s, Rect)]
    assert max(b.x1 for b in bars) >= 0.9  # was 0.38 of 375 px for the Pride march
    width = layout.min_width
    for m in layout.marks():
        solid = [s for s in m.shapes if isinstance(s, Rect) and s.cls.startswith("one")]
        assert sum(s.x1 - s.x0 for s in solid) * width >= 2 - 1e-9  # no hairline
    for t in layout.texts():  # nothing runs off the phone
        left, _, right, _ = t.box(width)
        assert left >= -0.5 and right <= width + 0.5, t.text


def test_a_number_too_long_beside_its_bar_goes_under_the_name(pride_month):
    layout, info = _phone(pride_month)
    first = layout.marks()[0]
    label = info.data["label"].iloc[0]
    assert label == "1.05 million-2 million people"
    (value,) = [s for s in first.shapes if isinstance(s, Text)]
    name = next(t for t in layout.texts() if t.text == "New York")
    bar = next(s for s in first.shapes if isinstance(s, Rect) and s.cls == "one")
    assert value.text == label and value.x == 0
    assert name.y < value.y < bar.y  # under the name, above the bar
    assert text_width(label, value.size, bold=True) <= layout.min_width


def test_every_number_is_part_of_its_bars_mark(seed_events):
    layout, info = _phone(seed_events)
    for mark, label in zip(layout.marks(), info.data["label"], strict=True):
        assert [s.text for s in mark.shapes if isinstance(s, Text)] == [label]
        assert 'aria-label="' in mark.svg() and label in mark.svg()
