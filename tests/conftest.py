"""Shared fixtures: the seed events, and a builder for small synthetic events tables."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest


@pytest.fixture(scope="session")
def seed_events() -> pd.DataFrame:
    """The cleaned seed story (18 events, 10 cities); never modified by a test."""
    import turnout

    return turnout.load_events()


@pytest.fixture(scope="session")
def ccc_june() -> pd.DataFrame:
    """June 2018 from the Crowd Counting Consortium excerpt: a CCC month, as a desk charts it."""
    import warnings

    import turnout

    fixture = Path(__file__).resolve().parent / "fixtures" / "ccc_2017_2020_excerpt.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the excerpt's rejected rows are by design
        events = turnout.load_events(fixture, format="ccc")
    return turnout.select_events(events, start="2018-06-01", end="2018-06-30")


def make_event(**kw: object) -> dict[str, object]:
    """One cleaned-event row with the columns charts read; keywords override the defaults."""
    low = kw.get("size_low", 100.0)
    high = kw.get("size_high", low)
    row: dict[str, object] = {
        "row": 2,
        "date": "2026-01-30",
        "city": "Springfield",
        "state_code": "IL",
        # the words agree with the numbers unless a test says otherwise
        "size_text": None if pd.isna(low) else f"about {low:,.0f}",
        "size_low": low,
        "size_high": high,
        "temp_text": None,
        "temp_f_low": math.nan,
        "temp_f_high": math.nan,
        "temp_label": "none",
        "source_name": "Test Gazette",
        "source_date": "2026-02-01",
        "source_quote": "About 100 people rallied.",
    }
    row.update(kw)
    return row


@pytest.fixture
def make_events():
    """Build a cleaned events table from dicts of overrides; rows numbered 2, 3, ... by default."""

    def build(*rows: dict[str, object]) -> pd.DataFrame:
        records = [make_event(**{"row": i + 2, **r}) for i, r in enumerate(rows)]
        df = pd.DataFrame(records)
        df["date"] = pd.to_datetime(df["date"])
        for col in ("size_low", "size_high", "temp_f_low", "temp_f_high"):
            df[col] = df[col].astype("float64")
        df["size_mean"] = (df["size_low"] + df["size_high"]) / 2
        return df

    return build


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A skipped test is a test that did not run: on a machine with everything, fail on it."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        reporter.write_line(f"FAILED: {len(skipped)} test(s) skipped; make test skips nothing")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
