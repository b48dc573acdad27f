"""The map's projection (turnout.geo.albers): equal-area, insets placed apart, points and
outlines projected alike, places off the map NaN."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.path import Path as MplPath

from turnout.geo.albers import INSETS, albers, part_of, project
from turnout.geo.states import projected_outlines

ROOT = Path(__file__).resolve().parents[2]


def projected_inside(x: float, y: float, code: str) -> bool:
    """Whether a projected point lies inside the projected outline of ``code`` (even-odd)."""
    rings = projected_outlines()[code]
    return sum(bool(MplPath(r).contains_point((x, y))) for r in rings) % 2 == 1


# ---------------------------------------------------------------- the projection


@pytest.mark.parametrize("lon, lat", [(-96, 38), (-120, 47), (-70, 44), (-81, 26), (-150, 61)])
def test_albers_is_equal_area(lon, lat):
    """A small lon/lat cell keeps its area on the sphere (R = 1): (sin b - sin a) * dlon."""
    d = 0.01
    corners_lon = np.array([lon, lon + d, lon + d, lon])
    corners_lat = np.array([lat, lat, lat + d, lat + d])
    x, y = albers(corners_lon, corners_lat, lon0=-96, lat0=38, parallels=(29.5, 45.5))
    shoelace = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    sphere = (np.sin(np.radians(lat + d)) - np.sin(np.radians(lat))) * np.radians(d)
    assert shoelace == pytest.approx(sphere, rel=1e-3)


def test_insets_sit_below_the_lower_48_and_overlap_no_state():
    outlines = projected_outlines()
    lower = np.concatenate([r for c, rs in outlines.items() if c not in INSETS for r in rs])
    for code in INSETS:
        pts = np.concatenate(outlines[code])
        assert np.isfinite(pts).all()
        # below the middle of the lower 48
        assert pts[:, 1].max() < np.median(lower[:, 1])
        # no vertex of the inset falls inside a lower-48 state, nor of a state inside the inset
        for other, rings in outlines.items():
            if other in INSETS:
                continue
            for ring in rings:
                assert not MplPath(ring).contains_points(pts).any(), (code, other)
    ak = np.concatenate(outlines["AK"])
    hi = np.concatenate(outlines["HI"])
    pr = np.concatenate(outlines["PR"])
    assert ak[:, 0].max() < hi[:, 0].min()  # Alaska, then Hawaii, from the left
    assert pr[:, 0].min() > np.median(lower[:, 0])  # Puerto Rico to the east


def test_alaska_is_shrunk_and_hawaii_is_not():
    outlines = projected_outlines()

    def area(code: str) -> float:
        return sum(
            0.5 * abs(np.dot(r[:, 0], np.roll(r[:, 1], -1)) - np.dot(r[:, 1], np.roll(r[:, 0], -1)))
            for r in outlines[code]
        )

    # Cartographic boundaries follow the shore: Census land areas, Alaska 1,477,953 km2 and
    # Texas 676,587 km2. Equal-area parts keep that ratio, times the inset's scale squared.
    ratio = 1_477_953 / 676_587
    alaska = INSETS["AK"].scale ** 2
    assert area("AK") / area("TX") == pytest.approx(ratio * alaska, rel=0.03)
    assert INSETS["HI"].scale == 1.0


@pytest.mark.parametrize(
    "name, lon, lat, code",
    [
        ("Anchorage", -149.90, 61.22, "AK"),
        ("Adak, west of 180", -176.66, 51.88, "AK"),
        ("Honolulu", -157.86, 21.31, "HI"),
        ("Caguas", -66.04, 18.23, "PR"),
        ("Miami", -80.19, 25.77, "FL"),
        ("Washington", -77.04, 38.90, "DC"),
    ],
)
def test_points_and_outlines_are_projected_alike(name, lon, lat, code):
    x, y = project([lon], [lat], [code])
    assert projected_inside(float(x[0]), float(y[0]), code), name
    # and without a state code the coordinates choose the same inset
    x2, y2 = project([lon], [lat])
    assert (float(x2[0]), float(y2[0])) == (float(x[0]), float(y[0]))


def test_places_off_the_map_project_to_nan():
    x, y = project(
        [144.79, -64.93, 2.35, -74.0], [13.44, 18.34, 48.86, 40.7], ["GU", "VI", None, "NY"]
    )
    assert np.isnan(x[:3]).all() and np.isnan(y[:3]).all()
    assert np.isfinite(x[3])
    assert part_of(2.35, 48.86) == "" and part_of(-74.0, 40.7) == "lower 48"
