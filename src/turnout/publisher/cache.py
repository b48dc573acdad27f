"""The build's memory: content keys, and the manifest that records what each build wrote.

A notebook is rebuilt only when its key changes (its bytes, its parameters and
the files they name, the raw data, saved weather, turnout's own code, templates
and style) or when a page or figure it wrote is missing or was overwritten.
The manifest (``.turnout-cache/manifest.json``, one per story) records, per
notebook, its key, page, figures, headline and dek; per index, its key; for a
story, the title and dek its index lists it by; and the cleaned data's key.
Nothing here imports pandas or nbformat: the warm path reads and hashes files.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from turnout import paths
from turnout.paths import atomic_write

#: The package's folder: its code, templates and style are inputs of every page.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Bump to invalidate every cache entry when the cache's meaning changes.
CACHE_FORMAT = 1
MANIFEST = "manifest.json"


def digest(data: bytes) -> str:
    """The hex SHA-256 of ``data``.

    >>> digest(b"")[:8]
    'e3b0c442'
    """
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


@functools.cache
def code_key() -> str:
    """turnout's code, templates and style as one key (hashed once per process)."""
    h = hashlib.sha256()
    _hash_tree(h, PACKAGE_DIR, PACKAGE_DIR.parent)
    return h.hexdigest()


def shared_key(root: Path) -> str:
    """What every page depends on: the raw data, the saved weather (when there is a file)
    and turnout's code, templates and style."""
    h = hashlib.sha256(f"turnout-site {CACHE_FORMAT}".encode())
    _hash_tree(h, paths.raw_dir(), root)
    weather = paths.weather_path()
    if weather.is_file():  # absent: the key is what it was before weather existed
        h.update(b"weather\0" + hashlib.sha256(weather.read_bytes()).digest())
    h.update(code_key().encode())
    return h.hexdigest()


def files_key(*files: Path) -> str:
    """One key for some input files (names and bytes; a missing one hashes as absent) and
    turnout's code: what cleaning a story's data depends on."""
    h = hashlib.sha256(f"turnout-data {CACHE_FORMAT}\0{code_key()}".encode())
    for f in files:
        h.update(str(f).encode() + b"\0")
        h.update(f.read_bytes() if f.is_file() else b"\0missing\0")
    return h.hexdigest()


def notebook_key(nb: Path, shared: str, params: Mapping[str, Any]) -> str:
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


def outputs_digest(page: Path, figures: Iterable[str]) -> str:
    """One hash of a page and its figure files as written (a missing file hashes as absent)."""
    h = hashlib.sha256()
    for f in [page, *map(Path, sorted(figures))]:
        h.update(str(f).encode() + b"\0")
        h.update(f.read_bytes() if f.is_file() else b"\0missing\0")
    return h.hexdigest()


def outputs_intact(entry: Mapping[str, Any], page: Path) -> bool:
    """The page and figures are the ones this build wrote: none missing, none overwritten
    (a script that saved its own chart under the same name makes the notebook run again)."""
    return entry.get("page") == str(page) and entry.get("outputs") == outputs_digest(
        page, entry.get("figures", [])
    )


def read_manifest(path: Path) -> dict[str, Any]:
    """A manifest as written, or an empty one (missing, unreadable or of another format).

    >>> read_manifest(Path("no-such-cache") / MANIFEST)["notebooks"]
    {}
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return {"format": CACHE_FORMAT, "notebooks": {}, "index": {}}
    data.setdefault("notebooks", {})
    data.setdefault("index", {})
    return data


def write_manifest(path: Path, manifest: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(manifest, indent=1, sort_keys=True))


def cache_root() -> Path:
    """The project's build cache, ``.turnout-cache/``: the default story's manifest, and
    ``stories/SLUG/`` for each other story's."""
    return paths.project_root() / ".turnout-cache"


def story_cache(slug: str | None) -> Path:
    """Where a story's manifest lives: ``.turnout-cache/`` for the default story (None),
    ``.turnout-cache/stories/SLUG/`` for another."""
    from turnout.stories import DEFAULT_STORY

    root = cache_root()
    return root if slug in (None, DEFAULT_STORY) else root / "stories" / slug
