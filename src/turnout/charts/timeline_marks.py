"""The timeline drawn with matplotlib: a :func:`turnout.charts.timeline.timeline_spec` as a
Figure (bars per bin, cities as bars or a step line, marked days, the frame of its words).

>>> import turnout
>>> from turnout.charts import chart_info
>>> from turnout.charts.timeline import timeline_spec
>>> s = timeline_spec(turnout.load_events())
>>> chart_info(draw(s)) is s
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from turnout import style
from turnout.ap import ap_date
from turnout.charts import base
from turnout.charts.base import BLUE, VERMILLION
from turnout.charts.specs import ChartSpec
from turnout.charts.timeline import TimelineOptions, _week_ticks
from turnout.style import GREY, GREY_LIGHT, INK


def draw(spec: ChartSpec) -> Figure:
    """The Figure of a timeline spec, keeping the spec (:func:`turnout.charts.chart_info`)."""
    data, options = spec.data, spec.options
    assert isinstance(options, TimelineOptions), "a timeline spec carries TimelineOptions"
    freq, marked = options.freq, options.marked
    with style.use_style():
        fig = style.new_figure()
        ax = fig.add_subplot()
        x = date2num(data["date"].dt.to_pydatetime())
        step = {"day": 1.0, "week": 7.0, "month": 30.4}[freq]
        if freq != "day":
            x = x + step / 2  # a week's or month's bar sits over its span
        _bars(ax, data, x, step)
        top = int(data[["events", "cities"]].to_numpy().max())
        # Headroom for the marked-day labels, which sit inside the plot at the top.
        style.count_axis(ax, top, "y", headroom=max(1.28, (top + 1.5) / top) if marked else 1.0)
        # Half a bin of air between the first and last bins and the axis ends.
        ax.set_xlim(x.min() - step, x.max() + step)
        ticks = _ticks(ax, data, options, step)
        for day in sorted(marked):
            xd = date2num(day.to_pydatetime())
            if freq == "day":
                ax.axvspan(xd - 0.5, xd + 0.5, color=GREY_LIGHT, lw=0, zorder=0)
            else:
                ax.axvline(xd, color=GREY, lw=0.8, ls=(0, (3, 3)), zorder=0)
        handles, names = ax.get_legend_handles_labels()
        order = sorted(range(len(names)), key=lambda i: names[i] != "Events")  # events first
        ax.legend(
            [handles[i] for i in order],
            [names[i] for i in order],
            loc="lower left",
            bbox_to_anchor=(0, 1.02),
            ncol=2,
            fontsize=8.5,
        )
        base.frame_spec(fig, ax, spec, 2.6)
        ticked = {t for t, _ in ticks} if freq == "day" else set()
        _label_marked(ax, marked, freq, ticked)
    return base.finish(fig, spec)


def _bars(ax: Axes, data: pd.DataFrame, x: np.ndarray, step: float) -> None:
    """Events and cities side by side; past 62 bins, cities as a step line over the bars."""
    if len(data) <= 62:
        w = step * 0.4
        ax.bar(x - w / 2, data["events"], width=w, color=BLUE, label="Events", gid="turnout-events")
        ax.bar(
            x + w / 2,
            data["cities"],
            width=w,
            color=VERMILLION,  # the embed's and phone PNG's colour: one orange on light
            label="Cities with an event",
            gid="turnout-cities",
        )
        return
    ax.bar(x, data["events"], width=step * 0.9, color=BLUE, label="Events", gid="turnout-events")
    ax.step(
        x,
        data["cities"],
        where="mid",
        color=INK,
        lw=1.1,
        label="Cities with an event",
        gid="turnout-cities",
    )


def _ticks(
    ax: Axes, data: pd.DataFrame, options: TimelineOptions, step: float
) -> list[tuple[pd.Timestamp, str]]:
    """The date axis: week starts under their bars for a few weeks, dates otherwise."""
    if options.week_ticks:
        ticks = _week_ticks(data["date"])
        tick_x = [float(v) + step / 2 for v in date2num([t.to_pydatetime() for t, _ in ticks])]
    else:
        ticks = style.date_ticks(options.start, options.end, max_ticks=12)
        tick_x = list(date2num([t.to_pydatetime() for t, _ in ticks]))
    ax.set_xticks(tick_x, labels=[lab for _, lab in ticks])
    ax.tick_params(axis="x", length=3)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return ticks


def _label_marked(
    ax: Any,
    marked: dict[pd.Timestamp, str],
    freq: str,
    ticked: set[pd.Timestamp],
) -> None:
    """Label marked days (all inside the period) at the top of the plot, stepping down on collision.

    A day without its own tick label gets its date in the label ("Jan. 30: National strike").
    """
    renderer = ax.get_figure().canvas.get_renderer()
    ax_box = ax.get_window_extent(renderer)
    placed: list[Any] = []
    for day, label in sorted(marked.items()):
        xd = date2num(day.to_pydatetime())
        edge = 0.5 if freq == "day" else 0.0
        text = label if day in ticked else f"{ap_date(day)}: {label}"
        for level in range(4):
            # Centered over its shaded day; at a plot edge, flush with the day's outer side.
            t = ax.annotate(
                text,
                (xd, 1),
                xycoords=("data", "axes fraction"),
                xytext=(0, -2 - 12 * level),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=8.5,
                color=INK,
                gid="turnout-marked",
            )
            t.set_parse_math(False)
            box = t.get_window_extent(renderer)
            if box.x1 > ax_box.x1 or box.x0 < ax_box.x0:
                right = box.x1 > ax_box.x1
                t.xy = (xd + edge if right else xd - edge, 1)
                t.set_ha("right" if right else "left")
                box = t.get_window_extent(renderer)
            if not any(box.overlaps(p) for p in placed):
                placed.append(box)
                break
            t.remove()
