"""The warm process: a build's workers and kernels, each forked from one process that has
imported what they need.

A kernel started the usual way spends about a second and a half of CPU before its first
cell: Python, ipykernel, then pandas, matplotlib and turnout imported by the notebook; a
build worker (:mod:`.workers`) spends about a second importing nbclient and nbformat.
A build starts one warm process (:func:`warm_process`) that has imported those once; each
worker and each notebook's kernel is a fork of it (copy-on-write), so it starts with the
modules loaded and nothing else: its own process, environment, working folder and, for a
kernel, IPython state, as one started the usual way has. The build starts
:mod:`.stand_in` in the worker's place and the kernel manager in the kernel's: it asks
for the fork and stands in for it (signals passed on, the exit status returned).

Only on Linux, where forking a process that imported these libraries is well trodden;
elsewhere, or if the warm process cannot start, kernels start the usual way. Set
``TURNOUT_WARM_KERNELS=0`` to start them the usual way everywhere.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import pkgutil
import select
import selectors
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from turnout.publisher.stand_in import SOCKET_ENV

#: What a notebook's kernel and a build worker would import first: loaded once here.
WARM_MODULES = (
    "ipykernel.kernelapp",
    "jupyter_client.manager",
    "nbclient",
    "nbformat",
    "turnout.publisher.workers",
    "turnout.publisher.execute",
    "turnout.publisher.render",
    "pandas",
    "matplotlib.pyplot",
    "matplotlib_inline.backend_inline",
    "turnout.notebook",
    "turnout.publish",
    "turnout.show",
    # What each fork imported for itself until these were here (counted from a build's
    # forks): a worker renders its page with nbconvert; a kernel starts IPython's debugger,
    # history and completer, and its notebook reads the story's settings (yaml), cleans
    # (turnout.clean), draws (the SVG backend) and measures text (fontTools).
    "nbconvert",
    "nbconvert.filters.markdown_mistune",
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.oinspect",
    "IPython.extensions.storemagic",
    "psutil",
    "sqlite3",
    "yaml",
    "fontTools.ttLib",
    "matplotlib.backends.backend_svg",
    "turnout.clean",
    "turnout.geo",
    "turnout.show_data",
    "turnout.weather",
)
#: Packages whose every module a notebook may draw with: all imported (each chart kind's).
WARM_PACKAGES = ("turnout.charts", "turnout.embeds")
CLIENT = Path(__file__).with_name("stand_in.py")
#: The stand-in's argument asking for a build worker instead of a kernel.
WORKER = "--worker"


#: Set to "0" to start every kernel the usual way.
SWITCH_ENV = "TURNOUT_WARM_KERNELS"


def available(environ: Mapping[str, str]) -> bool:
    """Whether kernels may come warm here: Linux, and not switched off.

    >>> available({SWITCH_ENV: "0"})
    False
    """
    return sys.platform == "linux" and environ.get(SWITCH_ENV, "1") != "0"


def running(environ: Mapping[str, str]) -> str | None:
    """The socket of a warm process already running for this process (named in
    ``environ``), if kernels may come warm here and it is there; else None.

    >>> running({SOCKET_ENV: "/no/such/socket"}) is None
    True
    """
    path = environ.get(SOCKET_ENV, "")
    if not path or not available(environ):
        return None
    with contextlib.suppress(OSError):
        if stat.S_ISSOCK(os.stat(path).st_mode):
            return path
    return None


@contextlib.contextmanager
def warm_process(env: Mapping[str, str], cwd: str | os.PathLike) -> Iterator[str | None]:
    """A warm process for a build (or a run of builds), started with the kernels' environment
    ``env`` in ``cwd``; yields its socket (None when workers and kernels start the usual
    way). On leaving, the warm process is stopped, and with it anything it forked still
    running."""
    if not available(env):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="turnout-kernels-") as folder:
        path = os.path.join(folder, "socket")
        proc = subprocess.Popen(
            [sys.executable, "-c", f"from {__name__} import serve; serve({path!r})"],
            env=dict(env),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,  # a Ctrl-C reaches the build, which stops this itself
        )
        try:
            yield path if _ready(proc) else None
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout:
                proc.stdout.close()


def _ready(proc: subprocess.Popen, within: float = 120.0) -> bool:
    """Whether the warm process said it is ready within ``within`` seconds (its imports
    done); if not, kernels start the usual way."""
    if proc.stdout is None or not select.select([proc.stdout], [], [], within)[0]:
        return False
    return proc.stdout.readline().strip() == "ready"


def stand_in_command(*args: str) -> list[str]:
    """The command run in a warm fork's place: ``-f CONNECTION_FILE`` for a kernel (what a
    kernel manager runs), :data:`WORKER` for a build worker (its socket in the environment).

    >>> stand_in_command("-f", "k.json")[1:3], stand_in_command("-f", "k.json")[-2:]
    (['-I', '-S'], ['-f', 'k.json'])
    >>> stand_in_command(WORKER)[-1]
    '--worker'
    """
    return [sys.executable, "-I", "-S", str(CLIENT), *args]


def kernel_manager_class() -> type:
    """jupyter_client's kernel manager, starting :func:`stand_in_command` for its kernel."""
    from jupyter_client.manager import AsyncKernelManager

    class WarmKernelManager(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            return stand_in_command("-f", self.connection_file)

    return WarmKernelManager


# --------------------------------------------------------------------------- the warm process


def serve(path: str) -> None:
    """Fork a kernel or a worker for each request on the socket at ``path`` until stopped,
    or until the process that started this one is gone; forks still running are killed."""
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    # As a build worker does (workers.worker_main): no jsonschema IRI checker, a second of
    # CPU for a format no notebook schema uses. A kernel gets the name back (_become_kernel).
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    _import_and_fill_caches()
    # Out of the collector's sight: a kernel's garbage collections would otherwise touch
    # every imported object, copying the warm process's memory page by page.
    gc.freeze()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(16)
    builder = os.getppid()
    forks: dict[int, socket.socket] = {}  # pid -> the stand-in's connection
    stopping: list[bool] = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    print("ready", flush=True)
    with selectors.DefaultSelector() as sel:
        sel.register(server, selectors.EVENT_READ)
        while not stopping and os.getppid() == builder:
            for key, _ in sel.select(timeout=0.2):
                if key.fileobj is server:
                    conn, _ = server.accept()
                    pid = _start(conn, server, forks)
                    if pid is not None:
                        forks[pid] = conn
                        sel.register(conn, selectors.EVENT_READ, pid)
                else:  # the stand-in is gone (killed): its fork goes too
                    _kill(key.data)
                    sel.unregister(key.fileobj)
            _reap(forks, sel)
    for pid in forks:
        _kill(pid)


def _read_request(conn: socket.socket) -> tuple[dict[str, Any], list[int]] | None:
    """The request on ``conn`` and the client's three streams; None (its streams closed)
    when the client went away or sent something else."""
    fds: list[int] = []
    try:
        header, fds, _, _ = socket.recv_fds(conn, 8, 3)
        (size,) = struct.unpack("!Q", header)
        body = b""
        while len(body) < size:
            chunk = conn.recv(size - len(body))
            if not chunk:
                raise ValueError("the client went away")
            body += chunk
        req = json.loads(body)
        if len(fds) != 3 or not isinstance(req, dict):
            raise ValueError("not a request for a fork")
        return req, fds
    except (OSError, ValueError, struct.error):
        for fd in fds:
            os.close(fd)
        return None


def _start(
    conn: socket.socket, server: socket.socket, forks: dict[int, socket.socket]
) -> int | None:
    """Fork a kernel or a worker for the request on ``conn``; its pid is sent back (None,
    and ``conn`` closed, for a request that is not one: the warm process serves the next)."""
    request = _read_request(conn)
    if request is None:
        conn.close()
        return None
    req, fds = request
    pid = os.fork()
    if pid == 0:  # the kernel or worker
        try:
            server.close()
            for other in forks.values():
                other.close()
            conn.close()
            _take_over(req, fds)
            if req["args"] == [WORKER]:
                _become_worker()
            else:
                _become_kernel(req)
        finally:
            os._exit(1)  # only reached if the kernel or worker could not start
    for fd in fds:
        os.close(fd)
    conn.sendall(f"{pid}\n".encode())
    return pid


def _take_over(req: dict[str, Any], fds: list[int]) -> None:
    """In the forked child: take the client's streams, environment and folder, in a session
    of its own (as the build starts its workers, and a kernel manager its kernels)."""
    for number, fd in enumerate(fds):
        os.dup2(fd, number)
        os.close(fd)
    os.setsid()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, signal.SIG_DFL)
    os.environ.clear()
    os.environ.update(req["env"])
    os.chdir(req["cwd"])


