"""Hostile and hurried input (issue 13), beyond the corpus: runaway values, AP dateline
cities, and rows with the wrong number of cells in files that also carry a BOM, CRLF line
ends or quoted line breaks. Script links, formulas and days without a year have their
modules' own files (test_links.py, test_formulas.py, test_dates.py).
"""

from __future__ import annotations

import html
import sys

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from turnout.clean import clean_events, input_warnings, read_events, read_raw
from turnout.errors import DataError, quote
from turnout.places import PlaceError, resolve_place

# ---------------------------------------------------------------------- quoting values


def test_quote_caps_a_runaway_value():
    value = "x" * 200 * 1024
    shown = quote(value)
    assert shown == f"'{'x' * 77}...' (204,800 characters)"
    assert quote("line\nbreak\r\x00") == "'line\\nbreak\\r\\x00'"  # one line, always
    assert quote(5) == "5" and quote([1, 2]) == "[1, 2]"
    assert quote(list(range(100))).endswith("... (390 characters)")
    assert quote("x" * 80) == repr("x" * 80)  # exactly the limit: whole


def test_every_message_about_a_runaway_cell_is_short(tmp_path):
    big = "Z" * 300_000
    path = tmp_path / "big.csv"
    path.write_text(
        "date,locality,state,size_text,temp_text,source_url,source_quote\n"
        f"{big},{big},{big},{big},{big},{big},={big}\n",
        encoding="utf-8",
    )
    raw = read_raw(path)
    reasons = clean_events(raw).rejected.reason.tolist()
    assert reasons and all(len(r) < 400 for r in reasons), [len(r) for r in reasons]
    warnings = input_warnings(raw, path=path)
    assert len(warnings) == 2 and all(len(w) < 400 for w in warnings)  # url, formula
    header = tmp_path / "header.csv"
    header.write_text(f"date,locality,{big},{big}\n1,2,3,4\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_raw(header)
    assert len(str(err.value)) < 300 and "(300,000 characters)" in str(err.value)


# --------------------------------------------------------------------- AP dateline cities

AP_CITIES = {
    "Atlanta": "GA", "Baltimore": "MD", "Boston": "MA", "Chicago": "IL", "Cincinnati": "OH",
    "Cleveland": "OH", "Dallas": "TX", "Denver": "CO", "Detroit": "MI", "Honolulu": "HI",
    "Houston": "TX", "Indianapolis": "IN", "Las Vegas": "NV", "Los Angeles": "CA",
    "Miami": "FL", "Milwaukee": "WI", "Minneapolis": "MN", "New Orleans": "LA",
    "New York": "NY", "Oklahoma City": "OK", "Philadelphia": "PA", "Phoenix": "AZ",
    "Pittsburgh": "PA", "St. Louis": "MO", "Salt Lake City": "UT", "San Antonio": "TX",
    "San Diego": "CA", "San Francisco": "CA", "Seattle": "WA", "Washington": "DC",
}  # fmt: skip


@pytest.mark.parametrize(("city", "state"), sorted(AP_CITIES.items()))
def test_ap_dateline_cities_stand_alone(city, state):
    from turnout.ap import AP_DATELINE_CITIES

    assert city in AP_DATELINE_CITIES
    place = resolve_place(city)
    assert place.state == state
    assert place.latitude == place.latitude  # has coordinates
    assert place.note in ("", f"AP dateline: {city!r} alone is {place.city}, {state}")


@pytest.mark.parametrize("name", ["DENVER", "saint louis", "St Louis", " Boston ", "Miami."])
def test_ap_dateline_cities_as_wires_and_hurried_hands_write_them(name):
    assert resolve_place(name).note.startswith("AP dateline: ")


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Portland", "(OR, ME, TX, TN, ...)"),
        ("Springfield", "(MO, MA, IL, OR, ...)"),
        ("Columbus", "(OH, GA, IN, MS, ...)"),
    ],
)
def test_other_shared_names_still_need_a_state(name, listed):
    with pytest.raises(PlaceError) as err:
        resolve_place(name)
    assert str(err.value) == f"{name!r} is ambiguous without a state {listed}"
    assert err.value.column == "state"


