"""turnout.draft.weather: the weather words of a sentence, with their offsets in the article."""

from __future__ import annotations

import pytest

from turnout.draft.weather import find_weather


def _said(text: str) -> list[str]:
    return [w.text for w in find_weather(text)]


def test_offsets_point_at_the_words_in_the_article():
    article = "Hundreds marched. Marchers braved freezing temperatures in Cleveland."
    sentence_at = article.index("Marchers")
    (found,) = find_weather(article[sentence_at:], offset=sentence_at)
    assert article[found.start : found.end] == found.text == "freezing temperatures"


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("It was 9 degrees when hundreds marched.", ["9 degrees"]),
        ("in harsh weather conditions of 9° F and violent winds, to honor the workers",
         ["harsh weather conditions", "9° F and violent winds"]),
        ("Temperatures hovered in the 20s as they rallied.", ["in the 20s"]),
        ("in what was cold weather for the Houston area", ["cold weather for the Houston area"]),
    ],
)  # fmt: skip
def test_weather_words_a_temperature_reader_understands(sentence, words):
    assert _said(sentence) == words


@pytest.mark.parametrize(
    "sentence",
    [
        "The crowd was 40 strong.",  # a number with no degrees
        "It was cold.",  # a bare word says nothing to chart
        "Rainbow flags flew as hundreds marched.",  # part of a word is not weather
        "Snowden supporters rallied in Denver.",
    ],
)
def test_no_weather_where_the_words_give_none(sentence):
    assert _said(sentence) == []


def test_a_word_is_never_cut_short():
    # "and windy" is no "and wind": the reading stands alone
    assert _said("It was 9 degrees and windy when they marched.") == ["9 degrees"]
