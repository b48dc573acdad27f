"""The publish rules (turnout.publisher.parameters): what a notebook's saved parameters may
change on the site, unit-tested on dicts and small notebook files, without a kernel or git."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from turnout.publisher import parameters
from turnout.publisher.parameters import (
    STORY_PARAMETERS,
    Code,
    committed_source,
    declared,
    parameters_source,
    publish_rules,
    published_parameters,
)

GIVEN = {"figures_dir": "/site/figures"}


def _notebook(path: Path, source: str | list[str], tags: tuple[str, ...] = ("parameters",)) -> Path:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "# A question?"},
        {"cell_type": "code", "metadata": {"tags": list(tags)}, "source": source, "outputs": []},
    ]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}), "utf-8")
    return path


# --------------------------------------------------------------------------- reading a cell


def test_declared_keeps_literal_assignments_in_order():
    source = "labels = 'number'\nstory = None\ncities = ('Boise',)\nstart = '2031-03-01'"
    assert list(declared(source).items()) == [
        ("labels", "number"),
        ("story", None),
        ("cities", ("Boise",)),
        ("start", "2031-03-01"),
    ]


@pytest.mark.parametrize("source", ["import os", "obj.x = 1", "d['k'] = 1", "print(1)", "x: int"])
def test_declared_skips_what_sets_no_name(source):
    assert declared(source + "\nkept = 1") == {"kept": 1}


def test_declared_keeps_a_name_set_by_code_as_its_code():
    source = "a = f(1)\nb, *c = 1, 2\nd = e = 'x'\nn: int = 3\nn += 1"
    out = declared(source)
    assert out == {
        "a": Code("f(1)"),
        "b": Code("b, *c = 1, 2"),
        "c": Code("b, *c = 1, 2"),
        "d": "x",
        "e": "x",
        "n": Code("n += 1"),  # the last word on n: it reads n, so it is code
    }
    assert repr(out["a"]) == "f(1)" and Code("x") != "x"  # code is never a string's equal


def test_declared_reads_nothing_from_a_cell_that_does_not_parse():
    assert declared("story = 'a'\ncities = [") == {}


def test_parameters_source_joins_a_cell_stored_as_lines(tmp_path):
    nb = _notebook(tmp_path / "a.ipynb", ["story = None\n", "measure = 'sum'"])
    assert parameters_source(nb.read_text("utf-8")) == "story = None\nmeasure = 'sum'"


def test_parameters_source_of_a_notebook_without_the_tag_or_not_json(tmp_path):
    nb = _notebook(tmp_path / "a.ipynb", "story = None", tags=("remove-cell",))
    assert parameters_source(nb.read_text("utf-8")) == ""
    assert parameters_source("{ not json") == ""


# --------------------------------------------------------------------------- the rules


@pytest.mark.parametrize("name", sorted(STORY_PARAMETERS))
def test_a_saved_story_setting_is_never_published(name):
    out, lines = publish_rules({name: "tried"}, {name: "committed too"}, GIVEN, "02.ipynb")
    assert out == {name: STORY_PARAMETERS[name], **GIVEN}
    assert lines == [
        f"02.ipynb: parameter {name} = 'tried' is not published; the build uses the "
        "story's settings"
    ]


def test_the_builds_own_values_win_and_figures_dir_says_nothing():
    saved = {"story": "another-story", "figures_dir": "mine/"}
    given = {"story": "river", "figures_dir": "/site/figures/river"}
    out, lines = publish_rules(saved, {"story": None, "figures_dir": None}, given, "04.ipynb")
    assert out == given
    assert lines == [
        "04.ipynb: parameter story = 'another-story' is not published; the build uses the "
        "story's settings"
    ]


def test_another_parameter_takes_its_committed_value():
    out, lines = publish_rules({"measure": "sum"}, {"measure": "largest"}, GIVEN, "02.ipynb")
    assert out["measure"] == "largest"
    assert lines == [
        "02.ipynb: parameter measure = 'sum' is not published; the build uses the committed "
        "'largest'"
    ]


def test_a_parameter_never_committed_keeps_its_saved_value():
    out, lines = publish_rules({"labels": 10}, {}, GIVEN, "05.ipynb")
    assert out == {"labels": 10, **GIVEN} and lines == []


def test_values_as_committed_are_published_without_a_word():
    saved = {**STORY_PARAMETERS, "measure": "largest", "labels": "number"}
    out, lines = publish_rules(saved, saved, GIVEN, "02.ipynb")
    assert out == {**saved, **GIVEN} and lines == []


def test_given_values_are_injected_even_when_the_cell_does_not_declare_them():
    out, _ = publish_rules({"measure": "largest"}, {}, {"story": "river", **GIVEN}, "02.ipynb")
    assert out == {"measure": "largest", "story": "river", **GIVEN}


def test_saved_order_is_kept_then_the_builds_own():
    out, _ = publish_rules({"labels": 1, "story": None, "measure": "x"}, {}, GIVEN, "n")
    assert list(out) == ["labels", "story", "measure", "figures_dir"]


def test_a_story_setting_set_by_code_is_overridden_too():
    # `cities = list([...])` is no literal; read as nothing, it once reached the site
    saved = declared("story = None\ncities = list(['Boise'])")
    out, lines = publish_rules(saved, {"story": None, "cities": None}, GIVEN, "02.ipynb")
    assert out == {"story": None, "cities": None, **GIVEN}
    assert lines == [
        "02.ipynb: parameter cities = list(['Boise']) is not published; the build uses the "
        "story's settings"
    ]


def test_another_parameter_set_by_code_takes_its_committed_value():
    saved = declared("measure = 'sum' if True else 'largest'")
    out, lines = publish_rules(saved, {"measure": "largest"}, GIVEN, "02.ipynb")
    assert out == {"measure": "largest", **GIVEN}
    assert lines == [
        "02.ipynb: parameter measure = 'sum' if True else 'largest' is not published; the "
        "build uses the committed 'largest'"
    ]


def test_code_as_committed_or_never_committed_is_not_injected():
    code = declared("top = len(range(5))")
    out, lines = publish_rules(code, code, GIVEN, "02.ipynb")
    assert out == GIVEN and lines == []  # the committed line runs as it is
    out, lines = publish_rules(code, {}, GIVEN, "02.ipynb")
    assert out == GIVEN and lines == []


# --------------------------------------------------------------------------- a notebook file


def test_committed_source_asks_git_for_the_path_inside_the_project(tmp_path, monkeypatch):
    calls = []

    def run(args, **kw):
        calls.append(args)
        return subprocess.CompletedProcess(args, 0 if "HEAD:notebooks/02.ipynb" in args else 128,
                                           stdout="{}")  # fmt: skip

    monkeypatch.setattr(subprocess, "run", run)
    assert committed_source(tmp_path / "notebooks" / "02.ipynb", tmp_path) == "{}"
    assert calls == [["git", "-C", str(tmp_path), "show", "HEAD:notebooks/02.ipynb"]]
    assert committed_source(tmp_path / "notebooks" / "new.ipynb", tmp_path) is None  # untracked
    calls.clear()
    assert committed_source(tmp_path.parent / "elsewhere.ipynb", tmp_path) is None
    assert calls == []  # outside the project: git is not asked


def test_a_notebook_with_story_settings_only_saved_as_committed_says_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(parameters, "committed_source", lambda nb, root: nb.read_text("utf-8"))
    nb = _notebook(tmp_path / "01-clean.ipynb", "story = 'river'\ncities = ['Boise']")
    out, lines = published_parameters(nb, GIVEN, tmp_path)
    assert out == {"story": None, "cities": None, **GIVEN}
    assert lines == []  # the notebook as shipped: no exploration to report


def test_a_notebook_file_takes_other_values_from_its_committed_version(tmp_path, monkeypatch):
    committed = _notebook(tmp_path / "committed.ipynb", "measure = 'largest'").read_text("utf-8")
    asked = []

    def committed_source(notebook, root):
        asked.append((notebook.name, root))
        return committed

    monkeypatch.setattr(parameters, "committed_source", committed_source)
    nb = _notebook(tmp_path / "02-by-city.ipynb", "story = None\nmeasure = 'sum'")
    out, lines = published_parameters(nb, GIVEN, tmp_path)
    assert asked == [("02-by-city.ipynb", tmp_path)]
    assert out == {"story": None, "measure": "largest", **GIVEN}
    assert lines == [
        "02-by-city.ipynb: parameter measure = 'sum' is not published; the build uses the "
        "committed 'largest'"
    ]


def test_outside_git_a_notebook_files_own_values_stand(tmp_path, monkeypatch):
    monkeypatch.setattr(parameters, "committed_source", lambda notebook, root: None)
    nb = _notebook(tmp_path / "02-by-city.ipynb", "measure = 'sum'")
    assert published_parameters(nb, GIVEN, tmp_path) == ({"measure": "sum", **GIVEN}, [])
