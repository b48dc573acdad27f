"""Chart files: four per chart, 2x PNG, data CSV, words JSON, byte-identical on re-save."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pandas as pd
import pytest

from turnout.charts import chart_info, temperature_vs_attendance, timeline_density, turnout_by_city
from turnout.publish import ChartNotSavedWarning, save_chart, save_figure

MARKED = {"2026-01-23": "Minneapolis strike", "2026-01-30": "National strike"}


def png_chunks(path: Path) -> list[tuple[bytes, bytes]]:
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(raw):
        (length,) = struct.unpack(">I", raw[pos : pos + 4])
        kind = raw[pos + 4 : pos + 8]
        chunks.append((kind, raw[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return chunks


def png_size(path: Path) -> tuple[int, int]:
    kind, body = png_chunks(path)[0]
    assert kind == b"IHDR"
    return struct.unpack(">II", body[:8])


def png_text_keys(path: Path) -> dict[str, str]:
    out = {}
    for kind, body in png_chunks(path):
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            out[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            compressed, _method = rest[0], rest[1]
            _lang, _, rest = rest[2:].partition(b"\0")
            _tkey, _, text = rest.partition(b"\0")
            out[key.decode("latin-1")] = (zlib.decompress(text) if compressed else text).decode()
        elif kind in (b"zTXt", b"tIME"):
            out[kind.decode()] = "present"
    return out


@pytest.fixture(scope="module")
def city_chart():
    import turnout

    return turnout_by_city(turnout.load_events())


@pytest.fixture(scope="module")
def saved(city_chart, tmp_path_factory):
    """The city chart's files, saved once for the tests that only read them."""
    return save_chart(city_chart, "turnout-by-city", out_dir=tmp_path_factory.mktemp("saved"))


def test_save_chart_writes_the_chart_files_and_the_embed(city_chart, tmp_path):
    paths = save_chart(city_chart, "turnout-by-city", out_dir=tmp_path / "new" / "figs")
    assert sorted(paths) == ["csv", "html", "json", "phone_png", "png", "svg"]
    for ext, path in paths.items():
        suffix = "phone.png" if ext == "phone_png" else ext
        assert path == tmp_path / "new" / "figs" / f"turnout-by-city.{suffix}"
        assert path.stat().st_size > 0


def test_png_is_2x_for_high_density_screens(city_chart, saved):
    paths = saved
    width, height = png_size(paths["png"])
    assert width == 1280
    assert height == round(city_chart.get_figheight() * 200)


def test_json_carries_the_words_and_file_names(city_chart, saved):
    info = chart_info(city_chart)
    paths = saved
    meta = json.loads(paths["json"].read_text(encoding="utf-8"))
    for field in ("title", "subtitle", "alt", "source", "notes"):
        assert meta[field] == getattr(info, field)
    assert meta["source"] == "Source: Workers World, Feb. 3, 2026"
    assert meta["files"] == {
        "png": "turnout-by-city.png",
        "svg": "turnout-by-city.svg",
        "csv": "turnout-by-city.csv",
        "json": "turnout-by-city.json",
        "html": "turnout-by-city.html",
        "phone_png": "turnout-by-city.phone.png",
    }
    assert meta["embed"].startswith('<iframe src="turnout-by-city.html"')


def test_csv_is_exactly_the_data(city_chart, saved):
    data = chart_info(city_chart).data
    paths = saved
    back = pd.read_csv(paths["csv"])
    assert list(back.columns) == list(data.columns)
    assert len(back) == len(data)
    assert back["row"].tolist() == data["row"].tolist()
    assert back["size_low"].tolist() == data["size_low"].tolist()
    assert back["source_quote"].tolist() == data["source_quote"].tolist()
    expected = data.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
    assert paths["csv"].read_text(encoding="utf-8") == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("turnout-by-city", lambda ev: turnout_by_city(ev)),
        ("temperature-vs-attendance", lambda ev: temperature_vs_attendance(ev)),
        ("timeline-density", lambda ev: timeline_density(ev, marked_days=MARKED)),
    ],
)
def test_resave_is_byte_identical(seed_events, tmp_path, name, make):
    first = save_chart(make(seed_events), name, out_dir=tmp_path / "a")
    again = save_chart(make(seed_events), name, out_dir=tmp_path / "b")
    for ext in ("png", "svg", "csv", "json", "html", "phone_png"):
        assert first[ext].read_bytes() == again[ext].read_bytes(), ext


