"""State outlines shipped with turnout, and which state a point lies in.

The outlines are the US Census Bureau's cartographic boundaries (2017, 1:10,000,000,
public domain) as simplified by the ``us-atlas`` npm package (ISC), converted once
by ``scripts/make_us_states.py`` into ``turnout/data/us_states.topo.json`` (about
110 KB, see ``us_states.md`` beside it). Nothing is downloaded at run time. The file
is TopoJSON: shared, quantized arcs that this module stitches back into rings.

>>> s = load_states()
>>> len(s), s["OR"].name, s["OR"].fips
(52, 'Oregon', '41')
>>> state_at([-122.68, -66.04, 0.0], [45.52, 18.23, 0.0]).tolist()  # Portland, Caguas, sea
['OR', 'PR', '']
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import numpy as np

from turnout.geo.albers import project

__all__ = [
    "State",
    "boundary_metadata",
    "in_state",
    "load_states",
    "projected_outlines",
    "state_at",
]

_FILE = "us_states.topo.json"


class State(NamedTuple):
    """One mapped state (or DC, or Puerto Rico): codes, name and outline rings in degrees."""

    postal: str
    fips: str
    name: str
    rings: tuple[np.ndarray, ...]  # each (n, 2): longitude, latitude; holes are rings too
    bbox: tuple[float, float, float, float]  # lon min, lat min, lon max, lat max


@lru_cache(maxsize=1)
def _topology() -> dict[str, Any]:
    text = resources.files("turnout").joinpath("data", _FILE).read_text(encoding="utf-8")
    return json.loads(text)


def boundary_metadata() -> dict[str, str]:
    """Where the bundled outlines come from: source, package, licence.

    >>> boundary_metadata()["package"]
    'us-atlas@3.0.1 (npm registry), states-10m.json'
    """
    return dict(_topology()["metadata"])


def _arcs(topology: dict[str, Any]) -> list[np.ndarray]:
    """Arcs decoded: delta-encoded integers -> absolute positions -> degrees."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype="float64"), axis=0)
        out.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))
    return out


def _ring(arcs: list[np.ndarray], ids: list[int]) -> np.ndarray:
    """One closed ring from its arcs (``~i`` is arc i reversed); shared ends are kept once."""
    pieces = []
    for k, i in enumerate(ids):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pieces.append(arc if k == 0 else arc[1:])
    return np.concatenate(pieces)


@lru_cache(maxsize=1)
def load_states() -> dict[str, State]:
    """The bundled outlines by postal code: the 50 states, "DC" and "PR"."""
    topology = _topology()
    arcs = _arcs(topology)
    out: dict[str, State] = {}
    for g in topology["objects"]["states"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        # Quantizing left a few islets as two points and back: they enclose nothing.
        rings = tuple(r for poly in polys for ids in poly if len(r := _ring(arcs, ids)) >= 4)
        allpts = np.concatenate(rings)
        lo, hi = allpts.min(axis=0), allpts.max(axis=0)
        p = g["properties"]
        bbox = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
        out[p["postal"]] = State(p["postal"], g["id"], p["name"], rings, bbox)
    return out


def _inside(state: State, points: np.ndarray) -> np.ndarray:
    """Even-odd rule over all rings: inside an outer ring and not inside one of its holes."""
    from matplotlib.path import Path  # here alone: a map's spec and embed load no matplotlib

    x0, y0, x1, y1 = state.bbox
    hit = np.zeros(len(points), dtype=bool)
    near = (points[:, 0] >= x0) & (points[:, 0] <= x1) & (points[:, 1] >= y0) & (points[:, 1] <= y1)
    if not near.any():
        return hit
    crossings = np.zeros(int(near.sum()), dtype="int64")
    for ring in state.rings:
        crossings += Path(ring).contains_points(points[near])
    hit[near] = crossings % 2 == 1
    return hit


def _points(lon: Any, lat: Any) -> np.ndarray:
    lon = np.atleast_1d(np.asarray(lon, dtype="float64"))
    lat = np.atleast_1d(np.asarray(lat, dtype="float64"))
    return np.column_stack([lon, lat])


def in_state(lon: Any, lat: Any, postal: str) -> np.ndarray:
    """Whether each point lies inside the outline of ``postal`` (a bool array).

    >>> in_state([-95.37, -97.74], [29.76, 30.27], "TX").tolist()  # Houston, Austin
    [True, True]
    """
    states = load_states()
    if postal not in states:
        raise KeyError(f"no outline for {postal!r}: the map has the 50 states, DC and PR")
    return _inside(states[postal], _points(lon, lat))


def state_at(lon: Any, lat: Any, *, tolerance_km: float = 0.0) -> np.ndarray:
    """The postal code of the state each point lies in, or "" (sea, abroad, a territory).

    The outlines are simplified (1:10 million), so a town on a coast, an island or
    a border river can fall just outside its state: with ``tolerance_km`` such a
    point takes the state whose outline passes nearest, if within that distance.

    >>> state_at([-122.48525], [37.85909]).tolist(), state_at([-122.48525], [37.85909],
    ...     tolerance_km=10).tolist()  # Sausalito, on the bay
    ([''], ['CA'])
    """
    pts = _points(lon, lat)
    out = np.full(len(pts), "", dtype="<U2")
    states = load_states()
    for code, state in states.items():
        free = out == ""
        if free.any():
            hit = _inside(state, pts[free])
            idx = np.flatnonzero(free)[hit]
            out[idx] = code
    if tolerance_km > 0:
        for i in np.flatnonzero((out == "") & np.isfinite(pts).all(axis=1)):
            code, km = _nearest_outline(states, pts[i])
            if km <= tolerance_km:
                out[i] = code
    return out


def _nearest_outline(states: dict[str, State], point: np.ndarray) -> tuple[str, float]:
    """The state whose outline has a vertex nearest ``point``, and that distance in km.

    Vertices of the 1:10 million outlines are a few km apart; an equirectangular
    distance is exact enough at that scale.
    """
    best, best_km = "", np.inf
    lon, lat = point
    k = 6371.0 * np.pi / 180
    for code, state in states.items():
        x0, y0, x1, y1 = state.bbox
        if not (x0 - 1 <= lon <= x1 + 1 and y0 - 1 <= lat <= y1 + 1):
            continue
        for ring in state.rings:
            dx = (ring[:, 0] - lon) * np.cos(np.radians(lat)) * k
            dy = (ring[:, 1] - lat) * k
            km = float(np.sqrt(dx * dx + dy * dy).min())
            if km < best_km:
                best, best_km = code, km
    return best, best_km


@lru_cache(maxsize=1)
def projected_outlines() -> dict[str, tuple[np.ndarray, ...]]:
    """Every state's rings in the composite projection of :func:`turnout.geo.project`.

    >>> rings = projected_outlines()["AK"]
    >>> bool(all(r[:, 0].max() < -0.1 for r in rings))  # the Alaska inset sits at the left
    True
    """
    out: dict[str, tuple[np.ndarray, ...]] = {}
    for code, state in load_states().items():
        rings = []
        for ring in state.rings:
            x, y = project(ring[:, 0], ring[:, 1], code)
            rings.append(np.column_stack([x, y]))
        out[code] = tuple(rings)
    return out
