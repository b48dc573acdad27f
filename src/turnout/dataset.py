"""One way from a raw events file to the processed one: clean, write, report.

``turnout clean FILE -o OUT``, ``turnout build`` (the bundled story) and
``turnout build --story SLUG`` all clean through :func:`clean_file`, and say
what it did in the same words (:meth:`CleanReport.lines`): how many rows are
clean and how many rejected, each rejected row and why, where both files went,
and any row whose crowd or weather words are not in its quote. A story is
cleaned by :func:`clean_story`, which also checks its settings against its data
before any notebook runs.

Raw data is never written: the output may not be the input or its rejected file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from turnout import paths
from turnout.columns import CHECKED, UNCHECKED_REASON
from turnout.errors import DataError
from turnout.paths import display_path

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from turnout.stories import Story

#: Rejected rows named one by one in a report; the rest are counted.
REPORTED_ROWS = 10


class CleanReport(NamedTuple):
    """What cleaning one file did: its clean and rejected rows, where they went, and the
    rows whose words are not in their quote (kept, but named for the desk)."""

    events: pd.DataFrame
    rejected: pd.DataFrame
    events_path: Path
    rejected_path: Path
    input_warnings: list[str]  # clean.input_warnings: words not in their quote, links, formulas

    @property
    def summary(self) -> str:
        """``"18 clean, 0 rejected"``: the one line ``turnout clean`` prints on stdout."""
        return f"{len(self.events)} clean, {len(self.rejected)} rejected"

    def details(self) -> list[str]:
        """Each rejected row and why (the first few), then where the files went."""
        lines = [
            f"  rejected row {r.get('row', '?')}: {r.get('reason', '')}"
            for r in self.rejected.head(REPORTED_ROWS).to_dict("records")
        ]
        if len(self.rejected) > REPORTED_ROWS:
            lines.append(f"  ... and {len(self.rejected) - REPORTED_ROWS} more")
        lines.append(
            f"wrote {display_path(self.events_path)} and {display_path(self.rejected_path)}"
        )
        return lines

    def warnings(self) -> list[str]:
        return [f"turnout: warning: {line}" for line in self.input_warnings]

    def lines(self) -> list[str]:
        """The whole report: summary, details, warnings."""
        return [self.summary, *self.details(), *self.warnings()]


def rejected_path(output: str | os.PathLike) -> Path:
    """Where the rejected rows of ``output`` go: beside it, ``STEM.rejected.csv``.

    >>> rejected_path("data/processed/may-day.csv").name
    'may-day.rejected.csv'
    """
    output = Path(output)
    return output.with_name(output.stem + ".rejected.csv")


def clean_file(
    source: str | os.PathLike,
    output: str | os.PathLike,
    *,
    format: str = "auto",
    check: Callable[[pd.DataFrame, pd.DataFrame], None] | None = None,
) -> CleanReport:
    """Clean ``source`` (turnout's raw format or CCC's) into ``output`` and its rejected rows.

    ``check(events, rejected)`` runs before anything is written: an error it raises
    leaves no file behind.

    >>> import tempfile
    >>> report = clean_file(paths.seed_path(), Path(tempfile.mkdtemp()) / "seed.csv")
    >>> report.summary
    '18 clean, 0 rejected'
    """
    from turnout.clean import clean_events, input_warnings, read_raw, write_cleaned

    src, out = Path(source).resolve(), Path(output).resolve()
    if out in (src, rejected_path(src)) or src == rejected_path(out):
        raise DataError("is the input file: raw data is never overwritten", path=output)
    raw = read_raw(source, format=format)
    cleaned = clean_events(raw)
    if check is not None:
        check(cleaned.events, cleaned.rejected)
    events_path, rejected = write_cleaned(cleaned, output)
    words = input_warnings(raw, path=display_path(source))
    return CleanReport(cleaned.events, cleaned.rejected, events_path, rejected, words)


def clean_story(
    story: str | None = None, *, output_dir: Path | None = None
) -> tuple[Story, CleanReport]:
    """Clean a story's raw CSV into ``data/processed/SLUG.csv`` and check its settings.

    ``output_dir`` writes the files there instead (a build stages them, to publish them
    with its pages); messages still name ``data/processed/``, where they are published.

    A story with no rows yet, or a setting the data cannot meet (a city it lacks,
    a period with no events), is an error naming the file to fix, before any
    notebook runs. Returns the story's settings and the report. Example::

        settings, report = clean_story("may-day-2026")
        print("\\n".join(report.lines()))
    """
    from turnout.stories import DEFAULT_STORY, read_story, story_paths

    slug = story or DEFAULT_STORY
    settings = read_story(slug)
    codebook = story_paths(slug)[1]

    def check(events: pd.DataFrame, rejected: pd.DataFrame) -> None:
        if len(events) + len(rejected) == 0:
            raise DataError(
                f"no rows yet: add one row per protest (the codebook is {codebook.name})",
                path=display_path(settings.data_path),
            )
        if len(events):  # with none usable there is nothing to check; said below
            check_settings(settings, events, codebook=codebook)

    assert settings.data_path is not None  # a story read by its slug always names its file
    out = (output_dir or paths.processed_dir()) / f"{slug}.csv"
    report = clean_file(settings.data_path, out, check=check)
    if report.events.empty:
        # Nothing to show: no page is written. The rejected file is, so the reasons can be read.
        n = len(report.rejected)
        every = "the one row was" if n == 1 else f"all {n:,} rows were"
        unchecked = report.rejected["reason"].str.startswith(f"{CHECKED}: ").all()
        why = f" ({UNCHECKED_REASON})" if unchecked else ""
        raise DataError(
            f"no usable rows: {every} rejected{why}, so there is nothing to publish; "
            f"each reason is in {display_path(paths.processed_dir() / report.rejected_path.name)}",
            path=display_path(settings.data_path),
        )
    outside = period_warnings(settings, report.events)
    return settings, report._replace(input_warnings=[*report.input_warnings, *outside])


def period_warnings(settings: Any, events: pd.DataFrame) -> list[str]:
    """One line per clean row dated outside the story's ``start``/``end``: kept in the data,
    left out of the charts (which say how many), named for the desk (a mistyped year?).

    >>> import pandas as pd
    >>> from turnout.stories import Story
    >>> ev = pd.DataFrame({"row": [2, 3], "date": pd.to_datetime(["2026-01-30", "2025-01-31"])})
    >>> period_warnings(Story(slug="s", data_path="data/raw/s.csv", start="2026-01-23"), ev)
    ["data/raw/s.csv, row 3, column 'date': 2025-01-31 is outside the story's period \
(2026-01-23 to the last day): left out of the charts; a typo for the year?"]
    """
    import pandas as pd

    lo = pd.Timestamp(settings.start) if settings.start else None
    hi = pd.Timestamp(settings.end) if settings.end else None
    if lo is None and hi is None:
        return []
    days = events["date"].dt.normalize()
    outside = days.notna() & (
        ((days < lo) if lo is not None else False) | ((days > hi) if hi is not None else False)
    )
    from turnout.clean import FORMULA_WARNINGS_SHOWN as SHOWN  # the desk reads ten, then a count

    span = f"{settings.start or 'the first day'} to {settings.end or 'the last day'}"
    where = display_path(settings.data_path)
    pairs = list(zip(events.loc[outside, "row"], days[outside], strict=True))
    said = [
        str(
            DataError(
                f"{day:%Y-%m-%d} is outside the story's period ({span}): left out of the "
                "charts; a typo for the year?",
                path=where,
                row=int(row),
                column="date",
            )
        )
        for row, day in pairs[:SHOWN]
    ]
    if len(pairs) > SHOWN:
        more = f"{len(pairs) - SHOWN:,} more rows are outside the story's period ({span})"
        said.append(str(DataError(more, path=where, column="date")))
    return said


def check_settings(settings: Any, events: Any, *, codebook: object) -> None:
    """Refuse settings the data cannot meet, naming the codebook and the setting.

    A misspelt city or a period with no events would otherwise fail inside a
    notebook; here it is one line a reporter can act on::

        check_settings(read_story("may-day-2026"), events, codebook="data/raw/may-day-2026.md")
        # DataError: data/raw/may-day-2026.md, setting 'cities': no events in city 'Bosie'; ...
    """
    where = display_path(codebook)
    try:
        chosen = settings.select(events)
    except ValueError as err:
        raise DataError(f"setting 'cities': {err}", path=where) from None
    if len(chosen) == 0 and len(events):
        days = events["date"].dropna()
        raise DataError(
            f"settings 'start'/'end': no events from {settings.start or 'the first day'} to "
            f"{settings.end or 'the last day'} in the chosen cities; the data runs "
            f"{days.min():%Y-%m-%d} to {days.max():%Y-%m-%d}",
            path=where,
        )
