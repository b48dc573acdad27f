"""An article's words: plain text as copied from a browser, or the text of a saved page.

A page saved from a browser (``.html``) is read by html5lib, the WHATWG parser
browsers follow, so a page reads as a browser shows it: a body inside a
``<form>`` (ASP.NET pages), a ``<button>`` or ``<nav>`` never closed, stray end
tags. Block elements (paragraphs, headings, list items, table rows, captions)
become lines, so the rest of the drafter sees the same shape as text copied by
hand; scripts, styles, templates, drop-down lists, comments and hidden
elements (``hidden``, ``display: none``) are left out, and a menu (``<nav>``)
unless a paragraph sits in it. Nothing is fetched: links and images stay where
they are. A file is UTF-8, or UTF-16 or UTF-32 with a byte-order mark, or the
charset its page declares, else Windows Latin-1; an empty file or one that is
not text is one line naming it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from turnout.errors import DataError

# Elements whose start and end break a line (the text's paragraphs and headings).
_BLOCKS = frozenset(
    """
    p div section article header footer main aside h1 h2 h3 h4 h5 h6 li ul ol dl dt dd
    blockquote figure figcaption table tr caption pre address hr br center form fieldset
    legend details summary nav button dialog
    """.split()
)
# Elements whose contents a reader never sees as the page's words.
_SKIP = frozenset(
    "head script style noscript template svg canvas iframe object select datalist textarea "
    "input".split()
)
# Boilerplate, left out unless the page's paragraphs sit inside it (never closed).
_BOILERPLATE = frozenset("nav".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


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


def _hidden(el: Any) -> bool:
    """A browser does not show it: the ``hidden`` attribute or an inline display: none."""
    return "hidden" in el.attrib or bool(_HIDDEN_STYLE.search(el.get("style", "")))


def _walk(el: Any, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""  # comments have a function as their tag
    shown = bool(tag) and tag not in _SKIP and not _hidden(el)
    if tag in _BOILERPLATE and el.find(".//p") is None:
        shown = False  # a menu; one holding the article's paragraphs was never closed
    if shown:
        if tag in _BLOCKS:
            parts.append("\n\n" if tag not in ("br", "li") else "\n")
        parts.append(el.text or "")
        for child in el:
            _walk(child, parts)
        if tag in _BLOCKS:
            # A heading ends its own line even when the page runs it into a paragraph.
            parts.append("\n\n" if tag in _HEADINGS or tag == "p" else "\n")
    parts.append(el.tail or "")  # the text after an element is its parent's


def html_to_text(html: str) -> str:
    """The words of an HTML page as a browser shows them, one block (paragraph, heading,
    list item) per line.

    >>> html_to_text("<h1>Denver: 500 pack bridge</h1><p>On Jan. 31, a crowd of 500 "
    ...              "people &amp; more<script>x=1</script> packed it.</p>")
    'Denver: 500 pack bridge\\n\\nOn Jan. 31, a crowd of 500 people & more packed it.'
    >>> html_to_text("<form><nav>Home<p>500 marched.<button>Share<p hidden>x</p>")
    'Home\\n\\n500 marched.\\n\\nShare'
    """
    import html5lib

    document = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    parts: list[str] = []
    body = document.find("body")
    _walk(body if body is not None else document, parts)
    text = "".join(parts)
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
    """The text of an article file: ``.txt`` as it is, ``.html``/``.htm`` from its markup.

    Raises :class:`~turnout.errors.DataError` naming the file when it is empty, not text,
    or (a page) holds no words a browser would show.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataError(f"cannot be read ({err.strerror or err})", path=path) from None
    text = decode_article(raw, path)
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        words = html_to_text(text)
        if not words:
            raise DataError("is a web page with no words a browser would show", path=path)
        return words
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Byte-order marks, longest first (UTF-32's little-endian mark begins like UTF-16's).
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Control characters that never occur in text (tab, line breaks and form feed do).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_article(raw: bytes, path: object = None) -> str:
    """An article file's bytes as text, or one clear :class:`DataError`.

    >>> decode_article("Doña Ana".encode("utf-16"))
    'Doña Ana'
    >>> decode_article(b"")
    Traceback (most recent call last):
    ...
    turnout.errors.DataError: is empty: an article needs words to draft from
    """
    if not raw.strip():
        raise DataError("is empty: an article needs words to draft from", path=path)
    encoding = next((enc for bom, enc in _BOMS if raw.startswith(bom)), None)
    declared = _CHARSET.search(raw[:4096])
    if encoding is None and declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            encoding = None  # an unknown charset: try UTF-8, then Latin-1
    try:
        text = raw.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        if encoding and encoding.startswith("utf-") and encoding != "utf-8":
            raise DataError(f"is not valid {encoding.upper()} text", path=path) from None
        text = raw.decode("cp1252", errors="replace")
        # Words in Latin-1 have a few letters above ASCII; random bytes half of them.
        if sum(ch > "\x7f" for ch in text) > len(text) // 4:
            raise DataError(
                "is not a text or HTML file (it holds binary data)", path=path
            ) from None
    text = text.removeprefix("\ufeff")
    if len(_CONTROLS.findall(text[:65536])) > max(1, len(text[:65536]) // 1000):
        raise DataError("is not a text or HTML file (it holds binary data)", path=path)
    if not text.strip():
        raise DataError("is empty: an article needs words to draft from", path=path)
    return text


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
        return paths.inside_project(sources / BUNDLED_ARTICLE)
    for suffix in (".txt", ".html", ".htm"):
        path = sources / f"{story}{suffix}"
        if path.is_file():
            return paths.inside_project(path)  # a link out of the project is not its article
    return None
