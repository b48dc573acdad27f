"""The embeds in headless Chromium: pasted into a host page by the JSON's snippet, at phone,
tablet and desktop widths, in light and dark mode (bundled story and a CCC excerpt).

Screenshots go to test-artifacts/embeds/ (STORY-CHART-WIDTH-SCHEME.png).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import axe_check
import pandas as pd
import pytest
from matplotlib.figure import Figure
from screenshots import shoot
from sharing import once_per_run

from turnout.charts import (
    temperature_vs_attendance,
    timeline_density,
    turnout_by_city,
    turnout_map,
)
from turnout.publish import save_chart, save_figure

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "embeds"
WIDTHS = (375, 768, 1280)
STRIKES = {"2026-01-23": "Minneapolis strike", "2026-01-30": "Nationwide strike"}
EMBEDS = [
    ("seed", "turnout-by-city"),
    ("seed", "turnout-sum-words"),
    ("seed", "temperature-vs-attendance"),
    ("seed", "timeline-density"),
    ("seed", "turnout-map"),
    ("ccc", "turnout-by-city"),
    ("ccc", "turnout-map"),  # (CCC has no temperatures: that chart is left out, no files)
    ("ccc", "timeline-density"),
    ("seed", "a-new-kind"),  # a chart with no embed design yet: the generic one
]
HOST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
<style>:root{{color-scheme:light dark}}body{{margin:0;font:16px sans-serif}}</style></head>
<body><script>window.heights=[];addEventListener("message",function(e){{heights.push(e.data)}});
</script><main><h1>An article</h1><p>Words before the chart.</p>{snippet}
<p>Words after the chart.</p></main></body></html>"""


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """Every chart of both stories saved by save_chart, and a host page for each: once a run
    (every pytest-xdist worker reads the same files)."""
    return once_per_run(tmp_path_factory, "embeds", _save_every_chart)


def _save_every_chart(out: Path) -> Path:
    import turnout

    fixture = ROOT / "tests" / "fixtures" / "ccc_2017_2020_excerpt.csv"
    seed_events = turnout.load_events()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        ccc = turnout.load_events(fixture, format="ccc")
    figs = {
        "seed": {
            "turnout-by-city": turnout_by_city(seed_events),
            "turnout-sum-words": turnout_by_city(seed_events, measure="sum", labels="words"),
            "temperature-vs-attendance": temperature_vs_attendance(seed_events),
            "timeline-density": timeline_density(
                seed_events, start="2026-01-23", end="2026-02-02", marked_days=STRIKES
            ),
            "turnout-map": turnout_map(seed_events),
        },
        "ccc": {
            "turnout-by-city": turnout_by_city(ccc),
            "turnout-map": turnout_map(ccc),
            "timeline-density": timeline_density(ccc),
        },
    }
    new_kind = seed_events[["city", "date", "size_text", "source_quote"]].head(6)
    figs["seed"]["a-new-kind"] = new_kind
    for story, charts in figs.items():
        for name, fig in charts.items():
            if isinstance(fig, pd.DataFrame):  # saved the way a script saves its own chart
                paths = save_figure(
                    Figure(), name, title="A chart turnout has no design for", alt="Rows.",
                    source="Source: Workers World", notes="", data=fig, out_dir=out / story,
                )  # fmt: skip
            else:
                paths = save_chart(fig, name, out_dir=out / story)
            snippet = json.loads(paths["json"].read_text())["embed"]
            (out / story / f"host-{name}.html").write_text(HOST.format(snippet=snippet))
    return out


@pytest.fixture(scope="module")
def tab(browser):
    """One context and one page for the module's tests, each navigating it afresh: a new
    page starts a Chromium renderer (about 0.4 s), a navigation costs a tenth of that."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.outside, ctx.errors = [], []  # type: ignore[attr-defined]

    def route(r):  # noqa: ANN001
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            ctx.outside.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    page = ctx.new_page()
    page.on("console", lambda m: m.type == "error" and ctx.errors.append(m.text))
    page.on("pageerror", lambda e: ctx.errors.append(str(e)))
    yield ctx
    ctx.close()


@pytest.fixture
def context(tab):
    """The module's context, with no outside request and no error recorded yet."""
    tab.outside.clear()
    tab.errors.clear()
    return tab


def open_page(context, url: str, width: int, scheme: str = "light"):  # noqa: ANN001, ANN201
    """The context's page, loaded anew at ``url`` at ``width`` px in ``scheme`` mode."""
    page = context.pages[0]
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(url, wait_until="load")
    return page


