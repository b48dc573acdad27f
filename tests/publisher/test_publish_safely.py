"""Publishing safely: a failed build leaves the last good site alone; data never runs as code.

- A notebook that fails stops ``turnout build`` with an error naming the notebook and
  the cell, and every file in ``site/`` and ``figures/`` stays byte for byte (and
  modification time) what the last good build left, files it did not write included.
- Markup and scripts in the data's text print as text on the built pages: opened in
  Chromium, no script runs and no dialog opens. A ``$`` in a name is not chart math.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sharing import once_per_run
from test_build_site import _notebook, _screenshot, build_small_site  # shared builders

from turnout.publisher import NotebookError, build_site
from turnout.publisher.stand_in import SOCKET_ENV

# Writes a chart through publish.save_figure (as the notebooks do) and a file of its own.
GOOD = """
import pandas as pd
from pathlib import Path
from turnout import publish, style
with style.use_style():
    fig = style.new_figure()
saved = publish.save_figure(fig, "alpha", title="T", alt="A test chart", source="S", notes="",
                            data=pd.DataFrame({"x": [1]}), out_dir=figures_dir)
Path(figures_dir, "alpha-extra.txt").write_text("written by the notebook")
"""


def _snapshot(*folders: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p): (p.read_bytes(), p.stat().st_mtime_ns)
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if ".staging-" in p.name)


@pytest.mark.slow
def test_failed_build_leaves_the_last_good_site_unchanged(tmp_path):
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    alpha = _notebook(nbs / "01-alpha.ipynb", GOOD, "x = 1")
    beta = _notebook(nbs / "02-beta.ipynb", "y = 2")
    site, figures = tmp_path / "site", tmp_path / "figures"
    kw = dict(
        notebooks=[alpha, beta],
        out_dir=site,
        figures_dir=figures,
        cache_dir=tmp_path / "cache",
        progress=False,
    )
    assert [p.executed for p in build_site(**kw)] == [True, True]
    assert {p.name for p in figures.iterdir()} == {
        "alpha.png", "alpha.svg", "alpha.csv", "alpha.json", "alpha.html", "alpha.phone.png",
        "alpha-extra.txt",
    }  # fmt: skip
    # Files the build did not write: a story's own folders (turnout build --story) and a note.
    for folder in (site / "a-story", figures / "a-story"):
        folder.mkdir()
        (folder / "index.html").write_text("a story page")
    (site / "notes.txt").write_text("the desk's notes")
    before = _snapshot(site, figures)
    assert len(before) == 13  # the chart's six files among them

    _notebook(alpha, GOOD, "x = 1", "import math\nmath.sqrt(-1)")
    with pytest.raises(NotebookError) as err:
        build_site(**kw, force=True)  # beta runs fine, but nothing is published
    message = str(err.value)
    assert message.endswith(
        "01-alpha.ipynb, cell 5: ValueError: math domain error (in `import math`)"
    )
    assert "\n" not in message
    assert _snapshot(site, figures) == before
    assert _leftovers(tmp_path) == []

    # Fixed: the build publishes again, the files it did not write stay, the cache holds.
    _notebook(alpha, GOOD, "x = 3")
    assert [p.executed for p in build_site(**kw)] == [True, False]
    after = _snapshot(site, figures)
    for name in ("a-story/index.html", "notes.txt"):
        assert after[str(site / name)] == before[str(site / name)]
    assert (
        after[str(figures / "a-story" / "index.html")]
        == before[str(figures / "a-story" / "index.html")]
    )
    assert after[str(site / "beta.html")] == before[str(site / "beta.html")]  # cached, untouched
    assert after[str(site / "alpha.html")][1] > before[str(site / "alpha.html")][1]
    assert _leftovers(tmp_path) == []
    assert [p.executed for p in build_site(**kw)] == [False, False]


# --------------------------------------------------------------------------- data as text

PWNED = "window.__pwned"
HOSTILE_CSV = "\n".join(
    [
        "date,locality,state,type,size_text,temp_text,source_name,source_quote,notes",
        f"2026-01-30,Minneapolis,MN,march,<script>{PWNED}=1</script> about 200,"
        f'<b onmouseover="{PWNED}=5">cold</b>,Test Wire,'
        f'"<img src=x onerror=""{PWNED}=2;alert(2)""> said $5 and $10",'
        f"<svg onload={PWNED}=3></svg>",
        f"2026-01-31,Houston,TX,\"<iframe srcdoc='<script>parent.{PWNED}=4</script>'>\","
        f"hundreds,,Test Wire,hundreds rallied,"
        f'"<a href=""javascript:{PWNED}=6"">link</a>"',
        "2026-01-31,Tiny $ville$,MN,rally,about 30,,Test Wire,about 30 rallied,",
        "",
    ]
)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    """The cleaning and by-city notebooks built from a file whose text fields carry markup;
    once a run (every pytest-xdist worker reads the same one)."""

    def build(root: Path) -> tuple[Path, list]:
        return root, build_small_site(root, HOSTILE_CSV)[1]

    return once_per_run(tmp_path_factory, "hostile", build)


@pytest.mark.parametrize("page_name", ["index.html", "clean-events.html", "turnout-by-city.html"])
def test_no_script_from_the_data_runs(hostile, visit, page_name):
    root, pages = hostile
    assert [p.executed for p in pages] == [True, True]
    v = visit(root / "site" / page_name)
    page = v.page
    page.hover("body")  # an onmouseover would fire now
    page.wait_for_timeout(200)  # an onerror or onload would have fired by now
    assert page.evaluate(f"typeof {PWNED}") == "undefined"
    assert v.dialogs == [] and v.outside == []
    # No element the data spelled: script, svg, iframe, b, a with javascript:. The build's own:
    # the embeds' height listener in the head and a chart's embed frame.
    spelled = (
        "body script, iframe:not(figure.chart-embed > iframe), svg, b,"
        " img:not([src^='data:image/']), a[href^='javascript']"
    )
    assert page.evaluate(f"document.querySelectorAll({spelled!r}).length") == 0
    if page_name == "clean-events.html":
        text = page.inner_text("body")
        for literal in (
            f"<script>{PWNED}=1</script> about 200",
            f'<b onmouseover="{PWNED}=5">cold</b>',
            "Tiny $ville$",
        ):
            assert literal in text, literal
        # The script's "=1" is code, not a crowd of one: the row reads "about 200".
        assert "1–200" not in text
        _screenshot(page, "escaping-hostile-data")


def test_dollar_signs_in_a_chart_are_text_not_math(hostile):
    """A `$...$` in a place name stays literal in the chart's files and alt text."""
    root, _ = hostile
    chart = pd.read_csv(root / "figures" / "turnout-by-city.csv", dtype="str")
    assert "Tiny $ville$" in set(chart["city"])
    html = (root / "site" / "turnout-by-city.html").read_text(encoding="utf-8")
    assert "Tiny $ville$" in html  # in the alt text


