"""The HTML embed (turnout.embeds) without a browser: marks, words, sizes, safety, colours."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from html.parser import HTMLParser
from itertools import combinations

import numpy as np
import pandas as pd
import pytest

from turnout import embeds
from turnout.charts import (
    ChartInfo,
    chart_info,
    temperature_vs_attendance,
    timeline_density,
    turnout_by_city,
    turnout_map,
)
from turnout.embeds import theme
from turnout.embeds.measure import text_width
from turnout.embeds.scene import Text

STRIKES = {"2026-01-23": "Minneapolis strike", "2026-01-30": "Nationwide strike"}


class Doc(HTMLParser):
    """The parts of an embed the tests read: layouts and their marks, texts, table rows, tags."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.layouts: dict[str, list[dict[str, str]]] = {}
        self.svg_font_sizes: list[float] = []
        self.rows: list[list[str]] = []
        self.quotes: list[list[str]] = []
        self._layout: str | None = None
        self._in_row = self._in_cell = self._in_quote = False
        self._cell: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        cls = a.get("class", "").split()
        if tag == "svg" and ("tc-l" in cls or "tc-map" in cls):  # the map: its marks, once
            self._layout = cls[-1]
            self.layouts[self._layout] = []
        if tag == "g" and "mk" in cls and self._layout:
            self.layouts[self._layout].append(a)
        if tag == "text":
            self.svg_font_sizes.append(float(a["font-size"]))
        if tag == "tr" and self._tbody:
            self.rows.append([])
            self.quotes.append([])
        if tag in ("td", "th") and self._tbody:
            self._in_cell, self._cell = True, []
            if "q" in cls:
                self._in_quote = True
        if tag == "p" and self._in_quote:
            self.quotes[-1].append("")

    _tbody = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._layout = None
        if tag in ("td", "th") and self._in_cell:
            self.rows[-1].append("".join(self._cell))
            self._in_cell = self._in_quote = False

    def handle_startendtag(self, tag, attrs):  # noqa: ANN001
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self._cell.append(data)
        if self._in_quote and self.quotes[-1]:
            self.quotes[-1][-1] += data

    def parse_starttag(self, i):  # noqa: ANN001, ANN201 - track the table body
        j = super().parse_starttag(i)
        if self.tags and self.tags[-1][0] == "tbody":
            self._tbody = True
        return j


def seed_charts(events: pd.DataFrame) -> dict[str, ChartInfo]:
    return {
        "turnout-by-city": chart_info(turnout_by_city(events)),
        "turnout-sum-words": chart_info(turnout_by_city(events, measure="sum", labels="words")),
        "temperature-vs-attendance": chart_info(temperature_vs_attendance(events)),
        "timeline-density": chart_info(
            timeline_density(events, start="2026-01-23", end="2026-02-02", marked_days=STRIKES)
        ),
        "turnout-map": chart_info(turnout_map(events)),
    }


def row_quotes(info: ChartInfo) -> list[list[str]]:
    """Per row of the chart's data, the sentences it quotes (a timeline bin may quote several)."""
    sep = " | " if info.kind == "timeline-density" else None
    out = []
    for q in info.data["source_quote"]:
        text = "" if pd.isna(q) else str(q)
        out.append([p.strip() for p in (text.split(sep) if sep else [text]) if p.strip()])
    return out


@pytest.fixture(scope="module")
def seed(seed_events):
    return seed_charts(seed_events)


def test_charts_name_their_kind(seed):
    assert {n: i.kind for n, i in seed.items()} == {
        "turnout-by-city": "turnout-by-city",
        "turnout-sum-words": "turnout-by-city",
        "temperature-vs-attendance": "temperature-vs-attendance",
        "timeline-density": "timeline-density",
        "turnout-map": "turnout-map",
    }


