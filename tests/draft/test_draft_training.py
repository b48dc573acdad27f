"""Training the drafter's model: folds by article, thresholds by cross-validation."""

from __future__ import annotations

import numpy as np

from turnout.draft.score import Score
from turnout.draft.training import ZERO, fit, folds_of, merit


class _Named:
    def __init__(self, name: str) -> None:
        self.case = type("Case", (), {"name": name})()


def test_folds_never_split_an_article_and_spread_them_evenly() -> None:
    drafted = [_Named(n) for n in ["e", "a", "d", "b", "c", "f", "g"]]
    fold = folds_of(drafted, folds=3)  # type: ignore[arg-type]
    assert len(fold) == 7 and set(fold) == {0, 1, 2}
    assert sorted(fold.count(k) for k in range(3)) == [2, 2, 3]
    by_name = {d.case.name: f for d, f in zip(drafted, fold, strict=True)}
    assert [by_name[n] for n in "abcdefg"] == [0, 1, 2, 0, 1, 2, 0]  # in turn, by name


def test_merit_weighs_exact_recall_and_precision_alike() -> None:
    assert merit(ZERO) == 1.0  # nothing to find and nothing proposed: nothing wrong
    assert merit(Score(10, 0, 0, 0, 0)) == 0.0
    assert merit(Score(10, 10, 10, 10, 10)) == 1.0
    # Finding more at the cost of false rows can score less than finding fewer, all real.
    assert merit(Score(10, 20, 9, 9, 9)) < merit(Score(10, 6, 6, 6, 6))


def test_fit_weights_a_feature_that_separates_the_labels_above_one_that_does_not() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200).astype(float)
    x = np.column_stack([np.ones(200), y, rng.random(200)])  # bias, telling, noise
    w = fit(x, y)
    assert len(w) == 3 and w[1] > 1.0 and abs(w[2]) < w[1]


def _drafted(name: str, x: list[list[float]], y: list[float]):  # type: ignore[no-untyped-def]
    from turnout.draft.training import Drafted

    case = type("Case", (), {"name": name, "text": name, "genre": "wire"})()
    return Drafted(case, None, [], [], np.array(x), np.array(y))  # type: ignore[arg-type]


def test_a_groups_probabilities_come_from_a_model_that_never_saw_it() -> None:
    from turnout.draft.training import held_out_groups

    # The feature says "yes" in batches "a" and "c" and "no" in batch "b": trained without
    # "b", the model gives b's candidate more than even odds; trained without "a" (on "b"
    # and "c"), it gives a's less.
    drafted = [
        _drafted("a", [[1, 1], [1, 0]] * 5, [1, 0] * 5),
        _drafted("b", [[1, 1]] * 10, [0] * 10),
        _drafted("c", [[1, 1], [1, 0]] * 5, [1, 0] * 5),
    ]
    probs = held_out_groups(drafted, (frozenset({"a"}), frozenset({"b"})))
    assert probs[2] is None  # in no group: only ever trained on
    assert probs[0][0] < 0.5 < probs[1][0]
