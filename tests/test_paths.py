"""Where things live (turnout.paths): a project named by TURNOUT_ROOT, the checkout otherwise,
the user's cache, and a file written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from turnout import paths

CHECKOUT = Path(__file__).resolve().parents[1]


def test_the_checkout_is_the_project_unless_turnout_root_says_otherwise(tmp_path, monkeypatch):
    monkeypatch.delenv("TURNOUT_ROOT", raising=False)
    assert paths.project_root() == CHECKOUT
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path / "." / "newsroom"))
    root = tmp_path / "newsroom"
    assert paths.project_root() == root
    assert [
        paths.raw_dir(), paths.processed_dir(), paths.external_dir(), paths.weather_path(),
        paths.figures_dir(), paths.scratch_dir(), paths.site_dir(), paths.notebooks_dir(),
    ] == [
        root / "data" / "raw", root / "data" / "processed", root / "data" / "external",
        root / "data" / "external" / "weather.csv", root / "figures",
        root / "figures" / "scratch", root / "site", root / "notebooks",
    ]  # fmt: skip


def test_the_seed_is_the_projects_copy_else_the_packaged_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    packaged = paths.seed_path()
    assert packaged.parent.name == "data" and packaged.parent.parent.name == "turnout"
    assert packaged.read_bytes() == (CHECKOUT / "data" / "raw" / paths.SEED_NAME).read_bytes()
    (tmp_path / "data" / "raw").mkdir(parents=True)
    (tmp_path / "data" / "raw" / paths.SEED_NAME).write_text("date\n", encoding="utf-8")
    assert paths.seed_path() == tmp_path / "data" / "raw" / paths.SEED_NAME


@pytest.mark.parametrize(
    ("env", "want"),
    [
        ({"TURNOUT_CACHE_DIR": "/c/t", "XDG_CACHE_HOME": "/c/x"}, "/c/t/turnout"),
        ({"XDG_CACHE_HOME": "/c/x"}, "/c/x/turnout"),
        ({"HOME": "/home/desk"}, "/home/desk/.cache/turnout"),
    ],
)
def test_the_user_cache(monkeypatch, env, want):
    for name in ("TURNOUT_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert paths.user_cache_dir() == Path(want)


def test_display_path_is_relative_under_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert paths.display_path(tmp_path / "data" / "x.csv") == "data/x.csv"
    assert paths.display_path("/elsewhere/x.csv") == "/elsewhere/x.csv"


def test_atomic_write_replaces_the_file_and_leaves_no_temporary_one(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("old", encoding="utf-8")
    paths.atomic_write(page, "new ✓")
    assert page.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]
