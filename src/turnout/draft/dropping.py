"""The drop head: which rows the rules built on unseen text are no gathering.

The rules were written from most development articles, so there their rows are nearly
all real and no model can learn from them what a false row looks like. The batches
coded blind after the rules were mostly written (:data:`BLIND`) are the only honest
examples: their rules' rows, real or false against the hand coding. A small logistic
model (:func:`.training.fit`) over :data:`.features.DROP_NAMES` is trained on those
rows alone, and judged only by cross-validation that leaves one article out at a time
(its threshold chosen by a cross-validation inside the other articles). Dropping ships
only when that raises the real share by :data:`GAIN` with the exact share falling by
at most :data:`COST` (``scripts/train_drafter.py``; docs/draft.md).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from turnout.draft.score import Score
from turnout.draft.training import (
    ZERO,
    Drafted,
    _counts,
    _probabilities,
    _scored,
    changes,
    fit,
    fit_without,
    merit,
    probabilities_without,
)

# The README's sections of batches coded blind after the rules were mostly written (the
# eleventh also the add model's held-out batch, training.HELD_OUT, until the next one comes).
BLIND = (
    "Eighth batch",
    "Ninth batch",
    "Tenth batch",
    "Eleventh batch",
    "Twelfth batch",
    "Thirteenth batch",
    "Fourteenth batch",
)
PENALTY = 4.0  # L2 on the drop head (about 100 examples: a stronger pull than the add model's)
GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)  # drop thresholds tried (0: never drop)
GAIN = 0.05  # the real share must rise by this much ...
COST = 0.01  # ... and the exact share fall by no more than this, for dropping to ship


def fit_drop(drafted: list[Drafted], start: Any = None) -> list[float]:
    """The drop head's weights from the rules' rows of ``drafted``.

    >>> from turnout.draft.training import Drafted
    >>> x = np.array([[1.0, 1.0], [1.0, 0.0], [1.0, 1.0], [1.0, 0.0]])
    >>> d = Drafted(None, None, list("abcd"), [True] * 4, x, np.array([1.0, 0, 1, 0]), x)
    >>> w = fit_drop([d])
    >>> w[1] > 0
    True
    """
    x, y, _ = _rule_rows(drafted)
    return fit(x, y, PENALTY, start)


def fit_drop_without_each(drafted: list[Drafted], start: Any = None) -> list[list[float]]:
    """:func:`fit_drop` on all of ``drafted`` but one, for each article in turn (one call)."""
    x, y, article = _rule_rows(drafted)
    return fit_without(x, y, article, np.arange(len(drafted)), PENALTY, start)


def _rule_rows(drafted: list[Drafted]) -> tuple[Any, Any, Any]:
    """The rules' rows of every article stacked: features, labels, and each row's article."""
    ruled = [np.array(d.ruled, bool) for d in drafted]
    x = np.vstack([d.xr[r] for d, r in zip(drafted, ruled, strict=True)])
    y = np.concatenate([d.y[r] for d, r in zip(drafted, ruled, strict=True)])
    article = np.repeat(np.arange(len(drafted)), [int(r.sum()) for r in ruled])
    return x, y, article


def _score(drafted: list[Drafted], adds: list[Any], add: float, drops: list[Any] | None,
           drop: float) -> Score:  # fmt: skip
    total = ZERO
    for d, p, q in zip(drafted, adds, drops or [None] * len(drafted), strict=True):
        total = total + _scored(d, *changes(d, p, add, drop, q))
    return total


def _left_out(drafted: list[Drafted]) -> list[Any]:
    """Each article's drop probabilities from a head trained on the others alone (each fit
    started from the head trained on all of them, a few Newton steps away)."""
    without = fit_drop_without_each(drafted, fit_drop(drafted))
    return [_probabilities(d.xr, w) for d, w in zip(drafted, without, strict=True)]


def choose_drop(drafted: list[Drafted], adds: list[Any], add: float) -> float:
    """The drop threshold that scores best (merit) on ``drafted``, each article's
    probabilities from a head trained without it (the more cautious of equals)."""
    drops = _left_out(drafted)
    best = (-1.0, 0.0)
    for drop in GRID:
        m = merit(_score(drafted, adds, add, drops, drop))
        if m > best[0] + 1e-9:
            best = (m, drop)
    return best[1]


def adds_left_out(drafted: list[Drafted], names: frozenset[str]) -> dict[str, Any]:
    """The add model's probabilities for each article of ``names``, trained on every
    other article of ``drafted`` (so the add model never saw the article either)."""
    group_of = [i if d.case.name in names else None for i, d in enumerate(drafted)]
    probs = probabilities_without(drafted, group_of)
    return {d.case.name: p for d, p in zip(drafted, probs, strict=True) if p is not None}


def cross_validate_drop(
    blind: list[Drafted], adds: dict[str, Any], add: float
) -> tuple[dict[str, Score], list[float]]:
    """Leave-one-article-out scores on the ``blind`` articles: the rules alone, rules and
    model without dropping, and with the drop head (trained and its threshold chosen on
    the other blind articles alone); and each article's chosen threshold. ``adds`` holds
    each one's add-model probabilities (:func:`adds_left_out`)."""
    out = {"rules": ZERO, "rules and model": ZERO, "with dropping": ZERO}
    chosen = []
    without = fit_drop_without_each(blind)
    for i, d in enumerate(blind):
        rest = blind[:i] + blind[i + 1 :]
        drop = choose_drop(rest, [adds[e.case.name] for e in rest], add)
        chosen.append(drop)
        q = _probabilities(d.xr, without[i])
        p = adds[d.case.name]
        out["rules"] = out["rules"] + _scored(d, frozenset(), ())
        out["rules and model"] = out["rules and model"] + _scored(d, *changes(d, p, add, 0.0))
        out["with dropping"] = out["with dropping"] + _scored(d, *changes(d, p, add, drop, q))
    return out, chosen


