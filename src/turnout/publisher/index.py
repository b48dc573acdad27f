"""Indexes: ``site/index.html`` and each story's ``site/SLUG/index.html``, from the manifests.

An index lists a story's pages by headline, with their deks, and (the site's
front page) every other story built, by title. Everything it lists comes from
the build manifests (:mod:`turnout.publisher.cache`), never from reading pages back,
and it is rendered by ``templates/turnout/site-index.html.j2``, which shares the
articles' page shell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from turnout import paths
from turnout.paths import atomic_write
from turnout.publisher.cache import MANIFEST, cache_root, read_manifest

SITE_TITLE = "turnout: protest counts, sourced"
HEADING = "Protest turnout, counted from the source’s own words"
DEK = (
    "Every crowd size and temperature on these pages is traced to the words a source "
    "printed, and coded by rules a reader can check."
)


class Entry(NamedTuple):
    """One line of an index: where it links, the words linked, and a note under them."""

    href: str
    title: str
    note: str = ""


def index_html(
    pages: Sequence[Entry | tuple[str, str, str]],
    *,
    heading: str = HEADING,
    dek: str = DEK,
    stories: Sequence[Entry | tuple[str, str, str]] = (),
    story: str = "",
    home: str = "index.html",
    left_out: str = "",
) -> str:
    """An index page: ``pages`` linked by headline with their deks, then ``stories``.

    ``story`` is the slug of a story's own index (its title is then the page's
    title); ``home`` is where the masthead links (a story's index links back);
    ``left_out`` is the one line saying which charts had nothing to show (:func:`left_out_line`).

    >>> html = index_html([("a.html", "A <b>", "")], heading="Rivers", dek="D", story="r")
    >>> "<title>Rivers</title>" in html, '<a href="a.html">A &lt;b&gt;</a>' in html
    (True, True)
    """
    from jinja2 import Environment, FileSystemLoader

    from turnout.publisher.render import TEMPLATE_NAME, TEMPLATES_DIR

    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR / TEMPLATE_NAME), autoescape=True)
    return (
        env.get_template("site-index.html.j2").render(
            title=heading if story else SITE_TITLE,
            description=dek if story else "",
            heading=heading,
            dek=dek,
            pages=[Entry(*p) for p in pages],
            stories=[Entry(*s) for s in stories],
            home=home,
            left_out=left_out,
        )
        + "\n"
    )


def left_out_line(manifest: Mapping[str, Any], notebooks: Sequence[Path] | None = None) -> str:
    """One line for an index: the charts of ``notebooks`` (default every one the manifest
    records) that had nothing to show, so have no page, and why ("" when none).

    >>> m = {"notebooks": {"n/03-t.ipynb": {"published": False, "headline": "Was it cold?",
    ...      "left_out": ["No event reports a temperature."]}}}
    >>> left_out_line(m)
    'Not charted, with nothing to show: Was it cold? (No event reports a temperature.)'
    """
    entries = manifest["notebooks"]
    names = [str(n) for n in notebooks] if notebooks is not None else list(entries)
    items = []
    for nb in sorted((n for n in names if n in entries), key=lambda k: Path(k).name):
        entry = entries[nb]
        if entry.get("published", True):
            continue
        why = " ".join(entry.get("left_out", []))
        items.append(f"{entry['headline']} ({why})" if why else entry["headline"])
    return "Not charted, with nothing to show: " + "; ".join(items) if items else ""


def page_entries(manifest: Mapping[str, Any], out: Path) -> list[Entry]:
    """The pages a manifest records in ``out``, in notebook order, by headline and dek;
    pages since deleted are left out."""
    entries = manifest["notebooks"]
    rows = []
    for nb in sorted(entries, key=lambda k: Path(k).name):
        page = Path(entries[nb]["page"])
        if page.parent == out.resolve() and page.is_file():
            rows.append(Entry(page.name, entries[nb]["headline"], entries[nb]["dek"]))
    return rows


def story_entries(site: Path | None = None) -> list[Entry]:
    """Every other story built into ``site`` (default ``site/``), by title and source, as
    their manifests record them (``.turnout-cache/stories/SLUG/``).

    >>> story_entries(Path("no-such-site"))
    []
    """
    site = (paths.site_dir() if site is None else site).resolve()
    found = []
    for manifest_path in sorted((cache_root() / "stories").glob(f"*/{MANIFEST}")):
        story = read_manifest(manifest_path).get("story")
        if not story:
            continue
        index = Path(story["index"])
        if index.parent.parent == site and index.is_file():
            found.append(Entry(f"{index.parent.name}/index.html", story["title"], story["dek"]))
    return found


def write_site_index() -> Path | None:
    """Rewrite ``site/index.html``: the default story's pages, then every other story built,
    linked by title. Returns its path (None: nothing built)."""
    site = paths.site_dir()
    manifest = read_manifest(cache_root() / MANIFEST)
    pages = page_entries(manifest, site)
    stories = story_entries(site)
    if not pages and not stories:
        return None
    index = site / "index.html"
    atomic_write(index, index_html(pages, stories=stories, left_out=left_out_line(manifest)))
    return index
