"""Newsroom charts of a cleaned events table, each a matplotlib Figure with its metadata.

Every chart takes the events table of :func:`turnout.load_events` (the seed
story, a reporter's sheet or Crowd Counting Consortium data: any number of
rows and cities) and returns a Figure that carries what a publisher needs:
:func:`chart_info` gives its headline, subtitle, alt text, source line, notes
and ``data``, a table of exactly what is drawn, one row per mark, with the
``row`` of the events file, the source's words (``size_text``), the sentence
(``source_quote``) and the address (``source_url``) each number rests on.

Crowd sizes and events are what a source reported, and the words say so:
headlines read "the largest reported crowd" and "Reported protests peaked",
never a count stated as fact. Words follow AP style (numbers under 10 spelled
out, no sentence opening on a numeral, "Jan. 23-Feb. 2, 2026"); bar labels,
axis ticks and the ``data`` table keep numerals.

Story specifics (dates to mark, the period to show, a headline) come in as
arguments; nothing here knows about one story. With nothing to chart (no
events, no counts, no temperatures) a chart returns a figure that says so.

>>> import turnout
>>> from turnout.charts import turnout_by_city, chart_info
>>> fig = turnout_by_city(turnout.load_events())
>>> chart_info(fig).title
'Minneapolis drew the largest reported crowd: about 50,000 on Jan. 23'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerPatch
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow, Patch
from matplotlib.ticker import FixedLocator, MaxNLocator, NullLocator
from matplotlib.transforms import Bbox, offset_copy

from turnout import style
from turnout.noaa import NOAA_CREDIT
from turnout.style import (
    GREY,
    GREY_LIGHT,
    INK,
    INK_SOFT,
    OKABE_ITO,
    ap_count,
    ap_date,
    ap_number,
    ap_period,
    ap_range,
    fmt_degrees,
    fmt_range,
    join_places,
    place_label,
)
from turnout.weather import OBSERVED_COLUMNS  # added to the data with a station's record

__all__ = [
    "ChartInfo",
    "chart_info",
    "temperature_vs_attendance",
    "timeline_density",
    "turnout_by_city",
]

BLUE = OKABE_ITO["blue"]
ORANGE = OKABE_ITO["orange"]
VERMILLION = OKABE_ITO["vermillion"]
# The light end of a range bar: the same hue, so the palette stays Okabe-Ito.
_RANGE_ALPHA = 0.35
# A one-sided temperature ("freezing") is drawn lighter than a reading: thin and translucent.
_BOUND_LW = 0.9
_BOUND_ALPHA = 0.6


class ChartInfo(NamedTuple):
    """What a publisher needs besides the picture: words, credit and the data drawn."""

    title: str
    subtitle: str
    alt: str
    source: str
    notes: str
    data: pd.DataFrame
    #: Which chart drew it ("turnout-by-city"): the embed design :mod:`turnout.embeds` picks.
    kind: str = ""


def chart_info(fig: Figure) -> ChartInfo:
    """The publication metadata a turnout chart keeps with its figure.

    >>> import turnout
    >>> info = chart_info(timeline_density(turnout.load_events()))
    >>> list(info.data.columns)[:3]
    ['date', 'label', 'events']
    """
    info = getattr(fig, "_turnout_info", None)
    if not isinstance(info, ChartInfo):
        raise ValueError("this figure was not made by turnout.charts: it carries no chart info")
    return info


def _finish(fig: Figure, info: ChartInfo) -> Figure:
    fig._turnout_info = info  # type: ignore[attr-defined]
    return fig


def _kind(kind: str) -> Any:
    """Decorate a chart function: the ChartInfo of every figure it returns names ``kind``."""
    import functools

    def deco(fn: Any) -> Any:
        @functools.wraps(fn)
        def chart(*args: Any, **kwargs: Any) -> Figure:
            fig = fn(*args, **kwargs)
            return _finish(fig, chart_info(fig)._replace(kind=kind))

        return chart

    return deco


# ---------------------------------------------------------------- the events table


def _prepare(events: pd.DataFrame) -> pd.DataFrame:
    """A copy with every column the charts read, missing ones filled (CCC has no temperatures)."""
    ev = events.copy()
    ev.attrs = {}  # load_events keeps a DataFrame in attrs; pandas cannot compare those on merge
    n = len(ev)
    if "row" not in ev:
        ev["row"] = np.arange(n, dtype="int64") + 2
    ev["date"] = pd.to_datetime(ev["date"], errors="coerce") if n else pd.to_datetime(ev["date"])
    if "city" not in ev:
        ev["city"] = ev["locality"] if "locality" in ev else ""
    for col in (
        "state_code", "size_text", "source_quote", "source_name", "source_date", "source_url",
    ):  # fmt: skip
        if col not in ev:
            ev[col] = pd.Series(pd.NA, index=ev.index, dtype="str")
    for col in ("size_low", "size_high", "temp_f_low", "temp_f_high"):
        ev[col] = (
            pd.to_numeric(ev[col], errors="coerce").astype("float64")
            if col in ev
            else pd.Series(np.nan, index=ev.index, dtype="float64")
        )
    # One-sided sizes ("at least 100" coded with no high) draw to the number they give.
    ev["size_high"] = ev["size_high"].fillna(ev["size_low"])
    ev["size_low"] = ev["size_low"].fillna(ev["size_high"])
    if "size_qualifier" not in ev:
        from turnout.sizes import size_qualifiers

        ev["size_qualifier"] = size_qualifiers(ev["size_text"]).where(ev["size_low"].notna(), "")
    ev["size_qualifier"] = ev["size_qualifier"].fillna("").astype("str")
    if "temp_text" not in ev:
        ev["temp_text"] = pd.Series(pd.NA, index=ev.index, dtype="str")
    if "temp_label" not in ev:
        ev["temp_label"] = pd.Series("none", index=ev.index, dtype="str")
    ev["place"] = [place_label(c, s) for c, s in zip(ev["city"], ev["state_code"], strict=True)]
    return ev


def _text(value: Any) -> str:
    """A cell as text, '' when missing (keeps CSV output and labels free of 'nan')."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value)


def _words_aside(size_text: Any, shown: str) -> str:
    """The source's words after a number in alt text (" (“over 3,000”)"), when they add to it."""
    words = _text(size_text).strip()
    plain = words.replace(",", "").removesuffix(".0")
    if not words or plain.isdigit() or words.lower() == shown.lower():
        return ""
    return f" (“{words}”)"


def _period(ev: pd.DataFrame) -> str:
    dates = ev["date"].dropna()
    return ap_period(dates.min(), dates.max()) if len(dates) else ""


def _plural(n: int, word: str, plural: str | None = None) -> str:
    """A counted noun for running text, AP style: "one event", "nine cities", "18 events"."""
    return ap_count(n, word, plural)


def _n_of(n: int, total: int, noun: str, verb: str, verb_one: str) -> str:
    """The opening of a sentence "Two of 18 events report", never a numeral first.

    Ten or more reads "Of 40 events, 12 report" (AP: no sentence starts with a numeral);
    every one reads "Both events report", "All 12 events report".
    """
    of = _plural(total, noun)
    if n == total:
        if n == 1:
            return f"The one {noun} {verb_one}"
        return f"{'Both' if n == 2 else 'All ' + ap_number(n)} {noun}s {verb}"
    if n < 10:
        return f"{ap_number(n, start=True)} of {of} {verb_one if n == 1 else verb}"
    return f"Of {of}, {ap_number(n)} {verb}"


def _word_rules(rows: pd.DataFrame) -> str:
    """A note on how crowd words became numbers, from the words actually drawn."""
    seen: dict[str, float] = {}
    for text, low in zip(rows["size_text"], rows["size_low"], strict=True):
        words = _text(text).strip()
        if words and not any(ch.isdigit() for ch in words) and not math.isnan(low):
            seen.setdefault(words.lower(), low)
    if not seen:
        return ""
    pairs = sorted(seen.items(), key=lambda kv: -kv[1])[:4]
    listed = ", ".join(f"“{w}” as {ap_number(v)}" for w, v in pairs)
    return f"Crowd words count at their lowest, by Crowd Counting Consortium rules: {listed}."


