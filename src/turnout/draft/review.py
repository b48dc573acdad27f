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

from turnout import cells
from turnout.draft.gatherings import Draft, Span, build_draft
from turnout.draft.model import dropped_place
from turnout.sizes import parse_size

KINDS = {"place": "place", "date": "day", "size": "crowd size", "weather": "weather"}

# Okabe-Ito hues, lightened for a background under dark text (and darkened for dark mode).
_STYLE = """
.draft-review{--dr-place:#cde6f6;--dr-date:#fbe3b8;--dr-size:#c8eee1;--dr-weather:#f2d6e6;
--dr-ink:inherit;--dr-out:#a65400;font-size:1rem;line-height:1.5}
@media (prefers-color-scheme:dark){.draft-review{--dr-place:#0b3f5c;--dr-date:#5c3f00;
--dr-size:#004d38;--dr-weather:#5a2444;--dr-out:#f0b060}}
.draft-review .dr-grid{display:grid;gap:1.5rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:110rem){.draft-review .dr-grid{grid-template-columns:minmax(0,2fr) minmax(0,3fr)}}
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
.draft-review td.dr-note{min-width:16em}
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


def checked_by(drafted: Any, story_rows: Any) -> list[str] | None:
    """Who checked each drafted row: the initials in ``checked`` of the story's row of the
    same day and place ("" where no such row is checked yet). None for a story whose rows
    were typed by hand (rows but no ``checked`` column): there is nothing to say.

    >>> import pandas as pd
    >>> drafted = pd.DataFrame({"date": ["2022-06-24", "2022-06-25"],
    ...                         "locality": ["Chicago", "Boise"]})
    >>> story = pd.DataFrame({"date": ["6/24/2022", "2022-06-25"], "locality": ["chicago", "Boise"],
    ...                       "checked": ["AB", None]})
    >>> checked_by(drafted, story)
    ['AB', '']
    """
    import pandas as pd

    from turnout.columns import CHECKED

    if story_rows is not None and len(story_rows) and CHECKED not in story_rows:
        return None
    if story_rows is None or CHECKED not in story_rows or not len(drafted):
        return [""] * len(drafted)

    def key(rows: Any) -> Any:
        day = pd.to_datetime(rows["date"], errors="coerce", format="mixed").dt.strftime("%Y-%m-%d")
        return day + "|" + rows["locality"].astype("str").str.strip().str.casefold()

    initials = story_rows[CHECKED].astype("str").str.strip()
    done = story_rows[story_rows[CHECKED].notna() & initials.ne("")]
    who = dict(zip(key(done), initials[done.index], strict=True))
    return [who.get(k, "") for k in key(drafted)]


def review_html(draft: Draft, checked: list[str] | None = None) -> str:
    """The review fragment for a draft: highlighted article, then (or beside it) the rows;
    with ``checked`` (:func:`checked_by`), a column saying who checked each row."""
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
        first = first_span.get(n)
        words = (
            f'<a href="#dr-{first.kind}-{first.start}">{n + 1}</a>'
            if first is not None
            else str(n + 1)
        )
        place = ", ".join(x for x in (row.locality, row.state) if x)
        date = cells.date(row.date)  # AP style, as every room words a day ("Sept. 5, 2022")
        body_rows.append(
            f'<tr id="draft-row-{n + 1}"><th scope="row">{words}</th>'
            + ("" if checked is None else f"<td>{_esc(_checked_cell(checked[n]))}</td>")
            + f'<td class="dr-num">{_esc(date)}</td><td>{_esc(place)}</td>'
            f"<td>{_esc(row.size_text)}</td>"
            f'<td class="dr-num">{_esc(_size_numbers(row.size_text))}</td>'
            f'<td>{_esc(row.temp_text)}</td><td class="dr-note">{_esc(row.notes)}</td></tr>'
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
        '<th scope="col">Row</th>'
        + ("" if checked is None else '<th scope="col">Checked</th>')
        + '<th scope="col">Day</th><th scope="col">Place</th>'
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
    places = sum(map(dropped_place, draft.left_out))  # gatherings, not numbers
    n = len(draft.left_out) - places
    what = [f"{n} number{'s' if n != 1 else ''}"] if n else []
    what += [f"{places} gathering{'s' if places != 1 else ''}"] if places else []
    caption = (
        f"Left out: {' and '.join(what)} the draft did not take, each with the reason. "
        "Check that none is a crowd or gathering the draft missed."
    )
    return (
        f'<div class="dr-table dr-left-out"><table><caption>{_esc(caption)}</caption><thead>'
        '<tr><th scope="col">Words</th><th scope="col">Why left out</th></tr></thead><tbody>'
        + "".join(items)
        + "</tbody></table></div>"
    )


def story_source(
    settings: Any, events: Any, *, published: str | None = None, source_name: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """The article's publication date, outlet and address for the review: what is given,
    else the story's settings (``published``, ``outlet``, ``url``), else its rows' most
    common ``source_date`` and ``source_name``; None where nothing says.

    >>> import pandas as pd
    >>> from turnout.stories import Story
    >>> rows = pd.DataFrame({"source_date": ["2022-06-26"], "source_name": ["The Wire"]})
    >>> story_source(Story(slug="s", data_path=None, outlet="AP"), rows)
    ('2022-06-26', 'AP', None)
    >>> story_source(Story(slug="s", data_path=None), pd.DataFrame())
    (None, None, None)
    """

    def common(column: str) -> str | None:
        if column not in events or events[column].dropna().empty:
            return None
        return str(events[column].dropna().mode().iloc[0])

    return (
        published or settings.published or common("source_date"),
        source_name or settings.outlet or common("source_name"),
        settings.url or None,
    )


def _checked_cell(initials: str) -> str:
    return f"checked ({initials})" if initials else "not yet"


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="robots" content="noindex">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:100rem;margin:1rem auto;padding:0 1rem}}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{note}</p>
{body}
</body>
</html>
"""


