"""Publish only what the reporter meant (issue 12): the four ways exploration leaked.

Each test is a fresh project (TURNOUT_ROOT: a copy of the checkout's notebooks and raw
data, committed to its own git repository, as a reporter's clone is), then what a
reporter does: edit a notebook's parameters cell and let JupyterLab autosave it, run a
notebook outside the build, build a story whose rows are all rejected or all on one day.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from sharing import warm_kernel
from test_build_site import _kernel_env
from test_stories import turnout_cli, turnout_main

from turnout import paths

ROOT = paths.project_root()
HEADER = ",".join(
    "date locality state location_detail type title organizations participants claims "
    "size_text temp_text source_name source_date source_url source_quote notes".split()
)


def _fresh_project(root: Path, *notebooks: str) -> Path:
    """The checkout's ``notebooks`` (those named) and raw data at ``root``, committed."""
    (root / "notebooks").mkdir(parents=True)
    for name in notebooks:
        shutil.copy(ROOT / "notebooks" / name, root / "notebooks" / name)
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    (root / "pyproject.toml").write_text("")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "a reporter's clone"], check=True)
    return root


def _autosave(notebook: Path, **values: object) -> None:
    """What JupyterLab's autosave leaves: the parameters cell edited, outputs of a run saved."""
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    for name, value in values.items():
        cell.source = re.sub(
            rf"^{name} = .*$", f"{name} = {value!r}", cell.source, count=1, flags=re.M
        )
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[-1].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="EXPLORATION OUTPUT SAVED\n")
    ]
    nbformat.write(nb, notebook)


def _another_story(root: Path, slug: str, rows: str) -> None:
    run = turnout_main(root, "new", slug, "--title", "Another story", "--source", "Test Ledger")
    assert run.returncode == 0, run.stderr
    with open(root / "data" / "raw" / f"{slug}.csv", "a", encoding="utf-8") as fh:
        fh.write(rows)


RIVER_ROWS = """\
2031-03-01,Boise,ID,,rally,,,,,about 300,,Test Ledger,2031-03-03,,"About 300 rallied in Boise.",
2031-03-02,Tulsa,OK,,vigil,,,,,dozens,,Test Ledger,2031-03-03,,"Dozens held a vigil in Tulsa.",
"""


# Three explorations a reporter leaves in one notebook's saved parameters cell: another
# story, some cities, another measure. One build checks all three (a build is the slow part).
EXPLORATION = {"cities": ["Seattle", "Denver"], "story": "another-story", "measure": "sum"}


@pytest.mark.slow
def test_an_autosaved_exploration_is_not_published(tmp_path):
    root = _fresh_project(tmp_path, "02-turnout-by-city.ipynb")
    _another_story(root, "another-story", RIVER_ROWS)
    _autosave(root / "notebooks" / "02-turnout-by-city.ipynb", **EXPLORATION)

    run = turnout_cli(root, "build")
    assert run.returncode == 0, run.stderr
    # The build says which saved setting it did not publish, one line for each.
    notes = [ln for ln in run.stderr.splitlines() if "is not published" in ln]
    assert len(notes) == len(EXPLORATION), run.stderr
    for name in EXPLORATION:
        assert sum(f"parameter {name} = " in ln for ln in notes) == 1, (name, notes)

    page = (root / "site" / "turnout-by-city.html").read_text(encoding="utf-8")
    meta = json.loads((root / "figures" / "turnout-by-city.json").read_text(encoding="utf-8"))
    # The bundled story's own chart: every city, its largest protest, its own source.
    want = "Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23"
    assert meta["title"] == want and want in page
    assert "Largest single protest in each city" in meta["subtitle"]  # not the saved "sum"
    assert "selected cities" not in page and "Boise" not in page
    assert "EXPLORATION OUTPUT SAVED" not in page  # saved outputs never reach the site
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert want in index
    # Each page says what its date is, for readers and machines.
    assert re.search(r'Published <time datetime="\d{4}-\d{2}-\d{2}">[A-Z][a-z]', page)


def _run_interactively(notebook: Path, root: Path) -> nbformat.NotebookNode:
    """Run All in a plain kernel (as JupyterLab does): not `turnout build`."""
    nb = nbformat.read(notebook, as_version=4)
    env = _kernel_env() | {"TURNOUT_ROOT": str(root)}
    env.pop("TURNOUT_BUILD", None)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(notebook.parent)}},
        **warm_kernel(),
    )
    client.execute(env=env)
    return nb


