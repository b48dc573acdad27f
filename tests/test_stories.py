"""Stories: `turnout new`, each story's settings in its codebook, `turnout build --story`.

The end-to-end test is a reporter's second story in a fresh project (a copy of
the checkout's notebooks and raw data, TURNOUT_ROOT): `turnout new`, a few
rows typed in, `turnout build --story`, then every page opened in Chromium and
checked as the seed's pages are, with nothing of the seed story on them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sharing import once_per_run
from test_build_site import _kernel_env, assert_reads_like_an_article

from turnout import paths
from turnout.columns import RAW_COLUMNS
from turnout.dataset import clean_story
from turnout.errors import DataError
from turnout.publisher import clean_data, find_notebooks, page_name
from turnout.publisher.cache import MANIFEST, story_cache, write_manifest
from turnout.publisher.index import index_html, story_entries, write_site_index
from turnout.stories import DEFAULT_STORY, check_slug, new_story, parse_settings, read_story

ROOT = paths.project_root()
NOTEBOOKS = find_notebooks()  # the pages: never the draft review
SLUG = "river-rally-2031"
TITLE = "Synthetic test story: river rallies"
SOURCE = "The Test Ledger (synthetic data for turnout's tests), March 3, 2031"
# Made up for the tests, and labelled so: places, dates and words the seed never uses.
ROWS = """\
2031-03-01,Boise,ID,Capitol steps,rally,,,,for clean rivers,about 300,40 degrees,The Test Ledger,\
2031-03-03,,"About 300 people rallied in Boise on a 40 degrees morning.",synthetic test row
2031-03-01,Spokane,WA,,march,,,,for clean rivers,"1,200 to 1,500",,The Test Ledger,2031-03-03,,\
"Some 1,200 to 1,500 marched in Spokane.",synthetic test row
2031-03-02,Tulsa,OK,,vigil,,,,for clean rivers,dozens,,The Test Ledger,2031-03-03,,\
"Dozens held a vigil in Tulsa.",synthetic test row
2031-13-45,Boise,ID,,rally,,,,for clean rivers,,,The Test Ledger,2031-03-03,,\
"A rally with a date no calendar has.",synthetic test row: rejected by design
"""
SEED_WORDS = ("Minneapolis", "Houston", "Jan. 30", "Jan. 23", "strike", "ICE", "Workers World")
# The seed's own phrases, once used as examples in page text: a new story shows none of them
# unless its own data holds them.
SEED_PHRASES = (
    "dozens and dozens",
    "6,000 to 9,000",
    "9° F",
    "a march of 50,000",
    "Students from 100 schools",
    "tens of thousands",
)


def turnout_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The `turnout` command as a reporter runs it, in the project at ``root``."""
    return subprocess.run(
        [sys.executable, "-m", "turnout", *args],
        capture_output=True,
        text=True,
        env=_kernel_env() | {"TURNOUT_ROOT": str(root)},
        cwd=root,
        timeout=900,
    )


