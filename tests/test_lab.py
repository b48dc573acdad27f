"""A reporter's JupyterLab: the real UI, the turnout kernel, a notebook run from the Run menu.

A JupyterLab server is started on 127.0.0.1 (a free port, a generated token,
no browser) with every Jupyter folder (config, data, runtime, settings,
workspaces) in a temporary directory, serving a temporary copy of the
project: autosave can never touch the committed notebooks. The "turnout"
kernel is registered there with the same command ``make lab`` runs. The
notebook is opened in Debian's Chromium through Playwright, every cell is
run from the Run menu, and the chart must appear, interactive, with no error
output; saved and reopened untrusted, its picture must show instead. Requests
anywhere but the server fail the test.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

import nbformat
import pandas as pd
import pytest
from screenshots import shoot

from turnout import paths

# A JupyterLab server (and Chromium): `make check` leaves these out, `make test` runs them.
pytestmark = [pytest.mark.lab, pytest.mark.slow]

ROOT = paths.project_root()
SRC = Path(__file__).resolve().parents[1] / "src"
NOTEBOOK = "02-turnout-by-city.ipynb"
KERNEL = "turnout"
# Generous: two shared cores, a cold kernel importing pandas and matplotlib.
TIMEOUT_MS = 240_000


class Lab(NamedTuple):
    url: str  # http://127.0.0.1:PORT
    token: str
    root: Path  # the served copy of the project
    log: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str) -> object:
    req = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the project; shut down however the tests end."""
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "project"
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    (root / "pyproject.toml").write_text("")
    home = tmp / "jupyter"
    # The kernel, registered as `make lab` registers it (there: --sys-prefix, into .venv).
    subprocess.run(
        [sys.executable, "-m", "ipykernel", "install", "--prefix", str(home / "prefix"),
         "--name", KERNEL, "--display-name", KERNEL],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    # No news feed and no update check: nothing to fetch from the internet, no toast.
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_PATH=str(home / "prefix" / "share" / "jupyter"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        TURNOUT_ROOT=str(root),  # figures the notebook saves land in the copy
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    port, token = _free_port(), secrets.token_hex(24)
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--ServerApp.port_retries=0",
        "--LabApp.extension_manager=readonly",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # as `make lab` does: containers often run as root
    log = tmp / "jupyter.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(f"{url}/api/status", token)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.5)
        yield Lab(url, token, root, log)
    finally:
        # The server and every kernel it started: its own process group.
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=30)


def test_lab_offers_the_turnout_kernel(lab):
    specs = _get(f"{lab.url}/api/kernelspecs", lab.token)
    assert KERNEL in specs["kernelspecs"]
    assert specs["kernelspecs"][KERNEL]["spec"]["display_name"] == KERNEL
    nb = nbformat.read(lab.root / "notebooks" / NOTEBOOK, 4)
    assert nb.metadata.kernelspec.name == KERNEL


def test_notebook_runs_in_jupyterlab(lab, browser):
    """Open the notebook in JupyterLab, Run > Run All Cells: the chart appears as its
    interactive embed (a mark's tooltip quotes the source), once, with no error; the saved
    notebook keeps the PNG in the same output; reopened untrusted, the PNG is what shows."""
    with _lab_page(browser, lab) as (page, outside, errors_logged):
        page.goto(f"{lab.url}/lab/tree/notebooks/{NOTEBOOK}?token={lab.token}")
        panel = _run_all_cells(page, lab)
        errors = panel.locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
        )
        assert errors.count() == 0, errors.first.inner_text()
        frame_el, mark = _assert_the_chart_is_its_embed(page, panel, lab)
        assert page.locator(".jp-Dialog").count() == 0
        # The notebook wrote its chart files into the served copy, not the checkout.
        # A run in JupyterLab drafts; only `turnout build` writes the article's files (issue 12).
        assert (lab.root / "figures" / "scratch" / "turnout-by-city.png").is_file()
        assert not (lab.root / "figures" / "turnout-by-city.png").exists()
        frame_el.scroll_into_view_if_needed()
        mark.focus()
        shoot(page, SHOTS / "jupyterlab-02-turnout-by-city.png")

        # Saved, the output keeps the PNG beside the frame, for viewers that run no script.
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Save Notebook$")).click()
        saved = _saved_chart(page, lab.root / "notebooks" / NOTEBOOK)
        png = base64.b64decode(saved.data["image/png"])
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 640
        assert saved.metadata["image/png"]["alt"] == saved.data["text/plain"]
        assert saved.data["text/html"].count("<iframe srcdoc=") == 1

        _assert_untrusted_shows_the_picture(page, lab, saved.data["text/plain"])
        _wait_idle(page, lab)
        assert errors_logged == [], errors_logged
        assert outside == [], f"JupyterLab asked for {outside}"


SHOTS = ROOT / "test-artifacts" / "screenshots"


