"""Timeline density: events per day (week, month) and the cities that had one, marked days shaded.

Up to 62 bins, events and cities stand side by side; longer timelines (CCC
years, month by month) draw events as bars and cities as a step line. Tick
labels are spaced for the design's narrowest width; marked days' labels step
up a level where they would collide.

>>> import turnout
>>> from turnout.charts import timeline_density, chart_info
>>> info = chart_info(timeline_density(turnout.load_events()))
>>> chart = draw(info.data, info, QuoteBudget())
>>> len(chart.layouts[0].marks()) == int((info.data["events"] > 0).sum())
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from turnout.embeds import base
from turnout.embeds.base import Chart, QuoteBudget, Table
from turnout.embeds.measure import text_width
from turnout.embeds.scene import Layout, Line, Mark, Rect, Text
from turnout.embeds.words import ap_date

KIND = "timeline-density"
_TICK = 12.0
_MARKED = 12.5


def _freq(data: pd.DataFrame) -> str:
    labels = data["label"].astype(str)
    if labels.str.startswith("Week of").any():
        return "week"
    dates = pd.to_datetime(data["date"])
    if len(dates) > 1 and (dates.diff().dt.days.dropna() > 20).all():
        return "month"
    return "day"


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
def draw(data: pd.DataFrame, info: Any, budget: QuoteBudget) -> Chart:
    """Layouts (phone, wide) of the timeline, and its table."""
    table = _table(data, budget)
    if data.empty:
        return Chart([], table)
    grouped = len(data) <= 62
    key = [("one", "Events"), ("two" if grouped else "step", "Cities with an event")]
    if data["marked"].map(base.text).ne("").any():
        key.append(("band" if _freq(data) == "day" else "dash", "Marked day"))
    layouts = [_layout(data, base.NARROW, 190.0, 4), _layout(data, base.WIDE, 250.0, 5)]
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


def _layout(data: pd.DataFrame, width: float, plot_h: float, most: int) -> Layout:
    n = len(data)
    freq = _freq(data)
    dates = list(pd.to_datetime(data["date"]))
    high = base.nice_ticks(float(data["events"].max()), most)
    # The counts' labels get a gutter of their own, so no bar runs under them.
    gutter = (max(text_width(f"{t:,}", _TICK) for t in high) + 6) / width
    span = (1 - gutter) / n  # one bin's share of the width
    bin_px = width * span
    steps = (1, 2, 3, 6, 12, 24, 36) if freq == "month" else (1, 2, 3, 7, 14, 28, 56, 91, 182)
    ticks: dict[int, str] = {}
    for step in steps:
        ticks = _tick_labels(dates, freq, step)
        widest = max((text_width(t, _TICK) for t in ticks.values()), default=0)
        if widest + 10 <= step * bin_px:
            break
    items: list[Any] = []

    def cx(i: int) -> float:
        return gutter + (i + 0.5) * span

    # Marked days' labels over the plot, stepping up a level where they would collide.
    labels: list[tuple[int, str, int]] = []
    placed: list[tuple[float, float, int]] = []
    for i, r in data.iterrows():
        words = base.text(r["marked"])
        if not words:
            continue
        if i not in ticks:
            words = f"{ap_date(r['date'])}: {words}" if freq == "day" else f"{r['label']}: {words}"
        w = text_width(words, _MARKED)
        left = min(max(cx(i) * width - w / 2, 0), width - w)
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
    levels = 1 + max((lv for _, _, lv in labels), default=-1)
    top = 6.0 + levels * 17.0 + 20.0  # the marked days' levels, then the top count's label
    bottom = top + plot_h
    ymax = float(high[-1])

    def fy(v: float) -> float:
        return bottom - float(v) / ymax * plot_h

    for i, words, level in labels:
        w = text_width(words, _MARKED)
        c = cx(i) * width
        anchor = "middle"
        if c - w / 2 < 0:
            anchor = "start"
        elif c + w / 2 > width:
            anchor = "end"
        x = {"middle": cx(i), "start": 0.0, "end": 1.0}[anchor]
        items.append(Text(x, 0, top - 24 - level * 17, words, _MARKED, anchor=anchor))
        if freq == "day":
            items.append(
                Rect(gutter + i * span, gutter + (i + 1) * span, top - 20, plot_h + 20, "band")
            )
        else:
            items.append(Line(cx(i), top - 20, cx(i), bottom, "dash"))
    for t in high:
        items.append(Line(0, fy(t), 1, fy(t), "rule" if t else "axis"))
    grouped = n <= 62
    for i, r in data.iterrows():
        ev, ci = int(r["events"]), int(r["cities"])
        if ev == 0:
            continue
        x0 = gutter + i * span
        shapes: list[Any] = []
        if grouped:
            shapes.append(Rect(x0 + 0.1 * span, x0 + 0.5 * span, fy(ev), bottom - fy(ev), "one"))
            shapes.append(Rect(x0 + 0.5 * span, x0 + 0.9 * span, fy(ci), bottom - fy(ci), "two"))
        else:
            shapes.append(Rect(x0 + 0.1 * span, x0 + 0.9 * span, fy(ev), bottom - fy(ev), "one"))
        counts = f"{_count(ev, 'event', 'events')} in {_count(ci, 'city', 'cities')}"
        what = f"{base.text(r['label'])}: {counts}"
        if base.text(r["marked"]):
            what += f"; marked: {base.text(r['marked'])}"
        hit = Rect(x0, x0 + span, top, plot_h)
        items.append(Mark(int(i), what, shapes, hit))
    if not grouped:  # cities: a step line across every bin, zero included
        prev = None
        for i, r in data.iterrows():
            y = fy(int(r["cities"]))
            x0 = gutter + i * span
            items.append(Line(x0, y, x0 + span, y, "step"))
            if prev is not None and prev != y:
                items.append(Line(x0, prev, x0, y, "step"))
            prev = y
    for t in high[1:]:  # counts on their gridlines, in their gutter left of the bars
        items.append(Text(0, 0, fy(t) - 4, f"{t:,}", _TICK, cls="soft halo"))
    right_of_last = -1e9
    for i, words in ticks.items():
        c = cx(i) * width
        w = text_width(words, _TICK)
        anchor = "start" if c - w / 2 < 0 else ("end" if c + w / 2 > width else "middle")
        left = {"middle": c - w / 2, "start": 0.0, "end": width - w}[anchor]
        if left < right_of_last + 8:  # an edge label pushed into its neighbour: leave it off
            continue
        right_of_last = left + w
        x = {"middle": cx(i), "start": 0.0, "end": 1.0}[anchor]
        items.append(Line(cx(i), bottom, cx(i), bottom + 4, "axis"))
        items.append(Text(x, 0, bottom + 18, words, _TICK, anchor=anchor, cls="soft"))
    return Layout(width, bottom + 26, items)
