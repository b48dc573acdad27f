"""Train the drafter's model on the development set and write its weights.

    python scripts/train_drafter.py            # writes src/turnout/data/drafter_model.json
    python scripts/train_drafter.py --check    # exits 1 if the committed file differs

Each article of ``tests/fixtures/articles/`` and the bundled article is drafted by the
rules alone; every candidate gathering (:mod:`turnout.draft.candidates`) is an example,
positive when a hand-coded row has its place and day. The weights are a logistic regression fit on
all of them (deterministic); the add and drop thresholds are the ones that score best
leaving one blind batch (the sixth to the thirteenth) out at a time, as
``benchmarks/draft_lobo.py`` judges the model; the scores written beside them are a nested
5-fold cross-validation by article (each fold's model and thresholds chosen without it),
the rules alone and rules with the model, per genre. The yardstick for text the rules were not
written from is the held-out batch (`training.HELD_OUT`, the README's newest): the model and its
thresholds chosen on every other article, scored on it, rules alone against rules and
model (``held out`` in the file). The drop head (``turnout.draft.dropping``) is trained on
the rules' rows of the batches coded blind after the rules were written and judged by
leave-one-article-out among them (``drop head``). Never run it on the validation split.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from turnout.draft.dropping import BLIND  # noqa: E402
from turnout.draft.model import WEIGHTS  # noqa: E402
from turnout.draft.training import batch_names, blind_batches, train  # noqa: E402

FOLDER = ROOT / "tests" / "fixtures" / "articles"


def bundled() -> tuple:
    """The bundled article and its hand-coded rows (the benchmark's too)."""
    from turnout.clean import read_events
    from turnout.draft.score import Case

    text = ROOT / "data/raw/sources/workers-world-2026-02-03-anti-ice-solidarity-spreads.txt"
    return (
        Case(
            "workers-world-2026-02-03 (bundled)",
            text.read_text(encoding="utf-8"),
            "2026-02-03",
            "Workers World",
            "",
            read_events(ROOT / "data/raw/ice_out_2026.csv"),
            "advocacy or blog",
        ),
    )


def build() -> dict:
    """The model the file holds: trained on every development article, with its nested
    cross-validation and its scores on the held-out batch when trained without it."""
    blind = frozenset().union(*(batch_names(FOLDER, b) for b in BLIND))
    groups = tuple(blind_batches(FOLDER).values())
    return train(FOLDER, bundled(), held=batch_names(FOLDER), blind=blind, groups=groups)


def dumps(model: dict) -> str:
    """The file's text: the same model gives the same bytes."""
    return json.dumps(model, indent=1, ensure_ascii=False) + "\n"


def _line(name: str, c: dict) -> str:
    e, p = c["expected"] or 1, c["proposed"] or 1
    return (f"{name:16s} found {c['found']:3d}/{c['expected']:3d} ({c['found'] / e:.0%})  "
            f"exact {c['exact']:3d} ({c['exact'] / e:.0%})  real {c['real']:3d}/{c['proposed']:3d} "
            f"({c['real'] / p:.0%})")  # fmt: skip


def _by_genre(scores: dict) -> None:
    """Each genre's rules alone, then rules and model (a cross-validation or the held out)."""
    for genre in scores["rules"]:
        print(_line(f"{genre}: rules", scores["rules"][genre]))
        print(_line("  rules+model", scores["rules and model"][genre]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed weights")
    args = ap.parse_args()
    model = build()
    text = dumps(model)
    cv = model["cv"]
    print(f"{model['articles']} articles, {model['candidates']} candidates; "
          f"thresholds add {model['add']}, drop {model['drop']}")  # fmt: skip
    print("5-fold cross-validation by article (the rules were written from these):")
    _by_genre(cv)
    held = model["held out"]
    print(f"held out: the {len(held['articles'])} articles of the newest batch, the model "
          f"trained on the others (thresholds add {held['thresholds'][0]}, "
          f"drop {held['thresholds'][1]}):")  # fmt: skip
    _by_genre(held)
    head = model["drop head"]
    print(f"drop head: leave-one-article-out on the {len(head['articles'])} blind articles "
          f"({head['false rule rows']} of {head['rule rows']} rules' rows false); "
          f"ships: {head['ships']} (threshold {head['threshold']}):")  # fmt: skip
    for name in ("rules", "rules and model", "with dropping"):
        print(_line(name, head["cv"][name]))
    if args.check:
        same = WEIGHTS.is_file() and WEIGHTS.read_text(encoding="utf-8") == text
        print("the committed weights are the script's" if same else f"{WEIGHTS} differs: retrain")
        return 0 if same else 1
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
