"""Raw event rows to a clean, validated events table, with nothing lost.

``clean_events`` turns a raw events table (the seed CSV, a reporter's own
sheet, or a CCC file read by :func:`turnout.read_ccc`) into two tables:

- ``events``: rows it can use. Raw columns are kept as they came; derived
  columns are added beside them: ``date`` (datetime64; the original text stays
  in ``date_text``; ``date_note`` says when a day written without a year took
  its year from ``source_date``), ``city``, ``state_code``, ``latitude``, ``longitude``,
  ``size_low``, ``size_high``, ``size_mean``, ``size_cat``, ``size_source``,
  ``size_qualifier`` ("at least" for "over 1,000" or "thousands", "range", ...),
  ``temp_f_low``, ``temp_f_high``, ``temp_label``. The table is validated by a
  pandera schema.
- ``rejected``: rows it cannot use, the raw columns plus ``reason``, which
  names the column at fault ("date: blank"). In a file with a ``checked`` column
  (a draft from ``turnout draft``), a row with nothing in it is rejected until a
  person has checked it against the article and put their initials there.

Every row of the input is in exactly one of the two, always:
``len(events) + len(rejected) == len(raw)``. Both carry ``row``, the row's
number as a spreadsheet shows the file (the header is row 1).
"""

from __future__ import annotations

import csv
import os
import warnings
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from turnout import paths
from turnout.columns import CHECKED, UNCHECKED_REASON
from turnout.csvfile import read_text_csv
from turnout.dates import parse_dates, year_notes
from turnout.errors import DataError, quote
from turnout.formulas import formula_mask
from turnout.links import url_problem
from turnout.places import resolve_places
from turnout.sizes import (
    parse_sizes,
    size_cat,
    size_mean,
    size_problems,
    size_qualifiers,
    size_typo_note,
)
from turnout.sources import SOURCE_COLUMNS, sources_problem
from turnout.temperature import parse_temperatures

#: Columns a raw table must have: without them no row can be placed on a map or a timeline.
REQUIRED_COLUMNS = ["date", "locality"]
#: Columns only cleaning writes: a raw column of the same name is kept as ``NAME_raw``.
OUTPUT_ONLY = [
    "row",
    "reason",
    "date_note",
    "city",
    "state_code",
    "place_note",
    "size_source",
    "size_qualifier",
    "temp_f_low",
    "temp_f_high",
    "temp_label",
]
#: Air temperatures on record at the ground run from -129 °F to 134 °F; a reading outside
#: this range is a typo or not a temperature.
TEMP_RANGE_F = (-130.0, 135.0)


class Cleaned(NamedTuple):
    """The two halves of a cleaned table: usable ``events`` and ``rejected`` rows with a reason."""

    events: pd.DataFrame
    rejected: pd.DataFrame


def read_events(path: str | os.PathLike) -> pd.DataFrame:
    """Read a raw events CSV as text, exactly as written; errors name file, row and column.

    Every cell is read as a string; empty cells are missing. Nothing is
    converted here: that is :func:`clean_events`' job. A column with neither a
    name nor a value (a comma ending every line) is not read.

    >>> raw = read_events(paths.seed_path())
    >>> raw.loc[0, "size_text"]
    'Around 50,000'
    """
    path = Path(path)
    raw = read_text_csv(path, na_values=[""])
    unnamed = [c for c in raw.columns if str(c).startswith("Unnamed:")]
    # A comma at the end of every line (some exports add one) is a column with no name
    # and nothing in it: nothing to keep. One with values needs its name.
    empty = [c for c in unnamed if raw[c].isna().all()]
    if len(empty) < len(unnamed):
        number = list(raw.columns).index(next(c for c in unnamed if c not in empty)) + 1
        raise DataError(
            f"a header cell is empty, but column {number} has values: give it a name",
            path=path,
            row=1,
        )
    raw = raw.drop(columns=empty)
    missing = [c for c in REQUIRED_COLUMNS if c not in raw.columns]
    if missing:
        raise DataError("required column is missing", path=path, row=1, column=missing[0])
    return raw


def _as_text(col: pd.Series) -> pd.Series:
    """A column as stripped text with missing as NA (raw CSVs, CCC frames and numbers alike)."""
    text = col.astype("str").str.strip()
    return text.where(text.ne("") & col.notna())


