"""Reading a CSV as text (turnout.csvfile): every way a file can be broken is one DataError
naming the file and, where there is one, the row and column; a good file is every cell as
text, its rows numbered as a spreadsheet shows them."""

from __future__ import annotations

import csv
import io
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turnout.csvfile import cell_count_message, read_text_csv
from turnout.errors import DataError


def _read(tmp_path, data: bytes, **kw):
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    return path, read_text_csv(path, na_values=[""], **kw)


def _refused(tmp_path, data: bytes, **kw) -> DataError:
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    with pytest.raises(DataError) as err:
        read_text_csv(path, na_values=[""], **kw)
    assert err.value.path == str(path)
    return err.value


def test_every_cell_is_text_and_blank_cells_are_missing(tmp_path):
    _, table = _read(tmp_path, b"date,size_text\n2026-01-30,0100\n2026-01-31,\n")
    assert table["size_text"].tolist()[0] == "0100"  # never a number: the source's words
    assert table["size_text"].isna().tolist() == [False, True]


def test_a_byte_order_mark_is_not_part_of_the_first_name(tmp_path):
    _, table = _read(tmp_path, b"\xef\xbb\xbfdate,city\n2026-01-30,Boise\n")
    assert list(table.columns) == ["date", "city"]


def test_blank_lines_at_the_end_are_not_rows_but_inside_they_keep_the_numbering(tmp_path):
    _, table = _read(tmp_path, b"date,city\n2026-01-30,Boise\n\n2026-01-31,Tulsa\n\n\n")
    assert len(table) == 3 and table.iloc[1].isna().all()
    assert table.iloc[2].tolist() == ["2026-01-31", "Tulsa"]


def test_a_latin1_line_keeps_its_letters_and_utf8_lines_stay_utf8(tmp_path):
    data = "date,city\n2026-01-30,Doña Ana\n".encode() + "2026-01-31,Doña Ana\n".encode("cp1252")
    _, table = _read(tmp_path, data)
    assert table["city"].tolist() == ["Doña Ana", "Doña Ana"]


def test_strict_reading_names_the_row_and_column_that_is_not_utf8(tmp_path):
    data = b"date,city\n2026-01-30,Boise\n2026-01-31,Do\xf1a Ana\n"
    err = _refused(tmp_path, data, encoding_errors="strict")
    assert (err.row, err.column) == (3, "city")
    assert err.message == "is not UTF-8 text (save the file as UTF-8)"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04rest of a zip", "is a spreadsheet workbook, not a CSV: export it as CSV"),
        ("date,city\n".encode("utf-16"), "is UTF-16 text, not UTF-8: save it as 'CSV UTF-8'"),
        (b"%PDF-1.7", "is a PDF, not a CSV file"),
        (b"\x89PNG\r\n", "is an image, not a CSV file"),
        (b"\x1f\x8b\x08", "is a compressed (gzip) file: unpack it first"),
        (bytes(range(1, 9)) * 20, "is binary data, not a CSV text file"),
        (b"", "the file is empty"),
    ],
    ids=["workbook", "utf16", "pdf", "png", "gzip", "binary", "empty"],
)
def test_a_file_that_is_not_csv_text_says_what_it_is(tmp_path, data, message):
    err = _refused(tmp_path, data)
    assert err.message == message and err.row is None


def test_a_nul_byte_is_named_by_its_line(tmp_path):
    err = _refused(tmp_path, b"date,city\n2026-01-30,Boise\n2026-01-31,Tu\x00lsa\n")
    assert (err.row, err.message) == (3, "contains binary data (a NUL byte), not CSV text")


def test_a_column_named_twice_is_refused_at_the_header(tmp_path):
    err = _refused(tmp_path, b"date,city,date\n2026-01-30,Boise,2026-01-30\n")
    assert (err.row, err.column, err.message) == (1, "date", "the header names this column twice")


