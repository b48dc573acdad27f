"""Show charts and notes in a notebook the way the published page prints them.

Each function emits one clean output: a chart is its interactive embed with a
640 px PNG and its alt text beside it (never a ``<Figure size ...>`` repr), a
warning is a visible note; tables of the data are :mod:`turnout.show_data`. The site template
(``turnout/templates/turnout``) renders exactly these outputs, so what a
reporter sees in JupyterLab is what the page prints.

Nothing here imports matplotlib or IPython at import time.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import os
import re
import sys
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from turnout import paths
from turnout.ap import (
    ap_count,
    ap_number,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

#: Width of a chart on the page, in CSS and image pixels (1x: the 150 KB page budget).
CHART_WIDTH = 640


class Output:
    """One rich output: HTML for the page and JupyterLab, plain text for everything else.

    >>> Output("<p>hi</p>", "hi")
    hi
    """

    def __init__(
        self, html_text: str, plain: str, *, headline: str | None = None, left_out: str = ""
    ) -> None:
        self.html = html_text
        self.plain = plain
        self.headline = headline  # a finding the page may lead with (see turnout.publisher)
        # Why a chart was left out: a page of nothing else is not published (turnout.publisher).
        self.left_out = left_out

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Any:
        bundle = {"text/html": self.html, "text/plain": self.plain}
        meta = {"headline": self.headline, "left_out": self.left_out}
        meta = {k: v for k, v in meta.items() if v}
        if meta:
            return bundle, {"turnout": meta}
        return bundle

    def __repr__(self) -> str:
        return self.plain


# --------------------------------------------------------------------------- charts


def chart_png(fig: Figure, width: int = CHART_WIDTH) -> bytes:
    """The figure as a PNG exactly ``width`` pixels wide (1x, optimised for the web).

    >>> from matplotlib.figure import Figure
    >>> from turnout.embeds.png import png_size
    >>> png = chart_png(Figure(figsize=(8, 5)))
    >>> png_size(png)
    (640, 400)
    """
    from turnout.embeds.png import png_size

    dpi = width / fig.get_figwidth()
    png = _savefig_png(fig, dpi)
    got, _ = png_size(png)
    if got != width:
        # A tight bounding box (the house style may ask for one) changes the width: rescale once.
        png = _savefig_png(fig, dpi * width / got)
    return png


def _savefig_png(fig: Figure, dpi: float) -> bytes:
    """Render at ``dpi`` and store as a 256-colour palette PNG.

    A chart is flat colour and anti-aliased text: a palette keeps it visibly identical at
    about 40% of the bytes of full RGBA, which is what keeps a page within its budget.
    """
    from PIL import Image  # Pillow comes with matplotlib

    from turnout.style import use_style  # save-time rcParams (bbox, facecolor) are the house's

    buf = io.BytesIO()
    with use_style():
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    palette = image.quantize(colors=256, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def show_chart(fig: Figure, *, width: int = CHART_WIDTH) -> None:
    """Display a chart as one output: its interactive embed, and a ``width``-pixel PNG with
    its alt text.

    A chart with an embed design (:mod:`turnout.embeds`) shows as that embed in a
    sandboxed frame (tooltips quoting the source, phone and wide layouts, dark mode), its
    PNG kept in the same output for viewers that run no script
    (:mod:`turnout.embeds.notebook`); any other chart is the PNG alone. The alt text
    (:func:`turnout.charts.chart_info`) is the output's ``text/plain`` and sits in its
    ``image/png`` metadata, where the site template puts it in the ``<img alt>``; the
    site build drops the notebook's frame and shows the published embed. The figure is
    closed for pyplot so the inline backend does not draw it a second time.

    In a notebook cell::

        from turnout import charts, load_events
        show_chart(charts.turnout_by_city(load_events()))
    """
    from IPython.display import display

    from turnout.charts import chart_info

    info = chart_info(fig)
    if info.left_out:
        # Nothing to draw: the reader gets the sentence, the page no empty picture.
        display(left_out_chart(info.title, info.left_out))
        _forget_pyplot(fig)
        return
    alt = " ".join(str(info.alt or "").split())
    if not alt:
        raise ValueError("this chart has no alt text: give it one before publishing")
    from turnout.embeds.png import png_size

    png = chart_png(fig, width)
    w, h = png_size(png)
    data = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": alt}
    metadata: dict[str, Any] = {"image/png": {"width": w, "height": h, "alt": alt}}
    from turnout.embeds.base import designed

    if designed(info.kind):
        # The chart as a reader of the article gets it, its picture for viewers without scripts.
        from turnout.embeds import render
        from turnout.embeds.notebook import bundle

        data, metadata = bundle(render(info), png, width=w)
    # The chart's headline is computed from the data: the page leads with it (turnout.publisher).
    metadata.setdefault("turnout", {})["headline"] = " ".join(str(info.title or "").split())
    display(data, raw=True, metadata=metadata)
    _forget_pyplot(fig)


def left_out_chart(title: str, reason: str) -> Output:
    """What a page prints for a chart left out: its headline and why, in one paragraph.

    >>> left_out_chart("Every event is on one day, Jan. 30, 2026",
    ...                "A timeline needs more than one day.").plain
    'Chart left out: every event is on one day, Jan. 30, 2026. A timeline needs more than one day.'
    """
    from turnout.ap import sentence

    head = sentence(title[:1].lower() + title[1:]) if title else ""
    text = f"Chart left out: {head} {sentence(reason)}".replace("  ", " ")
    body = f'<p class="turnout-note turnout-left-out">{html.escape(text)}</p>'
    return Output(body, text, headline=title, left_out=sentence(reason))


def _forget_pyplot(fig: Figure) -> None:
    """Drop ``fig`` from pyplot's figure list, if pyplot made it, without importing pyplot."""
    if "matplotlib.pyplot" not in sys.modules:
        return  # a bare Figure was never registered: the inline backend cannot see it
    from matplotlib._pylab_helpers import Gcf

    for manager in list(Gcf.get_all_fig_managers()):
        if manager.canvas.figure is fig:
            Gcf.destroy(manager)


