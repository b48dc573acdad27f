"""Timeline density: events per day (week, month) and the cities that had one, marked days shaded.

Up to 62 bins, events and cities stand side by side; longer timelines (CCC
years, month by month) draw events as bars and cities as a step line. Tick
labels are spaced for the design's narrowest width; marked days' labels step
up a level where they would collide.

>>> import turnout
>>> from turnout.charts import spec
>>> info = spec(turnout.load_events(), "timeline-density")
>>> chart = draw(info.data, info, QuoteBudget())
>>> len(chart.layouts[0].marks()) == int((info.data["events"] > 0).sum())
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from turnout.charts.specs import ChartSpec
from turnout.charts.timeline import TimelineOptions
from turnout.embeds import base
from turnout.embeds.base import Chart, QuoteBudget, Table
from turnout.embeds.measure import text_width
from turnout.embeds.scene import Layout, Line, Mark, Rect, Text
from turnout.embeds.words import ap_date

KIND = "timeline-density"
_TICK = 12.0
_MARKED = 12.5


def _freq(spec: ChartSpec) -> str:
    """What one bar counts: the spec's option ("day" for a spec built by hand)."""
    return spec.options.freq if isinstance(spec.options, TimelineOptions) else "day"


def _count(n: int, word: str, plural: str) -> str:
    return f"{n:,} {word if n == 1 else plural}"


def _first(places: str, most: int) -> str:
    """A bin's places, the first ``most`` named (the CSV lists them all)."""
    names = [p for p in places.split("; ") if p]
    if len(names) <= most:
        return "; ".join(names)
    return "; ".join(names[:most]) + f"; and {len(names) - most:,} more in the data file"


def _table(data: pd.DataFrame, budget: QuoteBudget) -> Table:
    columns = ["Period", "Events", "Cities with an event", "Marked", "Places", "Sentences quoted"]
    # Every busy bin gets its share of the budget: sentences per bin, at least one.
    said = [base.text(q).split(" | ") for q in data["source_quote"] if base.text(q)]
    size = sum(len(p.encode("utf-8")) for ps in said for p in ps)
    most = max(1, int(len(said) and budget.chars / (size / sum(map(len, said))) / len(said)))
    rows = [
        [
            base.text(r["label"]),
            str(int(r["events"])),
            str(int(r["cities"])),
            base.text(r["marked"]),
            _first(base.text(r["places"]), 6),
            base.quotes(r["source_quote"], budget, sep=" | ", most=most),
        ]
        for _, r in data.iterrows()
    ]
    return Table("", columns, rows, frozenset({5}))


@base.register(KIND)
def draw(data: pd.DataFrame, info: ChartSpec, budget: QuoteBudget) -> Chart:
    """Layouts (phone, wide) of the timeline, and its table."""
    table = _table(data, budget)
    if data.empty:
        return Chart([], table)
    grouped = len(data) <= 62
    freq = _freq(info)
    key = [("one", "Events"), ("two" if grouped else "step", "Cities with an event")]
    if data["marked"].map(base.text).ne("").any():
        key.append(("band" if freq == "day" else "dash", "Marked day"))
    layouts = [
        _layout(data, freq, base.NARROW, 190.0, 4),
        _layout(data, freq, base.WIDE, 250.0, 5),
    ]
    return Chart(layouts, table, key)


def _tick_labels(dates: list[pd.Timestamp], freq: str, step: int) -> dict[int, str]:
    out: dict[int, str] = {}
    if freq == "month":
        if step >= 12:
            return {i: str(d.year) for i, d in enumerate(dates) if d.month == 1}
        for i in range(0, len(dates), step):
            d = dates[i]
            out[i] = (
                f"{ap_date(d).split()[0]} {d.year}"
                if i == 0 or d.month <= step
                else ap_date(d).split()[0]
            )
        return out
    month = None
    for i in range(0, len(dates), step):
        d = dates[i]
        out[i] = ap_date(d) if d.month != month else str(d.day)
        month = d.month
    return out


def _layout(data: pd.DataFrame, freq: str, width: float, plot_h: float, most: int) -> Layout:
    n = len(data)
    ticks = _ticks(list(pd.to_datetime(data["date"])), freq, width / n)
    labels = _marked_levels(data, freq, ticks, width)
    levels = 1 + max((lv for _, _, lv in labels), default=-1)
    top = 6.0 + levels * 17.0 + 20.0  # the marked days' levels, then the top count's label
    bottom = top + plot_h
    high = base.nice_ticks(float(data["events"].max()), most)
    ymax = float(high[-1])

    def fy(v: float) -> float:
        return bottom - float(v) / ymax * plot_h

    items: list[Any] = []
    for i, words, level in labels:
        w = text_width(words, _MARKED)
        c = (i + 0.5) / n * width
        anchor = "middle"
        if c - w / 2 < 0:
            anchor = "start"
        elif c + w / 2 > width:
            anchor = "end"
        x = {"middle": (i + 0.5) / n, "start": 0.0, "end": 1.0}[anchor]
        items.append(Text(x, 0, top - 24 - level * 17, words, _MARKED, anchor=anchor))
        if freq == "day":
            items.append(Rect(i / n, (i + 1) / n, top - 20, plot_h + 20, "band"))
        else:
            items.append(Line((i + 0.5) / n, top - 20, (i + 0.5) / n, bottom, "dash"))
    for t in high:
        items.append(Line(0, fy(t), 1, fy(t), "rule" if t else "axis"))
    items += _bars(data, fy, top, bottom)
    for t in high[1:]:  # counts on their gridlines, over the bars, with a halo
        items.append(Text(0, 0, fy(t) - 4, f"{t:,}", _TICK, cls="soft halo"))
    items += _date_axis(ticks, n, width, bottom)
    return Layout(width, bottom + 26, items)