@pytest.mark.parametrize(
    "name",
    ["turnout-by-city", "turnout-sum-words", "temperature-vs-attendance", "timeline-density"],
)
def test_every_quoted_row_has_a_focusable_mark_in_every_layout_whose_tooltip_quotes_it(seed, name):
    info = seed[name]
    doc = Doc(embeds.render(info).html)
    assert len(doc.layouts) >= 2, "a phone design and a wider one"
    assert len(doc.rows) == len(info.data), "the table has every row of NAME.csv, in order"
    quoted = [i for i, q in enumerate(row_quotes(info)) if q]
    assert quoted, "the seed's charts quote their sources"
    for layout, marks in doc.layouts.items():
        by_row = {int(m["data-i"]): m for m in marks}
        for i in quoted:
            mark = by_row.get(i)
            assert mark is not None, f"{name} {layout}: no mark for CSV row {i}"
            assert mark["tabindex"] == "0" and mark["role"] == "img" and mark["aria-label"]
        for i, mark in by_row.items():  # the accessible name says where
            place = str(info.data.iloc[i].get("place", info.data.iloc[i].get("label")))
            assert place.split(";")[0] in mark["aria-label"]
    for i in quoted:  # the tooltip is built from the row: the sentence is there, whole
        assert doc.quotes[i] == row_quotes(info)[i]


def test_ccc_rows_without_quotes_still_have_marks(ccc_june):
    info = chart_info(turnout_by_city(ccc_june))
    doc = Doc(embeds.render(info).html)
    for marks in doc.layouts.values():
        assert sorted(int(m["data-i"]) for m in marks) == list(range(len(info.data)))
    urls = info.data["source_url"].dropna()
    assert len(urls) and all(
        any(embeds.words.web_address(u) in " ".join(r) for r in doc.rows) for u in urls
    )


def _all_layouts(events):
    for name, info in seed_charts(events).items():
        chart = embeds.render(info).chart
        for layout in chart.layouts:
            yield name, layout


def test_svg_text_is_never_under_12px(seed):
    for name, info in seed.items():
        doc = Doc(embeds.render(info).html)
        assert doc.svg_font_sizes and min(doc.svg_font_sizes) >= 12, name


def test_css_sets_no_text_under_12px(seed):
    style = embeds.render(seed["turnout-by-city"]).style
    sizes = [float(s) for s in re.findall(r"font(?:-size)?:\s*(\d+(?:\.\d+)?)px", style)]
    assert sizes and min(sizes) >= 12


def test_layout_text_stays_inside_and_apart_at_its_narrowest_width(seed_events):
    checked = 0
    for name, layout in _all_layouts(seed_events):
        texts = layout.texts()
        boxes = [t.box(layout.min_width) for t in texts]
        for t, (x0, _, x1, _) in zip(texts, boxes, strict=True):
            assert x0 >= -0.5 and x1 <= layout.min_width + 0.5, (name, layout.min_width, t.text)
        for (a, ba), (b, bb) in combinations(zip(texts, boxes, strict=True), 2):
            apart = ba[2] <= bb[0] or bb[2] <= ba[0] or ba[3] <= bb[1] or bb[3] <= ba[1]
            assert apart, (name, layout.min_width, a.text, b.text)
            checked += 1
    assert checked > 100


def test_text_box_measures_text():
    t = Text(0.5, 0, 20, "Minneapolis, Minn.", 13, anchor="middle")
    left, _, right, _ = t.box(300)
    assert right - left == pytest.approx(text_width("Minneapolis, Minn.", 13))
    assert (left + right) / 2 == pytest.approx(150)


