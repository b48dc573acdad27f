"""Indexes (turnout.publisher.index): what a manifest lists, in what order, and the site's front
page listing every other story built."""

from __future__ import annotations

import pytest

from turnout.publisher.cache import MANIFEST, cache_root, story_cache, write_manifest
from turnout.publisher.index import Entry, index_html, page_entries, write_site_index


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    (tmp_path / "site").mkdir()
    return tmp_path


def _page(site, name: str) -> str:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<html></html>", encoding="utf-8")
    return str(path)


def _manifest(**notebooks: dict) -> dict:
    return {"format": 1, "notebooks": notebooks, "index": {}}


def test_pages_in_notebook_order_by_headline_and_dek(project):
    site = project / "site"
    manifest = _manifest(
        **{
            "/nb/02-b.ipynb": {"page": _page(site, "b.html"), "headline": "B", "dek": "b"},
            "/nb/01-a.ipynb": {"page": _page(site, "a.html"), "headline": "A", "dek": "a"},
            "/nb/03-gone.ipynb": {"page": str(site / "gone.html"), "headline": "G", "dek": ""},
            "/nb/04-s.ipynb": {"page": _page(site, "river/s.html"), "headline": "S", "dek": ""},
        }
    )
    assert page_entries(manifest, site) == [Entry("a.html", "A", "a"), Entry("b.html", "B", "b")]


def test_the_front_page_lists_the_default_storys_pages_then_other_stories(project):
    site = project / "site"
    write_manifest(
        cache_root() / MANIFEST,
        _manifest(x={"page": _page(site, "by-city.html"), "headline": "Big crowds", "dek": ""}),
    )
    story = {"slug": "river", "title": "River <rallies>", "dek": "From the Ledger"}
    story["index"] = _page(site, "river/index.html")
    write_manifest(story_cache("river") / MANIFEST, {**_manifest(), "story": story})
    index = write_site_index()
    assert index == site / "index.html"
    html = index.read_text(encoding="utf-8")
    assert '<a href="by-city.html">Big crowds</a>' in html
    assert '<a href="river/index.html">River &lt;rallies&gt;</a>' in html
    assert html.index("by-city.html") < html.index("river/index.html")


def test_a_story_index_names_the_story_and_links_home():
    html = index_html(
        [], heading="River rallies", dek="From the Ledger", story="river", home="../i.html"
    )
    assert "<title>River rallies</title>" in html and 'href="../i.html"' in html
    front = index_html([], heading="River rallies")
    assert "<title>turnout: protest counts, sourced</title>" in front
