"""One build's cleaned tables, shared by its notebooks.

Every notebook of a ``turnout build`` opens the same story data, and each used to clean
it again in its own kernel (pandera's schema alone is most of a second). The build gives
its kernels one private folder (:data:`MEMO_ENV`); the first kernel to clean a file leaves
the result there and the others read it instead: computed once, used by every page.

A table is found only for the same file, the same bytes and the same ``format``, so an
edit to the data between two notebooks is cleaned again. Outside a build (JupyterLab,
papermill, a script) the variable is unset and nothing is shared or written. The folder
lives as long as one build, and turnout's code cannot change during one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from turnout.clean import Cleaned

#: Set by ``turnout build`` in each kernel: the folder its notebooks share cleaned tables in.
MEMO_ENV = "TURNOUT_CLEAN_MEMO"


def memo_key(path: str | os.PathLike, format: str) -> str:
    """What a cleaned table is filed under: the file (by its full path and its bytes) and
    the format it was read as. Any change to the bytes is another key.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "may.csv"
    >>> _ = f.write_text("date,locality\\n")
    >>> before = memo_key(f, "auto")
    >>> before == memo_key(f, "auto"), before == memo_key(f, "ccc")
    (True, False)
    >>> _ = f.write_text("date,locality\\n2026-05-01,Boise\\n")
    >>> before == memo_key(f, "auto")
    False
    """
    path = Path(path).resolve()
    digest = hashlib.sha256(f"{format}\0{path}\0".encode())
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cleaned_once(path: str | os.PathLike, format: str, clean: Callable[[], Cleaned]) -> Cleaned:
    """``clean()``'s table, shared by a build's notebooks: read from the build's folder when
    another notebook cleaned the same file, else cleaned here and left there (the file is
    hashed once either way). Outside a build, ``clean()`` alone.

    >>> from turnout import paths
    >>> from turnout.clean import clean_events, read_raw
    >>> os.environ.pop(MEMO_ENV, None) and None
    >>> len(cleaned_once(paths.seed_path(), "auto",
    ...                  lambda: clean_events(read_raw(paths.seed_path()))).events)
    18
    """
    folder = os.environ.get(MEMO_ENV)
    if not folder:
        return clean()
    try:
        memo = _memo(folder, path, format)
    except OSError:
        return clean()  # a file that cannot be read: cleaning it says why
    found = _load(memo)
    if found is not None:
        return found
    cleaned = clean()
    _store(memo, cleaned)
    return cleaned


def recall(path: str | os.PathLike, format: str) -> Cleaned | None:
    """The table another notebook of this build cleaned from the same file, or None
    (outside a build, a file not cleaned yet, or one that cannot be read: cleaning it
    then says why).

    >>> from turnout import paths
    >>> os.environ.pop(MEMO_ENV, None) and None
    >>> recall(paths.seed_path(), "auto") is None  # not a build: never shared
    True
    """
    folder = os.environ.get(MEMO_ENV)
    if not folder:
        return None
    try:
        return _load(_memo(folder, path, format))
    except OSError:
        return None


def keep(path: str | os.PathLike, format: str, cleaned: Cleaned, folder: str | None = None) -> None:
    """File ``cleaned`` for the build's notebooks in ``folder`` (default: the build's
    folder, :data:`MEMO_ENV`); outside a build, do nothing.

    The file appears whole or not at all (written aside, then renamed), so a notebook
    running at the same moment reads a complete table or cleans the file itself.

    >>> import tempfile
    >>> from turnout import paths
    >>> from turnout.clean import load_cleaned
    >>> folder = tempfile.mkdtemp()
    >>> keep(paths.seed_path(), "auto", load_cleaned(), folder)
    >>> os.environ[MEMO_ENV] = folder
    >>> len(recall(paths.seed_path(), "auto").events)
    18
    >>> del os.environ[MEMO_ENV]
    """
    folder = folder or os.environ.get(MEMO_ENV)
    if not folder:
        return
    try:
        _store(_memo(folder, path, format), cleaned)
    except OSError:
        return  # a file that cannot be read: nothing to file it under


def _memo(folder: str, path: str | os.PathLike, format: str) -> Path:
    """Where the table cleaned from ``path`` as ``format`` is filed in ``folder``."""
    return Path(folder) / f"{memo_key(path, format)}.pickle"


def _load(memo: Path) -> Cleaned | None:
    try:
        with open(memo, "rb") as fh:
            # Written by this build's own kernels into a folder only the build made.
            return pickle.load(fh)  # noqa: S301
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # not there yet, or not readable: the caller cleans the file itself


def _store(memo: Path, cleaned: Cleaned) -> None:
    try:
        temp = memo.with_name(f".{memo.name}.{os.getpid()}.tmp")
        with open(temp, "wb") as fh:
            pickle.dump(cleaned, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, memo)
    except OSError:
        return  # sharing is only a saving: this notebook has its table either way