def _message_figure(
    *,
    title: str | None,
    message: str = "No events in this selection.",
    subtitle: str = "",
    source: str,
    notes: str = "",
    columns: list[str],
) -> Figure:
    """The honest figure for 'nothing to chart': the frame and a sentence, no empty axes.

    Its defaults are the empty selection's: "No protests to chart", "No events in this selection."
    """
    title = title or "No protests to chart"
    with style.use_style():
        fig = style.new_figure()
        style.frame(
            fig,
            None,
            title=title,
            subtitle=subtitle,
            source=source,
            notes=notes,
            plot_height=1.4,
            message=message,
        )
    alt = f"{title}. {message}" + (f" {notes}" if notes else "")
    return _finish(
        fig, ChartInfo(title, subtitle, alt, source, notes, pd.DataFrame(columns=columns))
    )


# ---------------------------------------------------------------- turnout by city

_CITY_COLUMNS = [
    "rank", "place", "city", "state_code", "measure", "value_low", "value_high", "label",
    "row", "date", "size_low", "size_high", "size_qualifier", "size_text", "size_source",
    "source_name", "source_date", "source_url", "source_quote", "segment_start", "segment_end",
]  # fmt: skip


@_kind("turnout-by-city")
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
    >>> fig = turnout_by_city(turnout.load_events(), labels="words")
    >>> chart_info(fig).data[["place", "size_text"]].iloc[0].tolist()
    ['Minneapolis, Minn.', 'Around 50,000']
    """
    if measure not in ("largest", "sum"):
        raise ValueError(f"measure must be 'largest' or 'sum', not {measure!r}")
    if labels not in ("number", "words"):
        raise ValueError(f"labels must be 'number' or 'words', not {labels!r}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    ev = _prepare(events)
    source = style.source_line(ev)
    period = _period(ev)
    if ev.empty:
        return _message_figure(
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
    no_count_note = (
        style.sentence(f"No count reported: {join_places(no_count, limit=8)}") if no_count else ""
    )
    if counted.empty:
        return _message_figure(
            title=title or "No crowd sizes to chart",
            message="No event in this selection reports a number of people.",
            subtitle=subtitle or period,
            source=source,
            notes=no_count_note,
            columns=_CITY_COLUMNS,
        )

    # Rank by the low estimate: the number the source's words support at the least.
    if measure == "largest":
        best = counted.sort_values(
            ["size_low", "size_high", "date", "row"], ascending=[False, False, True, True]
        ).drop_duplicates(["city", "state_code"])
        bars = best.assign(
            value_low=best["size_low"],
            value_high=best["size_high"],
            floor=best["size_qualifier"].eq("at least"),
        )
    else:
        totals = (
            counted.assign(floor=counted["size_qualifier"].eq("at least"))
            .groupby(["city", "state_code"], sort=False)
            .agg(
                value_low=("size_low", "sum"),
                value_high=("size_high", "sum"),
                floor=("floor", "any"),
            )
            .reset_index()
        )
        totals["place"] = [
            place_label(c, s) for c, s in zip(totals["city"], totals["state_code"], strict=True)
        ]
        bars = totals.sort_values(
            ["value_low", "value_high", "place"], ascending=[False, False, True]
        )
    n_cities = len(bars)
    scope, scope_alt = _city_scope(ev, cities_in_data)
    bars = bars.head(top).reset_index(drop=True)
    # What a bar's number reads: a sum with a floor in it is a floor, at honest precision.
    rough = bars["floor"] & (measure == "sum")
    bars["shown_low"] = bars["value_low"].where(~rough, bars["value_low"].map(_floor_total))
    bars["shown_high"] = bars["value_high"].where(~rough, bars["value_high"].map(_floor_total))
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
            return _text(r["size_text"]) or fmt_range(r["value_low"], r["value_high"])
        parts = segments.loc[segments["rank"].eq(r["rank"]), "size_text"].map(_text)
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
            ax.xaxis.set_major_locator(MaxNLocator(4, steps=[1, 2, 5, 10]))
            style.format_count_axis(ax, "x")
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
            shown = _plural(n, "city", "cities")
            head = f"The {shown} with the most people, of {ap_number(n_cities)} with a count. "
        sub = subtitle or f"{head}{what}, {period}" + (f"; {scope}" if scope else "")
        notes = _city_notes(bars, segments, ev, counted, measure, n_cities, no_count_note, labels)
        top_row = bars.iloc[0]
        if title is None:
            who = style.place_in_text(top_row["city"], top_row["state_code"])
            among = (
                f" of {_plural(len(places), 'selected city', 'selected cities')}" if scope else ""
            )
            more = "+" if top_row["floor"] else ""
            size = ap_range(top_row.shown_low, top_row.shown_high) + more
            if measure == "largest":
                when = ap_date(top_row["date"], year=ev["date"].dt.year.nunique() > 1)
                about = "about " if top_row["size_qualifier"] == "about" else ""
                title = f"{who} drew the largest reported crowd{among}: {about}{size} on {when}"
            else:
                k = int(segments["rank"].eq(1).sum())
                title = f"{who} drew the most reported protesters{among}: {size} at " + _plural(
                    k, "event"
                )
        source = style.source_line(ev)
        plot_h = max(1.2, 0.3 * n + 0.35 + (0.12 * n if labels == "words" else 0))
        style.frame(
            fig, ax, title=title, subtitle=sub, source=source, notes=notes, plot_height=plot_h
        )

    data = _city_data(bars, segments, measure)
    alt = _city_alt(bars, measure, n_cities, period, no_count) + (f" {scope_alt}" if scope else "")
    return _finish(fig, ChartInfo(title, sub, alt, source, notes, data))


def _floor_total(value: float) -> float:
    """A sum that includes a floor, rounded down to two significant figures: still a floor.

    >>> _floor_total(3224.0), _floor_total(70000.0), _floor_total(24.0)
    (3200.0, 70000.0, 24.0)
    """
    if not value >= 100:  # NaN and small sums stay as they are
        return value
    step = 10 ** (int(math.log10(value)) - 1)
    return float(math.floor(value / step) * step)


def _city_scope(ev: pd.DataFrame, cities_in_data: int | None) -> tuple[str, str]:
    """("three of the 10 cities in the data", those cities named) when a filter chose
    some of the data's cities; ("", "") when the chart covers them all."""
    places = list(dict.fromkeys(ev.sort_values("place")["place"]))
    if cities_in_data is None or len(places) >= cities_in_data:
        return "", ""
    scope = (
        f"{ap_number(len(places))} of the {ap_count(cities_in_data, 'city', 'cities')} in the data"
    )
    return scope, style.sentence(f"The chart covers {scope}: {join_places(places, limit=8)}")


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
            "Light bar ends run to the high end of a range the source gives; "
            "cities are ranked by the low end."
        )
    if measure == "sum":
        parts.append(
            "Each bar adds up a city’s counted events (white lines separate them); "
            "people at more than one event count each time."
        )
        shown = set(bars["place"])
        left_out = ev[ev["size_low"].isna() & ev["place"].isin(shown)]
        if len(left_out):
            per = left_out.groupby("place", sort=True).size()
            listed = join_places([f"{ap_number(k)} in {p}" for p, k in per.items()], limit=6)
            parts.append(style.sentence(f"Not in the sums, events with no number: {listed}"))
    if labels == "number" and bars["floor"].any():
        parts.append("Numbers with a + are floors: the source’s words give only a lowest number.")
        if (bars["shown_low"] != bars["value_low"]).any():
            parts.append("A sum that includes a floor is rounded down to two significant figures.")
    parts.append(_word_rules(segments))
    if n_cities > len(bars):
        more = _plural(n_cities - len(bars), "more city", "more cities")
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
    bars: pd.DataFrame, measure: str, n_cities: int, period: str, no_count: list[str]
) -> str:
    what = (
        "the largest protest in each city"
        if measure == "largest"
        else "the total number of protesters counted in each city"
    )
    shown = (
        f"the top {ap_number(len(bars))} of {_plural(n_cities, 'city', 'cities')}"
        if n_cities > len(bars)
        else None
    )
    items = []
    for _, r in bars.iterrows():
        when = f" on {ap_date(r['date'])}" if measure == "largest" else ""
        size = ap_range(r.shown_low, r.shown_high) + ("+" if r["floor"] else "")
        words = _words_aside(r["size_text"], size) if measure == "largest" else ""
        items.append(f"{r['place']}, {size}{words}{when}")
    text = (
        f"Bar chart of {what}, number of people, {period}"
        + (f", showing {shown}" if shown else "")
        + ". From largest: "
        + "; ".join(items)
        + "."
    )
    if no_count:
        text += " " + style.sentence(f"No count reported for {join_places(no_count, limit=8)}")
    return text