def synthetic_ccc(n_cities: int = 2932, months: int = 66, per_month: int = 90) -> pd.DataFrame:
    """A CCC-sized events table: thousands of cities, 66 months, long quotes on every row."""
    rng = np.random.default_rng(7)
    days = pd.date_range("2015-05-01", periods=months, freq="MS")
    n = months * per_month
    dates = days.repeat(per_month) + pd.to_timedelta(rng.integers(0, 27, n), unit="D")
    city = rng.integers(0, n_cities, n)
    low = rng.integers(10, 5000, n).astype("float64")
    return pd.DataFrame(
        {
            "row": np.arange(n) + 2,
            "date": dates,
            "city": [f"Placeville {c}" for c in city],
            "state_code": "NY",
            "size_text": [f"about {int(v):,}" for v in low],
            "size_low": low,
            "size_high": low * 1.5,
            "source_name": "Crowd Counting Consortium",
            "source_url": "https://example.org/story",
            "source_quote": [
                f"About {int(v):,} people rallied downtown. " + "x" * 240 for v in low
            ],
        }
    )


@pytest.mark.slow
def test_ccc_scale_embeds_stay_under_100_kb():
    events = synthetic_ccc()
    by_city = chart_info(turnout_by_city(events, cities_in_data=2932))
    timeline = chart_info(timeline_density(events))
    assert by_city.data["rank"].max() == 15 and len(timeline.data) == 66
    for info in (by_city, timeline):
        html = embeds.render(info, csv_href="x.csv").html
        assert len(html.encode("utf-8")) <= 100_000, (info.kind, len(html.encode("utf-8")))
        doc = Doc(html)
        for marks in doc.layouts.values():  # still a mark for every row with events
            rows = {int(m["data-i"]) for m in marks}
            assert rows >= {i for i, q in enumerate(row_quotes(info)) if q}
    # the timeline's quotes did not all fit: the table says how many more the CSV has
    assert "more sentences in the data file" in embeds.render(timeline).html


HOSTILE = '<script>alert("x")</script> "quoted" & \'single\' javascript:alert(1)'


def test_hostile_strings_are_text_not_markup(make_events):
    events = make_events(
        {"city": HOSTILE, "size_text": HOSTILE, "source_quote": HOSTILE,
         "source_url": "javascript:alert(1)", "source_name": HOSTILE},
        {"city": "Oak</text><svg onload=alert(1)>", "source_quote": "a\"b'c<d>e"},
    )  # fmt: skip
    info = chart_info(turnout_by_city(events, title=HOSTILE))
    html = embeds.render(info, csv_href="x.csv", cleaning_href="javascript:alert(1)").html
    doc = Doc(html)
    assert [t for t, _ in doc.tags].count("script") == 1, "only the embed's own script"
    assert not [a for t, a in doc.tags if t == "svg" and "onload" in a]
    hrefs = [a.get("href", "") for t, a in doc.tags if t == "a"]
    assert hrefs == ["x.csv"], "no javascript: link, the data link only"
    links = [v for _, a in doc.tags for k, v in a.items() if k in ("href", "src", "action")]
    assert not [v for v in links if "javascript:" in v.lower()]
    labels = [m["aria-label"] for marks in doc.layouts.values() for m in marks]
    assert any(HOSTILE in label for label in labels), "attributes keep the words, escaped"
    assert doc.quotes[0] == [HOSTILE] or doc.quotes[1] == [HOSTILE]
    title = [a for t, a in doc.tags if t == "title"]
    assert title and "<script>alert" not in html.split("<body>")[0].split("<title>")[1][:200]


def test_csp_allows_only_the_embeds_own_style_and_script(seed):
    embed = embeds.render(seed["timeline-density"])
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', embed.html)[1]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "img-src data:" in csp

    def digest(code: str) -> str:
        return base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()

    assert f"'sha256-{digest(embed.style)}'" in csp and f"'sha256-{digest(embed.script)}'" in csp
    assert f"<style>{embed.style}</style>" in embed.html
    assert f"<script>{embed.script}</script>" in embed.html
    assert not re.search(r"<[^>]+\sstyle=", embed.html), "no style attributes (CSP blocks them)"
    assert not re.search(r"\son[a-z]+=", embed.html), "no inline event handlers"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_pass_contrast_in_both_schemes(scheme):
    colors = theme.LIGHT if scheme == "light" else theme.DARK
    for fg, bg, least in theme.CHECKS:
        ratio = theme.contrast(colors[fg], colors[bg])
        assert ratio >= least, f"{scheme}: {fg} on {bg} is {ratio}:1, needs {least}:1"
    okabe_ito = {v.lower() for v in embeds.theme.OKABE_ITO.values()}
    assert colors["one"].lower() in okabe_ito and colors["two"].lower() in okabe_ito


