"""Chart files for the web: PNG (2x), SVG, the data as CSV and the words as JSON.

A chart leaves the desk as four files with one name: ``NAME.png`` (200 dpi, so
a 6.4 in figure is 1280 px wide, sharp on high-density screens at 640 px),
``NAME.svg``, ``NAME.csv`` (exactly the data drawn, one row per mark) and
``NAME.json`` (headline, subtitle, alt text, source, notes and the file names).
Readers open ``NAME.csv`` in a spreadsheet, so a text cell that a spreadsheet
would run as a formula (``=HYPERLINK(...)`` copied from a hostile page) is
written with a leading ``'`` (OWASP's rule, :mod:`turnout.formulas`) and the
JSON's ``data_notes`` says how many; the raw and processed data keep the words
verbatim.
Output is deterministic: no timestamps or software versions in the files and a
fixed SVG id salt, so saving the same chart twice gives identical bytes and a
rebuild shows no spurious diffs.

In a notebook, saving also records the files written in the cell's outputs (an
output with nothing to show and metadata ``{"turnout": {"files": [...]}}``):
``turnout build`` publishes exactly those files with the page.

>>> import tempfile, turnout
>>> from turnout.charts import turnout_by_city
>>> out = tempfile.mkdtemp()
>>> paths = save_chart(turnout_by_city(turnout.load_events()), "turnout-by-city", out_dir=out)
>>> sorted(paths)
['csv', 'html', 'json', 'phone_png', 'png', 'svg']
"""

from __future__ import annotations

import json
import os
import re
import sys
import types
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from turnout import paths, style
from turnout.charts import chart_info
from turnout.charts.specs import ChartSpec
from turnout.formulas import FORMULA_NOTE, neutralise

__all__ = [
    "BUILD_ENV", "PNG_DPI", "ChartNotSavedWarning", "draft_folder", "is_build", "save_chart",
    "save_figure",
]  # fmt: skip

#: Set to "1" by ``turnout build`` in each notebook's kernel: only the build writes ``figures/``.
BUILD_ENV = "TURNOUT_BUILD"
#: 2x the 100 dpi design size: a 6.4 in chart is 1280 px wide.
PNG_DPI = 200
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def save_figure(
    fig: Figure, name: str, *, out_dir: str | os.PathLike | None = None, **fields: Any
) -> dict[str, Path]:
    """Write ``NAME.png``, ``.svg``, ``.csv``, ``.json`` and the embed into ``out_dir``.

    ``fields`` are a :class:`~turnout.charts.specs.ChartSpec`'s, by name: ``title``,
    ``alt``, ``source``, ``notes`` and ``data`` (a DataFrame) always; ``subtitle``,
    ``kind``, ``left_out`` and ``options`` when there are some. A chart of
    :mod:`turnout.charts` needs none of this: :func:`save_chart` saves it with its spec.

    The embed (:mod:`turnout.embeds`, drawn for ``kind``) is ``NAME.html`` and its 2x
    phone picture ``NAME.phone.png``; ``NAME.json``'s ``embed`` field is the snippet an
    article pastes.

    ``left_out`` (a chart's reason for being left out, :class:`turnout.charts.ChartInfo`)
    writes nothing and removes any ``NAME.*`` an earlier run left there; the result is empty
    and a :class:`ChartNotSavedWarning` gives the reason (outside ``turnout build``, which
    reports left-out charts itself).

    ``out_dir`` defaults to the project's ``figures/`` folder and is created. Only
    ``turnout build`` writes there (it sets :data:`BUILD_ENV` in the notebook's kernel): any
    other run (JupyterLab, a plain kernel, a script) that would write into ``figures/``
    writes a draft into ``figures/scratch/`` instead (:func:`draft_folder`), ignored by git,
    and says where in one line under the chart. Keys of the result are ``png``, ``svg``,
    ``csv``, ``json``, ``html`` and ``phone_png``.

    >>> import pandas as pd, tempfile
    >>> from turnout.style import new_figure, use_style
    >>> with use_style():
    ...     fig = new_figure()
    >>> out = save_figure(fig, "blank", title="T", alt="A blank test figure", source="S",
    ...                   notes="", data=pd.DataFrame({"x": [1]}), out_dir=tempfile.mkdtemp())
    >>> sorted(p.name for p in out.values())
    ['blank.csv', 'blank.html', 'blank.json', 'blank.phone.png', 'blank.png', 'blank.svg']
    """
    for wrong in sorted(set(fields) - set(ChartSpec._fields)):
        raise TypeError(f"save_figure() got an unexpected keyword argument {wrong!r}")
    for needed in ("title", "alt", "source", "notes", "data"):
        if needed not in fields:
            raise TypeError(f"save_figure() missing required keyword argument {needed!r}")
    return _save(fig, name, ChartSpec(**{"subtitle": "", **fields}), out_dir)


