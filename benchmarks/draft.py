"""How well and how fast ``turnout draft`` drafts articles, against hand-coded rows.

For the bundled article (``data/raw/sources/``, coded in ``data/raw/ice_out_2026.csv``)
and each article of the development set (``tests/fixtures/articles/``, listed with
URL, date and genre in its README), it prints the hand-coded gatherings found with the
right place and day, with the right place, day, low and high, and the share of
drafted rows that are real gatherings; then the development set's totals, and each
genre's (wire, list round-up, live blog, local report, press release, advocacy or
blog: read from the README's genre column). Then the validation split
(``tests/fixtures/articles/validation/``, when present): its totals and each genre's,
and its articles one by one only with ``--validation-articles`` (no rule may be written
from them: the lead reads them). Then speed: KB of article text a second (all articles,
repeated), the same for a text 8 times as long (the ratio shows whether time grows
linearly with size), and the wall time of ``turnout draft`` on the bundled article in a
fresh interpreter, start-up included. Prints numbers, asserts nothing
(``tests/draft/test_draft_devset.py`` holds the floor).

    .venv/bin/python benchmarks/draft.py
    .venv/bin/python benchmarks/draft.py --repeats 20 --show   # --show prints each draft
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BUNDLED = ROOT / "data/raw/sources/workers-world-2026-02-03-anti-ice-solidarity-spreads.txt"
ARTICLES = ROOT / "tests/fixtures/articles"
VALIDATION = ARTICLES / "validation"


def cases():
    from turnout.clean import read_events
    from turnout.draft.score import Case, load_cases

    bundled = Case(
        "workers-world-2026-02-03 (bundled)",
        BUNDLED.read_text(encoding="utf-8"),
        "2026-02-03",
        "Workers World",
        "",
        read_events(ROOT / "data/raw/ice_out_2026.csv"),
        "advocacy or blog",
    )
    return [bundled, *load_cases(ARTICLES)]


def validation_cases(folder: Path):
    from turnout.draft.score import load_cases

    return load_cases(folder) if (folder / "articles.csv").is_file() else []


HEADER = f"{'article':44} {'rows':>4} {'coded':>5} {'place+day':>10} {'+low/high':>10} {'real':>7}"


def line(name, s) -> str:
    return (
        f"{name[:44]:44} {s.proposed:4d} {s.expected:5d} {s.found:4d} {s.recall:5.0%} "
        f"{s.exact:4d} {s.recall_exact:5.0%} {s.real:3d} {s.precision:4.0%}"
    )


def report(title, scored, *, each: bool) -> None:
    """Per article (when ``each``), the total, and the total of each genre."""
    from turnout.draft.score import Score

    print(f"\n{title}\n{HEADER}")
    if each:
        for case, s in scored:
            print(line(case.name, s))
    total = sum((s for _, s in scored), Score(0, 0, 0, 0, 0))
    print(line(f"all {len(scored)} articles", total))
    print(
        f"recall (place, day): {total.recall:.1%}; recall (place, day, low, high): "
        f"{total.recall_exact:.1%}; precision: {total.precision:.1%}"
    )
    genres = sorted({case.genre for case, _ in scored})
    for genre in genres:
        part = [s for case, s in scored if case.genre == genre]
        print(line(f"  {genre} ({len(part)})", sum(part, Score(0, 0, 0, 0, 0))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10, help="timing repeats (median kept)")
    parser.add_argument("--show", action="store_true", help="print each draft's rows")
    parser.add_argument(
        "--validation-articles",
        action="store_true",
        help="print the validation split's articles one by one (for the lead only)",
    )
    parser.add_argument("--validation", type=Path, default=VALIDATION, help="its folder")
    args = parser.parse_args()

    from turnout import draft_events
    from turnout.draft.score import score

    def scored(case_list):
        out = []
        for case in case_list:
            rows = draft_events(case.text, published=case.published, source_name=case.source_name)
            out.append((case, score(rows, case.expected)))
            if args.show and case_list is all_cases:
                print(rows[["date", "locality", "state", "size_text", "notes"]].to_string())
        return out

    all_cases = cases()
    report("Development set (tests/fixtures/articles/ and the bundled article)",
           scored(all_cases), each=True)  # fmt: skip
    rules_alone(all_cases)
    held_out = validation_cases(args.validation)
    if held_out:
        report(f"Validation split ({args.validation})", scored(held_out),
               each=args.validation_articles)  # fmt: skip
        rules_alone(held_out)
    else:
        print(f"\nValidation split: none here ({args.validation} is absent)")
    print()
    speed([(c.text, c.published) for c in all_cases], args.repeats)
    command_time(args.repeats)
    return 0


def rules_alone(case_list) -> None:
    """The same articles' total by the rules without the model (what the model adds)."""
    import datetime as dt

    from turnout.draft.gatherings import build_draft
    from turnout.draft.score import Score, score

    total = Score(0, 0, 0, 0, 0)
    for case in case_list:
        published = dt.date.fromisoformat(case.published)
        draft = build_draft(case.text, published=published, source_name=case.source_name,
                            model=False)  # fmt: skip
        total = total + score(draft.rows, case.expected)
    print(line("  the rules alone, without the model", total))


