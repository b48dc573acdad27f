"""Turnout by city: one bar per city, its largest reported protest or all its counted people.

:func:`by_city_spec` works the chart out (its bars as rows of ``data``, its words, its
options) with no drawing; :func:`turnout_by_city` draws that spec with matplotlib
(:mod:`turnout.charts.by_city_marks`) and :mod:`turnout.embeds.by_city` draws it as an
embed.

>>> import turnout
>>> s = by_city_spec(turnout.load_events())
>>> s.data["place"].iloc[0], s.options.labels
('Minneapolis', 'number')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

import numpy as np
import pandas as pd

from turnout.ap import (
    ap_count,
    ap_date,
    ap_number,
    fmt_range,
    join_places,
    sentence,
    source_line,
)
from turnout.charts import ranked, rows
from turnout.charts.specs import ChartSpec, left_out_spec
from turnout.ranking import Ranking, caveat, hedge, leaders, possessive

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

KIND = "turnout-by-city"

_CITY_COLUMNS = [
    "rank", "place", "city", "state_code", "measure", "value_low", "value_high", "label",
    "row", "date", "size_low", "size_high", "size_qualifier", "size_text", "size_source",
    "source_name", "source_date", "source_url", "source_quote", "segment_start", "segment_end",
]  # fmt: skip


class ByCityOptions(NamedTuple):
    """The bar chart's options, as its renderers read them.

    >>> ByCityOptions().measure, ByCityOptions().labels
    ('largest', 'number')
    """

    #: "largest": a city's largest protest; "sum": all its counted people, a bar per event.
    measure: Literal["largest", "sum"] = "largest"
    #: "number": bars labelled with numbers; "words": with the source's own words.
    labels: Literal["number", "words"] = "number"
    #: How many cities are drawn at most.
    top: int = 15


def options_of(s: ChartSpec) -> ByCityOptions:
    """A bar chart spec's options; a spec built by hand (no options) reads as the data's
    ``measure`` column says, numbers on its bars.

    >>> options_of(ChartSpec("T", "", "A", "S", "", pd.DataFrame({"measure": ["sum"]}))).measure
    'sum'
    """
    if isinstance(s.options, ByCityOptions):
        return s.options
    data = s.data
    sums = len(data) and "measure" in data and data["measure"].iloc[0] == "sum"
    return ByCityOptions(measure="sum") if sums else ByCityOptions()


def bars(data: pd.DataFrame) -> pd.DataFrame:
    """One row per bar of a bar chart's ``data`` (one row per mark): its ``rank``,
    ``place``, ``label`` and the ``value_low``/``value_high`` it runs to, top bar first.

    >>> import turnout
    >>> bars(by_city_spec(turnout.load_events(), measure="sum").data)["place"].iloc[0]
    'Minneapolis'
    """
    return (
        data.groupby("rank", sort=True)
        .agg(
            place=("place", "first"),
            label=("label", "first"),
            value_low=("value_low", "first"),
            value_high=("value_high", "first"),
        )
        .reset_index()
    )


def turnout_by_city(
    events: pd.DataFrame,
    *,
    measure: Literal["largest", "sum"] = "largest",
    labels: Literal["number", "words"] = "number",
    top: int = 15,
    title: str | None = None,
    subtitle: str | None = None,
    cities_in_data: int | None = None,
) -> Figure:
    """One bar per city: its largest protest (``measure="largest"``) or all its counted people.

    Bars run to the low estimate; where the source gives a range a lighter
    extension runs to the high one. ``labels="words"`` labels each bar with the
    source's own words (``size_text``) instead of numbers. Cities with events
    but no number are listed in the notes; only the ``top`` cities are drawn,
    and the subtitle says so. In ``"sum"`` a bar is stacked from its events
    (``data`` has one row per event segment). A sum that includes a floor is
    itself a floor: it prints with a "+", rounded down to two significant
    figures (3,000 + 200 + 24 is "3,200+"), never more precise than its words.
    ``cities_in_data`` is how many cities the data holds before a cities
    filter (:meth:`turnout.Story.cities_in_data`): when ``events`` has fewer,
    the headline, subtitle and alt text say the chart covers N of them.

    The figure is :func:`by_city_spec` drawn (:func:`turnout.charts.draw`).

    >>> import turnout
    >>> from turnout.charts import chart_info
    >>> fig = turnout_by_city(turnout.load_events(), labels="words")
    >>> chart_info(fig).data[["place", "size_text"]].iloc[0].tolist()
    ['Minneapolis', 'Around 50,000']
    """
    from turnout.charts.base import draw

    return draw(
        by_city_spec(
            events,
            measure=measure,
            labels=labels,
            top=top,
            title=title,
            subtitle=subtitle,
            cities_in_data=cities_in_data,
        )
    )


def by_city_spec(
    events: pd.DataFrame,
    *,
    measure: Literal["largest", "sum"] = "largest",
    labels: Literal["number", "words"] = "number",
    top: int = 15,
    title: str | None = None,
    subtitle: str | None = None,
    cities_in_data: int | None = None,
) -> ChartSpec:
    """The bar chart's spec (see :func:`turnout_by_city` for what it shows), no drawing.

    >>> import turnout
    >>> s = by_city_spec(turnout.load_events(), labels="words")
    >>> s.data["label"].iloc[0]
    '“Around 50,000”'
    """
    if measure not in ("largest", "sum"):
        raise ValueError(f"measure must be 'largest' or 'sum', not {measure!r}")
    if labels not in ("number", "words"):
        raise ValueError(f"labels must be 'number' or 'words', not {labels!r}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    options = ByCityOptions(measure, labels, top)
    ev, dated_out = rows.in_period(rows.prepare(events))
    source = source_line(ev)
    period = rows.period(ev)
    if ev.empty:
        return left_out_spec(
            KIND, title=title, subtitle=subtitle or "", source=source,
            columns=_CITY_COLUMNS, options=options,
        )  # fmt: skip
    counted = ev[ev["size_low"].notna()]
    places = ev.drop_duplicates(["city", "state_code"])
    no_count = sorted(set(places["place"]) - set(counted["place"]))
    no_count_note = rows.no_count_note(no_count)
    if counted.empty:
        return left_out_spec(
            KIND,
            title=title or "No crowd sizes to chart",
            message="No event in this selection reports a number of people.",
            subtitle=subtitle or period,
            source=source,
            notes=no_count_note,
            columns=_CITY_COLUMNS,
            options=options,
        )
    bars, segments, n_cities = _bars(counted, measure, top)
    # Who may be called largest is decided over every count, not just the bars drawn.
    ranking = ranked.rank_cities(counted, measure)
    bars["label"] = _labels(bars, segments, measure, labels)
    scope, scope_alt = rows.city_scope(ev, cities_in_data)
    sub = subtitle or _subtitle(len(bars), n_cities, measure, period, scope)
    notes = _city_notes(bars, segments, ev, measure, n_cities, no_count_note, labels)
    notes = f"{notes} {dated_out}".strip()
    if not ranking.clear:  # "San Diego’s “thousands” may be larger than the top bar’s."
        notes = f"{_contenders(ranking)} {notes}"
    if title is None:
        among_n = len(places) if scope else 0
        title = _city_title(bars, segments, ranking, measure, ev, among_n=among_n)
    alt = _city_alt(bars, measure, n_cities, period, no_count, ranking)
    alt += f" {scope_alt}" if scope else ""
    data = _city_data(bars, segments, measure)
    return ChartSpec(title, sub, alt, source, notes, data, kind=KIND, options=options)


def _bars(counted: pd.DataFrame, measure: str, top: int) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The ``top`` bars (rank, values, the numbers they show), their segments (one per
    event in a sum) and how many cities have a count."""
    # Rank by the low estimate: the number the source's words support at the least.
    if measure == "largest":
        best = counted.sort_values(ranked.ORDER[0], ascending=ranked.ORDER[1]).drop_duplicates(
            ["city", "state_code"]
        )
        bars = best.assign(
            value_low=best["size_low"],
            value_high=best["size_high"],
            floor=best["size_qualifier"].eq("at least"),
            ceiling=rows.is_ceiling(best["size_qualifier"], best["size_low"], best["size_high"]),
        )
    else:
        bars = ranked.city_totals(counted).assign(ceiling=False)  # a sum is no one's ceiling
    n_cities = len(bars)
    bars = bars.head(top).reset_index(drop=True)
    # What a bar's number reads: a sum with a floor in it is a floor, at honest precision.
    rough = bars["floor"] & (measure == "sum")
    bars["shown_low"] = bars["value_low"].where(~rough, bars["value_low"].map(rows.floor_total))
    bars["shown_high"] = bars["value_high"].where(~rough, bars["value_high"].map(rows.floor_total))
    bars["rank"] = np.arange(1, len(bars) + 1)
    if measure == "largest":
        segments = bars.assign(segment_start=0.0, segment_end=bars["size_low"])
    else:
        seg = counted.merge(
            bars[["city", "state_code", "rank", "value_low", "value_high"]],
            on=["city", "state_code"],
        ).sort_values(["rank", "size_low", "date", "row"], ascending=[True, False, True, True])
        seg["segment_end"] = seg.groupby("rank")["size_low"].cumsum()
        seg["segment_start"] = seg["segment_end"] - seg["size_low"]
        segments = seg.reset_index(drop=True)
    return bars, segments, n_cities


