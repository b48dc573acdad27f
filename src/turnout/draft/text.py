"""An article's words: plain text as copied from a browser, or the text of a saved page.

A page saved from a browser (``.html``) is read with the standard library's
``html.parser``: block elements (paragraphs, headings, list items, table rows,
captions) become lines, so the rest of the drafter sees the same shape as text
copied by hand; scripts, styles, navigation, forms and comments are left out.
Nothing is fetched: links and images stay where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from turnout.errors import DataError

# Elements whose start and end break a line (the text's paragraphs and headings).
_BLOCKS = frozenset(
    """
    p div section article header footer main aside h1 h2 h3 h4 h5 h6 li ul ol dl dt dd
    blockquote figure figcaption table tr caption pre address hr br center
    """.split()
)
# Elements whose contents are never the article's words.
_SKIP = frozenset("script style noscript template svg canvas nav form button select".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """Words found in the article: where they start and end, and the words themselves.

    The drafter's finds (a date, a place, a number) extend it with what they read.

    >>> Mention(4, 9, "Salem")
    Mention(start=4, end=9, text='Salem')
    """

    start: int
    end: int
    text: str


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag not in ("br", "li") else "\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            # A heading ends its own line even when the page runs it into a paragraph.
            self.parts.append("\n\n" if tag in _HEADINGS or tag == "p" else "\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The words of an HTML page, one block (paragraph, heading, list item) per line.

    >>> html_to_text("<h1>Denver: 500 pack bridge</h1><p>On Jan. 31, a crowd of 500 "
    ...              "people &amp; more<script>x=1</script> packed it.</p>")
    'Denver: 500 pack bridge\\n\\nOn Jan. 31, a crowd of 500 people & more packed it.'
    """
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    # Whitespace inside a block is the markup's, not the writer's: one space.
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def looks_like_html(text: str) -> bool:
    """True when text is a saved web page rather than words copied from one.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), looks_like_html("Hi")
    (True, False)
    """
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head or ("<p>" in head and "</p>" in text.lower())
    )


def read_article(path: str | Path) -> str:
    """The text of an article file: ``.txt`` (UTF-8) as it is, ``.html``/``.htm`` from its markup.

    Raises :class:`~turnout.errors.DataError` naming the file when it is not text.
    """
    path = Path(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise DataError("is not a text or HTML file (it holds binary data)", path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        return html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: The article the bundled story was transcribed from (``data/raw/sources/``).
BUNDLED_ARTICLE = "workers-world-2026-02-03-anti-ice-solidarity-spreads.txt"


def story_article(story: str | None = None) -> Path | None:
    """The article filed with a story: ``data/raw/sources/SLUG.txt`` (or ``.html``), if any.

    The default story's is the bundled article.

    >>> story_article().name
    'workers-world-2026-02-03-anti-ice-solidarity-spreads.txt'
    """
    from turnout import paths

    sources = paths.raw_dir() / "sources"
    if story is None:
        return sources / BUNDLED_ARTICLE
    for suffix in (".txt", ".html", ".htm"):
        path = sources / f"{story}{suffix}"
        if path.is_file():
            return path
    return None