def test_no_date_or_software_in_metadata(city_chart, saved):
    paths = saved
    svg = paths["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert "<dc:title>Minneapolis drew the largest reported crowd" in svg
    keys = png_text_keys(paths["png"])
    assert "Software" not in keys and "Date" not in keys and "tIME" not in keys
    assert keys["Title"] == chart_info(city_chart).title
    assert keys["Description"] == chart_info(city_chart).alt


def test_save_figure_default_dir_is_figures_in_the_build(monkeypatch, tmp_path, city_chart):
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    monkeypatch.setenv("TURNOUT_BUILD", "1")  # what `turnout build` sets in each kernel
    info = chart_info(city_chart)
    fields = {**info._asdict(), "data": info.data.head(2), "subtitle": "A subtitle"}
    paths = save_figure(city_chart, "custom", **fields)
    assert paths["png"].parent == tmp_path / "figures"
    meta = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert meta["subtitle"] == "A subtitle"
    assert len(pd.read_csv(paths["csv"])) == 2


def test_save_figure_refuses_a_path_as_a_name(city_chart, tmp_path):
    info = chart_info(city_chart)
    with pytest.raises(ValueError, match="plain file name"):
        save_figure(city_chart, "../escape", **info._asdict(), out_dir=tmp_path)


def test_a_chart_left_out_writes_no_file_and_removes_a_stale_one(
    seed_events, tmp_path, monkeypatch
):
    monkeypatch.delenv("TURNOUT_BUILD", raising=False)
    (tmp_path / "empty.png").write_bytes(b"stale")  # an earlier run's picture
    fig = temperature_vs_attendance(seed_events.iloc[0:0])
    reason = chart_info(fig).left_out
    assert reason
    with pytest.warns(ChartNotSavedWarning) as said:
        assert save_chart(fig, "empty", out_dir=tmp_path) == {}
    assert list(tmp_path.iterdir()) == []
    # The script learns which chart and why, at its own line.
    assert str(said[0].message) == f"empty: no files written: {reason}"
    assert said[0].filename == __file__


def test_the_build_reports_left_out_charts_itself(seed_events, tmp_path, monkeypatch):
    import warnings

    monkeypatch.setenv("TURNOUT_BUILD", "1")
    fig = temperature_vs_attendance(seed_events.iloc[0:0])
    with warnings.catch_warnings():
        warnings.simplefilter("error", ChartNotSavedWarning)
        assert save_chart(fig, "empty", out_dir=tmp_path) == {}


def test_outside_the_build_figures_go_to_scratch(monkeypatch, tmp_path, city_chart, capsys):
    """Issue 12: only `turnout build` writes the files an article takes."""
    monkeypatch.setenv("TURNOUT_ROOT", str(tmp_path))
    monkeypatch.delenv("TURNOUT_BUILD", raising=False)
    for out_dir, where in ((None, "scratch"), (tmp_path / "figures" / "may", "scratch/may")):
        paths = save_chart(city_chart, "custom", out_dir=out_dir)
        assert paths["png"].parent == tmp_path / "figures" / where
    assert not (tmp_path / "figures" / "custom.png").exists()
    assert "figures/scratch/custom.png" in capsys.readouterr().err
    own = tmp_path / "elsewhere"  # a folder of the caller's own is used as given
    assert save_chart(city_chart, "custom", out_dir=own)["png"].parent == own
