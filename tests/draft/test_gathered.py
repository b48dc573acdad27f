"""The review of a merged draft: grouped by gathering, each source's sentences highlighted;
and the review notebook showing it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from turnout import paths
from turnout.draft.gathered import gathered_review
from turnout.draft.manifest import Article

SRC = Path(__file__).resolve().parents[2] / "src"
DAY = [
    Article(
        0, "2026-02-01", "AP", "https://ap.example/1",
        text="SEATTLE (AP) — Police said about 40,000 people marched in Seattle on Saturday. "
        "Hundreds rallied in Denver on Saturday.",
    ),
    Article(
        1, "2026-02-02", "KUOW <radio>",
        text="Organizers said 150,000 marched through Seattle on Saturday.",
    ),
]  # fmt: skip


def test_a_gathering_at_a_time_with_every_source_and_its_words_highlighted():
    review = gathered_review(DAY)
    assert review.rows[["locality", "size_text"]].values.tolist() == [
        ["Seattle", "about 40,000; 150,000"],
        ["Denver", "Hundreds"],
    ]
    assert review.sources == [[(0, 0), (1, 0)], [(0, 1)]]
    page = review.html()
    seattle, denver = page.split('id="gathering-1"')[1].split('id="gathering-2"')
    assert "Seattle, WA, Feb. 1, 2026" not in seattle  # the gathering's day, not a source's
    assert (
        "1. Seattle, WA, Jan. 31, 2026: 40,000-150,000 (about 40,000; 150,000); 2 sources"
        in seattle
    )
    assert "AP, Feb. 1, 2026" in seattle and "KUOW &lt;radio&gt;, Feb. 2, 2026" in seattle
    assert '<a class="dr dr-size" title="crowd size of row 1">about 40,000</a>' in seattle
    assert '<a class="dr dr-size" title="crowd size of row 1">150,000</a>' in seattle
    assert "estimates by source: AP &#x27;about 40,000&#x27;; KUOW" in seattle
    assert "150,000" not in denver and "Hundreds</a>" in denver and "1 source<" in denver
    assert 'href="#' not in page and "<script" not in page  # no links into another view
    assert review._repr_mimebundle_()["text/html"] == page


@pytest.mark.slow
def test_the_review_notebook_shows_a_merged_draft(tmp_path):
    manifest = tmp_path / "day.jsonl"
    manifest.write_text(
        "\n".join(
            json.dumps({"text": a.text, "published": a.published, "source": a.source}) for a in DAY
        ),
        encoding="utf-8",
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    executed = tmp_path / "00.ipynb"
    cmd = [
        sys.executable, "-m", "papermill",
        str(paths.notebooks_dir() / "00-draft-from-article.ipynb"), str(executed),
        "-k", "python3", "-y", f"articles: [{json.dumps(str(manifest))}]",
        "--cwd", str(paths.project_root()), "--no-progress-bar",
    ]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    shown = [
        o["data"]["text/html"]
        for c in nbformat.read(executed, as_version=4).cells
        for o in c.get("outputs", [])
        if "text/html" in o.get("data", {})
    ]
    merged = [h for h in shown if "Merged draft, by gathering" in h]
    assert len(merged) == 1 and "2 gatherings from 2 articles" in merged[0]


def test_a_story_files_its_day_of_coverage_as_a_folder_or_a_manifest(tmp_path, monkeypatch):
    from turnout.draft.manifest import story_articles

    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    sources = tmp_path / "data" / "raw" / "sources"
    sources.mkdir(parents=True)
    assert story_articles("may-day") == [] and story_articles(None) == []
    (sources / "may-day.jsonl").write_text("{}\n", encoding="utf-8")
    assert story_articles("may-day") == [sources / "may-day.jsonl"]
    (sources / "may-day").mkdir()
    (sources / "may-day" / "ap.txt").write_text("Hundreds marched.", encoding="utf-8")
    # The manifest first: the folder beside it holds the files it names.
    assert story_articles("may-day") == [sources / "may-day.jsonl"]
    (sources / "may-day.jsonl").unlink()
    assert story_articles("may-day") == [sources / "may-day"]
