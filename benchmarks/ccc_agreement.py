"""Agreement of turnout's crowd-size parser with the Crowd Counting Consortium's coders.

Usage: .venv/bin/python benchmarks/ccc_agreement.py [--ccc PATH]

Measured set: rows whose ``size_text`` is not missing ("", "NA", "na") and whose coded
``size_low`` and ``size_high`` are both numeric. Rows where the coder counted from a photo
or video (``is_imagery_count``) are reported apart: their numbers are not in the text,
and the parser must return NaN for all of them.

Misses are sorted into categories. Most are rows where the coder departed from CCC's
Phase-3 guidelines ("several dozen" coded 24 instead of 36, "more than 150" coded 151,
"expected" turnout coded) and the parser follows the guidelines; those are listed with
their counts so a reader can see which share of the misses they make up.
Data: Crowd Counting Consortium (Harvard Kennedy School / University of Connecticut).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CCC = REPO.parent / "shared" / "ccc" / "ccc_2017_2020_sample.csv"
MISSING_TEXT = {"", "NA", "na"}

# Qualifiers by the direction a coder moved the number despite the guidelines.
_UP = re.compile(
    r"\b(?:more than|over|at least|upwards? of|well over|just over|or more|plus|no fewer than"
    r"|above|greater than)\b|\+",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(?:nearly|almost|less than|fewer than|under|close to|just under|no more than|up to"
    r"|as many as)\b",
    re.IGNORECASE,
)
_ABOUT = re.compile(
    r"\b(?:about|around|approximately|approx|roughly|some|estimated|or so)\b", re.IGNORECASE
)
_VAGUE = re.compile(r"\b(?:a few|few|several|sveral|severl|handful)\b", re.IGNORECASE)
_ONLY_PLURAL = re.compile(
    r"^\W*(?:(?:photo|from photo|picture|video)\s*:\s*)?(?:tens of |hundreds of )?"
    r"(?:dozens|scores|hundreds|thousands)(?:\s+(?:and|upon)\s+\w+)?(?:\s+of\s+[a-z ]+)?\W*$",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"expect|predict|\bhop(?:e|ed|ing)\b|interested|anticipat", re.IGNORECASE)
_IMAGERY_WORD = re.compile(
    r"\b(?:count(?:ed)?|pics?|pictures?|photos?|images?|videos?|vids?|eyewitness)\b",
    re.IGNORECASE,
)


def _import_sizes() -> ModuleType:
    try:
        return importlib.import_module("turnout.sizes")
    except ImportError:
        sys.path.insert(0, str(REPO / "src"))
        return importlib.import_module("turnout.sizes")


def _same(est: tuple[float, float], low: float, high: float) -> bool:
    return est[0] == low and est[1] == high


def _categorise(sizes: ModuleType) -> list[tuple[str, bool, Callable[[str, float, float], bool]]]:
    """(label, is a guideline-vs-coder conflict, test(text, coded low, coded high))."""
    parse = sizes.parse_size

    def expected(text: str, low: float, high: float) -> bool:
        return bool(_FUTURE.search(text))

    def vague(text: str, low: float, high: float) -> bool:
        # The coder read "several"/"a few" as 2 (counterfactual parse matches), or the
        # text has no other number than its vague word.
        if not _VAGUE.search(text):
            return False
        if _same(parse(_VAGUE.sub("two", text)), low, high):
            return True
        return not re.search(r"[0-9;]", text)

    def plural(text: str, low: float, high: float) -> bool:
        return bool(_ONLY_PLURAL.match(text.strip()))

    def several_estimates(text: str, low: float, high: float) -> bool:
        parts = [p for p in re.split(r"[;,]", text) if p.strip()]
        if len(parts) < 2:
            return False
        ends = {v for p in parts for v in parse(p) if v == v}
        return low in ends and high in ends

    def qualifier(text: str, low: float, high: float) -> bool:
        n, n_high = parse(text)
        if n != n_high or n != n:
            return False
        if _UP.search(text):
            return n <= low <= high <= 2 * n  # "more than 150" coded 151 or 150-200
        if _DOWN.search(text):
            return n / 2 <= low <= high <= n  # "nearly 100" coded 95
        if _ABOUT.search(text):
            return 0.75 * n <= low <= high <= 1.34 * n  # "about 100" coded 100-130
        return False

    def imagery_and_text(text: str, low: float, high: float) -> bool:
        return bool(_IMAGERY_WORD.search(text))

    def no_number(text: str, low: float, high: float) -> bool:
        return bool(parse(text).low != parse(text).low)

    return [
        ("expected/predicted turnout coded (guidelines: not recorded)", True, expected),
        ('"several"/"a few"/"handful" not read as 3/3/5 (guidelines)', True, vague),
        ("fuzzy plural not at its lowest multiple (dozens 24, hundreds 200 ...)", True, plural),
        ("several estimates, coded low/high not the min/max of them", True, several_estimates),
        ('qualifier moved the number ("more than 150" coded 151; guidelines: 150)', True,
         qualifier),
        ("text estimate + photo/video count: coder used the picture (guidelines: text)", True,
         imagery_and_text),
        ("no number in size_text (n/a, 'arrested', 'a small group'): the coder used "
         "another source; the parser does not guess", False, no_number),
    ]  # fmt: skip


def _fmt(v: float) -> str:
    return "NaN" if v != v else f"{v:g}"


def _print_rows(rows: pd.DataFrame) -> None:
    for r in rows.itertuples(index=False):
        coded = f"{_fmt(r.coded_low)}/{_fmt(r.coded_high)}"
        got = f"{_fmt(r.parsed_low)}/{_fmt(r.parsed_high)}"
        print(f"  {r.count:4d}  {r.size_text[:58]!r:60} {coded:>13} -> {got}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ccc", type=Path, default=DEFAULT_CCC, help="CCC csv (default: %(default)s)")
    ap.add_argument("--other", type=int, default=8, help="how many 'other' misses to list")
    args = ap.parse_args(argv)
    if not args.ccc.is_file():
        print(f"error: CCC file not found: {args.ccc} (pass --ccc PATH)", file=sys.stderr)
        return 2

    sizes = _import_sizes()
    t0 = time.perf_counter()
    df = pd.read_csv(args.ccc, dtype=str, keep_default_na=False)
    t1 = time.perf_counter()
    text = df["size_text"]
    coded_low = pd.to_numeric(df["size_low"], errors="coerce")
    coded_high = pd.to_numeric(df["size_high"], errors="coerce")
    parsed = sizes.parse_sizes(text)
    imagery = sizes.is_imagery_count(text)
    t2 = time.perf_counter()

    has_text = ~text.str.strip().isin(MISSING_TEXT)
    coded = coded_low.notna() & coded_high.notna()
    measured = has_text & coded
    img = measured & imagery
    img_nan = img & parsed["size_low"].isna() & parsed["size_high"].isna()
    scored = measured & ~imagery
    agree = scored & (parsed["size_low"] == coded_low) & (parsed["size_high"] == coded_high)
    n_scored, n_agree = int(scored.sum()), int(agree.sum())

    print(f"CCC file: {args.ccc}")
    print(f"rows total: {len(df):,}")
    print(f"measured set (size_text present, size_low and size_high numeric): {measured.sum():,}")
    print(f"  not measured: {(coded & ~has_text).sum():,} rows coded with size_text missing")
    print(
        f"imagery-count rows, reported apart (count pic/video, eyewitness, count: FB ...): "
        f"{img.sum():,}; parsed to NaN: {img_nan.sum():,} of {img.sum():,}"
    )
    print(
        f"exact agreement (low and high) on the other {n_scored:,} rows: "
        f"{n_agree / n_scored:.2%} ({n_agree:,} of {n_scored:,})"
    )

    miss = pd.DataFrame(
        {
            "size_text": text,
            "coded_low": coded_low,
            "coded_high": coded_high,
            "parsed_low": parsed["size_low"],
            "parsed_high": parsed["size_high"],
        }
    )[scored & ~agree]
    _report_misses(miss, sizes, n_agree, n_scored, args.other)
    print(
        f"\ntime: read {t1 - t0:.2f}s; parse and flag {len(df):,} rows "
        f"({text.nunique():,} distinct) {t2 - t1:.2f}s"
    )
    return 0


def _report_misses(
    miss: pd.DataFrame, sizes: ModuleType, n_agree: int, n_scored: int, n_other: int
) -> None:
    """The most frequent disagreements, then the misses by category, each distinct miss in
    the first category whose test it passes."""
    keys = list(miss.columns)
    groups = miss.groupby(keys, dropna=False).size().rename("count").reset_index()
    groups = groups.sort_values(["count", "size_text"], ascending=[False, True])

    print("\n20 most frequent disagreements (rows, size_text, coded low/high -> parsed low/high):")
    _print_rows(groups.head(20))

    rules = _categorise(sizes)
    other = "other: parser and coder differ, no guideline rule settles it"
    groups["category"] = [
        next((lab for lab, _, test in rules if test(r.size_text, r.coded_low, r.coded_high)), other)
        for r in groups.itertuples(index=False)
    ]
    n_miss = int(groups["count"].sum())
    by_cat = groups.groupby("category")["count"].sum()
    print(f"\nmisses by category ({n_miss:,} rows):")
    n_conflict = 0
    for lab, is_conflict, _ in rules:
        n = int(by_cat.get(lab, 0))
        n_conflict += n if is_conflict else 0
        tag = "coder vs guidelines" if is_conflict else "number not in text"
        print(f"  {n:5d} {n / n_miss:6.1%}  [{tag}] {lab}")
    n_left = int(by_cat.get(other, 0))
    print(f"  {n_left:5d} {n_left / n_miss:6.1%}  {other}")
    print(
        f"coders departing from the Phase-3 guidelines while the parser follows them: "
        f"{n_conflict:,} rows = {n_conflict / n_miss:.1%} of the misses "
        f"({(n_agree + n_conflict) / n_scored:.2%} if those counted as agreement)"
    )
    print(f"largest '{other}' misses:")
    _print_rows(groups[groups["category"] == other].head(n_other))


if __name__ == "__main__":
    sys.exit(main())