def test_a_dateline_city_with_the_wrong_state_keeps_the_state_and_says_so():
    place = resolve_place("Denver", "Texas")
    assert (place.city, place.state) == ("Denver", "TX") and place.latitude != place.latitude
    assert place.note == "not in gazetteer (AP's dateline Denver is in CO: check the state)"
    assert resolve_place("Boston", "MA").note == ""  # the right state: nothing to say
    assert resolve_place("Miami, Fla.").note == ""


# ---------------------------------------------------------------- cell counts, any export

HINT = 'a comma inside a value needs quotes ("Jan. 21, 2017")'


def _read(tmp_path, data: bytes):
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    return path, read_events


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # A quoted line break keeps its row number: the spreadsheet's, not the file's line.
        (
            b'date,locality\n"2026-01-30",Denver\n"Jan. 30,\n2026",Boston\nJan. 31, 2026,Miami\n',
            f"row 4 has 3 cells, the header 2: {HINT}",
        ),
        (
            b"date,locality\r\n2026-01-30,Denver\r\n2026-01-31\r\n",
            "row 3 has 1 cell, the header 2: a cell is missing, or a line break in a value "
            "needs quotes",
        ),
        (
            b"\xef\xbb\xbfdate,locality,state\n2026-01-30,Denver,CO,,\n",
            f"row 2 has 5 cells, the header 3: {HINT}",
        ),
        (
            b"date,locality\r2026-01-30,Denver\rx,y,z\r",  # old Mac line ends
            f"row 3 has 3 cells, the header 2: {HINT}",
        ),
        (
            "date,locality\n2026-01-30,Doña Ana\n2026-01-31,Doña, Ana\n".encode("cp1252"),
            f"row 3 has 3 cells, the header 2: {HINT}",
        ),
    ],
)
def test_cell_counts_in_any_export(tmp_path, data, message):
    path, read = _read(tmp_path, data)
    with pytest.raises(DataError) as err:
        read(path)
    assert str(err.value) == f"{path}: {message}"
    assert err.value.row == int(message.split()[1])


def test_blank_lines_and_quoted_cells_are_not_misfits(tmp_path):
    data = (
        b'date,locality,source_quote\n\n"2026-01-30","Denver","a, b\r\nc"\n   \n'
        b'2026-01-31,Boulder,"""quoted"", he said"\n\n\n'
    )
    path, read = _read(tmp_path, data)
    raw = read(path)
    assert len(raw) == 4  # blank and space-only lines inside the data are rows
    assert raw.loc[1, "source_quote"] == "a, b\r\nc"
    assert raw.loc[3, "source_quote"] == '"quoted", he said'


def test_an_unclosed_quote_is_named_before_the_cell_count(tmp_path):
    path, read = _read(tmp_path, b'date,locality\n2026-01-30,Denver\n2026-01-31,"Boulder\n1,2\n')
    with pytest.raises(DataError) as err:
        read(path)
    assert str(err.value) == f'{path}, row 3: a quote mark (") opens a cell that never closes'


def test_a_header_cell_with_values_needs_a_name(tmp_path):
    path, read = _read(tmp_path, b"date,locality,,\n2026-01-30,Denver,,x\n")
    with pytest.raises(DataError) as err:
        read(path)
    assert str(err.value) == (
        f"{path}, row 1: a header cell is empty, but column 4 has values: give it a name"
    )


# ----------------------------------------------------------- issue 22: the row check at no cost


def test_the_fast_count_vouches_for_regular_files(tmp_path):
    from turnout import paths
    from turnout.csvfile import cells_add_up

    # The seed and CCC's files take the fast path: no cell is counted in Python.
    assert cells_add_up(paths.seed_path(), 16)
    data = b'date,locality,source_quote\r\n2026-01-30,Denver,"a, b\r\nc"\r\n'
    (tmp_path / "crlf.csv").write_bytes(b"\xef\xbb\xbf" + data)
    assert cells_add_up(tmp_path / "crlf.csv", 3)
    assert not cells_add_up(tmp_path / "crlf.csv", 2)


