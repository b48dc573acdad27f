"""How read_ccc scales: time and memory against pandas.read_csv of the same file.

Builds CCC-like files of 10k, 100k and 1M rows by resampling (with
replacement, fixed seed) the rows of CCC's 2017-2020 sample, then, for each
size, times ``turnout.read_ccc(path)`` (parse=True, the default) and
``pandas.read_csv(path)`` (pandas' defaults) in the same process, interleaved,
best of ``--repeats``. Peak memory is measured separately, one fresh
subprocess per reader and size: its peak resident set size, read from
``/proc/self/status`` (``VmHWM``) on Linux, else ``resource.getrusage`` ``ru_maxrss``.
(On Linux ``ru_maxrss`` is inherited from this big parent process across
fork/exec, ``VmHWM`` is not.) Peaks include Python and the imports; "after
imports" is that floor. Nothing passes or fails: it prints numbers.

    .venv/bin/python benchmarks/clean_scaling.py                  # 10k, 100k, 1M
    .venv/bin/python benchmarks/clean_scaling.py --sizes 10000,100000
    .venv/bin/python benchmarks/clean_scaling.py --ccc /path/to/ccc_2017_2020_sample.csv

Generated files go to ``benchmarks/out/`` (git-ignored) and are reused by later
runs; ``--fresh`` rebuilds them.
"""

from __future__ import annotations

import argparse
import csv
import gc
import math
import os
import platform
import random
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = ROOT / "src"
# The shared sample sits beside the checkout (or beside the folder of worktrees).
DEFAULT_CCC = next(
    (
        p / "shared" / "ccc" / "ccc_2017_2020_sample.csv"
        for p in ROOT.parents
        if (p / "shared" / "ccc" / "ccc_2017_2020_sample.csv").is_file()
    ),
    ROOT.parent / "shared" / "ccc" / "ccc_2017_2020_sample.csv",
)
OUT = HERE / "out"
SEED = 2017

sys.path.insert(0, str(SRC))

# One reader call in a fresh interpreter, printing its peak RSS (KiB) after imports and after.
_MEMORY_PROBE = """
import resource, sys, warnings
import pandas as pd
from turnout.ccc import read_ccc
import turnout.sizes  # imported up front so the floor includes it for both readers

def peak_kib():
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

which, path = sys.argv[1], sys.argv[2]
floor = peak_kib()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    df = read_ccc(path) if which == "read_ccc" else pd.read_csv(path)
print(floor, peak_kib(), len(df))
"""


