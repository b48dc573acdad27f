"""turnout.palette: the house colours and the chart width every renderer shares."""

from __future__ import annotations

import pytest

from turnout.palette import GREY, GREY_LIGHT, INK, INK_SOFT, OKABE_ITO, PALETTE, WIDTH


def _contrast(fg: str, bg: str = "#FFFFFF") -> float:
    """WCAG 2 contrast ratio of two hex colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted([luminance(fg), luminance(bg)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_cycle_is_the_eight_okabe_ito_colours_weak_ones_last():
    assert len(set(PALETTE)) == 8 and set(PALETTE) == set(OKABE_ITO.values())
    assert PALETTE[:2] == [OKABE_ITO["blue"], OKABE_ITO["orange"]]
    assert PALETTE[-2:] == [OKABE_ITO["yellow"], OKABE_ITO["black"]]


def test_text_inks_are_readable_on_white_and_greys_are_neutral():
    assert _contrast(INK) >= 7.0  # body text: WCAG AAA
    assert _contrast(INK_SOFT) >= 4.5  # notes and source lines: AA
    for grey in (INK, INK_SOFT, GREY, GREY_LIGHT):
        assert grey[1:3] == grey[3:5] == grey[5:7], grey


def test_width_is_a_640_pixel_column_at_100_dpi():
    assert WIDTH * 100 == pytest.approx(640)
