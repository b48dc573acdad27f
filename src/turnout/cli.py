"""The ``turnout`` command: clean a file, build the site.

    turnout clean data/raw/ice_out_2026.csv -o data/processed/ice_out_2026.csv
    turnout build [--force]

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


def _clean(args: argparse.Namespace) -> int:
    from turnout.clean import clean_events, read_raw, write_cleaned

    source, output = Path(args.input).resolve(), Path(args.output).resolve()
    if output in (source, source.with_name(source.stem + ".rejected.csv")) or source == (
        output.with_name(output.stem + ".rejected.csv")
    ):
        raise DataError("is the input file: raw data is never overwritten", path=args.output)
    raw = read_raw(args.input, format=args.format)
    cleaned = clean_events(raw)
    out, rejected = write_cleaned(cleaned, args.output)
    print(f"{len(cleaned.events)} clean, {len(cleaned.rejected)} rejected")
    if not args.quiet:
        print(f"wrote {out} and {rejected}", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    from turnout.site import build_site

    pages = build_site(force=args.force, timeout=args.timeout)
    ran = sum(p.executed for p in pages)
    where = pages[0].path.parent if pages else "site"
    noun = "page" if len(pages) == 1 else "pages"
    print(f"{len(pages)} {noun} in {where}: {ran} executed, {len(pages) - ran} unchanged")
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

    build = sub.add_parser("build", help="execute the notebooks; write site/ and figures/")
    build.add_argument("--force", action="store_true", help="re-execute every notebook")
    build.add_argument("--timeout", type=int, default=600, help="seconds allowed per notebook cell")
    build.set_defaults(func=_build)
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
    except KeyboardInterrupt:
        return 130


def _one_line(err: BaseException) -> str:
    """An error as the one line a reporter reads: the file first, then what is wrong."""
    if isinstance(err, OSError) and not isinstance(err, DataError):
        where = err.filename or ""
        what = err.strerror or type(err).__name__
        text = f"{where}: {what}" if where else f"{what}: {err}"
    else:
        text = str(err)
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
