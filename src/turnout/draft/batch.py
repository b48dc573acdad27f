"""Many articles into one draft: streamed, drafted on every core or a Dask cluster, merged.

``turnout draft`` takes article files (``.txt``, ``.html``), folders of them and
manifests (:mod:`.manifest`). Drafting is a pure function of one article
(:func:`draft_article`), so articles go out in batches to worker processes
(``--jobs``, default every core) or to a Dask cluster (``--dask ADDRESS``, or
``--dask local`` for one on this machine), never more than a few batches at a
time: a manifest of any size streams through in bounded memory. Rows come back
in order and are merged into one row per gathering
across articles (:mod:`.spill`, :mod:`.merge`) in the order the articles were
given, so the same input gives the same bytes however it runs. A draft goes to a
story's ``data/raw/SLUG.draft.csv`` (never the story's own CSV, never over an
earlier draft), to a file, or to standard output.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from turnout.columns import RAW_COLUMNS
from turnout.draft.manifest import Article, read_articles
from turnout.errors import DataError

#: Articles sent to a worker at once: enough to keep it busy, few enough to stream.
BATCH = 16
#: Batches in flight per worker: the rest of the input waits unread.
AHEAD = 4

#: What a worker sends back: (article number, its rows, its bytes, an error or "").
Result = tuple[int, list[dict[str, str]], int, str]


def draft_article(article: Article) -> Result:
    """One article's draft rows (a pure function of the article), or the error that stops it.

    >>> from turnout.draft.manifest import Article
    >>> n, rows, size, error = draft_article(Article(0, "2015-11-27",
    ...     text="Hundreds of people marched through downtown Seattle on Friday."))
    >>> [(r["locality"], r["size_text"]) for r in rows], error
    ([('Seattle', 'Hundreds')], '')
    """
    from turnout.draft import draft_events
    from turnout.draft.text import read_article

    try:
        text = article.text if article.text is not None else read_article(article.path)
        table = draft_events(
            text,
            published=article.published,
            source_name=article.source or None,
            source_url=article.url or None,
        )
    except (DataError, OSError, UnicodeError) as err:
        # An error crosses back as its one line: a worker's exception may not unpickle.
        from turnout.errors import one_line

        line = one_line(err)
        return article.number, [], 0, f"{article.where}: {line}" if article.where else line
    size = len(text.encode("utf-8"))
    return article.number, table.to_dict("records"), size, ""


def draft_batch(articles: list[Article]) -> list[Result]:
    """A batch of articles drafted one after another (what a worker runs)."""
    return [draft_article(a) for a in articles]


def _batches(articles: Iterable[Article], size: int = BATCH) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_here(batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
    """Batches drafted in this process, in order."""
    for batch in batches:
        yield draft_batch(batch)


def run_processes(batches: Iterable[list[Article]], jobs: int) -> Iterator[list[Result]]:
    """Batches drafted by ``jobs`` worker processes, in order, a few in flight (the rows
    then spill in input order, which lets a huge gathering merge a source at a time)."""
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: deque[Any] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(draft_batch, batch))
            if len(pending) >= jobs * AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        # A draft stopped by a bad article does not wait for the batches queued after it.
        pool.shutdown(wait=True, cancel_futures=True)


def dask_client(address: str, workers: int) -> Any:
    """A Dask client: of the scheduler at ``address``, or of a local cluster of ``workers``
    processes for ``"local"``. Needs the optional extra (``pip install turnout[dask]``)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DataError(
            "--dask needs Dask's distributed scheduler: pip install 'turnout[dask]'"
        ) from None
    if address == "local":
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster)
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as err:
        raise DataError(f"no Dask scheduler at {address}: {err}") from None


def run_dask(
    batches: Iterable[list[Article]], address: str, workers: int
) -> Iterator[list[Result]]:
    """Batches drafted on a Dask cluster, in order, a few per worker in flight."""
    client = dask_client(address, workers)
    try:
        ahead = max(1, len(client.scheduler_info().get("workers", {})) or workers) * AHEAD
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(client.submit(draft_batch, batch, pure=False))
            if len(pending) >= ahead:
                future = pending.popleft()
                yield future.result()
                future.release()
        while pending:
            future = pending.popleft()
            yield future.result()
            future.release()
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and address == "local":
            cluster.close()


