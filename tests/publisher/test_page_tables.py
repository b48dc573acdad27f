"""The site's tables on a phone: dates and places break between words, never inside one."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Each word of the first two cells of every row: the number of lines it is drawn on.
_LINES_PER_WORD = """
() => {
  const out = [];
  for (const td of document.querySelectorAll(
      "table.turnout-table td:nth-child(1), table.turnout-table td:nth-child(2)")) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
        out.push([m[0], tops.size]);
      }
    }
  }
  return out;
}
"""


def test_no_date_or_place_is_broken_inside_a_word_at_phone_width(built, browser):
    page = browser.new_page(viewport={"width": 375, "height": 900})
    try:
        page.goto((built.site / "clean-events.html").as_uri(), wait_until="load")
        words = page.evaluate(_LINES_PER_WORD)
        assert {w for w, _ in words} >= {"Minneapolis", "Philadelphia", "Jan."}
        assert [w for w, lines in words if lines > 1] == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        page.close()