def test_semicolons_are_named(tmp_path):
    err = _refused(tmp_path, b"date;city;state\n2026-01-30;Boise;ID\n")
    assert err.message.startswith("is separated by semicolons, not commas")


def test_an_unquoted_comma_names_its_row_instead_of_shifting_every_column(tmp_path):
    err = _refused(tmp_path, b"date,city\nJan. 21, 2017,Chicago\n")
    assert err.row == 2
    assert err.message == cell_count_message(2, 3, 2)
    assert str(err).endswith('events.csv: row 2 has 3 cells, the header 2: a comma inside a value '
                             'needs quotes ("Jan. 21, 2017")')  # fmt: skip


def test_a_short_row_is_named(tmp_path):
    err = _refused(tmp_path, b"date,city,state\n2026-01-30,Boise,ID\n2026-01-31,Tulsa\n")
    assert (err.row, err.message) == (3, cell_count_message(3, 2, 3))


def test_a_quote_that_never_closes_is_named_where_it_opens(tmp_path):
    err = _refused(tmp_path, b'date,city\n2026-01-30,Boise\n2026-01-31,"Tulsa\n2026-02-01,Waco\n')
    assert (err.row, err.message) == (3, 'a quote mark (") opens a cell that never closes')


def test_a_blank_line_before_the_header_is_named(tmp_path):
    err = _refused(tmp_path, b"\ndate,city\n2026-01-30,Boise\n")
    assert err.row == 1 and err.message.startswith("a blank line before the header")


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(DataError, match=r"nope.csv: no such file$"):
        read_text_csv(tmp_path / "nope.csv", na_values=[""])
    with pytest.raises(DataError, match=r": is a folder, not a CSV file$"):
        read_text_csv(tmp_path, na_values=[""])


# ------------------------------------------- the fast count (numpy) and the exact one (Python)
# The fast count reads the file in slices of csvfile._CHUNK bytes; a 5-byte slice puts quotes,
# CRs and line feeds on every slice boundary, so each test runs at both sizes.
SLICES = pytest.mark.parametrize("chunk", [256 * 1024, 5])


@SLICES
@pytest.mark.parametrize(
    ("data", "row", "cells"),
    [
        (b"date,city,state\n2026-01-30,Boise,ID\n2026-01-31,Tulsa\n2026-02-01,Waco,TX\n", 3, 2),
        (b"date,city,state\n2026-01-30,Boise,ID\n2026-01-31,Tulsa,OK,US\n", 3, 4),
        (b"date,city,state\n2026-01-30,Boise,ID\n\n2026-01-31,Tulsa\n", 4, 2),
        # A short row and a long one add up to the header's width twice: pandas refuses the
        # long one, and the exact count names the short one before it.
        (b"date,city,state\n2026-01-30,Boise\n2026-01-31,Tulsa,OK,US\n", 2, 2),
    ],
    ids=["short", "long", "blank-line-then-short", "short-hidden-by-long"],
)
def test_a_misfit_in_a_file_without_quotes_is_named(tmp_path, monkeypatch, chunk, data, row, cells):
    from turnout import csvfile

    monkeypatch.setattr(csvfile, "_CHUNK", chunk)
    err = _refused(tmp_path, data)
    assert (err.row, err.message) == (row, cell_count_message(row, cells, 3))


@SLICES
@pytest.mark.parametrize(
    "data",
    [
        b'date,city,note\n2026-01-30,Boise,"a, b"\n2026-01-31,Tulsa\n',  # few quotes
        b'date,city,note\n2026-01-30,Boise,"line\nbreak, too"\n2026-01-31,Tulsa\n',
        b'"date","city","note"\n"2026-01-30","Boise","a, ""b"""\n"2026-01-31","Tulsa"\n',  # all
    ],
    ids=["comma-quoted", "line-break-quoted", "every-cell-quoted"],
)
def test_a_short_row_in_a_file_with_quotes_is_named(tmp_path, monkeypatch, chunk, data):
    from turnout import csvfile

    monkeypatch.setattr(csvfile, "_CHUNK", chunk)
    err = _refused(tmp_path, data)
    assert (err.row, err.message) == (3, cell_count_message(3, 2, 3))


