"""Fuzzing the parsers and the cleaning step with hypothesis.

``make test`` runs each property on a few dozen examples; ``make fuzz`` runs only
these (marker ``fuzz``) under the ``fuzz`` profile (conftest.py): 10,000 examples
each. The properties: never raise (a whole-file problem is a DataError, and only
that), low <= high, nothing negative, no row lost.
"""

from __future__ import annotations

import csv
import io
import math
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from turnout.clean import clean_events, input_warnings, read_raw
from turnout.errors import DataError, quote
from turnout.sizes import parse_size, parse_sizes, size_problem
from turnout.temperature import parse_temperature, parse_temperatures

pytestmark = pytest.mark.fuzz

#: Examples per property under `make fuzz` (the `fuzz` profile).
FUZZ_EXAMPLES = 10_000


def examples(quick: int) -> settings:
    """``quick`` examples in `make test`; the fuzz profile's count under `make fuzz`."""
    n = settings.default.max_examples
    return settings(
        max_examples=n if n >= FUZZ_EXAMPLES else quick,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


def valid_pair(low: float, high: float) -> bool:
    if math.isnan(low) or math.isnan(high):
        return math.isnan(low) and math.isnan(high)
    return 0 <= low <= high < 1e9


# Words and marks a size or weather cell is made of, so the fuzzer reaches the grammar.
PIECES = st.sampled_from(
    [" ", ",", "-", "−", "–", ";", ":", "+", "~", "$", "°", "F", "C", "<", ">", "/", ".", "'"]
    + ["0", "1", "9", "12", "500", "6,000", "9,000", "1,000,000", "999999999999", "1e9"]
    + ["to", "and", "or", "between", "about", "over", "minus", "dozens", "hundreds", "a"]
    + ["thousand", "million", "billion", "few", "several", "dozen", "people", "arrested"]
    + ["degrees", "freezing", "below", "zero", "low", "30s", "wind chill", "<script>", "x="]
)
WORDY = st.lists(PIECES, max_size=12).map(" ".join)
ANY_TEXT = st.one_of(st.text(), WORDY, st.text(alphabet="0123456789,.- to", max_size=30))


@examples(50)
@given(ANY_TEXT)
@example("<script>window.__pwned=1</script> about 200")  # found: the script's 1 was read
@example("9,000 to 6,000")
@example("-500")
@example("MILLIN-1000")  # found: "million" lent its unit to 1000, a billion
def test_parse_size_never_raises(text: str) -> None:
    est = parse_size(text)
    assert valid_pair(*est), (text, est)
    problem = size_problem(text)
    assert isinstance(problem, str)
    if problem:
        assert quote(text) in problem  # the reason quotes the words (80 characters at most)


@examples(30)
@given(st.lists(st.one_of(ANY_TEXT, st.none(), st.floats(), st.integers()), max_size=20))
def test_parse_sizes_keeps_every_row(cells: list[object]) -> None:
    out = parse_sizes(pd.Series(cells, dtype=object, index=range(10, 10 + len(cells))))
    assert list(out.index) == list(range(10, 10 + len(cells)))
    for low, high in zip(out["size_low"], out["size_high"], strict=True):
        assert valid_pair(low, high)


@examples(50)
@given(st.one_of(ANY_TEXT, st.none(), st.floats(), st.integers()))
@example("900 degrees F")
def test_parse_temperature_never_raises(text: object) -> None:
    got = parse_temperature(text)
    assert got.label in {"reading", "range", "at most", "at least", "relative", "none"}
    if not (math.isnan(got.low_f) or math.isnan(got.high_f)):
        assert got.low_f <= got.high_f
    table = parse_temperatures(pd.Series([text, None], dtype=object))
    assert len(table) == 2


# ---------------------------------------------------------------------- clean_events

CELL = st.one_of(
    st.none(),
    st.text(max_size=15),
    WORDY,
    st.dates().map(str),
    st.sampled_from(["Denver", "Portland", "NYC", "Doña Ana", "Tiny $ville$", "<b>x</b>"]),
    st.sampled_from(["CO", "OR", "ZZ", "Ore.", "New York", ""]),
)
COLUMNS = ["date", "locality", "state", "size_text", "temp_text", "source_quote"]
EXTRA = st.sampled_from(["notes", "row", "reason", "city", "size_low", "Ünïcode", " "])


def check_cleaned(raw: pd.DataFrame) -> None:
    events, rejected = clean_events(raw)
    assert len(events) + len(rejected) == len(raw)
    assert sorted([*events.row, *rejected.row]) == list(range(2, len(raw) + 2))
    assert rejected.reason.str.len().gt(0).all()
    low, high = events["size_low"].to_numpy(), events["size_high"].to_numpy()
    both = ~np.isnan(low) & ~np.isnan(high)
    assert (low[both] <= high[both]).all()
    assert not (low < 0).any() and not (high < 0).any()


@examples(25)
@given(st.lists(st.lists(CELL, min_size=6, max_size=6), max_size=12), st.lists(EXTRA, max_size=2))
def test_clean_events_over_any_table(rows: list[list[object]], extra: list[str]) -> None:
    columns = COLUMNS + list(dict.fromkeys(c for c in extra if c not in COLUMNS))
    raw = pd.DataFrame(
        [r + ["x"] * (len(columns) - 6) for r in rows], columns=columns, dtype=object
    )
    check_cleaned(raw)


_TMP = Path(tempfile.mkdtemp(prefix="turnout-fuzz-"))


@examples(25)
@given(
    st.lists(st.lists(CELL, min_size=6, max_size=6), max_size=10),
    st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "cp1252"]),
    st.sampled_from(["\n", "\r\n"]),
    st.one_of(st.just(b""), st.binary(max_size=40), st.text(max_size=40).map(str.encode)),
)
def test_clean_a_file_of_csv_like_text(
    rows: list[list[object]], encoding: str, newline: str, junk: bytes
) -> None:
    """Rows written as a spreadsheet would (any encoding, quoting, line ends), plus junk
    bytes at the end: a DataError for a whole-file problem, else every row accounted for."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    data = buf.getvalue().encode(encoding, errors="replace") + junk
    path = _TMP / "fuzz.csv"
    path.write_bytes(data)
    try:
        raw = read_raw(path)
    except DataError as err:
        message = str(err)
        assert message.startswith(str(path)) and "\n" not in message
        return
    assert len(raw) <= len(rows) + data.count(b"\n") + 1
    check_cleaned(raw)


# ------------------------------------------------ hostile and hurried input (issue 13)

from turnout.dates import parse_dates  # noqa: E402
from turnout.formulas import formula_like, neutralise  # noqa: E402
from turnout.links import link_html, link_markdown, markdown_text, web_url  # noqa: E402

# Cells a hurried or hostile hand types: commas, quotes and line breaks inside values,
# formulas, script links, days without a year, AP dateline cities.
HOSTILE = st.sampled_from(
    ["Jan. 21, 2017", "Jan. 29", "Feb. 29", "29 January", "1/29", "Sept. 3", "2026-02-03"]
    + ["Denver", "St. Louis", "WASHINGTON", "Portland", "Springfield", "Denver, Texas"]
    + ['=HYPERLINK("x")', "@SUM(1)", "+cmd|' /C calc'!A0", "\t=cmd", "-21", "−21", "-x"]
    + ["javascript:alert(1)", " JaVaScRiPt:x", "data:text/html,x", "//evil", "https://ok.x"]
    + ['a "quoted" word', "two\nlines", "cr\r\nlf", ",", '"', "\ufeff", "9" * 300]
)
# Text, never binary: control characters other than tab and line ends make a file not CSV.
TYPED = st.text(
    st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from(',"\n\r\t ;')),
    max_size=12,
)
CELL_TEXT = st.one_of(TYPED, HOSTILE, WORDY)
SCHEMES = st.sampled_from(
    ["", "http://", "https://", "HTTPS://", " http://", "javascript:", "JaVaScRiPt:", "//"]
    + ["data:", "vbscript:", "java\tscript:", "\x00https://", "https:/", "http:\\\\", "www."]
)


def _blank(row: list[str]) -> bool:
    return len(row) == 0 or (len(row) == 1 and not row[0].strip())


@examples(40)
@given(
    st.lists(st.lists(CELL_TEXT, max_size=6), max_size=8),
    st.booleans(),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
)
def test_cell_counts_checked_before_parsing(
    rows: list[list[str]], bom: bool, newline: str, quoting: int
):
    """Rows of any width, written as a spreadsheet writes them: either the first row whose
    cell count is not the header's is named exactly, or every cell is read in its column,
    as Python's own csv module reads the same text (the reference)."""
    header = ["date", "locality", "state", "size_text"]
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline, quoting=quoting).writerows([header, *rows])
    path = _TMP / "counts.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + buf.getvalue().encode("utf-8"))
    # A bare CR in an unquoted value ends its line for every reader: parse what was written.
    written = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))[1:]
    misfit = next(
        ((i, len(r)) for i, r in enumerate(written, start=2) if len(r) != 4 and not _blank(r)),
        None,
    )
    try:
        raw = read_raw(path)
    except DataError as err:
        assert misfit is not None, str(err)
        row, cells = misfit
        noun = "cell" if cells == 1 else "cells"
        assert str(err).startswith(f"{path}: row {row} has {cells} {noun}, the header 4: ")
        assert err.row == row
        return
    assert misfit is None
    want = [r + [""] * (4 - len(r)) for r in written]
    while want and all(c == "" for c in want[-1]):
        want.pop()  # blank lines at the end are not rows
    got = raw[header].fillna("").astype("object").values.tolist()
    assert got == want  # no cell ever moves to another column


