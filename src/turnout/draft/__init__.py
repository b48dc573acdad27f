"""Draft a story's event rows from the article itself (``turnout draft``).

A reporter transcribes an article into rows by hand: one per gathering, sixteen
columns, states, dates, crowd words. This package proposes those rows for the
reporter to review instead of type:

- :mod:`.text`: the article's words, from plain text or a saved ``.html`` page;
- :mod:`.sentences`: headings, captions, paragraphs and sentences, with offsets;
- :mod:`.places`: US cities and states, datelines, places abroad (the gazetteer
  of :mod:`turnout.places`, AP's dateline cities, the article's context);
- :mod:`.dates`: days, resolved against the publication date;
- :mod:`.quantities`: crowd sizes (read by :mod:`turnout.sizes`) and the numbers that
  are not crowds;
- :mod:`.weather`: weather words (read by :mod:`turnout.temperature`);
- :mod:`.gatherings`: one row per place and day, estimates joined, notes for the
  reviewer (:mod:`.notes`);
- :mod:`.review`: the article with every span the draft used highlighted and linked
  to its row, for the review notebook;
- :mod:`.manifest`: the articles given: files, folders, CSV and JSON Lines manifests;
- :mod:`.batch`: many articles into one draft, streamed through worker processes or a
  Dask cluster;
- :mod:`.merge`: one row per gathering across articles, every source kept
  (:mod:`turnout.sources`); :mod:`.spill`: that merge in bounded memory;
- :mod:`.gathered`: a merged draft reviewed a gathering at a time.

Nothing is downloaded: rules, the gazetteer and the size parser, and a small
logistic model over general features of each candidate gathering (:mod:`.candidates`,
:mod:`.features`, :mod:`.model`; trained by :mod:`.training` from the development
set, its weights shipped in ``turnout/data/drafter_model.json``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _as_date(published: dt.date | str) -> dt.date:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published).strip())
    except ValueError:
        from turnout.errors import DataError

        raise DataError(f"publication date {published!r} is not YYYY-MM-DD") from None


def draft_events(
    text: str,
    *,
    published: dt.date | str,
    source_name: str | None = None,
    source_url: str | None = None,
) -> pd.DataFrame:
    """Draft event rows (the columns ``turnout new`` writes) from an article's text.

    One row per gathering (one place, one day), each quoting the sentences it
    came from, with notes telling the reviewer what to check.

    >>> rows = draft_events("SEATTLE (AP) — Hundreds of people marched through downtown "
    ...     "Seattle on Friday. Police said about 700 people took part.", published="2015-11-27")
    >>> rows[["date", "locality", "state", "size_text"]].values.tolist()
    [['2015-11-27', 'Seattle', 'WA', 'Hundreds; about 700']]
    """
    from turnout.draft.gatherings import build_draft

    return build_draft(
        text, published=_as_date(published), source_name=source_name, source_url=source_url
    ).rows
