"""Each distinct value once: work on a column's distinct values, then spread the answers back.

Event files repeat themselves: a year of Crowd Counting Consortium data has a million rows
but a few thousand distinct crowd-size texts, dates or county codes. Parsing each distinct
value once and mapping the answer back to every row costs little more than parsing the
distinct values, so every parser over a column goes through here.

>>> texts = pd.Series(["dozens", "30", None, "dozens"])
>>> map_distinct(texts, str.upper, missing="").tolist()
['DOZENS', '30', '', 'DOZENS']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd


class Distinct(NamedTuple):
    """A column as its distinct values and, per row, which of them it holds.

    ``codes[i]`` is row ``i``'s position in ``values``, -1 where the row is missing
    (None, NaN), so an array of answers with one extra slot at the end for "missing"
    can be indexed by ``codes`` directly; :meth:`spread` does that.
    """

    codes: np.ndarray
    values: np.ndarray  # object array: one entry per distinct value, in order of appearance
    index: pd.Index  # the column's index, for the answers

    def spread(self, answers: Sequence[Any] | np.ndarray, missing: Any) -> np.ndarray:
        """Per-row answers from one answer per distinct value; ``missing`` for missing rows.

        Text answers are kept as Python strings (an object array), never cut to a width.

        >>> d = distinct(pd.Series(["b", None, "a", "b"]))
        >>> d.spread(np.array([1.0, 2.0]), np.nan).tolist()
        [1.0, nan, 2.0, 1.0]
        """
        answers = np.asarray(answers)
        if answers.dtype.kind in "US":  # numpy's fixed-width text would truncate ``missing``
            answers = answers.astype(object)
        return np.append(answers, np.array([missing], dtype=answers.dtype))[self.codes]


def distinct(column: pd.Series | pd.DataFrame | Sequence[Any]) -> Distinct:
    """The distinct values of ``column`` (a Series, a list, or a DataFrame's rows as tuples).

    Cells of different types stay apart even where Python calls them equal (``1``,
    ``1.0``, ``True``): a parser may read them differently. An unhashable cell (a list)
    is a distinct value of its own.

    >>> d = distinct(pd.Series(["9° F", None, "freezing", "9° F"]))
    >>> d.codes.tolist(), d.values.tolist()
    ([0, -1, 1, 0], ['9° F', 'freezing'])
    >>> distinct(pd.Series([1, 1.0, True])).codes.tolist()
    [0, 1, 2]
    >>> distinct(pd.DataFrame({"city": ["A", "A"], "state": ["X", "X"]})).values.tolist()
    [('A', 'X')]
    """
    if isinstance(column, pd.DataFrame):
        codes, uniques = pd.factorize(pd.MultiIndex.from_frame(column))
        return Distinct(codes, _objects(list(uniques)), column.index)
    values = column if isinstance(column, pd.Series) else pd.Series(column, dtype=object)
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        # pandas hashes Python strings in an object column faster than in its "str" dtype.
        codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
        return Distinct(codes, np.asarray(uniques, dtype=object), values.index)
    # Mixed cells: 1, 1.0, True and Decimal("1") hash alike but parse differently, so the
    # key carries the type.
    try:
        keyed = values.map(lambda v: v if isinstance(v, str) else (type(v), v), na_action="ignore")
        codes, _ = pd.factorize(keyed, use_na_sentinel=True)
    except TypeError:  # unhashable cells: each is its own value
        keyed = pd.Series(
            [_key(v, i) for i, v in enumerate(values)], index=values.index, dtype=object
        )
        codes, _ = pd.factorize(keyed.where(values.notna()), use_na_sentinel=True)
    first = pd.Series(np.arange(len(codes))).groupby(codes).first()
    raw = values.to_numpy(dtype=object)
    return Distinct(codes, _objects([raw[i] for k, i in first.items() if k >= 0]), values.index)


def _key(value: Any, position: int) -> Any:
    """A hashable key for a cell: its type and value, or its position when it has no hash."""
    if isinstance(value, str):
        return value
    try:
        hash(value)
    except TypeError:
        return ("unhashable", position)
    return (type(value), value)


def _objects(items: list[Any]) -> np.ndarray:
    """A 1-d object array of ``items`` (tuples and lists stay whole, not a 2-d array)."""
    out = np.empty(len(items), dtype=object)
    for i, item in enumerate(items):
        out[i] = item
    return out


def map_distinct(
    column: pd.Series | Sequence[Any],
    func: Callable[[Any], Any],
    *,
    missing: Any,
    dtype: Any = object,
) -> pd.Series:
    """``func`` of each distinct non-missing value, called once, spread back over ``column``.

    Missing cells (None, NaN) get ``missing`` without a call. The result has
    ``column``'s index (a fresh range for a list) and ``dtype``.

    >>> calls = []
    >>> def parse(text):
    ...     calls.append(text)
    ...     return len(text)
    >>> map_distinct(pd.Series(["ab", "abc", None, "ab"]), parse, missing=0, dtype="int64").tolist()
    [2, 3, 0, 2]
    >>> calls
    ['ab', 'abc']
    """
    d = distinct(column)
    answers = np.fromiter((func(v) for v in d.values), dtype=object, count=len(d.values))
    return pd.Series(d.spread(answers, missing), index=d.index, dtype=dtype)