def _import_and_fill_caches() -> None:
    """Import what every fork would, and fill the caches each would fill the same way."""
    from PIL import Image

    from turnout.embeds.measure import load_fonts
    from turnout.publisher.render import compile_templates

    for name in WARM_MODULES:
        importlib.import_module(name)
    for package in WARM_PACKAGES:
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
            importlib.import_module(f"{package}.{module.name}")
    Image.init()  # every image plugin: Pillow loads them at a chart's first quantize
    load_fonts()  # the embeds' text widths
    compile_templates()  # each worker's pages


def _become_worker() -> None:
    """In the forked child: serve the build as ``python -c "...worker_main()"`` would."""
    from turnout.publisher.workers import worker_main

    status = 0
    try:
        worker_main()
    except BaseException:  # as an uncaught error in `python -c` would: its traceback, status 1
        import traceback

        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _become_kernel(req: dict[str, Any]) -> None:
    """In the forked child: run ipykernel as ``python -m ipykernel_launcher ARGS`` would."""
    if sys.modules.get("rfc3987_syntax", "") is None:  # the warm process's stand-in (serve)
        del sys.modules["rfc3987_syntax"]
    sys.path[0] = req["cwd"]  # where `python -m` would put it
    # A kernel ends with the warm process (ipykernel's parent poller); the trait's default
    # was read from the environment when the warm process imported ipykernel.
    args = [*req["args"], f"--IPKernelApp.parent_handle={os.getppid()}"]
    sys.argv = ["ipykernel_launcher", *args]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(argv=args)
    os._exit(0)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _reap(forks: dict[int, socket.socket], sel: selectors.BaseSelector) -> None:
    """Collect forks that ended; each one's status goes to its stand-in."""
    while forks:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = forks.pop(pid, None)
        if conn is None:
            continue
        with contextlib.suppress(KeyError, ValueError):
            sel.unregister(conn)
        with contextlib.suppress(OSError):
            conn.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
        conn.close()
