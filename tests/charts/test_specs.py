"""turnout.charts.specs: a chart is a spec (no matplotlib) that matplotlib and the embed both
draw as it is, never working anything out again."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from PIL import Image

import turnout
from turnout import charts, embeds
from turnout.charts import specs
from turnout.charts.by_city import ByCityOptions
from turnout.embeds.scene import Line
from turnout.publish import save_chart

STRIKE = {"2026-01-30": "National strike"}
CCC = Path(__file__).resolve().parents[1] / "fixtures" / "ccc_2017_2020_excerpt.csv"

# Every kind's spec and embed, each with options that change what is drawn, in a fresh
# interpreter: importing or calling anything that draws would load matplotlib.
_NO_DRAWING = """
import json, sys, warnings
import turnout
from turnout import charts, embeds
warnings.simplefilter("ignore")
seed = turnout.load_events()
ccc = turnout.load_events(sys.argv[1], format="ccc")
options = json.loads(sys.argv[2])
made = []
for kind in charts.specs.kinds():
    for events in (seed, ccc, seed.iloc[:0]):
        for opts in options.get(kind, [{}]):
            spec = charts.spec(events, kind, **opts)
            embed = embeds.render(spec, csv_href="x.csv")
            assert embed.title == spec.title and spec.kind == kind, kind
            made.append(kind)
assert "matplotlib" not in sys.modules, sorted(m for m in sys.modules if "matplotlib" in m)[:5]
print(json.dumps(sorted(set(made))))
"""

OPTIONS = {
    "turnout-by-city": [
        {"measure": m, "labels": lab} for m in ("largest", "sum") for lab in ("number", "words")
    ],
    "temperature-vs-attendance": [{}, {"title": "A headline of the desk's own"}],
    "turnout-map": [{}, {"measure": "sum", "labels": 3}, {"scale_max": 1_000_000}],
    "timeline-density": [
        {},
        {"freq": "week", "marked_days": {"2026-01-30": "National strike"}},
        {"freq": "month"},
    ],
}


def test_every_kinds_spec_and_embed_are_made_without_matplotlib():
    done = subprocess.run(
        [sys.executable, "-c", _NO_DRAWING, str(CCC), json.dumps(OPTIONS)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == sorted(specs.kinds())
    assert sorted(specs.kinds()) == sorted(embeds.base._MODULES.keys() - {""})  # every kind


@pytest.fixture(scope="module")
def ccc_events():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return turnout.load_events(CCC, format="ccc")


@pytest.mark.parametrize("kind", specs.kinds())
@pytest.mark.parametrize("which", ["seed", "ccc"])
def test_each_embeds_headline_is_its_pngs(kind, which, seed_events, ccc_events, tmp_path):
    spec = charts.spec(seed_events if which == "seed" else ccc_events, kind)
    fig = charts.draw(spec)
    assert charts.chart_info(fig) is spec  # the figure keeps the spec it drew
    drawn = [t for t in fig.texts if t.get_gid() == "turnout-title"]
    assert [" ".join(t.get_text().split()) for t in drawn] == [spec.title]
    if spec.left_out:  # CCC has no temperatures: a sentence on the page, no file, no embed
        with pytest.warns(UserWarning, match="no files written"):
            assert save_chart(fig, kind, out_dir=tmp_path) == {}
        assert embeds.render(spec).title == spec.title
        return
    files = save_chart(fig, kind, out_dir=tmp_path)
    png_title = Image.open(files["png"]).text["Title"]
    embed = embeds.render(spec)
    assert png_title == embed.title == spec.title
    assert json.loads(files["json"].read_text(encoding="utf-8"))["title"] == spec.title


def test_the_chart_function_is_its_spec_drawn(seed_events):
    fig = charts.turnout_by_city(seed_events, measure="sum", labels="words", top=3)
    spec = charts.spec(seed_events, "turnout-by-city", measure="sum", labels="words", top=3)
    info = charts.chart_info(fig)
    assert info.options == spec.options == ByCityOptions("sum", "words", 3)
    assert (info.title, info.subtitle, info.alt, info.notes) == (
        spec.title,
        spec.subtitle,
        spec.alt,
        spec.notes,
    )
    assert info.data.equals(spec.data)


def test_the_embed_takes_its_design_from_the_options_not_the_words(seed_events):
    spec = charts.spec(seed_events, "turnout-by-city", labels="words")
    assert spec.data["label"].str.startswith("“").all()

    def gridlines(s: specs.ChartSpec) -> int:
        layout = embeds.render(s).chart.layouts[0]
        return sum(1 for item in layout.items if isinstance(item, Line) and item.cls == "rule")

    # Words on the bars get a light scale; the same labels under "number" options do not.
    assert gridlines(spec) > 0
    assert gridlines(spec._replace(options=spec.options._replace(labels="number"))) == 0


def test_the_timeline_embed_counts_by_the_specs_bin_not_its_labels(seed_events):
    spec = charts.spec(seed_events, "timeline-density", freq="week", marked_days=STRIKE)
    relabelled = spec.data.assign(label=spec.data["label"].str.removeprefix("Week of "))
    key = embeds.render(spec._replace(data=relabelled)).chart.key
    assert ("dash", "Marked day") in key  # a week's marked day is a dashed line, not a band
    daily = charts.spec(seed_events, "timeline-density", marked_days=STRIKE)
    assert ("band", "Marked day") in embeds.render(daily).chart.key


def test_the_map_embed_draws_circles_on_the_specs_scale(seed_events):
    """``scale_max`` (maps that share one scale) sizes the embed's circles as the PNG's."""

    def largest_radius(s: specs.ChartSpec) -> float:
        return float(embeds.render(s).chart.base.marks[0].shapes[0].r)

    own = charts.spec(seed_events, "turnout-map")
    shared = charts.spec(seed_events, "turnout-map", scale_max=200_000)
    assert shared.options.k == own.options.k / 4
    assert largest_radius(shared) == pytest.approx(largest_radius(own) / 2)  # area: a quarter


def test_a_kind_nobody_made_is_named_in_the_error(seed_events):
    with pytest.raises(ValueError, match="no chart kind 'pie'"):
        charts.spec(seed_events, "pie")


def test_a_left_out_spec_draws_its_sentence_and_embeds_nothing(seed_events):
    spec = charts.spec(seed_events.iloc[:0], "turnout-by-city")
    assert spec.left_out == "No events in this selection."
    fig = charts.draw(spec)
    assert any("No events in this selection." in t.get_text() for t in fig.texts)
    assert embeds.render(spec).chart.layouts == []
