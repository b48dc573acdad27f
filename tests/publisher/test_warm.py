"""The warm process: each build worker and each notebook's kernel a fork of it.

The fast tests check when kernels come warm and what runs in a kernel's place; the slow
ones start a warm process and check a forked kernel is what a kernel started the usual way
is (its own folder and environment, the client's), with the warm modules already loaded,
that a forked worker builds a page as a worker started the usual way does, and that
nothing forked outlives what started it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import nbformat
import pytest

from turnout.publisher.execute import kernel_env
from turnout.publisher.stand_in import SOCKET_ENV
from turnout.publisher.warm import (
    CLIENT,
    SWITCH_ENV,
    WORKER,
    available,
    kernel_manager_class,
    running,
    stand_in_command,
    warm_process,
)
from turnout.publisher.workers import follow, worker_command

SRC = Path(__file__).resolve().parents[2] / "src"


def test_warm_on_linux_unless_switched_off():
    assert available({}) == (sys.platform == "linux")
    assert not available({SWITCH_ENV: "0"})
    with warm_process({SWITCH_ENV: "0"}, ".") as socket_path:
        assert socket_path is None  # kernels start the usual way


def test_a_running_warm_process_is_a_socket_named_in_the_environment(tmp_path):
    import socket

    path = tmp_path / "warm.sock"
    assert running({SOCKET_ENV: str(path)}) is None  # nothing there
    path.write_text("")
    assert running({SOCKET_ENV: str(path)}) is None  # a file, not a socket
    path.unlink()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        assert running({SOCKET_ENV: str(path)}) == (str(path) if available({}) else None)
        assert running({SOCKET_ENV: str(path), SWITCH_ENV: "0"}) is None
    assert running({}) is None


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="warm kernels are Linux-only")
def test_a_build_forks_from_the_warm_process_already_running(tmp_path):
    from test_build_site import _build_alone, _notebook

    session = os.environ.get(SOCKET_ENV)  # the test session's (conftest._warm_for_builds)
    assert session and running(os.environ) == session
    nb = _notebook(tmp_path / "01-parent.ipynb", "import os\nprint('kernel of', os.getppid())")
    [page] = _build_alone(nb, tmp_path)
    words = page.path.read_text(encoding="utf-8").split("kernel of ")[1].split("<")[0]
    warm = Path(f"/proc/{int(words)}/cmdline").read_bytes()
    assert session.encode() in warm  # forked there, not in a warm process of the build's own


def test_the_kernels_stand_in_is_this_packages_client_with_the_standard_library_only():
    command = stand_in_command("-f", "/run/kernel-7.json")
    assert command[0] == sys.executable and command[1:3] == ["-I", "-S"]
    assert Path(command[3]) == CLIENT and CLIENT.is_file()
    assert command[4:] == ["-f", "/run/kernel-7.json"]
    imports = [ln for ln in CLIENT.read_text(encoding="utf-8").splitlines() if "import" in ln]
    assert not [ln for ln in imports if "turnout" in ln or "jupyter" in ln], imports


def _pid_gone(pid: int, within: float = 5.0) -> bool:
    """Whether process ``pid`` is gone (or a zombie) within ``within`` seconds."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="warm kernels are Linux-only")
def test_a_forked_kernel_runs_in_its_clients_folder_and_environment(tmp_path):
    from nbclient import NotebookClient

    warm_env = _warm_env({k: v for k, v in os.environ.items() if k != "STORY_MARK"})
    with warm_process(warm_env, SRC.parent) as socket_path:
        assert socket_path and Path(socket_path).exists()
        cells = [
            "import os, sys\nwarm = 'pandas' in sys.modules and 'turnout.charts' in sys.modules",
            "print(warm, os.getcwd(), os.environ.get('STORY_MARK'), os.getpid())",
        ]
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
        env = warm_env | {SOCKET_ENV: socket_path, "STORY_MARK": "river rallies"}
        NotebookClient(
            nb,
            kernel_manager_class=kernel_manager_class(),
            kernel_name="python3",
            resources={"metadata": {"path": str(tmp_path)}},
            shutdown_kernel="immediate",
        ).execute(env=env)
        words = nb.cells[1].outputs[0]["text"].split()
        assert words[0] == "True"  # pandas and turnout were loaded before the first cell
        assert words[1] == str(tmp_path)  # the folder the kernel manager asked for
        assert " ".join(words[2:4]) == "river rallies"  # the client's environment, not the warm one
        assert _pid_gone(int(words[-1]))  # shut down with its notebook


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="warm kernels are Linux-only")
def test_no_kernel_outlives_its_client_or_the_warm_process(tmp_path):
    with warm_process(_warm_env(), SRC.parent) as socket_path:
        assert socket_path
        stand_ins, kernels = [], []
        for name in ("a", "b"):  # two kernels
            stand_in, kernel = _stand_in(socket_path, tmp_path, name, kernels)
            stand_ins.append(stand_in)
            kernels.append(kernel)
        # The first one's stand-in killed outright (as an immediate shutdown does): the warm
        # process kills its kernel; the other runs on.
        stand_ins[0].kill()
        stand_ins[0].wait()
        assert _pid_gone(kernels[0])
        assert not _pid_gone(kernels[1], within=0.5)
    # The build's warm process stopped: every kernel still running stops, and its stand-in
    # exits.
    assert _pid_gone(kernels[1])
    assert stand_ins[1].wait(timeout=60) != 0


