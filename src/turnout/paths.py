"""Where turnout's data, figures and site live.

The project layout (cookiecutter-data-science style) is ``data/raw`` (read-only
to code), ``data/processed``, ``data/external``, ``figures`` and ``site``. When
turnout runs from a checkout these are the checkout's folders; when it is
installed as a plain package the bundled seed data ships inside the package and
outputs go under the current working directory.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

SEED_NAME = "ice_out_2026.csv"


def project_root() -> Path:
    """The project folder: ``$TURNOUT_ROOT``, else the checkout holding this package, else cwd.

    >>> (project_root() / "pyproject.toml").exists() or True
    True
    """
    env = os.environ.get("TURNOUT_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "data" / "raw").is_dir():
            return parent
    return Path.cwd()


def display_path(path: object) -> str:
    """A path relative to the working directory when it is under it (shorter error lines).

    >>> display_path(Path.cwd() / "data" / "x.csv") == str(Path("data") / "x.csv")
    True
    """
    p = Path(str(path))
    try:
        return str(p.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so a crash never leaves half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def inside_project(path: Path) -> Path:
    """``path``, refused with one line when it resolves (a symbolic link) outside the
    project folder: a story publishes only files the project holds.

    >>> inside_project(raw_dir() / "x.csv") == raw_dir() / "x.csv"
    True
    """
    from turnout.errors import DataError

    real, root = path.resolve(), project_root().resolve()
    if real != root and root not in real.parents:
        raise DataError(
            f"is a link to a file outside the project ({real}): copy the file into the project",
            path=path,
        )
    return path


def raw_dir() -> Path:
    return project_root() / "data" / "raw"


def processed_dir() -> Path:
    return project_root() / "data" / "processed"


def external_dir() -> Path:
    return project_root() / "data" / "external"


def weather_path() -> Path:
    """Where ``turnout weather fetch`` saves observed weather: ``data/external/weather.csv``.

    >>> weather_path().name
    'weather.csv'
    """
    return external_dir() / "weather.csv"


def user_cache_dir() -> Path:
    """The user's cache folder for turnout: ``$TURNOUT_CACHE_DIR/turnout``, else
    ``$XDG_CACHE_HOME/turnout``, else ``~/.cache/turnout``.

    >>> user_cache_dir().name
    'turnout'
    """
    base = os.environ.get("TURNOUT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "turnout"


def figures_dir() -> Path:
    return project_root() / "figures"


def scratch_dir() -> Path:
    """Where runs other than ``turnout build`` save charts: ``figures/scratch/`` (git ignores it).

    >>> scratch_dir().relative_to(figures_dir()).as_posix()
    'scratch'
    """
    return figures_dir() / "scratch"


def site_dir() -> Path:
    return project_root() / "site"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def seed_path() -> Path:
    """The bundled seed dataset: the checkout's ``data/raw`` copy, else the packaged one.

    >>> seed_path().name
    'ice_out_2026.csv'
    """
    local = raw_dir() / SEED_NAME
    if local.is_file():
        return local
    packaged = resources.files("turnout") / "data" / SEED_NAME
    return Path(str(packaged))
