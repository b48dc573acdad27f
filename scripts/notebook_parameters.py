"""Rewrite each notebook's ``parameters`` cell from turnout.notebook_parameters.

    .venv/bin/python scripts/notebook_parameters.py          # rewrite the cells that differ
    .venv/bin/python scripts/notebook_parameters.py --check  # exit 1 if any differs

Only the cell's source changes; the file keeps nbformat's layout (indent 1, UTF-8).
"""

from __future__ import annotations

import json
import sys

from turnout import paths
from turnout.notebook_parameters import NOTEBOOKS, parameters_cell


def main(argv: list[str]) -> int:
    check = "--check" in argv
    differ = []
    for name in NOTEBOOKS:
        path = paths.notebooks_dir() / f"{name}.ipynb"
        nb = json.loads(path.read_text(encoding="utf-8"))
        cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
        want = parameters_cell(name).splitlines(keepends=True)
        if cell["source"] == want:
            continue
        differ.append(path.name)
        if not check:
            cell["source"] = want
            text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
            path.write_text(text, encoding="utf-8")
    verb = "differ from" if check else "rewritten from"
    for name in differ:
        print(f"{name}: parameters cell {verb} turnout.notebook_parameters")
    return 1 if check and differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
