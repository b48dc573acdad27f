"""Temperature against attendance: crowd size (log scale) by °F, as reported and as observed.

:func:`temperature_spec` works the chart out (one row of ``data`` per mark, its scales,
its words) with no drawing; :func:`temperature_vs_attendance` draws it with matplotlib
(:mod:`turnout.charts.temperature_marks`) and :mod:`turnout.embeds.temperature` as an
embed.

>>> import turnout
>>> temperature_spec(turnout.load_events()).title
'Only two of 18 protests report both a crowd size and a temperature'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from turnout.ap import (
    ap_count,
    ap_date,
    ap_number,
    fmt_degrees,
    join_places,
    join_words,
    n_of,
    sentence,
    source_line,
)
from turnout.charts import rows
from turnout.charts.specs import ChartSpec, left_out_spec
from turnout.noaa import NOAA_CREDIT
from turnout.ranking import possessive
from turnout.weather import OBSERVED_COLUMNS  # added to the data with a station's record

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

KIND = "temperature-vs-attendance"

#: Fewer events than this with both a crowd size and a temperature make the scarcity the headline.
MIN_TEMPERATURE_POINTS = 5


class TemperatureOptions(NamedTuple):
    """The scales both renderers draw on, and how far each mark is lifted off another's.

    >>> import turnout
    >>> temperature_spec(turnout.load_events()).options.xlim
    (5, 35)
    """

    #: The temperature axis, °F, on round 5° steps with room for bound arrows.
    xlim: tuple[float, float]
    #: The log crowd axis's limits and its labelled ticks.
    ylim: tuple[float, float]
    yticks: tuple[float, ...]
    #: Points each mark (a row of ``data``) is drawn above its crowd size: a station's line
    #: that would lie on another event's report is lifted.
    dodge: tuple[float, ...]


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
    from turnout.charts.base import draw

    return draw(temperature_spec(events, title=title))


def temperature_spec(events: pd.DataFrame, *, title: str | None = None) -> ChartSpec:
    """The temperature chart's spec (see :func:`temperature_vs_attendance`), no drawing.

    >>> import turnout
    >>> sorted(temperature_spec(turnout.load_events()).data["mark"])
    ['reported at most', 'reported reading']
    """
    ev, dated_out = rows.in_period(rows.prepare(events))
    source = source_line(ev)
    period = rows.period(ev)
    columns = _TEMP_COLUMNS + (OBSERVED_COLUMNS if _observed_columns(ev) else [])
    observed = ev["temp_obs_low_f"].notna() | ev["temp_obs_high_f"].notna()
    lo, hi = ev["temp_f_low"], ev["temp_f_high"]
    reported = lo.notna() | hi.notna()
    # Words with no number stay listed even when a station's record is drawn for the event.
    relative = ~reported & (
        ev["temp_label"].astype("str").eq("relative") | ev["temp_text"].map(rows.text).ne("")
    )
    counted = ev["size_low"].notna()
    both = counted & (reported | observed)
    n_total, n_both = len(ev), int(both.sum())
    n_rep, n_obs = int((counted & reported).sum()), int((counted & observed).sum())
    sub = f"Number of people by temperature in °F, events that report both, {period}"
    if n_obs:
        sub = (
            f"Number of people by temperature in °F, as reported and as observed at a weather "
            f"station, {period}"
        )
        source = f"{source}; {NOAA_CREDIT}"
    rel_note = _relative_note(ev[relative & counted])
    if ev.empty:
        return left_out_spec(KIND, title=title, source=source, columns=columns)
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
        return left_out_spec(
            KIND,
            title=title or lacking[0],
            message=f"No event in this selection reports {lacking[1]}.",
            subtitle=sub,
            source=source,
            notes=rel_note,
            columns=columns,
        )
    marks = _temperature_marks(ev[both])
    options = _scales(marks)
    notes = _temperature_notes(ev, marks, n_total, n_rep, n_obs, rel_note)
    notes = f"{notes} {dated_out}".strip()
    if any(options.dodge):
        notes += (
            " Where a station’s line would lie on another protest’s mark at the same crowd "
            "size, it is drawn just above."
        )
    if title is None:
        title = _temperature_title(marks, n_total, n_both, n_obs)
    alt = _temperature_alt(marks, _temperature_counts(n_total, n_rep, n_obs), period, rel_note)
    data = marks[columns].reset_index(drop=True)
    return ChartSpec(title, sub, alt, source, notes, data, kind=KIND, options=options)


def _scales(marks: pd.DataFrame) -> TemperatureOptions:
    xmin, xmax = _temperature_xlim(marks)
    ymin, ymax, yticks = _log_limits(
        float(marks["size_low"].min()), float(marks["size_high"].max())
    )
    dodge = tuple(float(v) for v in _dodge(marks, xmin, xmax))
    return TemperatureOptions((xmin, xmax), (ymin, ymax), tuple(yticks), dodge)


#: The columns of the chart's data: one row per mark, with the words it rests on.
_TEMP_COLUMNS = [
    "mark", "place", "city", "state_code", "date", "row", "temp_f", "temp_f_low", "temp_f_high",
    "temp_text", "temp_label", "size_low", "size_high", "size_qualifier", "size_plotted",
    "size_text",
    "source_name", "source_date", "source_url", "source_quote",
]  # fmt: skip


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
    found: list[dict[str, Any]] = []
    for _, r in ev.iterrows():
        lo, hi = r["temp_f_low"], r["temp_f_high"]
        obs_lo, obs_hi = r["temp_obs_low_f"], r["temp_obs_high_f"]
        mean = r["size_mean"] if "size_mean" in r and pd.notna(r.get("size_mean")) else None
        y = float(mean) if mean is not None else (r["size_low"] + r["size_high"]) / 2
        shared = {
            "place": r["place"],
            "city": r["city"],
            "state_code": rows.text(r["state_code"]),
            "date": r["date"],
            "row": int(r["row"]),
            "temp_text": rows.text(r["temp_text"]),
            "temp_label": rows.text(r["temp_label"]),
            "size_low": r["size_low"],
            "size_high": r["size_high"],
            "size_qualifier": rows.text(r["size_qualifier"]),  # "at least": a floor, "2,000+"
            "size_plotted": y,
            "size_text": rows.text(r["size_text"]),
            "source_name": rows.text(r["source_name"]),
            "source_date": rows.text(r["source_date"]),
            "source_url": rows.text(r["source_url"]),
            "source_quote": rows.text(r["source_quote"]),
            "temp_f_low": lo,
            "temp_f_high": hi,
            "station": rows.text(r["station"]),
            "temp_obs_low_f": obs_lo,
            "temp_obs_high_f": obs_hi,
        }
        if pd.notna(lo) and pd.notna(hi):
            kind = "reported reading" if lo == hi else "reported range"
            found.append({**shared, "mark": kind, "temp_f": lo if lo == hi else np.nan})
        elif pd.notna(hi):
            found.append({**shared, "mark": "reported at most", "temp_f": np.nan})
        elif pd.notna(lo):
            found.append({**shared, "mark": "reported at least", "temp_f": np.nan})
        if pd.notna(obs_lo) or pd.notna(obs_hi):
            # A station that reported only one extreme gives one diamond, never a made-up range.
            a = float(obs_lo if pd.notna(obs_lo) else obs_hi)
            b = float(obs_hi if pd.notna(obs_hi) else obs_lo)
            kind, temp = ("observed", a) if a == b else ("observed range", np.nan)
            found.append(
                {**shared, "mark": kind, "temp_f": temp, "temp_f_low": a, "temp_f_high": b}
            )
    return pd.DataFrame(found, columns=[*_TEMP_COLUMNS, *OBSERVED_COLUMNS])


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


def _anchor_x(m: pd.Series) -> float:
    """Where a mark stands on the temperature axis: its reading, range middle or bound."""
    if pd.notna(m["temp_f"]):
        return float(m["temp_f"])
    if pd.notna(m["temp_f_low"]) and pd.notna(m["temp_f_high"]):
        return (m["temp_f_low"] + m["temp_f_high"]) / 2
    return float(m["temp_f_high"] if pd.notna(m["temp_f_high"]) else m["temp_f_low"])


def _relative_note(rel: pd.DataFrame) -> str:
    if rel.empty:
        return ""
    items = [
        f"{r['place']}, {ap_date(r['date'])} (“{rows.text(r['temp_text'])}”)"
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
    parts.append(rows.word_rules(marks.drop_duplicates("row")))
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
    return f"; {possessive(r['city'])} “{rows.text(r['temp_text'])}” {verb}"


def _temperature_alt(marks: pd.DataFrame, counts: str, period: str, rel_note: str) -> str:
    items = []
    for _, m in marks.sort_values(["size_plotted"], ascending=False).head(12).iterrows():
        one = not m["size_high"] > m["size_low"]
        floor, ceiling = (m["size_qualifier"] == q and one for q in ("at least", "at most"))
        size = rows.hedged(m["size_low"], m["size_high"], floor, ceiling, text=True)
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
        words = rows.words_aside(m["size_text"], size)
        items.append(f"{m['place']}, {ap_date(m['date'])}: {size} {people}{words} at {temp}")
    more = f" and {ap_count(len(marks) - 12, 'more mark')}" if len(marks) > 12 else ""
    text = (
        f"Chart of crowd size on a log scale against temperature in degrees Fahrenheit, {period}. "
        f"{counts.removesuffix('.')}: {'; '.join(items)}{more}."
    )
    return text + (f" {rel_note}" if rel_note else "")
