"""turnout.ap: AP wording (dates, numbers, counts, places, credits), with no matplotlib."""

from __future__ import annotations

import datetime
import subprocess
import sys
import time

import pandas as pd
import pytest

from turnout import ap


@pytest.mark.parametrize(
    ("day", "text"),
    [
        ("2026-01-30", "Jan. 30"),
        ("2026-02-03", "Feb. 3"),
        ("2026-03-05", "March 5"),
        ("2026-06-01", "June 1"),
        ("2026-07-04", "July 4"),
        ("2026-08-09", "Aug. 9"),
        ("2026-09-03", "Sept. 3"),
        ("2026-12-25", "Dec. 25"),
    ],
)
def test_ap_dates(day, text):
    assert ap.ap_date(day) == text


def test_source_line_from_data_joins_several_sources():
    df = pd.DataFrame(
        {
            "source_name": ["Workers World", "Workers World", "Crowd Counting Consortium"],
            "source_date": ["2026-02-03", "2026-02-03", None],
        }
    )
    assert ap.source_line(df.head(1)) == "Source: Workers World, Feb. 3, 2026"
    assert ap.source_line(df) == ("Sources: Workers World, Feb. 3, 2026; Crowd Counting Consortium")


def test_place_labels_are_ap_style():
    assert ap.place_label("Portland", "OR") == "Portland, Ore."
    assert ap.place_in_text("Charleston", "WV") == "Charleston, W.Va.,"


def test_place_names_are_one_ap_style_everywhere():
    """Issue 12: "St. Paul" beside "St. Louis", "New York" not "New York City, N.Y.", and
    AP's dateline cities alone in labels as in text, in their own state only."""
    from turnout.places import resolve_place

    paul, louis = resolve_place("Saint Paul", "MN"), resolve_place("St. Louis", "MO")
    assert (paul.city, louis.city) == ("St. Paul", "St. Louis")
    assert ap.place_label(paul.city, paul.state) == "St. Paul, Minn."
    assert ap.place_label(louis.city, louis.state) == "St. Louis"
    nyc = resolve_place("New York City")
    assert ap.place_label(nyc.city, nyc.state) == "New York"
    assert ap.place_label("Houston", "TX") == ap.place_in_text("Houston", "TX") == "Houston"
    assert ap.place_label("Cleveland", "TX") == "Cleveland, Texas"  # not AP's Cleveland
    assert ap.place_label("Fort Worth", "TX") == "Fort Worth, Texas"


@pytest.mark.parametrize(
    ("n", "start", "text"),
    [
        (0, False, "zero"),
        (1, True, "One"),
        (9, False, "nine"),
        (10, False, "10"),
        (1200, False, "1,200"),
    ],
)
def test_ap_number(n, start, text):
    assert ap.ap_number(n, start=start) == text


def test_ap_number_refuses_a_numeral_to_open_a_sentence():
    with pytest.raises(ValueError, match="rephrase"):
        ap.ap_number(12, start=True)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2018-06-01", "2018-06-22", "June 1-22, 2018"),
        ("2026-01-23", "2026-02-02", "Jan. 23-Feb. 2, 2026"),
        ("2025-12-30", "2026-01-02", "Dec. 30, 2025-Jan. 2, 2026"),
        ("2026-01-30", "2026-01-30", "Jan. 30, 2026"),
    ],
)
def test_ap_period_date_ranges(start, end, text):
    assert ap.ap_period(start, end) == text


def test_import_ap_loads_no_matplotlib():
    """AP wording is for tables and pages too: it must not pull in the plotting stack."""
    code = (
        "import sys, turnout.ap; print(sorted(m for m in sys.modules if m.startswith('matplot')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_build_date_from_the_clock_or_a_date():
    """What a page's "built on" line gets: a time.struct_time or a date, AP style with a year."""
    assert ap.ap_date(time.strptime("2026-12-02", "%Y-%m-%d"), year=True) == "Dec. 2, 2026"
    assert ap.ap_date(datetime.date(2026, 9, 3), year=True) == "Sept. 3, 2026"
    assert ap.ap_month(time.strptime("2026-03-09", "%Y-%m-%d")) == "March"


def test_state_names_both_ways():
    codes = ap.state_codes()
    for code, name in ap.AP_STATES.items():  # every AP name reads back to its code
        assert codes[name.lower().rstrip(".")] == code
        assert ap.place_label("Town", code) == f"Town, {name}"
    assert codes["tex"] == "TX" and codes["wisc"] == "WI"  # older abbreviations still read
    assert ap.place_label("Town", "ZZ") == "Town, ZZ"  # an unknown code is left as written


@pytest.mark.parametrize(
    ("n", "total", "text"),
    [
        (1, 1, "The one event reports"),
        (2, 2, "Both events report"),
        (12, 12, "All 12 events report"),
        (1, 18, "One of 18 events reports"),
        (9, 18, "Nine of 18 events report"),
        (10, 40, "Of 40 events, 10 report"),
    ],
)
def test_n_of_never_opens_on_a_numeral(n, total, text):
    assert ap.n_of(n, total, "event", "report", "reports") == text


def test_counts_in_words_and_in_numerals():
    assert ap.ap_count(1, "city", "cities") == "one city"
    assert ap.ap_count(2, "city", "cities", start=True) == "Two cities"
    assert ap.numeral_count(1, "row") == "1 row"
    assert ap.numeral_count(12_000, "event") == "12,000 events"
    assert ap.fmt_number(1_234_567.0) == "1,234,567"  # tables never shorten to "1.2 million"
    assert ap.fmt_count(1_234_567.0) == "1.23 million"
    assert ap.fmt_count(1_250_000.0) == "1.25 million"


@pytest.mark.parametrize(
    ("low", "high", "label"),
    [
        (1_050_000, 2_000_000, "1.05 million-2 million"),  # CCC's NYC Pride, June 2019
        (1_059_999, 1_059_999, "1.05 million"),  # a lone figure is a low end too
        (1_999_999, 2_000_001, "1.99 million-2.01 million"),
        (999_999, 1_000_001, "999,999-1.01 million"),
        (1_000_000, 1_000_000, "1 million"),
        (999.4, 1000.6, "999-1,001"),
    ],
)
def test_a_low_end_never_rounds_up_nor_a_high_end_down(low, high, label):
    assert ap.fmt_range(low, high) == label


def _printed(text: str) -> float:
    """A printed count read back: "1.05 million" is 1,050,000."""
    if text.endswith(" million"):
        return round(float(text.removesuffix(" million").replace(",", "")) * 1_000_000)
    return float(text.replace(",", ""))


@pytest.mark.parametrize("value", [1_000_001, 1_004_999, 1_005_000, 1_995_001, 12_345_678, 2_500])
def test_a_printed_low_is_never_above_the_coded_low(value):
    low, high = ap.fmt_range(value, value * 2 + 1).split("-")
    assert _printed(low) <= value < value * 2 + 1 <= _printed(high)
    assert _printed(ap.ap_range(value, value + 1).split(" to ")[0]) <= value


def test_joined_lists_count_the_rest():
    assert ap.join_words(["A"]) == "A"
    assert ap.join_words(["A", "B"]) == "A and B"
    assert ap.join_places([f"P{i}, Ore." for i in range(8)], limit=6).endswith(
        "P5, Ore. and two others"
    )
    assert ap.sentence("Portland, Ore.") == "Portland, Ore."
