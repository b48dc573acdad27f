"""Screenshots for an editor's eye, taken only when asked (``make screenshots``).

A picture asserts nothing: the browser tests check sizes, overlaps, contrast and names
themselves. Encoding a full-page PNG of every page, embed and width in both schemes
cost the suite seconds at every run, so ``make test`` takes none and ``make screenshots``
runs the browser tests with ``TURNOUT_SCREENSHOTS=1``, writing them all under
``test-artifacts/``.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "TURNOUT_SCREENSHOTS"


def wanted() -> bool:
    """Whether this run writes screenshots."""
    return os.environ.get(ENV, "") not in ("", "0")


def shoot(page, path: Path, *, full_page: bool = False) -> Path | None:  # noqa: ANN001
    """``page`` as a PNG at ``path`` when screenshots are wanted; else nothing, and None."""
    if not wanted():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page)
    return path
