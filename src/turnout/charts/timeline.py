"""Timeline density: protest events per day (week, month), and the cities that had one.

>>> import turnout
>>> from turnout.charts import chart_info
>>> chart_info(timeline_density(turnout.load_events())).data["events"].sum()
np.int64(18)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from turnout import style
from turnout.ap import (
    ap_count,
    ap_date,
    ap_month,
    ap_number,
    ap_period,
    join_words,
    source_line,
)
from turnout.charts import base
from turnout.charts.base import BLUE, VERMILLION, ChartInfo, chart_kind
from turnout.style import GREY, GREY_LIGHT, INK

_TIME_COLUMNS = ["date", "label", "events", "cities", "marked", "rows", "places", "source_quote"]


@chart_kind("timeline-density")
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

    ``start``/``end`` fix the period (default: the one a selection asked for,
    :func:`turnout.select_events`, else the data's first and last day);
    days without events show as gaps, not missing. ``marked_days`` maps a date
    to a label drawn as a shaded, annotated day ({"2026-01-30": "National
    strike"}); days outside the period are left out everywhere (drawing, data,
    notes, alt text), so one set of story dates can serve any selection. Long
    periods (CCC years) are counted per week or month (``freq="auto"``), and
    the subtitle says which. ``cities_in_data`` is as in :func:`turnout_by_city`:
    a chart of some of the data's cities says so in headline, subtitle and alt text.

    >>> import turnout
    >>> from turnout.charts import chart_info
    >>> fig = timeline_density(turnout.load_events(), start="2026-01-23",
    ...     end="2026-02-02", marked_days={"2026-01-30": "National strike"})
    >>> chart_info(fig).data.loc[chart_info(fig).data.events.idxmax(), "label"]
    'Jan. 30'
    """
    marked_all = _marked_days(marked_days)
    ev, dated_out = base.in_period(base.prepare(events))
    ev = ev[ev["date"].notna()]
    asked_start, asked_end = base.asked_days(ev)  # the period a selection asked for
    start = start if start is not None else asked_start
    end = end if end is not None else asked_end
    source = source_line(ev)
    if ev.empty and (start is None or end is None):
        return base.message_figure(
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
        return base.message_figure(
            title=title or "No protests in this period",
            message=f"No events in this selection, {period}.",
            subtitle="",
            source=source,
            notes=f"Not shown: {ap_count(outside, 'event')} outside the period." if outside else "",
            columns=_TIME_COLUMNS,
        )

    n_days = (b - a).days + 1
    if n_days == 1:
        # One day is one bar: a timeline of it says nothing a sentence cannot.
        n_places = inside["place"].nunique()
        return base.message_figure(
            title=title or f"Every reported protest is on one day, {period}",
            message=(
                f"A timeline needs more than one day; all {ap_count(len(inside), 'event')} in "
                f"this selection, in {ap_count(n_places, 'city', 'cities')}, are on {period}."
                if len(inside) > 1
                else f"A timeline needs more than one day; the one event in this selection is "
                f"on {period}."
            ),
            source=source,
            columns=_TIME_COLUMNS,
        )
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
            source_quote=(
                "source_quote",
                lambda s: " | ".join(base.text(v) for v in s if base.text(v)),
            ),
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
                color=VERMILLION,  # the embed's and phone PNG's colour: one orange on light
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
        top = int(data[["events", "cities"]].to_numpy().max())
        # Headroom for the marked-day labels, which sit inside the plot at the top.
        style.count_axis(ax, top, "y", headroom=max(1.28, (top + 1.5) / top) if marked else 1.0)
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
        notes = f"{notes} {dated_out}".strip()
        scope, scope_alt = base.city_scope(inside, cities_in_data)
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
    return base.finish(fig, ChartInfo(title, sub, alt, source, notes, data))


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
    return ap_month(d, year=True)


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
    events = ap_count(top, "event")
    what = f"Reported protests in {among}" if among else "Reported protests"
    if len(data) == 1:
        r = data.iloc[0]
        cities = ap_count(int(r["cities"]), "city", "cities")
        return f"{what} {_when([r['date']], freq)}: {events} in {cities}"
    if len(peaks) == 1:
        r = peaks.iloc[0]
        cities = ap_count(int(r["cities"]), "city", "cities")
        return f"{what} peaked {_when([r['date']], freq)}: {events} in {cities}"
    if len(peaks) == len(data):
        span = ap_period(data["date"].iloc[0], data["date"].iloc[-1])
        return f"{what}: {events} each {freq}, {span}"
    if len(peaks) > 3:
        on = "on" if freq == "day" else "in"
        return f"{what} peaked at {events} a {freq}, {on} {ap_count(len(peaks), freq)}"
    return f"{what} peaked {_when(list(peaks['date']), freq)}: {events} each"


def _when(dates: list[Any], freq: str) -> str:
    """When, for a headline: "on June 1 and 14", "in the week of June 11, 2018", "in May 2018"."""
    days = [pd.Timestamp(d) for d in dates]
    last = days[-1]
    if freq == "month":
        names = [ap_month(d, year=d is last or d.year != last.year) for d in days]
        return "in " + join_words(names)
    if freq == "day":
        # Days of one month share it ("June 1 and 14"); across months each has its own.
        one_month = len({(d.year, d.month) for d in days}) == 1
        names = [str(d.day) if one_month and i else ap_date(d) for i, d in enumerate(days)]
        return "on " + join_words(names)
    names = [ap_date(d, year=d.year != last.year) for d in days]
    weeks = "weeks" if len(days) > 1 else "week"
    return f"in the {weeks} of {join_words(names)}, {last.year}"


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
        parts.append(f"Not shown: {ap_count(outside, 'event')} outside this period.")
    return " ".join(parts)


def _timeline_alt(
    data: pd.DataFrame, freq: str, period: str, marked: dict[pd.Timestamp, str]
) -> str:
    total = int(data["events"].sum())
    text = (
        f"Bar chart of protest events per {freq}, {period}, with the number of cities that had "
        f"at least one. In all, {ap_count(total, 'event')}. "
    )
    busy = data[data["events"] > 0]
    if len(busy) <= 31:
        text += (
            "By "
            + freq
            + ": "
            + "; ".join(
                f"{r['label']}, {ap_count(int(r['events']), 'event')} in "
                f"{ap_count(int(r['cities']), 'city', 'cities')}"
                for _, r in busy.iterrows()
            )
            + "."
        )
        empty = len(data) - len(busy)
        if empty:
            text += f" No events on {ap_count(empty, freq)}."
    else:
        top = data.sort_values("events", ascending=False).head(3)
        text += (
            "Busiest: "
            + "; ".join(
                f"{r['label']}, {ap_count(int(r['events']), 'event')}" for _, r in top.iterrows()
            )
            + "."
        )
    shown = [f"{ap_date(d)}, {label}" for d, label in sorted(marked.items())]
    if shown:
        text += " Marked: " + "; ".join(shown) + "."
    return text
