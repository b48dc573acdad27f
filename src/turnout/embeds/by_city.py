"""Turnout by city: one bar per city, the light end of a range outlined, floors with a "+".

Phones get a stacked design (the city on its own line above its bar, the
number after the bar); wider charts a label column on the left. In the
"words" variant (labels that quote the source) the words get their own line
under the city and a light scale gives the numbers.

It draws a :func:`turnout.charts.by_city.by_city_spec` as it is: the bars, labels and
options are the spec's, never read back from its words.

>>> import turnout
>>> from turnout.charts.by_city import by_city_spec
>>> spec = by_city_spec(turnout.load_events())
>>> chart = draw(spec.data, spec, QuoteBudget())
>>> len(chart.layouts[0].marks()) == len(spec.data)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from turnout.charts.by_city import bars as spec_bars
from turnout.charts.by_city import options_of
from turnout.charts.specs import ChartSpec
from turnout.embeds import base
from turnout.embeds.base import Chart, QuoteBudget, Table
from turnout.embeds.measure import fit, text_width, wrap
from turnout.embeds.scene import Layout, Line, Mark, Rect, Text
from turnout.embeds.words import coded_size, date_words, fmt_count, sourced

KIND = "turnout-by-city"
_LABEL = 13.0  # city names and numbers
_WORDS = 12.5  # the source's words under a city
_TICK = 12.0
_GAP = 6.0  # px between a bar's end and its number
_LEAST_BAR = 2.0  # px: the shortest bar drawn, so a small count still shows
#: The least share of the width the longest phone bar spans with every number beside its bar.
_SPAN_LEAST = 0.7


def _table(data: pd.DataFrame, budget: QuoteBudget, sums: bool) -> Table:
    columns = ["Place", "Date", "Number as coded", "Source’s words", "Sentence quoted", "Source"]
    if sums:
        columns.append("City’s bar")
    rows = []
    for _, r in data.iterrows():
        row = [
            base.text(r["place"]),
            date_words(r["date"]),
            coded_size(r["size_low"], r["size_high"], r["size_qualifier"]),
            base.text(r["size_text"]),
            *sourced(r, budget),
        ]
        if sums:
            row.append(base.text(r["label"]))
        rows.append(row)
    return Table("", columns, rows, frozenset({4}))


def _bars(data: pd.DataFrame) -> pd.DataFrame:
    """The spec's bars, their ends as ``low`` and ``high``."""
    return spec_bars(data).rename(columns={"value_low": "low", "value_high": "high"})


def _mark_label(r: pd.Series, sums: bool) -> str:
    size = coded_size(r["size_low"], r["size_high"], r["size_qualifier"])
    words = base.text(r["size_text"])
    said = f" (“{words}”)" if words and words.lower() != size.lower() else ""
    where = f"{base.text(r['place'])}, {date_words(r['date'])}"
    tail = f"; part of the city’s bar, {base.text(r['label'])}" if sums else ""
    return f"{where}: {size}{said}{tail}"


@base.register(KIND)
def draw(data: pd.DataFrame, info: ChartSpec, budget: QuoteBudget) -> Chart:
    """The bar chart's layouts (phone, then wide) and its table."""
    options = options_of(info)
    sums = bool(len(data)) and options.measure == "sum"
    table = _table(data, budget, sums)
    if data.empty:
        return Chart([], table)
    bars = _bars(data)
    words = options.labels == "words"
    top = float(max(bars["high"].max(), bars["low"].max(), 1.0))
    key = [("one", "Reported number of people")]
    if (bars["high"] > bars["low"]).any():
        key.append(("tint", "High end of the source’s range"))
    layouts = [
        _layout(data, bars, top, sums, words, base.NARROW, column=False),
        _layout(data, bars, top, sums, words, base.WIDE, column=True),
        _layout(data, bars, top, sums, words, base.WIDER, column=True),
    ]
    return Chart(layouts, table, key)


def _span(
    bars: pd.DataFrame, top: float, width: float, left: float, words: bool, *, column: bool
) -> tuple[float, set[int]]:
    """The fraction of the width the longest bar spans, and the ranks whose number goes
    under the city's name instead of beside the bar (phone only).

    Each number beside its bar caps the scale; on a phone a number so long that its bar
    would span less than :data:`_SPAN_LEAST` of the width goes under the name instead
    ("1.05 million-2 million people" took 62% of a 375 px screen), so the longest bar
    spans most of the width and the bars below it are more than hairlines.
    """
    full = 1.0 - left - 0.01
    if words:
        return full, set()
    caps = {}
    for rank, lo, hi, lab in zip(
        bars["rank"], bars["low"], bars["high"], bars["label"], strict=True
    ):
        room = 1.0 - left - (_GAP + text_width(str(lab), _LABEL, bold=True) + 2) / width
        caps[int(rank)] = room / (max(lo, hi, 1e-9) / top)
    under = set() if column else {r for r, cap in caps.items() if cap < _SPAN_LEAST * full}
    return min([full, *(cap for r, cap in caps.items() if r not in under)]), under


@dataclass(frozen=True)
class _Design:
    """One width's design: where the bars start, people per fraction of the width, and what
    the rows carry (a label column, the source's words, stacked segments)."""

    width: float
    left: float  # the bars' common start, a fraction of the width
    scale: float  # fractions of the width per person
    sums: bool
    words: bool
    column: bool  # wide: names in a column on the left; phone: a name above its bar
    under: frozenset[int]  # ranks whose number goes under the name (phone)

    @property
    def bar_h(self) -> float:
        return 18.0 if self.column else 16.0

    @property
    def least(self) -> float:
        """Every bar at least visible, however small its number."""
        return _LEAST_BAR / self.width

    def x(self, v: float) -> float:
        return self.left + float(v) * self.scale


