"""The one error a build raises: a notebook that cannot be built, by notebook and cell."""

from __future__ import annotations

from typing import Any

from turnout.errors import DataError
from turnout.paths import display_path


class NotebookError(DataError):
    """A notebook that cannot be built, located by notebook and cell (1-based, all cells).

    >>> str(NotebookError("notebooks/02-x.ipynb", "KeyError: 'city'", cell=6))
    "notebooks/02-x.ipynb, cell 6: KeyError: 'city'"
    """

    def __init__(self, notebook: object, message: str, *, cell: int | None = None) -> None:
        self.notebook = display_path(notebook)
        self.cell = cell
        super().__init__(message, path=self.notebook)

    def __str__(self) -> str:
        where = self.notebook + (f", cell {self.cell}" if self.cell else "")
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (notebook_error, (self.notebook, self.message, self.cell))


def notebook_error(notebook: str, message: str, cell: int | None) -> NotebookError:
    """A :class:`NotebookError` from the three values a worker sends back."""
    return NotebookError(notebook, message, cell=cell)