def _sizes(raw: pd.DataFrame) -> pd.DataFrame:
    """Numeric sizes: the source's coded numbers where it has them, else parsed from size_text."""
    text = _as_text(raw["size_text"]) if "size_text" in raw else pd.Series(pd.NA, index=raw.index)
    if {"size_low_parsed", "size_high_parsed"} <= set(raw.columns):
        parsed = raw[["size_low_parsed", "size_high_parsed"]].astype("float64")
        parsed.columns = ["size_low", "size_high"]
    else:
        parsed = parse_sizes(text)
    out = pd.DataFrame(index=raw.index)
    if {"size_low", "size_high"} <= set(raw.columns):
        # CCC-style input: human coders already turned the words into numbers; theirs stand.
        coded_low = pd.to_numeric(raw["size_low"], errors="coerce").astype("float64")
        coded_high = pd.to_numeric(raw["size_high"], errors="coerce").astype("float64")
        coded = coded_low.notna() | coded_high.notna()
        out["size_low"] = coded_low.where(coded, parsed["size_low"])
        out["size_high"] = coded_high.where(coded, parsed["size_high"])
        source = np.where(coded, "coded", np.where(parsed["size_low"].notna(), "parsed", ""))
        out["size_low_parsed"] = parsed["size_low"]
        out["size_high_parsed"] = parsed["size_high"]
    else:
        out["size_low"] = parsed["size_low"]
        out["size_high"] = parsed["size_high"]
        source = np.where(parsed["size_low"].notna(), "parsed", "")
    out["size_mean"] = size_mean(out["size_low"], out["size_high"])
    out["size_cat"] = size_cat(out["size_mean"])
    out["size_source"] = pd.Series(source, index=raw.index, dtype="str")
    # How firm the number is ("over 1,000" is a floor): charts mark floors and ranges.
    qualifier = size_qualifiers(text)
    out["size_qualifier"] = qualifier.where(out["size_low"].notna(), "")
    return out


def _schema():
    """The clean events contract (pandera is imported only when cleaning runs)."""
    import pandera.pandas as pa

    def non_negative(name: str) -> pa.Column:
        return pa.Column("float64", pa.Check.ge(0), nullable=True, required=True, name=name)

    return pa.DataFrameSchema(
        {
            "row": pa.Column("int64", pa.Check.ge(2), unique=True),
            "date": pa.Column(
                checks=pa.Check(lambda s: pd.api.types.is_datetime64_dtype(s), element_wise=False),
                nullable=False,
            ),
            "city": pa.Column("str", pa.Check.str_length(min_value=1), nullable=False),
            "state_code": pa.Column("str", pa.Check.str_matches(r"^[A-Z]{2}$"), nullable=False),
            "latitude": pa.Column("float64", pa.Check.in_range(-90, 90), nullable=True),
            "longitude": pa.Column("float64", pa.Check.in_range(-180, 180), nullable=True),
            "size_low": non_negative("size_low"),
            "size_high": non_negative("size_high"),
            "size_mean": non_negative("size_mean"),
            "size_cat": pa.Column("int64", pa.Check.isin([0, 1, 2, 3, 4])),
            "temp_f_low": pa.Column("float64", nullable=True),
            "temp_f_high": pa.Column("float64", nullable=True),
        },
        # Frame-wide checks are named "<column at fault>: <rule>" so a reason can name the column.
        checks=[
            pa.Check(
                lambda df: ~(df["size_low"] > df["size_high"]),
                name="size_high: is below size_low",
            ),
            pa.Check(
                lambda df: ~(df["temp_f_low"] > df["temp_f_high"]),
                name="temp_f_high: is below temp_f_low",
            ),
        ],
        strict=False,
        coerce=False,
    )


def _schema_failures(events: pd.DataFrame) -> pd.Series:
    """Reason per row that fails the schema ('' where it passes); column-level failures raise."""
    import pandera.errors as pae

    reasons = pd.Series("", index=events.index, dtype="str")
    try:
        _schema().validate(events, lazy=True)
    except pae.SchemaErrors as err:
        cases = err.failure_cases
        for _, case in cases.iterrows():
            index = case["index"]
            if index is None or (isinstance(index, float) and np.isnan(index)):
                # A whole-column failure is a bug in turnout, not in the data: say so loudly.
                raise RuntimeError(f"clean events broke their schema: {case.to_dict()}") from None
            if case["schema_context"] == "DataFrameSchema":
                reason = str(case["check"])  # "<column>: <rule>", reported once per row
            else:
                reason = f"{case['column']}: fails check {case['check']}"
            if reason not in reasons.loc[index]:
                reasons.loc[index] = "; ".join(filter(None, [reasons.loc[index], reason]))
    return reasons


