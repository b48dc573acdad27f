"""turnout.draft.places: the places a sentence names, datelines, and a state for each city."""

from __future__ import annotations

from turnout.draft.places import compatible, find_dateline, find_places, resolve_states


def _named(text: str) -> list[tuple[str, str, str]]:
    return [(p.name, p.state, p.kind) for p in find_places(text)]


def test_cities_with_their_states_as_ap_and_as_spelled_out():
    text = "Hundreds rallied in Madison, Wis., and Portland, Oregon."
    assert _named(text) == [("Madison", "WI", "city"), ("Portland", "OR", "city")]
    madison = find_places(text, offset=100)[0]
    assert text[madison.start - 100 : madison.end - 100] == "Madison, Wis."


def test_where_people_came_from_and_who_they_stood_with_are_told_apart():
    came, went = find_places("Workers from Chicago marched in Springfield.")
    assert (came.name, came.origin) == ("Chicago", True)
    assert (went.name, went.locative, went.origin) == ("Springfield", True, False)
    with_, at = find_places("in solidarity with Minneapolis, thousands rallied in Seattle")
    assert with_.guarded and not at.guarded and at.name == "Seattle"


def test_states_abroad_and_names_that_are_only_the_start_of_another():
    assert _named("A rally in Texas drew 500.") == [("TX", "TX", "state")]
    assert _named("Thousands rallied in Toronto, Canada.") == [("Toronto", "", "abroad")]
    (paper,) = find_places("The Washington Post reported.")
    assert paper.weak  # a newspaper's name, not a place anything happened


def test_datelines():
    seattle = find_dateline("SEATTLE (AP) — Hundreds marched.")
    assert (seattle.name, seattle.kind) == ("Seattle", "city")
    assert find_dateline("WASHINGTON — Hundreds marched.").state == "DC"
    assert find_dateline("Hundreds marched in Seattle.") is None


def test_a_bare_city_takes_its_state_from_the_article_or_says_it_guessed():
    maine = find_places("Teachers rallied in Augusta, Maine.") + find_places("Then Portland.")
    assert [(m.name, m.state) for m in resolve_states(maine, [0, 0])] == [
        ("Augusta", "ME"),
        ("Portland", "ME"),  # Maine's Portland, in an article about Maine
    ]
    (alone,) = resolve_states(find_places("Hundreds rallied in Springfield."), [0])
    assert alone.state == "MO" and "guessed" in alone.note  # said, for the reporter to check
    named = find_places("Rallies in Springfield, Ill.") + find_places("More came to Springfield.")
    assert [m.state for m in resolve_states(named, [0, 1])] == ["IL", "IL"]  # as written


def test_a_sentence_about_another_place_is_not_about_this_one():
    (denver,) = find_places("Hundreds rallied in Denver, Colo.")
    assert compatible(denver, find_places("Police in Colorado watched."))  # its state
    assert compatible(denver, [])  # a sentence naming no place
    assert not compatible(denver, find_places("Police in Seattle watched."))