@contextlib.contextmanager
def _lab_page(browser, lab: Lab):
    """A page that may ask only the lab server for anything; yields it, the addresses it
    asked for elsewhere, and the script errors logged (JupyterLab's and the frame's)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    errors_logged: list[str] = []

    def route(r):
        if r.request.url.startswith((lab.url, "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    # Script errors and refusals (a CSP the embed broke) anywhere: JupyterLab's and the frame's.
    page.on("console", lambda m: errors_logged.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors_logged.append(str(e)))
    try:
        yield page, outside, errors_logged
    finally:
        context.close()


def _run_all_cells(page, lab: Lab):
    """The open notebook, its kernel resolved and idle, after Run > Run All Cells has run
    every code cell once; returns its panel."""
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    panel.locator(".jp-CodeCell").first.wait_for()
    # The notebook's kernelspec resolved: the toolbar names the turnout kernel, idle.
    kernel_name = panel.locator(".jp-KernelName")
    page.wait_for_function(
        "el => el.textContent.trim() === 'turnout'", arg=kernel_name.element_handle()
    )
    _wait_idle(page, lab)
    assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").inner_text()

    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()

    n_code = sum(
        c.cell_type == "code" for c in nbformat.read(lab.root / "notebooks" / NOTEBOOK, 4).cells
    )
    # Every code cell has run once: its prompt shows a number, none is queued ([*]).
    page.wait_for_function(
        """n => {
            const ps = [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];
            return ps.length === n && ps.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        arg=n_code,
    )
    _wait_idle(page, lab)
    return panel


def _assert_the_chart_is_its_embed(page, panel, lab: Lab):
    """The chart is one output: the embed in its sandboxed frame, sized to the whole chart,
    a mark's tooltip quoting its source. Returns the frame element and that mark."""
    output = panel.locator('.jp-OutputArea-output[data-mime-type="text/html"]').filter(
        has=page.locator(".turnout-notebook-chart")
    )
    output.first.wait_for()
    assert output.count() == 1
    assert panel.locator('.jp-OutputArea-output[data-mime-type="image/png"]').count() == 0
    frame_el = output.locator("iframe")
    assert frame_el.count() == 1 and frame_el.get_attribute("sandbox") == "allow-scripts"
    assert output.locator("img").is_hidden(), "the picture stands aside for the frame"
    frame = frame_el.element_handle().content_frame()
    drawn = pd.read_csv(lab.root / "figures" / "scratch" / "turnout-by-city.csv")
    i = int(drawn["source_quote"].first_valid_index())
    mark = frame.locator(f'.mk[data-i="{i}"]:visible')
    assert frame.locator(".mk:visible").count() == len(drawn)
    mark.focus()
    tip = frame.locator("#tc-tip")
    tip.wait_for(state="visible")
    assert " ".join(drawn["source_quote"][i].split()) in " ".join(tip.inner_text().split())
    # The notebook's listener sized the frame to the whole chart: no inner scrolling.
    inner = frame.evaluate("document.documentElement.scrollHeight")
    outer = frame_el.evaluate("f => f.getBoundingClientRect().height")
    assert frame_el.evaluate("f => f.style.height") and abs(inner - outer) <= 2, (inner, outer)
    return frame_el, mark


def _assert_untrusted_shows_the_picture(page, lab: Lab, alt: str) -> None:
    """Reopened by someone who did not run it (untrusted): the sanitizer drops the frame
    and its script; the picture shows, with its alt text."""
    untrusted = nbformat.read(lab.root / "notebooks" / NOTEBOOK, 4)
    untrusted.metadata["turnout_test"] = "a copy this server never signed"
    nbformat.write(untrusted, lab.root / "notebooks" / "untrusted.ipynb")
    # Opened in the same JupyterLab (File > Open from Path), as a reporter opens a file:
    # no second load of the whole application.
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Open from Path")).click()
    page.locator(".jp-Dialog input").fill("notebooks/untrusted.ipynb")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text="untrusted.ipynb").wait_for()
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    picture = panel.locator(".jp-OutputArea-output .turnout-notebook-chart img")
    picture.wait_for()
    assert panel.locator(".jp-OutputArea-output iframe").count() == 0
    assert picture.is_visible()
    assert picture.evaluate("i => i.complete && i.naturalWidth") == 640
    assert picture.get_attribute("alt") == alt
    picture.scroll_into_view_if_needed()
    shoot(page, SHOTS / "jupyterlab-02-untrusted.png")


def _saved_chart(page, path: Path) -> nbformat.NotebookNode:
    """The chart's output in the notebook on disk, once JupyterLab has saved it."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        nb = nbformat.read(path, 4)
        charts = [
            o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
        ]
        if charts:
            assert len(charts) == 1
            return charts[0]
        page.wait_for_timeout(500)  # not time.sleep: the save's request waits on route()
    pytest.fail(f"JupyterLab never saved {path.name} with its chart")


def _wait_idle(page, lab: Lab) -> None:
    """The notebook's kernel is idle, as the server sees it (every message handled)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        sessions = _get(f"{lab.url}/api/sessions", lab.token)
        states = [s["kernel"]["execution_state"] for s in sessions if s.get("kernel")]
        if states and all(s == "idle" for s in states):
            return
        page.wait_for_timeout(500)
    pytest.fail(f"the kernel never went idle:\n{lab.log.read_text()[-3000:]}")
