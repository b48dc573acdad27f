"""Tests for turnout.sizes: the CCC crowd-size parser and the size_mean / size_cat rules.

Phrases come from the seed article (anti-ice-solidarity-spreads.txt) and from the CCC
2017-2020 sample (Crowd Counting Consortium); expected values follow the CCC Phase-3
coding guidelines. The tests need no file outside tests/.
"""

from __future__ import annotations

import decimal
import doctest
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import examples
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from turnout import sizes
from turnout.sizes import (
    SizeEstimate,
    is_imagery_count,
    parse_size,
    parse_sizes,
    size_cat,
    size_mean,
    size_qualifier,
    size_typo_note,
)

NAN = float("nan")
FIXTURE = Path(__file__).parent / "fixtures" / "sizes_ccc_phrases.csv"


def same(got: SizeEstimate, low: float, high: float) -> bool:
    """Equal, with NaN equal to NaN."""
    return all(
        (math.isnan(g) and math.isnan(e)) or g == e for g, e in zip(got, (low, high), strict=True)
    )


def check(text: object, low: float, high: float) -> None:
    got = parse_size(text)
    assert isinstance(got, SizeEstimate)
    assert same(got, low, high), f"{text!r}: got {tuple(got)}, expected {(low, high)}"


# ------------------------------------------------------------------ rules, real phrases

SEED = [  # anti-ice-solidarity-spreads.txt
    ("Around 50,000", 50000, 50000),
    ("6,000 to 9,000", 6000, 9000),
    ("over 3,000", 3000, 3000),
    ("Some 4,000-5,000 high school students and many more", 4000, 5000),
    ("hundreds", 200, 200),
    ("dozens and dozens", 24, 24),
    ("tens of thousands", 20000, 20000),
    ("Thousands", 2000, 2000),
    ("an estimated 500", 500, 500),
    ("a crowd of 500", 500, 500),
    ("around 100", 100, 100),
    ("Over 1,000", 1000, 1000),
    ("dozens", 24, 24),
]

SINGLE = [
    ("37", 37, 37),
    ("two", 2, 2),
    ("50.0", 50, 50),
    ("1,000", 1000, 1000),
    ("1000 people", 1000, 1000),
    ("fifteen", 15, 15),
    ("sixty", 60, 60),
    ("seventy-five", 75, 75),
    ("eleven", 11, 11),
    ("0", 0, 0),
    ("FB: 34", 34, 34),
    ("FB:24", 24, 24),
    ("Facebook: 61 went", 61, 61),
    ("fb 75", 75, 75),
]

QUALIFIERS = [
    ("over 3,000", 3000, 3000),
    ("more than 100", 100, 100),
    ("about 50", 50, 50),
    ("around 200", 200, 200),
    ("nearly 100", 100, 100),
    ("at least 100", 100, 100),
    ("up to 50", 50, 50),
    ("roughly 30", 30, 30),
    ("approximately 50", 50, 50),
    ("some 200", 200, 200),
    ("an estimated 300", 300, 300),
    ("estimated 250", 250, 250),
    ("crowd of 450", 450, 450),
    ("close to 200", 200, 200),
    ("as many as 500", 500, 500),
    ("upwards of 500", 500, 500),
    ("fewer than 20", 20, 20),
    ("less than a dozen", 12, 12),
    ("20 or so", 20, 20),
    ("100+", 100, 100),
    ("150-plus people", 150, 150),
    ("well over 100", 100, 100),
    ("~100", 100, 100),
    ("Approx. 100", 100, 100),
    ("just under 100", 100, 100),
    ("A few more than 100 people", 100, 100),
    ("600 or more", 600, 600),
]

