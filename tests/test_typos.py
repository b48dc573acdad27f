"""turnout.typos: one typo apart, shared by crowd words ("hundredd") and place names ("Tuscon")."""

from __future__ import annotations

import pytest

from turnout.typos import one_typo_apart, typo_matches


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tuscon", "tucson"),  # two neighbours swapped
        ("hundredd", "hundreds"),  # one letter changed
        ("thousnd", "thousand"),  # one dropped
        ("dozzens", "dozens"),  # one inserted
        ("minneapolis", "minneapoli"),  # the last letter dropped
    ],
)
def test_one_typo_apart_both_ways(a, b):
    assert one_typo_apart(a, b) and one_typo_apart(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hundred", "hundred"),  # the same word is no typo
        ("tucson", "tsucon"),  # two changes
        ("thousand", "thousands!"),  # two letters longer
        ("xab", "xc"),  # a shorter word's last letter against two: once an IndexError in places
        ("abcd", "badc"),  # two swaps
    ],
)
def test_more_than_one_typo_is_not_one(a, b):
    assert not one_typo_apart(a, b) and not one_typo_apart(b, a)


def test_typo_matches_keeps_the_first_letter_and_a_minimum_length():
    assert typo_matches("billion", ["million", "billions"]) == ["billions"]  # not "million"
    assert typo_matches("tuscon", ["tucson", "tacoma", "tuscan"]) == ["tucson", "tuscan"]
    assert typo_matches("tusco", ["tucso", "tusc"]) == []  # under six letters: too close to call
    assert typo_matches("", ["a"]) == []
