"""What a build ends with: one summary per story, what matters first.

``turnout build`` prints it last, whatever ran: "N clean, M rejected", each rejected row
(row, column, reason), each warning (words not in their quote, a place corrected, a
size typo), each chart left out and why. It is read from the story's build manifest
(:mod:`turnout.publisher.cache`), so a build with nothing to do says the same as the one
that did the work. ``turnout build --strict`` fails on any rejected row or warning
(:attr:`StorySummary.problems`), for a desk's CI.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from turnout.publisher.cache import MANIFEST, read_manifest, story_cache

# A rejection reason names its column first: "date: not a date ...".
_COLUMN = re.compile(r"^([A-Za-z_][\w]*): (.+)$", re.DOTALL)


class StorySummary(NamedTuple):
    """One story's build, for the desk: its counts and everything it should act on."""

    story: str
    data: str  # the raw file, as the reporter knows it ("data/raw/may-day.csv")
    clean: int
    rejected: Sequence[Mapping[str, Any]]  # {"row": 3, "reason": "date: ..."}
    warnings: Sequence[str]
    left_out: Sequence[tuple[str, str]]  # (the chart's question, why)

    @property
    def problems(self) -> int:
        """Rejected rows and warnings: what ``--strict`` refuses.

        >>> StorySummary("s", "s.csv", 2, [{"row": 3, "reason": "date: blank"}], [], []).problems
        1
        """
        return len(self.rejected) + len(self.warnings)

    def lines(self) -> list[str]:
        """The summary as the build prints it: a heading line, then one line per item.

        >>> s = StorySummary("may-day", "data/raw/may-day.csv", 2,
        ...     [{"row": 3, "reason": "checked: drafted, not yet checked"}], [],
        ...     [("Was it cold?", "No event reports a temperature.")])
        >>> print("\\n".join(s.lines()))
        turnout: may-day: 2 clean, 1 rejected, 0 warnings, 1 chart left out
          rejected: data/raw/may-day.csv, row 3, column 'checked': drafted, not yet checked
          chart left out: Was it cold? No event reports a temperature.
        """
        n_warn, n_left = len(self.warnings), len(self.left_out)
        head = (
            f"turnout: {self.story}: {self.clean} clean, {len(self.rejected)} rejected, "
            f"{n_warn} warning{'' if n_warn == 1 else 's'}, "
            f"{n_left} chart{'' if n_left == 1 else 's'} left out"
        )
        out = [head]
        for r in self.rejected:
            out.append(f"  rejected: {rejected_line(self.data, r)}")
        out += [f"  warning: {w}" for w in self.warnings]
        out += [f"  chart left out: {q} {why}".rstrip() for q, why in self.left_out]
        return out


def rejected_line(data: str, row: Mapping[str, Any]) -> str:
    """A rejected row as one line naming file, row and column, then the reason.

    >>> rejected_line("may.csv", {"row": 4, "reason": "date: 'Feb 30' is not a date"})
    "may.csv, row 4, column 'date': 'Feb 30' is not a date"
    >>> rejected_line("may.csv", {"row": 5, "reason": "every cell is empty"})
    'may.csv, row 5: every cell is empty'
    """
    reason = str(row.get("reason", ""))
    m = _COLUMN.match(reason)
    if m and m[1] != "row":
        return f"{data}, row {row.get('row', '?')}, column '{m[1]}': {m[2]}"
    return f"{data}, row {row.get('row', '?')}: {reason.removeprefix('row: ')}"


def story_summary(slug: str) -> StorySummary | None:
    """The last build's summary of a story, from its manifest (None: never built).

    >>> story_summary("no-such-story") is None
    True
    """
    manifest = read_manifest(story_cache(slug) / MANIFEST)
    report = manifest.get("data", {}).get("report")
    if not report:
        return None
    left_out = [
        (entry.get("headline", ""), " ".join(entry.get("left_out", [])))
        for _, entry in sorted(manifest["notebooks"].items())
        if not entry.get("published", True)
    ]
    return StorySummary(
        slug,
        report.get("data", ""),
        int(report.get("clean", 0)),
        report.get("rejected", []),
        report.get("warnings", []),
        left_out,
    )
