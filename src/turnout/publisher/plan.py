"""What to build, and building it: which notebooks are stale, run them, publish, index.

:class:`BuildOptions` says what a build covers (notebooks, output folders,
cache, parameters injected into every notebook, index heading) and
:func:`build_site` carries it out: it asks :mod:`~turnout.publisher.cache` which
notebooks changed, runs those in :mod:`~turnout.publisher.workers` (each one
executed, checked and rendered), publishes their files through
:mod:`~turnout.publisher.staging` only if every one succeeded, and writes the
index (:mod:`~turnout.publisher.index`). :func:`build_story` is what ``turnout
build [--story SLUG]`` runs: a story's data cleaned (when it changed), then its
options (:meth:`BuildOptions.for_story`) built.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from turnout import paths
from turnout.ap import ap_date
from turnout.errors import DataError
from turnout.paths import atomic_write, display_path
from turnout.publisher import cache
from turnout.publisher.errors import NotebookError, notebook_error
from turnout.publisher.execute import check_parameters
from turnout.publisher.parameters import published_parameters

#: Environment variable naming the desk or author pages are credited to ("By ..."); none
#: by default: a tool's name is not a byline.
BYLINE_ENV = "TURNOUT_BYLINE"
#: A page's size budget (bytes): four charts' worth of mobile data at most.
PAGE_BUDGET = 150 * 1024


@dataclass(frozen=True)
class Page:
    """One built page: which notebook, where its HTML is, and whether this build ran it."""

    notebook: Path
    path: Path
    headline: str
    executed: bool
    seconds: float = 0.0
    figures: tuple[Path, ...] = ()


@dataclass(frozen=True)
class BuildOptions:
    """What a build covers. Every field has a default; ``replace`` or keywords change them.

    - ``notebooks``: default every ``notebooks/*.ipynb`` (and then a notebook
      renamed or deleted since the last build has its page removed);
    - ``out_dir``, ``figures_dir``, ``cache_dir``: default ``site/``,
      ``figures/`` and ``.turnout-cache/``. ``figures_dir`` is always injected
      into each notebook as its ``figures_dir`` parameter, so a build writes its
      charts where it publishes them, whatever the notebook's own default;
    - ``parameters``: injected into every notebook after its ``parameters``
      cell, papermill style (plain literals only); they count toward the cache key;
    - ``force`` (run every notebook), ``timeout`` (seconds per cell), ``jobs``
      (notebooks at once; default one per core), ``progress`` (a bar per
      notebook; default when stderr is a terminal);
    - ``index``: the index's ``heading``, ``dek``, other ``stories``, ``story``
      (a story's slug) and ``home`` (where its masthead links).

    >>> BuildOptions(force=True).timeout
    600
    """

    notebooks: tuple[Path, ...] | None = None
    out_dir: Path | None = None
    figures_dir: Path | None = None
    cache_dir: Path | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    force: bool = False
    timeout: int = 600
    jobs: int | None = None
    progress: bool | None = None
    index: Mapping[str, Any] = field(default_factory=dict)
    #: Files staged before the build (a story's processed data), as (staged, final) pairs,
    #: published in the same switch as its pages and figures, or not at all.
    also_publish: tuple[tuple[Path, Path], ...] = ()
    #: Where the notebooks share cleaned tables (:mod:`turnout.clean_memo`); default a
    #: folder of this build's own. ``build_story`` leaves the story's data there first.
    memo_dir: str | None = None

    @classmethod
    def for_story(cls, settings: Any, **changes: Any) -> BuildOptions:
        """The options that publish a story (:class:`turnout.stories.Story`): the default
        story into ``site/`` and ``figures/``, listing every other story on its index;
        another into ``site/SLUG/`` and ``figures/SLUG/`` with ``story="SLUG"`` injected
        and an index of its own that links back to the site's."""
        from turnout.publisher.index import story_entries
        from turnout.stories import DEFAULT_STORY

        slug = settings.slug or DEFAULT_STORY
        if slug == DEFAULT_STORY:
            # The site's index lists the other stories too: written only when it changed.
            return cls(index={"stories": story_entries()}, **changes)
        return cls(
            out_dir=paths.site_dir() / slug,
            figures_dir=paths.figures_dir() / slug,
            cache_dir=cache.story_cache(slug),
            parameters={"story": slug},
            index={
                "heading": settings.title or slug,
                "dek": settings.source or f"The story {slug}",
                "story": slug,
                "home": "../index.html",
            },
            **changes,
        )


def page_name(notebook: str | os.PathLike) -> str:
    """The page file name for a notebook: its stem without the number prefix.

    >>> page_name("notebooks/02-turnout-by-city.ipynb")
    'turnout-by-city.html'
    """
    stem = Path(notebook).stem
    return (re.sub(r"^\d+[-_ .]*", "", stem) or stem) + ".html"


def published(notebook: str | os.PathLike) -> bool:
    """Whether a notebook is a page: not one whose metadata says ``turnout.publish: false``
    (the draft review, the reporter's and never the reader's).

    >>> nbs = paths.notebooks_dir()
    >>> published(nbs / "02-turnout-by-city.ipynb"), published(nbs / "00-draft-from-article.ipynb")
    (True, False)
    """
    try:
        meta = json.loads(Path(notebook).read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return True  # unreadable: the build says so, naming the notebook
    turnout = meta.get("turnout") if isinstance(meta, dict) else None
    return not (isinstance(turnout, dict) and turnout.get("publish") is False)


def find_notebooks(folder: str | os.PathLike | None = None) -> list[Path]:
    """The notebooks to build, in reading order (file name order): every one that is a page
    (:func:`published`), so never the draft review.

    >>> [p.name for p in find_notebooks()][:2]
    ['01-clean-events.ipynb', '02-turnout-by-city.ipynb']
    """
    folder = paths.notebooks_dir() if folder is None else Path(folder)
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    return [p for p in found if published(p)]


@dataclass(frozen=True)
class _Plan:
    """Options resolved: absolute folders, the notebooks and their page names, parameters."""

    root: Path
    notebooks: list[Path]
    names: list[str]
    out: Path
    figures: Path
    manifest_path: Path
    params: dict[str, Any]
    every_notebook: bool
    #: Each notebook's injected parameters (:mod:`turnout.publisher.parameters`): the story's.
    injected: dict[Path, dict[str, Any]] = field(default_factory=dict)
    #: One line per parameter a notebook file holds that the build overrides.
    overridden: list[str] = field(default_factory=list)

    @property
    def journal(self) -> Path:
        """Where a commit lists its moves (:mod:`~turnout.publisher.staging`)."""
        return self.manifest_path.parent / "publish.json"

    @classmethod
    def of(cls, opts: BuildOptions) -> _Plan:
        nbs = find_notebooks() if opts.notebooks is None else [Path(n) for n in opts.notebooks]
        nbs = [n.resolve() for n in nbs if published(n)]
        out = Path(opts.out_dir or paths.site_dir()).resolve()
        figs = Path(opts.figures_dir or paths.figures_dir()).resolve()
        cache_dir = Path(opts.cache_dir or cache.cache_root()).resolve()
        names = [page_name(n) for n in nbs]
        if len(set(names)) != len(names) or "index.html" in names:
            dupes = sorted({n for n in names if names.count(n) > 1 or n == "index.html"})
            first = nbs[names.index(dupes[0])]
            raise NotebookError(first, f"two notebooks would both write {dupes}")
        for nb in nbs:
            if not nb.is_file():
                raise NotebookError(nb, "no such notebook")
        params = {**check_parameters(opts.parameters), "figures_dir": str(figs)}
        root = paths.project_root()
        injected, overridden = {}, []
        for nb in nbs:
            injected[nb], lines = published_parameters(nb, params, root)
            overridden += lines
        return cls(
            injected=injected,
            overridden=overridden,
            root=root,
            notebooks=nbs,
            names=names,
            out=out,
            figures=figs,
            manifest_path=cache_dir / cache.MANIFEST,
            params=params,
            every_notebook=opts.notebooks is None,
        )


def build_site(options: BuildOptions | None = None, /, **changes: Any) -> list[Page]:
    """Execute the notebooks that changed and write their pages and ``index.html``.

    ``options`` (:class:`BuildOptions`, default all defaults) with any field
    changed by keyword: ``build_site(force=True)``, ``build_site(opts, jobs=1)``.

    Returns one :class:`Page` per notebook, in order; ``Page.executed`` says
    whether this build ran it. Raises :class:`NotebookError` on a cell error,
    after which ``site/`` and ``figures/`` are exactly as the last good build left them.

    Example (a warm rebuild: nothing changed, nothing executed)::

        pages = build_site()
        [(p.path.name, p.executed) for p in pages]
        # [('clean-events.html', False), ('turnout-by-city.html', False), ...]
    """
    from turnout.publisher.staging import commit, finish_publishing

    opts = replace(options or BuildOptions(), **changes)
    plan = _Plan.of(opts)
    # A build killed while it published: its publish completes before anything else.
    finish_publishing(plan.journal)
    manifest = cache.read_manifest(plan.manifest_path)
    byline = " ".join(os.environ.get(BYLINE_ENV, "").split())
    # A new byline re-renders every page.
    shared = cache.digest(f"{cache.shared_key(plan.root)}\0{byline}".encode())
    keys = {nb: cache.notebook_key(nb, shared, plan.injected[nb]) for nb in plan.notebooks}
    for line in plan.overridden:  # an exploration saved in a notebook is not published
        print(f"turnout: note: {line}", file=sys.stderr)
    dirty = not plan.manifest_path.is_file()
    forgot, orphans = _forget_deleted(manifest, plan) if plan.every_notebook else (False, [])
    dirty = dirty or forgot

    # Stale: forced, never built, changed inputs, or a page or figure file missing or changed.
    stale = [
        nb
        for nb, name in zip(plan.notebooks, plan.names, strict=True)
        if opts.force
        or (entry := manifest["notebooks"].get(str(nb))) is None
        or entry["key"] != keys[nb]
        or not cache.outputs_intact(entry, plan.out / name)
    ]
    results: dict[Path, dict[str, Any]] = {}
    errors: list[NotebookError] = []
    if stale:
        dirty = True
        results, errors = _run(stale, plan, opts, keys, manifest, byline)
    elif opts.also_publish:  # new data, the same pages: published alone, still in one switch
        commit(opts.also_publish, plan.journal)
    if not errors:
        for old in orphans:
            old.unlink(missing_ok=True)

    pages = [
        Page(
            notebook=nb,
            path=plan.out / name,
            headline=entry["headline"],
            executed=nb in results,
            seconds=results[nb]["seconds"] if nb in results else 0.0,
            figures=tuple(Path(f) for f in entry["figures"]),
        )
        for nb, name in zip(plan.notebooks, plan.names, strict=True)
        if (entry := manifest["notebooks"].get(str(nb))) is not None
        and entry.get("published", True)
    ]
    if not errors:
        dirty = _write_index(pages, plan, opts, manifest, shared, fresh=bool(results)) or dirty
    if dirty and not errors:  # after a failure the manifest still describes the site as it is
        cache.write_manifest(plan.manifest_path, manifest)
    _warn_over_budget(p for p in pages if p.executed)
    if errors:
        first = errors[0]
        if len(errors) > 1:
            first.message += f" (and {len(errors) - 1} more notebook(s) failed)"
        raise NotebookError(first.notebook, first.message, cell=first.cell)
    return pages


def _forget_deleted(manifest: dict[str, Any], plan: _Plan) -> tuple[bool, list[Path]]:
    """Drop notebooks renamed, deleted or no longer pages (the draft review, once published)
    since the last build from the manifest; returns whether there were any, and their
    pages, to delete once the build succeeds (their figures stay: other pages or articles
    may use them)."""
    building = {str(nb) for nb in plan.notebooks}
    gone = [k for k in manifest["notebooks"] if k not in building]
    orphans = []
    for nb in gone:
        old = Path(manifest["notebooks"].pop(nb)["page"])
        if old.parent == plan.out and old.name not in plan.names:
            orphans.append(old)
    return bool(gone), orphans


def _run(
    stale: list[Path],
    plan: _Plan,
    opts: BuildOptions,
    keys: Mapping[Path, str],
    manifest: dict[str, Any],
    byline: str,
) -> tuple[dict[Path, dict[str, Any]], list[NotebookError]]:
    """Run the stale notebooks into staging folders; publish and record them if all succeed.

    Notebooks write into staging folders beside site/ and figures/; only a build with no
    error publishes their files (and the story's staged data) through one journal, so a
    failed, interrupted or killed build leaves the last good site, figures and data
    exactly as they were, and a build killed while publishing is completed by the next.
    """
    from turnout.publisher.staging import Staging
    from turnout.publisher.workers import run_all

    results: dict[Path, dict[str, Any]] = {}
    # One folder for this build's notebooks to share cleaned tables in (turnout.clean_memo).
    # build_story's folder when it made one (with the story's data in it), else the build's own.
    shared = nullcontext(opts.memo_dir) if opts.memo_dir else TemporaryDirectory(prefix="turnout-")
    with Staging(plan.out, plan.figures) as stage, shared as memo:
        jobs_list = [
            {
                "notebook": str(nb),
                "page": str(stage.site / page_name(nb)),
                "root": str(plan.root),
                "timeout": opts.timeout,
                "parameters": {**plan.injected[nb], "figures_dir": str(stage.figures)},
                "figures_dir": str(stage.figures),
                # Where pages find the published figures (their embeds), relative to the page.
                "figures_href": Path(os.path.relpath(plan.figures, plan.out)).as_posix(),
                "src_dir": str(cache.PACKAGE_DIR.parent),
                "memo_dir": memo,
                "date": ap_date(time.localtime(), year=True),
                "date_iso": time.strftime("%Y-%m-%d"),
                "byline": byline,
            }
            for nb in stale
        ]
        with _warm(jobs_list, plan.root) as kernel_socket:
            for job in jobs_list:
                job["kernel_socket"] = kernel_socket
            outcomes = run_all(jobs_list, opts.jobs, opts.progress)
        errors = [notebook_error(*o["error"]) for o in outcomes if o.get("error")]
        if errors:
            return results, errors
        for nb, outcome in zip(stale, outcomes, strict=True):
            written = outcome.get("written", True)
            if written:
                outcome["page"] = str(stage.final(Path(outcome["page"])))
            else:  # nothing to show: no page, and the one an earlier build wrote goes
                outcome["page"] = str(plan.out / page_name(nb))
            outcome["figures"] = [str(stage.final(Path(f))) for f in outcome["figures"]]
            results[nb] = outcome
        # Every page, figure and the story's data at once; then the manifest of what is out.
        stage.commit(plan.journal, also=opts.also_publish)
    for nb, outcome in results.items():
        written = outcome.get("written", True)
        if not written:
            Path(outcome["page"]).unlink(missing_ok=True)
        before = manifest["notebooks"].get(str(nb), {}).get("figures", [])
        _remove_figures_no_longer_drawn(before, outcome["figures"], plan.figures)
        manifest["notebooks"][str(nb)] = {
            "key": keys[nb],
            "page": outcome["page"],
            "published": written,
            "left_out": outcome.get("left_out", []),
            "outputs": cache.outputs_digest(Path(outcome["page"]), outcome["figures"]),
            "figures": outcome["figures"],
            "headline": outcome["headline"],
            "dek": outcome["dek"],
        }
    return results, errors


def _warm(jobs_list: list[dict[str, Any]], root: Path) -> AbstractContextManager[str | None]:
    """One warm process the build's workers and kernels fork from (:mod:`.warm`): its
    imports are done once, where each worker and each kernel would do them again. A build
    started where one is already running (its socket in ``TURNOUT_KERNEL_SOCKET``: a
    script or test session building many sites) forks from that one."""
    from turnout.publisher.execute import kernel_env
    from turnout.publisher.warm import running, warm_process

    already = running(os.environ)
    if already:
        return nullcontext(already)
    return warm_process(kernel_env(jobs_list[0], os.environ), root)


def _remove_figures_no_longer_drawn(
    before: Iterable[str], now: Iterable[str], figures: Path
) -> None:
    """A chart this notebook drew last time and not now (left out, renamed): its files go,
    so no article takes a chart the data no longer supports. Only files in the build's own
    figures folder are touched."""
    for old in set(before) - set(now):
        path = Path(old)
        if path.parent == figures:
            path.unlink(missing_ok=True)


def _write_index(
    pages: list[Page],
    plan: _Plan,
    opts: BuildOptions,
    manifest: dict[str, Any],
    shared: str,
    *,
    fresh: bool,
) -> bool:
    """Write ``index.html`` when it changed (or a page was rebuilt); a story's build also
    records how the site's index lists it. Returns whether the manifest changed."""
    from turnout.publisher.index import Entry, index_html, left_out_line

    index = plan.out / "index.html"
    listing = [
        Entry(p.path.name, p.headline, manifest["notebooks"][str(p.notebook)]["dek"]) for p in pages
    ]
    options = dict(opts.index)
    options["stories"] = [Entry(*s) for s in options.get("stories", ())]
    options["left_out"] = left_out_line(manifest, plan.notebooks)
    index_key = cache.digest(json.dumps([shared, listing, options]).encode())
    if not fresh and index.is_file() and manifest["index"].get(str(index)) == index_key:
        return False
    plan.out.mkdir(parents=True, exist_ok=True)
    atomic_write(index, index_html(listing, **options))
    manifest["index"][str(index)] = index_key
    if options.get("story"):
        manifest["story"] = {
            "slug": options["story"],
            "title": options.get("heading", options["story"]),
            "dek": options.get("dek", ""),
            "index": str(index),
        }
    return True


def _warn_over_budget(pages: Iterable[Page]) -> None:
    for page in pages:
        size = page.path.stat().st_size
        if size > PAGE_BUDGET:
            print(
                f"turnout: warning: {display_path(page.path)} is {size / 1024:.0f} KB, "
                f"over the {PAGE_BUDGET // 1024} KB page budget",
                file=sys.stderr,
            )


def build_story(
    story: str | None = None,
    *,
    force: bool = False,
    timeout: int = 600,
    jobs: int | None = None,
    progress: bool | None = None,
) -> list[Page]:
    """Clean a story's data (when it changed) and build its pages; what ``turnout build`` runs.

    The default story (None, or the seed's name) builds into ``site/`` and
    ``figures/``; another (``turnout new SLUG``) into ``site/SLUG/`` and
    ``figures/SLUG/``, and ``site/index.html`` then lists it too. Either way its
    raw CSV is cleaned first (:func:`turnout.dataset.clean_story`: the report goes
    to stderr) and its settings checked against it, before any notebook runs. Example::

        pages = build_story("may-day-2026")
        pages[0].path  # site/may-day-2026/clean-events.html
    """
    from turnout.publisher.index import write_site_index
    from turnout.stories import DEFAULT_STORY

    slug = story or DEFAULT_STORY
    # The story's data, when cleaned here, is left for the notebooks too (turnout.clean_memo).
    with TemporaryDirectory(prefix="turnout-") as memo:
        settings, data, record = _stage_data(slug, memo)
        try:
            opts = BuildOptions.for_story(
                settings, force=force, timeout=timeout, jobs=jobs, progress=progress
            )
            pages = build_site(replace(opts, also_publish=tuple(data), memo_dir=memo))
        finally:
            _discard_staged(data)  # published by now, or never to be
    record()  # the data is published: remember it was cleaned
    if slug != DEFAULT_STORY:
        write_site_index()
    return pages


def clean_data(slug: str) -> Any:
    """Clean a story's raw data into ``data/processed/`` unless its raw file, codebook and
    turnout's code are unchanged since the last time and the files are intact (that check
    imports no pandas); say where the files went, and keep the report (counts, rejected
    rows, warnings) in the story's manifest for the build's closing summary
    (:mod:`turnout.publisher.summary`). Returns the story's settings."""
    from turnout.publisher.staging import commit

    settings, data, record = _stage_data(slug)
    try:
        commit(data, cache.story_cache(slug) / "publish.json")
    finally:
        _discard_staged(data)
    record()
    return settings


def _stage_data(
    slug: str, memo: str | None = None
) -> tuple[Any, list[tuple[Path, Path]], Callable[[], None]]:
    """The story's settings; its data cleaned into a staging folder beside
    ``data/processed/`` when it changed, as (staged, final) pairs to publish; and what
    records it as cleaned (with the report, for the build's closing summary) once
    published. A table cleaned here is left in ``memo`` for the build's notebooks."""
    from turnout.publisher.staging import commit, finish_publishing, new_staging
    from turnout.stories import read_story, story_paths

    finish_publishing(cache.story_cache(slug) / "publish.json")  # a clean_data killed mid-way
    settings = read_story(slug)
    assert settings.data_path is not None  # a story read by its slug always names its file
    manifest_path = cache.story_cache(slug) / cache.MANIFEST
    manifest = cache.read_manifest(manifest_path)
    key = cache.files_key(Path(settings.data_path), story_paths(slug)[1])
    done = manifest.get("data", {})
    written = done.get("files", [])
    if (
        done.get("key") == key
        and done.get("report")
        and written
        and cache.outputs_digest(Path(written[0]), written[1:]) == done.get("outputs")
    ):
        return settings, [], lambda: None
    from turnout.clean import Cleaned
    from turnout.clean_memo import keep
    from turnout.dataset import clean_story

    final_dir = paths.processed_dir()
    staging = new_staging(final_dir)
    try:
        settings, report = clean_story(slug, output_dir=staging)
    except DataError:
        # No usable rows: the rejected rows are published alone, for their reasons.
        staged = [p for p in staging.iterdir() if p.name.endswith(".rejected.csv")]
        commit([(p, final_dir / p.name) for p in staged], cache.story_cache(slug) / "publish.json")
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if memo and settings.data_path:  # the notebooks open the file as it was read here: "auto"
        keep(settings.data_path, "auto", Cleaned(report.events, report.rejected), memo)
    events, rejected = final_dir / report.events_path.name, final_dir / report.rejected_path.name
    shown = report._replace(events_path=events, rejected_path=rejected)

    def record() -> None:
        # Said once the data is published, never while it is only staged: "wrote ..."; the
        # rest closes the build.
        print(shown.details()[-1], file=sys.stderr)
        files = [str(events), str(rejected)]
        # Read again: the build may share this manifest (the default story) and wrote it.
        manifest = cache.read_manifest(manifest_path)
        manifest["data"] = {
            "key": key,
            "files": files,
            "outputs": cache.outputs_digest(events, files[1:]),
            "report": {
                "data": display_path(settings.data_path),
                "clean": len(report.events),
                "rejected": [
                    {"row": int(r["row"]), "reason": str(r["reason"])}
                    for r in report.rejected[["row", "reason"]].to_dict("records")
                ],
                "warnings": [*report.input_warnings, *_place_notes(report, settings.data_path)],
            },
        }
        cache.write_manifest(manifest_path, manifest)

    return settings, [(report.events_path, events), (report.rejected_path, rejected)], record


def _discard_staged(data: list[tuple[Path, Path]]) -> None:
    """Delete the staging folder of data that was not published (or is, and left it empty)."""
    for staged, _ in data[:1]:
        shutil.rmtree(staged.parent, ignore_errors=True)


def _place_notes(report: Any, data: Any) -> list[str]:
    """A place the gazetteer corrected ("'Tuscon' read as 'Tucson'"), one line per row, for
    the build's summary: the row is used, the desk checks the spelling."""
    from turnout.errors import DataError

    events = report.events
    if "place_note" not in events:
        return []
    return [
        str(DataError(note, path=display_path(data), row=int(row), column="locality"))
        for row, note in zip(events["row"], events["place_note"], strict=True)
        if isinstance(note, str) and note
    ]