def turnout_main(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`turnout ARGS` in this process (``turnout.cli.main``), in the project at ``root``: for
    tests of what the command says and does rather than of its process (``turnout_cli`` is
    that), without a Python and pandas start-up per call. What it prints, and any warning,
    is captured as the command's stdout and stderr."""
    import contextlib
    import io
    import os
    import warnings

    from turnout.cli import main

    out, err = io.StringIO(), io.StringIO()
    before, cwd = os.environ.get("TURNOUT_ROOT"), Path.cwd()
    os.environ["TURNOUT_ROOT"] = str(root)  # for any process the command starts, too
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            with warnings.catch_warnings():
                warnings.simplefilter("default")
                warnings.showwarning = lambda m, c, f, n, file=None, line=None: err.write(
                    warnings.formatwarning(m, c, f, n, line)
                )
                try:
                    code = main(list(args))
                except SystemExit as stop:  # argparse's usage errors
                    code = stop.code if isinstance(stop.code, int) else 2
    finally:
        os.chdir(cwd)
        if before is None:
            os.environ.pop("TURNOUT_ROOT", None)
        else:
            os.environ["TURNOUT_ROOT"] = before
    return subprocess.CompletedProcess(["turnout", *args], code, out.getvalue(), err.getvalue())


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project (TURNOUT_ROOT) with a data/raw folder."""
    (tmp_path / "data" / "raw").mkdir(parents=True)
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    return tmp_path


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("slug", ["may-day", "may-day-2026", "2031", "a"])
def test_good_slugs(slug):
    assert check_slug(slug) == slug


@pytest.mark.parametrize(
    "slug", ["May-Day", "may day", "-may", "may-", "may--day", "../may", "may/day", "", "ice_out"]
)
def test_bad_slugs_are_refused(slug, project):
    with pytest.raises(DataError, match="lowercase letters, digits and hyphens"):
        new_story(slug, title="T", source="S")
    assert list((project / "data" / "raw").iterdir()) == []


# --------------------------------------------------------------------------- turnout new


def test_new_story_writes_header_and_codebook(project):
    data, codebook = new_story(SLUG, title=TITLE, source=SOURCE)
    assert data == project / "data" / "raw" / f"{SLUG}.csv"
    assert data.read_text(encoding="utf-8") == ",".join(RAW_COLUMNS) + "\n"
    text = codebook.read_text(encoding="utf-8")
    assert f"# {TITLE}: codebook" in text
    for section in ("## Source", "## What counts as an event", "size_text", "temp_text"):
        assert section in text
    # The codebook itself says what each column takes, not the seed's README.
    assert "README.md" not in text and "ice_out_2026" not in text
    for form in ("`Sept. 1, 2031`", "`9/1/2031`", "`Ore.`", "`Oregon`", '"2,000 to 3,000"'):
        assert form in text, form
    for column in RAW_COLUMNS:
        assert f"`{column}`" in text, column
    assert not [p for p in SEED_PHRASES if p.lower() in text.lower()]
    story = read_story(SLUG)
    assert story.about.startswith("The story’s events")  # a typographer's apostrophe
    assert (story.title, story.source) == (TITLE, SOURCE)
    assert SOURCE in story.about
    # Nothing set: the data decides the period and cities; no days are marked.
    assert (story.start, story.end, story.cities, story.marked_days) == (None, None, None, {})
    assert story.data_path == str(data)
    # Run in JupyterLab, its charts go to figures/SLUG/, never over the default story's.
    assert story.figures_dir == str(project / "figures" / SLUG)


@pytest.mark.parametrize("existing", ["csv", "md"])
def test_new_story_never_overwrites(project, existing):
    raw = project / "data" / "raw"
    (raw / f"{SLUG}.{existing}").write_text("a reporter's work\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"story '{SLUG}' already exists; not overwriting it"):
        new_story(SLUG, title=TITLE, source=SOURCE)
    assert (raw / f"{SLUG}.{existing}").read_text(encoding="utf-8") == "a reporter's work\n"
    assert sorted(p.name for p in raw.iterdir()) == [f"{SLUG}.{existing}"]  # nothing else


def test_cli_new_refuses_with_one_line(tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    first = turnout_cli(tmp_path, "new", SLUG, "--title", TITLE, "--source", SOURCE)
    assert first.returncode == 0, first.stderr
    assert f"wrote data/raw/{SLUG}.csv" in first.stdout
    assert f"turnout build --story {SLUG}" in first.stdout
    codebook = (tmp_path / "data" / "raw" / f"{SLUG}.md").read_bytes()
    again = turnout_cli(tmp_path, "new", SLUG, "--title", "Other", "--source", "Other")
    assert again.returncode == 2
    assert again.stderr.strip() == (
        f"turnout: error: data/raw/{SLUG}.csv: story '{SLUG}' already exists; not overwriting it"
    )
    assert (tmp_path / "data" / "raw" / f"{SLUG}.md").read_bytes() == codebook
    bad = turnout_cli(tmp_path, "new", "River Rally", "--title", "T", "--source", "S")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "lowercase letters, digits and hyphens" in bad.stderr


def test_build_of_a_story_with_no_rows_says_so(tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    turnout_main(tmp_path, "new", SLUG, "--title", TITLE, "--source", SOURCE)
    run = turnout_main(tmp_path, "build", "--story", SLUG)
    assert run.returncode == 2
    assert run.stderr.strip() == (
        f"turnout: error: data/raw/{SLUG}.csv: no rows yet: add one row per protest "
        f"(the codebook is {SLUG}.md)"
    )
    missing = turnout_main(tmp_path, "build", "--story", "no-such-story")
    assert missing.returncode == 2 and "turnout new no-such-story" in missing.stderr


def _story_with_rows(root: Path, rows: str = ROWS, **settings: str) -> Path:
    """A new story at ``root`` with ``rows`` typed in and ``settings`` set in its codebook."""
    data, codebook = new_story(SLUG, title=TITLE, source=SOURCE)
    with data.open("a", encoding="utf-8") as f:
        f.write(rows)
    text = codebook.read_text(encoding="utf-8")
    for key, value in settings.items():
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.MULTILINE)
    codebook.write_text(text, encoding="utf-8")
    return codebook


def test_build_story_says_which_rows_were_rejected_and_where(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    unquoted = (
        "2031-03-02,Tulsa,OK,,rally,,,,,about 90,,The Test Ledger,2031-03-03,,"
        '"About 80 rallied in Tulsa.",synthetic test row: words not in the quote\n'
    )
    _story_with_rows(project, ROWS + unquoted)
    from turnout.publisher.summary import story_summary

    clean_data(SLUG)  # what `turnout build --story` runs first: it says where the files went
    wrote = f"wrote data/processed/{SLUG}.csv and data/processed/{SLUG}.rejected.csv"
    assert capsys.readouterr().err.splitlines() == [wrote]
    # The rest closes the build (turnout.publisher.summary), what matters first.
    lines = story_summary(SLUG).lines()
    assert lines[0] == f"turnout: {SLUG}: 4 clean, 1 rejected, 1 warning, 0 charts left out"
    assert lines[1].startswith(f"  rejected: data/raw/{SLUG}.csv, row 5, column 'date': ")
    assert "2031-13-45" in lines[1]
    # size_text must be inside source_quote (case aside: "dozens" is in "Dozens held ..."),
    # the rule the seed's own test enforces, now checked for every story.
    assert lines[2:] == [
        f"  warning: data/raw/{SLUG}.csv, row 6, column 'size_text': "
        "'about 90' is not in its source_quote"
    ]
    # Cleaned once: unchanged data is not cleaned again, and the summary stays.
    clean_data(SLUG)
    assert capsys.readouterr().err == ""
    assert story_summary(SLUG).lines() == lines
    # The counts are the ones clean_story returns (and `turnout clean` prints).
    _, report = clean_story(SLUG)
    assert report.summary == "4 clean, 1 rejected"
    # A cleaned file overwritten or a raw row added: cleaned again.
    (project / "data" / "processed" / f"{SLUG}.rejected.csv").write_text("not ours\n")
    clean_data(SLUG)
    assert capsys.readouterr().err.splitlines() == [wrote]
    with (project / "data" / "raw" / f"{SLUG}.csv").open("a", encoding="utf-8") as f:
        f.write(ROWS.splitlines()[0].replace("2031-03-01", "2031-03-02") + "\n")
    clean_data(SLUG)
    assert story_summary(SLUG).clean == 5


def test_a_row_without_a_source_is_a_warning_and_fails_strict(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    unnamed = (
        "2031-03-02,Tulsa,OK,,rally,,,,,About 80,,,2031-03-03,,"
        '"About 80 rallied in Tulsa.",synthetic test row: no source named\n'
    )
    _story_with_rows(project, ROWS + unnamed)
    from turnout.cli import _build_summary

    clean_data(SLUG)
    capsys.readouterr()
    assert _build_summary(SLUG, strict=False) == 0
    assert _build_summary(SLUG, strict=True) == 1
    err = capsys.readouterr().err
    assert (
        f"  warning: data/raw/{SLUG}.csv, row 6, column 'source_name': no source named: "
        "every published number needs its source"
    ) in err.splitlines()


def test_a_bad_setting_names_the_codebook_before_any_notebook_runs(tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    turnout_main(tmp_path, "new", SLUG, "--title", TITLE, "--source", SOURCE)
    with (tmp_path / "data" / "raw" / f"{SLUG}.csv").open("a", encoding="utf-8") as f:
        f.write(ROWS)
    codebook = tmp_path / "data" / "raw" / f"{SLUG}.md"
    text = codebook.read_text(encoding="utf-8")
    codebook.write_text(text.replace("cities: []", "cities: [Bosie]", 1), encoding="utf-8")
    run = turnout_main(tmp_path, "build", "--story", SLUG)
    assert run.returncode == 2
    assert run.stderr.strip() == (
        f"turnout: error: data/raw/{SLUG}.md: setting 'cities': no events in city 'Bosie'; "
        "did you mean 'Boise'?"
    )
    assert not (tmp_path / "site").exists()  # no notebook ran


def test_a_broken_settings_block_is_named_by_its_display_path(tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    turnout_main(tmp_path, "new", SLUG, "--title", TITLE, "--source", SOURCE)
    codebook = tmp_path / "data" / "raw" / f"{SLUG}.md"
    text = codebook.read_text(encoding="utf-8")
    codebook.write_text(text.replace("cities: []", "cities: [unclosed", 1), encoding="utf-8")
    run = turnout_main(tmp_path, "build", "--story", SLUG)
    assert run.returncode == 2
    # Relative to where the reporter is, like every other error line; never /tmp/...
    assert run.stderr.startswith(f"turnout: error: data/raw/{SLUG}.md, row "), run.stderr


def test_a_period_without_events_names_the_codebook(project, monkeypatch):
    monkeypatch.chdir(project)
    _story_with_rows(project, start="2031-04-01")
    with pytest.raises(DataError) as err:
        clean_story(SLUG)
    assert str(err.value) == (
        f"data/raw/{SLUG}.md: settings 'start'/'end': no events from 2031-04-01 to the last "
        "day in the chosen cities; the data runs 2031-03-01 to 2031-03-02"
    )


# --------------------------------------------------------------------------- settings


def test_seed_settings_live_in_its_codebook():
    story = read_story()
    assert story.slug == DEFAULT_STORY
    assert (story.start, story.end) == ("2026-01-23", "2026-02-02")
    assert story.marked_days == {
        "2026-01-23": "Minneapolis strike",
        "2026-01-30": "Nationwide strike",
    }
    assert "Workers World" in story.about and story.title
    assert Path(story.data_path) == paths.seed_path()


def test_keywords_override_the_codebook_and_a_file_alone_has_no_settings():
    story = read_story(start="2026-01-30", marked_days={})
    assert (story.start, story.end, story.marked_days) == ("2026-01-30", "2026-02-02", {})
    other = read_story(data_path="elsewhere.csv")
    assert (other.slug, other.data_path, other.start, other.marked_days) == (
        None,
        "elsewhere.csv",
        None,
        {},
    )


def test_packaged_codebook_is_the_checkouts():
    packaged = paths.project_root() / "src" / "turnout" / "data" / f"{DEFAULT_STORY}.md"
    assert packaged.read_bytes() == (ROOT / "data" / "raw" / f"{DEFAULT_STORY}.md").read_bytes()


@pytest.mark.parametrize(
    "block, message",
    [
        ("start: 2031-02-30", "start must be a day like 2026-05-01, not '2031-02-30'"),
        ("end: soon", "end must be a day like 2026-05-01, not 'soon'"),
        ("start: 2031-03-02\nend: 2031-03-01", "end (2031-03-01) is before start (2031-03-02)"),
        ("cities: Boise", "cities must be a list such as [Denver, Boulder], not 'Boise'"),
        ("marked_days: [2031-03-01]", "marked_days must map days to labels"),
        ("period: 2031", "unknown setting 'period'; settings are title, source, start"),
        ("cities: [unclosed", "S.md, row 4: settings block: expected ',' or ']'"),
    ],
)
def test_bad_settings_name_the_file(block, message):
    with pytest.raises(DataError) as err:
        parse_settings(f"---\ntitle: T\n{block}\n---\n# notes\n", path="S.md")
    assert message in str(err.value)
    assert str(err.value).startswith("S.md")


def test_story_select_uses_its_period_and_cities(seed_events):
    story = read_story(start="2026-01-30", end="2026-01-30", cities=["Minneapolis"])
    chosen = story.select(seed_events)
    assert len(chosen) == 1 and set(chosen["city"]) == {"Minneapolis"}
    assert len(read_story(data_path="x.csv").select(seed_events)) == len(seed_events)


# --------------------------------------------------------------------------- index


def _built_story(slug: str, title: str, dek: str) -> Path:
    """A story's index as its build leaves it: the page, and its manifest's record."""
    index = paths.site_dir() / slug / "index.html"
    index.parent.mkdir(parents=True)
    index.write_text(index_html([], heading=title, dek=dek, story=slug, home="../index.html"))
    story = {"slug": slug, "title": title, "dek": dek, "index": str(index.resolve())}
    write_manifest(story_cache(slug) / MANIFEST, {"format": 1, "notebooks": {}, "story": story})
    return index


def test_index_lists_other_stories_from_their_manifests(project):
    site = project / "site"
    _built_story(SLUG, "Rivers <rally>", "The Ledger")
    # An index.html that no build recorded is not a story, whatever it says.
    (site / "not-a-story").mkdir()
    (site / "not-a-story" / "index.html").write_text("<title>stray</title>")
    gone = _built_story("deleted-story", "Gone", "Its pages were deleted")
    gone.unlink()
    assert story_entries(site) == [(f"{SLUG}/index.html", "Rivers <rally>", "The Ledger")]
    index = write_site_index()
    assert index == site / "index.html"
    text = index.read_text(encoding="utf-8")
    assert f'<li><a href="{SLUG}/index.html">Rivers &lt;rally&gt;</a><p>The Ledger</p></li>' in text
    assert "stray" not in text and "Gone" not in text


def test_indexes_share_the_articles_page_shell():
    """One shell (head, Content-Security-Policy, masthead) for indexes and articles."""
    from turnout.publisher.render import TEMPLATE_NAME, TEMPLATES_DIR

    page = (TEMPLATES_DIR / TEMPLATE_NAME / "index.html.j2").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' not in page and "shell.head(" in page
    story = index_html([], heading="Rivers", dek="A <b>dek</b>", story="r", home="../index.html")
    front = index_html([("a.html", "A", "")])
    for html in (story, front):
        assert html.count("Content-Security-Policy") == 1
        assert "default-src 'none'" in html and '<nav class="masthead">' in html
    assert "<title>Rivers</title>" in story and 'href="../index.html">turnout<' in story
    assert '<meta name="description" content="A &lt;b&gt;dek&lt;/b&gt;">' in story
    assert "<title>turnout: protest counts, sourced</title>" in front
    assert "description" not in front


def test_no_index_when_nothing_is_built(project):
    assert write_site_index() is None
    assert not (project / "site").exists()


# --------------------------------------------------------------------------- a second story


@pytest.fixture(scope="session")
def second_story(tmp_path_factory):
    """A fresh project with the checkout's notebooks and data: a new story, built; the seed
    too. Built once a run (every pytest-xdist worker reads the same one)."""
    return once_per_run(tmp_path_factory, "newsroom", _build_second_story)


def _build_second_story(root: Path) -> Path:
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    (root / "pyproject.toml").write_text("")
    new = turnout_main(root, "new", SLUG, "--title", TITLE, "--source", SOURCE)
    assert new.returncode == 0, new.stderr
    data = root / "data" / "raw" / f"{SLUG}.csv"
    with data.open("a", encoding="utf-8") as f:
        f.write(ROWS)
    codebook = root / "data" / "raw" / f"{SLUG}.md"
    text = codebook.read_text(encoding="utf-8")
    # The reporter sets one highlighted day in the story's settings; the rest stays empty.
    text = text.replace("marked_days: {}", "marked_days: {2031-03-02: River vigil day}", 1)
    codebook.write_text(text, encoding="utf-8")
    for args in (("build", "--story", SLUG), ("build",)):
        run = turnout_cli(root, *args)
        assert run.returncode == 0, run.stderr[-3000:]
    return root


def test_second_story_lands_in_its_own_folders(second_story):
    root = second_story
    site, figures = root / "site" / SLUG, root / "figures" / SLUG
    assert sorted(p.name for p in site.iterdir()) == sorted(
        ["index.html", *(page_name(n) for n in NOTEBOOKS)]
    )
    for name in ("turnout-by-city", "temperature-vs-attendance", "timeline-density", "turnout-map"):
        for ext in ("png", "svg", "csv", "json"):
            assert (figures / f"{name}.{ext}").is_file()
    clean = (root / "data" / "processed" / f"{SLUG}.csv").read_text(encoding="utf-8")
    assert len(clean.splitlines()) == 4 and "Spokane" in clean
    rejected = (root / "data" / "processed" / f"{SLUG}.rejected.csv").read_text(encoding="utf-8")
    assert len(rejected.splitlines()) == 2 and "2031-13-45" in rejected  # kept, with its reason
    # The default story keeps its own paths beside it.
    assert (root / "site" / "turnout-by-city.html").is_file()
    assert (root / "figures" / "turnout-by-city.png").is_file()


@pytest.mark.parametrize("name", [page_name(n) for n in NOTEBOOKS])
def test_second_story_pages_read_like_the_seeds(second_story, visit, name):
    path = second_story / "site" / SLUG / name
    assert_reads_like_an_article(visit, path, f"{SLUG}-{Path(name).stem}")
    text = visit(path).page.inner_text("body")
    for word in SEED_WORDS:
        assert word not in text, f"{name} of the new story mentions {word!r}"
    own = (second_story / "data" / "raw" / f"{SLUG}.csv").read_text(encoding="utf-8").lower()
    for phrase in SEED_PHRASES:
        if phrase.lower() not in own:
            assert phrase.lower() not in text.lower(), f"{name} uses the seed's {phrase!r}"
    # The rejected row is told to the reader in the reader's words: no file names, no desk.
    assert "One of the four rows in the source data was left out" in text
    assert "Warning:" not in text and f"{SLUG}.csv" not in text


def test_second_story_charts_come_from_its_data(second_story):
    figures = second_story / "figures" / SLUG
    for f in sorted(figures.glob("*.csv")) + sorted(figures.glob("*.json")):
        text = f.read_text(encoding="utf-8")
        for word in SEED_WORDS + ("2026",):
            assert word not in text, f"{f.name} mentions {word!r}"
    by_city = json.loads((figures / "turnout-by-city.json").read_text(encoding="utf-8"))
    assert by_city["title"].startswith("Spokane")
    assert "March 1-2, 2031" in by_city["subtitle"]
    timeline = (figures / "timeline-density.csv").read_text(encoding="utf-8")
    assert "River vigil day" in timeline  # the story's own highlighted day, from its codebook
    assert "The Test Ledger" in (figures / "timeline-density.json").read_text(encoding="utf-8")


def test_indexes_link_the_stories_both_ways(second_story, visit):
    front = visit(second_story / "site" / "index.html").page
    pages = front.locator(".index-list:not(.story-list) a")
    assert pages.count() == len(NOTEBOOKS)  # the default story's pages
    story_link = front.locator(".story-list a")
    assert story_link.count() == 1 and story_link.inner_text() == TITLE
    story_link.click()
    front.wait_for_load_state()
    assert front.url.endswith(f"/site/{SLUG}/index.html")
    assert front.inner_text("h1") == TITLE and front.title() == TITLE
    assert SOURCE in front.inner_text(".dek")
    links = {a.get_attribute("href") for a in front.locator(".index-list a").all()}
    assert links == {page_name(n) for n in NOTEBOOKS}
    headlines = [a.inner_text() for a in front.locator(".index-list a").all()]
    assert any(h.startswith("Spokane, Wash., drew the largest") for h in headlines), headlines
    # Numbers in AP style, as on the pages: "three protests in three cities", not "3 ... 3".
    assert "The data holds three protests in three cities; all come with a number of people" in (
        headlines
    ), headlines
    front.locator(".masthead a").click()  # back to the site's front page
    front.wait_for_load_state()
    assert front.url.endswith("/site/index.html")


def test_a_notebook_run_with_autosaved_parameters_says_so(monkeypatch):
    """Issue 24: a papermill run quietly used a `cities` JupyterLab had autosaved."""
    import warnings

    from turnout import stories
    from turnout.publish import BUILD_ENV

    assert stories._BUILD_ENV == BUILD_ENV
    monkeypatch.delenv(BUILD_ENV, raising=False)
    monkeypatch.setattr(stories, "_in_kernel", lambda: True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stories.open_story(cities=["Seattle", "Denver"], start=None)
        stories.open_story(cities=None)  # as committed: nothing to say
    said = [str(w.message) for w in caught if "parameters differ" in str(w.message)]
    assert said == [
        "This run's parameters differ from the committed notebook's: cities = ['Seattle', "
        "'Denver']; `turnout build` publishes the story's own settings."
    ]
    monkeypatch.setattr(stories, "_in_kernel", lambda: False)  # a script chose its cities
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stories.open_story(cities=["Seattle"])
    monkeypatch.setattr(stories, "_in_kernel", lambda: True)  # the build gave its own data
    monkeypatch.setenv(BUILD_ENV, "1")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stories.open_story(data_path=str(stories.paths.seed_path()))
