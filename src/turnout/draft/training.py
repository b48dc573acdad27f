"""How the drafter's model is trained and measured (``scripts/train_drafter.py``).

Each article of a development set is drafted by the rules alone; each of its
candidates (:mod:`.candidates`) is an example, positive when a hand-coded row has
its place and day. A logistic regression (numpy, Newton's method with an L2 penalty,
a fixed number of steps: the same data give the same weights, to the digit) is fit
on them. Cross-validation keeps each article whole: trained on four fifths of the
articles, scored on the fifth it never saw, as the rules alone and as rules and model.
The rules were written from most of these articles, so cross-validation sees them
right almost everywhere; the yardstick for unseen text is a batch no rule was written
from (:data:`HELD_OUT`): the model trained on every other article, scored on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from turnout.draft.features import DROP_NAMES, NAMES, features, row_features
from turnout.draft.score import Case, Score, _place, score

PENALTY = 1.0  # L2 on every weight but the bias
STEPS = 25
ADD = 0.85  # a candidate the rules did not build becomes a row at this probability
DROP = 0.0  # a row the rules built is left out below this probability
FOLDS = 5
# The README's section of the newest batch coded blind. Choices made on its scores use it
# up (the eighth's have been: docs/draft.md): the next blind batch takes its place.
HELD_OUT = "Fifteenth batch"


@dataclass
class Drafted:
    """One article drafted by the rules, with its candidates' features and labels."""

    case: Case
    rows: Any  # the rules' rows (DataFrame)
    keys: list[tuple[str, str, str]]  # each candidate's place and day
    ruled: list[bool]
    x: Any  # features, one line per candidate (numpy)
    y: Any  # 1 where a hand-coded row has the candidate's place and day
    xr: Any = None  # the drop head's features (draft.features.row_features), one line each


def draft_case(case: Case) -> Drafted:
    """The rules' draft of one article and its labelled candidates."""
    from turnout.draft.gatherings import build_draft

    d = build_draft(
        case.text,
        published=dt.date.fromisoformat(case.published),
        source_name=case.source_name,
        model=False,
    )
    coded = {(_place(r.locality, r.state), str(r.date)[:10]) for r in case.expected.itertuples()}
    cands = d.candidates
    x = np.array([features(c, d.facts) for c in cands], dtype=float).reshape(-1, len(NAMES))
    y = np.array([(_place(c.name, c.state), c.date.isoformat()) in coded for c in cands], float)
    keys = [(c.name, c.state, c.date.isoformat()) for c in cands]
    xr = np.array([row_features(c, d.facts) for c in cands], dtype=float)
    return Drafted(case, d.rows, keys, [c.ruled for c in cands], x, y,
                   xr.reshape(-1, len(DROP_NAMES)))  # fmt: skip


def fit(x: Any, y: Any, penalty: float = PENALTY, start: Any = None) -> list[float]:
    """Logistic regression weights for features ``x`` (first column the bias) and labels ``y``
    (Newton's method from ``start``, zeros if none: the optimum is one, so a near start
    only saves steps).

    >>> x = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> w = fit(x, np.array([0.0, 1.0, 0.0, 1.0]))
    >>> w[1] > 0 > w[0]
    True
    """
    return fit_each(x, y, np.ones((len(x), 1), bool), penalty, start)[0]


