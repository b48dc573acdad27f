"""Shared fixtures: the seed events, a builder for small synthetic events tables, the real
site built once a run (``built``), Debian's Chromium (one per worker, for every browser
test) and a warm process (one per worker, for every build of a slow test)."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings
from sharing import once_per_run

# Debian's headless Chromium (`make chromium`): the Blink of its chromium package without the
# desktop browser around it, about a tenth less CPU a page.
CHROMIUM = "/usr/bin/chromium-headless-shell"
# Markers that follow a fixture (pyproject.toml registers them; `make check` leaves them out):
# a test that opens Chromium is a browser test, one that builds a site or runs a notebook
# through a shared fixture is slow. A new test using one of these is marked without anyone
# remembering to; tests that build on their own carry @pytest.mark.slow themselves.
MARKED_BY_FIXTURE: dict[str, tuple[str, ...]] = {
    "browser": ("browser",),
    "visit": ("browser",),
    "_tabs": ("browser",),
    "axe_page": ("browser",),
    "built": ("slow",),
    "tiny": ("slow",),
    "hostile": ("slow",),
    "second_story": ("slow", "story"),
    "ccc_month": ("slow",),
    "lab": ("lab",),
}
# `make fuzz` runs the tests marked `fuzz` under this profile (--hypothesis-profile=fuzz).
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
# `make check` (the fast loop) runs every property on a fifth of the examples `make test` does.
settings.register_profile("check", max_examples=20)


def examples(n: int) -> int:
    """``n`` examples under `make test` (hypothesis's default profile, 100), scaled with the
    profile in use: a fifth under `make check`, ``n`` x 100 under `make fuzz`."""
    return max(1, n * settings().max_examples // 100)


@pytest.fixture(scope="session")
def seed_events() -> pd.DataFrame:
    """The cleaned seed story (18 events, 10 cities); never modified by a test."""
    import turnout

    return turnout.load_events()


@pytest.fixture(scope="session")
def ccc_june() -> pd.DataFrame:
    """June 2018 from the Crowd Counting Consortium excerpt: a CCC month, as a desk charts it."""
    import warnings

    import turnout

    fixture = Path(__file__).resolve().parent / "fixtures" / "ccc_2017_2020_excerpt.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the excerpt's rejected rows are by design
        events = turnout.load_events(fixture, format="ccc")
    return turnout.select_events(events, start="2018-06-01", end="2018-06-30")


def make_event(**kw: object) -> dict[str, object]:
    """One cleaned-event row with the columns charts read; keywords override the defaults."""
    low = kw.get("size_low", 100.0)
    high = kw.get("size_high", low)
    row: dict[str, object] = {
        "row": 2,
        "date": "2026-01-30",
        "city": "Springfield",
        "state_code": "IL",
        # the words agree with the numbers unless a test says otherwise
        "size_text": None if pd.isna(low) else f"about {low:,.0f}",
        "size_low": low,
        "size_high": high,
        "temp_text": None,
        "temp_f_low": math.nan,
        "temp_f_high": math.nan,
        "temp_label": "none",
        "source_name": "Test Gazette",
        "source_date": "2026-02-01",
        "source_quote": "About 100 people rallied.",
    }
    row.update(kw)
    return row


@pytest.fixture
def make_events():
    """Build a cleaned events table from dicts of overrides; rows numbered 2, 3, ... by default."""

    def build(*rows: dict[str, object]) -> pd.DataFrame:
        records = [make_event(**{"row": i + 2, **r}) for i, r in enumerate(rows)]
        df = pd.DataFrame(records)
        df["date"] = pd.to_datetime(df["date"])
        for col in ("size_low", "size_high", "temp_f_low", "temp_f_high"):
            df[col] = df[col].astype("float64")
        df["size_mean"] = (df["size_low"] + df["size_high"]) / 2
        return df

    return build


@pytest.fixture
def warm_ranges(make_events):
    """Three temperature rows both renderers of the temperature chart are tested on: a
    temperature range with a crowd range (Denver), a reading (Dallas), a warm bound (Austin)."""
    return make_events(
        {"size_low": 300.0, "size_high": 800.0, "temp_text": "40 to 50 degrees",
         "temp_f_low": 40.0, "temp_f_high": 50.0, "temp_label": "range", "city": "Denver"},
        {"size_low": 2000.0, "temp_text": "70 degrees", "temp_f_low": 70.0,
         "temp_f_high": 70.0, "temp_label": "reading", "city": "Dallas"},
        {"size_low": 150.0, "temp_text": "above 60", "temp_f_low": 60.0,
         "temp_f_high": float("nan"), "temp_label": "at least", "city": "Austin"},
    )  # fmt: skip


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real notebooks built into a temporary site (``test_build_site.Built``), once a
    run: every pytest-xdist worker reads the same one."""
    from test_build_site import build_real_site

    return once_per_run(tmp_path_factory, "real-site", build_real_site)


@pytest.fixture(scope="session")
def _warm_for_builds():
    """One warm process for the worker's builds (``turnout.publisher.warm.running``): each
    build, in this process or started from it, forks its workers and kernels from this one
    instead of starting its own (about a second of CPU each, over forty builds a run)."""
    from turnout.publisher.execute import kernel_env
    from turnout.publisher.stand_in import SOCKET_ENV
    from turnout.publisher.warm import warm_process

    src = Path(__file__).resolve().parents[1] / "src"
    env = kernel_env({"src_dir": str(src), "memo_dir": ""}, os.environ)
    with warm_process(env, src.parent) as socket:
        if socket:
            os.environ[SOCKET_ENV] = socket
        yield socket
        os.environ.pop(SOCKET_ENV, None)


@pytest.fixture(autouse=True)
def _builds_fork_warm(request: pytest.FixtureRequest) -> None:
    """Start the worker's warm process for the first test that may build (a slow one)."""
    if any(request.node.get_closest_marker(m) for m in ("slow", "story", "lab")):
        request.getfixturevalue("_warm_for_builds")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs it from Debian")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe_page(browser):
    """One page for every axe test of the worker, each loading its page anew in it (a new
    page starts a Chromium renderer, about 0.4 s). Its context bypasses the pages' own
    Content-Security-Policy, which would stop the injected axe script."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


class Visit(NamedTuple):
    page: object  # playwright Page, still open
    outside: list[str]  # requests that were not file: or data:
    dialogs: list[str]


class _Tab(NamedTuple):
    page: object  # playwright Page
    seen: dict[str, list[str]]  # the lists of the Visit it is serving now


def _new_tab(context) -> _Tab:
    """A page whose every request outside file: and data: is refused and recorded, and every
    dialog dismissed and recorded, in the lists of the visit it serves."""
    page = context.new_page()
    seen: dict[str, list[str]] = {"outside": [], "dialogs": []}

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:
            seen["outside"].append(url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    return _Tab(page, seen)


@pytest.fixture(scope="session")
def _tabs(browser):
    """The worker's pages for ``visit``, reused from test to test: a new page starts a
    Chromium renderer (about 0.4 s), a load in an open one costs a tenth of that."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    tabs: list[_Tab] = []
    yield context, tabs
    context.close()


@pytest.fixture
def visit(_tabs):
    """Open a local page with every request intercepted; yields a function path -> Visit.
    Each call in a test loads a page of its own (the worker's, loaded anew)."""
    context, tabs = _tabs
    used = 0

    def open_page(path: Path) -> Visit:
        nonlocal used
        if used == len(tabs):
            tabs.append(_new_tab(context))
        tab = tabs[used]
        used += 1
        outside: list[str] = []
        dialogs: list[str] = []
        tab.seen.update(outside=outside, dialogs=dialogs)
        tab.page.set_viewport_size({"width": 1000, "height": 900})
        tab.page.goto(path.as_uri(), wait_until="load")
        return Visit(tab.page, outside, dialogs)

    return open_page


def pytest_configure(config: pytest.Config) -> None:
    """Skip jsonschema's optional IRI-format checker (rfc3987_syntax), as the build's workers
    do (turnout.publisher.workers): nbformat imports jsonschema, which compiles that module's
    grammar at import, about 1.3 s of CPU in each pytest-xdist worker (and ~15 s when a test
    module first imports it during collection), for a format no notebook schema uses."""
    sys.modules.setdefault("rfc3987_syntax", None)


# The order test files start in, longest first (a file with none of these marks comes last):
# under pytest-xdist the minutes of notebooks and browsers start while the other worker
# takes the quick tests, instead of one long test at the end keeping one core busy alone.
# A file moves whole (ranked by its longest test), so its module fixtures are made once.
# pytest-xdist's worksteal gives each worker a contiguous half and an idle worker steals the
# end of the other's queue: what is last must be short, so whole-story tests (20 s each)
# start first, not wherever their file name puts them among the slow ones.
FIRST = ("story", "lab", "slow", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for name in getattr(item, "fixturenames", ()):
            for mark in MARKED_BY_FIXTURE.get(name, ()):
                item.add_marker(mark)

    def rank(item: pytest.Item) -> int:
        marks = {m.name for m in item.iter_markers()}
        return next((i for i, name in enumerate(FIRST) if name in marks), len(FIRST))

    def path(item: pytest.Item) -> str:
        return item.nodeid.split("::")[0]

    file_rank: dict[str, int] = {}
    for item in items:
        file_rank[path(item)] = min(rank(item), file_rank.get(path(item), len(FIRST)))
    # Stable: files keep their order within a rank, tests their order within a file.
    items.sort(key=lambda item: file_rank[path(item)])


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A skipped test is a test that did not run: on a machine with everything, fail on it."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        reporter.write_line(f"FAILED: {len(skipped)} test(s) skipped; make test skips nothing")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
