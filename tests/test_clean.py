"""clean_events: the seed's expected values, rejected rows with reasons, counts that add up."""

import math
import warnings

import pandas as pd
import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import turnout
from turnout import paths
from turnout.clean import clean_events, load_events, read_events
from turnout.columns import RAW_COLUMNS
from turnout.errors import DataError

LOAD_EVENTS_COLUMNS = [
    "date", "locality", "state", "type", "size_text", "size_low", "size_high", "size_mean",
    "size_cat", "temp_text", "temp_f_low", "temp_f_high", "latitude", "longitude",
    "source_quote",
]  # fmt: skip


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the seed must clean without a single rejected row
        return load_events()


def one(events: pd.DataFrame, city: str, day: str) -> pd.Series:
    hit = events[(events.city == city) & (events.date == pd.Timestamp(day))]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def nan(x: float) -> bool:
    return isinstance(x, float) and math.isnan(x)


def test_every_gathering_with_columns(events):
    assert len(events) >= 18
    assert events.city.nunique() == 10
    assert set(LOAD_EVENTS_COLUMNS) <= set(events.columns)
    assert pd.api.types.is_datetime64_dtype(events["date"])
    assert events.source_quote.notna().all()


@pytest.mark.parametrize(
    ("city", "day", "low", "high"),
    [
        ("Minneapolis", "2026-01-23", 50000, 50000),  # "Around 50,000"
        ("Seattle", "2026-01-31", 6000, 9000),  # "6,000 to 9,000"
        ("Denver", "2026-01-30", 4000, 5000),  # "Some 4,000-5,000 ..."
        ("New York", "2026-01-29", 1000, 1000),  # "Over 1,000"
        ("Houston", "2026-01-27", 24, 24),  # "dozens and dozens"
        ("Houston", "2026-01-30", 200, 200),  # "hundreds"
        ("Minneapolis", "2026-01-30", 20000, 20000),  # "tens of thousands"
    ],
)
def test_seed_sizes(events, city, day, low, high):
    row = one(events, city, day)
    assert (row.size_low, row.size_high) == (low, high)
    assert row.size_mean == (low + high) / 2
    assert row.size_source == "parsed"


def test_seed_temperatures(events):
    nyc = one(events, "New York", "2026-01-29")
    assert (nyc.temp_f_low, nyc.temp_f_high, nyc.temp_label) == (9, 9, "reading")
    cleveland = one(events, "Cleveland", "2026-01-30")
    assert nan(cleveland.temp_f_low) and cleveland.temp_f_high == 32
    houston = one(events, "Houston", "2026-01-30")
    assert nan(houston.temp_f_low) and nan(houston.temp_f_high)
    assert houston.temp_label == "relative"


def test_no_number_stays_missing(events):
    walkout = events[events.source_quote.str.contains("100 high schools", regex=False)].iloc[0]
    assert nan(walkout.size_low) and nan(walkout.size_high) and walkout.size_cat == 0
    assert walkout.size_source == ""


def test_raw_columns_are_kept(events):
    raw = read_events(paths.seed_path())
    for column in RAW_COLUMNS:
        if column == "date":
            assert (events["date_text"] == raw["date"]).all()
        else:
            pd.testing.assert_series_equal(
                events[column].reset_index(drop=True), raw[column], check_dtype=False
            )


def test_places_resolved(events):
    assert set(events.state_code) == {"MN", "NY", "PA", "GA", "OH", "CO", "TX", "WA", "OR"}
    assert events.latitude.notna().all() and events.longitude.notna().all()
    portland = events[events.city == "Portland"].iloc[0]
    assert portland.state_code == "OR" and portland.longitude < -120


def bad_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": ["2026-01-30", None, "0208-10-14", "2026-01-31", "2026-01-31", "1/30/2026"],
            "locality": ["Denver", "Denver", "Denver", "Portland", None, "Boston"],
            "state": ["CO", "CO", "CO", None, "CO", "MA"],
            "size_text": ["about 50", "dozens", "hundreds", "a few", "3", "<script>x</script>"],
        },
        dtype="str",
    )


