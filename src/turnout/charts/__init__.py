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

One module per chart: :mod:`~turnout.charts.by_city`, :mod:`~turnout.charts.temperature`
(its marks in :mod:`~turnout.charts.temperature_marks`), :mod:`~turnout.charts.timeline` and
:mod:`~turnout.charts.turnout_map` (its geography in :mod:`turnout.geo`);
what they share (chart info, the events table, the "nothing to chart" figure, shared notes)
is :mod:`~turnout.charts.base`.

>>> import turnout
>>> from turnout.charts import turnout_by_city, chart_info
>>> fig = turnout_by_city(turnout.load_events())
>>> chart_info(fig).title
'Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23'
"""

from turnout.charts.base import ChartInfo, chart_info
from turnout.charts.by_city import turnout_by_city
from turnout.charts.map_marks import (
    HOLLOW_DIAMETER,
    MAX_DIAMETER,
    MIN_DIAMETER,
    circle_scale,
    legend_values,
)
from turnout.charts.temperature import MIN_TEMPERATURE_POINTS, temperature_vs_attendance
from turnout.charts.timeline import timeline_density
from turnout.charts.turnout_map import MAP_COLUMNS, turnout_map

__all__ = [
    "HOLLOW_DIAMETER",
    "MAP_COLUMNS",
    "MAX_DIAMETER",
    "MIN_DIAMETER",
    "MIN_TEMPERATURE_POINTS",
    "ChartInfo",
    "chart_info",
    "circle_scale",
    "legend_values",
    "temperature_vs_attendance",
    "timeline_density",
    "turnout_by_city",
    "turnout_map",
]
