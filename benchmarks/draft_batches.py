"""The drafter's scores on each batch coded blind, one line a batch: how a change to the
rules shows batch by batch (issue 20: a rule is kept only if it helps on batches other
than the one whose failure suggested it).

For each README section of ``tests/fixtures/articles/`` of a batch coded blind for a first
run (the sixth batch on, each coded before the drafter was run on it), it prints the
hand-coded gatherings, the drafted rows, and found (right place and day), exact (right
low and high too) and real (drafted rows that are hand-coded gatherings), as the drafter
ships (rules and model), then the sum of them all but the held-out one
(``training.HELD_OUT``). With ``--failures`` it lists each batch's misses and false rows
too; with ``--causes`` it sorts each batch's misses by cause (``miss_cause``) and prints
the count of each cause per batch (the recall table of docs/draft.md). Never reads the
validation split. Prints numbers, asserts nothing.

    .venv/bin/python benchmarks/draft_batches.py
    .venv/bin/python benchmarks/draft_batches.py --rules --failures Twelfth
    .venv/bin/python benchmarks/draft_batches.py --causes
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ARTICLES = ROOT / "tests/fixtures/articles"


def blind_batches() -> list[str]:
    """The README's batches coded blind for a first run, in its order ("Sixth", ...)."""
    text = (ARTICLES / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^## (\w+) batch: coded blind for a first run", text, re.M)


def drafted(case, *, model: bool):
    """The draft's rows of one article (rules and model, or the rules alone)."""
    from turnout.draft.gatherings import build_draft

    d = build_draft(
        case.text,
        published=dt.date.fromisoformat(case.published),
        source_name=case.source_name,
        model=model,
    )
    return d.rows


def failures(case, rows) -> list[str]:
    """The article's hand-coded gatherings not found at their place and day, each with
    its cause (``miss_cause``), and its drafted rows at a place and day no hand-coded row
    has."""
    from turnout.draft.score import _place

    def keys(frame):
        return [((_place(r.locality, r.state)), str(r.date)[:10], str(r.size_text))
                for r in frame.itertuples()]  # fmt: skip

    want, got = keys(case.expected), keys(rows)
    have = {(p, d) for p, d, _ in got}
    coded = {(p, d) for p, d, _ in want}
    out = [
        f"  miss  {case.name[:40]:40} {p} {d} {s!r}: {miss_cause(case.text, rows, p, d, s)}"
        for p, d, s in want
        if (p, d) not in have
    ]
    out += [f"  false {case.name[:40]:40} {p} {d} {s!r}" for p, d, s in got if (p, d) not in coded]
    return out


CAUSES = (
    "no row at all",
    "day not found or wrong",
    "place not found",
    "no number, not read",
    "size not joined",
)


def miss_cause(text: str, rows, place: tuple[str, str], day: str, size: str) -> str:
    """Why a hand-coded gathering is missing from the draft, in the first of these that
    holds: the article gave no row at all; the draft has the place on another day; the
    text never writes the city's name (a landmark, a campus, a building, a headline's
    abbreviation) or the draft put the name in another state; the gathering has no
    number and its sentence was not read as one; it has a number that no row of its
    place and day took."""
    from turnout.draft.score import _place

    if len(rows) == 0:
        return CAUSES[0]
    drafted = [_place(r.locality, r.state) for r in rows.itertuples()]
    if place in drafted:
        return CAUSES[1]
    if place[0].lower() not in text.lower() or any(p[0] == place[0] for p in drafted):
        return CAUSES[2]  # (or the name read as another state's town)
    return CAUSES[3] if size in ("", "nan") else CAUSES[4]


def causes(case, rows) -> list[str]:
    """The causes of the article's misses, one a hand-coded gathering not drafted."""
    from turnout.draft.score import _place

    have = {(_place(r.locality, r.state), str(r.date)[:10]) for r in rows.itertuples()}
    out = []
    for r in case.expected.itertuples():
        place, day = _place(r.locality, r.state), str(r.date)[:10]
        if (place, day) not in have:
            out.append(miss_cause(case.text, rows, place, day, str(r.size_text)))
    return out


def main() -> None:
    from turnout.draft.score import Score, load_cases, score
    from turnout.draft.training import HELD_OUT, batch_names

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", action="store_true", help="the rules alone, no model")
    ap.add_argument("--failures", nargs="*", metavar="BATCH", help="list misses and false rows")
    ap.add_argument("--causes", action="store_true", help="count each batch's misses by cause")
    args = ap.parse_args()
    cases = {c.name: c for c in load_cases(ARTICLES)}
    print(f"{'batch':10} {'arts':>4} {'coded':>5} {'rows':>4} "
          f"{'found':>10} {'exact':>10} {'real':>10}")  # fmt: skip
    blind = Score(0, 0, 0, 0, 0)
    batches = blind_batches()
    table: dict[str, dict[str, int]] = {c: {} for c in CAUSES}
    for batch in batches:
        names = sorted(batch_names(ARTICLES, f"{batch} batch") & set(cases))
        total = Score(0, 0, 0, 0, 0)
        lines: list[str] = []
        for name in names:
            rows = drafted(cases[name], model=not args.rules)
            total = total + score(rows, cases[name].expected)
            if args.causes:
                for cause in causes(cases[name], rows):
                    table[cause][batch] = table[cause].get(batch, 0) + 1
            if args.failures is not None and (not args.failures or batch in args.failures):
                lines += failures(cases[name], rows)
        if f"{batch} batch" != HELD_OUT:
            blind = blind + total
        print(_line(batch, len(names), total))
        for text in lines:
            print(text)
    print(_line("not held", 0, blind))
    if args.causes:
        print(f"{'cause':24} " + " ".join(f"{b[:6]:>6}" for b in batches) + "    all")
        for cause, counts in table.items():
            cells = " ".join(f"{counts.get(b, 0):6d}" for b in batches)
            print(f"{cause:24} {cells} {sum(counts.values()):6d}")
    everything = Score(0, 0, 0, 0, 0)
    for case in cases.values():
        everything = everything + score(drafted(case, model=not args.rules), case.expected)
    print(_line("all dev", len(cases), everything))


def _line(name: str, articles: int, s) -> str:
    return (f"{name:10} {articles:4d} {s.expected:5d} {s.proposed:4d} "
            f"{s.found:4d} ({s.recall:3.0%}) {s.exact:4d} ({s.recall_exact:3.0%}) "
            f"{s.real:4d} ({s.precision:3.0%})")  # fmt: skip


if __name__ == "__main__":
    main()
