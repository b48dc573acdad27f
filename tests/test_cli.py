"""The turnout command as a user runs it: outputs, the summary line, one-line errors."""

import subprocess
import sys

import pandas as pd
import pytest

from turnout import paths

# Each test starts the command in a new process, as a user does: `make check` leaves them out.
pytestmark = pytest.mark.slow


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "turnout", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_clean_writes_events_and_rejected(tmp_path):
    out = tmp_path / "processed" / "ice_out_2026.csv"
    result = run("clean", str(paths.seed_path()), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "18 clean, 0 rejected"
    events = pd.read_csv(out)
    assert len(events) == 18
    assert events.loc[0, "date"] == "2026-01-23"
    assert {"size_low", "size_high", "temp_f_low", "latitude", "source_quote"} <= set(
        events.columns
    )
    rejected = pd.read_csv(tmp_path / "processed" / "ice_out_2026.rejected.csv")
    assert len(rejected) == 0 and "reason" in rejected.columns


def test_rejected_rows_go_beside_the_output(tmp_path):
    src = tmp_path / "story.csv"
    src.write_text(
        "date,locality,state,size_text\n"
        "2026-01-30,Denver,CO,about 50\n"
        ",Denver,CO,dozens\n"
        "2026-01-31,Portland,,hundreds\n",
        encoding="utf-8",
    )
    result = run("clean", str(src), "-o", str(tmp_path / "clean.csv"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 clean, 2 rejected"
    # Each rejected row and why, as `turnout build` reports a story's (turnout.dataset).
    assert result.stderr.splitlines()[:2] == [
        "  rejected row 3: date: blank",
        "  rejected row 4: state: 'Portland' is ambiguous without a state (OR, ME, TX, TN, ...)",
    ]
    rejected = pd.read_csv(tmp_path / "clean.rejected.csv")
    assert list(rejected.row) == [3, 4]
    assert list(rejected.reason.str.split(":").str[0]) == ["date", "state"]


def test_bad_file_is_one_line_not_a_traceback(tmp_path):
    src = tmp_path / "broken.csv"
    src.write_text("when,where\n2026-01-30,Denver\n", encoding="utf-8")
    result = run("clean", str(src), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "broken.csv" in lines[0] and "row 1" in lines[0] and "'date'" in lines[0]


def test_missing_file(tmp_path):
    result = run("clean", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 2
    assert "nope.csv: no such file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_ccc_files_of_every_era_are_detected(tmp_path):
    fixtures = paths.project_root() / "tests" / "fixtures"
    for name, rows in [("ccc_sheet_2018.csv", 3), ("ccc_phase3.csv", 13)]:
        result = run("clean", str(fixtures / name), "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        clean, rejected = (int(w) for w in result.stdout.split()[::2][:2])
        assert clean + rejected == rows
        assert (pd.read_csv(tmp_path / name)["source_name"] == "Crowd Counting Consortium").all()


def test_wrong_format_flag_says_which_flag_to_use(tmp_path):
    result = run("clean", str(paths.seed_path()), "-o", str(tmp_path / "x.csv"), "--format", "ccc")
    assert result.returncode == 2
    assert "--format turnout" in result.stderr and "Traceback" not in result.stderr


def test_clean_warns_where_the_words_are_not_in_the_quote(tmp_path):
    src = tmp_path / "story.csv"
    src.write_text(
        "date,locality,state,size_text,source_quote\n"
        '2026-01-30,Denver,CO,dozens,"Dozens marched in Denver."\n'  # case aside: quoted
        '2026-01-31,Boulder,CO,about 90,"About 80 rallied."\n',
        encoding="utf-8",
    )
    result = run("clean", "story.csv", "-o", "out.csv", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2 clean, 0 rejected"  # kept: a warning, nothing lost
    assert result.stderr.strip() == (
        "turnout: warning: story.csv, row 3, column 'size_text': "
        "'about 90' is not in its source_quote"
    )