def test_dark_scheme_is_dark_and_light_is_light():
    assert theme.luminance(theme.DARK["bg"]) < 0.05 < 0.9 < theme.luminance(theme.LIGHT["bg"])
    assert "prefers-color-scheme:dark" in theme.css_variables()


def test_unknown_kind_gets_the_generic_embed_with_every_row_focusable():
    data = pd.DataFrame({"place": ["A", "B"], "source_quote": ["First.", "Second."]})
    info = ChartInfo("A new chart", "", "Alt", "Source: X", "", data, kind="turnout-map-v9")
    doc = Doc(embeds.render(info).html)
    rows = [a for t, a in doc.tags if t == "tr" and "mk" in a.get("class", "")]
    assert [r["data-i"] for r in rows] == ["0", "1"] and all(r["tabindex"] == "0" for r in rows)
    assert doc.quotes == [["First."], ["Second."]]


def test_empty_chart_says_so(make_events):
    info = chart_info(temperature_vs_attendance(make_events({})))  # no temperature at all
    html = embeds.render(info).html
    assert "No event in this selection reports a temperature." in html
    assert 'class="tc-msg"' in html


def test_plain_leaves_out_the_words_around_the_chart(seed):
    info = seed["turnout-by-city"]
    plain = embeds.render(info, plain=True, csv_href="d.csv").html
    assert "<h1" not in plain and info.notes not in plain and info.subtitle not in plain
    assert info.title in plain.split("<caption>")[1], "the table keeps its caption"
    assert 'href="d.csv"' in plain


def test_save_chart_writes_the_embed_its_phone_png_and_the_snippet(seed_events, tmp_path):
    from matplotlib.image import imread

    from turnout.publish import save_chart

    paths = save_chart(turnout_by_city(seed_events), "by-city", out_dir=tmp_path)
    assert paths["html"].name == "by-city.html" and paths["phone_png"].name == "by-city.phone.png"
    meta = json.loads(paths["json"].read_text())
    assert meta["files"]["html"] == "by-city.html"
    snippet = meta["embed"]
    assert re.search(r'<iframe src="by-city.html"', snippet), "src is the file name, relative"
    assert '"amp"' in snippet and '"embed-size"' in snippet and ".style.height" in snippet
    assert 'href="by-city.csv"' in paths["html"].read_text()
    png = imread(paths["phone_png"])
    assert png.shape[1] == 750, "375 CSS px at 2x"


def test_notebook_display_offers_the_embed_and_the_phone_png(seed):
    embed = embeds.render(seed["timeline-density"])
    bundle, meta = embed._repr_mimebundle_()
    assert 'sandbox="allow-scripts"' in bundle["text/html"]
    assert f'srcdoc="{html.escape(embed.html)}"' in bundle["text/html"]
    png = base64.b64decode(bundle["image/png"])
    assert png[:4] == b"\x89PNG" and int.from_bytes(png[16:20], "big") == 750
    assert meta["image/png"]["width"] == embeds.PHONE_WIDTH, "a 2x picture shown at 375 px"
    assert bundle["text/plain"] == " ".join(seed["timeline-density"].alt.split())


