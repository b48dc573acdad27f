"""The hand-transcribed seed dataset: shape, codebook columns and provenance against the article."""

import csv
import hashlib
import re

import pytest

from turnout import paths
from turnout.columns import RAW_COLUMNS

SEED = paths.raw_dir() / "ice_out_2026.csv"
ARTICLE = paths.raw_dir() / "sources" / "workers-world-2026-02-03-anti-ice-solidarity-spreads.txt"


def rows() -> list[dict[str, str]]:
    with open(SEED, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def article_text() -> str:
    return re.sub(r"\s+", " ", ARTICLE.read_text(encoding="utf-8"))


def test_columns_follow_the_codebook():
    with open(SEED, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == RAW_COLUMNS
    documented = (paths.raw_dir() / "README.md").read_text(encoding="utf-8")
    for column in header:
        assert f"| `{column}` |" in documented, f"{column} is not in data/raw/README.md"


def test_every_gathering_of_the_article():
    data = rows()
    assert len(data) >= 18
    assert len({(r["locality"], r["state"]) for r in data}) == 10
    assert all(r["date"] and r["locality"] and r["state"] for r in data)
    assert {r["source_name"] for r in data} == {"Workers World"}
    assert {r["source_date"] for r in data} == {"2026-02-03"}


@pytest.mark.parametrize("row", rows(), ids=lambda r: f"{r['locality']}-{r['date']}")
def test_quote_is_verbatim_and_holds_the_words(row):
    text = article_text()
    for piece in row["source_quote"].split(" … "):
        assert piece in text, f"not in the article: {piece!r}"
    for column in ("size_text", "temp_text"):
        if row[column]:
            assert row[column] in row["source_quote"], f"{column} {row[column]!r} not quoted"


def test_counts_of_other_things_are_not_crowd_sizes():
    walkout = [r for r in rows() if "100 high schools" in r["source_quote"]]
    assert len(walkout) == 1 and walkout[0]["size_text"] == ""


def test_cleaning_never_edits_raw_data(tmp_path):
    from turnout.clean import clean_events, read_events, write_cleaned

    before = hashlib.sha256(SEED.read_bytes()).hexdigest()
    raw = read_events(SEED)
    copy = raw.copy()
    write_cleaned(clean_events(raw), tmp_path / "out.csv")
    assert raw.equals(copy), "clean_events modified its input"
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == before
