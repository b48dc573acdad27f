"""The override note: only a notebook whose saved parameters differ from its committed ones
(published_parameters with a real git repository)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from turnout.publisher.parameters import published_parameters

CELL = 'story = None\ncities = None\nmeasure = "largest"\n'


def _notebook(path: Path, source: str) -> None:
    cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": source,
            "outputs": [], "execution_count": None}  # fmt: skip
    path.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4}), "utf-8")


def _committed(root: Path) -> Path:
    nb = root / "02-x.ipynb"
    _notebook(nb, CELL)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "notebook"], check=True)
    return nb


def test_a_notebook_as_committed_gets_no_note_on_another_storys_build(tmp_path):
    nb = _committed(tmp_path)
    params, lines = published_parameters(nb, {"story": "roe-2022", "figures_dir": "f"}, tmp_path)
    assert params["story"] == "roe-2022" and params["measure"] == "largest"
    assert lines == []  # "story = None is not published" on every build was noise


def test_a_saved_exploration_gets_one_line_each(tmp_path):
    nb = _committed(tmp_path)
    _notebook(nb, CELL.replace("cities = None", "cities = ['Boise']").replace('"largest"', '"sum"'))
    params, lines = published_parameters(nb, {"story": "roe-2022", "figures_dir": "f"}, tmp_path)
    assert params["cities"] is None and params["measure"] == "largest"
    assert lines == [
        "02-x.ipynb: parameter cities = ['Boise'] is not published; the build uses the "
        "story's settings",
        "02-x.ipynb: parameter measure = 'sum' is not published; the build uses the committed "
        "'largest'",
    ]
