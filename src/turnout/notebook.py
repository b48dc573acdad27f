"""A story opened for a notebook: its data and settings, and each chart drawn with its options.

:func:`open_story` is what every notebook starts with (``turnout.open_story``). It returns
an :class:`OpenedStory`: the named tuple :func:`turnout.stories.open_story` gives
(``settings, all_events, events, rejected``, so ``settings, all_events, events, rejected =
turnout.open_story()`` keeps working) with the story's charts on it::

    opened = turnout.open_story("may-day-2026")
    opened.chart("by_city", measure="sum")      # a Figure, with the story's options
    opened.show("timeline")                     # drawn and shown as the page prints it
    opened.show_and_save("turnout-map")         # ... and its files saved (drafts outside a build)

A chart's story options (its period and highlighted days, how many cities the data holds
beyond the story's list) come from the story's settings (:meth:`OpenedStory.chart_options`),
so no notebook repeats them. Nothing here imports matplotlib until a chart is drawn.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from turnout import stories

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

#: Each chart kind (the name of its files and embed design) and its function in turnout.charts.
CHARTS: dict[str, str] = {
    "turnout-by-city": "turnout_by_city",
    "temperature-vs-attendance": "temperature_vs_attendance",
    "timeline-density": "timeline_density",
    "turnout-map": "turnout_map",
}
#: Short names a notebook may use for a kind.
ALIASES: dict[str, str] = {
    "by_city": "turnout-by-city",
    "temperature": "temperature-vs-attendance",
    "timeline": "timeline-density",
    "map": "turnout-map",
    "turnout_map": "turnout-map",
}


def chart_kind(name: str) -> str:
    """A chart kind from its name or short name; an unknown one is one clear line.

    >>> chart_kind("by_city"), chart_kind("timeline-density")
    ('turnout-by-city', 'timeline-density')
    >>> chart_kind("pie")
    Traceback (most recent call last):
    ...
    ValueError: no chart kind 'pie'; kinds are turnout-by-city, temperature-vs-attendance, \
timeline-density, turnout-map (or by_city, temperature, timeline, map)
    """
    kind = ALIASES.get(name, name)
    if kind not in CHARTS:
        short = ", ".join(a for a in ALIASES if a != "turnout_map")
        raise ValueError(f"no chart kind {name!r}; kinds are {', '.join(CHARTS)} (or {short})")
    return kind


class OpenedStory(stories.StoryData):
    """A story opened for a notebook (:func:`open_story`): ``settings``, ``all_events``,
    ``events`` (its period and cities) and ``rejected``, and its charts."""

    __slots__ = ()

    def chart_options(self, kind: str) -> dict[str, Any]:
        """The options a chart of ``kind`` takes from the story's settings.

        >>> opened = open_story(start="2026-01-30")
        >>> opened.chart_options("timeline")["start"], opened.chart_options("temperature")
        ('2026-01-30', {})
        >>> open_story(cities=["Seattle", "Denver"]).chart_options("by_city")
        {'cities_in_data': 10}
        """
        kind = chart_kind(kind)
        if kind == "temperature-vs-attendance":
            return {}
        # A chart of some of the data's cities says so: "two of the 10 cities in the data".
        counted = {"cities_in_data": self.settings.cities_in_data(self.all_events)}
        if kind != "timeline-density":
            return counted
        s = self.settings
        return {"start": s.start, "end": s.end, "marked_days": s.marked_days, **counted}

    def chart(self, kind: str, **options: Any) -> Figure:
        """The story's chart of ``kind`` (``"by_city"``, ``"temperature"``, ``"timeline"``,
        ``"map"`` or the full kind), its story options applied; ``options`` (``measure``,
        ``labels``, ``title``) are the chart function's own and take precedence.

        >>> from turnout.charts import chart_info
        >>> chart_info(open_story().chart("by_city")).kind
        'turnout-by-city'
        """
        from turnout import charts

        kind = chart_kind(kind)
        draw = getattr(charts, CHARTS[kind])
        return draw(self.events, **{**self.chart_options(kind), **options})

    def show(self, kind: str, **options: Any) -> None:
        """Draw the chart (:meth:`chart`) and show it as the page prints it
        (:func:`turnout.show.show_chart`). Returns nothing, so a cell ending with it shows
        the chart once. In a notebook cell::

            opened.show("timeline")
        """
        self._shown(kind, options)

    def show_and_save(self, kind: str, **options: Any) -> dict[str, Path]:
        """Draw, show and save the chart's files under its kind's name in the story's
        figures folder (:func:`turnout.publish.save_chart`: drafts in ``figures/scratch/``
        outside ``turnout build``); returns the files written. In a notebook cell::

            saved = opened.show_and_save("by_city", measure=measure)
        """
        from turnout.publish import save_chart

        fig = self._shown(kind, options)
        return save_chart(fig, chart_kind(kind), out_dir=self.settings.figures_dir)

    def _shown(self, kind: str, options: dict[str, Any]) -> Figure:
        from turnout.show import show_chart

        fig = self.chart(kind, **options)
        show_chart(fig)
        return fig

    def with_weather(self, path: str | os.PathLike | None = None) -> OpenedStory:
        """The story with each event's observed low and high where a weather file is saved
        (:func:`turnout.weather.with_observed_weather`); as it was when none is.

        >>> opened = open_story()
        >>> opened.with_weather("no/such/weather.csv")
        Traceback (most recent call last):
        ...
        turnout.noaa.WeatherError: no/such/weather.csv: no such file
        """
        from turnout.weather import with_observed_weather

        return self._replace(events=with_observed_weather(self.events, path))


def open_story(
    story: str | None = None, *, data_format: str = "auto", **overrides: Any
) -> OpenedStory:
    """A story's settings and data in one call, with its charts: what every notebook starts
    with. Takes :func:`turnout.stories.open_story`'s arguments (``data_path``, ``start``,
    ``end``, ``cities``, ``marked_days``, ``figures_dir``); rejected rows are returned,
    never dropped, and announced with a :class:`turnout.RejectedRowsWarning`.

    >>> settings, all_events, events, rejected = open_story(start="2026-01-30")
    >>> len(all_events), len(events), len(rejected), settings.start
    (18, 13, 0, '2026-01-30')
    """
    # Its warnings (rows rejected) name the caller's line, as stories.open_story's own do.
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            data = stories.open_story(story, data_format=data_format, **overrides)
    finally:  # outside the recording block, else each warning would be recorded again
        for said in caught:
            warnings.warn(said.message, stacklevel=2)
    return OpenedStory(*data)
