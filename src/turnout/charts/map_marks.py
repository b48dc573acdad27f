"""The turnout map drawn with matplotlib: state outlines, one circle per city, the size key
and labels.

Drawing only: :func:`turnout.charts.turnout_map.map_spec` makes the one-row-per-city
table, each circle's place and area (``MapOptions.marks``: ``x``/``y`` in the
projection, ``area_low``/``area_high`` in points²) and the words; :func:`draw` puts them
on a matplotlib Figure.

>>> legend_values(50_000, smallest=1_000)
[5000.0, 50000.0]
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerPatch
from matplotlib.patches import Circle
from matplotlib.transforms import Bbox, offset_copy

from turnout import ap, geo, style
from turnout.charts import base
from turnout.charts.base import BLUE
from turnout.charts.specs import ChartSpec
from turnout.charts.turnout_map import (  # noqa: F401 - the map's numbers, as before
    HOLLOW_DIAMETER,
    MAX_DIAMETER,
    MIN_DIAMETER,
    MapOptions,
    circle_scale,
    legend_values,
    round_up,
)
from turnout.style import INK, INK_SOFT

LAND = "#E4E4E4"


def draw(spec: ChartSpec) -> Figure:
    """The Figure of a map spec, keeping the spec (:func:`turnout.charts.chart_info`)."""
    options = spec.options
    assert isinstance(options, MapOptions), "a map spec carries MapOptions"
    cities = pd.concat([spec.data, options.marks], axis=1)
    counted = cities[cities["marker"].ne("no count")]
    with style.use_style():
        fig = style.new_figure()
        ax = fig.add_subplot()
        x0, x1, y0, y1 = draw_states(ax)
        draw_cities(ax, cities)
        extent = (x0, x1, y0, y1)
        hollow = bool(cities["marker"].eq("no count").any())
        keys_h = draw_keys(ax, counted, options.k, hollow, extent)
        plot_h = (style.WIDTH - 0.32) * (y1 - y0) / (x1 - x0) + keys_h
        base.frame_spec(fig, ax, spec, plot_h)
        label_cities(ax, cities, options.labels)
    return base.finish(fig, spec)


def draw_states(ax: Any) -> tuple[float, float, float, float]:
    """Fill and outline every state; return the map's extent (x0, x1, y0, y1)."""
    rings = [r for rs in geo.projected_outlines().values() for r in rs]
    ax.add_collection(
        PolyCollection(
            rings,
            facecolors=LAND,
            edgecolors="white",
            linewidths=0.7,
            zorder=1,
            gid="turnout-map-states",
        )
    )
    pts = np.concatenate(rings)
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    pad = 0.01
    ax.set_xlim(x0 - pad, x1 + pad)
    ax.set_ylim(y0 - pad, y1 + pad)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return x0 - pad, x1 + pad, y0 - pad, y1 + pad


