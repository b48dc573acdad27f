"""One place that words a cell: a size as coded, a date, a place, a blank.

A row reads the same on the cleaning page, in a notebook's table, in a chart's data and
in an embed's tooltip: "about 50,000", "6,000-9,000", "2,000+" (the words give only a
lowest number), "no number"; "Jan. 23, 2026"; "Portland, Ore."; and an em dash where
nothing is given. Numbers are written in full ("1,050,000"): a cell is looked up, and
only a chart's labels shorten to "1.05 million" (:func:`turnout.ap.fmt_range`).

Pure functions of their arguments; pandas is never imported here, so missing values of
every kind (None, NaN, ``pd.NA``, ``pd.NaT``, blank strings) are recognised without it.

>>> size(6000, 9000), size(50000, 50000, "about"), size(2000, 2000, "at least")
('6,000-9,000', 'about 50,000', '2,000+')
>>> size(float("nan"), float("nan")), date(None), place("Portland", "OR")
('no number', '—', 'Portland, Ore.')
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from turnout.ap import ap_date, fmt_number, place_label

#: A cell with nothing in it: an em dash, as a table prints it.
BLANK = "\u2014"
#: A crowd cell with no number: said, not dashed, since "no number" is itself a finding.
NO_NUMBER = "no number"


def blank(value: Any) -> bool:
    """Whether a cell holds nothing: None, NaN, ``pd.NA``, ``pd.NaT`` or only spaces.

    >>> import pandas as pd
    >>> [blank(v) for v in (None, float("nan"), pd.NA, pd.NaT, "  ", "0", 0)]
    [True, True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # NaN and NaT differ from themselves
    except (TypeError, ValueError):  # pd.NA has no truth value: it is missing
        return True


def text(value: Any) -> str:
    """A cell as text for data files, labels and tooltips: "" when blank, never "nan".

    >>> import pandas as pd
    >>> text("Seattle"), text(pd.NA), text(float("nan")), text(3)
    ('Seattle', '', '', '3')
    """
    return "" if blank(value) else str(value)


# Unicode's bidirectional controls (embeddings, overrides, isolates, marks): in data text one
# would turn the words after it around ("U+202E" prints a quote backwards), so none is shown.
BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def shown(value: Any) -> str:
    """A cell as the words a reader sees on a page or chart: :func:`text`, with bidirectional
    controls left out so the words read in the order they are stored (data files keep them).

    >>> shown("Denver \u202eTNEMTRAPED") == "Denver TNEMTRAPED"
    True
    """
    return text(value).translate(BIDI_CONTROLS)


def cell(value: Any) -> str:
    """A cell as a table prints it: spaces and line breaks run together, bidirectional
    controls out (:func:`shown`), :data:`BLANK` when there is nothing.

    >>> cell("  about\\n 500 "), cell(None)
    ('about 500', '—')
    """
    return " ".join(shown(value).split()) or BLANK


def size(low: Any, high: Any, qualifier: Any = "") -> str:
    """A crowd size as the data codes it: one number, a low-high range, a floor ("2,000+":
    the words give only a lowest number, as the charts mark it), "about" or "at most" a
    number, or :data:`NO_NUMBER`.

    Ranges take a hyphen, AP style for tables and charts ("to" is for running text).

    >>> size(4000, 5000), size(500, 500), size(500, None), size(None, 32, "at most")
    ('4,000-5,000', '500', '500', 'at most 32')
    >>> size(1_050_000, 2_000_000)
    '1,050,000-2,000,000'
    """
    q = text(qualifier).strip()
    if blank(low) and blank(high):
        return NO_NUMBER
    lo = float(high if blank(low) else low)
    hi = lo if blank(high) else float(high)
    if hi > lo:
        return f"{fmt_number(lo)}-{fmt_number(hi)}"
    number = fmt_number(lo)
    if q == "at least":
        return number + "+"
    return f"{q} {number}" if q in ("about", "at most") else number


def date(value: Any, *, year: bool = True, empty: str = BLANK) -> str:
    """A day as AP writes it, "Jan. 23, 2026" (``year=False``: "Jan. 23"); ``empty`` when
    there is none; words that are no date ("last week") as written.

    >>> date("2026-01-23"), date("2026-01-23", year=False), date("last week"), date(None, empty="")
    ('Jan. 23, 2026', 'Jan. 23', 'last week', '')
    """
    if blank(value):
        return empty
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return value
    try:
        return ap_date(value, year=year)
    except (ValueError, TypeError, AttributeError):
        return str(value)


def place(city: Any, state_code: Any) -> str:
    """A place as AP writes it ("Portland, Ore.", "Houston"), :data:`BLANK` with no city.

    >>> place("Houston", "TX"), place(float("nan"), "TX"), place("Tulsa", None)
    ('Houston', '—', 'Tulsa')
    """
    if blank(city):
        return BLANK
    return place_label(str(city), None if blank(state_code) else str(state_code))


def number(value: Any) -> str:
    """A whole number in full, "1,200,000", or :data:`BLANK`.

    >>> number(1_200_000.0), number(float("nan"))
    ('1,200,000', '—')
    """
    return BLANK if blank(value) else fmt_number(float(value))