RANGES = [
    ("6,000 to 9,000", 6000, 9000),
    ("30-40", 30, 40),
    ("30 to 40", 30, 40),
    ("between 30 and 40", 30, 40),
    ("30\u201340", 30, 40),  # en dash
    ("4,000-5,000", 4000, 5000),
    ("Some 4,000-5,000 high school students and many more", 4000, 5000),
    ("50 or 60", 50, 60),
    ("between 40 to 50", 40, 50),
    ("about 40 to 50", 40, 50),
    ("estimated 150 to 200", 150, 200),
    ("from 6,000 to 10,000 in attendance", 6000, 10000),
    ("40-30", 30, 40),  # reversed: low <= high
    ("three to four dozen", 36, 48),
    ("Between four and five dozen", 48, 60),
    ("two or three hundred", 200, 300),
    ("thousands; approximately 50-60,000", 2000, 60000),
    ("seventy-five to 100 demonstrators", 75, 100),
    ("between fifty to one hundred", 50, 100),
    ("a dozen or two", 12, 24),
    ("count pic: 12-20", 12, 20),
    ("15-Oct", 10, 15),  # a spreadsheet turned the range 10-15 into a date
]

NUMBER_WORDS = [
    ("a hundred", 100, 100),
    ("more than a hundred", 100, 100),
    ("two dozen", 24, 24),
    ("a dozen", 12, 12),
    ("about a dozen", 12, 12),
    ("three dozen", 36, 36),
    ("about 2 dozen", 24, 24),
    ("a couple hundred", 200, 200),
    ("a couple dozen", 24, 24),
    ("a couple of hundred", 200, 200),
    ("a couple", 2, 2),
    ("a thousand", 1000, 1000),
    ("close to a thousand", 1000, 1000),
    ("1.5 million", 1_500_000, 1_500_000),
    ("half a dozen", 6, 6),
    ("a half-dozen", 6, 6),
    ("about a half dozen", 6, 6),
    ("About a dozen and a half", 18, 18),
    ("one hundred", 100, 100),
    ("two hundred fifty", 250, 250),
    ("a hundred and fifty", 150, 150),
    ("fifteen hundred", 1500, 1500),
    ("12 thousand plus", 12000, 12000),
    ("about 20 thousand", 20000, 20000),
    ("FB: 2.6k", 2600, 2600),
    ("a score of", 20, 20),
    ("a lone counterprotestor", 1, 1),
    ("one man", 1, 1),
    ("a duo", 2, 2),
]

FUZZY = [
    ("dozens", 24, 24),
    ("Dozens", 24, 24),
    ("hundreds", 200, 200),
    ("hundreds of protesters", 200, 200),
    ("thousands", 2000, 2000),
    ("tens of thousands", 20000, 20000),
    ("hundreds of thousands", 200000, 200000),
    ("dozens and dozens", 24, 24),
    ("dozens upon dozens", 24, 24),
    ("scores", 40, 40),  # a score is 20; lowest multiple 40, as dozens is 24
    ("Photo: scores", 40, 40),
    ("Photo: dozens", 24, 24),
    ("100s", 200, 200),
    ("1000s of people", 2000, 2000),
    ("hudreds of people", 200, 200),  # typo in a number word
    ("millions", 2_000_000, 2_000_000),
]

VAGUE = [
    ("several hundred", 300, 300),
    ("Several hundred", 300, 300),
    ("several hundreds", 300, 300),
    ("a few hundred", 300, 300),
    ("several dozen", 36, 36),
    ("a few dozen", 36, 36),
    ("few dozen", 36, 36),
    ("several thousand", 3000, 3000),
    ("a few thousand", 3000, 3000),
    ("several", 3, 3),
    ("a few", 3, 3),
    ("several people", 3, 3),
    ("handful", 5, 5),
    ("a handful", 5, 5),
    ("less than a handful", 5, 5),
    ("sveral dozen", 36, 36),  # typo
    ("handfull", 5, 5),  # typo
]

SEMICOLONS = [
    ("dozens; about 60", 24, 60),
    ("hundreds; thousands", 200, 2000),
    ("dozens; FB: 212", 24, 212),
    ("several dozen; more than 100", 36, 100),
    ("FB: 9; About 50 activists", 9, 50),
    ("hundreds; several hundred", 200, 300),
    ("na; dozens", 24, 24),
    ("hundreds; na", 200, 200),
    ("tens of thousands; several thousand", 3000, 20000),
    ("hundreds, maybe more than a thousand", 200, 1000),
    ("dozens, if not hundreds", 24, 200),
    ("about 100: FB: 116", 100, 116),
]

