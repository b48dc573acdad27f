"""The articles ``turnout draft`` is given: files, folders and manifests, read as a stream.

A manifest lists one article a line, the shape news scrapers and archives export:
a CSV (with a header) or JSON Lines (``.jsonl``, ``.ndjson``; one object a line)
with the fields

- ``path`` (the article's file, relative to the manifest's folder) or ``text``
  (the article's words themselves);
- ``published`` (``YYYY-MM-DD``), ``source`` (the outlet), ``url`` (its address);
  ``source_name`` and ``source_url`` are read as ``source`` and ``url``.

A field a line leaves empty takes the command's ``--published``, ``--source`` or
``--url``. Articles are numbered in the order given (folders sorted by name), and
nothing is read into memory before it is needed: a manifest of any size streams.
A bad line stops the draft with one line naming the manifest, its row and column.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "day.jsonl").write_text('{"text": "Hundreds marched in Denver.", '
...     '"published": "2026-01-31", "source": "AP"}\\n', encoding="utf-8")
>>> [(a.number, a.published, a.source) for a in read_articles([folder / "day.jsonl"])]
[(0, '2026-01-31', 'AP')]
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from turnout.errors import DataError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
CSV_SUFFIXES = (".csv",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_ALIASES = {"source_name": "source", "source_url": "url"}


@dataclass(frozen=True, slots=True)
class Article:
    """One article to draft: where its words are (a file, or the words themselves), its
    publication date, source and address, and where it was listed (for messages)."""

    number: int
    published: str
    source: str = ""
    url: str = ""
    path: str = ""
    text: str | None = None
    where: str = ""


def is_manifest(path: Path) -> bool:
    """Whether a file given to ``turnout draft`` lists articles rather than being one.

    >>> is_manifest(Path("day.csv")), is_manifest(Path("day.JSONL")), is_manifest(Path("a.txt"))
    (True, True, False)
    """
    return path.suffix.lower() in CSV_SUFFIXES + JSONL_SUFFIXES


def _date(value: str, *, path: object = None, row: int | None = None, column: str = "") -> str:
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        said = f"publication date {value!r} is not YYYY-MM-DD"
        raise DataError(said, path=path, row=row, column=column or None) from None


def _records(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """A manifest's lines as (row as a spreadsheet numbers it, fields)."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open(encoding="utf-8-sig") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise DataError(f"not a JSON object: {err.msg}", path=path, row=n) from None
                if not isinstance(obj, dict):
                    raise DataError("not a JSON object", path=path, row=n)
                yield n, {str(k): "" if v is None else str(v) for k, v in obj.items()}
        return
    # An article's text in a cell may be longer than the csv module's default limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames:
            raise DataError("is empty: a manifest needs a header", path=path)
        # Rows numbered as a spreadsheet shows them: the header is 1, a quoted line break
        # stays inside its row.
        row = 1
        try:
            for row, record in enumerate(reader, start=2):
                yield row, {k: v or "" for k, v in record.items() if k is not None}
        except csv.Error as err:
            raise DataError(f"not readable as CSV: {err}", path=path, row=row + 1) from None


def _from_manifest(path: Path, start: int, defaults: dict[str, str]) -> Iterator[Article]:
    number = start
    for row, fields in _records(path):
        for alias, name in _ALIASES.items():
            if not fields.get(name) and fields.get(alias):
                fields[name] = fields[alias]
        text = fields.get("text") or None
        where = fields.get("path", "").strip()
        if text is None and not where:
            raise DataError("no path and no text: one is needed", path=path, row=row)
        file = ""
        if text is None:
            file = str((path.parent / where) if not Path(where).is_absolute() else Path(where))
            if not Path(file).is_file():
                raise DataError(f"no such file: {where}", path=path, row=row, column="path")
        published = fields.get("published", "").strip() or defaults["published"]
        if not published:
            raise DataError(
                "no publication date (and no --published)", path=path, row=row, column="published"
            )
        column = "published" if fields.get("published", "").strip() else ""
        yield Article(
            number,
            _date(published, path=path, row=row, column=column),
            (fields.get("source") or defaults["source"]).strip(),
            (fields.get("url") or defaults["url"]).strip(),
            file,
            text,
            f"{path}, row {row}",
        )
        number += 1


def read_articles(
    items: Sequence[str | Path],
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Iterator[Article]:
    """The articles named, in order: files, the articles in folders (sorted by name), and
    the lines of manifests (CSV, JSON Lines), each numbered from 0.

    ``published`` is for articles that do not give their own; so are ``source`` and
    ``url``, for a single article file or a manifest's lines. Several article files
    (a folder) are left unnamed: one outlet is not every article's (:func:`several_files`).
    """
    defaults = {"published": published or "", "source": source or "", "url": url or ""}
    # One --source for a folder would credit every outlet's article to one of them.
    named = dict(defaults, source="", url="") if several_files(items) else defaults
    seen: set[Path] = set()
    number = 0
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise DataError("holds no .txt or .html articles", path=path)
        elif path.is_file():
            found = [path]
        else:
            raise DataError("no such file or folder", path=path)
        for file in found:
            if is_manifest(file):
                for article in _from_manifest(file, number, defaults):
                    yield article
                    number += 1
                continue
            if file in seen:  # a file named twice (itself and in its folder) is drafted once
                continue
            seen.add(file)
            if not defaults["published"]:
                raise DataError("no publication date: give --published YYYY-MM-DD", path=file)
            yield Article(
                number,
                _date(defaults["published"]),
                named["source"],
                named["url"],
                str(file),
                None,
            )
            number += 1


def story_articles(story: str | None = None) -> list[Path]:
    """A day's coverage filed with a story: ``data/raw/sources/SLUG/`` (a folder of articles)
    or ``data/raw/sources/SLUG.jsonl`` / ``.csv`` (a manifest); ``[]`` when there is none
    (a story's one article is ``SLUG.txt``, :func:`turnout.draft.text.story_article`).

    >>> story_articles("a-story-with-no-articles")
    []
    """
    from turnout import paths

    if story is None:
        return []
    sources = paths.raw_dir() / "sources"
    folder = sources / story
    # A manifest first: the folder beside it holds the files it names, with their sources.
    listed = [p for s in JSONL_SUFFIXES + CSV_SUFFIXES if (p := sources / f"{story}{s}").is_file()]
    if listed:
        return listed
    if folder.is_dir() and any(p.suffix.lower() in ARTICLE_SUFFIXES for p in folder.iterdir()):
        return [folder]
    return []


def several_files(items: Sequence[str | Path]) -> bool:
    """Whether the items hold more than one article file (manifests aside): then
    ``--source`` and ``--url`` name no article (a manifest gives each its own).

    >>> several_files([]), several_files(["day.jsonl"])
    (False, False)
    """
    files = {p.resolve() for p in listed_files(items) if not is_manifest(p)}
    return len(files) > 1


def listed_files(items: Sequence[str | Path]) -> list[Path]:
    """The files given and those in the folders given (articles and manifests), unread.

    >>> listed_files([])
    []
    """
    out: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            out.append(path)
    return out


def count_articles(items: Sequence[str | Path]) -> int | None:
    """How many articles the items hold, counted without reading any (for the progress bar);
    None when a manifest cannot be counted.

    >>> count_articles([])
    0
    """
    total = 0
    for item in items:
        path = Path(item)
        if path.is_dir():
            total += sum(1 for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            try:  # one article a line: count lines, parse nothing
                with path.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                return None
        elif is_manifest(path):
            try:
                total += sum(1 for _ in _records(path))
            except (DataError, OSError, UnicodeError):
                return None
        else:
            total += 1
    return total
