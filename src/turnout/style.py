"""turnout's house style: the look of every chart.

A newsroom chart is a headline that states the finding, a subtitle with the
measure, units and period, the chart, a notes line on method and a source line.
This module draws that frame, wraps headlines and notes to it without ever
splitting a date ("June" / "14"), and formats axes and ticks. The words
themselves (AP dates, counts, places, the source line) are :mod:`turnout.ap`'s.

Figures are 6.4 in wide at 100 dpi (640 px, the width of a phone-to-desktop
article column) and grow in height with their notes; text is never below
8.5 pt (about 12 px at 640 px). The palette is Okabe-Ito, safe for the common
forms of colour blindness. Only DejaVu Sans, which ships with matplotlib, is used.

>>> with use_style():
...     fig = new_figure()
...     ax = fig.add_subplot()
...     _ = ax.plot([1, 2, 3])
...     frame(fig, ax, title="Crowds grew", subtitle="People per day",
...           source="Source: Workers World, Feb. 3, 2026")
>>> [t.get_text() for t in fig.texts][:2]
['Crowds grew', 'People per day']
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.style
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from turnout.ap import AP_MONTHS, ap_date, fmt_count

# The colours and width are turnout.palette's (no matplotlib there: the embeds use them too).
from turnout.palette import (  # noqa: F401
    GREY,
    GREY_LIGHT,
    INK,
    INK_SOFT,
    OKABE_ITO,
    PALETTE,
    WIDTH,
)

#: The style sheet shipped inside the package.
STYLE_PATH = Path(__file__).with_name("turnout.mplstyle")

# Type sizes in points (x 1.39 = px at 100 dpi).
TITLE_SIZE = 13.0
SUBTITLE_SIZE = 10.0
NOTE_SIZE = 8.5
LABEL_SIZE = 9.0

# Frame geometry in inches.
_MARGIN_X = 0.16
_MARGIN_TOP = 0.14
_MARGIN_BOTTOM = 0.12
_GAP_TITLE = 0.05
_GAP_HEADER = 0.16
_GAP_FOOTER = 0.16
_GAP_NOTES = 0.05

# ---------------------------------------------------------------- style sheet


@contextlib.contextmanager
def use_style() -> Iterator[None]:
    """Apply turnout's style inside a ``with`` block; the previous settings come back after.

    >>> import matplotlib
    >>> with use_style():
    ...     matplotlib.rcParams["axes.spines.top"]
    False
    """
    with matplotlib.style.context(STYLE_PATH):
        yield


def apply_style() -> None:
    """Make turnout's style the session default (for a notebook's own extra charts)."""
    matplotlib.style.use(STYLE_PATH)


class NewsFigure(Figure):
    """A matplotlib Figure that shows itself in Jupyter as a 640 px PNG with its alt text.

    Charts are built on plain Figures (not pyplot), so nothing is shown twice
    and nothing is kept alive by pyplot's figure registry. A chart's alt text
    (set by :mod:`turnout.charts`) becomes the output's plain text and the
    image's ``alt`` metadata, so even a bare ``fig`` at the end of a cell is
    accessible.
    """

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
        import base64
        import io

        buf = io.BytesIO()
        with use_style():
            self.savefig(buf, format="png", dpi=100, metadata={"Software": None})
        width, height = self.get_size_inches()
        info = getattr(self, "_turnout_info", None)
        alt = str(getattr(info, "alt", "") or getattr(info, "title", "") or "A chart")
        meta = {"width": round(width * 100), "height": round(height * 100), "alt": alt}
        data = {"image/png": base64.b64encode(buf.getvalue()).decode("ascii"), "text/plain": alt}
        return data, {"image/png": meta}


def new_figure(height: float = 4.6) -> NewsFigure:
    """A blank 6.4 in figure with an Agg canvas (so text can be measured without pyplot).

    Call inside :func:`use_style` so the figure picks up the house style.

    >>> with use_style():
    ...     new_figure().get_size_inches().tolist()
    [6.4, 4.6]
    """
    fig = NewsFigure(figsize=(WIDTH, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


# ---------------------------------------------------------------- the frame


def _font(size: float, weight: str = "normal") -> FontProperties:
    return FontProperties(size=size, weight=weight)


def _renderer(fig: Figure) -> Any:
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    return canvas.get_renderer()


def wrap_text(
    text: str, width_px: float, prop: FontProperties, renderer: Any, *, balance: bool = False
) -> str:
    """Break ``text`` into lines no wider than ``width_px`` as rendered (words are never split).

    Existing line breaks are kept. A date is never split across lines ("June" /
    "14"), nor a number from its unit, and no line starts with a lone "+"; the
    text itself keeps ordinary spaces (no non-breaking ones to leak into data).
    Measuring with the renderer, not counting characters, is what keeps a
    proportional font inside the frame. With ``balance`` the lines are evened
    out (no one-word last line under a headline): the narrowest width that
    needs no more lines is used.
    """
    widths: dict[str, float] = {}  # the bisection re-measures the same lines: once each

    def width(line: str) -> float:
        if line not in widths:
            widths[line] = renderer.get_text_width_height_descent(line, prop, ismath=False)[0]
        return widths[line]

    wrapped = _wrap_greedy(text, width_px, width)
    n = wrapped.count("\n")
    if not balance or n == 0:
        return wrapped
    lo, hi = width_px / (n + 1), width_px
    for _ in range(12):  # bisect the width; 12 steps is well under a pixel
        mid = (lo + hi) / 2
        if _wrap_greedy(text, mid, width).count("\n") > n:
            lo = mid
        else:
            hi = mid
    return _wrap_greedy(text, hi, width)


# A month as written before a day ("Jan.", "June"), possibly after a range hyphen ("23-Feb.").
_MONTH_WORD = re.compile(
    r"(?:^|[-\u2013(\u201c\"'])(?:" + "|".join(re.escape(m) for m in AP_MONTHS.values()) + r")$"
)
_DAY_WORD = re.compile(r"^\d{1,2}(?!\d)")
_UNIT_WORD = re.compile(r"^(?:°[FC]?|[FC]\b|%|mph\b|km/h\b|in\.)")


def _keeps_with_next(word: str, following: str) -> bool:
    """Whether a line may not break between ``word`` and ``following``.

    A date stays whole ("June 14", "Jan. 30", "23-Feb. 2"), a number stays
    with its unit ("9° F", "40 mph"), and a lone symbol ("+", "-") never
    starts a line: it stays with the word before it.
    """
    if _MONTH_WORD.search(word) and _DAY_WORD.match(following):
        return True
    if (word.endswith("°") or word[-1:].isdigit()) and _UNIT_WORD.match(following):
        return True
    return bool(following) and not any(ch.isalnum() for ch in following)


def _units(paragraph: str) -> list[str]:
    """The paragraph's words, with the ones a line must not break between joined by a space."""
    words = paragraph.split(" ")
    units: list[str] = []
    for word in words:
        if units and units[-1] and _keeps_with_next(units[-1].rsplit(" ", 1)[-1], word):
            units[-1] = f"{units[-1]} {word}"
        else:
            units.append(word)
    return units


