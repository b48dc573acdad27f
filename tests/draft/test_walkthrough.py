"""What a new user found following the README on a fresh clone (issues 21 and 23): several
articles never get a made-up source, one --source never names a folder, a day's coverage is
filed with its story, and the words a reporter reads say what is true."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pandas as pd

from turnout.ap import source_line
from turnout.clean import input_warnings
from turnout.cli import main
from turnout.draft.batch import draft_stream
from turnout.draft.manifest import Article, read_articles, story_articles
from turnout.draft.notes import NO_SOURCE

ROOT = Path(__file__).resolve().parents[2]
DENVER = "About 4,000 rallied in Denver on Saturday."
BOISE = "Hundreds marched in Boise on Saturday."


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _day(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(DENVER, encoding="utf-8")
    (folder / "b.txt").write_text("Hundreds rallied in Denver on Saturday. " + BOISE, "utf-8")
    return folder


# ------------------------------------------------ 1. a source name is never made up


def test_articles_without_a_source_keep_it_empty_with_a_note():
    day = [Article(0, "2018-06-30", text=DENVER), Article(1, "2018-06-30", text=BOISE)]
    rows = list(draft_stream(day, jobs=1))
    assert [r["source_name"] for r in rows] == ["", ""]
    assert all(NO_SOURCE in r["notes"] for r in rows)
    assert "article" not in source_line(pd.DataFrame(rows))


def test_a_merged_row_keeps_an_unnamed_source_empty():
    day = [Article(0, "2018-06-30", "AP", text=DENVER), Article(1, "2018-06-30", text=DENVER)]
    [row] = draft_stream(day, jobs=1)
    assert row["source_name"].split("\n") == ["AP", ""]
    assert source_line(pd.DataFrame([row])) == "Source: AP, June 30, 2018"


def test_cleaning_warns_about_each_row_without_a_source():
    raw = pd.DataFrame(
        {"date": ["2018-06-30"] * 3, "source_name": ["AP", "", "AP\n"], "source_quote": [""] * 3}
    )
    warned = [w for w in input_warnings(raw, path="day.csv") if "source_name" in w]
    assert warned == [
        f"day.csv, row {n}, column 'source_name': no source named: every published number "
        "needs its source"
        for n in (3, 4)
    ]


# ------------------------------------------------ 2. one --source never names a folder


def test_one_source_names_no_folder_of_articles(tmp_path, capsys):
    folder = _day(tmp_path / "day")
    assert main(["draft", str(folder), "--published", "2018-06-30", "--source", "Heavy.com"]) == 0
    out, err = capsys.readouterr()
    assert [r["source_name"].strip() for r in _rows(out)] == ["", ""]  # Denver of 2, Boise
    assert "--source names one outlet: give a manifest with each article's source" in err


def test_one_source_still_names_one_article_and_a_manifests_unnamed_lines(tmp_path):
    folder = _day(tmp_path / "day")
    [one] = read_articles([folder / "a.txt"], published="2018-06-30", source="AP")
    assert one.source == "AP"
    manifest = tmp_path / "day.jsonl"
    manifest.write_text(
        '{"path": "day/a.txt", "source": "KUSA"}\n{"path": "day/b.txt"}\n', encoding="utf-8"
    )
    listed = read_articles([manifest], published="2018-06-30", source="AP")
    assert [a.source for a in listed] == ["KUSA", "AP"]


# ------------------------------------------------ 3, 4. --story: --force, and a day filed


def _story(root: Path, monkeypatch) -> Path:
    monkeypatch.setenv("TURNOUT_ROOT", str(root))
    assert main(["new", "roe-2022", "--title", "Roe protests", "--source", "The Wire"]) == 0
    return root / "data" / "raw"


def test_an_existing_draft_names_force(tmp_path, monkeypatch, capsys):
    raw = _story(tmp_path, monkeypatch)
    (raw / "roe-2022.draft.csv").write_text("date\n", encoding="utf-8")
    article = _day(tmp_path / "day") / "a.txt"
    assert main(["draft", str(article), "--published", "2018-06-30", "--story", "roe-2022"]) == 2
    assert "--force" in capsys.readouterr().err


def test_a_folder_is_filed_with_its_story(tmp_path, monkeypatch, capsys):
    raw = _story(tmp_path, monkeypatch)
    folder = _day(tmp_path / "day")
    capsys.readouterr()
    assert main(["draft", str(folder), "--published", "2018-06-30", "--story", "roe-2022"]) == 0
    filed = raw / "sources" / "roe-2022"
    assert sorted(p.name for p in filed.iterdir()) == ["a.txt", "b.txt"]
    assert (filed / "a.txt").read_text(encoding="utf-8") == DENVER
    assert story_articles("roe-2022") == [filed]
    err = capsys.readouterr().err
    assert re.search(r"^filed 2 articles in \S*data/raw/sources/roe-2022/$", err, re.M)
    assert "review one article at a time" not in err and "notebook 00" in err
    # Drafting again with a different article of the same name never replaces it.
    (folder / "a.txt").write_text(BOISE, encoding="utf-8")
    args = ["draft", str(folder), "--published", "2018-06-30", "--story", "roe-2022", "--force"]
    assert main(args) == 2
    assert (filed / "a.txt").read_text(encoding="utf-8") == DENVER
    assert "already filed" in capsys.readouterr().err


def test_a_manifest_is_filed_with_its_files_and_paths_rewritten(tmp_path, monkeypatch):
    raw = _story(tmp_path, monkeypatch)
    _day(tmp_path / "in" / "day")
    manifest = tmp_path / "in" / "saturday.jsonl"
    lines = [{"path": "day/a.txt", "source": "KUSA"}, {"text": BOISE, "source": "AP"}]
    manifest.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert main(["draft", str(manifest), "--published", "2018-06-30", "--story", "roe-2022"]) == 0
    filed = raw / "sources" / "roe-2022.jsonl"
    assert [json.loads(x)["path"] for x in filed.read_text().splitlines()[:1]] == ["roe-2022/a.txt"]
    assert (raw / "sources" / "roe-2022" / "a.txt").read_text(encoding="utf-8") == DENVER
    assert story_articles("roe-2022") == [filed]
    again = read_articles(story_articles("roe-2022"), published="2018-06-30")
    assert [a.source for a in again] == ["KUSA", "AP"]


def test_coverage_that_cannot_be_filed_is_refused_before_a_draft_is_written(
    tmp_path, monkeypatch, capsys
):
    raw = _story(tmp_path, monkeypatch)
    _day(tmp_path / "in" / "day")
    manifest = tmp_path / "in" / "saturday.jsonl"
    manifest.write_text(json.dumps({"text": BOISE, "source": "AP"}) + "\n", encoding="utf-8")
    capsys.readouterr()
    args = ["draft", str(manifest), str(tmp_path / "in" / "day"), "--published", "2018-06-30"]
    assert main([*args, "--story", "roe-2022"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "files one manifest, or a folder of articles" in err[0]
    assert not (raw / "roe-2022.draft.csv").exists()
    assert not (raw / "sources").exists()


# ------------------------------------------------ 6, 7. `turnout new` and .gitignore


def test_new_names_both_ways_and_a_neutral_about(tmp_path, monkeypatch, capsys):
    raw = _story(tmp_path, monkeypatch)
    out = capsys.readouterr().out
    assert "turnout draft ARTICLE --published" in out and "--story roe-2022" in out
    about = (raw / "roe-2022.md").read_text(encoding="utf-8")
    assert "The story\u2019s events come from The Wire." in about
    assert "transcribed by hand" not in about


def test_drafts_stay_out_of_git():
    run = subprocess.run(
        ["git", "check-ignore", "--no-index", "data/raw/x.draft.csv", "data/raw/x.draft.html"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.stdout.split() == ["data/raw/x.draft.csv", "data/raw/x.draft.html"]
