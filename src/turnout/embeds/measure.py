"""Text widths in CSS pixels, so layouts are checked for overlap before any browser sees them.

Widths come from DejaVu Sans (shipped with matplotlib), the widest of the fonts
the embed's font stack falls back to: a label that fits in DejaVu fits in
Arial, Roboto or San Francisco too.

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
def _font(bold: bool):  # noqa: ANN202 - an FT2Font, imported lazily
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    prop = font_manager.FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal")
    font = FT2Font(font_manager.findfont(prop, fallback_to_default=True))
    font.set_size(100, 72)  # 100 px em: advances below are per 100 px
    return font


@functools.cache
def _advance(ch: str, bold: bool) -> float:
    font = _font(bold)
    try:
        glyph = font.load_char(ord(ch))
    except (RuntimeError, ValueError):  # a character the font lacks: count it as an em
        return 100.0
    return glyph.linearHoriAdvance / 65536


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
