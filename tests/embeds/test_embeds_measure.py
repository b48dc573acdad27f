"""Text widths before any browser (turnout.embeds.measure): widths add up, scale with size,
bold is wider, and wrapping never makes a line wider than asked unless one word is."""

from __future__ import annotations

import pytest

from turnout.embeds.measure import text_width, wrap


def test_widths_add_up_and_scale_with_the_size():
    a, b = text_width("Minnea", 13), text_width("polis", 13)
    assert text_width("Minneapolis", 13) == pytest.approx(a + b)
    assert text_width("Minneapolis", 26) == pytest.approx(2 * text_width("Minneapolis", 13))
    assert text_width("Minneapolis", 13, bold=True) > text_width("Minneapolis", 13)


@pytest.mark.filterwarnings("ignore:Glyph 57344")  # matplotlib says the font lacks it
def test_a_character_the_font_lacks_counts_as_an_em():
    # U+E000 is in the private use area: DejaVu Sans draws nothing there.
    assert text_width("\ue000", 10) == pytest.approx(10 * 1.04)


@pytest.mark.parametrize("width", [40, 90, 120, 300])
def test_wrapped_lines_fit_and_keep_every_word(width):
    text = "Around 50,000 people demonstrated in Minneapolis on a bitterly cold Friday"
    lines = wrap(text, width, 13)
    assert " ".join(lines).split() == text.split()
    for line in lines:
        assert text_width(line, 13) <= width or " " not in line  # only a lone word overflows
    # Each line is as full as it can be: the next line's first word would not have fit.
    for line, after in zip(lines, lines[1:], strict=False):
        assert text_width(f"{line} {after.split()[0]}", 13) > width


def test_a_word_wider_than_the_line_is_a_line_of_its_own():
    assert wrap("a Minneapolis b", 20, 13) == ["a", "Minneapolis", "b"]
