"""turnout.draft.text: an article's words from a text file or a saved web page."""

from __future__ import annotations

from pathlib import Path

import pytest

from turnout.draft.text import decode_article, html_to_text, read_article
from turnout.errors import DataError

ARTICLE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "ap-2009-04-15-tax-day.txt"
)


def test_a_text_file_is_read_as_it_is_with_line_ends_made_one(tmp_path):
    crlf = tmp_path / "a.txt"
    crlf.write_bytes(b"DENVER (AP) \xe2\x80\x94 Hundreds marched.\r\n\r\nPolice watched.")
    assert read_article(crlf) == "DENVER (AP) — Hundreds marched.\n\nPolice watched."
    assert read_article(ARTICLE) == ARTICLE.read_text(encoding="utf-8").replace("\r\n", "\n")


def test_a_saved_page_gives_what_a_browser_shows_one_block_a_line(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>T</title><style>p{}</style></head><body><nav>Home</nav>"
        "<h1>Teachers  rally</h1><p>About 500 <b>marched</b><script>x=1</script> in "
        "Denver.</p><p style='display:none'>hidden</p><ul><li>Seattle: 300</li></ul></body></html>",
        encoding="utf-8",
    )
    words = read_article(page)
    assert "Teachers rally\n\nAbout 500 marched in Denver." in words  # spaces made one
    assert "Seattle: 300" in words
    assert "x=1" not in words and "hidden" not in words and "p{}" not in words


def test_a_pages_declared_charset_and_a_bom_are_honoured():
    latin = "<html><meta charset='latin-1'><p>Doña Ana</p></html>".encode("latin-1")
    assert "Doña Ana" in decode_article(latin)
    assert decode_article("Doña Ana".encode("utf-16")) == "Doña Ana"
    assert html_to_text("<p>a &amp; b</p>") == "a & b"


@pytest.mark.parametrize(
    "raw, said",
    [(b"  \n", "is empty"), (bytes(range(256)) * 4, "is not a text or HTML file")],
)
def test_bad_files_get_one_clear_line_naming_them(tmp_path, raw, said):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(DataError, match=said) as err:
        read_article(path)
    assert "bad.txt" in str(err.value)


def test_an_empty_page_is_refused(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(DataError, match="no words a browser would show"):
        read_article(page)