# A line's width is near the sum of its words' widths (kerning across a space is small):
# only a line whose sum falls this close to the limit is measured whole.
_NEAR = 0.04


def _wrap_greedy(text: str, width_px: float, width: Callable[[str], float]) -> str:
    space = width("a a") - width("aa")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_w = "", 0.0
        for word in _units(paragraph):
            if not line:
                line, line_w = word, width(word)
                continue
            trial = f"{line} {word}"
            trial_w = line_w + space + width(word)
            if abs(trial_w - width_px) <= _NEAR * width_px:
                trial_w = width(trial)  # close to the limit: the rendered width decides
            if trial_w > width_px:
                lines.append(line)
                line, line_w = word, width(word)
            else:
                line, line_w = trial, trial_w
        lines.append(line)
    return "\n".join(lines)


def text_lines(fig: Figure, gid: str) -> str:
    """The text of the frame element ``gid`` ("title", "subtitle", "notes", "source") unwrapped.

    Wrapping inserts line breaks; this undoes them so tests and readers can
    compare with the string the chart was given.
    """
    for t in fig.texts:
        if t.get_gid() == f"turnout-{gid}":
            return " ".join(t.get_text().split("\n"))
    return ""


def _add_text(fig: Figure, gid: str, text: str, size: float, **kw: Any) -> Text:
    return fig.text(0, 0, text, fontsize=size, gid=f"turnout-{gid}", parse_math=False, **kw)


