"""A chart as a spec: its words, its marks as a table and its options, worked out once and
drawn by two renderers, matplotlib (PNG, SVG: :func:`turnout.charts.draw`) and the HTML
embed (:func:`turnout.embeds.render`). Neither works anything out again.

Nothing here imports matplotlib: a spec is made with pandas, :mod:`turnout.ap`,
:mod:`turnout.cells` and :mod:`turnout.ranking`, so a script or a test reads a chart's
headline without drawing it (the vega-lite model: a headline is a field, not pixels).

>>> import turnout
>>> s = spec(turnout.load_events(), "turnout-by-city", measure="sum")
>>> s.kind, s.options.measure
('turnout-by-city', 'sum')
>>> s.title
'Minneapolis drew the most reported protesters: 70,000+ at two events'
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

import pandas as pd

__all__ = ["ChartSpec", "kinds", "left_out_spec", "spec"]


class ChartSpec(NamedTuple):
    """A chart before it is drawn: what a publisher needs besides the picture (words,
    credit, the data drawn) and what the renderers need (kind, options)."""

    title: str
    subtitle: str
    alt: str
    source: str
    notes: str
    #: The marks as a table, one row per mark: exactly NAME.csv.
    data: pd.DataFrame
    #: Which chart it is ("turnout-by-city"): the design each renderer draws.
    kind: str = ""
    #: Why the chart is left out ("A timeline needs more than one day; ..."), when its data
    #: cannot say anything: it is then shown as this sentence and saved as no file.
    left_out: str = ""
    #: The kind's options, typed (:class:`turnout.charts.by_city.ByCityOptions`, ...);
    #: ``None`` for a spec built by hand, which the renderers read with their defaults.
    options: Any = None


#: Each kind's spec function, by module and name: imported when first asked for, so making
#: one kind's spec loads no other chart.
_SPECS = {
    "turnout-by-city": ("turnout.charts.by_city", "by_city_spec"),
    "timeline-density": ("turnout.charts.timeline", "timeline_spec"),
    "temperature-vs-attendance": ("turnout.charts.temperature", "temperature_spec"),
    "turnout-map": ("turnout.charts.turnout_map", "map_spec"),
}


def kinds() -> list[str]:
    """The chart kinds :func:`spec` makes.

    >>> "turnout-by-city" in kinds()
    True
    """
    return list(_SPECS)


def spec(events: pd.DataFrame, kind: str, **options: Any) -> ChartSpec:
    """The spec of a chart of ``kind`` over ``events`` (the table of
    :func:`turnout.load_events`), with the options its chart function takes
    (:func:`turnout.charts.turnout_by_city`'s ``measure``, ``labels``, ...).

    >>> import turnout
    >>> spec(turnout.load_events(), "bar-chart")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: no chart kind 'bar-chart': one of turnout-by-city, ...
    """
    if kind not in _SPECS:
        raise ValueError(f"no chart kind {kind!r}: one of {', '.join(_SPECS)}")
    module, name = _SPECS[kind]
    made: ChartSpec = getattr(importlib.import_module(module), name)(events, **options)
    return made


def left_out_spec(
    kind: str,
    *,
    title: str | None,
    message: str = "No events in this selection.",
    subtitle: str = "",
    source: str,
    notes: str = "",
    columns: list[str],
    options: Any = None,
) -> ChartSpec:
    """The honest spec for 'nothing to chart': the frame and a sentence, no marks, left out
    (``left_out`` is the sentence). Its defaults are the empty selection's: "No protests to
    chart", "No events in this selection."

    >>> s = left_out_spec("turnout-by-city", title=None, source="Source: X", columns=["place"])
    >>> s.alt, s.left_out
    ('No protests to chart. No events in this selection.', 'No events in this selection.')
    """
    title = title or "No protests to chart"
    alt = f"{title}. {message}" + (f" {notes}" if notes else "")
    return ChartSpec(
        title,
        subtitle,
        alt,
        source,
        notes,
        pd.DataFrame(columns=columns),
        kind=kind,
        left_out=message,
        options=options,
    )
