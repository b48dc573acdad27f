"""Malformed input, case by case, through `turnout clean` and through the library.

Each case is a file written byte for byte (Latin-1 is real Latin-1 bytes, CRLF
real CR LF). A whole-file problem must give one line on stderr naming the file
(and its row or column), exit status 2 and no traceback; the library raises the
same DataError. Any other file is cleaned: every row lands in ``events`` or in
``rejected`` with a reason that starts with the column at fault, and the counts
always add up.

Cases marked ``exact`` (the hostile and hurried input of issue 13) give their
whole expected output: the error line, each reason, and every warning line
``turnout clean`` prints (the same lines :func:`turnout.clean.input_warnings`
returns). ``published`` cells are checked in the chart data a reader downloads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field

import pandas as pd
import pytest

from turnout import cli
from turnout.clean import clean_events, input_warnings, read_raw
from turnout.errors import DataError

HEADER = b"date,locality,state,size_text,temp_text,source_quote\n"


def rows(*lines: str, encoding: str = "utf-8") -> bytes:
    return HEADER + b"".join((ln + "\n").encode(encoding) for ln in lines)


@dataclass
class Case:
    data: bytes
    error: str = ""  # a whole-file problem: this text is in the one-line message
    clean: int = 0
    rejected: dict[int, str] = field(default_factory=dict)  # row -> start of its reason
    check: dict[tuple[int, str], object] = field(default_factory=dict)  # (row, column) -> value
    exact: bool = False  # error, reasons and warnings are the whole text, not a start
    warnings: list[str] = field(default_factory=list)  # each warning line after the file name
    published: dict[int, str] = field(default_factory=dict)  # row -> its quote in chart data


LATIN1_ROW = "2026-01-30,Española,NM,about 40,,Doña Ana County marched"
CASES: dict[str, Case] = {
    "empty": Case(b"", error="the file is empty"),
    "blank-lines-only": Case(b"\n\n\n", error="the file is empty"),
    "header-only": Case(HEADER, clean=0),
    "header-only-no-newline": Case(HEADER.rstrip(), clean=0),
    "binary": Case(bytes(range(256)) * 8, error="row 1: contains binary data"),
    "binary-no-nul": Case(bytes(range(1, 32)) * 40, error="is binary data, not a CSV"),
    "nul-byte-in-a-cell": Case(rows("2026-01-30,Den\x00ver,CO,50,,q"), error="row 2: contains"),
    "png-renamed-csv": Case(b"\x89PNG\r\n\x1a\n" + bytes(64), error="is an image"),
    "xlsx-renamed-csv": Case(b"PK\x03\x04" + bytes(64), error="spreadsheet workbook"),
    "utf-16": Case(("date,locality\n2026-01-30,Denver\n").encode("utf-16"), error="is UTF-16 text"),
    "semicolons": Case(b"date;locality;state\n2026-01-30;Denver;CO\n", error="semicolons"),
    "missing-required-column": Case(
        b"date,state,size_text\n2026-01-30,CO,50\n",
        error="row 1, column 'locality': required column is missing",
    ),
    "duplicate-header-name": Case(
        b"date,locality,state,date\n2026-01-30,Denver,CO,2026-01-31\n",
        error="row 1, column 'date': the header names this column twice",
    ),
    "empty-header-cell": Case(b"date,locality,\n2026-01-30,Denver,x\n", error="header cell"),
    "ragged-row": Case(
        b"date,locality,state\n2026-01-30,Denver,CO\n2026-01-31,Denver,CO,extra\n",
        error="row 3 has 4 cells, the header 3: a comma inside a value needs quotes",
    ),
    "unclosed-quote": Case(
        rows("2026-01-30,Denver,CO,50,,q", '2026-01-31,Denver,CO,"about 50,,q'),
        error="row 3: a quote mark",
    ),
    "unknown-extra-columns": Case(
        HEADER.rstrip() + b",mood,Weird Column!\n2026-01-30,Denver,CO,about 50,,q,calm,x\n",
        clean=1,
        check={(2, "mood"): "calm", (2, "Weird Column!"): "x"},
    ),
    "clashing-column-names": Case(
        b"date,locality,state,row,reason,city\n2026-01-30,Denver,CO,7,old reason,Dnvr\n",
        clean=1,
        check={(2, "row_raw"): "7", (2, "reason_raw"): "old reason", (2, "city_raw"): "Dnvr"},
    ),
    "bad-dates": Case(
        rows(
            ",Denver,CO,50,,q",
            "next Tuesday,Denver,CO,50,,q",
            "2026-02-30,Denver,CO,50,,q",
            "0208-10-14,Denver,CO,50,,q",
            "2026-13-01,Denver,CO,50,,q",
            "1/30/2026,Denver,CO,50,,q",
        ),
        clean=1,
        rejected={
            2: "date: blank",
            3: "date: not a date: 'next Tuesday'",
            4: "date: impossible: '2026-02-30'",
            5: "date: impossible: '0208-10-14'",
            6: "date: impossible: '2026-13-01'",
        },
    ),
    "negative-sizes": Case(
        rows(
            "2026-01-30,Denver,CO,-500,,q",
            "2026-01-30,Boulder,CO,about −300,,q",
            "2026-01-30,Aurora,CO,minus 40,,q",
            '2026-01-30,Pueblo,CO,"4,000-5,000",,q',
        ),
        clean=1,
        rejected={2: "size_text: a negative number", 3: "size_text: a negative", 4: "size_text"},
        check={(5, "size_low"): 4000.0, (5, "size_high"): 5000.0},
    ),
    "reversed-ranges": Case(
        rows(
            '2026-01-30,Denver,CO,"9,000 to 6,000",,q',
            "2026-01-30,Boulder,CO,between 900 and 600,,q",
            '2026-01-30,Aurora,CO,"6,000 to 9,000",,q',
        ),
        clean=1,
        rejected={2: "size_text: range runs from high to low", 3: "size_text: range runs"},
        check={(4, "size_low"): 6000.0, (4, "size_high"): 9000.0},
    ),
    "absurd-numbers": Case(
        rows(
            '2026-01-30,Denver,CO,"9,000,000,000",,q',
            "2026-01-30,Boulder,CO,99999999999999999999999999,,q",
            "2026-01-30,Aurora,CO,,900 degrees F,q",
            "2026-01-30,Pueblo,CO,,-200 F,q",
            '2026-01-30,Golden,CO,"500,000",,q',
        ),
        clean=1,
        rejected={
            2: "size_text: more people than any crowd",
            3: "size_text: more people",
            4: "temp_text: 900 °F is outside any weather on record",
            5: "temp_text: -200 °F",
        },
        check={(6, "size_low"): 500000.0},
    ),
    "latin-1-file": Case(rows(LATIN1_ROW, encoding="latin-1"), clean=1),
    "mixed-utf-8-and-latin-1-lines": Case(
        rows(LATIN1_ROW, encoding="utf-8")
        + rows(LATIN1_ROW.replace("40", "50"), encoding="latin-1")[len(HEADER) :]
        # cp1252 as Excel writes it: curly quotes; and "Â£" stays two letters in a Latin-1 line
        + "2026-01-31,Española,NM,dozens,,“Doña” said Â£5\n".encode("cp1252"),
        clean=3,
        check={
            (2, "source_quote"): "Doña Ana County marched",
            (3, "source_quote"): "Doña Ana County marched",
            (3, "locality"): "Española",
            (4, "source_quote"): "“Doña” said Â£5",
        },
    ),
    "crlf-line-ends": Case(
        rows("2026-01-30,Denver,CO,about 50,,q", "2026-01-31,Boulder,CO,dozens,,q").replace(
            b"\n", b"\r\n"
        ),
        clean=2,
        check={(3, "source_quote"): "q", (3, "size_text"): "dozens"},
    ),
    "byte-order-mark": Case(
        b"\xef\xbb\xbf" + rows("2026-01-30,Denver,CO,about 50,,q"),
        clean=1,
        check={(2, "date"): "2026-01-30"},
    ),
    "html-and-script-in-text": Case(
        rows(
            "2026-01-30,Denver,CO,<script>alert(1)</script> about 50,<b>cold</b>,"
            '"<img src=x onerror=alert(2)> said ""hi"""'
        ),
        clean=1,
        check={
            (2, "size_text"): "<script>alert(1)</script> about 50",
            (2, "size_low"): 50.0,
            (2, "temp_text"): "<b>cold</b>",
            (2, "source_quote"): '<img src=x onerror=alert(2)> said "hi"',
        },
    ),
    "duplicate-rows": Case(
        rows(
            "2026-01-30,Denver,CO,about 50,,q",
            "2026-01-30,Denver,CO,about 50,,q",
            "2026-01-30,Denver,CO,about 60,,q",
            "2026-01-30,Denver,CO,about 50,,q",
        ),
        clean=2,
        rejected={3: "row: same as row 2 in every cell", 5: "row: same as row 2 in every cell"},
    ),
    "blank-lines-inside-and-after": Case(
        HEADER + b"\n2026-01-30,Denver,CO,about 50,,q\n,,,,,\n2026-01-31,Denver,CO,50,,q\n\n\n",
        clean=2,
        # Row numbers stay those a spreadsheet shows: the blank line is row 2.
        rejected={2: "row: every cell is empty", 4: "row: every cell is empty"},
        check={(3, "size_text"): "about 50", (5, "size_text"): "50"},
    ),
}


