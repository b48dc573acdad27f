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
