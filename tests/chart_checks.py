"""What the chart tests check on every chart: frame text, bars, labels, AP numbers, wrapping."""

from __future__ import annotations

import numpy as np
from matplotlib.container import BarContainer
from matplotlib.text import Text

from turnout import charts, style
from turnout.charts import chart_info

MARKED = {"2026-01-23": "Minneapolis strike", "2026-01-30": "National strike"}
PALETTE = {c.lower() for c in style.OKABE_ITO.values()}


def frame_text(fig, gid: str) -> str:
    return style.text_lines(fig, gid)


def bar_patches(fig, gid: str):
    """The bars a chart drew under ``gid``, in drawing order."""
    ax = fig.axes[0]
    return [
        p for c in ax.containers if isinstance(c, BarContainer) for p in c if p.get_gid() == gid
    ]


def y_tick_labels(fig) -> list[str]:
    ax = fig.axes[0]
    pairs = sorted(zip(ax.get_yticks(), ax.get_yticklabels(), strict=True), key=lambda p: -p[0])
    return [label.get_text() for _, label in pairs]  # top to bottom


def direct_labels(fig, gid: str) -> list[str]:
    ax = fig.axes[0]
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def visible_texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def assert_frame(fig, info: charts.ChartInfo) -> None:
    """Headline, subtitle, notes and source are on the figure as the chart info says."""
    assert frame_text(fig, "title") == info.title
    assert frame_text(fig, "subtitle") == info.subtitle
    assert frame_text(fig, "source") == info.source
    assert frame_text(fig, "notes") == info.notes
    assert info.source.startswith("Source")
    assert len(info.alt) > 80 and "chart" in info.alt.lower()


def assert_readable(fig) -> None:
    """No text below 10 px at the 100 dpi design size, and none cut off by the figure edge."""
    fig.canvas.draw()  # legends and ticks take their places at draw time
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for t in visible_texts(fig):
        assert t.get_fontsize() * 100 / 72 >= 10, (t.get_text(), t.get_fontsize())
        ext = t.get_window_extent(renderer)
        assert ext.x0 >= box.x0 - 0.5 and ext.x1 <= box.x1 + 0.5, t.get_text()
        assert ext.y0 >= box.y0 - 0.5 and ext.y1 <= box.y1 + 0.5, t.get_text()


_MONTHS = r"(?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)"


def ap_number_problems(text: str) -> list[str]:
    """Numbers AP style would not print in running text: a lone 0-9, or a sentence opening on one.

    Quoted source words stay verbatim, and dates ("June 1-22"), degrees ("9°F") and
    numerals inside bigger numbers ("4,000", "2.5") are not running-text numbers.
    """
    import re

    text = re.sub(r"“[^”]*”", "“…”", text)  # the source's own words
    text = re.sub(rf"{_MONTHS} \d{{1,2}}(?:-\d{{1,2}})?", "DATE", text)
    problems = re.findall(r"(?<![\d,.\-])\d(?![\d,.°])", text)
    problems += re.findall(r"(?:^|[.!?] )\d[\d,]*", text)
    return problems


def all_words(fig) -> list[str]:
    info = chart_info(fig)
    return [info.title, info.subtitle, info.notes, info.alt]


def _wrap_at_every_width(
    text: str, size: float = style.TITLE_SIZE, balance: bool = False, widths: int = 60
):
    """``text`` wrapped at ``widths`` widths, evenly from 40 px to the whole line's width."""
    from turnout.style import _font, _renderer

    with style.use_style():
        fig = style.new_figure()
        renderer, prop = _renderer(fig), _font(size, "bold")
        full, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
        for width in np.linspace(40, full + 8, widths):
            yield style.wrap_text(text, width, prop, renderer, balance=balance).split("\n")