def _texts(nb: nbformat.NotebookNode) -> str:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            out.append(o.get("text", ""))
            out.extend(str(v) for v in o.get("data", {}).values())
    return "\n".join(out)


@pytest.mark.slow
def test_a_notebook_run_writes_drafts_not_the_articles_files(tmp_path):
    root = _fresh_project(tmp_path, "02-turnout-by-city.ipynb")
    figures = root / "figures"
    figures.mkdir()
    article = figures / "turnout-by-city.png"
    article.write_bytes(b"the published chart")

    nb = _run_interactively(root / "notebooks" / "02-turnout-by-city.ipynb", root)
    assert article.read_bytes() == b"the published chart"  # untouched
    assert sorted(p.name for p in figures.glob("turnout-by-city.*")) == ["turnout-by-city.png"]
    drafts = sorted(p.name for p in (figures / "scratch").glob("turnout-by-city.*"))
    exts = ("csv", "html", "json", "phone.png", "png", "svg")  # the chart files and its embed
    assert drafts == [f"turnout-by-city.{e}" for e in exts]
    # One line under the chart says where it went.
    text = _texts(nb)
    assert "Draft saved as figures/scratch/turnout-by-city.png" in text
    assert "only `turnout build` writes" in text


@pytest.mark.slow
def test_another_storys_notebook_run_drafts_under_scratch_too(tmp_path):
    root = _fresh_project(tmp_path, "04-timeline-density.ipynb")
    _another_story(root, "river", RIVER_ROWS)
    nb_path = root / "notebooks" / "04-timeline-density.ipynb"
    _autosave(nb_path, story="river")
    nb = _run_interactively(nb_path, root)
    assert (root / "figures" / "scratch" / "river" / "timeline-density.png").is_file()
    assert not (root / "figures" / "river").exists()
    assert "figures/scratch/river/timeline-density.png" in _texts(nb)


@pytest.mark.slow
def test_a_story_with_no_usable_rows_stops_the_build(tmp_path):
    root = _fresh_project(tmp_path, "02-turnout-by-city.ipynb")
    bad = (
        '2031-13-45,Boise,ID,,rally,,,,,about 300,,Test Ledger,2031-03-03,,"About 300.",\n'
        '2031-03-02,Nowhereville,,,vigil,,,,,dozens,,Test Ledger,2031-03-03,,"Dozens.",\n'
    )
    _another_story(root, "all-bad", bad)
    run = turnout_main(root, "build", "--story", "all-bad")  # it stops before any notebook
    assert run.returncode == 2
    errors = [ln for ln in run.stderr.splitlines() if ln.startswith("turnout: error:")]
    assert errors == [
        "turnout: error: data/raw/all-bad.csv: no usable rows: all 2 rows were rejected, so "
        "there is nothing to publish; each reason is in data/processed/all-bad.rejected.csv"
    ]
    assert (root / "data" / "processed" / "all-bad.rejected.csv").is_file()
    assert not (root / "site").exists() and not (root / "figures" / "all-bad").exists()


@pytest.mark.slow
def test_a_one_day_story_leaves_its_timeline_out_with_a_sentence(tmp_path):
    root = _fresh_project(tmp_path, "04-timeline-density.ipynb")
    one_day = RIVER_ROWS.replace("2031-03-02,Tulsa", "2031-03-01,Tulsa")
    _another_story(root, "one-day", one_day)
    run = turnout_cli(root, "build", "--story", "one-day")
    assert run.returncode == 0, run.stderr
    # A chart with nothing to show is no page (issue 21): the story's index says why, in
    # one line, and so does the build's summary.
    assert not (root / "site" / "one-day" / "timeline-density.html").exists()
    index = (root / "site" / "one-day" / "index.html").read_text(encoding="utf-8")
    assert "timeline-density.html" not in index
    assert "Not charted, with nothing to show: When did protesters turn out?" in index
    assert "A timeline needs more than one day" in index
    assert "  chart left out: When did protesters turn out? A timeline needs more than one day" in (
        run.stderr
    )
    assert not list((root / "figures").rglob("timeline-density.*"))
