"""select_events: a date window (both ends included) and cities (case-insensitive, typo-proof)."""

from __future__ import annotations

import pandas as pd
import pytest

import turnout
from turnout.select import select_events


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return turnout.load_events()


@pytest.fixture
def small() -> pd.DataFrame:
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(
                ["2026-01-29", "2026-01-30", "2026-01-30 18:00", "2026-01-31", "2026-02-02"],
                format="ISO8601",
            ),
            "city": ["Houston", "New York City", "Houston", "Seattle", "St. Paul"],
            "size_low": [200.0, 2000.0, 100.0, 6000.0, None],
        }
    )
    events.attrs["rejected"] = pd.DataFrame({"row": [9]})
    return events


def test_no_filters_keeps_everything(seed):
    assert len(select_events(seed)) == len(seed)


def test_dates_are_inclusive_on_both_ends(small):
    got = select_events(small, start="2026-01-30", end="2026-01-31")
    assert got["city"].tolist() == ["New York City", "Houston", "Seattle"]
    # An evening timestamp still belongs to its day.
    assert len(select_events(small, start="2026-01-30", end="2026-01-30")) == 2


def test_open_ended_windows(small):
    assert select_events(small, start="2026-01-31")["city"].tolist() == ["Seattle", "St. Paul"]
    assert select_events(small, end="2026-01-29")["city"].tolist() == ["Houston"]


def test_accepts_dates_and_timestamps(small):
    from datetime import date

    got = select_events(small, start=date(2026, 1, 31), end=pd.Timestamp("2026-02-02"))
    assert len(got) == 2


def test_empty_strings_mean_open(small):
    assert len(select_events(small, start="", end=" ")) == len(small)


def test_seed_strike_day(seed):
    day = select_events(seed, start="2026-01-30", end="2026-01-30")
    assert len(day) == 9
    assert (day["date"] == pd.Timestamp("2026-01-30")).all()


def test_cities_case_and_space_insensitive(seed):
    got = select_events(seed, cities=["houston", "  SEATTLE "])
    assert sorted(got["city"].unique()) == ["Houston", "Seattle"]
    assert len(got) == 6


def test_single_city_string(seed):
    assert set(select_events(seed, cities="new york city")["city"]) == {"New York"}


def test_cities_and_dates_combine(seed):
    got = select_events(seed, start="2026-01-30", end="2026-01-30", cities=["Houston"])
    assert got["size_text"].tolist() == ["hundreds"]


def test_unknown_city_suggests_close_matches(seed):
    with pytest.raises(ValueError, match=r"'Minneapolos'.*did you mean 'Minneapolis'"):
        select_events(seed, cities=["Minneapolos"])


def test_unknown_city_without_close_match_lists_cities(small):
    with pytest.raises(ValueError, match=r"'Zanzibar'.*Houston, New York City, Seattle, St. Paul"):
        select_events(small, cities=["Houston", "Zanzibar"])


def test_every_unknown_city_is_named(small):
    with pytest.raises(ValueError) as err:
        select_events(small, cities=["Housten", "Seatle"])
    assert "'Housten'" in str(err.value) and "'Seatle'" in str(err.value)


def test_start_after_end_is_an_error(small):
    with pytest.raises(ValueError, match="start .* is after end"):
        select_events(small, start="2026-02-01", end="2026-01-01")


def test_bad_date_is_a_clear_error(small):
    with pytest.raises(ValueError, match="start must be a date"):
        select_events(small, start="last tuesday")


def test_pure_input_untouched_and_fresh_index(small):
    before = small.copy()
    got = select_events(small, start="2026-01-30", cities=["houston"])
    pd.testing.assert_frame_equal(small, before)
    assert got.index.tolist() == [0]
    got.loc[0, "size_low"] = -1
    assert small["size_low"].min() > 0


def test_attrs_survive(small):
    got = select_events(small, cities=["Seattle"])
    assert got.attrs["rejected"]["row"].tolist() == [9]


def test_empty_selection_keeps_columns(small):
    got = select_events(small, start="2030-01-01")
    assert got.empty and list(got.columns) == list(small.columns)


@pytest.mark.parametrize(
    ("written", "city"),
    [
        ("New York", "New York"),
        ("New York City", "New York"),
        ("NYC", "New York"),
        ("Portland, Ore.", "Portland"),
        ("portland, OR", "Portland"),
        ("Saint Paul", "St. Paul"),
    ],
)
def test_settings_read_a_city_as_the_data_column_does(written, city):
    """Issue 12: a story's cities setting takes what a row's locality takes."""
    import turnout
    from turnout.stories import parse_settings

    events = turnout.load_events()
    events = pd.concat(
        [events, events.iloc[[0]].assign(city="St. Paul", state_code="MN")], ignore_index=True
    )
    settings = parse_settings(f'---\ncities: ["{written}"]\n---\n')
    got = select_events(events, cities=settings["cities"])
    assert len(got) and set(got["city"]) == {city}


def test_a_city_with_a_state_the_data_lacks_is_refused():
    import turnout

    with pytest.raises(ValueError, match="Portland, Maine"):
        select_events(turnout.load_events(), cities=["Portland, Maine"])
