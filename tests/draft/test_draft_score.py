"""turnout.draft.score: a draft scored against the rows a person coded by hand."""

from __future__ import annotations

import pandas as pd

from turnout.draft.score import Score, readme_genres, score

COLUMNS = ["date", "locality", "state", "size_text"]


def _rows(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS)


def test_place_and_day_found_size_exact_and_rows_real():
    want = _rows(
        ("2026-01-30", "Cleveland", "OH", "Thousands"),
        ("2026-01-31", "Seattle", "WA", "6,000 to 9,000"),
    )
    got = _rows(
        ("2026-01-30", "Cleveland", "Ohio", "thousands"),  # the state spelled out is the same place
        ("2026-01-31", "Seattle", "WA", "about 6,000"),  # right place and day, other numbers
        ("2026-01-31", "Denver", "CO", "500"),  # not in the hand-coded rows
    )
    s = score(got, want)
    assert s == Score(expected=2, proposed=3, found=2, exact=1, real=2)
    assert (s.recall, s.recall_exact, round(s.precision, 2)) == (1.0, 0.5, 0.67)


def test_a_second_row_of_one_place_and_day_does_not_count_twice():
    want = _rows(("2026-01-30", "Houston", "TX", "hundreds"))
    got = _rows(
        ("2026-01-30", "Houston", "TX", "dozens"), ("2026-01-30", "Houston", "TX", "hundreds")
    )
    s = score(got, want)
    assert (s.found, s.exact) == (1, 1)  # the exact row is matched first
    assert s.real == 2  # both rows are of a real gathering


def test_scores_add_up_and_nothing_expected_is_perfect():
    total = Score(2, 3, 2, 1, 2) + Score(1, 1, 0, 0, 0)
    assert total == Score(3, 4, 2, 1, 2)
    empty = score(_rows(), _rows())
    assert (empty.recall, empty.precision) == (1.0, 1.0)


def test_genres_come_from_the_sets_readme_table(tmp_path):
    (tmp_path / "README.md").write_text(
        "| name | outlet | genre |\n|---|---|---|\n"
        "| ap-tax-day | AP | wire round-up with plans |\n"
        "| kuow-march | KUOW | local TV report |\n",
        encoding="utf-8",
    )
    assert readme_genres(tmp_path) == {"ap-tax-day": "wire", "kuow-march": "local report"}
    assert readme_genres(tmp_path / "no-such-set") == {}
