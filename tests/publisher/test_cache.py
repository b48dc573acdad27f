"""The build's memory (turnout.publisher.cache): what changes a notebook's key, what counts as
its outputs intact, and a manifest that survives a bad file."""

from __future__ import annotations

import json

import pytest

from turnout.publisher import cache


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    return tmp_path


def test_a_notebooks_key_follows_its_bytes_shared_key_and_parameters(tmp_path):
    nb = tmp_path / "a.ipynb"
    nb.write_text("{}", encoding="utf-8")
    key = cache.notebook_key(nb, "shared", {"story": "river"})
    assert key == cache.notebook_key(nb, "shared", {"story": "river"})
    assert key != cache.notebook_key(nb, "other", {"story": "river"})
    assert key != cache.notebook_key(nb, "shared", {"story": "lake"})
    nb.write_text("{ }", encoding="utf-8")
    assert key != cache.notebook_key(nb, "shared", {"story": "river"})


def test_a_data_file_a_parameter_names_is_an_input(tmp_path):
    nb, data = tmp_path / "a.ipynb", tmp_path / "rows.csv"
    nb.write_text("{}", encoding="utf-8")
    data.write_text("date\n2031-03-01\n", encoding="utf-8")
    params = {"data_path": str(data)}
    key = cache.notebook_key(nb, "s", params)
    data.write_text("date\n2031-03-02\n", encoding="utf-8")
    assert cache.notebook_key(nb, "s", params) != key


def test_files_key_counts_a_missing_file_as_absent(tmp_path):
    f = tmp_path / "rows.csv"
    absent = cache.files_key(f)
    f.write_text("", encoding="utf-8")
    assert cache.files_key(f) != absent
    assert cache.files_key(f) == cache.files_key(f)


def test_shared_key_follows_raw_data_and_saved_weather(project):
    raw = project / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "story.csv").write_text("a\n", encoding="utf-8")
    first = cache.shared_key(project)
    (raw / "story.csv").write_text("b\n", encoding="utf-8")
    second = cache.shared_key(project)
    assert second != first
    weather = project / "data" / "external" / "weather.csv"
    weather.parent.mkdir(parents=True)
    weather.write_text("w\n", encoding="utf-8")
    assert cache.shared_key(project) != second


def test_outputs_intact_until_a_figure_is_overwritten_or_missing(tmp_path):
    page, fig = tmp_path / "a.html", tmp_path / "a.png"
    page.write_text("page", encoding="utf-8")
    fig.write_bytes(b"png")
    entry = {"page": str(page), "figures": [str(fig)]}
    entry["outputs"] = cache.outputs_digest(page, entry["figures"])
    assert cache.outputs_intact(entry, page)
    assert not cache.outputs_intact(entry, tmp_path / "b.html")  # the page moved
    fig.write_bytes(b"another chart")
    assert not cache.outputs_intact(entry, page)
    fig.unlink()
    assert not cache.outputs_intact(entry, page)


@pytest.mark.parametrize("text", ["{ not json", "[]", json.dumps({"format": 0, "notebooks": 1})])
def test_a_manifest_unreadable_or_of_another_format_reads_as_empty(tmp_path, text):
    path = tmp_path / cache.MANIFEST
    path.write_text(text, encoding="utf-8")
    assert cache.read_manifest(path) == {"format": cache.CACHE_FORMAT, "notebooks": {}, "index": {}}


def test_a_manifest_reads_back_as_written(tmp_path):
    path = tmp_path / "deep" / cache.MANIFEST
    manifest = {"format": cache.CACHE_FORMAT, "notebooks": {"a": {"key": "k"}}, "index": {}}
    cache.write_manifest(path, manifest)
    assert cache.read_manifest(path) == manifest


def test_where_each_storys_manifest_lives(project):
    from turnout.stories import DEFAULT_STORY

    assert cache.cache_root() == project / ".turnout-cache"
    assert cache.story_cache(None) == cache.story_cache(DEFAULT_STORY) == cache.cache_root()
    assert cache.story_cache("river") == project / ".turnout-cache" / "stories" / "river"
