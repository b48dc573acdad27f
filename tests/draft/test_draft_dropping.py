"""The drafter's drop head (draft/dropping, features.row_features): trained on the rules'
rows of the batches coded blind after the rules were written, judged by leaving one of
those articles out at a time, shipped only when it earns it; real sentences of the
development set (tests/fixtures/articles/, named in each test)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from turnout.draft import model as drafter_model
from turnout.draft.dropping import BLIND
from turnout.draft.features import DROP_NAMES, row_features
from turnout.draft.gatherings import build_draft
from turnout.draft.training import batch_names

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests/fixtures/articles"


def _head() -> dict:
    return json.loads(drafter_model.WEIGHTS.read_text(encoding="utf-8"))["drop head"]


def test_the_drop_head_is_trained_on_the_blind_batches_and_scored_on_them():
    head = _head()
    names = frozenset().union(*(batch_names(FOLDER, b) for b in BLIND))
    assert len(names) == 142 and set(head["articles"]) == names
    assert head["features"] == list(DROP_NAMES) and len(head["weights"]) == len(DROP_NAMES)
    assert 0 < head["false rule rows"] < head["rule rows"]
    cv = head["cv"]
    assert len(cv["thresholds"]) == 142
    # Dropping only takes rows away: the same gatherings to find, no more rows drafted.
    assert cv["with dropping"]["expected"] == cv["rules and model"]["expected"]
    assert cv["with dropping"]["proposed"] <= cv["rules and model"]["proposed"]


def test_a_drop_head_that_did_not_earn_its_place_drops_nothing():
    head = _head()
    assert head["ships"] or head["threshold"] == 0.0


def _with_head(monkeypatch, ships: bool) -> None:
    shipped = drafter_model.model()
    sure_not = [-30.0] + [0.0] * (len(DROP_NAMES) - 1)
    head = {**shipped["drop head"], "weights": sure_not, "threshold": 0.5, "ships": ships}
    monkeypatch.setattr(drafter_model, "model", lambda: {**shipped, "drop": 0.0, "drop head": head})


def test_a_shipped_drop_head_leaves_a_row_out_and_lists_its_numbers(monkeypatch):
    _with_head(monkeypatch, ships=True)
    draft = build_draft("Hundreds marched in Denver on Saturday.", published=dt.date(2020, 6, 7))
    assert draft.rows.empty
    assert [(q.text, q.reason) for q in draft.left_out] == [("Hundreds", drafter_model.DROPPED)]


def test_a_drop_head_that_does_not_ship_is_not_used(monkeypatch):
    _with_head(monkeypatch, ships=False)
    draft = build_draft("Hundreds marched in Denver on Saturday.", published=dt.date(2020, 6, 7))
    assert list(draft.rows.locality) == ["Denver"]


def _rows(name: str, published: dt.date) -> list:
    text = (FOLDER / f"{name}.txt").read_text(encoding="utf-8")
    draft = build_draft(text, published=published, model=False)
    return [
        dict(zip(DROP_NAMES, row_features(c, draft.facts), strict=True))
        for c in draft.candidates
        if c.ruled
    ]


def test_row_features_see_one_number_shared_by_several_places():
    # axios-2019-08-04-el-paso-dayton-vigils: "Thousands of people turned out for vigils in
    # El Paso, Texas, and Dayton, Ohio, Sunday night": one number, two rows.
    rows = _rows("axios-2019-08-04-el-paso-dayton-vigils", dt.date(2019, 8, 5))
    shared = [f for f in rows if f["several rows share its number"] == 1.0]
    assert len(shared) == 2
    assert all(f["total words in its number's clause"] == 0.0 for f in shared)


def test_row_features_see_the_same_place_on_another_day():
    # edweek-2019-03-11-annapolis-teachers-march: "On Monday, thousands of educators ...
    # gathered in Annapolis, Md." and a photo caption's "today" give Annapolis two days.
    rows = _rows("edweek-2019-03-11-annapolis-teachers-march", dt.date(2019, 3, 12))
    assert len(rows) == 2
    assert all(f["the rules built its place on another day too"] == 1.0 for f in rows)
    assert [f["its number counts people"] for f in rows] == [1.0, 0.0]


def test_row_features_see_a_small_count_and_a_word_of_death():
    # thehawkeye-2015-06-28-pride-parades: "spectators flocked 10 to 15 people deep" is San
    # Francisco's only number; timesherald-2021-03-26-san-francisco-anti-asian-hate: the
    # rally's sentence names "a shooting last week that left eight people ... dead".
    small = _rows("thehawkeye-2015-06-28-pride-parades", dt.date(2015, 6, 29))
    assert [f["its largest number is under 20"] for f in small].count(1.0) == 1
    death = _rows("timesherald-2021-03-26-san-francisco-anti-asian-hate", dt.date(2021, 3, 26))
    assert [f["a word of death or violence in its sentence"] for f in death] == [1.0]
    assert [f["its largest number is under 20"] for f in death] == [0.0]  # "hundreds"
