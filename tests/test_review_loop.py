"""The review loop as a reporter runs it (issue 21), from a new story to a published one.

A fresh project (a copy of the checkout's notebooks and raw data, committed to its own
git repository, as a reporter's clone is), a wire story no test has seen, then the
README's steps 4-6: ``turnout new``, ``turnout draft --story``, notebook 00 with only
``story`` set, the draft saved as the story's CSV, the build refusing unchecked rows,
the rows checked, the build publishing.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from sharing import warm_kernel
from test_publish_meant import _fresh_project
from test_stories import turnout_cli, turnout_main

from turnout import paths

pytestmark = [pytest.mark.slow, pytest.mark.story]  # runs the command and whole builds

ROOT = paths.project_root()
SRC = Path(__file__).resolve().parents[1] / "src"
SLUG = "roe-2022"
ARTICLE = """\
Thousands rally across US after Roe ruling

CHICAGO (AP) — More then 10,000 people marched through downtown Chicago on Saturday to \
protest the Supreme Court's decision overturning Roe v. Wade, organizers said.

In Boise, Idaho, about 300 protesters rallied at the Statehouse on Saturday afternoon.

Hundreds gathered outside the Capitol in Austin, Texas, on Friday evening. Police said about \
1,500 people marched in Atlanta on Saturday.
"""


def _review_notebook(root: Path) -> str:
    """Notebook 00 run as JupyterLab runs it, with only ``story`` set; its outputs' text."""
    nb = nbformat.read(root / "notebooks" / "00-draft-from-article.ipynb", as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace("story = None", f"story = {SLUG!r}", 1)
    env = dict(os.environ, TURNOUT_ROOT=str(root))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.pop("TURNOUT_BUILD", None)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(root)}},
        **warm_kernel(),
    )
    client.execute(env=env)
    out = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            assert o.output_type != "error", f"{o.get('ename')}: {o.get('evalue')}"
            out.append(str(o.get("text", "")))
            out += [str(v) for v in o.get("data", {}).values()]
    return "\n".join(out)


def _commit(root: Path, *notebooks: str) -> None:
    """The checkout's ``notebooks`` (those named) added to the project at ``root``, committed."""
    for name in notebooks:
        shutil.copy(ROOT / "notebooks" / name, root / "notebooks" / name)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A", "notebooks"], check=True)
    subprocess.run([*git, "commit", "-qm", "the chart notebooks"], check=True)