def draw_cities(ax: Any, cities: pd.DataFrame) -> None:
    counted = cities[cities["marker"].ne("no count")]
    ranged = counted[counted["marker"].eq("range")]
    if len(ranged):  # under the discs: a big city's ring never crosses a small city's disc
        ax.scatter(
            ranged["x"], ranged["y"], s=ranged["area_high"], facecolors="none",
            edgecolors=BLUE, linewidths=0.9, zorder=3, gid="turnout-map-ranges",
        )  # fmt: skip
    if len(counted):  # sorted largest first, so small circles are drawn over large ones
        ax.scatter(
            counted["x"],
            counted["y"],
            s=counted["area_low"],
            facecolors=[(*_rgb(BLUE), 0.42)] * len(counted),
            edgecolors=BLUE,
            linewidths=0.8,
            linestyles=[(0, (2.0, 1.5)) if f else "solid" for f in counted["floor"]],
            zorder=4,
            gid="turnout-map-circles",
        )
    hollow = cities[cities["marker"].eq("no count")]
    if len(hollow):
        ax.scatter(
            hollow["x"], hollow["y"], s=HOLLOW_DIAMETER**2, facecolors="white",
            edgecolors=INK_SOFT, linewidths=0.9, zorder=3.5, gid="turnout-map-no-count",
        )  # fmt: skip


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def draw_keys(ax: Any, counted: pd.DataFrame, k: float, hollow: bool, extent: tuple) -> float:
    """The keys: circle sizes at round numbers under the map's lower right, and the kinds of
    mark (ring, floor, no count) in a row above the map. Returns the inches they add."""
    x0, x1, y0, y1 = extent
    per_pt = (x1 - x0) / ((style.WIDTH - 0.32) * 72)  # map units per point (width-bound map)
    values = legend_values(
        float(counted["value_low"].max()) if len(counted) else 0.0,
        smallest=MIN_DIAMETER**2 / k * 2,  # a key circle at the minimum size would lie
    )
    added = 0.0
    if values:
        widths = [math.sqrt(v * k) for v in values]
        label_pt = 13.0
        height = max(widths) + label_pt + 4
        floor_y = y0 - height * per_pt  # the key sits in a band added below the map
        ax.set_ylim(floor_y, y1)
        fig = ax.get_figure()
        right = -4.0
        for v, d, i in zip(values[::-1], widths[::-1], range(len(values)), strict=True):
            right -= max(d, 34.0) / 2
            off = offset_copy(ax.transData, fig=fig, x=right, y=label_pt + d / 2, units="points")
            ax.scatter(
                [x1], [floor_y], s=[v * k], transform=off, facecolors=[(*_rgb(BLUE), 0.42)],
                edgecolors=BLUE, linewidths=0.8, zorder=4, gid="turnout-map-key",
                clip_on=False,
            )  # fmt: skip
            ax.annotate(
                ap.fmt_count(v), (x1, floor_y), xytext=(right, 0), textcoords="offset points",
                ha="center", va="bottom", fontsize=8.5, color=INK, annotation_clip=False,
            )  # fmt: skip
            right -= max(d, 34.0) / 2 + 4
            del i
        ax.annotate(
            "People", (x1, floor_y), xytext=(right - 2, label_pt + 2), textcoords="offset points",
            ha="right", va="bottom", fontsize=8.5, color=INK_SOFT, annotation_clip=False,
        )  # fmt: skip
        added += height / 72
    handles: list[Any] = []
    if counted["marker"].eq("range").any():
        handles.append(Circle((0, 0), 5.5, fc="none", ec=BLUE, lw=0.9, label="High end of a range"))
    if counted["floor"].any():
        face = (*_rgb(BLUE), 0.42)
        handles.append(
            Circle((0, 0), 5.5, fc=face, ec=BLUE, lw=0.9, ls=(0, (2, 1.5)), label="A floor")
        )
    if hollow:
        handles.append(
            Circle((0, 0), HOLLOW_DIAMETER / 2, fc="white", ec=INK_SOFT, lw=0.9, label="No count")
        )
    if handles:
        ax.legend(
            handles=handles,
            handler_map={Circle: HandlerPatch(patch_func=_circle_key)},
            # In the band under the map beside the size key, else in a row above the map.
            loc="lower left",
            bbox_to_anchor=(0, 0.0) if values else (0, 1.0),
            ncol=len(handles),
            fontsize=8.5,
            frameon=False,
            handlelength=1.4,
            handletextpad=0.4,
            columnspacing=1.2,
            borderaxespad=0.2,
            labelcolor=INK,
        )
        added += 0.0 if values else 0.25
    return added


def _circle_key(
    legend: Any, orig_handle: Circle, xdescent: float, ydescent: float, width: float,
    height: float, fontsize: float,
) -> Circle:  # fmt: skip
    """A legend key drawn as the circle it stands for, centred in its box."""
    return Circle(
        (width / 2 - xdescent, height / 2 - ydescent),
        orig_handle.get_radius(),
        facecolor=orig_handle.get_facecolor(),
        edgecolor=orig_handle.get_edgecolor(),
        linestyle=orig_handle.get_linestyle(),
        linewidth=orig_handle.get_linewidth(),
    )


def _short_name(city: str) -> str:
    """The name a map label uses: AP's "New York" for New York City, else the city as is.

    >>> _short_name("New York City"), _short_name("Houston")
    ('New York', 'Houston')
    """
    return "New York" if city == "New York City" else city


#: Where a label may go around its circle: direction (x, y) and the text's alignment.
_SPOTS = (
    ((1.0, 0.0), "left", "center"),
    ((-1.0, 0.0), "right", "center"),
    ((0.0, 1.0), "center", "bottom"),
    ((0.0, -1.0), "center", "top"),
    ((0.7, 0.7), "left", "bottom"),
    ((-0.7, 0.7), "right", "bottom"),
    ((0.7, -0.7), "left", "top"),
    ((-0.7, -0.7), "right", "top"),
)