@SLICES
def test_a_blank_line_inside_a_file_without_quotes_is_a_row_not_a_misfit(
    tmp_path, monkeypatch, chunk
):
    from turnout import csvfile

    monkeypatch.setattr(csvfile, "_CHUNK", chunk)
    data = b"date,city\n2026-01-30,Boise\n\n2026-01-31,Tulsa\n"
    path, table = _read(tmp_path, data)
    assert not csvfile.cells_add_up(path, 2)  # the fast count leaves it to the exact one
    assert table["city"].tolist()[::2] == ["Boise", "Tulsa"] and table.iloc[1].isna().all()


@SLICES
@pytest.mark.parametrize("quotes_are_few", [True, False])
@pytest.mark.parametrize(
    ("data", "fits"),
    [
        (b'date,city,note\r\n2026-01-30,Boise,"a,\r\nb"\r\n2026-01-31,"Tulsa, OK",x\r\n', True),
        (b'"date","city"\n"2026-01-30","Boise"\n"2026-01-31","a ""b"", c\nd"', True),
        (b'date,city\n2026-01-30,"Boise"\n2026-01-31,"Tu"lsa\n', False),  # a quote mid-cell
        # A CR alone (not before a line feed): the exact count reads it.
        (b'date,city\n2026-01-30,"Boise\rID"\n2026-01-31,Tulsa\n', False),
        (b"date,city\n2026-01-30,Boise\n2026-01-31,", True),  # no line feed at the end
    ],
)
def test_the_fast_count_pairs_quotes_across_slices(
    tmp_path, monkeypatch, chunk, quotes_are_few, data, fits
):
    from turnout import csvfile

    monkeypatch.setattr(csvfile, "_CHUNK", chunk)
    # Few quotes copy the quoted text out; many pair the quotes up in numpy.
    monkeypatch.setattr(csvfile, "_BYTES_A_QUOTE", 0 if quotes_are_few else 10**9)
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    width = len(data.split(b"\n")[0].split(b","))
    assert csvfile.cells_add_up(path, width) is fits
    assert csvfile.cells_add_up(path, width + 1) is False
    assert len(read_text_csv(path, na_values=[""])) == 2  # and the file reads either way


_CELL = st.text(st.sampled_from('a,"\r\n é'), max_size=6)


@given(
    rows=st.lists(st.lists(_CELL, min_size=1, max_size=3), min_size=1, max_size=6),
    quote_all=st.booleans(),
    chunk=st.sampled_from([3, 7, 256 * 1024]),
    quotes_are_few=st.booleans(),
)
def test_the_fast_count_vouches_exactly_for_rows_of_the_header_width(
    tmp_path_factory, rows, quote_all, chunk, quotes_are_few
):
    from turnout import csvfile

    text = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    csv.writer(text, lineterminator="\r\n", quoting=quoting).writerows([["h1", "h2"], *rows])
    path = tmp_path_factory.mktemp("fast") / "x.csv"
    path.write_bytes(text.getvalue().encode())
    with (
        mock.patch.object(csvfile, "_CHUNK", chunk),
        mock.patch.object(csvfile, "_BYTES_A_QUOTE", 0 if quotes_are_few else 10**9),
    ):
        vouched = csvfile.cells_add_up(path, 2)
    lone_cr = "\r" in text.getvalue().replace("\r\n", "")
    fits = all(len(r) == 2 for r in rows)
    if fits:
        assert vouched == (not lone_cr)
    if vouched:  # the cells add up: a short row is hidden only by a long one after the
        # first data row, which pandas refuses (and the exact count then names)
        assert len(rows[0]) == 2 and sum(len(r) - 1 for r in rows) == len(rows)
        assert fits or any(len(r) > 2 for r in rows[1:])
