"""Several sources in one row: one line per source in the source_* cells."""

from turnout.sources import Source, join_sources, row_sources, source_count, sources_problem


def test_sources_round_trip_in_order():
    given = [
        Source("AP", "2026-01-31", "", "About 40,000 marched."),
        Source("Reuters", "2026-02-01", "https://r.example/a", "Police said 30,000."),
        Source("KUOW", "2026-01-31", "https://kuow.example/b", "Thousands marched."),
    ]
    cells = join_sources(given)
    assert cells["source_url"] == "\nhttps://r.example/a\nhttps://kuow.example/b"
    assert row_sources(**cells) == given
    assert source_count(cells["source_name"]) == 3
    assert sources_problem(**cells) == ("", "")


def test_a_hand_typed_one_source_row_stays_one_source():
    # A quote typed with a line break in it is still one source's quote.
    [only] = row_sources("Workers World", "2026-02-03", "", "Hundreds rallied.\nIn the cold.")
    assert only.quote == "Hundreds rallied.\nIn the cold."
    assert sources_problem("Workers World", "2026-02-03", "", "One.\nTwo.\nThree.") == ("", "")


def test_cells_that_do_not_line_up_name_the_column():
    column, why = sources_problem("AP\nNPR\nKUOW", "2026-01-31\n2026-01-31", "", "a\nb\nc")
    assert column == "source_date" and why.startswith("2 lines for 3 sources")
    assert sources_problem("AP\nNPR", "", "", "") == ("", "")  # empty cells are fine


def test_spreadsheet_line_breaks_count_once():
    assert [s.name for s in row_sources("AP\r\nNPR", "d1\r\nd2")] == ["AP", "NPR"]
