"""How long `turnout build` takes, cold and warm, against plain `jupyter nbconvert`.

    .venv/bin/python benchmarks/build.py [--rounds 3] [--warm 5]

Cold: ``turnout build --force`` (every notebook executed and rendered, in
parallel) against ``jupyter nbconvert --execute --to html`` run on the same
notebooks one after another, the way a Makefile without turnout would do it.
The two are interleaved, round by round and in alternating order, so that a
busy machine slows both alike. Warm: ``turnout build`` with nothing changed,
end to end (interpreter start included).

Goals: cold <= 0.7x sequential nbconvert; warm <= 1 s. This script reports;
it never fails. It writes site/ and figures/ (build outputs) and
benchmarks/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
OUT = ROOT / "benchmarks" / "out" / "nbconvert"
COLD_GOAL = 0.7
WARM_GOAL = 1.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # The checkout's turnout, for the CLI and for the kernels nbconvert starts.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return env


def _timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if run.returncode != 0:
        # A failed run is not a time: stop rather than print a ratio against it.
        tail = (run.stderr or run.stdout).strip().splitlines()[-3:]
        raise SystemExit(f"{' '.join(cmd[:4])} ... exited {run.returncode}: {' | '.join(tail)}")
    return seconds


def turnout_build(force: bool) -> float:
    return _timed([sys.executable, "-m", "turnout", "build", *(["--force"] if force else [])])


def nbconvert_sequential(notebooks: list[Path]) -> float:
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for nb in notebooks:
        _timed(
            [
                sys.executable,
                "-m",
                "jupyter",
                "nbconvert",
                "--execute",
                # The kernel `turnout build` uses; the notebooks ask for "turnout", which
                # exists only after `make kernel`.
                "--ExecutePreprocessor.kernel_name=python3",
                "--to",
                "html",
                "--output-dir",
                str(OUT),
                str(nb),
            ]
        )
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="cold rounds of each (default 3)")
    parser.add_argument("--warm", type=int, default=5, help="warm builds to time (default 5)")
    args = parser.parse_args(argv)

    from turnout.publisher import find_notebooks

    notebooks = find_notebooks(ROOT / "notebooks")  # the ones the build runs: not the review
    print(f"{len(notebooks)} notebooks, {os.cpu_count()} cores, {args.rounds} interleaved rounds")
    cold: list[float] = []
    seq: list[float] = []
    for r in range(args.rounds):
        # Alternate who goes first: a machine warming up (or getting busy) favours neither.
        order = ("turnout", "nbconvert") if r % 2 == 0 else ("nbconvert", "turnout")
        for who in order:
            if who == "turnout":
                cold.append(turnout_build(force=True))
                print(f"  round {r + 1}: turnout build --force        {cold[-1]:6.2f} s")
            else:
                seq.append(nbconvert_sequential(notebooks))
                print(f"  round {r + 1}: nbconvert --execute, one by one {seq[-1]:6.2f} s")

    turnout_build(force=False)  # make sure the cache is complete before timing warm builds
    warm = [turnout_build(force=False) for _ in range(args.warm)]

    c, s, w = statistics.median(cold), statistics.median(seq), statistics.median(warm)
    ratio = c / s
    print()
    print(f"cold  turnout build --force   median {c:6.2f} s  (runs: {_list(cold)})")
    print(f"seq   jupyter nbconvert x{len(notebooks)}    median {s:6.2f} s  (runs: {_list(seq)})")
    print(f"warm  turnout build           median {w:6.3f} s  (runs: {_list(warm, 3)})")
    print()
    print(
        f"cold / sequential nbconvert = {ratio:.2f}x   (goal <= {COLD_GOAL}x: "
        f"{'met' if ratio <= COLD_GOAL else 'NOT met'})"
    )
    print(
        f"warm                        = {w:.3f} s   (goal <= {WARM_GOAL} s: "
        f"{'met' if w <= WARM_GOAL else 'NOT met'})"
    )
    print(f"warm / cold                 = {w / c:.3f}x")
    return 0


def _list(values: list[float], digits: int = 2) -> str:
    return ", ".join(f"{v:.{digits}f}" for v in values)


if __name__ == "__main__":
    sys.exit(main())
