"""Read Crowd Counting Consortium (CCC) files of both eras into turnout's columns.

CCC (Harvard Kennedy School / University of Connecticut) publishes US protest
events coded by people reading news reports. Its 2017-2020 files and its
Phase-3 files (2021 on) name some columns differently; :func:`read_ccc` reads
either as it comes, adds turnout's column names beside CCC's, and keeps every
original column and every row. Please cite "Crowd Counting Consortium" as the
source of these data.

Only pandas and numpy are imported here; the size parser is imported when
``read_ccc(..., parse=True)`` first runs.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from turnout.columns import RAW_COLUMNS
from turnout.csvfile import read_text_csv
from turnout.dates import parse_dates
from turnout.distinct import distinct
from turnout.errors import DataError, quote

__all__ = ["read_ccc", "CCC_SOURCE_NAME"]

#: ``source_name`` of every CCC row (CCC files do not name their source).
CCC_SOURCE_NAME = "Crowd Counting Consortium"


# Cells that mean "missing" in CCC sheets, in every column.
_MISSING = ["", "NA", "na", "N/A", "n/a"]

# Columns every CCC file has, in both eras.
_REQUIRED = ["date", "locality", "state", "size_text"]
# At least one of these tells a CCC file from turnout's own format (which has none).
_CCC_MARKS = [
    "size_low",
    "size_high",
    "source_1",
    "event_type",
    "claims_summary",
    "resolved_locality",
]

# turnout name <- Phase-3 name; the turnout column is added only when the file lacks it.
_ALIASES = {"type": "event_type", "claims": "claims_summary", "location_detail": "location"}

# CCC's raw monthly sheets of 2017-2020 (the data dictionary's "source data" names):
# compiled name <- sheet name. Added beside the sheet's own columns before anything else.
_SHEET_NAMES = {
    "date": "Date",
    "locality": "CityTown",
    "state": "StateTerritory",
    "location_detail": "Location",
    "type": "EventType",
    "actors": "Actor",
    "claims": "Claim",
    "valence": "Pro(2)/Anti(1)",
    "size_text": "EstimateText",
    "size_low": "EstimateLow",
    "size_high": "EstimateHigh",
    "arrests": "ReportedArrests",
    "injuries_crowd": "ReportedParticipantInjuries",
    "injuries_police": "ReportedPoliceInjuries",
    "property_damage": "ReportedPropertyDamage",
    "chemical_agents": "TearGas",
    "notes": "Misc.",
    "source_1": "Source1",
    "source_2": "Source2",
    "source_3": "Source3",
}

# Coders' numbers, converted in place to float64 (CCC writes some as "50.0").
_CODED_NUMBERS = ["size_low", "size_high", "size_mean", "size_cat"]

# CCC's coverage begins here; earlier real dates are kept but flagged.
_CCC_START = pd.Timestamp("2017-01-01")
_SOURCE_N = re.compile(r"source_(\d+)")


def read_ccc(path: str | os.PathLike, *, parse: bool = True) -> pd.DataFrame:
    """Read a CCC CSV (2017-2020 or Phase-3 names) with turnout's columns added beside CCC's.

    Every row (wholly empty lines at the end are not rows) and every original column is
    kept, in file order; turnout's columns follow. Nothing is silently fixed.

    - Missing: empty cells and ``NA``, ``na``, ``N/A``, ``n/a`` are missing in
      every column. Text columns stay text (``"0208"`` is never a number).
    - Encoding: UTF-8; a line that is not valid UTF-8 (Latin-1 lines in some
      CCC files) is read as cp1252 from its first bad byte, so ``B\\x92nai`` becomes ``B’nai``.
    - ``date`` becomes datetime64 (ISO or M/D/YYYY); the text as written is in
      ``date_text`` and ``date_problem`` says what is wrong: ``""``, ``"blank"``,
      ``"impossible: '0208-10-14'"`` or ``"not a date: '...'"`` (these are NaT),
      or ``"before CCC coverage (2017): '2015-05-01'"`` (date kept).
    - ``size_low``, ``size_high``, ``size_mean``, ``size_cat`` are CCC's human
      coding, made float64 (``"50.0"`` -> 50.0). A cell that is not a crowd size
      (``"o"``, ``"-"``, negative) becomes NaN and is named in ``size_problem``
      (``""`` when the row is fine). ``size_text`` stays text.
    - CCC's raw 2017-2020 monthly sheets (``Date``, ``CityTown``,
      ``StateTerritory``, ``EventType``, ``EstimateText``, ``EstimateLow``,
      ``EstimateHigh``, ``Source1``...) get the compiled names beside them.
    - Phase-3 names get turnout's beside them: ``type`` (from ``event_type``),
      ``claims`` (``claims_summary``; ``claims_verbatim`` is kept),
      ``location_detail`` (``location``), ``latitude``/``longitude`` (float64
      from ``lat``/``lon``). ``fips_code`` becomes a 5-character zero-padded
      string (``6037.0`` -> ``"06037"``).
    - Provenance: ``source_name`` is ``"Crowd Counting Consortium"``,
      ``source_url`` the first non-missing ``source_N``, ``source_quote``
      missing (CCC records no quote: ``size_text`` holds the source's words).
      Any other column of turnout's event format the file lacks is added, missing.
    - ``parse=True`` adds ``size_low_parsed`` and ``size_high_parsed`` (float64):
      turnout's own size rules (:func:`turnout.sizes.parse_sizes`) applied to
      ``size_text``, to compare with or fill in for the coders' numbers.

    Raises :class:`turnout.errors.DataError` (naming file, row and column) for a
    missing or unreadable file, a malformed CSV or a file that is not CCC's.

    >>> from turnout.paths import project_root
    >>> ccc = read_ccc(project_root() / "tests/fixtures/ccc_phase3.csv")
    >>> ccc.loc[0, ["type", "size_text", "fips_code", "date_problem"]].tolist()
    ['rally; march', 'about 200', '06037', '']
    >>> ccc[["size_low", "size_low_parsed"]].iloc[0].tolist()
    [200.0, 200.0]
    """
    path = Path(path)
    df = _read_text(path)
    _add_sheet_names(df)
    _check_columns(df, path)

    date_text = df["date"]  # kept as written, beside the parsed dates
    df["date"], date_problem = _parse_dates(date_text, df.get("_sheet_month"))
    size_problem = _size_problems(df, date_text.index)
    _add_turnout_columns(df)
    df["date_text"] = date_text
    df["date_problem"] = date_problem
    df["size_problem"] = size_problem
    for ours, theirs in (("latitude", "lat"), ("longitude", "lon")):
        if ours not in df and theirs in df:
            df[ours] = _to_float(df[theirs])[0]
    if parse:
        from turnout.sizes import parse_sizes  # the parser's cost is paid only when used

        parsed = parse_sizes(df["size_text"])
        df["size_low_parsed"] = parsed["size_low"].to_numpy(dtype="float64")
        df["size_high_parsed"] = parsed["size_high"].to_numpy(dtype="float64")
    return df


def _add_sheet_names(df: pd.DataFrame) -> None:
    """Add the compiled names beside a raw monthly sheet's (``CityTown`` -> ``locality``)."""
    for ours, theirs in _SHEET_NAMES.items():
        if ours not in df and theirs in df:
            df[ours] = df[theirs]
    if "notes" not in df and "Misc" in df:
        df["notes"] = df["Misc"]


def _add_turnout_columns(df: pd.DataFrame) -> None:
    """Add turnout's names beside Phase 3's, padded FIPS codes, provenance and the rest of
    turnout's event format (missing)."""
    for ours, theirs in _ALIASES.items():
        if ours not in df and theirs in df:
            df[ours] = df[theirs]
    if "fips_code" in df:
        df["fips_code"] = _pad_fips(df["fips_code"])
    if "source_name" not in df:
        df["source_name"] = pd.Series(CCC_SOURCE_NAME, index=df.index, dtype="str")
    if "source_url" not in df:
        df["source_url"] = _first_source(df)
    for col in RAW_COLUMNS:  # the rest of turnout's format, missing (e.g. temp_text)
        if col not in df:
            df[col] = pd.Series(np.nan, index=df.index, dtype="str")


def _read_text(path: Path) -> pd.DataFrame:
    """Every cell as text or missing, decoded UTF-8 with a cp1252 fallback; errors as DataError."""
    return read_text_csv(path, na_values=_MISSING)


def is_ccc_header(columns: list[str]) -> bool:
    """True when a header is CCC's (any era, raw monthly sheets too), not turnout's own format.

    >>> is_ccc_header(["date", "locality", "size_text", "size_low", "source_1"])
    True
    >>> is_ccc_header(["Date", "CityTown", "EstimateText"]), is_ccc_header(["date", "source_quote"])
    (True, False)
    """
    names = {str(c).strip() for c in columns}
    if "source_quote" in names:  # turnout's own format keeps a quote; CCC never does
        return False
    return bool(names & (set(_CCC_MARKS) | set(_SHEET_NAMES.values())))


def _check_columns(df: pd.DataFrame, path: Path) -> None:
    header = ", ".join(map(str, df.columns[:12])) + (", ..." if len(df.columns) > 12 else "")
    missing = [c for c in _REQUIRED if c not in df.columns]
    if missing:
        raise DataError(
            f"not a Crowd Counting Consortium file: required column is missing "
            f"(the header has: {header})",
            path=path,
            row=1,
            column=missing[0],
        )
    if not any(c in df.columns for c in _CCC_MARKS):
        raise DataError(
            "not a Crowd Counting Consortium file: it has none of CCC's columns "
            f"{', '.join(_CCC_MARKS)} (read a turnout-format file with --format turnout, "
            "or read_events in Python)",
            path=path,
            row=1,
        )


def _to_float(col: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Text to float64, each distinct cell converted once, and a mask of cells not numbers.

    Thousands commas are accepted ("1,000"); any other text becomes NaN and is True in the mask.
    """
    d = distinct(col)
    cleaned = pd.Series(d.values, dtype="str").str.strip().str.replace(",", "", regex=False)
    numbers = pd.to_numeric(cleaned, errors="coerce").to_numpy(dtype="float64")
    values = pd.Series(d.spread(numbers, np.nan), index=col.index, dtype="float64")
    return values, d.spread(np.isnan(numbers), False)


def _size_problems(df: pd.DataFrame, index: pd.Index) -> pd.Series:
    """Convert the coders' size columns in place; name each cell that is not a crowd size."""
    problem = pd.Series("", index=index, dtype="str")
    for col in _CODED_NUMBERS:
        if col not in df:
            continue
        text = df[col]
        values, bad = _to_float(text)
        impossible = ((values < 0) | np.isinf(values)).to_numpy()
        if impossible.any():
            bad = bad | impossible
            values[impossible] = np.nan
        df[col] = values
        if bad.any():
            msg = col + " is not a crowd size: " + text[bad].map(quote)
            old = problem[bad]
            problem[bad] = (old + "; " + msg).where(old.ne(""), msg)
    return problem


def _parse_dates(text: pd.Series, sheet: pd.Series | None = None) -> tuple[pd.Series, pd.Series]:
    """:func:`turnout.dates.parse_dates`, plus a flag on real dates before CCC's coverage
    and on dates more than a month from the monthly sheet a row came from (``_sheet_month``,
    "2018-06"): a 2019 date in a 2018 sheet is a typo for its year, and would stretch a
    chart. The dates are kept; the charts leave flagged ones out and say how many.

    >>> dates, problem = _parse_dates(pd.Series(["2018-08-30", "2018-07-01", "2015-05-01"]),
    ...     pd.Series(["2018-06", "2018-06", "2018-05"]))
    >>> for said in problem:
    ...     print(said or "-")
    outside its sheet's month (2018-06): '2018-08-30'
    -
    before CCC coverage (2017): '2015-05-01'
    """
    dates, problem = parse_dates(text)
    if sheet is not None:
        # Months since 1970; each distinct sheet name (a few dozen) is parsed once.
        d = distinct(sheet)
        named = pd.to_datetime(pd.Series(d.values, dtype="str"), format="%Y-%m", errors="coerce")
        month = d.spread(named.to_numpy().astype("datetime64[M]"), np.datetime64("NaT", "M"))
        day_month = dates.to_numpy().astype("datetime64[M]")
        gap = day_month.astype("int64") - month.astype("int64")
        far = (np.abs(gap) > 1) & ~np.isnat(day_month) & ~np.isnat(month)
        if far.any():  # quoted only where flagged: a million quotes cost a second
            problem = problem.copy()
            written = text[far].astype("str").map(quote)
            problem[far] = (
                "outside its sheet's month (" + sheet[far].astype("str") + "): " + written
            )
    early = (dates < _CCC_START).to_numpy()
    if early.any():
        early_text = text[early].astype("str")
        problem = problem.copy()
        problem[early] = "before CCC coverage (2017): " + early_text.map(quote)
    return dates, problem


def _pad_fips(col: pd.Series) -> pd.Series:
    """County FIPS as 5-character text: 6037, "6037.0" and "06037" all become "06037".

    A cell that is not a whole number is kept as written.
    """
    d = distinct(col)
    words = pd.Series(d.values, dtype="str").str.strip()
    numbers = pd.to_numeric(words, errors="coerce")
    whole = numbers.notna() & (numbers % 1 == 0) & (numbers >= 0)
    padded = words.where(~whole, numbers[whole].astype("int64").astype("str").str.zfill(5))
    return pd.Series(d.spread(padded.to_numpy(dtype=object), None), index=col.index, dtype="str")


def _first_source(df: pd.DataFrame) -> pd.Series:
    """The first non-missing of source_1, source_2, ... (numeric order, not text order).

    >>> _first_source(pd.DataFrame({"source_10": ["c", "d"], "source_2": [None, "b"]})).tolist()
    ['c', 'b']
    """
    numbered = sorted(
        (int(m.group(1)), c) for c in df.columns if (m := _SOURCE_N.fullmatch(str(c)))
    )
    url = np.full(len(df), np.nan, dtype=object)
    todo = np.arange(len(df))  # rows still without a source, narrowed column by column
    for _, col in numbered:
        found = df[col].to_numpy(dtype=object)[todo]
        url[todo] = found
        todo = todo[pd.isna(found)]
        if not todo.size:
            break
    return pd.Series(url, index=df.index, dtype="str")