def _keep_clashing_columns(raw: pd.DataFrame) -> pd.DataFrame:
    """Raw columns named like a column only cleaning writes, renamed ``NAME_raw`` (kept)."""
    names = [str(c) for c in raw.columns]
    renames: dict[str, str] = {}
    for name in OUTPUT_ONLY:
        if name in names:
            new = name + "_raw"
            while new in names or new in renames.values():
                new += "_raw"
            renames[name] = new
    return raw.rename(columns=renames) if renames else raw


def _size_problem(table: pd.DataFrame, sizes: pd.DataFrame) -> pd.Series:
    """ "size_text: ..." where the number would be read from words that cannot be meant."""
    problem = pd.Series("", index=table.index, dtype="str")
    if "size_text" not in table:
        return problem
    parsed = sizes["size_source"].ne("coded")  # coders' numbers stand (CCC)
    if parsed.any():
        found = size_problems(_as_text(table.loc[parsed, "size_text"]))
        problem.loc[parsed] = ("size_text: " + found).where(found.ne(""), "")
    return problem


def _temp_problem(temps: pd.DataFrame) -> pd.Series:
    """ "temp_text: ..." where the words give a temperature no weather reaches."""
    low, high = TEMP_RANGE_F
    out = (temps["temp_f_low"] < low) | (temps["temp_f_high"] > high)
    for col in ("temp_f_low", "temp_f_high"):
        out |= temps[col].notna() & ~np.isfinite(temps[col].fillna(0))
    shown = temps["temp_f_low"].where(temps["temp_f_low"] < low, temps["temp_f_high"])
    shown = shown.map(lambda v: f"{v:,.0f}", na_action="ignore").astype("str")
    message = "temp_text: " + shown + f" °F is outside any weather on record ({low:g} to {high:g})"
    return message.where(out, "")


def _row_problem(raw: pd.DataFrame, rows: pd.Series) -> pd.Series:
    """ "row: ..." for a wholly empty row, and for every copy after the first of a row."""
    flat = raw.reset_index(drop=True)
    problem = pd.Series("", index=rows.index, dtype="str")
    if flat.empty or not len(flat.columns):
        return problem
    try:
        key = pd.util.hash_pandas_object(flat, index=False).to_numpy()
        blank = pd.util.hash_pandas_object(flat.iloc[:0].reindex([0]), index=False).iloc[0]
    except TypeError:  # unhashable cells (lists): compare their text
        return _row_problem(flat.astype("str").where(flat.notna()), rows)
    # Rows hashing like a wholly empty row are the only ones that can be one.
    maybe = np.flatnonzero(key == blank)
    empty = np.zeros(len(flat), dtype=bool)
    empty[maybe] = flat.iloc[maybe].isna().all(axis=1).to_numpy()
    codes, _ = pd.factorize(key)
    _, first_at = np.unique(codes, return_index=True)  # each row's first occurrence
    first = rows.to_numpy()[first_at[codes]]
    dupe = (first != rows.to_numpy()) & ~empty
    if dupe.any():
        problem[dupe] = [f"row: same as row {n} in every cell (a copy?)" for n in first[dupe]]
    problem[empty] = "row: every cell is empty"
    return problem


def _checked_problem(table: pd.DataFrame) -> pd.Series:
    """ "checked: ..." for a drafted row nobody has checked: in a file with a ``checked``
    column (``turnout draft`` writes it), a row with no initials there is not used."""
    if CHECKED not in table:
        return pd.Series("", index=table.index, dtype="str")
    empty = _as_text(table[CHECKED]).isna()
    return pd.Series(np.where(empty, f"{CHECKED}: {UNCHECKED_REASON}", ""), index=table.index)


def _url_lines(value: object) -> list[object]:
    """A ``source_url`` cell's addresses as written: one, or one a line in a row of several."""
    if isinstance(value, str) and "\n" in value.strip():
        return list(value.split("\n"))
    return [value]


