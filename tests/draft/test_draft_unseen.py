"""Round two of issue 20: mechanisms that made false rows or wrong sizes on articles the
drafter had not seen (first runs of the development set's fifth batch, `devset-c`), each
on real sentences of the development set (tests/fixtures/articles/, named in each test)."""

from __future__ import annotations

import datetime as dt

from turnout import draft_events
from turnout.draft.gatherings import build_draft


def rows(text: str, published: str) -> list[tuple[str, str, str, str]]:
    table = draft_events(text, published=published)
    return [tuple(r) for r in table[["date", "locality", "state", "size_text"]].values]


def left_out(text: str, published: str) -> list[tuple[str, str]]:
    draft = build_draft(text, published=dt.date.fromisoformat(published))
    return [(q.text, q.reason) for q in draft.left_out]


def test_a_number_hyphened_to_a_name_is_not_a_crowd():
    # usatoday-2013-01-26-gun-control-march: a page's menu line above the story
    text = (
        "Navigating COVID-19 Text our fact checkers Database of arrests\n\n"
        "WASHINGTON — In the wake of several recent mass shootings, thousands of people "
        "gathered Saturday in front of the Capitol for a silent march."
    )
    assert rows(text, "2013-01-26") == [("2013-01-26", "Washington", "DC", "thousands")]
    assert ("19", "a name or a code ('COVID-19', 'I-95')") in left_out(text, "2013-01-26")
    # (a range written with a hyphen is still a range)
    assert rows("About 300-400 people rallied in Denver on Saturday.", "2013-01-26") == [
        ("2013-01-26", "Denver", "CO", "About 300-400")
    ]


def test_a_count_over_a_season_is_not_one_gathering_s_crowd():
    # newsobserver-2018-05-12-teachers-capitols-caption
    text = (
        "FILE - In this April 13, 2018 file photo, teachers from across Kentucky gather inside "
        "the state Capitol to rally for increased funding and to protest changes to their "
        "state funded pension system in Frankfort, Ky. Thousands of teachers took their "
        "voices to state Capitols this spring, winning pay raises in West Virginia, Oklahoma "
        "and Arizona, and increased education spending in Kentucky."
    )
    assert rows(text, "2018-05-12") == [("2018-04-13", "Frankfort", "KY", "")]
    assert ("Thousands", "a count over weeks or a season, not one gathering") in left_out(
        text, "2018-05-12"
    )
