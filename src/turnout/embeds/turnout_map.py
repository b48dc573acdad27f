"""The turnout map: one circle per city on the states, its area the crowd, as in the PNG.

The map is one SVG drawn once in view units (:mod:`turnout.embeds.map_shapes`) that
scales with the chart's width, so a circle's share of the map is the PNG's; the
layouts (phone, wide, wider) lie over it and carry only words: city labels, placed
where they are clear at the layout's narrowest width, and the size key's numbers.
Each city of NAME.csv is a focusable mark with a tooltip, largest first, as many as
fit in the embed's 100 KB; past that (CCC scale: thousands of places) the smaller
places are drawn as dots, one path per dot size, without a tooltip, and the key and
the data table say how many and that their rows are in the data file.

>>> import turnout
>>> from turnout.charts import spec
>>> info = spec(turnout.load_events(), "turnout-map")
>>> chart = draw(info.data, info, QuoteBudget())
>>> len(chart.base.marks) == len(info.data), [len(lay.texts()) > 0 for lay in chart.layouts]
(True, [True, True, True])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from turnout import geo
from turnout.charts.specs import ChartSpec
from turnout.charts.turnout_map import (
    HOLLOW_DIAMETER,
    MIN_DIAMETER,
    MapOptions,
    circle_scale,
    legend_values,
)
from turnout.embeds import base as kinds
from turnout.embeds import page
from turnout.embeds.base import NARROW, WIDE, WIDER, Chart, QuoteBudget, Table
from turnout.embeds.map_shapes import VIEW_W, Frame, dots_path, frame
from turnout.embeds.measure import text_width
from turnout.embeds.scene import Dot, Layout, Mark, Text, pct, px
from turnout.embeds.theme import LIGHT
from turnout.embeds.words import date_words, fmt_count, sourced
from turnout.palette import WIDTH

KIND = "turnout-map"
#: Bytes an embed may weigh; the map keeps tooltips for as many cities as fit under it.
LIMIT = 100_000
_SPARE = 9_000  # for what is not measured: the labels, the markup around the words
_DOT_BYTES = 9  # a city drawn as a dot in a path: "m12-7h0"
_EMPTY_TABLE = len(page.table_html(Table("", []), "").encode())
_NAME, _NUM, _KEY = 12.5, 12.5, 12.0  # px
_LINE = 14.0
#: The PNG's map is the figure less its 0.32 in of margins: view units per point, so a
#: circle's share of the map's width is the picture's.
_UNITS_PER_PT = VIEW_W / ((WIDTH - 0.32) * 72)
#: Labels per design: the largest few that fit; tooltips carry the rest.
_LABELS = ((NARROW, 4), (WIDE, 8), (WIDER, 12))
_KEY_ROOM = 20.0  # px under the key's circles for their numbers, at the phone width
_SPOTS = ((1, 0), (-1, 0), (0, -1), (0, 1), (0.7, -0.7), (-0.7, -0.7), (0.7, 0.7), (-0.7, 0.7))

CSS = (
    ".tc-chart{max-width:960px;margin:0 auto}"
    ".tc-map{display:block;width:100%;height:auto}"
    ".tc-chart .tc-l{position:absolute;left:0;top:0;width:100%;height:auto;pointer-events:none}"
    ".land{fill:var(--tc-band);stroke:var(--tc-bg);stroke-width:1px;"
    "vector-effect:non-scaling-stroke}"
    ".tc-map circle{stroke-width:1px;vector-effect:non-scaling-stroke}"
    ".c{fill:var(--tc-one);fill-opacity:.42;stroke:var(--tc-one)}.fl{stroke-dasharray:3 2}"
    ".ring{fill:none;stroke:var(--tc-one)}.nc{fill:var(--tc-bg);stroke:var(--tc-soft)}"
    ".dots,.nco,.nci{fill:none;stroke-linecap:round;pointer-events:none}"
    ".dots{stroke:var(--tc-one);stroke-opacity:.6}.nco{stroke:var(--tc-soft)}"
    ".nci{stroke:var(--tc-bg)}"
    ".tc-map .mk:focus-visible circle,.tc-map .mk.on circle{stroke:var(--tc-focus);"
    "stroke-width:2.5px}"
    ".tc-sizes{display:flex;justify-content:flex-end;align-items:flex-end;gap:14px;"
    "font-size:13px;margin-top:4px}.tc-sizes span{display:flex;flex-direction:column;"
    "align-items:center;gap:2px}.tc-sizes>span:first-child{color:var(--tc-soft)}"
    ".tc-sizes svg{overflow:visible}.tc-sizes circle{stroke-width:1px;"
    "vector-effect:non-scaling-stroke}"
)


@dataclass(frozen=True)
class Scale:
    """Circle sizes as the PNG draws them: area proportional to the number, a smallest size."""

    k: float  # square points per person
    smallest: float  # people: a smaller crowd is drawn this large (the notes say so)

    def diameter(self, people: float) -> float:
        """In view units."""
        return math.sqrt(max(people, self.smallest) * self.k) * _UNITS_PER_PT


def _scale(data: pd.DataFrame, options: MapOptions | None) -> Scale:
    """The spec's circle scale (a spec built by hand: its largest count the largest circle)."""
    if options is not None:
        return Scale(options.k, options.smallest)
    counted = data.loc[data["marker"].ne("no count"), "value_low"]
    vmax = float(counted.max()) if len(counted) else 1.0
    return Scale(*circle_scale(vmax))


