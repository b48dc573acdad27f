"""Why an article with words drafted no rows: the one line a reporter reads instead of
silence (no US place in it, no day, no gathering of people)."""

from __future__ import annotations

import datetime as dt


def why_no_rows(text: str, published: dt.date) -> str:
    """What the drafter found missing in ``text``, for an article that drafted no rows.

    >>> why_no_rows("The union said the strike would go on.", dt.date(2026, 2, 3))
    'no US city or town is named in its 8 words'
    >>> why_no_rows("The vote in Denver is next year.", dt.date(2026, 2, 3))
    'it names a place (Denver) but no day before its publication'
    """
    from turnout.draft.dates import find_dates
    from turnout.draft.places import find_places
    from turnout.draft.sentences import split_sentences

    words = len(text.split())
    sentences = split_sentences(text)
    places = [p for s in sentences for p in find_places(s.text) if p.kind == "city"]
    if not places:
        return f"no US city or town is named in its {words:,} words"
    days = [d for s in sentences for d in find_dates(s.text, published) if not d.future]
    named = ", ".join(dict.fromkeys(p.name for p in places[:3]))
    if not days:
        return f"it names a place ({named}) but no day before its publication"
    return (
        f"it names places ({named}) and days, but no sentence counts people gathering "
        "at one of them on one of them"
    )
