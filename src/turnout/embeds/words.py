"""The words an embed prints: dates, counts, temperatures and source lines, AP style.

The formatters are the charts' own (:mod:`turnout.ap`, imported here only, so
the embeds follow them wherever they move); this module puts them together for
tooltips and accessible names.

>>> coded_size(6000, 9000, "range"), coded_size(3000, 3000, "at least")
('6,000-9,000', '3,000+')
>>> source_words("Workers World", "2026-02-03", "javascript:alert(1)")
'Workers World, Feb. 3, 2026'
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from turnout import cells
from turnout.ap import ap_date, fmt_count, fmt_degrees
from turnout.embeds.base import QuoteBudget, missing, quotes, text
from turnout.links import web_url

__all__ = [
    "ap_date", "coded_size", "date_words", "degrees", "fmt_count", "sourced", "source_words",
    "web_address",
]  # fmt: skip


def date_words(value: Any) -> str:
    """ "Jan. 23, 2026", or "" for a missing date (a tooltip leaves it out); as every room
    words it (:func:`turnout.cells.date`)."""
    return cells.date(value, empty="")


#: A crowd size as every room words it: "about 50,000", "6,000-9,000", "24+", "no number".
coded_size = cells.size


def degrees(value: Any) -> str:
    return "" if missing(value) else fmt_degrees(float(value))


def web_address(url: Any) -> str:
    """The site of an http(s) address ("wvnews.com"); "" for anything else (no ``javascript:``)."""
    address = web_url(url)  # the one rule for what counts as a web address (turnout.links)
    if address is None:
        return ""
    return (urlsplit(address).hostname or "").removeprefix("www.")


def source_words(name: Any, date: Any, url: Any = "") -> str:
    """ "Workers World, Feb. 3, 2026", with the reporting site when the data gives one; every
    source of a row of several (one line per source), joined by semicolons.

    >>> source_words("AP\\nKUOW", "2026-02-01\\n2026-02-02", "\\nhttps://www.kuow.org/x")
    'AP, Feb. 1, 2026; KUOW, Feb. 2, 2026, kuow.org'
    """
    from turnout.sources import row_sources

    sources = row_sources(text(name), text(date), text(url)) if text(name) else []
    if len(sources) < 2:
        parts = [text(name), date_words(date), web_address(url)]
        return ", ".join(p for p in parts if p)
    return "; ".join(
        ", ".join(p for p in (s.name, date_words(s.date), web_address(s.url)) if p) for s in sources
    )


def sourced(row: Any, budget: QuoteBudget, *, sep: str | None = None) -> list[Any]:
    """A mark's last two tooltip cells: the sentences quoted (whole, within the budget) and
    the source. The one place a row's sources are read for an embed, so a row that quotes
    several sources changes here alone.

    >>> row = {"source_quote": "Thousands marched.", "source_name": "AP",
    ...        "source_date": "2026-01-30", "source_url": ""}
    >>> sourced(row, QuoteBudget())
    [['Thousands marched.'], 'AP, Jan. 30, 2026']
    """
    said = quotes(row["source_quote"], budget, sep=sep, names=row["source_name"])
    return [said, source_words(row["source_name"], row["source_date"], row["source_url"])]
