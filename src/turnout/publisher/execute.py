"""Running one notebook: its parameters injected, papermill style, then every cell in a
fresh kernel (nbclient), in the project root. A cell error becomes a :class:`NotebookError`
naming the notebook's own cell number (the injected cell is not counted)."""

from __future__ import annotations

import ast
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from turnout.clean_memo import MEMO_ENV
from turnout.publisher.errors import NotebookError
from turnout.publisher.stand_in import SOCKET_ENV
from turnout.publisher.warm import kernel_manager_class

# Builds run the Python that runs the build (jupyter_client maps "python3" to it), so a
# fresh clone builds without a registered kernel; nbclient's kernel_name overrides the
# notebooks' own kernelspec ("turnout", which `make lab` registers in .venv for JupyterLab).
KERNEL_NAME = "python3"
#: Tag of the cell the build inserts after the notebook's ``parameters`` cell.
INJECTED_TAG = "injected-parameters"


def check_parameters(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as plain literals (paths become strings); anything else is refused.

    >>> check_parameters({"story": "may-day", "cities": ["Boise"]})
    {'story': 'may-day', 'cities': ['Boise']}
    """
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


def inject_parameters(nb: Any, nb_path: Path, params: Mapping[str, Any]) -> int:
    """Insert a cell setting ``params`` right after the ``parameters`` cell; returns its index."""
    import nbformat

    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    if not tagged:
        raise NotebookError(nb_path, "has no cell tagged 'parameters' to inject figures_dir into")
    source = "# Parameters injected by turnout build\n" + "\n".join(
        f"{name} = {value!r}" for name, value in params.items()
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    nb.cells.insert(tagged[0] + 1, cell)
    return tagged[0] + 1


def execute(job: Mapping[str, Any], report: Callable[[str, int], None]) -> Any:
    """Run the notebook in a fresh ``python3`` kernel in the project root; returns it executed.

    ``job`` gives ``notebook``, ``parameters``, ``timeout`` (seconds per cell),
    ``root`` (the working directory), ``src_dir`` (put first on the kernel's path) and
    ``memo_dir`` (optional: where the build's notebooks share cleaned tables,
    :mod:`turnout.clean_memo`).
    ``report("total", n)`` once, then ``report("cell", 1)`` per cell run.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb_path = Path(job["notebook"])
    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception as err:  # a broken .ipynb: name it, do not dump a traceback
        raise NotebookError(nb_path, f"is not a readable notebook ({err})") from None
    for cell in nb.cells:  # outputs saved in the file never reach the page
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    injected = inject_parameters(nb, nb_path, job["parameters"])
    report("total", sum(c.cell_type == "code" for c in nb.cells))

    def original(index: int) -> int | None:
        """1-based cell number in the notebook file (the injected cell is not in it)."""
        if index == injected:
            return None
        return index + (0 if index < injected else -1) + 1

    current: dict[str, int] = {"index": 0}

    def on_start(cell: Any, cell_index: int) -> None:
        current["index"] = cell_index

    def on_done(cell: Any, cell_index: int, execute_reply: Any) -> None:
        report("cell", 1)

    env = kernel_env(job, os.environ)

    warm: dict[str, Any] = (
        {"kernel_manager_class": kernel_manager_class()} if job.get("kernel_socket") else {}
    )

    def client() -> Any:
        return NotebookClient(
            nb,
            **warm,  # a fork of the build's warm process (turnout.publisher.warm)
            config=_kernel_config(),
            timeout=job["timeout"],
            kernel_name=KERNEL_NAME,
            resources={"metadata": {"path": job["root"]}},
            on_cell_start=on_start,
            on_cell_executed=on_done,
            # Outputs and figure files are written by the time the last cell returns; a
            # graceful kernel shutdown only adds most of a second per notebook.
            shutdown_kernel="immediate",
        )

    try:
        _execute(client, env)
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


def kernel_env(job: Mapping[str, Any], environ: Mapping[str, str]) -> dict[str, str]:
    """The environment a build's kernel runs in: ``environ`` with this checkout's turnout
    first on the path, the build's mark, and the folder its notebooks share cleaned tables in.

    >>> env = kernel_env({"src_dir": "/co/src", "memo_dir": "/tmp/m"}, {"PYTHONPATH": "/x"})
    >>> env["PYTHONPATH"].split(os.pathsep), env["TURNOUT_BUILD"], env[MEMO_ENV]
    (['/co/src', '/x'], '1', '/tmp/m')
    """
    env = dict(environ)
    # The kernel must import this turnout (the checkout's), installed or not.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [job["src_dir"], env.get("PYTHONPATH")]))
    env["TURNOUT_BUILD"] = "1"  # publish.BUILD_ENV: this run writes the article's files
    if job.get("memo_dir"):  # the build's notebooks clean each file once between them
        env[MEMO_ENV] = job["memo_dir"]
    if job.get("kernel_socket"):  # where the warm process forks this build's kernels
        env[SOCKET_ENV] = job["kernel_socket"]
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # silence debugpy's frozen-module note
    return env


#: Times a kernel that dies while starting is started again (before any cell has run).
KERNEL_STARTS = 3


def _execute(client: Callable[[], Any], env: dict[str, str]) -> None:
    """Run a fresh client's notebook; a kernel that dies before it is ready (its ports taken
    by another process starting at the same moment, as when several builds run at once) is
    started again, up to :data:`KERNEL_STARTS` times: no cell has run, so nothing repeats."""
    for attempt in range(1, KERNEL_STARTS + 1):
        try:
            client().execute(env=env)
            return
        except RuntimeError as err:
            if "before replying to kernel_info" not in str(err) or attempt == KERNEL_STARTS:
                raise


def _kernel_config() -> Any:
    """Kernel manager settings: CurveZMQ keys when pyzmq has them, so the kernel does not run
    (and warn about running) over plain-text TCP."""
    import zmq
    from traitlets.config import Config

    config = Config()
    if zmq.has("curve"):
        config.KernelManager.transport_encryption = "auto"
    return config