# ------------------------------------------------ hostile and hurried input (issue 13)


def table(header: str, *lines: str) -> bytes:
    return "".join(ln + "\n" for ln in (header, *lines)).encode("utf-8")


LINKS = "date,locality,state,size_text,source_url,source_quote"
DATED = "date,locality,state,size_text,source_date,source_quote"
CCC_HEADER = "date,locality,state,size_text,size_low,size_high,source_1"
HINT = 'a comma inside a value needs quotes ("Jan. 21, 2017")'
SHORT = "a cell is missing, or a line break in a value needs quotes"
NOT_WEB = "is not a web address (http or https): printed as text, never a link"
FORMULA = "starts like a spreadsheet formula: chart data for readers gives it a leading '"
RUNAWAY = "9" * 204_800  # a 200 KB size_text

CASES |= {
    # 1. A comma in an unquoted date: one cell too many, named before anything is parsed.
    "unquoted-comma-in-first-row": Case(
        rows("Jan. 21, 2017,Chicago,IL,about 50,,q", "2026-01-30,Boston,MA,dozens,,q"),
        error=f": row 2 has 7 cells, the header 6: {HINT}",
        exact=True,
    ),
    "unquoted-comma-in-a-later-row": Case(
        rows("2026-01-30,Boston,MA,dozens,,q", "2026-01-31,Denver,CO,6,000,,q"),
        error=f": row 3 has 7 cells, the header 6: {HINT}",
        exact=True,
    ),
    "row-with-a-cell-missing": Case(
        rows("2026-01-30,Boston,MA,dozens,,q", "2026-01-31,Denver,about 50,,q"),
        error=f": row 3 has 5 cells, the header 6: {SHORT}",
        exact=True,
    ),
    "line-break-in-an-unquoted-value": Case(
        rows("2026-01-30,Boston,MA,about", "50,,q"),
        error=f": row 2 has 4 cells, the header 6: {SHORT}",
        exact=True,
    ),
    "trailing-comma-on-data-rows": Case(
        rows("2026-01-30,Boston,MA,dozens,,q,"),
        error=f": row 2 has 7 cells, the header 6: {HINT}",
        exact=True,
    ),
    "trailing-comma-on-every-line": Case(
        HEADER.replace(b"\n", b",\n") + b"2026-01-30,Boston,MA,dozens,,dozens,\n",
        clean=1,
        exact=True,
        check={(2, "size_text"): "dozens"},
    ),
    "unquoted-comma-bom-and-crlf": Case(
        b"\xef\xbb\xbf"
        + rows("2026-01-30,Boston,MA,dozens,,q", "Jan. 21, 2017,Chicago,IL,50,,q").replace(
            b"\n", b"\r\n"
        ),
        error=f": row 3 has 7 cells, the header 6: {HINT}",
        exact=True,
    ),
    "unquoted-comma-in-a-ccc-file": Case(
        table(CCC_HEADER, "2021-01-02,Reno,NV,50,50,50,x", "Jan. 3, 2021,Reno,NV,50,50,50,x"),
        error=f": row 3 has 8 cells, the header 7: {HINT}",
        exact=True,
    ),
    "semicolons-with-a-comma-in-a-value": Case(
        b"date;locality;state\n2026-01-30;Denver, Colo.;CO\n",
        error=", row 1: is separated by semicolons, not commas: export it as comma-separated CSV",
        exact=True,
    ),
    "blank-line-before-the-header": Case(
        b"\n" + rows("2026-01-30,Boston,MA,dozens,,q"),
        error=", row 1: a blank line before the header: the header must be the first line",
        exact=True,
    ),
    "quoted-commas-and-line-breaks": Case(
        rows(
            '"Jan. 21, 2017",Chicago,IL,"about 50,\nmaybe 60",,"q, said"',
            "next Tuesday,Boston,MA,dozens,,dozens",
        ),
        clean=1,
        exact=True,
        # Rows are counted as a spreadsheet counts them: the second row is row 3, not line 4.
        rejected={3: "date: not a date: 'next Tuesday'"},
        check={(2, "date"): "2017-01-21", (2, "size_text"): "about 50,\nmaybe 60"},
        warnings=[", row 2, column 'size_text': 'about 50,\\nmaybe 60' is not in its source_quote"],
    ),
    # 2. Only http(s) addresses become links; anything else is text, and cleaning says so.
    "script-and-other-links": Case(
        table(
            LINKS,
            "2026-01-30,Denver,CO,50,javascript:alert(1),50",
            "2026-01-30,Boulder,CO,50, JaVaScRiPt:alert(1),50",
            "2026-01-30,Aurora,CO,50,vbscript:msgbox(1),50",
            '2026-01-30,Pueblo,CO,50,"data:text/html,<script>alert(1)</script>",50',
            "2026-01-30,Golden,CO,50,//evil.example/x,50",
            "2026-01-30,Vail,CO,50,HTTPS://Example.com/ok?a=1&b=2,50",
            "2026-01-30,Aspen,CO,50,www.example.com,50",
        ),
        clean=7,
        exact=True,
        check={(5, "source_url"): "data:text/html,<script>alert(1)</script>"},  # kept verbatim
        warnings=[
            f", row 2, column 'source_url': 'javascript:alert(1)' {NOT_WEB}",
            f", row 3, column 'source_url': ' JaVaScRiPt:alert(1)' {NOT_WEB}",
            f", row 4, column 'source_url': 'vbscript:msgbox(1)' {NOT_WEB}",
            f", row 5, column 'source_url': 'data:text/html,<script>alert(1)</script>' {NOT_WEB}",
            f", row 6, column 'source_url': '//evil.example/x' {NOT_WEB}",
            f", row 8, column 'source_url': 'www.example.com' {NOT_WEB}",
        ],
    ),
    # 3. Formulas stay verbatim in the data and are defused in what readers download.
    "spreadsheet-formulas": Case(
        rows(
            '2026-01-30,Denver,CO,50,,"=HYPERLINK(""http://evil.example"",""50"")"',
            "2026-01-30,Boulder,CO,60,,@SUM(1+1)*cmd|' /C calc'!A0 60",
            "2026-01-30,Aurora,CO,70,,+cmd|' /C calc'!A0 70",
            "2026-01-30,Pueblo,CO,80,,\t=cmd 80",
            "2026-01-30,Golden,CO,90,-21,90 people at -21",
        ),
        clean=5,
        exact=True,
        check={(2, "source_quote"): '=HYPERLINK("http://evil.example","50")'},
        warnings=[
            f", row 2, column 'source_quote': "
            f'\'=HYPERLINK("http://evil.example","50")\' {FORMULA}',
            f", row 3, column 'source_quote': \"@SUM(1+1)*cmd|' /C calc'!A0 60\" {FORMULA}",
            f", row 4, column 'source_quote': \"+cmd|' /C calc'!A0 70\" {FORMULA}",
            f", row 5, column 'source_quote': '\\t=cmd 80' {FORMULA}",
        ],
        published={
            2: '\'=HYPERLINK("http://evil.example","50")',
            3: "'@SUM(1+1)*cmd|' /C calc'!A0 60",
            4: "'+cmd|' /C calc'!A0 70",
            5: "'\t=cmd 80",
            6: "90 people at -21",
        },
    ),
    # 4. A runaway value is quoted to 80 characters, with its length.
    "runaway-value": Case(
        rows(f"2026-01-30,Denver,CO,{RUNAWAY},,q", "2026-01-30,Boulder,CO,dozens,,dozens"),
        clean=1,
        exact=True,
        rejected={
            2: "size_text: more people than any crowd (a billion or more): "
            f"'{'9' * 77}...' (204,800 characters)",
        },
        warnings=[
            f", row 2, column 'size_text': '{'9' * 77}...' (204,800 characters) "
            "is not in its source_quote"
        ],
    ),
    # 5. A day without a year takes it from source_date: the latest such day on or before it.
    "dates-without-a-year": Case(
        table(
            DATED,
            "Jan. 29,Denver,CO,50,2026-02-03,50",
            "Dec. 30,Denver,CO,60,2026-02-03,60",
            "Jan. 29,Denver,CO,70,,70",
            "Feb. 29,Denver,CO,80,2026-03-05,80",
            "Feb. 29,Denver,CO,90,2025-01-10,90",
            "Feb. 30,Denver,CO,95,2026-02-03,95",
            "1/29,Boulder,CO,50,2026-02-03,50",
            "29 January,Aurora,CO,50,2026-02-03,50",
            "Sept. 3,Pueblo,CO,50,2026-02-03,50",
            "Jan. 29,Golden,CO,50,Feb. 3,50",
        ),
        clean=6,
        exact=True,
        rejected={
            4: "date: no year: 'Jan. 29', and no source_date to take it from",
            5: "date: no year: 'Feb. 29', and no such day in the year up to its source_date "
            "2026-03-05",
            7: "date: impossible: 'Feb. 30'",
            11: "date: no year: 'Jan. 29', and no source_date to take it from",
        },
        check={
            (2, "date"): "2026-01-29",
            (2, "date_note"): "'Jan. 29' has no year: read as 2026-01-29, the latest such day "
            "on or before source_date",
            (3, "date"): "2025-12-30",
            (6, "date"): "2024-02-29",
            (8, "date"): "2026-01-29",
            (9, "date"): "2026-01-29",
            (10, "date"): "2025-09-03",
        },
    ),
    # 6. AP's dateline cities stand alone; other shared names still need their state.
    "ap-dateline-cities": Case(
        rows(
            "2026-01-30,Denver,,50,,50 marched",
            "2026-01-30,St. Louis,,50,,50 marched",
            "2026-01-30,WASHINGTON,,50,,50 marched",
            "2026-01-30,Portland,,50,,50 marched",
            "2026-01-30,Springfield,,50,,50 marched",
            "2026-01-30,Denver,TX,50,,50 marched",
            "2026-01-30,Detroit,Mich.,50,,50 marched",
        ),
        clean=5,
        exact=True,
        rejected={
            5: "state: 'Portland' is ambiguous without a state (OR, ME, TX, TN, ...)",
            6: "state: 'Springfield' is ambiguous without a state (MO, MA, IL, OR, ...)",
        },
        check={
            (2, "state_code"): "CO",
            (2, "place_note"): "AP dateline: 'Denver' alone is Denver, CO",
            (3, "place_note"): "AP dateline: 'St. Louis' alone is St. Louis, MO",
            (4, "city"): "Washington",
            (4, "state_code"): "DC",
            (7, "place_note"): "not in gazetteer (AP's dateline Denver is in CO: check the state)",
            (8, "place_note"): "",
        },
    ),
}


