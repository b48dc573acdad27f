"""The review view: the article with every span the draft used highlighted, beside the rows.

Each highlighted place, day, crowd size and weather word links to the row it
went into, and each row links back to its words, so a reporter checks a 20-row
draft in minutes. Numbers the drafter left out are underlined, with the reason
on hover, so a missed crowd is as easy to spot as a wrong one. The HTML is one
self-contained fragment (its own small stylesheet, colours from the Okabe-Ito
palette, a dark-mode variant, no scripts, no outside requests), shown in
JupyterLab and on the built page alike.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from turnout.draft.gatherings import Draft, Span, build_draft
from turnout.sizes import parse_size

KINDS = {"place": "place", "date": "day", "size": "crowd size", "weather": "weather"}

# Okabe-Ito hues, lightened for a background under dark text (and darkened for dark mode).
_STYLE = """
.draft-review{--dr-place:#cde6f6;--dr-date:#fbe3b8;--dr-size:#c8eee1;--dr-weather:#f2d6e6;
--dr-ink:inherit;--dr-out:#a65400;font-size:1rem;line-height:1.5}
@media (prefers-color-scheme:dark){.draft-review{--dr-place:#0b3f5c;--dr-date:#5c3f00;
--dr-size:#004d38;--dr-weather:#5a2444;--dr-out:#f0b060}}
.draft-review .dr-grid{display:grid;gap:1.5rem;
grid-template-columns:repeat(auto-fit,minmax(min(100%,28rem),1fr))}
.draft-review .dr-article p{margin:0 0 .8em;overflow-wrap:anywhere}
.draft-review .dr-article .dr-heading{font-weight:700}
.draft-review a.dr{color:inherit;text-decoration:underline 1px;text-underline-offset:.18em;
border-radius:.2em;padding:0 .1em;
box-decoration-break:clone;-webkit-box-decoration-break:clone}
.draft-review a.dr:hover,.draft-review a.dr:focus{outline:2px solid currentColor}
.draft-review .dr-place{background:var(--dr-place)}
.draft-review .dr-date{background:var(--dr-date)}
.draft-review .dr-size{background:var(--dr-size);font-weight:700}
.draft-review .dr-weather{background:var(--dr-weather)}
.draft-review .dr-out{text-decoration:underline dotted var(--dr-out);text-underline-offset:.2em}
.draft-review .dr-table{overflow-x:auto}
.draft-review table{border-collapse:collapse;width:100%;font-size:.9rem}
.draft-review th,.draft-review td{text-align:left;vertical-align:top;padding:.3em .4em;
border-bottom:1px solid rgba(127,127,127,.4)}
.draft-review td.dr-num{white-space:nowrap}
.draft-review tr:target{outline:3px solid #0072b2}
.draft-review .dr-legend span{padding:0 .3em;border-radius:.2em}
.draft-review .dr-left-out{margin-top:1.5rem}
.draft-review .dr-out:target{outline:3px solid #0072b2}
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _row_label(rows: set[int]) -> str:
    nums = sorted(r + 1 for r in rows)
    return ("row " if len(nums) == 1 else "rows ") + ", ".join(map(str, nums))


def _marked(text: str, start: int, end: int, spans: list[Span], out: list[Any]) -> str:
    """text[start:end] as HTML, with the draft's spans and the left-out numbers marked."""
    pieces: list[tuple[int, int, str, str]] = []
    for sp in spans:
        if start <= sp.start and sp.end <= end:
            first = min(sp.rows)
            title = f"{KINDS[sp.kind]} of {_row_label(sp.rows)}"
            pieces.append(
                (sp.start, sp.end, "a", f'<a class="dr dr-{sp.kind}" href="#draft-row-{first + 1}" '
                 f'id="dr-{sp.kind}-{sp.start}" title="{_esc(title)}">')
            )  # fmt: skip
    for q in out:
        if start <= q.start and q.end <= end:
            title = f"left out: {q.reason}"
            pieces.append(
                (q.start, q.end, "span",
                 f'<span class="dr-out" id="dr-out-{q.start}" title="{_esc(title)}">')
            )  # fmt: skip
    pieces.sort(key=lambda p: (p[0], -(p[1] - p[0])))
    html_out, pos = [], start
    for s, e, tag, opening in pieces:
        if s < pos:
            continue  # overlaps a span already marked ("cold weather for the Houston area")
        html_out += [_esc(text[pos:s]), opening, _esc(text[s:e]), f"</{tag}>"]
        pos = e
    html_out.append(_esc(text[pos:end]))
    return "".join(html_out)


def _size_numbers(size_text: str) -> str:
    low, high = parse_size(size_text)
    if low != low:  # NaN: no number
        return ""
    if low == high:
        return f"{low:,.0f}"
    return f"{low:,.0f}-{high:,.0f}"


def review_html(draft: Draft) -> str:
    """The review fragment for a draft: highlighted article, then (or beside it) the rows."""
    from turnout.draft.sentences import split_sentences

    text = draft.text
    extents: dict[int, list[Any]] = {}
    for s in split_sentences(text):
        extents.setdefault(s.block, [s.start, s.end, s.kind])[1] = s.end
    paras = []
    for start, end, kind in extents.values():
        body = _marked(text, start, end, draft.spans, draft.left_out)
        cls = ' class="dr-heading"' if kind == "heading" else ""
        paras.append(f"<p{cls}>{body}</p>")

    first_span: dict[int, Span] = {}
    for sp in draft.spans:
        for r in sp.rows:
            if r not in first_span or (sp.kind == "size" and first_span[r].kind != "size"):
                first_span[r] = sp
    body_rows = []
    for n, row in enumerate(draft.rows.itertuples()):
        sp = first_span.get(n)
        words = f'<a href="#dr-{sp.kind}-{sp.start}">{n + 1}</a>' if sp is not None else str(n + 1)
        place = ", ".join(x for x in (row.locality, row.state) if x)
        date = dt.date.fromisoformat(row.date).strftime("%b. %-d, %Y").replace("May.", "May")
        body_rows.append(
            f'<tr id="draft-row-{n + 1}"><th scope="row">{words}</th><td class="dr-num">'
            f"{_esc(date)}</td><td>{_esc(place)}</td><td>{_esc(row.size_text)}</td>"
            f'<td class="dr-num">{_esc(_size_numbers(row.size_text))}</td>'
            f"<td>{_esc(row.temp_text)}</td><td>{_esc(row.notes)}</td></tr>"
        )
    n_rows = len(draft.rows)
    sized = int((draft.rows["size_text"] != "").sum()) if n_rows else 0
    caption = (
        f"The draft: {n_rows} gathering{'s' if n_rows != 1 else ''}, {sized} with a crowd size. "
        "Each row's number links to its words in the article."
    )
    legend = (
        '<p class="dr-legend">Highlighted: <span class="dr-place">places</span>, '
        '<span class="dr-date">days</span>, <span class="dr-size">crowd sizes</span>, '
        '<span class="dr-weather">weather</span>; each links to its row. '
        '<span class="dr-out">Underlined</span> numbers were left out: the list under the '
        "draft says why.</p>"
    )
    table = (
        f'<div class="dr-table"><table><caption>{_esc(caption)}</caption><thead><tr>'
        '<th scope="col">Row</th><th scope="col">Day</th><th scope="col">Place</th>'
        '<th scope="col">Crowd, in the words</th><th scope="col">Low-high</th>'
        '<th scope="col">Weather</th><th scope="col">Check</th></tr></thead><tbody>'
        + "".join(body_rows)
        + "</tbody></table></div>"
    )
    return (
        f'<section class="draft-review" aria-label="Draft rows and the article they come from">'
        f'<style>{_STYLE}</style>{legend}<div class="dr-grid">'
        f'<div class="dr-article" role="region" aria-label="The article">{"".join(paras)}</div>'
        f"<div>{table}{left_out_html(draft)}</div></div></section>"
    )


def left_out_html(draft: Draft) -> str:
    """Every number the draft left out, in the article's order, with the reason in plain
    words ("a total of several places", "counts things, not people"), each linked to its
    place in the article: a missed crowd is as easy to spot as a wrong one.

    >>> from turnout.draft.gatherings import build_draft
    >>> d = build_draft("Police said 200 people marched in Denver on Jan. 31; four were "
    ...                 "arrested.", published=dt.date(2026, 2, 3))
    >>> "four</a></td><td>people arrested, hurt or killed" in left_out_html(d)
    True
    """
    if not draft.left_out:
        return '<p class="dr-none">Every number in the article went into the draft.</p>'
    items = []
    for q in sorted(draft.left_out, key=lambda q: q.start):
        words = f'<a href="#dr-out-{q.start}">{_esc(" ".join(q.text.split()))}</a>'
        items.append(f"<tr><td>{words}</td><td>{_esc(q.reason)}</td></tr>")
    n = len(draft.left_out)
    caption = (
        f"Left out: {n} number{'s' if n != 1 else ''} the draft did not take for a crowd, "
        "each with the reason. Check that none is a crowd the draft missed."
    )
    return (
        f'<div class="dr-table dr-left-out"><table><caption>{_esc(caption)}</caption><thead>'
        '<tr><th scope="col">Words</th><th scope="col">Why left out</th></tr></thead><tbody>'
        + "".join(items)
        + "</tbody></table></div>"
    )


class Review:
    """A draft shown for review: HTML in JupyterLab and on the page, a table's text elsewhere.

    ``rows`` is the draft (story columns); ``draft`` holds the spans and left-out numbers.
    """

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.rows = draft.rows

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": review_html(self.draft), "text/plain": repr(self)}

    def __repr__(self) -> str:
        n = len(self.rows)
        return f"Draft of {n} row{'s' if n != 1 else ''}"


def draft_review(
    text: str,
    *,
    published: dt.date | str,
    source_name: str | None = None,
    source_url: str | None = None,
) -> Review:
    """Draft an article and return it ready for review (display it in a notebook).

    >>> r = draft_review("DENVER — A crowd of 500 people packed the bridge on Jan. 31.",
    ...                  published="2026-02-03")
    >>> r.rows[["date", "locality", "size_text"]].values.tolist()
    [['2026-01-31', 'Denver', 'A crowd of 500']]
    >>> 'href="#draft-row-1"' in review_html(r.draft)
    True
    """
    from turnout.draft import _as_date

    return Review(
        build_draft(
            text, published=_as_date(published), source_name=source_name, source_url=source_url
        )
    )
