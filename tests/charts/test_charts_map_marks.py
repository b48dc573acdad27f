"""The map's numbers (turnout.charts.map_marks), for any crowd size: the smallest circle's
number said in two significant figures, circles scaled by area, and a key of round numbers
no larger than the largest crowd."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from turnout.charts.map_marks import (
    MAX_DIAMETER,
    MIN_DIAMETER,
    circle_scale,
    legend_values,
    round_up,
)

SIZES = st.floats(min_value=1.5, max_value=1e8, allow_nan=False)


def _significant(value: float) -> int:
    digits = f"{int(value)}".rstrip("0")
    return len(digits)


@given(SIZES)
def test_round_up_is_at_least_the_value_and_said_in_two_figures(value):
    up = round_up(value)
    assert value <= up < value * 1.1 + 1
    assert up == int(up) and _significant(up) <= 2


@given(st.floats(min_value=-10, max_value=1))
def test_round_up_of_a_crowd_of_one_or_less_is_one(value):
    assert round_up(value) == 1.0


@given(SIZES)
def test_the_largest_crowd_gets_the_largest_circle_and_the_smallest_is_said(vmax):
    k, smallest = circle_scale(vmax)
    assert math.isclose(k * vmax, MAX_DIAMETER**2)
    assert smallest == round_up(MIN_DIAMETER**2 / k) and smallest * k >= MIN_DIAMETER**2 * 0.999


@given(SIZES, st.floats(min_value=0, max_value=1e6))
def test_the_key_is_round_numbers_a_decade_apart_up_to_the_largest_crowd(vmax, smallest):
    values = legend_values(vmax, smallest=smallest)
    assert len(values) <= 3 and values == sorted(values)
    assert all(v == int(v) and v >= max(smallest, 1) and v <= vmax for v in values)
    assert all(b == a * 10 for a, b in zip(values, values[1:], strict=False))
    if values:
        assert values[-1] > vmax / 2  # the key's top circle is near the largest crowd


def test_no_crowd_no_key():
    assert legend_values(0) == [] and legend_values(float("nan")) == []