def write(tmp_path, name: str) -> tuple[object, Case]:
    case = CASES[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(case.data)
    return path, case


@pytest.mark.parametrize("name", sorted(CASES))
def test_turnout_clean_command(tmp_path, capsys, name):
    path, case = write(tmp_path, name)
    out = tmp_path / "out" / "clean.csv"
    status = cli.main(["clean", str(path), "-o", str(out)])
    got = capsys.readouterr()
    if case.error:
        assert status == 2
        lines = got.err.splitlines()
        assert len(lines) == 1, got.err
        assert lines[0].startswith(f"turnout: error: {path}")
        assert case.error in lines[0]
        if case.exact:
            assert lines[0] == f"turnout: error: {path}{case.error}"
        assert not out.exists()
        return
    assert status == 0, got.err
    assert got.out.strip() == f"{case.clean} clean, {len(case.rejected)} rejected"
    if case.exact:
        warned = [ln for ln in got.err.splitlines() if ln.startswith("turnout: warning: ")]
        assert warned == [f"turnout: warning: {path}{w}" for w in case.warnings]
    events = pd.read_csv(out, dtype="str", keep_default_na=False)
    rejected = pd.read_csv(out.with_name("clean.rejected.csv"), dtype="str", keep_default_na=False)
    assert len(events) == case.clean and len(rejected) == len(case.rejected)


@pytest.mark.parametrize("name", sorted(CASES))
def test_library(tmp_path, name):
    path, case = write(tmp_path, name)
    if case.error:
        with pytest.raises(DataError) as err:
            read_raw(path)
        message = str(err.value)
        assert message.startswith(str(path)) and case.error in message and "\n" not in message
        return
    raw = read_raw(path)
    cleaned = clean_events(raw)
    events, rejected = cleaned
    assert len(events) + len(rejected) == len(raw)  # nothing lost, ever
    assert len(events) == case.clean
    assert sorted([*events.row, *rejected.row]) == list(range(2, len(raw) + 2))
    reasons = dict(zip(rejected.row, rejected.reason, strict=True))
    assert set(reasons) == set(case.rejected), reasons
    for row, start in case.rejected.items():
        assert reasons[row].startswith(start), reasons[row]
        if case.exact:
            assert reasons[row] == start
    both = pd.concat([events, rejected]).set_index("row")
    for (row, column), want in case.check.items():
        if column == "date":
            assert events.set_index("row").loc[row, "date"] == pd.Timestamp(want)
        else:
            assert both.loc[row, column] == want, (row, column)
    if case.exact:
        assert input_warnings(raw, path=path) == [f"{path}{w}" for w in case.warnings]


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c.published))
def test_published_chart_data(tmp_path, name):
    """What a reader downloads: formula-like text gets a leading ', numbers and the rest stay,
    and the chart's data notes say so; the clean data keep the words verbatim."""
    from turnout.charts import turnout_by_city
    from turnout.publish import save_chart

    path, case = write(tmp_path, name)
    events = clean_events(read_raw(path)).events
    files = save_chart(turnout_by_city(events), "hostile", out_dir=tmp_path / "figures")
    data = pd.read_csv(files["csv"], dtype="str", keep_default_na=False).set_index("row")
    for row, quote in case.published.items():
        assert data.loc[str(row), "source_quote"] == quote, row
    meta = json.loads(files["json"].read_text(encoding="utf-8"))
    defused = sum(q.startswith("'") for q in case.published.values())
    assert meta["data_notes"].startswith(f"{defused} text cells of hostile.csv begin with =, +")


