"""What a draft row tells its reviewer (turnout.draft.notes): each guess in plain words."""

from __future__ import annotations

from turnout.draft.notes import estimates_note, join_notes, shared_note


def test_one_estimate_needs_no_note():
    assert estimates_note([]) == "" and estimates_note([("about 300", "police")]) == ""


def test_each_estimate_is_credited_to_who_gave_it():
    got = estimates_note([("1,000", "organizers"), ("about 700", "police"), ("dozens", "")])
    assert got == (
        "estimates joined: '1,000' (organizers); 'about 700' (police); 'dozens' (the article)"
    )


def test_a_shared_number_lists_its_places_as_a_sentence_does():
    assert shared_note("hundreds", ["Boise", "Tulsa", "Waco"]) == (
        "'hundreds' is given to Boise, Tulsa and Waco together: check each"
    )
    assert shared_note("2,000", ["Boise", "Tulsa"]) == (
        "'2,000' is given to Boise and Tulsa together: check each"
    )


def test_notes_join_once_each_in_order():
    assert join_notes(["b", "", "a", "b", "c", "a"]) == "b; a; c"
    assert join_notes([]) == ""
