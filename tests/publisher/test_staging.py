"""Publishing all at once or not at all (turnout.publisher.staging): staged files move into
the real folders only when told, and leaving the block leaves nothing staged behind."""

from __future__ import annotations

from turnout.publisher.staging import Staging


def _folders(tmp_path):
    site, figures = tmp_path / "site", tmp_path / "figures"
    site.mkdir()
    (site / "other.html").write_text("another page", encoding="utf-8")
    return site, figures


def test_staging_folders_sit_beside_the_real_ones(tmp_path):
    site, figures = _folders(tmp_path)
    with Staging(site, figures) as stage:
        assert stage.site.parent == tmp_path and stage.site.name.startswith(".site.staging-")
        assert stage.figures.name.startswith(".figures.staging-")
        assert stage.site.is_dir() and stage.figures.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # figures/ not made yet


def test_final_is_where_a_staged_file_will_be_published(tmp_path):
    site, figures = _folders(tmp_path)
    with Staging(site, figures) as stage:
        staged = stage.figures / "river" / "chart.png"
        assert stage.final(staged) == figures / "river" / "chart.png"
        assert stage.final(stage.site / "page.html") == site / "page.html"


def test_a_path_not_staged_is_left_where_it_is(tmp_path):
    site, figures = _folders(tmp_path)
    elsewhere = tmp_path / "mine.png"
    elsewhere.write_bytes(b"x")
    with Staging(site, figures) as stage:
        assert stage.final(elsewhere) == elsewhere
        stage.commit(tmp_path / "publish.json")
    assert elsewhere.read_bytes() == b"x"


def test_commit_replaces_what_the_build_wrote_and_nothing_else(tmp_path):
    site, figures = _folders(tmp_path)
    (site / "page.html").write_text("old", encoding="utf-8")
    data = tmp_path / "staged.csv"
    data.write_text("rows", encoding="utf-8")
    journal = tmp_path / "cache" / "publish.json"
    journal.parent.mkdir()
    with Staging(site, figures) as stage:
        (stage.site / "page.html").write_text("new", encoding="utf-8")
        (stage.figures / "river").mkdir()
        (stage.figures / "river" / "a.csv").write_text("a", encoding="utf-8")
        stage.commit(journal, also=[(data, tmp_path / "processed.csv")])
    assert (site / "page.html").read_text("utf-8") == "new"
    assert (site / "other.html").read_text("utf-8") == "another page"
    assert (figures / "river" / "a.csv").read_text("utf-8") == "a"
    assert (tmp_path / "processed.csv").read_text("utf-8") == "rows"  # the story's data too
    assert not journal.exists()  # a finished publish leaves no journal to complete
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cache",
        "figures",
        "processed.csv",
        "site",
    ]


def test_a_failed_build_leaves_the_real_folders_as_they_were(tmp_path):
    site, figures = _folders(tmp_path)
    try:
        with Staging(site, figures) as stage:
            (stage.site / "other.html").write_text("half a build", encoding="utf-8")
            raise RuntimeError("a notebook failed")
    except RuntimeError:
        pass
    assert (site / "other.html").read_text("utf-8") == "another page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
