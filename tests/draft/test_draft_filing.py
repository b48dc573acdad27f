"""turnout.draft.filing: an article filed with its story, its settings filled where empty."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from turnout.draft.filing import file_article, file_coverage, fill_settings, rewrite_manifest
from turnout.errors import DataError

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
TAX_DAY = ARTICLES / "ap-2009-04-15-tax-day.txt"
MAY_DAY = ARTICLES / "ap-2016-05-01-may-day.txt"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """An empty project of its own: filing writes under its data/raw/sources/."""
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    return tmp_path


def test_an_article_is_filed_once_under_the_story_name(project):
    target, copied = file_article("tax-day", TAX_DAY)
    assert target == project / "data" / "raw" / "sources" / "tax-day.txt" and copied
    assert target.read_bytes() == TAX_DAY.read_bytes()  # the words as received
    assert file_article("tax-day", TAX_DAY) == (target, False)  # the same article again


def test_another_article_never_replaces_the_one_filed(project):
    target, _ = file_article("tax-day", TAX_DAY)
    with pytest.raises(DataError, match="another article is already filed") as err:
        file_article("tax-day", MAY_DAY)
    assert "sources/tax-day.txt" in str(err.value)
    assert target.read_bytes() == TAX_DAY.read_bytes()


def test_settings_are_filled_only_where_empty_and_comments_kept():
    text = "---\ntitle: Tax day\npublished:   # YYYY-MM-DD\noutlet: The Ledger\n---\n# Notes\n"
    values = {"published": "2009-04-15", "outlet": "AP", "url": "https://apnews.com/x"}
    new, filled = fill_settings(text, values)
    assert filled == ["published", "url"]
    lines = new.splitlines()
    assert "published: 2009-04-15   # YYYY-MM-DD" in lines
    assert "outlet: The Ledger" in lines  # what the reporter typed stays
    assert "url: https://apnews.com/x" in lines
    assert new.endswith("---\n# Notes\n")


def test_a_codebook_without_settings_gets_a_block_of_what_is_given():
    new, filled = fill_settings("# Notes\n", {"published": "2016-05-01", "outlet": None})
    assert filled == ["published"]
    assert new == "---\npublished: 2016-05-01\n---\n\n# Notes\n"


def test_a_manifest_points_into_the_story_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Hundreds marched in Denver.", encoding="utf-8")
    csv_manifest = tmp_path / "day.csv"
    csv_manifest.write_text("path,source\na.txt,AP\n,KUOW\n", encoding="utf-8")
    text, files = rewrite_manifest(csv_manifest, "may-day")
    assert text == "path,source\nmay-day/a.txt,AP\n,KUOW\n"  # a blank path stays blank
    assert files == [tmp_path / "a.txt"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"path": "a.txt"}\n{not json\n', encoding="utf-8")
    with pytest.raises(DataError, match="not a JSON object"):
        rewrite_manifest(bad, "may-day")


def test_coverage_is_filed_with_its_manifest_and_never_over_another(project, tmp_path):
    day = tmp_path / "day"
    day.mkdir()
    for article in (TAX_DAY, MAY_DAY):
        (day / article.name).write_bytes(article.read_bytes())
    manifest = day / "day.jsonl"
    rows = [{"path": TAX_DAY.name, "source": "AP"}, {"path": MAY_DAY.name, "source": "AP"}]
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    written = file_coverage("spring", [manifest])
    sources = project / "data" / "raw" / "sources"
    assert sorted(p.relative_to(sources).as_posix() for p in written) == [
        "spring.jsonl",
        f"spring/{TAX_DAY.name}",
        f"spring/{MAY_DAY.name}",
    ]
    filed = [
        json.loads(line)["path"] for line in (sources / "spring.jsonl").read_text().splitlines()
    ]
    assert filed == [f"spring/{TAX_DAY.name}", f"spring/{MAY_DAY.name}"]
    assert file_coverage("spring", [manifest]) == []  # filed already: nothing new
    (day / TAX_DAY.name).write_text("Other words.", encoding="utf-8")
    with pytest.raises(DataError, match="another file is already filed"):
        file_coverage("spring", [manifest])
    assert (sources / "spring" / TAX_DAY.name).read_bytes() == TAX_DAY.read_bytes()
