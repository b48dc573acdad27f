"""A small logistic model that keeps or drops each candidate gathering.

Its weights (``turnout/data/drafter_model.json``) are written by
``scripts/train_drafter.py`` from the development set's hand-coded rows; nothing is
downloaded. A candidate the rules built is dropped only when the model is sure it is
no gathering; one they did not build is added, with an empty size and a note, when
the model is sure it is one. Both notes say so in words a reporter reads.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from turnout.draft.features import DROP_NAMES, NAMES

WEIGHTS = Path(__file__).parents[1] / "data" / "drafter_model.json"
ADDED = "added by the model: no rule found a gathering here, but its sentence reads like one; check"
DROPPED = "left out by the model: its sentence does not read like a gathering here; check"
#: The reason for a gathering without a number that the model left out (its place listed).
DROPPED_PLACE = (
    "left out by the model: a gathering here on {day}? Its sentence does not read like one; check"
)


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The shipped weights, thresholds and the scores they were chosen on.

    >>> m = model()
    >>> len(m["weights"]) == len(m["features"]), 0 < m["add"] <= 1.01
    (True, True)
    """
    with open(WEIGHTS, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    head = data.get("drop head", {}).get("features", list(DROP_NAMES))
    if tuple(data["features"]) != NAMES or tuple(head) != DROP_NAMES:
        raise ValueError(f"{WEIGHTS}: its features are not draft.features' names; retrain")
    return data


def probability(x: list[float], weights: list[float]) -> float:
    """The model's probability that a candidate with features ``x`` is a gathering.

    >>> probability([1.0, 0.0], [0.0, 5.0])
    0.5
    """
    z = sum(a * b for a, b in zip(x, weights, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def dropped_place(q: Any) -> bool:
    """Whether a left-out item is a gathering without a number the model dropped (listed by
    its place's words), not a number.

    >>> from turnout.draft.quantities import Quantity
    >>> reason = DROPPED_PLACE.format(day="Feb. 5, 2025")
    >>> dropped_place(Quantity(0, 6, "Lansing", math.nan, math.nan, False, reason))
    True
    """
    return str(q.reason).startswith(DROPPED_PLACE.split("{")[0])


def _place_left_out(c: Any) -> Any:
    """A dropped gathering without a number, for the reviewer's list: its place's words in its
    sentence (the sentence itself where the place was named in another)."""
    from turnout.ap import ap_date
    from turnout.draft.quantities import Quantity

    reason = DROPPED_PLACE.format(day=ap_date(c.date, year=True))
    p, s = c.place, c.sentence
    where = p if s.start <= p.start and p.end <= s.end else s
    return Quantity(where.start, where.end, where.text, math.nan, math.nan, False, reason)


def decide(candidates: list[Any], facts: Any, rows: dict[Any, Any], gathering: Any) -> list[Any]:
    """Apply the model to an article's candidates: drop the rules' rows it is sure are no
    gathering, add the rows it is sure are; return the numbers of the rows dropped (for
    the reviewer's list, with the reason).

    ``rows`` are the rules' rows by key and ``gathering`` makes a new one for a place,
    day and order (both :func:`.gatherings.build_draft`'s).
    """
    from dataclasses import replace

    from turnout.draft.features import features, row_features

    m = model()
    head = m.get("drop head", {})
    dropped = []
    for c in candidates:
        p = probability(features(c, facts), m["weights"])
        if c.ruled and head.get("ships"):
            # (the drop head, trained where the rules are out of sample, judges their rows)
            p, cut = probability(row_features(c, facts), head["weights"]), head["threshold"]
        else:
            cut = m["drop"]
        if c.ruled and p < cut and c.key in rows:
            g = rows.pop(c.key)
            dropped += [replace(q, crowd=False, reason=DROPPED) for q in g.estimates]
            if not g.estimates:  # no number to list: its place is, so nothing goes unseen
                dropped.append(_place_left_out(c))
        elif not c.ruled and p >= m["add"] and c.key not in rows:
            g = gathering(c.place, c.date, c.sentence.start)
            g.notes += [c.day_note, ADDED] if c.day_note else [ADDED]
            g.sentences.append(c.sentence)
            g.spans.append((c.place.start, c.place.end, "place"))
    return dropped
