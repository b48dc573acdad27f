"""The articles `turnout draft` is given: files, folders and manifests (CSV, JSON Lines)."""

from __future__ import annotations

import json

import pytest

from turnout.draft.manifest import count_articles, read_articles
from turnout.errors import DataError


def _articles(tmp_path):
    (tmp_path / "a.txt").write_text("Hundreds marched in Denver on Saturday.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Dozens rallied in Boulder.</p>", encoding="utf-8")
    return tmp_path


def test_csv_manifest_paths_are_relative_to_it_and_fields_fall_back(tmp_path):
    folder = _articles(tmp_path)
    manifest = folder / "day.csv"
    manifest.write_text(
        "path,text,published,source_name,source_url\n"
        "a.txt,,2026-02-01,AP,https://ap.example/1\n"
        ',"Thousands marched in Seattle on Friday.\nA second line.",,,\n',
        encoding="utf-8",
    )
    got = list(read_articles([manifest], published="2026-02-02", source="Desk"))
    assert [(a.number, a.published, a.source, a.url) for a in got] == [
        (0, "2026-02-01", "AP", "https://ap.example/1"),
        (1, "2026-02-02", "Desk", ""),
    ]
    assert got[0].path == str(folder / "a.txt") and got[1].text.endswith("A second line.")
    assert count_articles([manifest]) == 2


def test_jsonl_manifest_files_and_folders_are_numbered_in_order(tmp_path):
    folder = _articles(tmp_path)
    manifest = tmp_path / "m" / "day.jsonl"
    manifest.parent.mkdir()
    lines = [{"path": "../a.txt", "published": "2026-02-01", "source": "AP"}, {"text": "x"}]
    manifest.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    got = list(read_articles([folder, manifest], published="2026-02-03"))
    assert [(a.number, a.path.rsplit("/", 1)[-1], a.source) for a in got] == [
        (0, "a.txt", ""),
        (1, "b.html", ""),
        (2, "a.txt", "AP"),
        (3, "", ""),
    ]
    assert count_articles([folder, manifest]) == 4


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("path,published\nnope.txt,2026-02-01\n", "day.csv, row 2, column 'path': no such file"),
        ("path,published\na.txt,Feb 1\n", "day.csv, row 2, column 'published': publication"),
        ("path,published\n,2026-02-01\n", "day.csv, row 2: no path and no text"),
        ("text\nHundreds marched.\n", "day.csv, row 2, column 'published': no publication date"),
    ],
)
def test_a_bad_manifest_line_is_one_line_naming_it(tmp_path, body, message):
    _articles(tmp_path)
    (tmp_path / "day.csv").write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as err:
        list(read_articles([tmp_path / "day.csv"]))
    assert message in str(err.value) and str(err.value).startswith(str(tmp_path))


def test_a_bad_json_line_names_its_row(tmp_path):
    (tmp_path / "day.jsonl").write_text('{"text": "a", "published": "2026-02-01"}\n[1]\n')
    with pytest.raises(DataError, match=r"day\.jsonl, row 2: not a JSON object"):
        list(read_articles([tmp_path / "day.jsonl"]))


def test_a_long_article_in_a_csv_manifest_is_read_whole(tmp_path):
    import csv

    text = "Hundreds marched in Denver. " * 10_000  # 280,000 characters in one cell
    (tmp_path / "day.csv").write_text(f'text,published\n"{text}",2026-02-01\n', encoding="utf-8")
    before = csv.field_size_limit(131_072)  # the csv module's default, as in a fresh process
    try:
        [article] = read_articles([tmp_path / "day.csv"])
    finally:
        csv.field_size_limit(before)
    assert article.text == text