def _warm_env(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The kernels' environment of a build of this checkout (the warm process's too)."""
    return kernel_env({"src_dir": str(SRC), "memo_dir": ""}, environ)


def _stand_in(
    socket_path: str, folder: Path, name: str, known: list[int]
) -> tuple[subprocess.Popen, int]:
    """A kernel's stand-in started as jupyter_client starts it (a connection file named
    ``name`` in ``folder``), and the pid of the kernel forked for it."""
    from jupyter_client.connect import write_connection_file

    connection, _ = write_connection_file(str(folder / f"{name}.json"))
    env = _warm_env() | {SOCKET_ENV: socket_path}
    stand_in = subprocess.Popen(stand_in_command("-f", connection), env=env, cwd=folder)
    return stand_in, _new_fork(socket_path, known)


def _new_fork(socket_path: str, known: list[int], within: float = 30.0) -> int:
    """The pid of the warm process's fork (kernel or worker) not in ``known``, once it is
    there: a fork is a child of the warm process, which is this test's child (both run its
    command line)."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        family = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                cmdline = (stat.parent / "cmdline").read_bytes()
                parent = int(stat.read_text().split(") ")[-1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if socket_path.encode() in cmdline:
                family[int(stat.parent.name)] = parent
        warm = [pid for pid, parent in family.items() if parent == os.getpid()]
        new = [pid for pid, parent in family.items() if warm and parent == warm[0]]
        new = [pid for pid in new if pid not in known]
        if new:
            return new[0]
        time.sleep(0.05)
    raise AssertionError("nothing was forked")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="warm kernels are Linux-only")
def test_a_broken_request_is_refused_and_the_next_kernel_still_starts(tmp_path):
    import socket
    import struct

    with warm_process(_warm_env(), SRC.parent) as socket_path:
        assert socket_path
        junks = (b"", b"hello", struct.pack("!Q", 9) + b"{not json", struct.pack("!Q", 99) + b"{}")
        for junk in junks:  # nothing, a short header, not JSON, a body cut short
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as bad:
                bad.connect(socket_path)
                bad.sendall(junk)
                bad.shutdown(socket.SHUT_WR)
                assert bad.recv(100) == b""  # closed, no kernel forked for it
        stand_in, kernel = _stand_in(socket_path, tmp_path, "k", [])
        assert not _pid_gone(kernel, within=0.5)
    assert _pid_gone(kernel)
    assert stand_in.wait(timeout=60) != 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="warm kernels are Linux-only")
def test_a_forked_worker_builds_a_page_with_a_forked_kernel_and_ends_with_its_input(tmp_path):
    notebook = tmp_path / "01-rally.ipynb"
    cells = [
        nbformat.v4.new_markdown_cell("# Who rallied"),
        nbformat.v4.new_code_cell("figures_dir = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import os\nprint('kernel of', os.getppid())"),
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), notebook)
    with warm_process(_warm_env(), SRC.parent) as socket_path:
        assert socket_path
        job = {
            "notebook": str(notebook),
            "page": str(tmp_path / "rally.html"),
            "root": str(tmp_path),
            "timeout": 60,
            "parameters": {"figures_dir": str(tmp_path)},
            "figures_dir": str(tmp_path),
            "figures_href": ".",
            "src_dir": str(SRC),
            "memo_dir": "",
            "date": "Dec. 7, 2026",
            "kernel_socket": socket_path,
        }
        env = dict(os.environ)
        command = worker_command(socket_path, env)
        assert command[-1] == WORKER and env[SOCKET_ENV] == socket_path
        stand_in = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True
        )
        worker = _new_fork(socket_path, [])
        warm = int(Path(f"/proc/{worker}/stat").read_text().split(") ")[-1].split()[1])
        stand_in.stdin.write(json.dumps(job) + "\n")
        stand_in.stdin.flush()
        seen: list[str] = []
        result = follow(stand_in.stdout, lambda kind, n: seen.append(kind))
        assert result and result["written"] and result["headline"] == "Who rallied"
        assert seen[0] == "total" and seen[-1] == "done"
        page = Path(job["page"]).read_text(encoding="utf-8")
        assert f"kernel of {warm}" in page  # the notebook's kernel was forked there too
        assert not _pid_gone(worker, within=0.3)  # it waits for the next job
        stand_in.stdin.close()  # no more jobs: the worker ends, and its stand-in with it
        assert stand_in.wait(timeout=60) == 0
        assert _pid_gone(worker)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="warm kernels are Linux-only")
def test_switched_off_a_build_starts_its_worker_and_kernel_the_usual_way(tmp_path, monkeypatch):
    # The path other systems take, and a build whose warm process could not start.
    from test_build_site import _build_alone, _notebook

    monkeypatch.setenv(SWITCH_ENV, "0")
    code = (
        "import os, pathlib\n"
        "parent = pathlib.Path(f'/proc/{os.getppid()}/cmdline').read_bytes()\n"
        "print('kernel of', 'worker' if b'worker_main' in parent else 'other')\n"
        "print('warm' if b'serve(' in parent else 'cold')"
    )
    [page] = _build_alone(_notebook(tmp_path / "01-parent.ipynb", code), tmp_path)
    html = page.path.read_text(encoding="utf-8")
    assert "kernel of worker" in html and "cold" in html  # a fresh worker's own child