def test_every_temperature_mark_kind_is_drawn_labelled_and_focusable(make_events):
    nan = float("nan")
    events = make_events(
        {"city": "Alpha", "temp_f_low": 20.0, "temp_f_high": 20.0, "size_low": 300.0},
        {"city": "Beta", "temp_f_low": 25.0, "temp_f_high": 35.0, "size_low": 3000.0},
        {"city": "Gamma", "temp_f_low": nan, "temp_f_high": 32.0, "temp_text": "freezing",
         "size_low": 1000.0, "size_high": 2000.0},
        {"city": "Delta", "temp_f_low": 60.0, "temp_f_high": nan, "temp_text": "balmy",
         "size_low": 50.0},
        {"city": "Echo", "temp_obs_low_f": 10.0, "temp_obs_high_f": 28.0, "station": "USW1",
         "size_low": 800.0},
        {"city": "Foxtrot", "temp_f_observed": 41.0, "station": "USW2", "size_low": 120.0},
    )  # fmt: skip
    info = chart_info(temperature_vs_attendance(events))
    kinds = set(info.data["mark"])
    assert kinds == {
        "reported reading", "reported range", "reported at most", "reported at least",
        "observed range", "observed",
    }  # fmt: skip
    embed = embeds.render(info)
    doc = Doc(embed.html)
    for marks in doc.layouts.values():
        assert sorted(int(m["data-i"]) for m in marks) == list(range(len(info.data)))
    html = embed.html
    assert html.count('href="#tc-diamond"') >= 2 * 3, "hollow diamonds in both layouts"
    assert 'href="#tc-head-left"' in html and 'href="#tc-head-right"' in html
    assert "USW1" in " ".join(" ".join(r) for r in doc.rows), "the table names the station"
    for layout in embed.chart.layouts:  # the labels placed stay apart and inside
        texts = layout.texts()
        boxes = [t.box(layout.min_width) for t in texts]
        for (a, ba), (b, bb) in combinations(zip(texts, boxes, strict=True), 2):
            assert ba[2] <= bb[0] or bb[2] <= ba[0] or ba[3] <= bb[1] or bb[3] <= ba[1], (
                a.text,
                b.text,
            )
        labelled = {t.text.split(",")[0] for t in texts}
        assert len(labelled & {"Alpha", "Beta", "Gamma", "Delta", "Echo", "Foxtrot"}) >= 4


# ---------------------------------------------------------------- the map


@pytest.fixture(scope="module")
def ccc_excerpt() -> pd.DataFrame:
    """The whole CCC excerpt (2015-2020, 210 places on the map)."""
    import warnings
    from pathlib import Path

    import turnout

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "ccc_2017_2020_excerpt.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return turnout.load_events(fixture, format="ccc")


def synthetic_map_events(n_cities: int = 2900, seed: int = 11) -> pd.DataFrame:
    """CCC-scale events for the map: ``n_cities`` places spread over the lower 48, three events
    each on average, ranges, floors and missing counts in CCC's proportions, long quotes."""
    rng = np.random.default_rng(seed)
    city = rng.integers(0, n_cities, 3 * n_cities)
    city[:n_cities] = np.arange(n_cities)  # every place has an event
    lat = rng.uniform(30, 47, n_cities)[city]
    lon = rng.uniform(-120, -75, n_cities)[city]
    low = np.round(rng.lognormal(4.5, 1.6, len(city)))
    kind = rng.choice(["exact", "range", "floor", "none"], len(city), p=[0.55, 0.1, 0.15, 0.2])
    return pd.DataFrame(
        {
            "row": np.arange(len(city)) + 2,
            "date": pd.Timestamp("2018-06-01")
            + pd.to_timedelta(rng.integers(0, 30, len(city)), "D"),
            "city": [f"Placeville {c}" for c in city],
            "state_code": "NY",
            "latitude": lat,
            "longitude": lon,
            "size_low": np.where(kind == "none", np.nan, low),
            "size_high": np.where(kind == "none", np.nan, np.where(kind == "range", low * 2, low)),
            "size_qualifier": np.where(kind == "floor", "at least", "about"),
            "size_text": [f"about {int(v):,}" for v in low],
            "source_name": "Crowd Counting Consortium",
            "source_url": "https://example.org/story",
            "source_quote": [
                f"About {int(v):,} people rallied downtown. " + "x" * 200 for v in low
            ],
        }
    )


