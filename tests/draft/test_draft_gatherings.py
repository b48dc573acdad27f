"""turnout.draft.gatherings: build_draft's rows, the spans they rest on, the numbers left out."""

from __future__ import annotations

import datetime as dt

import pytest

from turnout.columns import RAW_COLUMNS
from turnout.draft.gatherings import NO_DAY, build_draft

BLACK_FRIDAY = (
    "SEATTLE (AP) — Hundreds of people marched through downtown Seattle on Black Friday.\n\n"
    "Police said they made four arrests. The police said about 700 people took part. "
    "In Denver, about 300 rallied on Thursday."
)


@pytest.fixture(scope="module")
def draft():
    return build_draft(BLACK_FRIDAY, published=dt.date(2015, 11, 27), source_name="AP")


def test_one_row_per_place_and_day(draft):
    assert list(draft.rows.columns) == RAW_COLUMNS
    assert draft.rows[["date", "locality", "state", "size_text"]].values.tolist() == [
        ["2015-11-27", "Seattle", "WA", "Hundreds; about 700"],  # one gathering, two estimates
        ["2015-11-26", "Denver", "CO", "about 300"],  # Thursday: the day before publication
    ]
    assert set(draft.rows["source_name"]) == {"AP"}
    assert draft.text == BLACK_FRIDAY


def test_every_size_a_row_uses_is_a_span_of_the_article(draft):
    def used(kind: str, row: int) -> list[str]:
        return [
            BLACK_FRIDAY[s.start : s.end] for s in draft.spans if s.kind == kind and row in s.rows
        ]

    for i, row in draft.rows.iterrows():
        assert "; ".join(used("size", i)) == row["size_text"]  # the words, verbatim, in order
    assert used("place", 1) == ["Denver"] and used("date", 1) == ["Thursday"]
    assert {s.kind for s in draft.spans} == {"place", "size", "date"}
    assert all(s.rows <= {0, 1} for s in draft.spans)


def test_numbers_that_are_not_crowds_are_left_out_with_a_reason(draft):
    assert [(q.text, q.reason) for q in draft.left_out] == [
        ("four", "people arrested, hurt or killed")
    ]


@pytest.mark.parametrize(
    "text, left",
    [
        ("Hundreds marched in Denver.", ("Hundreds", NO_DAY)),
        ("In 2012, hundreds marched in Denver.",
         ("hundreds", "a number from another year's event")),
        ("About 5,000 people marched in 40 cities on Saturday.",
         ("About 5,000", "a total across the country")),
    ],
)  # fmt: skip
def test_a_crowd_without_its_own_place_and_day_makes_no_row(text, left):
    draft = build_draft(text, published=dt.date(2017, 1, 22))
    assert draft.rows.empty
    assert left in [(q.text, q.reason) for q in draft.left_out]
