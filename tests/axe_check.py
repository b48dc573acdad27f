"""axe-core in a page the browser tests opened: injected once a page, run at every width.

axe-playwright-python's ``Axe().run(page)`` evaluates axe's 500 KB script again on every
run; the axe tests check each page at two widths, so they load the page once, resize it
(the embeds pick their layout by container queries and post their height on resize, as
on a fresh load at that width) and run axe again in the same document.
"""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

# Two animation frames: the resize's style, layout and ResizeObserver callbacks have run.
SETTLED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def resize(page: Page, width: int) -> None:
    """``page`` at ``width`` px wide (900 tall), laid out again."""
    page.set_viewport_size({"width": width, "height": 900})
    page.evaluate(SETTLED)


def violations(page: Page) -> list[dict]:
    """axe's violations in ``page`` as it stands (axe injected on the first call)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
