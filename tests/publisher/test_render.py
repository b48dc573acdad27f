"""An executed notebook to a page (turnout.publisher.render), on notebooks made in the test:
the outputs a newspaper would not print, the chart files a notebook recorded, the page's head
taken from its cells, and the page rendered. No kernel runs."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from turnout.publisher.errors import NotebookError
from turnout.publisher.execute import INJECTED_TAG
from turnout.publisher.render import check_outputs, page_head, render_page, take_figures

NB = Path("notebooks/02-by-city.ipynb")


def _shown(data: dict, metadata: dict | None = None, tags: list[str] | None = None):
    out = new_output("display_data", data, metadata=metadata or {})
    return new_code_cell("x", outputs=[out], metadata={"tags": tags or []})


def _article(*cells) -> object:
    head = new_markdown_cell("# How large were the crowds?\n\nCounted from the *source's* words.")
    return new_notebook(cells=[head, *cells])


# --------------------------------------------------------------------------- check_outputs


def test_a_chart_without_alt_text_is_refused_by_cell():
    cells = [_shown({"text/plain": "a table"}), _shown({"image/png": "iVBO", "text/plain": " "})]
    with pytest.raises(NotebookError) as err:
        check_outputs(_article(*cells), NB)
    assert str(err.value) == (
        "notebooks/02-by-city.ipynb, cell 3: shows a chart without alt text; display charts "
        "with turnout.show.show_chart(fig)"
    )


def test_the_injected_cell_is_not_counted():
    injected = new_code_cell("story = None", metadata={"tags": [INJECTED_TAG]})
    bad = _shown({"image/svg+xml": "<svg/>", "text/plain": "<Figure size 640x480 with 1 Axes>"})
    with pytest.raises(NotebookError, match=r"cell 2: shows a chart without alt text"):
        check_outputs(_article(injected, bad), NB)


def test_a_raw_repr_is_refused():
    cell = _shown({"text/plain": "<turnout.Story object at 0x7f00>"})
    with pytest.raises(NotebookError, match=r"cell 2: would print '<turnout.Story object at"):
        check_outputs(_article(cell), NB)


@pytest.mark.parametrize(
    "markup",
    [
        '<script src="x.js"></script>',
        '<img src="https://example.com/a.png">',
        "<div style=\"background: url('//cdn.example.com/a.png')\">",
        "<style>@import 'a.css'</style>",
    ],
)
def test_markup_that_loads_from_elsewhere_is_refused(markup):
    cell = _shown({"text/html": markup, "text/plain": "a table"})
    with pytest.raises(NotebookError, match="pages load nothing from elsewhere"):
        check_outputs(_article(cell), NB)


# --------------------------------------------------------------------------- take_figures


def test_recorded_chart_files_are_taken_out_and_listed(tmp_path):
    figures = tmp_path / "figures"
    figures.mkdir()
    names = ["a.png", "a.svg", "a.csv", "a.json", "a.html", "a.phone.png", "a.txt"]
    files = [str(figures / n) for n in names] + [str(tmp_path / "elsewhere.png")]
    record = new_output("display_data", {}, metadata={"turnout": {"files": files}})
    picture = new_output("display_data", {"image/png": "iVBO", "text/plain": "alt"})
    nb = _article(new_code_cell("save", outputs=[picture, record]))
    (figures / "a.json").write_text(json.dumps({"kind": "turnout-by-city"}), encoding="utf-8")

    found = take_figures(nb, figures, "../figures")
    want = ["a.csv", "a.html", "a.json", "a.phone.png", "a.png", "a.svg"]
    assert found == sorted(str(figures / n) for n in want)  # not .txt, not outside figures/
    (kept,) = nb.cells[1].outputs  # the bookkeeping output leaves the page
    assert kept.metadata["turnout"] == {"embed": "../figures/a.html", "data": "../figures/a.csv"}


def test_a_chart_without_an_embed_design_keeps_its_picture_alone(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"kind": "no-design"}), encoding="utf-8")
    record = new_output(
        "display_data", {}, metadata={"turnout": {"files": [str(tmp_path / "a.html")]}}
    )
    picture = new_output("display_data", {"image/png": "iVBO", "text/plain": "alt"})
    nb = _article(new_code_cell("save", outputs=[picture, record]))
    assert take_figures(nb, tmp_path, "") == [str(tmp_path / "a.html")]
    assert "turnout" not in nb.cells[1].outputs[0].metadata


# --------------------------------------------------------------------------- page_head


def test_the_finding_leads_and_the_question_becomes_the_kicker():
    finding = new_output(
        "display_data",
        {"image/png": "iVBO", "text/plain": "alt"},
        metadata={"turnout": {"headline": "Minneapolis   drew the largest crowd"}},
    )
    source = new_markdown_cell("Source: Test Wire", metadata={"tags": ["source"]})
    nb = _article(new_code_cell("show", outputs=[finding]), source)
    head = page_head(nb, NB)
    assert head == {
        "headline": "Minneapolis drew the largest crowd",
        "kicker": "How large were the crowds?",
        "dek": "Counted from the *source's* words.",
        "dek_text": "Counted from the source's words.",
        "source": "Source: Test Wire",
    }
    # The heading, dek and source note leave the body: the template places them.
    assert [c.cell_type for c in nb.cells] == ["code"]


def test_without_a_finding_the_question_is_the_headline_and_a_code_source_is_escaped():
    out = new_output("execute_result", {"text/plain": "Source: <Test> Wire"})
    source = new_code_cell("source_note(events)", outputs=[out], metadata={"tags": ["source"]})
    head = page_head(_article(source), NB)
    assert (head["headline"], head["kicker"]) == ("How large were the crowds?", "")
    # Escaped for HTML (no tag forms) and for Markdown (no link forms): it reads as typed.
    assert "<Test>" not in head["source"]
    assert html.unescape(head["source"]) == "Source: <Test> Wire"


def test_a_notebook_without_a_headline_is_refused():
    nb = new_notebook(cells=[new_markdown_cell("Just a paragraph.")])
    with pytest.raises(NotebookError, match=r"02-by-city.ipynb: has no '# ' headline"):
        page_head(nb, NB)


# --------------------------------------------------------------------------- render_page


def test_the_page_carries_its_head_and_no_code():
    nb = _article(new_code_cell("secret_code = 1"), new_markdown_cell("Body text."))
    head = page_head(nb, NB)
    page = render_page(nb, head, date="Dec. 2, 2026", date_iso="2026-12-02")
    assert "<title>How large were the crowds?</title>" in page
    assert 'Published <time datetime="2026-12-02">Dec. 2, 2026</time>' in page
    assert "Body text." in page and "secret_code" not in page
    assert "<script" not in page.lower()  # no embed on the page: no listener either