def test_chart_text_never_parses_math(seed_events):
    """Every text a chart draws from the data has mathtext off (a `$` would render as math)."""
    from matplotlib.text import Text

    from turnout import charts

    events = seed_events.copy()
    events.loc[0, "city"] = "Tiny $ville$"
    events.loc[0, "size_text"] = "$5 and $10 about 50,000"
    for fig, shown in (
        (charts.turnout_by_city(events, labels="words"), 4),  # headline, tick, bar label, words
        (charts.timeline_density(events), 0),
        (charts.temperature_vs_attendance(events), 0),
    ):
        fig.canvas.draw()  # renders without a mathtext error; tick labels are made now
        dollars = [t for t in fig.findobj(Text) if "$" in t.get_text()]
        assert len(dollars) >= shown
        assert all(not t.get_parse_math() for t in dollars), [t.get_text() for t in dollars]


# ---------------------------------------------------------- one switch, whatever the moment


def _staged_build(tmp_path: Path, n: int = 27) -> tuple[list[tuple[Path, Path]], Path]:
    """n pages published before (old), and the same n staged anew."""
    from turnout.publisher.staging import new_staging

    site = tmp_path / "site"
    site.mkdir()
    staging = new_staging(site)
    moves = []
    for i in range(n):
        (site / f"p{i}.html").write_text("old")
        (staging / f"p{i}.html").write_text("new")
        moves.append((staging / f"p{i}.html", site / f"p{i}.html"))
    return moves, tmp_path / "cache" / "publish.json"


def _pages(tmp_path: Path) -> set[str]:
    return {p.read_text() for p in (tmp_path / "site").glob("*.html")}


def test_a_build_killed_as_it_publishes_is_published_whole_by_the_next(tmp_path, monkeypatch):
    import os

    from turnout.publisher import staging

    moves, journal = _staged_build(tmp_path)
    real, done = os.replace, []

    def killed_after_one(src, dst):  # the kill: the journal and one page moved, then gone
        if len(done) == 2:
            raise SystemExit("killed")
        done.append(dst)
        real(src, dst)

    monkeypatch.setattr(staging.os, "replace", killed_after_one)
    with pytest.raises(SystemExit):
        staging.commit(moves, journal)
    assert _pages(tmp_path) == {"old", "new"}  # one page new, 26 old: until the next build
    monkeypatch.setattr(staging.os, "replace", real)
    assert staging.finish_publishing(journal) == 26
    assert _pages(tmp_path) == {"new"} and not journal.exists()


def test_a_build_killed_before_it_publishes_published_nothing(tmp_path, monkeypatch):
    import os

    from turnout.publisher import staging

    moves, journal = _staged_build(tmp_path)
    real = os.replace

    def killed_writing_the_journal(src, dst):
        raise SystemExit("killed")

    monkeypatch.setattr(staging.os, "replace", killed_writing_the_journal)
    with pytest.raises(SystemExit):
        staging.commit(moves, journal)
    monkeypatch.setattr(staging.os, "replace", real)
    assert staging.finish_publishing(journal) == 0
    assert _pages(tmp_path) == {"old"}


