"""Read a CSV file as text, turning every way it can be broken into one clear DataError.

Both of turnout's readers (its own raw format and CCC's) go through here, so a
reporter gets the same one-line message for the same mistake.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from turnout.errors import DataError

_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def read_text_csv(
    path: Path, *, na_values: list[str], encoding_errors: str = "strict"
) -> pd.DataFrame:
    """Every cell as text (``na_values`` are missing); bad files raise :class:`DataError`.

    >>> from turnout import paths
    >>> read_text_csv(paths.seed_path(), na_values=[""]).shape
    (18, 16)
    """
    if not path.exists():
        raise DataError("no such file", path=path)
    if path.is_dir():
        raise DataError("is a folder, not a CSV file", path=path)
    try:
        with open(path, "rb") as fh:
            magic = fh.read(8)
    except OSError as err:
        raise DataError(f"cannot be read ({err.strerror or err})", path=path) from None
    if magic.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DataError("is a spreadsheet workbook, not a CSV: export it as CSV", path=path)
    try:
        table = pd.read_csv(
            path,
            dtype="str",
            keep_default_na=False,
            na_values=na_values,
            encoding="utf-8",
            encoding_errors=encoding_errors,
        )
    except UnicodeDecodeError:
        row, column = _locate_bad_text(path)
        raise DataError(
            "is not UTF-8 text (save the file as UTF-8)", path=path, row=row, column=column
        ) from None
    except pd.errors.EmptyDataError:
        raise DataError("the file is empty", path=path) from None
    except pd.errors.ParserError as err:
        text = " ".join(str(err).split())
        found = _RAGGED.search(text)
        if found:
            want, line, saw = found.groups()
            raise DataError(
                f"row has {saw} cells but the header has {want}", path=path, row=int(line)
            ) from None
        raise DataError(f"is not a well-formed CSV ({text[:200]})", path=path) from None
    except OSError as err:
        raise DataError(f"cannot be read ({err.strerror or err})", path=path) from None
    if len(table.columns) == 1 and str(table.columns[0]).count(";") >= 2:
        # Spreadsheets in many locales export "CSV" with semicolons: say so, not "no date column".
        raise DataError(
            "is separated by semicolons, not commas: export it as comma-separated CSV",
            path=path,
            row=1,
        )
    return table


def _locate_bad_text(path: Path) -> tuple[int | None, str | None]:
    """Row and column of the first cell that is not UTF-8, for the error message."""
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        for number, cells in enumerate(reader, start=2):
            for i, cell in enumerate(cells):
                if any("\udc80" <= ch <= "\udcff" for ch in cell):
                    return number, header[i] if i < len(header) else None
    return None, None