def review_page(review: Review, *, title: str, note: str) -> str:
    """The review as a page of its own, for a reporter who does not open JupyterLab: no
    script, nothing loaded from elsewhere, never published (it is written outside ``site/``).

    >>> r = draft_review("DENVER — A crowd of 500 people packed the bridge on Jan. 31.",
    ...                  published="2026-02-03")
    >>> page = review_page(r, title="Draft: <may-day>", note="Check each row.")
    >>> "<title>Draft: &lt;may-day&gt;</title>" in page, "<script" in page, "not yet" in page
    (True, False, True)
    """
    return _PAGE.format(
        title=_esc(title), note=_esc(note), body=review_html(review.draft, review.checked)
    )


class Review:
    """A draft shown for review: HTML in JupyterLab and on the page, a table's text elsewhere.

    ``rows`` is the draft (story columns); ``draft`` holds the spans and left-out numbers.
    """

    def __init__(self, draft: Draft, checked: list[str] | None = None) -> None:
        self.draft = draft
        self.rows = draft.rows
        #: Who checked each row (:func:`checked_by`): "" where nobody has yet; None for a
        #: story typed by hand (no ``checked`` column: the review shows none).
        self.checked = checked

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": review_html(self.draft, self.checked), "text/plain": repr(self)}

    def __repr__(self) -> str:
        n = len(self.rows)
        return f"Draft of {n} row{'s' if n != 1 else ''}"


def draft_review(
    text: str,
    *,
    published: dt.date | str,
    source_name: str | None = None,
    source_url: str | None = None,
    story_rows: Any = None,
) -> Review:
    """Draft an article and return it ready for review (display it in a notebook).

    ``story_rows`` (the story's CSV as typed) says which drafted rows a person has checked
    (:func:`checked_by`); the review shows it.

    >>> r = draft_review("DENVER — A crowd of 500 people packed the bridge on Jan. 31.",
    ...                  published="2026-02-03")
    >>> r.rows[["date", "locality", "size_text"]].values.tolist()
    [['2026-01-31', 'Denver', 'A crowd of 500']]
    >>> 'href="#draft-row-1"' in review_html(r.draft)
    True
    """
    from turnout.draft import _as_date

    draft = build_draft(
        text, published=_as_date(published), source_name=source_name, source_url=source_url
    )
    return Review(draft, checked_by(draft.rows, story_rows))
