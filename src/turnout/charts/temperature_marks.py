"""The marks of the temperature chart: one row per mark, how each is drawn, its legend key
and its direct label.

A reported reading is a point, a reported range a bar, a one-sided word ("freezing") a light
arrow pointing the open way; a weather station's day is a vermilion line from its low to
its high with hollow diamond ends.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow, Patch
from matplotlib.transforms import Bbox, offset_copy

from turnout import style
from turnout.ap import (
    ap_date,
    fmt_degrees,
)
from turnout.charts import base
from turnout.charts.base import BLUE, VERMILLION
from turnout.style import GREY
from turnout.weather import OBSERVED_COLUMNS  # added to the data with a station's record

#: The columns of the chart's data: one row per mark, with the words it rests on.
_TEMP_COLUMNS = [
    "mark", "place", "city", "state_code", "date", "row", "temp_f", "temp_f_low", "temp_f_high",
    "temp_text", "temp_label", "size_low", "size_high", "size_qualifier", "size_plotted",
    "size_text",
    "source_name", "source_date", "source_url", "source_quote",
]  # fmt: skip

# A one-sided temperature ("freezing") is drawn lighter than a reading: thin and translucent.
_BOUND_LW = 0.9
_BOUND_ALPHA = 0.6


def _legend_columns(handles: list[Any]) -> int:
    """One line of keys when they fit across the chart (about 60 characters), else two columns."""
    chars = sum(len(h.get_label()) for h in handles)
    return len(handles) if len(handles) <= 2 or (len(handles) == 3 and chars <= 60) else 2


def _temperature_xlim(marks: pd.DataFrame) -> tuple[float, float]:
    """X limits on round 5°F steps, with room for arrows to point past one-sided bounds."""
    xs = pd.concat([marks["temp_f_low"], marks["temp_f_high"], marks["temp_f"]]).dropna()
    x0, x1 = float(xs.min()), float(xs.max())
    pad = max((x1 - x0) * 0.1, 3.0)
    lo, hi = x0 - pad, x1 + pad
    # An arrow needs length to read as "and beyond": at least 15°F past its bound.
    if marks["mark"].eq("reported at most").any():
        lo = min(
            lo, float(marks.loc[marks["mark"].eq("reported at most"), "temp_f_high"].min()) - 15
        )
    if marks["mark"].eq("reported at least").any():
        hi = max(
            hi, float(marks.loc[marks["mark"].eq("reported at least"), "temp_f_low"].max()) + 15
        )
    return math.floor(lo / 5) * 5, math.ceil(hi / 5) * 5


def _log_limits(low: float, high: float) -> tuple[float, float, list[float]]:
    """Log-axis limits with a margin, and ticks: powers of 10, or 1-2-5 steps over a short span."""
    low, high = max(low, 1.0), max(high, 1.0)
    ymin, ymax = low / 2, high * 2
    # Snap to a power of 10 when one is near, so the scale's anchor gridline is there.
    floor10, ceil10 = 10 ** math.floor(math.log10(ymin)), 10 ** math.ceil(math.log10(ymax))
    ymin = floor10 if ymin / floor10 < 2.5 else ymin
    ymax = ceil10 if ceil10 / ymax < 2.5 else ymax
    decades = range(math.floor(math.log10(ymin)), math.ceil(math.log10(ymax)) + 1)
    steps = (1, 2, 5) if math.log10(ymax / ymin) < 2.2 else (1,)
    ticks = [m * 10**k for k in decades for m in steps if ymin <= m * 10**k <= ymax]
    if len(ticks) < 2:  # always two labelled gridlines to read the scale by
        ticks = [10 ** math.floor(math.log10(ymin)), 10 ** math.ceil(math.log10(ymax))]
        ymin, ymax = min(ymin, ticks[0]), max(ymax, ticks[1])
    return ymin, ymax, ticks


def _temperature_marks(ev: pd.DataFrame) -> pd.DataFrame:
    """One row per mark: the reported temperature (point, range or bound) and any observed one."""
    rows: list[dict[str, Any]] = []
    for _, r in ev.iterrows():
        lo, hi = r["temp_f_low"], r["temp_f_high"]
        obs_lo, obs_hi = r["temp_obs_low_f"], r["temp_obs_high_f"]
        mean = r["size_mean"] if "size_mean" in r and pd.notna(r.get("size_mean")) else None
        y = float(mean) if mean is not None else (r["size_low"] + r["size_high"]) / 2
        shared = {
            "place": r["place"],
            "city": r["city"],
            "state_code": base.text(r["state_code"]),
            "date": r["date"],
            "row": int(r["row"]),
            "temp_text": base.text(r["temp_text"]),
            "temp_label": base.text(r["temp_label"]),
            "size_low": r["size_low"],
            "size_high": r["size_high"],
            "size_qualifier": base.text(r["size_qualifier"]),  # "at least": a floor, "2,000+"
            "size_plotted": y,
            "size_text": base.text(r["size_text"]),
            "source_name": base.text(r["source_name"]),
            "source_date": base.text(r["source_date"]),
            "source_url": base.text(r["source_url"]),
            "source_quote": base.text(r["source_quote"]),
            "temp_f_low": lo,
            "temp_f_high": hi,
            "station": base.text(r["station"]),
            "temp_obs_low_f": obs_lo,
            "temp_obs_high_f": obs_hi,
        }
        if pd.notna(lo) and pd.notna(hi):
            kind = "reported reading" if lo == hi else "reported range"
            rows.append({**shared, "mark": kind, "temp_f": lo if lo == hi else np.nan})
        elif pd.notna(hi):
            rows.append({**shared, "mark": "reported at most", "temp_f": np.nan})
        elif pd.notna(lo):
            rows.append({**shared, "mark": "reported at least", "temp_f": np.nan})
        if pd.notna(obs_lo) or pd.notna(obs_hi):
            # A station that reported only one extreme gives one diamond, never a made-up range.
            a = float(obs_lo if pd.notna(obs_lo) else obs_hi)
            b = float(obs_hi if pd.notna(obs_hi) else obs_lo)
            kind, temp = ("observed", a) if a == b else ("observed range", np.nan)
            rows.append({**shared, "mark": kind, "temp_f": temp, "temp_f_low": a, "temp_f_high": b})
    return pd.DataFrame(rows, columns=[*_TEMP_COLUMNS, *OBSERVED_COLUMNS])


def _observed_columns(ev: pd.DataFrame) -> bool:
    """Give ``ev`` the observed columns (NaN where absent); True when the events carried any.

    A lone ``temp_f_observed`` reading (the older column) is a day's low and high at once.
    """
    had = bool({"temp_obs_low_f", "temp_obs_high_f", "temp_f_observed"} & set(ev.columns))
    nan = pd.Series(np.nan, index=ev.index, dtype="float64")
    single = pd.to_numeric(ev.get("temp_f_observed", nan), errors="coerce").astype("float64")
    for col in ("temp_obs_low_f", "temp_obs_high_f"):
        values = pd.to_numeric(ev.get(col, nan), errors="coerce").astype("float64")
        ev[col] = values.fillna(single)
    if "station" not in ev:
        ev["station"] = pd.Series(pd.NA, index=ev.index, dtype="str")
    return had


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


#: How far (points) a station's line is drawn above another event's report at the same height.
_DODGE_PT = 7.0


def _span(m: pd.Series, xmin: float, xmax: float) -> tuple[float, float]:
    """The stretch of the temperature axis a mark covers (an arrow runs to the axis edge)."""
    if m["mark"] == "reported at most":
        return xmin, float(m["temp_f_high"])
    if m["mark"] == "reported at least":
        return float(m["temp_f_low"]), xmax
    if pd.notna(m["temp_f_low"]) and pd.notna(m["temp_f_high"]):
        return float(m["temp_f_low"]), float(m["temp_f_high"])
    return _anchor_x(m), _anchor_x(m)


def _dodge(marks: pd.DataFrame, xmin: float, xmax: float) -> pd.Series:
    """Points to draw each mark above its crowd size: 0, or :data:`_DODGE_PT` for a station's
    mark that would lie on another event's reported mark at the same height (so a "freezing"
    arrow through New York's observed day never reads as New York's)."""
    out = pd.Series(0.0, index=marks.index)
    is_obs = marks["mark"].str.startswith("observed")
    reported = marks[~is_obs]
    for i, o in marks[is_obs].iterrows():
        a0, a1 = _span(o, xmin, xmax)
        for _, r in reported[reported["row"].ne(o["row"])].iterrows():
            b0, b1 = _span(r, xmin, xmax)
            same_height = abs(math.log(r["size_plotted"] / o["size_plotted"])) < 0.05
            if same_height and a0 <= b1 and b0 <= a1:
                out[i] = _DODGE_PT
                break
    return out


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


def _anchor_x(m: pd.Series) -> float:
    """Where a mark stands on the temperature axis: its reading, range middle or bound."""
    if pd.notna(m["temp_f"]):
        return float(m["temp_f"])
    if pd.notna(m["temp_f_low"]) and pd.notna(m["temp_f_high"]):
        return (m["temp_f_low"] + m["temp_f_high"]) / 2
    return float(m["temp_f_high"] if pd.notna(m["temp_f_high"]) else m["temp_f_low"])


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
