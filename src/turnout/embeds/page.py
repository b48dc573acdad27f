"""The embed as HTML: words around the chart, the layouts, the data table, one style, one script.

The document allows nothing but itself: a Content-Security-Policy with
``default-src 'none'``, the stylesheet and the script allowed by their SHA-256
hashes (no ``'unsafe-inline'``), images only from ``data:``. Every string
from the data is escaped; links are only ever the CSV's file name and a
relative or http(s) cleaning page.

>>> head, tail = csp_policy("a", "b").split("; ")[:2]
>>> head
"default-src 'none'"
"""

from __future__ import annotations

import base64
import functools
import hashlib
from html import escape
from importlib import resources
from urllib.parse import urlsplit

from turnout.embeds.base import Chart, Table
from turnout.embeds.scene import to_svg
from turnout.embeds.theme import css_variables


@functools.cache
def _asset(name: str) -> str:
    return resources.files("turnout.embeds").joinpath(name).read_text(encoding="utf-8")


def stylesheet(chart: Chart) -> str:
    """The embed's CSS: colours for both schemes, the base style, and which layout shows when."""
    rules = [css_variables(), _asset("embed.css").strip(), *([chart.css] if chart.css else [])]
    for i, layout in enumerate(chart.layouts[1:], start=1):
        show = f".tc-chart .tc-l{{display:none}}.tc-chart .tc-l{i}{{display:block}}"
        rules.append(f"@container (min-width:{layout.min_width:g}px){{{show}}}")
    return "\n".join(rules)


def script() -> str:
    """The embed's one script: tooltips (hover, focus, tap) and the height message to the host."""
    return _asset("embed.js")