@examples(50)
@given(st.one_of(st.text(max_size=30), HOSTILE, st.floats().map(str), st.integers().map(str)))
def test_published_csv_defuses_formulas_and_nothing_else(text: str):
    got = neutralise(pd.DataFrame({"quote": [text]})).table.loc[0, "quote"]
    assert got == ("'" + text if formula_like(text) else text)
    if formula_like(text):
        assert text.lstrip()[:1] in set("=+-@\uff1d\uff0b\uff0d\uff20") or text[0] in "\t\r"
    try:
        float(text.replace(",", ""))
        is_number = text.strip(" ").lower() not in {"inf", "-inf", "+inf", "nan", "-nan", "+nan"}
    except ValueError:
        is_number = False
    if is_number and text == text.strip(" ") and "_" not in text and "infinity" not in text.lower():
        assert got == text, text  # a real number is never touched


@examples(50)
@given(st.tuples(SCHEMES, st.text(max_size=20)).map("".join))
def test_only_web_addresses_become_links(url: str):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    href = web_url(url)
    if href is not None:
        assert href.lower().startswith(("http://", "https://"))
        assert not any(ch.isspace() or ord(ch) < 32 or ch in "<>\"'`\\" for ch in href)
    assert ("<a " in link_html(url, "x")) == (href is not None)
    for markdown in (f"Source ({link_markdown(url)}).", markdown_text(f"[x]({url}) {url}")):
        rendered = markdown2html_mistune(markdown)
        for link in rendered.split("href=")[1:]:
            # nbconvert gives headings a same-page anchor ("#..."): never another scheme.
            assert link[1:].lower().startswith(("http://", "https://", "#")), rendered


