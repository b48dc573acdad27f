"""Pages a build must not publish (issue 21): a chart with nothing to show, the draft review.

A tiny site from real notebooks: the temperature notebook on rows with no temperature is
no page (its index says why, in one line), and when its chart stops being drawn its
earlier figure files go; a notebook marked ``turnout.publish: false`` is never built, and
the page an earlier build wrote for it is removed from the site and its index.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_build_site import _notebook

from turnout import paths
from turnout.publisher import build_site, cache

pytestmark = pytest.mark.slow  # builds notebooks

HEADER = "date,locality,state,type,size_text,temp_text,source_name,source_quote"
WARM = "2026-01-30,Boise,ID,rally,about 300,40 degrees,Test Wire,about 300 at 40 degrees"
NO_TEMP = "2026-01-31,Tulsa,OK,rally,hundreds,,Test Wire,hundreds rallied"


def _site(root: Path, names: list[str], rows: list[str]) -> dict:
    nbs = root / "notebooks"
    nbs.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(paths.notebooks_dir() / name, nbs / name)
    data = root / "data.csv"
    data.write_text("\n".join([HEADER, *rows, ""]), encoding="utf-8")
    return dict(
        out_dir=root / "site",
        figures_dir=root / "figures",
        cache_dir=root / "cache",
        parameters={"data_path": str(data)},
        progress=False,
    )


def _data(kw: dict, rows: list[str]) -> None:
    Path(kw["parameters"]["data_path"]).write_text("\n".join([HEADER, *rows, ""]), "utf-8")


def test_a_chart_with_nothing_to_show_is_no_page_and_its_old_files_go(tmp_path):
    kw = _site(tmp_path, ["03-temperature-vs-attendance.ipynb"], [WARM])
    kw["notebooks"] = sorted((tmp_path / "notebooks").glob("*.ipynb"))
    site, figures = tmp_path / "site", tmp_path / "figures"
    pages = build_site(**kw)
    assert [p.path.name for p in pages] == ["temperature-vs-attendance.html"]
    drawn = sorted(p.name for p in figures.glob("temperature-vs-attendance.*"))
    assert "temperature-vs-attendance.png" in drawn and "temperature-vs-attendance.csv" in drawn

    _data(kw, [NO_TEMP])  # the story no longer has a temperature
    pages = build_site(**kw)
    assert pages == []  # the site's one chart has nothing to show: no page at all
    assert not (site / "temperature-vs-attendance.html").exists()
    assert not list(figures.glob("temperature-vs-attendance.*"))  # no stale chart to embed
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "temperature-vs-attendance.html" not in index
    assert (
        '<p class="left-out">Not charted, with nothing to show: Did the cold keep protesters '
        "home? (No event in this selection reports a temperature.)</p>"
    ) in index
    # A warm rebuild says the same, and runs nothing: not even its record is written again.
    record = tmp_path / "cache" / cache.MANIFEST
    written = record.stat().st_mtime_ns
    again = build_site(**kw)
    assert again == [] and index == (site / "index.html").read_text(encoding="utf-8")
    assert record.stat().st_mtime_ns == written
    assert not (site / "temperature-vs-attendance.html").exists()


def test_the_draft_review_is_never_a_page(tmp_path, monkeypatch):
    review = "00-draft-from-article.ipynb"
    shipped = paths.notebooks_dir() / review
    kw = _site(tmp_path, ["01-clean-events.ipynb"], [WARM])
    site, nbs = tmp_path / "site", tmp_path / "notebooks"
    monkeypatch.setattr(paths, "notebooks_dir", lambda: nbs)  # build_site's default list
    # What a site built before issue 21 holds: the review published and indexed. (A small
    # notebook of the review's name stands in for it: a page is a page whatever it draws,
    # and the real review runs the drafter, seconds that test nothing here.)
    _notebook(nbs / review, "x = 1")
    assert "publish" not in json.loads((nbs / review).read_text(encoding="utf-8"))["metadata"]
    pages = build_site(**kw)
    assert [p.path.name for p in pages] == ["draft-from-article.html", "clean-events.html"]

    shutil.copy(shipped, nbs / review)  # the notebook as shipped: turnout.publish false
    pages = build_site(**kw)
    assert [p.path.name for p in pages] == ["clean-events.html"]
    assert not (site / "draft-from-article.html").exists()  # the earlier page is gone
    assert "draft" not in (site / "index.html").read_text(encoding="utf-8").lower()
