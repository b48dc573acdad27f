"""Issue 20's sixth round: general rules for causes that recur across the batches coded
blind (docs/draft.md, "The twelfth batch, and rules judged batch by batch"), each on
real sentences of the development set (tests/fixtures/articles/, named)."""

from __future__ import annotations

from drafting import rows

# denver7-2025-02-05-50501-capitol (eighth batch)
DENVER7 = (
    "DENVER — A crowd thousands strong, many carrying signs and waving international flags, "
    "flocked to the steps of the Colorado State Capitol Wednesday afternoon as part of a "
    "nationwide protest against the new Trump administration.\n\n"
    "Elsewhere, thousands of demonstrators also gathered outside a federal courthouse in "
    "Philadelphia and at state capitols in Michigan, Texas, Wisconsin and Indiana."
)

# asmvoice-2011-03-12-wisconsin-capitol-ongoing-coverage (twelfth batch)
ASMVOICE = (
    "6:00 p.m. Saturday\n\n"
    "Tens of thousands of protesters flocked to the Capitol today by plane, bus, car, bike "
    "and foot.\n\n"
    "The 14 Senate Democrats returned to Wisconsin today and joined the protesters at the "
    "Capitol."
)


def test_a_list_of_state_capitols_shares_the_number():
    got = rows(DENVER7, "2025-02-05")
    for city, state in (("Lansing", "MI"), ("Austin", "TX"), ("Madison", "WI"),
                        ("Indianapolis", "IN"), ("Philadelphia", "PA")):  # fmt: skip
        assert ("2025-02-05", city, state, "thousands") in got


def test_a_state_capitol_in_lower_case_is_in_its_capital():
    # kark-2023-02-23-little-rock-capitol-equality (ninth batch), its dateline left out
    text = (
        "More than two dozen advocacy groups rallied on the steps of the Arkansas state "
        "capitol Thursday."
    )
    assert rows(text, "2023-02-23") == [("2023-02-23", "Little Rock", "AR", "")]


def test_the_capitol_of_an_article_about_one_state_is_its_capitals():
    assert ("2011-03-12", "Madison", "WI", "Tens of thousands") in rows(ASMVOICE, "2011-03-12")
    # An article that names Washington may mean the nation's Capitol: no guess.
    federal = ASMVOICE + "\n\nLawmakers in Washington watched the protests."
    assert all(r[1] != "Madison" for r in rows(federal, "2011-03-12"))
