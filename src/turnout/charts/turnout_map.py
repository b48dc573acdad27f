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

:func:`map_spec` works the map out (one row of ``data`` per city, each circle's place and
area, the words) with no drawing; :func:`turnout_map` draws it with matplotlib
(:mod:`turnout.charts.map_marks`) and :mod:`turnout.embeds.turnout_map` as an embed.

>>> import turnout
>>> map_spec(turnout.load_events()).title
'Reported protests in 10 cities; Minneapolis drew the largest crowd: about 50,000 on Jan. 23'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from turnout import ap, geo
from turnout.ap import ap_count, ap_date
from turnout.charts import ranked
from turnout.charts import rows as base
from turnout.charts.specs import ChartSpec, left_out_spec
from turnout.ranking import Ranking, caveat, hedge, leaders

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["MAP_COLUMNS", "MapOptions", "chart_info", "map_spec", "turnout_map"]

KIND = "turnout-map"

#: The columns of the map's ``data``: one row per city on the map.
MAP_COLUMNS = [
    "rank", "place", "city", "state_code", "latitude", "longitude", "measure", "marker",
    "value_low", "value_high", "label", "events", "row", "rows", "date", "size_low",
    "size_high", "size_qualifier", "size_text", "source_name", "source_date", "source_url",
    "source_quote",
]  # fmt: skip

_BOUNDARY_CREDIT = "map: U.S. Census Bureau"

#: Diameter in points of the circle for the largest number (``scale_max``).
MAX_DIAMETER = 46.0
#: Smallest circle drawn, in points: a crowd of 12 next to one of 50,000 would vanish.
MIN_DIAMETER = 3.5
#: A city with events but no count: a hollow circle this wide (points).
HOLLOW_DIAMETER = 4.5


class MapOptions(NamedTuple):
    """The map's options as its renderers read them, and each circle's place and size.

    >>> import turnout
    >>> s = map_spec(turnout.load_events())
    >>> s.options.measure, list(s.options.marks.columns)
    ('largest', ['x', 'y', 'area_low', 'area_high', 'floor'])
    """

    measure: Literal["largest", "sum"]
    #: How many of the largest cities may be named.
    labels: int
    #: Square points per person (the circle's area), and the smallest crowd drawn at its size.
    k: float
    smallest: float
    #: One row per row of ``data``: ``x``/``y`` in the projection, the circle's and ring's
    #: areas in points² (``area_high`` NaN without a ring) and whether the count is a floor.
    marks: pd.DataFrame


def chart_info(fig: Any) -> ChartSpec:
    """The spec a drawn map keeps (:func:`turnout.charts.chart_info`)."""
    from turnout.charts.base import chart_info as info

    return info(fig)


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
    from turnout.charts.base import draw

    return draw(
        map_spec(
            events,
            measure=measure,
            labels=labels,
            scale_max=scale_max,
            title=title,
            subtitle=subtitle,
            cities_in_data=cities_in_data,
        )
    )


