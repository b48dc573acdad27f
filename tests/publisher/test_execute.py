"""Running one notebook (turnout.publisher.execute): parameters checked and injected, papermill
style, and a notebook that cannot be read named in one line, all before any kernel starts."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from turnout.publisher.errors import NotebookError
from turnout.publisher.execute import INJECTED_TAG, check_parameters, execute, inject_parameters


def _nb(*tags: list[str]) -> nbformat.NotebookNode:
    cells = [nbformat.v4.new_markdown_cell("# A question?")]
    cells += [
        nbformat.v4.new_code_cell(f"x{i} = {i}", metadata={"tags": t}) for i, t in enumerate(tags)
    ]
    return nbformat.v4.new_notebook(cells=cells)


def test_paths_become_strings_and_literals_pass():
    got = check_parameters({"figures_dir": Path("/site/figures"), "labels": 10, "x": (1, None)})
    assert got == {"figures_dir": "/site/figures", "labels": 10, "x": (1, None)}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"not a name": 1}, "parameter name 'not a name' is not a Python name"),
        ({"when": object()}, "parameter when=<object object at"),
        ({"x": float("nan")}, "parameter x=nan is not a plain literal"),
        ({"f": print}, "parameter f=<built-in function print> is not a plain literal"),
    ],
)
def test_anything_but_a_plain_literal_is_refused(params, message):
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        check_parameters(params)


def test_injected_cell_follows_the_parameters_cell():
    nb = _nb([], ["parameters"], [])
    at = inject_parameters(nb, Path("n.ipynb"), {"story": "river", "cities": ["Boise"]})
    assert at == 3
    cell = nb.cells[at]
    assert cell.metadata.tags == [INJECTED_TAG]
    assert cell.source.splitlines()[1:] == ["story = 'river'", "cities = ['Boise']"]
    assert [c.source for c in nb.cells[1:3]] == ["x0 = 0", "x1 = 1"]  # the rest untouched


def test_only_the_first_parameters_cell_gets_the_injection():
    nb = _nb(["parameters"], ["parameters"])
    assert inject_parameters(nb, Path("n.ipynb"), {"a": 1}) == 2
    assert sum(INJECTED_TAG in c.metadata.get("tags", []) for c in nb.cells) == 1


def test_a_notebook_without_a_parameters_cell_is_named():
    with pytest.raises(NotebookError, match=r"n.ipynb: has no cell tagged 'parameters'"):
        inject_parameters(_nb(["source"]), Path("n.ipynb"), {"a": 1})


def test_an_unreadable_notebook_is_one_line_before_any_kernel(tmp_path):
    broken = tmp_path / "03-broken.ipynb"
    broken.write_text("{ this is not json", encoding="utf-8")
    job = {"notebook": str(broken), "parameters": {}, "timeout": 5, "root": str(tmp_path)}
    reports = []
    with pytest.raises(NotebookError) as err:
        execute(job, lambda kind, n: reports.append(kind))
    assert str(err.value) == (
        f"{broken}: is not a readable notebook (Notebook does not appear to be JSON: "
        "'{ this is not json')"
    )
    assert reports == []


def test_a_kernel_that_dies_while_starting_is_started_again_and_no_other_error_is() -> None:
    from turnout.publisher.execute import KERNEL_STARTS, _execute

    def clients(failures: list[Exception]):
        made = []

        class Client:
            def execute(self, env):
                made.append(env)
                if failures:
                    raise failures.pop(0)

        return made, Client

    dying = RuntimeError("Kernel died before replying to kernel_info")
    made, client = clients([dying, dying])
    _execute(client, {"A": "1"})
    assert made == [{"A": "1"}] * 3  # two deaths while starting, then the run
    made, client = clients([dying] * KERNEL_STARTS)
    with pytest.raises(RuntimeError, match="kernel_info"):
        _execute(client, {})
    assert len(made) == KERNEL_STARTS  # it gives up, and says why
    made, client = clients([RuntimeError("a cell failed")])
    with pytest.raises(RuntimeError, match="a cell failed"):
        _execute(client, {})
    assert len(made) == 1  # any other error is never a reason to run cells again


def test_a_builds_kernels_share_its_memo_folder_and_run_this_checkouts_turnout() -> None:
    from turnout.clean_memo import MEMO_ENV
    from turnout.publisher.execute import kernel_env

    job = {"src_dir": "/co/src", "memo_dir": "/tmp/build-memo"}
    env = kernel_env(job, {"PYTHONPATH": "/site", "HOME": "/home/desk"})
    assert env[MEMO_ENV] == "/tmp/build-memo" and env["TURNOUT_BUILD"] == "1"
    assert env["PYTHONPATH"].split(os.pathsep) == ["/co/src", "/site"]
    assert env["HOME"] == "/home/desk"
    # A job without a memo folder (an older caller) shares nothing: no variable at all.
    assert MEMO_ENV not in kernel_env({"src_dir": "/co/src"}, {})