# ---------------------------------------------------------------- temperature vs attendance

_TEMP_COLUMNS = [
    "mark", "place", "city", "state_code", "date", "row", "temp_f", "temp_f_low", "temp_f_high",
    "temp_text", "temp_label", "size_low", "size_high", "size_plotted", "size_text",
    "source_name", "source_date", "source_url", "source_quote",
]  # fmt: skip

#: Fewer events than this with both a crowd size and a temperature make the scarcity the headline.
MIN_TEMPERATURE_POINTS = 5


@_kind("temperature-vs-attendance")
def temperature_vs_attendance(events: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Crowd size (log scale) against temperature in °F, every mark traceable to its words.

    A reported reading is a point; a crowd range is a vertical bar. A one-sided
    temperature ("freezing" = at most 32°F) is a horizontal arrow pointing the
    open way from its bound, never a point. Relative words ("cold for Houston")
    are not placed on the axis: the notes name them. A weather station's record
    for the day (``temp_obs_low_f`` and ``temp_obs_high_f``, added by
    :func:`turnout.weather.attach_weather`) is drawn apart from the report: a
    thin vermilion line from the day's low to its high with hollow diamond ends
    (a single ``temp_f_observed`` reading is one hollow diamond), and the
    chart's data carries it with its ``station``; a station's line that would lie on
    another event's reported mark at the same crowd size is drawn just above it, and
    reported marks are labelled first. With a station's record, the headline's
    "coldest" is over both kinds of marks. Bound arrows are
    drawn lighter than readings, so a word like "freezing" never outweighs a
    number. With fewer than :data:`MIN_TEMPERATURE_POINTS` events to plot,
    no superlative is drawn from them: the headline says how few there are.

    >>> import turnout
    >>> fig = temperature_vs_attendance(turnout.load_events())
    >>> sorted(chart_info(fig).data["mark"])
    ['reported at most', 'reported reading']
    """
    ev = _prepare(events)
    source = style.source_line(ev)
    period = _period(ev)
    columns = _TEMP_COLUMNS + (OBSERVED_COLUMNS if _observed_columns(ev) else [])
    observed = ev["temp_obs_low_f"].notna() | ev["temp_obs_high_f"].notna()
    lo, hi = ev["temp_f_low"], ev["temp_f_high"]
    reported = lo.notna() | hi.notna()
    # Words with no number stay listed even when a station's record is drawn for the event.
    relative = ~reported & (
        ev["temp_label"].astype("str").eq("relative") | ev["temp_text"].map(_text).ne("")
    )
    counted = ev["size_low"].notna()
    both = counted & (reported | observed)
    n_total, n_both = len(ev), int(both.sum())
    n_rep, n_obs = int((counted & reported).sum()), int((counted & observed).sum())

    base_sub = f"Number of people by temperature in °F, events that report both, {period}"
    if n_obs:
        base_sub = (
            f"Number of people by temperature in °F, as reported and as observed at a weather "
            f"station, {period}"
        )
        source = f"{source}; {NOAA_CREDIT}"
    rel_note = _relative_note(ev[relative & counted])
    if ev.empty:
        return _message_figure(
            title=title,
            source=source,
            columns=columns,
        )
    if not (reported | observed).any():
        return _message_figure(
            title=title or "No temperatures to chart",
            message="No event in this selection reports a temperature.",
            subtitle=base_sub,
            source=source,
            notes=rel_note,
            columns=columns,
        )
    if n_both == 0:
        return _message_figure(
            title=title or "No event gives both a crowd size and a temperature",
            message="No event in this selection reports both a number of people and a temperature.",
            subtitle=base_sub,
            source=source,
            notes=rel_note,
            columns=columns,
        )

    marks = _temperature_marks(ev[both])
    with style.use_style():
        fig = style.new_figure()
        ax = fig.add_subplot()
        xmin, xmax = _temperature_xlim(marks)
        marks["dodge_pt"] = _dodge(marks, xmin, xmax)
        ymin, ymax, yticks = _log_limits(
            float(marks["size_low"].min()), float(marks["size_high"].max())
        )
        ax.set_yscale("log")
        ax.set_ylim(ymin, ymax)
        ax.set_xlim(xmin, xmax)
        ax.yaxis.set_major_locator(FixedLocator(yticks))
        ax.yaxis.set_minor_locator(NullLocator())
        style.format_count_axis(ax, "y")
        ax.xaxis.set_major_locator(MaxNLocator(6, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:g}°".replace("-", "−"))
        ax.set_xlabel("Temperature, °F")
        ax.set_ylabel("People (log scale)")
        if xmin < 32 < xmax:  # freezing is the reference readers know
            ax.axvline(32, color=GREY, lw=0.8, ls=(0, (3, 3)), zorder=1)
            ax.annotate(
                "Freezing",
                (32, 1),
                xycoords=("data", "axes fraction"),
                xytext=(3, -2),
                textcoords="offset points",
                ha="left",
                va="top",
                fontsize=8.5,
                color=INK_SOFT,
            )
        _draw_temperature_marks(ax, marks, xmin, xmax)
        handles = _temperature_legend(marks)
        ax.legend(
            handles=handles,
            handler_map={_BoundHandle: HandlerPatch(patch_func=_arrow_key)},
            loc="lower left",
            bbox_to_anchor=(0, 1.02),
            ncol=_legend_columns(handles),
            fontsize=8.5,
            handletextpad=0.5,
            columnspacing=1.2,
        )
        notes = _temperature_notes(ev, marks, n_total, n_rep, n_obs, rel_note)
        if marks["dodge_pt"].any():
            notes += (
                " Where a station’s line would lie on another protest’s mark at the same crowd "
                "size, it is drawn just above."
            )
        if title is None:
            title = _temperature_title(marks, n_total, n_both, n_obs)
        sub = base_sub
        frame = {"title": title, "subtitle": sub, "source": source, "plot_height": 2.9}
        style.frame(fig, ax, notes=notes, **frame)
        # Direct labels go on once the axes have their final size, so collisions are real.
        dropped = _label_temperature_marks(ax, marks)
        if dropped:
            notes += (
                f" Labels are left off {_plural(dropped, 'event')} where marks crowd; "
                "the chart’s data file names every mark."
            )
            style.frame(fig, ax, notes=notes, **frame)  # same plot size: the labels stay put

    alt = _temperature_alt(marks, _temperature_counts(n_total, n_rep, n_obs), period, rel_note)
    data = marks[columns].reset_index(drop=True)
    return _finish(fig, ChartInfo(title, sub, alt, source, notes, data))


def _legend_columns(handles: list[Any]) -> int:
    """One line of keys when they fit across the chart (about 60 characters), else two columns."""
    chars = sum(len(h.get_label()) for h in handles)
    return len(handles) if len(handles) <= 2 or (len(handles) == 3 and chars <= 60) else 2


def _temperature_xlim(marks: pd.DataFrame) -> tuple[float, float]:
    """X limits on round 5°F steps, with room for arrows to point past one-sided bounds."""
    xs = pd.concat([marks["temp_f_low"], marks["temp_f_high"], marks["temp_f"]]).dropna()
    x0, x1 = float(xs.min()), float(xs.max())
    pad = max((x1 - x0) * 0.1, 3.0)
    lo, hi = x0 - pad, x1 + pad
    # An arrow needs length to read as "and beyond": at least 15°F past its bound.
    if marks["mark"].eq("reported at most").any():
        lo = min(
            lo, float(marks.loc[marks["mark"].eq("reported at most"), "temp_f_high"].min()) - 15
        )
    if marks["mark"].eq("reported at least").any():
        hi = max(
            hi, float(marks.loc[marks["mark"].eq("reported at least"), "temp_f_low"].max()) + 15
        )
    return math.floor(lo / 5) * 5, math.ceil(hi / 5) * 5


def _log_limits(low: float, high: float) -> tuple[float, float, list[float]]:
    """Log-axis limits with a margin, and ticks: powers of 10, or 1-2-5 steps over a short span."""
    low, high = max(low, 1.0), max(high, 1.0)
    ymin, ymax = low / 2, high * 2
    # Snap to a power of 10 when one is near, so the scale's anchor gridline is there.
    floor10, ceil10 = 10 ** math.floor(math.log10(ymin)), 10 ** math.ceil(math.log10(ymax))
    ymin = floor10 if ymin / floor10 < 2.5 else ymin
    ymax = ceil10 if ceil10 / ymax < 2.5 else ymax
    decades = range(math.floor(math.log10(ymin)), math.ceil(math.log10(ymax)) + 1)
    steps = (1, 2, 5) if math.log10(ymax / ymin) < 2.2 else (1,)
    ticks = [m * 10**k for k in decades for m in steps if ymin <= m * 10**k <= ymax]
    if len(ticks) < 2:  # always two labelled gridlines to read the scale by
        ticks = [10 ** math.floor(math.log10(ymin)), 10 ** math.ceil(math.log10(ymax))]
        ymin, ymax = min(ymin, ticks[0]), max(ymax, ticks[1])
    return ymin, ymax, ticks


def _temperature_marks(ev: pd.DataFrame) -> pd.DataFrame:
    """One row per mark: the reported temperature (point, range or bound) and any observed one."""
    rows: list[dict[str, Any]] = []
    for _, r in ev.iterrows():
        lo, hi = r["temp_f_low"], r["temp_f_high"]
        obs_lo, obs_hi = r["temp_obs_low_f"], r["temp_obs_high_f"]
        mean = r["size_mean"] if "size_mean" in r and pd.notna(r.get("size_mean")) else None
        y = float(mean) if mean is not None else (r["size_low"] + r["size_high"]) / 2
        base = {
            "place": r["place"],
            "city": r["city"],
            "state_code": _text(r["state_code"]),
            "date": r["date"],
            "row": int(r["row"]),
            "temp_text": _text(r["temp_text"]),
            "temp_label": _text(r["temp_label"]),
            "size_low": r["size_low"],
            "size_high": r["size_high"],
            "size_plotted": y,
            "size_text": _text(r["size_text"]),
            "source_name": _text(r["source_name"]),
            "source_date": _text(r["source_date"]),
            "source_url": _text(r["source_url"]),
            "source_quote": _text(r["source_quote"]),
            "temp_f_low": lo,
            "temp_f_high": hi,
            "station": _text(r["station"]),
            "temp_obs_low_f": obs_lo,
            "temp_obs_high_f": obs_hi,
        }
        if pd.notna(lo) and pd.notna(hi):
            kind = "reported reading" if lo == hi else "reported range"
            rows.append({**base, "mark": kind, "temp_f": lo if lo == hi else np.nan})
        elif pd.notna(hi):
            rows.append({**base, "mark": "reported at most", "temp_f": np.nan})
        elif pd.notna(lo):
            rows.append({**base, "mark": "reported at least", "temp_f": np.nan})
        if pd.notna(obs_lo) or pd.notna(obs_hi):
            # A station that reported only one extreme gives one diamond, never a made-up range.
            a = float(obs_lo if pd.notna(obs_lo) else obs_hi)
            b = float(obs_hi if pd.notna(obs_hi) else obs_lo)
            kind, temp = ("observed", a) if a == b else ("observed range", np.nan)
            rows.append({**base, "mark": kind, "temp_f": temp, "temp_f_low": a, "temp_f_high": b})
    return pd.DataFrame(rows, columns=[*_TEMP_COLUMNS, *OBSERVED_COLUMNS])


def _observed_columns(ev: pd.DataFrame) -> bool:
    """Give ``ev`` the observed columns (NaN where absent); True when the events carried any.

    A lone ``temp_f_observed`` reading (the older column) is a day's low and high at once.
    """
    had = bool({"temp_obs_low_f", "temp_obs_high_f", "temp_f_observed"} & set(ev.columns))
    nan = pd.Series(np.nan, index=ev.index, dtype="float64")
    single = pd.to_numeric(ev.get("temp_f_observed", nan), errors="coerce").astype("float64")
    for col in ("temp_obs_low_f", "temp_obs_high_f"):
        values = pd.to_numeric(ev.get(col, nan), errors="coerce").astype("float64")
        ev[col] = values.fillna(single)
    if "station" not in ev:
        ev["station"] = pd.Series(pd.NA, index=ev.index, dtype="str")
    return had


def _draw_temperature_marks(ax: Any, marks: pd.DataFrame, xmin: float, xmax: float) -> None:
    is_obs = marks["mark"].str.startswith("observed")
    reported = marks[~is_obs]
    # A crowd range is a vertical bar through the temperature (or the bound it is drawn at),
    # once per event: at the reported mark, else at the observed one.
    for _, m in marks[~(is_obs & marks["row"].isin(reported["row"]))].iterrows():
        x = _anchor_x(m)
        if m["size_high"] > m["size_low"]:
            color = VERMILLION if m["mark"].startswith("observed") else BLUE
            ax.vlines(x, m["size_low"], m["size_high"], color=color, lw=1.4, alpha=0.7, zorder=3)
    # A reported temperature outside the day's observed span is joined to it by a grey line.
    obs = marks[marks["mark"].eq("observed")]
    for _, o in marks[is_obs].iterrows():
        same = reported[reported["row"].eq(o["row"])]
        for _, r in same.iterrows():
            x = _anchor_x(r)
            near = min(max(x, o["temp_f_low"]), o["temp_f_high"])
            if near != x:
                ax.plot(
                    [x, near], [o["size_plotted"]] * 2, color=GREY, lw=0.8, zorder=2,
                    transform=_dodged(ax, o),
                )  # fmt: skip
    # The day's low to high at the station: a thin line with hollow diamond ends, under the
    # report's marks, so a reported dot inside the day's span stays on top.
    for _, o in marks[marks["mark"].eq("observed range")].iterrows():
        ax.plot(
            [o["temp_f_low"], o["temp_f_high"]],
            [o["size_plotted"]] * 2,
            gid="turnout-observed-range",
            zorder=3,
            transform=_dodged(ax, o),
            **_OBSERVED_RANGE_STYLE,
        )
    pts = marks[marks["mark"].eq("reported reading")]
    ax.scatter(
        pts["temp_f"],
        pts["size_plotted"],
        s=42,
        color=BLUE,
        zorder=4,
        gid="turnout-reported",
        linewidths=0,
    )
    rng = marks[marks["mark"].eq("reported range")]
    for _, m in rng.iterrows():
        ax.plot(
            [m["temp_f_low"], m["temp_f_high"]],
            [m["size_plotted"]] * 2,
            color=BLUE,
            lw=3,
            solid_capstyle="butt",
            zorder=4,
            gid="turnout-reported-range",
        )
    # One-sided words: a cap at the bound and an arrow pointing the open way, to the axis edge.
    # Drawn light (thin, translucent, solid head): a bound is weaker evidence than a reading,
    # and an arrow across the plot must not outweigh the one real dot.
    for kind, bound, end in (
        ("reported at most", "temp_f_high", xmin),
        ("reported at least", "temp_f_low", xmax),
    ):
        for _, m in marks[marks["mark"].eq(kind)].iterrows():
            x, yv = m[bound], m["size_plotted"]
            ax.annotate(
                "",
                xy=(end, yv),
                xytext=(x, yv),
                arrowprops={
                    "arrowstyle": "-|>,head_length=0.7,head_width=0.3",
                    "color": BLUE,
                    "alpha": _BOUND_ALPHA,
                    "lw": _BOUND_LW,
                    "shrinkA": 0,
                    "shrinkB": 0,
                },
                zorder=3,
                gid="turnout-bound",
            )
            ax.plot(
                [x, x],
                [yv / 1.15, yv * 1.15],
                color=BLUE,
                alpha=_BOUND_ALPHA,
                lw=1.2,
                zorder=3,
                gid="turnout-bound-cap",
            )
    for group in [obs[obs["dodge_pt"].eq(d)] for d in sorted(set(obs["dodge_pt"]))] or [obs]:
        ax.scatter(
            group["temp_f"],
            group["size_plotted"],
            s=46,
            marker="D",
            facecolors="none",  # hollow: a reported dot under it stays visible
            edgecolors=VERMILLION,
            linewidths=1.6,
            zorder=5,
            gid="turnout-observed",
            transform=_dodged(ax, group.iloc[0]) if len(group) else ax.transData,
        )


#: How far (points) a station's line is drawn above another event's report at the same height.
_DODGE_PT = 7.0


def _span(m: pd.Series, xmin: float, xmax: float) -> tuple[float, float]:
    """The stretch of the temperature axis a mark covers (an arrow runs to the axis edge)."""
    if m["mark"] == "reported at most":
        return xmin, float(m["temp_f_high"])
    if m["mark"] == "reported at least":
        return float(m["temp_f_low"]), xmax
    if pd.notna(m["temp_f_low"]) and pd.notna(m["temp_f_high"]):
        return float(m["temp_f_low"]), float(m["temp_f_high"])
    return _anchor_x(m), _anchor_x(m)


def _dodge(marks: pd.DataFrame, xmin: float, xmax: float) -> pd.Series:
    """Points to draw each mark above its crowd size: 0, or :data:`_DODGE_PT` for a station's
    mark that would lie on another event's reported mark at the same height (so a "freezing"
    arrow through New York's observed day never reads as New York's)."""
    out = pd.Series(0.0, index=marks.index)
    is_obs = marks["mark"].str.startswith("observed")
    reported = marks[~is_obs]
    for i, o in marks[is_obs].iterrows():
        a0, a1 = _span(o, xmin, xmax)
        for _, r in reported[reported["row"].ne(o["row"])].iterrows():
            b0, b1 = _span(r, xmin, xmax)
            same_height = abs(math.log(r["size_plotted"] / o["size_plotted"])) < 0.05
            if same_height and a0 <= b1 and b0 <= a1:
                out[i] = _DODGE_PT
                break
    return out


def _dodged(ax: Any, m: pd.Series) -> Any:
    """The data transform, shifted up by the mark's ``dodge_pt``."""
    dodge = float(m.get("dodge_pt", 0.0))
    return (
        offset_copy(ax.transData, fig=ax.get_figure(), y=dodge, units="points")
        if dodge
        else ax.transData
    )


