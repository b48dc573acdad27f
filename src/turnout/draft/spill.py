"""Draft rows of any number of articles merged by place in bounded memory.

Rows arrive tagged with their article's number and their place in that article's
draft, in input order from :mod:`.batch` (any order works; input order lets a
gathering of thousands of sources be merged a source at a time). They are kept in memory
while they are few; past a limit they are spilled to temporary files, one per
share of the places (a place's rows all land in one file). At the end each file
is merged on its own (:func:`turnout.draft.merge.merge_place`), its rows sorted
into a run, and the runs are interleaved into the output in order. Memory holds
one share of the places at a time, however long the manifest; the output is the
same row for row, spilled or not, whatever order the rows arrived in.

>>> rows = MergedRows()
>>> rows.add(1, [{"date": "2026-01-31", "locality": "Denver", "state": "CO", "source_name": "B"}])
>>> rows.add(0, [{"date": "2026-01-31", "locality": "Denver", "state": "CO", "source_name": "A"}])
>>> [r["source_name"] for r in rows.merged()]
['A\\nB']
"""

from __future__ import annotations

import heapq
import json
import shutil
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from turnout.draft.merge import Fold, Light, Tagged, light, merge_place, place_key, plan_place

#: Characters of rows kept in memory before they are spilled to files.
MEMORY_LIMIT = 1_000_000
#: Files the places are shared among once rows are spilled.
SHARES = 64


class MergedRows:
    """Rows from many articles in, one row per gathering out (:meth:`merged`), in order."""

    def __init__(self, *, memory_limit: int = MEMORY_LIMIT, shares: int = SHARES) -> None:
        self.memory_limit = memory_limit
        self.shares = shares
        self.held: list[Tagged] = []
        self.held_chars = 0
        self.count = 0  # rows added
        self._dir: Path | None = None
        self._files: dict[int, Any] = {}

    def add(self, article: int, rows: list[dict[str, Any]]) -> None:
        """The draft rows of one article (numbered in the input's order)."""
        for n, row in enumerate(rows):
            self.count += 1
            if self._dir is not None:
                self._spill((article, n, row))
                continue
            self.held.append((article, n, row))
            self.held_chars += sum(len(str(v)) for v in row.values())
        if self._dir is None and self.held_chars > self.memory_limit:
            self._dir = Path(tempfile.mkdtemp(prefix="turnout-draft-"))
            for t in self.held:
                self._spill(t)
            self.held, self.held_chars = [], 0

    def _share(self, row: dict[str, Any]) -> int:
        return zlib.crc32("\x1f".join(place_key(row)).encode("utf-8")) % self.shares

    def _spill(self, tagged: Tagged) -> None:
        assert self._dir is not None
        share = self._share(tagged[2])
        f = self._files.get(share)
        if f is None:
            f = self._files[share] = (self._dir / f"{share}.jsonl").open("w", encoding="utf-8")
        f.write(json.dumps(tagged, ensure_ascii=False) + "\n")

    def merged(self) -> Iterator[dict[str, Any]]:
        """One row per gathering, in the order of each one's first source; then cleans up."""
        try:
            if self._dir is None:
                out = sorted(_merge_all(self.held), key=lambda o: o[0])
                yield from (row for _, row in out)
                return
            for f in self._files.values():
                f.close()
            runs = [self._run(share) for share in sorted(self._files)]
            yield from (row for _, row in heapq.merge(*(_read_run(r) for r in runs), key=_first))
        finally:
            self.close()

    def _run(self, share: int) -> Path:
        """One share's places merged and sorted into a run file.

        Rows spilled in input order (as :mod:`.batch` gives them) are read twice: once for
        the little that decides where each goes, once to build each output row a source
        at a time, so a gathering of thousands of sources costs its own size, not its
        rows'. Rows spilled in any other order are merged whole.
        """
        assert self._dir is not None
        path = self._dir / f"{share}.jsonl"
        lights: dict[tuple[str, str], list[Light]] = defaultdict(list)
        last, ordered = (-1, -1), True
        with path.open(encoding="utf-8") as f:
            for line in f:
                article, n, row = json.loads(line)
                ordered = ordered and (article, n) > last
                last = (article, n)
                lights[place_key(row)].append(light(article, n, row))
        if ordered:
            folds: dict[tuple[int, int], tuple[Fold, str]] = {}
            out = []
            for rows in lights.values():
                for order, members, flags, labels in plan_place(rows):
                    fold = Fold(flags, len(members))
                    out.append((order, fold))
                    for a, n in members:
                        folds[(a, n)] = (fold, labels[a])
            del lights
            with path.open(encoding="utf-8") as f:
                for line in f:
                    article, n, row = json.loads(line)
                    fold, label = folds[(article, n)]
                    fold.add(article, row, label)
            merged: Iterator[tuple[tuple[int, int], dict[str, Any]]] = (
                (order, fold.row()) for order, fold in sorted(out, key=_first)
            )
        else:
            with path.open(encoding="utf-8") as f:
                tagged = [tuple(json.loads(line)) for line in f]
            merged = iter(sorted(_merge_all(tagged), key=_first))
        run = self._dir / f"{share}.run.jsonl"
        with run.open("w", encoding="utf-8") as f:
            for order, row in merged:
                f.write(json.dumps([list(order), row], ensure_ascii=False) + "\n")
        path.unlink()
        return run

    def close(self) -> None:
        """Remove the spill files (also when a draft stops half way)."""
        for f in self._files.values():
            f.close()
        self._files = {}
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


def _merge_all(tagged: list[Tagged]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    places: dict[tuple[str, str], list[Tagged]] = defaultdict(list)
    for t in tagged:
        places[place_key(t[2])].append(t)
    return [o for rows in places.values() for o in merge_place(rows)]


def _first(item: tuple[tuple[int, int], Any]) -> tuple[int, int]:
    return item[0]


def _read_run(path: Path) -> Iterator[tuple[tuple[int, int], dict[str, Any]]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            (article, n), row = json.loads(line)
            yield (int(article), int(n)), row