def fit_each(
    x: Any, y: Any, keep: Any, penalty: float = PENALTY, start: Any = None
) -> list[list[float]]:
    """:func:`fit` once per column of ``keep`` (rows by fits, True where the fit learns from
    the row), all fits stepped together: a leave-one-article-out is one call, not a fit per
    article. Each fit stops on its own once Newton has converged, as a lone fit would.

    >>> x = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 0.0], [1.0, 1.0], [1.0, 1.0]])
    >>> y = np.array([0.0, 1.0, 0.0, 1.0, 0.0])
    >>> keep = np.array([[1, 1], [1, 1], [1, 1], [1, 1], [1, 0]], bool)
    >>> both = fit_each(x, y, keep)
    >>> both == [fit(x, y), fit(x[:4], y[:4])]
    True
    """
    keep = np.asarray(keep, float)
    fits, width = keep.shape[1], x.shape[1]
    w = np.zeros((fits, width)) if start is None else np.tile(np.asarray(start, float), (fits, 1))
    ridge = np.full(width, penalty)
    ridge[0] = 1e-6  # (the bias is not pulled to zero)
    pairs = (x[:, :, None] * x[:, None, :]).reshape(len(x), -1)  # each row's x x^T, flat
    going = np.ones(fits, bool)
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-np.clip(x @ w[going].T, -30, 30)))
        grad = ((p - y[:, None]) * keep[:, going]).T @ x + ridge * w[going]
        hess = ((p * (1 - p)) * keep[:, going]).T @ pairs
        hess = hess.reshape(-1, width, width) + np.diag(ridge)
        step = np.linalg.solve(hess, grad[:, :, None])[:, :, 0]
        w[going] -= step
        # Newton has converged where a step is this small: more steps change no digit kept.
        going[np.flatnonzero(going)[np.abs(step).max(axis=1) < 1e-10]] = False
        if not going.any():
            break
    return [[round(float(v), 4) for v in row] for row in w]


def fit_without(
    x: Any, y: Any, row_group: Any, labels: Any, penalty: float = PENALTY, start: Any = None
) -> list[list[float]]:
    """:func:`fit_each` with one fit per label of ``labels``, each learning from the rows
    whose group (``row_group``, one a row) is another: a leave-one-group-out in one call.

    >>> x = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 0.0], [1.0, 1.0], [1.0, 1.0]])
    >>> y = np.array([0.0, 1.0, 0.0, 1.0, 0.0])
    >>> fit_without(x, y, [0, 0, 1, 1, 2], [2]) == [fit(x[:4], y[:4])]
    True
    """
    keep = np.asarray(row_group)[:, None] != np.asarray(labels)[None, :]
    return fit_each(x, y, keep, penalty, start)


def probabilities_without(drafted: list[Drafted], group_of: list[int | None]) -> list[Any]:
    """Each article's candidates' probabilities from the add model trained on the articles
    outside its group (``group_of``, one an article; ``None``: in no group, so only ever
    trained on, and no probabilities), every group's model fitted in one call."""
    labels = sorted({g for g in group_of if g is not None})
    if not labels:
        return [None] * len(drafted)
    row_group = np.repeat([-1 if g is None else g for g in group_of], [len(d.y) for d in drafted])
    x, y = np.vstack([d.x for d in drafted]), np.concatenate([d.y for d in drafted])
    weights = dict(zip(labels, fit_without(x, y, row_group, labels), strict=True))
    return [
        None if g is None else _probabilities(d.x, weights[g])
        for d, g in zip(drafted, group_of, strict=True)
    ]


def fit_add(drafted: list[Drafted]) -> list[float]:
    """The add model's weights from every candidate of ``drafted`` (weighting the rules'
    rows less was tried: no batch changed)."""
    return fit(np.vstack([d.x for d in drafted]), np.concatenate([d.y for d in drafted]))


def _probabilities(x: Any, w: list[float]) -> Any:
    return 1 / (1 + np.exp(-np.clip(x @ np.array(w), -30, 30)))


def changes(d: Drafted, p: Any, add: float, drop: float, q: Any = None) -> tuple[frozenset, tuple]:
    """The rules' rows the model drops (below ``drop``) and the candidates it adds (at
    ``add`` or above), given each candidate's probability ``p`` (and ``q``, the drop
    head's, for the rules' rows when there is one)."""
    q = p if q is None else q
    gone = frozenset(k for k, r, v in zip(d.keys, d.ruled, q, strict=True) if r and v < drop)
    new = tuple(k for k, r, v in zip(d.keys, d.ruled, p, strict=True) if not r and v >= add)
    return gone, new