NO_NUMBER = [
    "count pic",
    "Count Pic",
    "count video",
    "count vid",
    "count picture",
    "photo count",
    "From photo",
    "eyewitness",
    "eyewitness estimate",
    "count: FB",
    "FB:",
    "na",
    "NA",
    "n/a",
    "N/A",
    "unknown",
    "a small group",
    "a large crowd",
    "small crowd",
    "many",
    "some",
    "arrested",
    "(see above)",
    "estimate from stadium capacity",
    "",
    "   ",
    "approximately double the white nationalists",
]

NOT_HEAD_COUNTS = [
    ("An estimated 100 high schools and colleges", NAN, NAN),
    ("in 2019", NAN, NAN),
    ("Jan. 30, 2026", NAN, NAN),
    ("on Jan. 30, an estimated 500 people gathered", 500, 500),
    ("From 5-7 p.m.", NAN, NAN),
    ("a 24-hour vigil with 40 people", 40, 40),
    ("walked 2 to 3 miles with 40 people", 40, 40),
    ("more than 25 tents", NAN, NAN),
    ("About 100 people divided up into three camps", 100, 100),
    ("split into two teams of 10 or fewer", 10, 10),
    ("two ant-abortion groups", NAN, NAN),
    ("about 10 times as many counterprotestors [10 x 30]; around 1000", 1000, 1000),
    ("AFGE Local 3911", NAN, NAN),
    ("UAW Region 9A", NAN, NAN),
    ("the 1960s", NAN, NAN),
    ("the 5th", NAN, NAN),
    ("covid-19 protest of 30", 30, 30),
    ("one of the teams", NAN, NAN),
    ("$100", NAN, NAN),
    ("90%", NAN, NAN),
    ("in 9\u00b0 F weather, 1,000 workers", 1000, 1000),
    ("More than half of the school's 123 students", NAN, NAN),  # 123 is the whole
    ("10000 or so; about half of arena that holds 19000; just under 6200", 6200, 10000),
    ("a billion", NAN, NAN),
    ("1e9", NAN, NAN),
    ("I95", NAN, NAN),
]

OUTCOME_COUNTS = [  # people arrested, detained, cited or hurt are not the crowd
    ("300 people; 5 arrested", 300, 300),
    ("150 people, 12 arrested", 150, 150),
    ("5 arrested; 300 people", 300, 300),
    ("about 200 marched and 12 were arrested", 200, 200),
    ("300 people and 5 arrested", 300, 300),  # a part of the crowd, not more people
    ("about 200; police arrested 12", 200, 200),
    ("Arrests: 4; about 60", 60, 60),
    ("hundreds; 17 protesters were later arrested", 200, 200),
    ("dozens; 4 taken into custody", 24, 24),
    ("about 80; 3 detained by ICE", 80, 80),
    ("more than 100, 2 cited for blocking traffic", 100, 100),
    ("about 100; 3 injured", 100, 100),
    ("1,000 marchers, 2 killed", 1000, 1000),
    ("thousands; two dead", 2000, 2000),
    ("several hundred; 6 people hurt", 300, 300),
    ("about 250; 3 people taken to the hospital", 250, 250),
    ("about 250; 1 hospitalized", 250, 250),
    ("about 300; 5 more arrested", 300, 300),
    ("about 400; 10-15 arrested", 400, 400),
    ("dozens; arrested 9", 24, 24),
    # the coder's own sum counts the arrested ("48 arrested" inside, 350 outside)
    ("more than 350 outside + 48 arrested", 398, 398),
    # arrests alone: the only size the text gives (CCC's arrests are of participants)
    ("26 arrested", 26, 26),
    ("5 arrested; 2 injured", 5, 5),
    ("2 injured", NAN, NAN),  # injuries alone may be of police or bystanders
    ("arrested", NAN, NAN),
    # the words must belong to the number
    ("40 played dead", 40, 40),
    ("about 50 marched for the dead", 50, 50),
]

