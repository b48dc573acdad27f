"""The notebooks: committed clean, parameterised for papermill, thin, and runnable end to end."""

from __future__ import annotations

import ast
import base64
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from sharing import once_per_run, warm_kernel

import turnout
from turnout import paths
from turnout.notebook_parameters import notebook_parameters
from turnout.select import select_events

NOTEBOOKS = sorted(paths.notebooks_dir().glob("*.ipynb"))
NAMES = [n.name for n in NOTEBOOKS]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ccc_2017_2020_excerpt.csv"
SRC = Path(__file__).resolve().parents[1] / "src"
CHARTS = {
    "02-turnout-by-city.ipynb": "turnout-by-city",
    "03-temperature-vs-attendance.ipynb": "temperature-vs-attendance",
    "04-timeline-density.ipynb": "timeline-density",
    "05-turnout-map.ipynb": "turnout-map",
}


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _parameters(nb: nbformat.NotebookNode) -> dict[str, object]:
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1, "exactly one cell must be tagged 'parameters'"
    assert cells[0].cell_type == "code"
    values = {}
    for node in ast.parse(cells[0].source).body:
        assert isinstance(node, ast.Assign), "the parameters cell holds only assignments"
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def test_the_five_notebooks():
    assert NAMES == [
        "00-draft-from-article.ipynb",
        "01-clean-events.ipynb",
        "02-turnout-by-city.ipynb",
        "03-temperature-vs-attendance.ipynb",
        "04-timeline-density.ipynb",
        "05-turnout-map.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_committed_without_outputs(path):
    nb = _read(path)
    nbformat.validate(nb)
    # The kernel `make lab` registers in .venv; builds name their kernel (python3) themselves.
    assert nb.metadata.kernelspec.name == "turnout"
    assert nb.metadata.kernelspec.display_name == "turnout"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a code cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a code cell has an execution count"
        assert "attachments" not in cell or not cell.attachments


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_parameters_cell(path):
    """Assignments only, the definition's (tests/test_notebook_parameters.py checks the text)."""
    params = _parameters(_read(path))
    assert params == notebook_parameters(path.name)
    if path.name != "00-draft-from-article.ipynb":  # the review writes no chart files
        assert params["figures_dir"] is None
    # Every setting is the story's (its data/raw/STORY.md), else the data's.
    settings = ("story", "data_path", "start", "end", "cities")
    assert {k: params[k] for k in settings} == dict.fromkeys(settings)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_nothing_specific_to_the_seed_story(path):
    """The seed's dates, places and source live in its codebook (data/raw/ice_out_2026.md),
    so the same notebook tells another story: a word of the seed here would print on its pages."""
    text = "\n".join(c.source for c in _read(path).cells)
    for seed in ("2026", "Jan.", "Minneapolis", "Houston", "Workers World", "ICE", "strike"):
        assert seed not in text, f"{path.name} mentions {seed!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_thin_and_location_independent(path):
    """Library calls only: no functions, classes or loops of its own, no relative paths."""
    nb = _read(path)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    tree = ast.parse(code)
    for node in ast.walk(tree):
        assert not isinstance(
            node, ast.FunctionDef | ast.ClassDef | ast.Lambda | ast.For | ast.While
        )
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            assert not re.search(r"(^|/)\.\.?/|^(data|figures|site|notebooks)/", node.value), (
                f"{path.name}: relative path {node.value!r}; use turnout.paths"
            )
    assert "open(" not in code and "os.chdir" not in code
    assert "warnings.filterwarnings" not in code and "simplefilter" not in code


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_reads_like_an_article(path):
    nb = _read(path)
    first = next(c for c in nb.cells if c.cell_type == "markdown")
    question = first.source.splitlines()[0]
    # The notebook's heading is the question it asks (the page leads with the finding the
    # data gives, computed at run time), not "Notebook 2" or "Analysis".
    assert question.startswith("# ") and len(question) > 20
    assert question.endswith("?") or "how" in question.lower(), question
    # The source note is computed from the data, so a page built from other data credits it.
    source = [c for c in nb.cells if "source" in c.metadata.get("tags", [])]
    assert [c.cell_type for c in source] == ["code"]
    # (The draft review credits the draft's rows while the story has none yet.)
    assert "source_note(opened.events)" in source[0].source or (
        path.name.startswith("00-draft") and "source_note(draft.credited)" in source[0].source
    )
    assert any("Caveats" in c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("path", list(CHARTS), ids=list(CHARTS))
def test_chart_shown_once_and_saved_by_name(path):
    code = "\n".join(
        c.source for c in _read(paths.notebooks_dir() / path).cells if c.cell_type == "code"
    )
    # Drawn with the story's options, shown, and saved under its kind's name (turnout.notebook).
    assert code.count("show_and_save(") == 1 and "show_chart(" not in code
    assert f'saved = opened.show_and_save("{CHARTS[path]}"' in code


@pytest.mark.slow
def test_each_notebook_runs_and_writes_its_figures(built):
    """Executed top to bottom by the build (the ``built`` fixture: one build a run)."""
    assert [p.notebook.name for p in built.pages] == [n for n in NAMES if "draft" not in n]
    assert all(p.executed for p in built.pages)
    for nb, name in CHARTS.items():
        page = next(p for p in built.pages if p.notebook.name == nb)
        assert sorted(f.name for f in page.figures) == sorted(
            f"{name}.{ext}" for ext in ("csv", "html", "json", "phone.png", "png", "svg")
        )
        assert all(f.parent == built.figures and f.stat().st_size > 0 for f in page.figures)


@pytest.mark.slow
def test_the_draft_review_runs_on_the_bundled_story():
    """Notebook 00 is never built (the review is the reporter's), so it runs here as a
    reporter runs it, parameters untouched: the bundled article against the bundled rows."""
    from nbclient import NotebookClient

    nb = _read(paths.notebooks_dir() / "00-draft-from-article.ipynb")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.pop("TURNOUT_BUILD", None)
    root = str(paths.project_root())
    NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": root}},
        **warm_kernel(),
    ).execute(env=env)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    review = next(
        o.data["text/html"] for o in outputs if 'class="draft-review"' in str(o.get("data"))
    )
    assert review.count('id="draft-row-') == 17
    # The bundled rows were typed by hand (no `checked` column): no Checked column to show.
    assert '<th scope="col">Checked</th>' not in review
    text = "\n".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "Source: Workers World, Feb. 3, 2026" in text


def _papermill_on_ccc_month(notebook: str, out: Path) -> Path:
    """Run ``notebook`` with papermill on the CCC excerpt, June 2018, figures to ``out``."""
    if not FIXTURE.is_file():
        pytest.fail(f"{FIXTURE} is missing")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    executed = out / notebook.replace(".ipynb", ".ccc.ipynb")
    cmd = [
        sys.executable,
        "-m",
        "papermill",
        str(paths.notebooks_dir() / notebook),
        str(executed),
        "-k",
        "python3",
        "-p",
        "data_path",
        str(FIXTURE),
        "-p",
        "data_format",
        "ccc",
        "-p",
        "start",
        "2018-06-01",
        "-p",
        "end",
        "2018-06-30",
        "-p",
        "figures_dir",
        str(out / "figures"),
        "--cwd",
        str(paths.project_root()),
        "--no-progress-bar",
    ]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    return executed


@pytest.fixture(scope="session")
def ccc_month(tmp_path_factory):
    """02-turnout-by-city run by papermill on the CCC excerpt, June 2018, figures to a tmp
    dir; once a run (every pytest-xdist worker reads the same one)."""

    def run(out: Path) -> tuple[Path, Path]:
        return out, _papermill_on_ccc_month("02-turnout-by-city.ipynb", out)

    return once_per_run(tmp_path_factory, "papermill-ccc-month", run)


@pytest.mark.slow
def test_papermill_map_on_ccc_month_places_that_months_cities(tmp_path):
    """05-turnout-map by papermill on the CCC month: one row per city with a place, at its
    coordinates, the largest count drawn, and the chart shown once."""
    executed = _papermill_on_ccc_month("05-turnout-map.ipynb", tmp_path)
    drawn = pd.read_csv(tmp_path / "figures" / "turnout-map.csv")
    with pytest.warns(UserWarning, match="rows rejected"):
        events = turnout.load_events(FIXTURE, format="ccc")
    month = select_events(events, start="2018-06-01", end="2018-06-30")
    placed = month.dropna(subset=["latitude"])
    assert len(drawn) == len(placed.drop_duplicates(["city", "state_code"])) > 10
    largest = placed.groupby(["city", "state_code"])["size_low"].max()
    for _, city in drawn.iterrows():
        rows = placed[placed["city"].eq(city["city"]) & placed["state_code"].eq(city["state_code"])]
        assert rows["latitude"].round(4).eq(round(city["latitude"], 4)).any()
        want = largest[(city["city"], city["state_code"])]
        assert city["value_low"] == want or (pd.isna(want) and city["marker"] == "no count")
    nb = _read(executed)
    shown = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(shown) == 1 and "Map of the United States" in shown[0]["data"]["text/plain"]


@pytest.mark.slow
def test_papermill_on_ccc_month_matches_that_months_events(ccc_month):
    out, executed = ccc_month
    drawn = pd.read_csv(out / "figures" / "turnout-by-city.csv")
    with pytest.warns(UserWarning, match="rows rejected"):
        events = turnout.load_events(FIXTURE, format="ccc")
    month = select_events(events, start="2018-06-01", end="2018-06-30")
    counted = month[month["size_low"].notna()]
    assert 3 <= counted["city"].nunique() <= 15  # every city with a count gets a bar
    # One bar per city with a count, each that city's largest event of the month.
    largest = counted.groupby("city")["size_low"].max()
    assert sorted(drawn["city"]) == sorted(largest.index)
    for _, bar in drawn.iterrows():
        assert bar["value_low"] == largest[bar["city"]]
        assert bar["row"] in set(month["row"])
    dates = pd.to_datetime(drawn["date"])
    assert dates.between("2018-06-01", "2018-06-30").all()
    # Bars are ranked largest first.
    assert drawn["value_low"].is_monotonic_decreasing


@pytest.mark.slow
def test_papermill_run_shows_one_chart_with_alt_text(ccc_month):
    _, executed = ccc_month
    nb = _read(executed)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "ccc" in injected[0].source
    images = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "image/png" in o.get("data", {})
    ]
    assert len(images) == 1
    alt = images[0]["metadata"]["image/png"]["alt"]
    assert alt and alt == images[0]["data"]["text/plain"]
    assert images[0]["metadata"]["image/png"]["width"] == 640
    texts = [
        o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    ]
    assert not any("<Figure size" in t or "Traceback" in t for t in texts)
    # The rejected rows of the CCC file are reported to the reader, not silenced.
    assert any("in the source data were left out" in t for t in texts)


