"""The review of a merged draft: one block per gathering, each source's sentences highlighted.

When several articles report the same day's events, the reporter checks the
merged draft a gathering at a time: the place, the day, the numbers the row
codes and the notes (who gave which estimate, what disagrees), then every
article that reported it, its name, date and address, and the sentences its row
rests on with the place, day, crowd size and weather the draft used highlighted
(the colours of :mod:`.review`). The HTML is one self-contained fragment (no
scripts, no outside requests), shown in JupyterLab and on the built page alike.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from typing import Any

from turnout.draft.gatherings import Draft, build_draft
from turnout.draft.manifest import Article
from turnout.draft.merge import place_key
from turnout.draft.review import _STYLE, _marked, _size_numbers

_LINK = re.compile(r' href="#draft-row-\d+" id="[^"]*"')
_MORE_STYLE = """
.draft-review .dr-gathering{border-top:1px solid rgba(127,127,127,.4);padding:.6em 0}
.draft-review .dr-gathering h3{font-size:1.05rem;margin:0 0 .3em}
.draft-review .dr-notes{margin:0 0 .4em;padding-left:1.2em;font-size:.9rem}
.draft-review .dr-source{margin:.2em 0 .6em 0;padding-left:.8em;
border-left:3px solid rgba(127,127,127,.5)}
.draft-review .dr-source p{margin:.1em 0;overflow-wrap:anywhere}
.draft-review .dr-who{font-weight:700}
"""


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _day(value: str) -> str:
    from turnout.ap import ap_date

    try:
        return ap_date(dt.date.fromisoformat(value), year=True)
    except ValueError:
        return value


def _sentences(draft: Draft, row: int) -> str:
    """The sentences of one article's row, with that row's spans highlighted."""
    from turnout.draft.sentences import split_sentences

    spans = [sp for sp in draft.spans if row in sp.rows]
    # Highlights link within the block: ids would clash between sources, so none.
    spans = [type(sp)(sp.start, sp.end, sp.kind, {row}) for sp in spans]
    shown = [
        s for s in split_sentences(draft.text) if any(s.start <= sp.start < s.end for sp in spans)
    ]
    marked = "".join(f"<p>{_marked(draft.text, s.start, s.end, spans, [])}</p>" for s in shown)
    # The article view's links and ids point into its own table: here they would clash.
    return _LINK.sub("", marked)


class GatheredReview:
    """A merged draft shown for review, grouped by gathering.

    ``rows`` is the merged draft (story columns, several sources one line each);
    ``drafts`` the drafted articles in input order (their spans highlight the words).
    """

    def __init__(self, rows: Any, drafts: list[Draft], sources: list[list[tuple[int, int]]]):
        self.rows = rows
        self.drafts = drafts
        self.sources = sources  # per merged row: (article, row in its draft) of each source

    def html(self) -> str:
        """The review fragment: a legend, then one block per gathering."""
        from turnout.sources import row_sources

        blocks = []
        for n, (row, members) in enumerate(
            zip(self.rows.to_dict("records"), self.sources, strict=True)
        ):
            place = ", ".join(x for x in (row["locality"], row["state"]) if x)
            numbers = _size_numbers(row["size_text"])
            sized = f": {numbers} ({row['size_text']})" if numbers else ": no crowd size"
            notes = "".join(f"<li>{_esc(line)}</li>" for line in row["notes"].split("\n") if line)
            said = row_sources(
                row["source_name"], row["source_date"], row["source_url"], row["source_quote"]
            )
            parts = []
            for source, (article, at) in zip(said, members, strict=False):
                link = (
                    f' <a href="{_esc(source.url)}" rel="noopener">{_esc(source.url)}</a>'
                    if source.url.startswith(("http://", "https://"))
                    else ""
                )
                who = f"{source.name}, {_day(source.date)}" if source.date else source.name
                parts.append(
                    f'<div class="dr-source"><p><span class="dr-who">{_esc(who)}</span>{link}</p>'
                    f"{_sentences(self.drafts[article], at)}</div>"
                )
            count = f"{len(members)} source{'s' if len(members) != 1 else ''}"
            blocks.append(
                f'<article class="dr-gathering" id="gathering-{n + 1}"><h3>{n + 1}. '
                f"{_esc(place)}, {_esc(_day(row['date']))}{_esc(sized)}; {count}</h3>"
                f'<ul class="dr-notes">{notes}</ul>{"".join(parts)}</article>'
            )
        n_rows = len(self.rows)
        legend = (
            f'<p class="dr-legend">{n_rows} gathering{"s" if n_rows != 1 else ""} from '
            f"{len(self.drafts)} article{'s' if len(self.drafts) != 1 else ''}. Highlighted in "
            'each source\'s sentences: <span class="dr-place">places</span>, '
            '<span class="dr-date">days</span>, <span class="dr-size">crowd sizes</span>, '
            '<span class="dr-weather">weather</span>.</p>'
        )
        return (
            '<section class="draft-review" aria-label="Merged draft, by gathering">'
            f"<style>{_STYLE}{_MORE_STYLE}</style>{legend}{''.join(blocks)}</section>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": repr(self)}

    def __repr__(self) -> str:
        return f"Merged draft of {len(self.rows)} gatherings from {len(self.drafts)} articles"


def gathered_review(articles: Iterable[Article]) -> GatheredReview:
    """Draft each article, merge the rows by gathering and return them ready for review.

    For a reporter's day of articles (it holds every article's text: the command
    line, :mod:`.batch`, is the way for an archive).

    >>> from turnout.draft.manifest import Article
    >>> r = gathered_review([
    ...     Article(0, "2026-02-01", "AP", text="About 4,000 rallied in Denver on Saturday."),
    ...     Article(1, "2026-02-01", "NPR", text="Hundreds rallied in Denver on Saturday.")])
    >>> r.rows[["locality", "size_text"]].values.tolist(), r.sources
    ([['Denver', 'About 4,000; Hundreds']], [[(0, 0), (1, 0)]])
    >>> r.html().count('<a class="dr dr-size"')  # each source's crowd size, highlighted
    2
    """
    import pandas as pd

    from turnout.columns import RAW_COLUMNS
    from turnout.draft import _as_date
    from turnout.draft.merge import merge_place
    from turnout.draft.text import read_article

    drafts: list[Draft] = []
    places: dict[tuple[str, str], list[Any]] = {}
    for number, a in enumerate(articles):
        text = a.text if a.text is not None else read_article(a.path)
        draft = build_draft(
            text,
            published=_as_date(a.published),
            source_name=a.source or None,
            source_url=a.url or None,
        )
        drafts.append(draft)
        for n, row in enumerate(draft.rows.to_dict("records")):
            places.setdefault(place_key(row), []).append((number, n, row))
    merged = sorted((o for rows in places.values() for o in merge_place(rows)), key=lambda o: o[0])
    sources = [_members(order, row, places) for order, row in merged]
    table = pd.DataFrame(
        [{c: row.get(c, "") for c in RAW_COLUMNS} for _, row in merged],
        columns=RAW_COLUMNS,
        dtype="object",
    )
    return GatheredReview(table, drafts, sources)


def _members(order: tuple[int, int], row: dict[str, Any], places: dict) -> list[tuple[int, int]]:
    """The (article, row) of each source of a merged row, in order: as
    :func:`~turnout.draft.merge.merge_place` merges, the articles with one row for that place
    and day; an article's rows it tells apart are rows of their own."""
    from turnout.sources import source_count

    if source_count(row["source_name"]) == 1:
        return [order]
    day: dict[int, list[int]] = {}
    for a, n, r in places[place_key(row)]:
        if r["date"] == row["date"]:
            day.setdefault(a, []).append(n)
    return sorted((a, ns[0]) for a, ns in day.items() if len(ns) == 1)