LABELS = [  # identifiers and labels before or after a number are not counts
    ("Day 2: about 400", 400, 400),
    ("day 3 of 7: about 40", 40, 40),
    ("Week 3 of the strike; about 150", 150, 150),
    ("No. 5 picket, about 40", 40, 40),
    ("#5; 30", 30, 30),
    ("SEIU Local 1199 members, about 300", 300, 300),
    ("Route 9 overpass; about 50", 50, 50),
    ("District 4 office: 60", 60, 60),
    ("Chapter 2; 40", 40, 40),
    ("Phase 3: 200", 200, 200),
    ("UAW Region 9A: 100", 100, 100),
    ("round 2: dozens", 24, 24),
    ("H1N1 protest, 30", 30, 30),
    # a plain noun, not a label: the number is a count
    ("every day 50", 50, 50),
    ("the first day 300; the second day 500", 300, 500),
    ("Saturday night 200", 200, 200),
    ("about200", 200, 200),  # a missing space after a qualifier
]

MARKUP = [  # numbers in markup or in parentheses glued to a word are not counts
    ("<script>alert(1)</script> about 200", 200, 200),
    ("<b>about 200</b>", 200, 200),
    ('<td width="50">hundreds</td>', 200, 200),
    ("alert(1); about 200", 200, 200),
    ("dozens f(2, 3)", 24, 24),
    ("20 (picture)", 20, 20),  # a count, then a note in parentheses
    ("a handful; (2 from photo)", 2, 5),
    ("<50", 50, 50),  # a comparison, not a tag
    ("< 100 people", 100, 100),
]

EXPECTED_TURNOUT = [
    ("hundreds expected", NAN, NAN),
    ("75 to 100 expected", NAN, NAN),
    ("At least 300 people were expected", NAN, NAN),
    ("hope more than 1,000", NAN, NAN),
    ("Thousands; expected 200000", 2000, 2000),
    ("Facebook: more than 300 interested", NAN, NAN),
    ("47 went 212 interested", 47, 47),
]

SUMS = [
    ("seven men and one woman", 8, 8),
    ("more than 50 adults and about 20 children", 70, 70),
    ("twenty students and three teachers", 23, 23),
    ("about 200 people and hundreds of cars", 400, 400),
    ("50 boats and several hundred protestors", 350, 350),
    ("about 30 + at least 10", 40, 40),
    ("60 + another dozen or so", 72, 72),
    ("about 150; another 100", 250, 250),
    ("11500 people with another 2000 unable to get in", 13500, 13500),
    ("about 10 members, along with a group of 20 students", 30, 30),
    (
        "more than 50 vehicles, two dozen pedestrians, a half dozen cyclists and one woman "
        "in a motorized wheelchair",
        81,
        81,
    ),
    ("about 60; 30 more", 90, 90),
    # alternatives, not sums
    ("50 and 100 people", 50, 100),
    ("more than 2 dozen and about 45", 24, 45),
    ("hundreds, about 1,000", 200, 1000),
    ("more than 100 students and parents", 100, 100),
]


@pytest.mark.parametrize(("text", "low", "high"), SEED)
def test_seed_article_phrases(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), SINGLE)
def test_single_number_is_low_and_high(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), QUALIFIERS)
def test_qualifiers_keep_the_number(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_ranges(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), NUMBER_WORDS)
def test_number_words(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), FUZZY)
def test_fuzzy_plurals_take_the_lowest_multiple(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), VAGUE)
def test_several_and_a_few_are_three_handful_five(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), SEMICOLONS)
def test_several_estimates_give_min_and_max(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize("text", NO_NUMBER)
def test_no_number_gives_nan(text: str) -> None:
    check(text, NAN, NAN)


@pytest.mark.parametrize(("text", "low", "high"), NOT_HEAD_COUNTS)
def test_numbers_that_are_not_head_counts(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), OUTCOME_COUNTS)
def test_outcome_counts_are_not_crowd_sizes(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), LABELS)
def test_labels_are_not_counts(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), MARKUP)
def test_markup_and_glued_parentheses_are_not_counts(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), EXPECTED_TURNOUT)
def test_expected_turnout_is_not_recorded(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(("text", "low", "high"), SUMS)
def test_counted_groups_add_up(text: str, low: float, high: float) -> None:
    check(text, low, high)


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [
        (None, NAN, NAN),
        (NAN, NAN, NAN),
        (np.nan, NAN, NAN),
        (pd.NA, NAN, NAN),
        (pd.NaT, NAN, NAN),
        (37, 37, 37),
        (50.0, 50, 50),
        (np.int64(12), 12, 12),
        (np.float32(7.0), 7, 7),
        (-5, NAN, NAN),
        (float("inf"), NAN, NAN),
        (10**400, NAN, NAN),
        (True, NAN, NAN),
        (decimal.Decimal("5"), NAN, NAN),
        (b"dozens", 24, 24),
        (["dozens"], NAN, NAN),
        ({"a": 1}, NAN, NAN),
        (object(), NAN, NAN),
    ],
)
def test_any_input(value: object, low: float, high: float) -> None:
    check(value, low, high)


