"""The one line a reporter reads (turnout.errors): where, what, and a quoted value cut short."""

from __future__ import annotations

import pytest

from turnout.errors import QUOTE_LIMIT, DataError, PlaceError, one_line, quote


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ({}, "bad"),
        ({"path": "x.csv"}, "x.csv: bad"),
        ({"path": "x.csv", "row": 0}, "x.csv, row 0: bad"),
        ({"path": "x.csv", "column": "size_text"}, "x.csv, column 'size_text': bad"),
        ({"row": 4, "column": "date"}, "row 4, column 'date': bad"),
    ],
)
def test_a_data_error_says_where_first(where, line):
    err = DataError("bad", **where)
    assert str(err) == line == err.args[0]
    assert err._render_traceback_() == [f"DataError: {line}"]


def test_a_column_name_is_quoted_as_a_value_is():
    err = DataError("bad", path="x.csv", column="a\nb" + "c" * 100)
    assert str(err).startswith("x.csv, column 'a\\nbccc") and "(103 characters)" in str(err)


def test_quote_cuts_a_long_value_and_counts_it():
    assert quote("x" * QUOTE_LIMIT) == repr("x" * QUOTE_LIMIT)
    cut = quote("x" * (QUOTE_LIMIT + 1))
    assert cut == repr("x" * (QUOTE_LIMIT - 3) + "...") + " (81 characters)"
    assert quote(list(range(100)), limit=12) == "[0, 1, 2,... (390 characters)"
    assert quote(3.5) == "3.5"


def test_one_line_for_each_kind_of_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    located = DataError("a\n  bad   date", path=tmp_path / "data" / "x.csv", row=3)
    assert one_line(located) == "data/x.csv, row 3: a bad date"
    assert one_line(PlaceError("'Springfield' needs a state", "state")) == (
        "'Springfield' needs a state; give the place's 'state'"
    )
    missing = FileNotFoundError(2, "No such file or directory", "gone.csv")
    assert one_line(missing) == "gone.csv: No such file or directory"
    assert one_line(PermissionError("denied")) == "PermissionError: denied"
    assert one_line(ValueError("plain")) == "plain"


def test_a_place_error_is_one_line_in_a_notebook_too():
    err = PlaceError("'Portland' is ambiguous without a state", "state")
    assert err._render_traceback_() == [
        "PlaceError: 'Portland' is ambiguous without a state; give the place's 'state'"
    ]
