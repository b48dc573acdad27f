"""Albers equal-area conic projection, and the composite United States turnout maps.

The lower 48 states, Alaska, Hawaii and Puerto Rico are each projected with their
own Albers conic (equal-area: a state's share of the page is its share of the
land), then Alaska, Hawaii and Puerto Rico are moved, as insets, below the lower 48
the way US news maps show them (Alaska shrunk to about a third: it would otherwise
take a third of the page). Outlines and points go through the same functions, so a
city always lands inside its state. Units are the Earth's radius (1 = 6,371 km) on
the lower 48's scale. No network, no pyproj: the sphere formulas of Snyder,
*Map Projections: A Working Manual* (USGS, 1987), p. 100.

>>> x, y = project([-93.265], [44.978], ["MN"])  # Minneapolis
>>> round(float(x[0]), 3), round(float(y[0]), 3)
(0.034, 0.123)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

__all__ = ["INSETS", "MAPPED", "Part", "albers", "part_of", "project"]


def albers(
    lon: Any,
    lat: Any,
    *,
    lon0: float,
    lat0: float,
    parallels: tuple[float, float],
) -> tuple[np.ndarray, np.ndarray]:
    """Spherical Albers equal-area conic: degrees in, Earth radii out (origin at lon0, lat0).

    Snyder's worked example (p. 292): parallels 29.5 and 45.5, origin 23N 96W.

    >>> x, y = albers(-75, 35, lon0=-96, lat0=23, parallels=(29.5, 45.5))
    >>> round(float(x), 7), round(float(y), 7)
    (0.295272, 0.2416774)
    """
    lam = np.radians(np.asarray(lon, dtype="float64"))
    phi = np.radians(np.asarray(lat, dtype="float64"))
    p1, p2, p0 = np.radians([parallels[0], parallels[1], lat0])
    n = (np.sin(p1) + np.sin(p2)) / 2
    c = np.cos(p1) ** 2 + 2 * n * np.sin(p1)
    rho0 = np.sqrt(c - 2 * n * np.sin(p0)) / n
    rho = np.sqrt(c - 2 * n * np.sin(phi)) / n
    # Longitude from the central meridian, wrapped, so the Aleutians west of 180 stay Alaska's.
    dlam = (lam - np.radians(lon0) + np.pi) % (2 * np.pi) - np.pi
    theta = n * dlam
    return rho * np.sin(theta), rho0 - rho * np.cos(theta)


class Part(NamedTuple):
    """One piece of the composite: its own Albers, then a scale and a shift into place."""

    name: str
    lon0: float
    lat0: float
    parallels: tuple[float, float]
    scale: float
    dx: float
    dy: float


#: The lower 48 (and DC), and the insets, keyed by postal code. Parameters follow d3's
#: geoAlbersUsa (lower 48, Alaska, Hawaii) and geoAlbersUsaTerritories (Puerto Rico).
LOWER_48 = Part("lower 48", -96.0, 38.0, (29.5, 45.5), 1.0, 0.0, 0.0)
INSETS: dict[str, Part] = {
    "AK": Part("Alaska", -154.0, 58.5, (55.0, 65.0), 0.35, -0.30, -0.21),
    "HI": Part("Hawaii", -157.0, 20.3, (8.0, 18.0), 1.0, -0.13, -0.215),
    "PR": Part("Puerto Rico", -66.45, 18.2, (8.0, 18.0), 1.0, 0.27, -0.23),
}
#: Postal codes of the places the map shows: the 50 states, DC and Puerto Rico.
MAPPED: frozenset[str] = frozenset(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE
    NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR""".split()
)


def part_of(lon: float, lat: float, state_code: str | None = None) -> str:
    """Which piece of the composite a place belongs to: "AK", "HI", "PR", "lower 48" or "".

    The state code decides when there is one; without it, the coordinates do
    (boxes around Alaska, Hawaii and Puerto Rico). "" is a place the map leaves
    off: a territory other than Puerto Rico, or a place outside the US.

    >>> part_of(-149.9, 61.2), part_of(-66.1, 18.5, "PR"), part_of(144.8, 13.4, "GU")
    ('AK', 'PR', '')
    """
    if isinstance(state_code, str) and state_code:
        if state_code not in MAPPED:
            return ""
        return state_code if state_code in INSETS else "lower 48"
    if not (np.isfinite(lon) and np.isfinite(lat)):
        return ""
    if lat > 51 and (lon < -129.5 or lon > 170):
        return "AK"
    if 18.5 < lat < 22.6 and -161 < lon < -154.5:
        return "HI"
    if 17.6 < lat < 18.7 and -68 < lon < -65.1:
        return "PR"
    if 24 < lat < 49.5 and -125 < lon < -66.8:
        return "lower 48"
    return ""


def _apply(part: Part, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = albers(lon, lat, lon0=part.lon0, lat0=part.lat0, parallels=part.parallels)
    return x * part.scale + part.dx, y * part.scale + part.dy


def project(
    lon: Any, lat: Any, state_code: Sequence[str | None] | str | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Composite US coordinates for points; NaN for a point the map leaves off.

    ``state_code`` (one for all, or one per point) picks the inset: Anchorage
    with "AK" goes to the Alaska inset. Points of other territories, or with no
    state and coordinates outside the boxes of :func:`part_of`, come back NaN.

    >>> x, y = project([-157.86, -66.1, 144.8], [21.31, 18.47, 13.4], ["HI", "PR", "GU"])
    >>> [bool(v) for v in np.isnan(x)]
    [False, False, True]
    """
    lon = np.atleast_1d(np.asarray(lon, dtype="float64"))
    lat = np.atleast_1d(np.asarray(lat, dtype="float64"))
    codes: Sequence[str | None]
    if state_code is None or isinstance(state_code, str):
        codes = [state_code] * len(lon)
    else:
        codes = list(state_code)
    parts = np.array([part_of(a, b, c) for a, b, c in zip(lon, lat, codes, strict=True)])
    x = np.full(len(lon), np.nan)
    y = np.full(len(lon), np.nan)
    for key in set(parts.tolist()) - {""}:
        where = parts == key
        part = INSETS.get(key, LOWER_48)
        x[where], y[where] = _apply(part, lon[where], lat[where])
    return x, y
