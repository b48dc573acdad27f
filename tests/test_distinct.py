"""turnout.distinct: each distinct value parsed once, the answer spread back to every row."""

from __future__ import annotations

import numpy as np
import pandas as pd

from turnout.distinct import distinct, map_distinct


def test_each_distinct_value_is_handled_once_and_spread_back():
    calls: list[object] = []

    def parse(value: object) -> str:
        calls.append(value)
        return f"<{value}>"

    column = pd.Series(["a", "b", None, "a", np.nan, "b"], index=[10, 11, 12, 13, 14, 15])
    out = map_distinct(column, parse, missing="", dtype="str")
    assert out.tolist() == ["<a>", "<b>", "", "<a>", "", "<b>"]
    assert out.index.tolist() == [10, 11, 12, 13, 14, 15] and out.dtype == "str"
    assert calls == ["a", "b"]  # missing cells are never parsed


def test_values_python_calls_equal_stay_apart_by_type():
    # 1, 1.0 and True are one dict key, but a crowd-size parser reads True as no number.
    d = distinct(pd.Series([1, 1.0, True, 1, None], dtype=object))
    assert d.codes.tolist() == [0, 1, 2, 0, -1]
    assert [type(v) for v in d.values] == [int, float, bool]


def test_unhashable_cells_are_each_their_own_value():
    d = distinct(pd.Series([[1], "a", [1], None, "a"], dtype=object))
    assert d.codes.tolist() == [0, 1, 2, -1, 1]
    assert d.values.tolist() == [[1], "a", [1]]


def test_spread_keeps_text_whole_and_missing_where_missing():
    d = distinct(["x", None, "y"])  # a list gets a fresh index
    assert d.index.tolist() == [0, 1, 2]
    got = d.spread(np.array(["a", "bb"]), "missing")  # numpy text would cut "missing" to 2
    assert got.tolist() == ["a", "missing", "bb"]
    dates = d.spread(np.array(["2026-01-30", "2026-02-03"], dtype="datetime64[us]"),
                     np.datetime64("NaT", "us"))  # fmt: skip
    assert pd.isna(dates[1]) and str(dates[2]) == "2026-02-03T00:00:00.000000"


def test_rows_of_a_frame_are_distinct_as_tuples():
    pairs = pd.DataFrame(
        {"city": ["Portland", "Portland", "Portland"], "state": ["OR", "ME", "OR"]}
    )
    d = distinct(pairs)
    assert d.codes.tolist() == [0, 1, 0]
    assert d.values.tolist() == [("Portland", "OR"), ("Portland", "ME")]
