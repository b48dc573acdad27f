"""Tests for turnout.ccc.read_ccc, on committed fixtures only.

- ``ccc_2017_2020_excerpt.csv``: 350 real rows of the Crowd Counting Consortium
  2017-2020 sample, header as in CCC's file (see fixtures/README.md).
- ``ccc_phase3.csv``: 13 hand-written rows with Phase-3 (2021-) column names;
  line 3 is cp1252 (Latin-1), the rest UTF-8.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from turnout.ccc import CCC_SOURCE_NAME, read_ccc
from turnout.columns import RAW_COLUMNS as EVENT_COLUMNS
from turnout.errors import DataError

FIXTURES = Path(__file__).parent / "fixtures"
EXCERPT = FIXTURES / "ccc_2017_2020_excerpt.csv"
PHASE3 = FIXTURES / "ccc_phase3.csv"
MISSING = {"", "NA", "na", "N/A", "n/a"}
CONVERTED = {"date", "size_low", "size_high", "size_mean", "size_cat", "fips_code"}
MOJIBAKE = ("â€", "Ã©", "Ã", "\ufffd")


def _records(path: Path) -> list[list[str]]:
    """The file's records as text, each line decoded UTF-8 or else cp1252 (independent of ccc)."""
    lines = []
    for raw in path.read_bytes().splitlines(keepends=True):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252"))
    return list(csv.reader(io.StringIO("".join(lines))))


def _expected(path: Path) -> pd.DataFrame:
    """Every cell as written, with CCC's missing markers as None."""
    header, *rows = _records(path)
    return pd.DataFrame(
        [[None if v in MISSING else v for v in row] for row in rows], columns=header, dtype=object
    )


def _values(col: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in col]


@pytest.fixture(scope="module")
def excerpt() -> pd.DataFrame:
    return read_ccc(EXCERPT)


@pytest.fixture(scope="module")
def phase3() -> pd.DataFrame:
    return read_ccc(PHASE3)


@pytest.mark.parametrize("path", [EXCERPT, PHASE3], ids=["2017-2020", "phase3"])
def test_every_row_kept_in_order(path: Path) -> None:
    expected = _expected(path)
    got = read_ccc(path, parse=False)
    assert len(got) == len(expected) == len(_records(path)) - 1
    assert _values(got["locality"]) == _values(expected["locality"])
    assert list(got.index) == list(range(len(expected)))


@pytest.mark.parametrize("path", [EXCERPT, PHASE3], ids=["2017-2020", "phase3"])
def test_every_original_column_kept_as_written(path: Path) -> None:
    expected = _expected(path)
    got = read_ccc(path, parse=False)
    assert list(got.columns[: len(expected.columns)]) == list(expected.columns)
    for col in expected.columns:
        if col in CONVERTED:
            continue
        assert got[col].dtype == "str", col
        assert _values(got[col]) == _values(expected[col]), col


def test_excerpt_header_and_counts(excerpt: pd.DataFrame) -> None:
    header = EXCERPT.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("date,locality,state,location_detail,online,type,title,")
    assert len(excerpt) == 350
    assert header.split(",") == list(excerpt.columns[:29])


@pytest.mark.parametrize("path", [EXCERPT, PHASE3], ids=["2017-2020", "phase3"])
def test_turnout_columns_and_provenance(path: Path) -> None:
    got = read_ccc(path, parse=False)
    expected = _expected(path)
    assert set(EVENT_COLUMNS) <= set(got.columns)
    assert (got["source_name"] == CCC_SOURCE_NAME).all()
    assert got["source_quote"].isna().all()
    assert got["temp_text"].isna().all() and got["source_date"].isna().all()
    sources = [c for c in expected.columns if c.startswith("source_")]
    sources.sort(key=lambda c: int(c.removeprefix("source_")))
    first = [
        next((row[c] for c in sources if pd.notna(row[c])), None) for _, row in expected.iterrows()
    ]
    assert _values(got["source_url"]) == first


def test_excerpt_source_url_is_source_1_when_present(excerpt: pd.DataFrame) -> None:
    has = excerpt["source_1"].notna()
    assert has.sum() > 300
    assert (excerpt.loc[has, "source_url"] == excerpt.loc[has, "source_1"]).all()


