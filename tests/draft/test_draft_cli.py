"""`turnout draft`: files, folders, --story and -o, one-line errors, and the review view."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from turnout.cli import main
from turnout.columns import RAW_COLUMNS
from turnout.draft.review import draft_review, review_html
from turnout.draft.text import story_article

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
SRC = Path(__file__).resolve().parents[2] / "src"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_draft_to_stdout_in_the_story_format(capsys):
    assert main(["draft", str(story_article()), "--published", "2026-02-03", "--source", "WW"]) == 0
    out, err = capsys.readouterr()
    rows = _rows(out)
    assert list(rows[0]) == [*RAW_COLUMNS, "checked"]  # empty: no row is used unchecked
    assert {r["checked"] for r in rows} == {""}
    assert len(rows) == 17 and {r["source_name"] for r in rows} == {"WW"}
    assert "17 draft rows from 1 article(s), 3 without a crowd size" in err


def test_story_draft_goes_beside_the_story_and_never_over_it(tmp_path, monkeypatch, capsys):
    article = str(story_article())
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    (tmp_path / "data" / "raw").mkdir(parents=True)
    story = tmp_path / "data" / "raw" / "ww.csv"
    story.write_text(",".join(RAW_COLUMNS) + "\n", encoding="utf-8")
    args = ["draft", article, "--published", "2026-02-03", "--story", "ww"]
    assert main(args) == 0
    draft = tmp_path / "data" / "raw" / "ww.draft.csv"
    assert len(_rows(draft.read_text(encoding="utf-8"))) == 17
    assert story.read_text(encoding="utf-8") == ",".join(RAW_COLUMNS) + "\n"  # untouched
    capsys.readouterr()
    assert main(args) == 2  # a second draft does not overwrite the first
    err = capsys.readouterr().err
    assert re.fullmatch(r"turnout: error: \S*ww\.draft\.csv: already exists: .*\n", err)


@pytest.mark.slow
def test_a_folder_of_articles_is_one_draft(tmp_path):
    out = tmp_path / "all.csv"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "turnout",
            "draft",
            str(ARTICLES),
            "--published",
            "2016-07-09",
            "-o",
            str(out),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    rows = _rows(out.read_text(encoding="utf-8"))
    n = len(list(ARTICLES.glob("*.txt")))
    assert len(rows) >= n and f"draft rows from {n} article(s)" in run.stderr
    assert {"Seattle", "Louisville", "Phoenix"} <= {r["locality"] for r in rows}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt", "--published", "2026-02-03"], "missing.txt: no such file or folder"),
        ([None, "--published", "Feb 3"], "publication date 'Feb 3' is not YYYY-MM-DD"),
    ],
)
def test_bad_input_is_one_line(args, message, capsys):
    args = [str(story_article()) if a is None else a for a in args]
    assert main(["draft", *args]) == 2
    err = capsys.readouterr().err
    assert err == f"turnout: error: {message}\n"


def test_an_article_is_never_the_output(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Hundreds marched in Denver on Saturday.", encoding="utf-8")
    assert main(["draft", str(article), "--published", "2026-02-03", "-o", str(article)]) == 2
    assert "is an article" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == "Hundreds marched in Denver on Saturday."


def test_binary_file_is_refused(tmp_path, capsys):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["draft", str(bad), "--published", "2026-02-03"]) == 2
    assert "binary data" in capsys.readouterr().err


def test_review_links_every_highlight_to_its_row_and_back():
    text = story_article().read_text(encoding="utf-8")
    review = draft_review(text, published="2026-02-03")
    html = review_html(review.draft)
    n = len(review.rows)
    for row in range(1, n + 1):
        assert f'id="draft-row-{row}"' in html
        assert f'href="#draft-row-{row}"' in html  # some highlight leads to each row
    # Each row's number links back to words that exist on the page.
    for target in re.findall(r'<th scope="row"><a href="#([^"]+)"', html):
        assert f'id="{target}"' in html
    assert html.count('class="dr dr-size"') >= 14
    assert "<script" not in html and "http" not in html
    assert 'title="left out: counts things, not people"' in html  # "100 high schools"


# --------------------------------------------------------------- the review loop (issue 21)

ARTICLE = story_article()  # the bundled article, found before a test moves TURNOUT_ROOT


def _new_story(root, monkeypatch, slug="roe-2022"):
    monkeypatch.setenv("TURNOUT_ROOT", str(root))
    assert main(["new", slug, "--title", "Roe protests", "--source", "The Wire"]) == 0
    return root / "data" / "raw"


def test_o_never_replaces_a_file_unless_forced(tmp_path, capsys):
    story_csv = tmp_path / "may.csv"
    story_csv.write_text("date,locality\n2026-05-01,Boise\n", encoding="utf-8")
    args = ["draft", str(ARTICLE), "--published", "2026-02-03", "-o", str(story_csv)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"turnout: error: {story_csv}: already exists: ") and "--force" in err
    assert story_csv.read_text(encoding="utf-8") == "date,locality\n2026-05-01,Boise\n"
    assert main([*args, "--force"]) == 0
    assert len(_rows(story_csv.read_text(encoding="utf-8"))) == 17


def test_story_draft_files_the_article_and_records_its_settings(tmp_path, monkeypatch, capsys):
    raw = _new_story(tmp_path, monkeypatch)
    capsys.readouterr()
    args = ["draft", str(ARTICLE), "--published", "2026-02-03", "--story", "roe-2022"]
    assert main([*args, "--source", "Workers World", "--url", "https://example.org/a"]) == 0
    err = capsys.readouterr().err.splitlines()
    filed = raw / "sources" / "roe-2022.txt"
    assert filed.read_bytes() == ARTICLE.read_bytes()
    assert story_article("roe-2022") == filed  # what notebook 00 finds with `story` alone
    from turnout.stories import read_story

    settings = read_story("roe-2022")
    assert (settings.published, settings.outlet, settings.url) == (
        "2026-02-03", "Workers World", "https://example.org/a",
    )  # fmt: skip
    assert settings.source == "The Wire"  # a value the reporter typed is kept
    page = raw / "roe-2022.draft.html"
    assert err[-1].startswith("review the draft in ")
    assert err[-1].endswith(f"data/raw/{page.name} (a page of its own; not published)")
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and html.count("not yet") == 17  # no row checked yet
    assert not (tmp_path / "site").exists()


def test_story_settings_typed_by_the_reporter_are_kept(tmp_path, monkeypatch):
    raw = _new_story(tmp_path, monkeypatch)
    codebook = raw / "roe-2022.md"
    text = codebook.read_text(encoding="utf-8").replace("published:  ", "published: 2022-06-25")
    codebook.write_text(text, encoding="utf-8")
    args = ["draft", str(ARTICLE), "--published", "2026-02-03", "--story", "roe-2022"]
    assert main(args) == 0
    from turnout.stories import read_story

    assert read_story("roe-2022").published == "2022-06-25"


def test_a_misspelled_story_is_named(tmp_path, monkeypatch, capsys):
    _new_story(tmp_path, monkeypatch)
    capsys.readouterr()
    args = ["draft", str(ARTICLE), "--published", "2026-02-03", "--story", "roe-2202"]
    assert main(args) == 2
    assert capsys.readouterr().err.endswith(
        "no story 'roe-2202': did you mean roe-2022? (`turnout new roe-2202` starts one)\n"
    )
    assert main(["build", "--story", "roe-2202"]) == 2
    assert "did you mean roe-2022?" in capsys.readouterr().err
