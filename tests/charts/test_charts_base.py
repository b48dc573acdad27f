"""What every chart shares: chart info, 6.4 in PNGs, reported headlines, AP words, provenance."""

from __future__ import annotations

import base64

import matplotlib
import pandas as pd
import pytest
from chart_checks import (
    _MONTHS,
    MARKED,
    all_words,
    ap_number_problems,
    direct_labels,
    frame_text,
)

import turnout
from turnout.charts import (
    temperature_vs_attendance,
    timeline_density,
    turnout_by_city,
    turnout_map,
)
from turnout.charts.base import chart_info, draw, message_figure_of
from turnout.charts.specs import left_out_spec, spec


def test_chart_info_refuses_a_plain_figure():
    with pytest.raises(ValueError, match="not made by turnout"):
        chart_info(matplotlib.figure.Figure())


def test_draw_gives_an_empty_selection_its_frame_and_sentence_not_empty_axes(seed_events):
    empty = spec(seed_events.iloc[:0], "turnout-by-city")
    fig = draw(empty)
    assert fig.axes == []  # no empty plot a reader could take for "zero"
    words = [t.get_text() for t in fig.texts]
    assert empty.left_out == "No events in this selection." and empty.left_out in words
    assert chart_info(fig) is empty


def test_draw_refuses_a_kind_it_has_no_renderer_for(seed_events):
    made_up = spec(seed_events, "turnout-by-city")._replace(kind="pie-chart")
    with pytest.raises(ValueError, match="no matplotlib renderer for chart kind 'pie-chart'"):
        draw(made_up)


def test_a_left_out_spec_drawn_says_its_sentence_and_names_its_chart_kind():
    empty = left_out_spec(
        "timeline-density", title=None, message="No counts to chart.", source="Source: X",
        columns=["date"],
    )  # fmt: skip
    fig = message_figure_of(empty)
    info = chart_info(fig)
    assert info.left_out == "No counts to chart." and info.source == "Source: X"
    assert info.kind == "timeline-density" and draw(empty).get_axes() == []
    assert chart_info(draw(empty)).kind == "timeline-density"


@pytest.mark.parametrize(
    "make",
    [
        lambda ev: turnout_by_city(ev),
        lambda ev: temperature_vs_attendance(ev),
        lambda ev: timeline_density(ev, marked_days=MARKED),
    ],
)
def test_charts_are_6_4_inches_wide_and_not_pyplot(seed_events, make):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = make(seed_events)
    assert fig.get_figwidth() == pytest.approx(6.4)
    assert 3.0 <= fig.get_figheight() <= 6.0
    assert plt.get_fignums() == before  # nothing left open in pyplot's registry
    data, meta = fig._repr_mimebundle_()  # what Jupyter shows for a bare `fig`
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")
    assert meta["image/png"]["width"] == 640
    assert data["text/plain"] == meta["image/png"]["alt"] == chart_info(fig).alt


@pytest.fixture(scope="module")
def review_charts(seed_events, ccc_june) -> list:
    """Every chart kind on the seed story and on a CCC month, as the editor reviewed them."""
    figs = []
    for events in (seed_events, ccc_june):
        figs += [
            turnout_by_city(events),
            turnout_by_city(events, measure="sum"),
            turnout_by_city(events, labels="words", top=4),
            temperature_vs_attendance(events),
            timeline_density(events, marked_days=MARKED),
            timeline_density(events, marked_days=MARKED, freq="week"),
        ]
    return figs


@pytest.mark.slow  # draws dozens of figures: seconds apiece on two cores
def test_headlines_say_the_counts_are_reported(seed_events, ccc_june, make_events):
    """A partisan source's crowd counts are attributed in every headline, whatever the data."""
    titles = {
        chart_info(turnout_by_city(seed_events)).title,
        chart_info(turnout_by_city(seed_events, measure="sum")).title,
        chart_info(turnout_by_city(ccc_june)).title,
        chart_info(timeline_density(seed_events)).title,
        chart_info(timeline_density(ccc_june)).title,
        chart_info(timeline_density(ccc_june, freq="week")).title,
        chart_info(timeline_density(make_events({}, {"city": "Dallas"}))).title,
        # every day the same, and more than three tied peaks
        chart_info(timeline_density(make_events({}, {"date": "2026-01-31"}))).title,
        chart_info(
            timeline_density(
                make_events(*[{"date": f"2026-01-{d}"} for d in (10, 12, 14, 16, 18)]),
                start="2026-01-09",
                end="2026-01-19",
            )
        ).title,
    }
    for title in titles:
        assert "reported" in title.lower(), title
        # A headline, not a paragraph; one that must say what may be larger is a clause longer.
        assert len(title) <= (110 if "; " in title else 90), title
    assert chart_info(turnout_by_city(seed_events, measure="sum")).title == (
        "Minneapolis drew the most reported protesters: 70,000+ at two events"  # a floor in the sum
    )
    assert chart_info(timeline_density(ccc_june)).title == (
        "Reported protests peaked on June 1 and 14: three events each"
    )


