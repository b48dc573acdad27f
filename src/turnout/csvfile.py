"""Read a CSV file as text, turning every way it can be broken into one clear DataError.

Both of turnout's readers (its own raw format and CCC's) go through here, so a
reporter gets the same one-line message for the same mistake: a binary file, a
workbook, UTF-16 text, a duplicated or empty header, a row with more or fewer
cells than the header (counted before parsing, so an unquoted comma in a first
row, "Jan. 21, 2017,Chicago,...", is an error naming the row, never a silent
shift of every column). The count runs at C speed over the file's bytes (numpy,
a cache-sized slice at a time; only quoted text is copied out), so a million CCC
rows cost a few percent of pandas' parse; only a file it cannot vouch for, or
one with a row pandas' C parser finds too long, is counted again cell by cell in
Python, to name the row. Text is UTF-8
(a byte-order mark is fine); a line that is not valid UTF-8 is read as Windows
Latin-1 (cp1252) from its first bad byte to its end, so files that mix UTF-8 and
Latin-1 lines keep "Doña" as "Doña".
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from turnout.errors import DataError

_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_UNCLOSED = re.compile(r"EOF inside string starting at row (\d+)")
# Python's csv module caps a cell at 128 KiB; pandas has no cap, so neither may the count.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))

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
    data = _read_text_bytes(path)  # read once: the fast count and pandas share the bytes
    header = _header(path)
    width = _cells(header)
    # The exact count (Python, cell by cell) runs only when the fast one cannot vouch for
    # every row (a misfit, a blank line, a stray quote, a lone CR) or pandas finds a row
    # too long (in _parse).
    misfit = None if cells_add_up(path, width, data=data) else _count_cells(path)[2]
    _check_header(path, header)
    if misfit is not None:
        _refuse_misfit(path, width, *misfit)
    table = _parse(path, data, width, na_values=na_values, encoding_errors=encoding_errors)
    # Blank lines at the end are not rows (inside the data they keep the numbering).
    end = len(table)
    while end and table.iloc[end - 1].isna().all():
        end -= 1
    return table.iloc[:end] if end < len(table) else table


def _check_header(path: Path, header: list[str]) -> None:
    """Refuse a header that names a column twice or is separated by semicolons."""
    seen: set[str] = set()
    for name in header:
        if name in seen and name.strip():
            raise DataError("the header names this column twice", path=path, row=1, column=name)
        seen.add(name)
    if len(header) == 1 and header[0].count(";") >= 2:
        # Spreadsheets in many locales export "CSV" with semicolons: say so, not "no date column".
        raise DataError(
            "is separated by semicolons, not commas: export it as comma-separated CSV",
            path=path,
            row=1,
        )


def _parse(
    path: Path, data: bytes, width: int, *, na_values: list[str], encoding_errors: str
) -> pd.DataFrame:
    """pandas' C parser over the file's bytes, each way it refuses them one DataError."""
    try:
        return pd.read_csv(
            io.BytesIO(data),
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
        raise _parser_error(path, width, " ".join(str(err).split())) from None
    except OSError as err:
        raise DataError(f"cannot be read ({err.strerror or err})", path=path) from None


def _parser_error(path: Path, width: int, text: str) -> DataError:
    """The one-line error for what pandas' C parser said (``text``) of a file."""
    found = _RAGGED.search(text)
    if found:  # a row too long: the exact count names it as a spreadsheet numbers rows
        exact = _count_cells(path)[2]
        if exact is not None:
            return _misfit_error(path, width, *exact)
        want, line, saw = found.groups()
        row, cells, width = int(line), int(saw), int(want)
        return DataError(cell_count_message(row, cells, width), path=path, row=row)
    unclosed = _UNCLOSED.search(text)
    if unclosed:
        return DataError(
            'a quote mark (") opens a cell that never closes',
            path=path,
            row=int(unclosed.group(1)) + 1,
        )
    return DataError(f"is not a well-formed CSV ({text[:80]})", path=path)


def cell_count_message(row: int, cells: int, header: int) -> str:
    """What is wrong with a row whose cell count is not the header's, and the likely cause.

    The row is named inside the sentence ("row 2 has 17 cells, the header 16"), which
    :class:`DataError` then does not repeat.

    >>> cell_count_message(2, 17, 16)
    'row 2 has 17 cells, the header 16: a comma inside a value needs quotes ("Jan. 21, 2017")'
    >>> cell_count_message(5, 1, 16)
    'row 5 has 1 cell, the header 16: a cell is missing, or a line break in a value needs quotes'
    """
    noun = "cell" if cells == 1 else "cells"
    if cells > header:
        why = 'a comma inside a value needs quotes ("Jan. 21, 2017")'
    else:
        why = "a cell is missing, or a line break in a value needs quotes"
    return f"row {row} has {cells} {noun}, the header {header}: {why}"


