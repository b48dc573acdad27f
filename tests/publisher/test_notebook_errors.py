"""Errors inside a notebook: one line for bad input, the full traceback for a bug (issue 12);
and the build's own error (turnout.publisher.errors): a notebook and a cell, one line."""

from __future__ import annotations

import pickle

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from sharing import warm_kernel

from turnout.errors import DataError, PlaceError, one_line
from turnout.publisher.errors import NotebookError, notebook_error


def _error_output(tmp_path, code: str) -> dict:
    """Run ``import turnout`` then ``code`` in a real kernel; the failing cell's error output."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import turnout"), nbformat.v4.new_code_cell(code)]
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(tmp_path)}},
        **warm_kernel(),
    )
    with pytest.raises(CellExecutionError):
        client.execute()
    (err,) = [o for o in nb.cells[1].outputs if o["output_type"] == "error"]
    return err


@pytest.mark.slow
@pytest.mark.parametrize(
    ("code", "line"),
    [
        (
            'turnout.read_story("no-such-story")',
            "DataError: ",
        ),
        (
            'turnout.resolve_place("Portland")',
            "PlaceError: 'Portland' is ambiguous without a state",
        ),
        (
            'turnout.select_events(turnout.load_events(), cities=["Minneapolos"])',
            "DataError: no events in city 'Minneapolos'; did you mean 'Minneapolis'?",
        ),
    ],
)
def test_bad_input_in_a_notebook_is_one_line(tmp_path, code, line):
    err = _error_output(tmp_path, code)
    assert len(err["traceback"]) == 1, err["traceback"]
    assert err["traceback"][0].startswith(line)
    assert "\n" not in err["traceback"][0] and "File " not in err["traceback"][0]


@pytest.mark.slow
def test_a_bug_in_a_notebook_keeps_its_traceback(tmp_path):
    # A real bug (a library call given nonsense) is not a reporter's error: every frame stays.
    err = _error_output(tmp_path, "turnout.select_events(None, cities=['Denver'])")
    assert err["ename"] in ("TypeError", "AttributeError")
    text = "\n".join(err["traceback"])
    assert len(err["traceback"]) > 1 and "select.py" in text


def test_one_line_matches_the_command_line():
    err = PlaceError("locality is empty", "locality")
    assert err._render_traceback_() == [
        "PlaceError: locality is empty; give the place's 'locality'"
    ]
    got = DataError("bad", path="a.csv", row=2, column="date")._render_traceback_()
    assert got == ["DataError: a.csv, row 2, column 'date': bad"]


def test_a_cell_is_named_when_known(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nb = tmp_path / "notebooks" / "02-by-city.ipynb"
    assert str(NotebookError(nb, "KeyError: 'city'", cell=6)) == (
        "notebooks/02-by-city.ipynb, cell 6: KeyError: 'city'"
    )
    assert (
        str(NotebookError(nb, "no such notebook")) == "notebooks/02-by-city.ipynb: no such notebook"
    )


def test_it_is_a_data_error_read_as_one_line():
    err = NotebookError("n.ipynb", "bad\n  input", cell=2)
    assert isinstance(err, DataError)
    assert one_line(err) == "n.ipynb, cell 2: bad input"


def test_it_survives_the_trip_from_a_worker():
    err = NotebookError("notebooks/03-x.ipynb", "ZeroDivisionError: division by zero", cell=4)
    back = pickle.loads(pickle.dumps(err))
    assert (back.notebook, back.message, back.cell) == (err.notebook, err.message, 4)
    assert str(back) == str(err)
    assert str(notebook_error("a.ipynb", "m", None)) == "a.ipynb: m"