# --------------------------------------------------------------------------- notes


def note(text: str, *, kind: str = "note") -> None:
    """Display a short note to the reader (a caveat, a warning) as a visible paragraph.

    >>> note("2 rows were rejected.")  # outside a notebook, the plain text is printed
    Note: 2 rows were rejected.
    """
    from IPython.display import display

    display(note_output(text, kind=kind))


def note_output(text: str, *, kind: str = "note") -> Output:
    """The output :func:`note` displays, for a function that returns it instead.

    >>> note_output("No article is filed.").html
    '<p class="turnout-note"><strong>Note:</strong> No article is filed.</p>'
    """
    label = {"note": "Note", "warning": "Warning"}.get(kind, kind.title())
    body = f'<p class="turnout-note"><strong>{label}:</strong> {html.escape(text)}</p>'
    return Output(body, f"{label}: {text}")


@contextlib.contextmanager
def reported_warnings() -> Iterator[None]:
    """Show every warning raised inside the block as a note the reader sees on the page.

    Loading a file warns when rows are rejected; in a notebook that warning
    would be a red stderr block with a file path and line number. Here it
    becomes a plain note in the reader's words (:func:`rejected_note`), never
    dropped; other warnings read as written (paths relative to the project).

    >>> import warnings
    >>> with reported_warnings():
    ...     warnings.warn("3 of 20 rows rejected")
    Warning: 3 of 20 rows rejected
    """
    from turnout.clean import RejectedRowsWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    root = str(paths.project_root()) + os.sep
    for w in caught:
        if isinstance(w.message, RejectedRowsWarning):
            note(rejected_note(w.message.rejected, w.message.total))
            continue
        # Paths inside the project read relative to it; others by file name: no home folders.
        text = str(w.message).replace(root, "")
        # Only a path that starts with "/" (a relative one already reads from the project).
        note(re.sub(r"(?<![^\s'\"(])(?:/[^/\s:]+)+/([^/\s:]+)", r"\1", text), kind="warning")


def rejected_note(rejected: int, total: int) -> str:
    """The reader's note on rejected rows: how many, and where the reasons are (no file names).

    >>> rejected_note(1, 4)  # doctest: +NORMALIZE_WHITESPACE
    'One of the four rows in the source data was left out because it could not be used;
    the cleaning page lists it, with the reason, under “What was left out”.'
    """
    one = rejected == 1
    lead = ap_number(rejected, start=True) if rejected < 10 else f"In all, {rejected:,}"
    return (
        f"{lead} of the {ap_count(total, 'row')} in the source data {'was' if one else 'were'} "
        f"left out because {'it' if one else 'they'} could not be used; the cleaning page lists "
        f"{'it' if one else 'them'}, with the {'reason' if one else 'reasons'}, "
        "under “What was left out”."
    )
