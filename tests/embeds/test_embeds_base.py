"""turnout.embeds.base: what every embed design shares: its kinds, the quote budget, ticks."""

from __future__ import annotations

import pytest

from turnout.embeds import by_city, turnout_map
from turnout.embeds.base import QuoteBudget, designed, kinds, nice_ticks, quotes, renderer, text


def test_each_chart_kind_has_its_design_and_any_other_the_generic_list():
    assert set(kinds()) == {"", "turnout-by-city", "temperature-vs-attendance",
                            "timeline-density", "turnout-map"}  # fmt: skip
    assert renderer("turnout-by-city") is by_city.draw
    assert renderer("turnout-map") is turnout_map.draw
    assert renderer("a-kind-added-tomorrow") is renderer("")
    assert designed("turnout-map") and not designed("a-kind-added-tomorrow")


def test_the_budget_keeps_whole_sentences_and_counts_the_rest():
    budget = QuoteBudget(len("About 4,000 rallied.") + 5)
    said = quotes("About 4,000 rallied.\nHundreds rallied.\nDozens stayed.", budget)
    assert said == ["About 4,000 rallied.", "… 2 more sentences in the data file."]
    assert budget.left_out == 2
    assert quotes("One.\nTwo.\nThree.", QuoteBudget(), most=1) == [
        "One.", "… 2 more sentences in the data file."
    ]  # fmt: skip


def test_a_row_of_several_sources_quotes_each_by_name():
    assert quotes("About 4,000 rallied.\nHundreds rallied.", QuoteBudget(), names="AP\nKUOW") == [
        "AP: About 4,000 rallied.",
        "KUOW: Hundreds rallied.",
    ]


@pytest.mark.parametrize(
    "top, most, ticks",
    [(50_000, 4, [0, 20_000, 40_000, 60_000]), (7, 5, [0, 2, 4, 6, 8]), (0, 4, [0, 1])],
)
def test_ticks_are_round_and_reach_the_top(top, most, ticks):
    assert nice_ticks(top, most) == ticks
    assert ticks[-1] >= top and len(ticks) - 1 <= most


def test_a_cell_prints_as_words_without_nan_or_direction_tricks():
    assert text(float("nan")) == "" and text(None) == ""
    assert text("Seattle\u202e") == "Seattle"  # a bidirectional override cannot flip a label
