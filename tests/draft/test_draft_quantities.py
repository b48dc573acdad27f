"""turnout.draft.quantities: every number phrase of a sentence, crowd or not and why."""

from __future__ import annotations

import pytest

from turnout.draft.quantities import find_quantities


def _read(text: str) -> list[tuple[str, float, float, bool, str]]:
    return [(q.text, q.low, q.high, q.crowd, q.source) for q in find_quantities(text, year=2026)]


def test_crowds_are_read_by_the_size_rules_with_who_estimated_them():
    assert _read("Organizers said 5,000 to 7,000 people marched.") == [
        ("5,000 to 7,000", 5000.0, 7000.0, True, "Organizers")
    ]
    assert _read("More than 1,000 rallied, police said.") == [
        ("More than 1,000", 1000.0, 1000.0, True, "police")  # the source after the number
    ]
    assert _read("Thousands of teachers rallied in Denver.") == [
        ("Thousands", 2000.0, 2000.0, True, "")  # CCC: a crowd word at its lowest
    ]


@pytest.mark.parametrize(
    "text, number, reason",
    [
        ("Police said four people were arrested.", "four", "people arrested, hurt or killed"),
        ("They came in 40 buses.", "40", "counts things, not people"),
        ("In 2012, 500 people marched.", "500", "a number from another year's event"),
        ("About 5,000 people marched across the country.", "About 5,000",
         "a total across the country"),
    ],
)  # fmt: skip
def test_numbers_that_are_not_this_crowd_say_why(text, number, reason):
    read = {q.text: q for q in find_quantities(text, year=2026)}
    assert not read[number].crowd and read[number].reason == reason


def test_offsets_and_spans_already_read_as_dates():
    article = "Hundreds marched. On Jan. 30, about 300 rallied."
    at = article.index("On Jan.")
    sentence = article[at:]
    (crowd,) = [q for q in find_quantities(sentence, at, year=2026, skip=((8, 10),)) if q.crowd]
    assert article[crowd.start : crowd.end] == crowd.text == "about 300"
    assert [q.text for q in find_quantities(sentence, at, year=2026, skip=((7, 9),))] == [
        "about 300"
    ]


@pytest.mark.parametrize(
    "text, crowd",
    [
        # A verb of viewers or riders is a march when a way through a place follows it.
        ("Hundreds of thousands streamed past the White House to a rally.", True),
        ("Some 2,000 people streamed into the plaza.", True),
        ("About 500 cyclists rode through downtown.", True),
        ("About 3,000 people streamed the speech online.", False),
        ("Some 600,000 people had used the Metro system.", False),
    ],
)
def test_a_verb_of_riders_or_viewers_with_a_way_through_a_place_is_a_crowd_moving(text, crowd):
    [q] = find_quantities(text, year=2026)
    assert q.crowd is crowd, q.reason


def test_a_superscript_digit_is_no_age():
    # Hypothesis found it: "¹" is a digit to str.isdigit() but no number to int(). Set off
    # by commas after a name, as an age is, it is no age, and the sentence's crowd is read.
    found = find_quantities("Maya Hofstetter, ¹, said 300 marched", listed=True)
    assert [(q.text, q.crowd) for q in found if q.text == "300"] == [("300", True)]
    assert not any("age" in q.reason for q in found)
    assert [q.crowd for q in found if q.text == "¹"] == [False]
    fuzzed = find_quantities('0\x08¹"', listed=True)  # the text hypothesis found
    assert [q.crowd for q in fuzzed if q.text == "¹"] == [False]