_OBSERVED_RANGE_STYLE: dict[str, Any] = {
    "color": VERMILLION,
    "lw": 1.3,
    "marker": "D",
    "markersize": 5.5,
    "markerfacecolor": "white",
    "markeredgecolor": VERMILLION,
    "markeredgewidth": 1.4,
}


def _anchor_x(m: pd.Series) -> float:
    """Where a mark stands on the temperature axis: its reading, range middle or bound."""
    if pd.notna(m["temp_f"]):
        return float(m["temp_f"])
    if pd.notna(m["temp_f_low"]) and pd.notna(m["temp_f_high"]):
        return (m["temp_f_low"] + m["temp_f_high"]) / 2
    return float(m["temp_f_high"] if pd.notna(m["temp_f_high"]) else m["temp_f_low"])


class _BoundHandle(Patch):
    """Legend key for a one-sided temperature: a short arrow, drawn by :func:`_arrow_key`."""


def _arrow_key(
    legend: Any,
    orig_handle: Any,
    xdescent: float,
    ydescent: float,
    width: float,
    height: float,
    fontsize: float,
) -> FancyArrow:
    return FancyArrow(
        width - xdescent,
        height / 2 - ydescent,
        -width,
        0,
        width=0.6,
        head_width=5,
        head_length=5,
        length_includes_head=True,
        color=orig_handle.get_facecolor(),
        alpha=_BOUND_ALPHA,
        lw=0,
    )


