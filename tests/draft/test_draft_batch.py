"""Several articles into one draft (turnout.draft.batch): which files, in what order, where the
draft goes and never over an earlier one. In one process (jobs=1): the worker pool is the
command's, tested in test_draft_cli.py."""

from __future__ import annotations

import pandas as pd
import pytest

from turnout.columns import RAW_COLUMNS
from turnout.draft.batch import draft_csv, draft_files, draft_path
from turnout.errors import DataError

ARTICLE = "MINNEAPOLIS (AP) — About 300 people marched downtown on Saturday.\n"


def _articles(folder, *names: str):
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLE.replace("300", str(100 + len(name))), "utf-8")
    return folder


def test_articles_drafted_in_the_order_given(tmp_path):
    folder = _articles(tmp_path / "wire", "a.txt", "bb.txt")
    rows = draft_files(
        [folder / "bb.txt", folder / "a.txt"], published="2026-01-31", source_name="AP", jobs=1
    )
    assert list(rows.columns) == RAW_COLUMNS
    # One gathering (same place, same day) across both: each article's words, in the order given.
    assert rows["size_text"].tolist() == ["About 106; About 105"]
    # One source name is not every file's: both sources are left unnamed (one line each).
    assert rows["source_name"].tolist() == ["\n"]


def test_no_articles_is_an_empty_draft_with_the_story_columns():
    rows = draft_files([], published="2026-01-31")
    assert list(rows.columns) == RAW_COLUMNS and rows.empty


def test_draft_csv_quotes_where_needed_and_ends_lines_with_newlines():
    rows = pd.DataFrame({"city": ["St. Paul, Minn."], "quote": ['"About 300," she said']})
    # A draft ends with an empty `checked` column: no row is checked until a person says so.
    want = 'city,quote,checked\n"St. Paul, Minn.","""About 300,"" she said",\n'
    assert draft_csv(rows) == want


def test_a_story_draft_goes_beside_its_data_and_never_over_an_earlier_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    out = draft_path("river")
    assert out == tmp_path / "data" / "raw" / "river.draft.csv"
    out.parent.mkdir(parents=True)
    out.write_text("earlier", encoding="utf-8")
    with pytest.raises(DataError, match=r"river.draft.csv: already exists: a draft is never"):
        draft_path("river")
    with pytest.raises(DataError, match=r"'River' is not a story name"):
        draft_path("River")