def _map_dots(html: str) -> int:
    """Places drawn as plain dots: one zero-length line ("h0") per place in the dot paths."""
    paths = re.findall(r'<path (?:class="dots" [^>]*|id="tc-nc" )d="([^"]*)"', html)
    return sum(p.count("h0") for p in paths)


def test_map_marks_every_row_of_the_bundled_story_with_its_quote(seed):
    info = seed["turnout-map"]
    html = embeds.render(info, csv_href="turnout-map.csv").html
    doc = Doc(html)
    marks = doc.layouts["tc-map"]
    assert [int(m["data-i"]) for m in marks] == list(range(len(info.data)))
    for m, (_, r) in zip(marks, info.data.iterrows(), strict=True):
        assert m["tabindex"] == "0" and m["role"] == "img"
        assert m["aria-label"].startswith(f"{r['place']}, ") and r["label"] in m["aria-label"]
    assert len(doc.rows) == len(info.data) and _map_dots(html) == 0
    assert doc.quotes == row_quotes(info), "every sentence whole, in its row's tooltip"
    assert {"tc-l0", "tc-l1", "tc-l2"} <= set(doc.layouts), "phone, wide and wider designs"
    assert '<circle cx="' in html and 'class="ring"' in html and 'class="c fl"' in html
    assert 'class="nc"' in html, "Portland, with no count, is a hollow circle"


def test_map_circle_areas_follow_the_numbers(seed):
    chart = embeds.render(seed["turnout-map"]).chart
    data = seed["turnout-map"].data
    discs = {m.row: m.shapes[-1].r for m in chart.base.marks}
    counted = data[data["marker"].ne("no count") & data["value_low"].ge(290)]  # over the floor
    a, b = counted.index[0], counted.index[-1]
    ratio = (discs[a] / discs[b]) ** 2
    assert ratio == pytest.approx(data.loc[a, "value_low"] / data.loc[b, "value_low"], rel=0.01)
    ring = next(m for m in chart.base.marks if data.loc[m.row, "marker"] == "range")
    assert (ring.shapes[0].r / ring.shapes[1].r) ** 2 == pytest.approx(
        data.loc[ring.row, "value_high"] / data.loc[ring.row, "value_low"], rel=0.01
    )


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["ccc excerpt", "2,900 synthetic cities"])
def test_map_stays_under_100_kb_at_ccc_scale_and_says_what_has_no_tooltip(scale, ccc_excerpt):
    events = ccc_excerpt if scale == "ccc excerpt" else synthetic_map_events()
    info = chart_info(turnout_map(events))
    assert len(info.data) >= (200 if scale == "ccc excerpt" else 2800)
    html = embeds.render(info, csv_href="turnout-map.csv").html
    assert len(html.encode("utf-8")) <= 100_000
    doc = Doc(html)
    marks = [int(m["data-i"]) for m in doc.layouts["tc-map"]]
    assert marks == list(range(len(marks))), "the largest places are marked, in the CSV's order"
    assert len(doc.rows) == len(marks) >= 50
    dots = _map_dots(html)
    assert len(marks) + dots == len(info.data), "every row is drawn: a mark or a dot"
    left = len(info.data) - len(marks)
    said = f"{left:,} smaller places as plain dots"
    assert said in html.split('<div class="tc-chart">')[0], "the key says it, visibly"
    caption = re.search(r"<caption>(.*?)</caption>", html)[1]
    assert f"the other {left:,}" in caption and "data file" in caption


