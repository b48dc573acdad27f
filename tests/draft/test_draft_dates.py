"""turnout.draft.dates: the days an article names, resolved against its publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from turnout.draft.dates import find_dates, holiday

TUESDAY = dt.date(2026, 2, 3)  # the seed article's publication day


def _days(text: str) -> list[tuple[str, str, bool]]:
    return [(d.text, d.date.isoformat(), d.future) for d in find_dates(text, TUESDAY)]


@pytest.mark.parametrize(
    "text, day",
    [
        ("On Jan. 30, hundreds marched.", ("Jan. 30", "2026-01-30", False)),
        ("Sunday, Feb. 1, they rallied.", ("Sunday, Feb. 1", "2026-02-01", False)),
        ("They marched on Saturday.", ("Saturday", "2026-01-31", False)),  # the latest one
        ("They marched yesterday.", ("yesterday", "2026-02-02", False)),
        ("They rallied last weekend.", ("last weekend", "2026-01-31", False)),
        ("On Jan. 30, 2025, they marched.", ("Jan. 30, 2025", "2025-01-30", False)),
        ("On Mar 19, 2016, they marched.", ("Mar 19, 2016", "2016-03-19", False)),  # no period
    ],
)
def test_a_day_is_read_against_the_publication_date(text, day):
    assert _days(text) == [day]


def test_a_month_without_its_day_is_no_date_nor_is_the_pages_own():
    assert _days("Hundreds marched in Del Mar and in March.") == []
    # pix11-2016-03-19-anti-trump-columbus-circle: the page's stamp is not an event's day
    assert _days("Posted at 5:49 PM, Mar 19, 2016") == []


def test_a_month_and_day_after_publication_is_last_years_or_a_plan():
    # Dec. 30 would be 11 months ahead: it is the December just past
    assert _days("On Dec. 30 they marched.") == [("Dec. 30", "2025-12-30", False)]
    # within a month ahead: this year's, kept as a plan so its numbers stay out
    assert _days("On Feb. 20 they will march.") == [("Feb. 20", "2026-02-20", True)]
    assert _days("They will march next Saturday.") == [("next Saturday", "2026-02-07", True)]


def test_habits_are_no_days_and_offsets_point_into_the_article():
    assert _days("On Fridays they march.") == []
    article = "Hundreds marched. On Jan. 30, more came."
    at = article.index("On Jan.")
    (found,) = find_dates(article[at:], TUESDAY, offset=at)
    assert article[found.start : found.end] == "Jan. 30" and found.how == "explicit"


def test_holidays_fall_on_their_days():
    assert holiday("Black Friday", 2015) == dt.date(2015, 11, 27)  # the day after Thanksgiving
    assert holiday("Labor Day", 2026) == dt.date(2026, 9, 7)  # first Monday of September
    assert holiday("MLK Day", 2026) == dt.date(2026, 1, 19)  # third Monday of January


def test_a_day_after_a_comparison_is_another_gatherings():
    from turnout.draft.dates import compared_day

    for text, day in [
        ("Though not on the scale of last weekend's protests, crowds gathered.", "last"),
        ("The march was bigger than Saturday's rally.", "Saturday"),
        ("Unlike the Jan. 21 march, this one was quiet.", "Jan."),
    ]:
        assert compared_day(text, text.index(day)), text
    for text, day in [
        ("Crowds gathered Saturday in Boston.", "Saturday"),
        ("More than 500 people marched on Saturday.", "Saturday"),  # "than" counts people
    ]:
        assert not compared_day(text, text.index(day)), text


def test_a_comparison_a_few_words_back_still_names_another_gathering():
    from turnout.draft.dates import compared_day

    # moneycontrol-2025-04-19-50501-shame-rallies: April 5 is the earlier, bigger day.
    text = "crowds were smaller compared to the turnout on April 5, demonstrations still drew"
    assert compared_day(text, text.index("April"))
    text = "More than hundreds rallied Saturday in Boise."
    assert not compared_day(text, text.index("Saturday"))


def test_a_days_note_writes_its_date_in_ap_style():
    # The review shows these notes: "May 2", "June 6" and "Sept. 5", never "May. 2".
    published = dt.date(2024, 9, 9)  # a Monday
    notes = [d.note for d in find_dates("They marched on Saturday.", published)]
    assert notes == [
        "'Saturday' read as Saturday, Sept. 7, 2024 (the latest on or before publication)"
    ]
    may = [d.note for d in find_dates("They rallied Saturday.", dt.date(2024, 5, 6))]
    assert "Saturday, May 4, 2024" in may[0] and "May." not in may[0]
