"""Headlines never crown a count that a floor or a range could outrank (issue 12, scenario 4).

Events go through the real cleaning (crowd words coded by the library), so the rule is
tested on what a reporter's sheet becomes, not on hand-made numbers.
"""

from __future__ import annotations

import csv
import math

import pytest

import turnout
from turnout.charts import chart_info, turnout_by_city
from turnout.columns import RAW_COLUMNS
from turnout.ranking import Claim, caveat, rank, reach


def _events(tmp_path, rows: list[tuple[str, str, str, str]]):
    """Clean events from (date, locality, state, size_text) rows."""
    path = tmp_path / "story.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=RAW_COLUMNS)
        out.writeheader()
        for date, city, state, size in rows:
            out.writerow(
                {
                    "date": date,
                    "locality": city,
                    "state": state,
                    "size_text": size,
                    "source_name": "Test Gazette",
                    "source_date": "2026-02-03",
                    "source_quote": f"In {city}, {size} people marched.",
                }
            )
    return turnout.load_events(path)


def _title(tmp_path, rows, **kw) -> str:
    return chart_info(turnout_by_city(_events(tmp_path, rows), **kw)).title


def test_a_floor_that_may_be_larger_is_never_outranked_in_the_headline(tmp_path):
    title = _title(
        tmp_path,
        [
            ("2026-01-30", "Washington", "DC", "hundreds of thousands"),
            ("2026-01-30", "Los Angeles", "CA", "an estimated 500,000"),
        ],
    )
    # Old code: "Los Angeles drew the largest reported crowd: about 500,000".
    assert "drew the largest" not in title
    assert title.startswith("Los Angeles reported the largest count")
    assert "500,000" in title
    assert "Washington’s “hundreds of thousands” may be larger" in title


def test_a_floor_above_every_other_number_leads_outright(tmp_path):
    title = _title(
        tmp_path,
        [
            ("2026-01-30", "Washington", "DC", "hundreds of thousands"),
            ("2026-01-30", "Los Angeles", "CA", "150,000"),
            ("2026-01-30", "Boston", "MA", "thousands"),
        ],
    )
    assert title.startswith("Washington drew the largest reported crowd: 200,000+")
    assert "may be larger" not in title and "Los Angeles" not in title


def test_small_crowd_words_do_not_contest_a_far_larger_count(tmp_path):
    # "thousands" stops below 10,000 and "over 3,000" below 4,500: neither reaches 50,000.
    title = _title(
        tmp_path,
        [
            ("2026-01-23", "Minneapolis", "MN", "about 50,000"),
            ("2026-01-30", "Houston", "TX", "over 3,000"),
            ("2026-01-30", "Cleveland", "OH", "thousands"),
        ],
    )
    assert title == "Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23"


def test_a_number_floor_close_to_the_leader_contests_it(tmp_path):
    title = _title(
        tmp_path,
        [
            ("2026-01-23", "Denver", "CO", "5,000"),
            ("2026-01-30", "Chicago", "IL", "more than 4,000"),
        ],
    )
    assert title.startswith("Denver reported the largest count, 5,000")
    assert "Chicago’s “more than 4,000” may be larger" in title  # up to 6,000


def test_more_than_a_number_reaches_only_the_next_round_step(tmp_path):
    # CCC, June 2020: "more than 2000" was taken to reach 20,000 and contest 6,200 to 10,000.
    rows = [
        ("2020-06-20", "Tulsa", "OK", "6,200 to 10,000"),
        ("2020-06-06", "Altamahaw", "NC", "more than 2000"),
        ("2020-06-06", "Boise", "ID", "at least 4,000"),  # up to 6,000
    ]
    title = _title(tmp_path, rows)
    assert title == "Tulsa, Okla., drew the largest reported crowd: 6,200 to 10,000 on June 20"
    rows.append(("2020-06-06", "San Diego", "CA", "thousands"))  # may be up to 9,999
    title = _title(tmp_path, rows)
    assert title == (
        "Tulsa, Okla., reported the largest count, 6,200 to 10,000; "
        "San Diego’s “thousands” may be larger"
    )


def test_ties_share_the_headline(tmp_path):
    title = _title(
        tmp_path,
        [
            ("2026-01-30", "Seattle", "WA", "5,000"),
            ("2026-01-31", "Denver", "CO", "5,000"),
            ("2026-01-31", "Atlanta", "GA", "300"),
        ],
    )
    assert title == "Seattle and Denver drew the largest reported crowds: 5,000 each"


def test_overlapping_ranges_say_the_other_may_be_larger(tmp_path):
    title = _title(
        tmp_path,
        [
            ("2026-01-30", "Seattle", "WA", "6,000 to 9,000"),
            ("2026-01-30", "Denver", "CO", "5,000 to 8,000"),
        ],
    )
    assert title.startswith("Seattle reported the largest count, 6,000 to 9,000")
    assert "Denver’s “5,000 to 8,000” may be larger" in title