def _misfit_message(path):
    """What the exact count (Python, cell by cell) says of a file, or None."""
    from turnout.csvfile import _count_cells, _refuse_misfit

    _, width, misfit = _count_cells(path)
    if misfit is None:
        return None
    with pytest.raises(DataError) as err:
        _refuse_misfit(path, width, *misfit)
    return str(err.value)


def _read_message(path):
    from turnout.csvfile import read_text_csv

    try:
        read_text_csv(path, na_values=[""])
    except DataError as err:
        return str(err)
    return None


_CSV_BYTES = st.lists(st.sampled_from([b"a", b",", b'"', b"\n", b"\r", b" ", b'""', b"\xe9"]))


@given(header=st.integers(1, 4), chunks=_CSV_BYTES)
def test_any_misfit_is_named_as_the_exact_count_names_it(tmp_path_factory, header, chunks):
    path = tmp_path_factory.mktemp("fit") / "x.csv"
    names = [f"h{i}".encode() for i in range(header)]
    path.write_bytes(b",".join(names) + b"\n" + b"".join(chunks))
    want = _misfit_message(path)
    if want is not None:  # fast path or not, the reader names the same row
        assert _read_message(path) == want


_CELL = st.text(st.sampled_from('a,"\r\n é'), max_size=6)


@given(rows=st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=6))
def test_rows_of_any_width_in_quoted_csv_are_named_exactly(tmp_path_factory, rows):
    import csv
    import io

    from turnout import csvfile

    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([["h1", "h2"], *rows])
    path = tmp_path_factory.mktemp("fit") / "x.csv"
    path.write_bytes(text.getvalue().encode())
    want = _misfit_message(path)
    # A line of one empty or blank cell is a blank line, never a misfit.
    fit = all(len(r) == 2 or (len(r) == 1 and not r[0].strip()) for r in rows)
    assert (want is None) == fit
    if want is not None:
        assert _read_message(path) == want
    elif all(len(r) == 2 for r in rows) and "\r" not in text.getvalue().replace("\r\n", ""):
        assert csvfile.cells_add_up(path, 2)  # a writer's CSV takes the fast path


# -------------------------------------------------------------- issue 22: settings blocks


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff---\ncities: [Denver]\n---\n# Notes\n",  # a byte-order mark before the block
        "---\r\ncities: [Denver]\r\n---\r\n# Notes\r\n",  # Windows line ends
        "---\n<<: {title: x}\ncities: [Denver]\n---\n",  # YAML's merge key with no alias
    ],
)
def test_settings_are_read_whatever_the_editor(text):
    from turnout.stories import parse_settings

    assert parse_settings(text)["cities"] == ["Denver"]