def cells_add_up(path: Path, width: int, *, data: bytes | None = None) -> bool:
    """Whether the file's cells add up to ``width`` a line, counted at C speed (numpy).

    Quote marks pair up; separators and line breaks between a pair are inside a value.
    True when the file is plainly regular (every quote opens at the start of a cell and
    closes at its end, CR only before LF), its first data row is as wide as the header
    and the separators outside quotes number exactly ``width - 1`` a line (blank lines
    included: a file with one takes the exact count). A row too
    short then needs one too long to hide it, and pandas' C parser refuses any row too
    long after the first. False means "count again in Python", not "broken".

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = f.write_bytes(b'a,b\\n"1,5",2\\n"line\\nbreak",3\\n')
    >>> cells_add_up(f, 2), cells_add_up(f, 3)
    (True, False)
    >>> _ = f.write_bytes(b"a,b\\n1\\n")
    >>> cells_add_up(f, 2)
    False
    """
    try:
        with open(path, encoding="utf-8-sig", errors=LATIN1_FALLBACK, newline="") as fh:
            first = [_cells(row) for _, row in zip(range(2), csv.reader(fh), strict=False)]
        data = path.read_bytes() if data is None else data
    except (OSError, ValueError, csv.Error):
        return False
    if len(first) < 2 or first[1] != width or width < 1:
        return False  # pandas would read a long first row as an index, silently
    view = np.frombuffer(data, dtype=np.uint8)
    commas, lines, crs, quotes = _count_marks(view)
    if crs and not _crs_end_lines(view):
        return False  # a CR alone (old Mac files, or inside a value): the exact count reads it
    if quotes.size:
        if quotes.size % 2 or not _quotes_plain(view, quotes):
            return False
        inside_commas, inside_lines = _inside_quotes(data, quotes)
        commas, lines = commas - inside_commas, lines - inside_lines
    lines += not data.endswith(b"\n")
    return commas == (width - 1) * lines


# Bytes counted at a time: a slice this size stays in the processor's cache, so each
# comparison costs a fraction of one over the whole file (three passes, not three copies).
_CHUNK = 256 * 1024
# Above one quote mark in this many bytes, pairing them up with numpy beats copying out
# each quoted value (both count the same).
_BYTES_A_QUOTE = 64


def _count_marks(view: np.ndarray) -> tuple[int, int, int, np.ndarray]:
    """Separators, line feeds and CRs in the file, and where its quote marks are."""
    commas = lines = crs = 0
    quotes = []
    for start in range(0, view.size, _CHUNK):
        chunk = view[start : start + _CHUNK]
        commas += int(np.count_nonzero(chunk == ord(",")))
        lines += int(np.count_nonzero(chunk == ord("\n")))
        crs += int(np.count_nonzero(chunk == ord("\r")))
        found = np.flatnonzero(chunk == ord('"'))
        if found.size:
            quotes.append(found + start)
    return commas, lines, crs, np.concatenate(quotes) if quotes else np.empty(0, np.intp)


def _crs_end_lines(view: np.ndarray) -> bool:
    """Whether every CR stands just before a line feed (Windows line ends)."""
    for start in range(0, view.size, _CHUNK):
        crs = np.flatnonzero(view[start : start + _CHUNK] == ord("\r")) + start
        if crs.size and (crs[-1] + 1 >= view.size or (view[crs + 1] != ord("\n")).any()):
            return False
    return True


def _quotes_plain(view: np.ndarray, quotes: np.ndarray) -> bool:
    """Whether every quote mark (at ``quotes``, an even number) plainly opens or closes a
    cell: an opening one at a cell's start, a closing one at its end (or doubled, ``""``)."""
    opens, closes = quotes[0::2], quotes[1::2]
    start = 3 if view[:3].tobytes() == b"\xef\xbb\xbf" else 0
    before = _EDGE[view[np.maximum(opens - 1, 0)]] | (opens == start)
    after = _EDGE[view[np.minimum(closes + 1, view.size - 1)]] | (closes + 1 == view.size)
    return bool(before.all() and after.all())


def _inside_quotes(data: bytes, quotes: np.ndarray) -> tuple[int, int]:
    """Separators and line feeds inside quoted values (``quotes`` pair up, plainly)."""
    if quotes.size * _BYTES_A_QUOTE < len(data):
        # Few quotes (CCC quotes a cell only when it holds a comma): copy out just the
        # quoted text, a few percent of the file, one slice a value.
        spans = map(slice, quotes[0::2].tolist(), quotes[1::2].tolist())
        quoted = b"".join(map(data.__getitem__, spans))
        return quoted.count(b","), quoted.count(b"\n")
    # Many (every cell quoted): only separators, line breaks and quotes matter; the other
    # bytes go (C speed) and numpy pairs the quotes up in what is left.
    marks = np.frombuffer(data.translate(None, _NOT_MARKS), dtype=np.uint8)
    inside = (np.cumsum(marks == ord('"'), dtype=np.uint8) & 1).astype(bool)
    commas = int(np.count_nonzero((marks == ord(",")) & inside))
    return commas, int(np.count_nonzero((marks == ord("\n")) & inside))


