"""The map's geography (turnout.geo.states): the bundled outlines and point-in-state. The
equal-area projection has test_geo_albers.py."""

from __future__ import annotations

import importlib.util
import json
import tomllib
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from matplotlib.path import Path as MplPath

from turnout.geo import states
from turnout.geo.albers import MAPPED, project

ROOT = Path(__file__).resolve().parents[2]


def projected_inside(x: float, y: float, code: str) -> bool:
    """Whether a projected point lies inside the projected outline of ``code`` (even-odd)."""
    rings = states.projected_outlines()[code]
    return sum(bool(MplPath(r).contains_point((x, y))) for r in rings) % 2 == 1


# ---------------------------------------------------------------- the bundled file


def test_bundled_outlines_are_the_50_states_dc_and_puerto_rico():
    loaded = states.load_states()
    assert set(loaded) == set(MAPPED)
    assert len(loaded) == 52
    assert loaded["DC"].name == "District of Columbia" and loaded["DC"].fips == "11"
    assert loaded["PR"].fips == "72" and loaded["CA"].fips == "06"
    assert all(len(s.rings) >= 1 for s in loaded.values())
    assert "GU" not in loaded and "VI" not in loaded


def test_bundled_file_is_small_and_names_its_source_and_licence():
    path = resources.files("turnout").joinpath("data", "us_states.topo.json")
    size = len(path.read_bytes())
    assert 50_000 < size < 300_000, size
    meta = states.boundary_metadata()
    assert "Census" in meta["source"] and "public domain" in meta["source"]
    assert meta["package"].startswith("us-atlas@3.0.1")
    assert "ISC" in meta["licence"]
    readme = resources.files("turnout").joinpath("data", "us_states.md").read_text("utf-8")
    assert "us-atlas" in readme and "ISC" in readme and "scripts/make_us_states.py" in readme


def test_wheel_carries_the_outlines():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["turnout"]
    assert "data/*.json" in patterns


def test_conversion_script_keeps_mapped_places_and_remaps_their_arcs():
    spec = importlib.util.spec_from_file_location(
        "make_us_states", ROOT / "scripts/make_us_states.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    postal = dict(script.POSTAL)
    topology = {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[0, 0], [1, 0]], [[9, 9], [1, 1]], [[1, 0], [0, 1], [-1, -1]]],
        "objects": {
            "states": {
                "geometries": [
                    {"type": "Polygon", "id": "66", "properties": {"name": "Guam"}, "arcs": [[1]]},
                    *[
                        {"type": "Polygon", "id": fips, "properties": {"name": f"S{fips}"},
                         "arcs": [[0, ~2]] if fips == "41" else [[2]]}
                        for fips in postal
                    ],
                ]
            },
            "nation": {"geometries": []},
        },
    }  # fmt: skip
    out = script.convert(topology)
    geoms = out["objects"]["states"]["geometries"]
    assert {g["id"] for g in geoms} == set(postal)  # Guam dropped
    assert len(out["arcs"]) == 2 and [9, 9] not in [p for a in out["arcs"] for p in a]
    oregon = next(g for g in geoms if g["id"] == "41")
    assert oregon["properties"] == {"postal": "OR", "name": "S41"}
    assert oregon["arcs"] == [[0, ~1]]  # arc 2 became arc 1, still reversed
    assert set(out["metadata"]) >= {"source", "package", "licence"}


# ---------------------------------------------------------------- point in state


def _cities(events):
    c = events.dropna(subset=["latitude", "longitude"]).drop_duplicates(["city", "state_code"])
    return c[c["state_code"].isin(MAPPED)]


def test_every_city_of_the_bundled_story_is_inside_its_state(seed_events):
    cities = _cities(seed_events)
    assert len(cities) == 10
    found = states.state_at(cities["longitude"], cities["latitude"])
    assert found.tolist() == cities["state_code"].tolist()
    x, y = project(cities["longitude"], cities["latitude"], cities["state_code"].tolist())
    for xi, yi, code in zip(x, y, cities["state_code"], strict=True):
        assert projected_inside(xi, yi, code)


def test_every_city_of_the_ccc_excerpt_is_inside_its_state():
    import warnings

    import turnout

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        events = turnout.load_events(
            ROOT / "tests/fixtures/ccc_2017_2020_excerpt.csv", format="ccc"
        )
    cities = _cities(events)
    assert len(cities) > 150
    found = states.state_at(cities["longitude"], cities["latitude"])
    wrong = cities[found != cities["state_code"].to_numpy()]
    assert wrong.empty, wrong[["city", "state_code"]].to_string()
    x, y = project(cities["longitude"], cities["latitude"], cities["state_code"].tolist())
    inside = [projected_inside(a, b, c) for a, b, c in zip(x, y, cities["state_code"], strict=True)]
    assert all(inside)


def test_in_state_and_tolerance_for_simplified_coasts():
    assert states.in_state([-95.37, -74.0], [29.76, 40.7], "TX").tolist() == [True, False]
    with pytest.raises(KeyError, match="GU"):
        states.in_state([144.8], [13.4], "GU")
    # Sausalito lies on the bay, just off the 1:10 million outline; 10 km of slack finds it
    assert states.state_at([-122.48525], [37.85909]).tolist() == [""]
    assert states.state_at([-122.48525], [37.85909], tolerance_km=10).tolist() == ["CA"]
    # the middle of the Atlantic stays nowhere, however generous
    assert states.state_at([-40.0], [30.0], tolerance_km=50).tolist() == [""]


def test_topology_decoding_closes_every_ring():
    for state in states.load_states().values():
        for ring in state.rings:
            assert len(ring) >= 4
            assert np.allclose(ring[0], ring[-1])


def test_data_file_is_valid_json_topology():
    text = resources.files("turnout").joinpath("data", "us_states.topo.json").read_text("utf-8")
    topo = json.loads(text)
    assert topo["type"] == "Topology"
    assert set(topo["objects"]) == {"states"}
