"""turnout.draft.spill: rows of many articles merged a gathering at a time, in memory or
spilled to files, the same either way."""

from __future__ import annotations

import pytest

from turnout.draft.spill import MergedRows


def _row(day: str, city: str, state: str, source: str, size: str = "") -> dict[str, str]:
    return {"date": day, "locality": city, "state": state, "source_name": source,
            "size_text": size}  # fmt: skip


ARTICLES = {
    0: [_row("2026-01-31", "Denver", "CO", "AP", "about 300"),
        _row("2026-01-31", "Boise", "ID", "AP", "dozens")],
    1: [_row("2026-01-31", "Seattle", "WA", "KUOW", "hundreds")],
    2: [_row("2026-01-31", "Denver", "CO", "Denver Post", "about 400")],
}  # fmt: skip


def _merge(rows: MergedRows, order: list[int]) -> list[dict[str, str]]:
    for article in order:
        rows.add(article, ARTICLES[article])
    return list(rows.merged())


def test_one_row_per_gathering_in_the_order_of_its_first_source():
    merged = _merge(MergedRows(), [0, 1, 2])
    assert [r["locality"] for r in merged] == ["Denver", "Boise", "Seattle"]
    denver = merged[0]
    assert denver["source_name"] == "AP\nDenver Post"  # every source kept, one a line
    assert denver["size_text"] == "about 300; about 400"  # joined as CCC codes them


@pytest.mark.parametrize("order", [[0, 1, 2], [2, 1, 0]])
def test_spilled_to_files_is_the_same_row_for_row_and_cleans_up(order):
    expected = _merge(MergedRows(), [0, 1, 2])
    spilled = MergedRows(memory_limit=0, shares=2)
    for article in order:
        spilled.add(article, ARTICLES[article])
    where = spilled._dir
    assert where is not None and any(where.iterdir())  # past the limit: on disk
    assert list(spilled.merged()) == expected
    assert not where.exists()
    assert spilled.count == 4