def _labels(bars: pd.DataFrame, segments: pd.DataFrame, measure: str, labels: str) -> list[str]:
    """Each bar's label: its number ("2,000+", units once on the first bar) or the source's
    words in quotes."""

    def words_for(r: pd.Series) -> str:
        if measure == "largest":
            return rows.text(r["size_text"]) or fmt_range(r["value_low"], r["value_high"])
        parts = segments.loc[segments["rank"].eq(r["rank"]), "size_text"].map(rows.text)
        return " + ".join(p for p in parts if p) or fmt_range(r["shown_low"], r["shown_high"])

    if labels == "words":
        return [f"“{words_for(r)}”" for _, r in bars.iterrows()]
    # "2,000+": the source's words ("thousands", "over 1,000") give only a floor.
    said = [
        rows.hedged(lo, hi, floor, ceiling)
        for lo, hi, floor, ceiling in zip(
            bars.shown_low, bars.shown_high, bars.floor, bars.ceiling, strict=True
        )
    ]
    said[0] += " people"  # units once, on the first bar, as a desk would
    return said


def _subtitle(n: int, n_cities: int, measure: str, period: str, scope: str) -> str:
    what = (
        "Largest single protest in each city, number of people"
        if measure == "largest"
        else "Protesters counted in each city, all its events added together"
    )
    head = ""
    if n_cities > n:
        shown = ap_count(n, "city", "cities")
        head = f"The {shown} with the most people, of {ap_number(n_cities)} with a count. "
    return f"{head}{what}, {period}" + (f"; {scope}" if scope else "")


