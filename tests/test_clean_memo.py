"""A build's notebooks clean each file once between them (turnout.clean_memo)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from turnout import clean, clean_memo
from turnout.clean import RejectedRowsWarning, load_cleaned

CSV = (
    "date,locality,state,type,size_text,temp_text,source_name,source_quote,notes\n"
    "2026-01-30,Minneapolis,MN,march,about 200,,Test Wire,about 200 marched,\n"
    "2026-13-45,Seattle,WA,rally,dozens,,Test Wire,a bad date,\n"
)


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "may.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.fixture
def memo(tmp_path, monkeypatch):
    folder = tmp_path / "memo"
    folder.mkdir()
    monkeypatch.setenv(clean_memo.MEMO_ENV, str(folder))
    return folder


def _never_cleaned(monkeypatch):
    def refuse(raw):
        raise AssertionError("cleaned again: the memo was not used")

    monkeypatch.setattr(clean, "clean_events", refuse)


def test_outside_a_build_nothing_is_shared_or_written(data, tmp_path, monkeypatch):
    monkeypatch.delenv(clean_memo.MEMO_ENV, raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RejectedRowsWarning)
        load_cleaned(data)
    assert clean_memo.recall(data, "auto") is None
    assert [p.name for p in tmp_path.iterdir()] == ["may.csv"]


def test_the_second_notebook_reads_the_first_ones_table(data, memo, monkeypatch):
    with pytest.warns(RejectedRowsWarning) as first_warned:
        first = load_cleaned(data)
    assert len(list(memo.glob("*.pickle"))) == 1
    _never_cleaned(monkeypatch)
    with pytest.warns(RejectedRowsWarning) as again_warned:
        again = load_cleaned(data)
    pd.testing.assert_frame_equal(again.events, first.events)
    pd.testing.assert_frame_equal(again.rejected, first.rejected)
    # The reader's note is the same: one of two rows, whichever kernel cleaned the file.
    assert str(again_warned[0].message) == str(first_warned[0].message)
    assert "1 of 2 rows rejected" in str(again_warned[0].message)
    assert again.events.attrs["source_path"] == str(data)


def test_an_edited_file_or_another_format_is_cleaned_again(data, memo):
    with pytest.warns(RejectedRowsWarning):
        load_cleaned(data)
    assert clean_memo.recall(data, "turnout") is None
    data.write_text(CSV.replace("about 200", "about 300"), encoding="utf-8")
    assert clean_memo.recall(data, "auto") is None
    with pytest.warns(RejectedRowsWarning):
        edited = load_cleaned(data)
    assert edited.events.loc[0, "size_low"] == 300


def test_a_broken_memo_file_is_cleaned_again_not_an_error(data, memo):
    key = clean_memo.memo_key(data, "auto")
    (memo / f"{key}.pickle").write_bytes(b"not a pickle")
    assert clean_memo.recall(data, "auto") is None
    with pytest.warns(RejectedRowsWarning):
        cleaned = load_cleaned(data)
    assert list(cleaned.events["city"]) == ["Minneapolis"]


def test_a_missing_file_still_says_so(tmp_path, memo):
    from turnout.errors import DataError

    with pytest.raises(DataError, match="no such file"):
        load_cleaned(tmp_path / "gone.csv")


def test_keep_into_a_named_folder_is_what_the_build_fills_first(data, tmp_path, monkeypatch):
    monkeypatch.delenv(clean_memo.MEMO_ENV, raising=False)
    folder = tmp_path / "build-memo"
    folder.mkdir()
    with pytest.warns(RejectedRowsWarning):
        cleaned = load_cleaned(data)
    clean_memo.keep(data, "auto", cleaned, str(folder))
    monkeypatch.setenv(clean_memo.MEMO_ENV, str(folder))
    _never_cleaned(monkeypatch)
    with pytest.warns(RejectedRowsWarning):
        again = load_cleaned(data)
    pd.testing.assert_frame_equal(again.events, cleaned.events)
