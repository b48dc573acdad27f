"""Turnout by city: one bar per city, its largest reported protest or all its counted people.

>>> import turnout
>>> from turnout.charts import chart_info
>>> info = chart_info(turnout_by_city(turnout.load_events()))
>>> info.data["place"].iloc[0]
'Minneapolis'
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import NullLocator

from turnout import style
from turnout.ap import (
    ap_count,
    ap_date,
    ap_number,
    ap_range,
    fmt_range,
    join_places,
    sentence,
    source_line,
)
from turnout.charts import base, ranked
from turnout.charts.base import BLUE, ChartInfo, chart_kind
from turnout.ranking import Ranking, caveat, hedge, leaders, possessive
from turnout.style import INK, INK_SOFT

# The light end of a range bar: the same hue, so the palette stays Okabe-Ito.
_RANGE_ALPHA = 0.35

_CITY_COLUMNS = [
    "rank", "place", "city", "state_code", "measure", "value_low", "value_high", "label",
    "row", "date", "size_low", "size_high", "size_qualifier", "size_text", "size_source",
    "source_name", "source_date", "source_url", "source_quote", "segment_start", "segment_end",
]  # fmt: skip


@chart_kind("turnout-by-city")
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

    >>> import turnout
    >>> from turnout.charts import chart_info
    >>> fig = turnout_by_city(turnout.load_events(), labels="words")
    >>> chart_info(fig).data[["place", "size_text"]].iloc[0].tolist()
    ['Minneapolis', 'Around 50,000']
    """
    if measure not in ("largest", "sum"):
        raise ValueError(f"measure must be 'largest' or 'sum', not {measure!r}")
    if labels not in ("number", "words"):
        raise ValueError(f"labels must be 'number' or 'words', not {labels!r}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    ev, dated_out = base.in_period(base.prepare(events))
    source = source_line(ev)
    period = base.period(ev)
    if ev.empty:
        return base.message_figure(
            title=title or "No protests to chart",
            message="No events in this selection.",
            subtitle=subtitle or "",
            source=source,
            notes="",
            columns=_CITY_COLUMNS,
        )

    counted = ev[ev["size_low"].notna()]
    places = ev.drop_duplicates(["city", "state_code"])
    no_count = sorted(set(places["place"]) - set(counted["place"]))
    no_count_note = base.no_count_note(no_count)
    if counted.empty:
        return base.message_figure(
            title=title or "No crowd sizes to chart",
            message="No event in this selection reports a number of people.",
            subtitle=subtitle or period,
            source=source,
            notes=no_count_note,
            columns=_CITY_COLUMNS,
        )

    # Rank by the low estimate: the number the source's words support at the least.
    if measure == "largest":
        best = counted.sort_values(ranked.ORDER[0], ascending=ranked.ORDER[1]).drop_duplicates(
            ["city", "state_code"]
        )
        bars = best.assign(
            value_low=best["size_low"],
            value_high=best["size_high"],
            floor=best["size_qualifier"].eq("at least"),
        )
    else:
        bars = ranked.city_totals(counted)
    n_cities = len(bars)
    scope, scope_alt = base.city_scope(ev, cities_in_data)
    # Who may be called largest is decided over every count, not just the bars drawn.
    ranking = ranked.rank_cities(counted, measure)
    bars = bars.head(top).reset_index(drop=True)
    # What a bar's number reads: a sum with a floor in it is a floor, at honest precision.
    rough = bars["floor"] & (measure == "sum")
    bars["shown_low"] = bars["value_low"].where(~rough, bars["value_low"].map(base.floor_total))
    bars["shown_high"] = bars["value_high"].where(~rough, bars["value_high"].map(base.floor_total))
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

    def words_for(r: pd.Series) -> str:
        if measure == "largest":
            return base.text(r["size_text"]) or fmt_range(r["value_low"], r["value_high"])
        parts = segments.loc[segments["rank"].eq(r["rank"]), "size_text"].map(base.text)
        return " + ".join(p for p in parts if p) or fmt_range(r["shown_low"], r["shown_high"])

    if labels == "words":
        bars["label"] = [f"“{words_for(r)}”" for _, r in bars.iterrows()]
    else:
        # "2,000+": the source's words ("thousands", "over 1,000") give only a floor.
        bars["label"] = [
            fmt_range(lo, hi) + ("+" if floor else "")
            for lo, hi, floor in zip(bars.shown_low, bars.shown_high, bars.floor, strict=True)
        ]
        bars.loc[0, "label"] += " people"  # units once, on the first bar, as a desk would

    n = len(bars)
    with style.use_style():
        fig = style.new_figure()
        ax = fig.add_subplot()
        ax.grid(False)  # bars carry their own labels; gridlines between them are junk
        y = n - 1 - bars["rank"].to_numpy() + 1  # rank 1 at the top
        y_of = dict(zip(bars["rank"], y, strict=True))
        seg_y = segments["rank"].map(y_of).to_numpy() if measure == "sum" else y
        ax.barh(
            seg_y,
            (segments["segment_end"] - segments["segment_start"]).to_numpy(),
            left=segments["segment_start"].to_numpy(),
            height=0.64,
            color=BLUE,
            edgecolor="white",
            linewidth=0.9 if measure == "sum" else 0,
            gid="turnout-bars",
        )
        ranged = bars[bars["value_high"] > bars["value_low"]]
        if len(ranged):
            ax.barh(
                [y_of[r] for r in ranged["rank"]],
                (ranged["value_high"] - ranged["value_low"]).to_numpy(),
                left=ranged["value_low"].to_numpy(),
                height=0.64,
                color=BLUE,
                alpha=_RANGE_ALPHA,
                linewidth=0,
                gid="turnout-ranges",
            )
        xmax = float(bars["value_high"].max())
        ax.set_xlim(0, xmax * 1.02)
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_yticks(y, labels=bars["place"].tolist(), parse_math=False)  # "$" is a letter
        ax.tick_params(axis="y", length=0, pad=6, labelsize=9.5, labelcolor=INK)
        ax.spines["bottom"].set_visible(False)
        if labels == "number":
            # Every bar carries its number: an x axis would repeat them, less precisely.
            ax.xaxis.set_major_locator(NullLocator())
        else:
            style.count_axis(ax, xmax, "x", headroom=1.02)  # ticks run past the longest bar
            ax.tick_params(axis="x", length=0, labelcolor=INK_SOFT, labelsize=8.5)
        wrap_at = 30 if labels == "words" else 80
        for _, r in bars.iterrows():
            t = ax.annotate(
                _wrap_chars(r["label"], wrap_at),
                (max(r["value_low"], r["value_high"]), y_of[r["rank"]]),
                xytext=(5, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=9 if labels == "number" else 8.5,
                color=INK,
                annotation_clip=False,
                gid="turnout-label",
            )
            t.set_parse_math(False)

        what = (
            "Largest single protest in each city, number of people"
            if measure == "largest"
            else "Protesters counted in each city, all its events added together"
        )
        head = ""
        if n_cities > n:
            shown = ap_count(n, "city", "cities")
            head = f"The {shown} with the most people, of {ap_number(n_cities)} with a count. "
        sub = subtitle or f"{head}{what}, {period}" + (f"; {scope}" if scope else "")
        notes = _city_notes(bars, segments, ev, counted, measure, n_cities, no_count_note, labels)
        notes = f"{notes} {dated_out}".strip()
        if not ranking.clear:  # "San Diego’s “thousands” may be larger than the top bar’s."
            notes = f"{_contenders(ranking)} {notes}"
        if title is None:
            title = _city_title(
                bars, segments, ranking, measure, ev, among_n=len(places) if scope else 0
            )
        source = source_line(ev)
        plot_h = max(1.2, 0.3 * n + 0.35 + (0.12 * n if labels == "words" else 0))
        style.frame(
            fig, ax, title=title, subtitle=sub, source=source, notes=notes, plot_height=plot_h
        )
        # Every bar shows 2 px past the axis line, as the phone PNG and embed draw it: a
        # count of 100 beside a million would otherwise hide under the line.
        px = ax.get_xlim()[1] / ax.bbox.width  # data units per pixel, the plot now placed
        least = (2 + ax.spines["left"].get_linewidth() * fig.dpi / 72) * px
        for bar in ax.containers[0]:  # the bars (their first segments), not the ranges
            if bar.get_x() == 0 and bar.get_width() < least:
                bar.set_width(least)

    data = _city_data(bars, segments, measure)
    alt = _city_alt(bars, measure, n_cities, period, no_count, ranking)
    alt += f" {scope_alt}" if scope else ""
    return base.finish(fig, ChartInfo(title, sub, alt, source, notes, data))


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
    more = "+" if top_row["floor"] else ""
    size = ap_range(top_row.shown_low, top_row.shown_high) + more
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


def _wrap_chars(text: str, width: int) -> str:
    """Break a long direct label into lines of about ``width`` characters (words kept whole)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


def _city_notes(
    bars: pd.DataFrame,
    segments: pd.DataFrame,
    ev: pd.DataFrame,
    counted: pd.DataFrame,
    measure: str,
    n_cities: int,
    no_count_note: str,
    labels: str,
) -> str:
    parts: list[str] = []
    if (bars["value_high"] > bars["value_low"]).any():
        parts.append(
            "Paler bar ends run to the high end of a range the source gives; "
            "cities are ranked by the low end."
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
    parts.append(base.word_rules(segments))
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
        size = ap_range(r.shown_low, r.shown_high) + ("+" if r["floor"] else "")
        words = base.words_aside(r["size_text"], size) if measure == "largest" else ""
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
        text += " " + base.no_count_note(no_count, lead="No count reported for ")
    return text