def _temperature_legend(marks: pd.DataFrame) -> list[Any]:
    kinds = set(marks["mark"])
    handles: list[Any] = []
    if "reported reading" in kinds:
        handles.append(Line2D([], [], marker="o", ls="", color=BLUE, label="Reported reading"))
    if "reported range" in kinds:
        handles.append(Line2D([], [], lw=3, color=BLUE, label="Reported range"))
    if kinds & {"reported at most", "reported at least"}:
        handles.append(_BoundHandle(color=BLUE, label="Reported only as a bound"))
    if "observed range" in kinds:
        handles.append(
            Line2D([], [], label="Observed that day, low to high", **_OBSERVED_RANGE_STYLE)
        )
    if "observed" in kinds:
        handles.append(
            Line2D(
                [],
                [],
                marker="D",
                ls="",
                markerfacecolor="white",
                markeredgecolor=VERMILLION,
                markeredgewidth=1.6,
                label="Observed (weather station)",
            )
        )
    return handles


def _label_temperature_marks(ax: Any, marks: pd.DataFrame) -> int:
    """Label each event once, biggest crowds first, clear of every mark; return labels dropped."""
    renderer = ax.get_figure().canvas.get_renderer()
    to_px = ax.transData.transform
    avoid = []
    xmin, xmax = ax.get_xlim()
    dpi = ax.get_figure().dpi
    for _, m in marks.iterrows():
        x, y = _anchor_x(m), m["size_plotted"]
        (px, py) = to_px((x, y))
        py += m["dodge_pt"] * dpi / 72
        avoid.append(Bbox.from_extents(px - 5, py - 5, px + 5, py + 5))
        if m["size_high"] > m["size_low"]:
            (_, y0), (_, y1) = to_px((x, m["size_low"])), to_px((x, m["size_high"]))
            avoid.append(Bbox.from_extents(px - 3, y0, px + 3, y1))
        a, b = _span(m, xmin, xmax)
        if b > a:  # a range or an arrow: its whole length
            (x0, _), (x1, _) = to_px((a, y)), to_px((b, y))
            avoid.append(Bbox.from_extents(x0, py - 5, x1, py + 5))
    for t in ax.texts:  # the freezing reference label
        avoid.append(t.get_window_extent(renderer))
    if xmin < 32 < xmax:  # and its dashed line
        (fx, _), box = to_px((32, 1)), ax.get_window_extent(renderer)
        avoid.insert(0, Bbox.from_extents(fx - 2, box.y0, fx + 2, box.y1))

    # Reported marks are labelled first: a source's own bound or reading must never lose its
    # label to a station's range at the same crowd size, which the data file names anyway.
    order = marks.assign(
        _x=marks.apply(_anchor_x, axis=1), _obs=marks["mark"].str.startswith("observed")
    ).sort_values(["_obs", "size_plotted", "row"], ascending=[True, False, True])
    items = []
    seen: set[int] = set()
    for _, m in order.iterrows():
        if m["row"] in seen:  # one label per event, on the first of its marks
            continue
        seen.add(int(m["row"]))
        text = f"{m['city']}, {ap_date(m['date'])}"
        if m["mark"] == "reported at most":
            text += f"\n“{m['temp_text']}”: {fmt_degrees(m['temp_f_high'])} or colder"
        elif m["mark"] == "reported at least":
            text += f"\n“{m['temp_text']}”: {fmt_degrees(m['temp_f_low'])} or warmer"
        y = m["size_plotted"]
        if m["dodge_pt"]:  # the label goes by the line as drawn
            px, py = to_px((m["_x"], y))
            y = ax.transData.inverted().transform((px, py + m["dodge_pt"] * dpi / 72))[1]
        a, b = _span(m, xmin, xmax)
        items.append(([m["_x"], *((b, a) if b > a else ())], y, text.split("\n")))
    # Each label tries its mark's middle, then the ends of its range or arrow, then its first
    # line alone (a bound's words are in the notes), and last may cross the dashed freezing
    # line (first in ``avoid``) rather than leave a mark unnamed.
    drawn = 0
    for xs, y, lines in items:
        texts = ["\n".join(lines), lines[0]] if len(lines) > 1 else lines
        tries = [(x, t, avoid) for t in texts for x in xs]
        tries += [(x, texts[-1], avoid[1:]) for x in xs[1:] if xmin < 32 < xmax]
        for x, text, boxes in tries[: 12 > drawn and len(tries)]:
            got = style.place_labels(ax, [(x, y, text)], avoid=boxes)
            if got:
                avoid.append(got[0].get_window_extent(renderer).padded(2))
                drawn += 1
                break
    return len(items) - drawn


