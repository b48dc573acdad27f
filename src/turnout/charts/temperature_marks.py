"""The temperature chart drawn with matplotlib from its spec
(:func:`turnout.charts.temperature.temperature_spec`): how each mark is drawn, its legend
key and its direct label, on the spec's scales.

A reported reading is a point, a reported range a bar, a one-sided word ("freezing") a light
arrow pointing the open way; a weather station's day is a vermilion line from its low to
its high with hollow diamond ends.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerPatch
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow, Patch
from matplotlib.ticker import FixedLocator, MaxNLocator, NullLocator
from matplotlib.transforms import Bbox, offset_copy

from turnout import style
from turnout.ap import (
    ap_count,
    ap_date,
    fmt_degrees,
)
from turnout.charts import base
from turnout.charts.base import BLUE, VERMILLION
from turnout.charts.specs import ChartSpec
from turnout.charts.temperature import TemperatureOptions, _anchor_x, _span
from turnout.style import GREY, INK_SOFT

# A one-sided temperature ("freezing") is drawn lighter than a reading: thin and translucent.
_BOUND_LW = 0.9
_BOUND_ALPHA = 0.6


def draw(spec: ChartSpec) -> Figure:
    """The Figure of a temperature spec on the spec's scales. Its labels are placed once the
    axes have their final size; where marks crowd, some are left off, and the figure's spec
    (:func:`turnout.charts.chart_info`) says so in its notes, as the picture shows."""
    options = spec.options
    assert isinstance(options, TemperatureOptions), "a temperature spec carries its scales"
    marks = spec.data.assign(dodge_pt=list(options.dodge))
    (xmin, xmax), (ymin, ymax) = options.xlim, options.ylim
    notes = spec.notes
    with style.use_style():
        fig = style.new_figure()
        ax = fig.add_subplot()
        ax.set_yscale("log")
        ax.set_ylim(ymin, ymax)
        ax.set_xlim(xmin, xmax)
        ax.yaxis.set_major_locator(FixedLocator(list(options.yticks)))
        ax.yaxis.set_minor_locator(NullLocator())
        style.format_count_axis(ax, "y")
        ax.xaxis.set_major_locator(MaxNLocator(6, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:g}°".replace("-", "−"))
        ax.set_xlabel("Temperature, °F")
        ax.set_ylabel("People (log scale)")
        if xmin < 32 < xmax:  # freezing is the reference readers know
            ax.axvline(32, color=GREY, lw=0.8, ls=(0, (3, 3)), zorder=1)
            ax.annotate(
                "Freezing",
                (32, 1),
                xycoords=("data", "axes fraction"),
                xytext=(3, -2),
                textcoords="offset points",
                ha="left",
                va="top",
                fontsize=8.5,
                color=INK_SOFT,
            )
        _draw_temperature_marks(ax, marks, xmin, xmax)
        handles = _temperature_legend(marks)
        ax.legend(
            handles=handles,
            handler_map={_BoundHandle: HandlerPatch(patch_func=_arrow_key)},
            loc="lower left",
            bbox_to_anchor=(0, 1.02),
            ncol=_legend_columns(handles),
            fontsize=8.5,
            handletextpad=0.5,
            columnspacing=1.2,
        )
        base.frame_spec(fig, ax, spec, 2.9, notes=notes)
        # Direct labels go on once the axes have their final size, so collisions are real.
        dropped = _label_temperature_marks(ax, marks)
        if dropped:
            notes += (
                f" Labels are left off {ap_count(dropped, 'event')} where marks crowd; "
                "the chart’s data file names every mark."
            )
            # Same plot size: the labels stay put.
            base.frame_spec(fig, ax, spec, 2.9, notes=notes)
    return base.finish(fig, spec._replace(notes=notes) if notes != spec.notes else spec)


def _legend_columns(handles: list[Any]) -> int:
    """One line of keys when they fit across the chart (about 60 characters), else two columns."""
    chars = sum(len(h.get_label()) for h in handles)
    return len(handles) if len(handles) <= 2 or (len(handles) == 3 and chars <= 60) else 2


def _draw_temperature_marks(ax: Any, marks: pd.DataFrame, xmin: float, xmax: float) -> None:
    is_obs = marks["mark"].str.startswith("observed")
    reported = marks[~is_obs]
    # A crowd range is a vertical bar through the temperature (or the bound it is drawn at),
    # once per event: at the reported mark, else at the observed one.
    for _, m in marks[~(is_obs & marks["row"].isin(reported["row"]))].iterrows():
        x = _anchor_x(m)
        if m["size_high"] > m["size_low"]:
            color = VERMILLION if m["mark"].startswith("observed") else BLUE
            ax.vlines(x, m["size_low"], m["size_high"], color=color, lw=1.4, alpha=0.7, zorder=3)
    # A reported temperature outside the day's observed span is joined to it by a grey line.
    obs = marks[marks["mark"].eq("observed")]
    for _, o in marks[is_obs].iterrows():
        same = reported[reported["row"].eq(o["row"])]
        for _, r in same.iterrows():
            x = _anchor_x(r)
            near = min(max(x, o["temp_f_low"]), o["temp_f_high"])
            if near != x:
                ax.plot(
                    [x, near], [o["size_plotted"]] * 2, color=GREY, lw=0.8, zorder=2,
                    transform=_dodged(ax, o),
                )  # fmt: skip
    # The day's low to high at the station: a thin line with hollow diamond ends, under the
    # report's marks, so a reported dot inside the day's span stays on top.
    for _, o in marks[marks["mark"].eq("observed range")].iterrows():
        ax.plot(
            [o["temp_f_low"], o["temp_f_high"]],
            [o["size_plotted"]] * 2,
            gid="turnout-observed-range",
            zorder=3,
            transform=_dodged(ax, o),
            **_OBSERVED_RANGE_STYLE,
        )
    pts = marks[marks["mark"].eq("reported reading")]
    ax.scatter(
        pts["temp_f"],
        pts["size_plotted"],
        s=42,
        color=BLUE,
        zorder=4,
        gid="turnout-reported",
        linewidths=0,
    )
    rng = marks[marks["mark"].eq("reported range")]
    for _, m in rng.iterrows():
        ax.plot(
            [m["temp_f_low"], m["temp_f_high"]],
            [m["size_plotted"]] * 2,
            color=BLUE,
            lw=3,
            solid_capstyle="butt",
            zorder=4,
            gid="turnout-reported-range",
        )
    _draw_bounds(ax, marks, xmin, xmax)
    _draw_observed(ax, obs)


def _draw_bounds(ax: Any, marks: pd.DataFrame, xmin: float, xmax: float) -> None:
    # One-sided words: a cap at the bound and an arrow pointing the open way, to the axis edge.
    # Drawn light (thin, translucent, solid head): a bound is weaker evidence than a reading,
    # and an arrow across the plot must not outweigh the one real dot.
    for kind, bound, end in (
        ("reported at most", "temp_f_high", xmin),
        ("reported at least", "temp_f_low", xmax),
    ):
        for _, m in marks[marks["mark"].eq(kind)].iterrows():
            x, yv = m[bound], m["size_plotted"]
            ax.annotate(
                "",
                xy=(end, yv),
                xytext=(x, yv),
                arrowprops={
                    "arrowstyle": "-|>,head_length=0.7,head_width=0.3",
                    "color": BLUE,
                    "alpha": _BOUND_ALPHA,
                    "lw": _BOUND_LW,
                    "shrinkA": 0,
                    "shrinkB": 0,
                },
                zorder=3,
                gid="turnout-bound",
            )
            ax.plot(
                [x, x],
                [yv / 1.15, yv * 1.15],
                color=BLUE,
                alpha=_BOUND_ALPHA,
                lw=1.2,
                zorder=3,
                gid="turnout-bound-cap",
            )


def _draw_observed(ax: Any, obs: pd.DataFrame) -> None:
    """A station's single readings: hollow diamonds, each lift drawn as one group."""
    for group in [obs[obs["dodge_pt"].eq(d)] for d in sorted(set(obs["dodge_pt"]))] or [obs]:
        ax.scatter(
            group["temp_f"],
            group["size_plotted"],
            s=46,
            marker="D",
            facecolors="none",  # hollow: a reported dot under it stays visible
            edgecolors=VERMILLION,
            linewidths=1.6,
            zorder=5,
            gid="turnout-observed",
            transform=_dodged(ax, group.iloc[0]) if len(group) else ax.transData,
        )