def frame(
    fig: Figure,
    ax: Axes | None,
    *,
    title: str,
    subtitle: str = "",
    source: str = "",
    notes: str = "",
    plot_height: float = 3.0,
    message: str = "",
) -> None:
    """Put the headline, subtitle, notes and source around ``ax`` and size the figure.

    The figure keeps its 6.4 in width; its height becomes header + ``plot_height``
    + footer, so long notes never squeeze the chart. The axes are then moved so
    that everything they draw (tick labels, direct labels, legend) sits inside
    the frame, flush with the headline's left edge. With ``ax=None`` the plot
    area holds ``message`` instead: the honest figure for "nothing to chart".

    >>> with use_style():
    ...     fig = new_figure()
    ...     frame(fig, None, title="No counts", message="No event reports a crowd size")
    >>> text_lines(fig, "message")
    'No event reports a crowd size'
    """
    renderer = _renderer(fig)
    # Framing again (say, after notes changed) replaces the old frame instead of stacking text.
    for old in [t for t in fig.texts if str(t.get_gid() or "").startswith("turnout-")]:
        old.remove()
    width = fig.get_figwidth()
    texts = _FrameTexts(
        title=_block(fig, renderer, "title", title, TITLE_SIZE, "#111111", "bold"),
        subtitle=_block(fig, renderer, "subtitle", subtitle, SUBTITLE_SIZE, "#333333"),
        notes=_block(fig, renderer, "notes", notes, NOTE_SIZE, INK_SOFT),
        source=_block(fig, renderer, "source", source, NOTE_SIZE, INK_SOFT),
        renderer=renderer,
        dpi=fig.dpi,
    )
    header, footer = texts.header(), texts.footer()
    # Whole pixels at 100 dpi, so the 2x PNG is exactly twice the design size.
    height = math.ceil(round((header + plot_height + footer) * 100, 6)) / 100
    fig.set_size_inches(width, height, forward=False)
    texts.place(width, height)
    region = Bbox.from_extents(
        _MARGIN_X / width,
        footer / height,
        1 - _MARGIN_X / width,
        1 - header / height,
    )
    if ax is None:
        if message:
            _message(fig, message, region, renderer)
        return
    _fit_axes(fig, ax, region, renderer)


def _usable_px(fig: Figure) -> float:
    """The width between the frame's margins, in pixels."""
    return float((fig.get_figwidth() - 2 * _MARGIN_X) * fig.dpi)


def _block(
    fig: Figure,
    renderer: Any,
    gid: str,
    text: str,
    size: float,
    color: str,
    weight: str = "normal",
) -> Text | None:
    """One of the frame's texts, wrapped to the frame (None for no words)."""
    if not text:
        return None
    balance = gid in ("title", "subtitle")
    wrapped = wrap_text(text, _usable_px(fig), _font(size, weight), renderer, balance=balance)
    return _add_text(
        fig, gid, wrapped, size, color=color, weight=weight, ha="left", linespacing=1.25
    )


