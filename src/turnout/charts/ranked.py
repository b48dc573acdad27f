"""Who leads a chart's cities: the ranking rule (:mod:`turnout.ranking`) decided once per
table, so the bar chart and the map of the same rows lead with the same place and hedge alike.

>>> import turnout
>>> r = rank_cities(turnout.load_events(), "largest")
>>> r.leader.name, r.clear
('Minneapolis', True)
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

from turnout.ap import fmt_range, place_in_text, place_label
from turnout.charts import rows
from turnout.ranking import Claim, Ranking, rank, reach

#: The order a chart's counts are read in: largest low end first, then the larger high
#: end, the earlier day and the earlier row; the charts draw their bars in it too.
ORDER = (["size_low", "size_high", "date", "row"], [False, False, True, True])


def rank_cities(events: pd.DataFrame, measure: Literal["largest", "sum"]) -> Ranking:
    """The ranking over every count of ``events`` (a table as
    :func:`turnout.charts.rows.prepare` gives it; rows with no number are ignored): each
    event's for ``"largest"`` (a city's smaller floor may still outgrow another city's
    biggest count), each city's total for ``"sum"``. One city is named once, and its own
    other events never contest its lead.
    """
    counted = events[events["size_low"].notna()].sort_values(ORDER[0], ascending=ORDER[1])
    if measure == "largest":
        claims = [
            Claim(
                place_in_text(r["city"], r["state_code"]),
                r["size_low"],
                r["size_high"],
                r["size_qualifier"] == "at least",
                rows.text(r["size_text"]).strip() or fmt_range(r["size_low"], r["size_high"]),
            )
            for _, r in counted.iterrows()
        ]
    else:
        claims = [
            Claim(
                place_in_text(r["city"], r["state_code"]),
                r["value_low"],
                r["value_high"],
                bool(r["floor"]),
                rows.hedged(
                    rows.floor_total(r["value_low"]),
                    rows.floor_total(r["value_high"]),
                    bool(r["floor"]),
                    False,  # a sum is no one's ceiling
                ),
                most=r["value_most"],
            )
            for _, r in city_totals(counted).iterrows()
        ]
    ranking = rank(claims)
    parts: dict[str, Any] = {
        part: list(
            {
                c.name: c for c in getattr(ranking, part)[::-1] if c.name != ranking.leader.name
            }.values()
        )[::-1]
        for part in ("tied", "floors_above", "ranges_above")
    }
    return ranking._replace(**parts)


def city_totals(counted: pd.DataFrame) -> pd.DataFrame:
    """Each city's counted events added up: ``value_low``/``value_high``, ``floor`` (one of
    them is a floor, so the sum is one) and ``value_most`` (the most each event's words
    allow, added up: the total can reach no further), largest first.

    >>> import pandas as pd
    >>> ev = pd.DataFrame({"city": ["A", "A"], "state_code": ["TX", "TX"],
    ...     "size_low": [2000.0, 500.0], "size_high": [2000.0, 500.0],
    ...     "size_qualifier": ["at least", ""], "size_text": ["thousands", "500"]})
    >>> city_totals(ev)[["value_low", "value_most"]].iloc[0].tolist()
    [2500.0, 10500.0]
    """
    floors = counted["size_qualifier"].eq("at least")
    most = [
        reach(rows.text(t), lo) if f else hi
        for t, lo, hi, f in zip(
            counted["size_text"], counted["size_low"], counted["size_high"], floors, strict=True
        )
    ]
    totals = (
        counted.assign(floor=floors, most=most)
        .groupby(["city", "state_code"], sort=False)
        .agg(
            value_low=("size_low", "sum"),
            value_high=("size_high", "sum"),
            floor=("floor", "any"),
            value_most=("most", "sum"),
        )
        .reset_index()
    )
    totals["place"] = [
        place_label(c, s) for c, s in zip(totals["city"], totals["state_code"], strict=True)
    ]
    return totals.sort_values(["value_low", "value_high", "place"], ascending=[False, False, True])