def _contenders(ranking: Ranking) -> str:
    """The notes' sentence on what may be larger than the top bar: every count named, the
    headline having counted them when there were many."""
    others = [*ranking.floors_above, *ranking.ranges_above]
    if len(others) <= 2:
        said = caveat(ranking)
        return f"{said[0].upper()}{said[1:]} than the top bar’s."
    quoted = [f"{possessive(c.name)} “{c.words}”" for c in others]
    return sentence(f"Counts that may be larger than the top bar’s: {join_places(quoted)}")


def _city_title(
    bars: pd.DataFrame,
    segments: pd.DataFrame,
    ranking: Ranking,
    measure: str,
    ev: pd.DataFrame,
    *,
    among_n: int,
) -> str:
    """The headline by the ranking rule: the leader crowned only when nothing could be larger.

    Clear: "Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23". Tied:
    "Denver and Seattle drew the largest reported crowds: 5,000 each". Contested: "Los
    Angeles reported the largest count, about 500,000 on Jan. 30; Washington’s “hundreds of
    thousands” has no upper bound".
    """
    top_row = bars.iloc[0]
    among = f" of {ap_count(among_n, 'selected city', 'selected cities')}" if among_n else ""
    size = rows.hedged(
        top_row.shown_low, top_row.shown_high, top_row["floor"], top_row["ceiling"], text=True
    )
    about = "about " if measure == "largest" and top_row["size_qualifier"] == "about" else ""
    who = leaders(ranking)
    several = bool(ranking.tied)
    if measure == "largest":
        when = (
            ""
            if several
            else " on " + ap_date(top_row["date"], year=ev["date"].dt.year.nunique() > 1)
        )
        what = "the largest reported crowds" if several else "the largest reported crowd"
        counts = "the largest counts" if several else "the largest count"
    else:
        k = int(segments["rank"].eq(1).sum())
        when = "" if several else " at " + ap_count(k, "event")
        what, counts = "the most reported protesters", "the most protesters counted"
    each = " each" if several else ""
    if ranking.clear:
        return f"{who} drew {what}{among}: {about}{size}{each}{when}"
    # Contested: the leader's count, without its day, and what may be larger (the same hedge
    # as every chart of these rows; the notes name them all).
    return f"{who} reported {counts}{among}, {about}{size}{each}; {hedge(ranking)}"