def _relative_note(rel: pd.DataFrame) -> str:
    if rel.empty:
        return ""
    items = [
        f"{r['place']}, {ap_date(r['date'])} (“{_text(r['temp_text'])}”)" for _, r in rel.iterrows()
    ]
    return style.sentence(
        f"Described only in words, not placed on the scale: {join_places(items, limit=4)}"
    )


def _temperature_notes(
    ev: pd.DataFrame, marks: pd.DataFrame, n_total: int, n_rep: int, n_obs: int, rel_note: str
) -> str:
    parts = [_temperature_counts(n_total, n_rep, n_obs)]
    if n_obs:
        parts.append("The chart’s data file names each station.")
    bounds = marks[marks["mark"].isin(["reported at most", "reported at least"])]
    if len(bounds):
        words = sorted({f"“{t}”" for t in bounds["temp_text"] if t})
        k = len(bounds)
        who = ap_number(k, start=True) if k < 10 else f"Of these, {ap_number(k)}"
        verb = "gives" if k == 1 else "give"
        parts.append(
            f"{who} {verb} only a bound ({', '.join(words[:3])}), drawn as a light arrow "
            "pointing the open way."
        )
    if (marks["size_high"] > marks["size_low"]).any():
        parts.append("Vertical bars span a range of crowd estimates.")
    if marks["mark"].eq("observed range").any():
        parts.append(
            "Thin lines with hollow diamonds: the day’s low and high at the city’s weather "
            "station (NOAA GHCN-Daily TMIN and TMAX), the extremes of the whole day, not the "
            "temperature at the protest’s hour; blue marks: the temperature the source reported."
        )
    if marks["mark"].eq("observed").any():
        parts.append("Diamonds: temperature observed at a weather station; dots: the report’s.")
    no_count = ev[ev["size_low"].isna() & (ev["temp_f_low"].notna() | ev["temp_f_high"].notna())]
    if len(no_count):
        parts.append(
            f"Not shown: {_plural(len(no_count), 'event')} with a temperature but no count."
        )
    parts.append(rel_note)
    parts.append(_word_rules(marks.drop_duplicates("row")))
    return " ".join(p for p in parts if p)


def _temperature_counts(n_total: int, n_rep: int, n_obs: int) -> str:
    """How many events have what: "Two of 18 events report both a number of people and a
    temperature." and, with a weather file, how many have a station's record for their day."""
    if n_rep or not n_obs:
        opening = _n_of(n_rep, n_total, "event", "report", "reports")
        text = f"{opening} both a number of people and a temperature."
    else:
        none = f"None of {_plural(n_total, 'event')}"
        text = f"{none} reports both a number of people and a temperature."
    if n_obs:
        opening = _n_of(n_obs, n_total, "event", "have", "has")
        text += f" {opening} a number of people and a weather station’s record for the day."
    return text


def _temperature_title(marks: pd.DataFrame, n_total: int, n_both: int, n_obs: int) -> str:
    """The finding: the coldest turnout, or, with too few points for one, how few there are.

    With a station's record on the chart, the coldest is taken over both kinds of marks, so
    the headline stays true of everything drawn ("Only" is kept for a minority).
    """
    if n_both < MIN_TEMPERATURE_POINTS:
        tail = ", reported or observed" if n_obs else ""
        if n_both == n_total:
            verb = "gives" if n_both == 1 else "give"
            return (
                f"Just {_plural(n_both, 'protest')} {verb} both a crowd size and a temperature"
                + tail
            )
        verb = (
            ("has" if n_both == 1 else "have")
            if n_obs
            else ("reports" if n_both == 1 else "report")
        )
        share = f"{ap_number(n_both)} of {_plural(n_total, 'protest')}"
        who = f"Only {share}" if 2 * n_both <= n_total else share[0].upper() + share[1:]
        return f"{who} {verb} both a crowd size and a temperature{tail}"
    exact = marks[marks["mark"].isin(["reported reading", "observed", "observed range"])]
    if exact.empty:
        n = marks["row"].nunique()
        return f"None of the {_plural(n, 'protest')} with a count gives an exact temperature"
    coldest = exact.assign(
        _t=exact["temp_f"].fillna(exact["temp_f_low"]),
        _obs=exact["mark"].str.startswith("observed"),
    ).sort_values(["_t", "size_plotted", "_obs"], ascending=[True, False, True])
    m = coldest.iloc[0]
    degrees = fmt_degrees(m["_t"])
    if not n_obs:
        return f"{m['city']} protesters turned out at {degrees}, the coldest reading reported"
    when = (
        f"at {degrees}" if m["mark"] == "reported reading" else f"on a day that fell to {degrees}"
    )
    return f"{m['city']} protesters turned out {when}, the coldest reading reported or observed"


def _temperature_alt(marks: pd.DataFrame, counts: str, period: str, rel_note: str) -> str:
    items = []
    for _, m in marks.sort_values(["size_plotted"], ascending=False).head(12).iterrows():
        size = ap_range(m["size_low"], m["size_high"])
        people = "person" if size == "one" else "people"
        if m["mark"] == "reported reading":
            temp = f"{fmt_degrees(m['temp_f'])} reported"
        elif m["mark"] == "reported range":
            temp = f"{fmt_degrees(m['temp_f_low'])} to {fmt_degrees(m['temp_f_high'])} reported"
        elif m["mark"] == "reported at most":
            temp = f"{fmt_degrees(m['temp_f_high'])} or colder (“{m['temp_text']}”)"
        elif m["mark"] == "reported at least":
            temp = f"{fmt_degrees(m['temp_f_low'])} or warmer (“{m['temp_text']}”)"
        elif m["mark"] == "observed range":
            temp = (
                f"a day of {fmt_degrees(m['temp_f_low'])} to {fmt_degrees(m['temp_f_high'])} "
                "observed at a weather station"
            )
        else:
            temp = f"{fmt_degrees(m['temp_f'])} observed at a weather station"
        words = _words_aside(m["size_text"], size)
        items.append(f"{m['place']}, {ap_date(m['date'])}: {size} {people}{words} at {temp}")
    more = f" and {_plural(len(marks) - 12, 'more mark')}" if len(marks) > 12 else ""
    text = (
        f"Chart of crowd size on a log scale against temperature in degrees Fahrenheit, {period}. "
        f"{counts.removesuffix('.')}: {'; '.join(items)}{more}."
    )
    return text + (f" {rel_note}" if rel_note else "")


# ---------------------------------------------------------------- timeline density

