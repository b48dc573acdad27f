"""The bar chart drawn with matplotlib: a :func:`turnout.charts.by_city.by_city_spec` as a
Figure (bars, the light ends of ranges, direct labels, the frame of its words).

>>> import turnout
>>> from turnout.charts import chart_info
>>> from turnout.charts.by_city import by_city_spec
>>> s = by_city_spec(turnout.load_events())
>>> chart_info(draw(s)).title == s.title
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import NullLocator

from turnout import style
from turnout.charts import base
from turnout.charts.base import BLUE
from turnout.charts.by_city import bars, options_of
from turnout.charts.specs import ChartSpec
from turnout.style import INK, INK_SOFT

# The light end of a range bar: the same hue, so the palette stays Okabe-Ito.
_RANGE_ALPHA = 0.35


def draw(spec: ChartSpec) -> Figure:
    """The Figure of a bar chart spec, keeping the spec (:func:`turnout.charts.chart_info`)."""
    options = options_of(spec)
    segments = spec.data
    top = bars(segments)
    n = len(top)
    sums, words = options.measure == "sum", options.labels == "words"
    with style.use_style():
        fig = style.new_figure()
        ax = fig.add_subplot()
        ax.grid(False)  # bars carry their own labels; gridlines between them are junk
        y = n - 1 - top["rank"].to_numpy() + 1  # rank 1 at the top
        y_of = dict(zip(top["rank"], y, strict=True))
        seg_y = segments["rank"].map(y_of).to_numpy() if sums else y
        ax.barh(
            seg_y,
            (segments["segment_end"] - segments["segment_start"]).to_numpy(),
            left=segments["segment_start"].to_numpy(),
            height=0.64,
            color=BLUE,
            edgecolor="white",
            linewidth=0.9 if sums else 0,
            gid="turnout-bars",
        )
        ranged = top[top["value_high"] > top["value_low"]]
        if len(ranged):
            ax.barh(
                [y_of[r] for r in ranged["rank"]],
                (ranged["value_high"] - ranged["value_low"]).to_numpy(),
                left=ranged["value_low"].to_numpy(),
                height=0.64,
                color=BLUE,
                alpha=_RANGE_ALPHA,
                linewidth=0,
                gid="turnout-ranges",
            )
        _axes(ax, top, y, words)
        _direct_labels(ax, top, y_of, words)
        plot_h = max(1.2, 0.3 * n + 0.35 + (0.12 * n if words else 0))
        base.frame_spec(fig, ax, spec, plot_h)
        _least_bars(fig, ax)
    return base.finish(fig, spec)


def _least_bars(fig: Any, ax: Axes) -> None:
    """Every bar shows 2 px past the axis line, as the phone PNG and embed draw it: a count
    of 100 beside a million would otherwise hide under the line."""
    px = ax.get_xlim()[1] / ax.bbox.width  # data units per pixel, the plot now placed
    least = (2 + ax.spines["left"].get_linewidth() * fig.dpi / 72) * px
    for bar in ax.containers[0]:  # the bars (their first segments), not the ranges
        if bar.get_x() == 0 and bar.get_width() < least:
            bar.set_width(least)


def _axes(ax: Axes, top: pd.DataFrame, y: np.ndarray, words: bool) -> None:
    """City names down the side; a count axis only when the labels are the source's words."""
    n = len(y)
    xmax = float(top["value_high"].max())
    ax.set_xlim(0, xmax * 1.02)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_yticks(y, labels=top["place"].tolist(), parse_math=False)
    ax.tick_params(axis="y", length=0, pad=6, labelsize=9.5, labelcolor=INK)
    ax.spines["bottom"].set_visible(False)
    if not words:
        # Every bar carries its number: an x axis would repeat them, less precisely.
        ax.xaxis.set_major_locator(NullLocator())
    else:
        style.count_axis(ax, xmax, "x", headroom=1.02)  # ticks run past the longest bar
        ax.tick_params(axis="x", length=0, labelcolor=INK_SOFT, labelsize=8.5)


def _direct_labels(ax: Axes, top: pd.DataFrame, y_of: dict, words: bool) -> None:
    wrap_at = 30 if words else 80
    for _, r in top.iterrows():
        t = ax.annotate(
            _wrap_chars(r["label"], wrap_at),
            (max(r["value_low"], r["value_high"]), y_of[r["rank"]]),
            xytext=(5, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=8.5 if words else 9,
            color=INK,
            annotation_clip=False,
            gid="turnout-label",
        )
        t.set_parse_math(False)


def _wrap_chars(text: str, width: int) -> str:
    """Break a long direct label into lines of about ``width`` characters (words kept whole)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text
