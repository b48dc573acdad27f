"""One place that words a cell (issue 25, point 2): a row reads the same on the cleaning
page, in a notebook's table, in a chart's data and in an embed's tooltip."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from turnout import cells, show_data
from turnout.charts import base as chart_base
from turnout.charts import chart_info, turnout_by_city
from turnout.embeds import base as embed_base
from turnout.embeds import render, words

BLANKS = [None, math.nan, pd.NA, pd.NaT, "", "   "]


@pytest.mark.parametrize("value", BLANKS, ids=repr)
def test_every_room_reads_a_blank_alike(value):
    assert cells.blank(value)
    assert cells.text(value) == chart_base.text(value) == embed_base.text(value) == ""
    assert cells.cell(value) == show_data._text(value) == cells.BLANK
    assert cells.date(value) == show_data._day(value, year=True) == cells.BLANK
    assert words.date_words(value) == ""  # a tooltip leaves a missing date out
    assert cells.size(value, value) == show_data.coded_size(value, value) == cells.NO_NUMBER


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "said"),
    [
        (2000, 2000, "at least", "2,000+"),  # the page said "2,000+", the embed "at least 2,000"
        (50_000, 50_000, "about", "about 50,000"),
        (6000, 9000, "range", "6,000-9,000"),
        (1_050_000, 2_000_000, "range", "1,050,000-2,000,000"),
        (24, math.nan, "at least", "24+"),
        (math.nan, 32, "at most", "at most 32"),
    ],
)
def test_a_size_is_worded_once(low, high, qualifier, said):
    assert cells.size(low, high, qualifier) == said
    assert show_data.coded_size(low, high, qualifier) == said
    assert words.coded_size(low, high, qualifier) == said


def test_the_same_row_reads_the_same_on_the_page_and_in_the_embed(seed_events):
    page = show_data.events_table(seed_events).plain
    embed = render(chart_info(turnout_by_city(seed_events)))
    columns = embed.chart.table.columns
    coded, when = columns.index("Number as coded"), columns.index("Date")
    rows = embed.chart.table.rows
    assert rows
    for row in rows:
        assert row[coded] in page  # the cleaning page's "Coded as" cell, word for word
        assert row[when].endswith(", 2026")  # a full AP date, as the page's caption gives
    minneapolis = seed_events[seed_events["city"].eq("Minneapolis")].iloc[0]
    worded = cells.size(
        minneapolis["size_low"], minneapolis["size_high"], minneapolis["size_qualifier"]
    )
    assert worded == "about 50,000"
    assert any(row[coded] == worded for row in rows)


def test_a_floor_keeps_its_plus_in_the_temperature_embed(seed_events):
    from turnout.charts import temperature_vs_attendance

    info = chart_info(temperature_vs_attendance(seed_events))
    table = render(info).chart.table
    coded = table.columns.index("Number as coded")
    cleveland = [row for row in table.rows if row[0] == "Cleveland"]
    assert cleveland and all(row[coded] == "2,000+" for row in cleveland)  # "Thousands"
    assert "Cleveland, Jan. 30: 2,000+ people" in info.alt
