"""An executed notebook to a page: check its outputs, take out its head and foot, and render
it through turnout's nbconvert template (``templates/turnout``), which shares its page shell
(head, Content-Security-Policy, masthead) with the index."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from turnout.links import markdown_escape, web_url
from turnout.publisher.errors import NotebookError
from turnout.publisher.execute import INJECTED_TAG

#: Folder holding turnout's templates (passed to nbconvert as ``extra_template_basedirs``).
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAME = "turnout"
#: The files of a chart (:func:`turnout.publish.save_figure`) that a build publishes.
FIGURE_SUFFIXES = (".png", ".svg", ".csv", ".json", ".html")  # .html: the embed

# Reprs that mean "an object, not content": a page must never print them.
_RAW_REPR = re.compile(r"^\s*<(?:Figure size|matplotlib|Axes|[\w.]+ object at 0x|[\w.]+ at 0x)")
# Output markup that would make the browser fetch something from elsewhere.
_EXTERNAL = re.compile(
    r"""<script\b|<link\b|<iframe\b|@import|\bsrc\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def drop_notebook_only(nb: Any) -> None:
    """Take out of each output the parts meant for notebooks only (metadata
    ``turnout.notebook_only``): a chart's interactive view in its sandboxed frame, whose
    picture stays and which the page shows as the published embed (:func:`take_figures`).

    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> out = new_output("display_data", {"text/html": "<iframe>", "image/png": "iVBO"},
    ...                  metadata={"turnout": {"notebook_only": ["text/html"]}})
    >>> nb = new_notebook(cells=[new_code_cell(outputs=[out])])
    >>> drop_notebook_only(nb)
    >>> sorted(nb.cells[0].outputs[0].data)
    ['image/png']
    """
    from turnout.embeds.notebook import NOTEBOOK_ONLY

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for mime in out.get("metadata", {}).get("turnout", {}).get(NOTEBOOK_ONLY, []):
                out.get("data", {}).pop(mime, None)


def check_outputs(nb: Any, nb_path: Path) -> None:
    """Refuse outputs a newspaper would not print: charts without alt text, raw reprs,
    and markup that would load something from another site."""
    n = 0
    for cell in nb.cells:
        if INJECTED_TAG not in cell.metadata.get("tags", []):
            n += 1
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            plain = data.get("text/plain", "")
            for mime in ("image/png", "image/jpeg", "image/svg+xml"):
                if mime in data:
                    alt = out.get("metadata", {}).get(mime, {}).get("alt") or plain
                    if not str(alt).strip() or _RAW_REPR.match(str(alt)):
                        raise NotebookError(
                            nb_path,
                            "shows a chart without alt text; display charts with "
                            "turnout.show.show_chart(fig)",
                            cell=n,
                        )
            only_text = not (set(data) - {"text/plain"})
            if only_text and _RAW_REPR.match(str(plain)):
                raise NotebookError(
                    nb_path,
                    f"would print {str(plain).splitlines()[0]!r} on the page; show charts "
                    "with show_chart(fig) and end other lines with an assignment",
                    cell=n,
                )
            markup = str(data.get("text/html", "")) + str(data.get("image/svg+xml", ""))
            found = _EXTERNAL.search(markup)
            what = found.group(0) if found else None
            if what is None and "text/markdown" in data:
                # Markdown as JupyterLab, the page and `jupyter nbconvert --to html` render it.
                what = outside_markup(_markdown_html(str(data["text/markdown"])))
            if what:
                raise NotebookError(
                    nb_path,
                    f"output contains {what!r}: pages load nothing from elsewhere and link "
                    "only to web addresses",
                    cell=n,
                )


