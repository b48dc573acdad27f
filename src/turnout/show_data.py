"""Show the data in a notebook the way the published page prints it: tables and source notes.

The events as the sources worded them and as they were coded (:func:`events_table`,
:func:`weather_table`), what cleaning did (:func:`cleaning_summary`), what was left
out and why (:func:`left_out`), and the source line a page closes with
(:func:`source_note`, :func:`story_about`). Each returns one clean output: escaped
HTML with a plain-text twin (:class:`turnout.show.Output`). Charts and notes are
:mod:`turnout.show`.

>>> import turnout
>>> print(events_table(turnout.load_events()).plain.splitlines()[0])
18 events in 2026
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from typing import Any

import pandas as pd

from turnout import cells
from turnout.ap import (
    ap_count,
    ap_number,
    numeral_count,
    source_line,
)
from turnout.columns import CHECKED
from turnout.show import Output

_DASH = cells.BLANK  # an em dash marks "nothing given" in a table cell


def _day(value: Any, *, year: bool) -> str:
    """A table's date cell: AP style, as the charts print it; an em dash when there is none.

    >>> _day(pd.Timestamp("2026-01-30"), year=True), _day(pd.NaT, year=False)
    ('Jan. 30, 2026', '—')
    """
    return cells.date(value, year=year)


#: The numbers coded from a crowd's words, as every room words them (:func:`turnout.cells.size`).
coded_size = cells.size


def coded_temperature(low: float, high: float, label: str | None = None) -> str:
    """Degrees Fahrenheit as the words give them (a reading, a range or one bound).

    >>> coded_temperature(9, 9), coded_temperature(float("nan"), 32, "at most")
    ('9°F', '32°F or colder')
    >>> coded_temperature(20, 25), coded_temperature(-5, 1)  # "to" where a hyphen reads as minus
    ('20-25°F', '-5 to 1°F')
    >>> coded_temperature(float("nan"), float("nan"), "relative")
    'no number'
    """
    has_low, has_high = not pd.isna(low), not pd.isna(high)
    if has_low and has_high:
        if low == high:
            return f"{low:.0f}°F"
        return f"{low:.0f}{'-' if low >= 0 else ' to '}{high:.0f}°F"
    if has_high:
        return f"{high:.0f}°F or colder"
    if has_low:
        return f"{low:.0f}°F or warmer"
    if label and label != "none":
        return "no number"  # words only ("cold for Houston"): nothing to put on a scale
    return _DASH


def table(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
    *,
    caption: str = "",
    numeric: Sequence[int] = (),
    plain: str | None = None,
    compact: bool = False,
) -> Output:
    """An escaped HTML table (every cell is text, so ``<script>`` in data prints as text).

    ``numeric`` are the column positions to right-align; ``compact`` tables take the width
    they need rather than the column's.

    >>> t = table([["<b>", 1]], ["text", "n"], numeric=[1])
    >>> "&lt;b&gt;" in t.html and "<b>" not in t.html
    True
    """
    esc = html.escape
    head = "".join(
        f'<th{_align(i, numeric)} scope="col">{esc(h)}</th>' for i, h in enumerate(headers)
    )
    body = "\n".join(
        "<tr>"
        + "".join(f"<td{_align(i, numeric)}>{esc(_cell(v))}</td>" for i, v in enumerate(row))
        + "</tr>"
        for row in rows
    )
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    classes = "turnout-table compact" if compact else "turnout-table"
    markup = (
        f'<div class="turnout-table-wrap"><table class="{classes}">{cap}'
        f"<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table></div>"
    )
    if plain is None:
        frame = pd.DataFrame([[_cell(v) for v in row] for row in rows], columns=list(headers))
        plain = (caption + "\n" if caption else "") + frame.to_string(index=False)
    return Output(markup, plain)


def _align(i: int, numeric: Sequence[int]) -> str:
    return ' class="num"' if i in numeric else ""


def _cell(value: Any) -> str:
    return cells.text(value) or _DASH


_text = cells.cell  # a raw text cell, stripped, bidirectional controls out; an em dash for blanks


def cleaning_summary(
    events: pd.DataFrame,
    selected: pd.DataFrame | None = None,
    *,
    rejected: pd.DataFrame | None = None,
) -> Output:
    """How many rows the file had, how many are usable, and how many carry numbers.

    ``events`` is every usable event (:func:`turnout.open_story`'s ``all_events``),
    ``rejected`` its rejected rows; ``selected`` the part a story uses
    (:func:`turnout.select.select_events`), by default all of it.

    >>> import turnout
    >>> print(cleaning_summary(turnout.load_events()).plain)  # doctest: +ELLIPSIS
    Rows in the file                             18
    ...
    """
    rejected = pd.DataFrame() if rejected is None else rejected
    sel = events if selected is None else selected
    n = len(sel)
    sized = int((sel["size_low"].notna() | sel["size_high"].notna()).sum())
    degrees = sel[["temp_f_low", "temp_f_high"]].notna().any(axis=1)
    worded = sel["temp_text"].notna() if "temp_text" in sel else degrees
    rows = [
        ("Rows in the file", len(events) + len(rejected)),
        ("Rejected rows (listed below)", len(rejected)),
        ("Usable events", len(events)),
    ]
    if selected is not None and len(selected) != len(events):
        rows.append(("… in the dates and cities chosen", n))
    rows += [
        ("Events with a number of people", sized),
        ("Events without one", n - sized),
        ("Events that mention the weather", int(worded.sum())),
        ("… with a temperature in degrees", int(degrees.sum())),
    ]
    out = table([(k, f"{v:,}") for k, v in rows], ["", "Rows"], numeric=[1], compact=True)
    out.plain = "\n".join(f"{k:<40} {v:>6,}" for k, v in rows)
    cities = sel["city"].nunique() if "city" in sel else 0
    out.headline = _summary_headline(n, cities, sized)
    return out


def _summary_headline(n: int, cities: int, sized: int) -> str:
    """The cleaning page's headline, numbers in AP style as the charts print them.

    >>> _summary_headline(3, 3, 2)
    'The data holds three protests in three cities; two come with a number of people'
    >>> _summary_headline(18, 10, 18)
    'The data holds 18 protests in 10 cities; all come with a number of people'
    """
    which = "all" if sized == n and n > 2 else ("both" if sized == n == 2 else ap_number(sized))
    return (
        f"The data holds {ap_count(n, 'protest')} in {ap_count(cities, 'city', 'cities')}; "
        f"{which} {'comes' if sized == 1 else 'come'} with a number of people"
    )


class SourceNote:
    """The page's source note, from the data: who published the events, and how they were coded.

    Markdown for the page footer and JupyterLab; the data's own words are escaped.
    """

    def __init__(self, markdown: str, plain: str) -> None:
        self.markdown = markdown
        self.plain = plain

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/markdown": self.markdown, "text/plain": self.plain}

    def __repr__(self) -> str:
        return self.plain


def source_note(events: pd.DataFrame) -> SourceNote:
    """Credit the sources the events come from, and say how their numbers were coded.

    >>> import turnout
    >>> print(source_note(turnout.load_events()).plain)  # doctest: +ELLIPSIS
    Source: Workers World, Feb. 3, 2026. One row per protest, each with the source’s own words...
    """
    from turnout.links import link_markdown, markdown_escape

    credit = source_line(events)
    observed = [c for c in ("temp_obs_low_f", "temp_obs_high_f") if c in events]
    if observed and events[observed].notna().any(axis=None):  # the chart credits NOAA too
        from turnout.noaa import NOAA_CREDIT

        credit += f"; {NOAA_CREDIT}"
    from turnout.sources import lines

    # Each address of a row of several sources (one a line) counts on its own.
    found = events["source_url"].dropna() if "source_url" in events else []
    urls = list(dict.fromkeys(u for cell in found for u in lines(cell) if u))
    link = f" ({urls[0]})" if len(urls) == 1 else ""
    method = (
        "One row per protest, each with the source’s own words. Crowd sizes and temperatures "
        "were turned into numbers by rules that follow the Crowd Counting Consortium’s coding "
        "guidelines."
    )
    plain = f"{credit}{link}. {method}"
    label, _, rest = credit.partition(": ")
    link_md = f" ({link_markdown(urls[0])})" if link else ""  # only http(s) becomes a link
    # The data's words as text in Markdown too: "[x](javascript:...)" is no link, "#" no heading.
    markdown = f"**{markdown_escape(label)}:** {markdown_escape(rest)}{link_md}. {method}"
    return SourceNote(markdown, plain)


def story_about(story: Any, events: pd.DataFrame | None = None) -> SourceNote:
    """Where a story's events come from: its codebook's ``about`` paragraph (escaped), else
    a sentence naming its source or the sources in ``events``.

    >>> import turnout
    >>> print(story_about(turnout.read_story()).plain)  # doctest: +ELLIPSIS
    The story's events come from one news report, “Anti-ICE solidarity spreads!” ...
    """
    text = story.about
    if not text:
        where = story.source or (
            source_line(events).partition(": ")[2] if events is not None else ""
        )
        where = where or f"the data file {os.path.basename(story.data_path or '')}"
        text = f"The story's events come from {where}."
    # The reporter's markdown keeps its emphasis and web links; any other markup prints as text.
    from turnout.links import markdown_text

    return SourceNote(markdown_text(text), text)


def events_table(events: pd.DataFrame, *, max_rows: int = 60) -> Output:
    """Each event with the source’s own words for its crowd and the number coded from them.

    Dates are AP style (the year goes in the caption when there is only one);
    ``max_rows`` caps very long tables, and the caption says so.

    >>> import turnout
    >>> out = events_table(turnout.load_events())
    >>> "Around 50,000" in out.html and "50,000" in out.plain
    True
    """
    rows = [
        [
            _text(ev.get("size_text")),
            coded_size(ev.get("size_low"), ev.get("size_high"), ev.get("size_qualifier")),
        ]
        for _, ev in events.iterrows()
    ]
    headers = ["Crowd, in the source’s words", "Coded as"]
    return _dated_table(events, rows, headers, max_rows, numeric=[1])


def weather_table(events: pd.DataFrame, *, max_rows: int = 60) -> Output:
    """The events whose source describes the weather: its words and the °F coded from them.

    >>> import turnout
    >>> print(weather_table(turnout.load_events()).plain.splitlines()[0])
    3 events in 2026
    """
    worded = events[events["temp_text"].notna()] if "temp_text" in events else events.iloc[:0]
    if worded.empty:
        return _para("No event in the data describes the weather.")
    rows = [
        [
            _text(ev.get("temp_text")),
            coded_temperature(ev.get("temp_f_low"), ev.get("temp_f_high"), ev.get("temp_label")),
        ]
        for _, ev in worded.iterrows()
    ]
    return _dated_table(worded, rows, ["Weather, in the source’s words", "Coded as"], max_rows)


def _dated_table(
    events: pd.DataFrame,
    cells: list[list[str]],
    headers: list[str],
    max_rows: int,
    numeric: Sequence[int] = (),
) -> Output:
    """Date and place, then ``cells`` (one list per event, in ``events`` order), sorted by date.

    ``numeric`` are positions within ``cells`` to right-align.
    """
    years = sorted(events["date"].dropna().dt.year.unique())
    one_year = len(years) == 1  # then the caption gives the year and rows save the space
    rows = [
        [_day(ev["date"], year=not one_year), _place(ev), *extra]
        for (_, ev), extra in zip(events.iterrows(), cells, strict=True)
    ]
    order = events.reset_index(drop=True).sort_values(["date", "city"], kind="stable").index
    rows = [rows[i] for i in order[:max_rows]]
    when = f" in {years[0]}" if one_year else ""
    caption = f"{numeral_count(len(events), 'event')}{when}"
    if len(events) > max_rows:
        caption = f"The first {max_rows:,} of {len(events):,} events{when}, by date"
    return table(
        rows, ["Date", "Place", *headers], caption=caption, numeric=[i + 2 for i in numeric]
    )


def _place(ev: pd.Series) -> str:
    """City and state as AP writes them, the way the charts label them."""
    return cells.place(ev.get("city"), ev.get("state_code"))


def left_out(
    events: pd.DataFrame,
    selected: pd.DataFrame | None = None,
    *,
    rejected: pd.DataFrame | None = None,
) -> Output:
    """What the charts leave out: ``rejected`` rows (with the reason), events outside the
    chosen dates and cities, and events with no number of people.

    >>> import turnout
    >>> out = left_out(turnout.load_events())
    >>> "no number of people" in out.plain
    True
    """
    rejected = pd.DataFrame() if rejected is None else rejected
    sel = events if selected is None else selected
    parts: list[Output] = []
    # Drafted rows nobody has checked yet are the reporter's work in progress: counted for
    # the reader, never listed (their words are unverified); the desk's summary names them.
    unchecked = (
        rejected["reason"].astype("str").str.startswith(f"{CHECKED}: ")
        if len(rejected) and "reason" in rejected
        else pd.Series(False, index=rejected.index, dtype="bool")
    )
    if unchecked.any():
        parts.append(_unchecked_note(int(unchecked.sum())))
        rejected = rejected[~unchecked]
    if len(rejected):
        parts.append(_rejected_table(rejected))
    elif not unchecked.any():
        parts.append(
            _para("No rows were rejected: every row has a date and a place turnout can pin down.")
        )
    outside = len(events) - len(sel)
    if outside:
        parts.append(
            _para(f"Outside the dates and cities chosen: {ap_count(outside, 'usable event')}.")
        )
    parts.append(_unsized(sel))
    return Output("\n".join(p.html for p in parts), "\n\n".join(p.plain for p in parts))


def _unchecked_note(n: int) -> Output:
    """How many drafted rows are not yet checked, so not used."""
    return _para(
        f"{ap_count(n, 'row', start=True)} drafted from the source "
        f"{'is' if n == 1 else 'are'} not yet checked against it by a reporter, so "
        f"{'it is' if n == 1 else 'they are'} not used or shown."
    )


def _rejected_table(rejected: pd.DataFrame) -> Output:
    """The rejected rows as written, each with the reason."""
    rows = [
        (r["row"], _text(r.get("date")), _text(r.get("locality")), _text(r.get("reason")))
        for _, r in rejected.iterrows()
    ]
    return table(
        rows,
        ["Row", "Date as written", "Place as written", "Why it was left out"],
        caption=f"{numeral_count(len(rejected), 'row')} rejected, each with the reason",
        numeric=[0],
    )


def _unsized(sel: pd.DataFrame) -> Output:
    """The events with no number of people, or a line saying every event has one."""
    unsized = sel[sel["size_low"].isna() & sel["size_high"].isna()]
    if not len(unsized):
        return _para("Every event has a number of people.")
    ordered = unsized.sort_values(["date", "city"], kind="stable")
    years = ordered["date"].dropna().dt.year.unique()
    when = f" in {years[0]}" if len(years) == 1 else ""
    rows: list[tuple[Any, ...]] = [
        (
            _day(e["date"], year=not when),
            _place(e),
            _text(e.get("size_text")),
            _text(e.get("notes")),
        )
        for _, e in ordered.iterrows()
    ]
    headers = ["Date", "Place", "Crowd, in the source’s words", "Coder’s note"]
    if all(r[2] == _DASH for r in rows):  # no words at all: the column would be all dashes
        rows = [(r[0], r[1], r[3]) for r in rows]
        headers = [headers[0], headers[1], headers[3]]
    return table(
        rows,
        headers,
        caption=f"{numeral_count(len(unsized), 'event')}{when} with no number of people",
    )


def _para(text: str) -> Output:
    return Output(f"<p>{html.escape(text)}</p>", text)
