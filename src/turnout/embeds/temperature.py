"""Temperature against attendance: crowd size (log scale) by degrees Fahrenheit.

A reported reading is a dot, a reported range a thick line, a one-sided word
("freezing": at most 32°F) a thin arrow from its bound to the edge, and a
weather station's day a vermilion line from low to high with hollow diamonds.
A crowd range is a vertical line through the mark. Every mark is labelled
where a label fits at the design's narrowest width; the tooltip names all.

>>> import turnout
>>> from turnout.charts import spec
>>> info = spec(turnout.load_events(), "temperature-vs-attendance")
>>> [m.label.split(":")[0] for m in draw(info.data, info, QuoteBudget()).layouts[0].marks()]
['New York, Jan. 29, 2026', 'Cleveland, Jan. 30, 2026']
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from turnout.charts.specs import ChartSpec
from turnout.charts.temperature import TemperatureOptions, _scales
from turnout.embeds import base
from turnout.embeds.base import Chart, QuoteBudget, Table
from turnout.embeds.scene import Dot, Layout, Line, Mark, Rect, Symbol, Text
from turnout.embeds.words import (
    ap_date,
    coded_size,
    date_words,
    degrees,
    fmt_count,
    sourced,
)

KIND = "temperature-vs-attendance"
_SIZE = 12.5
_TICK = 12.0


def _temp_words(r: pd.Series) -> str:
    lo, hi, kind = r["temp_f_low"], r["temp_f_high"], r["mark"]
    if kind == "reported at most":
        return f"{degrees(hi)} or colder"
    if kind == "reported at least":
        return f"{degrees(lo)} or warmer"
    if kind == "observed range":
        return f"{degrees(lo)} to {degrees(hi)}, the day’s low and high at a weather station"
    if kind == "observed":
        return (
            f"{degrees(r['temp_f'] if not base.missing(r['temp_f']) else lo)} at a weather station"
        )
    if kind == "reported range":
        return f"{degrees(lo)} to {degrees(hi)}"
    return degrees(r["temp_f"] if not base.missing(r["temp_f"]) else lo)


def _bound_words(r: pd.Series) -> str:
    """A bound said in the source's words and what it means: 'only “freezing” (32°F or
    colder)'; "" for any other mark.

    >>> _bound_words(pd.Series({"mark": "reported at most", "temp_f_low": float("nan"),
    ...                         "temp_f_high": 32.0, "temp_text": "freezing"}))
    'only “freezing” (32°F or colder)'
    """
    said = base.text(r["temp_text"])
    if r["mark"] not in ("reported at most", "reported at least") or not said:
        return ""
    return f"only “{said}” ({_temp_words(r)})"


def _table(data: pd.DataFrame, budget: QuoteBudget) -> Table:
    station = "station" in data
    columns = [
        "Place", "Date", "Temperature", "Number as coded", "Source’s words for the crowd",
        "Source’s words for the weather", "Sentence quoted", "Source",
    ] + (["Weather station"] if station else [])  # fmt: skip
    rows = []
    for _, r in data.iterrows():
        row = [
            base.text(r["place"]),
            date_words(r["date"]),
            _bound_words(r) or _temp_words(r),  # what a mark kind means, not its name
            coded_size(r["size_low"], r["size_high"], r.get("size_qualifier", "")),
            base.text(r["size_text"]),
            base.text(r["temp_text"]),
            *sourced(r, budget),
        ]
        if station:
            row.append(
                base.text(r["station"]) if base.text(r["mark"]).startswith("observed") else ""
            )
        rows.append(row)
    return Table("", columns, rows, frozenset({6}))


def _anchor(r: pd.Series) -> float:
    if not base.missing(r["temp_f"]):
        return float(r["temp_f"])
    lo, hi = r["temp_f_low"], r["temp_f_high"]
    if not base.missing(lo) and not base.missing(hi):
        return (float(lo) + float(hi)) / 2
    return float(hi if not base.missing(hi) else lo)


def _mark_label(r: pd.Series) -> str:
    size = coded_size(r["size_low"], r["size_high"], r.get("size_qualifier", ""))
    people = "person" if size == "1" else "people"
    return f"{base.text(r['place'])}, {date_words(r['date'])}: {size} {people} at {_temp_words(r)}"


@base.register(KIND)
def draw(data: pd.DataFrame, info: ChartSpec, budget: QuoteBudget) -> Chart:
    """Layouts (phone, wide) of the temperature chart, and its table."""
    table = _table(data, budget)
    if data.empty:
        return Chart([], table)
    kinds = set(data["mark"])
    key = []
    if "reported reading" in kinds:
        key.append(("dot", "Reported reading"))
    if "reported range" in kinds:
        key.append(("thick", "Reported range"))
    if kinds & {"reported at most", "reported at least"}:
        key.append(("arrow", "Reported only as a bound (“freezing”)"))
    if "observed range" in kinds:
        key.append(("obs-range", "Weather station, day’s low to high"))
    if "observed" in kinds:
        key.append(("diamond", "Weather station reading"))
    if (data["size_high"] > data["size_low"]).any():
        key.append(("vrange", "Range of crowd estimates"))
    # The spec's scales and lifts (a spec built by hand: worked out as the chart does).
    scales = info.options if isinstance(info.options, TemperatureOptions) else _scales(data)
    layouts = [
        _layout(data, scales, base.NARROW, 250.0, 4),
        _layout(data, scales, base.WIDE, 340.0, 8),
    ]
    return Chart(layouts, table, key)


@dataclass(frozen=True)
class _Plot:
    """One design's plot area: ``width`` px wide, from ``top`` to ``bottom`` px, on the
    spec's scales."""

    width: float
    top: float
    bottom: float
    scales: TemperatureOptions

    def fx(self, t: float) -> float:
        xmin, xmax = self.scales.xlim
        return 0.01 + 0.98 * (float(t) - xmin) / (xmax - xmin)

    def fy(self, v: float) -> float:
        ymin, ymax = self.scales.ylim
        frac = (math.log10(max(float(v), 1e-9)) - math.log10(ymin)) / math.log10(ymax / ymin)
        return self.bottom - frac * (self.bottom - self.top)


