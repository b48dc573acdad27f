"""turnout.cli in this process: the command's arguments, its exit statuses and its one-line
errors, fast (tests/test_cli.py runs the command in a new process, as a user does)."""

from __future__ import annotations

import pytest

from turnout import paths
from turnout.cli import build_parser, main
from turnout.errors import DataError


def test_clean_prints_its_summary_and_writes_beside_the_output(tmp_path, capsys):
    out = tmp_path / "processed" / "events.csv"
    assert main(["clean", str(paths.seed_path()), "-o", str(out), "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == "18 clean, 0 rejected"
    assert out.is_file() and (tmp_path / "processed" / "events.rejected.csv").is_file()


def test_a_missing_file_is_one_line_and_status_2(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("turnout: error: ") and "nope.csv" in err[0]
    assert "Traceback" not in err[0]


def test_debug_shows_the_traceback_instead(tmp_path):
    with pytest.raises(DataError, match="nope.csv: no such file"):
        main(["--debug", "clean", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "o.csv")])


def test_new_story_says_what_it_wrote_and_what_comes_next(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # paths are shown from the project folder
    assert main(["new", "may-day", "--title", "May Day marches", "--source", "AP"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "wrote data/raw/may-day.csv (the header, no rows)"
    assert lines[-1].startswith("next: one row per protest in may-day.csv")
    assert (tmp_path / "data" / "raw" / "may-day.csv").is_file()


def test_a_command_is_required_and_counts_must_be_whole(capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit):
        build_parser().parse_args(["draft", "a.txt", "--published", "2026-02-03", "--jobs", "0"])
    assert "'0' is not a whole number of 1 or more" in capsys.readouterr().err