def test_rejected_rows_carry_a_reason_naming_the_column():
    cleaned = clean_events(bad_table())
    assert len(cleaned.events) + len(cleaned.rejected) == 6
    assert list(cleaned.events.row) == [2, 7]  # spreadsheet rows: the header is row 1
    reasons = dict(zip(cleaned.rejected.row, cleaned.rejected.reason, strict=True))
    assert reasons[3] == "date: blank"
    assert reasons[4].startswith("date: ") and "0208-10-14" in reasons[4]
    assert reasons[5].startswith("state: ") and "ambiguous" in reasons[5]
    assert reasons[6].startswith("locality: ")
    assert cleaned.events.loc[1, "date"] == pd.Timestamp("2026-01-30")  # M/D/YYYY read too
    assert list(cleaned.rejected.columns) == [
        "row",
        "date",
        "locality",
        "state",
        "size_text",
        "reason",
    ]


def test_coded_sizes_win_and_bad_coding_is_rejected():
    raw = pd.DataFrame(
        {
            "date": ["2020-06-01"] * 4,
            "locality": ["Boston"] * 4,
            "state": ["MA"] * 4,
            "size_text": ["count pic", "hundreds", None, "dozens"],
            "size_low": ["35", "", "", "300"],
            "size_high": ["40.0", "NA", "", "100"],
        },
        dtype="str",
    )
    cleaned = clean_events(raw)
    ev = cleaned.events.set_index("row")
    assert (ev.loc[2, "size_low"], ev.loc[2, "size_high"], ev.loc[2, "size_source"]) == (
        35,
        40,
        "coded",
    )
    assert ev.loc[2, "size_mean"] == 38  # CCC: mean rounded half to even
    assert nan(ev.loc[2, "size_low_parsed"])  # a photo count has no number in its words
    assert (ev.loc[3, "size_low"], ev.loc[3, "size_source"]) == (200, "parsed")
    assert ev.loc[4, "size_source"] == "" and nan(ev.loc[4, "size_low"])
    assert list(cleaned.rejected.row) == [5]
    assert cleaned.rejected.reason.iloc[0].startswith("size_high")


def test_missing_required_column():
    with pytest.raises(DataError, match="locality"):
        clean_events(pd.DataFrame({"date": ["2026-01-01"]}))


@pytest.mark.slow
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)),
            st.sampled_from([None, "", "Denver", "Portland", "NYC", "Springfield", "Xq"]),
            st.sampled_from([None, "", "CO", "OR", "IL", "ZZ", "Ore."]),
            st.one_of(st.none(), st.text(max_size=20)),
        ),
        max_size=25,
    )
)
def test_counts_always_add_up(rows):
    raw = pd.DataFrame(rows, columns=["date", "locality", "state", "size_text"], dtype="object")
    cleaned = clean_events(raw)
    assert len(cleaned.events) + len(cleaned.rejected) == len(raw)
    assert sorted([*cleaned.events.row, *cleaned.rejected.row]) == list(range(2, len(raw) + 2))
    assert cleaned.rejected.reason.str.len().gt(0).all()
    assert (cleaned.events.size_low.fillna(0) <= cleaned.events.size_high.fillna(0)).all()


def test_load_events_warns_and_open_story_keeps_rejected(tmp_path):
    import turnout

    path = tmp_path / "story.csv"
    bad_table().to_csv(path, index=False)
    with pytest.warns(UserWarning, match="4 of 6 rows rejected"):
        events = load_events(path)
    assert len(events) == 2
    assert "rejected" not in events.attrs  # a table, not baggage on the events
    with pytest.warns(turnout.RejectedRowsWarning, match="4 of 6 rows rejected"):
        opened = turnout.open_story(data_path=path)
    assert len(opened.all_events) == len(opened.events) == 2
    assert len(opened.rejected) == 4 and opened.rejected["reason"].str.len().gt(0).all()
    assert opened.settings.data_path == str(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"when,where\n2026-01-01,Denver\n", "column 'date'"),
        (b"date,locality\n2026-01-01,Denver\n2026-01-02,Denver,extra,cells\n", "row 3"),
        (b"date,locality,notes\n2026-01-01,Denver,caf\x00\n", "row 2"),
        (b"date;locality;state\n2026-01-01;Denver;CO\n", "separated by semicolons"),
    ],
)
def test_bad_files_give_one_clear_line(tmp_path, content, expected):
    path = tmp_path / "bad.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataError) as err:
        read_events(path)
    message = str(err.value)
    assert "bad.csv" in message and expected in message
    assert "\n" not in message


def test_public_api():
    assert {"load_events", "clean_events", "parse_size", "parse_sizes"} <= set(turnout.__all__)
    assert {"parse_temperature", "parse_temperatures", "read_ccc"} <= set(turnout.__all__)
    for name in turnout.__all__:
        assert callable(getattr(turnout, name)), name


