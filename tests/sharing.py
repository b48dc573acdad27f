"""Built once per test run, whichever pytest-xdist worker asks first.

A session-scoped fixture is per worker process: under ``pytest -n 2`` a site built in one
would be built again in the other. :func:`once_per_run` builds into a folder every worker
sees (the run's temporary root), behind a file lock: the first worker to ask builds and
records the result, the others wait for it and read it back. Only for things tests read;
a test that changes what it was given needs its own copy.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def run_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder every worker of this run shares (the session's own without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], T]
) -> T:
    """``make(folder)`` run once for the whole run into ``folder`` (an empty folder named
    ``name`` in :func:`run_root`); every caller gets its result (pickled between workers).
    A build that failed is tried again by the next caller, from an empty folder."""
    root = run_root(tmp_path_factory)
    folder, done = root / name, root / f"{name}.pickle"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if done.is_file():
            return pickle.loads(done.read_bytes())
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        value = make(folder)
        done.write_bytes(pickle.dumps(value))
        return value


@contextmanager
def exclusive(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[None]:
    """One test at a time across every worker: for tests that build again into a site
    :func:`once_per_run` made (two warm builds of one site at once see each other's staging)."""
    with open(run_root(tmp_path_factory) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


def warm_kernel() -> dict[str, object]:
    """``NotebookClient`` options for a kernel forked from the worker's warm process
    (``conftest._warm_for_builds``), as a build's kernels are: a real ipykernel process of its
    own, with its client's folder and environment, without a second of imports before its
    first cell. Empty (a kernel started the usual way) when the worker has none."""
    from turnout.publisher.warm import kernel_manager_class, running

    return {"kernel_manager_class": kernel_manager_class()} if running(os.environ) else {}
