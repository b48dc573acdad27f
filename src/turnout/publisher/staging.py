"""Publishing a build all at once or not at all: staging folders beside ``site/``,
``figures/`` and ``data/processed/``, a journal of the moves that put their files in place,
and the next build finishing any publish a kill cut short.

A build writes everything it will publish (pages, figures, the story's processed data)
into staging folders on the same file system as their targets. Only when every notebook
succeeded does it *commit*: it writes the list of moves to a journal (one atomic rename:
the switch), then makes the moves (``os.replace``, each atomic) and deletes the journal.
Killed before the journal exists, the build published nothing; killed after, the next
build (or :func:`finish_publishing`) makes the moves left, before anything else. Staging
folders a killed build left behind are deleted by the next one.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: Every staging folder's name: ``.TARGET.staging-PID-RANDOM`` (git ignores them).
_STAGING = ".{name}.staging-"


def staging_dir(target: Path) -> Path:
    """Where ``target``'s staging folder goes: beside it, unless ``target`` is a file
    system of its own (a mount point), then inside it: a move never crosses devices.

    >>> staging_dir(Path(tempfile.gettempdir()) / "site") == Path(tempfile.gettempdir())
    True
    """
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir() and os.stat(target).st_dev != os.stat(parent).st_dev:
        return target
    return parent


def new_staging(target: Path) -> Path:
    """A fresh, empty staging folder for ``target`` (after deleting any a killed build left)."""
    where = staging_dir(target)
    remove_stale(where, target.name)
    prefix = _STAGING.format(name=target.name) + f"{os.getpid()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, dir=where))


def remove_stale(where: Path, name: str) -> list[Path]:
    """Delete the staging folders of ``name`` in ``where`` whose build is no longer running.

    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / ".site.staging-999999999-x").mkdir()
    >>> [p.name for p in remove_stale(d, "site")]
    ['.site.staging-999999999-x']
    """
    gone: list[Path] = []
    if not where.is_dir():
        return gone
    for old in where.glob(_STAGING.format(name=name) + "*"):
        pid = old.name.rsplit(".staging-", 1)[1].split("-", 1)[0]
        if pid.isdecimal() and int(pid) != os.getpid() and _running(int(pid)):
            continue  # another build at work
        shutil.rmtree(old, ignore_errors=True)
        gone.append(old)
    return gone


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def commit(moves: Iterable[tuple[Path, Path]], journal: Path) -> None:
    """Publish staged files at once: the journal of moves first (the switch), then the moves.

    A Ctrl-C while it runs waits until it is done: a publish is never cut in half by one.

    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "new").write_text("new")
    >>> commit([(d / "new", d / "site" / "page.html")], d / "publish.json")
    >>> (d / "site" / "page.html").read_text(), (d / "publish.json").exists()
    ('new', False)
    """
    pending = [(str(a), str(b)) for a, b in moves]
    if not pending:
        return
    with _deferred_interrupt():
        journal.parent.mkdir(parents=True, exist_ok=True)
        tmp = journal.with_name(f".{journal.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"moves": pending}), encoding="utf-8")
        os.replace(tmp, journal)  # the switch: from here on the publish always completes
        finish_publishing(journal)


def finish_publishing(journal: Path) -> int:
    """Make the moves a journal lists that a killed build left undone; returns how many.

    >>> finish_publishing(Path(tempfile.mkdtemp()) / "publish.json")
    0
    """
    try:
        moves = json.loads(journal.read_text(encoding="utf-8"))["moves"]
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink(missing_ok=True)  # none, or cut before its rename: nothing published
        return 0
    done = 0
    for staged, final in moves:
        src, dst = Path(staged), Path(final)
        if src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
            done += 1
    journal.unlink(missing_ok=True)
    return done


@contextmanager
def _deferred_interrupt() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) until the block ends (main thread only; elsewhere a no-op)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda *args: caught.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    # Published whole: the Ctrl-C came too late to stop anything, so the build goes on.


class Staging:
    """Temporary ``site`` and ``figures`` folders beside the real ones (same file system),
    and the one commit that publishes their files with any others staged for the build.

    ``final(path)`` is where a staged file will be published (the same place under the
    real folder). ``commit(journal, also=...)`` moves every staged file, and the pairs in
    ``also`` (the story's processed data), through one journal (:func:`commit`). Files the
    build did not write (other pages, a story's subfolder) are never touched. Leaving the
    ``with`` block deletes the staging folders and anything still in them, so a failed
    build leaves only the real folders, unchanged.
    """

    def __init__(self, site: Path, figures: Path) -> None:
        self.targets = {"site": site, "figures": figures}
        self.roots: dict[str, Path] = {}

    def __enter__(self) -> Staging:
        for kind, target in self.targets.items():
            self.roots[kind] = new_staging(target)
        return self

    @property
    def site(self) -> Path:
        return self.roots["site"]

    @property
    def figures(self) -> Path:
        return self.roots["figures"]

    def final(self, path: Path) -> Path:
        """Where a staged file is published; a file not staged is already in place."""
        for kind, root in self.roots.items():
            if path.is_relative_to(root):
                return self.targets[kind] / path.relative_to(root)
        return path

    def commit(self, journal: Path, also: Iterable[tuple[Path, Path]] = ()) -> None:
        staged = sorted(p for root in self.roots.values() for p in root.rglob("*") if p.is_file())
        commit([*((p, self.final(p)) for p in staged), *also], journal)

    def __exit__(self, *exc: object) -> None:
        for root in self.roots.values():
            shutil.rmtree(root, ignore_errors=True)
