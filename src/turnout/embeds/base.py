"""What every chart kind hands the page: layouts, the data table its marks point into, a key.

A chart kind is a function ``(data, info) -> Chart`` registered under the name
``ChartInfo.kind`` carries (``"turnout-by-city"``). A kind nobody registered
gets the generic embed (:mod:`turnout.embeds.generic`), so a new chart never
breaks ``save_chart``. The map plugs in the same way: ``@register("turnout-map")``.

>>> sorted(k for k in kinds() if k)  # doctest: +NORMALIZE_WHITESPACE
['temperature-vs-attendance', 'timeline-density', 'turnout-by-city', 'turnout-map']
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from turnout import cells
from turnout.embeds.scene import Layout

#: Width of the chart at its narrowest (a 320 px phone less the embed's 10 px margins).
NARROW = 300.0
#: From this chart width up, kinds may switch to a wider design.
WIDE = 600.0
#: And from this one up, a third design for desktop columns.
WIDER = 900.0
#: Quoted text an embed carries in all (UTF-8 bytes); past it, a cell says how many more
#: the CSV has.
QUOTE_BUDGET = 18_000


class QuoteBudget:
    """Whole sentences until the budget is spent: a quote is never cut in the middle.

    >>> b = QuoteBudget(10)
    >>> b.take("short"), b.take("a longer sentence"), b.left_out
    (True, False, 1)
    """

    def __init__(self, chars: int = QUOTE_BUDGET) -> None:
        self.chars = chars
        self.left_out = 0

    def take(self, text: str) -> bool:
        size = len(text.encode("utf-8"))
        if size <= self.chars:
            self.chars -= size
            return True
        self.left_out += 1
        return False


@dataclass
class Table:
    """The data table: one row per row of NAME.csv, in its order; marks point here by index.

    A cell is a string, or a list of strings for quotes (``quote_columns``), which the
    tooltip shows as quoted sentences.
    """

    caption: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    quote_columns: frozenset[int] = frozenset()


@dataclass
class Chart:
    """A chart kind's answer: designs by width (narrowest first), the table, the key."""

    layouts: list[Layout]
    table: Table
    key: list[tuple[str, str]] = field(default_factory=list)  # (swatch class, words)
    message: str = ""  # said instead of a chart when there is nothing to draw
    # A drawing under every layout that scales with the chart's width (a map), with
    # ``svg()`` and ``draw(ax, left, top, width)`` for the phone PNG; the layouts lie over it.
    base: Any = None
    css: str = ""  # the kind's own rules, added to the embed's stylesheet


Renderer = Callable[[pd.DataFrame, Any, QuoteBudget], Chart]
_KINDS: dict[str, Renderer] = {}


def register(kind: str) -> Callable[[Renderer], Renderer]:
    """Make ``fn`` draw charts of ``kind`` (the name in ``ChartInfo.kind``)."""

    def deco(fn: Renderer) -> Renderer:
        _KINDS[kind] = fn
        return fn

    return deco


#: The module that registers each kind's design, imported when that kind is first drawn:
#: an embed loads its own design alone (the map's geography is no bar chart's weight).
_MODULES = {
    "": "turnout.embeds.generic",
    "turnout-by-city": "turnout.embeds.by_city",
    "temperature-vs-attendance": "turnout.embeds.temperature",
    "timeline-density": "turnout.embeds.timeline",
    "turnout-map": "turnout.embeds.turnout_map",
}


def kinds() -> dict[str, Renderer]:
    """The registered kinds (importing the kind modules registers them)."""
    for module in _MODULES.values():
        importlib.import_module(module)
    return dict(_KINDS)


def designed(kind: str) -> bool:
    """Whether charts of ``kind`` have an embed design of their own (not the generic list).

    >>> designed("turnout-by-city"), designed(""), designed("a-kind-nobody-drew")
    (True, False, False)
    """
    return bool(kind) and (kind in _MODULES or kind in _KINDS)


def renderer(kind: str) -> Renderer:
    """The design that draws ``kind``: its own, or the generic list."""
    if kind not in _KINDS:
        importlib.import_module(_MODULES.get(kind, _MODULES[""]))
    if kind in _KINDS:
        return _KINDS[kind]
    importlib.import_module(_MODULES[""])
    return _KINDS[""]


#: True for None, NaN, NA, NaT and blank strings: every room's one rule (turnout.cells).
missing = cells.blank
#: A cell as the words to print: "" when blank, bidirectional controls out (turnout.cells).
text = cells.shown
BIDI_CONTROLS = cells.BIDI_CONTROLS


def quotes(
    value: Any,
    budget: QuoteBudget,
    *,
    sep: str | None = None,
    most: int | None = None,
    names: Any = None,
) -> list[str]:
    """The sentences of a quote cell that fit the budget (at most ``most`` of them), and a
    closing line for the rest. A row of several sources quotes each (one line per source),
    led by its source's name when ``names`` (its ``source_name``) lines up.

    >>> quotes("About 4,000 rallied.\\nHundreds rallied.", QuoteBudget(), names="AP\\nKUOW")
    ['AP: About 4,000 rallied.', 'KUOW: Hundreds rallied.']
    """
    from turnout.sources import lines

    parts = [p.strip() for p in (text(value).split(sep) if sep else [text(value)])]
    said = [line for p in parts for line in (lines(p) or [p])]
    who = lines(text(names))
    if len(who) > 1 and len(who) == len(said):
        said = [f"{n}: {q}" if n and q else q for n, q in zip(who, said, strict=True)]
    parts = [p for p in said if p]
    kept = [p for p in parts[:most] if budget.take(p)]
    if len(kept) < len(parts):
        n = len(parts) - len(kept)
        kept.append(f"… {n} more {'sentence' if n == 1 else 'sentences'} in the data file.")
    return kept


def nice_ticks(top: float, most: int) -> list[float]:
    """Round ticks from 0 to at least ``top``, at most ``most`` of them past zero (1-2-5 steps).

    >>> nice_ticks(50000, 4), nice_ticks(7, 5)
    ([0, 20000, 40000, 60000], [0, 2, 4, 6, 8])
    """
    top = max(top, 1)
    for exp in range(0, 10):
        for m in (1, 2, 5):
            step = m * 10**exp
            n = math.ceil(top / step)
            if n <= most:
                return [i * step for i in range(n + 1)]
    return [0, top]
