"""A chart in a notebook (turnout.embeds.notebook): one bundle, the embed framed, the PNG kept."""

from __future__ import annotations

import base64
from html.parser import HTMLParser

import nbformat
import pytest

from turnout.charts import chart_info, turnout_by_city
from turnout.embeds import render
from turnout.embeds.notebook import NOTEBOOK_ONLY, bundle, view_html
from turnout.embeds.png import png_size
from turnout.publisher.errors import NotebookError
from turnout.publisher.render import check_outputs, drop_notebook_only
from turnout.show import chart_png

# Words a source could print that would break out of an attribute, a script or a page.
HOSTILE = 'She said "enough" & left </script><script>alert(1)</script> <iframe src=//x.test>'


class Tags(HTMLParser):
    """Every tag with its attributes (entities decoded, as a browser reads them), the text
    inside each <script> and <style>, and the rest of the text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.code: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in = tag if tag in self.code else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        (self.code[self._in] if self._in else self.text).append(data)

    def named(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture(scope="module")
def by_city(seed_events):
    fig = turnout_by_city(seed_events)
    return render(chart_info(fig)), chart_png(fig)


@pytest.fixture
def hostile(make_events):
    """A chart whose source quote and headline hold markup and quotes."""
    events = make_events(
        {"city": "Alpha", "size_low": 300.0, "source_quote": HOSTILE},
        {"city": "Beta", "size_low": 50.0, "source_quote": "A plain 'single-quoted' line."},
    )
    fig = turnout_by_city(events)
    info = chart_info(fig)._replace(title=f"Crowds {HOSTILE}")
    return render(info), chart_png(fig)


def test_one_bundle_holds_the_frame_the_png_and_the_alt_text(by_city):
    embed, png = by_city
    data, meta = bundle(embed, png, width=640)
    assert set(data) == {"text/html", "image/png", "text/plain"}
    assert base64.b64decode(data["image/png"]) == png
    assert meta["image/png"] == {
        "width": 640,
        "height": png_size(png)[1],
        "alt": data["text/plain"],
    }
    assert data["text/plain"] == " ".join(embed.alt.split()) and "Minneapolis" in embed.alt
    assert meta["turnout"] == {NOTEBOOK_ONLY: ["text/html"]}
    doc = Tags(data["text/html"])
    assert [t for t, _ in doc.tags] == ["div", "style", "iframe", "img", "script"]
    frame, img = doc.named("iframe")[0], doc.named("img")[0]
    assert frame["sandbox"] == "allow-scripts", "scripts run, but in an opaque origin"
    assert frame["srcdoc"] == embed.html
    assert img["src"] == f"data:image/png;base64,{data['image/png']}"
    assert img["alt"] == embed.alt
    # The picture steps aside only for a frame before it: stripped frames leave it showing.
    assert doc.code["style"] == [".turnout-notebook-chart iframe~img{display:none}"]


def test_srcdoc_carries_hostile_quotes_as_text(hostile):
    embed, png = hostile
    html = view_html(embed, png, width=640)
    doc = Tags(html)
    # The outer page holds exactly our five tags: nothing from the data became markup.
    assert [t for t, _ in doc.tags] == ["div", "style", "iframe", "img", "script"]
    assert "</script><script>alert" not in html and 'said "enough"' not in html
    frame = doc.named("iframe")[0]
    assert frame["srcdoc"] == embed.html, "the frame's document is the embed, byte for byte"
    assert frame["title"] == embed.title == f"Crowds {HOSTILE}"
    inner = Tags(frame["srcdoc"])
    assert len(inner.named("script")) == 1 and len(inner.named("iframe")) == 0
    assert HOSTILE in inner.text, "the tooltip's table quotes the source as it was written"
    assert "&quot;enough&quot; &amp; left &lt;/script&gt;" in frame["srcdoc"], "escaped once"
    assert "alert(1)" not in "".join(inner.code["script"]), "the embed's one script is its own"


def test_nothing_points_outside(by_city, hostile):
    for embed, png in (by_city, hostile):
        outer = Tags(view_html(embed, png, width=640))
        inner = Tags(outer.named("iframe")[0]["srcdoc"])
        for tag, attrs in outer.tags + inner.tags:
            for name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
                url = attrs.get(name)
                if url is not None:
                    assert url.startswith(("data:image/png;base64,", "#")), (tag, name, url)
        css = "".join(outer.code["style"] + inner.code["style"])
        assert "url(" not in css and "@import" not in css
        csp = [m["content"] for m in inner.named("meta") if m.get("http-equiv")]
        assert csp and csp[0].startswith("default-src 'none'"), "the embed keeps its own CSP"


def test_a_build_drops_the_frame_and_keeps_the_picture(by_city, tmp_path):
    data, meta = bundle(*by_city, width=640)
    out = nbformat.v4.new_output("display_data", data, metadata=meta)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("show_chart(fig)")])
    nb.cells[0].outputs = [out]
    with pytest.raises(NotebookError, match="iframe"):
        check_outputs(nb, tmp_path / "x.ipynb")  # a page never carries a notebook's frame
    drop_notebook_only(nb)
    check_outputs(nb, tmp_path / "x.ipynb")
    assert set(nb.cells[0].outputs[0].data) == {"image/png", "text/plain"}


def test_nbconvert_html_shows_the_frame_once(by_city):
    """nbconvert's HTML takes the bundle's HTML: the interactive chart, the picture behind it
    (hidden by the style), each once."""
    from nbconvert import HTMLExporter

    embed, png = by_city
    data, meta = bundle(embed, png, width=640)
    out = nbformat.v4.new_output("display_data", data, metadata=meta)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[out])])
    body, _ = HTMLExporter().from_notebook_node(nb)
    doc = Tags(body)
    assert [f["srcdoc"] for f in doc.named("iframe")] == [embed.html]
    pictures = [i for i in doc.named("img") if i["src"].startswith("data:image/png")]
    assert len(pictures) == 1 and pictures[0]["src"].endswith(data["image/png"])