@examples(30)
@given(st.text(max_size=400))
def test_quoted_values_are_short_and_one_line(text: str):
    shown = quote(text)
    assert "\n" not in shown and "\r" not in shown
    assert len(shown) <= 4 * 80 + 40  # 80 characters, each at most a 4-character escape
    if len(text) > 80:
        assert shown.endswith(f"...' ({len(text):,} characters)") or shown.endswith(
            f'..." ({len(text):,} characters)'
        )


@examples(50)
@given(
    st.integers(1, 12),
    st.integers(1, 31),
    st.dates(
        min_value=pd.Timestamp("1902-01-01").date(), max_value=pd.Timestamp("2099-12-31").date()
    ),
    st.sampled_from(["{b} {d}", "{B} {d}", "{d} {B}", "{m}/{d}", "{b}. {d}th"]),
)
def test_a_day_without_a_year_is_the_latest_on_or_before_the_source(month, day, source, form):
    import calendar

    text = form.format(b=calendar.month_abbr[month], B=calendar.month_name[month], d=day, m=month)
    dates, problem = parse_dates(pd.Series([text]), pd.Series([pd.Timestamp(source)]))
    got = dates.iloc[0]
    if pd.isna(got):
        assert problem.iloc[0].startswith(("impossible: ", "no year: ")), problem.iloc[0]
        if problem.iloc[0].startswith("impossible"):
            assert day > calendar.monthrange(2000, month)[1]
        return
    assert problem.iloc[0] == ""
    assert (got.month, got.day) == (month, day)
    assert got <= pd.Timestamp(source) and got.year in (source.year, source.year - 1)
    if got.year < source.year:  # the same day in the source's year is later, or none
        assert (month, day) == (2, 29) or pd.Timestamp(source.year, month, day) > got
        assert (month, day) == (2, 29) or pd.Timestamp(source.year, month, day).date() > source


@examples(25)
@given(st.lists(st.lists(st.one_of(st.none(), CELL_TEXT), min_size=8, max_size=8), max_size=10))
def test_clean_events_and_warnings_over_hostile_cells(rows: list[list[object]]):
    columns = [*COLUMNS, "source_date", "source_url"]
    raw = pd.DataFrame(rows, columns=columns, dtype=object)
    check_cleaned(raw)
    events = clean_events(raw).events
    noted = events[events["date_note"].ne("")]
    source, _ = parse_dates(noted["source_date"])
    assert (noted["date"] <= source).all()  # a year taken from the source: never after it
    assert noted["date_note"].str.contains(" has no year: read as ", regex=False).all()
    for line in input_warnings(raw, path="hostile.csv"):
        assert line.startswith("hostile.csv") and "\n" not in line and len(line) < 1_000
