"""turnout.show_data: the data shown in a notebook the way the published page prints it."""

from __future__ import annotations

import math

import pandas as pd

from turnout.show_data import (
    cleaning_summary,
    coded_temperature,
    events_table,
    left_out,
    table,
    weather_table,
)


def _rows(plain: str) -> list[str]:
    """A plain table's body lines, each squeezed to single spaces."""
    return [" ".join(line.split()) for line in plain.splitlines()[2:]]


def test_events_table_pairs_the_sources_words_with_the_number_coded(seed_events):
    out = events_table(seed_events)
    assert out.plain.splitlines()[0] == "18 events in 2026"  # the year once, in the caption
    rows = _rows(out.plain)
    assert rows[0] == "Jan. 23 Minneapolis Around 50,000 about 50,000"  # by date
    assert "Jan. 31 Seattle 6,000 to 9,000 6,000-9,000" in rows
    assert "Jan. 30 Portland, Ore. — no number" in rows  # no words, no number: said so
    assert '<td class="num">2,000+</td>' in out.html  # numbers right-aligned


def test_a_long_table_says_it_shows_the_first_rows(seed_events):
    out = events_table(seed_events, max_rows=3)
    assert out.plain.splitlines()[0] == "The first 3 of 18 events in 2026, by date"
    assert len(_rows(out.plain)) == 3


def test_weather_table_words_each_kind_of_temperature(seed_events):
    rows = _rows(weather_table(seed_events).plain)
    assert rows == [
        "Jan. 29 New York 9° F and violent winds 9°F",
        "Jan. 30 Cleveland freezing temperatures 32°F or colder",
        "Jan. 30 Houston cold weather for the Houston area no number",
    ]
    no_weather = seed_events.assign(temp_text=pd.NA)
    assert weather_table(no_weather).plain == "No event in the data describes the weather."


def test_coded_temperature_ranges_below_zero_read_to():
    assert coded_temperature(20, 25) == "20-25°F"
    assert coded_temperature(-5, 1) == "-5 to 1°F"  # "-5-1°F" would read as minus one
    assert coded_temperature(40, math.nan) == "40°F or warmer"
    assert coded_temperature(math.nan, math.nan) == "—"  # nothing said about the weather


def test_cleaning_summary_counts_a_selection(seed_events):
    houston = seed_events[seed_events["city"] == "Houston"]
    out = cleaning_summary(seed_events, houston)
    counts = {line[:40].strip(): int(line[40:].replace(",", "")) for line in out.plain.splitlines()}
    assert counts["Usable events"] == 18 and counts["… in the dates and cities chosen"] == 5
    assert counts["Events with a number of people"] == 3 and counts["Events without one"] == 2
    assert out.headline == (
        "The data holds five protests in one city; three come with a number of people"
    )


def test_left_out_names_what_the_charts_do_not_show(seed_events):
    houston = seed_events[seed_events["city"] == "Houston"]
    rejected = pd.DataFrame({"row": [21], "reason": ["date: 'Feb 30' is not a date"]})
    plain = left_out(seed_events, houston, rejected=rejected).plain
    assert "Outside the dates and cities chosen: 13 usable events." in plain
    assert "2 events in 2026 with no number of people" in plain
    assert "kept growing" in plain  # the coder's note says why there is no number
    lines = [" ".join(line.split()) for line in plain.splitlines()]
    assert lines[0] == "1 row rejected, each with the reason"
    assert "21 — — date: 'Feb 30' is not a date" in lines  # the row and why, nothing guessed
    seattle = seed_events[seed_events["city"] == "Seattle"]
    assert left_out(seattle).plain.endswith("Every event has a number of people.")


def test_table_escapes_the_datas_words():
    out = table([["<script>alert(1)</script>", None]], ["words", "n"], numeric=[1])
    assert "<script>" not in out.html and "&lt;script&gt;" in out.html
    assert '<td class="num">—</td>' in out.html  # a blank is a dash, never "nan"