# Smallest on-screen text: computed font size times the element's scale (SVG CTM), over every
# visible element with text of its own (visually hidden ones, 1x1 px and clipped, excluded).
SMALLEST_TEXT = """() => {
  let least = [1e9, ""];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest("[hidden], .sr-only, script, style, title")) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).display === "none") continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement && el.getScreenCTM()) size *= el.getScreenCTM().a;
    if (size < least[0]) least = [size, el.textContent.trim().slice(0, 40)];
  }
  return least;
}"""

# Pairs of visible SVG texts whose boxes overlap by more than a pixel each way.
OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll(".tc-l text")]
    .map(t => [t.textContent, t.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, p] = boxes[i], [b, q] = boxes[j];
    const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
    const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (w > 1 && h > 1) out.push([a, b]);
  }
  return out;
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("story", "name"), EMBEDS)
def test_snippet_sizes_the_iframe_to_the_whole_chart(published, context, story, name, width):
    # Loaded once in light mode, then switched to dark in place: every check runs in both.
    page = open_page(context, (published / story / f"host-{name}.html").as_uri(), width)
    page.wait_for_function("window.heights.length > 0")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        frame = page.frames[1]
        # Let a resize after fonts settle arrive too: the embed's fonts in and its layout done
        # (its ResizeObserver posts before the frame paints), then the host's message queue.
        frame.evaluate(f"() => document.fonts.ready.then({axe_check.SETTLED})")
        page.evaluate(axe_check.SETTLED)
        messages = page.evaluate("window.heights")
        assert all(m["sentinel"] == "amp" and m["type"] == "embed-size" for m in messages)
        inner = frame.evaluate(
            "() => ({doc: document.documentElement.scrollHeight, view: innerHeight,"
            " sw: document.documentElement.scrollWidth, vw: innerWidth,"
            " body: document.body.getBoundingClientRect().height,"
            " bg: getComputedStyle(document.body).backgroundColor})"
        )
        assert messages[-1]["height"] == pytest.approx(inner["body"], abs=1)
        assert inner["view"] == pytest.approx(messages[-1]["height"], abs=1), "iframe took it"
        assert inner["doc"] <= inner["view"] + 1, "the whole chart shows: no inner scrolling"
        assert inner["sw"] <= inner["vw"], "no sideways overflow inside the embed"
        host_w = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert host_w[0] <= host_w[1], "no sideways overflow on the host page"
        size, words = frame.evaluate(SMALLEST_TEXT)
        assert size >= 11.99, f"text {words!r} is {size:.1f} px on screen"
        assert frame.evaluate(OVERLAPS) == []
        rgb = [int(v) for v in inner["bg"][4:-1].split(",")[:3]]
        lum = sum(c * w for c, w in zip(rgb, (0.2126, 0.7152, 0.0722), strict=True)) / 255
        assert (lum < 0.15) if scheme == "dark" else (lum > 0.9), f"{scheme} mode: {inner['bg']}"
        # For the eye: the whole host page in light; the dark one's first screen is enough.
        shot = SHOTS / f"{story}-{name}-{width}-{scheme}.png"
        shoot(page, shot, full_page=scheme == "light")
    assert context.outside == [] and context.errors == []


def _quotes(story_dir: Path, name: str) -> list[list[str]]:
    data = pd.read_csv(story_dir / f"{name}.csv", dtype=str, keep_default_na=False)
    if "source_quote" not in data:
        return [[] for _ in range(len(data))]
    sep = " | " if "events" in data else None
    return [
        [p.strip() for p in (q.split(sep) if sep else [q]) if p.strip()]
        for q in data["source_quote"]
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("story", "name"), EMBEDS)
def test_tab_reaches_every_quoted_row_and_its_tooltip_quotes_it(
    published, context, story, name, width
):
    quotes = _quotes(published / story, name)
    page = open_page(context, (published / story / f"{name}.html").as_uri(), width)
    stops = page.evaluate(
        "[...document.querySelectorAll('.mk, a')].filter(e => e.getClientRects().length).length"
    )
    seen: dict[int, str] = {}
    for _ in range(stops):
        page.keyboard.press("Tab")
        state = page.evaluate(
            "() => { const a = document.activeElement, t = document.getElementById('tc-tip');"
            " return [a.dataset.i === undefined ? null : +a.dataset.i, t.hidden, t.textContent,"
            " a.getAttribute('aria-label') || a.textContent]; }"
        )
        i, hidden, tip, label = state
        if i is None:
            continue
        assert not hidden and label, f"mark {i} focused without a tooltip or a name"
        seen[i] = tip
    rows = pd.read_csv(published / story / f"{name}.csv", dtype=str, keep_default_na=False)
    visible_marks = page.evaluate(
        "new Set([...document.querySelectorAll('.mk')].filter(e => e.getClientRects().length)"
        ".map(e => e.dataset.i)).size"
    )
    assert len(seen) == visible_marks and len(rows) >= len(seen)
    for i, said in enumerate(quotes):
        if said:
            assert i in seen, f"row {i} of {name}.csv has a quote but no mark Tab reaches"
            for sentence in said:
                assert sentence in seen[i], f"row {i}'s tooltip does not quote {sentence[:40]!r}"
        for column in ("place", "city"):
            if i in seen and column in rows:
                assert rows[column][i] in seen[i]
    if story == "seed":
        assert any(quotes), "the bundled story quotes its source on every chart"
    assert context.outside == [] and context.errors == []


