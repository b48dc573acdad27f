"""A row of several sources (a merged draft) through cleaning, charts, embeds and the chart's
data file: every source named, quoted and carried."""

from __future__ import annotations

import csv
import html

import pandas as pd

from turnout import embeds
from turnout.ap import source_line
from turnout.charts import chart_info, turnout_by_city
from turnout.clean import clean_events, input_warnings
from turnout.columns import RAW_COLUMNS
from turnout.publish import save_chart


def _raw() -> pd.DataFrame:
    rows = [
        {
            "date": "2026-01-31",
            "locality": "Seattle",
            "state": "WA",
            "size_text": "about 40,000; 150,000",
            "source_name": "AP\nKUOW",
            "source_date": "2026-02-01\n2026-02-02",
            "source_url": "https://ap.example/1\nhttps://www.kuow.example/2",
            "source_quote": "Police said about 40,000 marched.\nOrganizers counted 150,000.",
        },
        {
            "date": "Jan. 31",  # a day without a year takes the first source's
            "locality": "Denver",
            "state": "CO",
            "size_text": "hundreds",
            "source_name": "Denver Post",
            "source_date": "2026-02-01",
            "source_quote": "Hundreds rallied.\nA second paragraph of the same source.",
        },
        {
            "date": "2026-01-31",
            "locality": "Boston",
            "state": "MA",
            "size_text": "dozens",
            "source_name": "AP\nWBUR\nGlobe",
            "source_date": "2026-02-01\n2026-02-01",
            "source_quote": "Dozens.\nDozens.\nDozens.",
        },
    ]
    return pd.DataFrame([{c: r.get(c, "") for c in RAW_COLUMNS} for r in rows], dtype="str")


def test_cleaning_keeps_every_source_and_rejects_cells_that_do_not_line_up():
    cleaned = clean_events(_raw())
    events, rejected = cleaned.events, cleaned.rejected
    assert events["city"].tolist() == ["Seattle", "Denver"]
    assert events.loc[0, ["size_low", "size_high"]].tolist() == [40_000, 150_000]
    assert events.loc[0, "source_name"] == "AP\nKUOW"
    assert events.loc[1, "date"] == pd.Timestamp("2026-01-31")
    assert rejected["reason"].tolist() == [
        "source_date: 2 lines for 3 sources (one line per source, in source_name order)"
    ]
    assert input_warnings(_raw().iloc[:2], path="day.csv") == []  # each address, each estimate


def test_a_bad_address_among_several_is_named():
    raw = _raw().iloc[:1].assign(source_url="https://ap.example/1\njavascript:alert(1)")
    [line] = input_warnings(raw, path="day.csv")
    assert line.startswith("day.csv, row 2, column 'source_url': 'javascript:alert(1)'")


def test_the_source_line_names_every_source():
    events = clean_events(_raw()).events
    assert source_line(events) == (
        "Sources: AP, Feb. 1, 2026; KUOW, Feb. 2, 2026; Denver Post, Feb. 1, 2026"
    )


def test_the_tooltip_quotes_every_source_and_the_data_file_carries_them(tmp_path):
    fig = turnout_by_city(clean_events(_raw()).events)
    page = html.unescape(embeds.render(chart_info(fig)).html)
    assert "AP: Police said about 40,000 marched." in page
    assert "KUOW: Organizers counted 150,000." in page
    assert "AP, Feb. 1, 2026, ap.example; KUOW, Feb. 2, 2026, kuow.example" in page
    files = save_chart(fig, "by-city", out_dir=tmp_path)
    with files["csv"].open(encoding="utf-8") as f:
        seattle = next(r for r in csv.DictReader(f) if r["source_name"].startswith("AP"))
    assert seattle["source_name"] == "AP\nKUOW"
    assert seattle["source_quote"].splitlines() == [
        "Police said about 40,000 marched.",
        "Organizers counted 150,000.",
    ]


def test_the_page_links_a_single_address_only_when_there_is_one():
    from turnout.show_data import source_note

    events = clean_events(_raw()).events
    assert "ap.example" not in source_note(events).plain  # two addresses: none is "the" link
    one = events.iloc[:1].assign(source_url="https://ap.example/1\nhttps://ap.example/1")
    assert "(https://ap.example/1)" in source_note(one).plain
