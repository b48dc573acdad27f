"""Issue 20's sixth round: general rules for causes that recur across the batches coded
blind (docs/draft.md, "The twelfth batch, and rules judged batch by batch"), each on
real sentences of the development set (tests/fixtures/articles/, named)."""

from __future__ import annotations

from drafting import left_out, rows

from turnout.draft.gatherings import PART

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


def test_a_group_apart_from_the_crowd_is_not_its_size():
    # thedp-2006-04-10-philadelphia-immigrant-rights (eighth batch): students who joined
    text = (
        "Demonstrators in Philadelphia joined hundreds of thousands of people across the "
        "country yesterday in calling for politicians to protect immigrants' rights.\n"
        "Police estimated that about 7,000 people attended the event at Love Park, making it "
        "by far the largest rally the city has seen this year.\n"
        "Around 30 Penn students carried banners and beat drums while marching down Locust "
        "Walk and into Center City to join the rally."
    )
    assert rows(text, "2006-04-11") == [("2006-04-10", "Philadelphia", "PA", "about 7,000")]
    assert ("Around 30", PART) in left_out(text, "2006-04-11")
    # koreadaily-2025-06-10-koreatown-ice-march (tenth batch): some of the marchers, later
    text = (
        "Roughly 1,000 protesters opposing immigration raids marched into Koreatown late "
        "Tuesday night, escalating tensions with police as the demonstration unfolded across "
        "major streets in Los Angeles.\n"
        "As the encirclement closed in, approximately 200 protesters took refuge in a "
        "shopping mall near Western Avenue and Council Street."
    )
    assert rows(text, "2025-06-11") == [("2025-06-10", "Los Angeles", "CA", "Roughly 1,000")]


def test_the_articles_crowd_word_stays_beside_a_larger_number():
    # whsv-2020-01-20-richmond-gun-rights-lobby-day (eleventh batch)
    text = (
        "Thousands of gun-rights activists from around the country rallied peacefully at the "
        "Virginia Capitol on Monday, protesting plans by the state's Democratic majority to "
        "pass gun-control legislation.\n"
        "Virginia Capitol officials estimated the total number of attendees at 22,000 – with "
        "about 6,000 who went through Virginia State Police security screening to get into "
        "Capitol Square and about 16,000 outside the gates in downtown Richmond."
    )
    got = rows(text, "2020-01-20")
    assert got == [("2020-01-20", "Richmond", "VA", "Thousands; 22,000")]