def _first_line(value: str) -> str:
    return value.split("\n")[0].strip()


def _source_problem(table: pd.DataFrame) -> pd.Series:
    """ "source_url: 2 lines for 3 sources ..." for a row of several sources whose cells do
    not line up (:mod:`turnout.sources`); only rows that name several sources are read."""
    problem = pd.Series("", index=table.index, dtype="str")
    if "source_name" not in table:
        return problem
    several = _as_text(table["source_name"]).map(lambda v: isinstance(v, str) and "\n" in v)
    several = several.astype(bool)
    cells = table.loc[several, [c for c in SOURCE_COLUMNS if c in table]]
    for i, r in cells.iterrows():
        column, why = sources_problem(**{c: r.get(c, "") for c in SOURCE_COLUMNS})
        if column:
            problem[i] = f"{column}: {why}"
    return problem


def clean_events(raw: pd.DataFrame) -> Cleaned:
    """Clean a raw events table into usable events and rejected rows with a reason.

    ``raw`` is read as text (:func:`read_events`, or :func:`turnout.read_ccc`).
    It must have ``date`` and ``locality``; other columns of turnout's raw
    format are optional. The input is not modified.

    >>> cleaned = clean_events(read_events(paths.seed_path()))
    >>> len(cleaned.events) + len(cleaned.rejected) == 18
    True
    >>> cleaned.events.loc[0, ["size_low", "size_high"]].tolist()
    [50000.0, 50000.0]
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in raw.columns]
    if missing:
        raise DataError("required column is missing", column=missing[0])
    raw = _keep_clashing_columns(raw)
    table = raw.reset_index(drop=True).copy()
    table.insert(0, "row", pd.Series(np.arange(len(table), dtype="int64") + 2))
    date_problem = _read_dates(table)
    state = table["state"] if "state" in table else None
    places = resolve_places(_as_text(table["locality"]), None if state is None else _as_text(state))
    sizes = _sizes(table)
    temp_text = (
        _as_text(table["temp_text"])
        if "temp_text" in table
        else pd.Series(pd.NA, index=table.index, dtype="str")
    )
    temps = parse_temperatures(temp_text)
    _add_derived(table, places, sizes, temps)

    place_problem = (places["place_error_column"] + ": " + places["place_error"]).where(
        places["place_error"].ne(""), ""
    )
    problems = [
        _checked_problem(table),
        date_problem,
        place_problem,
        _size_problem(table, sizes),
        _temp_problem(temps),
        _source_problem(table),
    ]
    row_problem = _row_problem(raw, table["row"])
    reason = _joined(problems)
    reason = row_problem.where(row_problem.ne(""), reason)
    usable = reason.eq("")
    events = table[usable]
    schema_reason = _schema_failures(events)
    reason.loc[schema_reason.index] = schema_reason.where(schema_reason.ne(""), reason)
    return _split(raw, table, reason)


def _read_dates(table: pd.DataFrame) -> pd.Series:
    """Parse ``table``'s dates in place (``date``, ``date_text``, ``date_note``); the
    "date: ..." problem of each row."""
    # Dates are always parsed from the words as written (read_ccc keeps them in date_text).
    if "date_text" in table:
        date_text = _as_text(table["date_text"])
    elif pd.api.types.is_datetime64_dtype(table["date"]):
        date_text = _as_text(table["date"].dt.strftime("%Y-%m-%d"))
    else:
        date_text = _as_text(table["date"])
    # A day written without a year ("Jan. 29") takes it from the row's source_date (its
    # first source's, in a row of several: one line per source).
    source_date = (
        parse_dates(_as_text(table["source_date"]).map(_first_line, na_action="ignore"))[0]
        if "source_date" in table
        else None
    )
    dates, date_problem = parse_dates(date_text, source_date)
    table["date_text"] = date_text
    table["date"] = dates
    table["date_note"] = year_notes(date_text, dates)
    return ("date: " + date_problem).where(date_problem.ne(""), "")


def _add_derived(
    table: pd.DataFrame, places: pd.DataFrame, sizes: pd.DataFrame, temps: pd.DataFrame
) -> None:
    """Add the columns cleaning derives (place, size, temperature) to ``table``."""
    derived = pd.concat(
        [places[["city", "state_code", "latitude", "longitude", "place_note"]], sizes, temps],
        axis=1,
    )
    # Coordinates the source already geocoded (CCC's lat/lon) fill gaps in the gazetteer's.
    for col in ("latitude", "longitude"):
        if col in table:
            given = pd.to_numeric(table[col], errors="coerce")
            derived[col] = derived[col].fillna(given)
    for col in derived.columns:
        table[col] = derived[col]


def _joined(problems: list[pd.Series]) -> pd.Series:
    """Each row's problems, joined with "; " ("" for a row with none)."""
    joined = problems[0]
    for problem in problems[1:]:
        joined = joined + "; " + problem
    return joined.str.replace(r"(; )+", "; ", regex=True).str.strip("; ")