def _dodged(ax: Any, m: pd.Series) -> Any:
    """The data transform, shifted up by the mark's ``dodge_pt``."""
    dodge = float(m.get("dodge_pt", 0.0))
    return (
        offset_copy(ax.transData, fig=ax.get_figure(), y=dodge, units="points")
        if dodge
        else ax.transData
    )


_OBSERVED_RANGE_STYLE: dict[str, Any] = {
    "color": VERMILLION,
    "lw": 1.3,
    "marker": "D",
    "markersize": 5.5,
    "markerfacecolor": "white",
    "markeredgecolor": VERMILLION,
    "markeredgewidth": 1.4,
}


class _BoundHandle(Patch):
    """Legend key for a one-sided temperature: a short arrow, drawn by :func:`_arrow_key`."""


def _arrow_key(
    legend: Any,
    orig_handle: Any,
    xdescent: float,
    ydescent: float,
    width: float,
    height: float,
    fontsize: float,
) -> FancyArrow:
    return FancyArrow(
        width - xdescent,
        height / 2 - ydescent,
        -width,
        0,
        width=0.6,
        head_width=5,
        head_length=5,
        length_includes_head=True,
        color=orig_handle.get_facecolor(),
        alpha=_BOUND_ALPHA,
        lw=0,
    )


