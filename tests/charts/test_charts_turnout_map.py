"""The turnout map: circle areas, insets, what is left off, labels and the files it publishes."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from matplotlib.path import Path as MplPath

from turnout import ap, geo, style
from turnout.charts.base import chart_info
from turnout.charts.turnout_map import MAP_COLUMNS, MIN_DIAMETER, turnout_map
from turnout.publish import save_chart
from turnout.select import out_of_period


def collection(fig, gid: str):
    found = [c for c in fig.axes[0].collections if c.get_gid() == gid]
    return found[0] if found else None


def per_person(fig) -> float:
    """Points^2 of marker per person, read back from the drawn circles (largest is unclipped)."""
    data = chart_info(fig).data
    counted = data[data["marker"].ne("no count")]
    sizes = collection(fig, "turnout-map-circles").get_sizes()
    return float(sizes[0] / counted["value_low"].iloc[0])


@pytest.fixture(scope="module")
def seed_map(seed_events):
    return turnout_map(seed_events)


# ---------------------------------------------------------------- the bundled story


def test_bundled_story_maps_its_ten_cities_with_portland_hollow(seed_map):
    data = chart_info(seed_map).data
    assert list(data.columns) == MAP_COLUMNS
    assert len(data) == 10 and data["place"].is_unique
    portland = data[data["city"].eq("Portland")].iloc[0]
    assert portland["marker"] == "no count" and math.isnan(portland["value_low"])
    hollow = collection(seed_map, "turnout-map-no-count")
    assert len(hollow.get_offsets()) == 1
    x, y = geo.project([portland["longitude"]], [portland["latitude"]], "OR")
    assert np.allclose(hollow.get_offsets()[0], [x[0], y[0]])
    assert len(collection(seed_map, "turnout-map-circles").get_offsets()) == 9
    assert "Portland, Ore." in chart_info(seed_map).notes


def test_circle_areas_are_proportional_to_the_numbers(seed_map):
    data = chart_info(seed_map).data
    counted = data[data["marker"].ne("no count")].reset_index(drop=True)
    sizes = collection(seed_map, "turnout-map-circles").get_sizes()
    assert len(sizes) == len(counted)
    k = per_person(seed_map)
    smallest = MIN_DIAMETER**2 / k
    big = counted["value_low"] >= smallest
    assert big.sum() >= 6
    # marker size is diameter^2 in points, so area (pi/4 * size) / people is one constant
    np.testing.assert_allclose(sizes[big] / counted["value_low"][big], k, rtol=1e-9)
    # Minneapolis (50,000) has 100 times the area of Atlanta (500)
    by_city = dict(zip(counted["city"], sizes, strict=True))
    assert by_city["Minneapolis"] / by_city["Atlanta"] == pytest.approx(100)
    # below the smallest visible circle, all share one size, stated in the notes
    tiny = sizes[~big]
    assert len(tiny) and np.allclose(tiny, tiny[0]) and tiny[0] >= MIN_DIAMETER**2
    floor_number = ap.fmt_count(tiny[0] / k)
    assert f"Crowds under {floor_number} are drawn as large as {floor_number}" in (
        chart_info(seed_map).notes
    )


def test_rings_run_to_the_high_end_on_the_same_scale(seed_map):
    data = chart_info(seed_map).data
    ranged = data[data["marker"].eq("range")]
    assert set(ranged["city"]) == {"Seattle", "Denver"}
    rings = collection(seed_map, "turnout-map-ranges").get_sizes()
    np.testing.assert_allclose(rings / ranged["value_high"].to_numpy(), per_person(seed_map))


def test_floors_are_dashed_and_labelled_with_a_plus(seed_map):
    data = chart_info(seed_map).data
    counted = data[data["marker"].ne("no count")].reset_index(drop=True)
    styles = collection(seed_map, "turnout-map-circles").get_linestyles()
    for i, r in counted.iterrows():
        dashed = styles[i % len(styles)][1] is not None
        assert dashed == (r["size_qualifier"] == "at least"), r["city"]
        assert r["label"].endswith("+") == (r["size_qualifier"] == "at least")
    assert data.loc[data["city"].eq("Houston"), "label"].iloc[0] == "3,000+"


def test_small_circles_are_drawn_over_large_ones(seed_map):
    sizes = collection(seed_map, "turnout-map-circles").get_sizes()
    assert (np.diff(sizes) <= 0).all()
    assert (
        collection(seed_map, "turnout-map-circles").get_zorder()
        > collection(seed_map, "turnout-map-ranges").get_zorder()
    )


def test_size_key_uses_the_map_scale_at_round_numbers(seed_map):
    key = collection(seed_map, "turnout-map-key")
    keys = [c for c in seed_map.axes[0].collections if c.get_gid() == "turnout-map-key"]
    assert key is not None and len(keys) >= 2
    labels = {t.get_text() for t in seed_map.axes[0].texts}
    k = per_person(seed_map)
    for c in keys:
        people = float(c.get_sizes()[0]) / k
        assert people == pytest.approx(round(people))
        assert str(round(people))[0] in "1235" and set(str(round(people))[1:]) <= {"0"}
        assert ap.fmt_count(people) in labels


def test_frame_words_come_from_the_data(seed_map):
    info = chart_info(seed_map)
    assert info.title == (
        "Reported protests in 10 cities; Minneapolis drew the largest crowd: "
        "about 50,000 on Jan. 23"
    )
    assert info.subtitle == (
        "Largest reported protest in each city, Jan. 23-Feb. 2, 2026; "
        "circle area shows the number of people"
    )
    assert info.source == "Source: Workers World, Feb. 3, 2026; map: U.S. Census Bureau"
    assert style.text_lines(seed_map, "title") == info.title
    assert "Minneapolis, 50,000 (“Around 50,000”) on Jan. 23" in info.alt
    assert "No count reported for Portland, Ore." in info.alt
    assert "Rings run to the high end" in info.notes and "floors" in info.notes


def test_labels_name_the_largest_without_overlaps(seed_map):
    ax = seed_map.axes[0]
    renderer = seed_map.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_gid() == "turnout-map-label"]
    assert labels and labels[0].get_text().startswith("Minneapolis\n50,000")
    boxes = [t.get_window_extent(renderer) for t in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    frame = ax.get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 for b in boxes)
    named = [t.get_text().split("\n")[0] for t in labels]
    data = chart_info(seed_map).data
    assert named[0] == data["city"].iloc[0]


def test_csv_and_json_one_row_per_city(seed_map, tmp_path):
    paths = save_chart(seed_map, "turnout-map", out_dir=tmp_path)
    assert sorted(paths) == ["csv", "html", "json", "phone_png", "png", "svg"]
    table = pd.read_csv(paths["csv"])
    assert len(table) == 10
    for col in ("latitude", "longitude", "value_low", "label", "size_text", "source_quote"):
        assert col in table
    mpls = table[table["city"].eq("Minneapolis")].iloc[0]
    assert mpls["size_text"] == "Around 50,000" and "50,000" in mpls["source_quote"]
    meta = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert meta["title"] == chart_info(seed_map).title


# ---------------------------------------------------------------- sums, edges, off the map


def test_sum_adds_a_citys_counted_events(seed_events):
    data = chart_info(turnout_map(seed_events, measure="sum")).data
    houston = data[data["city"].eq("Houston")].iloc[0]
    counted = seed_events[seed_events["city"].eq("Houston") & seed_events["size_low"].notna()]
    total = counted["size_low"].sum()
    assert houston["events"] == 5
    # drawn at the sum; read as a floor, rounded down to two significant figures
    assert houston["value_low"] == total
    assert houston["label"] == ap.fmt_count(math.floor(total / 100) * 100) + "+"
    assert " + " in houston["size_text"]


def test_events_off_the_map_are_left_off_and_counted(make_events):
    events = make_events(
        {"city": "Springfield", "state_code": "IL", "latitude": 39.8, "longitude": -89.64},
        {"city": "Hagatna", "state_code": "GU", "latitude": 13.47, "longitude": 144.75},
        {"city": "Charlotte Amalie", "state_code": "VI", "latitude": 18.34, "longitude": -64.93},
        {
            "city": "Nowhere",
            "state_code": "IL",
            "latitude": float("nan"),
            "longitude": float("nan"),
        },
        {"city": "San Juan", "state_code": "PR", "latitude": 18.47, "longitude": -66.11},
        {"city": "Anchorage", "state_code": "AK", "latitude": 61.22, "longitude": -149.90},
    )
    fig = turnout_map(events)
    info = chart_info(fig)
    assert sorted(info.data["state_code"]) == ["AK", "IL", "PR"]
    assert "Alaska and Puerto Rico drawn as insets (Alaska at about a third of its scale)." in (
        info.notes
    )
    assert (
        "Left off the map: two events outside the 50 states, D.C. and Puerto Rico (Guam and "
        "U.S. Virgin Islands) and one event with no known location." in info.notes
    )
    offsets = collection(fig, "turnout-map-circles").get_offsets()
    x, y = geo.project([-66.11], [18.47], "PR")
    assert any(np.allclose(o, [x[0], y[0]]) for o in offsets)


def test_coordinates_come_from_the_gazetteer_when_the_table_has_none(make_events):
    fig = turnout_map(make_events({"city": "Boise", "state_code": "ID", "size_low": 300.0}))
    data = chart_info(fig).data
    assert data["latitude"].iloc[0] == pytest.approx(43.6, abs=0.1)
    x, y = collection(fig, "turnout-map-circles").get_offsets()[0]
    rings = geo.projected_outlines()["ID"]
    assert sum(MplPath(r).contains_point((x, y)) for r in rings) % 2 == 1


def test_nothing_to_map_says_so(make_events):
    empty = turnout_map(make_events({}).iloc[:0])
    assert chart_info(empty).title == "No protests to chart"
    nowhere = turnout_map(
        make_events({"city": "Hagatna", "state_code": "GU", "latitude": 13.47, "longitude": 144.75})
    )
    assert chart_info(nowhere).title == "No protests to map"
    assert "outside the 50 states" in chart_info(nowhere).notes
    no_counts = turnout_map(
        make_events({"size_low": float("nan"), "latitude": 39.8, "longitude": -89.64})
    )
    assert chart_info(no_counts).title.endswith("none gives a crowd size")
    assert collection(no_counts, "turnout-map-circles") is None


def test_bad_arguments_raise_one_line_errors(seed_events):
    with pytest.raises(ValueError, match="measure"):
        turnout_map(seed_events, measure="mean")
    with pytest.raises(ValueError, match="scale_max"):
        turnout_map(seed_events, scale_max=0)


def test_scale_max_lets_maps_share_a_scale(seed_events):
    fig = turnout_map(seed_events, scale_max=100_000)
    assert per_person(fig) == pytest.approx(46.0**2 / 100_000)


# ---------------------------------------------------------------- a CCC month


@pytest.fixture(scope="module")
def ccc_excerpt():
    import warnings
    from pathlib import Path

    import turnout

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "ccc_2017_2020_excerpt.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the excerpt's rejected rows are by design
        return turnout.load_events(fixture, format="ccc")


def test_ccc_month_maps_its_cities(ccc_june):
    data = chart_info(turnout_map(ccc_june)).data
    places = ccc_june.dropna(subset=["latitude"]).drop_duplicates(["city", "state_code"])
    assert sorted(data["place"]) == sorted(
        ap.place_label(c, s) for c, s in zip(places["city"], places["state_code"], strict=True)
    )


def test_ccc_excerpt_every_circle_in_its_state(ccc_excerpt):
    fig = turnout_map(ccc_excerpt)
    info = chart_info(fig)
    data = info.data
    assert len(data) > 150
    # A row dated outside its sheet's period is left off, and the notes say so.
    dated = ccc_excerpt[~out_of_period(ccc_excerpt)]
    assert (
        len(dated) < len(ccc_excerpt)
        and "look mistyped (before CCC’s coverage or far from the month" in info.notes
    )
    places = dated.dropna(subset=["latitude"]).drop_duplicates(["city", "state_code"])
    assert len(data) == places["state_code"].isin(geo.MAPPED).sum()
    counted = data[data["marker"].ne("no count")].reset_index(drop=True)
    offsets = collection(fig, "turnout-map-circles").get_offsets()
    outlines = geo.projected_outlines()
    for (x, y), code in zip(offsets, counted["state_code"], strict=True):
        assert sum(MplPath(r).contains_point((x, y)) for r in outlines[code]) % 2 == 1, code
    assert info.source.startswith("Source") and info.source.endswith("map: U.S. Census Bureau")
    labels = [t for t in fig.axes[0].texts if t.get_gid() == "turnout-map-label"]
    assert 1 <= len(labels) <= 10  # the default limit
    # only the largest are named: every label is one of the 30 largest counted cities
    top = {n.replace("New York City", "New York") for n in counted["city"].head(30)}
    assert {t.get_text().split("\n")[0] for t in labels} <= top


def test_headline_is_ap_style_for_a_city_and_state(make_events):
    wv = {"city": "Charleston", "state_code": "WV", "latitude": 38.35, "longitude": -81.63}
    events = make_events(
        {**wv, "size_low": 500.0},
        {**wv, "size_low": 300.0, "date": "2026-01-31"},
        {"city": "Springfield", "latitude": 39.8, "longitude": -89.64},
    )
    info = chart_info(turnout_map(events, measure="sum"))
    assert info.title == (
        "Reported protests in two cities; Charleston, W.Va., drew the most protesters: "
        "800 at two events"
    )
    charleston = info.data[info.data["city"].eq("Charleston")].iloc[0]
    assert charleston["value_low"] == 800 and charleston["rows"] == "2; 3"
    assert charleston["size_text"] == "about 500 + about 300"


def test_labels_cross_no_ring_and_cover_no_big_circle(ccc_june):
    """A label beside New York's two-million ring must not run across it (CCC, June 2018)."""
    fig = turnout_map(ccc_june)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    to_px = fig.dpi / 72
    labels = [t.get_window_extent(renderer) for t in ax.texts if t.get_gid() == "turnout-map-label"]
    assert len(labels) >= 5
    discs = collection(fig, "turnout-map-circles")
    rings = collection(fig, "turnout-map-ranges")
    assert rings is not None and len(rings.get_offsets())
    for marks, what in ((discs, "disc"), (rings, "ring")):
        centres = ax.transData.transform(marks.get_offsets())
        radii = np.sqrt(marks.get_sizes()) / 2 * to_px
        for (cx, cy), r in zip(centres, radii, strict=True):
            if r <= 6 * to_px:
                continue  # small circles may sit under a label's halo
            for bb in labels:
                nx = min(max(cx, bb.x0), bb.x1)
                ny = min(max(cy, bb.y0), bb.y1)
                near = math.hypot(cx - nx, cy - ny)
                far = math.hypot(
                    max(abs(cx - bb.x0), abs(cx - bb.x1)), max(abs(cy - bb.y0), abs(cy - bb.y1))
                )
                if what == "disc":
                    assert near >= r - 1, f"a label covers a big circle at {cx:.0f}, {cy:.0f}"
                else:
                    assert not near < r - 1 < far, f"a label crosses a ring at {cx:.0f}, {cy:.0f}"


def test_rings_say_when_they_span_several_sources(seed_events):
    events = seed_events.copy()
    ranged = events["size_high"] > events["size_low"]
    assert ranged.any()
    events.loc[ranged, "source_name"] = "AP\nReuters"
    notes = chart_info(turnout_map(events)).notes
    assert "high end of a range, the lowest and highest of the sources\u2019" in notes


def test_no_note_on_the_smallest_circle_when_it_stands_for_under_10_people(make_events):
    """The editor: "Crowds under 2 are drawn as large as 2 so they show" is nonsense."""
    from turnout.charts.map_marks import circle_scale

    events = make_events(
        {"city": "Chicago", "size_low": 300.0},
        {"city": "Springfield", "size_low": 1.0, "row": 3},
    )
    assert 1.0 < circle_scale(300.0)[1] < 10  # a crowd of one is drawn larger than it is
    assert "drawn as large as" not in chart_info(turnout_map(events)).notes
