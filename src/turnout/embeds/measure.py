"""Text widths in CSS pixels, so layouts are checked for overlap before any browser sees them.

Widths come from DejaVu Sans (shipped with matplotlib, read without importing it),
the widest of the fonts the embed's font stack falls back to: a label that fits
in DejaVu fits in Arial, Roboto or San Francisco too.

>>> text_width("Minneapolis", 13) > text_width("Dallas", 13)
True
>>> wrap("Around 50,000 people demonstrated in Minneapolis", 120, 13)[0]
'Around 50,000'
"""

from __future__ import annotations

import functools

#: A little slack over DejaVu's advance widths (hinting, kerning, a bolder fallback).
_SLACK = 1.04


@functools.cache
def _metrics(bold: bool) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    """DejaVu Sans's character map, advance widths and units per em, read with fontTools
    (matplotlib's own dependency) from the copy matplotlib ships, without importing
    matplotlib: an embed is made with no drawing library loaded. The widths are exactly
    FreeType's unhinted advances (checked for every character to U+30FF)."""
    from importlib.util import find_spec
    from pathlib import Path

    from fontTools.ttLib import TTFont

    spec = find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations, "matplotlib is a dependency"
    fonts = Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"
    font = TTFont(fonts / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"), lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def load_fonts() -> int:
    """Read both weights' metrics now, not at the first width asked for: a process that
    forks others (a build's warm process) reads them once for all its forks. Returns the
    number of characters the regular weight maps.

    >>> load_fonts() > 3000
    True
    """
    _metrics(True)
    return len(_metrics(False)[0])


@functools.cache
def _advance(ch: str, bold: bool) -> float:
    """A character's advance in a 100 px em; a character the font lacks counts as an em."""
    cmap, advances, em = _metrics(bold)
    glyph = cmap.get(ord(ch))
    return 100.0 if glyph is None else advances[glyph][0] * 100 / em


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of one line of ``text`` at ``size`` px.

    >>> round(text_width("", 12))
    0
    """
    return sum(_advance(ch, bold) for ch in text) * size / 100 * _SLACK


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Break ``text`` into lines at most ``width`` px wide (a longer word is a line of its own).

    >>> wrap("", 100, 12)
    []
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and text_width(trial, size, bold=bold) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def fit(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` px; whole when it fits (the
    tooltip and the data table always carry the full words).

    >>> fit("Minneapolis", 1000, 13)
    'Minneapolis'
    >>> fit("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch", 120, 13)
    'Llanfairpwllgwy…'
    """
    if text_width(text, size, bold=bold) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest head that fits with its ellipsis
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + "…", size, bold=bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"
