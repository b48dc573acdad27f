"""turnout.embeds.theme: the light and dark colours of an embed, and the checks on them."""

from __future__ import annotations

import re

import pytest

from turnout.embeds.theme import CHECKS, DARK, LIGHT, contrast, css_variables, range_end_shows


def test_contrast_is_wcags_ratio():
    assert contrast("#ffffff", "#000000") == contrast("#000000", "#ffffff") == 21.0
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # a grey that fails text
    assert contrast("#abcdef", "#abcdef") == 1.0


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_every_scheme_passes_its_checks(colors):
    failing = [(fg, bg) for fg, bg, least in CHECKS if contrast(colors[fg], colors[bg]) < least]
    assert failing == []
    assert range_end_shows(colors)


def test_a_range_end_darker_than_its_bar_does_not_show_as_paler():
    assert not range_end_shows({**LIGHT, "one-tint": "#003355"})  # darker than the blue bar
    assert not range_end_shows({**LIGHT, "one-tint": "#f8f8f8", "one": "#e0e0e0"})  # unseen


def test_css_gives_every_variable_in_both_schemes_dark_on_the_readers_request():
    css = css_variables()
    light, dark = css.split("@media (prefers-color-scheme:dark)")
    for block, colors in ((light, LIGHT), (dark, DARK)):
        assert dict(re.findall(r"--tc-([\w-]+):(#[0-9a-fA-F]{6})", block)) == colors
