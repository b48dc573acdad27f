"""The one exception type for bad input files, and how a message quotes a value.

A reporter who feeds turnout a broken file should read one line that names the
file, the row and the column, not a traceback. A message that quotes a cell
quotes at most :data:`QUOTE_LIMIT` characters of it (:func:`quote`): a 200 KB
cell must not become a 200 KB warning line.
"""

from __future__ import annotations

#: Characters of a value a message quotes; longer values end "..." and give their length.
QUOTE_LIMIT = 80


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    r"""A value as a message quotes it: its ``repr`` (text in quotes, on one line, control
    characters escaped), cut to ``limit`` characters with "..." and the full length when
    longer.

    >>> quote("about 50"), quote("a\nb")
    ("'about 50'", "'a\\nb'")
    >>> quote("x" * 200_000, limit=10)
    "'xxxxxxx...' (200,000 characters)"
    """
    if not isinstance(value, str):
        shown = repr(value)  # a number or a list reads as Python writes it, like !r
        if len(shown) <= limit:
            return shown
        return f"{shown[: max(limit - 3, 1)]}... ({len(shown):,} characters)"
    if len(value) <= limit:
        return repr(value)
    return f"{value[: max(limit - 3, 1)] + '...'!r} ({len(value):,} characters)"


class DataError(ValueError):
    """Bad input data, located by file, row and column.

    ``row`` is the 1-based line number in the file as a spreadsheet shows it
    (the header is line 1), when known.

    >>> str(DataError("date is not a date: '2026-13-01'", path="x.csv", row=3, column="date"))
    "x.csv, row 3, column 'date': date is not a date: '2026-13-01'"

    A message that is a sentence about its row ("row 2 has ...") names it only once:

    >>> str(DataError("row 2 has 17 cells, the header 16", path="x.csv", row=2))
    'x.csv: row 2 has 17 cells, the header 16'
    """

    def __init__(
        self,
        message: str,
        *,
        path: object = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.row = row
        self.column = column
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append(self.path)
        if self.row is not None and not self.message.startswith(f"row {self.row} "):
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {quote(self.column)}")
        return f"{', '.join(where)}: {self.message}" if where else self.message