def build(sample: Path, n: int, fresh: bool) -> Path:
    """A CSV of n rows drawn with replacement from the sample's rows, header unchanged."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"ccc_resampled_{n}.csv"
    if path.exists() and not fresh and path.stat().st_mtime > sample.stat().st_mtime:
        return path
    with open(sample, encoding="utf-8", newline="") as fh:
        header, *rows = csv.reader(fh)
    pick = random.Random(SEED).choices(rows, k=n)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(pick)
    tmp.replace(path)
    return path


def timed(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def peak_memory(which: str, path: Path) -> tuple[float, float]:
    """(floor MiB after imports, peak MiB) of one read in a fresh interpreter."""
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    )
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, which, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    floor, peak, _ = (int(x) for x in out.stdout.split())
    return floor / 1024, peak / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ccc", type=Path, default=DEFAULT_CCC, help="CCC 2017-2020 sample CSV")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated rows")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per reader (best kept)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the generated files")
    parser.add_argument("--no-memory", action="store_true", help="skip peak-memory subprocesses")
    args = parser.parse_args(argv)

    if not args.ccc.is_file():
        sys.exit(
            f"clean_scaling: CCC sample not found: {args.ccc}\n"
            "  Pass its location with --ccc PATH (the file is ccc_2017_2020_sample.csv)."
        )
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    import pandas as pd

    from turnout.ccc import read_ccc

    print(
        f"read_ccc vs pandas.read_csv  (python {platform.python_version()}, pandas "
        f"{pd.__version__}, {os.cpu_count()} CPUs, {platform.machine()})"
    )
    print(f"sample: {args.ccc}")
    print(
        f"timing: best of {args.repeats}, interleaved, in one process; "
        "memory: peak RSS (VmHWM) of a fresh subprocess per read\n"
    )

    results = [_measure(args, n, pd, read_ccc) for n in sizes]
    _linearity(results)


def _measure(args: argparse.Namespace, n: int, pd: Any, read_ccc: Any) -> tuple[int, float, float]:
    """Time both readers on an ``n``-row file (best of the repeats, interleaved), print the
    ratio and, unless --no-memory, the peak memory; (rows, pandas s, read_ccc s)."""
    t0 = time.perf_counter()
    path = build(args.ccc, n, args.fresh)
    mb = path.stat().st_size / 1e6
    ready = time.perf_counter() - t0
    print(f"{n:>9,} rows  {path.name}  {mb:,.1f} MB  (ready in {ready:.1f} s)")
    # warm the page cache and the import of the size parser before timing anything
    read_ccc(path)
    readers = {
        "pandas.read_csv": lambda p=path: pd.read_csv(p),
        "read_ccc": lambda p=path: read_ccc(p),
        "read_ccc(parse=False)": lambda p=path: read_ccc(p, parse=False),
    }
    best = dict.fromkeys(readers, math.inf)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas' DtypeWarning on mixed columns
        for _ in range(args.repeats):
            for name, read in readers.items():
                best[name] = min(best[name], timed(read))
    base = best["pandas.read_csv"]
    for name, t in best.items():
        line = f"    {name:<22}{t:7.3f} s {n / t:>11,.0f} rows/s"
        if name != "pandas.read_csv":
            line += f"   {t / base:.2f}x pandas"
        print(line)
    ratio = best["read_ccc"] / base
    goal = ("met" if ratio <= 1.0 else "NOT met") if n >= 1_000_000 else "applies at 1M rows"
    print(f"    read_ccc / pandas.read_csv = {ratio:.2f}x (goal <= 1.0x: {goal})")
    if not args.no_memory:
        floor_p, peak_p = peak_memory("pandas", path)
        floor_c, peak_c = peak_memory("read_ccc", path)
        above_p, above_c = peak_p - floor_p, peak_c - floor_c
        print(
            f"    peak RSS: pandas.read_csv {peak_p:,.0f} MiB, read_ccc {peak_c:,.0f} MiB "
            f"(after imports {floor_c:,.0f} MiB; above that {above_p:,.0f} vs "
            f"{above_c:,.0f} MiB = {above_c / max(above_p, 1):.2f}x)"
        )
    return n, base, best["read_ccc"]


def _linearity(results: list[tuple[int, float, float]]) -> None:
    """Time per row at each size, and the growth exponent between sizes (1.0 = linear)."""
    print("\nlinearity (time per row; exponent k in time ~ rows^k between sizes, 1.0 = linear):")
    for i, (n, tp, tc) in enumerate(results):
        per_p, per_c = tp / n * 1e6, tc / n * 1e6
        line = f"{n:>9,} rows  pandas {per_p:6.2f} us/row  read_ccc {per_c:6.2f} us/row"
        if i:
            n0, tp0, tc0 = results[i - 1]
            k_p = math.log(tp / tp0) / math.log(n / n0)
            k_c = math.log(tc / tc0) / math.log(n / n0)
            line += f"   k pandas {k_p:.2f}, read_ccc {k_c:.2f}"
        print(line)
    if len(results) >= 2:
        (n0, _, tc0), (n1, _, tc1) = results[-2], results[-1]
        k = math.log(tc1 / tc0) / math.log(n1 / n0)
        verdict = "linear" if k <= 1.15 else "faster than linear: investigate"
        print(
            f"read_ccc growth between the two largest sizes: k = {k:.2f} ({verdict}; "
            "k < 1 at small sizes is fixed per-call cost)"
        )


if __name__ == "__main__":
    main()
