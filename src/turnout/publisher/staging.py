"""Publishing a build all at once or not at all: staging folders beside ``site/`` and
``figures/``, and the moves that put their files in place."""

from __future__ import annotations

import os
from pathlib import Path


class Staging:
    """Temporary ``site`` and ``figures`` folders beside the real ones (same file system),
    and the moves that publish their files.

    ``publish(path)`` moves one staged file to the same place under the real folder with
    ``os.replace`` (atomic: a reader sees the old file or the new one, never half of one)
    and returns where it went; ``publish_rest()`` moves whatever else the notebooks
    wrote. Files the build did not write (other pages, a story's subfolder) are never
    touched. Leaving the ``with`` block deletes the staging folders and anything still
    in them, so a failed build leaves only the real folders, unchanged.
    """

    def __init__(self, site: Path, figures: Path) -> None:
        self.targets = {"site": site, "figures": figures}
        self.roots: dict[str, Path] = {}

    def __enter__(self) -> Staging:
        import tempfile

        for kind, target in self.targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            self.roots[kind] = Path(
                tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent)
            )
        return self

    @property
    def site(self) -> Path:
        return self.roots["site"]

    @property
    def figures(self) -> Path:
        return self.roots["figures"]

    def publish(self, path: Path) -> Path:
        for kind, root in self.roots.items():
            if path.is_relative_to(root):
                final = self.targets[kind] / path.relative_to(root)
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, final)
                return final
        return path  # not staged (a notebook wrote somewhere else): already in place

    def publish_rest(self) -> None:
        for root in self.roots.values():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                self.publish(path)

    def __exit__(self, *exc: object) -> None:
        import shutil

        for root in self.roots.values():
            shutil.rmtree(root, ignore_errors=True)
