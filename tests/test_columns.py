"""turnout's raw format (turnout.columns): the column names every reader shares, and the
codebook a reporter reads them in (data/raw/README.md), the same and in the same order."""

from __future__ import annotations

import re

from turnout import paths
from turnout.columns import RAW_COLUMNS


def test_the_codebook_describes_every_column_in_file_order():
    codebook = (paths.project_root() / "data" / "raw" / "README.md").read_text(encoding="utf-8")
    described = re.findall(r"^\| `([a-z_]+)` \|", codebook, flags=re.M)
    assert described == RAW_COLUMNS
