"""The embed of a chart kind with no design of its own: its data, every row a focusable item.

A chart added to :mod:`turnout.charts` before it has an embed design still
publishes: the embed shows the words around it and lists the rows of its
data (each row's cells by column name, quotes as quotes), so ``save_chart``
never breaks on a new kind.

>>> import pandas as pd
>>> data = pd.DataFrame({"place": ["Here"], "source_quote": ["A line."]})
>>> chart = draw(data, None, QuoteBudget())
>>> chart.table.columns, chart.table.rows[0][1]
(['place', 'source_quote'], ['A line.'])
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from turnout.embeds.base import Chart, QuoteBudget, Table, quotes, register, text
from turnout.embeds.words import date_words

_QUOTE_COLUMNS = ("source_quote",)


def _words(value: Any) -> str:
    """A cell as a reader sees it: dates as AP writes them, nothing for a missing value."""
    if isinstance(value, pd.Timestamp) and not pd.isna(value):
        return date_words(value)
    return text(value)


@register("")
def draw(data: pd.DataFrame, info: Any, budget: QuoteBudget) -> Chart:
    """No layouts: the page shows the table itself, each row a tooltip-bearing item."""
    columns = [str(c) for c in data.columns]
    quoted = frozenset(i for i, c in enumerate(columns) if c in _QUOTE_COLUMNS)
    rows = [
        [quotes(v, budget) if j in quoted else _words(v) for j, v in enumerate(r)]
        for r in data.itertuples(index=False)
    ]
    return Chart([], Table("", columns, rows, quoted))
