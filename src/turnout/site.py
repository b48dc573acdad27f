"""Notebooks to newsroom pages: execute, render, cache (what ``turnout build`` runs).

Every notebook in ``notebooks/`` is executed top to bottom with nbclient
(kernel ``python3``, working directory the project root), its charts are
saved to ``figures/`` by the notebook itself, and the result is rendered to
``site/NAME.html`` (NAME is the notebook's stem without its number prefix:
``02-turnout-by-city.ipynb`` -> ``turnout-by-city.html``) with turnout's own
nbconvert template. ``site/index.html`` links every page by its headline,
the notebook's first ``# `` heading.

The build is cached by content: a notebook whose source, data files
(``data/raw/**``) and library code (``src/turnout/**``, templates and style
included) are unchanged since its last build, and whose page and figures
still exist, is neither executed nor rendered. That warm path reads a few
files and hashes them; it imports no pandas, matplotlib, nbclient or
nbconvert, so ``turnout build`` with nothing to do takes a fraction of a
second.

Another story (``turnout new SLUG``) is built by :func:`build_story` into
``site/SLUG/`` and ``figures/SLUG/``; ``site/index.html`` then lists it too.

Notebooks run in parallel worker processes (one kernel each), with a
progress bar per notebook. They write their pages and figures into staging
folders beside ``site/`` and ``figures/``; only when every notebook succeeded
are those files moved into place (``os.replace``, index last). A cell error
raises :class:`NotebookError`, one line naming the notebook and the cell, which
the ``turnout`` command prints with a non-zero exit status, and leaves the last
good site and figures exactly as they were.
"""

from __future__ import annotations

import ast
import hashlib
import html
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from turnout import paths
from turnout.errors import DataError
from turnout.paths import atomic_write as _atomic_write
from turnout.paths import display_path as _display_path

PACKAGE_DIR = Path(__file__).resolve().parent
#: Folder holding turnout's nbconvert templates (passed as ``extra_template_basedirs``).
TEMPLATES_DIR = PACKAGE_DIR / "templates"
TEMPLATE_NAME = "turnout"
# Builds run the Python that runs the build (jupyter_client maps "python3" to it), so a
# fresh clone builds without a registered kernel; nbclient's kernel_name overrides the
# notebooks' own kernelspec ("turnout", which `make lab` registers in .venv for JupyterLab).
KERNEL_NAME = "python3"
#: Environment variable naming the desk or author pages are credited to ("By ..."); none
#: by default: a tool's name is not a byline.
BYLINE_ENV = "TURNOUT_BYLINE"
#: A page's size budget (bytes): four charts' worth of mobile data at most.
PAGE_BUDGET = 150 * 1024
#: Bump to invalidate every cache entry when the cache's meaning changes.
CACHE_FORMAT = 1

