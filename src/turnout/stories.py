"""Stories: one data file and one codebook per story, the codebook holding its settings.

A story named SLUG is two files in ``data/raw/``: ``SLUG.csv`` (the events, in
turnout's raw format) and ``SLUG.md`` (its codebook). The codebook opens with a
block of settings between ``---`` lines (YAML front matter), the one place a
reporter edits a story's parameters::

    ---
    title: Anti-ICE solidarity spreads
    source: Martha Grevatt, "Anti-ICE solidarity spreads!", Workers World, Feb. 3, 2026
    start: 2026-01-23      # empty: the data's first day
    end: 2026-02-02        # empty: the data's last day
    cities: []             # empty: every city
    marked_days:           # days shaded and labelled on the timeline
      2026-01-30: Nationwide strike
    about: The story's events come from ...
    ---

``turnout new SLUG`` writes both files; ``turnout build --story SLUG`` reads
the settings with :func:`read_story`, and the notebooks (parameter ``story``)
open a story's settings and data in one call, :func:`open_story`.
The default story is the bundled seed, ``ice_out_2026``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from turnout import paths
from turnout.errors import DataError, quote

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The story ``turnout build`` builds into ``site/`` and ``figures/`` themselves.
DEFAULT_STORY = Path(paths.SEED_NAME).stem
# A name `turnout new` accepts: lowercase letters and digits, words joined by hyphens.
_NEW_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A story that exists may also use underscores (the seed is ice_out_2026).
_ANY_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_SETTINGS = (
    "title",
    "source",
    "start",
    "end",
    "cities",
    "marked_days",
    "about",
    "published",
    "outlet",
    "url",
)
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$", re.DOTALL | re.MULTILINE)
# The opening line alone: a block that never closes is an error, not "no settings".
_OPENS = re.compile(r"\A---[ \t]*\r?$", re.MULTILINE)


@dataclass(frozen=True)
class Story:
    """A story's settings: where its data is, its period, cities and highlighted days.

    ``start``/``end`` are ``YYYY-MM-DD`` or None (the data's first or last day);
    ``cities`` is None for every city; ``marked_days`` maps ``YYYY-MM-DD`` to a label.
    """

    slug: str | None
    data_path: str | None
    title: str = ""
    source: str = ""
    about: str = ""
    start: str | None = None
    end: str | None = None
    cities: list[str] | None = None
    marked_days: dict[str, str] = field(default_factory=dict)
    #: The article the story is drafted from (``turnout draft --story`` records them where
    #: empty): its publication date ``YYYY-MM-DD``, the outlet's name, its address.
    published: str | None = None
    outlet: str = ""
    url: str = ""
    #: Where its charts go: None is ``figures/`` (the default story); another story's
    #: is ``figures/SLUG/``, so its charts never overwrite the default's. Only ``turnout
    #: build`` writes there; any other run drafts under ``figures/scratch/``
    #: (:func:`turnout.publish.draft_folder`).
    figures_dir: str | None = None

    def select(self, events: Any) -> Any:
        """The story's events: its period and cities (``select_events``).

        >>> import turnout
        >>> len(read_story().select(turnout.load_events()))
        18
        """
        from turnout.select import select_events

        return select_events(events, start=self.start, end=self.end, cities=self.cities)

    def cities_in_data(self, events: Any) -> int | None:
        """How many cities the story's period holds before its ``cities`` filter; None
        without one (the charts then cover every city and need not say so).

        >>> import turnout
        >>> read_story(cities=["Seattle", "Denver"]).cities_in_data(turnout.load_events())
        10
        >>> read_story().cities_in_data(turnout.load_events()) is None
        True
        """
        from turnout.select import select_events

        if not self.cities:
            return None
        period = select_events(events, start=self.start, end=self.end)
        return len(period.drop_duplicates(["city", "state_code"]))


def check_slug(slug: str) -> str:
    """A new story's name, checked: lowercase letters, digits and hyphens (``may-day-2026``).

    >>> check_slug("may-day-2026")
    'may-day-2026'
    >>> check_slug("May Day")
    Traceback (most recent call last):
    ...
    turnout.errors.DataError: story name 'May Day' must be lowercase letters, digits and \
hyphens, like 'may-day-2026'
    """
    if not _NEW_SLUG.fullmatch(slug or ""):
        raise DataError(
            f"story name {slug!r} must be lowercase letters, digits and hyphens, "
            "like 'may-day-2026'"
        )
    _refuse_reserved(slug)
    return slug


#: Names of turnout's own folders: a story so named would publish into one of them
#: (``figures/scratch/`` is where notebook drafts land, and they would overwrite it).
RESERVED_SLUGS = frozenset({"scratch", "data", "figures", "site", "notebooks", "raw", "processed"})


def _refuse_reserved(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        why = (
            "figures/scratch/ is where notebook drafts land"
            if slug == "scratch"
            else "it names one of turnout's own folders"
        )
        raise DataError(f"story name {slug!r} is reserved: {why}; choose another name")


def story_paths(slug: str) -> tuple[Path, Path]:
    """A story's data file and codebook: ``data/raw/SLUG.csv`` and ``data/raw/SLUG.md``.

    >>> [p.name for p in story_paths("may-day-2026")]
    ['may-day-2026.csv', 'may-day-2026.md']
    """
    if not _ANY_SLUG.fullmatch(slug or ""):
        raise DataError(f"{slug!r} is not a story name (lowercase letters, digits, hyphens)")
    _refuse_reserved(slug)
    return paths.raw_dir() / f"{slug}.csv", paths.raw_dir() / f"{slug}.md"


def read_story(
    story: str | None = None,
    *,
    data_path: str | os.PathLike | None = None,
    start: Any = None,
    end: Any = None,
    cities: list[str] | None = None,
    marked_days: dict[Any, str] | None = None,
    figures_dir: str | os.PathLike | None = None,
) -> Story:
    """A story's settings from its codebook, with any keyword given taking precedence.

    ``story`` is a slug (``data/raw/SLUG.md``); None means the default story,
    unless ``data_path`` names another file: then there is no codebook and
    every setting comes from the data (the whole period, every city, no
    highlighted days).

    >>> s = read_story()
    >>> s.start, s.end, sorted(s.marked_days)
    ('2026-01-23', '2026-02-02', ['2026-01-23', '2026-01-30'])
    >>> read_story(start="2026-01-30").start
    '2026-01-30'
    >>> read_story().figures_dir is None  # the default story's charts go to figures/
    True
    """
    if story is None and data_path is not None:
        base = Story(slug=None, data_path=str(data_path))
    else:
        base = _from_codebook(story or DEFAULT_STORY)
    given = {
        "data_path": None if data_path is None else str(data_path),
        "start": _day(start, "start"),
        "end": _day(end, "end"),
        "cities": _cities(cities, "cities"),
        "marked_days": _marked(marked_days, "marked_days"),
        "figures_dir": None if figures_dir is None else str(figures_dir),
    }
    chosen: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    return replace(base, **chosen)


class StoryData(NamedTuple):
    """A story opened for a notebook or a script (:func:`open_story`)."""

    #: Its settings (:class:`Story`), keywords given applied.
    settings: Story
    #: Every usable event in its data file.
    all_events: pd.DataFrame
    #: The events it charts: its period and cities (``settings.select(all_events)``).
    events: pd.DataFrame
    #: The rows that could not be used, each with its ``reason``.
    rejected: pd.DataFrame


def open_story(
    story: str | None = None, *, data_format: str = "auto", **overrides: Any
) -> StoryData:
    """A story's settings and data in one call: what every notebook starts with.

    ``overrides`` are :func:`read_story`'s keywords (``data_path``, ``start``,
    ``end``, ``cities``, ``marked_days``, ``figures_dir``), taking precedence
    over the story's codebook; ``data_format`` is ``load_events``' ``format``.
    Rejected rows are returned, never dropped, and announced with a
    :class:`turnout.RejectedRowsWarning` (``turnout.show.reported_warnings``
    shows it to a page's reader as a note).

    >>> settings, all_events, events, rejected = open_story(start="2026-01-30")
    >>> len(all_events), len(events), len(rejected), settings.start
    (18, 13, 0, '2026-01-30')
    """
    from turnout.clean import load_cleaned

    settings = read_story(story, **overrides)
    said = parameters_differ(overrides)
    # A notebook run by hand or by papermill; not a script, nor the build (its own choice).
    if said and _in_kernel() and os.environ.get(_BUILD_ENV) != "1":
        import warnings

        warnings.warn(said, stacklevel=2)  # reported_warnings puts it under the cell
    cleaned = load_cleaned(settings.data_path, format=data_format, stacklevel=3)
    return StoryData(settings, cleaned.events, settings.select(cleaned.events), cleaned.rejected)


#: A notebook's story parameters as committed: None, the story's codebook decides. The build
#: injects these (turnout.publisher.parameters), so only a run outside it can differ.
#: Set in each kernel by `turnout build` (:data:`turnout.publish.BUILD_ENV`, a layer above).
_BUILD_ENV = "TURNOUT_BUILD"
_COMMITTED = ("data_path", "start", "end", "cities", "marked_days", "weather_path")


def parameters_differ(given: dict[str, Any]) -> str:
    """One line when a notebook runs with story parameters other than the committed ones
    (None: the story's settings), as a value JupyterLab autosaved or papermill passed; ""
    when they agree.

    >>> parameters_differ({"cities": ["Seattle", "Denver"], "start": None})
    "This run's parameters differ from the committed notebook's: cities = ['Seattle', \
'Denver']; `turnout build` publishes the story's own settings."
    >>> parameters_differ({"cities": None, "figures_dir": "figures/x", "data_path": None})
    ''
    >>> parameters_differ({"data_path": "/home/desk/ccc/june.csv"}).split(": ")[1]
    "data_path = 'june.csv'; `turnout build` publishes the story's own settings."
    """
    # A file by its name: a page never shows the folders of the desk's machine.
    shown = {k: Path(v).name if k.endswith("_path") and v else v for k, v in given.items()}
    differ = [f"{k} = {shown[k]!r}" for k in _COMMITTED if given.get(k) is not None]
    if not differ:
        return ""
    return (
        f"This run's parameters differ from the committed notebook's: {'; '.join(differ)}; "
        "`turnout build` publishes the story's own settings."
    )


def _in_kernel() -> bool:
    """Whether this runs in a notebook's kernel (JupyterLab, papermill, the build)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def _from_codebook(slug: str) -> Story:
    data, codebook = story_paths(slug)
    if slug == DEFAULT_STORY:
        data, codebook = paths.seed_path(), _seed_codebook()
    if not codebook.is_file() and not data.is_file():
        near = nearest_story(slug)
        start = f"`turnout new {slug}` starts one"
        hint = f"did you mean {near}? ({start})" if near else start
        raise DataError(f"no story {slug!r}: {hint}", path=data)
    for path in story_paths(slug):  # the story's own files (not the packaged seed)
        if path.is_symlink():
            paths.inside_project(path)  # a story publishes only what the project holds
    # No codebook (yet): the data decides every setting.
    figures = None if slug == DEFAULT_STORY else str(paths.figures_dir() / slug)
    if not codebook.is_file():
        return Story(slug=slug, data_path=str(data), figures_dir=figures)
    settings = parse_settings(_codebook_text(codebook), path=codebook)
    return Story(slug=slug, data_path=str(data), figures_dir=figures, **settings)


def story_slugs() -> list[str]:
    """The stories in ``data/raw/`` (a ``SLUG.md`` codebook or ``SLUG.csv`` data), and the
    bundled one, sorted; drafts and rejected files are not stories.

    >>> DEFAULT_STORY in story_slugs()
    True
    """
    found = {DEFAULT_STORY}
    folder = paths.raw_dir()
    for path in [*folder.glob("*.md"), *folder.glob("*.csv")] if folder.is_dir() else []:
        if _ANY_SLUG.fullmatch(path.stem):  # "x.draft.csv" has a dot: not a story
            found.add(path.stem)
    return sorted(found)


def nearest_story(slug: str) -> str | None:
    """The existing story a mistyped slug most likely means, or None.

    >>> nearest_story("ice-out-2026"), nearest_story("ice-out"), nearest_story("zzz")
    ('ice_out_2026', 'ice_out_2026', None)
    """
    import difflib

    hits = difflib.get_close_matches(slug, [s for s in story_slugs() if s != slug], n=1, cutoff=0.6)
    return hits[0] if hits else None


def _codebook_text(codebook: Path) -> str:
    """A codebook's text: UTF-8 (a byte-order mark is fine), else one line saying so."""
    data = codebook.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError("is UTF-16 text, not UTF-8: save it as UTF-8", path=codebook)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DataError("is not UTF-8 text (save it as UTF-8)", path=codebook, row=line) from None


def _seed_codebook() -> Path:
    """The seed's codebook: the checkout's ``data/raw`` copy, else the packaged one."""
    local = paths.raw_dir() / f"{DEFAULT_STORY}.md"
    if local.is_file():
        return local
    return Path(str(resources.files("turnout") / "data" / f"{DEFAULT_STORY}.md"))


def parse_settings(text: str, *, path: object = None) -> dict[str, Any]:
    """The settings in a codebook's front matter, checked; a missing block means none.

    >>> parse_settings("---\\nstart: 2026-05-01\\ncities: [Denver]\\n---\\n# Notes")
    {'start': '2026-05-01', 'cities': ['Denver']}
    """
    text = text.removeprefix("\ufeff")  # a byte-order mark is not part of the first line
    m = _FRONT.match(text)
    if m is None:
        if _OPENS.match(text):
            raise DataError(
                "settings block: the '---' that opens it is never closed: "
                "end the settings with a '---' line",
                path=path,
                row=1,
            )
        return {}
    raw = _load_settings(m.group(1), path)
    if not isinstance(raw, dict):
        raise DataError("settings block must be 'name: value' lines", path=path)
    unknown = sorted(set(map(str, raw)) - set(_SETTINGS))
    if unknown:
        raise DataError(
            f"unknown setting {quote(unknown[0])}; settings are {', '.join(_SETTINGS)}", path=path
        )
    out: dict[str, Any] = {}
    for key in ("title", "source", "about", "outlet", "url"):
        if raw.get(key) is not None:
            out[key] = " ".join(str(raw[key]).split()) if key != "about" else str(raw[key]).strip()
    checks = {
        "start": _day,
        "end": _day,
        "cities": _cities,
        "marked_days": _marked,
        "published": _day,
    }
    for key, check in checks.items():
        try:
            value = check(raw.get(key), key)
        except ValueError as err:
            raise DataError(str(err), path=path) from None
        if value:
            out[key] = value
    if out.get("start") and out.get("end") and out["end"] < out["start"]:
        raise DataError(f"end ({out['end']}) is before start ({out['start']})", path=path)
    return out


# The block's map of settings, and in it a list of words or a map of days to words: no deeper.
_MAX_DEPTH = 2


def _load_settings(block: str, path: object) -> Any:
    """The YAML of a settings block, refused in one line when it is more than settings:
    anchors and aliases (a "billion laughs" file takes minutes and gigabytes), nesting
    deeper than any setting (a deep one overflows the parser's stack), a key set twice
    (YAML keeps the last silently)."""
    import yaml  # only a codebook needs it

    class Loader(yaml.SafeLoader):
        """YAML without its date type (days stay text, so a bad one is reported, not
        raised), and with a key set twice refused."""

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            self.flatten_mapping(node)  # YAML's merge key ("<<") first, as SafeLoader does
            lines: dict[Any, int] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                line = key_node.start_mark.line + 2
                try:
                    first = lines.setdefault(key, line)
                except TypeError:
                    raise DataError(
                        "settings block: a setting's name must be a word", path=path, row=line
                    ) from None
                if first != line:
                    raise DataError(
                        f"settings block: {quote(str(key))} is set twice (lines {first} and "
                        f"{line}): keep one",
                        path=path,
                        row=line,
                    )
            return super().construct_mapping(node, deep=deep)

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    try:
        # The events first (the parser keeps its own stack, so any depth is safe to read):
        # only a block that is plain settings is built into values.
        depth = 0
        for event in yaml.parse(block, Loader=Loader):
            row = event.start_mark.line + 2  # + the opening '---' line, 1-based
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise DataError(
                    "settings block: YAML anchors and aliases (&name, *name) are not "
                    "settings: write each value out",
                    path=path,
                    row=row,
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _MAX_DEPTH:
                    raise DataError(
                        "settings block: a list or map nested deeper than any setting needs",
                        path=path,
                        row=row,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.load(block, Loader=Loader) or {}  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        row = None if mark is None else mark.line + 2
        problem = getattr(err, "problem", None) or "not readable"
        raise DataError(f"settings block: {problem}", path=path, row=row) from None


def _day(value: Any, key: str) -> str | None:
    """A day as ``YYYY-MM-DD`` (from a date or its text); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ValueError(f"{key} must be a day like 2026-05-01, not {quote(value)}") from None


def _cities(value: Any, key: str) -> list[str] | None:
    if value is None or value == []:
        return None
    if isinstance(value, str) or not isinstance(value, list):
        raise ValueError(f"{key} must be a list such as [Denver, Boulder], not {quote(value)}")
    return [str(c) for c in value]


def _marked(value: Any, key: str) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{key} must map days to labels, like {{2026-05-01: May Day}}")
    days = {_day(day, f"{key} day"): str(label) for day, label in value.items()}
    if None in days:
        raise ValueError(f"{key} has a label with no day")
    return days  # type: ignore[return-value]


# --------------------------------------------------------------------------- a new story

_CODEBOOK = """\
---
# This story's settings. `turnout build --story {slug}` and the notebooks read them.
# Leave a value empty and the data decides (the whole period, every city).
# `turnout draft ... --story {slug}` fills published, outlet and url where they are empty.
title: {title}
source: {source}
start:              # first day of the story, YYYY-MM-DD (empty: the data's first day)
end:                # last day, YYYY-MM-DD (empty: the data's last day)
cities: []          # the cities to chart, e.g. [Denver, Boulder] (empty: every city)
marked_days: {{}}     # days to shade on the timeline, e.g. {{2026-05-01: May Day march}}
about: >-           # one paragraph for the cleaning page: where the events come from
  {about}
published:          # the article's publication date, YYYY-MM-DD (`turnout draft` fills it)
outlet:             # the outlet that published it, for each row's source_name
url:                # the article's address, if any
---

# {title_text}: codebook

Files in `data/raw/` are typed or checked by a person and never edited by code.
`{slug}.csv` holds one row per gathering (one place, one day), as the Crowd
Counting Consortium codes events.

## Source

- **Source:** {source_text}
- **Date of the source:** (YYYY-MM-DD)
- **Address (URL), if any:**
- **Archived copy:** `sources/...` (the text as received, so every quote can be checked)

## What counts as an event

(A gathering the source reports with a place and a date. Say what you left out
and why: events only announced, vigils with no place, counts for a whole region.)

## Columns

One row per gathering, in this order. Leave a cell empty where the source says
nothing; never guess.

- `date`: the day of the gathering (not of the report), written `2031-09-01`,
  `9/1/2031`, `Sept. 1, 2031`, `September 1, 2031` or `1 September 2031`.
- `locality`: the city or town as the source names it ("St. Paul", "NYC");
  turnout gives it one canonical name.
- `state`: postal code (`OR`), AP abbreviation (`Ore.`) or full name
  (`Oregon`). Needed where a city name is shared (Portland, Springfield).
- `location_detail`: where in the city (a park, a building, a street);
  several separated by `; `.
- `type`: the kind of action (`rally`, `march`, `vigil`, `walkout`,
  `demonstration`...); several separated by `; `.
- `title`: the action's name, where the source gives one.
- `organizations`: who called it or took part, `; `-separated, spelled as the
  source spells them.
- `participants`: who took part, as the source describes them ("nurses").
- `claims`: what it was for or against: "for ...", "against ...".
- `size_text`: **the source's own words for the number of people, verbatim**.
  turnout reads a number ("300", "about 1,200", "more than 2,000"), a range
  ("2,000 to 3,000", "40-50") and crowd words at their lowest ("dozens" 24,
  "hundreds" 200, "thousands" 2,000). Empty where the source gives no number
  of people; a number that counts something else (unions, buses) is not a
  crowd size.
- `temp_text`: **the source's own words for the weather at that gathering,
  verbatim**. A reading ("20 degrees", "-5 C") is a number; "freezing" means
  32°F or colder; other words ("bitter cold") give none. Empty unless the
  source ties it to this gathering.
- `source_name`, `source_date` (`YYYY-MM-DD`), `source_url`: the publication,
  its date and its address (where there is one; never invented). A gathering
  several outlets reported: one line per source in each `source_*` cell, in the
  same order (docs/method.md, "Several sources in one row").
- `source_quote`: the sentence the row rests on, verbatim; two pieces are
  joined with ` … `. `size_text` and `temp_text` must appear inside it (case
  aside): `turnout build --story {slug}` warns about any row where they do not.
- `notes`: your reasoning where a row needed a judgment call.

## Coding decisions

(One bullet per judgment call.)

## Left out, and why

| passage | why it is not a row |
|---|---|
"""


def new_story(slug: str, *, title: str, source: str) -> tuple[Path, Path]:
    """Start a story: ``data/raw/SLUG.csv`` (the raw header, no rows) and ``SLUG.md``.

    Refuses to overwrite either file (:class:`DataError`); writes neither then.
    Returns both paths. Example::

        new_story("may-day-2026", title="May Day marches", source="The Daily, May 2, 2026")
    """
    from turnout.columns import RAW_COLUMNS

    check_slug(slug)
    if not title.strip() or not source.strip():
        raise DataError("a new story needs a --title and a --source")
    data, codebook = story_paths(slug)
    for p in (data, codebook):
        if p.exists():
            raise DataError(
                f"story {slug!r} already exists; not overwriting it", path=paths.display_path(p)
            )
    title, source = " ".join(title.split()), " ".join(source.split())
    text = _CODEBOOK.format(
        slug=slug,
        title=json.dumps(title, ensure_ascii=False),
        source=json.dumps(source, ensure_ascii=False),
        about=f"The story\u2019s events come from {source}.",
        title_text=title,
        source_text=source,
    )
    data.parent.mkdir(parents=True, exist_ok=True)
    # "x": created here or not at all, even if another process raced us to the name.
    with open(data, "x", encoding="utf-8", newline="") as f:
        f.write(",".join(RAW_COLUMNS) + "\n")
    try:
        with open(codebook, "x", encoding="utf-8") as f:
            f.write(text)
    except FileExistsError:
        data.unlink()
        raise DataError(
            f"story {slug!r} already exists; not overwriting it",
            path=paths.display_path(codebook),
        ) from None
    return data, codebook
