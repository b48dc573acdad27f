"""Place names to one canonical city, a state code and coordinates (offline gazetteer)."""

import math

import pandas as pd
import pytest

from turnout.places import PlaceError, normalize_state, resolve_place, resolve_places


@pytest.mark.parametrize("name", ["NYC", "New York City", "New York", "Manhattan", "Brooklyn"])
def test_one_name_for_new_york(name):
    place = resolve_place(name, "NY")
    assert (place.city, place.state) == ("New York", "NY")
    assert place.latitude == pytest.approx(40.71, abs=0.05)
    assert place.longitude == pytest.approx(-74.0, abs=0.05)


def test_nyc_needs_no_state():
    assert resolve_place("NYC").city == "New York"


@pytest.mark.parametrize("name", ["Portland", "Springfield", "Columbus", "Arlington"])
def test_ambiguous_without_state_is_an_error(name):
    with pytest.raises(PlaceError, match="ambiguous") as err:
        resolve_place(name)
    assert err.value.column == "state"


@pytest.mark.parametrize(
    ("name", "state"), [("online", None), ("Online", None), ("(national)", None), ("virtual", "NY")]
)
def test_online_and_nationwide_events_are_told_apart_from_unknown_places(name, state):
    # CCC codes events held online or nationwide with such localities (online=1, no state).
    with pytest.raises(PlaceError, match="online or nationwide event, not a place") as err:
        resolve_place(name, state)
    assert err.value.column == "locality"


@pytest.mark.parametrize(
    ("name", "state", "city", "code", "lat", "lon"),
    [
        ("Portland", "OR", "Portland", "OR", 45.52, -122.68),
        ("Portland", "Ore.", "Portland", "OR", 45.52, -122.68),
        ("Portland", "Maine", "Portland", "ME", 43.66, -70.26),
        ("Cleveland", "OH", "Cleveland", "OH", 41.50, -81.70),
        ("Dallas", "TX", "Dallas", "TX", 32.78, -96.81),
        ("Minneapolis", "MN", "Minneapolis", "MN", 44.98, -93.26),
        ("St. Paul", "MN", "St. Paul", "MN", 44.94, -93.09),
        ("Saint Louis", "MO", "St. Louis", "MO", 38.63, -90.20),
        ("Washington", "DC", "Washington", "DC", 38.90, -77.04),
        ("San Juan", "PR", "San Juan", "PR", 18.47, -66.11),
    ],
)
def test_with_state(name, state, city, code, lat, lon):
    place = resolve_place(name, state)
    assert (place.city, place.state) == (city, code)
    assert place.latitude == pytest.approx(lat, abs=0.05)
    assert place.longitude == pytest.approx(lon, abs=0.05)
    assert place.note == ""


def test_unknown_small_place_is_kept_without_coordinates():
    place = resolve_place("Nowheresville Junction", "OH")
    assert (place.city, place.state, place.note) == (
        "Nowheresville Junction",
        "OH",
        "not in gazetteer",
    )
    assert pd.isna(place.latitude) and pd.isna(place.longitude)


@pytest.mark.parametrize(
    ("name", "state", "column"),
    [
        ("", "OR", "locality"),
        (None, "OR", "locality"),
        ("Boston", "XX", "state"),
        ("Zzyzxq", None, "state"),
    ],
)
def test_errors_name_the_column(name, state, column):
    with pytest.raises(PlaceError) as err:
        resolve_place(name, state)
    assert err.value.column == column


def test_states_in_every_spelling():
    assert {normalize_state(s) for s in ["OR", "or", "Oregon", "Ore.", "oreg"]} == {"OR"}
    assert normalize_state("N.Y.") == "NY"
    assert normalize_state("District of Columbia") == "DC"


def test_vectorised_never_raises_and_keeps_index():
    table = resolve_places(
        pd.Series(["NYC", "Portland", None, "Denver"], index=[5, 6, 7, 8]),
        pd.Series([None, None, "CO", "CO"], index=[5, 6, 7, 8]),
    )
    assert list(table.index) == [5, 6, 7, 8]
    assert table.loc[5, "city"] == "New York"
    assert table.loc[6, "place_error_column"] == "state"
    assert "ambiguous" in table.loc[6, "place_error"]
    assert table.loc[7, "place_error_column"] == "locality"
    assert table.loc[8, "city"] == "Denver" and table.loc[8, "place_error"] == ""


@pytest.mark.parametrize(
    ("written", "state", "city"),
    [
        ("Tuscon", "AZ", "Tucson"),  # swapped letters
        ("Pheonix", "AZ", "Phoenix"),
        ("Indiannapolis", "IN", "Indianapolis"),  # one letter too many
        ("San Bernadino", "CA", "San Bernardino"),  # one letter missing
    ],
)
def test_one_typo_is_read_and_noted(written, state, city):
    place = resolve_place(written, state)
    assert place.city == city and place.state == state
    assert place.note == f"spelling: {written!r} read as {city!r}"
    assert not pd.isna(place.latitude)


def test_typo_search_stays_inside_the_state_and_off_short_names():
    assert resolve_place("Tuscon", "NM").note == "not in gazetteer"  # Tucson is in AZ
    # Under 6 letters: never corrected (no coordinates), only suggested to the desk.
    short = resolve_place("Bostn", "MA")
    assert (short.city, short.note) == ("Bostn", "not in gazetteer (did you mean Boston?)")
    assert math.isnan(short.latitude)


def test_a_typo_of_an_alias_is_read_and_a_short_one_suggested():
    # A reporter's "New Yrok" is one swap from the alias "New York", not from "New York City".
    meant = resolve_place("New Yrok", "NY")
    assert (meant.city, meant.state) == (resolve_place("New York", "NY").city, "NY")
    assert meant.note == "spelling: 'New Yrok' read as 'New York City'"
    assert resolve_place("Omha", "NE").note == "not in gazetteer (did you mean Omaha?)"
    assert resolve_place("Omha", "IA").note == "not in gazetteer"  # Omaha is in Nebraska


def test_a_name_two_letters_off_a_place_is_not_a_typo_and_no_crash():
    # "Tucsoab" against "Tucson": the old edit check read past the end of "n" (IndexError).
    place = resolve_place("Tucsoab", "AZ")
    assert (place.city, place.note) == ("Tucsoab", "not in gazetteer")


def test_new_york_without_state_is_the_city():
    assert resolve_place("New York").city == "New York"


@pytest.mark.parametrize(
    ("written", "state"),
    [("Portland, Ore.", None), ("Portland, OR", None), ("Portland, Oregon", "OR")],
)
def test_a_dateline_in_the_locality_carries_its_state(written, state):
    place = resolve_place(written, state)
    assert (place.city, place.state) == ("Portland", "OR")


def test_a_dateline_that_contradicts_the_state_is_not_split():
    place = resolve_place("Portland, Ore.", "ME")  # kept as written: the two disagree
    assert place.city == "Portland, Ore." and place.note == "not in gazetteer"
