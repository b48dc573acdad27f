"""The turnout map: where the crowds were, one circle per city, its area the crowd.

The United States in an equal-area projection (:mod:`turnout.geo`: Albers, with
Alaska, Hawaii and Puerto Rico as insets), state outlines shipped with the package,
and one circle per city whose **area** is proportional to its crowd: the low end of
what the source reports. Where the source gives a range, a ring runs out to the
high end; a floor ("hundreds", "at least 100") has a dashed outline and a "+" in
its label; a city with events but no count is a small hollow circle. Small circles
are drawn over large ones, so none hides. Like every turnout chart the figure
carries its headline, subtitle, notes, source line, alt text and ``data`` (one row
per city: its coordinates, the number drawn, the source's words and quote), so
``publish.save_chart(fig, "turnout-map")`` writes its files.

Events outside the 50 states, DC and Puerto Rico, or with no coordinates, are left
off and the notes say how many.

>>> import turnout
>>> fig = turnout_map(turnout.load_events())
>>> chart_info(fig).title
'Reported protests in 10 cities; Minneapolis drew the largest crowd: about 50,000 on Jan. 23'
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerPatch
from matplotlib.patches import Circle
from matplotlib.transforms import Bbox, offset_copy

from turnout import ap, geo, style
from turnout.ap import ap_count, ap_date, ap_range
from turnout.charts.base import (
    BLUE,
    ChartInfo,
    _city_scope,
    _finish,
    _floor_total,
    _message_figure,
    _period,
    _prepare,
    _text,
    _word_rules,
    _words_aside,
    chart_info,
    chart_kind,
)
from turnout.ranking import Claim, caveat, rank
from turnout.style import INK, INK_SOFT

__all__ = ["MAP_COLUMNS", "chart_info", "turnout_map"]

LAND = "#E4E4E4"
#: Diameter in points of the circle for the largest number (``scale_max``).
MAX_DIAMETER = 46.0
#: Smallest circle drawn, in points: a crowd of 12 next to one of 50,000 would vanish.
MIN_DIAMETER = 3.5
#: A city with events but no count: a hollow circle this wide (points).
HOLLOW_DIAMETER = 4.5

#: The columns of the map's ``data``: one row per city on the map.
MAP_COLUMNS = [
    "rank", "place", "city", "state_code", "latitude", "longitude", "measure", "marker",
    "value_low", "value_high", "label", "events", "row", "rows", "date", "size_low",
    "size_high", "size_qualifier", "size_text", "source_name", "source_date", "source_url",
    "source_quote",
]  # fmt: skip

_BOUNDARY_CREDIT = "map: U.S. Census Bureau"


@chart_kind("turnout-map")
def turnout_map(
    events: pd.DataFrame,
    *,
    measure: Literal["largest", "sum"] = "largest",
    labels: int = 10,
    scale_max: float | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    cities_in_data: int | None = None,
) -> Figure:
    """A map of the United States with one circle per city, its area the city's crowd.

    ``measure="largest"`` sizes a city by its largest reported protest,
    ``"sum"`` by all its counted people (a sum that includes a floor is a floor,
    rounded down to two significant figures, as in
    :func:`turnout.charts.turnout_by_city`). ``labels`` is how many of the
    largest cities may be named; a label that would overlap another is left
    off. ``scale_max`` is the number that gets the largest circle
    (:data:`MAX_DIAMETER` points wide; default: the largest in the data), so
    several maps can share one scale. ``cities_in_data``: as for
    :func:`turnout.charts.turnout_by_city`.

    >>> import turnout
    >>> data = chart_info(turnout_map(turnout.load_events())).data
    >>> data.loc[data["city"].eq("Portland"), ["marker", "label"]].iloc[0].tolist()
    ['no count', 'no count']
    """
    if measure not in ("largest", "sum"):
        raise ValueError(f"measure must be 'largest' or 'sum', not {measure!r}")
    if labels < 0:
        raise ValueError(f"labels must be 0 or more, not {labels}")
    if scale_max is not None and not scale_max > 0:
        raise ValueError(f"scale_max must be a positive number, not {scale_max!r}")
    ev = _coordinates(_prepare(events))
    source = f"{ap.source_line(ev)}; {_BOUNDARY_CREDIT}"
    period = _period(ev)
    if ev.empty:
        return _message_figure(title=title, source=source, columns=MAP_COLUMNS)

    on_map, left_off_note = _locate(ev)
    if on_map.empty:
        return _message_figure(
            title=title or "No protests to map",
            message="No event in this selection has a place on the map.",
            subtitle=subtitle or period,
            source=source,
            notes=left_off_note,
            columns=MAP_COLUMNS,
        )
    cities = _cities(on_map, measure)
    counted = cities[cities["marker"].ne("no count")]
    vmax = float(scale_max or (counted["value_low"].max() if len(counted) else 1.0))
    k = MAX_DIAMETER**2 / vmax  # points^2 per person: area proportional to the number
    smallest = _round_up(MIN_DIAMETER**2 / k)  # crowds under it are drawn at its size
    cities["area_low"] = np.maximum(cities["value_low"], smallest) * k
    cities["area_high"] = cities["value_high"] * k
    counted = cities[cities["marker"].ne("no count")]

    scope, _ = _city_scope(cities, cities_in_data)  # the cities on the map
    with style.use_style():
        fig = style.new_figure()
        ax = fig.add_subplot()
        x0, x1, y0, y1 = _draw_states(ax)
        _draw_cities(ax, cities)
        extent = (x0, x1, y0, y1)
        keys_h = _keys(ax, counted, k, bool(cities["marker"].eq("no count").any()), extent)
        plot_h = (style.WIDTH - 0.32) * (y1 - y0) / (x1 - x0) + keys_h
        title = title or _title(cities, counted, measure, ev)
        sub = subtitle or _subtitle(measure, period, scope)
        notes = _notes(cities, counted, on_map, measure, k, left_off_note)
        frame = {"title": title, "subtitle": sub, "source": source, "plot_height": plot_h}
        if labels and len(cities) > 1:  # said before placing: the frame is drawn once
            notes = f"{notes} Labels name the largest cities where they fit."
        style.frame(fig, ax, notes=notes, **frame)
        _label_cities(ax, cities, labels)

    data = _data(cities, measure)
    alt = _alt(cities, counted, measure, period, notes_off=left_off_note, scope=scope)
    return _finish(fig, ChartInfo(title, sub, alt, source, notes, data))


# ---------------------------------------------------------------- events to cities


def _coordinates(ev: pd.DataFrame) -> pd.DataFrame:
    """``latitude``/``longitude`` as numbers; a table without them (a hand-made one) gets the
    gazetteer's, from its city and state, as :func:`turnout.clean_events` would give."""
    if "latitude" not in ev or "longitude" not in ev:
        from turnout.places import resolve_places

        found = resolve_places(ev["city"], ev["state_code"])
        ev["latitude"], ev["longitude"] = found["latitude"], found["longitude"]
    for col in ("latitude", "longitude"):
        ev[col] = pd.to_numeric(ev[col], errors="coerce").astype("float64")
    return ev