def _layout(
    data: pd.DataFrame, scales: TemperatureOptions, width: float, plot_h: float, most_ticks: int
) -> Layout:
    plot = _Plot(width, 22.0, 22.0 + plot_h, scales)
    items: list[Any] = []
    boxes: list[tuple[float, float, float, float]] = []  # px at the narrowest width: no overlap
    _axes(plot, most_ticks, items, boxes)
    is_obs = data["mark"].astype(str).str.startswith("observed")
    reported_rows = set(data.loc[~is_obs, "row"])
    marks: list[tuple[int, Mark, float, float, tuple[float, float]]] = []
    for i, r in data.iterrows():
        mark, x, y, span = _mark(plot, int(i), r, r["row"] not in reported_rows)
        marks.append((int(i), mark, x, y, span))
        boxes.append((span[0] * width - 7, y - 7, span[1] * width + 7, y + 7))
        if r["size_high"] > r["size_low"]:
            boxes.append(
                (x * width - 3, plot.fy(r["size_high"]), x * width + 3, plot.fy(r["size_low"]))
            )
    # Marks first (the focus order follows the table), labels after, reported before observed.
    items.extend(t[1] for t in marks)
    order = sorted(marks, key=lambda t: (str(data.loc[t[0], "mark"]).startswith("observed"), t[3]))
    seen: set[int] = set()
    for i, _m, x, y, span in order:
        r = data.loc[i]
        if r["row"] in seen:
            continue
        seen.add(r["row"])
        label = _label(plot, r, x, y, span, boxes)
        if label is not None:
            items.append(label)
            boxes.append(label.box(width))
    return Layout(width, plot.bottom + 26, items)


def _axes(plot: _Plot, most_ticks: int, items: list[Any], boxes: list) -> None:
    """Gridlines and counts up the side, degrees along the bottom, freezing's dashed line."""
    top, bottom, width, fx = plot.top, plot.bottom, plot.width, plot.fx
    (xmin, xmax), yticks = plot.scales.xlim, plot.scales.yticks
    for i, t in enumerate(sorted(yticks)):
        y = plot.fy(t)
        items.append(Line(0, y, 1, y, "rule"))
        words = fmt_count(t) + (" people" if i == len(yticks) - 1 else "")
        # Clear of a mark drawn along the gridline (a bound's arrow at exactly this count).
        label = Text(0, 0, y - 7, words, _TICK, cls="soft halo")
        items.append(label)
        boxes.append(label.box(width))
    step = next(
        s
        for s in (1, 2, 5, 10, 20, 25, 50, 100)
        if (xmax - xmin) / s <= most_ticks and s * width / (xmax - xmin) > 52
    )
    t = math.ceil(xmin / step) * step
    items.append(Line(0, bottom, 1, bottom, "axis"))
    while t <= xmax:
        anchor = "start" if fx(t) < 0.05 else ("end" if fx(t) > 0.95 else "middle")
        degrees = f"{t:g}°F".replace("-", "−")
        items.append(Text(fx(t), 0, bottom + 17, degrees, _TICK, anchor=anchor, cls="soft"))
        items.append(Line(fx(t), bottom, fx(t), bottom + 4, "axis"))
        t += step
    if xmin < 32 < xmax:
        items.append(Line(fx(32), top, fx(32), bottom, "dash"))
        freeze = Text(fx(32), 4, top + 12, "Freezing", _TICK, cls="soft halo")
        if freeze.box(width)[2] > width:  # no room right of the line: its left
            freeze = Text(fx(32), -4, top + 12, "Freezing", _TICK, anchor="end", cls="soft halo")
        items.append(freeze)
        boxes.append(freeze.box(width))
        boxes.append((fx(32) * width - 2, top, fx(32) * width + 2, bottom))