_FIGURE_SUFFIXES = (".png", ".svg", ".csv", ".json", ".html")  # .html: the embed
# Charts a notebook saves: publish.save_chart(fig, "turnout-by-city", ...) -> "turnout-by-city".
_SAVE_CALL = re.compile(
    r"""save_(?:chart|figure)\(\s*[^,()]+,\s*(?:name\s*=\s*)?["']([^"']+)["']"""
)
# Reprs that mean "an object, not content": a page must never print them.
_RAW_REPR = re.compile(r"^\s*<(?:Figure size|matplotlib|Axes|[\w.]+ object at 0x|[\w.]+ at 0x)")
# Output markup that would make the browser fetch something from elsewhere.
_EXTERNAL = re.compile(
    r"""<script\b|<link\b|<iframe\b|@import|\bsrc\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)
_AP_MONTHS = [
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
]  # fmt: skip


@dataclass(frozen=True)
class Page:
    """One built page: which notebook, where its HTML is, and whether this build ran it."""

    notebook: Path
    path: Path
    headline: str
    executed: bool
    seconds: float = 0.0
    figures: tuple[Path, ...] = ()


class NotebookError(DataError):
    """A notebook that cannot be built, located by notebook and cell (1-based, all cells).

    >>> str(NotebookError("notebooks/02-x.ipynb", "KeyError: 'city'", cell=6))
    "notebooks/02-x.ipynb, cell 6: KeyError: 'city'"
    """

    def __init__(self, notebook: object, message: str, *, cell: int | None = None) -> None:
        self.notebook = _display_path(notebook)
        self.cell = cell
        super().__init__(message, path=self.notebook)

    def __str__(self) -> str:
        where = self.notebook + (f", cell {self.cell}" if self.cell else "")
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_notebook_error, (self.notebook, self.message, self.cell))


def _notebook_error(notebook: str, message: str, cell: int | None) -> NotebookError:
    return NotebookError(notebook, message, cell=cell)


def page_name(notebook: str | os.PathLike) -> str:
    """The page file name for a notebook: its stem without the number prefix.

    >>> page_name("notebooks/02-turnout-by-city.ipynb")
    'turnout-by-city.html'
    """
    stem = Path(notebook).stem
    return (re.sub(r"^\d+[-_ .]*", "", stem) or stem) + ".html"


def find_notebooks(folder: str | os.PathLike | None = None) -> list[Path]:
    """The notebooks to build, in reading order (file name order).

    >>> [p.name for p in find_notebooks()][:1]
    ['01-clean-events.ipynb']
    """
    folder = paths.notebooks_dir() if folder is None else Path(folder)
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def build_site(
    *,
    force: bool = False,
    timeout: int = 600,
    notebooks: Iterable[str | os.PathLike] | None = None,
    out_dir: str | os.PathLike | None = None,
    figures_dir: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = None,
    jobs: int | None = None,
    parameters: Mapping[str, Any] | None = None,
    progress: bool | None = None,
    index_options: Mapping[str, Any] | None = None,
) -> list[Page]:
    """Execute the notebooks that changed and write their pages and ``index.html``.

    ``notebooks`` defaults to every ``notebooks/*.ipynb``; ``out_dir`` to
    ``site/``; ``figures_dir`` (injected into each notebook as the
    ``figures_dir`` parameter) to ``figures/``; ``cache_dir`` to
    ``.turnout-cache/`` at the project root. ``timeout`` is seconds per cell.
    ``jobs`` is how many notebooks run at once (default: one per core).
    ``parameters`` are injected into every notebook after its ``parameters``
    cell, papermill style, and count toward the cache key. ``progress``
    shows a bar per notebook (default: when stderr is a terminal).
    ``index_options`` are the index's heading, dek, other stories and so on
    (:func:`build_story` passes them); they count toward the index's cache key.

    Returns one :class:`Page` per notebook, in order; ``Page.executed`` says
    whether this build ran it. Raises :class:`NotebookError` on a cell error.

    Example (a warm rebuild: nothing changed, nothing executed)::

        pages = build_site()
        [(p.path.name, p.executed) for p in pages]
        # [('clean-events.html', False), ('turnout-by-city.html', False), ...]
    """
    root = paths.project_root()
    nbs = find_notebooks() if notebooks is None else [Path(n) for n in notebooks]
    nbs = [n.resolve() for n in nbs]
    out = (paths.site_dir() if out_dir is None else Path(out_dir)).resolve()
    figs = (paths.figures_dir() if figures_dir is None else Path(figures_dir)).resolve()
    cache = (root / ".turnout-cache" if cache_dir is None else Path(cache_dir)).resolve()
    params = {**_check_parameters(parameters or {}), "figures_dir": str(figs)}

    names = [page_name(n) for n in nbs]
    if len(set(names)) != len(names) or "index.html" in names:
        dupes = sorted({n for n in names if names.count(n) > 1 or n == "index.html"})
        raise NotebookError(nbs[names.index(dupes[0])], f"two notebooks would both write {dupes}")
    for nb in nbs:
        if not nb.is_file():
            raise NotebookError(nb, "no such notebook")

    manifest_path = cache / "manifest.json"
    manifest = _read_manifest(manifest_path)
    byline = " ".join(os.environ.get(BYLINE_ENV, "").split())
    shared = _digest(f"{_shared_key(root)}\0{byline}".encode())  # a new byline re-renders
    keys = {nb: _notebook_key(nb, shared, params) for nb in nbs}
    dirty = not manifest_path.is_file()
    orphans: list[Path] = []
    if notebooks is None:
        # A notebook renamed or deleted leaves no orphan page behind (its figures stay:
        # other pages or articles may use them), once the build succeeds.
        for gone in [k for k in manifest["notebooks"] if not Path(k).is_file()]:
            old = Path(manifest["notebooks"].pop(gone)["page"])
            if old.parent == out and old.name not in names:
                orphans.append(old)
            dirty = True

    # Stale: forced, never built, changed inputs, or a page or figure file missing or changed.
    stale = [
        nb
        for nb, name in zip(nbs, names, strict=True)
        if force
        or (entry := manifest["notebooks"].get(str(nb))) is None
        or entry["key"] != keys[nb]
        or not _outputs_intact(entry, out / name)
    ]

    results: dict[Path, dict[str, Any]] = {}
    errors: list[NotebookError] = []
    if stale:
        dirty = True
        # Notebooks write into staging folders beside site/ and figures/; only a build with
        # no error moves their files into place, so a failed build leaves the last good
        # site and figures exactly as they were.
        with _Staging(out, figs) as stage:
            jobs_list = [
                {
                    "notebook": str(nb),
                    "page": str(stage.site / page_name(nb)),
                    "root": str(root),
                    "timeout": timeout,
                    "parameters": {**params, "figures_dir": str(stage.figures)},
                    "figures_dir": str(stage.figures),
                    "src_dir": str(PACKAGE_DIR.parent),
                    "date": _ap_date(time.localtime()),
                    "byline": byline,
                }
                for nb in stale
            ]
            outcomes = _run_all(jobs_list, jobs, progress)
            errors = [_notebook_error(*o["error"]) for o in outcomes if o.get("error")]
            if not errors:
                for nb, outcome in zip(stale, outcomes, strict=True):
                    outcome["page"] = str(stage.publish(Path(outcome["page"])))
                    outcome["figures"] = [str(stage.publish(Path(f))) for f in outcome["figures"]]
                    results[nb] = outcome
                    manifest["notebooks"][str(nb)] = {
                        "key": keys[nb],
                        "page": outcome["page"],
                        "outputs": _outputs_digest(Path(outcome["page"]), outcome["figures"]),
                        "figures": outcome["figures"],
                        "headline": outcome["headline"],
                        "dek": outcome["dek"],
                    }
                stage.publish_rest()
    if not errors:
        for old in orphans:
            old.unlink(missing_ok=True)

    pages = []
    for nb, name in zip(nbs, names, strict=True):
        entry = manifest["notebooks"].get(str(nb))
        if entry is None:
            continue
        ran = results.get(nb)
        pages.append(
            Page(
                notebook=nb,
                path=out / name,
                headline=entry["headline"],
                executed=ran is not None,
                seconds=ran["seconds"] if ran else 0.0,
                figures=tuple(Path(f) for f in entry["figures"]),
            )
        )

    if not errors:
        index = out / "index.html"
        listing = [
            (p.path.name, p.headline, manifest["notebooks"][str(p.notebook)]["dek"]) for p in pages
        ]
        options = dict(index_options or {})
        index_key = _digest(json.dumps([shared, listing, options]).encode())
        if results or not index.is_file() or manifest.get("index", {}).get(str(index)) != index_key:
            out.mkdir(parents=True, exist_ok=True)
            _atomic_write(index, _index_html(listing, **options))
            manifest.setdefault("index", {})[str(index)] = index_key
            dirty = True
    if dirty and not errors:  # after a failure the manifest still describes the site as it is
        _write_manifest(manifest_path, manifest)
    for page in pages:
        if page.executed and page.path.stat().st_size > PAGE_BUDGET:
            print(
                f"turnout: warning: {_display_path(page.path)} is "
                f"{page.path.stat().st_size / 1024:.0f} KB, over the "
                f"{PAGE_BUDGET // 1024} KB page budget",
                file=sys.stderr,
            )
    if errors:
        first = errors[0]
        if len(errors) > 1:
            first.message += f" (and {len(errors) - 1} more notebook(s) failed)"
        raise NotebookError(first.notebook, first.message, cell=first.cell)
    return pages


# --------------------------------------------------------------------------- staging


class _Staging:
    """Temporary ``site`` and ``figures`` folders beside the real ones (same file system),
    and the moves that publish their files.

    ``publish(path)`` moves one staged file to the same place under the real folder with
    ``os.replace`` (atomic: a reader sees the old file or the new one, never half of one)
    and returns where it went; ``publish_rest()`` moves whatever else the notebooks
    wrote. Files the build did not write (other pages, a story's subfolder) are never
    touched. Leaving the ``with`` block deletes the staging folders and anything still
    in them, so a failed build leaves only the real folders, unchanged.
    """

    def __init__(self, site: Path, figures: Path) -> None:
        self.targets = {"site": site, "figures": figures}
        self.roots: dict[str, Path] = {}

    def __enter__(self) -> _Staging:
        import tempfile

        for kind, target in self.targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            self.roots[kind] = Path(
                tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent)
            )
        return self

    @property
    def site(self) -> Path:
        return self.roots["site"]

    @property
    def figures(self) -> Path:
        return self.roots["figures"]

    def publish(self, path: Path) -> Path:
        for kind, root in self.roots.items():
            if path.is_relative_to(root):
                final = self.targets[kind] / path.relative_to(root)
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, final)
                return final
        return path  # not staged (a notebook wrote somewhere else): already in place

    def publish_rest(self) -> None:
        for root in self.roots.values():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                self.publish(path)

    def __exit__(self, *exc: object) -> None:
        import shutil

        for root in self.roots.values():
            shutil.rmtree(root, ignore_errors=True)


# --------------------------------------------------------------------------- cache


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash_tree(h: Any, folder: Path, base: Path) -> None:
    """Feed every file under ``folder`` (names and bytes) into ``h``; caches are skipped."""
    if not folder.is_dir():
        return
    for p in sorted(folder.rglob("*")):
        if "__pycache__" in p.parts or p.suffix in (".pyc", ".pyo") or not p.is_file():
            continue
        h.update(str(p.relative_to(base)).encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())


def _shared_key(root: Path) -> str:
    """What every page depends on: the raw data, the saved weather (when there is a file)
    and turnout's code, templates and style."""
    h = hashlib.sha256(f"turnout-site {CACHE_FORMAT}".encode())
    _hash_tree(h, paths.raw_dir(), root)
    weather = paths.weather_path()
    if weather.is_file():  # absent: the key is what it was before weather existed
        h.update(b"weather\0" + hashlib.sha256(weather.read_bytes()).digest())
    _hash_tree(h, PACKAGE_DIR, PACKAGE_DIR.parent)
    return h.hexdigest()


def _notebook_key(nb: Path, shared: str, params: Mapping[str, Any]) -> str:
    """One notebook's cache key: its bytes, the shared key, its parameters and their files."""
    h = hashlib.sha256(shared.encode())
    h.update(nb.read_bytes())
    h.update(json.dumps(params, sort_keys=True, default=str).encode())
    for value in params.values():
        # A parameter naming a data file (data_path="...") makes that file an input too.
        if isinstance(value, str) and len(value) < 4096:
            p = Path(value)
            if p.is_file():
                h.update(p.read_bytes())
    return h.hexdigest()


def _outputs_digest(page: Path, figures: Iterable[str]) -> str:
    """One hash of a page and its figure files as written (a missing file hashes as absent)."""
    h = hashlib.sha256()
    for f in [page, *map(Path, sorted(figures))]:
        h.update(str(f).encode() + b"\0")
        h.update(f.read_bytes() if f.is_file() else b"\0missing\0")
    return h.hexdigest()


def _outputs_intact(entry: Mapping[str, Any], page: Path) -> bool:
    """The page and figures are the ones this build wrote: none missing, none overwritten
    (a script that saved its own chart under the same name makes the notebook run again)."""
    return entry.get("page") == str(page) and entry.get("outputs") == _outputs_digest(
        page, entry.get("figures", [])
    )


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return {"format": CACHE_FORMAT, "notebooks": {}, "index": {}}
    data.setdefault("notebooks", {})
    data.setdefault("index", {})
    return data


def _write_manifest(path: Path, manifest: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, json.dumps(manifest, indent=1, sort_keys=True))


def _check_parameters(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as plain literals (paths become strings); anything else is refused."""
    clean: dict[str, Any] = {}
    for name, value in params.items():
        if not str(name).isidentifier():
            raise ValueError(f"parameter name {name!r} is not a Python name")
        value = str(value) if isinstance(value, os.PathLike) else value
        try:
            ok = ast.literal_eval(repr(value)) == value
        except (ValueError, SyntaxError):
            ok = False
        if not ok:
            raise ValueError(f"parameter {name}={value!r} is not a plain literal")
        clean[str(name)] = value
    return clean


def _ap_date(t: time.struct_time) -> str:
    return f"{_AP_MONTHS[t.tm_mon - 1]} {t.tm_mday}, {t.tm_year}"


# --------------------------------------------------------------------------- running


def _run_all(
    jobs_list: list[dict[str, Any]], jobs: int | None, progress: bool | None
) -> list[dict[str, Any]]:
    """Run every job in worker processes, a progress bar each; results in job order.

    Each worker is a fresh ``python`` running :func:`_worker_main`, fed jobs as
    JSON lines and answering with progress and result lines. Unlike a
    multiprocessing pool this needs no ``if __name__ == "__main__"`` guard in
    the caller's script and inherits no threads, sockets or event loops from it
    (the caller may be pytest or a notebook).
    """
    import queue as queues
    import subprocess
    import threading

    from tqdm import tqdm  # the cold path only: the warm path never shows a bar

    workers = max(1, min(jobs or os.cpu_count() or 1, len(jobs_list)))
    disable = None if progress is None else not progress  # None: only on a terminal
    bars = [
        tqdm(
            total=None,
            desc=Path(j["notebook"]).stem,
            unit="cell",
            position=i,
            leave=True,
            disable=disable,
            dynamic_ncols=True,
        )
        for i, j in enumerate(jobs_list)
    ]
    lock = threading.Lock()
    pending: queues.Queue[int] = queues.Queue()
    for i in range(len(jobs_list)):
        pending.put(i)
    results: list[dict[str, Any] | None] = [None] * len(jobs_list)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(PACKAGE_DIR.parent), env.get("PYTHONPATH")])
    )
    command = [sys.executable, "-c", "from turnout.site import _worker_main; _worker_main()"]

    def drive() -> None:
        proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True, bufsize=1
        )
        assert proc.stdin is not None and proc.stdout is not None
        try:
            while True:
                try:
                    i = pending.get_nowait()
                except queues.Empty:
                    return
                proc.stdin.write(json.dumps(jobs_list[i]) + "\n")
                proc.stdin.flush()
                for line in proc.stdout:
                    msg = json.loads(line)
                    if msg["kind"] == "result":
                        results[i] = msg["result"]
                        break
                    with lock:
                        if msg["kind"] == "total":
                            bars[i].reset(total=msg["n"])
                        elif msg["kind"] == "cell":
                            bars[i].update(msg["n"])
                else:
                    return  # the worker died; its job is reported below
        finally:
            proc.stdin.close()
            proc.wait()

    threads = [threading.Thread(target=drive, daemon=True) for _ in range(workers)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for bar in bars:
            bar.close()
    return [
        r if r is not None else {"error": [j["notebook"], "the build worker process died", None]}
        for r, j in zip(results, jobs_list, strict=True)
    ]


def _worker_main() -> None:
    """A build worker: read jobs (JSON lines) on stdin, answer on stdout, until stdin closes."""
    # nbformat imports jsonschema, whose optional IRI-format checker (rfc3987_syntax) compiles
    # a grammar at import: a second of CPU per process, for a format no notebook schema uses.
    # This process is ours and short-lived, so skip that optional module here.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
    # The protocol gets a private copy of stdout; fd 1 becomes stderr so that nothing else
    # (a kernel inherits fd 1) can write into the protocol stream.
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)

    def send(msg: dict[str, Any]) -> None:
        proto.write(json.dumps(msg) + "\n")

    for line in sys.stdin:
        job = json.loads(line)
        try:
            result = _build_one(job, lambda kind, n: send({"kind": kind, "n": n}))
        except Exception as err:  # a bug in the build itself: one line up, traceback to stderr
            import traceback

            traceback.print_exc()
            result = {"error": [job["notebook"], f"internal build error: {err!r}", None]}
        send({"kind": "result", "result": result})


def _build_one(job: dict[str, Any], report: Callable[[str, int], None]) -> dict[str, Any]:
    """Execute one notebook and write its page; errors come back as data, not exceptions."""
    t0 = time.perf_counter()
    nb_path = Path(job["notebook"])
    try:
        nb = _execute(job, report)
        _check_outputs(nb, nb_path)
        story = _story(nb, nb_path)
        page_html = _render(nb, story, job)
    except NotebookError as err:
        return {"error": (err.notebook, err.message, err.cell)}
    finally:
        report("done", 0)
    page = Path(job["page"])
    _atomic_write(page, page_html)
    figures = sorted(
        str(p)
        for name in _figure_names(nb)
        for p in Path(job["figures_dir"]).glob(f"{name}.*")
        if p.suffix in _FIGURE_SUFFIXES
    )
    return {
        "page": str(page),
        "figures": figures,
        "headline": story["headline"],
        "dek": story["dek_text"],
        "seconds": time.perf_counter() - t0,
    }


def _figure_names(nb: Any) -> list[str]:
    return sorted(
        {m for c in nb.cells if c.cell_type == "code" for m in _SAVE_CALL.findall(c.source)}
    )


def _execute(job: dict[str, Any], report: Callable[[str, int], None]) -> Any:
    """Run the notebook in a fresh ``python3`` kernel in the project root; returns it executed."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb_path = Path(job["notebook"])
    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception as err:  # a broken .ipynb: name it, do not dump a traceback
        raise NotebookError(nb_path, f"is not a readable notebook ({err})") from None
    injected = _inject_parameters(nb, nb_path, job["parameters"])
    report("total", sum(c.cell_type == "code" for c in nb.cells))

    def original(index: int) -> int | None:
        """1-based cell number in the notebook file (the injected cell is not in it)."""
        if injected is not None and index == injected:
            return None
        return index + (0 if injected is None or index < injected else -1) + 1

    current: dict[str, int] = {"index": 0}

    def on_start(cell: Any, cell_index: int) -> None:
        current["index"] = cell_index

    def on_done(cell: Any, cell_index: int, execute_reply: Any) -> None:
        report("cell", 1)

    env = dict(os.environ)
    # The kernel must import this turnout (the checkout's), installed or not.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [job["src_dir"], env.get("PYTHONPATH")]))
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # silence debugpy's frozen-module note
    client = NotebookClient(
        nb,
        config=_kernel_config(),
        timeout=job["timeout"],
        kernel_name=KERNEL_NAME,
        resources={"metadata": {"path": job["root"]}},
        on_cell_start=on_start,
        on_cell_executed=on_done,
        # Outputs and figure files are written by the time the last cell returns; a graceful
        # kernel shutdown only adds most of a second per notebook.
        shutdown_kernel="immediate",
    )
    try:
        client.execute(env=env)
    except CellExecutionError as err:
        cell = nb.cells[current["index"]]
        where = original(current["index"])
        first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
        first = first if len(first) <= 60 else first[:57] + "..."
        evalue = " ".join(str(err.evalue).split())
        message = f"{err.ename}: {evalue}" + (f" (in `{first}`)" if first else "")
        if where is None:
            message = f"bad injected parameters: {message}"
        raise NotebookError(nb_path, message, cell=where) from None
    except CellTimeoutError:
        raise NotebookError(
            nb_path, f"cell ran longer than {job['timeout']} s", cell=original(current["index"])
        ) from None
    except DeadKernelError as err:
        raise NotebookError(
            nb_path, f"the kernel died ({err})", cell=original(current["index"])
        ) from None
    return nb


def _kernel_config() -> Any:
    """Kernel manager settings: CurveZMQ keys when pyzmq has them, so the kernel does not run
    (and warn about running) over plain-text TCP."""
    import zmq
    from traitlets.config import Config

    config = Config()
    if zmq.has("curve"):
        config.KernelManager.transport_encryption = "auto"
    return config


def _inject_parameters(nb: Any, nb_path: Path, params: Mapping[str, Any]) -> int | None:
    """Insert a cell setting ``params`` right after the ``parameters`` cell; returns its index."""
    import nbformat

    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    if not tagged:
        raise NotebookError(nb_path, "has no cell tagged 'parameters' to inject figures_dir into")
    source = "# Parameters injected by turnout build\n" + "\n".join(
        f"{name} = {value!r}" for name, value in params.items()
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(tagged[0] + 1, cell)
    return tagged[0] + 1


def _check_outputs(nb: Any, nb_path: Path) -> None:
    """Refuse outputs a newspaper would not print: charts without alt text, raw reprs,
    and markup that would load something from another site."""
    n = 0
    for cell in nb.cells:
        if "injected-parameters" not in cell.metadata.get("tags", []):
            n += 1
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            plain = data.get("text/plain", "")
            for mime in ("image/png", "image/jpeg", "image/svg+xml"):
                if mime in data:
                    alt = out.get("metadata", {}).get(mime, {}).get("alt") or plain
                    if not str(alt).strip() or _RAW_REPR.match(str(alt)):
                        raise NotebookError(
                            nb_path,
                            "shows a chart without alt text; display charts with "
                            "turnout.show.show_chart(fig)",
                            cell=n,
                        )
            only_text = not (set(data) - {"text/plain"})
            if only_text and _RAW_REPR.match(str(plain)):
                raise NotebookError(
                    nb_path,
                    f"would print {str(plain).splitlines()[0]!r} on the page; show charts "
                    "with show_chart(fig) and end other lines with an assignment",
                    cell=n,
                )
            markup = str(data.get("text/html", "")) + str(data.get("image/svg+xml", ""))
            found = _EXTERNAL.search(markup)
            if found:
                raise NotebookError(
                    nb_path,
                    f"output contains {found.group(0)!r}: pages load nothing from elsewhere",
                    cell=n,
                )


def _strip_markdown(text: str) -> str:
    """Heading text without markdown markup (links keep their words)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def _story(nb: Any, nb_path: Path) -> dict[str, str]:
    """The page's head and foot, taken out of the body.

    - ``kicker`` and ``headline``: the notebook's first ``# `` heading is the
      question it asks. When an output carries a computed finding (a chart's
      headline, in output metadata ``turnout.headline``), the page leads with that
      finding and the question becomes the kicker above it, so a page built from
      other data never prints a headline about the seed story.
    - ``dek``: the paragraph under the ``# `` heading.
    - ``source``: cells tagged ``source``: a markdown cell's text, or the markdown
      a code cell displays (``turnout.show.source_note``, computed from the data).
    """
    question = dek = ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        at = next((i for i, ln in enumerate(lines) if re.match(r"#\s+\S", ln)), None)
        if at is None:
            continue
        question = _strip_markdown(lines[at].lstrip("#"))
        rest = lines[at + 1 :]
        while rest and not rest[0].strip():
            rest.pop(0)
        para: list[str] = []
        while rest and rest[0].strip() and not re.match(r"\s*(#|[-*+]\s|\d+[.)]\s|>|\|)", rest[0]):
            para.append(rest.pop(0))
        dek = "\n".join(para)
        cell.source = "\n".join(lines[:at] + rest).strip()
        break
    if not question:
        raise NotebookError(nb_path, "has no '# ' headline in a markdown cell")
    finding = next(
        (
            " ".join(str(out.get("metadata", {}).get("turnout", {}).get("headline", "")).split())
            for cell in nb.cells
            if cell.cell_type == "code"
            for out in cell.get("outputs", [])
            if out.get("metadata", {}).get("turnout", {}).get("headline")
        ),
        "",
    )
    source_cells = [c for c in nb.cells if "source" in c.metadata.get("tags", [])]
    notes = []
    for c in source_cells:
        if c.cell_type == "markdown":
            notes.append(c.source)
        for out in c.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:
                notes.append(data["text/markdown"])
            elif "text/plain" in data:
                notes.append(html.escape(data["text/plain"]))
    nb.cells = [
        c
        for c in nb.cells
        if c not in source_cells and (c.cell_type != "markdown" or c.source.strip())
    ]
    return {
        "headline": finding or question,
        "kicker": question if finding else "",
        "dek": dek,
        "dek_text": _strip_markdown(dek),
        "source": "\n\n".join(notes),
    }


def _is_raw_repr(text: object) -> bool:
    return bool(_RAW_REPR.match(str(text)))


def _render(nb: Any, story: Mapping[str, str], job: Mapping[str, Any]) -> str:
    """The executed notebook as a page, through turnout's nbconvert template."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    c = Config()
    c.HTMLExporter.template_name = TEMPLATE_NAME
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.exclude_anchor_links = True
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = {
        "parameters",
        "injected-parameters",
        "remove-cell",
        "remove_cell",
    }
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output", "remove_output"}
    exporter = HTMLExporter(config=c)
    exporter.register_filter("is_raw_repr", _is_raw_repr)
    resources = {
        "turnout": {
            **story,
            "byline": job.get("byline", ""),
            "date": job["date"],
            "index_href": "index.html",
        }
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


# --------------------------------------------------------------------------- index


def _index_html(
    listing: Sequence[tuple[str, str, str]],
    *,
    heading: str = "Protest turnout, counted from the source’s own words",
    dek: str = (
        "Every crowd size and temperature on these pages is traced to the words a source "
        "printed, and coded by rules a reader can check."
    ),
    stories: Sequence[tuple[str, str, str]] = (),
    story: str = "",
    home: str = "index.html",
) -> str:
    """``index.html``: every page, linked by its headline, with its dek; same type as pages.

    ``stories`` (href, title, source) are other stories' indexes, listed under the pages;
    ``story`` marks a story's own index (its slug, read back by :func:`story_indexes`);
    ``home`` is where the masthead links (a story's index links back to the site's).
    """
    css = (TEMPLATES_DIR / TEMPLATE_NAME / "turnout.css").read_text(encoding="utf-8")
    esc = html.escape

    def items(rows: Sequence[tuple[str, str, str]]) -> str:
        return "\n".join(
            f'<li><a href="{esc(href)}">{esc(title)}</a>'
            + (f"<p>{esc(note)}</p>" if note else "")
            + "</li>"
            for href, title, note in rows
        )

    meta = (
        f'\n<meta name="turnout-story" content="{esc(story)}">'
        f'\n<meta name="description" content="{esc(dek)}">'
        if story
        else ""
    )
    pages = f'<ul class="index-list">\n{items(listing)}\n</ul>\n' if listing or not stories else ""
    others = (
        '<section class="stories">\n<h2>Other stories</h2>\n'
        f'<ul class="index-list story-list">\n{items(stories)}\n</ul>\n</section>\n'
        if stories
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; \
style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="generator" content="turnout">{meta}
<title>{esc(heading) if story else "turnout: protest counts, sourced"}</title>
<style>
{css}
</style>
</head>
<body>
<main class="story">
<nav class="masthead"><a href="{esc(home)}">turnout</a></nav>
<header class="story-head">
<h1>{esc(heading)}</h1>
<div class="dek"><p>{esc(dek)}</p></div>
</header>
{pages}{others}</main>
</body>
</html>
"""


# --------------------------------------------------------------------------- stories


def build_story(
    story: str | None = None,
    *,
    force: bool = False,
    timeout: int = 600,
    jobs: int | None = None,
    progress: bool | None = None,
) -> list[Page]:
    """Build one story's pages and refresh ``site/index.html``, which lists every story built.

    The default story (None, or the seed's name) builds into ``site/`` and
    ``figures/``, exactly as :func:`build_site`. Another story (``turnout new
    SLUG``) is cleaned first (``data/processed/SLUG.csv`` and its
    ``.rejected.csv``), then the same notebooks run with ``story="SLUG"``
    injected, into ``site/SLUG/`` and ``figures/SLUG/``, with an index of its
    own that links back to the site's. Example::

        pages = build_story("may-day-2026")
        pages[0].path  # site/may-day-2026/clean-events.html
    """
    from turnout.stories import DEFAULT_STORY

    if story is None or story == DEFAULT_STORY:
        # The site's index is this build's index, listing the other stories too: written
        # only when it changed, like every page (a warm build writes nothing).
        stories = story_indexes(paths.site_dir())
        return build_site(
            force=force,
            timeout=timeout,
            jobs=jobs,
            progress=progress,
            index_options={"stories": stories},
        )
    settings = clean_story(story)
    root = paths.project_root()
    pages = build_site(
        force=force,
        timeout=timeout,
        jobs=jobs,
        progress=progress,
        out_dir=paths.site_dir() / story,
        figures_dir=paths.figures_dir() / story,
        cache_dir=root / ".turnout-cache" / "stories" / story,
        parameters={"story": story},
        index_options={
            "heading": settings.title or story,
            "dek": settings.source or f"The story {story}",
            "story": story,
            "home": "../index.html",
        },
    )
    write_site_index()
    return pages


def clean_story(story: str) -> Any:
    """Clean a story's raw CSV into ``data/processed/SLUG.csv`` (as ``turnout clean`` does),
    check its settings against the data, and return them. A story with no rows yet, or a
    setting the data cannot meet (a city it lacks, a period with no events), is an error
    naming the file to fix, before any notebook runs. The summary names each rejected
    row, its reason and where the rejected rows went."""
    from turnout.clean import clean_events, read_raw, unquoted_words, write_cleaned
    from turnout.stories import read_story, story_paths

    settings = read_story(story)
    raw = read_raw(settings.data_path)
    cleaned = clean_events(raw)
    if len(cleaned.events) + len(cleaned.rejected) == 0:
        raise DataError(
            f"no rows yet: add one row per protest (the codebook is {story}.md)",
            path=_display_path(settings.data_path),
        )
    check_settings(settings, cleaned.events, codebook=story_paths(story)[1])
    out, rejected = write_cleaned(cleaned, paths.processed_dir() / f"{story}.csv")
    print(_clean_summary(cleaned.events, cleaned.rejected, out, rejected), file=sys.stderr)
    # The words a number comes from must be the source's: the seed's own test, for every story.
    for line in unquoted_words(raw, path=_display_path(settings.data_path)):
        print(f"turnout: warning: {line}", file=sys.stderr)
    return settings


def check_settings(settings: Any, events: Any, *, codebook: object) -> None:
    """Refuse settings the data cannot meet, naming the codebook and the setting.

    A misspelt city or a period with no events would otherwise fail inside a
    notebook; here it is one line a reporter can act on::

        check_settings(read_story("may-day-2026"), events, codebook="data/raw/may-day-2026.md")
        # DataError: data/raw/may-day-2026.md, setting 'cities': no events in city 'Bosie'; ...
    """
    where = _display_path(codebook)
    try:
        chosen = settings.select(events)
    except ValueError as err:
        raise DataError(f"setting 'cities': {err}", path=where) from None
    if len(chosen) == 0 and len(events):
        days = events["date"].dropna()
        raise DataError(
            f"settings 'start'/'end': no events from {settings.start or 'the first day'} to "
            f"{settings.end or 'the last day'} in the chosen cities; the data runs "
            f"{days.min():%Y-%m-%d} to {days.max():%Y-%m-%d}",
            path=where,
        )


def _clean_summary(events: Any, rejected: Any, out: Path, rejected_path: Path) -> str:
    """What cleaning did, for the desk: counts, each rejected row and why, and the files."""
    lines = [f"{len(events)} clean, {len(rejected)} rejected"]
    for _, r in rejected.head(10).iterrows():
        lines.append(f"  rejected row {r.get('row', '?')}: {r.get('reason', '')}")
    if len(rejected) > 10:
        lines.append(f"  ... and {len(rejected) - 10} more")
    lines.append(f"wrote {_display_path(out)} and {_display_path(rejected_path)}")
    return "\n".join(lines)


def write_site_index() -> Path | None:
    """Rewrite ``site/index.html``: the default story's pages, then every other story built
    (each ``site/SLUG/index.html``), linked by title. Returns its path (None: nothing built).
    """
    site = paths.site_dir()
    listing = _listing(paths.project_root() / ".turnout-cache", site)
    stories = story_indexes(site)
    if not listing and not stories:
        return None
    index = site / "index.html"
    _atomic_write(index, _index_html(listing, stories=stories))
    return index


def story_indexes(site: Path) -> list[tuple[str, str, str]]:
    """(href, title, source) of every story index built under ``site``, by folder name.

    >>> story_indexes(Path("no-such-site"))
    []
    """
    found = []
    for index in sorted(site.glob("*/index.html")):
        text = index.read_text(encoding="utf-8")
        if '<meta name="turnout-story"' not in text:
            continue  # not a story's index (turnout writes that tag on each one)
        title = re.search(r"<title>(.*?)</title>", text, re.DOTALL)
        dek = re.search(r'<meta name="description" content="([^"]*)">', text)
        found.append(
            (
                f"{index.parent.name}/index.html",
                html.unescape(title.group(1)) if title else index.parent.name,
                html.unescape(dek.group(1)) if dek else "",
            )
        )
    return found


def _listing(cache: Path, out: Path) -> list[tuple[str, str, str]]:
    """(page, headline, dek) of each page a build recorded in ``cache`` for ``out``, in
    notebook order; pages since deleted are left out."""
    entries = _read_manifest(cache / "manifest.json")["notebooks"]
    rows = []
    for nb in sorted(entries, key=lambda k: Path(k).name):
        page = Path(entries[nb]["page"])
        if page.parent == out.resolve() and page.is_file():
            rows.append((page.name, entries[nb]["headline"], entries[nb]["dek"]))
    return rows