@pytest.mark.slow
def test_show_chart_is_one_output_in_a_real_kernel():
    """In a kernel with the inline backend, a chart shows once: one output, its embed in a
    frame with a 640 px PNG and alt text, whether it is a plain Figure (turnout.charts) or
    one pyplot knows about; a chart with no embed design is the PNG alone."""
    from nbclient import NotebookClient

    cells = [
        "import matplotlib.pyplot as plt\n"
        "import turnout\n"
        "from turnout import charts\n"
        "from turnout.show import show_chart\n"
        "fig = charts.turnout_by_city(turnout.load_events())",
        "show_chart(fig)",
        "fig2, ax = plt.subplots()\n"
        "ax.plot([1, 2])\n"
        "fig2._turnout_info = charts.chart_info(fig)\n"
        "show_chart(fig2)",
        "fig",  # a turnout chart as a bare expression still shows as a picture, not a repr
        "fig3, ax3 = plt.subplots()\n"
        "fig3._turnout_info = charts.chart_info(fig)._replace(kind='no-embed-design')\n"
        "show_chart(fig3)",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    NotebookClient(nb, kernel_name="python3", timeout=300, **warm_kernel()).execute(env=env)
    alt = None
    for cell in nb.cells[1:3]:
        assert len(cell.outputs) == 1, [o.get("output_type") for o in cell.outputs]
        out = cell.outputs[0]
        assert out.output_type == "display_data"
        assert set(out.data) == {"image/png", "text/html", "text/plain"}
        assert out.data["text/html"].count("<iframe srcdoc=") == 1
        assert out.metadata["turnout"]["notebook_only"] == ["text/html"]
        meta = out.metadata["image/png"]
        assert meta["width"] == 640 and meta["alt"] == out.data["text/plain"]
        alt = meta["alt"]
        png = base64.b64decode(out.data["image/png"])
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 640
        assert len(png) < 100_000
    assert alt and "Minneapolis" in alt
    last = nb.cells[3].outputs
    assert len(last) == 1 and "image/png" in last[0].data
    assert "<Figure size" not in str(last[0].data.get("text/plain", ""))
    (plain,) = nb.cells[4].outputs
    assert set(plain.data) == {"image/png", "text/plain"}, "a picture, not a list of rows"
