"""Temperature against attendance: crowd size (log scale) by °F, as reported and as observed.

The chart's function and its words (headline, notes, alt text) live here; the marks it
draws (points, ranges, arrows, a station's day) and their labels are
:mod:`turnout.charts.temperature_marks`.

>>> import turnout
>>> from turnout.charts import chart_info
>>> chart_info(temperature_vs_attendance(turnout.load_events())).title
'Only two of 18 protests report both a crowd size and a temperature'
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerPatch
from matplotlib.ticker import FixedLocator, MaxNLocator, NullLocator

from turnout import style
from turnout.ap import (
    ap_count,
    ap_date,
    ap_number,
    ap_range,
    fmt_degrees,
    join_places,
    join_words,
    n_of,
    sentence,
    source_line,
)
from turnout.charts import base
from turnout.charts.base import ChartInfo, chart_kind
from turnout.charts.temperature_marks import (
    _TEMP_COLUMNS,
    _arrow_key,
    _BoundHandle,
    _dodge,
    _draw_temperature_marks,
    _label_temperature_marks,
    _legend_columns,
    _log_limits,
    _observed_columns,
    _temperature_legend,
    _temperature_marks,
    _temperature_xlim,
)
from turnout.noaa import NOAA_CREDIT
from turnout.ranking import possessive
from turnout.style import GREY, INK_SOFT
from turnout.weather import OBSERVED_COLUMNS  # added to the data with a station's record

#: Fewer events than this with both a crowd size and a temperature make the scarcity the headline.
MIN_TEMPERATURE_POINTS = 5


@chart_kind("temperature-vs-attendance")
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
    >>> from turnout.charts import chart_info
    >>> fig = temperature_vs_attendance(turnout.load_events())
    >>> sorted(chart_info(fig).data["mark"])
    ['reported at most', 'reported reading']
    """
    ev, dated_out = base.in_period(base.prepare(events))
    source = source_line(ev)
    period = base.period(ev)
    columns = _TEMP_COLUMNS + (OBSERVED_COLUMNS if _observed_columns(ev) else [])
    observed = ev["temp_obs_low_f"].notna() | ev["temp_obs_high_f"].notna()
    lo, hi = ev["temp_f_low"], ev["temp_f_high"]
    reported = lo.notna() | hi.notna()
    # Words with no number stay listed even when a station's record is drawn for the event.
    relative = ~reported & (
        ev["temp_label"].astype("str").eq("relative") | ev["temp_text"].map(base.text).ne("")
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
        return base.message_figure(
            title=title,
            source=source,
            columns=columns,
        )
    # Nothing to plot: the headline and message say what is missing.
    lacking: tuple[str, str] | None = None
    if not (reported | observed).any():
        lacking = ("No temperatures to chart", "a temperature")
    elif n_both == 0:
        lacking = (
            "No event gives both a crowd size and a temperature",
            "both a number of people and a temperature",
        )
    if lacking:
        return base.message_figure(
            title=title or lacking[0],
            message=f"No event in this selection reports {lacking[1]}.",
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
        notes = f"{notes} {dated_out}".strip()
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
                f" Labels are left off {ap_count(dropped, 'event')} where marks crowd; "
                "the chart’s data file names every mark."
            )
            style.frame(fig, ax, notes=notes, **frame)  # same plot size: the labels stay put

    alt = _temperature_alt(marks, _temperature_counts(n_total, n_rep, n_obs), period, rel_note)
    data = marks[columns].reset_index(drop=True)
    return base.finish(fig, ChartInfo(title, sub, alt, source, notes, data))


def _relative_note(rel: pd.DataFrame) -> str:
    if rel.empty:
        return ""
    items = [
        f"{r['place']}, {ap_date(r['date'])} (“{base.text(r['temp_text'])}”)"
        for _, r in rel.iterrows()
    ]
    return sentence(
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
            f"{who} {verb} only a bound ({', '.join(words[:3])}), drawn as an arrow "
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
            f"Not shown: {ap_count(len(no_count), 'event')} with a temperature but no count."
        )
    parts.append(rel_note)
    parts.append(base.word_rules(marks.drop_duplicates("row")))
    return " ".join(p for p in parts if p)


def _temperature_counts(n_total: int, n_rep: int, n_obs: int) -> str:
    """How many events have what: "Two of 18 events report both a number of people and a
    temperature." and, with a weather file, how many have a station's record for their day."""
    if n_rep or not n_obs:
        opening = n_of(n_rep, n_total, "event", "report", "reports")
        text = f"{opening} both a number of people and a temperature."
    else:
        none = f"None of {ap_count(n_total, 'event')}"
        text = f"{none} reports both a number of people and a temperature."
    if n_obs:
        opening = n_of(n_obs, n_total, "event", "have", "has")
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
                f"Just {ap_count(n_both, 'protest')} {verb} both a crowd size and a temperature"
                + tail
            )
        verb = (
            ("has" if n_both == 1 else "have")
            if n_obs
            else ("reports" if n_both == 1 else "report")
        )
        share = f"{ap_number(n_both)} of {ap_count(n_total, 'protest')}"
        who = f"Only {share}" if 2 * n_both <= n_total else share[0].upper() + share[1:]
        return f"{who} {verb} both a crowd size and a temperature{tail}"
    exact = marks[marks["mark"].isin(["reported reading", "observed", "observed range"])]
    if exact.empty:
        n = marks["row"].nunique()
        return f"None of the {ap_count(n, 'protest')} with a count gives an exact temperature"
    coldest = exact.assign(
        _t=exact["temp_f"].fillna(exact["temp_f_low"]),
        _obs=exact["mark"].str.startswith("observed"),
    ).sort_values(["_t", "size_plotted", "_obs"], ascending=[True, False, True])
    m = coldest.iloc[0]
    degrees = fmt_degrees(m["_t"])
    # Ties share the headline; a bound or range that was (or may have been) colder is said.
    who = join_words(list(dict.fromkeys(coldest.loc[coldest["_t"].eq(m["_t"]), "city"])), limit=3)
    colder = _colder_than(marks, m["_t"])
    if not n_obs:
        return f"{who} protesters turned out at {degrees}, the coldest reading reported{colder}"
    when = (
        f"at {degrees}" if m["mark"] == "reported reading" else f"on a day that fell to {degrees}"
    )
    return f"{who} protesters turned out {when}, the coldest reading reported or observed{colder}"