def _save(
    fig: Figure, name: str, spec: ChartSpec, out_dir: str | os.PathLike | None
) -> dict[str, Path]:
    """:func:`save_figure`'s work, from a chart's spec whole."""
    if not _NAME.match(name):
        raise ValueError(
            f"chart name must be a plain file name like 'turnout-by-city', not {name!r}"
        )
    if not isinstance(spec.data, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame, not {type(spec.data).__name__}")
    wanted = Path(out_dir) if out_dir is not None else paths.figures_dir()
    folder = draft_folder(wanted)
    out = {ext: folder / f"{name}.{ext}" for ext in ("png", "svg", "csv", "json")}
    if spec.left_out:
        # A chart left out is no file: an editor copying from the folder finds none, not an
        # empty frame, and a stale one from an earlier run goes.
        for path in [*out.values(), folder / f"{name}.html", folder / f"{name}.phone.png"]:
            path.unlink(missing_ok=True)
        if not is_build():  # the build says it once, in its own words, for every notebook
            warnings.warn(ChartNotSavedWarning(name, spec.left_out), stacklevel=_caller_level())
        return {}
    folder.mkdir(parents=True, exist_ok=True)
    _write_pictures(fig, name, spec, out)
    # What readers download: formula-like text defused, numbers and dates untouched.
    published = neutralise(spec.data)
    published.table.to_csv(out["csv"], index=False, lineterminator="\n", date_format="%Y-%m-%d")
    data_notes = ""
    if published.cells:
        cells = f"{published.cells} text cell{'s' if published.cells > 1 else ''}"
        data_notes = FORMULA_NOTE.format(n=cells, file=out["csv"].name)
    files = {ext: p.name for ext, p in out.items()}
    meta: dict[str, object] = {
        "name": name,
        "title": spec.title,
        "subtitle": spec.subtitle,
        "alt": spec.alt,
        "source": spec.source,
        "notes": spec.notes,
        "data_notes": data_notes,
        "kind": spec.kind,  # which chart drew it: the embed design it gets (turnout.embeds)
        "files": files,
        "width_px": round(fig.get_figwidth() * PNG_DPI),
        "height_px": round(fig.get_figheight() * PNG_DPI),
    }
    meta.update(_write_embed(spec, name, folder, out, files))
    out["json"].write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _record(out.values())
    if folder != wanted:
        _say_draft(out["png"])
    return out


def _write_pictures(fig: Figure, name: str, spec: ChartSpec, out: dict[str, Path]) -> None:
    """NAME.png and NAME.svg, the spec's words in their metadata, the same bytes every time."""
    # Style rcParams that act at save time (dpi, SVG id salt, text as paths) must be live here.
    with style.use_style(), matplotlib.rc_context({"svg.hashsalt": f"turnout-{name}"}):
        fig.savefig(
            out["png"],
            format="png",
            dpi=PNG_DPI,
            metadata={
                "Title": spec.title,
                "Description": spec.alt,
                "Source": spec.source,
                "Software": None,  # matplotlib's version would change bytes between installs
            },
        )
        fig.savefig(
            out["svg"],
            format="svg",
            metadata={
                "Title": spec.title,
                "Description": spec.alt,
                "Source": spec.source,
                "Date": None,  # no timestamp: re-saving must give identical bytes
                "Creator": None,
            },
        )


class ChartNotSavedWarning(UserWarning):
    """A chart :func:`save_figure` wrote no file for, and why: a script that saves charts
    in a loop learns which ones are missing instead of finding an empty result.

    >>> str(ChartNotSavedWarning("timeline-density", "A timeline needs more than one day."))
    'timeline-density: no files written: A timeline needs more than one day.'
    """

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: no files written: {reason}")


def _caller_level() -> int:
    """The stack level of the first frame outside this module: the warning names the line
    of the script or notebook that called :func:`save_chart` or :func:`save_figure`."""
    frame: types.FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame, level = frame.f_back, level + 1
    return level


def is_build() -> bool:
    """Whether this run is ``turnout build`` (it sets :data:`BUILD_ENV` in each kernel)."""
    return os.environ.get(BUILD_ENV) == "1"


def draft_folder(folder: str | os.PathLike) -> Path:
    """Where a chart bound for ``folder`` is written: ``folder`` itself in the build or
    outside ``figures/``; otherwise its place under ``figures/scratch/``, so exploring never
    replaces the files an article takes.

    >>> import os
    >>> os.environ.pop(BUILD_ENV, None) and None
    >>> draft_folder(paths.figures_dir()) == paths.scratch_dir()
    True
    >>> draft_folder(paths.figures_dir() / "may-day") == paths.scratch_dir() / "may-day"
    True
    """
    folder = Path(folder)
    if is_build():
        return folder
    figures, scratch = paths.figures_dir().resolve(), paths.scratch_dir().resolve()
    target = folder.resolve()
    if target == scratch or scratch in target.parents:
        return folder
    try:
        inside = target.relative_to(figures)
    except ValueError:
        return folder  # the caller's own folder, not the article's
    return scratch / inside


def _say_draft(png: Path) -> None:
    """One line under the chart: where the draft went, and who writes the article's files."""
    try:
        where = png.with_suffix("").resolve().relative_to(paths.project_root()).as_posix()
    except ValueError:
        where = str(png.with_suffix(""))
    text = (
        f"Draft saved as {where}.png (.svg, .csv, .json), not in figures/: "
        "only `turnout build` writes the files an article takes."
    )
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        get_ipython = None  # noqa: N806
    if get_ipython is not None and get_ipython() is not None:
        from turnout.show import note

        note(text)
    else:
        print(f"turnout: {text}", file=sys.stderr)


def _record(files: Iterable[Path]) -> None:
    """In a notebook's kernel, say in the cell's outputs which files were written (for
    ``turnout build``); outside one (a script, a doctest), do nothing."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return
    from IPython.display import publish_display_data

    written = [str(Path(f).resolve()) for f in files]
    publish_display_data(data={}, metadata={"turnout": {"files": written}})


def _write_embed(
    spec: ChartSpec, name: str, folder: Path, out: dict[str, Path], files: dict[str, str]
) -> dict:
    """NAME.html and NAME.phone.png beside the chart (added to ``out``); the JSON's new fields."""
    from turnout.embeds import write_embed

    written = write_embed(spec, name, folder)
    out["html"], out["phone_png"] = written["html"], written["phone_png"]
    files = {**files, "html": out["html"].name, "phone_png": out["phone_png"].name}
    return {"files": files, "embed": written["snippet"]}


def save_chart(fig: Figure, name: str, out_dir: str | os.PathLike | None = None) -> dict[str, Path]:
    """Save a :mod:`turnout.charts` figure with the metadata it carries (see :func:`save_figure`).

    >>> import tempfile, turnout
    >>> from turnout.charts import timeline_density
    >>> fig = timeline_density(turnout.load_events())
    >>> save_chart(fig, "timeline-density", out_dir=tempfile.mkdtemp())["png"].name
    'timeline-density.png'
    """
    return _save(fig, name, chart_info(fig), out_dir)