def test_staging_left_by_a_killed_build_is_cleaned_by_the_next(tmp_path):
    from turnout.publisher.staging import new_staging

    site = tmp_path / "site"
    dead = tmp_path / ".site.staging-999999999-abc"  # a pid no process has
    (dead / "sub").mkdir(parents=True)
    ours = new_staging(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == [ours.name]


def test_staging_lives_on_its_targets_file_system(tmp_path, monkeypatch):
    import os

    from turnout.publisher import staging

    target = tmp_path / "figures" / "may-day"
    target.mkdir(parents=True)
    assert staging.staging_dir(target) == target.parent
    real = os.stat

    def mounted(path, *args, **kw):  # figures/may-day on a file system of its own
        st = real(path, *args, **kw)
        if Path(path) == target:
            return os.stat_result((*st[:2], st.st_dev + 1, *st[3:]))
        return st

    monkeypatch.setattr(staging.os, "stat", mounted)
    assert staging.staging_dir(target) == target


def test_a_ctrl_c_while_publishing_waits_until_all_is_published(tmp_path, monkeypatch):
    import os
    import signal

    from turnout.publisher import staging

    moves, journal = _staged_build(tmp_path)
    real, sent = os.replace, []

    def interrupted(src, dst):
        if not sent:
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)
        real(src, dst)

    monkeypatch.setattr(staging.os, "replace", interrupted)
    staging.commit(moves, journal)  # no KeyboardInterrupt: it came too late to stop anything
    assert _pages(tmp_path) == {"new"}


def test_a_storys_data_is_staged_until_its_pages_are_published(tmp_path, monkeypatch, capsys):
    from turnout.publisher.plan import _discard_staged, _stage_data
    from turnout.publisher.staging import commit

    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    (tmp_path / "data" / "raw").mkdir(parents=True)
    settings, data, record = _stage_data("ice_out_2026")
    processed = tmp_path / "data" / "processed"
    assert [final for _, final in data] == [
        processed / "ice_out_2026.csv",
        processed / "ice_out_2026.rejected.csv",
    ]
    assert not processed.exists()  # nothing published before the pages are
    commit(data, tmp_path / "publish.json")
    _discard_staged(data)
    assert sorted(p.name for p in processed.iterdir()) == [
        "ice_out_2026.csv",
        "ice_out_2026.rejected.csv",
    ]
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["processed", "raw"]


@pytest.mark.slow
def test_ctrl_c_is_one_line_stops_the_kernels_and_publishes_nothing(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    import uuid

    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    started = tmp_path / "started"  # the cell says when it runs: no guessing with a sleep
    _notebook(
        nbs / "01-slow.ipynb",
        f"import pathlib, time\npathlib.Path({str(started)!r}).touch()\ntime.sleep(300)",
    )
    # Two notebooks: their workers and kernels come warm (turnout.publisher.warm), and the
    # build's own warm process (not the test session's), which carries the same variable,
    # must be gone with them.
    _notebook(nbs / "02-quick.ipynb", "x = 1")
    tag = f"turnout-ctrl-c-{uuid.uuid4()}"
    env = dict(os.environ, TURNOUT_ROOT=str(tmp_path), CTRL_C_TEST=tag)
    env.pop(SOCKET_ENV, None)
    # A terminal starts a command with Ctrl-C at its default. A pytest-xdist worker may ignore
    # SIGINT, and an ignored signal stays ignored across exec (Python then never raises
    # KeyboardInterrupt): the build gets the default, as from a terminal.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        build = subprocess.Popen(
            [sys.executable, "-m", "turnout", "build"], env=env, stderr=subprocess.PIPE, text=True
        )
    finally:
        signal.signal(signal.SIGINT, before)

    def ours() -> list[int]:  # the build's worker and kernel, by the variable they inherit
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if tag.encode() in Path(f"/proc/{pid}/environ").read_bytes():
                    found.append(int(pid))
            except OSError:
                continue
        return [p for p in found if p != build.pid]

    deadline = time.monotonic() + 180
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(ours()) >= 2  # a worker and its kernel, running the slow cell
    build.send_signal(signal.SIGINT)
    err = build.communicate(timeout=60)[1]
    assert build.returncode == 130
    assert err.splitlines()[-1] == "turnout: interrupted: nothing published"
    assert "Traceback" not in err, err
    deadline = time.monotonic() + 10  # a process that exits is gone from /proc in a moment
    while ours() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert ours() == []  # the kernel was shut down with its worker
    assert not (tmp_path / "site").exists() and not (tmp_path / "data" / "processed").exists()
    assert [p.name for p in tmp_path.iterdir() if ".staging-" in p.name] == []