def test_ranges_that_do_not_overlap_leave_a_clear_leader(tmp_path):
    title = _title(
        tmp_path,
        [
            ("2026-01-30", "Seattle", "WA", "6,000 to 9,000"),
            ("2026-01-30", "Denver", "CO", "4,000 to 6,000"),
        ],
    )
    assert title.startswith("Seattle drew the largest reported crowd: 6,000 to 9,000")


def test_a_sum_with_floors_is_contested_by_a_floor_sum_that_may_be_larger(tmp_path):
    rows = [
        ("2026-01-30", "Houston", "TX", "about 3,000"),
        ("2026-01-31", "Houston", "TX", "500"),
        ("2026-01-30", "Dallas", "TX", "thousands"),
        ("2026-01-31", "Dallas", "TX", "hundreds"),
    ]
    title = _title(tmp_path, rows, measure="sum")
    # Dallas adds up to 2,200 at the least but "thousands" + "hundreds" may reach 11,000.
    assert title.startswith("Houston reported the most protesters counted, 3,500")
    assert "Dallas’ “2,200+” may be larger" in title
    info = chart_info(turnout_by_city(_events(tmp_path, rows), measure="sum"))
    assert "may be larger" in info.alt and "From largest" not in info.alt


def test_a_sum_made_of_exact_counts_leads_outright(tmp_path):
    rows = [
        ("2026-01-30", "Houston", "TX", "30,000"),
        ("2026-01-30", "Dallas", "TX", "thousands"),
        ("2026-01-31", "Dallas", "TX", "hundreds"),
    ]
    title = _title(tmp_path, rows, measure="sum")
    assert title.startswith("Houston drew the most reported protesters: 30,000")


def test_many_contenders_are_counted_not_listed():
    claims = [Claim("A", 9000, 9000, False, "9,000")] + [
        Claim(f"C{i}", 2000, 2000, True, "thousands") for i in range(4)
    ]
    assert caveat(rank(claims)) == "counts in four other places may be larger"


@pytest.mark.parametrize(
    ("words", "low", "most"),
    [
        ("hundreds", 200, 1000.0),
        ("tens of thousands", 20000, 100000.0),
        ("Hundreds of thousands", 200000, 1000000.0),
        ("millions", 2000000, math.inf),
        ("at least 1,200", 1200, 1800.0),
        ("1,200+", 1200, 1800.0),
        ("more than 2000", 2000, 3000.0),
        ("thousands", 2000, 10000.0),
        ("several thousand; na", 3000, 10000.0),  # CCC's placeholder is no estimate
        ("several thousand; NA", 3000, 10000.0),
        ("dozens and dozens", 24, 100.0),
    ],
)
def test_reach_of_a_floor_follows_its_words(words, low, most):
    assert reach(words, low) == most


def test_the_published_seed_headline_is_unchanged_by_the_rule(seed_events):
    info = chart_info(turnout_by_city(seed_events))
    assert info.title == "Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23"
    assert "From largest" in info.alt


def _temps(make_events, extra):
    rows = [
        {
            "city": c,
            "state_code": s,
            "temp_f_low": t,
            "temp_f_high": t,
            "temp_text": f"{t:g} degrees",
        }
        for c, s, t in [("Denver", "CO", 20.0), ("Boston", "MA", 15.0), ("Chicago", "IL", 25.0)]
    ]
    return make_events(*rows, *extra)


def test_coldest_readings_that_tie_share_the_headline(make_events):
    from turnout.charts import temperature_vs_attendance

    extra = [
        {"city": "Omaha", "state_code": "NE", "temp_f_low": 9.0, "temp_f_high": 9.0},
        {"city": "Fargo", "state_code": "ND", "temp_f_low": 9.0, "temp_f_high": 9.0},
    ]
    title = chart_info(temperature_vs_attendance(_temps(make_events, extra))).title
    assert title == "Omaha and Fargo protesters turned out at 9°F, the coldest reading reported"


def test_a_bound_below_the_coldest_reading_is_said(make_events):
    from turnout.charts import temperature_vs_attendance

    extra = [
        {"city": "Omaha", "state_code": "NE", "temp_f_low": 9.0, "temp_f_high": 9.0},
        {
            "city": "Duluth",
            "state_code": "MN",
            "temp_f_low": math.nan,
            "temp_f_high": 0.0,
            "temp_label": "at most",
            "temp_text": "below zero",
        },
    ]
    title = chart_info(temperature_vs_attendance(_temps(make_events, extra))).title
    assert title.startswith("Omaha protesters turned out at 9°F, the coldest reading reported")
    assert title.endswith("; Duluth’s “below zero” was colder")