def _ticks(dates: list[pd.Timestamp], freq: str, bin_px: float) -> dict[int, str]:
    """Date labels by bin, every step bins: the smallest step whose labels fit apart."""
    steps = (1, 2, 3, 6, 12, 24, 36) if freq == "month" else (1, 2, 3, 7, 14, 28, 56, 91, 182)
    ticks: dict[int, str] = {}
    for step in steps:
        ticks = _tick_labels(dates, freq, step)
        widest = max((text_width(t, _TICK) for t in ticks.values()), default=0)
        if widest + 10 <= step * bin_px:
            break
    return ticks


def _marked_levels(
    data: pd.DataFrame, freq: str, ticks: dict[int, str], width: float
) -> list[tuple[int, str, int]]:
    """Marked days' labels over the plot, stepping up a level where they would collide:
    (bin, words, level)."""
    n = len(data)
    labels: list[tuple[int, str, int]] = []
    placed: list[tuple[float, float, int]] = []
    for i, r in data.iterrows():
        words = base.text(r["marked"])
        if not words:
            continue
        if i not in ticks:
            words = f"{ap_date(r['date'])}: {words}" if freq == "day" else f"{r['label']}: {words}"
        w = text_width(words, _MARKED)
        left = min(max((int(i) + 0.5) / n * width - w / 2, 0), width - w)
        level = next(
            (
                lv
                for lv in range(6)
                if not any(lv == pl and left < b + 8 and a < left + w + 8 for a, b, pl in placed)
            ),
            5,
        )
        placed.append((left, left + w, level))
        labels.append((int(i), words, level))
    return labels


def _bars(data: pd.DataFrame, fy: Any, top: float, bottom: float) -> list[Any]:
    """A mark per bin with events (events and cities side by side; past 62 bins the events
    alone, cities a step line across every bin)."""
    n, plot_h = len(data), bottom - top
    items: list[Any] = []
    grouped = n <= 62
    for i, r in data.iterrows():
        ev, ci = int(r["events"]), int(r["cities"])
        if ev == 0:
            continue
        x0 = i / n
        shapes: list[Any] = []
        if grouped:
            shapes.append(Rect(x0 + 0.1 / n, x0 + 0.5 / n, fy(ev), bottom - fy(ev), "one"))
            shapes.append(Rect(x0 + 0.5 / n, x0 + 0.9 / n, fy(ci), bottom - fy(ci), "two"))
        else:
            shapes.append(Rect(x0 + 0.1 / n, x0 + 0.9 / n, fy(ev), bottom - fy(ev), "one"))
        counts = f"{_count(ev, 'event', 'events')} in {_count(ci, 'city', 'cities')}"
        what = f"{base.text(r['label'])}: {counts}"
        if base.text(r["marked"]):
            what += f"; marked: {base.text(r['marked'])}"
        hit = Rect(x0, (i + 1) / n, top, plot_h)
        items.append(Mark(int(i), what, shapes, hit))
    if not grouped:  # cities: a step line across every bin, zero included
        prev = None
        for i, r in data.iterrows():
            y = fy(int(r["cities"]))
            items.append(Line(i / n, y, (i + 1) / n, y, "step"))
            if prev is not None and prev != y:
                items.append(Line(i / n, prev, i / n, y, "step"))
            prev = y
    return items


def _date_axis(ticks: dict[int, str], n: int, width: float, bottom: float) -> list[Any]:
    """Tick marks and date labels under the plot; an edge label that would run into its
    neighbour is left off."""
    items: list[Any] = []
    right_of_last = -1e9
    for i, words in ticks.items():
        c = (i + 0.5) / n * width
        w = text_width(words, _TICK)
        anchor = "start" if c - w / 2 < 0 else ("end" if c + w / 2 > width else "middle")
        left = {"middle": c - w / 2, "start": 0.0, "end": width - w}[anchor]
        if left < right_of_last + 8:  # an edge label pushed into its neighbour: leave it off
            continue
        right_of_last = left + w
        x = {"middle": (i + 0.5) / n, "start": 0.0, "end": 1.0}[anchor]
        items.append(Line((i + 0.5) / n, bottom, (i + 0.5) / n, bottom + 4, "axis"))
        items.append(Text(x, 0, bottom + 18, words, _TICK, anchor=anchor, cls="soft"))
    return items
