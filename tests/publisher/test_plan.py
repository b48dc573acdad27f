"""What a build covers (turnout.publisher.plan): page names, the notebooks found, a story's
options, a plan refused before anything runs, and a build with nothing to execute."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr
from pathlib import Path
from types import SimpleNamespace

import pytest

from turnout.publisher import parameters, plan
from turnout.publisher.errors import NotebookError
from turnout.publisher.plan import BuildOptions, Page, build_site, find_notebooks, page_name


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project of its own (TURNOUT_ROOT)."""
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    (tmp_path / "notebooks").mkdir()
    return tmp_path


def _notebook(path: Path, parameters: str = "figures_dir = None") -> Path:
    cells = [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": parameters}]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}), "utf-8")
    return path


@pytest.mark.parametrize(
    ("notebook", "page"),
    [
        ("02-turnout-by-city.ipynb", "turnout-by-city.html"),
        ("notebooks/10_map.ipynb", "map.html"),
        ("3 .. notes.ipynb", "notes.html"),
        ("summary.ipynb", "summary.html"),
        ("2026.ipynb", "2026.html"),  # all number: the stem stays
    ],
)
def test_page_name(notebook, page):
    assert page_name(notebook) == page


def test_find_notebooks_in_reading_order_without_hidden_ones(tmp_path):
    for name in ("02-b.ipynb", "01-a.ipynb", ".~01-a.ipynb", "notes.md"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in find_notebooks(tmp_path)] == ["01-a.ipynb", "02-b.ipynb"]


def test_the_default_story_builds_into_the_sites_own_folders(project):
    opts = BuildOptions.for_story(SimpleNamespace(slug=None), force=True)
    assert opts.out_dir is None and opts.figures_dir is None and opts.parameters == {}
    assert opts.force and opts.index == {"stories": []}


def test_another_story_builds_into_its_folders_with_its_slug(project):
    settings = SimpleNamespace(slug="river", title="River rallies", source=None)
    opts = BuildOptions.for_story(settings, jobs=1)
    assert opts.out_dir == project / "site" / "river"
    assert opts.figures_dir == project / "figures" / "river"
    assert opts.cache_dir == project / ".turnout-cache" / "stories" / "river"
    assert opts.parameters == {"story": "river"} and opts.jobs == 1
    assert opts.index == {
        "heading": "River rallies",
        "dek": "The story river",
        "story": "river",
        "home": "../index.html",
    }


def test_two_notebooks_with_one_page_name_are_refused(project):
    nbs = [_notebook(project / "notebooks" / n) for n in ("01-map.ipynb", "02-map.ipynb")]
    with pytest.raises(NotebookError, match=r"two notebooks would both write \['map.html'\]"):
        build_site(notebooks=nbs, progress=False)
    assert not (project / "site").exists()


def test_a_notebook_named_index_is_refused(project):
    nb = _notebook(project / "notebooks" / "00-index.ipynb")
    with pytest.raises(NotebookError, match=r"00-index.ipynb: two notebooks would both write"):
        build_site(notebooks=[nb], progress=False)


def test_a_missing_notebook_is_named(project):
    with pytest.raises(NotebookError, match=r"gone.ipynb: no such notebook"):
        build_site(notebooks=[project / "notebooks" / "gone.ipynb"], progress=False)


def test_parameters_that_are_not_literals_are_refused_before_anything_runs(project):
    nb = _notebook(project / "notebooks" / "01-a.ipynb")
    with pytest.raises(ValueError, match="parameter when=.* is not a plain literal"):
        build_site(notebooks=[nb], parameters={"when": object()}, progress=False)


def test_the_plan_injects_the_story_settings_and_reports_a_saved_exploration(project, monkeypatch):
    committed = _notebook(project / "committed.ipynb", "cities = None\nfigures_dir = None")
    monkeypatch.setattr(parameters, "committed_source", lambda nb, root: committed.read_text())
    nb = _notebook(project / "notebooks" / "02-a.ipynb", "cities = ['Boise']\nfigures_dir = 'x'")
    resolved = plan._Plan.of(BuildOptions(notebooks=(nb,), parameters={"story": "river"}))
    figures = str(project / "figures")
    assert resolved.injected == {nb: {"cities": None, "figures_dir": figures, "story": "river"}}
    assert resolved.overridden == [
        "02-a.ipynb: parameter cities = ['Boise'] is not published; the build uses the "
        "story's settings"
    ]
    assert resolved.names == ["a.html"] and resolved.out == project / "site"
    assert resolved.manifest_path == project / ".turnout-cache" / "manifest.json"


def test_a_build_of_no_notebooks_writes_an_index_and_nothing_else(project):
    pages = build_site(notebooks=[], progress=False, index={"heading": "Rivers"})
    assert pages == []
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Rivers" in index
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
    assert (project / ".turnout-cache" / "manifest.json").is_file()


def test_a_page_over_budget_is_a_warning_naming_it(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"x" * (plan.PAGE_BUDGET + 1))
    small = tmp_path / "small.html"
    small.write_bytes(b"x")
    err = io.StringIO()
    with redirect_stderr(err):
        plan._warn_over_budget(Page(Path("n.ipynb"), p, "H", True) for p in (big, small))
    (line,) = err.getvalue().splitlines()
    assert line.startswith("turnout: warning: ") and "big.html is 150 KB, over the 150 KB" in line
