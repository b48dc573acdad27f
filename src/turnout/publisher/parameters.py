"""The parameters a build injects: the story's own settings, whatever a notebook file holds.

A reporter tries things in a notebook's ``parameters`` cell (``cities = ["Seattle",
"Denver"]``, ``story = "another-story"``), and JupyterLab autosaves the file. The build
publishes the story, not that experiment: it *overrides* every parameter the cell declares.

- The story's settings (``story``, ``data_path``, ``data_format``, ``start``, ``end``,
  ``cities``, ``marked_days``, ``weather_path``) come from the story being built: its slug
  and None ("the story's codebook", :data:`STORY_PARAMETERS`, from
  :mod:`turnout.notebook_parameters`); ``figures_dir`` is where
  the build publishes.
- Any other parameter (``measure``, ``labels``) takes the value in the committed notebook
  (``git show HEAD:...``), so a saved but uncommitted change never reaches the site;
  outside a git checkout, the file's own value.
- A name the cell sets with code (``cities = list(["Boise"])``, ``cities += [...]``) is
  declared too (:class:`Code`), so it is overridden like a literal; code cannot be
  injected, so another parameter whose committed value is code runs as committed.

Each value overridden that the saved file changed from the committed notebook (an
exploration) is reported in one line (:func:`published_parameters`). Reading a
notebook here is JSON and ``ast``: the warm build imports no nbformat.
"""

from __future__ import annotations

import ast
import json
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from turnout.notebook_parameters import story_settings

#: Story settings and the value a build gives each (None: the story's codebook decides):
#: the defaults of the one definition of the notebooks' parameters.
STORY_PARAMETERS: dict[str, Any] = story_settings()


@dataclass(frozen=True)
class Code:
    """A parameter the cell sets with code rather than a literal (``cities = list(["Boise"])``,
    ``cities += ["Boise"]``), as its source. The build cannot inject code, but a value set
    this way must not escape the publish rules any more than a literal."""

    source: str

    def __repr__(self) -> str:
        return self.source


def _names(target: ast.expr) -> list[str]:
    """The names an assignment target binds (``a``, ``a, *b``); none for ``obj.x`` or ``d[k]``."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [n for elt in target.elts for n in _names(elt)]
    return _names(target.value) if isinstance(target, ast.Starred) else []


def declared(source: str) -> dict[str, Any]:
    """The names a parameters cell sets at its top level, in order: a literal's value, or
    :class:`Code` for anything else that binds one (a call, ``+=``, ``a, b = 1, 2``).

    >>> declared("story = None  # a comment\\ncities = list(['Seattle'])\\nimport os")
    {'story': None, 'cities': list(['Seattle'])}
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    out: dict[str, Any] = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign) or node.value is None:
            continue
        if isinstance(node, ast.AugAssign):  # `x += 1` reads x: code, not a value
            out.update(dict.fromkeys(_names(node.target), _code(node, source)))
            continue
        for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
            if isinstance(target, ast.Name):
                out[target.id] = _literal(node.value, source)
            else:  # `a, b = 1, 2`
                out.update(dict.fromkeys(_names(target), _code(node, source)))
    return out


def _code(node: ast.AST, source: str) -> Code:
    return Code(ast.get_source_segment(source, node) or "")


def _literal(value: ast.expr, source: str) -> Any:
    """A literal's value, or its :class:`Code`."""
    try:
        return ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return _code(value, source)


def parameters_source(notebook_json: str) -> str:
    """The source of a notebook's cell tagged ``parameters`` ("" when it has none)."""
    try:
        nb = json.loads(notebook_json)
    except ValueError:
        return ""
    for cell in nb.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            src = cell.get("source", "")
            return "".join(src) if isinstance(src, list) else str(src)
    return ""


def committed_source(notebook: Path, root: Path) -> str | None:
    """The notebook as last committed (``git show HEAD:path``); None outside git."""
    try:
        rel = notebook.resolve().relative_to(root.resolve()).as_posix()
        done = subprocess.run(
            ["git", "-C", str(root), "show", f"HEAD:{rel}"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (ValueError, OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def publish_rules(
    saved: Mapping[str, Any], committed: Mapping[str, Any], given: Mapping[str, Any], name: str
) -> tuple[dict[str, Any], list[str]]:
    """The publish rules, pure: what a notebook's saved parameters may change.

    ``saved`` is what the file's parameters cell declares, ``committed`` what the committed
    notebook's declares, ``given`` the build's own (``figures_dir``, ``story``): they win;
    the story's settings (:data:`STORY_PARAMETERS`) take the story's values; any other
    parameter takes its committed value (its saved one when it was never committed).
    Returns the parameters to inject and one line, naming the notebook ``name``, per saved
    value the build does not publish that differs from the committed one (``figures_dir``
    is never worth a line).

    >>> out, lines = publish_rules({"cities": ["Boise"], "measure": "sum"},
    ...                            {"measure": "largest"}, {"figures_dir": "f"}, "02.ipynb")
    >>> out
    {'cities': None, 'measure': 'largest', 'figures_dir': 'f'}
    >>> lines[1]
    "02.ipynb: parameter measure = 'sum' is not published; the build uses the committed 'largest'"
    """
    out: dict[str, Any] = {}
    for key, value in saved.items():
        if key in given:
            out[key] = given[key]
        elif key in STORY_PARAMETERS:
            out[key] = STORY_PARAMETERS[key]
        elif not isinstance(committed.get(key, value), Code):
            out[key] = committed.get(key, value)
        # else code as committed (or never committed) runs as it is: nothing to inject
    out.update(given)
    lines = [
        f"{name}: parameter {key} = {saved[key]!r} is not published; the build uses "
        + (
            "the story's settings"
            if key in STORY_PARAMETERS or key in given
            else f"the committed {out[key]!r}"
        )
        for key in saved
        # Only an exploration is news: a value the committed notebook holds too (story =
        # None, on every story's build) is the notebook as shipped, not worth a line.
        if key != "figures_dir"
        and saved[key] != out.get(key, saved[key])
        and saved[key] != committed.get(key)
    ]
    return out, lines


def published_parameters(
    notebook: Path, given: Mapping[str, Any], root: Path
) -> tuple[dict[str, Any], list[str]]:
    """The parameters to inject into ``notebook`` and one line per value overridden
    (:func:`publish_rules`); the committed notebook is read with ``git show``."""
    saved = declared(parameters_source(notebook.read_text(encoding="utf-8")))
    text = committed_source(notebook, root)
    committed = declared(parameters_source(text)) if text is not None else saved
    return publish_rules(saved, committed, given, notebook.name)
