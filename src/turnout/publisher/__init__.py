"""Notebooks to newsroom pages: what ``turnout build`` runs, one module per job.

- :mod:`~turnout.publisher.plan`: what to build (:class:`BuildOptions`), and
  building it (:func:`build_site`, :func:`build_story`);
- :mod:`~turnout.publisher.cache`: content keys and the manifest of what was built;
- :mod:`~turnout.publisher.workers`: notebooks run in parallel worker processes;
- :mod:`~turnout.publisher.execute`: one notebook run with nbclient, parameters injected;
- :mod:`~turnout.publisher.render`: its outputs checked and the page rendered;
- :mod:`~turnout.publisher.staging`: a build's files published all at once or not at all;
- :mod:`~turnout.publisher.index`: ``site/index.html`` and each story's index, from the manifests;
- :mod:`~turnout.publisher.errors`: :class:`NotebookError`.

Every notebook in ``notebooks/`` is executed top to bottom with nbclient
(kernel ``python3``, working directory the project root), its charts are
saved to ``figures/`` by the notebook itself, and the result is rendered to
``site/NAME.html`` (NAME is the notebook's stem without its number prefix:
``02-turnout-by-city.ipynb`` -> ``turnout-by-city.html``) with turnout's own
nbconvert template. ``site/index.html`` links every page by its headline.

The build is cached by content: a notebook whose source, data files
(``data/raw/**``) and library code (``src/turnout/**``, templates and style
included) are unchanged since its last build, and whose page and figures
still exist, is neither executed nor rendered. That warm path reads a few
files and hashes them; it imports no pandas, matplotlib, nbclient or
nbconvert, so ``turnout build`` with nothing to do takes a fraction of a
second.

Notebooks run in parallel worker processes (one kernel each), with a
progress bar per notebook. They write their pages and figures into staging
folders beside ``site/`` and ``figures/``; only when every notebook succeeded
are those files moved into place (``os.replace``, index last). A cell error
raises :class:`NotebookError`, one line naming the notebook and the cell, which
the ``turnout`` command prints with a non-zero exit status, and leaves the last
good site and figures exactly as they were.
"""

from turnout.publisher.errors import NotebookError
from turnout.publisher.plan import (
    PAGE_BUDGET,
    BuildOptions,
    Page,
    build_site,
    build_story,
    clean_data,
    find_notebooks,
    page_name,
)

__all__ = [
    "PAGE_BUDGET",
    "BuildOptions",
    "NotebookError",
    "Page",
    "build_site",
    "build_story",
    "clean_data",
    "find_notebooks",
    "page_name",
]