def _split(raw: pd.DataFrame, table: pd.DataFrame, reason: pd.Series) -> Cleaned:
    """Rows without a reason are events; the others are rejected, as written, with it."""
    usable = reason.eq("")
    events = table[usable].reset_index(drop=True)
    rejected_cols = ["row"] + [c for c in raw.columns if c != "row"]
    rejected = raw.reset_index(drop=True)[~usable.to_numpy()].copy()
    rejected.insert(0, "row", table.loc[~usable, "row"].to_numpy())
    rejected["reason"] = reason[~usable].to_numpy()
    rejected = rejected[rejected_cols + ["reason"]].reset_index(drop=True)
    assert len(events) + len(rejected) == len(raw), "clean_events lost rows"
    return Cleaned(events, rejected)


def unquoted_words(raw: pd.DataFrame, *, path: object = None) -> list[str]:
    """Rows whose ``size_text`` or ``temp_text`` is not inside their ``source_quote``.

    Every number must trace to the source's own sentence, so the words coded
    from it should appear in the quote (ignoring case: "dozens" is in "Dozens
    marched"). Such a row is still used; this names it for the desk, one line
    per cell. Rows with no quote are not checked (a CCC file may carry none).

    >>> raw = pd.DataFrame({"size_text": ["dozens", "300"], "temp_text": [None, None],
    ...     "source_quote": ["Dozens marched.", "About 200 came."]})
    >>> unquoted_words(raw, path="may.csv")
    ["may.csv, row 3, column 'size_text': '300' is not in its source_quote"]
    """
    out = []
    for i, r in enumerate(raw.to_dict("records")):
        said = r.get("source_quote")
        if not isinstance(said, str) or not said.strip():
            continue
        for column in ("size_text", "temp_text"):
            words = r.get(column)
            if isinstance(words, str) and words.strip():
                # Estimates joined with "; " (several sentences or sources) each in the quote.
                flat = " ".join(said.split()).casefold()
                whole = " ".join(words.split()).casefold()
                parts = [p.strip() for p in whole.split(";") if p.strip()]
                if whole not in flat and not all(p in flat for p in parts):
                    row = int(r["row"]) if "row" in r else i + 2  # line 1 is the header
                    out.append(
                        str(
                            DataError(
                                f"{quote(words)} is not in its source_quote",
                                path=path,
                                row=row,
                                column=column,
                            )
                        )
                    )
    return out


#: Columns read_ccc derives from others (a warning names the column the reporter typed).
_DERIVED = {"date_text", "date_problem", "size_problem"}
#: Formula-like cells named one by one before the rest are counted.
FORMULA_WARNINGS_SHOWN = 10


def _unnamed(value: object) -> bool:
    """Whether a ``source_name`` cell, or one line of a several-source cell, is empty.

    >>> _unnamed("AP"), _unnamed(""), _unnamed("AP\\n"), _unnamed(float("nan"))
    (False, True, True, True)
    """
    text = "" if not isinstance(value, str) else value.replace("\r\n", "\n")
    return any(not line.strip() for line in text.split("\n"))