def _city_notes(
    bars: pd.DataFrame,
    segments: pd.DataFrame,
    ev: pd.DataFrame,
    measure: str,
    n_cities: int,
    no_count_note: str,
    labels: str,
) -> str:
    parts: list[str] = []
    if (bars["value_high"] > bars["value_low"]).any():
        from turnout.sources import range_words

        ranged = ev[ev["size_high"] > ev["size_low"]]
        words = range_words(ranged.get("source_name", pd.Series([], dtype="object")))
        parts.append(
            f"Paler bar ends run to the high end of {words}; cities are ranked by the low end."
        )
    if measure == "sum":
        parts.append(
            "Each bar adds up a city’s counted events (thin gaps separate them); "
            "people at more than one event count each time."
        )
        shown = set(bars["place"])
        left_out = ev[ev["size_low"].isna() & ev["place"].isin(shown)]
        if len(left_out):
            per = left_out.groupby("place", sort=True).size()
            listed = join_places([f"{ap_number(k)} in {p}" for p, k in per.items()], limit=6)
            parts.append(sentence(f"Not in the sums, events with no number: {listed}"))
    if labels == "number" and bars["floor"].any():
        parts.append("Numbers with a + are floors: the source’s words give only a lowest number.")
        if (bars["shown_low"] != bars["value_low"]).any():
            parts.append("A sum that includes a floor is rounded down to two significant figures.")
    if labels == "number" and bars["ceiling"].any():
        parts.append("“Up to” marks a ceiling: the source’s words give only a highest number.")
    parts.append(rows.word_rules(segments))
    if n_cities > len(bars):
        more = ap_count(n_cities - len(bars), "more city", "more cities")
        parts.append(f"Not shown: {more} with a count.")
    parts.append(no_count_note)
    return " ".join(p for p in parts if p)


def _city_data(bars: pd.DataFrame, segments: pd.DataFrame, measure: str) -> pd.DataFrame:
    if measure == "largest":
        data = segments.merge(bars[["rank", "label"]], on="rank")
    else:
        data = segments.merge(bars[["rank", "place", "label"]], on="rank", suffixes=("_ev", ""))
    data = data.assign(measure=measure)
    for col in _CITY_COLUMNS:
        if col not in data:
            data[col] = pd.NA
    data = data[_CITY_COLUMNS].sort_values(["rank", "segment_start"]).reset_index(drop=True)
    return data.astype({"row": "int64", "rank": "int64"})


def _city_alt(
    bars: pd.DataFrame,
    measure: str,
    n_cities: int,
    period: str,
    no_count: list[str],
    ranking: Ranking,
) -> str:
    what = (
        "the largest protest in each city"
        if measure == "largest"
        else "the total number of protesters counted in each city"
    )
    shown = (
        f"the top {ap_number(len(bars))} of {ap_count(n_cities, 'city', 'cities')}"
        if n_cities > len(bars)
        else None
    )
    items = []
    for _, r in bars.iterrows():
        when = f" on {ap_date(r['date'])}" if measure == "largest" else ""
        size = rows.hedged(r.shown_low, r.shown_high, r["floor"], r["ceiling"], text=True)
        words = rows.words_aside(r["size_text"], size) if measure == "largest" else ""
        items.append(f"{r['place']}, {size}{words}{when}")
    text = (
        f"Bar chart of {what}, number of people, {period}"
        + (f", showing {shown}" if shown else "")
        + (". From largest: " if ranking.clear else ". By the least each count allows: ")
        + "; ".join(items)
        + "."
    )
    if not ranking.clear:
        text += " " + sentence(caveat(ranking)[0].upper() + caveat(ranking)[1:])
    if no_count:
        text += " " + rows.no_count_note(no_count, lead="No count reported for ")
    return text