def ships(without: Score, with_drop: Score) -> bool:
    """Whether dropping earns its place: the real share up by :data:`GAIN` or more, the
    exact share down by :data:`COST` or less.

    >>> ships(Score(10, 10, 8, 6, 8), Score(10, 8, 8, 6, 8))
    True
    >>> ships(Score(10, 10, 8, 6, 8), Score(10, 8, 8, 5, 8))
    False
    """
    real = with_drop.precision - without.precision
    exact = without.recall_exact - with_drop.recall_exact
    return real >= GAIN - 1e-9 and exact <= COST + 1e-9


def drop_head(drafted: list[Drafted], names: frozenset[str], add: float) -> dict[str, Any]:
    """The drop head as the weights file holds it: trained on the rules' rows of the blind
    articles ``names``, its threshold chosen on them (used only when it ``ships``), and
    its leave-one-article-out scores beside those of rules and model without it."""
    from turnout.draft.features import DROP_NAMES

    blind = sorted((d for d in drafted if d.case.name in names), key=lambda d: d.case.name)
    if not blind:
        return {"features": list(DROP_NAMES), "weights": [0.0] * len(DROP_NAMES),
                "threshold": 0.0, "ships": False}  # fmt: skip
    adds = adds_left_out(drafted, names)
    cv, chosen = cross_validate_drop(blind, adds, add)
    ok = ships(cv["rules and model"], cv["with dropping"])
    threshold = choose_drop(blind, [adds[d.case.name] for d in blind], add)
    return {
        "features": list(DROP_NAMES),
        "weights": fit_drop(blind),
        "threshold": threshold if ok else 0.0,
        "ships": ok,
        "articles": [d.case.name for d in blind],
        "rule rows": int(sum(sum(d.ruled) for d in blind)),
        "false rule rows": int(sum(sum(1 - d.y[np.array(d.ruled, bool)]) for d in blind)),
        "cv": {
            "thresholds": chosen,
            **{k: _counts(v) for k, v in cv.items()},
        },
    }