def input_warnings(raw: pd.DataFrame, *, path: object = None) -> list[str]:
    """What the desk should know about rows that are still used, one line per cell:

    - words not in their ``source_quote`` (:func:`unquoted_words`);
    - a row with no ``source_name`` (or an empty line of a several-source one):
      every published number needs its source;
    - a size qualifier typed one slip away ("More then 10,000"), read as meant
      (:func:`turnout.sizes.size_typo_note`): the floor is kept;
    - a ``source_url`` that is not a web (http, https) address: pages print it as
      text, never as a link (:mod:`turnout.links`);
    - text a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``@SUM(...)``):
      kept verbatim here, written with a leading ``'`` in the chart data readers
      download (:mod:`turnout.formulas`).

    Of each kind that can fill a file (formulas, unnamed sources) the first ten are named,
    then counted.

    >>> raw = pd.DataFrame({"date": ["2026-01-30"], "source_url": ["javascript:alert(1)"],
    ...     "source_quote": ["=HYPERLINK(1)"]})
    >>> for line in input_warnings(raw, path="may.csv"):
    ...     print(line)  # doctest: +NORMALIZE_WHITESPACE
    may.csv, row 2, column 'source_url': 'javascript:alert(1)' is not a web address
    (http or https): printed as text, never a link
    may.csv, row 2, column 'source_quote': '=HYPERLINK(1)' starts like a spreadsheet formula:
    chart data for readers gives it a leading '
    """
    out = unquoted_words(raw, path=path)
    flat = raw.reset_index(drop=True)
    if "size_text" in flat:
        notes = flat["size_text"].map(size_typo_note)
        for i in np.flatnonzero(notes.ne("").to_numpy()):
            message = f"{notes.iloc[i]} (a typo?): check the spelling"
            out.append(str(DataError(message, path=path, row=int(i) + 2, column="size_text")))
    if "source_name" in flat:
        # A CCC file can leave thousands of rows unnamed: ten are named, then a count.
        message = "no source named: every published number needs its source"
        unnamed = [
            str(DataError(message, path=path, row=int(i) + 2, column="source_name"))
            for i in np.flatnonzero(flat["source_name"].map(_unnamed).to_numpy())
        ]
        out += _ten_then_count(unnamed, "more rows name no source", path)
    if "source_url" in flat:
        # A row of several sources has one address a line: each is checked.
        problems = flat["source_url"].map(
            lambda v: next((p for p in map(url_problem, _url_lines(v)) if p), "")
        )
        for i in np.flatnonzero(problems.ne("").to_numpy()):
            problem = problems.iloc[i]
            out.append(str(DataError(problem, path=path, row=int(i) + 2, column="source_url")))
    formulas = []
    for column in flat.columns:
        col = flat[column]
        if str(column) in _DERIVED or not (
            pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)
        ):
            continue
        for i in np.flatnonzero(formula_mask(col).to_numpy()):
            formulas.append((i, str(column), col.iloc[i]))
    formula_lines = [
        str(
            DataError(
                f"{quote(value)} starts like a spreadsheet formula: "
                "chart data for readers gives it a leading '",
                path=path,
                row=int(i) + 2,
                column=column,
            )
        )
        for i, column, value in sorted(formulas)
    ]
    out += _ten_then_count(formula_lines, "more cells start like a spreadsheet formula", path)
    return out


def _ten_then_count(lines: list[str], more: str, path: object) -> list[str]:
    """The first :data:`FORMULA_WARNINGS_SHOWN` lines, then one counting the rest ("14 more
    rows name no source"): a file can hold thousands of one mistake.

    >>> _ten_then_count([f"row {n}" for n in range(12)], "more rows", "a.csv")[-2:]
    ['row 9', 'a.csv: 2 more rows']
    """
    shown = lines[:FORMULA_WARNINGS_SHOWN]
    if len(lines) > FORMULA_WARNINGS_SHOWN:
        rest = len(lines) - FORMULA_WARNINGS_SHOWN
        shown.append(str(DataError(f"{rest} {more}", path=path)))
    return shown


class RejectedRowsWarning(UserWarning):
    """Rows of a file that could not be used: its name, how many, of how many rows.

    Its text is the desk's (file name first); a page shows the reader's
    wording instead (:func:`turnout.show.reported_warnings`).

    >>> str(RejectedRowsWarning("may.csv", 1, 4))
    'may.csv: 1 of 4 rows rejected, each kept with the reason it could not be used'
    """

    def __init__(self, name: str, rejected: int, total: int) -> None:
        super().__init__(
            f"{name}: {rejected} of {total} rows rejected, "
            "each kept with the reason it could not be used"
        )
        self.name, self.rejected, self.total = name, rejected, total