LAUGHS = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "---\ncities: [Denver]\n# Notes\n",
            "row 1: settings block: the '---' that opens it is never closed: end the settings "
            "with a '---' line",
        ),
        (
            "---\ncities: [Denver]\ntitle: x\ncities: [Boston]\n---\n",
            "row 4: settings block: 'cities' is set twice (lines 2 and 4): keep one",
        ),
        (
            "---\nmarked_days:\n  2026-01-30: Strike\n  2026-01-30: March\n---\n",
            "row 4: settings block: '2026-01-30' is set twice (lines 3 and 4): keep one",
        ),
        (
            LAUGHS + "---\n",
            "row 2: settings block: YAML anchors and aliases (&name, *name) are not settings: "
            "write each value out",
        ),
        (
            "---\ntitle: Strike\ncities: &c [Denver]\n---\n",
            "row 3: settings block: YAML anchors and aliases (&name, *name) are not settings: "
            "write each value out",
        ),
        (
            "---\ncities: " + "[" * 5000 + "\n---\n",
            "row 2: settings block: a list or map nested deeper than any setting needs",
        ),
        (
            "---\ncities:\n" + "".join("  " * i + "-\n" for i in range(1000)) + "---\n",
            "row 4: settings block: a list or map nested deeper than any setting needs",
        ),
        (
            "---\ncities: [[Denver]]\n---\n",
            "row 2: settings block: a list or map nested deeper than any setting needs",
        ),
        ("---\n? [a]\n: b\n---\n", "row 2: settings block: a setting's name must be a word"),
        (
            "---\ntitle: !!python/object/apply:os.system [ls]\n---\n",
            "row 2: settings block: could not determine a constructor for the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system'",
        ),
    ],
)
def test_settings_that_are_more_than_settings_are_one_line_and_little_work(text, message):
    # Bounded in work, not seconds (a timing decides no test): an alias bomb or a nesting
    # that is parsed out in full would make millions of calls and megabytes of objects.
    import tracemalloc

    from turnout.stories import parse_settings

    calls = [0]

    def count(frame, event, arg):  # noqa: ANN001, ANN202
        calls[0] += event in ("call", "c_call")

    tracemalloc.start()
    sys.setprofile(count)
    try:
        with pytest.raises(DataError) as err:
            parse_settings(text, path="data/raw/s.md")
    finally:
        sys.setprofile(None)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert calls[0] < 200_000 and peak < 20_000_000, (calls[0], peak)
    assert str(err.value) == f"data/raw/s.md, {message}"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("---\ntitle: x\n---\n".encode("utf-16"), "is UTF-16 text, not UTF-8: save it as UTF-8"),
        (b"---\ntitle: Do\xf1a\n---\n", "row 2: is not UTF-8 text (save it as UTF-8)"),
    ],
)
def test_a_codebook_not_in_utf8_is_one_line(tmp_path, monkeypatch, data, message):
    from turnout.stories import read_story

    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    (tmp_path / "data" / "raw").mkdir(parents=True)
    (tmp_path / "data" / "raw" / "may-day.md").write_bytes(data)
    with pytest.raises(DataError) as err:
        read_story("may-day")
    path = tmp_path / "data" / "raw" / "may-day.md"
    sep = ":" if message.startswith("is") else ","
    assert str(err.value) == f"{path}{sep} {message}"


# ---------------------------------------------------------------- issue 22: reserved names


@pytest.mark.parametrize(
    ("slug", "why"),
    [
        ("scratch", "figures/scratch/ is where notebook drafts land"),
        ("site", "it names one of turnout's own folders"),
    ],
)
def test_a_story_named_like_turnouts_own_folders_is_refused(tmp_path, monkeypatch, slug, why):
    from turnout.stories import new_story, read_story

    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    (tmp_path / "data" / "raw").mkdir(parents=True)
    (tmp_path / "data" / "raw" / f"{slug}.csv").write_text("date,locality\n")
    for attempt in (lambda: new_story(slug, title="x", source="y"), lambda: read_story(slug)):
        with pytest.raises(DataError) as err:
            attempt()
        assert str(err.value) == f"story name {slug!r} is reserved: {why}; choose another name"


# ------------------------------------------------------------ issue 22: formulas in drafts