def _check_rows(path: Path, initials: str, places: set[str] | None = None) -> None:
    """What the reporter does in a spreadsheet: initials in `checked` of each row checked
    (those of ``places``; default every row)."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows:
        if places is None or row["locality"] in places:
            row["checked"] = initials
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_a_reporter_drafts_checks_and_publishes_a_story(tmp_path):
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    # The chart notebooks join at the last build: until then only the review and the
    # cleaning page are checked, and four chart runs more would check nothing.
    charts = [n for n in notebooks if n[:2] not in ("00", "01")]
    root = _fresh_project(tmp_path, *(n for n in notebooks if n not in charts))
    raw = root / "data" / "raw"
    article = tmp_path / "roe-wire.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    # Step 4: a new story. A misspelled name is named, not "start one".
    run = turnout_main(root, "new", SLUG, "--title", "Roe protests", "--source", "The Wire")
    assert run.returncode == 0, run.stderr

    # Step 5: the draft, the article filed, its settings recorded, a review page outside site/.
    draft = ["draft", str(article), "--published", "2022-06-26", "--source", "The Wire"]
    run = turnout_main(root, *draft, "--story", "roe-2202")
    assert run.returncode == 2 and "did you mean roe-2022?" in run.stderr
    run = turnout_main(root, *draft, "--url", "https://example.org/roe", "--story", SLUG)
    assert run.returncode == 0, run.stderr
    assert (raw / "sources" / f"{SLUG}.txt").read_text(encoding="utf-8") == ARTICLE
    codebook = (raw / f"{SLUG}.md").read_text(encoding="utf-8")
    assert "published: 2022-06-26" in codebook and 'outlet: "The Wire"' in codebook
    assert "review the draft in data/raw/roe-2022.draft.html" in run.stderr
    assert "not yet" in (raw / f"{SLUG}.draft.html").read_text(encoding="utf-8")
    # -o onto the story's CSV is refused: it never replaces a file.
    run = turnout_main(root, *draft, "-o", str(raw / f"{SLUG}.csv"))
    assert run.returncode == 2 and "already exists" in run.stderr
    assert (raw / f"{SLUG}.csv").read_text(encoding="utf-8").count("\n") == 1  # the header

    # Notebook 00 with only `story`: the filed article, its date and outlet from the settings.
    text = _review_notebook(root)
    assert "Chicago" in text and "not yet" in text and "Source: The Wire" in text

    # Step 6: the draft saved as the story's CSV publishes nothing while unchecked.
    shutil.copy(raw / f"{SLUG}.draft.csv", raw / f"{SLUG}.csv")
    run = turnout_cli(root, "build", "--story", SLUG)
    assert run.returncode == 2
    assert "no usable rows: all 4 rows were rejected" in run.stderr
    assert "put your initials in `checked`" in run.stderr
    assert not (root / "site" / SLUG).exists() and not (root / "figures" / SLUG).exists()

    # Three rows checked: those publish; the fourth is named for the desk, not the reader.
    _check_rows(raw / f"{SLUG}.csv", "AB", {"Chicago", "Boise", "Austin"})
    run = turnout_cli(root, "build", "--story", SLUG)
    assert run.returncode == 0, run.stderr
    assert f"turnout: {SLUG}: 3 clean, 1 rejected, 1 warning" in run.stderr
    assert (
        f"  rejected: data/raw/{SLUG}.csv, row 5, column 'checked': drafted, not yet checked "
        "against the article: put your initials in `checked`"
    ) in run.stderr.splitlines()
    cleaning = (root / "site" / SLUG / "clean-events.html").read_text(encoding="utf-8")
    assert "Chicago" in cleaning and "Atlanta" not in cleaning
    assert "One row drafted from the source is not yet checked against it" in cleaning

    # Every row checked: the build publishes them all, and ends with the summary.
    _check_rows(raw / f"{SLUG}.csv", "AB")
    _commit(root, *charts)
    run = turnout_cli(root, "build", "--story", SLUG)
    assert run.returncode == 0, run.stderr
    tail = run.stderr.splitlines()
    head = next(i for i, line in enumerate(tail) if line.startswith(f"turnout: {SLUG}: "))
    assert tail[head] == f"turnout: {SLUG}: 4 clean, 0 rejected, 1 warning, 1 chart left out"
    assert tail[head + 1] == (
        f"  warning: data/raw/{SLUG}.csv, row 2, column 'size_text': 'more then' is read as "
        "'more than' (a typo?): check the spelling"
    )
    assert tail[head + 2].startswith("  chart left out: Did the cold keep protesters home?")
    assert "is not published" not in run.stderr  # no override note for notebooks as committed

    site, figures = root / "site" / SLUG, root / "figures" / SLUG
    pages = sorted(p.name for p in site.iterdir())
    assert pages == [
        "clean-events.html", "index.html", "timeline-density.html", "turnout-by-city.html",
        "turnout-map.html",
    ]  # fmt: skip
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "draft" not in index.lower()  # the review is the reporter's
    assert "Not charted, with nothing to show: Did the cold keep protesters home?" in index
    assert not list(figures.glob("temperature-vs-attendance.*"))
    assert not (root / "site" / "draft-from-article.html").exists()
    # "More then 10,000" keeps its floor.
    by_city = (figures / "turnout-by-city.csv").read_text(encoding="utf-8")
    assert "10,000+" in by_city, by_city

    # --strict fails on the warning, for a desk's CI; the review shows who checked each row.
    run = turnout_cli(root, "build", "--story", SLUG, "--strict")
    assert run.returncode == 1 and "--strict: 0 rejected rows and 1 warning" in run.stderr
    assert "checked (AB)" in _review_notebook(root)