# An attribute that loads or links something, and its value.
_URL_ATTRIBUTE = re.compile(
    r"""\b(?:href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
    re.IGNORECASE,
)


def outside_markup(markup: str) -> str | None:
    """What in rendered HTML would load something from elsewhere (a script, a frame, a
    stylesheet, an image from another site) or link to anything but a web address
    (``javascript:``), or None.

    >>> outside_markup('<p><a href="javascript:alert(1)">Workers World</a></p>')
    'href="javascript:alert(1)"'
    >>> outside_markup('<img src="https://evil.example/x.png">')
    'src="https://'
    >>> outside_markup('<p><a href="https://example.com/story">story</a> #x</p>') is None
    True
    """
    found = _EXTERNAL.search(markup)
    if found:
        return found.group(0)
    for attr in _URL_ATTRIBUTE.finditer(markup):
        value = html.unescape(next(v for v in attr.groups() if v is not None))
        name = attr.group(0).split("=", 1)[0].strip().lower()
        if name == "href" and (web_url(value) or not _SCHEME.match(value)):
            continue  # a web address, or a place on this site ("#notes", "index.html")
        return f'{name}="{value}"'
    return None


# A scheme before a colon, as a browser reads it (controls and spaces dropped).
_SCHEME = re.compile(r"^[\x00-\x20]*(?:[a-z][a-z0-9+.\-\s]*:|//|\\\\)", re.IGNORECASE)


def _markdown_html(text: str) -> str:
    """Markdown as nbconvert renders it (the renderer of pages and of `nbconvert --to html`)."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(text)


def take_figures(nb: Any, figures_dir: Path, figures_href: str | None = None) -> list[str]:
    """The chart files the notebook wrote into ``figures_dir``, as
    :func:`turnout.publish.save_figure` recorded them (an output whose metadata
    ``turnout.files`` lists them); those bookkeeping outputs leave the notebook.

    With ``figures_href`` (the published figures folder, relative to the page), a chart
    picture in the same cell as a saved embed (NAME.html) gets its address (output metadata
    ``turnout.embed``): the page shows the embed, the picture stays as the fallback."""
    figures_dir = figures_dir.resolve()
    found: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept, embeds = [], []
        for out in cell.get("outputs", []):
            files = out.get("metadata", {}).get("turnout", {}).get("files")
            if files is None:
                kept.append(out)
                continue
            written = [Path(f).resolve() for f in files]
            ours = [f for f in written if f.suffix in FIGURE_SUFFIXES and f.parent == figures_dir]
            found.update(str(f) for f in ours)
            embeds += [f for f in ours if f.suffix == ".html"]
        cell.outputs = kept
        if figures_href is not None:
            _link_embeds(kept, embeds, figures_href)
    return sorted(found)


def _link_embeds(outputs: list[Any], embeds: list[Path], figures_href: str) -> None:
    """Pair a cell's chart pictures with its saved embeds, in order. A chart with no embed
    design of its own (its embed is the generic list of rows) keeps its picture on the page:
    a reader of the page is better served by the chart than by its data as a list."""
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    embeds = [e for e in embeds if _designed(e)]
    for out, embed in zip(pictures, embeds, strict=False):
        href = f"{figures_href.rstrip('/')}/{embed.name}" if figures_href else embed.name
        meta = out.setdefault("metadata", {})
        meta.setdefault("turnout", {})["embed"] = href
        meta["turnout"]["data"] = href.removesuffix(".html") + ".csv"


def _designed(embed: Path) -> bool:
    """Whether the embed beside ``NAME.json`` has a design of its own (not the generic one)."""
    import json

    from turnout.embeds.base import designed

    try:
        kind = json.loads(embed.with_suffix(".json").read_text(encoding="utf-8")).get("kind", "")
    except (OSError, ValueError):
        return False
    return designed(kind)


def left_out_charts(nb: Any) -> list[str]:
    """Why each chart of the executed notebook was left out (output metadata
    ``turnout.left_out``, :func:`turnout.show.left_out_chart`), in order.

    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> out = new_output("display_data", {"text/plain": "Chart left out: ..."},
    ...                  metadata={"turnout": {"left_out": "No event reports a temperature."}})
    >>> left_out_charts(new_notebook(cells=[new_code_cell(outputs=[out])]))
    ['No event reports a temperature.']
    """
    return [
        str(out["metadata"]["turnout"]["left_out"])
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if out.get("metadata", {}).get("turnout", {}).get("left_out")
    ]


def nothing_to_show(nb: Any) -> bool:
    """Whether the notebook's charts were all left out and it shows no other picture: such
    a page is not published (the story's index says why instead).

    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> out = new_output("display_data", {"text/plain": "Chart left out: ..."},
    ...                  metadata={"turnout": {"left_out": "No event reports a temperature."}})
    >>> nothing_to_show(new_notebook(cells=[new_code_cell(outputs=[out])]))
    True
    """
    pictures = any(
        mime in out.get("data", {})
        for cell in nb.cells
        for out in cell.get("outputs", [])
        for mime in ("image/png", "image/svg+xml", "image/jpeg")
    )
    return bool(left_out_charts(nb)) and not pictures


def embed_csp() -> str:
    """What an article page's Content-Security-Policy adds for its embeds: frames from its
    own site and the one script that sets their height (by hash)."""
    from turnout.embeds import _LISTENER
    from turnout.embeds.page import sha256

    return f"frame-src 'self'; script-src {sha256(_LISTENER)}; "


def _strip_markdown(text: str) -> str:
    """Heading text without markdown markup (links keep their words)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def page_head(nb: Any, nb_path: Path) -> dict[str, str]:
    """The page's head and foot, taken out of the body.

    - ``kicker`` and ``headline``: the notebook's first ``# `` heading is the
      question it asks. When an output carries a computed finding (a chart's
      headline, in output metadata ``turnout.headline``), the page leads with that
      finding and the question becomes the kicker above it, so a page built from
      other data never prints a headline about the seed story.
    - ``dek``: the paragraph under the ``# `` heading.
    - ``source``: cells tagged ``source``: a markdown cell's text, or the markdown
      a code cell displays (``turnout.show_data.source_note``, computed from the data).
    """
    question = dek = ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        at = next((i for i, ln in enumerate(lines) if re.match(r"#\s+\S", ln)), None)
        if at is None:
            continue
        question = _strip_markdown(lines[at].lstrip("#"))
        rest = lines[at + 1 :]
        while rest and not rest[0].strip():
            rest.pop(0)
        para: list[str] = []
        while rest and rest[0].strip() and not re.match(r"\s*(#|[-*+]\s|\d+[.)]\s|>|\|)", rest[0]):
            para.append(rest.pop(0))
        dek = "\n".join(para)
        cell.source = "\n".join(lines[:at] + rest).strip()
        break
    if not question:
        raise NotebookError(nb_path, "has no '# ' headline in a markdown cell")
    finding = next(
        (
            " ".join(str(out.get("metadata", {}).get("turnout", {}).get("headline", "")).split())
            for cell in nb.cells
            if cell.cell_type == "code"
            for out in cell.get("outputs", [])
            if out.get("metadata", {}).get("turnout", {}).get("headline")
        ),
        "",
    )
    source_cells = [c for c in nb.cells if "source" in c.metadata.get("tags", [])]
    notes = []
    for c in source_cells:
        if c.cell_type == "markdown":
            notes.append(c.source)
        for out in c.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:
                notes.append(data["text/markdown"])
            elif "text/plain" in data:  # text, not Markdown, in the footer's Markdown
                notes.append(markdown_escape(data["text/plain"]))
    nb.cells = [
        c
        for c in nb.cells
        if c not in source_cells and (c.cell_type != "markdown" or c.source.strip())
    ]
    return {
        "headline": finding or question,
        "kicker": question if finding else "",
        "dek": dek,
        "dek_text": _strip_markdown(dek),
        "source": "\n\n".join(notes),
    }


def _is_raw_repr(text: object) -> bool:
    return bool(_RAW_REPR.match(str(text)))


@functools.cache
def _exporter() -> Any:
    """turnout's page exporter, one a process: its templates are compiled at its first page
    and kept (a build's warm process renders one page before forking, so no fork compiles
    them; nbconvert's own command uses one exporter for every notebook)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    c = Config()
    c.HTMLExporter.template_name = TEMPLATE_NAME
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.exclude_anchor_links = True
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = {
        "parameters",
        INJECTED_TAG,
        "remove-cell",
        "remove_cell",
    }
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output", "remove_output"}
    exporter = HTMLExporter(config=c)
    exporter.register_filter("is_raw_repr", _is_raw_repr)
    return exporter


def compile_templates() -> int:
    """Compile the page templates now, rendering an empty notebook (and the selectors
    nbconvert runs over every page): a process that forks workers does it once for all.
    Returns the empty page's length.

    >>> compile_templates() > 1000
    True
    """
    import nbformat

    body, _ = _exporter().from_notebook_node(nbformat.v4.new_notebook(), resources={})
    return len(body)


def render_page(
    nb: Any,
    head: Mapping[str, str],
    *,
    date: str,
    byline: str = "",
    date_iso: str = "",
    cleaning_href: str = "",
) -> str:
    """The executed notebook as a page, through turnout's nbconvert template.

    ``date`` is the day it is published, AP style ("Dec. 2, 2026"), ``date_iso`` the same
    day for machines ("2026-12-02"): the page reads "Published <time datetime=...>".
    ``cleaning_href`` links the page's charts back to the story's cleaning page.
    """
    exporter = _exporter()
    from turnout.embeds import _LISTENER

    embeds = any(
        out.get("metadata", {}).get("turnout", {}).get("embed")
        for cell in nb.cells
        for out in cell.get("outputs", [])
    )
    resources = {
        "turnout": {
            **head,
            "byline": byline,
            "date": date,
            "date_iso": date_iso,
            "index_href": "index.html",
            "cleaning_href": cleaning_href,
            # Only a page that shows an embed carries the listener (and allows frames).
            "csp_extra": embed_csp() if embeds else "",
            "listener": _LISTENER if embeds else "",
        }
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body
