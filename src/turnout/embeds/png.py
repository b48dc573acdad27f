"""The phone design as a picture: ``NAME.phone.png``, 375 CSS px wide at 2x (750 px).

For CMSs that take only images, and for notebook viewers that run no script:
the embed's own phone layout (the same shapes, words and colours, light
scheme), drawn with matplotlib, with headline, subtitle, key, notes and
source wrapped as the embed wraps them.

>>> import turnout
>>> from turnout.charts import timeline_density, chart_info
>>> from turnout.embeds import render
>>> png = phone_png(render(chart_info(timeline_density(turnout.load_events()))))
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import io
import struct
from typing import Any

from turnout.embeds.measure import text_width, wrap
from turnout.embeds.scene import Dot, Line, Mark, Rect, Symbol, Text
from turnout.embeds.theme import LIGHT

_PAD = 10.0
_PT = 0.72  # points per CSS px at the 100 dpi design size
_FONT = "DejaVu Sans"
#: The map's key swatches, drawn as circles: (face, edge, line style).
_ROUND = {
    "disc": ("#99c7e0", LIGHT["one"], "-"),
    "ring": ("none", LIGHT["one"], "-"),
    "floor": ("#99c7e0", LIGHT["one"], "--"),
    "hollow-dot": (LIGHT["bg"], LIGHT["soft"], "-"),
    "dots": (LIGHT["one"], LIGHT["one"], "-"),
}


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels, read from a PNG's header.

    >>> png_size(bytes.fromhex("89504e470d0a1a0a0000000d49484452000002800000019000"))
    (640, 400)
    """
    return struct.unpack(">II", png[16:24])


def _stroke(cls: set[str]) -> tuple[str, float, Any]:
    color = LIGHT["two"] if "two" in cls else LIGHT["one"]
    if "rule" in cls:
        color = LIGHT["rule"]
    if "axis" in cls or "dash" in cls:
        color = LIGHT["soft"]
    if "step" in cls:
        color = LIGHT["ink"]
    width = 1.0
    for name, w in (
        ("thick", 4),
        ("vbar", 1.6),
        ("bound", 1.3),
        ("cap", 1.8),
        ("thin", 1.6),
        ("step", 1.4),
    ):
        if name in cls:
            width = w
    return color, width, (0, (3, 3)) if "dash" in cls else "solid"


def phone_png(embed: Any, width: float = 375) -> bytes:
    """PNG bytes of ``embed``'s narrowest design at ``width`` CSS px, 2x."""
    buf = io.BytesIO()
    phone_figure(embed, width).savefig(buf, format="png", dpi=200, metadata={"Software": None})
    return buf.getvalue()


def _key_rows(key: list[tuple[str, str]], inner: float) -> list[list[tuple[str, str, float]]]:
    """The key's items flowed into lines as the HTML flows them; an item wider than a line
    wraps under its own swatch (a continuation has no swatch, ``cls`` ""), never past the
    picture's edge.

    >>> rows = _key_rows([("dots", "281 smaller places as plain dots " * 3)], 355)
    >>> [cls for row in rows for cls, _, _ in row]
    ['dots', '', '']
    """
    rows: list[list[tuple[str, str, float]]] = [[]]
    used = 0.0
    for cls, words in key:
        w = 22 + text_width(words, 13) + 16
        if rows[-1] and used + w > inner:
            rows.append([])
            used = 0.0
        if w <= inner:
            rows[-1].append((cls, words, used))
            used += w
            continue
        for i, line in enumerate(wrap(words, inner - 22, 13)):
            if i:
                rows.append([])
            rows[-1].append((cls if i == 0 else "", line, 0.0))
        rows.append([])
        used = 0.0
    return [row for row in rows if row]