def _fixture() -> pd.DataFrame:
    return pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)


def test_ccc_fixture_phrases() -> None:
    """Real CCC size_text values (frequent ones and hard ones) with guideline values."""
    fx = _fixture()
    assert len(fx) > 150
    wrong = []
    for row in fx.itertuples(index=False):
        low = float(row.low) if row.low else NAN
        high = float(row.high) if row.high else NAN
        got = parse_size(row.size_text)
        if not same(got, low, high):
            wrong.append((row.size_text, tuple(got), (low, high), row.rule))
    assert wrong == []


def test_docstring_examples() -> None:
    result = doctest.testmod(sizes, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5
    assert result.failed == 0


# ------------------------------------------------------------------ parse_sizes


def test_parse_sizes_values_index_and_dtypes() -> None:
    texts = pd.Series(
        ["dozens", "30-40", None, "dozens", "count pic", NAN, "FB: 34"],
        index=[10, 3, "x", 7, 8, 9, 11],
    )
    out = parse_sizes(texts)
    assert list(out.columns) == ["size_low", "size_high"]
    assert out.index.equals(texts.index)
    assert (out.dtypes == "float64").all()
    assert out["size_low"].tolist()[:2] == [24.0, 30.0]
    assert out["size_high"].tolist()[:2] == [24.0, 40.0]
    assert out.loc[7].tolist() == [24.0, 24.0]
    assert out.loc[11].tolist() == [34.0, 34.0]
    assert out.loc[["x", 8, 9]].isna().all().all()


def test_parse_sizes_ccc_style_strings_and_empty() -> None:
    # CCC files read with dtype=str and keep_default_na=False: missing is "", "NA", "na".
    texts = pd.Series(["", "NA", "na", "hundreds", "hundreds"], dtype="str")
    out = parse_sizes(texts)
    assert out["size_low"].isna().tolist() == [True, True, True, False, False]
    assert out["size_high"].tolist()[3:] == [200.0, 200.0]
    empty = parse_sizes(pd.Series([], dtype="str"))
    assert empty.shape == (0, 2) and (empty.dtypes == "float64").all()


def test_parse_sizes_keeps_types_apart() -> None:
    # 1, 1.0, True and Decimal(1) hash alike, but only the numbers are crowd sizes.
    cells = [1, 1.0, True, decimal.Decimal(1), "1", 1, True]
    out = parse_sizes(pd.Series(cells, dtype=object))
    assert out["size_low"].fillna(-1).tolist() == [1.0, 1.0, -1, -1, 1.0, 1.0, -1]


def test_parse_sizes_unhashable_cells() -> None:
    out = parse_sizes(pd.Series([["dozens"], "dozens", {"a": 1}], index=[5, 6, 7]))
    assert out.index.tolist() == [5, 6, 7]
    assert out["size_low"].fillna(-1).tolist() == [-1, 24.0, -1]


def test_parse_sizes_parses_each_distinct_value_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = sizes.parse_size

    def counting(text: object) -> SizeEstimate:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(sizes, "parse_size", counting)
    texts = pd.Series(["dozens", "hundreds", None] * 1000)
    out = sizes.parse_sizes(texts)
    assert sorted(map(str, calls)) == ["dozens", "hundreds"]
    assert out["size_low"].fillna(-1).tolist() == [24.0, 200.0, -1] * 1000


# ------------------------------------------------------------------ size_mean, size_cat


def test_size_mean_rules() -> None:
    low = pd.Series([25.0, 10.0, 15.0, 5.0, NAN, NAN, 200.0, 85.0], index=list("abcdefgh"))
    high = pd.Series([50.0, 15.0, 20.0, NAN, 7.0, NAN, 200.0, 100.0], index=list("abcdefgh"))
    mean = size_mean(low, high)
    # 37.5 -> 38, 12.5 -> 12, 17.5 -> 18, 92.5 -> 92: half to even, like CCC's compiler
    assert mean.tolist()[:4] == [38.0, 12.0, 18.0, 5.0]
    assert mean["e"] == 7.0
    assert math.isnan(mean["f"])
    assert mean["g"] == 200.0 and mean["h"] == 92.0
    assert mean.index.equals(low.index)


def test_size_cat_rules() -> None:
    mean = pd.Series([NAN, 0.0, 1.0, 99.0, 100.0, 999.0, 1000.0, 9999.0, 10000.0, 2e6])
    cat = size_cat(mean)
    assert cat.dtype == "int64"
    assert cat.tolist() == [0, 1, 1, 1, 2, 2, 3, 3, 4, 4]


def test_mean_and_cat_from_parsed_text() -> None:
    parsed = parse_sizes(pd.Series(["25-50", "dozens", "count pic", "tens of thousands"]))
    mean = size_mean(parsed["size_low"], parsed["size_high"])
    assert mean.tolist()[:2] == [38.0, 24.0]
    assert size_cat(mean).tolist() == [1, 1, 0, 4]


# ------------------------------------------------------------------ is_imagery_count


def test_is_imagery_count_values() -> None:
    texts = pd.Series(
        [
            "count pic", "Count Pic", "count video", "count vid", "count: FB", "eyewitness",
            "photo count", "FB:", "Picture: large group", "a group; video count",
            "Photo: dozens", "20 (picture)", "count pic: 12-20", "several; count pic",
            "FB: 34", "dozens", "small counter-rally", "", None, NAN,
        ],
        index=range(100, 120),
    )  # fmt: skip
    flags = is_imagery_count(texts)
    assert flags.dtype == bool
    assert flags.index.equals(texts.index)
    assert flags.tolist() == [True] * 10 + [False] * 10


MARKERS = ["count pic", "count video", "photo", "eyewitness", "count: FB", "Count Vid"]
NEUTRAL = ["a group", ";", "a large crowd", "Jan. 5", "(partial)"]
NUMBERS = ["dozens", "20 (picture)", "several", "hudreds", "about 30", "a handful"]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(MARKERS + NEUTRAL + NUMBERS), min_size=1, max_size=4))
def test_imagery_flag_and_nan(items: list[str]) -> None:
    text = " ".join(items)
    flagged = bool(is_imagery_count(pd.Series([text])).iloc[0])
    expected = any(i in MARKERS for i in items) and not any(i in NUMBERS for i in items)
    assert flagged == expected, text
    if flagged:  # the coded numbers of these rows cannot come from the text
        check(text, NAN, NAN)
    else:
        assert any(i in NUMBERS for i in items) or math.isnan(parse_size(text).low)


