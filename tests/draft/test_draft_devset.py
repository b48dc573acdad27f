"""The drafter scored on its development set: the bundled article and tests/fixtures/articles,
but the held-out batch (``training.HELD_OUT``, the model's yardstick for unseen text, whose
scores the model file records: test_draft_model.py).

The floors sit a little under today's scores (benchmarks/draft.py prints them), so a
change that loses gatherings or proposes false ones fails here; a new held-out batch,
coded blind and scoring lower, does not move them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from turnout import draft_events
from turnout.clean import read_events
from turnout.draft.score import Score, load_cases, score
from turnout.draft.text import read_article, story_article
from turnout.draft.training import batch_names

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
# Today (benchmarks/draft.py): the bundled article and 146 development articles, 332 of 393
# gatherings with place and day (84%), 298 with low and high too (76%), 332 of 366 rows
# real (91%), rules and model; with neighborhoods and landmarks not read as towns (issue
# 20's third round) 333, 298 and 333 of 362 (92%) (5-fold cross-validation of the model
# by article: rules alone 82%, 73%, 92%; with the model 84%, 76%, 92%). The ninth batch
# (14 articles coded blind, merged last, no rule written from it) scored 65%, 26% and 67%
# on its first run, and it pulls today's scores down; it is the model's held-out
# yardstick (docs/draft.md). The eighth batch scored 47%, 25% and 54% on its first run,
# the sixth and seventh 62%, 47% and 76%. The drafter as it was before issue 20 scores
# 63%, 58% and 87% on the first 55. The tenth batch (20 articles coded blind, merged after
# all that) scored 72%, 44% and 65% on its first run; with it the set scores 362 of 429
# (84%), 317 (74%) and 362 of 406 (89%): the floors follow, the set being harder, not the
# drafter worse. After issue 20's fourth round (general rules from the false rows of the
# eighth to tenth batches: people harmed, the scene of a killing, totals told beside a city)
# 368 (86%), 335 (78%), 368 of 389 (95%). The eleventh batch (22 articles coded blind) is the
# held-out yardstick now (62%, 41% and 65% on its first run) and left out here; the tenth is
# development data. After issue 20's fifth round (general rules from the eleventh batch's
# failures) 372 (87%), 336 (78%), 372 of 391 (95%) without it. The twelfth batch (20
# articles coded blind) then took the held-out place after its first run (51%, 35% and 50%);
# with the eleventh in, the set scores 384 of 468 (82%), 352 (75%) and 384 of 406 (95%). After
# issue 20's sixth round (rules kept only when they help batches other than the one that
# suggested them: a state's capitol however written, a group apart from the crowd) 391 (84%),
# 364 (78%), 391 of 414 (94%). The thirteenth batch (22 articles coded blind) then took the
# held-out place after its first run (36%, 21% and 83%); with the twelfth in, 429 of 517
# (83%), 394 (76%) and 429 of 467 (92%): the floors follow the larger set. After issue 20's
# seventh round (the places a gathering noun lists, an article told as it happens, a state's
# "State Capitol", a chant's comma; judged batch by batch) 434 (84%), 399 (77%) and 434 of
# 472 (92%). The fourteenth batch (20 articles coded blind) took the held-out place after its
# first run (61%, 46% and 80%); with the thirteenth in, 464 of 559 (83%), 425 (76%) and 464
# of 506 (92%). After issue 20's eighth round (the model's candidates and threshold judged
# leaving one blind batch out; the rules unchanged) 470 (84%), 430 (77%), 470 of 516 (91%).
# The fifteenth batch (20 articles coded blind) took the held-out place after its first run
# (71%, 57% and 89%); with the fourteenth in, 512 of 618 (83%), 461 (75%) and 512 of 583
# (88%). With no candidate for an article that names no day (its publication date would be
# a guess) and a candidate's day in mind the gathering's own, as for the rules, the model's
# add threshold moved from 0.5 to 0.7: 504 (82%), 454 (73%) and 504 of 553 (91%): the
# floors follow it (fewer found, fewer false).
FLOOR_RECALL = 0.81
FLOOR_RECALL_EXACT = 0.73
FLOOR_PRECISION = 0.91
# Articles the drafter finds nothing in today: one names no day at all (balloonjuice),
# one names its town only as "the Arts Quad" (cornellsun), one only as "the Rabb Steps"
# (brandeishoot), one by "Capitol Square" (bluevablog); of the seventh batch a Washington
# landmark (dcspotlight), a campus (jhunewsletter) and a rally placed wrongly (nea); of the
# eighth, places named only by a park, neighborhoods or "the board" (csbj, pghcitypaper,
# afscme306), a day taken from the wrong sentence (hashtagresist) and a solidarity march
# placed in the city it was for (cincinnati); of the ninth, a post naming no day or city
# (localeastvillage) and a school and a Bronx
# neighborhood (wnyc); of the tenth, a rally whose size sentence names only its state
# (fox61); of the eleventh, an airport outside Washington
# (citylab) and a union's own rally in Stamford (seiu32bj); of the twelfth, a list of
# cities put a day late (electronichotsale) and Trump Tower (nydailynews); of the thirteenth,
# a photo caption (cmlife), a day of action with no date (africanews), an encampment with no
# number (cuindependent), a union's national totals (seiu1) and a live blog's row on the
# wrong day (gmtoday); of the fourteenth, Trump Tower again (people) and an advocacy post's
# bulleted vigils (ofa).
MOST_ZEROS = 26


def _scores() -> dict[str, Score]:
    out = {}
    seed = read_events(Path(__file__).resolve().parents[2] / "data/raw/ice_out_2026.csv")
    rows = draft_events(read_article(story_article()), published="2026-02-03")
    out["bundled"] = score(rows, seed)
    held = batch_names(ARTICLES)
    for case in load_cases(ARTICLES):
        if case.name in held:
            continue
        rows = draft_events(case.text, published=case.published, source_name=case.source_name)
        out[case.name] = score(rows, case.expected)
    return out


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return _scores()


def test_the_development_set_is_five_articles_or_more_each_with_its_source(scores):
    cases = load_cases(ARTICLES)
    assert len(cases) >= 5
    readme = (ARTICLES / "README.md").read_text(encoding="utf-8")
    for case in cases:
        assert case.source_url.startswith("http") and case.name in readme
        assert len(case.expected) >= 1


def test_overall_scores_stay_above_the_floor(scores):
    total = sum(scores.values(), Score(0, 0, 0, 0, 0))
    assert total.recall >= FLOOR_RECALL, total
    assert total.recall_exact >= FLOOR_RECALL_EXACT, total
    assert total.precision >= FLOOR_PRECISION, total


def test_the_bundled_article_drafts_its_hand_coded_rows(scores):
    s = scores["bundled"]
    # Atlanta's walkouts and its rally share a place and a day: one row, not two.
    assert (s.expected, s.found, s.exact) == (18, 17, 17)
    assert s.precision == 1.0


def test_few_articles_score_zero(scores):
    zeros = [name for name, s in scores.items() if s.found == 0]
    assert len(zeros) <= MOST_ZEROS, zeros


def test_scoring_counts_misses_and_false_rows():
    import pandas as pd

    cols = ["date", "locality", "state", "size_text"]
    want = pd.DataFrame(
        [["2026-01-30", "Atlanta", "GA", ""], ["2026-01-30", "Atlanta", "GA", "500"]], columns=cols
    )
    got = pd.DataFrame(
        [["2026-01-30", "Atlanta", "GA", "an estimated 500"], ["2026-01-31", "Atlanta", "GA", ""]],
        columns=cols,
    )
    assert score(got, want).counts() == (2, 2, 1, 1, 1)


def test_every_article_has_a_genre_from_the_readme():
    from turnout.draft.score import GENRES, readme_genres

    genres = readme_genres(ARTICLES)
    kinds = {g for g, _ in GENRES} | {"other"}
    for case in load_cases(ARTICLES):
        assert case.name in genres, case.name
        assert case.genre == genres[case.name] and case.genre in kinds
    # every kind issue 20 names is in the set but press releases and live blogs, rarer
    assert {"wire", "list round-up", "local report", "advocacy or blog"} <= set(genres.values())
