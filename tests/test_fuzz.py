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

from turnout.clean import clean_events, read_raw
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
