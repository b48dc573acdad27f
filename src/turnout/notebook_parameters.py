"""Every notebook's parameters, in one definition: each name, its default and its comment.

A notebook's first code cell (tagged ``parameters``, papermill's convention) is written
from here (:func:`parameters_cell`; ``scripts/notebook_parameters.py`` rewrites the
cells), and a test checks the committed cells against it. The build injects the same
story settings (:func:`story_settings`), so the cell a reporter reads, the values
papermill overrides and the values ``turnout build`` publishes cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    """One parameter: its name, its default, the comment beside it, and whether it is a
    story setting (the build injects the story's own, whatever the notebook holds)."""

    name: str
    default: object
    comment: str
    setting: bool = False

    def line(self) -> str:
        """The parameter's line in the cell.

        >>> Parameter("measure", "largest", "or 'sum'").line()
        'measure = "largest"  # or \\'sum\\''
        """
        return f"{self.name} = {_literal(self.default)}  # {self.comment}"


def _literal(value: object) -> str:
    """A default as the cells write it: strings in double quotes (ruff's style), else repr."""
    if isinstance(value, str) and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return repr(value)


# The story settings: None means "the story's codebook decides" (data/raw/STORY.md).
STORY = Parameter(
    "story",
    None,
    "None: the default story; or a story made by `turnout new` (settings in data/raw/STORY.md)",
    setting=True,
)
DATA_PATH = Parameter(
    "data_path",
    None,
    "None: the story's data, data/raw/STORY.csv; or a path to any events CSV",
    setting=True,
)
DATA_FORMAT = Parameter(
    "data_format",
    "auto",
    '"auto" (detect), "turnout" or "ccc" (a Crowd Counting Consortium file)',
    setting=True,
)
START = Parameter(
    "start",
    None,
    "first day to include, YYYY-MM-DD (inclusive); None: the story's, else the data's first",
    setting=True,
)
END = Parameter(
    "end",
    None,
    "last day to include, YYYY-MM-DD (inclusive); None: the story's, else the data's last",
    setting=True,
)
CITIES = Parameter(
    "cities",
    None,
    'None: the story\'s cities, else every city; or a list such as ["Boise", "Tulsa"]',
    setting=True,
)
MARKED_DAYS = Parameter(
    "marked_days",
    None,
    'days to shade and label, {"YYYY-MM-DD": "label"}; None: the story\'s; {} for none',
    setting=True,
)
WEATHER_PATH = Parameter(
    "weather_path",
    None,
    "None: data/external/weather.csv if `turnout weather fetch` saved it; or a path",
    setting=True,
)
# Not a story setting: the build gives its own (figures/ or figures/STORY/).
FIGURES_DIR = Parameter(
    "figures_dir", None, "None: a draft in figures/scratch/ (only `turnout build` writes figures/)"
)
MEASURE = Parameter(
    "measure",
    "largest",
    '"largest": each city\'s biggest protest; "sum": all its counted protests',
)

_SETTINGS = (STORY, DATA_PATH, DATA_FORMAT, START, END, CITIES)
_HEADER = "# Parameters (papermill can override each: papermill ... -p story may-day-march)."

#: Each notebook's parameters, in the order its cell lists them, and the line above them.
NOTEBOOKS: dict[str, tuple[str, tuple[Parameter, ...]]] = {
    "00-draft-from-article": (
        "# Parameters: only `story` needs setting (papermill ... -p story STORY); "
        "the rest come from it.",
        (
            *_SETTINGS,
            Parameter(
                "article",
                None,
                "None: the story's article (data/raw/sources/STORY.txt or .html, filed by "
                "`turnout draft --story`); or the path of any .txt or .html article",
            ),
            Parameter(
                "articles",
                None,
                "None: the story's day of coverage if filed (data/raw/sources/STORY/ or "
                "STORY.jsonl), else one article (above); or a list of .txt/.html files, folders "
                "or manifests (.csv, .jsonl): their drafts merged, one row per gathering",
            ),
            Parameter(
                "published",
                None,
                "None: the story's `published` setting, else its data's source date; or YYYY-MM-DD",
            ),
            Parameter(
                "source_name",
                None,
                "None: the story's `outlet` setting, else its data's source; or the outlet's name",
            ),
        ),
    ),
    "01-clean-events": (_HEADER, (*_SETTINGS, FIGURES_DIR)),
    "02-turnout-by-city": (
        _HEADER,
        (
            *_SETTINGS,
            FIGURES_DIR,
            MEASURE,
            Parameter(
                "labels", "number", '"number" or "words" (the source\'s own words on each bar)'
            ),
        ),
    ),
    "03-temperature-vs-attendance": (_HEADER, (*_SETTINGS, FIGURES_DIR, WEATHER_PATH)),
    "04-timeline-density": (_HEADER, (*_SETTINGS, FIGURES_DIR, MARKED_DAYS)),
    "05-turnout-map": (
        _HEADER,
        (
            *_SETTINGS,
            FIGURES_DIR,
            MEASURE,
            Parameter(
                "labels",
                10,
                "how many of the largest cities may be named; 0: none "
                "(a label that would overlap is left off)",
            ),
        ),
    ),
}


def notebook_parameters(notebook: str) -> dict[str, object]:
    """A notebook's parameters and their defaults, by the notebook's name (``.ipynb`` or not).

    >>> notebook_parameters("04-timeline-density.ipynb")["marked_days"] is None
    True
    >>> notebook_parameters("02-turnout-by-city")["labels"]
    'number'
    """
    return {p.name: p.default for p in _entry(notebook)[1]}


def parameters_cell(notebook: str) -> str:
    """The source of a notebook's ``parameters`` cell, exactly as committed.

    >>> print(parameters_cell("01-clean-events").splitlines()[2])
    data_path = None  # None: the story's data, data/raw/STORY.csv; or a path to any events CSV
    """
    header, params = _entry(notebook)
    return "\n".join([header, *(p.line() for p in params)])


def story_settings() -> dict[str, object]:
    """Every story setting a notebook may declare, with the value the build injects (its
    default: None, the story's codebook decides).

    >>> story_settings()["data_format"], story_settings()["cities"]
    ('auto', None)
    """
    return {p.name: p.default for p in (*_SETTINGS, MARKED_DAYS, WEATHER_PATH)}


def _entry(notebook: str) -> tuple[str, tuple[Parameter, ...]]:
    name = notebook.removesuffix(".ipynb")
    if name not in NOTEBOOKS:
        raise KeyError(f"no parameters defined for notebook {notebook!r}; see {__name__}")
    return NOTEBOOKS[name]