def map_spec(
    events: pd.DataFrame,
    *,
    measure: Literal["largest", "sum"] = "largest",
    labels: int = 10,
    scale_max: float | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    cities_in_data: int | None = None,
) -> ChartSpec:
    """The map's spec (see :func:`turnout_map` for what it shows), no drawing.

    >>> import turnout
    >>> map_spec(turnout.load_events(), measure="sum").data["label"].iloc[0]
    '70,000+'
    """
    if measure not in ("largest", "sum"):
        raise ValueError(f"measure must be 'largest' or 'sum', not {measure!r}")
    if labels < 0:
        raise ValueError(f"labels must be 0 or more, not {labels}")
    if scale_max is not None and not scale_max > 0:
        raise ValueError(f"scale_max must be a positive number, not {scale_max!r}")
    ev, dated_out = base.in_period(base.prepare(events))
    ev = _coordinates(ev)
    source = f"{ap.source_line(ev)}; {_BOUNDARY_CREDIT}"
    period = base.period(ev)
    if ev.empty:
        return left_out_spec(KIND, title=title, source=source, columns=MAP_COLUMNS)
    on_map, left_off_note = _locate(ev)
    if on_map.empty:
        return left_out_spec(
            KIND,
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
    k, smallest = circle_scale(vmax)  # area proportional to the number, a smallest size
    cities["area_low"] = np.maximum(cities["value_low"], smallest) * k
    cities["area_high"] = cities["value_high"] * k
    counted = cities[cities["marker"].ne("no count")]
    scope, _ = base.city_scope(cities, cities_in_data)  # the cities on the map
    ranking = _ranking(ev, on_map, counted, measure)
    title = title or _title(cities, counted, measure, ev, ranking)
    sub = subtitle or _subtitle(measure, period, scope)
    notes = _notes(cities, counted, on_map, measure, smallest, left_off_note)
    notes = f"{notes} {dated_out}".strip()
    if labels and len(cities) > 1:
        notes = f"{notes} Labels name the largest cities where they fit."
    data = _data(cities, measure)
    alt = _alt(cities, counted, measure, period, notes_off=left_off_note, scope=scope)
    if ranking is not None and not ranking.clear:  # the bar chart's alt text says it too
        said = caveat(ranking)
        alt = alt.replace(" From largest: ", " By the least each count allows: ", 1)
        alt += " " + ap.sentence(said[0].upper() + said[1:])
    marks = cities[["x", "y", "area_low", "area_high", "floor"]].reset_index(drop=True)
    options = MapOptions(measure, labels, k, smallest, marks)
    return ChartSpec(title, sub, alt, source, notes, data, kind=KIND, options=options)


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
    codes = [base.text(c) or None for c in ev["state_code"]]
    x, y = geo.project(ev["longitude"].to_numpy(), ev["latitude"].to_numpy(), codes)
    placed = ev.assign(x=x, y=y)
    no_coords = ev["latitude"].isna() | ev["longitude"].isna()
    code_text = ev["state_code"].map(base.text)
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
    ev = ev.assign(city=ev["city"].map(base.text), state_code=ev["state_code"].map(base.text))
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
            "size_qualifier": best["size_qualifier"].map(base.text),
            "source_name": best["source_name"].map(base.text),
            "source_date": best["source_date"].map(base.text),
            "source_url": best["source_url"].map(base.text),
            "counted": agg.size().reindex(best.index, fill_value=0),
        }
    )
    if measure == "largest":
        cities["value_low"] = best["size_low"]
        cities["value_high"] = best["size_high"]
        cities["floor"] = best["size_qualifier"].eq("at least") & best["size_low"].notna()
        cities["ceiling"] = base.is_ceiling(
            best["size_qualifier"], best["size_low"], best["size_high"]
        )
        cities["size_text"] = best["size_text"].map(base.text)
        cities["source_quote"] = best["source_quote"].map(base.text)
    else:
        cities["value_low"] = agg["size_low"].sum().reindex(best.index)
        cities["value_high"] = agg["size_high"].sum().reindex(best.index)
        cities["floor"] = agg["floor"].any().reindex(best.index, fill_value=False).astype(bool)
        cities["ceiling"] = False  # a sum is no one's ceiling
        words = _joined(counted, keys, "size_text", " + ")
        quotes = _joined(
            counted.drop_duplicates([*keys, "source_quote"]), keys, "source_quote", " | "
        )
        cities["size_text"] = words.reindex(best.index).fillna("")
        cities["source_quote"] = quotes.reindex(best.index).fillna("")
    cities = _shown(cities.reset_index(), measure)
    # Largest first: the draw order (small over large) and the rank.
    cities = cities.sort_values(
        ["value_low", "value_high", "place"], ascending=[False, False, True], na_position="last"
    ).reset_index(drop=True)
    cities["rank"] = np.arange(1, len(cities) + 1)
    return cities


def _shown(cities: pd.DataFrame, measure: str) -> pd.DataFrame:
    """What each city's circle shows: its numbers (a sum with a floor rounded down), its
    marker and its label ("2,000+", "up to 80,000", "no count")."""
    rough = cities["floor"] & (measure == "sum")
    cities["shown_low"] = cities["value_low"].where(
        ~rough, cities["value_low"].map(base.floor_total)
    )
    cities["shown_high"] = cities["value_high"].where(
        ~rough, cities["value_high"].map(base.floor_total)
    )
    has = cities["value_low"].notna()
    cities["marker"] = np.where(
        ~has, "no count", np.where(cities["value_high"] > cities["value_low"], "range", "circle")
    )
    cities["label"] = [
        base.hedged(lo, hi, fl, ce) if ok else "no count"
        for lo, hi, fl, ce, ok in zip(
            cities["shown_low"],
            cities["shown_high"],
            cities["floor"],
            cities["ceiling"],
            has,
            strict=True,
        )
    ]
    return cities


