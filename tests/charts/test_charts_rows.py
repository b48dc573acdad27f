"""turnout.charts.rows: the rows a chart reads and the notes every chart words the same way."""

from __future__ import annotations

import math

import pandas as pd

from turnout.charts.rows import (
    city_scope,
    floor_total,
    in_period,
    no_count_note,
    prepare,
    word_rules,
    words_aside,
)


def test_prepare_gives_places_and_draws_a_floor_to_its_number(seed_events, make_events):
    ready = prepare(seed_events).set_index("row")
    assert ready.loc[18, "place"] == "Seattle" and ready.loc[18, "size_qualifier"] == "range"
    assert math.isnan(ready.loc[7, "size_low"])  # Atlanta: no number stays no number
    one_sided = prepare(make_events({"size_low": 100.0, "size_high": math.nan}))
    assert one_sided["size_high"].tolist() == [100.0]  # "at least 100" draws to 100
    assert len(seed_events) == len(ready) and "place" not in seed_events  # a copy, all rows


def test_prepare_fills_what_a_sheet_lacks(seed_events):
    sheet = seed_events[["date", "locality", "size_text"]]  # no numbers, no temperatures
    ready = prepare(sheet)
    assert ready["row"].tolist()[:2] == [2, 3]  # rows numbered as the file's lines
    assert ready["city"].tolist() == sheet["locality"].tolist()
    assert set(ready["temp_label"]) == {"none"} and ready["size_low"].isna().all()


def test_seed_word_rules_list_each_phrase_once_largest_first(seed_events):
    note = word_rules(prepare(seed_events))
    listed = note.split(": ", 1)[1].rstrip(".").split(", ")
    assert listed == [
        "“tens of thousands” as 20,000",
        "“thousands” as 2,000",  # New York's and Cleveland's, said once
        "“hundreds” as 200",
        "“dozens” as 24",
    ]
    assert "50,000" not in note  # "Around 50,000" gives its own number


def test_words_aside_only_when_the_source_adds_something():
    assert words_aside("over 3,000", "3,000") == " (“over 3,000”)"
    assert words_aside("3000", "3,000") == "" and words_aside(None, "3,000") == ""
    assert words_aside("About 500", "about 500") == ""


def test_mistyped_dates_are_left_out_with_a_note():
    ev = pd.DataFrame({
        "date": pd.to_datetime(["2019-10-04", "2019-12-02", "2019-12-03"]),
        "date_problem": ["far from the month it was coded in: '2019-10-04'", "", ""],
    })  # fmt: skip
    kept, note = in_period(ev)
    assert kept["date"].dt.day.tolist() == [2, 3]
    assert note.startswith("Left out: one event whose date looks mistyped")
    assert note.endswith(": Oct. 4, 2019).")


def test_city_scope_and_no_count_note(seed_events):
    ready = prepare(seed_events)
    three = ready[ready["city"].isin(["Houston", "Denver", "Seattle"])]
    scope, said = city_scope(three, 10)
    assert scope == "three of the 10 cities in the data"
    assert said == "The chart covers three of the 10 cities in the data: Denver; Houston; Seattle."
    assert city_scope(ready, 10) == ("", "")  # every city: nothing to say
    assert no_count_note(["Atlanta", "Portland, Ore."]) == (
        "No count reported: Atlanta; Portland, Ore."
    )


def test_a_floor_sum_is_rounded_down_never_up():
    assert floor_total(3_299.0) == 3_200.0  # never 3,300: the words gave "at least"
    assert floor_total(99.0) == 99.0 and math.isnan(floor_total(math.nan))