def test_phase3_columns_mapped_beside_ccc_names(phase3: pd.DataFrame) -> None:
    assert _values(phase3["type"]) == _values(phase3["event_type"])
    assert phase3.loc[0, "type"] == "rally; march"
    assert phase3.loc[0, "claims"] == "for climate action, against oil drilling in Los Angeles"
    assert _values(phase3["claims"]) == _values(phase3["claims_summary"])
    assert phase3.loc[0, "claims_verbatim"] == "climate justice now; no more drilling!"
    assert _values(phase3["location_detail"]) == _values(phase3["location"])
    assert phase3["latitude"].dtype == "float64" and phase3["longitude"].dtype == "float64"
    assert phase3.loc[0, ["latitude", "longitude"]].tolist() == [34.0522, -118.2437]
    assert np.isnan(phase3.loc[12, "latitude"])
    assert phase3.loc[1, ["resolved_locality", "resolved_county", "resolved_state"]].tolist() == [
        "Chicago",
        "Cook County",
        "IL",
    ]
    # an online event keeps its blank locality; source_1 "NA" -> source_url from source_2
    assert pd.isna(phase3.loc[12, "locality"]) and phase3.loc[12, "location_detail"] == "online"
    assert phase3.loc[10, "source_url"] == "https://www.example.com/news/2021/10/03/atlanta-rally"
    assert phase3.loc[12, "source_url"] == "public submission"


def test_fips_code_zero_padded_text(phase3: pd.DataFrame) -> None:
    assert phase3["fips_code"].dtype == "str"
    assert _values(phase3["fips_code"]) == [
        "06037",
        "17031",
        "06075",
        "01073",
        "41051",
        "48453",
        "25025",
        "36061",
        "53033",
        "08031",
        "13121",
        None,
        None,
    ]


def test_na_strings_are_missing(phase3: pd.DataFrame, excerpt: pd.DataFrame) -> None:
    row = phase3.loc[3]  # Birmingham: "NA" in text and number columns
    for col in (
        "location",
        "organizations",
        "participants",
        "claims_verbatim",
        "size_text",
        "size_low",
        "size_high",
        "size_mean",
        "arrests",
    ):
        assert pd.isna(row[col]), col
    assert pd.isna(phase3.loc[12, "size_text"])  # "na"
    assert pd.isna(phase3.loc[10, "arrests"]) and pd.isna(phase3.loc[11, "arrests"])  # na, N/A
    flags = {"date_problem", "size_problem"}  # "" there means "no problem"
    for df in (phase3, excerpt):
        for col in df.columns:
            if df[col].dtype == "str" and col not in flags:
                assert not df[col].isin(MISSING).any(), col
    # the excerpt's "na" size texts are missing, not text
    header, *rows = _records(EXCERPT)
    size_text = header.index("size_text")
    na_rows = [i for i, r in enumerate(rows) if r[size_text] == "na"]
    assert len(na_rows) >= 10
    assert excerpt.loc[na_rows, "size_text"].isna().all()
    assert excerpt.loc[na_rows, "size_low_parsed"].isna().all()


def test_latin1_line_decoded_without_mojibake(phase3: pd.DataFrame, excerpt: pd.DataFrame) -> None:
    assert b"B\x92nai" in PHASE3.read_bytes()  # the fixture really has a cp1252 line
    assert phase3.loc[1, "location"] == "Temple B\u2019nai Jehoshua"
    assert phase3.loc[1, "organizations"] == "Temple B’nai Jehoshua"
    assert phase3.loc[1, "notes"] == "café owner across the street brought coffee"
    assert phase3.loc[2, "organizations"] == "Women’s March SF"  # a UTF-8 line in the same file
    for col in phase3.columns:
        if phase3[col].dtype == "str":
            for bad in MOJIBAKE:
                assert not phase3[col].str.contains(bad, regex=False).any(), (col, bad)
    for col in excerpt.columns:
        if excerpt[col].dtype == "str":
            assert not excerpt[col].str.contains("â€", regex=False).any(), col
    assert excerpt["location_detail"].str.contains("’", regex=False).any()


def test_dates_parsed_and_problems_flagged(phase3: pd.DataFrame) -> None:
    assert str(phase3["date"].dtype).startswith("datetime64")
    assert phase3.loc[0, "date"] == pd.Timestamp("2021-06-13")
    assert phase3.loc[8, "date"] == pd.Timestamp("2021-08-14")  # 8/14/2021
    assert phase3.loc[8, "date_text"] == "8/14/2021"
    assert pd.isna(phase3.loc[5, "date"]) and pd.isna(phase3.loc[5, "date_text"])
    assert phase3.loc[5, "date_problem"] == "blank"
    assert pd.isna(phase3.loc[6, "date"])
    assert phase3.loc[6, "date_problem"] == "impossible: '2201-07-21'"
    assert pd.isna(phase3.loc[7, "date"])
    assert phase3.loc[7, "date_problem"] == "impossible: '2021-02-30' (February 2021 has 28 days)"
    ok = ~phase3.index.isin([5, 6, 7])
    assert (phase3.loc[ok, "date_problem"] == "").all()
    assert phase3.loc[ok, "date"].notna().all()


