"""turnout.draft.review: the review page of a draft: the article highlighted, the rows, the numbers
left out, and who checked each row."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from turnout.draft.gatherings import build_draft
from turnout.draft.review import checked_by, left_out_html, review_html

ARTICLE = (
    "SEATTLE (AP) — About 4,000 people marched in Seattle on Sept. 5. "
    "Police said four were arrested."
)


@pytest.fixture(scope="module")
def draft():
    return build_draft(ARTICLE, published=dt.date(2022, 9, 6), source_name="AP")


def _row(page: str, n: int) -> list[str]:
    row = re.search(rf'<tr id="draft-row-{n}">(.*?)</tr>', page).group(1)
    return re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)


def test_a_row_reads_in_ap_style_and_links_to_its_words(draft):
    page = review_html(draft)
    link, day, place, words, numbers, *_ = _row(page, 1)
    assert day == "Sept. 5, 2022"  # AP's "Sept.", never "Sep."
    assert (place, words, numbers) == ("Seattle, WA", "About 4,000", "4,000")
    start = int(re.search(r'href="#dr-size-(\d+)"', link).group(1))
    assert ARTICLE[start:].startswith("About 4,000")  # the row's number links to its words
    assert f'id="dr-size-{start}"' in page


def test_the_words_the_draft_used_are_highlighted_in_the_article(draft):
    page = review_html(draft)
    article = re.search(r'<div class="dr-article".*?</div>', page, re.S).group(0)
    assert re.search(r'class="dr dr-size"[^>]*>About 4,000<', article)
    assert re.search(r'class="dr dr-date"[^>]*>Sept\. 5<', article)


def test_numbers_left_out_are_listed_with_why(draft):
    listed = left_out_html(draft)
    assert re.findall(r"<td><a[^>]*>(.*?)</a></td><td>(.*?)</td>", listed) == [
        ("four", "people arrested, hurt or killed")
    ]
    none = build_draft("About 300 rallied in Denver on Jan. 31.", published=dt.date(2026, 2, 3))
    assert "Every number in the article went into the draft." in left_out_html(none)


def test_who_checked_each_row_from_the_storys_rows(draft):
    story = pd.DataFrame({"date": ["9/5/2022"], "locality": ["seattle"], "checked": ["AB"]})
    assert checked_by(draft.rows, story) == ["AB"]  # the same day and place, however written
    assert _row(review_html(draft, ["AB"]), 1)[1] == "checked (AB)"
    typed = pd.DataFrame({"date": ["2022-09-05"], "locality": ["Seattle"]})
    assert checked_by(draft.rows, typed) is None  # typed by hand: nothing to say