def phone_figure(embed: Any, width: float = 375) -> Any:
    """The matplotlib Figure :func:`phone_png` saves: every text inside it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    chart, info = embed.chart, embed.info
    inner = width - 2 * _PAD
    blocks, foot = _words(info, inner)
    key_lines = _key_rows(list(chart.key) if chart.layouts else [], inner)
    layout = chart.layouts[0] if chart.layouts else None
    message = [] if layout else wrap(chart.message or "See the data file.", inner, 16)
    head_h = sum(size * 1.35 for _, size, _, _ in blocks) + 8
    key_h = len(key_lines) * 18 + (6 if key_lines else 0)
    base = chart.base if layout else None  # a map: drawn to the picture's width, text over it
    chart_h = base.height_at(inner) if base else layout.height if layout else len(message) * 22 + 16
    height = _PAD + head_h + key_h + chart_h + 8 + len(foot) * 17.5 + _PAD

    fig = Figure(figsize=(width / 100, height / 100), dpi=100, facecolor=LIGHT["bg"])
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    y = _PAD
    for line, size, bold, color in blocks:
        y += size * 1.35
        _write(
            ax, _PAD, y - size * 0.3, line, size, color=color, weight="bold" if bold else "normal"
        )
    y = _draw_key(ax, key_lines, y + 8)
    y += 6 if key_lines else 0
    if layout is None:
        for line in message:
            y += 22
            _write(ax, _PAD, y - 5, line, 16, color=LIGHT["ink"])
        y += 16
    else:
        if base:
            base.draw(ax, _PAD, y, inner)
        for item in layout.items:
            for shape in [*item.shapes] if isinstance(item, Mark) else [item]:
                _draw_shape(ax, shape, y, inner)
        y += chart_h
    y += 8
    for line, size in foot:
        y += 17.5
        _write(ax, _PAD, y - 4, line, size, color=LIGHT["soft"])
    return fig


def _words(info: Any, inner: float) -> tuple[list[tuple[str, float, bool, str]], list]:
    """The headline and subtitle as (line, size, bold, colour), the notes and source as
    (line, size), wrapped to the picture."""
    blocks: list[tuple[str, float, bool, str]] = []
    title = str(getattr(info, "title", "") or "")
    for line in wrap(title, inner, 20, bold=True):
        blocks.append((line, 20, True, LIGHT["ink"]))
    for line in wrap(str(getattr(info, "subtitle", "") or ""), inner, 15):
        blocks.append((line, 15, False, LIGHT["soft"]))
    foot: list[tuple[str, float]] = []
    for words in (str(getattr(info, "notes", "") or ""), str(getattr(info, "source", "") or "")):
        foot += [(line, 13.0) for line in wrap(words, inner, 13)]
    return blocks, foot


def _write(ax: Any, x: float, y: float, words: str, size: float, **kw: Any) -> None:
    ax.text(x, y, words, fontsize=size * _PT, family=_FONT, va="baseline", **kw)


def _draw_key(ax: Any, key_lines: list, y: float) -> float:
    """The key's rows, each swatch as the chart draws its mark; the ``y`` under them."""
    from matplotlib.patches import Circle, Polygon
    from matplotlib.patches import Rectangle as Box

    for row in key_lines:
        y += 18
        for cls, words, x in row:
            color = LIGHT["two"] if cls in ("two", "obs-range", "diamond") else LIGHT["one"]
            color = LIGHT["ink"] if cls == "step" else color
            if cls == "band":
                color = LIGHT["band"]
            face = LIGHT["one-tint"] if cls == "tint" else color
            if not cls:  # a long item's next line, under its words
                _write(ax, _PAD + x + 20, y - 4, words, 13, color=LIGHT["ink"])
                continue
            if cls in _ROUND:  # the map's marks: circles, as on the map
                face, edge, ls = _ROUND[cls]
                swatch: Any = Circle((_PAD + x + 7, y - 8.5), 5, facecolor=face, edgecolor=edge,
                                     linestyle=ls)  # fmt: skip
            elif cls == "dot":  # a reported reading: the chart's dot, as the HTML key draws it
                swatch = Circle((_PAD + x + 8, y - 8.5), 5, color=color)
            elif cls == "arrow":  # a bound: the chart's line and arrowhead, not a box
                ax.plot([_PAD + x + 3, _PAD + x + 16], [y - 8.5] * 2, color=color,
                        linewidth=1.3 * _PT, solid_capstyle="butt")  # fmt: skip
                swatch = Polygon([(_PAD + x, y - 8.5), (_PAD + x + 7, y - 12.5),
                                  (_PAD + x + 7, y - 4.5)], color=color)  # fmt: skip
            else:
                swatch = Box((_PAD + x, y - 14), 14, 11, facecolor=face, edgecolor=color)
            swatch.set_gid(f"key-{cls}")
            ax.add_patch(swatch)
            _write(ax, _PAD + x + 20, y - 4, words, 13, color=LIGHT["ink"])
    return y


