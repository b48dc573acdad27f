"""The one list of words for people harmed (draft/harm.py), read each of its ways by the
places and the numbers, on real sentences of the development set (named)."""

from __future__ import annotations

import pytest
from drafting import left_out

from turnout.draft.harm import HARM, ROLES, harm_words
from turnout.draft.places import find_places


def test_every_word_plays_known_roles_once():
    words = [w for w, _ in HARM]
    assert len(words) == len(set(words))
    assert all(roles.split() and set(roles.split()) <= set(ROLES) for _, roles in HARM)


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="no such role"):
        harm_words("victims")


@pytest.mark.parametrize(
    "text, number",
    [
        # stocknews24-2025-07-14-koreatown-reclaim-our-streets: "by", a verb before them
        ("At Ambiance, ICE kidnapped 45 workers, among them 15 members of Koreatown’s Zapotec "
         "community.", "45"),
        # amny-2021-03-21-columbus-park-anti-asian-hate: "passive", after an aside
        ("the tragic event on Tuesday, when eight people, including six Asian women, were shot "
         "and killed by a 21-year-old white gunman in Atlanta, Georgia.", "eight"),
        # nevadaappeal-2010-05-29-sb1070-phoenix-march: "outcome", what became of them
        ("About 20 people were treated for heat or fatigue-related symptoms, and seven of them "
         "were taken to a hospital.", "About 20"),
    ],
)  # fmt: skip
def test_each_way_of_reading_harm_leaves_the_number_out(text, number):
    assert (number, "people arrested, hurt or killed") in left_out(text, "2021-03-21")


def test_the_scene_of_a_killing_is_no_gathering_place():
    # news10-2021-03-22-albany-stop-asian-hate: "scene"
    text = "This comes a week after the shootings in Atlanta claimed the lives of six Asian women"
    atlanta = next(p for p in find_places(text) if p.name == "Atlanta")
    assert atlanta.scene and atlanta.guarded
