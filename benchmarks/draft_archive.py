"""``turnout draft`` at archive scale: throughput, peak memory, and the same rows however it runs.

Builds a manifest (JSON Lines, the articles' text inline) of ``--articles`` articles
(default 10,000): the development set (``tests/fixtures/articles/``) repeated, each
repeat with its cities varied (each city the article names becomes another US city
of 100,000 people or more, a different one each repeat). Then drafts it, each run in a fresh
process, with 1 worker process, with 2, and on a local Dask cluster of 2 workers,
and prints for each: seconds, articles and KB of article a second, rows out, the
peak memory of the drafting process and of its largest worker (Dask's workers are
not its children: their memory is not counted). Then the memory check: the same
2-process draft of a manifest a tenth as long, whose peak should be about the
same (the draft streams). Last, whether the three drafts are byte for byte the
same. Prints numbers; asserts only that the drafts agree
(``tests/draft/test_batch.py`` tests the same on the development set).

    .venv/bin/python benchmarks/draft_archive.py                  # 10,000 articles: long
    .venv/bin/python benchmarks/draft_archive.py --articles 500   # a few minutes
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import functools
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ARTICLES = ROOT / "tests/fixtures/articles"
RUNS = {"1 process": ["--jobs", "1"], "2 processes": ["--jobs", "2"], "Dask, 2 workers": []}


def devset() -> list[dict[str, str]]:
    """The development set: each article's text, date, source, address and the cities its
    draft names."""
    from turnout.draft import draft_events

    with (ARTICLES / "articles.csv").open(encoding="utf-8") as f:
        listed = list(csv.DictReader(f))
    out = []
    for r in listed:
        text = (ARTICLES / f"{r['name']}.txt").read_text(encoding="utf-8")
        rows = draft_events(text, published=r["published"])
        cities = sorted({c for c in rows["locality"] if c and c in text}, key=len, reverse=True)
        out.append({**r, "text": text, "cities": cities})
    return out


@functools.lru_cache(maxsize=1)
def city_pool() -> list[str]:
    """US cities of 100,000 people or more (the gazetteer's), in a fixed order."""
    from turnout.places import _gazetteer

    return sorted({e[0] for entries in _gazetteer().values() for e in entries if e[4] >= 100_000})


def varied(article: dict, repeat: int) -> str:
    """The article with each city it names replaced by another, chosen by ``repeat``: an
    archive's articles report many places, so most repeats draft gatherings of their own."""
    if repeat == 0 or not article["cities"]:
        return article["text"]
    pool = city_pool()
    swap = {c: pool[(i * 7 + repeat) % len(pool)] for i, c in enumerate(article["cities"])}
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, swap)) + r")\b")
    return pattern.sub(lambda m: swap[m.group(0)], article["text"])


def write_manifest(path: Path, n: int, articles: list[dict]) -> int:
    """``n`` articles, the development set repeated with cities varied; returns its bytes."""
    size = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a = articles[i % len(articles)]
            text = varied(a, i // len(articles))
            size += len(text.encode("utf-8"))
            line = {"text": text, "published": a["published"], "source": a["source_name"],
                    "url": a["source_url"]}  # fmt: skip
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    return size


def run_one(manifest: str, out: str, extra: list[str]) -> None:
    """(In a fresh process) draft the manifest and print what it took, as JSON."""
    from turnout.draft.batch import Tally, draft_stream, save_draft
    from turnout.draft.manifest import read_articles

    jobs = int(extra[extra.index("--jobs") + 1]) if "--jobs" in extra else 2
    dask = "local" if "--jobs" not in extra else None
    tally = Tally()
    start = time.perf_counter()
    rows = draft_stream(read_articles([manifest]), jobs=jobs, dask=dask, tally=tally)
    written, _ = save_draft(rows, Path(out), sys.stdout)
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    took = {"seconds": seconds, "articles": tally.articles, "bytes": tally.size, "rows": written}
    print(json.dumps({**took, "peak_mb": own / 1024, "worker_mb": children / 1024}))


def measure(manifest: Path, out: Path, extra: list[str]) -> dict:
    cmd = [sys.executable, __file__, "--run", str(manifest), str(out), *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--run":
        run_one(sys.argv[2], sys.argv[3], sys.argv[4:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the manifest")
    parser.add_argument("--keep", type=Path, help="keep the manifest and drafts in this folder")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="turnout-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    articles = devset()
    big = work / f"archive-{args.articles}.jsonl"
    small_n = max(len(articles), args.articles // 10)
    small = work / f"archive-{small_n}.jsonl"
    kb = write_manifest(big, args.articles, articles) / 1000
    write_manifest(small, small_n, articles)
    print(f"manifest: {args.articles:,} articles, {kb:,.0f} KB of text ({len(articles)} repeated)")
    print(f"{'run':<17}{'seconds':>9}{'articles/s':>12}{'KB/s':>8}{'rows':>8}{'peak MB':>9}"
          f"{'worker MB':>11}")  # fmt: skip
    outs, took = {}, {}
    for name, extra in RUNS.items():
        out = work / f"draft-{name.split(',')[0].replace(' ', '-')}.csv"
        m = measure(big, out, extra)
        outs[name], took[name] = out, m
        worker = "-" if "Dask" in name else f"{m['worker_mb']:.0f}"
        print(f"{name:<17}{m['seconds']:>9.1f}{m['articles'] / m['seconds']:>12.1f}"
              f"{m['bytes'] / 1000 / m['seconds']:>8.1f}{m['rows']:>8,}{m['peak_mb']:>9.0f}"
              f"{worker:>11}")  # fmt: skip
    m_small = measure(small, work / "draft-small.csv", ["--jobs", "2"])
    m_big = took["2 processes"]
    print(f"memory: peak {m_small['peak_mb']:.0f} MB drafting {small_n:,} articles, "
          f"{m_big['peak_mb']:.0f} MB drafting {args.articles:,} "
          f"(x{m_big['peak_mb'] / m_small['peak_mb']:.2f} for x{args.articles / small_n:.0f} "
          "the articles)")  # fmt: skip
    csv.field_size_limit(2**31 - 1)  # a gathering of a thousand sources has long cells
    with outs["2 processes"].open(encoding="utf-8", newline="") as f:
        most = max((r["source_name"].count("\n") + 1 for r in csv.DictReader(f)), default=0)
    print(f"largest gathering: {most:,} sources (its row, built a source at a time, is held)")
    first = outs["1 process"]
    same = all(filecmp.cmp(first, o, shallow=False) for o in outs.values())
    print(f"same rows, byte for byte, in all three runs: {'yes' if same else 'NO'}")
    if not args.keep:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