@dataclass(frozen=True)
class _FrameTexts:
    """The frame's four texts (None where there are no words), as the renderer sizes them."""

    title: Text | None
    subtitle: Text | None
    notes: Text | None
    source: Text | None
    renderer: Any
    dpi: float

    def height_in(self, t: Text | None) -> float:
        if t is None:
            return 0.0
        return float(t.get_window_extent(self.renderer).height / self.dpi)

    def header(self) -> float:
        """Inches above the plot: the headline and subtitle, with their margins."""
        header = _MARGIN_TOP + self.height_in(self.title)
        if self.subtitle is not None:
            header += _GAP_TITLE + self.height_in(self.subtitle)
        return header + _GAP_HEADER

    def footer(self) -> float:
        """Inches below the plot: the notes and source line, with their margins."""
        footer = _MARGIN_BOTTOM + self.height_in(self.source)
        if self.notes is not None:
            footer += self.height_in(self.notes) + (_GAP_NOTES if self.source is not None else 0)
        return footer + _GAP_FOOTER

    def place(self, width: float, height: float) -> None:
        """Place the texts in inches from the top and bottom edges."""
        y = height - _MARGIN_TOP
        for t, gap in ((self.title, _GAP_TITLE), (self.subtitle, 0.0)):
            if t is not None:
                t.set_position((_MARGIN_X / width, y / height))
                t.set_verticalalignment("top")
                y -= self.height_in(t) + gap
        y = _MARGIN_BOTTOM
        for t, gap in ((self.source, _GAP_NOTES), (self.notes, 0.0)):
            if t is not None:
                t.set_position((_MARGIN_X / width, y / height))
                t.set_verticalalignment("bottom")
                y += self.height_in(t) + gap


def _message(fig: Figure, message: str, region: Bbox, renderer: Any) -> None:
    """The sentence that stands in the plot area when there is nothing to chart."""
    msg = wrap_text(message, _usable_px(fig) * 0.8, _font(11.5), renderer)
    fig.text(
        0.5,
        (region.y0 + region.y1) / 2,
        msg,
        fontsize=11.5,
        color=INK_SOFT,
        ha="center",
        va="center",
        multialignment="center",
        gid="turnout-message",
        parse_math=False,
    )


def _fit_axes(fig: Figure, ax: Axes, region: Bbox, renderer: Any) -> None:
    """Move ``ax`` so its tight box (ticks, labels, legend, direct labels) fills ``region``."""
    fig_w, fig_h = fig.bbox.width, fig.bbox.height
    ax.set_position(region)
    for _ in range(4):  # tick labels can change as the axes resize; a few passes settle it
        inner = ax.get_window_extent(renderer)
        tight = ax.get_tightbbox(renderer)
        if tight is None:
            return
        left = max(inner.x0 - tight.x0, 0) / fig_w
        right = max(tight.x1 - inner.x1, 0) / fig_w
        bottom = max(inner.y0 - tight.y0, 0) / fig_h
        top = max(tight.y1 - inner.y1, 0) / fig_h
        new = Bbox.from_extents(
            region.x0 + left, region.y0 + bottom, region.x1 - right, region.y1 - top
        )
        if new.width <= 0.05 or new.height <= 0.05:  # labels too wide: keep a usable plot
            new = Bbox.from_extents(
                region.x0 + min(left, region.width * 0.6),
                region.y0 + min(bottom, region.height * 0.5),
                max(region.x1 - right, region.x0 + region.width * 0.7),
                max(region.y1 - top, region.y0 + region.height * 0.6),
            )
        old = ax.get_position()
        ax.set_position(new)
        if abs(old.x0 - new.x0) + abs(old.x1 - new.x1) + abs(old.y0 - new.y0) < 1e-4:
            break


# ---------------------------------------------------------------- axes helpers


def format_count_axis(ax: Axes, axis: str = "y") -> None:
    """Tick labels as counts ("1,000", "1 million"), never 10^3 or 1e6."""
    from matplotlib.ticker import FuncFormatter

    def fmt(value: float, _pos: int) -> str:
        return fmt_count(value) if value >= 1 or value == 0 else f"{value:g}"

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(fmt))


def count_axis(ax: Axes, top: float, axis: str = "y", *, headroom: float = 1.0) -> None:
    """A count axis from 0 whose last tick is at or above ``top``, the largest value drawn.

    A locator left to itself may stop a tick short of the tallest bar (an axis topping out
    at 8 under a bar of 9); here the ticks run to the first round number at or above
    ``top``. ``headroom`` (a factor) leaves room above it for labels inside the plot.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> count_axis(ax, 9)
    >>> float(max(ax.get_yticks())), float(ax.get_ylim()[1])
    (10.0, 10.0)
    """
    from matplotlib.ticker import FixedLocator, MaxNLocator

    top = max(float(top), 1.0)
    ticks = MaxNLocator(5, integer=top > 4, steps=[1, 2, 2.5, 5, 10]).tick_values(0, top)
    ticks = [t for t in ticks if t >= 0]
    last = min(t for t in ticks if t >= top)
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(FixedLocator([t for t in ticks if t <= last]))
    limit = max(last, top * headroom)
    (ax.set_ylim if axis == "y" else ax.set_xlim)(0, limit)
    format_count_axis(ax, axis)


