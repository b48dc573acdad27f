"""The drafter's model, batch by batch: a leave-one-batch-out evaluation (issue 20's
eighth round, the yardstick of changes to the candidates, features and training).

For each batch coded blind for a first run, the sixth to the thirteenth, the model is
trained on every other development article (and the bundled one), its add threshold
chosen as ``scripts/train_drafter.py`` chooses it, leaving one of the other blind batches
out at a time (``--by-article``: a 5-fold cross-validation by article, as before issue 20's
eighth round), and scored on that batch: rules alone against rules and model. The 5-fold
cross-validation by article puts a batch's look-alike articles (one event, one outlet's
neighbours) in training; leaving a whole batch out does not. The held-out batch
(``training.HELD_OUT``) is left out everywhere: never drafted, never trained on. Never
reads the validation split. Prints numbers, asserts nothing; about a minute on 2 cores.

    .venv/bin/python benchmarks/draft_lobo.py
    .venv/bin/python benchmarks/draft_lobo.py --by-article
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

ARTICLES = ROOT / "tests/fixtures/articles"


def main() -> None:
    from train_drafter import bundled

    from turnout.draft.score import Score, load_cases
    from turnout.draft.training import (
        HELD_OUT,
        batch_names,
        blind_batches,
        draft_case,
        leave_batch_out,
    )

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--by-article", action="store_true", help="thresholds by 5-fold by article")
    args = ap.parse_args()
    held = batch_names(ARTICLES, HELD_OUT)
    cases = [c for c in (*load_cases(ARTICLES), *bundled()) if c.name not in held]
    drafted = [draft_case(c) for c in cases]
    names = {c.name for c in cases}
    batches = {b: v & names for b, v in blind_batches(ARTICLES).items()}
    print(f"{len(drafted)} articles ({HELD_OUT.lower()} left out everywhere)")
    print(f"{'batch':10} {'arts':>4} {'coded':>5} {'add':>4}  "
          f"{'rules: found':>12} {'exact':>5} {'real':>9}   "
          f"{'+model: found':>13} {'exact':>5} {'real':>9}")  # fmt: skip
    pooled = [Score(0, 0, 0, 0, 0), Score(0, 0, 0, 0, 0)]
    for batch, (rules, both, add) in leave_batch_out(
        drafted, batches, by_batch=not args.by_article
    ).items():
        pooled = [pooled[0] + rules, pooled[1] + both]
        print(_line(batch, len(batches[batch]), rules, both, f"{add:4.2f}"))
    print(_line("pooled", sum(len(v) for v in batches.values()), *pooled, "    "))


def _cells(s) -> str:
    return (f"{s.found:4d} ({s.recall:3.0%}) {s.exact:3d} ({s.recall_exact:3.0%}) "
            f"{s.real:3d}/{s.proposed:3d} ({s.precision:3.0%})")  # fmt: skip


def _line(name: str, articles: int, rules, both, add: str) -> str:
    return f"{name:10} {articles:4d} {rules.expected:5d} {add}  {_cells(rules)}   {_cells(both)}"


if __name__ == "__main__":
    main()