def test_excerpt_dates(excerpt: pd.DataFrame) -> None:
    problem = excerpt["date_problem"]
    assert (problem == "blank").sum() == 14
    assert excerpt.loc[problem == "blank", "date"].isna().all()
    for typo in ("0208-10-14", "2917-09-25", "2108-06-12"):
        row = excerpt.index[excerpt["date_text"] == typo]
        assert len(row) == 1, typo
        assert problem[row[0]] == f"impossible: '{typo}'"
        assert pd.isna(excerpt.loc[row[0], "date"])
    # a real calendar date before CCC began is kept, but flagged
    early = excerpt.index[excerpt["date_text"] == "2015-05-01"][0]
    assert excerpt.loc[early, "date"] == pd.Timestamp("2015-05-01")
    assert problem[early] == "before CCC coverage (2017): '2015-05-01'"
    fine = problem == ""
    assert fine.sum() == 350 - 14 - 3 - 4
    expected = pd.to_datetime(excerpt.loc[fine, "date_text"], format="%Y-%m-%d")
    assert (excerpt.loc[fine, "date"] == expected).all()


def test_coded_numbers_are_floats(phase3: pd.DataFrame, excerpt: pd.DataFrame) -> None:
    for df in (phase3, excerpt):
        for col in ("size_low", "size_high", "size_mean", "size_cat"):
            assert df[col].dtype == "float64", col
    row = phase3.loc[4]  # written "50.0", "1.0"
    coded = ["size_low", "size_high", "size_mean", "size_cat"]
    assert row[coded].tolist() == [50.0, 50.0, 50.0, 1.0]
    assert row["size_text"] == "50.0"  # the words stay text, for the parser
    assert phase3.loc[2, "size_low"] == 1000.0 and phase3.loc[2, "size_text"] == "more than 1,000"
    raw = _expected(EXCERPT)
    for col in ("size_low", "size_high", "size_mean", "size_cat"):
        want = [np.nan if v is None else float(v) for v in raw[col]]
        np.testing.assert_array_equal(excerpt[col].to_numpy(), np.array(want), err_msg=col)
    assert (excerpt["size_problem"] == "").all()


def test_junk_numbers_become_nan_and_are_flagged(phase3: pd.DataFrame) -> None:
    row = phase3.loc[9]  # size_low "o", size_high "-"
    assert np.isnan(row["size_low"]) and np.isnan(row["size_high"])
    assert row["size_problem"] == (
        "size_low is not a crowd size: 'o'; size_high is not a crowd size: '-'"
    )
    assert (phase3["size_problem"].drop(index=9) == "").all()


def test_junk_and_odd_cells_in_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(
        "date,locality,state,size_text,size_low,size_high,size_cat,source_2,source_10\n"
        "2021-06-13T00:00:00,Reno,NV,50,-5,1e3,n/a,,https://x/10\n"
        "June 3,Reno,NV,50,7,7,1,https://x/2,https://x/10\n"
        "1/2/2021,Reno,NV,na,NA,,0,,\n",
        encoding="utf-8",
    )
    got = read_ccc(path, parse=False)
    assert got["date"].tolist()[0] == pd.Timestamp("2021-06-13")
    assert got["date"].tolist()[2] == pd.Timestamp("2021-01-02")
    assert pd.isna(got.loc[1, "date"]) and got.loc[1, "date_problem"] == (
        "no year: 'June 3', and no source_date to take it from"
    )
    assert np.isnan(got.loc[0, "size_low"]) and got.loc[0, "size_high"] == 1000.0
    assert got.loc[0, "size_problem"] == "size_low is not a crowd size: '-5'"
    assert got["size_cat"].tolist()[1:] == [1.0, 0.0] and np.isnan(got.loc[0, "size_cat"])
    # source_url: source_2 before source_10 (numeric order)
    assert _values(got["source_url"]) == ["https://x/10", "https://x/2", None]


def test_header_only_file(tmp_path: Path) -> None:
    path = tmp_path / "empty_ccc.csv"
    path.write_text("date,locality,state,size_text,size_low,size_high\n", encoding="utf-8")
    got = read_ccc(path, parse=False)
    assert len(got) == 0
    assert {"date_text", "date_problem", "size_problem", "source_url"} <= set(got.columns)


