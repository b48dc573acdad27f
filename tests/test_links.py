"""Links from the data (turnout.links): only web addresses become links, in every disguise a
script link comes in; link text is escaped both ways (issue 13)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from turnout.links import link_html, link_markdown, markdown_text, url_problem, web_url

# ------------------------------------------------------------------------------- links

NOT_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "//evil.example/x",
    "\\\\evil.example\\x",
    "http:\\\\evil.example",
    "https:/evil.example",
    "http://",
    "https:// evil.example",
    "https://exa mple.com",
    'https://example.com/"onmouseover="alert(1)',
    "https://example.com/<script>",
    "ftp://example.com/x",
    "mailto:desk@example.com",
    "www.example.com",
    "example.com/story",
    "ｊａｖａｓｃｒｉｐｔ:alert(1)",
    "javascript://example.com/%0Aalert(1)",
    "",
]
LINKS = [
    ("https://example.com/story", "https://example.com/story"),
    ("HTTPS://EXAMPLE.COM/A", "HTTPS://EXAMPLE.COM/A"),
    ("  http://example.com/a?b=1&c=2#d  ", "http://example.com/a?b=1&c=2#d"),
    ("https://user@example.com:8443/x", "https://user@example.com:8443/x"),
    ("https://bücher.example/straße", "https://bücher.example/straße"),
]


@pytest.mark.parametrize("url", NOT_LINKS)
def test_only_web_addresses_are_links(url):
    assert web_url(url) is None
    assert "<a" not in link_html(url, "the story") and "href" not in link_html(url)
    rendered = markdown2html_mistune(f"Source ({link_markdown(url)}).")
    assert "<a" not in rendered and "href" not in rendered, rendered


@pytest.mark.parametrize(("url", "href"), LINKS)
def test_web_addresses_are_links(url, href):
    assert web_url(url) == href
    assert link_html(url, "the story").startswith('<a href="')
    rendered = markdown2html_mistune(f"Source ({link_markdown(url)}).")
    assert rendered.count("<a href=") == 1, rendered


def test_link_text_is_escaped_both_ways():
    assert link_html("https://example.com/?a=1&b=2", "<b>") == (
        '<a href="https://example.com/?a=1&amp;b=2">&lt;b&gt;</a>'
    )
    assert link_html("javascript:alert('<x>')", "story") == (
        "story (javascript:alert(&#x27;&lt;x&gt;&#x27;))"
    )
    assert link_html(None) == "" and link_html(float("nan")) == "nan"


def test_url_warnings_name_the_value():
    assert url_problem("https://example.com") == "" and url_problem("  ") == ""
    assert url_problem(float("nan")) == "" and url_problem(None) == ""
    assert url_problem("//evil.example") == (
        "'//evil.example' is not a web address (http or https): printed as text, never a link"
    )
    long = "javascript:" + "a" * 500
    assert f"({len(long)} characters)" in url_problem(long) and len(url_problem(long)) < 200


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x]( JaVaScRiPt:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](vbscript:msgbox)",
        "[x](data:text/html,hi)",
        "[x](//evil.example)",
        "![i](javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](&#106;avascript:alert(1))",
        "<javascript:alert(1)>",
        "<a href='javascript:alert(1)'>x</a>",
        "[a [b](https://x.example)](javascript:1)",
        "[x](https://ok.example)(javascript:1)",
    ],
)
def test_reporter_markdown_keeps_only_web_links(text):
    rendered = markdown2html_mistune(markdown_text(text))
    hrefs = re.findall(r"<a\s[^>]*href=\"([^\"]*)\"", rendered)
    assert all(h.lower().startswith(("http://", "https://")) for h in hrefs), rendered
    assert rendered.count("<a ") == len(hrefs)  # every tag is one of those
    assert "<script" not in rendered and "<img" not in rendered


def test_reporter_markdown_keeps_emphasis_and_web_links():
    rendered = markdown2html_mistune(markdown_text("*Big* [story](https://example.com/a) & co"))
    assert rendered.strip() == (
        '<p><em>Big</em> <a href="https://example.com/a">story</a> &amp; co</p>'
    )


def test_source_note_prints_a_script_url_as_text(seed_events):
    from turnout.show_data import source_note

    hostile = seed_events.assign(source_url=" JaVaScRiPt:alert(1)")
    note = source_note(hostile)
    rendered = markdown2html_mistune(note.markdown)
    assert "href" not in rendered and "JaVaScRiPt:alert(1)" in rendered
    assert "JaVaScRiPt:alert(1)" in note.plain
    web = markdown2html_mistune(
        source_note(seed_events.assign(source_url="https://x.example")).markdown
    )
    assert '<a href="https://x.example">' in web


def test_story_about_keeps_only_web_links():
    from turnout.show_data import story_about
    from turnout.stories import read_story

    story = dataclasses.replace(
        read_story(),
        about="From [the paper](https://example.com/a) and [a trap](javascript:alert(1)).",
    )
    rendered = markdown2html_mistune(story_about(story).markdown)
    assert rendered.count("href=") == 1 and 'href="https://example.com/a"' in rendered
