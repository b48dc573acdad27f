"""Hostile and hurried input (issue 13), beyond the corpus: runaway values, AP dateline
cities, and rows with the wrong number of cells in files that also carry a BOM, CRLF line
ends or quoted line breaks. Script links, formulas and days without a year have their
modules' own files (test_links.py, test_formulas.py, test_dates.py).
"""

from __future__ import annotations

import pytest

from turnout.clean import clean_events, input_warnings, read_events, read_raw
from turnout.errors import DataError, quote
from turnout.places import PlaceError, resolve_place

# ---------------------------------------------------------------------- quoting values


def test_quote_caps_a_runaway_value():
    value = "x" * 200 * 1024
    shown = quote(value)
    assert shown == f"'{'x' * 77}...' (204,800 characters)"
    assert quote("line\nbreak\r\x00") == "'line\\nbreak\\r\\x00'"  # one line, always
    assert quote(5) == "5" and quote([1, 2]) == "[1, 2]"
    assert quote(list(range(100))).endswith("... (390 characters)")
    assert quote("x" * 80) == repr("x" * 80)  # exactly the limit: whole


def test_every_message_about_a_runaway_cell_is_short(tmp_path):
    big = "Z" * 300_000
    path = tmp_path / "big.csv"
    path.write_text(
        "date,locality,state,size_text,temp_text,source_url,source_quote\n"
        f"{big},{big},{big},{big},{big},{big},={big}\n",
        encoding="utf-8",
    )
    raw = read_raw(path)
    reasons = clean_events(raw).rejected.reason.tolist()
    assert reasons and all(len(r) < 400 for r in reasons), [len(r) for r in reasons]
    warnings = input_warnings(raw, path=path)
    assert len(warnings) == 2 and all(len(w) < 400 for w in warnings)  # url, formula
    header = tmp_path / "header.csv"
    header.write_text(f"date,locality,{big},{big}\n1,2,3,4\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_raw(header)
    assert len(str(err.value)) < 300 and "(300,000 characters)" in str(err.value)


# --------------------------------------------------------------------- AP dateline cities

AP_CITIES = {
    "Atlanta": "GA", "Baltimore": "MD", "Boston": "MA", "Chicago": "IL", "Cincinnati": "OH",
    "Cleveland": "OH", "Dallas": "TX", "Denver": "CO", "Detroit": "MI", "Honolulu": "HI",
    "Houston": "TX", "Indianapolis": "IN", "Las Vegas": "NV", "Los Angeles": "CA",
    "Miami": "FL", "Milwaukee": "WI", "Minneapolis": "MN", "New Orleans": "LA",
    "New York": "NY", "Oklahoma City": "OK", "Philadelphia": "PA", "Phoenix": "AZ",
    "Pittsburgh": "PA", "St. Louis": "MO", "Salt Lake City": "UT", "San Antonio": "TX",
    "San Diego": "CA", "San Francisco": "CA", "Seattle": "WA", "Washington": "DC",
}  # fmt: skip


@pytest.mark.parametrize(("city", "state"), sorted(AP_CITIES.items()))
def test_ap_dateline_cities_stand_alone(city, state):
    from turnout.ap import AP_DATELINE_CITIES

    assert city in AP_DATELINE_CITIES
    place = resolve_place(city)
    assert place.state == state
    assert place.latitude == place.latitude  # has coordinates
    assert place.note in ("", f"AP dateline: {city!r} alone is {place.city}, {state}")


@pytest.mark.parametrize("name", ["DENVER", "saint louis", "St Louis", " Boston ", "Miami."])
def test_ap_dateline_cities_as_wires_and_hurried_hands_write_them(name):
    assert resolve_place(name).note.startswith("AP dateline: ")


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Portland", "(OR, ME, TX, TN, ...)"),
        ("Springfield", "(MO, MA, IL, OR, ...)"),
        ("Columbus", "(OH, GA, IN, MS, ...)"),
    ],
)
def test_other_shared_names_still_need_a_state(name, listed):
    with pytest.raises(PlaceError) as err:
        resolve_place(name)
    assert str(err.value) == f"{name!r} is ambiguous without a state {listed}"
    assert err.value.column == "state"


def test_a_dateline_city_with_the_wrong_state_keeps_the_state_and_says_so():
    place = resolve_place("Denver", "Texas")
    assert (place.city, place.state) == ("Denver", "TX") and place.latitude != place.latitude
    assert place.note == "not in gazetteer (AP's dateline Denver is in CO: check the state)"
    assert resolve_place("Boston", "MA").note == ""  # the right state: nothing to say
    assert resolve_place("Miami, Fla.").note == ""


# ---------------------------------------------------------------- cell counts, any export

HINT = 'a comma inside a value needs quotes ("Jan. 21, 2017")'


def _read(tmp_path, data: bytes):
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    return path, read_events


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # A quoted line break keeps its row number: the spreadsheet's, not the file's line.
        (
            b'date,locality\n"2026-01-30",Denver\n"Jan. 30,\n2026",Boston\nJan. 31, 2026,Miami\n',
            f"row 4 has 3 cells, the header 2: {HINT}",
        ),
        (
            b"date,locality\r\n2026-01-30,Denver\r\n2026-01-31\r\n",
            "row 3 has 1 cell, the header 2: a cell is missing, or a line break in a value "
            "needs quotes",
        ),
        (
            b"\xef\xbb\xbfdate,locality,state\n2026-01-30,Denver,CO,,\n",
            f"row 2 has 5 cells, the header 3: {HINT}",
        ),
        (
            b"date,locality\r2026-01-30,Denver\rx,y,z\r",  # old Mac line ends
            f"row 3 has 3 cells, the header 2: {HINT}",
        ),
        (
            "date,locality\n2026-01-30,Doña Ana\n2026-01-31,Doña, Ana\n".encode("cp1252"),
            f"row 3 has 3 cells, the header 2: {HINT}",
        ),
    ],
)
def test_cell_counts_in_any_export(tmp_path, data, message):
    path, read = _read(tmp_path, data)
    with pytest.raises(DataError) as err:
        read(path)
    assert str(err.value) == f"{path}: {message}"
    assert err.value.row == int(message.split()[1])


def test_blank_lines_and_quoted_cells_are_not_misfits(tmp_path):
    data = (
        b'date,locality,source_quote\n\n"2026-01-30","Denver","a, b\r\nc"\n   \n'
        b'2026-01-31,Boulder,"""quoted"", he said"\n\n\n'
    )
    path, read = _read(tmp_path, data)
    raw = read(path)
    assert len(raw) == 4  # blank and space-only lines inside the data are rows
    assert raw.loc[1, "source_quote"] == "a, b\r\nc"
    assert raw.loc[3, "source_quote"] == '"quoted", he said'


def test_an_unclosed_quote_is_named_before_the_cell_count(tmp_path):
    path, read = _read(tmp_path, b'date,locality\n2026-01-30,Denver\n2026-01-31,"Boulder\n1,2\n')
    with pytest.raises(DataError) as err:
        read(path)
    assert str(err.value) == f'{path}, row 3: a quote mark (") opens a cell that never closes'


def test_a_header_cell_with_values_needs_a_name(tmp_path):
    path, read = _read(tmp_path, b"date,locality,,\n2026-01-30,Denver,,x\n")
    with pytest.raises(DataError) as err:
        read(path)
    assert str(err.value) == (
        f"{path}, row 1: a header cell is empty, but column 4 has values: give it a name"
    )