def _draw_shape(ax: Any, s: Any, top: float, inner: float) -> None:
    """One shape of the phone layout, ``top`` px down the picture, ``inner`` px wide."""
    from matplotlib.patches import Circle, Polygon
    from matplotlib.patches import Rectangle as Box
    from matplotlib.patheffects import withStroke

    def X(frac: float, dx: float = 0.0) -> float:  # noqa: N802 - a coordinate, like the SVG's x
        return _PAD + frac * inner + dx

    cls = set(getattr(s, "cls", "").split())
    if isinstance(s, Rect):
        if "tint" in cls:
            face, edge = LIGHT["one-tint"], LIGHT["one"]
        elif "band" in cls:
            face, edge = LIGHT["band"], "none"
        else:
            face = LIGHT["two"] if "two" in cls else LIGHT["one"]
            edge = LIGHT["bg"] if "seg" in cls else "none"
        ax.add_patch(
            Box(
                (X(s.x0), top + s.y),
                (s.x1 - s.x0) * inner,
                s.h,
                facecolor=face,
                edgecolor=edge,
                linewidth=0.8,
            )  # fmt: skip
        )
    elif isinstance(s, Line):
        color, lw, ls = _stroke(cls)
        z = 0.5 if "rule" in cls else 2  # gridlines behind marks, as the SVG draws them
        ax.plot([X(s.x0), X(s.x1)], [top + s.y0, top + s.y1], color=color, zorder=z,
                linewidth=lw * _PT, linestyle=ls, solid_capstyle="butt")  # fmt: skip
    elif isinstance(s, Dot):
        ax.add_patch(Circle((X(s.x), top + s.y), s.r, color=LIGHT["one"]))
    elif isinstance(s, Symbol):
        x0, y0 = X(s.x), top + s.y
        outlines: dict[str, list[tuple[float, float]]] = {
            "diamond": [(0, -5.5), (5.5, 0), (0, 5.5), (-5.5, 0)],
            "head-left": [(-1, 0), (7, -4.5), (7, 4.5)],
            "head-right": [(1, 0), (-7, -4.5), (-7, 4.5)],
        }
        pts = outlines[s.name]
        hollow = "hollow" in cls
        ax.add_patch(
            Polygon(
                [(x0 + a, y0 + b) for a, b in pts],
                facecolor=LIGHT["bg"] if hollow else LIGHT["one"],
                edgecolor=LIGHT["two"] if hollow else "none",
                linewidth=1.8 * _PT,
            )  # fmt: skip
        )
    elif isinstance(s, Text):
        effects = [withStroke(linewidth=4 * _PT, foreground=LIGHT["bg"])] if "halo" in cls else None
        _write(ax, X(s.x, s.dx), top + s.y_at(inner), s.text, s.size,
               ha={"start": "left", "middle": "center", "end": "right"}[s.anchor],
               color=LIGHT["soft"] if "soft" in cls else LIGHT["ink"],
               weight="bold" if s.bold else "normal", path_effects=effects)  # fmt: skip
