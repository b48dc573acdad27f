"""The draft review notebook's steps for a story: its article and source found, the article
drafted and reviewed against the story's rows, or one note saying what is missing.

``notebooks/00-draft-from-article.ipynb`` calls :func:`review_story_draft` and displays
what it returns; the rules that draft the rows are :mod:`turnout.draft`'s.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from turnout.show import Output, note_output
from turnout.stories import DEFAULT_STORY, StoryData

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from turnout.draft.gathered import GatheredReview
    from turnout.draft.review import Review

NO_ARTICLE = (
    "No article is filed with this story yet: `turnout draft ARTICLE --published YYYY-MM-DD "
    "--story STORY` files it in data/raw/sources/ and drafts its rows."
)
NO_DATE = (
    "The story's settings have no publication date: set `published: YYYY-MM-DD` at the top "
    "of its codebook (`turnout draft --story` fills it)."
)


class DraftCheck(NamedTuple):
    """A story's draft for review: what to display, the drafted rows, the story's own."""

    #: The review (:class:`turnout.draft.review.Review`, or a day's coverage a gathering at a
    #: time, :class:`turnout.draft.gathered.GatheredReview`), or a note saying what is missing.
    shown: Review | GatheredReview | Output
    #: The draft's rows, cleaned; none when there is no review.
    drafted: pd.DataFrame
    #: The story's own events (its period and cities).
    events: pd.DataFrame

    @property
    def chart_rows(self) -> pd.DataFrame:
        """The rows the review's chart draws: the draft's, when it counts a crowd; else the
        story's (a draft with no number charts the data it will join)."""
        has_sizes = len(self.drafted) and self.drafted["size_low"].notna().any()
        return self.drafted if has_sizes else self.events

    @property
    def credited(self) -> pd.DataFrame:
        """The rows the source note credits: the story's, else (none yet) the draft's."""
        return self.events if len(self.events) else self.drafted

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Any:
        return self.shown._repr_mimebundle_(include, exclude)


def review_story_draft(
    opened: StoryData,
    *,
    article: str | os.PathLike | None = None,
    articles: list[str | os.PathLike] | None = None,
    published: str | None = None,
    source_name: str | None = None,
) -> DraftCheck:
    """The story's article (``article``, else the one filed with the story) drafted and
    reviewed against its rows, dated ``published`` and credited to ``source_name`` where
    given, else from the story's settings and rows (:func:`turnout.draft.review.story_source`).
    Several articles (``articles``, else a day's coverage filed with the story,
    :func:`turnout.draft.manifest.story_articles`) are drafted as one, a row per gathering
    across them, and reviewed a gathering at a time (:mod:`turnout.draft.gathered`).

    >>> from turnout.notebook import open_story
    >>> check = review_story_draft(open_story())
    >>> len(check.drafted), check.shown
    (17, Draft of 17 rows)
    """
    from turnout.clean import clean_events
    from turnout.draft.gathered import gathered_review
    from turnout.draft.manifest import read_articles, story_articles
    from turnout.draft.review import draft_review, story_source
    from turnout.draft.text import read_article, story_article

    settings, all_events, events, _ = opened
    slug = None if settings.slug == DEFAULT_STORY else settings.slug  # None: the bundled article
    path = article or story_article(slug)
    when, outlet, url = story_source(settings, events, published=published, source_name=source_name)
    none = events.iloc[:0]
    several = articles or (story_articles(slug) if article is None else [])
    if several:
        listed = [Path(a) for a in several]
        merged = gathered_review(read_articles(listed, published=when, source=outlet))
        return DraftCheck(merged, clean_events(merged.rows).events, events)
    if path is None:
        return DraftCheck(note_output(NO_ARTICLE), none, events)
    if when is None:
        return DraftCheck(note_output(NO_DATE), none, events)
    review = draft_review(
        read_article(Path(path)),
        published=when,
        source_name=outlet,
        source_url=url,
        story_rows=all_events,
    )
    return DraftCheck(review, clean_events(review.rows).events, events)
