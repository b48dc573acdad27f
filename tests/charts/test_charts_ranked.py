"""One ranking per table (issue 24): on real CCC months the bar chart and the map lead
with the same place and print the same hedge, and hedge only where the words allow."""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import turnout
from turnout.charts import chart_info, turnout_by_city, turnout_map
from turnout.charts.ranked import rank_cities

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ccc_copydesk.csv"


@pytest.fixture(scope="module")
def ccc() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its out-of-coverage dates are rejected, with reasons
        return turnout.load_events(FIXTURE, format="ccc")


def _month(ccc: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    return turnout.select_events(ccc, start=start, end=end)


def _titles(events: pd.DataFrame, **kw) -> tuple[str, str]:
    bars, area = turnout_by_city(events, **kw), turnout_map(events, **kw)
    titles = chart_info(bars).title, chart_info(area).title
    plt.close(bars)
    plt.close(area)
    return titles


def test_june_2020_hedges_only_where_the_words_allow(ccc):
    bar, mapped = _titles(_month(ccc, "2020-06-01", "2020-06-30"))
    # "more than 2000" reaches 3,000, not 20,000: only San Diego's "thousands" may be larger.
    assert bar == (
        "Tulsa, Okla., reported the largest count, 6,200 to 10,000; "
        "San Diego’s “thousands” may be larger"
    )
    assert mapped.split("; ", 1)[1] == bar
    june = _month(ccc, "2020-06-01", "2020-06-30")
    for chart in (turnout_by_city, turnout_map):  # alt text hedges as the headline does
        alt = chart_info(chart(june)).alt
        assert "By the least each count allows: " in alt and "From largest" not in alt
        assert "San Diego’s “thousands” may be larger." in alt
        assert "Altamahaw" not in alt.split("By the least")[0]


@pytest.mark.parametrize(
    ("start", "end", "measure"),
    [
        ("2018-05-01", "2018-05-31", "largest"),
        ("2018-06-01", "2018-06-30", "largest"),
        ("2018-06-01", "2018-06-30", "sum"),
        ("2020-06-01", "2020-06-30", "largest"),
        ("2020-06-01", "2020-06-30", "sum"),
    ],
)
def test_bar_chart_and_map_lead_alike(ccc, start, end, measure):
    bar, mapped = _titles(_month(ccc, start, end), measure=measure)
    said = mapped.split("; ", 1)[1]
    # The map's headline says "crowd" where the bar chart says "reported crowd".
    assert said == bar.replace("largest reported crowd", "largest crowd").replace(
        "most reported protesters", "most protesters"
    )


def test_the_pride_march_prints_no_low_end_above_the_coded_one(ccc):
    june = _month(ccc, "2018-06-01", "2018-06-30")
    data = chart_info(turnout_by_city(june)).data
    new_york = data.loc[data["city"].eq("New York")].iloc[0]
    assert (new_york["size_low"], new_york["size_high"]) == (1_050_000, 2_000_000)
    assert new_york["label"].startswith("1.05 million-2 million")
    assert "1.1 million" not in chart_info(turnout_map(june)).alt
    assert rank_cities(june, "largest").leader.name == "New York"


def test_a_count_the_map_cannot_place_still_hedges_its_headline(make_events):
    # CCC, July 2020 ("sum"): a floor with no coordinates contested the bar chart's leader
    # but not the map's, so the two charts of one table disagreed.
    events = make_events(
        {"city": "Denver", "state_code": "CO", "size_low": 5000.0, "size_text": "5,000"},
        {
            "city": "Nowhere Creek",
            "state_code": "SD",
            "size_low": 4000.0,
            "size_text": "more than 4,000",
            "size_qualifier": "at least",
        },
    ).assign(latitude=[39.74, float("nan")], longitude=[-104.99, float("nan")])
    bar, mapped = _titles(events)
    assert bar == (
        "Denver reported the largest count, 5,000; "
        "Nowhere Creek, S.D.’s “more than 4,000” may be larger"
    )
    assert mapped.split("; ", 1)[1] == bar
    assert "with no known location" in chart_info(turnout_map(events)).notes
