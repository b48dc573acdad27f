"""What the model sees of a candidate: general facts of its clause, never its words."""

from __future__ import annotations

import datetime as dt

from turnout.draft.features import NAMES, article_facts, features
from turnout.draft.gatherings import build_draft

DAY = dt.date(2020, 6, 7)


def _facts(text: str) -> dict[str, dict[str, float]]:
    d = build_draft(text, published=DAY, model=False)
    return {c.name: dict(zip(NAMES, features(c, d.facts), strict=True)) for c in d.candidates}


def test_one_value_a_name_and_a_bias_first() -> None:
    facts = _facts("Vigils were also held in Omaha on Saturday.")
    assert list(facts["Omaha"]) == list(NAMES) and NAMES[0] == "bias"
    assert facts["Omaha"]["bias"] == 1.0


def test_a_gathering_clause_reads_as_one_and_a_days_distance_is_a_fraction() -> None:
    held = _facts("Vigils were also held in Omaha on Saturday.")["Omaha"]
    assert held["its clause reports a gathering"] == 1.0
    assert held["after in, at, outside"] == 1.0
    assert held["a plan or a habit in its clause"] == 0.0
    assert held["the day is the publication date"] == 0.0  # Saturday, the day before
    assert 0 < held["days before publication"] < 1


def test_the_articles_facts_count_names_and_the_rules_rows() -> None:
    d = build_draft(
        "About 500 people marched in Boise on Saturday. Boise police closed a street.",
        published=DAY,
        model=False,
    )
    a = article_facts(d.candidates, [("Boise", "ID"), ("Boise", "ID")], set(), DAY)
    assert a.named[("Boise", "ID")] == 2
    assert a.rule_rows == 1 and a.rule_days == frozenset({dt.date(2020, 6, 6)})


def test_a_list_of_places_is_read_as_one_and_a_lone_place_is_not() -> None:
    # jpost-2006-05-01-day-without-immigrants (sixth batch), its sentence with its day.
    facts = _facts(
        "From Los Angeles to Chicago, Houston to Miami, the Day Without Immigrants attracted "
        "widespread participation on Saturday."
    )
    assert {facts[c]["in a list of places"] for c in ("Chicago", "Houston", "Miami")} == {1.0}
    assert (
        _facts("Vigils were also held in Omaha on Saturday.")["Omaha"]["in a list of places"] == 0
    )


def test_a_name_that_goes_on_and_a_killing_before_the_place_are_features() -> None:
    # opb-2025-10-25 (twelfth batch): "Elizabeth" is the first word of a park's name.
    saturday = dt.date(2025, 10, 25)
    d = build_draft(
        "A protester stands in the rain at a rally at Elizabeth Caruthers Park in Portland, "
        "Ore. on Saturday, Oct. 25, 2025.",
        published=saturday,
        model=False,
    )
    got = {c.name: dict(zip(NAMES, features(c, d.facts), strict=True)) for c in d.candidates}
    assert got["Elizabeth"]["a capitalized word right after it"] == 1.0
    assert got["Portland"]["a capitalized word right after it"] == 0.0  # (", Ore.")
    # motherjones-2012-03-21 (twelfth batch): Sanford is where a teenager was killed.
    d = build_draft(
        "Hundreds of protesters gathered in New York City Wednesday for the “Million Hoodie "
        "March,” a memorial of sorts for Trayvon Martin—the teenager gunned down by a "
        "neighborhood watch volunteer in the Orlando, Florida suburb of Sanford.",
        published=dt.date(2012, 3, 22),
        model=False,
    )
    got = {c.name: dict(zip(NAMES, features(c, d.facts), strict=True)) for c in d.candidates}
    assert got["Sanford"]["a word of harm before it in its sentence"] == 1.0
    assert got["New York City"]["a word of harm before it in its sentence"] == 0.0