def speed(texts: list[tuple[str, str]], repeats: int) -> None:
    """The drafter alone, warm (gazetteer loaded), on all articles and on 8x as much."""
    from turnout import draft_events

    size = sum(len(t.encode("utf-8")) for t, _ in texts)

    def run(text_list, times: int = 1) -> tuple[float, float]:
        """Median wall and CPU seconds to draft the texts ``times`` over."""
        walls, cpus = [], []
        for _ in range(repeats):
            w, c = time.perf_counter(), time.process_time()
            for _ in range(times):
                for text, published in text_list:
                    draft_events(text, published=published)
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        return statistics.median(walls), statistics.median(cpus)

    wall, cpu = run(texts)
    print(
        f"throughput: {size / 1024 / cpu:.0f} KB/s of CPU time, {size / 1024 / wall:.0f} KB/s "
        f"of wall time ({size / 1024:.1f} KB; wall time counts other processes on the machine)"
    )
    big = "\n\n".join(t for t, _ in texts) * 8
    big_wall, big_cpu = run([(big, "2026-02-03")])
    print(
        f"one text 8x as long ({len(big.encode()) / 1024:.0f} KB): {size * 8 / 1024 / big_cpu:.0f} "
        f"KB/s of CPU time (time ratio to 8x the articles: {big_cpu / (8 * cpu):.2f}; "
        "1.00 is linear)"
    )
    # The worst case for a reader of sentences: the same words as one sentence, no breaks.
    run_on = " ".join(t.replace("\n", " ").replace(". ", ", ") for t, _ in texts)
    one_wall, one_cpu = run([(run_on, "2026-02-03")])
    print(
        f"the articles as one run-on sentence ({len(run_on.encode()) / 1024:.0f} KB): "
        f"{len(run_on.encode()) / 1024 / one_cpu:.0f} KB/s of CPU time"
    )


def command_time(repeats: int) -> None:
    """The wall and CPU time of `turnout draft` on the bundled article, start-up included."""
    # (a new file each run: `turnout draft -o` never writes over one, not even /dev/null)
    out = Path(tempfile.mkdtemp()) / "draft.csv"
    cmd = [sys.executable, "-m", "turnout", "draft", str(BUNDLED), "--published", "2026-02-03",
           "-o", str(out)]  # fmt: skip
    walls, cpus = [], []
    for _ in range(max(3, repeats // 3)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out.unlink(missing_ok=True)
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(
        "`turnout draft` on the bundled article, start-up included: "
        f"{statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU"
    )


if __name__ == "__main__":
    sys.exit(main())
