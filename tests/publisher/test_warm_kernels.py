"""Warm kernels: each notebook's kernel a fork of the build's warm process.

The fast tests check when kernels come warm and what runs in a kernel's place; the slow
ones start a warm process and check a forked kernel is what a kernel started the usual way
is (its own folder and environment, the client's), with the warm modules already loaded,
and that no kernel outlives what started it.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from turnout.publisher.execute import kernel_env
from turnout.publisher.kernel_client import SOCKET_ENV
from turnout.publisher.warm_kernels import (
    CLIENT,
    SWITCH_ENV,
    available,
    client_command,
    kernel_manager_class,
    warm_kernels,
)

SRC = Path(__file__).resolve().parents[2] / "src"


def test_warm_on_linux_unless_switched_off():
    assert available({}) == (sys.platform == "linux")
    assert not available({SWITCH_ENV: "0"})
    with warm_kernels({SWITCH_ENV: "0"}, ".") as socket_path:
        assert socket_path is None  # kernels start the usual way


def test_the_kernels_stand_in_is_this_packages_client_with_the_standard_library_only():
    command = client_command("/run/kernel-7.json")
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

    job = {"src_dir": str(SRC), "memo_dir": ""}
    warm_env = kernel_env(job, {k: v for k, v in os.environ.items() if k != "STORY_MARK"})
    with warm_kernels(warm_env, SRC.parent) as socket_path:
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
    job = {"src_dir": str(SRC), "memo_dir": ""}
    warm_env = kernel_env(job, os.environ)
    with warm_kernels(warm_env, SRC.parent) as socket_path:
        assert socket_path
        env = warm_env | {SOCKET_ENV: socket_path}
        pids = [_start(kernel_manager_class()(kernel_name="python3"), env, tmp_path) for _ in "ab"]
        # The first kernel's stand-in killed outright (as an immediate shutdown does): the
        # warm process kills its kernel.
        client_pid, kernel_pid = pids[0]
        os.kill(client_pid, 9)
        assert _pid_gone(kernel_pid)
        survivor = pids[1][1]
        assert not _pid_gone(survivor, within=0.5)
    # Leaving the build's warm process stops every kernel still running.
    assert _pid_gone(survivor)


def _start(km, env: dict[str, str], cwd: Path) -> tuple[int, int]:
    """Start ``km``'s kernel (async manager, run to completion here); its stand-in's pid and
    the kernel's own, asked of the kernel."""
    import asyncio

    async def go() -> tuple[int, int]:
        await km.start_kernel(env=env, cwd=str(cwd))
        client = km.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        reply = await client.execute_interactive(
            "import os; print(os.getpid())", timeout=60, output_hook=lambda msg: found.append(msg)
        )
        client.stop_channels()
        assert reply["content"]["status"] == "ok"
        text = "".join(m["content"].get("text", "") for m in found if m["msg_type"] == "stream")
        return km.provisioner.process.pid, int(text.split()[-1])

    found: list[dict] = []
    # A thread of its own: an earlier test in this worker may have left an event loop running.
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, go()).result()