def _layout(
    data: pd.DataFrame,
    bars: pd.DataFrame,
    top: float,
    sums: bool,
    words: bool,
    width: float,
    *,
    column: bool,
) -> Layout:
    items: list[Any] = []
    # Left edge of the bars: the label column's width (wide) or the chart's edge (phone).
    label_w = max(text_width(p, _LABEL, bold=True) for p in bars["place"]) if column else 0.0
    left = min(label_w + 12, 0.36 * width) / width if column else 0.0
    ticks = base.nice_ticks(top, 4 if width < base.WIDE else 6) if words else []
    if ticks:
        top = float(ticks[-1])
    # Scale: the longest bar plus its number must fit; fractions of the width per person.
    span, under = _span(bars, top, width, left, words, column=column)
    d = _Design(width, left, span / top, sums, words, column, frozenset(under))
    y = 4.0
    if ticks:  # a light scale above the bars, labels over their gridlines
        y += _TICK + 4
        for t in ticks:
            anchor = "start" if t == 0 else ("end" if d.x(t) > 0.97 else "middle")
            items.append(Text(d.x(t), 0, y - 4, fmt_count(t), _TICK, anchor=anchor, cls="soft"))
    grid_top = y
    for _, b in bars.iterrows():
        y = _row(items, d, data[data["rank"].eq(b["rank"])], b, y)
    for t in ticks:  # gridlines under everything
        items.insert(0, Line(d.x(t), grid_top, d.x(t), y - 8, "rule"))
    if column and not words:  # the bars' common start
        items.insert(0, Line(left, grid_top, left, y - 8, "axis"))
    return Layout(width, y, items)


def _row(items: list[Any], d: _Design, segs: pd.DataFrame, b: pd.Series, y: float) -> float:
    """One bar's row from ``y`` down: its name, the source's words, the bar and its number;
    returns where the next row starts."""
    column, words, bar_h = d.column, d.words, d.bar_h
    col_px = d.left * d.width - 12
    # A name too long for its room ends in an ellipsis; the tooltip names it whole.
    place_lines = [
        fit(line, col_px if column else d.width, _LABEL, bold=True)
        for line in (
            wrap(str(b["place"]), col_px, _LABEL, bold=True) if column else [str(b["place"])]
        )
    ]
    row_top = y
    value_under = not words and b["rank"] in d.under
    value_y = 0.0
    if not column:
        y += _LABEL
        items.append(Text(0, 0, y - 2, place_lines[0], _LABEL, bold=True))
        y += 3
    if value_under:  # too long beside a bar this wide: its own line under the name
        y += _LABEL + 1
        value_y = y - 3
        y += 2
    word_w = (1 - d.left) * d.width
    word_lines = (
        [fit(w, word_w, _WORDS) for w in wrap(str(b["label"]), word_w, _WORDS)] if words else []
    )
    if not column:
        for line in word_lines:
            y += _WORDS + 3
            items.append(Text(0, 0, y - 3, line, _WORDS, cls="soft halo"))
        y += 3
    bar_y = y
    if column:
        lines_h = len(place_lines) * (_LABEL + 3)
        bar_y = y + max(0.0, (lines_h - bar_h) / 2)
        first = bar_y + bar_h / 2 + _LABEL * 0.35 - (len(place_lines) - 1) * (_LABEL + 3) / 2
        for i, line in enumerate(place_lines):
            items.append(
                Text(d.left, -12, first + i * (_LABEL + 3), line, _LABEL, anchor="end", bold=True)
            )
    row_bottom = bar_y + bar_h
    if column and words:
        for line in word_lines:
            row_bottom += _WORDS + 3
            items.append(Text(d.left, 0, row_bottom - 2, line, _WORDS, cls="soft halo"))
    if column:
        row_bottom = max(row_bottom, y + len(place_lines) * (_LABEL + 3))
    items.extend(_marks(d, segs, b, (row_top, bar_y, row_bottom), value_y if value_under else None))
    return row_bottom + (14 if column else 12)


def _marks(
    d: _Design,
    segs: pd.DataFrame,
    b: pd.Series,
    rows: tuple[float, float, float],
    value_y: float | None,
) -> list[Mark]:
    """A bar's marks, one per segment: its rectangle, the light end of a range and the
    number (under the name at ``value_y`` when it does not fit beside the bar)."""
    row_top, bar_y, row_bottom = rows
    x, least, bar_h, sums = d.x, d.least, d.bar_h, d.sums
    marks = []
    for i, r in segs.iterrows():
        x0, x1 = x(r["segment_start"]), x(r["segment_end"])
        x1 = max(x1, x0 + least)
        shapes: list[Any] = [Rect(x0, x1, bar_y, bar_h, "one seg" if sums else "one")]
        hit = Rect(x0, x1, row_top, row_bottom - row_top + 4) if sums else None
        marks.append(Mark(int(i), _mark_label(r, sums), shapes, hit))
    if b["high"] > b["low"]:  # the light end belongs to the bar's last segment
        marks[-1].shapes.append(Rect(x(b["low"]), x(b["high"]), bar_y + 0.5, bar_h - 1, "tint"))
    if not sums:
        marks[0].hit = Rect(0, 1, row_top, row_bottom - row_top + 4)
    if not d.words:  # the number belongs to the bar's mark: tapping it opens the tooltip
        end = max(x(max(b["low"], b["high"])), x(0) + least)
        cy = bar_y + bar_h / 2 + _LABEL * 0.35
        value = Text(end, _GAP, cy, str(b["label"]), _LABEL, bold=b["rank"] == 1)
        if value_y is not None:
            value = Text(0, 0, value_y, str(b["label"]), _LABEL, bold=b["rank"] == 1)
        marks[-1].shapes.append(value)
    return marks