def _mark(
    plot: _Plot, i: int, r: pd.Series, own_range: bool
) -> tuple[Mark, float, float, tuple[float, float]]:
    """Row ``i``'s mark, where it stands (x, y) and the stretch of the width it spans.
    ``own_range``: a station's mark draws the crowd range only when no report does."""
    fx, fy = plot.fx, plot.fy
    kind = str(r["mark"])
    ax, y = _anchor(r), fy(r["size_plotted"])
    if plot.scales.dodge[i]:  # a station's line lifted off another event's report
        y -= 9
    shapes: list[Any] = []
    x = fx(ax)
    if r["size_high"] > r["size_low"] and (not kind.startswith("observed") or own_range):
        cls = "two vbar" if kind.startswith("observed") else "one vbar"
        shapes.append(Line(x, fy(r["size_low"]), x, fy(r["size_high"]), cls))
    span = (x, x)
    if kind == "reported reading":
        shapes.append(Dot(x, y, 5.5))
    elif kind == "reported range":
        span = (fx(r["temp_f_low"]), fx(r["temp_f_high"]))
        shapes.append(Line(*(span[0], y, span[1], y), "one thick"))
    elif kind in ("reported at most", "reported at least"):
        most = kind == "reported at most"
        x = fx(r["temp_f_high"] if most else r["temp_f_low"])
        end = 0.0 if most else 1.0
        span = (end, x) if most else (x, end)
        shapes.append(Line(x, y, end, y, "one bound"))
        shapes.append(Line(x, y - 7, x, y + 7, "one cap"))
        shapes.append(Symbol(end, y, "head-left" if most else "head-right", "one"))
    elif kind == "observed range":
        span = (fx(r["temp_f_low"]), fx(r["temp_f_high"]))
        shapes.append(Line(span[0], y, span[1], y, "two thin"))
        shapes += [Symbol(s, y, "diamond", "hollow") for s in span]
    else:
        shapes.append(Symbol(x, y, "diamond", "hollow"))
    pad = 10 / plot.width
    hit = Rect(max(span[0] - pad, 0), min(span[1] + pad, 1), y - 10, 20)
    return Mark(i, _mark_label(r), shapes, hit), x, y, span


def _label(
    plot: _Plot, r: pd.Series, x: float, y: float, span: tuple[float, float], boxes: list
) -> Text | None:
    """A mark's place and date where it overlaps nothing: beside the mark, then above or
    below it, then along a bound's arrow (away from the cap); None where nothing is free."""
    short = f"{base.text(r['city']) or base.text(r['place'])}, {ap_date(r['date'])}"
    said = base.text(r["temp_text"])
    texts = [short]
    if r["mark"] in ("reported at most", "reported at least") and said:
        texts.insert(0, f"{short}: “{said}”")
    back = "end" if r["mark"] == "reported at most" else "start"
    step = -8 if back == "end" else 8
    spots = [(x, 9, 4, "start"), (x, -9, 4, "end"), (x, 0, -11, "middle"), (x, 0, 19, "middle")]
    spots += [(x, step, -9, back), (x, step, 19, back)]
    if span[1] > span[0] and r["mark"] in ("reported range", "observed range"):
        spots += [(span[1], 10, 4, "start"), (span[0], -10, 4, "end")]  # past either end
    for words, (at, dx, dy, anchor) in ((w, s) for w in texts for s in spots):
        label = Text(at, dx, y + dy, words, _SIZE, anchor=anchor, cls="ink halo")  # over rules
        b = label.box(plot.width)
        inside = b[0] >= 0 and b[2] <= plot.width and b[1] >= 0 and b[3] <= plot.bottom
        if inside and not any(_hits(b, o) for o in boxes):
            return label
    return None


def _hits(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] + 2 and b[0] < a[2] + 2 and a[1] < b[3] + 1 and b[1] < a[3] + 1