# ------------------------------------------------------------------ properties


def _valid(est: SizeEstimate) -> bool:
    low, high = est
    if math.isnan(low) or math.isnan(high):
        return math.isnan(low) and math.isnan(high)
    return 0 <= low <= high and low == int(low) and high == int(high)


_FUZZ = settings(
    max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

NUMBERISH = (
    r"(about |more than |nearly |some |an estimated |over |~|between )?"
    r"([1-9][0-9]{0,2}(,[0-9]{3})?|[1-9][0-9]{0,2} (dozen|hundred|thousand|million)s?"
    r"|(a few|several|two|a couple|half a|a)( (dozen|hundred|thousand|million)s?)?"
    r"|dozens|hundreds|thousands|tens of thousands)( people| protesters)?"
    r"(( to | or |-| and )[1-9][0-9]{0,3})?(; (FB: )?[0-9]{1,3})?"
)


@_FUZZ
@given(st.text())
def test_parse_size_any_text_is_valid(text: str) -> None:
    assert _valid(parse_size(text))


@_FUZZ
@given(st.from_regex(NUMBERISH, fullmatch=True))
def test_numberish_phrases_give_a_number(text: str) -> None:
    est = parse_size(text)
    assert _valid(est)
    if any(c.isdigit() for c in text) or any(
        w in text for w in ("dozen", "hundred", "thousand", "million", "few", "several", "two")
    ):
        assert not math.isnan(est.low), text


@_FUZZ
@given(
    st.integers(0, 10**8),
    st.booleans(),
    st.sampled_from(["", "about ", "more than ", "nearly ", "at least ", "some ", "over "]),
    st.sampled_from(["", " people", " protesters", "+", " or so"]),
)
def test_a_number_with_qualifiers_is_itself(n: int, commas: bool, pre: str, post: str) -> None:
    check(f"{pre}{n:,}{post}" if commas else f"{pre}{n}{post}", n, n)


@_FUZZ
@given(
    st.integers(1, 10**6),
    st.integers(1, 10**6),
    st.sampled_from(["{a}-{b}", "{a} to {b}", "between {a} and {b}", "{a} or {b}"]),
)
def test_ranges_give_both_ends(a: int, b: int, pattern: str) -> None:
    assume(a != b)
    check(pattern.format(a=a, b=b), min(a, b), max(a, b))


@_FUZZ
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=6))
def test_semicolon_estimates_give_min_and_max(values: list[int]) -> None:
    check("; ".join(f"about {v:,}" for v in values), min(values), max(values))


