"""Colours of the embed in light and dark mode, and the contrast checks that keep them legible.

Okabe-Ito hues (safe for the common forms of colour blindness): on white the
dark blue and vermilion, on the dark background sky blue and orange, each
chosen so marks have at least 3:1 against the background (WCAG 1.4.11) and text
4.5:1 (WCAG 1.4.3).

>>> contrast("#000000", "#ffffff")
21.0
>>> contrast(LIGHT["ink"], LIGHT["bg"]) >= 4.5 and contrast(DARK["ink"], DARK["bg"]) >= 4.5
True
"""

from __future__ import annotations

from turnout.palette import OKABE_ITO

#: Variables the stylesheet and the SVG use (``var(--tc-NAME)``), per colour scheme.
LIGHT: dict[str, str] = {
    "bg": "#ffffff",
    "ink": "#1a1a1a",
    "soft": "#595959",
    "rule": "#d9d9d9",
    "band": "#ececec",
    "one": OKABE_ITO["blue"],  # first series: bars, reported marks
    "one-tint": "#c7dcea",  # a range's light end, outlined in "one"
    "two": OKABE_ITO["vermillion"],  # second series: cities, observed weather
    "tip-bg": "#ffffff",
    "focus": "#1a1a1a",
}
DARK: dict[str, str] = {
    "bg": "#161616",
    "ink": "#ececec",
    "soft": "#b4b4b4",
    "rule": "#474747",
    "band": "#2b2b2b",
    "one": OKABE_ITO["sky blue"],
    "one-tint": "#b3dcf4",  # paler than the bar here too: lighter, less saturated
    "two": OKABE_ITO["orange"],
    "tip-bg": "#262626",
    "focus": "#ffffff",
}
#: (foreground, background, least ratio): text needs 4.5:1, marks and rules that carry meaning 3:1.
CHECKS: list[tuple[str, str, float]] = [
    ("ink", "bg", 4.5),
    ("soft", "bg", 4.5),
    ("ink", "tip-bg", 4.5),
    ("soft", "tip-bg", 4.5),
    ("one", "bg", 3.0),
    ("two", "bg", 3.0),
    ("focus", "bg", 3.0),
]  # and a range's paler end: see range_end_shows


def luminance(color: str) -> float:
    """Relative luminance of a ``#rrggbb`` colour (WCAG 2).

    >>> luminance("#ffffff"), luminance("#000000")
    (1.0, 0.0)
    """
    rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, 1 to 21, rounded to two decimals."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return round((a + 0.05) / (b + 0.05), 2)


def range_end_shows(colors: dict[str, str]) -> bool:
    """Whether a range's end (``one-tint``, outlined in ``one``) reads as paler than its bar
    in ``colors``: lighter than the bar, and told from the background by its fill (3:1) or
    by its outline (3:1 against the fill), so one word ("paler") fits both schemes.

    >>> range_end_shows(LIGHT) and range_end_shows(DARK)
    True
    """
    tint, one, bg = colors["one-tint"], colors["one"], colors["bg"]
    seen = contrast(tint, bg) >= 3.0 or contrast(one, tint) >= 3.0
    return seen and luminance(tint) > luminance(one)


def css_variables() -> str:
    """The ``:root`` custom properties for both schemes (dark follows the reader's system)."""

    def block(colors: dict[str, str]) -> str:
        return ";".join(f"--tc-{k}:{v}" for k, v in colors.items())

    return (
        f":root{{color-scheme:light dark;{block(LIGHT)}}}"
        f"@media (prefers-color-scheme:dark){{:root{{{block(DARK)}}}}}"
    )
