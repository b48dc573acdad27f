"""Which source addresses may become links: web addresses (http, https) only.

A ``source_url`` is typed or pasted by a person and may be anything:
``javascript:alert(1)``, ``JaVaScRiPt:...``, `` vbscript:...`` with a space in front,
``data:text/html,...``, ``//evil.example`` (protocol-relative). A page's content
security policy blocks such links in a browser, but pages and snippets get pasted
into CMSs that drop the policy. So a link is written only for an address that is,
as written, ``http://`` or ``https://`` followed by a host; anything else is printed
as text, and cleaning warns about it (:func:`turnout.clean.input_warnings`).

>>> web_url(" https://example.com/a?b=1 "), web_url("javascript:alert(1)")
('https://example.com/a?b=1', None)
>>> link_html("javascript:alert(1)")
'javascript:alert(1)'
"""

from __future__ import annotations

import html
import re

__all__ = ["web_url", "link_html", "link_markdown", "url_problem"]

# Scheme, "://", a host (no spaces, control characters, quotes, angle brackets or backslashes
# anywhere: browsers read "\" as "/" and drop tabs and newlines inside a URL, so none of those
# may hide a scheme).
_NOT_IN_URL = r"\s\x00-\x1f\x7f-\x9f\\<>\"'`"
_WEB = re.compile(rf"https?://[^/?#{_NOT_IN_URL}]+[^{_NOT_IN_URL}]*", re.IGNORECASE)
# What a browser strips from both ends of an href before reading its scheme.
_ENDS = "".join(map(chr, range(33)))


def web_url(value: object) -> str | None:
    """The address if it is a web (http or https) address with a host, else None.

    Surrounding spaces are trimmed; any space, control character, quote, angle
    bracket or backslash inside makes it not one.

    >>> [web_url(u) for u in ["HTTPS://Example.com", "//evil.example", "data:text/html,x"]]
    ['HTTPS://Example.com', None, None]
    """
    if not isinstance(value, str):
        return None
    text = value.strip(_ENDS)
    return text if _WEB.fullmatch(text) else None


def url_problem(value: object) -> str:
    """Why a non-empty address will be printed as text, not linked ("" for a web address).

    >>> url_problem("javascript:alert(1)")
    "'javascript:alert(1)' is not a web address (http or https): printed as text, never a link"
    >>> url_problem("https://example.com"), url_problem(None)
    ('', '')
    """
    from turnout.errors import quote

    if not isinstance(value, str) or not value.strip() or web_url(value):
        return ""
    return f"{quote(value)} is not a web address (http or https): printed as text, never a link"


def link_html(url: object, text: str | None = None) -> str:
    """An ``<a>`` to a web address (``text`` defaults to the address); anything else as text.

    Both are escaped for HTML.

    >>> link_html("https://example.com/?a=1&b=2", "the story")
    '<a href="https://example.com/?a=1&amp;b=2">the story</a>'
    >>> link_html("JaVaScRiPt:alert(1)", "the story")
    'the story (JaVaScRiPt:alert(1))'
    """
    href = web_url(url)
    shown = html.escape("" if url is None else str(url))
    if href is None:
        return f"{html.escape(text)} ({shown})" if text and shown else html.escape(text or shown)
    label = html.escape(text) if text else html.escape(href)
    return f'<a href="{html.escape(href)}">{label}</a>'


def link_markdown(url: object) -> str:
    """Markdown for an address: an autolink ``<https://...>`` for a web address, else text
    that no Markdown renderer turns into a link (its colons are entities).

    >>> link_markdown("https://example.com/x"), link_markdown("javascript:alert(1)")
    ('<https://example.com/x>', 'javascript&#58;alert(1)')
    """
    href = web_url(url)
    if href is not None:
        return f"<{href}>"  # no space, quote or angle bracket in it: nothing to escape
    text = html.escape("" if url is None else str(url))
    # A colon as an entity: no scheme ("javascript:", "www.x:") can be read from the text.
    text = text.replace(":", "&#58;")
    # Markdown's own link and emphasis marks print as themselves.
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


# Markdown's punctuation: any of it may start a link, image, emphasis, heading, list,
# table, code span or autolink; a backslash makes each print as itself (CommonMark).
_MARKDOWN_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|~=^$])")


def markdown_escape(text: object) -> str:
    """Data text as Markdown that every renderer prints as the text itself: no link, image,
    heading, list, emphasis or HTML can form (the page footer, JupyterLab, nbconvert).

    Line breaks become spaces (a line could open a heading or a code block), Markdown's
    punctuation is backslash-escaped, HTML's characters are entities, and a colon is an
    entity too, so no renderer finds a scheme (``javascript:``) to link.

    >>> print(markdown_escape("[Workers World](javascript:alert(1)) # <b>"))
    \\[Workers World\\]\\(javascript&#58;alert\\(1\\)\\) \\# &lt;b&gt;
    """
    one_line = " ".join(str(text).split())
    escaped = html.escape(_MARKDOWN_PUNCT.sub(r"\\\1", one_line), quote=False)
    return escaped.replace(":", "&#58;")


# An inline link or image whose label has no brackets: [label](destination "title").
_INLINE = re.compile(r"(!?)\[([^\[\]\n]*)\]\(\s*<?([^()<>\s]*)>?(\s+\"[^\"\n]*\")?\s*\)")


def markdown_text(text: str) -> str:
    """A reporter's Markdown with its emphasis kept, links only to web addresses, and any
    HTML printed as text: ``[label](javascript:...)``, images, reference definitions and
    ``<scheme:...>`` autolinks all print as the characters typed.

    >>> markdown_text("*Big* march, [story](https://example.com/a) & [x](JaVaScRiPt:alert(1))")
    '*Big* march, [story](https://example.com/a) &amp; \\\\[x\\\\](JaVaScRiPt:alert(1))'
    >>> markdown_text("<javascript:alert(1)>")
    '&lt;javascript:alert(1)&gt;'
    """
    kept: list[str] = []

    def keep(found: re.Match[str]) -> str:
        bang, label, dest, title = found.groups()
        if bang or web_url(html.unescape(dest)) is None:
            return found.group(0)  # escaped below with the rest of the text
        kept.append(f"[{label}]({dest}{title or ''})")
        return f"\x00{len(kept) - 1}\x00"

    text = _INLINE.sub(keep, text.replace("\x00", ""))
    # Every other bracket prints as a bracket: no other link, image or definition can form.
    text = html.escape(text, quote=False).replace("[", "\\[").replace("]", "\\]")
    for i, link in enumerate(kept):
        label, _, rest = link[1:].partition("](")
        safe = f"[{html.escape(label, quote=False)}]({html.escape(rest, quote=False)}"
        text = text.replace(f"\x00{i}\x00", safe)
    return text
