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


def test_publish_moves_one_file_and_says_where(tmp_path):
    site, figures = _folders(tmp_path)
    with Staging(site, figures) as stage:
        staged = stage.figures / "river" / "chart.png"
        staged.parent.mkdir()
        staged.write_bytes(b"png")
        final = stage.publish(staged)
        assert final == figures / "river" / "chart.png"
        assert final.read_bytes() == b"png" and not staged.exists()


def test_a_path_not_staged_is_left_where_it_is(tmp_path):
    site, figures = _folders(tmp_path)
    elsewhere = tmp_path / "mine.png"
    elsewhere.write_bytes(b"x")
    with Staging(site, figures) as stage:
        assert stage.publish(elsewhere) == elsewhere
    assert elsewhere.read_bytes() == b"x"


def test_publish_rest_replaces_what_the_build_wrote_and_nothing_else(tmp_path):
    site, figures = _folders(tmp_path)
    (site / "page.html").write_text("old", encoding="utf-8")
    with Staging(site, figures) as stage:
        (stage.site / "page.html").write_text("new", encoding="utf-8")
        (stage.figures / "a.csv").write_text("a", encoding="utf-8")
        stage.publish_rest()
    assert (site / "page.html").read_text("utf-8") == "new"
    assert (site / "other.html").read_text("utf-8") == "another page"
    assert (figures / "a.csv").read_text("utf-8") == "a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures", "site"]


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
