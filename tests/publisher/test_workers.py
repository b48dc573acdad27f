"""Notebooks in worker processes (turnout.publisher.workers): the protocol a worker speaks, and
a job's failure coming back as data. In-process: the real workers run in the slow build tests."""

from __future__ import annotations

import json

from turnout.publisher.workers import build_one, follow, outcomes


def _lines(*msgs: dict) -> list[str]:
    return [json.dumps(m) + "\n" for m in msgs]


def test_progress_then_the_result():
    seen: list[tuple[str, int]] = []
    lines = _lines(
        {"kind": "total", "n": 2},
        {"kind": "cell", "n": 1},
        {"kind": "cell", "n": 1},
        {"kind": "done", "n": 0},
        {"kind": "result", "result": {"page": "site/a.html", "headline": "H"}},
        {"kind": "total", "n": 9},  # the next job's: not read
    )
    stream = iter(lines)
    assert follow(stream, lambda kind, n: seen.append((kind, n))) == {
        "page": "site/a.html",
        "headline": "H",
    }
    assert seen == [("total", 2), ("cell", 1), ("cell", 1), ("done", 0)]
    assert json.loads(next(stream)) == {"kind": "total", "n": 9}


def test_a_worker_that_dies_mid_job_gives_no_result():
    assert follow(_lines({"kind": "total", "n": 4}, {"kind": "cell", "n": 1}), print) is None


def test_jobs_without_a_result_are_errors_in_job_order():
    jobs = [{"notebook": "a.ipynb"}, {"notebook": "b.ipynb"}, {"notebook": "c.ipynb"}]
    got = outcomes(jobs, [{"page": "a"}, None, {"error": ["c.ipynb", "bad", 3]}])
    assert got == [
        {"page": "a"},
        {"error": ["b.ipynb", "the build worker process died", None]},
        {"error": ["c.ipynb", "bad", 3]},
    ]


def test_a_notebook_that_cannot_be_built_comes_back_as_data(tmp_path):
    broken = tmp_path / "02-broken.ipynb"
    broken.write_text("not a notebook", encoding="utf-8")
    page = tmp_path / "site" / "broken.html"
    job = {
        "notebook": str(broken),
        "page": str(page),
        "figures_dir": str(tmp_path / "figures"),
        "parameters": {},
        "timeout": 5,
        "root": str(tmp_path),
        "src_dir": str(tmp_path),
    }
    reports: list[str] = []
    result = build_one(job, lambda kind, n: reports.append(kind))
    (notebook, message, cell) = result["error"]
    assert notebook == str(broken) and cell is None
    assert message.startswith("is not a readable notebook (")
    assert reports == ["done"]  # the bar closes even when the job fails
    assert not page.exists()
