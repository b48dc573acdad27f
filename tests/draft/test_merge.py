"""One row per gathering across articles: merged by place and day, sources kept, flags."""

from __future__ import annotations

import itertools

import pandas as pd

from turnout.clean import clean_events
from turnout.columns import RAW_COLUMNS
from turnout.draft import draft_events
from turnout.draft.merge import merge_drafts, merge_place
from turnout.sources import row_sources


def _row(**cells):
    row = dict.fromkeys(RAW_COLUMNS, "")
    row.update(date="2026-01-31", locality="Seattle", state="WA", source_date="2026-02-01")
    row.update(cells)
    return row


def test_articles_reporting_one_gathering_give_one_row_with_every_source():
    ap = draft_events(
        "SEATTLE (AP) — Police said about 40,000 people marched in Seattle on Saturday.",
        published="2026-02-01", source_name="AP", source_url="https://ap.example/1",
    )  # fmt: skip
    kuow = draft_events(
        "Organizers said 150,000 marched through Seattle on Saturday. Tens of thousands "
        "rallied in Portland, Ore., on Saturday.",
        published="2026-02-02", source_name="KUOW",
    )  # fmt: skip
    merged = merge_drafts([ap, kuow])
    assert merged[["locality", "date"]].values.tolist() == [
        ["Seattle", "2026-01-31"],
        ["Portland", "2026-01-31"],
    ]
    seattle = merged.iloc[0]
    sources = row_sources(*seattle[["source_name", "source_date", "source_url", "source_quote"]])
    assert [(s.name, s.date, s.url) for s in sources] == [
        ("AP", "2026-02-01", "https://ap.example/1"),
        ("KUOW", "2026-02-02", ""),
    ]
    assert "40,000" in sources[0].quote and "150,000" in sources[1].quote
    assert "estimates by source: AP 'about 40,000'; KUOW '150,000'" in seattle["notes"]
    # Cleaning codes low as the lowest estimate and high as the highest, as CCC does.
    events = clean_events(merged).events
    assert events.loc[0, ["size_low", "size_high"]].tolist() == [40_000, 150_000]
    # Portland had one source: its row is that article's row, untouched.
    assert merged.iloc[1].to_dict() == kuow.iloc[1].to_dict()


def test_one_article_is_its_own_draft():
    one = draft_events(
        "Hundreds rallied in Denver on Friday. About 300 marched in Boulder, Colo., on Friday.",
        published="2026-01-31", source_name="AP",
    )  # fmt: skip
    pd.testing.assert_frame_equal(merge_drafts([one]), one)


def test_two_gatherings_an_article_tells_apart_stay_two_rows():
    a1 = _row(size_text="hundreds", source_name="AP", source_quote="Hundreds at noon.")
    a2 = _row(size_text="about 2,000", source_name="AP", source_quote="About 2,000 at night.")
    b = _row(size_text="thousands", source_name="NPR", source_quote="Thousands marched.")
    out = [row for _, row in merge_place([(0, 0, a1), (0, 1, a2), (1, 0, b)])]
    assert [r["size_text"] for r in out] == ["hundreds", "about 2,000", "thousands"]
    assert all("AP tell apart 2 gatherings in Seattle on Jan. 31" in r["notes"] for r in out)


def test_estimates_ten_times_apart_and_days_that_differ_are_flagged():
    a = _row(size_text="hundreds", source_name="AP")
    b = _row(size_text="50,000", source_name="NPR")
    [row] = [r for _, r in merge_place([(0, 0, a), (1, 0, b)])]
    assert "NPR's estimate is 50 times AP's: check they report the same gathering" in row["notes"]
    vague = _row(size_text="thousands", source_name="NPR")
    close = [r for _, r in merge_place([(0, 0, a), (1, 0, vague)])]
    assert len(close) == 1 and "times" not in close[0]["notes"]  # thousands may reach 10,000
    moved = _row(date="2026-02-01", source_name="NPR")
    notes = [r["notes"] for _, r in merge_place([(0, 0, a), (1, 0, moved)])]
    assert notes == [
        "AP puts Seattle on Jan. 31, NPR on Feb. 1: check the day",
        "NPR puts Seattle on Feb. 1, AP on Jan. 31: check the day",
    ]


def test_the_merge_does_not_depend_on_the_order_rows_arrive_in():
    rows = [
        (0, 0, _row(size_text="hundreds", source_name="AP")),
        (1, 0, _row(size_text="50,000", source_name="NPR")),
        (1, 1, _row(date="2026-02-01", size_text="dozens", source_name="NPR")),
        (2, 0, _row(size_text="", source_name="", source_url="https://www.kuow.example/x")),
    ]
    first = merge_place(rows)
    assert "kuow.example" in first[0][1]["source_name"]  # an unnamed source goes by its site
    for order in itertools.permutations(rows):
        assert merge_place(list(order)) == first


def test_a_day_flag_counts_the_articles_on_each_side_once():
    names = ["AP", "KUOW", "KING", "NPR", "Times"]
    rows = [
        (i, 0, _row(date="2026-01-31" if i < 3 else "2026-02-01", source_name=name))
        for i, name in enumerate(names)
    ]
    notes = [r["notes"].splitlines()[-1] for _, r in merge_place(rows)]
    assert notes == [
        "AP and 2 others put Seattle on Jan. 31, NPR and 1 other on Feb. 1: check the day",
        "NPR and 1 other put Seattle on Feb. 1, AP and 2 others on Jan. 31: check the day",
    ]