def _cities(data: pd.DataFrame, scale: Scale, f: Frame, options: MapOptions | None) -> pd.DataFrame:
    """Each row's centre and radii in view units (NaN off the map, which the chart never
    hands over), the circle's class and the floor flag: the spec's projected places and
    floors (a spec built by hand: projected here, floors read from the labels)."""
    if options is not None:
        x, y = f.to_view(options.marks["x"].to_numpy(), options.marks["y"].to_numpy())
        floor = options.marks["floor"].to_numpy(dtype=bool)
    else:
        codes = [kinds.text(c) or None for c in data["state_code"]]
        lon = pd.to_numeric(data["longitude"], errors="coerce").to_numpy()
        lat = pd.to_numeric(data["latitude"], errors="coerce").to_numpy()
        x, y = f.to_view(*geo.project(lon, lat, codes))
        floor = data["label"].map(kinds.text).str.endswith("+").to_numpy()
    counted = data["marker"].ne("no count").to_numpy()
    low = pd.to_numeric(data["value_low"], errors="coerce").fillna(0).to_numpy()
    high = pd.to_numeric(data["value_high"], errors="coerce").fillna(0).to_numpy()
    hollow = HOLLOW_DIAMETER * _UNITS_PER_PT / 2
    r = np.where(counted, [scale.diameter(v) / 2 for v in low], hollow)
    ring = np.where(
        data["marker"].eq("range"), [scale.diameter(v) / 2 for v in np.maximum(high, low)], 0.0
    )
    cls = np.where(~counted, "nc", np.where(floor, "c fl", "c"))
    return pd.DataFrame({"x": x, "y": y, "r": r, "ring": ring, "counted": counted, "cls": cls})


def _summed(data: pd.DataFrame) -> bool:
    """A spec built by hand: its data's ``measure`` column says whether it sums."""
    return bool(len(data)) and "measure" in data and str(data["measure"].iloc[0]) == "sum"


# ---------------------------------------------------------------- table and marks


def _table_columns(sums: bool) -> list[str]:
    when = "Date of its largest count" if sums else "Date"
    number = "Number as coded (all its events)" if sums else "Number as coded"
    return ["Place", when, number, "Source’s words", "Sentence quoted", "Source", "Events"]


def _words(value: Any, most: int = 6) -> str:
    """A sum's words, one count per event: the first ``most``, then how many more the CSV has.

    >>> _words("a + b + c", most=2)
    'a + b + … and 1 more in the data file'
    """
    parts = kinds.text(value).split(" + ")
    if len(parts) <= most:
        return kinds.text(value)
    return " + ".join(parts[:most]) + f" + … and {len(parts) - most:,} more in the data file"


def _row(r: pd.Series, budget: QuoteBudget, sums: bool) -> list[Any]:
    return [
        kinds.text(r["place"]),
        date_words(r["date"]),
        kinds.text(r["label"]),
        _words(r["size_text"]) if sums else kinds.text(r["size_text"]),
        *sourced(r, budget, sep=" | " if sums else None),
        kinds.text(r["events"]),
    ]