def sha256(source: str) -> str:
    """A CSP source expression for inline code: ``'sha256-BASE64'``."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def csp_policy(style: str, code: str) -> str:
    """The Content-Security-Policy: nothing from anywhere, this style and this script only."""
    return (
        f"default-src 'none'; style-src {sha256(style)}; script-src {sha256(code)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


_MORE = ' class="more"'  # the closing line of a cut list of quotes


def _cell(value: object, quoted: bool, header: bool = False, key: str = "") -> str:
    named = f' data-k="{escape(key)}"' if key else ""  # the visible list labels its cells
    if quoted:
        said = value if isinstance(value, list | tuple) else [str(value)]
        paras = "".join(f"<p{_MORE if q.startswith('…') else ''}>{escape(q)}</p>" for q in said)
        return f'<td class="q"{named}>{paras}</td>'
    tag = 'th scope="row"' if header else "td"
    return f"<{tag}{named if not header else ''}>{escape(str(value))}</{tag.split()[0]}>"


def table_html(table: Table, caption: str, *, visible: bool = False) -> str:
    """The data table (visually hidden unless ``visible``); tooltips read their rows from it."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    body = []
    for i, row in enumerate(table.rows):
        cells = "".join(
            _cell(v, j in table.quote_columns, j == 0, table.columns[j] if visible else "")
            for j, v in enumerate(row)
        )
        attrs = f' class="mk" tabindex="0" data-i="{i}"' if visible else ""
        body.append(f"<tr{attrs}>{cells}</tr>")
    cls = ' class="tc-rows"' if visible else ""  # the visible list: rows as blocks, no header
    html = (
        f'<table id="tc-table"{cls}><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
    # A table ignores height and overflow: a wrapper hides it from sight, not from readers.
    return html if visible else f'<div class="sr-only">{html}</div>'


_SWATCHES = {
    "one": '<rect x="1" y="1" width="14" height="10" class="one"/>',
    "two": '<rect x="1" y="1" width="14" height="10" class="two"/>',
    "tint": '<rect x="1.5" y="1.5" width="13" height="9" class="tint"/>',
    "band": '<rect x="1" y="0" width="14" height="12" class="band"/>',
    "dash": '<line x1="8" y1="0" x2="8" y2="12" class="dash"/>',
    "step": '<line x1="0" y1="6" x2="16" y2="6" class="step"/>',
    "dot": '<circle cx="8" cy="6" r="5" class="one"/>',
    "thick": '<line x1="1" y1="6" x2="15" y2="6" class="one thick"/>',
    "arrow": '<line x1="3" y1="6" x2="16" y2="6" class="one bound"/>'
    '<path d="M0 6 7 2V10Z" class="one"/>',
    "obs-range": '<line x1="3" y1="6" x2="13" y2="6" class="two thin"/>'
    '<path d="M3 2 6.5 6 3 10-.5 6Z" class="hollow" transform="translate(1 0)"/>'
    '<path d="M13 2 16.5 6 13 10 9.5 6Z" class="hollow" transform="translate(-1 0)"/>',
    "diamond": '<path d="M8 1.5 12.5 6 8 10.5 3.5 6Z" class="hollow"/>',
    "vrange": '<line x1="8" y1="0" x2="8" y2="12" class="one vbar"/>',
    "disc": '<circle cx="8" cy="6" r="5" class="c"/>',
    "ring": '<circle cx="8" cy="6" r="5.5" class="ring"/><circle cx="8" cy="6" r="3" class="c"/>',
    "floor": '<circle cx="8" cy="6" r="5" class="c fl"/>',
    "hollow-dot": '<circle cx="8" cy="6" r="3" class="nc"/>',
    "dots": '<circle cx="4" cy="7" r="2" class="one"/><circle cx="11" cy="5" r="2" class="one"/>',
}


def key_html(chart: Chart) -> str:
    if not chart.key or not chart.layouts:
        return ""
    items = "".join(
        f'<li><svg width="16" height="12" aria-hidden="true">{_SWATCHES.get(cls, "")}</svg>'
        f"{escape(words)}</li>"
        for cls, words in chart.key
    )
    return f'<ul class="tc-key" aria-label="Key">{items}</ul>'


def safe_href(url: str) -> str:
    """A link target the embed may print: relative, or http(s); anything else gives ""."""
    url = url.strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https") or (not scheme and not url.startswith("//")):
        return url
    return ""


def figure_html(
    chart: Chart,
    info: object,
    *,
    kind: str,
    csv_href: str,
    plain: bool = False,
    cleaning_href: str = "",
) -> str:
    """The ``<figure>``: headline and subtitle, key, chart, tooltip, notes, source, data link."""
    title = str(getattr(info, "title", "") or "")
    subtitle = str(getattr(info, "subtitle", "") or "")
    notes = str(getattr(info, "notes", "") or "")
    source = str(getattr(info, "source", "") or "")
    alt = str(getattr(info, "alt", "") or title)
    parts = [f'<figure class="tc" data-kind="{escape(kind)}">']
    if not plain:
        parts.append(
            f'<header class="tc-head"><h1 class="tc-title">{escape(title)}</h1>'
            + (f'<p class="tc-sub">{escape(subtitle)}</p>' if subtitle else "")
            + "</header>"
        )
    parts.append(key_html(chart))
    visible_rows = not chart.layouts and bool(chart.table.rows)
    parts.append('<div class="tc-chart">')
    if chart.layouts:
        hint = f"{alt} Tab to each mark for its numbers and the sentence it comes from."
        parts.append(f'<p id="tc-alt" hidden>{escape(hint)}</p>')  # one alt for every layout
        if chart.base is not None:  # a map: drawn once, the layouts' labels over it
            parts.append(chart.base.svg())
        parts += [to_svg(layout, i, labelledby="tc-alt") for i, layout in enumerate(chart.layouts)]
    elif not chart.table.rows:
        parts.append(f'<p class="tc-msg">{escape(chart.message or "Nothing to chart.")}</p>')
    parts.append('<div id="tc-tip" class="tc-tip" role="tooltip" hidden></div></div>')
    caption = f"Data: {title}" if title else "Data"
    if chart.table.caption:  # what the kind says of its rows (the map: those with no mark)
        caption = f"{caption}. {chart.table.caption}"
    parts.append(table_html(chart.table, caption, visible=visible_rows))
    foot = ['<figcaption class="tc-foot">']
    if notes and not plain:
        foot.append(f'<p class="tc-notes">{escape(notes)}</p>')
    links = []
    if csv_href:
        links.append(f'<a href="{escape(csv_href)}" download>Get the data</a>')
    cleaning = safe_href(cleaning_href)
    if cleaning:
        links.append(f'<a href="{escape(cleaning)}" target="_top">How the data were cleaned</a>')
    line = []
    if source and not plain:
        line.append(f'<span class="tc-source">{escape(source)}</span>')
    if links:
        line.append(" · ".join(links))
    if line:
        foot.append("<p>" + '<span class="tc-source"> · </span>'.join(line) + "</p>")
    foot.append("</figcaption>")
    parts.append("".join(foot))
    parts.append("</figure>")
    return "".join(parts)


def document(figure: str, style: str, code: str, *, title: str) -> str:
    """A whole HTML document around ``figure``, locked down by its CSP."""
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp_policy(style, code)}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title or 'Chart')}</title>"
        f"<style>{style}</style></head>\n"
        f"<body><main>{figure}</main><script>{code}</script></body></html>\n"
    )
