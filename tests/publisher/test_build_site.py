"""The site as a reader gets it: built once, opened in headless Chromium, checked like an editor.

The real notebooks are built once per run into temporary folders (the ``built``
fixture in conftest.py, shared with test_notebooks.py and test_readme.py, whichever
pytest-xdist worker asks first). Every page is opened with
Playwright in Debian's Chromium (never a downloaded browser) with every
request intercepted: anything that is not ``file:`` or ``data:`` fails.
A screenshot of each page goes to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import NamedTuple

import axe_check
import nbformat
import pytest
from screenshots import shoot
from sharing import exclusive

from turnout import paths
from turnout.publisher import (
    PAGE_BUDGET,
    NotebookError,
    Page,
    build_site,
    find_notebooks,
    page_name,
)

# Every test here builds notebooks (the real ones once, or small ones of its own).
pytestmark = pytest.mark.slow

ROOT = paths.project_root()
NOTEBOOKS = find_notebooks()  # the pages: never the draft review
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
SRC = Path(__file__).resolve().parents[2] / "src"


class Built(NamedTuple):
    root: Path
    site: Path
    figures: Path
    cache: Path
    pages: list[Page]


def build_real_site(root: Path) -> Built:
    """Build the real notebooks into ``root`` (the ``built`` fixture does this once a run)."""
    site, figures, cache = root / "site", root / "figures", root / "cache"
    pages = build_site(out_dir=site, figures_dir=figures, cache_dir=cache, progress=False)
    return Built(root, site, figures, cache, pages)


def _kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return env


def _screenshot(page, name: str) -> Path | None:
    return shoot(page, SCREENSHOTS / f"{name}.png", full_page=True)


# --------------------------------------------------------------------------- the real site


def test_every_notebook_has_a_page(built):
    assert [p.notebook.name for p in built.pages] == [n.name for n in NOTEBOOKS]
    # The draft review is the reporter's: never a page, never in an index.
    assert "00-draft-from-article.ipynb" not in [n.name for n in NOTEBOOKS]
    assert not (built.site / "draft-from-article.html").exists()
    assert "draft" not in (built.site / "index.html").read_text(encoding="utf-8").lower()
    for page in built.pages:
        assert page.path == built.site / page_name(page.notebook)
        assert page.path.is_file()
        assert page.executed
    assert (built.site / "index.html").is_file()


@pytest.mark.parametrize("name", [page_name(n) for n in NOTEBOOKS])
def test_page_reads_like_an_article(built, visit, name):
    assert_reads_like_an_article(visit, built.site / name, Path(name).stem)


def assert_reads_like_an_article(visit, path: Path, shot: str) -> None:
    """A built page as an editor checks it (shared with test_stories.py): no code, no
    outside request, a headline, a source note, charts with alt text, within budget."""
    name = path.name
    size = path.stat().st_size
    assert size <= PAGE_BUDGET, f"{name} is {size / 1024:.0f} KB, over the 150 KB budget"
    html = path.read_text(encoding="utf-8")
    # One script at most: the embeds' height listener, allowed by its hash and nothing else.
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == html.lower().count("<script") <= 1, f"{name} has scripts {scripts}"
    meta = re.search(r"<meta[^>]*Content-Security-Policy[^>]*>", html).group(0)
    csp = re.search(r'content="([^"]*)"', meta).group(1)
    assert "unsafe-inline" not in csp.split("script-src")[-1].split(";")[0]
    assert "unsafe-eval" not in csp
    if scripts:
        from turnout.embeds.page import sha256

        assert f"script-src {sha256(scripts[0])}" in csp
        assert "window.parent" not in scripts[0] and "postMessage(" not in scripts[0]
    for pattern in (
        r"<link\b",
        r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//",
        "@import",
        "@font-face",
        "require.js",
        "MathJax",
    ):
        assert not re.search(pattern, html, re.IGNORECASE), f"{name} has {pattern!r}"

    v = visit(path)
    page = v.page
    assert v.outside == [], f"{name} asked for {v.outside}"
    assert v.dialogs == []
    text = page.inner_text("body")
    for bad in (
        "Traceback",
        "In [",
        "Out[",
        "<Figure size",
        "<matplotlib",
        "object at 0x",
        "import turnout",
        "show_chart(",
        "save_chart(",
        "data_path =",
    ):
        assert bad not in text, f"{name} shows {bad!r}"
    assert page.locator(".jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt, textarea").count() == 0
    headline = page.inner_text("h1")
    assert headline and page.title() == headline
    # No byline unless the desk sets one (TURNOUT_BYLINE): a tool's name is not an author.
    # The date says what it is (issue 12): "Published Dec. 2, 2026", a <time> for machines.
    assert re.fullmatch(
        r"Published [A-Z][a-z]{2,4}\.? \d{1,2}, \d{4}", page.locator(".byline").text_content()
    )
    assert re.fullmatch(
        r"\d{4}-\d{2}-\d{2}", page.locator(".byline time").get_attribute("datetime") or ""
    )
    assert "Source:" in page.inner_text(".source-note")
    assert page.locator("h1").count() == 1

    if name != "clean-events.html":
        assert_shows_its_embed(page, path)
    images = page.locator("img, noscript img")
    for i in range(images.count()):
        img = images.nth(i)
        assert img.evaluate("i => i.complete && i.naturalWidth > 0"), f"{name}: image {i} broken"
        assert img.get_attribute("src").startswith("data:image/")
        assert (img.get_attribute("alt") or "").strip(), f"{name}: image {i} has no alt text"
        assert img.evaluate("i => i.naturalWidth") == 640
    # Nothing wider than the column: the page reads on a phone-width column.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1000
    _screenshot(page, shot)


def assert_shows_its_embed(page, path: Path) -> None:
    """A chart page shows the chart's embed (the file the build published, tooltips and all),
    sized to the embed's own height report, with the picture kept for readers without scripts
    and a link back to the cleaning page."""
    name = path.name
    frames = page.locator("figure.chart-embed iframe")
    assert frames.count() == 1, f"{name} should show its chart's embed once"
    src, _, flags = frames.first.get_attribute("src").partition("#")
    assert flags == "notitle"  # the page's headline is the chart's: not twice
    assert (path.parent / src).resolve().is_file(), f"{name}: {src} was not published"
    assert frames.first.get_attribute("title"), f"{name}: the embed's frame has no title"
    frame = frames.first.element_handle().content_frame()
    frame.locator(".tc").wait_for()
    assert not frame.locator(".tc-title").is_visible() and frame.locator(".tc-sub").is_visible()
    marks = frame.locator(".mk >> visible=true")
    assert marks.count() > 0, f"{name}: the embed shows no marks"
    marks.first.focus()
    assert frame.locator("#tc-tip").is_visible(), f"{name}: no tooltip on focus"
    assert frame.locator("#tc-tip").inner_text().strip()
    # The listener set the frame's height from the embed's message: no inner scrolling.
    tall = frame.evaluate("document.documentElement.scrollHeight")
    page.wait_for_function(
        "h => { const f = document.querySelector('figure.chart-embed iframe');"
        " return f.style.height && Math.abs(parseFloat(f.style.height) - h) <= 2; }",
        arg=tall,
        timeout=30_000,  # ends as soon as it holds; the bound is for a busy machine
    )
    data = frame.locator("a", has_text="Get the data")
    assert data.count() == 1
    csv = (path.parent / src).resolve().parent / data.first.get_attribute("href")
    assert csv.is_file(), f"{name}: the embed's data link {csv} is missing"
    picture = page.locator("figure.chart-embed noscript").inner_html()
    assert 'src="data:image/png;base64,' in picture and 'alt="' in picture
    back = page.locator("figure.chart-embed .chart-links a")
    assert back.get_attribute("href") == "clean-events.html"
    assert (path.parent / "clean-events.html").is_file()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["index.html", *(page_name(n) for n in NOTEBOOKS)])
def test_axe_finds_no_serious_violation_on_site_pages(built, axe_page, name, scheme):
    """Every site page and the embeds in it, in light and dark mode, at phone and desktop
    widths: axe-core finds no serious or critical violation. (One test per page and
    scheme: pytest-xdist spreads the minute of axe runs over the cores. The page is loaded
    once and resized, axe injected once: tests/axe_check.py.)"""
    path, page = built.site / name, axe_page
    page.set_viewport_size({"width": 375, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(path.as_uri(), wait_until="load")
    for width in (375, 1280):
        axe_check.resize(page, width)
        bg = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        rgb = [int(x) for x in re.findall(r"\d+", bg)[:3]]
        assert (sum(rgb) < 150) == (scheme == "dark"), f"{name} {scheme}: {bg}"
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in axe_check.violations(page)
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], f"{name} {width}px {scheme}: {bad}"
        _screenshot(page, f"site-{path.stem}-{width}-{scheme}")


def test_index_links_every_page_by_headline(built, visit):
    v = visit(built.site / "index.html")
    page = v.page
    assert v.outside == []
    links = {a.get_attribute("href"): a.inner_text() for a in page.locator(".index-list a").all()}
    assert links == {p.path.name: p.headline for p in built.pages}
    for p in built.pages:
        # A chart page leads with its chart's headline, computed from the data (the figure's
        # JSON has the same title); the notebook's question is the kicker above it.
        first = next(c for c in nbformat.read(p.notebook, 4).cells if c.cell_type == "markdown")
        question = next(ln for ln in first.source.splitlines() if ln.startswith("# "))[2:]
        chart = [f for f in p.figures if str(f).endswith(".json")]
        if chart:
            assert p.headline == json.loads(Path(chart[0]).read_text())["title"]
        else:  # the cleaning page leads with its counts
            assert p.path.name == "clean-events.html"
            assert re.fullmatch(r"The data holds 18 protests in 10 cities; 14 come with a number "
                                r"of people", p.headline), p.headline  # fmt: skip
        kicker = visit(p.path).page.text_content(".kicker")
        assert kicker == question.strip().replace("*", "")
    _screenshot(page, "index")


def test_cleaning_page_shows_source_words_and_numbers(built, visit):
    page = visit(built.site / "clean-events.html").page
    text = page.inner_text("body")
    for words in ("Around 50,000", "dozens and dozens", "6,000 to 9,000", "9° F and violent winds"):
        assert words in text
    row = page.locator("tr", has_text="Some 4,000-5,000 high school students")
    assert "4,000-5,000" in row.inner_text()  # AP: a hyphen for ranges in tables
    assert "No rows were rejected" in text


def test_chart_figures_written(built):
    charts = ("turnout-by-city", "temperature-vs-attendance", "timeline-density", "turnout-map")
    for name in charts:
        for ext in ("png", "svg", "csv", "json"):
            assert (built.figures / f"{name}.{ext}").is_file(), f"{name}.{ext} missing"
    # Only the story's charts: the draft review (notebook 00) shows a chart, publishes none.
    stems = {p.name.split(".")[0] for p in built.figures.iterdir() if p.is_file()}
    assert stems == set(charts)


def test_warm_rebuild_executes_nothing(built, tmp_path_factory):
    with exclusive(tmp_path_factory, "real-site-rebuild"):
        _warm_rebuild_executes_nothing(built)


def _warm_rebuild_executes_nothing(built):
    again = build_site(
        out_dir=built.site, figures_dir=built.figures, cache_dir=built.cache, progress=False
    )
    assert [p.executed for p in again] == [False] * len(NOTEBOOKS)
    assert [p.headline for p in again] == [p.headline for p in built.pages]


def test_warm_path_imports_nothing_heavy(built, tmp_path_factory):
    """`turnout build` with nothing to do must not pay for pandas, matplotlib or nbconvert."""
    with exclusive(tmp_path_factory, "real-site-rebuild"):
        _warm_path_imports_nothing_heavy(built)


def _warm_path_imports_nothing_heavy(built):
    code = textwrap.dedent(
        f"""
        import json, sys
        from turnout.publisher import build_site
        pages = build_site(out_dir={str(built.site)!r}, figures_dir={str(built.figures)!r},
                           cache_dir={str(built.cache)!r}, progress=False)
        heavy = sorted(m for m in ("pandas", "matplotlib", "nbconvert", "nbclient", "nbformat",
                                   "jupyter_client", "tqdm", "numpy") if m in sys.modules)
        print(json.dumps({{"executed": [p.executed for p in pages], "heavy": heavy}}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_kernel_env(), check=True
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got == {"executed": [False] * len(NOTEBOOKS), "heavy": []}


# --------------------------------------------------------------------------- a tiny site

TINY_CSV = "\n".join(
    [
        "date,locality,state,type,size_text,temp_text,source_name,source_quote,notes",
        "2026-01-30,Minneapolis,MN,march,<script>alert(1)</script> about 200,<b>cold</b>,"
        'Test Wire,"<img src=x onerror=alert(2)>",<i>not italic</i>',
        "2026-01-31,Houston,TX,rally,hundreds,,Test Wire,hundreds rallied,",
        "2026-13-45,Seattle,WA,rally,dozens,,Test Wire,a bad date,",
        "",
    ]
)


def build_small_site(root: Path, csv_text: str) -> tuple[dict, list[Page]]:
    """The cleaning and by-city notebooks, copied into ``root``, built from ``csv_text``;
    returns build_site's keywords (to build again) and the pages."""
    nbs = root / "notebooks"
    nbs.mkdir()
    for name in ("01-clean-events.ipynb", "02-turnout-by-city.ipynb"):
        shutil.copy(paths.notebooks_dir() / name, nbs / name)
    kw = _options(root, csv_text)
    return kw, build_site(**kw)


def _options(root: Path, csv_text: str) -> dict:
    """build_site's keywords for the notebooks in ``root/notebooks``, every output under
    ``root``, reading ``csv_text`` saved as ``root/data.csv``."""
    data = root / "data.csv"
    data.write_text(csv_text, encoding="utf-8")
    return dict(
        notebooks=sorted((root / "notebooks").glob("*.ipynb")),
        out_dir=root / "site",
        figures_dir=root / "figures",
        cache_dir=root / "cache",
        parameters={"data_path": str(data)},
        progress=False,
    )


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Two real notebooks (cleaning and by-city) built from a three-row file with markup in it."""
    root = tmp_path_factory.mktemp("tiny")
    kw, first = build_small_site(root, TINY_CSV)
    return root, kw, first


def test_markup_in_data_prints_as_text(tiny, visit):
    root, kw, first = tiny
    assert [p.executed for p in first] == [True, True]
    v = visit(root / "site" / "clean-events.html")
    page = v.page
    assert v.dialogs == [] and v.outside == []
    text = page.inner_text("body")
    assert "<script>alert(1)</script> about 200" in text
    assert "<b>cold</b>" in text
    # No element the data spelled: markup in a cell is text, never tags.
    assert page.evaluate("document.querySelectorAll('script, b, i, img').length") == 0
    html = (root / "site" / "clean-events.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _screenshot(page, "escaping-clean-events")


def test_rejected_rows_are_reported_not_dropped(tiny, visit):
    root, _, _ = tiny
    text = visit(root / "site" / "clean-events.html").page.inner_text("body")
    # The reader's words: how many, and where the reason is; no file name, no desk jargon.
    assert "Note: One of the three rows in the source data was left out" in text
    assert "Warning:" not in text and "rows rejected" not in text
    assert "2026-13-45" in text  # the rejected row, with its reason, in the left-out table
    assert "Rejected rows (listed below)" in text


def test_tiny_chart_page(tiny, visit):
    root, _, _ = tiny
    v = visit(root / "site" / "turnout-by-city.html")
    assert v.dialogs == [] and v.outside == []
    # The chart is its embed; the picture, with its alt text, waits for readers without scripts.
    assert v.page.locator("figure.chart-embed iframe").count() == 1
    picture = v.page.locator("figure.chart-embed noscript").inner_html()
    assert "Minneapolis" in re.search(r'alt="([^"]*)"', picture).group(1)
    csv = (root / "figures" / "turnout-by-city.csv").read_text(encoding="utf-8")
    assert "Minneapolis" in csv and "Houston" in csv and "Seattle" not in csv


def _small_notebooks(root: Path) -> dict:
    """Two small notebooks in ``root`` that read the same data file: a table and a chart
    saved as the by-city notebook saves it. The cache's rules do not depend on what a
    notebook draws, so its tests use these, a third of the real notebooks' time."""
    nbs = root / "notebooks"
    nbs.mkdir()
    params = nbformat.v4.new_code_cell(
        "data_path = None\nfigures_dir = None", metadata={"tags": ["parameters"]}
    )
    table = "import csv\nprint(len(list(csv.reader(open(data_path, encoding='utf-8')))))"
    chart = (
        "import pandas as pd\n"
        "from turnout import publish, style\n"
        "with style.use_style():\n"
        "    fig = style.new_figure()\n"
        "saved = publish.save_figure(fig, 'turnout-by-city', title='T', alt='A test chart',\n"
        "    source='S', notes='', data=pd.read_csv(data_path), out_dir=figures_dir)"
    )
    for name, code in (("01-table.ipynb", table), ("02-turnout-by-city.ipynb", chart)):
        cells = [
            nbformat.v4.new_markdown_cell("# A headline"),
            params,
            nbformat.v4.new_code_cell(code),
            nbformat.v4.new_markdown_cell("Notes on method:"),
            nbformat.v4.new_code_cell("print('done')"),
        ]
        nbformat.write(nbformat.v4.new_notebook(cells=cells), nbs / name)
    return _options(root, TINY_CSV)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small notebooks, built once: the cache's tests build them again."""
    root = tmp_path_factory.mktemp("small")
    kw = _small_notebooks(root)
    assert [p.executed for p in build_site(**kw)] == [True, True]
    return root, kw


def test_cache_rebuilds_what_is_missing_or_forced(small):
    root, kw = small
    assert [p.executed for p in build_site(**kw)] == [False, False]
    (root / "site" / "turnout-by-city.html").unlink()
    assert [p.executed for p in build_site(**kw)] == [False, True]
    (root / "figures" / "turnout-by-city.svg").unlink()
    assert [p.executed for p in build_site(**kw)] == [False, True]
    assert (root / "figures" / "turnout-by-city.svg").is_file()
    assert [p.executed for p in build_site(**kw, force=True)] == [True, True]
    assert [p.executed for p in build_site(**kw)] == [False, False]


def test_cache_notices_an_overwritten_figure(small):
    """A script that saved another chart under the notebook's figure name: the page and
    figures would disagree, so the notebook runs again and the figure is its own again."""
    root, kw = small
    build_site(**kw)
    png = root / "figures" / "turnout-by-city.png"
    built = png.read_bytes()
    png.write_bytes(b"not the notebook's chart")
    assert [p.executed for p in build_site(**kw)] == [False, True]
    assert png.read_bytes() == built  # deterministic output: the same chart again
    assert [p.executed for p in build_site(**kw)] == [False, False]


def test_cache_notices_changed_inputs(small):
    root, kw = small
    build_site(**kw)
    nb_path = root / "notebooks" / "02-turnout-by-city.ipynb"
    nb = nbformat.read(nb_path, 4)
    nb.cells[-2].source += "\n- One more caveat."
    nbformat.write(nb, nb_path)
    assert [p.executed for p in build_site(**kw)] == [False, True]
    assert "One more caveat." in (root / "site" / "turnout-by-city.html").read_text("utf-8")
    data = Path(kw["parameters"]["data_path"])
    data.write_text(data.read_text("utf-8") + "2026-02-01,Denver,CO,rally,500,,Test,q,\n", "utf-8")
    assert [p.executed for p in build_site(**kw)] == [True, True]


# --------------------------------------------------------------------------- errors


def _notebook(path: Path, *sources: str) -> Path:
    cells = [nbformat.v4.new_markdown_cell("# A headline")]
    cells.append(nbformat.v4.new_code_cell("figures_dir = None", metadata={"tags": ["parameters"]}))
    cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def test_cell_error_names_notebook_and_cell(tmp_path):
    bad = _notebook(tmp_path / "03-broken.ipynb", "x = 1", "1 / 0")
    with pytest.raises(NotebookError) as err:
        _build_alone(bad, tmp_path)
    msg = str(err.value)
    assert "03-broken.ipynb, cell 4: ZeroDivisionError: division by zero" in msg
    assert "\n" not in msg
    assert not (tmp_path / "site" / "broken.html").exists()


def test_raw_repr_is_refused(tmp_path):
    bad = _notebook(
        tmp_path / "fig.ipynb",
        "from matplotlib.figure import Figure\nFigure()",
    )
    with pytest.raises(NotebookError, match=r"fig.ipynb, cell 3: would print '<Figure size"):
        _build_alone(bad, tmp_path)


def test_figures_are_the_files_the_notebook_recorded(tmp_path):
    """The build publishes the chart files save_figure recorded in the cell's outputs,
    however the call is written (here the name is computed), and the record itself
    never shows on the page."""
    code = (
        "import pandas as pd\n"
        "from turnout import publish, style\n"
        "with style.use_style():\n"
        "    fig = style.new_figure()\n"
        "name = 'chart-' + str(1 + 1)\n"
        "saved = publish.save_figure(fig, name, title='T', alt='A test chart', source='S',\n"
        "    notes='', data=pd.DataFrame({'x': [1]}), out_dir=figures_dir)"
    )
    pages = _build_alone(_notebook(tmp_path / "01-saved.ipynb", code), tmp_path)
    assert [f.name for f in pages[0].figures] == [
        "chart-2.csv", "chart-2.html", "chart-2.json", "chart-2.phone.png", "chart-2.png",
        "chart-2.svg",
    ]  # fmt: skip
    assert all(f.parent == tmp_path / "f" and f.is_file() for f in pages[0].figures)
    page = pages[0].path.read_text(encoding="utf-8")
    assert "chart-2" not in page and '<article class="story-body"></article>' in page


def _build_alone(notebook: Path, tmp_path: Path) -> list[Page]:
    """Build one notebook with every output in ``tmp_path`` (site/, f/, c/)."""
    return build_site(
        notebooks=[notebook],
        out_dir=tmp_path / "site",
        figures_dir=tmp_path / "f",
        cache_dir=tmp_path / "c",
        progress=False,
    )


def _project(root: Path, name: str, code: str) -> Path:
    """A project of its own (TURNOUT_ROOT) with one notebook running ``code``."""
    (root / "notebooks").mkdir()
    (root / "pyproject.toml").write_text("")
    return _notebook(root / "notebooks" / name, code)


def _cli_build(root: Path) -> subprocess.CompletedProcess:
    """`turnout build` as a user runs it, in the project at ``root``."""
    return subprocess.run(
        [sys.executable, "-m", "turnout", "build"],
        capture_output=True,
        text=True,
        env=_kernel_env() | {"TURNOUT_ROOT": str(root)},
        cwd=root,
        timeout=300,
    )


def test_cli_build_error_is_one_line_and_nonzero(tmp_path):
    """`turnout build` in a project whose notebook fails: exit status 2, one line on stderr."""
    _project(tmp_path, "01-bad.ipynb", "raise KeyError('city')")
    run = _cli_build(tmp_path)
    assert run.returncode == 2, run.stderr
    lines = [ln for ln in run.stderr.splitlines() if ln.startswith("turnout:")]
    assert lines == [
        "turnout: error: notebooks/01-bad.ipynb, cell 3: KeyError: 'city' "
        "(in `raise KeyError('city')`)"
    ], run.stderr[-3000:]
    assert "Traceback" not in run.stderr


def test_cli_build_says_what_it_did(tmp_path):
    """`turnout build` prints one summary line: pages written, executed and unchanged."""
    _project(tmp_path, "01-tiny.ipynb", "x = 1")

    def build() -> str:
        run = _cli_build(tmp_path)
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    site = tmp_path / "site"
    assert build() == f"1 page in {site}: 1 executed, 0 unchanged"
    assert build() == f"1 page in {site}: 0 executed, 1 unchanged"


def test_renamed_notebook_leaves_no_orphan_page(tmp_path, monkeypatch):
    """A project of its own (TURNOUT_ROOT): rename a notebook, and its old page goes away."""
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    (tmp_path / "notebooks").mkdir()
    first = _notebook(tmp_path / "notebooks" / "01-first-take.ipynb", "x = 1")
    pages = build_site(progress=False)
    assert [p.path.name for p in pages] == ["first-take.html"]
    assert (tmp_path / "site" / "first-take.html").is_file()
    first.rename(tmp_path / "notebooks" / "01-second-take.ipynb")
    pages = build_site(progress=False)
    assert [(p.path.name, p.executed) for p in pages] == [("second-take.html", True)]
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
        "index.html",
        "second-take.html",
    ]
    assert 'href="second-take.html"' in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_byline_only_when_the_desk_sets_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    monkeypatch.delenv("TURNOUT_BYLINE", raising=False)
    _project(tmp_path, "01-tiny.ipynb", "x = 1")
    page = tmp_path / "site" / "tiny.html"
    build_site(progress=False)
    assert 'class="author"' not in page.read_text("utf-8")
    monkeypatch.setenv("TURNOUT_BYLINE", "The <Data> Desk")
    assert [p.executed for p in build_site(progress=False)] == [True]  # a new byline re-renders
    assert 'By <span class="author">The &lt;Data&gt; Desk</span>' in page.read_text("utf-8")