def _row_bytes(row: list[Any]) -> int:
    """What :func:`turnout.embeds.page.table_html` writes for the row."""
    one = page.table_html(Table("", [], [row], frozenset({4})), "")
    return len(one.encode("utf-8")) - _EMPTY_TABLE


def _mark(i: int, r: pd.Series, c: pd.Series) -> Mark:
    shapes: list[Any] = []
    if c["ring"] > c["r"]:  # the high end of the source's range, under the disc
        shapes.append(Dot(c["x"] / VIEW_W, c["y"], c["ring"], "ring"))
    shapes.append(Dot(c["x"] / VIEW_W, c["y"], c["r"], c["cls"]))
    words = f"{kinds.text(r['place'])}, {date_words(r['date'])}: {kinds.text(r['label'])}"
    return Mark(i, words, shapes)


def _chrome(info: Any) -> int:
    """Bytes of the embed that are not the map's marks and rows: style, script, words."""
    words = ("title", "title", "title", "subtitle", "alt", "notes", "source")
    said = sum(len(str(getattr(info, w, "") or "").encode("utf-8")) for w in words)
    style = page.stylesheet(Chart([], Table("", []), css=CSS))
    return len(style.encode()) + len(page.script().encode()) + said


# ---------------------------------------------------------------- the drawing under the layouts


@dataclass
class MapBase:
    """The map drawn once: states, marks (largest first), dots for the rest, key circles."""

    frame: Frame
    marks: list[Mark]
    dots: list[tuple[float, list[tuple[float, float]]]]  # (diameter, centres), counted
    hollow: list[tuple[float, float]]  # centres of places with no count, drawn as dots
    sizes: SizeKey

    def height_at(self, width: float) -> float:
        """The map and its size key, ``width`` px wide, as the phone PNG draws them."""
        return self.frame.height * width / VIEW_W + self.sizes.height_at(width)

    def _hollow_svg(self) -> str:
        """Places with no count: a ring, the path drawn wide in grey, then narrower in the
        background colour (one path, used twice)."""
        if not self.hollow:
            return ""
        d = HOLLOW_DIAMETER * _UNITS_PER_PT
        return (
            f'<g class="nco" stroke-width="{px(d + 1.5)}"><path id="tc-nc" '
            f'd="{dots_path(self.hollow)}"/></g>'
            f'<use href="#tc-nc" class="nci" stroke-width="{px(d - 1.5)}"/>'
        )

    def _dots_svg(self) -> str:
        return "".join(
            f'<path class="dots" stroke-width="{px(d)}" d="{dots_path(pts)}"/>'
            for d, pts in self.dots
        )

    def svg(self) -> str:
        return (
            f'<svg class="tc-map" viewBox="0 0 {px(VIEW_W)} {px(self.frame.height)}" '
            f'width="100%" role="group" aria-labelledby="tc-alt">'
            f'<path class="land" d="{self.frame.outline}"/>'
            + self._hollow_svg()  # under the counted places, as in the PNG
            + "".join(m.svg() for m in self.marks)
            + self._dots_svg()
            + "</svg>"
            + self.sizes.html()
        )

    def draw(self, ax: Any, left: float, top: float, width: float) -> None:
        """The same map for the phone PNG (light scheme), ``width`` px wide."""
        from matplotlib.collections import PatchCollection, PolyCollection
        from matplotlib.patches import Circle

        f = width / VIEW_W
        rings = [np.column_stack([left + r[:, 0] * f, top + r[:, 1] * f]) for r in self.frame.rings]
        ax.add_collection(
            PolyCollection(rings, facecolors=LIGHT["band"], edgecolors=LIGHT["bg"], linewidths=0.6)
        )
        hollow_r = HOLLOW_DIAMETER * _UNITS_PER_PT / 2
        shapes = [Dot(x / VIEW_W, y, hollow_r, "nc") for x, y in self.hollow]
        shapes += [s for m in self.marks for s in m.shapes]
        shapes += [Dot(x / VIEW_W, y, d / 2, "dots") for d, pts in self.dots for x, y in pts]
        # One collection per run of circles drawn alike, in the SVG's order (thousands of
        # single patches took seconds at CCC scale).
        runs: list[tuple[tuple[Any, ...], list[Any]]] = []
        for s in shapes:
            face = {"ring": "none", "nc": LIGHT["bg"]}.get(s.cls, LIGHT["one"])
            edge = LIGHT["soft"] if s.cls == "nc" else LIGHT["one"]
            alpha = 0.42 if s.cls.startswith("c") else 0.6 if s.cls == "dots" else 1.0
            look = (face, edge, alpha, "--" if "fl" in s.cls else "-")
            circle = Circle((left + s.x * width, top + s.y * f), s.r * f)
            if runs and runs[-1][0] == look:
                runs[-1][1].append(circle)
            else:
                runs.append((look, [circle]))
        for (face, edge, alpha, dash), circles in runs:
            ax.add_collection(
                PatchCollection(circles, facecolors=face, edgecolors=edge, alpha=alpha,
                                linewidths=0.7, linestyles=dash)
            )  # fmt: skip
        self.sizes.draw(ax, left, top + self.frame.height * f, width)


