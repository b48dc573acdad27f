"""Several articles into one draft: files and folders, drafted in parallel, written once.

``turnout draft`` takes article files (``.txt``, ``.html``) and folders of them;
each article is drafted on its own (in worker processes when there are several,
with a progress bar), and the rows are joined in the order the articles were
given. A draft goes to a story's ``data/raw/SLUG.draft.csv`` (never the story's
own CSV, never over an earlier draft), to a file, or to standard output.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from turnout.errors import DataError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def article_paths(items: Sequence[str | Path]) -> list[Path]:
    """The article files named, folders replaced by the articles in them (sorted by name)."""
    out: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise DataError("holds no .txt or .html articles", path=path)
            out += found
        elif path.is_file():
            out.append(path)
        else:
            raise DataError("no such file or folder", path=path)
    return list(dict.fromkeys(out))


def _one(args: tuple[Path, str, str | None, str | None]) -> Any:
    from turnout.draft import draft_events
    from turnout.draft.text import read_article

    path, published, source_name, source_url = args
    return draft_events(
        read_article(path), published=published, source_name=source_name, source_url=source_url
    )


def draft_files(
    paths: Sequence[Path],
    *,
    published: str,
    source_name: str | None = None,
    source_url: str | None = None,
    jobs: int | None = None,
    progress: bool = False,
) -> Any:
    """One draft table for several articles, drafted in parallel when there are several."""
    import pandas as pd

    from turnout.columns import RAW_COLUMNS

    work = [(Path(p), published, source_name, source_url) for p in paths]
    if len(work) <= 1 or jobs == 1:
        tables = [_one(w) for w in work]
    else:
        from tqdm import tqdm

        workers = min(jobs or os.cpu_count() or 1, len(work))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            tables = list(
                tqdm(
                    pool.map(_one, work, chunksize=max(1, len(work) // (workers * 8))),
                    total=len(work),
                    desc="drafting",
                    unit="article",
                    disable=not progress,
                )
            )
    if not tables:
        return pd.DataFrame(columns=RAW_COLUMNS, dtype="object")
    return pd.concat(tables, ignore_index=True)


def draft_csv(rows: Any) -> str:
    """The draft as CSV text in the story format (UTF-8, quoted where needed).

    A reporter opens it in a spreadsheet, so a cell copied from an article that a
    spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+900 people``) gets a
    leading ``'`` (OWASP's rule, :func:`turnout.formulas.neutralise`);
    :func:`draft_warnings` names each.

    >>> import pandas as pd
    >>> print(draft_csv(pd.DataFrame({"size_text": ["=HYPERLINK(1)", "-21", "+900 people"]})))
    size_text
    '=HYPERLINK(1)
    -21
    '+900 people
    <BLANKLINE>
    """
    from turnout.formulas import neutralise

    buffer = io.StringIO()
    neutralise(rows).table.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def draft_warnings(rows: Any, *, path: object = None) -> list[str]:
    """One line per draft cell :func:`draft_csv` gave a leading ``'``, naming row and
    column, in row order (the first ten; then how many more).

    >>> import pandas as pd
    >>> draft_warnings(pd.DataFrame({"source_quote": ["- 800 marched", "about 50"]}))
    ["row 2, column 'source_quote': '- 800 marched' starts like a spreadsheet formula: \
the draft gives it a leading ' so a spreadsheet shows it as text"]
    """
    import numpy as np

    from turnout.clean import FORMULA_WARNINGS_SHOWN
    from turnout.errors import quote
    from turnout.formulas import formula_mask

    flat = rows.reset_index(drop=True)
    cells = sorted(
        (int(i), n, str(column))
        for n, column in enumerate(flat.columns)
        for i in np.flatnonzero(formula_mask(flat[column]).to_numpy())
    )
    out = []
    for i, n, column in cells[:FORMULA_WARNINGS_SHOWN]:
        message = (
            f"{quote(flat.iloc[i, n])} starts like a spreadsheet formula: "
            "the draft gives it a leading ' so a spreadsheet shows it as text"
        )
        out.append(str(DataError(message, path=path, row=i + 2, column=column)))
    if len(cells) > FORMULA_WARNINGS_SHOWN:
        more = len(cells) - FORMULA_WARNINGS_SHOWN
        out.append(str(DataError(f"{more} more cells start like a spreadsheet formula", path=path)))
    return out


def draft_path(story: str) -> Path:
    """Where ``--story SLUG`` puts its draft: ``data/raw/SLUG.draft.csv``, never over a file."""
    from turnout.stories import story_paths

    data, _ = story_paths(story)
    out = data.with_name(f"{story}.draft.csv")
    if out.exists():
        raise DataError(
            "already exists: a draft is never overwritten (review it, then delete or rename it)",
            path=out,
        )
    return out
