"""Weather words to °F: the seed's phrases, the rules, and properties that always hold."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from turnout.temperature import parse_temperature, parse_temperatures

NAN = float("nan")


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize(
    ("text", "low", "high", "label"),
    [
        # the seed article's own words
        ("9° F and violent winds", 9, 9, "reading"),
        ("freezing temperatures", NAN, 32, "at most"),
        ("cold weather for the Houston area", NAN, NAN, "relative"),
        ("freezing or below average temperatures", NAN, 32, "at most"),
        ("intensely cold temperatures, rarely experienced in Atlanta", NAN, NAN, "relative"),
        # readings, units and conversions
        ("28 degrees", 28, 28, "reading"),
        ("a frigid 12F morning", 12, 12, "reading"),
        ("-5°C", 23, 23, "reading"),
        ("−3 °C", 26.6, 26.6, "reading"),
        ("it was 40F, windy", 40, 40, "reading"),
        ("10 degrees Celsius", 50, 50, "reading"),
        # ranges
        ("20 to 25 degrees", 20, 25, "range"),
        ("in the low 30s", 30, 33, "range"),
        ("upper teens", 17, 19, "range"),
        # one-sided words
        ("below zero", NAN, 0, "at most"),
        ("subzero wind", NAN, 0, "at most"),
        ("above freezing", 32, NAN, "at least"),
        # feels-like numbers are not the air temperature
        ("wind chill of -20 degrees", NAN, NAN, "relative"),
        ("12 degrees with a wind chill of -5", 12, 12, "reading"),
        ("heat index values of 105 degrees", NAN, NAN, "relative"),
        # relative and empty
        ("below average", NAN, NAN, "relative"),
        ("sunny", NAN, NAN, "none"),
        ("Route 9 F train", NAN, NAN, "none"),
        ("", NAN, NAN, "none"),
        (None, NAN, NAN, "none"),
        (float("nan"), NAN, NAN, "none"),
    ],
)
def test_rules(text, low, high, label):
    got = parse_temperature(text)
    assert same(got.low_f, low) and same(got.high_f, high), got
    assert got.label == label


def test_vectorised_keeps_index_and_matches_scalar():
    texts = pd.Series(["9° F", None, "freezing", "9° F"], index=[10, 11, 12, 13])
    table = parse_temperatures(texts)
    assert list(table.index) == [10, 11, 12, 13]
    assert list(table.columns) == ["temp_f_low", "temp_f_high", "temp_label"]
    assert table.dtypes["temp_f_low"] == "float64"
    for i, text in texts.items():
        want = parse_temperature(text)
        row = table.loc[i]
        assert same(row.temp_f_low, want.low_f) and same(row.temp_f_high, want.high_f)
        assert row.temp_label == want.label


@given(st.one_of(st.none(), st.text(), st.floats(), st.integers()))
def test_never_raises_and_low_le_high(text):
    got = parse_temperature(text)
    assert got.label in {"reading", "range", "at most", "at least", "relative", "none"}
    if not (math.isnan(got.low_f) or math.isnan(got.high_f)):
        assert got.low_f <= got.high_f


@given(st.from_regex(r"[-−]?\d{1,3}(\.\d)? ?(°|degrees) ?[FC]?", fullmatch=True))
def test_any_written_reading_is_read(text):
    got = parse_temperature(text)
    assert got.label == "reading"
    assert got.low_f == got.high_f


def test_vectorised_accepts_a_plain_list():
    table = parse_temperatures(["9° F", "freezing"])
    assert table["temp_f_high"].tolist() == [9.0, 32.0]
    assert list(table.index) == [0, 1]