def _joined(ev: pd.DataFrame, keys: list[str], column: str, sep: str) -> pd.Series:
    """Per city, the non-empty texts of ``column`` in table order, joined by ``sep``.

    A plain dict of lists: pandas' per-group join costs seconds at CCC scale.
    """
    text = ev[column].map(base.text)
    mask = text.ne("").to_numpy()
    found: dict[tuple[Any, ...], list[str]] = {}
    cols = [ev[c].to_numpy()[mask] for c in keys]
    for key, t in zip(zip(*cols, strict=True), text[mask], strict=True):
        found.setdefault(key, []).append(t)
    index = pd.MultiIndex.from_tuples(list(found), names=keys) if found else None
    if index is None:
        index = pd.MultiIndex.from_arrays([[] for _ in keys], names=keys)
    return pd.Series([sep.join(v) for v in found.values()], index=index, dtype="object")


# ---------------------------------------------------------------- words


def _title(
    cities: pd.DataFrame,
    counted: pd.DataFrame,
    measure: str,
    ev: pd.DataFrame,
    ranking: Ranking | None,
) -> str:
    where = f"Reported protests in {ap_count(len(cities), 'city', 'cities')}"
    if len(cities) == 1:
        where = f"Reported protests in {cities.iloc[0]['place']}"
    if counted.empty or ranking is None:
        return f"{where}; none gives a crowd size"
    # The leader and hedge of every chart of these rows (turnout.charts.ranked): a floor or a
    # range that could be larger than the leader's count is named, and the leader not crowned.
    names = [
        ap.place_in_text(c, s) for c, s in zip(counted["city"], counted["state_code"], strict=True)
    ]
    top = counted.iloc[names.index(ranking.leader.name)]
    who = leaders(ranking)  # "Charleston, W.Va.," in a sentence
    size = base.hedged(top["shown_low"], top["shown_high"], top["floor"], top["ceiling"], text=True)
    about = "about " if measure == "largest" and top["size_qualifier"] == "about" else ""
    each = " each" if ranking.tied else ""
    if not ranking.clear:
        largest = "the largest counts" if ranking.tied else "the largest count"
        counts = largest if measure == "largest" else "the most protesters counted"
        return f"{where}; {who} reported {counts}, {about}{size}{each}; {hedge(ranking)}"
    if ranking.tied:
        what = "the largest crowds" if measure == "largest" else "the most protesters"
        return f"{where}; {who} drew {what}: {about}{size} each"
    if measure == "largest":
        when = ap_date(top["date"], year=ev["date"].dt.year.nunique() > 1)
        return f"{where}; {who} drew the largest crowd: {about}{size} on {when}"
    return f"{where}; {who} drew the most protesters: {size} at {ap_count(top['counted'], 'event')}"