# Every byte but the separator, a line break and a quote mark (deleted before counting).
_NOT_MARKS = bytes(b for b in range(256) if b not in b',\n"')
# Bytes that may stand next to a quote that opens or closes a cell: , LF CR and ".
_EDGE = np.zeros(256, dtype=bool)
_EDGE[[ord(","), ord("\n"), ord("\r"), ord('"')]] = True


def _header(path: Path) -> list[str]:
    """The first row's cells, quotes respected."""
    try:
        with open(path, encoding="utf-8-sig", errors=LATIN1_FALLBACK, newline="") as fh:
            return next(csv.reader(fh), [])
    except OSError as err:
        raise DataError(f"cannot be read ({err.strerror or err})", path=path) from None


def _count_cells(path: Path) -> tuple[list[str], int, tuple[int, int] | None]:
    """The header, its width and (row, cells) of the first row of another width, if any.

    Every row is counted, quotes respected, before pandas parses the file: pandas would
    read a first data row one cell too long as an index column (every row shifted one
    column, silently) and pad a short row with empty cells. Wholly blank lines are rows
    of empty cells, not misfits (cleaning names them).
    """
    try:
        with open(path, encoding="utf-8-sig", errors=LATIN1_FALLBACK, newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            width = _cells(header)
            return header, width, _first_misfit(map(_cells, reader), width)
    except OSError as err:
        raise DataError(f"cannot be read ({err.strerror or err})", path=path) from None


def _refuse_misfit(path: Path, width: int, row: int, cells: int) -> None:
    """Raise the one-line error for a row whose cell count is not the header's."""
    raise _misfit_error(path, width, row, cells)


def _misfit_error(path: Path, width: int, row: int, cells: int) -> DataError:
    """The one-line error for a row whose cell count is not the header's."""
    if width == 0:
        return DataError(
            "a blank line before the header: the header must be the first line", path=path, row=1
        )
    unclosed = _unclosed_quote_row(path)
    if unclosed is not None and unclosed <= row:
        # An unclosed quote swallows the rest of the file into one short row: name the quote.
        return DataError('a quote mark (") opens a cell that never closes', path=path, row=unclosed)
    return DataError(cell_count_message(row, cells, width), path=path, row=row)


def _cells(row: list[str]) -> int:
    """A row's cell count; 0 for a blank line (or one of spaces), which is never a misfit."""
    if len(row) == 1 and not row[0].strip():
        return 0
    return len(row)


def _first_misfit(counts: Iterable[int], width: int) -> tuple[int, int] | None:
    """(row, cells) of the first row whose count is neither ``width`` nor 0 (blank)."""
    for row, cells in enumerate(counts, start=2):
        if cells != width and cells:
            return row, cells
    return None


def _unclosed_quote_row(path: Path) -> int | None:
    """The row where a quote opens a cell that runs to the end of the file, if one does."""
    try:
        pd.read_csv(path, header=None, dtype="str", encoding="latin-1", skip_blank_lines=False)
    except pd.errors.ParserError as err:
        found = _UNCLOSED.search(" ".join(str(err).split()))
        return int(found.group(1)) + 1 if found else None
    except (ValueError, OSError):
        return None
    return None


def _read_text_bytes(path: Path) -> bytes:
    """The file's bytes, after making sure it is a readable text file."""
    if not path.exists():
        raise DataError("no such file", path=path)
    if path.is_dir():
        raise DataError("is a folder, not a CSV file", path=path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
            for magic, what in _MAGIC:  # refused before a workbook is read whole
                if head.startswith(magic):
                    raise DataError(what, path=path)
            fh.seek(0)
            data = fh.read()
    except OSError as err:
        raise DataError(f"cannot be read ({err.strerror or err})", path=path) from None
    # A NUL byte is never text (pandas would quietly read it as the end of a cell).
    at = data.find(b"\x00")
    if at >= 0:
        row = data.count(b"\n", 0, at) + 1
        raise DataError("contains binary data (a NUL byte), not CSV text", path=path, row=row)
    if head and sum(head.count(b) for b in _BINARY_BYTES) > len(head) // 20:
        raise DataError("is binary data, not a CSV text file", path=path)
    return data


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
