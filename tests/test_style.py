"""turnout.style: the house look (style sheet, figure), and wrapping that keeps dates whole."""

from __future__ import annotations

import subprocess
import sys

import matplotlib
import pytest
from chart_checks import (
    _MONTHS,
    _wrap_at_every_width,
)
from matplotlib.colors import to_hex

from turnout import style


def test_import_turnout_does_not_load_matplotlib():
    code = "import sys, turnout; turnout.__version__; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_style_sheet_ships_in_the_package_and_sets_the_house_look():
    assert style.STYLE_PATH.is_file()
    with style.use_style():
        rc = matplotlib.rcParams
        cycle = [to_hex(c).lower() for c in rc["axes.prop_cycle"].by_key()["color"]]
        assert cycle == [c.lower() for c in style.PALETTE]
        assert not rc["axes.spines.top"] and not rc["axes.spines.right"]
        assert rc["axes.grid"] and rc["axes.grid.axis"] == "y"
        assert rc["font.sans-serif"][0] == "DejaVu Sans"
        assert rc["svg.hashsalt"] == "turnout"
        assert list(rc["figure.figsize"]) == [6.4, 4.6]
    assert matplotlib.rcParams["svg.hashsalt"] != "turnout"  # restored after the block


@pytest.mark.slow  # draws dozens of figures: seconds apiece on two cores
@pytest.mark.parametrize("balance", [False, True])
def test_wrapping_never_splits_a_date_or_a_unit(balance):
    import re

    text = (
        "Reported protests peaked on June 14 and Jan. 30, Jan. 23-Feb. 2, 2026, "
        "at 9° F, and Numbers with a + are floors in May 2018"
    )
    month_end = re.compile(rf"(?:^|[\s\-]){_MONTHS}$")
    day = re.compile(r"\d{1,2}(?!\d)")
    seen = 0
    for lines in _wrap_at_every_width(text, balance=balance, widths=20 if balance else 80):
        assert " ".join(lines) == text  # wrapping only replaces spaces
        for line, nxt in zip(lines, lines[1:], strict=False):
            seen += 1
            assert not (month_end.search(line) and day.match(nxt)), (line, nxt)
            assert not (line.endswith("°") and nxt.startswith("F")), (line, nxt)
            assert not nxt.startswith("+"), (line, nxt)
    assert seen > 20  # the text really was broken, many ways