def _locate(ev: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The events the map can place (with projected x, y), and a note on the ones it cannot."""
    codes = [_text(c) or None for c in ev["state_code"]]
    x, y = geo.project(ev["longitude"].to_numpy(), ev["latitude"].to_numpy(), codes)
    placed = ev.assign(x=x, y=y)
    no_coords = ev["latitude"].isna() | ev["longitude"].isna()
    code_text = ev["state_code"].map(_text)
    outside = ~no_coords & np.isnan(x) | code_text.ne("") & ~code_text.isin(geo.MAPPED)
    no_coords &= ~outside
    parts = []
    if outside.any():
        where = sorted({ap.AP_STATES.get(c, c) for c in code_text[outside] if c})
        named = f" ({ap.join_words(where, limit=4)})" if where else ""
        parts.append(
            f"{ap_count(int(outside.sum()), 'event')} outside the 50 states, D.C. and "
            f"Puerto Rico{named}"
        )
    if no_coords.any():
        parts.append(f"{ap_count(int(no_coords.sum()), 'event')} with no known location")
    note = ap.sentence("Left off the map: " + " and ".join(parts)) if parts else ""
    return placed[~outside & ~no_coords], note


def _cities(ev: pd.DataFrame, measure: str) -> pd.DataFrame:
    """One row per city: where it is drawn, the number drawn and the words it rests on."""
    keys = ["city", "state_code"]
    ev = ev.assign(city=ev["city"].map(_text), state_code=ev["state_code"].map(_text))
    ev = ev.sort_values(
        [*keys, "size_low", "size_high", "date", "row"],
        ascending=[True, True, False, False, True, True],
        na_position="last",
    )
    # The largest counted event of each city (or its first event when none is counted).
    best = ev.drop_duplicates(keys).set_index(keys)
    counted = ev[ev["size_low"].notna()].assign(floor=lambda d: d["size_qualifier"].eq("at least"))
    groups = ev.groupby(keys, sort=False)
    agg = counted.groupby(keys, sort=False)
    cities = pd.DataFrame(
        {
            "place": best["place"],
            "latitude": best["latitude"].astype("float64"),
            "longitude": best["longitude"].astype("float64"),
            "x": best["x"],
            "y": best["y"],
            "events": groups.size(),
            "row": best["row"].astype("int64"),
            "rows": _joined(ev.sort_values([*keys, "row"]), keys, "row", "; "),
            "date": best["date"],
            "size_low": best["size_low"],
            "size_high": best["size_high"],
            "size_qualifier": best["size_qualifier"].map(_text),
            "source_name": best["source_name"].map(_text),
            "source_date": best["source_date"].map(_text),
            "source_url": best["source_url"].map(_text),
            "counted": agg.size().reindex(best.index, fill_value=0),
        }
    )
    if measure == "largest":
        cities["value_low"] = best["size_low"]
        cities["value_high"] = best["size_high"]
        cities["floor"] = best["size_qualifier"].eq("at least") & best["size_low"].notna()
        cities["size_text"] = best["size_text"].map(_text)
        cities["source_quote"] = best["source_quote"].map(_text)
    else:
        cities["value_low"] = agg["size_low"].sum().reindex(best.index)
        cities["value_high"] = agg["size_high"].sum().reindex(best.index)
        cities["floor"] = agg["floor"].any().reindex(best.index, fill_value=False).astype(bool)
        words = _joined(counted, keys, "size_text", " + ")
        quotes = _joined(
            counted.drop_duplicates([*keys, "source_quote"]), keys, "source_quote", " | "
        )
        cities["size_text"] = words.reindex(best.index).fillna("")
        cities["source_quote"] = quotes.reindex(best.index).fillna("")
    cities = cities.reset_index()
    rough = cities["floor"] & (measure == "sum")
    cities["shown_low"] = cities["value_low"].where(~rough, cities["value_low"].map(_floor_total))
    cities["shown_high"] = cities["value_high"].where(
        ~rough, cities["value_high"].map(_floor_total)
    )
    has = cities["value_low"].notna()
    cities["marker"] = np.where(
        ~has, "no count", np.where(cities["value_high"] > cities["value_low"], "range", "circle")
    )
    cities["label"] = [
        ap.fmt_range(lo, hi) + ("+" if fl else "") if ok else "no count"
        for lo, hi, fl, ok in zip(
            cities["shown_low"], cities["shown_high"], cities["floor"], has, strict=True
        )
    ]
    # Largest first: the draw order (small over large) and the rank.
    cities = cities.sort_values(
        ["value_low", "value_high", "place"], ascending=[False, False, True], na_position="last"
    ).reset_index(drop=True)
    cities["rank"] = np.arange(1, len(cities) + 1)
    return cities


def _joined(ev: pd.DataFrame, keys: list[str], column: str, sep: str) -> pd.Series:
    """Per city, the non-empty texts of ``column`` in table order, joined by ``sep``.

    A plain dict of lists: pandas' per-group join costs seconds at CCC scale.
    """
    text = ev[column].map(_text)
    mask = text.ne("").to_numpy()
    found: dict[tuple[Any, ...], list[str]] = {}
    cols = [ev[c].to_numpy()[mask] for c in keys]
    for key, t in zip(zip(*cols, strict=True), text[mask], strict=True):
        found.setdefault(key, []).append(t)
    index = pd.MultiIndex.from_tuples(list(found), names=keys) if found else None
    if index is None:
        index = pd.MultiIndex.from_arrays([[] for _ in keys], names=keys)
    return pd.Series([sep.join(v) for v in found.values()], index=index, dtype="object")


# ---------------------------------------------------------------- drawing


def _draw_states(ax: Any) -> tuple[float, float, float, float]:
    """Fill and outline every state; return the map's extent (x0, x1, y0, y1)."""
    rings = [r for rs in geo.projected_outlines().values() for r in rs]
    ax.add_collection(
        PolyCollection(
            rings,
            facecolors=LAND,
            edgecolors="white",
            linewidths=0.7,
            zorder=1,
            gid="turnout-map-states",
        )
    )
    pts = np.concatenate(rings)
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    pad = 0.01
    ax.set_xlim(x0 - pad, x1 + pad)
    ax.set_ylim(y0 - pad, y1 + pad)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return x0 - pad, x1 + pad, y0 - pad, y1 + pad


def _draw_cities(ax: Any, cities: pd.DataFrame) -> None:
    counted = cities[cities["marker"].ne("no count")]
    ranged = counted[counted["marker"].eq("range")]
    if len(ranged):  # under the discs: a big city's ring never crosses a small city's disc
        ax.scatter(
            ranged["x"], ranged["y"], s=ranged["area_high"], facecolors="none",
            edgecolors=BLUE, linewidths=0.9, zorder=3, gid="turnout-map-ranges",
        )  # fmt: skip
    if len(counted):  # sorted largest first, so small circles are drawn over large ones
        ax.scatter(
            counted["x"],
            counted["y"],
            s=counted["area_low"],
            facecolors=[(*_rgb(BLUE), 0.42)] * len(counted),
            edgecolors=BLUE,
            linewidths=0.8,
            linestyles=[(0, (2.0, 1.5)) if f else "solid" for f in counted["floor"]],
            zorder=4,
            gid="turnout-map-circles",
        )
    hollow = cities[cities["marker"].eq("no count")]
    if len(hollow):
        ax.scatter(
            hollow["x"], hollow["y"], s=HOLLOW_DIAMETER**2, facecolors="white",
            edgecolors=INK_SOFT, linewidths=0.9, zorder=3.5, gid="turnout-map-no-count",
        )  # fmt: skip


def _round_up(value: float) -> float:
    """Up to two significant figures: the smallest circle's number, said in the notes.

    >>> _round_up(6079.2), _round_up(289.8), _round_up(0.4)
    (6100.0, 290.0, 1.0)
    """
    if value <= 1:
        return 1.0
    step = 10 ** max(int(math.floor(math.log10(value))) - 1, 0)
    return float(math.ceil(value / step) * step)


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def legend_values(vmax: float, *, smallest: float = 0.0) -> list[float]:
    """Round numbers for the circle-size key: up to three, 1-2-5 steps, the largest <= vmax.

    >>> legend_values(50000), legend_values(3000), legend_values(24, smallest=10)
    ([500.0, 5000.0, 50000.0], [30.0, 300.0, 3000.0], [20.0])
    """
    if not vmax > 0:
        return []
    mag = 10 ** math.floor(math.log10(vmax))
    top = max(m * mag for m in (1, 2, 3, 5) if m * mag <= vmax)
    values = [top / 100, top / 10, top]
    return [float(v) for v in values if v >= max(smallest, 1) and v == round(v)]


def _keys(ax: Any, counted: pd.DataFrame, k: float, hollow: bool, extent: tuple) -> float:
    """The keys: circle sizes at round numbers under the map's lower right, and the kinds of
    mark (ring, floor, no count) in a row above the map. Returns the inches they add."""
    x0, x1, y0, y1 = extent
    per_pt = (x1 - x0) / ((style.WIDTH - 0.32) * 72)  # map units per point (width-bound map)
    values = legend_values(
        float(counted["value_low"].max()) if len(counted) else 0.0,
        smallest=MIN_DIAMETER**2 / k * 2,  # a key circle at the minimum size would lie
    )
    added = 0.0
    if values:
        widths = [math.sqrt(v * k) for v in values]
        label_pt = 13.0
        height = max(widths) + label_pt + 4
        base = y0 - height * per_pt  # the key sits in a band added below the map
        ax.set_ylim(base, y1)
        fig = ax.get_figure()
        right = -4.0
        for v, d, i in zip(values[::-1], widths[::-1], range(len(values)), strict=True):
            right -= max(d, 34.0) / 2
            off = offset_copy(ax.transData, fig=fig, x=right, y=label_pt + d / 2, units="points")
            ax.scatter(
                [x1], [base], s=[v * k], transform=off, facecolors=[(*_rgb(BLUE), 0.42)],
                edgecolors=BLUE, linewidths=0.8, zorder=4, gid="turnout-map-key",
                clip_on=False,
            )  # fmt: skip
            ax.annotate(
                ap.fmt_count(v), (x1, base), xytext=(right, 0), textcoords="offset points",
                ha="center", va="bottom", fontsize=8.5, color=INK, annotation_clip=False,
            )  # fmt: skip
            right -= max(d, 34.0) / 2 + 4
            del i
        ax.annotate(
            "People", (x1, base), xytext=(right - 2, label_pt + 2), textcoords="offset points",
            ha="right", va="bottom", fontsize=8.5, color=INK_SOFT, annotation_clip=False,
        )  # fmt: skip
        added += height / 72
    handles: list[Any] = []
    if counted["marker"].eq("range").any():
        handles.append(Circle((0, 0), 5.5, fc="none", ec=BLUE, lw=0.9, label="High end of a range"))
    if counted["floor"].any():
        face = (*_rgb(BLUE), 0.42)
        handles.append(
            Circle((0, 0), 5.5, fc=face, ec=BLUE, lw=0.9, ls=(0, (2, 1.5)), label="A floor")
        )
    if hollow:
        handles.append(
            Circle((0, 0), HOLLOW_DIAMETER / 2, fc="white", ec=INK_SOFT, lw=0.9, label="No count")
        )
    if handles:
        ax.legend(
            handles=handles,
            handler_map={Circle: HandlerPatch(patch_func=_circle_key)},
            # In the band under the map beside the size key, else in a row above the map.
            loc="lower left",
            bbox_to_anchor=(0, 0.0) if values else (0, 1.0),
            ncol=len(handles),
            fontsize=8.5,
            frameon=False,
            handlelength=1.4,
            handletextpad=0.4,
            columnspacing=1.2,
            borderaxespad=0.2,
            labelcolor=INK,
        )
        added += 0.0 if values else 0.25
    return added


def _circle_key(
    legend: Any, orig_handle: Circle, xdescent: float, ydescent: float, width: float,
    height: float, fontsize: float,
) -> Circle:  # fmt: skip
    """A legend key drawn as the circle it stands for, centred in its box."""
    return Circle(
        (width / 2 - xdescent, height / 2 - ydescent),
        orig_handle.get_radius(),
        facecolor=orig_handle.get_facecolor(),
        edgecolor=orig_handle.get_edgecolor(),
        linestyle=orig_handle.get_linestyle(),
        linewidth=orig_handle.get_linewidth(),
    )


def _short_name(city: str) -> str:
    """The name a map label uses: AP's "New York" for New York City, else the city as is.

    >>> _short_name("New York City"), _short_name("Houston")
    ('New York', 'Houston')
    """
    return "New York" if city == "New York City" else city


#: Where a label may go around its circle: direction (x, y) and the text's alignment.
_SPOTS = (
    ((1.0, 0.0), "left", "center"),
    ((-1.0, 0.0), "right", "center"),
    ((0.0, 1.0), "center", "bottom"),
    ((0.0, -1.0), "center", "top"),
    ((0.7, 0.7), "left", "bottom"),
    ((-0.7, 0.7), "right", "bottom"),
    ((0.7, -0.7), "left", "top"),
    ((-0.7, -0.7), "right", "top"),
)


def _label_cities(ax: Any, cities: pd.DataFrame, limit: int) -> int:
    """Name the largest cities beside their circles, skipping a label that would overlap.

    A label tries eight spots around its circle (clear of its ring), then the
    same a step further out with a thin leader line, and is kept only where it
    overlaps no earlier label and no other large circle, crosses no ring, and stays inside the
    map. Only the largest ``3 * limit`` counted cities are tried (a label for a
    small city, while a bigger one is unnamed, would mislead); cities with no
    count are named only once every counted one is. A label is measured once;
    its spots are computed, not drawn. Returns how many were placed.
    """
    if limit == 0 or cities.empty:
        return 0
    fig = ax.get_figure()
    renderer = fig.canvas.get_renderer()
    ax.apply_aspect()
    box = ax.get_window_extent(renderer)
    to_px = fig.dpi / 72
    centres = ax.transData.transform(cities[["x", "y"]].to_numpy())
    area = cities["area_low"].fillna(HOLLOW_DIAMETER**2).to_numpy()
    reach = np.fmax(area, cities["area_high"].fillna(0).to_numpy())
    radii = np.sqrt(area) / 2 * to_px
    rings = np.sqrt(reach) / 2 * to_px
    # Big circles and rings are obstacles for other labels: a label may not cover a big
    # disc nor cross a ring's outline (one wholly inside a wide ring, clear of its disc, may).
    big = np.flatnonzero(rings > 6 * to_px)
    placed: list[Bbox] = []
    halo = [patheffects.withStroke(linewidth=2.6, foreground="white")]

    def place(i: int) -> bool:
        c = cities.iloc[i]
        t = ax.annotate(
            f"{_short_name(c['city'])}\n{c['label']}", (c["x"], c["y"]), xytext=(0, 0),
            textcoords="offset points", ha="left", va="bottom", fontsize=8.5, color=INK,
            linespacing=1.05, zorder=6, annotation_clip=False, gid="turnout-map-label",
        )  # fmt: skip
        t.set_parse_math(False)
        t.set_path_effects(halo)
        first = t.get_window_extent(renderer)
        w, h = first.width, first.height
        x0, y0 = first.x0 - centres[i][0], first.y0 - centres[i][1]  # the text's own inset
        clear = math.sqrt(reach[i]) / 2 + 2  # points, past its ring
        others = big[big != i]
        # Beside the circle first; in a crowded corner, a step further out.
        for (ux, uy), ha, va, r in [(*spot, d) for d in (clear, clear + 9) for spot in _SPOTS]:
            ax_, ay_ = centres[i][0] + ux * r * to_px, centres[i][1] + uy * r * to_px
            left = ax_ + x0 - {"left": 0, "center": w / 2, "right": w}[ha]
            bottom = ay_ + y0 - {"bottom": 0, "center": h / 2, "top": h}[va]
            bb = Bbox.from_bounds(left, bottom, w, h).padded(1.5)
            inside = box.x0 <= bb.x0 and bb.x1 <= box.x1 and box.y0 <= bb.y0 and bb.y1 <= box.y1
            if not inside or any(bb.overlaps(p) for p in placed):
                continue
            if len(others) and _hits_circles(bb, centres[others], radii[others], rings[others]):
                continue
            t.xyann = (ux * r, uy * r)
            t.set_ha(ha)
            t.set_va(va)
            placed.append(bb)
            if r > clear:  # a label set apart from its circle gets a leader line to it
                ax.annotate(
                    "", (c["x"], c["y"]), xytext=(ux * r, uy * r), textcoords="offset points",
                    arrowprops={"arrowstyle": "-", "color": INK_SOFT, "lw": 0.6,
                                "shrinkA": 0, "shrinkB": clear - 2},
                    zorder=6, annotation_clip=False, gid="turnout-map-leader",
                )  # fmt: skip
            return True
        t.remove()
        return False

    counted = np.flatnonzero(cities["marker"].ne("no count").to_numpy())
    hollow = np.flatnonzero(cities["marker"].eq("no count").to_numpy())
    n = 0
    for i in counted[: 3 * limit]:
        if n >= limit:
            break
        n += place(int(i))
    if n == len(counted):
        for i in hollow:
            if n >= limit:
                break
            n += place(int(i))
    return n


def _hits_circles(bb: Bbox, centres: np.ndarray, radii: np.ndarray, rings: np.ndarray) -> bool:
    """Whether a box covers part of any disc (``radii``) or crosses any ring's outline.

    >>> c, r = np.array([[0.0, 0.0]]), np.array([5.0])
    >>> _hits_circles(Bbox.from_bounds(4, 0, 3, 1), c, r, np.array([20.0]))  # on the disc
    True
    >>> _hits_circles(Bbox.from_bounds(8, 0, 3, 1), c, r, np.array([20.0]))  # inside the ring
    False
    >>> _hits_circles(Bbox.from_bounds(18, 0, 3, 1), c, r, np.array([20.0]))  # across it
    True
    """
    dx = np.maximum.reduce([bb.x0 - centres[:, 0], centres[:, 0] - bb.x1, np.zeros(len(centres))])
    dy = np.maximum.reduce([bb.y0 - centres[:, 1], centres[:, 1] - bb.y1, np.zeros(len(centres))])
    near = np.hypot(dx, dy)  # the box's nearest point to each centre
    far = np.hypot(
        np.maximum(abs(bb.x0 - centres[:, 0]), abs(bb.x1 - centres[:, 0])),
        np.maximum(abs(bb.y0 - centres[:, 1]), abs(bb.y1 - centres[:, 1])),
    )  # and its farthest corner
    crosses = (rings > radii) & (near < rings) & (far > rings)
    return bool(((near < radii) | crosses).any())


# ---------------------------------------------------------------- words


def _title(cities: pd.DataFrame, counted: pd.DataFrame, measure: str, ev: pd.DataFrame) -> str:
    where = f"Reported protests in {ap_count(len(cities), 'city', 'cities')}"
    if len(cities) == 1:
        where = f"Reported protests in {cities.iloc[0]['place']}"
    if counted.empty:
        return f"{where}; none gives a crowd size"
    top = counted.iloc[0]
    who = ap.place_in_text(top["city"], top["state_code"])  # "Charleston, W.Va.,"
    size = ap_range(top["shown_low"], top["shown_high"]) + ("+" if top["floor"] else "")
    about = "about " if measure == "largest" and top["size_qualifier"] == "about" else ""
    # The same rule as the bar chart's headline (turnout.ranking): a floor or a range that
    # could be larger than the leader's count is named, and the leader is not crowned.
    ranking = rank(
        [
            Claim(
                ap.place_in_text(r["city"], r["state_code"]),
                r["value_low"],
                r["value_high"],
                bool(r["floor"]),
                r["size_text"] or r["label"],
            )
            for _, r in counted.iterrows()
        ]
    )
    if not ranking.clear:
        counts = "the largest count" if measure == "largest" else "the most protesters counted"
        return f"{where}; {who} reported {counts}, {about}{size}; {caveat(ranking, compact=True)}"
    if measure == "largest":
        when = ap_date(top["date"], year=ev["date"].dt.year.nunique() > 1)
        return f"{where}; {who} drew the largest crowd: {about}{size} on {when}"
    return f"{where}; {who} drew the most protesters: {size} at {ap_count(top['counted'], 'event')}"


def _subtitle(measure: str, period: str, scope: str) -> str:
    what = (
        "Largest reported protest in each city"
        if measure == "largest"
        else "Protesters counted in each city, all its events added together"
    )
    return f"{what}, {period}; circle area shows the number of people" + (
        f"; {scope}" if scope else ""
    )


def _notes(
    cities: pd.DataFrame,
    counted: pd.DataFrame,
    on_map: pd.DataFrame,
    measure: str,
    k: float,
    left_off_note: str,
) -> str:
    parts: list[str] = []
    if len(counted):
        parts.append("Circle areas are proportional to the low end of each count.")
        if counted["marker"].eq("range").any():
            parts.append("Rings run to the high end of a range the source gives.")
        if counted["floor"].any():
            parts.append(
                "Dashed outlines and a + mark floors: the source’s words give only a lowest number."
            )
            if measure == "sum" and (counted["shown_low"] != counted["value_low"]).any():
                parts.append(
                    "A sum that includes a floor is rounded down to two significant figures."
                )
        smallest = _round_up(MIN_DIAMETER**2 / k)
        if (counted["value_low"] < smallest).any():
            under = ap.fmt_count(smallest)
            parts.append(f"Crowds under {under} are drawn as large as {under} so they show.")
        if measure == "sum":
            parts.append("People at more than one event count each time.")
        parts.append(_word_rules(on_map[on_map["size_low"].notna()]))
    hollow = cities[cities["marker"].eq("no count")]
    if len(hollow):
        if len(hollow) <= 8:
            listed = ap.join_places(sorted(hollow["place"]), limit=8)
            parts.append(ap.sentence(f"Hollow circles: events with no count, in {listed}"))
        else:
            n = ap_count(len(hollow), "city", "cities")
            parts.append(f"Hollow circles: {n} with events but no count.")
    insets = sorted({c for c in cities["state_code"] if c in geo.INSETS})
    if insets:
        names = ap.join_words([geo.INSETS[c].name for c in insets])
        scale = " (Alaska at about a third of its scale)" if "AK" in insets else ""
        parts.append(f"{names} drawn as insets{scale}.")
    parts.append(left_off_note)
    return " ".join(p for p in parts if p)


def _alt(
    cities: pd.DataFrame,
    counted: pd.DataFrame,
    measure: str,
    period: str,
    *,
    notes_off: str,
    scope: str,
) -> str:
    what = "the largest reported protest" if measure == "largest" else "all protesters counted"
    text = (
        f"Map of the United States with a circle for each of "
        f"{ap_count(len(cities), 'city', 'cities')}, sized by {what}, {period}"
        + (f"; {scope}" if scope else "")
        + "."
    )
    items = []
    for _, c in counted.head(10).iterrows():
        size = ap_range(c["shown_low"], c["shown_high"]) + ("+" if c["floor"] else "")
        words = _words_aside(c["size_text"], size) if measure == "largest" else ""
        when = f" on {ap_date(c['date'])}" if measure == "largest" else ""
        items.append(f"{c['place']}, {size}{words}{when}")
    if items:
        text += " From largest: " + "; ".join(items) + "."
    if len(counted) > 10:
        more = ap_count(len(counted) - 10, "more city", "more cities")
        text += f" Also on the map: {more} with smaller counts."
    hollow = cities[cities["marker"].eq("no count")]
    if len(hollow):
        listed = ap.join_places(sorted(hollow["place"]), limit=8)
        text += " " + ap.sentence(f"No count reported for {listed}")
    if notes_off:
        text += " " + notes_off
    return text


def _data(cities: pd.DataFrame, measure: str) -> pd.DataFrame:
    # value_low/high are what the circle and ring are drawn at; ``label`` is how they read
    # (a sum with a floor in it reads rounded down, as in turnout_by_city).
    data = cities.assign(measure=measure)[MAP_COLUMNS].reset_index(drop=True)
    return data.astype({"rank": "int64", "row": "int64", "events": "int64"})