def with_model(d: Drafted, gone: frozenset, new: tuple) -> Any:
    """The article's rows as the model leaves them: the rules' rows less ``gone``, with
    ``new`` added (an empty size)."""
    import pandas as pd

    cols = ["locality", "state", "date", "size_text"]
    rows = d.rows.reindex(columns=cols)
    rows = rows[[(a, b, c) not in gone for a, b, c in zip(
        rows.locality, rows.state, rows.date, strict=True)]]  # fmt: skip
    extra = pd.DataFrame(
        [{"locality": a, "state": b, "date": c, "size_text": ""} for a, b, c in new],
        columns=cols,
    )
    return pd.concat([rows, extra], ignore_index=True) if len(extra) else rows


_SCORED: dict[tuple, Score] = {}  # (article, dropped, added) -> its score: thresholds repeat


def _scored(d: Drafted, gone: frozenset, new: tuple) -> Score:
    key = (d.case.name, d.case.text, gone, new)
    if key not in _SCORED:
        _SCORED[key] = score(with_model(d, gone, new), d.case.expected)
    return _SCORED[key]


ZERO = Score(0, 0, 0, 0, 0)
ADDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01)  # (1.01: never add)
DROPS = (0.0, 0.05, 0.1, 0.2)  # (0: never drop)


def merit(s: Score) -> float:
    """What thresholds are chosen for: the harmonic mean of the two shares issue 20 judges
    by, gatherings found exactly and drafted rows real.

    >>> round(merit(Score(10, 10, 8, 8, 8)), 3)
    0.8
    """
    a, b = s.recall_exact, s.precision
    return 2 * a * b / (a + b) if a + b else 0.0


def folds_of(drafted: list[Drafted], folds: int = FOLDS) -> list[int]:
    """Each article's fold: articles in turn by name, so an article is never split."""
    order = sorted(range(len(drafted)), key=lambda i: drafted[i].case.name)
    fold = [0] * len(drafted)
    for n, i in enumerate(order):
        fold[i] = n % folds
    return fold


def held_out(drafted: list[Drafted], folds: int = FOLDS) -> list[Any]:
    """Each article's candidates' probabilities from a model trained without its fold."""
    return probabilities_without(drafted, list(folds_of(drafted, folds)))


def scores(
    drafted: list[Drafted], probs: list[Any], add: float, drop: float
) -> tuple[dict[str, Score], dict[str, Score]]:
    """The rules' scores and the rules-and-model scores, per genre and ``"all"``."""
    rules: dict[str, Score] = {}
    both: dict[str, Score] = {}
    for d, p in zip(drafted, probs, strict=True):
        a = _scored(d, frozenset(), ())
        b = _scored(d, *changes(d, p, add, drop))
        for g in ("all", d.case.genre):
            rules[g] = rules.get(g, ZERO) + a
            both[g] = both.get(g, ZERO) + b
    return rules, both


def held_out_groups(drafted: list[Drafted], groups: tuple[frozenset[str], ...]) -> list[Any]:
    """Each article's candidates' probabilities from a model trained without its group
    (``None`` for an article in no group: it is only ever trained on)."""
    group_of = [next((k for k, g in enumerate(groups) if d.case.name in g), None) for d in drafted]
    return probabilities_without(drafted, group_of)


def choose(
    drafted: list[Drafted], folds: int = FOLDS, groups: tuple[frozenset[str], ...] = ()
) -> tuple[float, float]:
    """The add and drop thresholds that score best in cross-validation on these articles
    (the more cautious of equals: fewer rows added, fewer dropped): by article in
    ``folds``, or, with ``groups`` (batches of articles), leaving one group out at a time
    and scoring the grouped articles alone."""
    groups = tuple(g for g in groups if any(d.case.name in g for d in drafted))
    probs = held_out_groups(drafted, groups) if groups else held_out(drafted, folds)
    scored = [(d, p) for d, p in zip(drafted, probs, strict=True) if p is not None]
    ds, ps = [d for d, _ in scored], [p for _, p in scored]
    best = (-1.0, 0.0, 0.0)
    for add in reversed(ADDS):
        for drop in DROPS:
            m = merit(scores(ds, ps, add, drop)[1]["all"])
            if m > best[0] + 1e-9:
                best = (m, add, drop)
    return best[1], best[2]