_TIME_COLUMNS = ["date", "label", "events", "cities", "marked", "rows", "places", "source_quote"]


@_kind("timeline-density")
def timeline_density(
    events: pd.DataFrame,
    *,
    start: Any = None,
    end: Any = None,
    marked_days: Mapping[Any, str] | None = None,
    freq: Literal["auto", "day", "week", "month"] = "auto",
    title: str | None = None,
    cities_in_data: int | None = None,
) -> Figure:
    """Protest events per day, with the number of distinct cities that had one.

    ``start``/``end`` fix the period (default: the data's first and last day);
    days without events show as gaps, not missing. ``marked_days`` maps a date
    to a label drawn as a shaded, annotated day ({"2026-01-30": "National
    strike"}); days outside the period are left out everywhere (drawing, data,
    notes, alt text), so one set of story dates can serve any selection. Long
    periods (CCC years) are counted per week or month (``freq="auto"``), and
    the subtitle says which. ``cities_in_data`` is as in :func:`turnout_by_city`:
    a chart of some of the data's cities says so in headline, subtitle and alt text.

    >>> import turnout
    >>> fig = timeline_density(turnout.load_events(), start="2026-01-23",
    ...     end="2026-02-02", marked_days={"2026-01-30": "National strike"})
    >>> chart_info(fig).data.loc[chart_info(fig).data.events.idxmax(), "label"]
    'Jan. 30'
    """
    marked_all = _marked_days(marked_days)
    ev = _prepare(events)
    ev = ev[ev["date"].notna()]
    source = style.source_line(ev)
    if ev.empty and (start is None or end is None):
        return _message_figure(
            title=title,
            source=source,
            columns=_TIME_COLUMNS,
        )
    a = pd.Timestamp(start).normalize() if start is not None else ev["date"].min().normalize()
    b = pd.Timestamp(end).normalize() if end is not None else ev["date"].max().normalize()
    if b < a:
        raise ValueError(f"end ({b.date()}) is before start ({a.date()})")
    inside = ev[ev["date"].dt.normalize().between(a, b)]
    outside = len(ev) - len(inside)
    period = ap_period(a, b)
    # Story dates outside the period are not part of this chart: not drawn, noted or described.
    marked = {day: label for day, label in marked_all.items() if a <= day <= b}
    if inside.empty:
        return _message_figure(
            title=title or "No protests in this period",
            message=f"No events in this selection, {period}.",
            subtitle="",
            source=source,
            notes=f"Not shown: {_plural(outside, 'event')} outside the period." if outside else "",
            columns=_TIME_COLUMNS,
        )

    n_days = (b - a).days + 1
    if freq == "auto":
        freq = "day" if n_days <= 92 else ("week" if n_days <= 2 * 366 else "month")
    if freq not in ("day", "week", "month"):
        raise ValueError(f"freq must be 'auto', 'day', 'week' or 'month', not {freq!r}")
    bins = _bins(a, b, freq)
    key = _bin_of(inside["date"], freq)
    per = (
        inside.assign(_bin=key)
        .sort_values(["date", "row"])
        .groupby("_bin")
        .agg(
            events=("row", "size"),
            cities=("place", "nunique"),
            rows=("row", lambda s: "; ".join(str(int(v)) for v in s)),
            places=("place", lambda s: "; ".join(dict.fromkeys(s))),
            source_quote=("source_quote", lambda s: " | ".join(_text(v) for v in s if _text(v))),
        )
    )
    data = pd.DataFrame({"date": bins}).merge(per, left_on="date", right_index=True, how="left")
    data[["events", "cities"]] = data[["events", "cities"]].fillna(0).astype("int64")
    data[["rows", "places", "source_quote"]] = data[["rows", "places", "source_quote"]].fillna("")
    data["label"] = [_bin_label(d, freq) for d in data["date"]]
    marked_bin: dict[pd.Timestamp, list[str]] = {}
    for day, label in sorted(marked.items()):
        marked_bin.setdefault(_bin_of(pd.Series([day]), freq).iloc[0], []).append(label)
    data["marked"] = [" / ".join(marked_bin.get(d, [])) for d in data["date"]]
    data = data[_TIME_COLUMNS].reset_index(drop=True)

    unit = {"day": "day", "week": "week", "month": "month"}[freq]
    with style.use_style():
        fig = style.new_figure()
        ax = fig.add_subplot()
        x = date2num(data["date"].dt.to_pydatetime())
        step = {"day": 1.0, "week": 7.0, "month": 30.4}[freq]
        if freq != "day":
            x = x + step / 2  # a week's or month's bar sits over its span
        grouped = len(data) <= 62
        if grouped:
            w = step * 0.4
            ax.bar(
                x - w / 2, data["events"], width=w, color=BLUE, label="Events", gid="turnout-events"
            )
            ax.bar(
                x + w / 2,
                data["cities"],
                width=w,
                color=ORANGE,
                label="Cities with an event",
                gid="turnout-cities",
            )
        else:
            ax.bar(
                x,
                data["events"],
                width=step * 0.9,
                color=BLUE,
                label="Events",
                gid="turnout-events",
            )
            ax.step(
                x,
                data["cities"],
                where="mid",
                color=INK,
                lw=1.1,
                label="Cities with an event",
                gid="turnout-cities",
            )
        top = int(data["events"].max())
        # Headroom for the marked-day labels, which sit inside the plot at the top.
        ax.set_ylim(0, max(top * 1.28, top + 1.5) if marked else top * 1.05 + 0.5)
        ax.yaxis.set_major_locator(MaxNLocator(5, integer=True, steps=[1, 2, 5, 10]))
        style.format_count_axis(ax, "y")
        # Half a bin of air between the first and last bins and the axis ends.
        ax.set_xlim(x.min() - step, x.max() + step)
        week_ticks = freq == "week" and len(data) <= 14
        if week_ticks:
            # A few weeks: each bar is labelled under its middle with the Monday it starts on.
            ticks = _week_ticks(data["date"])
            tick_x = [float(v) + step / 2 for v in date2num([t.to_pydatetime() for t, _ in ticks])]
        else:
            ticks = style.date_ticks(a, b, max_ticks=12)
            tick_x = list(date2num([t.to_pydatetime() for t, _ in ticks]))
        ax.set_xticks(tick_x, labels=[lab for _, lab in ticks])
        ax.tick_params(axis="x", length=3)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        for day in sorted(marked):
            xd = date2num(day.to_pydatetime())
            if freq == "day":
                ax.axvspan(xd - 0.5, xd + 0.5, color=GREY_LIGHT, lw=0, zorder=0)
            else:
                ax.axvline(xd, color=GREY, lw=0.8, ls=(0, (3, 3)), zorder=0)
        handles, names = ax.get_legend_handles_labels()
        order = sorted(range(len(names)), key=lambda i: names[i] != "Events")  # events first
        ax.legend(
            [handles[i] for i in order],
            [names[i] for i in order],
            loc="lower left",
            bbox_to_anchor=(0, 1.02),
            ncol=2,
            fontsize=8.5,
        )
        what = "Protest events" if freq == "day" else f"Protest events per {unit}"
        sub = (
            f"{what} per day and cities with at least one, {period}"
            if freq == "day"
            else f"{what} and cities with at least one, {period}"
        )
        after_end = _bin_of(pd.Series([b + pd.Timedelta(days=1)]), freq).iloc[0]
        partial = (bool(bins[0] < a), bool(after_end == bins[-1]))
        notes = _timeline_notes(freq, outside, week_ticks=week_ticks, partial=partial)
        scope, scope_alt = _city_scope(inside, cities_in_data)
        if scope:
            sub += f"; {scope}"
        if title is None:
            n_places = inside["place"].nunique()
            among = f"{ap_number(n_places)} of {ap_number(cities_in_data or 0)} cities"
            title = _timeline_title(data, freq, among=among if scope else "")
        style.frame(fig, ax, title=title, subtitle=sub, source=source, notes=notes, plot_height=2.6)
        ticked = {t for t, _ in ticks} if freq == "day" else set()
        _label_marked(ax, marked, freq, ticked)

    alt = _timeline_alt(data, freq, period, marked) + (f" {scope_alt}" if scope else "")
    return _finish(fig, ChartInfo(title, sub, alt, source, notes, data))


