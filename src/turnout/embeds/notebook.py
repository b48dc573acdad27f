"""The embed in a notebook: one display bundle, interactive where scripts run, a picture elsewhere.

JupyterLab shows a bundle's ``text/html`` before its ``image/png``, trusted or not
(an untrusted notebook's HTML goes through its sanitizer, which drops ``<iframe>``,
``<style>`` and ``<script>`` but keeps ``<img>``); nbconvert's HTML prints it as it
is; GitHub's viewer cleans it. So the HTML holds both: the embed in an
``<iframe srcdoc>``, sandboxed to ``allow-scripts`` (its own CSP, script and styles,
no reach into the notebook, nothing fetched), then the chart's picture, which a
``<style>`` rule hides only while a frame stands before it. Where frames or styles are
stripped, the picture shows. The ``image/png`` beside it serves viewers that take no
HTML, and the site build: metadata ``turnout.notebook_only`` names the HTML, which
``turnout build`` drops (the page shows the published ``NAME.html`` instead).

>>> import turnout
>>> from turnout.charts import chart_info, timeline_density
>>> from turnout.embeds import render
>>> from turnout.embeds.png import phone_png
>>> embed = render(chart_info(timeline_density(turnout.load_events())))
>>> data, meta = bundle(embed, phone_png(embed), width=375)
>>> sorted(data), meta["turnout"]
(['image/png', 'text/html', 'text/plain'], {'notebook_only': ['text/html']})
"""

from __future__ import annotations

import base64
from html import escape
from typing import Any

from turnout.embeds import _LISTENER, Embed, first_height
from turnout.embeds.png import png_size

#: The output's metadata key (under ``turnout``) naming the parts a published page leaves out.
NOTEBOOK_ONLY = "notebook_only"
_CLASS = "turnout-notebook-chart"
# The picture steps aside only for a frame that is there (a sanitizer may have removed it).
_STYLE = f".{_CLASS} iframe~img{{display:none}}"
# One listener per notebook page, however many charts or reruns: it sizes every frame.
_SCRIPT = f"if(!window.turnoutEmbedSize){{window.turnoutEmbedSize=1;{_LISTENER}}}"


def view_html(embed: Embed, png: bytes, *, width: int) -> str:
    """The notebook's HTML for ``embed``: the sandboxed frame, then ``png`` (``width`` CSS
    px wide) for viewers that strip frames.

    Everything from the data reaches the outer page escaped: the embed whole, as the
    ``srcdoc`` attribute (``"``, ``&``, ``<`` and ``>`` as entities), and the alt text.

    >>> from turnout.charts import ChartInfo
    >>> from turnout.embeds import render
    >>> import pandas as pd
    >>> info = ChartInfo('A "quoted" </script> title', "", "Alt & more", "S", "", pd.DataFrame())
    >>> html = view_html(render(info), b"", width=640)
    >>> "</script> title" in html, "&lt;/script&gt; title" in html, 'alt="Alt &amp; more"' in html
    (False, True, True)
    """
    b64 = base64.b64encode(png).decode("ascii")
    return (
        f'<div class="{_CLASS}"><style>{_STYLE}</style>'
        f'<iframe srcdoc="{escape(embed.html)}" title="{escape(embed.title or "Chart")}" '
        f'sandbox="allow-scripts" width="100%" height="{first_height(embed)}" scrolling="no" '
        'style="width:100%;border:0;display:block"></iframe>'
        f'<img src="data:image/png;base64,{b64}" alt="{escape(embed.alt)}" width="{width}" '
        'style="max-width:100%;height:auto">'
        f"<script>{_SCRIPT}</script></div>"
    )


def bundle(embed: Embed, png: bytes, *, width: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The display bundle and its metadata: ``text/html`` (:func:`view_html`), ``image/png``
    (``png``, shown ``width`` CSS px wide, with the alt text) and the alt text as ``text/plain``."""
    w, h = png_size(png)
    alt = " ".join(embed.alt.split())
    data = {
        "text/html": view_html(embed, png, width=width),
        "image/png": base64.b64encode(png).decode("ascii"),
        "text/plain": alt,
    }
    meta = {
        "image/png": {"width": width, "height": round(h * width / w), "alt": alt},
        "turnout": {NOTEBOOK_ONLY: ["text/html"]},
    }
    return data, meta
