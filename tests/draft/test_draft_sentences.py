"""turnout.draft.sentences: an article's headings, captions, list items and sentences."""

from __future__ import annotations

import pytest

from turnout.draft.sentences import split_sentences

ARTICLE = (
    "Teachers rally in Denver\n\n"
    "DENVER (AP) — Hundreds rallied at the Capitol on Saturday. Sen. Smith spoke at 2 p.m. "
    "to the crowd.\n\n"
    "“Stop it!” they chanted.\n\n"
    "More rallies\n\n"
    "They marched in the U.S. for days."
)


def test_each_sentence_is_the_text_at_its_offsets_in_reading_order():
    found = split_sentences(ARTICLE)
    assert [s.text for s in found] == [
        "Teachers rally in Denver",
        "DENVER (AP) — Hundreds rallied at the Capitol on Saturday.",
        "Sen. Smith spoke at 2 p.m. to the crowd.",  # "Sen." and "p.m." end no sentence
        "“Stop it!” they chanted.",  # nor does a "!" inside a quote
        "More rallies",
        "They marched in the U.S. for days.",
    ]
    assert all(ARTICLE[s.start : s.end] == s.text for s in found)


def test_headings_start_sections_and_blocks_are_numbered():
    found = split_sentences(ARTICLE)
    assert [s.kind for s in found] == ["heading", *["paragraph"] * 3, "heading", "paragraph"]
    assert [s.section for s in found] == [0, 0, 0, 0, 1, 1]  # "More rallies" opens one
    assert [s.block for s in found][1:3] == [1, 1]  # two sentences of one paragraph


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Protesters march in Denver on Jan. 31, 2026. (AP Photo/Jane Doe)\n\nHundreds marched.",
         ["caption", "paragraph"]),
        ("- Seattle: 500\n- Denver: 300", ["item", "item"]),
        ("Hundreds marched in Washington, D.C. on Saturday. Police watched.",
         ["paragraph", "paragraph"]),
    ],
)  # fmt: skip
def test_captions_and_list_items_are_told_from_sentences(text, kinds):
    assert [s.kind for s in split_sentences(text)] == kinds


def test_a_sentence_broken_after_a_comma_is_joined_to_its_end():
    (one,) = split_sentences("Hundreds of workers marched downtown,\nthen rallied at City Hall.")
    assert one.text == "Hundreds of workers marched downtown,\nthen rallied at City Hall."