@pytest.mark.slow  # draws dozens of figures: seconds apiece on two cores
def test_ap_numbers_in_every_title_subtitle_note_and_alt(review_charts):
    for fig in review_charts:
        for text in all_words(fig):
            assert ap_number_problems(text) == [], text


@pytest.mark.slow  # draws dozens of figures: seconds apiece on two cores
def test_ap_numbers_in_long_and_edge_case_wording(make_events):
    many = [
        {"city": f"Town {chr(65 + i)}", "state_code": "OH", "size_low": float(100 * (i + 1))}
        for i in range(12)
    ]
    by_city = turnout_by_city(make_events(*many), top=5)
    info = chart_info(by_city)
    assert info.subtitle.startswith("The five cities with the most people, of 12 with a count")
    assert "Not shown: seven more cities with a count." in info.notes
    assert "the top five of 12 cities" in info.alt
    temps = make_events(
        *[{"city": f"Town {chr(65 + i)}", "temp_f_low": float(i), "temp_f_high": float(i)}
          for i in range(12)],
        {"city": "Town Z"},
    )  # fmt: skip
    info = chart_info(temperature_vs_attendance(temps))
    assert info.notes.startswith("Of 13 events, 12 report both")  # never "12 of 13 ..."
    tiny = make_events({"size_low": 1.0, "temp_f_low": 5.0, "temp_f_high": 5.0})
    assert "one person" in chart_info(temperature_vs_attendance(tiny)).alt
    for fig in (by_city, temperature_vs_attendance(temps), temperature_vs_attendance(tiny)):
        for text in all_words(fig):
            assert ap_number_problems(text) == [], text


def test_data_tables_and_bar_labels_keep_numerals(seed_events, ccc_june):
    city = turnout_by_city(ccc_june)
    labels = dict(zip(chart_info(city).data["place"], chart_info(city).data["label"], strict=True))
    assert labels["Fort Worth, Texas"] == "6" and labels["Savannah, Ga."] == "1"
    assert "6" in direct_labels(city, "turnout-label")
    data = chart_info(timeline_density(seed_events)).data.set_index("label")
    assert data.loc["Jan. 30", "events"] == 9 and data.loc["Jan. 30", "cities"] == 8


def test_periods_in_chart_words_are_ap_ranges(seed_events, ccc_june):
    # The excerpt's June 2018 has events on June 1-22; the month was asked for.
    assert ccc_june["date"].max() == pd.Timestamp("2018-06-22")
    for fig in (turnout_by_city(ccc_june), timeline_density(ccc_june)):
        assert chart_info(fig).subtitle.endswith("June 1-30, 2018")
        assert "June 1-30, 2018" in chart_info(fig).alt
    unselected = ccc_june.copy()
    unselected.attrs.clear()  # nothing asked: the data's own first and last day
    assert chart_info(turnout_by_city(unselected)).subtitle.endswith("June 1-22, 2018")
    across = timeline_density(seed_events, start="2025-12-30", end="2026-02-02")
    assert chart_info(across).subtitle.endswith("Dec. 30, 2025-Feb. 2, 2026")
    empty = timeline_density(seed_events, start="2025-06-01", end="2025-06-30")
    assert frame_text(empty, "message") == "No events in this selection, June 1-30, 2025."


@pytest.mark.slow
def test_frame_keeps_dates_whole_and_words_free_of_nonbreaking_spaces(review_charts):
    import re

    month_end = re.compile(rf"(?:^|[\s\-]){_MONTHS}$")
    day = re.compile(r"\d{1,2}(?!\d)")
    for fig in review_charts:
        info = chart_info(fig)
        for gid in ("title", "subtitle", "notes", "source"):
            lines = [t for t in fig.texts if t.get_gid() == f"turnout-{gid}"]
            for t in lines:
                rows = t.get_text().split("\n")
                for line, nxt in zip(rows, rows[1:], strict=False):
                    assert not (month_end.search(line) and day.match(nxt)), (line, nxt)
                    assert not nxt.startswith("+"), (line, nxt)
        assert "\u00a0" not in "".join([*all_words(fig), info.source])
        assert not info.data.astype(str).apply(lambda c: c.str.contains("\u00a0")).any().any()


def test_event_rows_carry_their_source_url(ccc_june, make_events):
    by_row = ccc_june.set_index("row")
    for fig in (turnout_by_city(ccc_june), turnout_by_city(ccc_june, measure="sum")):
        data = chart_info(fig).data
        assert {"source_name", "source_date", "source_url", "source_quote"} <= set(data.columns)
        for _, r in data.iterrows():
            assert r["source_url"] == by_row.loc[r["row"], "source_url"]  # the number's trace
            assert r["source_url"].startswith("http")
            assert r["source_name"] == "Crowd Counting Consortium"
        assert data["source_quote"].isna().all()  # CCC gives no quote; the URL traces the number
    url = "https://gazette.example/2026/01/30/rally"
    events = make_events({"temp_f_low": 20.0, "temp_f_high": 20.0, "source_url": url})
    data = chart_info(temperature_vs_attendance(events)).data
    assert {"source_name", "source_date", "source_url", "source_quote"} <= set(data.columns)
    assert data["source_url"].tolist() == [url]