def test_dates_as_reporters_write_them():
    raw = pd.DataFrame(
        {
            "date": ["Jan. 30, 2026", "January 31, 2026", "1 February 2026", "Sept. 5, 2025"],
            "locality": ["Denver"] * 4,
            "state": ["CO"] * 4,
        },
        dtype="str",
    )
    cleaned = clean_events(raw)
    assert cleaned.rejected.empty
    assert cleaned.events["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-01-30",
        "2026-01-31",
        "2026-02-01",
        "2025-09-05",
    ]
    assert cleaned.events["date_text"].tolist() == raw["date"].tolist()  # the words stay


# --------------------------------------------------------------- drafted rows need a person


def _drafted(checked: list[object]) -> pd.DataFrame:
    n = len(checked)
    return pd.DataFrame(
        {
            "date": ["2026-05-01"] * n,
            "locality": ["Boise", "Tulsa", "Omaha"][:n],
            "state": ["ID", "OK", "NE"][:n],
            "size_text": ["300"] * n,
            "checked": checked,
        }
    )


def test_a_drafted_row_without_initials_is_rejected_with_the_fix() -> None:
    cleaned = clean_events(_drafted(["AB", None, "  "]))
    assert cleaned.events["city"].tolist() == ["Boise"]
    assert cleaned.rejected["row"].tolist() == [3, 4]
    for reason in cleaned.rejected["reason"]:
        assert reason.startswith("checked: drafted, not yet checked against the article")
        assert "put your initials in `checked`" in reason


def test_a_file_without_the_checked_column_is_unaffected() -> None:
    raw = _drafted([None, None]).drop(columns="checked")
    assert len(clean_events(raw).events) == 2


def test_an_unchecked_row_with_another_problem_names_both() -> None:
    raw = _drafted([None])
    raw.loc[0, "date"] = "2026-13-45"
    (reason,) = clean_events(raw).rejected["reason"]
    assert reason.startswith("checked: ") and "; date: " in reason


def test_a_size_qualifier_typo_is_a_warning_naming_row_and_column() -> None:
    from turnout.clean import input_warnings

    raw = _drafted(["AB", "AB"])
    raw.loc[1, "size_text"] = "More then 10,000"
    assert input_warnings(raw, path="may.csv") == [
        "may.csv, row 3, column 'size_text': 'more then' is read as 'more than' (a typo?): "
        "check the spelling"
    ]
    events = clean_events(raw).events
    assert events.loc[1, ["size_low", "size_qualifier"]].tolist() == [10_000.0, "at least"]


def test_a_file_of_unnamed_sources_names_ten_rows_then_counts_the_rest() -> None:
    from turnout.clean import input_warnings

    raw = pd.DataFrame({"date": ["2026-01-30"] * 25, "source_name": [""] * 24 + ["AP"]})
    lines = input_warnings(raw, path="ccc.csv")
    named = [line for line in lines if "column 'source_name'" in line]
    assert [line.split(",")[1] for line in named] == [f" row {n}" for n in range(2, 12)]
    assert lines[-1] == "ccc.csv: 14 more rows name no source"
    assert len(lines) == 11


def test_a_file_of_formulas_names_ten_cells_then_counts_the_rest() -> None:
    from turnout.clean import input_warnings

    raw = pd.DataFrame({"date": ["2026-01-30"] * 12, "source_quote": ["=1+1"] * 12})
    lines = input_warnings(raw, path="f.csv")
    assert [line.split(",")[1] for line in lines[:10]] == [f" row {n}" for n in range(2, 12)]
    assert lines[10:] == ["f.csv: 2 more cells start like a spreadsheet formula"]


def test_the_readers_page_counts_unchecked_rows_and_never_lists_their_words() -> None:
    from turnout.show_data import left_out

    raw = _drafted(["AB", None, None])
    raw.loc[1, "size_text"] = "3-2,000"  # a wrong draft row: never in front of a reader
    raw.loc[0, "date"] = "2026-05-01"
    cleaned = clean_events(raw)
    page = left_out(cleaned.events, rejected=cleaned.rejected)
    assert page.plain.startswith(
        "Two rows drafted from the source are not yet checked against it by a reporter, so "
        "they are not used or shown."
    )
    for hidden in ("Tulsa", "Omaha", "3-2,000", "initials", "rejected"):
        assert hidden not in page.plain and hidden not in page.html