@dataclass
class Tally:
    """What a draft has done so far: articles, bytes read, rows found, seconds taken."""

    articles: int = 0
    size: int = 0
    rows: int = 0
    seconds: float = 0.0


def draft_stream(
    articles: Iterable[Article],
    *,
    jobs: int | None = None,
    dask: str | None = None,
    progress: Callable[[Tally], None] | None = None,
    tally: Tally | None = None,
) -> Iterator[dict[str, str]]:
    """One row per gathering across ``articles``, in the order they were given.

    The articles are drafted in this process (``jobs=1``), in ``jobs`` worker
    processes (default: every core), or on the Dask cluster at ``dask``; the rows
    are the same either way. ``tally`` (if given) counts as the draft goes, and
    ``progress`` is called with it after each batch.

    >>> from turnout.draft.manifest import Article
    >>> day = [Article(0, "2026-02-01", "AP", text="About 4,000 rallied in Denver on Saturday."),
    ...        Article(1, "2026-02-01", "NPR", text="Hundreds rallied in Denver on Saturday.")]
    >>> [(r["locality"], r["size_text"]) for r in draft_stream(day, jobs=1)]
    [('Denver', 'About 4,000; Hundreds')]
    """
    from turnout.draft.spill import MergedRows

    jobs = jobs or os.cpu_count() or 1
    batches = _batches(articles)
    if dask:
        results = run_dask(batches, dask, jobs)
    elif jobs == 1:
        results = run_here(batches)
    else:
        results = run_processes(batches, jobs)
    rows = MergedRows()
    tally = tally if tally is not None else Tally()
    start = time.perf_counter()
    try:
        for batch in results:
            for *_, error in batch:
                if error:
                    raise DataError(error)
            for number, found, size, _ in batch:
                rows.add(number, found)
                tally.articles += 1
                tally.size += size
                tally.rows += len(found)
            tally.seconds = time.perf_counter() - start
            if progress is not None:
                progress(tally)
    except BaseException:
        rows.close()
        close = getattr(results, "close", None)
        if close is not None:
            close()
        raise
    yield from rows.merged()


