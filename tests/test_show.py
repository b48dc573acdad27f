"""Notes and outputs as the page prints them (turnout.show), outside a kernel: a warning becomes
a note in the reader's words, paths never reach the page, a chart left out is a sentence.
(A chart in a real kernel: test_notebooks.py; its embed: tests/embeds/test_embeds_notebook.py.)"""

from __future__ import annotations

import warnings

import pytest

from turnout.clean import RejectedRowsWarning
from turnout.show import Output, left_out_chart, note, rejected_note, reported_warnings


def test_an_output_is_html_for_pages_and_plain_text_elsewhere():
    out = Output("<p>A &amp; B</p>", "A & B", headline="Boise drew the most")
    data, meta = out._repr_mimebundle_()
    assert data == {"text/html": "<p>A &amp; B</p>", "text/plain": "A & B"}
    assert meta == {"turnout": {"headline": "Boise drew the most"}}
    assert Output("<p>x</p>", "x")._repr_mimebundle_() == {
        "text/html": "<p>x</p>",
        "text/plain": "x",
    }
    assert repr(out) == "A & B"


def test_a_note_is_escaped_and_labelled(capsys, monkeypatch):
    note("<b>2</b> rows & more", kind="warning")
    assert capsys.readouterr().out == "Warning: <b>2</b> rows & more\n"  # its plain text
    shown: list[Output] = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    note("<b>2</b> rows", kind="caveat")
    (out,) = shown
    assert out.html == (
        '<p class="turnout-note"><strong>Caveat:</strong> &lt;b&gt;2&lt;/b&gt; rows</p>'
    )


def test_rejected_rows_become_the_readers_note_not_the_desks(capsys):
    with reported_warnings():
        warnings.warn(RejectedRowsWarning("/home/desk/data/may.csv", 2, 30), stacklevel=1)
    out = capsys.readouterr().out
    assert out.startswith("Note: Two of the 30 rows in the source data were left out")
    assert "may.csv" not in out and "/home" not in out


def test_other_warnings_keep_their_words_without_folders(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    with reported_warnings():
        warnings.warn(f"{tmp_path}/data/raw/may.csv: a date looks odd", stacklevel=1)
        warnings.warn("/home/desk/notes/weather.csv is old", stacklevel=1)
    assert capsys.readouterr().out.splitlines() == [
        "Warning: data/raw/may.csv: a date looks odd",
        "Warning: weather.csv is old",
    ]


@pytest.mark.parametrize(
    ("rejected", "total", "start"),
    [
        (1, 4, "One of the four rows"),
        (9, 40, "Nine of the 40 rows"),
        (1200, 5000, "In all, 1,200 of the 5,000 rows"),
    ],
)
def test_rejected_note_counts_in_ap_style(rejected, total, start):
    text = rejected_note(rejected, total)
    assert text.startswith(start)
    one = rejected == 1
    assert ("data was left out" in text) == one and ("with the reason," in text) == one


def test_a_chart_left_out_is_its_headline_and_why():
    out = left_out_chart("Every protest is on one day", "A timeline needs two")
    assert out.plain == "Chart left out: every protest is on one day. A timeline needs two."
    assert out.headline == "Every protest is on one day"
    assert out.html.startswith('<p class="turnout-note turnout-left-out">Chart left out:')
