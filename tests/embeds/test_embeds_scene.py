"""An embed's drawing model (turnout.embeds.scene): positions across the width as SVG
percentages, sizes in pixels, numbers written short and never as "-0", text escaped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turnout.embeds.scene import Layout, Rect, Text, pct, px, to_svg


@pytest.mark.parametrize(
    ("frac", "want"),
    [(0.375, "37.5%"), (1, "100%"), (0, "0%"), (-0.00001, "0%"), (0.123456, "12.35%")],
)
def test_pct(frac, want):
    assert pct(frac) == want


@pytest.mark.parametrize(("value", "want"), [(20, "20"), (12.34, "12.3"), (-0.01, "0"), (3.0, "3")])
def test_px(value, want):
    assert px(value) == want


@given(st.floats(min_value=-2, max_value=2, allow_nan=False))
def test_pct_reads_back_within_rounding(frac):
    text = pct(frac)
    assert re.fullmatch(r"-?\d+(\.\d{1,2})?%", text) and not text.startswith("-0%")
    assert abs(float(text[:-1]) / 100 - frac) <= 0.00005 + 1e-12


def test_a_box_never_has_a_negative_width():
    assert 'width="0%"' in Rect(0.6, 0.4, 10, 5).svg()


def test_text_is_escaped_in_the_svg():
    svg = to_svg(Layout(300, 40, [Text(0.1, 0, 20, "<b>Tom & Jerry</b>", 13)]), 0)
    assert "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;" in svg and "<b>" not in svg
