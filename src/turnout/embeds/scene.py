"""The drawing model of an embed: shapes placed across the width in fractions, down it in pixels.

A layout is drawn once and shown at any width from its ``min_width`` up to the
next layout's: horizontal positions are fractions of the chart's width (SVG
percentages), vertical ones and every size are pixels, and text keeps its
pixel size. So a layout checked for overlap at its narrowest width is clear at
every wider one (gaps between fractions only grow), and text never shrinks.

>>> svg = to_svg(Layout(300, 40, [Text(0.5, 0, 20, "Hi", 13, anchor="middle")]), 0)
>>> '<text x="50%" y="20" font-size="13" text-anchor="middle" class="ink">Hi</text>' in svg
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from turnout.embeds.measure import text_width


def pct(frac: float) -> str:
    """A fraction of the width as an SVG percentage: 0.375 -> "37.5%"."""
    text = f"{frac * 100:.2f}".rstrip("0").rstrip(".")
    return f"{text if text != '-0' else '0'}%"


def px(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


@dataclass
class Rect:
    """A box from fraction ``x0`` to ``x1`` of the width, ``y`` to ``y + h`` px down."""

    x0: float
    x1: float
    y: float
    h: float
    cls: str = "one"

    def svg(self) -> str:
        w = max(self.x1 - self.x0, 0.0)
        return (
            f'<rect x="{pct(self.x0)}" y="{px(self.y)}" width="{pct(w)}" height="{px(self.h)}"'
            f' class="{self.cls}"/>'
        )


@dataclass
class Line:
    """A straight line between two points (x as fractions of the width, y in px)."""

    x0: float
    y0: float
    x1: float
    y1: float
    cls: str = "rule"

    def svg(self) -> str:
        return (
            f'<line x1="{pct(self.x0)}" y1="{px(self.y0)}" x2="{pct(self.x1)}" '
            f'y2="{px(self.y1)}" class="{self.cls}"/>'
        )


@dataclass
class Dot:
    """A circle of radius ``r`` px: round at every width."""

    x: float
    y: float
    r: float
    cls: str = "one"

    def svg(self) -> str:
        return f'<circle cx="{pct(self.x)}" cy="{px(self.y)}" r="{px(self.r)}" class="{self.cls}"/>'


@dataclass
class Symbol:
    """A shape of the embed's ``<defs>`` (``diamond``, ``head-left``, ``head-right``) at a point."""

    x: float
    y: float
    name: str
    cls: str = "one"

    def svg(self) -> str:
        return (
            f'<use href="#tc-{self.name}" x="{pct(self.x)}" y="{px(self.y)}" class="{self.cls}"/>'
        )


@dataclass
class Text:
    """One line of text at fraction ``x`` of the width plus ``dx`` px; ``y`` is its baseline."""

    x: float
    dx: float
    y: float
    text: str
    size: float
    anchor: str = "start"
    cls: str = "ink"
    bold: bool = False

    def svg(self) -> str:
        dx = f' dx="{px(self.dx)}"' if self.dx else ""
        anchor = f' text-anchor="{self.anchor}"' if self.anchor != "start" else ""
        weight = ' font-weight="bold"' if self.bold else ""
        return (
            f'<text x="{pct(self.x)}"{dx} {self.y_attrs()} font-size="{px(self.size)}"'
            f'{anchor}{weight} class="{self.cls}">{escape(self.text, quote=False)}</text>'
        )

    def y_attrs(self) -> str:
        """Where the baseline is, as SVG attributes: ``y="20"``."""
        return f'y="{px(self.y)}"'

    def y_at(self, width: float) -> float:
        """The baseline when the chart is ``width`` px wide (text on a map moves with it)."""
        del width
        return self.y

    def box(self, width: float) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) in px when the chart is ``width`` px wide."""
        w = text_width(self.text, self.size, bold=self.bold)
        left = self.x * width + self.dx - {"start": 0, "middle": w / 2, "end": w}[self.anchor]
        return left, self.y - self.size * 0.8, left + w, self.y + self.size * 0.25


@dataclass
class Mark:
    """A focusable mark: the shapes of one row of the data table, and its accessible name."""

    row: int
    label: str
    shapes: list = field(default_factory=list)
    hit: Rect | None = None  # a transparent target, larger than a thin mark, for mouse and finger

    def svg(self) -> str:
        hit = [Rect(self.hit.x0, self.hit.x1, self.hit.y, self.hit.h, "hit")] if self.hit else []
        inner = "".join(s.svg() for s in [*hit, *self.shapes])
        return (
            f'<g class="mk" tabindex="0" role="img" data-i="{self.row}" '
            f'aria-label="{escape(self.label)}">{inner}</g>'
        )


@dataclass
class Layout:
    """One design of a chart, shown from ``min_width`` px (the chart's own width) upward."""

    min_width: float
    height: float
    items: list = field(default_factory=list)

    def marks(self) -> list[Mark]:
        return [i for i in self.items if isinstance(i, Mark)]

    def texts(self) -> list[Text]:
        out = [i for i in self.items if isinstance(i, Text)]
        for m in self.marks():
            out += [s for s in m.shapes if isinstance(s, Text)]
        return out


_DEFS = (
    "<defs>"
    '<path id="tc-diamond" d="M0-5.5 5.5 0 0 5.5-5.5 0Z"/>'
    '<path id="tc-head-left" d="M-1 0 7-4.5V4.5Z"/>'
    '<path id="tc-head-right" d="M1 0-7-4.5V4.5Z"/>'
    "</defs>"
)


def to_svg(layout: Layout, index: int, *, label: str = "", labelledby: str = "") -> str:
    """The layout as an inline ``<svg>`` element (class ``tc-l tc-lINDEX``), 100% wide."""
    body = "".join(i.svg() for i in layout.items)
    name = f' aria-label="{escape(label)}"' if label else ""
    name += f' aria-labelledby="{escape(labelledby)}"' if labelledby else ""
    defs = _DEFS if "<use " in body else ""
    return (
        f'<svg class="tc-l tc-l{index}" width="100%" height="{px(layout.height)}" role="group"'
        f"{name}>{defs}{body}</svg>"
    )