def cross_validate(
    drafted: list[Drafted], folds: int = FOLDS
) -> tuple[dict[str, Score], dict[str, Score], list[tuple[float, float]]]:
    """Scores of the rules alone and of rules and model on articles the model never saw:
    each fold's model and thresholds chosen on the other folds alone (thresholds by a
    cross-validation inside them). Per genre and ``"all"``, and each fold's thresholds."""
    fold = folds_of(drafted, folds)
    rules: dict[str, Score] = {}
    both: dict[str, Score] = {}
    chosen = []
    for k in range(folds):
        train = [d for i, d in enumerate(drafted) if fold[i] != k]
        test = [d for i, d in enumerate(drafted) if fold[i] == k]
        add, drop = choose(train, folds)
        chosen.append((add, drop))
        w = fit_add(train)
        a, b = scores(test, [_probabilities(d.x, w) for d in test], add, drop)
        for g in set(a) | set(b):
            rules[g] = rules.get(g, ZERO) + a.get(g, ZERO)
            both[g] = both.get(g, ZERO) + b.get(g, ZERO)
    return rules, both, chosen


def batch_names(folder: Any, heading: str = HELD_OUT) -> frozenset[str]:
    r"""The articles in the table of the README section of ``folder`` whose heading starts
    with ``heading`` (``## Eighth batch: ...``), up to the next section.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "README.md").write_text("## Seventh\n| a | x |\n## Eighth batch: new\n"
    ...     "| name | published |\n|---|---|\n| b | 2020-01-01 |\n## Ninth\n| c | y |\n")
    >>> sorted(batch_names(d, "Eighth batch"))
    ['b']
    """
    from pathlib import Path

    names: set[str] = set()
    inside = False
    for line in (Path(folder) / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            inside = line[3:].startswith(heading)
        elif inside and line.startswith("|"):
            cell = line.strip("|").split("|")[0].strip()
            if cell and cell != "name" and not set(cell) <= {"-", ":"}:
                names.add(cell)
    return frozenset(names)


def blind_batches(folder: Any) -> dict[str, frozenset[str]]:
    r"""The README's batches coded blind for a first run (``## Sixth batch: coded blind for a
    first run``), each heading's first word and its articles, but the held-out one
    (:data:`HELD_OUT`): the groups thresholds are chosen by and the model judged on.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "README.md").write_text("## Sixth batch: coded blind for a first run\n"
    ...     f"| a | x |\n## {HELD_OUT}: coded blind for a first run\n| b | y |\n")
    >>> blind_batches(d)
    {'Sixth': frozenset({'a'})}
    """
    import re
    from pathlib import Path

    text = (Path(folder) / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"^## (\w+) batch: coded blind for a first run", text, re.M)
    return {b: batch_names(folder, f"{b} batch") for b in found if f"{b} batch" != HELD_OUT}


def held_out_batch(
    drafted: list[Drafted],
    names: frozenset[str],
    folds: int = FOLDS,
    groups: tuple[frozenset[str], ...] = (),
) -> tuple[dict[str, Score], dict[str, Score], tuple[float, float]]:
    """Scores of the rules alone and of rules and model on the articles ``names``, the
    model and its thresholds chosen on every other article alone: how it does on text
    the rules were not written from. Per genre and ``"all"``, and the thresholds."""
    train = [d for d in drafted if d.case.name not in names]
    test = [d for d in drafted if d.case.name in names]
    add, drop = choose(train, folds, tuple(g for g in groups if g != names))
    w = fit_add(train)
    rules, both = scores(test, [_probabilities(d.x, w) for d in test], add, drop)
    return rules, both, (add, drop)


def leave_batch_out(
    drafted: list[Drafted],
    batches: dict[str, frozenset[str]],
    folds: int = FOLDS,
    by_batch: bool = True,
) -> dict[str, tuple[Score, Score, float]]:
    """For each batch, the rules' score and the rules-and-model score on its articles, the
    model trained on every other article of ``drafted`` and its add threshold chosen by a
    cross-validation inside them (:func:`held_out_batch`), and that threshold: how the model
    does on a batch whose look-alike articles it never saw (the 5-fold cross-validation by
    article puts a batch's other articles in training).

    >>> import pandas as pd
    >>> cols = ["date", "locality", "state", "size_text"]
    >>> def case(name, text, city, state):
    ...     rows = pd.DataFrame([["2020-06-06", city, state, ""]], columns=cols)
    ...     return draft_case(Case(name, text, "2020-06-07", "", "", rows, "wire"))
    >>> drafted = [case("a", "Vigils were also held in Omaha on Saturday.", "Omaha", "NE"),
    ...            case("b", "Rallies were held in Tulsa on Saturday.", "Tulsa", "OK"),
    ...            case("c", "Marchers filled Boise on Saturday.", "Boise", "ID")]
    >>> rules, both, add = leave_batch_out(drafted, {"one": frozenset({"a"})}, folds=2)["one"]
    >>> rules.expected, add in ADDS
    (1, True)
    """
    out = {}
    groups = tuple(batches.values()) if by_batch else ()
    for batch, names in batches.items():
        rules, both, (add, _) = held_out_batch(drafted, names, folds, groups)
        out[batch] = (rules.get("all", ZERO), both.get("all", ZERO), add)
    return out


def _counts(s: Score) -> dict[str, int]:
    return {"expected": s.expected, "proposed": s.proposed, "found": s.found,
            "exact": s.exact, "real": s.real}  # fmt: skip


def train(
    folder: Any,
    extra: tuple[Case, ...] = (),
    folds: int = FOLDS,
    held: frozenset[str] = frozenset(),
    blind: frozenset[str] = frozenset(),
    groups: tuple[frozenset[str], ...] = (),
) -> dict[str, Any]:
    """The model trained on every article of ``folder`` (``articles.csv`` and its files)
    and the ``extra`` ones, its thresholds, and its cross-validated scores beside the
    rules', and (with ``held``, names of articles no rule was written from) its scores on
    those articles when trained without them, and (with ``blind``, articles coded blind
    after the rules were written) the drop head (:mod:`.dropping`), the add threshold chosen
    by leaving one of ``groups`` (the blind batches) out at a time when there are any: what
    ``turnout/data/drafter_model.json`` holds. The same articles give the same dict."""
    from turnout.draft.dropping import drop_head
    from turnout.draft.score import load_cases

    drafted = [draft_case(c) for c in (*load_cases(folder), *extra)]
    w = fit_add(drafted)
    add, drop = choose(drafted, folds, groups)
    rules, both, chosen = cross_validate(drafted, folds)
    out: dict[str, Any] = {
        "about": "turnout draft's model: logistic regression over draft.features.NAMES, "
        "trained by scripts/train_drafter.py on tests/fixtures/articles (see docs/draft.md)",
        "features": list(NAMES),
        "weights": w,
        "add": add,
        "drop": drop,
        "thresholds chosen": "leaving one blind batch out at a time"
        if groups
        else "5-fold by article",
        "articles": len(drafted),
        "candidates": int(sum(len(d.keys) for d in drafted)),
        "cv": {
            "folds": folds,
            "thresholds": [list(t) for t in chosen],
            "rules": {g: _counts(s) for g, s in sorted(rules.items())},
            "rules and model": {g: _counts(s) for g, s in sorted(both.items())},
        },
    }
    if held:
        h_rules, h_both, h_chosen = held_out_batch(drafted, held, folds, groups)
        out["held out"] = {
            "articles": sorted(held & {d.case.name for d in drafted}),
            "thresholds": list(h_chosen),
            "rules": {g: _counts(s) for g, s in sorted(h_rules.items())},
            "rules and model": {g: _counts(s) for g, s in sorted(h_both.items())},
        }
    out["drop head"] = drop_head(drafted, blind, add)
    return out
