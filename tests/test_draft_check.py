"""turnout.draft_check: the draft review notebook's steps, without a kernel."""

from __future__ import annotations

import pytest

import turnout
from turnout.draft.review import Review
from turnout.draft_check import NO_ARTICLE, NO_DATE, review_story_draft
from turnout.show import Output
from turnout.stories import Story, StoryData


@pytest.fixture(scope="module")
def seed():
    return turnout.load_events()


def _opened(settings: Story, events) -> StoryData:
    return StoryData(settings, events, events, events.iloc[:0])


def test_the_bundled_story_is_reviewed_against_its_rows():
    check = review_story_draft(turnout.open_story())
    assert isinstance(check.shown, Review) and len(check.drafted) == 17
    assert check.drafted["size_low"].notna().any()
    assert check.chart_rows is check.drafted  # the draft counts crowds: its chart is the draft's
    assert len(check.credited) == 18  # the story's own rows are credited
    bundle = check._repr_mimebundle_()
    assert 'class="draft-review"' in bundle["text/html"]


def test_a_story_with_no_article_gets_one_note_and_charts_its_own_rows(seed):
    check = review_story_draft(_opened(Story(slug="no-such-story-zz", data_path=None), seed))
    assert isinstance(check.shown, Output) and check.shown.plain == f"Note: {NO_ARTICLE}"
    assert check.drafted.empty and check.chart_rows is check.events
    assert check._repr_mimebundle_()["text/html"].startswith('<p class="turnout-note">')


def test_an_article_with_no_date_anywhere_asks_for_the_published_setting(seed, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("DENVER — A crowd of 500 people packed the bridge on Jan. 31.", "utf-8")
    undated = seed.drop(columns=["source_date"])
    check = review_story_draft(_opened(Story(slug=None, data_path=None), undated), article=article)
    assert check.shown.plain == f"Note: {NO_DATE}" and check.drafted.empty


def test_given_article_date_and_outlet_win(seed, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("DENVER — A crowd of 500 people packed the bridge on Jan. 31.", "utf-8")
    check = review_story_draft(
        _opened(Story(slug=None, data_path=None), seed),
        article=article,
        published="2027-02-03",
        source_name="The Ledger",
    )
    rows = check.drafted
    assert rows["city"].tolist() == ["Denver"] and rows["size_low"].tolist() == [500]
    assert rows["date"].dt.strftime("%Y-%m-%d").tolist() == ["2027-01-31"]
    assert rows["source_name"].tolist() == ["The Ledger"]


def test_a_draft_with_no_crowd_size_charts_the_storys_rows(seed, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Protesters packed a bridge in Denver on Jan. 31.", "utf-8")
    check = review_story_draft(
        _opened(Story(slug=None, data_path=None), seed), article=article, published="2027-02-03"
    )
    assert len(check.drafted) == 1 and check.drafted["size_low"].isna().all()
    assert check.chart_rows is check.events and check.credited is check.events
