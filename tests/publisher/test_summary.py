"""turnout.publisher.summary: what a build ends with, read from the story's manifest."""

from __future__ import annotations

import pytest

from turnout.publisher.cache import CACHE_FORMAT, MANIFEST, story_cache, write_manifest
from turnout.publisher.summary import StorySummary, rejected_line, story_summary


def test_a_rejected_row_names_file_row_and_column():
    row = {"row": 5, "reason": "date: '2031-13-45' is not a date"}
    assert rejected_line("data/raw/tulsa.csv", row) == (
        "data/raw/tulsa.csv, row 5, column 'date': '2031-13-45' is not a date"
    )
    # a reason about the whole row names no column
    whole = {"row": 9, "reason": "row: every cell is empty"}
    assert (
        rejected_line("data/raw/tulsa.csv", whole)
        == "data/raw/tulsa.csv, row 9: every cell is empty"
    )


def test_the_heading_counts_in_words_and_strict_counts_problems():
    one = StorySummary("tulsa", "t.csv", 1, [], ["t.csv, row 6: words not in the quote"], [])
    assert one.lines()[0] == "turnout: tulsa: 1 clean, 0 rejected, 1 warning, 0 charts left out"
    assert one.lines()[1] == "  warning: t.csv, row 6: words not in the quote"
    assert one.problems == 1
    left = StorySummary("tulsa", "t.csv", 4, [], [], [("Was it cold?", "")])
    assert left.lines()[-1] == "  chart left out: Was it cold?"  # no trailing space
    assert left.problems == 0  # a chart left out is not a problem for --strict


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A story's build manifest, as the last build left it."""
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))

    def write(manifest: dict) -> None:
        write_manifest(story_cache("tulsa") / MANIFEST, {"format": CACHE_FORMAT, **manifest})

    return write


def test_summary_read_from_the_manifest_lists_unpublished_charts(built):
    report = {"data": "data/raw/tulsa.csv", "clean": 4, "warnings": [],
              "rejected": [{"row": 5, "reason": "date: blank"}]}  # fmt: skip
    notebooks = {
        "03-cold.ipynb": {"headline": "Was it cold?", "published": False,
                          "left_out": ["No event reports", "a temperature."]},
        "02-by-city.ipynb": {"headline": "Where?", "published": True},
    }  # fmt: skip
    built({"data": {"report": report}, "notebooks": notebooks})
    summary = story_summary("tulsa")
    assert summary.clean == 4 and summary.data == "data/raw/tulsa.csv"
    assert summary.left_out == [("Was it cold?", "No event reports a temperature.")]
    assert summary.lines()[1] == "  rejected: data/raw/tulsa.csv, row 5, column 'date': blank"


def test_a_manifest_without_a_data_report_has_no_summary(built):
    built({"notebooks": {}})
    assert story_summary("tulsa") is None
    # a manifest of an older format is read as no build at all
    built({"format": "an older one", "data": {"report": {"clean": 4}}, "notebooks": {}})
    assert story_summary("tulsa") is None
    built({"data": {"report": {"clean": 4}}, "notebooks": {}})
    assert story_summary("tulsa").clean == 4
