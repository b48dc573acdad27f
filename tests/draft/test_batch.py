"""Many articles into one draft: streamed, in worker processes, merged in bounded memory,
the same bytes however it runs."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

from turnout.clean import clean_events, read_events
from turnout.cli import main
from turnout.draft.batch import BATCH, Tally, draft_article, draft_stream, write_csv
from turnout.draft.manifest import Article
from turnout.draft.spill import MergedRows

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _devset() -> list[Article]:
    with (ARTICLES / "articles.csv").open(encoding="utf-8") as f:
        listed = list(csv.DictReader(f))
    return [
        Article(
            n, r["published"], r["source_name"], r["source_url"], str(ARTICLES / f"{r['name']}.txt")
        )
        for n, r in enumerate(listed)
    ]


@pytest.fixture(scope="module")
def drafted() -> list:
    """Each development article drafted alone (as a worker drafts it), once for the module."""
    return [draft_article(a) for a in _devset()]


@pytest.fixture(scope="module")
def streamed() -> list[dict]:
    """The development set as one merged draft, one process, once for the module."""
    return list(draft_stream(_devset(), jobs=1))


def _csv(rows) -> str:
    buffer = io.StringIO()
    write_csv(rows, buffer)
    return buffer.getvalue()


def test_spilled_merge_is_the_in_memory_merge_whatever_the_arrival_order(drafted):
    assert all(not error for *_, error in drafted)
    in_memory = MergedRows()
    for number, rows, _, _ in drafted:
        in_memory.add(number, rows)
    expected = list(in_memory.merged())
    assert len(expected) < sum(len(rows) for _, rows, _, _ in drafted)  # some merged
    shuffled = drafted[:]
    random.Random(4).shuffle(shuffled)
    spilled = MergedRows(memory_limit=0, shares=5)
    for number, rows, _, _ in shuffled:
        spilled.add(number, rows)
    assert spilled._dir is not None and spilled._dir.is_dir()  # it did spill
    where = spilled._dir
    assert list(spilled.merged()) == expected
    assert not where.exists()  # and cleaned up
    # In input order (as the runners give them) each output row is built a source at a time.
    in_order = MergedRows(memory_limit=0, shares=5)
    for number, rows, _, _ in drafted:
        in_order.add(number, rows)
    assert list(in_order.merged()) == expected


def test_one_worker_and_two_give_the_same_bytes_and_count_as_they_go():
    articles = _devset()[:6]
    seen: list[int] = []
    one = _csv(draft_stream(articles, jobs=1, progress=lambda t: seen.append(t.articles)))
    tally = Tally()
    two = _csv(draft_stream(articles, jobs=2, tally=tally))
    assert one == two
    assert seen == [6] and tally.articles == 6 and tally.rows >= len(two.splitlines()) - 1
    assert tally.size == sum(Path(a.path).stat().st_size for a in articles)


def test_a_manifest_on_the_command_line_is_one_merged_draft(tmp_path, capsys):
    (tmp_path / "ap.txt").write_text(
        "DENVER (AP) — About 4,000 people rallied in Denver on Saturday.", encoding="utf-8"
    )
    manifest = tmp_path / "day.csv"
    manifest.write_text(
        "path,text,published,source,url\n"
        "ap.txt,,2026-02-01,AP,https://ap.example/1\n"
        ',"Hundreds rallied in Denver on Saturday, police said.",2026-02-02,Denver Post,\n',
        encoding="utf-8",
    )
    out = tmp_path / "draft.csv"
    assert main(["draft", str(manifest), "--jobs", "1", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["source_name"] == "AP\nDenver Post"
    assert row["source_date"] == "2026-02-01\n2026-02-02"
    assert row["size_text"] == "About 4,000; Hundreds"
    assert "1 draft rows from 2 article(s), 0 without a crowd size" in err
    # Once checked, the draft cleans as it is: every source lined up (the second has no address).
    checked = read_events(out)
    assert checked["checked"].isna().all()  # a draft is unchecked until a person says so
    cleaned = clean_events(checked.assign(checked="JD"))
    assert cleaned.rejected.empty and cleaned.events.loc[0, "size_low"] == 200
    assert row["source_url"] == "https://ap.example/1\n"
    assert "drafting" in err and "2 rows" in err  # the progress bar


def test_an_unreadable_article_in_a_manifest_stops_with_one_line(tmp_path, capsys):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "day.jsonl").write_text('{"path": "photo.txt", "published": "2026-02-01"}\n')
    out = tmp_path / "draft.csv"
    assert main(["draft", str(tmp_path / "day.jsonl"), "-q", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"turnout: error: {tmp_path / 'day.jsonl'}, row 1: ")
    assert "binary data" in err and err.count("\n") == 1
    assert not out.exists() and not list(tmp_path.glob(".draft.csv*"))
    assert main(["draft", str(tmp_path / "day.jsonl"), "-q"]) == 2
    assert capsys.readouterr().out == ""  # to standard output: not even the header


def test_no_publication_date_is_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Hundreds marched in Denver.", encoding="utf-8")
    assert main(["draft", str(tmp_path / "a.txt")]) == 2
    assert "no publication date: give --published" in capsys.readouterr().err


@pytest.mark.slow
def test_dask_and_processes_agree_row_for_row():
    # The one local Dask cluster of the test session (it takes seconds to start); dask is
    # in the dev extra, so this runs wherever the tests do. Every third article: still
    # several batches in flight on each worker, and gatherings merged across articles.
    articles = _devset()[::3]
    one = _csv(draft_stream(articles, jobs=1))
    assert len(articles) > 5 * BATCH and one.count("; ") > 10
    assert _csv(draft_stream(articles, jobs=2)) == one
    assert _csv(draft_stream(articles, jobs=2, dask="local")) == one


def test_jobs_must_be_one_or_more(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["draft", "a.txt", "--jobs", "0"])
    assert stop.value.code == 2
    assert "argument --jobs: '0' is not a whole number of 1 or more" in capsys.readouterr().err


def test_every_gathering_of_every_article_is_in_the_merged_draft_once(drafted, streamed):
    from turnout.sizes import parse_size
    from turnout.sources import row_sources

    articles = _devset()
    singles = [rows for _, rows, _, _ in drafted]
    merged = streamed
    assert len(merged) < sum(map(len, singles))  # the development set shares gatherings
    for article, rows in zip(articles, singles, strict=True):
        for row in rows:
            key = (row["locality"], row["state"], row["date"])
            found = [
                m
                for m in merged
                if (m["locality"], m["state"], m["date"]) == key
                and article.url
                in [s.url for s in row_sources(m["source_name"], "", m["source_url"])]
            ]
            assert len(found) == 1, (article.source, key)
    for m in merged:
        urls = [s.url for s in row_sources(m["source_name"], "", m["source_url"])]
        if len(urls) < 2 or not m["size_text"]:
            continue
        own = [
            parse_size(r["size_text"])
            for a, rows in zip(articles, singles, strict=True)
            if a.url in urls
            for r in rows
            if (r["locality"], r["date"]) == (m["locality"], m["date"]) and r["size_text"]
        ]
        both = parse_size(m["size_text"])
        assert both.low == min(e.low for e in own)
        assert both.high == max(e.high for e in own)
