"""One way from a raw file to the processed one: `turnout clean`, `turnout build` and
`turnout build --story` all clean through turnout.dataset and report in the same words."""

from __future__ import annotations

import pandas as pd
import pytest

from turnout import paths
from turnout.dataset import clean_file, rejected_path
from turnout.errors import DataError

RAW = (
    "date,locality,state,size_text,source_quote\n"
    "2026-01-30,Denver,CO,about 50,About 50 rallied.\n"
    ",Denver,CO,dozens,Dozens marched.\n"
    "2026-01-31,Boulder,CO,about 90,About 80 rallied.\n"
)


def test_clean_file_writes_both_halves_and_reports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.csv").write_text(RAW, encoding="utf-8")
    report = clean_file("story.csv", "out/story.csv")
    assert report.summary == "2 clean, 1 rejected"
    assert report.lines() == [
        "2 clean, 1 rejected",
        "  rejected row 3: date: blank",
        "wrote out/story.csv and out/story.rejected.csv",
        "turnout: warning: story.csv, row 4, column 'size_text': "
        "'about 90' is not in its source_quote",
    ]
    assert len(pd.read_csv(tmp_path / "out" / "story.csv")) == 2
    assert pd.read_csv(report.rejected_path)["row"].tolist() == [3]
    assert report.rejected_path == rejected_path("out/story.csv")


def test_many_rejected_rows_are_counted_after_the_first_ten(tmp_path):
    rows = "".join(f",Denver,CO,{n},\n" for n in range(12))
    (tmp_path / "story.csv").write_text("date,locality,state,size_text,notes\n" + rows)
    details = clean_file(tmp_path / "story.csv", tmp_path / "clean.csv").details()
    assert len(details) == 10 + 2 and details[10] == "  ... and 2 more"


@pytest.mark.parametrize("output", ["story.csv", "story.rejected.csv"])
def test_raw_data_is_never_overwritten(tmp_path, output):
    src = tmp_path / "story.csv"
    src.write_text(RAW, encoding="utf-8")
    with pytest.raises(DataError, match="is the input file: raw data is never overwritten"):
        clean_file(src, tmp_path / output)
    assert src.read_text(encoding="utf-8") == RAW


def test_a_failed_check_writes_nothing(tmp_path):
    def refuse(events: pd.DataFrame, rejected: pd.DataFrame) -> None:
        assert (len(events), len(rejected)) == (18, 0)
        raise DataError("not this one")

    with pytest.raises(DataError, match="not this one"):
        clean_file(paths.seed_path(), tmp_path / "seed.csv", check=refuse)
    assert list(tmp_path.iterdir()) == []


def test_rows_outside_a_storys_period_are_named_ten_then_counted():
    """Issue 24: a story's rows dated outside its period are flagged when cleaning; an
    archive's worth of them is ten lines and a count, not a line each."""
    import pandas as pd

    from turnout.dataset import period_warnings
    from turnout.stories import Story

    days = pd.to_datetime(["2026-01-30"] + [f"2025-01-{d:02d}" for d in range(1, 13)])
    ev = pd.DataFrame({"row": range(2, 15), "date": days})
    story = Story(slug="s", data_path="data/raw/s.csv", start="2026-01-23", end="2026-02-02")
    said = period_warnings(story, ev)
    assert len(said) == 11 and all("row" in line for line in said[:10])
    assert said[0].startswith("data/raw/s.csv, row 3, column 'date': 2025-01-01 is outside")
    assert said[-1] == (
        "data/raw/s.csv, column 'date': 2 more rows are outside the story's period "
        "(2026-01-23 to 2026-02-02)"
    )
    assert period_warnings(Story(slug="s", data_path="data/raw/s.csv"), ev) == []
