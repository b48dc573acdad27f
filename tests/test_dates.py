"""Days without a year (turnout.dates): the year comes from the source's date, and a note
says where it was taken (issue 13)."""

from __future__ import annotations

import pandas as pd
import pytest

from turnout.clean import clean_events
from turnout.dates import parse_dates, year_notes

# ------------------------------------------------------------------- days without a year


def _days(texts, sources):
    source = pd.to_datetime(pd.Series(sources, dtype=object), errors="coerce")
    dates, problem = parse_dates(pd.Series(texts, dtype=object), source)
    return [None if pd.isna(d) else f"{d:%Y-%m-%d}" for d in dates], problem.tolist()


@pytest.mark.parametrize(
    ("text", "source", "want"),
    [
        ("Jan. 29", "2026-02-03", "2026-01-29"),
        ("Feb. 3", "2026-02-03", "2026-02-03"),  # the source's own day
        ("Feb. 4", "2026-02-03", "2025-02-04"),  # a day after the source: last year's
        ("Dec. 31", "2026-01-01", "2025-12-31"),
        ("January 29th", "2026-02-03", "2026-01-29"),
        ("29th of January", "2026-02-03", "2026-01-29"),
        ("29 Jan.", "2026-02-03", "2026-01-29"),
        ("jan 29", "2026-02-03", "2026-01-29"),
        ("  Sept. 3  ", "2026-02-03", "2025-09-03"),
        ("Sep 3", "2026-02-03", "2025-09-03"),
        ("May 1", "2026-05-01", "2026-05-01"),
        ("1/29", "2026-02-03", "2026-01-29"),
        ("12/31", "2026-02-03", "2025-12-31"),
        ("Feb. 29", "2024-03-01", "2024-02-29"),
        ("Feb. 29", "2025-02-27", "2024-02-29"),
        ("Jan. 29", "2026-02-03T15:00:00Z", "2026-01-29"),
    ],
)
def test_a_day_without_a_year_takes_the_source_dates(text, source, want):
    dates, problem = _days([text], [source])
    assert dates == [want] and problem == [""]


@pytest.mark.parametrize(
    ("text", "source", "problem"),
    [
        ("Jan. 29", None, "no year: 'Jan. 29', and no source_date to take it from"),
        ("Jan. 29", "next week", "no year: 'Jan. 29', and no source_date to take it from"),
        (
            "Feb. 29",
            "2026-03-05",
            "no year: 'Feb. 29', and no such day in the year up to its source_date 2026-03-05",
        ),
        (
            "Feb. 29",
            "2024-02-28",
            "no year: 'Feb. 29', and no such day in the year up to its source_date 2024-02-28",
        ),
        ("Feb. 30", "2026-02-03", "impossible: 'Feb. 30'"),
        ("April 31", "2026-02-03", "impossible: 'April 31'"),
        ("13/5", "2026-02-03", "impossible: '13/5'"),
        ("Smarch 3", "2026-02-03", "not a date: 'Smarch 3'"),
        ("Jan.", "2026-02-03", "not a date: 'Jan.'"),
    ],
)
def test_a_day_without_a_year_that_cannot_be_read(text, source, problem):
    dates, got = _days([text], [source])
    assert dates == [None] and got == [problem]


def test_year_notes_only_where_the_year_was_taken():
    text = pd.Series(["Jan. 29", "2026-01-29", "Jan. 29", None])
    dates, _ = parse_dates(text, pd.to_datetime(pd.Series(["2026-02-03", None, None, None])))
    notes = year_notes(text, dates).tolist()
    assert notes[0].startswith("'Jan. 29' has no year: read as 2026-01-29")
    assert notes[1:] == ["", "", ""]


def test_clean_events_reads_the_year_from_source_date_written_any_way():
    raw = pd.DataFrame(
        {
            "date": ["Jan. 29", "Jan. 29", "Jan. 29"],
            "locality": ["Denver", "Boston", "Miami"],
            "source_date": ["Feb. 3, 2026", "2/3/2026", "Feb. 3"],
        },
        dtype="str",
    )
    cleaned = clean_events(raw)
    assert cleaned.events.date.dt.strftime("%Y-%m-%d").tolist() == ["2026-01-29", "2026-01-29"]
    assert cleaned.events.date_note.str.contains("has no year").all()
    assert cleaned.rejected.reason.tolist() == [
        "date: no year: 'Jan. 29', and no source_date to take it from"
    ]


def test_a_date_that_names_no_day_says_why_and_a_short_year_says_what_to_write() -> None:
    _, problem = parse_dates(
        pd.Series(["4/10/06", "2006-04-31", "2/29/2026", "2/29/2024", "2026-13-01", "0208-10-14"])
    )
    assert problem.tolist() == [
        "the year has two digits: '4/10/06' (write it in full: YYYY-MM-DD)",
        "impossible: '2006-04-31' (April has 30 days)",
        "impossible: '2/29/2026' (February 2026 has 28 days)",
        "",  # a leap year
        "impossible: '2026-13-01' (there is no month 13)",
        "impossible: '0208-10-14'",  # a real day of the year 208: a typo of the year
    ]
