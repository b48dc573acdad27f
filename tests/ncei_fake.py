"""A stand-in for NOAA NCEI's Data Access service and its files, for test_noaa.py and
test_weather.py. Every observation is SYNTHETIC, made up here (station names say so); the
service is an http.server on 127.0.0.1 at a free port: no test touches the internet."""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple

import pandas as pd

from turnout.weather import STATIONS

NYC, MSP = "USW00094728", "USW00014922"


def synthetic_day(station: str, day: pd.Timestamp) -> tuple[int, int, int]:
    """Made-up (TMAX, TMIN, TAVG) in °F for a station and day: different for each, easy to check."""
    k = sorted(set(STATIONS.values()) | {NYC, MSP}).index(station) if station[:3] == "USW" else 0
    return 30 + k + day.day, 10 + k + day.day, 20 + k + day.day


def ncei_csv(stations: list[str], start: str, end: str, *, tavg: str = "some") -> str:
    """An answer in NCEI's daily-summaries CSV format (quoted, values padded as NCEI pads them).

    ``tavg``: "some" (only the first station reports a mean, the others leave it empty),
    or "none" (no TAVG column at all, as when no station reports one).
    """
    cols = ["STATION", "NAME", "DATE"] + (["TAVG"] if tavg == "some" else []) + ["TMAX", "TMIN"]
    lines = [",".join(f'"{c}"' for c in cols)]
    for i, station in enumerate(stations):
        for day in pd.date_range(start, end):
            tmax, tmin, tavg_f = synthetic_day(station, day)
            cells = [station, f"SYNTHETIC TEST STATION {i}, US", f"{day:%Y-%m-%d}"]
            if tavg == "some":
                cells.append(f"{tavg_f:>4}" if i == 0 else "")
            cells += [f"{tmax:>4}", f"{tmin:>4}"]
            lines.append(",".join(f'"{c}"' for c in cells))
    return "\n".join(lines) + "\n"


def dly_line(station: str, year: int, month: int, element: str, days: dict[int, str]) -> str:
    """One GHCN-Daily line: 31 eight-character day fields (value + three flags); -9999 elsewhere."""
    fields = [days.get(d, "-9999   ") for d in range(1, 32)]
    return f"{station}{year:04d}{month:02d}{element}" + "".join(fields)


class Server(NamedTuple):
    base: str
    hits: dict[str, int]
    queries: list[dict[str, str]]

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve() -> Iterator[Server]:
    """A stand-in for NCEI's Data Access service on 127.0.0.1; counts every request by path."""
    hits: dict[str, int] = {}
    queries: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            parts = urllib.parse.urlsplit(self.path)
            hits[parts.path] = hits.get(parts.path, 0) + 1
            query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
            queries.append(query)
            status, body = 200, ""
            if parts.path in ("/v1", "/no-tavg"):
                tavg = "none" if parts.path == "/no-tavg" else "some"
                stations = query["stations"].split(",")
                body = ncei_csv(stations, query["startDate"], query["endDate"], tavg=tavg)
            elif parts.path == "/fail":
                status, body = 500, '{"errorMessage": "synthetic failure"}'
            elif parts.path == "/gone":
                status, body = 404, "Not Found"
            elif parts.path == "/slow":
                time.sleep(1.5)
            elif parts.path == "/header-only":
                body = '"STATION","NAME","DATE","TMAX","TMIN"\n'
            elif parts.path == "/html":
                body = "<html><body>Service moved</body></html>\n"
            data = body.encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", hits, queries)
    finally:
        server.shutdown()
        server.server_close()


STATION_LIST = "\n".join(
    # ghcnd-stations.txt's fixed-width layout; the rain gauge is synthetic
    f"{sid:11} {lat:8.4f} {lon:9.4f} {elev:6.1f} {st:2} {name}"
    for sid, lat, lon, elev, st, name in [
        ("US1NYNY0001", 40.73, -74.0, 10.0, "NY", "SYNTHETIC RAIN GAUGE"),
        ("USW00094728", 40.7789, -73.9692, 39.6, "NY", "NY CITY CNTRL PK"),
        ("USW00014922", 44.8831, -93.2289, 265.8, "MN", "MINNEAPOLIS/ST PAUL AP"),
        ("USW00023160", 32.1314, -110.9553, 776.9, "AZ", "TUCSON INTL AP"),
    ]
)