def _marked_days(marked_days: Any) -> dict[pd.Timestamp, str]:
    """``marked_days`` as {day: label}; a string (papermill ``-p marked_days '{}'``) is refused."""
    if marked_days is None:
        return {}
    if isinstance(marked_days, (str, bytes)) or not isinstance(marked_days, Mapping):
        raise TypeError(
            "marked_days must be a mapping of dates to labels, like "
            "{'2026-01-30': 'National strike'}, not "
            f"{type(marked_days).__name__} {marked_days!r}. From papermill pass it as YAML, "
            "-y 'marked_days: {}' (papermill's -p passes a string)."
        )
    return {pd.Timestamp(k).normalize(): str(v) for k, v in marked_days.items()}


def _bins(a: pd.Timestamp, b: pd.Timestamp, freq: str) -> pd.DatetimeIndex:
    if freq == "day":
        return pd.date_range(a, b, freq="D")
    if freq == "week":
        return pd.date_range(a - pd.Timedelta(days=a.day_of_week), b, freq="W-MON")
    return pd.date_range(a.replace(day=1), b, freq="MS")


def _week_ticks(starts: pd.Series) -> list[tuple[pd.Timestamp, str]]:
    """Week-start labels, AP style: "May 28", "June 4", "11", "18" (the month when it changes)."""
    out: list[tuple[pd.Timestamp, str]] = []
    month = None
    for t in pd.to_datetime(starts):
        out.append((t, ap_date(t) if t.month != month else str(t.day)))
        month = t.month
    return out


def _bin_of(dates: pd.Series, freq: str) -> pd.Series:
    d = pd.to_datetime(dates).dt.normalize()
    if freq == "day":
        return d
    if freq == "week":
        return d - pd.to_timedelta(d.dt.day_of_week, unit="D")
    return d.dt.to_period("M").dt.start_time


def _bin_label(d: pd.Timestamp, freq: str) -> str:
    if freq == "day":
        return ap_date(d)
    if freq == "week":
        return f"Week of {ap_date(d, year=True)}"
    return style.ap_month(d, year=True)


def _label_marked(
    ax: Any,
    marked: dict[pd.Timestamp, str],
    freq: str,
    ticked: set[pd.Timestamp],
) -> None:
    """Label marked days (all inside the period) at the top of the plot, stepping down on collision.

    A day without its own tick label gets its date in the label ("Jan. 30: National strike").
    """
    renderer = ax.get_figure().canvas.get_renderer()
    ax_box = ax.get_window_extent(renderer)
    placed = []
    for day, label in sorted(marked.items()):
        xd = date2num(day.to_pydatetime())
        edge = 0.5 if freq == "day" else 0.0
        text = label if day in ticked else f"{ap_date(day)}: {label}"
        for level in range(4):
            # Centered over its shaded day; at a plot edge, flush with the day's outer side.
            t = ax.annotate(
                text,
                (xd, 1),
                xycoords=("data", "axes fraction"),
                xytext=(0, -2 - 12 * level),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=8.5,
                color=INK,
                gid="turnout-marked",
            )
            t.set_parse_math(False)
            box = t.get_window_extent(renderer)
            if box.x1 > ax_box.x1 or box.x0 < ax_box.x0:
                right = box.x1 > ax_box.x1
                t.xy = (xd + edge if right else xd - edge, 1)
                t.set_ha("right" if right else "left")
                box = t.get_window_extent(renderer)
            if not any(box.overlaps(p) for p in placed):
                placed.append(box)
                break
            t.remove()


def _timeline_title(data: pd.DataFrame, freq: str, *, among: str = "") -> str:
    """The busiest day (week, month), attributed: the counts are what sources reported.

    ``among`` ("three of 10 cities") says the chart covers only some of the data's cities.
    """
    top = int(data["events"].max())
    peaks = data[data["events"].eq(top)]
    events = _plural(top, "event")
    what = f"Reported protests in {among}" if among else "Reported protests"
    if len(data) == 1:
        r = data.iloc[0]
        cities = _plural(int(r["cities"]), "city", "cities")
        return f"{what} {_when([r['date']], freq)}: {events} in {cities}"
    if len(peaks) == 1:
        r = peaks.iloc[0]
        cities = _plural(int(r["cities"]), "city", "cities")
        return f"{what} peaked {_when([r['date']], freq)}: {events} in {cities}"
    if len(peaks) == len(data):
        span = ap_period(data["date"].iloc[0], data["date"].iloc[-1])
        return f"{what}: {events} each {freq}, {span}"
    if len(peaks) > 3:
        on = "on" if freq == "day" else "in"
        return f"{what} peaked at {events} a {freq}, {on} {_plural(len(peaks), freq)}"
    return f"{what} peaked {_when(list(peaks['date']), freq)}: {events} each"


def _when(dates: list[Any], freq: str) -> str:
    """When, for a headline: "on June 1 and 14", "in the week of June 11, 2018", "in May 2018"."""
    days = [pd.Timestamp(d) for d in dates]
    last = days[-1]
    if freq == "month":
        names = [style.ap_month(d, year=d is last or d.year != last.year) for d in days]
        return "in " + style.join_words(names)
    if freq == "day":
        # Days of one month share it ("June 1 and 14"); across months each has its own.
        one_month = len({(d.year, d.month) for d in days}) == 1
        names = [str(d.day) if one_month and i else ap_date(d) for i, d in enumerate(days)]
        return "on " + style.join_words(names)
    names = [ap_date(d, year=d.year != last.year) for d in days]
    weeks = "weeks" if len(days) > 1 else "week"
    return f"in the {weeks} of {style.join_words(names)}, {last.year}"


def _timeline_notes(
    freq: str, outside: int, *, week_ticks: bool, partial: tuple[bool, bool]
) -> str:
    parts = ["An event is one protest in one place on one day, whatever its size."]
    if freq != "day":
        per = "week, Monday to Sunday" if freq == "week" else freq
        labeled = ", each labeled by its Monday" if week_ticks else ""
        parts.append(
            f"Counted per {per}{labeled}; cities: distinct cities with at least one event."
        )
        which = {
            (True, True): f"The first and last {freq}s count",
            (True, False): f"The first {freq} counts",
            (False, True): f"The last {freq} counts",
        }.get(partial)
        if which:
            parts.append(f"{which} only days inside the period.")
    if outside:
        parts.append(f"Not shown: {_plural(outside, 'event')} outside this period.")
    return " ".join(parts)


def _timeline_alt(
    data: pd.DataFrame, freq: str, period: str, marked: dict[pd.Timestamp, str]
) -> str:
    total = int(data["events"].sum())
    text = (
        f"Bar chart of protest events per {freq}, {period}, with the number of cities that had "
        f"at least one. In all, {_plural(total, 'event')}. "
    )
    busy = data[data["events"] > 0]
    if len(busy) <= 31:
        text += (
            "By "
            + freq
            + ": "
            + "; ".join(
                f"{r['label']}, {_plural(int(r['events']), 'event')} in "
                f"{_plural(int(r['cities']), 'city', 'cities')}"
                for _, r in busy.iterrows()
            )
            + "."
        )
        empty = len(data) - len(busy)
        if empty:
            text += f" No events on {_plural(empty, freq)}."
    else:
        top = data.sort_values("events", ascending=False).head(3)
        text += (
            "Busiest: "
            + "; ".join(
                f"{r['label']}, {_plural(int(r['events']), 'event')}" for _, r in top.iterrows()
            )
            + "."
        )
    shown = [f"{ap_date(d)}, {label}" for d, label in sorted(marked.items())]
    if shown:
        text += " Marked: " + "; ".join(shown) + "."
    return text