def test_map_labels_stay_on_the_map_apart_and_legible(ccc_excerpt):
    chart = embeds.render(chart_info(turnout_map(ccc_excerpt))).chart
    for layout in chart.layouts:
        texts = layout.texts()
        assert len(texts) >= 4 and min(t.size for t in texts) >= 12
        boxes = [t.box(layout.min_width) for t in texts]
        for b in boxes:
            assert b[0] >= 0 and b[2] <= layout.min_width and b[1] >= 0
            assert b[3] <= layout.height
        for ba, bb in combinations(boxes, 2):
            assert ba[2] <= bb[0] or bb[2] <= ba[0] or ba[3] <= bb[1] or bb[3] <= ba[1]


def test_map_outlines_are_small_and_shared_by_every_embed():
    from turnout.embeds import map_shapes

    f = map_shapes.frame()
    assert len(f.outline) <= 30_000 and map_shapes.frame() is f, "computed once per process"
    assert f.outline.count("M") == len(f.rings) >= 52


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_range_end_is_paler_than_its_bar_in_both_schemes(scheme):
    """The by-city note says "Paler bar ends": true in dark mode too (the editor saw a tint
    darker than the bar there), and the end shows against the background."""
    colors = theme.LIGHT if scheme == "light" else theme.DARK
    assert theme.luminance(colors["one-tint"]) > theme.luminance(colors["one"])
    assert theme.range_end_shows(colors)


def test_the_by_city_notes_name_no_colour_that_changes_with_the_scheme(seed_events):
    from turnout.charts import turnout_by_city

    for measure in ("largest", "sum"):
        notes = chart_info(turnout_by_city(seed_events, measure=measure)).notes
        assert "Paler bar ends" in notes
        assert not re.search(r"\b(?:light|dark|white|black)\b", notes, re.IGNORECASE), notes


def test_a_temperature_bound_is_said_in_plain_words_and_its_arrow_as_drawn(make_events):
    """The editor: notes said "a light arrow" over a saturated one; the tooltip said "Mark:
    Reported at most"."""
    nan = float("nan")
    events = make_events(
        {"city": "Alpha", "temp_f_low": 20.0, "temp_f_high": 20.0, "size_low": 300.0},
        {"city": "Gamma", "temp_f_low": nan, "temp_f_high": 32.0, "temp_text": "freezing",
         "size_low": 1000.0},
    )  # fmt: skip
    info = chart_info(temperature_vs_attendance(events))
    embed = embeds.render(info)
    assert "drawn as an arrow" in info.notes and "light arrow" not in info.notes
    table = embed.chart.table
    assert "Mark" not in table.columns
    cells = [c for row in table.rows for c in row if isinstance(c, str)]
    assert "only “freezing” (32°F or colder)" in cells
    assert not any(c.lower().startswith("reported at") for c in cells)


def test_no_axis_label_sits_on_a_mark_drawn_along_its_gridline() -> None:
    """The seed's "freezing" bound runs along the 2,000 gridline: its label stays clear."""
    from turnout import charts, load_events
    from turnout.embeds.scene import Line
    from turnout.embeds.temperature import draw

    spec = charts.spec(load_events(), "temperature-vs-attendance")
    layouts = draw(spec.data, spec, embeds.base.QuoteBudget()).layouts
    along = 0
    for layout in layouts:
        width = layout.min_width
        lines = [
            s
            for m in layout.marks()
            for s in m.shapes
            if isinstance(s, Line) and s.y0 == s.y1 and s.x0 != s.x1
        ]
        for label in (i for i in layout.items if isinstance(i, Text)):
            left, top, right, bottom = label.box(width)
            for line in lines:
                x0, x1 = sorted((line.x0 * width, line.x1 * width))
                if x0 < right and left < x1 and top - 2 < line.y0 < bottom + 2:
                    raise AssertionError(f"{label.text!r} sits on a mark at y={line.y0}")
                along += x0 < right and left < x1 and abs(line.y0 - bottom) < 12
    assert along >= 2  # the case is there: a label just above a bound, in both designs
