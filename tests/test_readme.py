"""The README shows the four charts: committed PNGs that are exactly what the build writes."""

from __future__ import annotations

import re

import pytest

from turnout import paths

ROOT = paths.project_root()
CHARTS = ["turnout-by-city", "temperature-vs-attendance", "timeline-density", "turnout-map"]


def test_readme_shows_each_chart_with_alt_text():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[([^\]]*)\]\((figures/[^)]+\.png)\)", readme)
    assert [src for _, src in shown] == [f"figures/{c}.png" for c in CHARTS]
    for alt, src in shown:
        assert len(alt) > 40, f"{src} needs alt text that says what the chart shows"
    # The charts come before the walkthrough, which comes before the reference.
    assert readme.index("## The charts") < readme.index("## A reporter's workflow")
    assert readme.index("make report") < readme.index("## The charts")


@pytest.mark.slow
def test_committed_charts_are_what_the_build_writes(built):
    """Charts are deterministic (no timestamps), so the README's copies must equal a fresh
    build's; after a chart changes, `make report` rewrites them: commit figures/*.png."""
    for name in CHARTS:
        committed = ROOT / "figures" / f"{name}.png"
        assert committed.is_file(), f"figures/{name}.png is missing: run make report"
        assert committed.read_bytes() == (built.figures / f"{name}.png").read_bytes(), (
            f"figures/{name}.png is not the chart the build draws: run make report and "
            "commit figures/*.png"
        )
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    for name in CHARTS:
        assert f"!figures/{name}.png" in ignored  # committed, while the rest stays ignored


def test_readme_names_the_parameters_cell_as_the_notebooks_have_it():
    import nbformat

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"Each notebook's (\w+) code cell", readme)
    assert said, "the README says which cell holds a notebook's parameters"
    ordinal = ["first", "second", "third"].index(said.group(1))
    for nb_path in sorted(paths.notebooks_dir().glob("*.ipynb")):
        code = [c for c in nbformat.read(nb_path, as_version=4).cells if c.cell_type == "code"]
        assert "parameters" in code[ordinal].metadata.get("tags", []), nb_path.name


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_between_the_readme_and_docs_resolve():
    """The README sends readers into docs/; every relative link and #anchor must land."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    assert {p.name for p in pages} >= {
        "method.md", "ccc.md", "weather.md", "bad-input.md", "api.md", "architecture.md",
        "testing.md",
    }  # fmt: skip
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in pages[1:]:
        assert f"(docs/{page.name}" in readme, f"the README does not link docs/{page.name}"
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # https: and the like; tests need no network
            file, _, anchor = target.partition("#")
            linked = (page.parent / file).resolve() if file else page
            assert linked.exists(), f"{page.name}: link to missing {target}"
            if anchor:
                headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
                assert anchor in {_anchor(h) for h in headings}, f"{page.name}: no #{anchor}"
