"""What an embed weighs and costs to render, against saving the same chart as a PNG.

For each chart of the bundled story and of CCC-scale synthetic data (15 of
2,932 cities; a 66-month timeline; a map of 2,900 places), in one run: the embed's size (bytes, and
its parts: SVG layouts, data table, style and script), the time to render it
(:func:`turnout.embeds.render`), to draw its phone PNG, and the baseline,
matplotlib saving the chart's 2x PNG (what ``save_chart`` did before embeds).
Median of ``--repeats`` runs; prints numbers, asserts nothing.

    .venv/bin/python benchmarks/embeds.py
    .venv/bin/python benchmarks/embeds.py --repeats 9
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The embed tests' synthetic CCC-scale tables, and the test helpers they import.
sys.path.insert(0, str(ROOT / "tests" / "embeds"))
sys.path.insert(0, str(ROOT / "tests"))


def median_seconds(fn, repeats: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from test_embeds import synthetic_ccc, synthetic_map_events

    import turnout
    from turnout import charts, embeds, publish, style
    from turnout.embeds.png import phone_png

    warnings.simplefilter("ignore")
    seed = turnout.load_events()
    big = synthetic_ccc()
    marked = {"2026-01-23": "Minneapolis strike", "2026-01-30": "Nationwide strike"}
    figures = {
        "seed turnout-by-city": charts.turnout_by_city(seed),
        "seed temperature-vs-attendance": charts.temperature_vs_attendance(seed),
        "seed timeline-density": charts.timeline_density(seed, marked_days=marked),
        "seed turnout-map": charts.turnout_map(seed),
        "CCC-scale turnout-by-city": charts.turnout_by_city(big, cities_in_data=2932),
        "CCC-scale timeline-density": charts.timeline_density(big),
        "CCC-scale turnout-map (2,900)": charts.turnout_map(synthetic_map_events()),
    }
    head = (
        f"{'chart':34} {'embed KB':>8} {'svg KB':>7} {'table KB':>8} {'css+js KB':>9}"
        f" {'render ms':>9} {'phone png ms':>12} {'PNG save ms':>11} {'render/PNG':>10}"
    )
    print(head)
    print("-" * len(head))
    for name, fig in figures.items():
        info = charts.chart_info(fig)
        embed = embeds.render(info, csv_href="data.csv")
        size = len(embed.html.encode("utf-8"))
        svg = sum(
            len(s.encode()) for s in re.findall(r"<svg class=\"tc-(?:l|map).*?</svg>", embed.html)
        )
        table = len(re.search(r"<table.*</table>", embed.html, re.S).group(0).encode())
        code = len(embed.style.encode()) + len(embed.script.encode())

        def save_png(fig=fig) -> None:  # noqa: ANN001 - the baseline, as save_figure draws it
            with style.use_style():
                fig.savefig(io.BytesIO(), format="png", dpi=publish.PNG_DPI)

        base = median_seconds(save_png, args.repeats)
        render = median_seconds(lambda info=info: embeds.render(info), args.repeats)
        png = median_seconds(lambda embed=embed: phone_png(embed), args.repeats)
        print(
            f"{name:34} {size / 1000:8.1f} {svg / 1000:7.1f} {table / 1000:8.1f} "
            f"{code / 1000:9.1f} {render * 1000:9.1f} {png * 1000:12.1f} {base * 1000:11.1f} "
            f"{render / base:10.2f}"
        )
    print("\nembed KB: the whole NAME.html (limit 100 KB); render/PNG: render time over PNG save")


if __name__ == "__main__":
    main()