@pytest.mark.slow
def test_error_has_no_traceback_and_debug_shows_one(tmp_path):
    """The real command, in its own process: one line and status 2; --debug shows the trace."""
    path, _ = write(tmp_path, "binary")
    command = [sys.executable, "-m", "turnout"]
    run = subprocess.run(
        [*command, "clean", str(path), "-o", str(tmp_path / "o.csv")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1 and "binary.csv, row 1" in run.stderr
    debug = subprocess.run(
        [*command, "--debug", "clean", str(path), "-o", str(tmp_path / "o.csv")],
        capture_output=True,
        text=True,
    )
    assert debug.returncode != 0
    assert "Traceback" in debug.stderr and "DataError" in debug.stderr


def test_output_under_a_file_is_one_clear_line(tmp_path, capsys):
    """Works as root too: no permission bits involved, a file stands where a folder must."""
    path, _ = write(tmp_path, "header-only")
    (tmp_path / "taken").write_text("a file, not a folder")
    out = tmp_path / "taken" / "clean.csv"
    assert cli.main(["clean", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"turnout: error: {out}: cannot be written: part of its folder path is a file\
, not a folder\n"
    )


def test_output_that_is_a_folder(tmp_path, capsys):
    path, _ = write(tmp_path, "header-only")
    assert cli.main(["clean", str(path), "-o", str(tmp_path)]) == 2
    assert (
        capsys.readouterr().err
        == f"turnout: error: {tmp_path}: is a folder: give the \
output a file name\n"
    )


def test_missing_output_folders_are_created(tmp_path, capsys):
    path, _ = write(tmp_path, "latin-1-file")
    out = tmp_path / "a" / "b" / "clean.csv"
    assert cli.main(["clean", str(path), "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["clean.csv", "clean.rejected.csv"]
    assert "Doña Ana County" in out.read_text(encoding="utf-8")


def test_raw_file_is_never_overwritten(tmp_path, capsys):
    path, case = write(tmp_path, "latin-1-file")
    assert cli.main(["clean", str(path), "-o", str(path)]) == 2
    assert "raw data is never overwritten" in capsys.readouterr().err
    assert path.read_bytes() == case.data


def test_os_errors_are_one_line_too(monkeypatch, capsys):
    """An error the code did not foresee as a DataError (an OSError) is one line as well."""

    def fail(args):
        raise PermissionError(13, "Permission denied", "/somewhere/out.csv")

    monkeypatch.setattr(cli, "_clean", fail)
    assert cli.main(["clean", "x.csv", "-o", "y.csv"]) == 2
    assert capsys.readouterr().err == "turnout: error: /somewhere/out.csv: Permission denied\n"
    with pytest.raises(PermissionError):
        cli.main(["--debug", "clean", "x.csv", "-o", "y.csv"])