@pytest.mark.slow  # draws dozens of figures: seconds apiece on two cores
def test_a_city_filter_is_disclosed(seed_events):
    """A chart of three of the data's 10 cities says so in headline, subtitle and alt text."""
    story = turnout.read_story(cities=["Minneapolis", "Houston", "Seattle"])
    chosen, of = story.select(seed_events), story.cities_in_data(seed_events)
    assert of == 10
    for info in (
        chart_info(turnout_by_city(chosen, cities_in_data=of)),
        chart_info(turnout_by_city(chosen, measure="sum", cities_in_data=of)),
        chart_info(timeline_density(chosen, cities_in_data=of)),
    ):
        assert "three of the 10 cities in the data" in info.subtitle, info.subtitle
        assert "three" in info.title and "cities" in info.title, info.title
        assert "covers three of the 10 cities in the data: Houston;" in info.alt
    # Every city charted: nothing to disclose.
    whole = chart_info(turnout_by_city(seed_events, cities_in_data=10))
    assert "in the data" not in whole.subtitle + whole.alt


def test_word_rules_note_lists_only_words_that_give_their_number(make_events):
    """CCC's size_text can name where a coder found a count ("facebook", 519): no rule for
    reading words, so the note leaves it out and keeps the words that do give a number."""
    ev = make_events(
        {"city": "Tulsa", "size_text": "facebook", "size_low": 519.0, "size_high": 519.0},
        {"city": "Denver", "size_text": "hundreds", "size_low": 200.0, "size_high": 200.0},
    )
    notes = chart_info(turnout_by_city(ev)).notes
    assert "“hundreds” as 200" in notes
    assert "facebook" not in notes


@pytest.mark.parametrize("chart", [turnout_by_city, timeline_density, turnout_map])
def test_a_cities_filter_keeps_the_period_asked_for(seed_events, chart):
    two = turnout.select_events(
        seed_events, start="2026-01-23", end="2026-02-02", cities=["Seattle", "Denver"]
    )
    assert (two["date"].min(), two["date"].max()) == (
        pd.Timestamp("2026-01-30"),
        pd.Timestamp("2026-01-31"),
    )
    info = chart_info(chart(two))
    assert "Jan. 23-Feb. 2, 2026" in info.subtitle and "Jan. 23-Feb. 2, 2026" in info.alt
    assert "Jan. 30-31" not in info.subtitle + info.alt


@pytest.fixture(scope="module")
def copydesk_ccc():
    """Real CCC rows chosen for the copy desk's cases (tests/fixtures/README.md)."""
    import warnings
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "ccc_copydesk.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return turnout.load_events(fixture, format="ccc")


def test_notes_quote_each_phrase_once_with_the_numbers_drawn(copydesk_ccc):
    june = turnout.select_events(copydesk_ccc, start="2018-06-01", end="2018-06-30")
    for fig in (turnout_map(june), turnout_by_city(june)):
        notes = chart_info(fig).notes
        assert "“nearly one million; hundreds of thousands” as 200,000 to 1 million" in notes
        assert notes.count("“hundreds of thousands”") == 1
        assert "as 200,000" in notes


def test_placeholders_are_never_quoted_as_crowd_words(copydesk_ccc):
    april = turnout.select_events(copydesk_ccc, start="2017-04-01", end="2017-04-30")
    for fig in (turnout_map(april), turnout_by_city(april)):
        info = chart_info(fig)
        assert "“na”" not in info.notes and "; na" not in info.notes
        # "several thousand; na" is coded 3,000 to 15,000: not what the words say.
        assert "several thousand" not in info.notes


def test_places_that_are_not_cities_are_named_for_what_they_are(copydesk_ccc):
    june = turnout.select_events(copydesk_ccc, start="2020-06-01", end="2020-06-30")
    info = chart_info(turnout_by_city(june))
    assert "Counties and other areas with no count: 24 Ohio counties." in info.notes
    assert "24 Ohio counties, Ohio" not in info.notes + info.alt
    assert "No count reported:" not in info.notes  # every other place has a count


@pytest.mark.parametrize("chart", [turnout_by_city, timeline_density, turnout_map])
def test_out_of_period_dates_are_noted_not_drawn(copydesk_ccc, chart):
    # The excerpt holds 2015 and 2016 dates from 2017 and 2018 sheets, flagged by read_ccc.
    assert copydesk_ccc["date"].min() == pd.Timestamp("2015-05-01")
    info = chart_info(chart(copydesk_ccc))
    assert "2015" not in info.subtitle and "2016" not in info.subtitle
    assert "April 8, 2017-June 29, 2020" in info.subtitle
    assert (
        "Left out: three events whose dates look mistyped (before CCC’s coverage or far "
        "from the month it was coded in: May 1, 2015; June 16, 2016; Sept. 18, 2016)."
    ) in info.notes
    if "date" in info.data:
        assert pd.to_datetime(info.data["date"]).min() >= pd.Timestamp("2017-04-01")
