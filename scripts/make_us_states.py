"""Convert us-atlas's state boundaries into turnout's bundled ``us_states.topo.json``.

Run once, by hand, when the boundaries should change (nothing downloads them at run time):

    python scripts/make_us_states.py                 # fetches us-atlas@3.0.1 with `npm pack`
    python scripts/make_us_states.py --from DIR      # or reads DIR/states-10m.json

``npm pack`` takes the package tarball from the npm registry into a temporary folder;
only ``states-10m.json`` is read. That file is the US Census Bureau's cartographic
boundary file for states (2017 edition, 1:10,000,000, public domain), quantized and
simplified by Mike Bostock's ``us-atlas`` (ISC licence). This script keeps the 50
states, the District of Columbia and Puerto Rico (the places :mod:`turnout.geo` maps),
adds each one's postal code, drops the nation outline and the other territories and
their arcs, and writes compact TopoJSON with a ``metadata`` member naming the source,
version and licences. Arcs stay quantized and delta-encoded, so the file stays near
100 KB; :func:`turnout.geo.states` decodes it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "us-atlas"
VERSION = "3.0.1"
OUT = Path(__file__).resolve().parents[1] / "src" / "turnout" / "data" / "us_states.topo.json"

# FIPS state code -> USPS postal code, for the places turnout maps (50 states, DC, PR).
POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "72": "PR",
}  # fmt: skip


def fetch(tmp: Path) -> Path:
    """``npm pack`` the pinned us-atlas into ``tmp``; return the unpacked package folder."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent", "--pack-destination", str(tmp)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (tarball,) = tmp.glob(f"{PACKAGE}-*.tgz")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def _arc_ids(geometry: dict) -> list[int]:
    """Every arc index a Polygon or MultiPolygon uses (negative ids mean reversed)."""
    polys = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [a for poly in polys for ring in poly for a in ring]


def convert(topology: dict) -> dict:
    """The states TopoJSON reduced to the mapped places, with postal codes and only their arcs."""
    kept = [g for g in topology["objects"]["states"]["geometries"] if g["id"] in POSTAL]
    missing = set(POSTAL) - {g["id"] for g in kept}
    if missing:
        raise SystemExit(f"us-atlas lacks states with FIPS codes {sorted(missing)}")
    used = sorted({a if a >= 0 else ~a for g in kept for a in _arc_ids(g)})
    new_id = {old: new for new, old in enumerate(used)}

    def remap(a: int) -> int:
        return new_id[a] if a >= 0 else ~new_id[~a]

    geometries = []
    for g in sorted(kept, key=lambda g: g["id"]):
        arcs = g["arcs"]
        if g["type"] == "Polygon":
            arcs = [[remap(a) for a in ring] for ring in arcs]
        else:
            arcs = [[[remap(a) for a in ring] for ring in poly] for poly in arcs]
        props = {"postal": POSTAL[g["id"]], "name": g["properties"]["name"]}
        geometries.append({"type": g["type"], "id": g["id"], "properties": props, "arcs": arcs})
    return {
        "type": "Topology",
        "metadata": {
            "source": "US Census Bureau, cartographic boundary file, states, 2017 edition, "
            "1:10,000,000 (public domain)",
            "package": f"{PACKAGE}@{VERSION} (npm registry), states-10m.json",
            "licence": "us-atlas: ISC, Copyright 2013-2019 Michael Bostock; "
            "boundaries: US Census Bureau, public domain",
            "kept": "50 states, District of Columbia, Puerto Rico",
            "made_by": "scripts/make_us_states.py",
        },
        "transform": topology["transform"],
        "objects": {"states": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": [topology["arcs"][i] for i in used],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", type=Path, help="an unpacked us-atlas folder")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.source or fetch(Path(tmp))
        topology = json.loads((folder / "states-10m.json").read_text(encoding="utf-8"))
        out = convert(topology)
    text = json.dumps(out, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode()) / 1024:.0f} KB, {len(out['arcs'])} arcs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
