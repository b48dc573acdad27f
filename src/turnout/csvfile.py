"""Read a CSV file as text, turning every way it can be broken into one clear DataError.

Both of turnout's readers (its own raw format and CCC's) go through here, so a
reporter gets the same one-line message for the same mistake: a binary file, a
workbook, UTF-16 text, a duplicated or empty header, ragged rows. Text is UTF-8
(a byte-order mark is fine); a line that is not valid UTF-8 is read as Windows
Latin-1 (cp1252) from its first bad byte to its end, so files that mix UTF-8 and
Latin-1 lines keep "Doña" as "Doña".
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

import pandas as pd

from turnout.errors import DataError

_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_UNCLOSED = re.compile(r"EOF inside string starting at row (\d+)")

#: Codec error handler: bytes that are not UTF-8 are cp1252, to the end of their line.
#: Registered with :mod:`codecs` so pandas' C parser decodes UTF-8 at full speed and calls
#: back into Python only where a line is not UTF-8.
LATIN1_FALLBACK = "turnout.cp1252_fallback"
# cp1252 leaves five bytes undefined; Latin-1 (their C1 control character) keeps them lossless.
_CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    # A line is written in one encoding: once a byte is not UTF-8, the rest of the line is
    # Latin-1 too (its "Ã©" is two letters, not a UTF-8 "é").
    data = exc.object
    newline = data.find(b"\n", exc.start)
    end = len(data) if newline < 0 else newline
    return "".join(_CP1252[b] for b in bytes(data[exc.start : end])), end


codecs.register_error(LATIN1_FALLBACK, _cp1252_fallback)

# What a file that is not CSV text starts with, and what to call it.
_MAGIC = [
    (
        (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"),
        "is a spreadsheet workbook, not a CSV: export it as CSV",
    ),
    ((b"\xff\xfe", b"\xfe\xff"), "is UTF-16 text, not UTF-8: save it as 'CSV UTF-8'"),
    ((b"%PDF",), "is a PDF, not a CSV file"),
    ((b"\x89PNG", b"\xff\xd8\xff", b"GIF8"), "is an image, not a CSV file"),
    ((b"\x1f\x8b",), "is a compressed (gzip) file: unpack it first"),
]
_HEAD = 64 * 1024
# Control characters that never occur in text (tab, newlines and form feed do).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})


def read_text_csv(
    path: Path, *, na_values: list[str], encoding_errors: str = LATIN1_FALLBACK
) -> pd.DataFrame:
    """Every cell as text (``na_values`` are missing); bad files raise :class:`DataError`.

    Lines that are not UTF-8 are read as Latin-1 (``encoding_errors="strict"`` refuses
    them instead). Wholly empty lines at the end are not rows; one inside the data is a
    row of missing cells, so every row keeps the number a spreadsheet shows it under.

    >>> from turnout import paths
    >>> read_text_csv(paths.seed_path(), na_values=[""]).shape
    (18, 16)
    """
    head = _check_is_text(path)
    header = next(csv.reader(io.StringIO(head.decode("utf-8-sig", errors="replace"))), [])
    seen: set[str] = set()
    for name in header:
        if name in seen and name.strip():
            raise DataError("the header names this column twice", path=path, row=1, column=name)
        seen.add(name)
    try:
        table = pd.read_csv(
            path,
            dtype="str",
            keep_default_na=False,
            na_values=na_values,
            encoding="utf-8",
            encoding_errors=encoding_errors,
            skip_blank_lines=False,
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
        unclosed = _UNCLOSED.search(text)
        if unclosed:
            raise DataError(
                'a quote mark (") opens a cell that never closes',
                path=path,
                row=int(unclosed.group(1)) + 1,
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
    # Blank lines at the end are not rows (inside the data they keep the numbering).
    end = len(table)
    while end and table.iloc[end - 1].isna().all():
        end -= 1
    if end < len(table):
        table = table.iloc[:end]
    return table


def _check_is_text(path: Path) -> bytes:
    """The file's first bytes, after making sure it is a readable text file."""
    if not path.exists():
        raise DataError("no such file", path=path)
    if path.is_dir():
        raise DataError("is a folder, not a CSV file", path=path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
            for magic, what in _MAGIC:
                if head.startswith(magic):
                    raise DataError(what, path=path)
            # A NUL byte is never text (pandas would quietly read it as the end of a cell).
            at, offset, chunk = head.find(b"\x00"), 0, head
            while at < 0 and len(chunk) == _HEAD:
                offset += len(chunk)
                chunk = fh.read(_HEAD)
                at = chunk.find(b"\x00")
    except OSError as err:
        raise DataError(f"cannot be read ({err.strerror or err})", path=path) from None
    if at >= 0:
        row = _line_of(path, offset + at)
        raise DataError("contains binary data (a NUL byte), not CSV text", path=path, row=row)
    if head and sum(head.count(b) for b in _BINARY_BYTES) > len(head) // 20:
        raise DataError("is binary data, not a CSV text file", path=path)
    return head


def _line_of(path: Path, offset: int) -> int:
    """1-based line number of a byte offset."""
    with open(path, "rb") as fh:
        return fh.read(offset).count(b"\n") + 1


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
