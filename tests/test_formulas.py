"""Spreadsheet formulas in the data (turnout.formulas): cells a spreadsheet would run are
neutralised in every file turnout writes, and the desk is told (issue 13)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from turnout.formulas import formula_like, formula_mask, neutralise

# ---------------------------------------------------------------------------- formulas

FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=cmd",
    "\r=cmd",
    "\tplain text after a tab",
    " =1+1",
    "\n=1+1",
    "＝1+1",
    "-",
    "- 5",
    "+-1",
    "-21 °F",
    "-inf",
    "@",
]
NOT_FORMULAS = [
    "-21",
    "+3.5",
    "-1,000",
    " -21 ",
    "-2.5e3",
    "−21",  # a Unicode minus: no spreadsheet reads it as a formula sign
    "about -21",
    "1+1",
    "a=b",
    "",
    "dozens",
    "'=already quoted",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_like(text):
    assert formula_like(text)
    got = neutralise(pd.DataFrame({"q": [text]}))
    assert got.table.loc[0, "q"] == "'" + text and got.cells == 1


@pytest.mark.parametrize("text", NOT_FORMULAS)
def test_not_formula_like(text):
    assert not formula_like(text)
    got = neutralise(pd.DataFrame({"q": [text]}))
    assert got.table.loc[0, "q"] == text and got.cells == 0


def test_neutralise_touches_only_text_and_copies():
    table = pd.DataFrame(
        {
            "n": [-21.0, 3.5],
            "i": pd.array([-1, None], dtype="Int64"),
            "d": pd.to_datetime(["2026-01-30", None]),
            "cat": pd.Categorical(["=x", "y"]),
            "s": pd.array(["@a", None], dtype="string"),
            "mixed": ["-x", 5],
            "=name": ["a", "b"],
        }
    )
    before = table.copy()
    got = neutralise(table)
    pd.testing.assert_frame_equal(table, before)  # the input is not changed
    assert got.cells == 4
    assert list(got.table.columns)[-1] == "'=name"
    assert got.table["cat"].tolist() == ["'=x", "y"]
    assert got.table["s"].tolist()[0] == "'@a" and pd.isna(got.table["s"].tolist()[1])
    assert got.table["mixed"].tolist() == ["'-x", 5]
    pd.testing.assert_series_equal(got.table["n"], table["n"])
    pd.testing.assert_series_equal(got.table["i"], table["i"])
    assert formula_mask(pd.Series([None, 1.5, "=x"], dtype=object)).tolist() == [False, False, True]


def test_save_figure_defuses_and_says_so(tmp_path):
    from turnout.publish import save_figure
    from turnout.style import new_figure, use_style

    with use_style():
        fig = new_figure()
    data = pd.DataFrame({"quote": ["=1+1", "fine", "-21"], "size": [-21.0, 1.0, 2.0]})
    out = save_figure(
        fig, "x", title="T", alt="A test", source="S", notes="", data=data, out_dir=tmp_path
    )
    assert out["csv"].read_text(encoding="utf-8") == "quote,size\n'=1+1,-21.0\nfine,1.0\n-21,2.0\n"
    meta = json.loads(out["json"].read_text(encoding="utf-8"))
    assert meta["data_notes"].startswith("1 text cell of x.csv begin")
    assert data.loc[0, "quote"] == "=1+1"  # the caller's table is not changed
    clean = save_figure(
        fig,
        "y",
        title="T",
        alt="A test",
        source="S",
        notes="",
        data=data.iloc[1:],
        out_dir=tmp_path,
    )
    assert json.loads(clean["json"].read_text(encoding="utf-8"))["data_notes"] == ""