def _ranking(
    ev: pd.DataFrame,
    on_map: pd.DataFrame,
    counted: pd.DataFrame,
    measure: Literal["largest", "sum"],
) -> Ranking | None:
    """The table's one ranking (:mod:`turnout.charts.ranked`), as the bar chart of the same
    rows has it, counts the map cannot place included; only a leader that is not on the map
    (no coordinates) makes the map rank what it draws."""
    if counted.empty:
        return None
    ranking = ranked.rank_cities(ev, measure)
    drawn = {
        ap.place_in_text(c, s) for c, s in zip(counted["city"], counted["state_code"], strict=True)
    }
    if ranking.leader.name in drawn:
        return ranking
    return ranked.rank_cities(on_map, measure)


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
    smallest: float,
    left_off_note: str,
) -> str:
    parts: list[str] = []
    if len(counted):
        parts.append("Circle areas are proportional to the low end of each count.")
        if counted["marker"].eq("range").any():
            from turnout.sources import range_words

            ranged = on_map[on_map["size_high"] > on_map["size_low"]]
            words = range_words(ranged.get("source_name", pd.Series([], dtype="object")))
            parts.append(f"Rings run to the high end of {words}.")
        if counted["floor"].any():
            parts.append(
                "Dashed outlines and a + mark floors: the source’s words give only a lowest number."
            )
            if measure == "sum" and (counted["shown_low"] != counted["value_low"]).any():
                parts.append(
                    "A sum that includes a floor is rounded down to two significant figures."
                )
        if counted["ceiling"].any():
            parts.append("“Up to” marks a ceiling: the source’s words give only a highest number.")
        # (under 10 the line says nothing a reader needs: "crowds under 2 ... as large as 2")
        if smallest >= 10 and (counted["value_low"] < smallest).any():
            under = ap.fmt_count(smallest)
            parts.append(f"Crowds under {under} are drawn as large as {under} so they show.")
        if measure == "sum":
            parts.append("People at more than one event count each time.")
        # The words of what is drawn: each city's largest count, or every count added up.
        drawn = counted if measure == "largest" else on_map[on_map["size_low"].notna()]
        parts.append(base.word_rules(drawn))
    hollow = cities[cities["marker"].eq("no count")]
    if len(hollow):
        if len(hollow) <= 8:
            listed = ap.join_places(sorted(hollow["place"]), limit=8)
            parts.append(ap.sentence(f"Hollow circles: events with no count, in {listed}"))
        else:
            n = ap_count(len(hollow), "place")  # counties too: not all are cities
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
        size = base.hedged(c["shown_low"], c["shown_high"], c["floor"], c["ceiling"], text=True)
        words = base.words_aside(c["size_text"], size) if measure == "largest" else ""
        when = f" on {ap_date(c['date'])}" if measure == "largest" else ""
        items.append(f"{c['place']}, {size}{words}{when}")
    if items:
        text += " From largest: " + "; ".join(items) + "."
    if len(counted) > 10:
        more = ap_count(len(counted) - 10, "more city", "more cities")
        text += f" Also on the map: {more} with smaller counts."
    hollow = cities[cities["marker"].eq("no count")]
    if len(hollow):
        text += " " + base.no_count_note(sorted(hollow["place"]), lead="No count reported for ")
    if notes_off:
        text += " " + notes_off
    return text


def _data(cities: pd.DataFrame, measure: str) -> pd.DataFrame:
    # value_low/high are what the circle and ring are drawn at; ``label`` is how they read
    # (a sum with a floor in it reads rounded down, as in turnout_by_city).
    data = cities.assign(measure=measure)[MAP_COLUMNS].reset_index(drop=True)
    return data.astype({"rank": "int64", "row": "int64", "events": "int64"})


def round_up(value: float) -> float:
    """Up to two significant figures: the smallest circle's number, said in the notes.

    >>> round_up(6079.2), round_up(289.8), round_up(0.4)
    (6100.0, 290.0, 1.0)
    """
    if value <= 1:
        return 1.0
    step = 10 ** max(int(math.floor(math.log10(value))) - 1, 0)
    return float(math.ceil(value / step) * step)


def circle_scale(vmax: float) -> tuple[float, float]:
    """``(k, smallest)``: square points per person when ``vmax`` people get the largest
    circle (:data:`MAX_DIAMETER` wide), and the smallest crowd drawn (:data:`MIN_DIAMETER`
    wide; a smaller one is drawn at its size, and the notes say so).

    >>> k, smallest = circle_scale(50_000)
    >>> round(k * 50_000, 6) == MAX_DIAMETER**2, smallest
    (True, 290.0)
    """
    k = MAX_DIAMETER**2 / vmax
    return k, round_up(MIN_DIAMETER**2 / k)


def legend_values(vmax: float, *, smallest: float = 0.0) -> list[float]:
    """Round numbers for the circle-size key: up to three, 1-2-5 steps, the largest <= vmax.

    >>> legend_values(50000), legend_values(3000), legend_values(24, smallest=10)
    ([500.0, 5000.0, 50000.0], [30.0, 300.0, 3000.0], [20.0])
    """
    if not vmax > 0:
        return []
    mag = 10 ** math.floor(math.log10(vmax))
    if mag > vmax:  # log10 rounds up just under a power of ten (99,999,999.99999999)
        mag /= 10
    top = max(m * mag for m in (1, 2, 3, 5) if m * mag <= vmax)
    values = [top / 100, top / 10, top]
    return [float(v) for v in values if v >= max(smallest, 1) and v == round(v)]
