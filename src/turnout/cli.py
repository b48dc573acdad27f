"""The ``turnout`` command: clean a file, build the site, start a story, fetch weather.

    turnout clean data/raw/ice_out_2026.csv -o data/processed/ice_out_2026.csv
    turnout build [--force] [--story SLUG]     (cleans the story's data first, when it changed)
    turnout new SLUG --title "..." --source "..."
    turnout draft ARTICLE --published 2026-02-03 [--story SLUG | -o OUT.csv]
    turnout weather fetch --start 2026-01-23 --end 2026-02-02

Bad input files give a one-line error naming file, row and column and exit
status 2, never a traceback; so do files that cannot be read or written.
``turnout --debug ...`` shows the traceback instead, for a bug report.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from turnout.errors import DataError
from turnout.errors import one_line as _one_line


def _clean(args: argparse.Namespace) -> int:
    from turnout.dataset import clean_file

    report = clean_file(args.input, args.output, format=args.format)
    print(report.summary)
    for line in [] if args.quiet else report.details():
        print(line, file=sys.stderr)
    for line in report.warnings():
        print(line, file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    from turnout.publisher import build_story

    pages = build_story(args.story, force=args.force, timeout=args.timeout)
    ran = sum(p.executed for p in pages)
    where = pages[0].path.parent if pages else "site"
    noun = "page" if len(pages) == 1 else "pages"
    print(f"{len(pages)} {noun} in {where}: {ran} executed, {len(pages) - ran} unchanged")
    return 0


def _new(args: argparse.Namespace) -> int:
    from turnout.paths import display_path
    from turnout.stories import new_story

    data, codebook = new_story(args.slug, title=args.title, source=args.source)
    print(f"wrote {display_path(data)} (the header, no rows)")
    print(f"wrote {display_path(codebook)} (its codebook and settings)")
    print(
        f"next: one row per protest in {data.name}, the settings at the top of {codebook.name}, "
        f"then `turnout build --story {args.slug}`"
    )
    return 0


def _draft(args: argparse.Namespace) -> int:
    from turnout.draft import _as_date
    from turnout.draft.batch import (
        article_paths,
        draft_csv,
        draft_files,
        draft_path,
        draft_warnings,
    )
    from turnout.paths import atomic_write, display_path

    published = _as_date(args.published).isoformat()
    articles = article_paths(args.articles)
    out = draft_path(args.story) if args.story else (Path(args.output) if args.output else None)
    if out is not None and out.resolve() in {a.resolve() for a in articles}:
        raise DataError("is an article: an article is never overwritten", path=out)
    rows = draft_files(
        articles,
        published=published,
        source_name=args.source,
        source_url=args.url,
        progress=not args.quiet and len(articles) > 1,
    )
    if rows.empty:  # an article with words that drafts nothing says why, never silence
        from turnout.draft.text import read_article
        from turnout.draft.why_empty import why_no_rows

        for article in articles:
            why = why_no_rows(read_article(article), _as_date(published))
            print(f"turnout: warning: {article}: 0 draft rows: {why}", file=sys.stderr)
    text = draft_csv(rows)
    for line in draft_warnings(rows, path=out):  # cells defused for the spreadsheet
        print(f"turnout: warning: {line}", file=sys.stderr)
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(out, text)
    empty = int((rows["size_text"] == "").sum())
    print(
        f"{len(rows)} draft rows from {len(articles)} article(s), {empty} without a crowd size"
        + (f"; wrote {display_path(out)}" if out else ""),
        file=sys.stderr,
    )
    return 0


def _weather_fetch(args: argparse.Namespace) -> int:
    from turnout.weather import NCEI_URL, STATIONS, download_daily_summaries

    # "--stations A B" and "--stations A,B" both work: NCEI's own query is comma-separated.
    given = [s for arg in args.stations or [] for s in arg.split(",") if s.strip()]
    stations = given or sorted(set(STATIONS.values()))
    daily = download_daily_summaries(
        stations,
        args.start,
        args.end,
        args.out,
        base_url=args.base_url or NCEI_URL,
        timeout=args.timeout,
        refresh=args.refresh,
    )
    got = daily["station"].nunique()
    print(f"{len(daily)} daily records from {got} of {len(stations)} stations")
    if not args.quiet:
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="turnout", description="Sourced protest-event data and newsroom charts."
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback of an error (for bug reports)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    clean = sub.add_parser("clean", help="clean a raw events CSV (turnout or CCC format)")
    clean.add_argument("input", help="raw events CSV")
    clean.add_argument("-o", "--output", required=True, help="where to write the clean CSV")
    clean.add_argument(
        "--format",
        choices=["auto", "turnout", "ccc"],
        default="auto",
        help="input format (default: detect from the header)",
    )
    clean.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    clean.set_defaults(func=_clean)

    build = sub.add_parser(
        "build",
        help="clean the story's data, execute the notebooks; write site/ and figures/",
    )
    build.add_argument("--force", action="store_true", help="re-execute every notebook")
    build.add_argument("--timeout", type=int, default=600, help="seconds allowed per notebook cell")
    build.add_argument(
        "--story",
        metavar="SLUG",
        help="build another story (made by `turnout new`) into site/SLUG/ and figures/SLUG/ "
        "(its data cleaned into data/processed/SLUG.csv first)",
    )
    build.set_defaults(func=_build)

    new = sub.add_parser(
        "new", help="start a story: data/raw/SLUG.csv (header only) and data/raw/SLUG.md"
    )
    new.add_argument("slug", help="the story's name: lowercase letters, digits, hyphens")
    new.add_argument("--title", required=True, help="the story's title")
    new.add_argument("--source", required=True, help="where its events come from")
    new.set_defaults(func=_new)

    draft = sub.add_parser("draft", help="draft a story's rows from articles, for review")
    draft.add_argument("articles", nargs="+", metavar="ARTICLE", help=".txt/.html files or folders")
    draft.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    draft.add_argument("--source", help="the outlet, for source_name")
    draft.add_argument("--url", help="the article's address, for source_url")
    where = draft.add_mutually_exclusive_group()
    where.add_argument("--story", metavar="SLUG", help="write data/raw/SLUG.draft.csv")
    where.add_argument("-o", "--output", help="write this CSV (default: standard output)")
    draft.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    draft.set_defaults(func=_draft)

    from turnout import paths

    weather = sub.add_parser("weather", help="observed weather from NOAA (fetched only when asked)")
    weather_sub = weather.add_subparsers(dest="weather_command", required=True)
    fetch = weather_sub.add_parser(
        "fetch", help="fetch NOAA daily summaries (TMAX, TMIN, TAVG) and save NCEI's CSV"
    )
    fetch.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
    fetch.add_argument("--end", required=True, help="last day, YYYY-MM-DD (inclusive)")
    fetch.add_argument(
        "--stations",
        nargs="+",
        metavar="ID",
        help="GHCN-Daily station IDs (default: turnout.weather.STATIONS, the seed's ten cities)",
    )
    fetch.add_argument(
        "-o", "--out", default=str(paths.weather_path()), help="where to save the CSV"
    )
    fetch.add_argument("--base-url", default=None, help="the data service (default: NCEI's)")
    fetch.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for NCEI")
    fetch.add_argument(
        "--refresh", action="store_true", help="ask NCEI again even if this query is cached"
    )
    fetch.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    fetch.set_defaults(func=_weather_fetch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``turnout`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (DataError, OSError, UnicodeError) as err:
        if args.debug:
            raise
        print(f"turnout: error: {_one_line(err)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # a build publishes all at once, or nothing
        print("turnout: interrupted: nothing published", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