@pytest.mark.parametrize("path", [EXCERPT, PHASE3], ids=["2017-2020", "phase3"])
def test_parsed_sizes_beside_coders(path: Path) -> None:
    from turnout.sizes import parse_sizes

    got = read_ccc(path)
    want = parse_sizes(got["size_text"])
    for ours in ("low", "high"):
        col = f"size_{ours}_parsed"
        assert got[col].dtype == "float64"
        np.testing.assert_array_equal(got[col].to_numpy(), want[f"size_{ours}"].to_numpy())
    assert got["size_low_parsed"].notna().sum() > 0
    # the coders' columns are untouched by parsing
    assert_same = read_ccc(path, parse=False)
    for col in ("size_low", "size_high"):
        np.testing.assert_array_equal(got[col].to_numpy(), assert_same[col].to_numpy())
    assert "size_low_parsed" not in assert_same


def test_parsed_sizes_values(phase3: pd.DataFrame) -> None:
    # "about 200" and "30-40" are unambiguous under CCC's rules
    assert phase3.loc[0, ["size_low_parsed", "size_high_parsed"]].tolist() == [200.0, 200.0]
    assert phase3.loc[8, ["size_low_parsed", "size_high_parsed"]].tolist() == [30.0, 40.0]
    assert phase3.loc[4, ["size_low_parsed", "size_high_parsed"]].tolist() == [50.0, 50.0]
    assert np.isnan(phase3.loc[3, "size_low_parsed"])  # size_text "NA"


def test_not_a_ccc_file(tmp_path: Path) -> None:
    path = tmp_path / "budget.csv"
    path.write_text("name,amount\nparks,100\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_ccc(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}, row 1, column 'date': not a Crowd Counting Consortium file")
    assert "name, amount" in msg and "\n" not in msg
    assert err.value.row == 1 and err.value.column == "date"


def test_turnout_format_is_not_ccc(tmp_path: Path) -> None:
    path = tmp_path / "seed.csv"
    path.write_text(",".join(EVENT_COLUMNS) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="none of CCC's columns.*read_events"):
        read_ccc(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.csv"
    with pytest.raises(DataError) as err:
        read_ccc(path)
    assert str(err.value) == f"{path}: no such file"


def test_unreadable_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(DataError, match="empty.csv: the file is empty"):
        read_ccc(empty)
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("date,locality,state,size_text,size_low\n2021-01-01,A,B,5,5\nx,y,z,1,2,3,4\n")
    with pytest.raises(DataError) as err:
        read_ccc(ragged)
    assert err.value.row == 3
    assert "ragged.csv: row 3 has 7 cells, the header 5: a comma inside" in str(err.value)
    workbook = tmp_path / "ccc.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    with pytest.raises(DataError, match="workbook, not a CSV: export it as CSV"):
        read_ccc(workbook)
    with pytest.raises(DataError, match="is a folder"):
        read_ccc(tmp_path)


def test_lazy_public_name_and_cheap_import() -> None:
    import turnout

    assert turnout.read_ccc is read_ccc
    code = (
        "import sys, turnout.ccc; "
        "print(sorted(m for m in ('turnout.sizes', 'matplotlib', 'seaborn', 'pandera', "
        "'nbconvert') if m in sys.modules))"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src, "PATH": ""},
    )
    assert out.stdout.strip() == "[]"


def test_raw_monthly_sheet_names_are_mapped():
    """CCC's raw 2017-2020 sheets use CityTown, EstimateText...; the compiled names are added."""
    path = Path(__file__).parent / "fixtures" / "ccc_sheet_2018.csv"
    df = read_ccc(path)
    assert len(df) == 3
    assert {"CityTown", "EstimateText", "Source1"} <= set(df.columns)  # originals kept
    assert df["locality"].tolist() == ["Portland", "Boston", "Springfield"]
    assert df["state"].tolist() == ["OR", "MA", "IL"]
    assert df["size_text"].tolist() == ["hundreds", "more than 1,000", "count pic"]
    assert df["size_low"].tolist() == [200.0, 1000.0, 40.0]
    assert df["size_low_parsed"].iloc[:2].tolist() == [200.0, 1000.0]
    assert pd.isna(df["size_low_parsed"].iloc[2])
    assert df["source_url"].tolist() == ["https://example.com/a", "https://example.com/b",
                                         "https://example.com/d"]  # fmt: skip
    assert df["date"].dt.strftime("%Y-%m-%d").tolist() == ["2018-06-30"] * 3
    assert df["notes"].iloc[2] == "counted from photo"
