"""turnout.embeds.words: the words an embed's tooltips and accessible names print."""

from __future__ import annotations

import pandas as pd

from turnout.embeds.base import QuoteBudget
from turnout.embeds.words import (
    coded_size,
    date_words,
    degrees,
    source_words,
    sourced,
    web_address,
)


def _row(events: pd.DataFrame, row: int) -> pd.Series:
    return events.set_index("row").loc[row]


def test_seed_sizes_read_as_coded(seed_events):
    def words(row: int) -> str:
        r = _row(seed_events, row)
        return coded_size(r["size_low"], r["size_high"], r["size_qualifier"])

    assert words(2) == "about 50,000"  # "Around 50,000"
    assert words(3) == "20,000+"  # "tens of thousands": a floor
    assert words(11) == "4,000-5,000"  # a range takes a hyphen
    assert words(10) == "500"  # "a crowd of 500"
    assert words(7) == "no number"  # no size in the source


def test_dates_are_ap_and_a_missing_one_is_left_out():
    assert date_words(pd.Timestamp("2026-09-05")) == "Sept. 5, 2026"
    assert date_words("2026-03-01") == "March 1, 2026"
    assert date_words(pd.NaT) == "" and date_words(None) == ""


def test_degrees_of_the_seed_reading_and_none_for_a_blank(seed_events):
    assert degrees(_row(seed_events, 4)["temp_f_low"]) == "9°F"  # New York's reading
    assert degrees(-3.5) == "-3.5°F"
    assert degrees(float("nan")) == "" and degrees(None) == ""


def test_web_address_is_a_site_name_only_for_http_addresses():
    assert web_address("https://www.kuow.org/stories/x") == "kuow.org"
    assert web_address("http://wvnews.com/a?b=1") == "wvnews.com"
    assert web_address("javascript:alert(1)") == ""
    assert web_address(float("nan")) == ""


def test_source_line_of_one_source_and_of_several(seed_events):
    r = _row(seed_events, 2)
    assert source_words(r["source_name"], r["source_date"], r["source_url"]) == (
        "Workers World, Feb. 3, 2026"
    )
    two = source_words("AP\nKUOW", "2026-02-01\n2026-02-02", "\nhttps://kuow.org/x")
    assert two.split("; ") == ["AP, Feb. 1, 2026", "KUOW, Feb. 2, 2026, kuow.org"]


def test_sourced_quotes_whole_sentences_within_the_budget():
    row = {
        "source_quote": "About 4,000 rallied.\nHundreds rallied.",
        "source_name": "AP\nKUOW",
        "source_date": "2026-02-01\n2026-02-02",
        "source_url": "",
    }
    said, line = sourced(row, QuoteBudget())
    assert said == ["AP: About 4,000 rallied.", "KUOW: Hundreds rallied."]
    assert line == "AP, Feb. 1, 2026; KUOW, Feb. 2, 2026"
    # a budget that fits only the first sentence: the second is counted, never cut
    said, _ = sourced(row, QuoteBudget(len("AP: About 4,000 rallied.")))
    assert said == ["AP: About 4,000 rallied.", "… 1 more sentence in the data file."]