HEADS = [row[0] for row in SEED + QUALIFIERS + FUZZY + VAGUE] + ["37", "1000 people"]
OUTCOMES = [
    "{n} arrested", "{n} arrests", "{n} people were arrested", "{n} protesters detained",
    "{n} cited", "{n} injured", "{n} hurt", "{n} killed", "{n} dead", "{n} hospitalized",
    "{n} taken into custody", "arrests: {n}", "police arrested {n}",
]  # fmt: skip


@_FUZZ
@given(
    st.sampled_from(HEADS),
    st.sampled_from(OUTCOMES),
    st.integers(1, 500),
    st.sampled_from(["; ", ", ", " and ", "; about 20 more; "]),
    st.booleans(),
)
def test_outcome_counts_never_change_the_size(
    head: str, outcome: str, n: int, sep: str, first: bool
) -> None:
    alone = parse_size(head)
    extra = "; about 20 more" in sep
    if extra:  # "hundreds; about 20 more; 5 arrested": the outcome follows the added group
        head, sep = head + "; about 20 more", "; "
        alone = parse_size(head)
    text = f"{outcome.format(n=n)}{sep}{head}" if first and not extra else head + sep
    if not first or extra:
        text += outcome.format(n=n)
    assert same(parse_size(text), *alone), text


@_FUZZ
@given(
    st.sampled_from(HEADS),
    st.sampled_from(sorted(sizes._ID_WORDS)),
    st.integers(0, 9999),
    st.sampled_from([": ", "; ", ", ", " - "]),
)
def test_labelled_numbers_never_change_the_size(head: str, label: str, n: int, sep: str) -> None:
    check(f"{label.title()} {n}{sep}{head}", *parse_size(head))


@_FUZZ
@given(
    st.sampled_from(HEADS),
    st.sampled_from(["b", "td", "span", "script", "p"]),
    st.sampled_from(["", ' width="50"', " id=x2", " data-n='300'"]),
    st.sampled_from(["", "alert(1)", "f(20, 30)", "x9()"]),
)
def test_markup_never_changes_the_size(head: str, tag: str, attrs: str, code: str) -> None:
    check(f"<{tag}{attrs}>{code}</{tag}> {head} <br/>", *parse_size(head))


cells = st.one_of(
    st.text(max_size=30),
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10, 10**7),
    st.booleans(),
    st.sampled_from([row[0] for row in SEED + RANGES + SEMICOLONS] + NO_NUMBER),
)