class MapText(Text):
    """A label on the map: at fractions of the map's width and height, plus px offsets, so it
    keeps its place by its circle at any width while its size stays the same."""

    def __init__(self, x: float, dx: float, fy: float, dy: float, width: float, **kw: Any):
        self.fy, self.dy = fy, dy
        super().__init__(x, dx, self.y_at(width), **kw)  # y: the baseline at ``width`` px

    def y_at(self, width: float) -> float:
        return self.fy * frame().height * width / VIEW_W + self.dy

    def y_attrs(self) -> str:
        return f'y="{pct(self.fy)}" dy="{px(self.dy)}"'


# ---------------------------------------------------------------- the kind


@kinds.register(KIND)
def draw(data: pd.DataFrame, info: ChartSpec, budget: QuoteBudget) -> Chart:
    """The map, its layouts (phone, wide, wider: labels over the map) and its table."""
    options = info.options if isinstance(info.options, MapOptions) else None
    measure = options.measure if options else ("sum" if _summed(data) else "largest")
    sums = bool(len(data)) and measure == "sum"
    columns = _table_columns(sums)
    if data.empty:
        return Chart([], Table("", columns))
    f, scale = frame(), _scale(data, options)
    cities = _cities(data, scale, f, options)
    # Marks for the largest places while the embed stays under its limit; a dot for the rest.
    room = LIMIT - _SPARE - _chrome(info) - len(f.outline) - _DOT_BYTES * len(data)
    rows: list[list[Any]] = []
    marks: list[Mark] = []
    for i, r in data.iterrows():
        row, mark = _row(r, budget, sums), _mark(int(i), r, cities.loc[i])
        cost = _row_bytes(row) + len(mark.svg().encode("utf-8")) - _DOT_BYTES
        if cost > room:
            break
        room -= cost
        rows.append(row)
        marks.append(mark)
    # What was estimated (labels, dots, words) is weighed on the whole page: drop the
    # smallest marks while it is over.
    n = len(marks)
    while True:
        chart = _chart(data, cities, columns, rows[:n], marks[:n], scale, f)
        over = _weight(chart, info) - LIMIT
        if over <= 0 or n == 0:
            return chart
        n = max(0, n - 1 - over // (_SPARE // 20))


def _chart(
    data: pd.DataFrame,
    cities: pd.DataFrame,
    columns: list[str],
    rows: list[list[Any]],
    marks: list[Mark],
    scale: Scale,
    f: Frame,
) -> Chart:
    """The chart with marks for the first ``len(marks)`` places, dots for the others."""
    n, left = len(marks), len(data) - len(marks)
    rest = cities.iloc[n:]
    sizes = _size_key(data, scale)
    base = MapBase(f, marks, _dot_sizes(rest), _hollow(rest), sizes)
    caption = ""
    if left:
        caption = (
            f"The {n:,} largest of {len(data):,} places; the other {left:,}, drawn as dots "
            "without a tooltip, are in the data file (Get the data)."
        )
    layouts = [_layout(data.iloc[:n], cities.iloc[:n], w, most) for w, most in _LABELS]
    table = Table(caption, columns, rows, frozenset({4}))
    aspect = f".tc-chart .tc-l{{aspect-ratio:{px(VIEW_W)}/{px(f.height)}}}"
    css = CSS + aspect + sizes.css()
    return Chart(layouts, table, _key(cities, left), base=base, css=css)


def _weight(chart: Chart, info: Any) -> int:
    """Bytes of the embed's document (with a data link and a cleaning page's address)."""
    figure = page.figure_html(
        chart, info, kind=KIND, csv_href="x" * 60 + ".csv", cleaning_href="x" * 60 + ".html"
    )
    style = page.stylesheet(chart)
    doc = page.document(figure, style, page.script(), title=str(getattr(info, "title", "")))
    return len(doc.encode("utf-8"))


def _dot_sizes(rest: pd.DataFrame) -> list[tuple[float, list[tuple[float, float]]]]:
    """Counted places without a mark, grouped by diameter (to 1%, 2% of area), largest first."""
    counted = rest[rest["counted"]]
    if counted.empty:
        return []
    step = np.round(np.log(counted["r"] * 2) / 0.01)
    out = []
    for s in sorted(set(step), reverse=True):
        group = counted[step == s].sort_values(["y", "x"])
        out.append((float(np.exp(s * 0.01)), list(zip(group["x"], group["y"], strict=True))))
    return out


def _hollow(rest: pd.DataFrame) -> list[tuple[float, float]]:
    group = rest[~rest["counted"]].sort_values(["y", "x"])
    return list(zip(group["x"], group["y"], strict=True))


def _key(cities: pd.DataFrame, left: int) -> list[tuple[str, str]]:
    """The kinds of mark on this map, in words (the sizes are keyed on the map itself)."""
    key = []
    if cities["ring"].gt(cities["r"]).any():
        key.append(("ring", "High end of a range"))
    if cities["cls"].eq("c fl").any():
        key.append(("floor", "A floor (dashed)"))
    if (~cities["counted"]).any():
        key.append(("hollow-dot", "No count"))
    if left:
        places = "smaller place" if left == 1 else "smaller places"
        key.append(
            ("dots", f"{left:,} {places} as plain dots, without rings or dashes; "
             "their rows are in the data file")
        )  # fmt: skip
    return key


@dataclass
class SizeKey:
    """Circles for round numbers (1-2-5, as the PNG's key), under the map's right side:
    HTML whose circles are sized in ``cqw``, so they scale with the map exactly."""

    values: list[float]
    diameters: list[float]  # view units

    def css(self) -> str:
        return "".join(
            f".tc-sz{i}{{width:{d / VIEW_W * 100:.2f}cqw;height:{d / VIEW_W * 100:.2f}cqw}}"
            for i, d in enumerate(self.diameters)
        )

    def html(self) -> str:
        if not self.values:
            return ""
        said = " and ".join(fmt_count(v) for v in self.values)
        items = "".join(
            f'<span><svg class="tc-sz{i}" viewBox="0 0 20 20"><circle cx="10" cy="10" r="9.6" '
            f'class="c"/></svg>{fmt_count(v)}</span>'
            for i, v in enumerate(self.values)
        )
        return (
            f'<div class="tc-sizes" role="img" aria-label="Circle sizes: {said} people">'
            f'<span class="soft">People</span>{items}</div>'
        )

    def height_at(self, width: float) -> float:
        return max(self.diameters) * width / VIEW_W + 26 if self.values else 0.0

    def draw(self, ax: Any, left: float, top: float, width: float) -> None:
        """For the phone PNG: the circles at the right, numbers under them."""
        from matplotlib.patches import Circle

        f = width / VIEW_W
        tallest = max(self.diameters, default=0.0) * f
        right = left + width
        for v, d in reversed(list(zip(self.values, self.diameters, strict=True))):
            w = max(d * f, text_width(fmt_count(v), _KEY)) + 12
            cx = right - w / 2
            ax.add_patch(
                Circle((cx, top + 4 + tallest - d * f / 2), d * f / 2, facecolor=LIGHT["one"],
                       alpha=0.42, edgecolor=LIGHT["one"], linewidth=0.7)
            )  # fmt: skip
            ax.text(cx, top + tallest + 20, fmt_count(v), fontsize=_KEY * 0.72, ha="center",
                    color=LIGHT["ink"], family="DejaVu Sans")  # fmt: skip
            right -= w


def _size_key(data: pd.DataFrame, scale: Scale) -> SizeKey:
    counted = data.loc[data["marker"].ne("no count"), "value_low"]
    if counted.empty:
        return SizeKey([], [])
    values = legend_values(float(counted.max()), smallest=MIN_DIAMETER**2 / scale.k * 2)
    return SizeKey(values, [scale.diameter(v) for v in values])


def _layout(
    data: pd.DataFrame,
    cities: pd.DataFrame,
    width: float,
    most: int,
) -> Layout:
    """One design's words over the map: the largest cities' names where they are clear,
    checked at the design's narrowest width (wider, the map grows and the words do not)."""
    f = width / VIEW_W
    h_px = frame().height * f
    items: list[Any] = []
    boxes: list[tuple[float, float, float, float]] = []
    cx, cy = cities["x"].to_numpy() * f, cities["y"].to_numpy() * f
    r = cities["r"].to_numpy() * f
    reach = np.fmax(r, cities["ring"].to_numpy() * f)
    big = np.flatnonzero(reach > 6 * _UNITS_PER_PT * f)  # the PNG's rule: 6 pt
    counted = np.flatnonzero(cities["counted"].to_numpy())
    hollow = np.flatnonzero(~cities["counted"].to_numpy())
    n = 0
    tries = list(counted[: 3 * most])
    for i in tries + (list(hollow) if len(counted) <= most else []):
        if n >= most:
            break
        if i in hollow and n < len(counted):
            break  # a place with no count is named only once every counted one is
        row = data.iloc[i]
        name = kinds.text(row["city"]) or kinds.text(row["place"])
        name = "New York" if name == "New York City" else name
        lines = [(name, True), (kinds.text(row["label"]), False)]
        for ux, uy in _SPOTS:
            texts = _spot(lines, ux, uy, cities.iloc[i], reach[i] / f, width)
            bs = [t.box(width) for t in texts]
            box = (min(b[0] for b in bs), bs[0][1], max(b[2] for b in bs), bs[-1][3])
            inside = box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= h_px
            if not inside or not all(_apart(box, b) for b in boxes):
                continue
            others = big[big != i]
            if _hits_circles(box, cx[others], cy[others], r[others], reach[others]):
                continue
            items += texts
            boxes.append(box)
            n += 1
            break
    return Layout(width, h_px, items)


def _spot(
    lines: list[tuple[str, bool]],
    ux: float,
    uy: float,
    c: pd.Series,
    reach: float,
    width: float,
) -> list[MapText]:
    """A two-line label in direction (ux, uy) from a circle, 3 px clear of its edge."""
    anchor = "start" if ux > 0.1 else "end" if ux < -0.1 else "middle"
    x = (c["x"] + ux * reach) / VIEW_W
    fy = (c["y"] + uy * reach) / frame().height
    block = _LINE * len(lines)
    top = {True: -block, False: 0.0}[uy < -0.1] if abs(uy) > 0.1 else -block / 2
    top += uy * 3
    return [
        MapText(x, ux * 3, fy, top + _LINE * k + 10.5, width, text=words, size=_NAME if bold else
                _NUM, anchor=anchor, bold=bold, cls="ink halo")
        for k, (words, bold) in enumerate(lines)
    ]  # fmt: skip


def _apart(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[2] + 2 <= b[0] or b[2] + 2 <= a[0] or a[3] + 1 <= b[1] or b[3] + 1 <= a[1]


def _hits_circles(
    box: tuple[float, ...], cx: np.ndarray, cy: np.ndarray, r: np.ndarray, reach: np.ndarray
) -> bool:
    """Whether a box covers part of a disc or crosses a ring's outline (px)."""
    dx = np.maximum.reduce([box[0] - cx, cx - box[2], np.zeros(len(cx))])
    dy = np.maximum.reduce([box[1] - cy, cy - box[3], np.zeros(len(cy))])
    near = np.hypot(dx, dy)
    far = np.hypot(
        np.maximum(abs(box[0] - cx), abs(box[2] - cx)),
        np.maximum(abs(box[1] - cy), abs(box[3] - cy)),
    )
    return bool(((near < r) | ((reach > r) & (near < reach) & (far > reach))).any())
