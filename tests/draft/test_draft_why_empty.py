"""turnout.draft.why_empty: the one line a reporter reads when an article drafts no rows."""

from __future__ import annotations

import datetime as dt

from turnout.draft.why_empty import why_no_rows

PUBLISHED = dt.date(2026, 2, 3)


def test_no_us_place_counts_the_words_read():
    assert why_no_rows("Paris, France was calm.", PUBLISHED) == (
        "no US city or town is named in its 4 words"
    )
    many = " ".join(["word"] * 1200)
    assert why_no_rows(many, PUBLISHED).endswith("in its 1,200 words")


def test_a_place_with_only_a_day_after_publication_says_so():
    # Feb. 10 is after Feb. 3: a plan, not a gathering
    assert why_no_rows("Denver will march on Feb. 10.", PUBLISHED) == (
        "it names a place (Denver) but no day before its publication"
    )


def test_places_and_days_without_a_crowd_name_the_places_once():
    text = "Police in Denver and Boulder said on Monday that roads in Denver were closed."
    why = why_no_rows(text, PUBLISHED)
    assert why.startswith("it names places (Denver, Boulder) and days")
    assert "no sentence counts people gathering" in why
