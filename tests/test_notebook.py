"""turnout.notebook: a story opened for a notebook, its charts drawn with its own options."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import turnout
from turnout import charts
from turnout.charts import chart_info
from turnout.notebook import CHARTS, OpenedStory, chart_kind, open_story
from turnout.stories import StoryData

DAILY = '"STATION","DATE","TMAX","TMIN"\n"USW00094728","2026-01-29","20","8"\n'


@pytest.fixture(scope="module")
def some_cities():
    return open_story(start="2026-01-24", cities=["Seattle", "Denver"])


def test_the_public_open_story_is_the_story_with_charts_and_unpacks_as_before():
    opened = turnout.open_story(start="2026-01-30")
    assert isinstance(opened, OpenedStory) and isinstance(opened, StoryData)
    settings, all_events, events, rejected = opened  # today's notebooks and scripts
    assert (len(all_events), len(events), len(rejected)) == (18, 13, 0)
    assert settings.start == "2026-01-30" and opened.events is events


def test_opening_a_story_loads_no_matplotlib():
    """A script that only reads a story's rows stays light (docs/architecture.md)."""
    code = "import sys, turnout; turnout.open_story(); print('matplotlib' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_each_kind_takes_the_story_options_its_chart_function_takes(some_cities):
    assert some_cities.chart_options("temperature") == {}
    for kind in ("by_city", "map"):
        assert some_cities.chart_options(kind) == {"cities_in_data": 10}
    assert some_cities.chart_options("timeline") == {
        "start": "2026-01-24",
        "end": "2026-02-02",
        "marked_days": {"2026-01-23": "Minneapolis strike", "2026-01-30": "Nationwide strike"},
        "cities_in_data": 10,
    }
    # The whole story's cities: nothing to say about others.
    assert open_story().chart_options("by_city") == {"cities_in_data": None}


def test_a_chart_is_the_chart_functions_with_the_story_options(some_cities):
    fig = some_cities.chart("timeline")
    direct = charts.timeline_density(
        some_cities.events,
        start="2026-01-24",
        end="2026-02-02",
        marked_days=some_cities.settings.marked_days,
        cities_in_data=10,
    )
    mine, theirs = chart_info(fig), chart_info(direct)
    assert mine.kind == "timeline-density" and mine.title == theirs.title
    assert mine.notes == theirs.notes and "of the 10 cities" in mine.subtitle + mine.notes
    pd.testing.assert_frame_equal(mine.data, theirs.data)


def test_a_notebooks_own_options_pass_through_and_win(some_cities):
    largest = chart_info(open_story().chart("by_city"))
    summed = chart_info(open_story().chart("turnout-by-city", measure="sum"))
    assert largest.title != summed.title
    titled = some_cities.chart("by_city", title="A headline of the desk's own")
    assert chart_info(titled).title == "A headline of the desk's own"


def test_kinds_and_short_names():
    assert set(CHARTS) == {"turnout-by-city", "temperature-vs-attendance", "timeline-density",
                           "turnout-map"}  # fmt: skip
    assert [chart_kind(k) for k in ("by_city", "temperature", "timeline", "map")] == list(CHARTS)
    for kind, function in CHARTS.items():
        assert hasattr(charts, function) and chart_kind(kind) == kind
    with pytest.raises(ValueError, match="no chart kind 'bar'; kinds are turnout-by-city"):
        open_story().chart("bar")


def test_show_and_save_shows_once_and_writes_the_kinds_files(tmp_path, monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: shown.append((a, k)))
    monkeypatch.delenv("TURNOUT_BUILD", raising=False)
    opened = open_story(figures_dir=tmp_path / "desk")  # a folder outside figures/: as given
    saved = opened.show_and_save("timeline")
    assert sorted(p.name for p in saved.values()) == sorted(
        f"timeline-density.{ext}" for ext in ("csv", "html", "json", "phone.png", "png", "svg")
    )
    assert all(p.parent == tmp_path / "desk" for p in saved.values())
    ((data,), options) = shown[0]
    assert len(shown) == 1 and "image/png" in data
    headline = options["metadata"]["turnout"]["headline"]
    assert headline == chart_info(opened.chart("timeline")).title


def test_with_weather_attaches_a_saved_file_and_leaves_the_rest(tmp_path):
    path = tmp_path / "weather.csv"
    path.write_text(DAILY, encoding="utf-8")
    opened = open_story()
    observed = opened.with_weather(path)
    assert isinstance(observed, OpenedStory) and observed.settings == opened.settings
    row = observed.events[observed.events["row"].eq(4)]
    assert row[["temp_obs_low_f", "temp_obs_high_f"]].values.tolist() == [[8.0, 20.0]]
    assert "temp_obs_low_f" not in opened.events  # the story it came from is unchanged
    assert len(observed.events) == len(opened.events)
    pd.testing.assert_frame_equal(observed.all_events, opened.all_events)


def test_with_weather_and_no_saved_file_is_the_story_as_it_was(tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))  # no data/external/weather.csv here
    opened = open_story()
    assert opened.with_weather(None).events is opened.events


def test_show_displays_the_chart_once_and_returns_nothing(monkeypatch):
    """A cell ending in `opened.show(...)` must not show the figure a second time."""
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: shown.append(a))
    assert open_story().show("map", labels=3) is None
    assert len(shown) == 1 and "Map of the United States" in shown[0][0]["text/plain"]


def test_rejected_rows_warn_at_the_callers_line_with_their_counts(tmp_path):
    path = tmp_path / "story.csv"
    path.write_text("date,locality,state\n2026-01-30,Denver,CO\nnot a day,Denver,CO\n", "utf-8")
    with pytest.warns(turnout.RejectedRowsWarning, match="1 of 2 rows rejected") as caught:
        opened = open_story(data_path=path)
    # Only the rejected rows' warning: pytest.warns also records stray ones (a ResourceWarning
    # for a font file another test left open, when it is collected here).
    [said] = [w for w in caught if issubclass(w.category, turnout.RejectedRowsWarning)]
    assert said.filename == __file__  # this test's line, not turnout's
    assert (said.message.rejected, said.message.total) == (1, 2)
    assert len(opened.rejected) == 1 and len(opened.events) == 1