def test_a_draft_defuses_formula_cells_and_names_each(tmp_path, capsys):
    from turnout.cli import main

    article = tmp_path / "a.txt"
    article.write_text(
        '=HYPERLINK("http://evil.example","About 900 people marched in Denver on Jan. 30.")\n\n'
        "+900 people rallied in Boston, Mass., on Jan. 30.\n\n"
        "- 800 protesters gathered in Seattle on Jan. 31.\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft.csv"
    assert main(["draft", str(article), "--published", "2026-02-03", "-o", str(out)]) == 0
    quotes = pd.read_csv(out, dtype=str)["source_quote"].tolist()
    assert quotes == [
        '\'=HYPERLINK("http://evil.example","About 900 people marched in Denver on Jan. 30.")',
        "'+900 people rallied in Boston, Mass., on Jan. 30.",
        "'- 800 protesters gathered in Seattle on Jan. 31.",
    ]
    warned = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert warned == [
        f"turnout: warning: {out}, row 2, column 'source_quote': '=HYPERLINK(\"http://evil."
        'example","About 900 people marched in Denver on Jan. ...\' (82 characters) starts like '
        "a spreadsheet formula: the draft gives it a leading ' so a spreadsheet shows it as text",
        f"turnout: warning: {out}, row 3, column 'source_quote': '+900 people rallied in Boston, "
        "Mass., on Jan. 30.' starts like a spreadsheet formula: the draft gives it a leading ' "
        "so a spreadsheet shows it as text",
        f"turnout: warning: {out}, row 4, column 'source_quote': '- 800 protesters gathered in "
        "Seattle on Jan. 31.' starts like a spreadsheet formula: the draft gives it a leading ' "
        "so a spreadsheet shows it as text",
    ]


# -------------------------------------------------- issue 22: numbers in other notations


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("1e9", "scientific notation is not coded (write the number out): '1e9'"),
        ("1.5E3 people", "scientific notation is not coded (write the number out): '1.5E3 people'"),
        ("10^6", "a power is not coded (write the number out): '10^6'"),
        ("10**6", "a power is not coded (write the number out): '10**6'"),
        (
            "0x1F4",
            "a hexadecimal, binary or octal number is not coded (write the number out): '0x1F4'",
        ),
        ("-500", "a negative number is not a crowd size: '-500'"),
        ("+500", "a plus sign before a number is not coded (500+ is): '+500'"),
        (
            "1,0,0,0",
            "commas that do not group digits in threes are not coded: '1,0,0,0' "
            "(check the source: 1,000?)",
        ),
        (
            "upwards of 800,00",
            "commas that do not group digits in threes are not coded: 'upwards of 800,00' "
            "(check the source: 80,000 or 800,000?)",
        ),
        ("1_000", "underscores between digits are not coded (write the number out): '1_000'"),
        (
            "1.000.000",
            "periods between digit groups are not coded (write the number out): '1.000.000'",
        ),
        ("1 000", "spaces between digit groups are not coded (write the number out): '1 000'"),
    ],
)
def test_a_number_in_another_notation_is_refused_never_read_as_another(text, problem):
    from turnout.sizes import parse_size, size_problem

    assert size_problem(text) == problem
    assert all(v != v for v in parse_size(text))  # NaN: no number at all


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("1,000", 1000, 1000),
        ("about 50,000", 50000, 50000),
        ("6,000 to 9,000", 6000, 9000),
        ("500+", 500, 500),
        ("1.5 million", 1_500_000, 1_500_000),
        ("more than 350 outside + 48 arrested", 398, 398),  # CCC's words: a sum, not a sign
    ],
)
def test_numbers_as_written_in_news_still_read(text, low, high):
    from turnout.sizes import parse_size, size_problem

    assert size_problem(text) == ""
    assert tuple(parse_size(text)) == (low, high)


def test_a_draft_keeps_words_in_another_notation_with_a_note(tmp_path):
    from turnout.draft import draft_events

    text = (
        "Organizers said 1e9 people marched in Denver on Jan. 30.\n\n"
        "Upwards of 800,00 people gathered in Seattle on Jan. 31.\n"
    )
    rows = draft_events(text, published="2026-02-03", source_name="The Ledger")
    assert rows[["locality", "size_text", "notes"]].values.tolist() == [
        [
            "Denver",
            "1e9",
            "estimate from Organizers; size_text: scientific notation is not coded (write the "
            "number out): '1e9'",
        ],
        [
            "Seattle",
            "Upwards of 800,00",
            "size_text: commas that do not group digits in threes are not coded: "
            "'Upwards of 800,00' (check the source: 80,000 or 800,000?)",
        ],
    ]