def test_tap_shows_and_hides_the_tooltip(published, context):
    page = open_page(context, (published / "seed" / "turnout-by-city.html").as_uri(), 375)
    mark = page.locator(".tc-l0 .mk").nth(1)
    mark.click()
    assert page.is_visible("#tc-tip") and "6,000 to 9,000 workers" in page.inner_text("#tc-tip")
    tip, figure = page.locator("#tc-tip").bounding_box(), page.locator(".tc").bounding_box()
    assert figure["x"] <= tip["x"] and tip["x"] + tip["width"] <= figure["x"] + figure["width"]
    shoot(page, SHOTS / "seed-turnout-by-city-375-tooltip.png", full_page=True)
    mark.click()
    assert not page.is_visible("#tc-tip")


def test_tapping_a_bars_number_opens_its_tooltip(published, context):
    """Issue 24: on a phone the bar and the city's name opened the tooltip, its number not."""
    page = open_page(context, (published / "seed" / "turnout-by-city.html").as_uri(), 375)
    number = page.locator(".tc-l0 .mk text", has_text="6,000-9,000")
    number.click()
    assert page.is_visible("#tc-tip") and "6,000 to 9,000 workers" in page.inner_text("#tc-tip")
    shoot(page, SHOTS / "seed-turnout-by-city-375-number-tap.png", full_page=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("story", "name"), EMBEDS)
def test_axe_finds_no_serious_violation(published, axe_page, story, name, scheme):
    """At phone and desktop widths: one page load, axe injected once (tests/axe_check.py)."""
    page = axe_page
    page.set_viewport_size({"width": 375, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto((published / story / f"{name}.html").as_uri())
    for width in (375, 1280):
        axe_check.resize(page, width)
        page.evaluate("document.activeElement.blur()")  # the tooltip placed anew, as loaded
        page.locator(".mk").first.focus() if page.locator(".mk").count() else None
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in axe_check.violations(page)
        ]  # none at all: serious and critical are the bar, and moderate ones are fixed too
        assert bad == [], f"{story} {name} {width}px {scheme}: {bad}"


# ------------------------------------------------ hostile layout: long words, bidi, long names

LONG_WORD = "x" * 3000
LONG_PLACE = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"


def test_long_words_wrap_bidi_controls_are_gone_and_long_names_end_in_an_ellipsis(
    tmp_path, browser, seed_events
):
    events = seed_events.copy()
    events.loc[0, "source_quote"] = f"{LONG_WORD} said the organizers"
    events.loc[events["city"] == "Seattle", "source_quote"] = "Police said \u202e006 people marched"
    events.loc[events["city"] == events.loc[2, "city"], "city"] = LONG_PLACE
    paths = save_chart(turnout_by_city(events), "hostile", out_dir=tmp_path)
    page = browser.new_page(viewport={"width": 375, "height": 900})
    page.goto(paths["html"].as_uri(), wait_until="load")
    # Nothing is wider than the phone: the 3,000-letter word wraps.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    text = page.evaluate("document.body.textContent")
    assert "\u202e" not in text
    assert "Police said 006 people marched" in text
    labels = page.evaluate("[...document.querySelectorAll('.tc-l0 text')].map(t => t.textContent)")
    assert LONG_PLACE not in labels and any(
        t.endswith("…") and LONG_PLACE.startswith(t[:-1]) for t in labels
    )
    for el in page.query_selector_all(".tc-l0 text"):  # every label inside the chart
        box = el.bounding_box()
        assert box is None or (box["x"] >= -1 and box["x"] + box["width"] <= 376)
    # The tooltip names the place whole.
    page.locator(".tc-l0 .mk").nth(0).focus()
    tips = []
    for i in range(page.locator(".tc-l0 .mk").count()):
        page.locator(".tc-l0 .mk").nth(i).focus()
        tips.append(page.inner_text("#tc-tip"))
    assert any(LONG_PLACE in t for t in tips)
    page.close()
