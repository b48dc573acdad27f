"""What every chart's drawing shares: the figure keeps its spec, the honest figure for
"nothing to chart", and :func:`draw`, which hands a spec to its kind's matplotlib renderer.

A chart is a matplotlib Figure that keeps its :class:`~turnout.charts.specs.ChartSpec`
(headline, subtitle, alt text, source line, notes, the ``data`` drawn, one row per mark,
kind and options); :func:`chart_info` reads it back. What a spec is worked out from
(:func:`prepare` and the shared notes) is :mod:`turnout.charts.rows`, re-exported here.
"""

from __future__ import annotations

import importlib
from typing import Any

from matplotlib.figure import Figure

from turnout import style
from turnout.charts.rows import (  # noqa: F401 - the charts' shared helpers, as before
    asked_days,
    city_scope,
    floor_total,
    in_period,
    no_count_note,
    period,
    prepare,
    spoken,
    text,
    word_rules,
    words_aside,
)
from turnout.charts.specs import ChartSpec
from turnout.style import OKABE_ITO

BLUE = OKABE_ITO["blue"]
ORANGE = OKABE_ITO["orange"]
VERMILLION = OKABE_ITO["vermillion"]

#: Each kind's matplotlib renderer, by module (its ``draw(spec) -> Figure``).
_DRAWERS = {
    "turnout-by-city": "turnout.charts.by_city_marks",
    "timeline-density": "turnout.charts.timeline_marks",
    "temperature-vs-attendance": "turnout.charts.temperature_marks",
    "turnout-map": "turnout.charts.map_marks",
}


#: A chart's spec under the name it had before specs: the words, data, kind and options a
#: figure keeps (:func:`chart_info`).
ChartInfo = ChartSpec


def chart_info(fig: Figure) -> ChartInfo:
    """The publication metadata a turnout chart keeps with its figure.

    >>> import turnout
    >>> from turnout.charts import timeline_density
    >>> info = chart_info(timeline_density(turnout.load_events()))
    >>> list(info.data.columns)[:3]
    ['date', 'label', 'events']
    """
    info = getattr(fig, "_turnout_info", None)
    if not isinstance(info, ChartSpec):
        raise ValueError("this figure was not made by turnout.charts: it carries no chart info")
    return info


def finish(fig: Figure, info: ChartInfo) -> Figure:
    fig._turnout_info = info  # type: ignore[attr-defined]
    return fig


def draw(spec: ChartSpec) -> Figure:
    """The matplotlib Figure of a spec (PNG, SVG), drawn by its kind's renderer; a spec left
    out is its frame and sentence (here, once: the renderers draw only specs with marks).

    >>> import turnout
    >>> from turnout.charts.specs import spec
    >>> s = spec(turnout.load_events(), "turnout-by-city")
    >>> chart_info(draw(s)) is s
    True
    """
    if spec.left_out or spec.kind not in _DRAWERS:
        if not spec.left_out:
            raise ValueError(f"no matplotlib renderer for chart kind {spec.kind!r}")
        return message_figure_of(spec)
    drawn: Figure = importlib.import_module(_DRAWERS[spec.kind]).draw(spec)
    return drawn


def frame_spec(fig: Figure, ax: Any, spec: ChartSpec, plot_height: float, **kw: Any) -> None:
    """:func:`turnout.style.frame` with the spec's words (headline, subtitle, notes, source):
    every renderer frames a chart from its spec the same way. ``kw`` overrides (``notes``)."""
    words = {"title": spec.title, "subtitle": spec.subtitle, "source": spec.source}
    style.frame(fig, ax, **{**words, "notes": spec.notes, **kw}, plot_height=plot_height)


def message_figure_of(spec: ChartSpec) -> Figure:
    """A left-out spec drawn: its frame and its sentence."""
    with style.use_style():
        fig = style.new_figure()
        frame_spec(fig, None, spec, 1.4, message=spec.left_out)
    return finish(fig, spec)
