"""The ``turnout`` command: clean a file, build the site, start a story, fetch weather.

    turnout clean data/raw/ice_out_2026.csv -o data/processed/ice_out_2026.csv
    turnout build [--force] [--strict] [--story SLUG]   (cleans the story's data first)
    turnout new SLUG --title "..." --source "..."
    turnout draft ARTICLE... [--published 2026-02-03] [--jobs N | --dask ADDRESS]
                  [--story SLUG | -o OUT.csv] [--force]   (files, folders, manifests)
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
    return _build_summary(args.story, strict=args.strict)


def _build_summary(story: str | None, *, strict: bool) -> int:
    """The story's summary, last (stderr); with ``--strict``, status 1 on any rejected row
    or warning."""
    from turnout.publisher.summary import story_summary
    from turnout.stories import DEFAULT_STORY

    summary = story_summary(story or DEFAULT_STORY)
    if summary is None:
        return 0
    for line in summary.lines():
        print(line, file=sys.stderr)
    if strict and summary.problems:
        n, w = len(summary.rejected), len(summary.warnings)
        print(
            f"turnout: error: --strict: {n} rejected row{'' if n == 1 else 's'} and "
            f"{w} warning{'' if w == 1 else 's'} (listed above)",
            file=sys.stderr,
        )
        return 1
    return 0


def _new(args: argparse.Namespace) -> int:
    from turnout.paths import display_path
    from turnout.stories import new_story

    data, codebook = new_story(args.slug, title=args.title, source=args.source)
    print(f"wrote {display_path(data)} (the header, no rows)")
    print(f"wrote {display_path(codebook)} (its codebook and settings)")
    print(
        f"next: one row per protest in {data.name} (type them, or draft them from the article "
        f"with `turnout draft ARTICLE --published YYYY-MM-DD --story {args.slug}`), the "
        f"settings at the top of {codebook.name}, then `turnout build --story {args.slug}`"
    )
    return 0


def _draft(args: argparse.Namespace) -> int:
    from turnout.columns import CHECKED, RAW_COLUMNS
    from turnout.draft import _as_date
    from turnout.draft.batch import Tally, defused, draft_stream, progress_bar, save_draft
    from turnout.draft.manifest import (
        count_articles,
        is_manifest,
        listed_files,
        read_articles,
        several_files,
    )
    from turnout.paths import display_path

    published = _as_date(args.published).isoformat() if args.published else None
    files = listed_files(args.articles)
    if (args.source or args.url) and several_files(args.articles):
        # One outlet named for a folder would credit every article to it.
        print(
            "--source names one outlet: give a manifest with each article's source "
            "(the articles are left unnamed)",
            file=sys.stderr,
        )
    out = _draft_output(args, files)
    articles = read_articles(args.articles, published=published, source=args.source, url=args.url)
    total = count_articles(args.articles)
    bar = progress_bar(total) if not args.quiet and total != 1 else None
    tally = Tally()
    formulas: list[str] = []
    try:
        rows = draft_stream(articles, jobs=args.jobs, dask=args.dask, progress=bar, tally=tally)
        # Cells a spreadsheet would run get a leading ' (named below); a draft ends with an
        # empty `checked` column: no row is used until a person has checked it.
        rows = defused(rows, formulas, path=out)
        written, empty = save_draft(rows, out, sys.stdout, columns=[*RAW_COLUMNS, CHECKED])
    finally:
        if bar is not None:
            bar.close()
    for line in formulas:
        print(f"turnout: warning: {line}", file=sys.stderr)
    if written == 0:  # an article with words that drafts nothing says why, never silence
        from turnout.draft.text import read_article
        from turnout.draft.why_empty import why_no_rows

        for file in files:
            if not is_manifest(file) and published:
                why = why_no_rows(read_article(file), _as_date(published))
                print(f"turnout: warning: {file}: 0 draft rows: {why}", file=sys.stderr)
    print(
        f"{written} draft rows from {tally.articles} article(s), {empty} without a crowd size"
        + (f"; wrote {display_path(out)}" if out else ""),
        file=sys.stderr,
    )
    if args.story and out is not None:
        _file_with_story(args, files, published, out)
    return 0


def _draft_output(args: argparse.Namespace, articles: Sequence[Path]) -> Path | None:
    """Where the draft goes: ``--story``'s draft file (the story must exist), ``-o FILE``
    (never an existing file, a story's CSV or codebook, unless ``--force``; never an
    article), or None for standard output."""
    from turnout.draft.batch import draft_path

    if args.story:
        from turnout.stories import read_story

        read_story(args.story)  # an unknown slug names the nearest story
        out = draft_path(args.story, force=args.force)
    elif args.output:
        out = Path(args.output)
    else:
        return None
    if out.resolve() in {a.resolve() for a in articles}:
        raise DataError("is an article: an article is never overwritten", path=out)
    if not args.story and out.exists() and not args.force:
        raise DataError(
            "already exists: `turnout draft -o` never replaces a file (a story's CSV, its "
            "codebook); write the draft elsewhere, or add --force",
            path=out,
        )
    return out


def _file_with_story(
    args: argparse.Namespace, articles: Sequence[Path], published: str | None, out: Path
) -> None:
    """``--story``: file the article under ``data/raw/sources/``, record its date, outlet
    and address in the story's settings where empty, and write the review page beside
    the draft (outside ``site/``: never published). One line for each."""
    from turnout.draft.filing import file_article, record_article
    from turnout.paths import atomic_write, display_path
    from turnout.stories import story_paths

    def say(line: str) -> None:
        print(line, file=sys.stderr)

    from turnout.draft.manifest import is_manifest, several_files

    # A folder's articles are not one outlet's: --source names none of them.
    outlet, url = (None, None) if several_files(args.articles) else (args.source, args.url)
    values = {"published": published, "outlet": outlet, "url": url, "source": outlet}
    filled = record_article(args.story, values)
    if filled:
        say(f"recorded {', '.join(filled)} in {display_path(story_paths(args.story)[1])}")
    if len(articles) != 1 or is_manifest(articles[0]):
        from turnout.draft.filing import file_coverage

        written = file_coverage(args.story, [Path(a) for a in args.articles])
        copied = [p for p in written if not is_manifest(p)]
        if copied:  # one line however many articles: a day's coverage may be hundreds
            n = len(copied)
            say(f"filed {n} article{'s' if n != 1 else ''} in {display_path(copied[0].parent)}/")
        for path in written:
            if is_manifest(path):
                say(f"filed the manifest as {display_path(path)}")
        say(
            f"review the merged draft in notebook 00 with story = {args.story!r} "
            "(it reads the articles filed under data/raw/sources/)"
        )
        return
    filed, filed_now = file_article(args.story, articles[0])
    if filed_now:
        say(f"filed the article as {display_path(filed)}")
    from turnout.draft.review import draft_review, review_page
    from turnout.draft.text import read_article

    data = story_paths(args.story)[0]
    story_rows = None
    if data.is_file():
        from turnout.clean import read_events

        story_rows = read_events(data)
    assert published is not None  # one article file drafts only with --published
    review = draft_review(
        read_article(filed),
        published=published,
        source_name=args.source,
        source_url=args.url,
        story_rows=story_rows,
    )
    page = out.with_suffix(".html")
    note = (
        f"Check each row against the article, then keep the rows you checked in {data.name} "
        f"(with the draft's header line) and your initials in their checked column: "
        "the build uses no row without them. This page is never published."
    )
    atomic_write(page, review_page(review, title=f"Draft of {args.story}", note=note))
    say(f"review the draft in {display_path(page)} (a page of its own; not published)")


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


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return n


_Commands = argparse._SubParsersAction  # (argparse's type for a parser's subcommands)


def build_parser() -> argparse.ArgumentParser:
    """The ``turnout`` command's parser: one subcommand per task.

    >>> build_parser().parse_args(["clean", "raw.csv", "-o", "clean.csv"]).format
    'auto'
    """
    parser = argparse.ArgumentParser(
        prog="turnout", description="Sourced protest-event data and newsroom charts."
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback of an error (for bug reports)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_add_clean, _add_build, _add_new, _add_draft, _add_weather):
        add(sub)
    return parser


def _add_clean(sub: _Commands[argparse.ArgumentParser]) -> None:
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


def _add_build(sub: _Commands[argparse.ArgumentParser]) -> None:
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
    build.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 on any rejected row or warning (for a desk's CI)",
    )
    build.set_defaults(func=_build)


def _add_new(sub: _Commands[argparse.ArgumentParser]) -> None:
    new = sub.add_parser(
        "new", help="start a story: data/raw/SLUG.csv (header only) and data/raw/SLUG.md"
    )
    new.add_argument("slug", help="the story's name: lowercase letters, digits, hyphens")
    new.add_argument("--title", required=True, help="the story's title")
    new.add_argument("--source", required=True, help="where its events come from")
    new.set_defaults(func=_new)


def _add_draft(sub: _Commands[argparse.ArgumentParser]) -> None:
    draft = sub.add_parser("draft", help="draft a story's rows from articles, for review")
    draft.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help=".txt/.html files, folders of them, or manifests (.csv, .jsonl: one article a line)",
    )
    draft.add_argument(
        "--published", help="publication date, YYYY-MM-DD (for articles without their own)"
    )
    draft.add_argument("--source", help="the outlet, for source_name (likewise)")
    draft.add_argument("--url", help="the article's address, for source_url (likewise)")
    draft.add_argument(
        "--jobs", type=_positive, default=None, help="worker processes (default: every core)"
    )
    draft.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="draft on the Dask scheduler at ADDRESS, or 'local' for a cluster on this machine "
        "(pip install 'turnout[dask]')",
    )
    where = draft.add_mutually_exclusive_group()
    where.add_argument(
        "--story",
        metavar="SLUG",
        help="write data/raw/SLUG.draft.csv and its review page, file the article under "
        "data/raw/sources/, fill the story's empty article settings",
    )
    where.add_argument(
        "-o", "--output", help="write this CSV, never over a file (default: standard output)"
    )
    draft.add_argument(
        "--force", action="store_true", help="replace the file -o or --story would write"
    )
    draft.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    draft.set_defaults(func=_draft)


def _add_weather(sub: _Commands[argparse.ArgumentParser]) -> None:
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
