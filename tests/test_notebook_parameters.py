"""One definition of the notebooks' parameters: the committed cells, the open_story calls and
the build's injected story settings all agree with it."""

from __future__ import annotations

import ast
import json

import pytest

from turnout import paths
from turnout.notebook_parameters import (
    NOTEBOOKS,
    Parameter,
    notebook_parameters,
    parameters_cell,
    story_settings,
)
from turnout.publisher.parameters import STORY_PARAMETERS, declared, published_parameters

FILES = sorted(paths.notebooks_dir().glob("*.ipynb"))
NAMES = [f.stem for f in FILES]


def _cells(name: str) -> list[dict]:
    nb = json.loads((paths.notebooks_dir() / f"{name}.ipynb").read_text(encoding="utf-8"))
    return nb["cells"]


def _parameters_source(name: str) -> str:
    (cell,) = [c for c in _cells(name) if "parameters" in c["metadata"].get("tags", [])]
    return "".join(cell["source"])


def test_every_notebook_has_a_definition_and_every_definition_a_notebook():
    assert sorted(NOTEBOOKS) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_the_committed_cell_is_the_definitions(name):
    # scripts/notebook_parameters.py rewrites a cell that differs.
    assert _parameters_source(name) == parameters_cell(name)
    assert declared(_parameters_source(name)) == notebook_parameters(name)


@pytest.mark.parametrize("name", NAMES)
def test_every_parameter_is_used_and_open_story_gets_the_story_settings(name):
    """A parameter that does nothing would mislead the reporter who sets it; the call that
    opens the story passes every story setting the notebook declares, by its own name."""
    code = "\n".join(
        "".join(c["source"])
        for c in _cells(name)
        if c["cell_type"] == "code" and "parameters" not in c["metadata"].get("tags", [])
    )
    tree = ast.parse(code)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    declared_names = set(notebook_parameters(name))
    assert declared_names <= used, f"{name}: unused {sorted(declared_names - used)}"
    (call,) = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "open_story"
    ]
    passed = [a.id for a in call.args] + [k.arg for k in call.keywords]
    for k in call.keywords:
        assert isinstance(k.value, ast.Name) and k.value.id == k.arg, f"{name}: {k.arg}="
    takes = {"story", "data_path", "data_format", "start", "end", "cities", "marked_days"}
    want = [p for p in notebook_parameters(name) if p in takes | {"figures_dir"}]
    assert sorted(passed) == sorted(want)


def test_the_build_injects_the_definitions_story_settings():
    assert STORY_PARAMETERS == story_settings()
    assert story_settings() == {
        "story": None,
        "data_path": None,
        "data_format": "auto",
        "start": None,
        "end": None,
        "cities": None,
        "marked_days": None,
        "weather_path": None,
    }


def test_a_notebook_saved_with_a_story_setting_is_built_with_the_definitions(tmp_path):
    """A cell as the definition writes it, then changed by a reporter (JupyterLab autosaved):
    the story settings go back to the definition's, the build's own values win."""
    source = parameters_cell("04-timeline-density").replace(
        "marked_days = None", "marked_days = {'2026-05-01': 'May Day'}"
    )
    cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": source,
            "outputs": [], "execution_count": None}  # fmt: skip
    nb = tmp_path / "04-timeline-density.ipynb"
    nb.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4}), "utf-8")
    params, lines = published_parameters(nb, {"story": "may", "figures_dir": "f"}, tmp_path)
    want = {**notebook_parameters("04-timeline-density"), "story": "may", "figures_dir": "f"}
    assert params == want and params["marked_days"] is None
    assert lines == []  # outside git the saved file is the committed one: nothing to report


def test_a_line_is_a_literal_python_reads_back():
    for value in (None, "auto", 'say "hi"', 10, {"2026-05-01": "May Day"}):
        line = Parameter("x", value, "a comment").line()
        assert ast.literal_eval(ast.parse(line).body[0].value) == value
        assert line.endswith("  # a comment")


def test_an_undefined_notebook_is_named():
    with pytest.raises(KeyError, match="06-new"):
        parameters_cell("06-new.ipynb")
