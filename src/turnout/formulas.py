"""Text cells a spreadsheet would run as a formula, and how published files defuse them.

A quote copied from a hostile page (``=HYPERLINK("http://evil","click")``,
``@SUM(1+1)*cmd|' /C calc'!A0``, ``+cmd|...``) is kept verbatim in the raw and
processed data: they are the record. A CSV a *reader* downloads (a chart's data,
:func:`turnout.publish.save_figure`) is opened in a spreadsheet, which would run
it. OWASP's rule for such files (CSV injection): a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so the
spreadsheet shows it as text. Real numbers (``-21``, ``+3.5``, ``-1,000``) are
never touched, nor are number columns. A cell whose formula sign follows
leading spaces or a line break (`` =1+1``), or is the full-width form (``＝``),
counts too: some spreadsheets trim before they read.

>>> neutralise(pd.DataFrame({"q": ["=1+1", "-21", "about 50", "\\t=cmd"]})).table.q.tolist()
["'=1+1", '-21', 'about 50', "'\\t=cmd"]
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

__all__ = ["formula_like", "formula_mask", "neutralise", "Neutralised", "FORMULA_NOTE"]

# A tab or CR first, or a formula sign first after any spaces and line breaks.
_STARTS = r"[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20]"
# A number a spreadsheet reads as a number: "-21", "+3.5", "-1,000", "-2.5e3".
_NUMBER = r" *[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)? *"

#: What a chart's data notes say when cells were defused.
FORMULA_NOTE = (
    "{n} of {file} begin with =, +, -, @, a tab or a carriage return, so a spreadsheet "
    "would run them as formulas; each is written with a leading ' so that it shows as "
    "text. The words are otherwise the source's."
)


class Neutralised(NamedTuple):
    """A table ready to publish as CSV, and how many cells (and column names) got a ``'``."""

    table: pd.DataFrame
    cells: int


def formula_like(value: object) -> bool:
    """True for text a spreadsheet would run as a formula (never for a number).

    >>> [formula_like(v) for v in ["=SUM(A1)", "@x", " +1+1", "-21", "+3.5", "−21", -21]]
    [True, True, True, False, False, False, False]
    """
    if not isinstance(value, str):
        return False
    return bool(re.match(_STARTS, value)) and not (
        re.fullmatch(_NUMBER, value) and re.search(r"\d", value)
    )


def formula_mask(col: pd.Series) -> pd.Series:
    """:func:`formula_like` for a whole column, vectorised (False for cells not text).

    >>> formula_mask(pd.Series(["=1", None, 3, "-3"], dtype=object)).tolist()
    [True, False, False, False]
    """
    text = col.where(col.map(type).eq(str) if col.dtype == object else col.notna())
    text = text.astype("object").where(text.notna(), "")
    starts = text.str.match(_STARTS) & text.ne("")
    number = text.str.fullmatch(_NUMBER) & text.str.contains(r"\d", regex=True)
    return (starts & ~number).fillna(False).astype(bool)


def neutralise(table: pd.DataFrame) -> Neutralised:
    """A copy of ``table`` with every formula-like text cell (and column name) given a
    leading ``'``; number, date and category columns are left as they are.

    >>> out = neutralise(pd.DataFrame({"size": [-21.0], "quote": ["@SUM(1+1)"]}))
    >>> out.table.to_dict("records"), out.cells
    ([{'size': -21.0, 'quote': "'@SUM(1+1)"}], 1)
    """
    out = table.copy()
    cells = 0
    for i in range(len(out.columns)):
        col = out.iloc[:, i]
        if isinstance(col.dtype, pd.CategoricalDtype):
            col = col.astype("object")  # its labels are text a reader sees too
        if not (pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)):
            continue
        mask = formula_mask(col)
        if mask.any():
            cells += int(mask.sum())
            out.isetitem(i, col.where(~mask, "'" + col.astype("object").where(mask, "")))
    names = pd.Series([str(c) for c in out.columns], dtype=object)
    named = formula_mask(names)
    if named.any():
        cells += int(named.sum())
        out.columns = ["'" + n if m else n for n, m in zip(names, named, strict=True)]
    return Neutralised(out, cells)