def load_events(path: str | os.PathLike | None = None, *, format: str = "auto") -> pd.DataFrame:
    """Read and clean an events file; default: the bundled seed data (the ICE Out story).

    ``format`` is ``"turnout"`` (the raw format of ``data/raw``), ``"ccc"`` (a
    Crowd Counting Consortium file, read with :func:`turnout.read_ccc`) or
    ``"auto"`` (CCC when the header has CCC's coded size columns or Phase-3
    names). Rejected rows are not dropped silently: a warning gives their
    count, and :func:`load_cleaned` (or :func:`turnout.open_story`) returns them.

    >>> events = load_events()
    >>> events.groupby("city").size().loc["Houston"]
    np.int64(5)
    """
    return load_cleaned(path, format=format, stacklevel=3).events


def load_cleaned(
    path: str | os.PathLike | None = None, *, format: str = "auto", stacklevel: int = 2
) -> Cleaned:
    """Read and clean an events file into both halves, usable events and rejected rows,
    warning (:class:`RejectedRowsWarning`) when rows were rejected.

    >>> len(load_cleaned().rejected)
    0
    """
    from turnout import clean_memo

    path = paths.seed_path() if path is None else Path(path)
    # In a build, the notebook that cleaned this file first shares its table (clean_memo).
    cleaned = clean_memo.cleaned_once(
        path, format, lambda: clean_events(read_raw(path, format=format))
    )
    total = len(cleaned.events) + len(cleaned.rejected)  # every raw row is in one or the other
    if len(cleaned.rejected):
        warning = RejectedRowsWarning(path.name, len(cleaned.rejected), total)
        warnings.warn(warning, stacklevel=stacklevel)
    cleaned.events.attrs["source_path"] = str(path)
    return cleaned


def read_raw(path: str | os.PathLike, *, format: str = "auto") -> pd.DataFrame:
    """Read a raw events file in turnout's format or CCC's (``format``: auto, turnout, ccc).

    >>> read_raw(paths.seed_path()).shape[0]
    18
    """
    path = Path(path)
    kind = _detect_format(path) if format == "auto" else format
    if kind == "ccc":
        from turnout.ccc import read_ccc  # CCC reading is only paid for when used

        return read_ccc(path)
    if kind == "turnout":
        return read_events(path)
    raise ValueError(f"format must be 'auto', 'turnout' or 'ccc', not {format!r}")


def _detect_format(path: Path) -> str:
    """'ccc' when the file's header looks like a CCC file (any era), else 'turnout'."""
    from turnout.ccc import is_ccc_header

    if not path.is_file():
        raise DataError("no such file", path=path)
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        header = next(csv.reader(fh), [])
    return "ccc" if is_ccc_header(header) else "turnout"


def write_cleaned(cleaned: Cleaned, output: str | os.PathLike) -> tuple[Path, Path]:
    """Write clean events to ``output`` and rejected rows to ``<output stem>.rejected.csv``.

    Dates are written as YYYY-MM-DD. Missing folders are created. Both files are
    written in full or not at all; a path that cannot be written raises
    :class:`DataError` naming it.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "new" / "story.csv"
    >>> [p.name for p in write_cleaned(clean_events(read_events(paths.seed_path())), out)]
    ['story.csv', 'story.rejected.csv']
    """
    output = Path(output)
    rejected_path = output.with_name(output.stem + ".rejected.csv")
    events = cleaned.events.copy()
    events["date"] = events["date"].dt.strftime("%Y-%m-%d")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise DataError(
            "cannot be written: part of its folder path is a file, not a folder", path=output
        ) from None
    except OSError as err:
        raise DataError(f"cannot be written ({err.strerror or err})", path=output) from None
    if output.is_dir():
        raise DataError("is a folder: give the output a file name", path=output)
    pairs = [(events, output), (cleaned.rejected, rejected_path)]
    temps = [p.with_name(f".{p.name}.tmp") for _, p in pairs]
    where = output
    try:
        for (table, path), tmp in zip(pairs, temps, strict=True):
            where = path  # named in the error, never the temporary file
            table.to_csv(tmp, index=False)
        for (_, path), tmp in zip(pairs, temps, strict=True):
            where = path
            os.replace(tmp, path)
    except OSError as err:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        raise DataError(f"cannot be written ({err.strerror or err})", path=where) from None
    return output, rejected_path
