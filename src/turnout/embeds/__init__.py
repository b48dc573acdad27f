"""HTML embeds of turnout's charts: responsive, accessible, self-contained, every mark sourced.

:func:`render` turns a chart's spec (:func:`turnout.charts.spec`: its kind, words,
options and the data table of NAME.csv, made without matplotlib) into an
:class:`Embed`: one HTML document with the chart as inline SVG (text as text), a
phone design and a wide one, tooltips that quote the sentence behind each mark,
a visually hidden data table, a "Get the data" link, dark mode, and a script
that tells its host page how tall it is. :func:`write_embed` writes
``NAME.html`` (and ``NAME.phone.png``, a 2x picture of the phone design for
CMSs that take only images); :func:`snippet` is the code a reporter pastes into
an article.

>>> import turnout
>>> from turnout.charts import spec
>>> embed = render(spec(turnout.load_events(), "turnout-by-city"), csv_href="by-city.csv")
>>> embed.kind, "Around 50,000 people demonstrated" in embed.html
('turnout-by-city', True)
>>> len(embed.html.encode()) < 100_000
True
"""

from __future__ import annotations

import html as _html
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from turnout.charts.specs import ChartSpec
from turnout.embeds import page
from turnout.embeds.base import Chart, QuoteBudget, kinds, register, renderer

__all__ = [
    "Embed",
    "PHONE_WIDTH",
    "kinds",
    "register",
    "render",
    "snippet",
    "write_embed",
]

#: The phone picture's width in CSS px (saved at 2x: 750 px wide).
PHONE_WIDTH = 375


@dataclass(frozen=True)
class Embed:
    """One chart's embed: the whole document, and its parts for pages that host it inline."""

    kind: str
    title: str
    alt: str
    html: str  # the self-contained document (NAME.html)
    figure: str  # the <figure> alone
    style: str  # its stylesheet (a host page's CSP must allow page.sha256(style))
    script: str  # its script (likewise)
    chart: Chart
    info: ChartSpec  # the spec it renders

    def snippet(self, src: str, *, height: int = 500) -> str:
        """Paste-in code for an article: see :func:`snippet`."""
        return snippet(src, title=self.title, height=height)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        """In a notebook: the interactive embed in a sandboxed frame, the phone PNG for viewers
        that run no script (:mod:`turnout.embeds.notebook`)."""
        from turnout.embeds.notebook import bundle
        from turnout.embeds.png import phone_png

        return bundle(self, phone_png(self), width=PHONE_WIDTH)


def render(
    info: ChartSpec,
    kind: str | None = None,
    *,
    data: pd.DataFrame | None = None,
    csv_href: str = "",
    plain: bool = False,
    cleaning_href: str = "",
) -> Embed:
    """The embed of a chart's spec (title, subtitle, alt, source, notes, data, kind, options):
    :func:`turnout.charts.spec`, or a drawn chart's :func:`turnout.charts.chart_info`.

    ``kind`` defaults to ``info.kind`` (``""``: the generic embed, the data as a list);
    ``data`` defaults to ``info.data``, exactly the rows of NAME.csv. ``csv_href`` is the
    "Get the data" link (NAME.csv beside the embed); ``plain`` leaves out headline,
    subtitle, notes and source (for a CMS that sets its own; ``?plain=1`` in the embed's
    address does the same); ``cleaning_href`` links the story's cleaning page.
    """
    kind = kind if kind is not None else str(getattr(info, "kind", "") or "")
    table = data if data is not None else getattr(info, "data", None)
    if table is None:
        table = pd.DataFrame()
    table = table.reset_index(drop=True)
    chart = renderer(kind)(table, info, QuoteBudget())
    if not chart.layouts and not chart.table.rows:
        chart.message = str(getattr(info, "left_out", "") or "") or _message(info)
    style, code = page.stylesheet(chart), page.script()
    figure = page.figure_html(
        chart, info, kind=kind, csv_href=csv_href, plain=plain, cleaning_href=cleaning_href
    )
    title = str(getattr(info, "title", "") or "")
    alt = str(getattr(info, "alt", "") or title)
    doc = page.document(figure, style, code, title=title)
    return Embed(kind, title, alt, doc, figure, style, code, chart, info)


def _message(info: Any) -> str:
    """What an empty chart built by hand says: its alt text less the headline and the notes
    (a spec left out says its ``left_out`` sentence)."""
    title, notes = str(getattr(info, "title", "")), str(getattr(info, "notes", "") or "")
    words = str(getattr(info, "alt", "") or "").removeprefix(title).lstrip(". ").strip()
    return words.removesuffix(notes).strip() if notes else words


# The host's half of the resize protocol (@newswire/frames and AMP use the same message).
_LISTENER = (
    'window.addEventListener("message",function(e){var d=e.data;'
    'if(!d||d.sentinel!=="amp"||d.type!=="embed-size")return;'
    'var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)'
    'if(f[i].contentWindow===e.source)f[i].style.height=Math.ceil(+d.height)+"px";});'
)


def snippet(src: str, *, title: str = "", height: int = 500) -> str:
    """Code to paste into an article: the iframe and the few lines that set its height.

    ``src`` is the embed's address, relative to the article (the file name when it sits
    beside it). ``height`` is a first guess until the embed reports its own.

    >>> print(snippet("turnout-by-city.html", title="Crowds")[:60])
    <iframe src="turnout-by-city.html" title="Crowds" width="100
    """
    return (
        f'<iframe src="{_html.escape(src)}" title="{_html.escape(title or "Chart")}" '
        f'width="100%" height="{int(height)}" scrolling="no" frameborder="0" '
        'style="width:100%;border:0;display:block"></iframe>\n'
        f"<script>{_LISTENER}</script>"
    )


def write_embed(
    info: ChartSpec,
    name: str,
    folder: str | os.PathLike,
    *,
    kind: str | None = None,
    phone_png: bool = True,
) -> dict[str, Any]:
    """Write ``NAME.html`` (and ``NAME.phone.png``) into ``folder``; the CSV is linked as NAME.csv.

    Returns ``{"html": Path, "phone_png": Path, "snippet": str}`` (no ``phone_png`` when not asked).
    """
    folder = Path(folder)
    embed = render(info, kind, csv_href=f"{name}.csv")
    out: dict[str, Any] = {"html": folder / f"{name}.html"}
    out["html"].write_text(embed.html, encoding="utf-8")
    if phone_png:
        from turnout.embeds.png import phone_png as draw_png

        out["phone_png"] = folder / f"{name}.phone.png"
        out["phone_png"].write_bytes(draw_png(embed))
    out["snippet"] = embed.snippet(out["html"].name, height=first_height(embed))
    return out


def first_height(embed: Embed) -> int:
    """A first guess at the embed's height on a phone, before it reports its own."""
    svg = embed.chart.layouts[0].height if embed.chart.layouts else 120
    return int(svg + 260)