def label_cities(ax: Any, cities: pd.DataFrame, limit: int) -> int:
    """Name the largest cities beside their circles, skipping a label that would overlap.

    A label tries eight spots around its circle (clear of its ring), then the
    same a step further out with a thin leader line, and is kept only where it
    overlaps no earlier label and no other large circle, crosses no ring, and stays inside the
    map. Only the largest ``3 * limit`` counted cities are tried (a label for a
    small city, while a bigger one is unnamed, would mislead); cities with no
    count are named only once every counted one is. A label is measured once;
    its spots are computed, not drawn. Returns how many were placed.
    """
    if limit == 0 or cities.empty:
        return 0
    fig = ax.get_figure()
    renderer = fig.canvas.get_renderer()
    ax.apply_aspect()
    box = ax.get_window_extent(renderer)
    to_px = fig.dpi / 72
    centres = ax.transData.transform(cities[["x", "y"]].to_numpy())
    area = cities["area_low"].fillna(HOLLOW_DIAMETER**2).to_numpy()
    reach = np.fmax(area, cities["area_high"].fillna(0).to_numpy())
    radii = np.sqrt(area) / 2 * to_px
    rings = np.sqrt(reach) / 2 * to_px
    # Big circles and rings are obstacles for other labels: a label may not cover a big
    # disc nor cross a ring's outline (one wholly inside a wide ring, clear of its disc, may).
    big = np.flatnonzero(rings > 6 * to_px)
    placed: list[Bbox] = []
    halo = [patheffects.withStroke(linewidth=2.6, foreground="white")]

    def place(i: int) -> bool:
        c = cities.iloc[i]
        t = ax.annotate(
            f"{_short_name(c['city'])}\n{c['label']}", (c["x"], c["y"]), xytext=(0, 0),
            textcoords="offset points", ha="left", va="bottom", fontsize=8.5, color=INK,
            linespacing=1.05, zorder=6, annotation_clip=False, gid="turnout-map-label",
        )  # fmt: skip
        t.set_parse_math(False)
        t.set_path_effects(halo)
        first = t.get_window_extent(renderer)
        w, h = first.width, first.height
        x0, y0 = first.x0 - centres[i][0], first.y0 - centres[i][1]  # the text's own inset
        clear = math.sqrt(reach[i]) / 2 + 2  # points, past its ring
        others = big[big != i]
        # Beside the circle first; in a crowded corner, a step further out.
        for (ux, uy), ha, va, r in [(*spot, d) for d in (clear, clear + 9) for spot in _SPOTS]:
            ax_, ay_ = centres[i][0] + ux * r * to_px, centres[i][1] + uy * r * to_px
            left = ax_ + x0 - {"left": 0, "center": w / 2, "right": w}[ha]
            bottom = ay_ + y0 - {"bottom": 0, "center": h / 2, "top": h}[va]
            bb = Bbox.from_bounds(left, bottom, w, h).padded(1.5)
            inside = box.x0 <= bb.x0 and bb.x1 <= box.x1 and box.y0 <= bb.y0 and bb.y1 <= box.y1
            if not inside or any(bb.overlaps(p) for p in placed):
                continue
            if len(others) and _hits_circles(bb, centres[others], radii[others], rings[others]):
                continue
            t.xyann = (ux * r, uy * r)
            t.set_ha(ha)
            t.set_va(va)
            placed.append(bb)
            if r > clear:  # a label set apart from its circle gets a leader line to it
                _leader(ax, (c["x"], c["y"]), (ux * r, uy * r), clear)
            return True
        t.remove()
        return False

    counted = np.flatnonzero(cities["marker"].ne("no count").to_numpy())
    hollow = np.flatnonzero(cities["marker"].eq("no count").to_numpy())
    n = 0
    for i in counted[: 3 * limit]:
        if n >= limit:
            break
        n += place(int(i))
    if n == len(counted):
        for i in hollow:
            if n >= limit:
                break
            n += place(int(i))
    return n


def _leader(ax: Any, at: tuple[float, float], offset: tuple[float, float], clear: float) -> None:
    """A thin line from a label set ``offset`` points apart back to its circle's edge."""
    ax.annotate(
        "", at, xytext=offset, textcoords="offset points",
        arrowprops={"arrowstyle": "-", "color": INK_SOFT, "lw": 0.6,
                    "shrinkA": 0, "shrinkB": clear - 2},
        zorder=6, annotation_clip=False, gid="turnout-map-leader",
    )  # fmt: skip


def _hits_circles(bb: Bbox, centres: np.ndarray, radii: np.ndarray, rings: np.ndarray) -> bool:
    """Whether a box covers part of any disc (``radii``) or crosses any ring's outline.

    >>> c, r = np.array([[0.0, 0.0]]), np.array([5.0])
    >>> _hits_circles(Bbox.from_bounds(4, 0, 3, 1), c, r, np.array([20.0]))  # on the disc
    True
    >>> _hits_circles(Bbox.from_bounds(8, 0, 3, 1), c, r, np.array([20.0]))  # inside the ring
    False
    >>> _hits_circles(Bbox.from_bounds(18, 0, 3, 1), c, r, np.array([20.0]))  # across it
    True
    """
    dx = np.maximum.reduce([bb.x0 - centres[:, 0], centres[:, 0] - bb.x1, np.zeros(len(centres))])
    dy = np.maximum.reduce([bb.y0 - centres[:, 1], centres[:, 1] - bb.y1, np.zeros(len(centres))])
    near = np.hypot(dx, dy)  # the box's nearest point to each centre
    far = np.hypot(
        np.maximum(abs(bb.x0 - centres[:, 0]), abs(bb.x1 - centres[:, 0])),
        np.maximum(abs(bb.y0 - centres[:, 1]), abs(bb.y1 - centres[:, 1])),
    )  # and its farthest corner
    crosses = (rings > radii) & (near < rings) & (far > rings)
    return bool(((near < radii) | crosses).any())