# ---------------------------------------------------- issue 22: data text in Markdown


MARKDOWN_ATTACKS = [
    "[Workers World](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "# Big\n== x",
    "<img src=x onerror=alert(1)>",
    "[a][1]\n\n[1]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "*bold* _em_ `code` $x$ | a | b |",
]


@pytest.mark.parametrize("name", MARKDOWN_ATTACKS)
def test_a_source_name_in_markdown_is_text_in_every_renderer(seed_events, name):
    from turnout.links import markdown_escape
    from turnout.show_data import source_note

    rendered = markdown2html_mistune(source_note(seed_events.assign(source_name=name)).markdown)
    assert "<a " not in rendered and "<img" not in rendered and "<h" not in rendered
    assert "<em>" not in rendered and "<code>" not in rendered
    # The words print as typed (one line), HTML's characters as entities.
    shown = markdown2html_mistune(markdown_escape(name))
    assert shown == f"<p>{html.escape(' '.join(name.split()), quote=False)}</p>\n"


def _markdown_output_nb(markdown):
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    out = new_output("display_data", {"text/markdown": markdown, "text/plain": "x"})
    return new_notebook(cells=[new_code_cell(outputs=[out])])


@pytest.mark.parametrize(
    ("markdown", "found"),
    [
        ("[Workers World](javascript:alert(1))", 'href="javascript:alert(1)"'),
        ("![x](https://evil.example/x.png)", 'src="https://'),
        ("<iframe src=x></iframe>", "<iframe"),
        ("[x](data:text/html,hi)", 'href="data:text/html,hi"'),
    ],
)
def test_the_build_checks_markdown_outputs_as_rendered(tmp_path, markdown, found):
    from turnout.publisher.errors import NotebookError
    from turnout.publisher.render import check_outputs

    with pytest.raises(NotebookError) as err:
        check_outputs(_markdown_output_nb(markdown), tmp_path / "x.ipynb")
    assert str(err.value) == (
        f"{tmp_path / 'x.ipynb'}, cell 1: output contains {found!r}: pages load nothing from "
        "elsewhere and link only to web addresses"
    )


def test_web_links_in_markdown_outputs_pass_the_check(tmp_path):
    from turnout.publisher.render import check_outputs

    nb = _markdown_output_nb("**Source:** Workers World (<https://example.com/story>)")
    assert check_outputs(nb, tmp_path / "x.ipynb") is None


# ------------------------------------------------------------- issue 22: articles


DENVER = "About 900 people marched in Denver on Jan. 30."


@pytest.mark.parametrize(
    "page",
    [
        # ASP.NET: the whole body in a form, with a hidden view state.
        f'<!DOCTYPE html><html><body><form method="post"><div><input type="hidden" '
        f'name="__VIEWSTATE" value="abc"></div><h1>March</h1><p>{DENVER}</p></form></body></html>',
        f"<html><body><button>Menu<p>{DENVER}</p></body></html>",  # a button never closed
        f'<html><body><nav><a href="/">Home</a><p>{DENVER}</p></body></html>',  # a nav too
        f"<html><body><p>{DENVER}</p></div></span></nav></form></body></html>",  # stray ends
    ],
)
def test_a_saved_page_reads_as_a_browser_shows_it(tmp_path, page):
    from turnout.draft import draft_events
    from turnout.draft.text import read_article

    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    rows = draft_events(read_article(path), published="2026-02-03")
    assert rows[["date", "locality", "size_text"]].values.tolist() == [
        ["2026-01-30", "Denver", "About 900"]
    ]