@_FUZZ
@given(st.lists(cells, max_size=30), st.randoms())
def test_parse_sizes_equals_parse_size_row_by_row(values: list[object], rnd: object) -> None:
    index = list(range(len(values)))
    rnd.shuffle(index)  # type: ignore[attr-defined]
    texts = pd.Series(values, index=[f"r{i}" for i in index], dtype=object)
    out = parse_sizes(texts)
    assert out.index.equals(texts.index)
    assert len(out) == len(texts)
    for value, low, high in zip(values, out["size_low"], out["size_high"], strict=True):
        exp = parse_size(value)
        assert same(SizeEstimate(low, high), exp.low, exp.high)
        assert _valid(exp)


finite_or_nan = st.one_of(st.none(), st.floats(0, 1e7, allow_nan=False))


@_FUZZ
@given(st.lists(st.tuples(finite_or_nan, finite_or_nan), max_size=30))
def test_size_mean_and_size_cat_properties(pairs: list[tuple[float | None, float | None]]) -> None:
    low = pd.Series([p[0] for p in pairs], dtype="float64")
    high = pd.Series([p[1] for p in pairs], dtype="float64")
    mean = size_mean(low, high)
    cat = size_cat(mean)
    assert len(mean) == len(pairs) and cat.dtype == "int64"
    for (lo, hi), m, c in zip(pairs, mean, cat, strict=True):
        if lo is not None and hi is not None:
            assert m == round((lo + hi) / 2)  # Python's round() is half to even too
        elif lo is not None:
            assert m == lo
        elif hi is not None:
            assert m == hi
        else:
            assert math.isnan(m)
        expected_cat = (
            0 if math.isnan(m) else 1 if m < 100 else 2 if m < 1000 else 3 if m < 10000 else 4
        )
        assert c == expected_cat


# ------------------------------------------------------------------ size_qualifier


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Around 50,000", "about"),
        ("an estimated 500", "about"),
        ("6,000 to 9,000", "range"),
        ("Some 4,000-5,000 high school students and many more", "range"),
        ("Over 1,000", "at least"),
        ("Thousands", "at least"),  # CCC reads fuzzy words at their lowest: a floor
        ("dozens and dozens", "at least"),
        ("several hundred", "at least"),
        ("500+", "at least"),
        ("up to 50", "at most"),
        ("nearly 100", "at most"),
        ("a crowd of 500", "exact"),
        ("FB: 34", "exact"),
        ("count pic", ""),
        (None, ""),
    ],
)
def test_size_qualifier(text: object, label: str) -> None:
    from turnout.sizes import QUALIFIERS, size_qualifier, size_qualifiers

    assert size_qualifier(text) == label
    assert label in QUALIFIERS
    assert size_qualifiers(pd.Series([text, text], index=[7, 9])).tolist() == [label, label]


@given(st.text(max_size=40))
def test_size_qualifier_agrees_with_the_numbers(text: str) -> None:
    from turnout.sizes import size_qualifier

    est = parse_size(text)
    label = size_qualifier(text)
    assert (label == "") == math.isnan(est.low)
    assert (label == "range") == (not math.isnan(est.low) and est.high > est.low)


# --------------------------------------------------------------- qualifiers typed one slip away


@pytest.mark.parametrize(
    ("text", "low", "qualifier", "typo"),
    [
        ("More then 10,000", 10_000, "at least", "more then"),
        ("atleast 500 people", 500, "at least", "atleast"),
        ("aproximately 300", 300, "about", "aproximately"),
        ("arround 1,200 marchers", 1_200, "about", "arround"),
        ("less then 50", 50, "at most", "less then"),
    ],
)
def test_qualifier_typos_read_as_the_qualifier_with_a_note(
    text: str, low: float, qualifier: str, typo: str
) -> None:

    assert parse_size(text).low == low
    assert size_qualifier(text) == qualifier  # "More then 10,000" keeps its floor
    assert size_typo_note(text).startswith(f"'{typo}' is read as")


@pytest.mark.parametrize(
    "text", ["more than 10,000", "nearby 300 people", "Thousands", "then 300 left", "roughly 40"]
)
def test_real_words_are_not_qualifier_typos(text: str) -> None:

    assert size_typo_note(text) == ""
