"""What the drafter makes of a sentence, as the draft tests read it (shared by tests/draft/)."""

from __future__ import annotations

import datetime as dt

from turnout import draft_events
from turnout.draft.gatherings import build_draft


def rows(text: str, published: str = "2026-02-03") -> list[tuple[str, str, str, str]]:
    """The drafted rows' day, place, state and crowd words."""
    table = draft_events(text, published=published)
    return [tuple(r) for r in table[["date", "locality", "state", "size_text"]].values]


def left_out(text: str, published: str) -> list[tuple[str, str]]:
    """Each number the drafter left out, with its reason."""
    draft = build_draft(text, published=dt.date.fromisoformat(published))
    return [(q.text, q.reason) for q in draft.left_out]
