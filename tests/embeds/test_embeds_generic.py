"""turnout.embeds.generic: a chart kind with no embed design still publishes its rows."""

from __future__ import annotations

from turnout.embeds.base import QuoteBudget, renderer
from turnout.embeds.generic import draw


def test_two_seed_rows_become_table_rows_in_reader_words(seed_events):
    rows = seed_events.set_index("row").loc[[2, 7], ["date", "city", "size_text", "source_quote"]]
    chart = draw(rows.reset_index(), None, QuoteBudget())
    assert chart.layouts == []  # no design: the table is the chart
    assert chart.table.columns == ["row", "date", "city", "size_text", "source_quote"]
    minneapolis, atlanta = chart.table.rows
    assert minneapolis[:4] == ["2", "Jan. 23, 2026", "Minneapolis", "Around 50,000"]
    assert atlanta[:4] == ["7", "Jan. 30, 2026", "Atlanta", ""]  # no size: a blank, not "nan"
    # the quote column is a list of whole sentences, marked as quoted
    assert chart.table.quote_columns == frozenset({4})
    assert minneapolis[4] == [seed_events.set_index("row").loc[2, "source_quote"]]


def test_quotes_over_the_budget_are_counted_not_cut(seed_events):
    rows = seed_events[["city", "source_quote"]].head(2)
    first = rows["source_quote"].iloc[0]
    chart = draw(rows, None, QuoteBudget(len(first.encode())))
    assert chart.table.rows[0][1] == [first]
    assert chart.table.rows[1][1] == ["… 1 more sentence in the data file."]


def test_it_is_the_renderer_of_a_kind_without_a_design():
    assert renderer("a-kind-added-tomorrow") is draw