def test_hidden_text_is_left_out_of_a_page(tmp_path):
    from turnout.draft.text import read_article

    path = tmp_path / "a.html"
    path.write_text(
        f'<p>{DENVER}</p><div style="display: none"><p>5,000 marched in Boston.</p></div>'
        "<p hidden>50,000 rallied in Miami.</p><template><p>x</p></template>"
        "<select><option>Seattle</option></select><!-- 7,000 in Dallas -->",
        encoding="utf-8",
    )
    assert read_article(path) == DENVER


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (DENVER.encode("utf-16"), ".txt"),
        (DENVER.encode("utf-32"), ".txt"),
        (DENVER.encode("utf-16-be").join([b"\xfe\xff", b""]), ".txt"),
        (b"\xef\xbb\xbf" + DENVER.encode(), ".txt"),
        (f'<meta charset="windows-1252"><p>{DENVER} Doña</p>'.encode("cp1252"), ".html"),
    ],
)
def test_articles_in_any_unicode_with_a_byte_order_mark_read(tmp_path, data, suffix):
    from turnout.draft.text import read_article

    path = tmp_path / f"a{suffix}"
    path.write_bytes(data)
    assert read_article(path).startswith(DENVER)


def _random_bytes(n, *, low=0):
    import random

    rng = random.Random(22)
    return bytes(rng.randrange(low, 256) for _ in range(n))


@pytest.mark.parametrize(
    ("data", "suffix", "message"),
    [
        (b"", ".txt", "is empty: an article needs words to draft from"),
        (b" \n\r\n\t", ".txt", "is empty: an article needs words to draft from"),
        (b"\xef\xbb\xbf", ".txt", "is empty: an article needs words to draft from"),
        (_random_bytes(100_000), ".txt", "is not a text or HTML file (it holds binary data)"),
        (
            _random_bytes(100_000, low=1),  # no NUL byte at all
            ".txt",
            "is not a text or HTML file (it holds binary data)",
        ),
        (
            b"\x89PNG\r\n\x1a\n" + _random_bytes(2000),
            ".html",
            "is not a text or HTML file (it holds binary data)",
        ),
        (
            b"<html><head><title>x</title></head><body><script>var a=1</script></body></html>",
            ".html",
            "is a web page with no words a browser would show",
        ),
    ],
)
def test_an_article_with_nothing_to_read_is_one_line(tmp_path, capsys, data, suffix, message):
    from turnout.cli import main

    path = tmp_path / f"a{suffix}"
    path.write_bytes(data)
    assert main(["draft", str(path), "--published", "2026-02-03"]) == 2
    assert capsys.readouterr().err == f"turnout: error: {path}: {message}\n"


def test_an_article_that_drafts_nothing_says_why(tmp_path, capsys):
    from turnout.cli import main

    path = tmp_path / "a.txt"
    path.write_text("The union said the strike would go on. Members voted.\n", encoding="utf-8")
    assert main(["draft", str(path), "--published", "2026-02-03"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"turnout: warning: {path}: 0 draft rows: no US city or town is named in its 10 words"
    )


def test_an_article_linked_from_outside_the_project_is_refused(tmp_path, monkeypatch):
    from turnout.draft.text import story_article

    outside = tmp_path / "outside.txt"
    outside.write_text(DENVER, encoding="utf-8")
    root = tmp_path / "project"
    (root / "data" / "raw" / "sources").mkdir(parents=True)
    link = root / "data" / "raw" / "sources" / "may-day.txt"
    link.symlink_to(outside)
    monkeypatch.setenv("TURNOUT_ROOT", str(root))
    with pytest.raises(DataError) as err:
        story_article("may-day")
    assert str(err.value) == (
        f"{link}: is a link to a file outside the project ({outside}): copy the file into "
        "the project"
    )


def test_a_story_csv_linked_from_outside_the_project_is_refused(tmp_path, monkeypatch):
    from turnout.stories import read_story

    outside = tmp_path / "outside.csv"
    outside.write_text("date,locality\n", encoding="utf-8")
    root = tmp_path / "project"
    (root / "data" / "raw").mkdir(parents=True)
    (root / "data" / "raw" / "may-day.csv").symlink_to(outside)
    monkeypatch.setenv("TURNOUT_ROOT", str(root))
    with pytest.raises(DataError) as err:
        read_story("may-day")
    assert "is a link to a file outside the project" in str(err.value)
