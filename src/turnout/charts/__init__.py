"""Newsroom charts of a cleaned events table, each a matplotlib Figure with its metadata.

Every chart takes the events table of :func:`turnout.load_events` (the seed
story, a reporter's sheet or Crowd Counting Consortium data: any number of
rows and cities) and returns a Figure that carries what a publisher needs:
:func:`chart_info` gives its headline, subtitle, alt text, source line, notes
and ``data``, a table of exactly what is drawn, one row per mark, with the
``row`` of the events file, the source's words (``size_text``), the sentence
(``source_quote``) and the address (``source_url``) each number rests on.

Crowd sizes and events are what a source reported, and the words say so:
headlines read "the largest reported crowd" and "Reported protests peaked",
never a count stated as fact. Words follow AP style (numbers under 10 spelled
out, no sentence opening on a numeral, "Jan. 23-Feb. 2, 2026"); bar labels,
axis ticks and the ``data`` table keep numerals.

Story specifics (dates to mark, the period to show, a headline) come in as
arguments; nothing here knows about one story. With nothing to chart (no
events, no counts, no temperatures) a chart returns a figure that says so.

A chart is a spec drawn twice (docs/architecture.md): :func:`spec` works out a
chart's words, its marks as a table and its typed options with pandas and
:mod:`turnout.ap` alone (a :class:`ChartSpec`, no matplotlib loaded); :func:`draw`
draws it with matplotlib and :func:`turnout.embeds.render` as an HTML embed.
``turnout_by_city(events, ...)`` and the other chart functions are
``draw(spec(events, kind, ...))``. Per kind, the spec is :mod:`~turnout.charts.by_city`,
:mod:`~turnout.charts.temperature`, :mod:`~turnout.charts.timeline` and
:mod:`~turnout.charts.turnout_map` (its geography in :mod:`turnout.geo`); the drawing
is the matching ``*_marks`` module (:mod:`~turnout.charts.map_marks` for the map).
What specs share is :mod:`~turnout.charts.rows` and :mod:`~turnout.charts.specs`; what
drawings share, :mod:`~turnout.charts.base`. Names here are imported on first use.

>>> import turnout
>>> from turnout.charts import turnout_by_city, chart_info
>>> fig = turnout_by_city(turnout.load_events())
>>> chart_info(fig).title
'Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23'
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

# Imported on first use (as ``turnout``'s own names are), so a chart's spec and its embed
# load no matplotlib: only the names that draw import it.
_WHERE = {
    "ChartInfo": "turnout.charts.base",
    "ChartSpec": "turnout.charts.specs",
    "spec": "turnout.charts.specs",
    "draw": "turnout.charts.base",
    "chart_info": "turnout.charts.base",
    "turnout_by_city": "turnout.charts.by_city",
    "HOLLOW_DIAMETER": "turnout.charts.turnout_map",
    "MAX_DIAMETER": "turnout.charts.turnout_map",
    "MIN_DIAMETER": "turnout.charts.turnout_map",
    "circle_scale": "turnout.charts.turnout_map",
    "legend_values": "turnout.charts.turnout_map",
    "MIN_TEMPERATURE_POINTS": "turnout.charts.temperature",
    "temperature_vs_attendance": "turnout.charts.temperature",
    "timeline_density": "turnout.charts.timeline",
    "MAP_COLUMNS": "turnout.charts.turnout_map",
    "turnout_map": "turnout.charts.turnout_map",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        try:  # a chart module by name (turnout.charts.by_city), as when all were imported
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError:
            raise AttributeError(f"module 'turnout.charts' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value  # once: later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


class _Charts(types.ModuleType):
    """This package, whose public ``turnout_map`` is the function, not its module: the
    import system sets each submodule as an attribute once loaded, which is kept for the
    names of the public API (as when they were imported eagerly)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _WHERE and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Charts


__all__ = [
    "HOLLOW_DIAMETER",
    "MAP_COLUMNS",
    "MAX_DIAMETER",
    "MIN_DIAMETER",
    "MIN_TEMPERATURE_POINTS",
    "ChartInfo",
    "ChartSpec",
    "chart_info",
    "circle_scale",
    "draw",
    "legend_values",
    "spec",
    "temperature_vs_attendance",
    "timeline_density",
    "turnout_by_city",
    "turnout_map",
]
