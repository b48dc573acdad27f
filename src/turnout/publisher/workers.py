"""Notebooks in parallel: worker processes, each running one notebook at a time.

Each worker is a fresh ``python`` running :func:`worker_main`, fed jobs as JSON
lines on stdin and answering on stdout with progress lines (``total``, ``cell``,
``done``) and one ``result`` line per job. Unlike a multiprocessing pool this
needs no ``if __name__ == "__main__"`` guard in the caller's script and
inherits no threads, sockets or event loops from it (the caller may be pytest
or a notebook). A job's failure comes back as data (``error``: notebook,
message, cell), never as an exception across the pipe.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from turnout.paths import atomic_write
from turnout.publisher.cache import PACKAGE_DIR
from turnout.publisher.errors import NotebookError


def run_all(
    jobs_list: list[dict[str, Any]], jobs: int | None, progress: bool | None
) -> list[dict[str, Any]]:
    """Run every job in worker processes, a progress bar each; results in job order."""
    import queue as queues
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

    def show(i: int, kind: str, n: int) -> None:
        with lock:
            if kind == "total":
                bars[i].reset(total=n)
            elif kind == "cell":
                bars[i].update(n)

    pending: queues.Queue[int] = queues.Queue()
    for i in range(len(jobs_list)):
        pending.put(i)
    results: list[dict[str, Any] | None] = [None] * len(jobs_list)
    procs: list[Any] = []
    threads = [
        threading.Thread(
            target=_drive, args=(jobs_list, pending, results, show, procs), daemon=True
        )
        for _ in range(workers)
    ]
    try:
        for t in threads:
            t.start()
        for t in threads:
            while t.is_alive():
                t.join(0.2)  # in slices, so a Ctrl-C is seen at once
    except KeyboardInterrupt:
        stop_workers(procs)
        raise
    finally:
        for bar in bars:
            bar.close()
    return outcomes(jobs_list, results)


def _drive(
    jobs_list: list[dict[str, Any]],
    pending: Any,
    results: list[dict[str, Any] | None],
    show: Callable[[int, str, int], None],
    procs: list[Any],
) -> None:
    """One worker process (added to ``procs``, so a Ctrl-C can stop it): take jobs from
    ``pending`` until none is left or the worker dies, putting each job's result at its
    index in ``results``."""
    import queue as queues
    import subprocess

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(PACKAGE_DIR.parent), env.get("PYTHONPATH")])
    )
    command = worker_command(jobs_list[0].get("kernel_socket"), env)
    # A session of its own: a Ctrl-C at the terminal reaches the build, which stops the
    # workers itself (each shutting its kernel down), not every worker at once.
    proc = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
        bufsize=1,
        start_new_session=True,
    )
    procs.append(proc)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        while True:
            try:
                i = pending.get_nowait()
            except queues.Empty:
                return
            proc.stdin.write(json.dumps(jobs_list[i]) + "\n")
            proc.stdin.flush()
            results[i] = follow(proc.stdout, functools.partial(show, i))
            if results[i] is None:
                return  # the worker died; its job is reported by outcomes()
    finally:
        try:
            proc.stdin.close()
        except OSError:
            pass  # a worker stopped by a Ctrl-C: its pipe is gone
        proc.wait()


def worker_command(warm_socket: str | None, env: dict[str, str]) -> list[str]:
    """The command that starts a worker: a stand-in for a fork of the build's warm process
    (:mod:`.warm`) when there is one (its socket then goes into ``env``), else a fresh Python.

    >>> env = {}
    >>> worker_command("/run/warm.sock", env)[-1], env
    ('--worker', {'TURNOUT_KERNEL_SOCKET': '/run/warm.sock'})
    >>> worker_command(None, env)[1:3]
    ['-c', 'from turnout.publisher.workers import worker_main; worker_main()']
    """
    from turnout.publisher.stand_in import SOCKET_ENV
    from turnout.publisher.warm import WORKER, stand_in_command

    if warm_socket:
        env[SOCKET_ENV] = warm_socket
        return stand_in_command(WORKER)
    main = "from turnout.publisher.workers import worker_main; worker_main()"
    return [sys.executable, "-c", main]


def follow(lines: Iterable[str], show: Callable[[str, int], None]) -> dict[str, Any] | None:
    """Read one job's answer from a worker: progress lines go to ``show(kind, n)`` until
    the ``result`` line, whose result is returned; None when the lines end first (the
    worker died).

    >>> seen = []
    >>> follow(['{"kind": "total", "n": 3}', '{"kind": "result", "result": {"page": "p"}}'],
    ...        lambda kind, n: seen.append((kind, n)))
    {'page': 'p'}
    >>> seen
    [('total', 3)]
    """
    for line in lines:
        msg = json.loads(line)
        if msg["kind"] == "result":
            return msg["result"]
        show(msg["kind"], msg["n"])
    return None


def outcomes(
    jobs_list: list[dict[str, Any]], results: list[dict[str, Any] | None]
) -> list[dict[str, Any]]:
    """Each job's result, in job order; a job with none (its worker died) is an error.

    >>> outcomes([{"notebook": "a.ipynb"}], [None])
    [{'error': ['a.ipynb', 'the build worker process died', None]}]
    """
    return [
        r if r is not None else {"error": [j["notebook"], "the build worker process died", None]}
        for r, j in zip(results, jobs_list, strict=True)
    ]


def stop_workers(procs: list[Any], grace: float = 10.0) -> None:
    """Ask each worker to stop (SIGTERM: nbclient shuts its kernel down), then kill what is
    left. A SIGUSR1 first tells the worker that what follows is a stop, not a failure."""
    import signal

    running = [proc for proc in procs if proc.poll() is None]
    for proc in running:
        proc.send_signal(signal.SIGUSR1)
    time.sleep(0.1)
    for proc in running:
        proc.terminate()
    deadline = time.monotonic() + grace
    for proc in procs:
        try:
            proc.wait(max(0.0, deadline - time.monotonic()))
        except Exception:  # noqa: BLE001 - still running after the grace period
            proc.kill()


def worker_main() -> None:
    """A build worker: read jobs (JSON lines) on stdin, answer on stdout, until stdin closes."""
    # nbformat imports jsonschema, whose optional IRI-format checker (rfc3987_syntax) compiles
    # a grammar at import: a second of CPU per process, for a format no notebook schema uses.
    # This process is ours and short-lived, so skip that optional module here.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    # The protocol gets a private copy of stdout; fd 1 becomes stderr so that nothing else
    # (a kernel inherits fd 1) can write into the protocol stream.
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)

    def send(msg: dict[str, Any]) -> None:
        proto.write(json.dumps(msg) + "\n")

    import signal

    stopping: list[bool] = []

    def stop(*_: object) -> None:
        stopping.append(True)
        raise KeyboardInterrupt  # unwinds nbclient, which shuts the kernel down

    signal.signal(signal.SIGUSR1, lambda *_: stopping.append(True))
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        _serve(send, stopping)
    except BaseException:
        if not stopping:
            raise
        # Stopped by the build (a Ctrl-C): whatever the unwinding raised, no traceback.


def _serve(send: Callable[[dict[str, Any]], None], stopping: list[bool]) -> None:
    for line in sys.stdin:
        job = json.loads(line)
        try:
            result = build_one(job, lambda kind, n: send({"kind": kind, "n": n}))
        except Exception as err:  # a bug in the build itself: one line up, traceback to stderr
            if stopping:
                return  # a stop cut the kernel's shutdown short: not a bug
            import traceback

            traceback.print_exc()
            result = {"error": [job["notebook"], f"internal build error: {err!r}", None]}
        send({"kind": "result", "result": result})


def build_one(job: dict[str, Any], report: Callable[[str, int], None]) -> dict[str, Any]:
    """Execute one notebook and write its page; errors come back as data, not exceptions."""
    from turnout.publisher.execute import execute
    from turnout.publisher.render import (
        check_outputs,
        drop_notebook_only,
        left_out_charts,
        nothing_to_show,
        page_head,
        render_page,
        take_figures,
    )

    t0 = time.perf_counter()
    nb_path = Path(job["notebook"])
    try:
        nb = execute(job, report)
        drop_notebook_only(nb)  # a chart's frame for JupyterLab: the page has the embed
        check_outputs(nb, nb_path)
        figures = take_figures(nb, Path(job["figures_dir"]), job.get("figures_href"))
        left_out = left_out_charts(nb)
        empty = nothing_to_show(nb)
        head = page_head(nb, nb_path)
        page = Path(job["page"])
        if empty:  # a chart with nothing to show is not a page: the index says why instead
            return {
                "page": str(page),
                "written": False,
                "figures": figures,
                "headline": head["kicker"] or head["headline"],
                "dek": head["dek_text"],
                "left_out": left_out,
                "seconds": time.perf_counter() - t0,
            }
        # Charts link back to the story's cleaning page (built beside this one).
        cleaning = "clean-events.html" if page.name != "clean-events.html" else ""
        page_html = render_page(
            nb,
            head,
            date=job["date"],
            byline=job.get("byline", ""),
            date_iso=job.get("date_iso", ""),
            cleaning_href=cleaning,
        )
    except NotebookError as err:
        return {"error": (err.notebook, err.message, err.cell)}
    finally:
        report("done", 0)
    page = Path(job["page"])
    atomic_write(page, page_html)
    return {
        "page": str(page),
        "written": True,
        "left_out": left_out,
        "figures": figures,
        "headline": head["headline"],
        "dek": head["dek_text"],
        "seconds": time.perf_counter() - t0,
    }