def date_ticks(start: Any, end: Any, *, max_ticks: int = 7) -> list[tuple[pd.Timestamp, str]]:
    """Tick dates and AP labels for a day axis: "Jan. 23", "25", ..., "Feb. 2".

    The first tick and the first tick of each month carry the month; the rest
    carry only the day, the way a graphics desk thins a crowded date axis. Long
    spans tick months ("Jan.", "April", with the year on January) or years.

    >>> [label for _, label in date_ticks("2026-01-23", "2026-02-02")]
    ['Jan. 23', '25', '27', '29', '31', 'Feb. 2']
    """
    a, b = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    days = (b - a).days + 1
    if days <= 92:
        step = max(1, math.ceil(days / max_ticks))
        ticks = list(pd.date_range(a, b, freq=f"{step}D"))
        out: list[tuple[pd.Timestamp, str]] = []
        month = None
        for t in ticks:
            out.append((t, ap_date(t) if t.month != month else str(t.day)))
            month = t.month
        return out
    if days <= 3 * 366:
        months = pd.date_range(a.replace(day=1), b, freq="MS")
        months = months[months >= a] if len(months[months >= a]) else months
        step = max(1, math.ceil(len(months) / max_ticks))
        ticks = list(months[::step])
        out = []
        for i, t in enumerate(ticks):
            label = AP_MONTHS[t.month]
            if i == 0 or t.month == 1 or t.year != ticks[i - 1].year:
                label = f"{label}\n{t.year}"
            out.append((t, label))
        return out
    years = pd.date_range(pd.Timestamp(year=a.year, month=1, day=1), b, freq="YS")
    years = years[years >= a] if len(years[years >= a]) else years
    step = max(1, math.ceil(len(years) / max_ticks))
    return [(t, str(t.year)) for t in years[::step]]


def place_labels(
    ax: Axes,
    items: Iterable[tuple[float, float, str]],
    *,
    fontsize: float = LABEL_SIZE,
    color: str = INK,
    max_labels: int = 12,
    avoid: Sequence[Bbox] = (),
) -> list[Text]:
    """Label points directly, in the order given, skipping a label that would overlap.

    Each label tries right, left, above and below its point; the first spot
    that collides with no earlier label (or ``avoid`` box, in display pixels)
    and stays inside the axes wins. Give the most important points first.
    Returns the labels drawn.
    """
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)  # an axes of a drawn chart
    renderer = _renderer(fig)
    placed: list[Bbox] = list(avoid)
    out: list[Text] = []
    ax_box = ax.get_window_extent(renderer)
    spots = [
        ((6, 0), "left", "center"),
        ((-6, 0), "right", "center"),
        ((0, 6), "center", "bottom"),
        ((0, -6), "center", "top"),
        ((6, 6), "left", "bottom"),
        ((6, -6), "left", "top"),
        ((-6, 6), "right", "bottom"),
        ((-6, -6), "right", "top"),
        ((0, 14), "center", "bottom"),
        ((0, -14), "center", "top"),
    ]
    for x, y, text in items:
        if len(out) >= max_labels:
            break
        for offset, ha, va in spots:
            t = ax.annotate(
                text,
                (x, y),
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=fontsize,
                color=color,
                annotation_clip=False,
            )
            t.set_parse_math(False)
            box = t.get_window_extent(renderer).padded(2)
            # Labels stay inside the axes, so placing them never forces a new layout.
            inside = (
                box.x0 >= ax_box.x0
                and box.x1 <= ax_box.x1
                and box.y0 >= ax_box.y0
                and box.y1 <= ax_box.y1
            )
            if inside and not any(box.overlaps(p) for p in placed):
                placed.append(box)
                out.append(t)
                break
            t.remove()
    return out