def _colder_than(marks: pd.DataFrame, degrees: float) -> str:
    """ "; Duluth’s “below zero” was colder": reports with no exact reading that lie (a bound
    wholly below) or may lie (a range reaching below) under the coldest reading; "" if none."""
    below = marks["mark"].eq("reported at most") & (marks["temp_f_high"] < degrees)
    reach = marks["mark"].eq("reported range") & (marks["temp_f_low"] < degrees)
    found = marks[below | reach].drop_duplicates("row")
    if found.empty:
        return ""
    if len(found) > 1:
        return f"; {ap_count(len(found), 'other report')} may have been colder"
    r = found.iloc[0]
    verb = "was colder" if r["mark"] == "reported at most" else "may have been colder"
    return f"; {possessive(r['city'])} “{base.text(r['temp_text'])}” {verb}"


def _temperature_alt(marks: pd.DataFrame, counts: str, period: str, rel_note: str) -> str:
    items = []
    for _, m in marks.sort_values(["size_plotted"], ascending=False).head(12).iterrows():
        floor = m["size_qualifier"] == "at least" and not m["size_high"] > m["size_low"]
        size = ap_range(m["size_low"], m["size_high"]) + ("+" if floor else "")
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
        words = base.words_aside(m["size_text"], size)
        items.append(f"{m['place']}, {ap_date(m['date'])}: {size} {people}{words} at {temp}")
    more = f" and {ap_count(len(marks) - 12, 'more mark')}" if len(marks) > 12 else ""
    text = (
        f"Chart of crowd size on a log scale against temperature in degrees Fahrenheit, {period}. "
        f"{counts.removesuffix('.')}: {'; '.join(items)}{more}."
    )
    return text + (f" {rel_note}" if rel_note else "")
