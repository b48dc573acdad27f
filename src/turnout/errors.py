"""The one exception type for bad input files.

A reporter who feeds turnout a broken file should read one line that names the
file, the row and the column, not a traceback.
"""

from __future__ import annotations


class DataError(ValueError):
    """Bad input data, located by file, row and column.

    ``row`` is the 1-based line number in the file as a spreadsheet shows it
    (the header is line 1), when known.

    >>> str(DataError("date is not a date: '2026-13-01'", path="x.csv", row=3, column="date"))
    "x.csv, row 3, column 'date': date is not a date: '2026-13-01'"
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
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}" if where else self.message
