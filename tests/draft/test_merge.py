"""One row per gathering across articles: merged by place and day, sources kept, flags."""

from __future__ import annotations

import itertools

import pandas as pd
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.clean import clean_events
from turnout.columns import RAW_COLUMNS
from turnout.draft import draft_events
from turnout.draft.merge import merge_drafts, merge_place, place_key
from turnout.sizes import parse_size
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
    # An unnamed source is never given a name (not even its site's): it stays empty.
    assert first[0][1]["source_name"].split("\n") == ["AP", "NPR", ""]
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


_PLACES = [("Seattle", "WA"), ("seattle", "wa"), ("Denver", "CO")]
_DAYS = ["2026-01-30", "2026-01-31", "2026-02-10"]
_SIZES = ["", "hundreds", "about 4,000", "50,000", "6,000 to 9,000"]


@st.composite
def _drafts(draw):
    """Rows of up to five articles: few places and days, so they collide."""
    out = []
    for article in range(draw(st.integers(1, 5))):
        for n in range(draw(st.integers(0, 4))):
            (locality, state), day = draw(st.sampled_from(_PLACES)), draw(st.sampled_from(_DAYS))
            size = draw(st.sampled_from(_SIZES))
            name = draw(st.sampled_from(["AP", "NPR", ""]))
            url, quote = f"https://example.com/{article}", f"{size}."
            cells = _row(date=day, locality=locality, state=state, size_text=size,
                         source_name=name, source_url=url, source_quote=quote)  # fmt: skip
            out.append((article, n, cells))
    return out


@settings(max_examples=examples(60), deadline=None)
@given(_drafts(), st.randoms(use_true_random=False))
def test_every_row_is_one_source_of_one_merged_row_whatever_the_order(rows, rnd):
    merged = merge_place([t for t in rows if t[2]["locality"].casefold() == "seattle"])
    merged += merge_place([t for t in rows if t[2]["locality"] == "Denver"])
    # Nothing is lost or counted twice: each row is one source line of one output row.
    assert sum(len(row_sources(r["source_name"], "", r["source_url"])) for _, r in merged) == len(
        rows
    )
    for order, row in merged:
        said = [s.url for s in row_sources(row["source_name"], "", row["source_url"])]
        assert said == sorted(said)  # sources in the order the articles were given
        assert f"https://example.com/{order[0]}" == said[0]
        sizes = [t[2]["size_text"] for t in rows if len(said) > 1 and t[2]["size_text"]
                 and t[2]["date"] == row["date"] and place_key(t[2]) == place_key(row)
                 and f"https://example.com/{t[0]}" in said]  # fmt: skip
        if sizes:  # low the lowest estimate, high the highest
            both = parse_size(row["size_text"])
            assert both.low == min(parse_size(s).low for s in sizes)
            assert both.high == max(parse_size(s).high for s in sizes)
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    again = merge_place([t for t in shuffled if t[2]["locality"].casefold() == "seattle"])
    assert again == sorted(
        merge_place([t for t in rows if t[2]["locality"].casefold() == "seattle"]),
        key=lambda o: o[0],
    )