def _temperature_legend(marks: pd.DataFrame) -> list[Any]:
    kinds = set(marks["mark"])
    handles: list[Any] = []
    if "reported reading" in kinds:
        handles.append(Line2D([], [], marker="o", ls="", color=BLUE, label="Reported reading"))
    if "reported range" in kinds:
        handles.append(Line2D([], [], lw=3, color=BLUE, label="Reported range"))
    if kinds & {"reported at most", "reported at least"}:
        handles.append(_BoundHandle(color=BLUE, label="Reported only as a bound"))
    if "observed range" in kinds:
        handles.append(
            Line2D([], [], label="Observed that day, low to high", **_OBSERVED_RANGE_STYLE)
        )
    if "observed" in kinds:
        handles.append(
            Line2D(
                [],
                [],
                marker="D",
                ls="",
                markerfacecolor="white",
                markeredgecolor=VERMILLION,
                markeredgewidth=1.6,
                label="Observed (weather station)",
            )
        )
    return handles


def _label_temperature_marks(ax: Any, marks: pd.DataFrame) -> int:
    """Label each event once, biggest crowds first, clear of every mark; return labels dropped."""
    renderer = ax.get_figure().canvas.get_renderer()
    to_px = ax.transData.transform
    avoid = []
    xmin, xmax = ax.get_xlim()
    dpi = ax.get_figure().dpi
    for _, m in marks.iterrows():
        x, y = _anchor_x(m), m["size_plotted"]
        (px, py) = to_px((x, y))
        py += m["dodge_pt"] * dpi / 72
        avoid.append(Bbox.from_extents(px - 5, py - 5, px + 5, py + 5))
        if m["size_high"] > m["size_low"]:
            (_, y0), (_, y1) = to_px((x, m["size_low"])), to_px((x, m["size_high"]))
            avoid.append(Bbox.from_extents(px - 3, y0, px + 3, y1))
        a, b = _span(m, xmin, xmax)
        if b > a:  # a range or an arrow: its whole length
            (x0, _), (x1, _) = to_px((a, y)), to_px((b, y))
            avoid.append(Bbox.from_extents(x0, py - 5, x1, py + 5))
    for t in ax.texts:  # the freezing reference label
        avoid.append(t.get_window_extent(renderer))
    if xmin < 32 < xmax:  # and its dashed line
        (fx, _), box = to_px((32, 1)), ax.get_window_extent(renderer)
        avoid.insert(0, Bbox.from_extents(fx - 2, box.y0, fx + 2, box.y1))

    # Reported marks are labelled first: a source's own bound or reading must never lose its
    # label to a station's range at the same crowd size, which the data file names anyway.
    order = marks.assign(
        _x=marks.apply(_anchor_x, axis=1), _obs=marks["mark"].str.startswith("observed")
    ).sort_values(["_obs", "size_plotted", "row"], ascending=[True, False, True])
    items = []
    seen: set[int] = set()
    for _, m in order.iterrows():
        if m["row"] in seen:  # one label per event, on the first of its marks
            continue
        seen.add(int(m["row"]))
        text = f"{m['city']}, {ap_date(m['date'])}"
        if m["mark"] == "reported at most":
            text += f"\n“{m['temp_text']}”: {fmt_degrees(m['temp_f_high'])} or colder"
        elif m["mark"] == "reported at least":
            text += f"\n“{m['temp_text']}”: {fmt_degrees(m['temp_f_low'])} or warmer"
        y = m["size_plotted"]
        if m["dodge_pt"]:  # the label goes by the line as drawn
            px, py = to_px((m["_x"], y))
            y = ax.transData.inverted().transform((px, py + m["dodge_pt"] * dpi / 72))[1]
        a, b = _span(m, xmin, xmax)
        items.append(([m["_x"], *((b, a) if b > a else ())], y, text.split("\n")))
    # Each label tries its mark's middle, then the ends of its range or arrow, then its first
    # line alone (a bound's words are in the notes), and last may cross the dashed freezing
    # line (first in ``avoid``) rather than leave a mark unnamed.
    drawn = 0
    for xs, y, lines in items:
        texts = ["\n".join(lines), lines[0]] if len(lines) > 1 else lines
        tries = [(x, t, avoid) for t in texts for x in xs]
        tries += [(x, texts[-1], avoid[1:]) for x in xs[1:] if xmin < 32 < xmax]
        for x, text, boxes in tries[: 12 > drawn and len(tries)]:
            got = style.place_labels(ax, [(x, y, text)], avoid=boxes)
            if got:
                avoid.append(got[0].get_window_extent(renderer).padded(2))
                drawn += 1
                break
    return len(items) - drawn
