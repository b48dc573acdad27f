"""The map embed's geometry: the bundled state outlines as one small SVG path, and dots as paths.

The map is drawn in a view 1,000 units wide (:data:`VIEW_W`) over the same extent
as the PNG (:func:`turnout.geo.projected_outlines`, the composite Albers with
Alaska, Hawaii and Puerto Rico as insets, padded as the chart pads it), so the
embed and the picture agree. Outlines are simplified once per process: points
snapped to whole units, then Douglas-Peucker per ring, and a point any ring keeps
is kept by every ring through it, so neighbouring states still share their
border exactly. Paths use relative moves and no spare characters.

>>> f = frame()
>>> f.width, round(f.height), len(f.outline) < 30_000
(1000.0, 626, True)
>>> dots_path([(10.0, 20.0), (12.0, 20.0)])
'M10 20h0m2 0h0'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from turnout import geo

#: Width of the map's view box: positions and sizes are in these units (1 unit = 1 px at 1,000 px).
VIEW_W = 1000.0
#: How far a simplified outline may stray from the bundled one, in view units.
TOLERANCE = 1.0
_PAD = 0.01  # map units around the outlines, as the PNG pads its axes


@dataclass(frozen=True)
class Frame:
    """Where the map sits: projected coordinates to view units, and the outline path."""

    x0: float  # projected x at the view's left edge
    y1: float  # projected y at its top
    scale: float  # view units per projected unit
    width: float
    height: float
    outline: str  # the ``d`` of every state's rings
    rings: tuple[np.ndarray, ...]  # the same rings, in view units (for the phone PNG)

    def to_view(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Projected coordinates (:func:`turnout.geo.project`) to view units, y down."""
        return (np.asarray(x) - self.x0) * self.scale, (self.y1 - np.asarray(y)) * self.scale


def _simplify(points: np.ndarray, tol: float) -> np.ndarray:
    """Douglas-Peucker: which points of a line to keep so none strays more than ``tol``."""
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        if b <= a + 1:
            continue
        p, d, seg = points[a], points[b] - points[a], points[a + 1 : b]
        length = float(np.hypot(*d))
        if length:
            dist = np.abs(d[0] * (seg[:, 1] - p[1]) - d[1] * (seg[:, 0] - p[0])) / length
        else:
            dist = np.hypot(*(seg - p).T)
        i = int(np.argmax(dist))
        if dist[i] > tol:
            stack += [(a, a + 1 + i), (a + 1 + i, b)]
            keep[a + 1 + i] = True
    return keep


def _num(v: float) -> str:
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _pairs(deltas: Iterable[tuple[float, float]]) -> str:
    """Coordinate pairs as SVG path numbers, a space only where no minus sign separates them."""
    out = ""
    for dx, dy in deltas:
        for v in (_num(dx), _num(dy)):
            out += v if (not out or v.startswith("-")) else " " + v
    return out


@functools.cache
def frame() -> Frame:
    """The map's frame and its simplified outlines, computed once per process."""
    rings = [r for rs in geo.projected_outlines().values() for r in rs]
    pts = np.concatenate(rings)
    (x0, y0), (x1, y1) = pts.min(axis=0) - _PAD, pts.max(axis=0) + _PAD
    scale = VIEW_W / (x1 - x0)
    snapped = []
    for ring in rings:
        u = np.column_stack([(ring[:, 0] - x0) * scale, (y1 - ring[:, 1]) * scale]).round()
        moved = np.ones(len(u), dtype=bool)
        moved[1:] = (np.diff(u, axis=0) != 0).any(axis=1)
        snapped.append(u[moved])
    kept: set[tuple[float, float]] = set()
    for u in snapped:
        kept.update(map(tuple, u[_simplify(u, TOLERANCE)]))
    d, kept_rings = [], []
    for u in snapped:
        v = u[[tuple(p) in kept for p in u]]
        if len(v) > 1 and (v[-1] == v[0]).all():
            v = v[:-1]
        if len(v) < 3 or np.ptp(v[:, 0]) + np.ptp(v[:, 1]) < 3:  # an islet under a pixel
            continue
        d.append(f"M{_pairs([tuple(v[0])])}l{_pairs(map(tuple, np.diff(v, axis=0)))}z")
        kept_rings.append(v)
    height = float((y1 - y0) * scale)
    return Frame(float(x0), float(y1), float(scale), VIEW_W, height, "".join(d), tuple(kept_rings))


def dots_path(points: Iterable[tuple[float, float]]) -> str:
    """Round-capped zero-length lines: one dot per point, as wide as the path's stroke.

    Points are rounded to whole view units (under 1.3 px at the widest map).
    """
    out, last = "", None
    for x, y in points:
        x, y = round(x), round(y)
        step = (x, y) if last is None else (x - last[0], y - last[1])
        out += ("M" if last is None else "m") + _pairs([step]) + "h0"
        last = (x, y)
    return out