def progress_bar(total: int | None, *, stream: TextIO | None = None) -> Any:
    """A progress bar on standard error: articles done (of ``total``), rows found, the rate
    in articles and KB a second. Returns the callback :func:`draft_stream` takes; call
    its ``close()`` at the end."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc="drafting", unit=" articles", file=stream or sys.stderr)

    def update(tally: Tally) -> None:
        bar.update(tally.articles - bar.n)
        kb = tally.size / 1000 / tally.seconds if tally.seconds else 0.0
        bar.set_postfix_str(f"{tally.rows:,} rows, {kb:,.0f} KB/s", refresh=False)

    update.close = bar.close  # type: ignore[attr-defined]
    return update


def write_csv(
    rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str] = RAW_COLUMNS
) -> int:
    """The draft as CSV in the story format (UTF-8, quoted where needed), row by row;
    returns the number of rows.

    >>> buffer = io.StringIO()
    >>> write_csv([{"date": "2026-01-31", "locality": "Denver"}], buffer, ["date", "locality"])
    1
    >>> buffer.getvalue()
    'date,locality\\n2026-01-31,Denver\\n'
    """
    rows = iter(rows)
    # The first row first: a draft that stops on a bad article writes not even the header.
    first = next(rows, None)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in itertools.chain([first] if first is not None else [], rows):
        writer.writerow(["" if row.get(c) is None else row.get(c, "") for c in columns])
        n += 1
    return n


def save_draft(
    rows: Iterable[dict[str, Any]],
    out: Path | None,
    stdout: TextIO,
    columns: Sequence[str] = RAW_COLUMNS,
) -> tuple[int, int]:
    """Write the draft as it streams: to ``out`` (through a temporary file renamed at the
    end, so a draft that stops half way leaves nothing) or to ``stdout``. Returns the rows
    written and how many have no crowd size."""
    empty = 0

    def counted(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        nonlocal empty
        for row in rows:
            empty += not str(row.get("size_text") or "").strip()
            yield row

    if out is None:
        return write_csv(counted(rows), stdout, columns), empty
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as f:
            n = write_csv(counted(rows), f, columns)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return n, empty


def draft_files(
    paths: Sequence[Path],
    *,
    published: str,
    source_name: str | None = None,
    source_url: str | None = None,
    jobs: int | None = None,
    dask: str | None = None,
) -> Any:
    """One draft table for several articles (files, folders, manifests): one row per
    gathering across them."""
    import pandas as pd

    articles = read_articles(paths, published=published, source=source_name, url=source_url)
    rows = list(draft_stream(articles, jobs=jobs, dask=dask))
    return pd.DataFrame(rows, columns=RAW_COLUMNS, dtype="object")


def draft_csv(rows: Any) -> str:
    """The draft as CSV text in the story format (UTF-8, quoted where needed), with an
    empty ``checked`` column last: cleaning uses a row only once a person has put their
    initials there (:data:`turnout.columns.CHECKED`).

    A reporter opens it in a spreadsheet, so a cell copied from an article that a
    spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+900 people``) gets a
    leading ``'`` (OWASP's rule, :func:`turnout.formulas.neutralise`);
    :func:`draft_warnings` names each.

    >>> import pandas as pd
    >>> draft_csv(pd.DataFrame({"date": ["2026-05-01"], "locality": ["Boise"]})).splitlines()
    ['date,locality,checked', '2026-05-01,Boise,']
    >>> print(draft_csv(pd.DataFrame({"size_text": ["=HYPERLINK(1)", "-21", "+900 people"]})))
    size_text,checked
    '=HYPERLINK(1),
    -21,
    '+900 people,
    <BLANKLINE>
    """
    from turnout.columns import CHECKED
    from turnout.formulas import neutralise

    if CHECKED not in rows:
        rows = rows.assign(**{CHECKED: ""})
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
    said: list[str] = []
    for _ in defused(rows.to_dict("records"), said, path=path):
        pass  # the rows as draft_csv writes them; only what was said is wanted here
    return said


def defused(rows: Iterable[dict[str, Any]], warnings: list[str], *, path: object = None
            ) -> Iterator[dict[str, Any]]:  # fmt: skip
    """The rows as they stream, each text cell a spreadsheet would run as a formula given a
    leading ``'`` (:func:`draft_csv`'s rule); one line per cell is added to ``warnings``
    (the first ten, then how many more); :func:`draft_warnings` is the same for a table.

    >>> said = []
    >>> list(defused([{"size_text": "+900 people"}, {"size_text": "-21"}], said))
    [{'size_text': "'+900 people"}, {'size_text': '-21'}]
    >>> said
    ["row 2, column 'size_text': '+900 people' starts like a spreadsheet formula: \
the draft gives it a leading ' so a spreadsheet shows it as text"]
    """
    from turnout.clean import FORMULA_WARNINGS_SHOWN
    from turnout.errors import quote
    from turnout.formulas import formula_like

    more = 0
    for i, row in enumerate(rows):
        out = dict(row)
        for column, value in row.items():
            if not formula_like(value):
                continue
            out[column] = f"'{value}"
            if len(warnings) < FORMULA_WARNINGS_SHOWN:
                message = (
                    f"{quote(value)} starts like a spreadsheet formula: "
                    "the draft gives it a leading ' so a spreadsheet shows it as text"
                )
                warnings.append(str(DataError(message, path=path, row=i + 2, column=column)))
            else:
                more += 1
        yield out
    if more:
        warnings.append(
            str(DataError(f"{more} more cells start like a spreadsheet formula", path=path))
        )


def draft_path(story: str, *, force: bool = False) -> Path:
    """Where ``--story SLUG`` puts its draft: ``data/raw/SLUG.draft.csv``, never over a file
    (unless ``force``)."""
    from turnout.stories import story_paths

    data, _ = story_paths(story)
    out = data.with_name(f"{story}.draft.csv")
    if out.exists() and not force:
        raise DataError(
            "already exists: a draft is never overwritten (review it, then delete or rename it, "
            "or add --force to draft it again)",
            path=out,
        )
    return out
