"""turnout: sourced protest-event data, crowd-size cleaning and newsroom charts.

The public API is small and lazy: ``import turnout`` loads nothing heavy (no
pandas, matplotlib, seaborn, pandera or nbconvert); each name below imports its
module on first use.

>>> import turnout
>>> turnout.parse_size("6,000 to 9,000")
SizeEstimate(low=6000.0, high=9000.0)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_API: dict[str, str] = {
    "load_events": "turnout.clean",
    "clean_events": "turnout.clean",
    "read_events": "turnout.clean",
    "Cleaned": "turnout.clean",
    "RejectedRowsWarning": "turnout.clean",
    "DataError": "turnout.errors",
    "read_ccc": "turnout.ccc",
    "parse_size": "turnout.sizes",
    "parse_sizes": "turnout.sizes",
    "size_problem": "turnout.sizes",
    "SizeEstimate": "turnout.sizes",
    "parse_temperature": "turnout.temperature",
    "parse_temperatures": "turnout.temperature",
    "TempEstimate": "turnout.temperature",
    "resolve_place": "turnout.places",
    "select_events": "turnout.select",
    "PlaceError": "turnout.places",
    "read_story": "turnout.stories",
    # The notebooks' entry, a story with its charts: an output-layer module, named here only
    # as a string, so importing turnout imports nothing above the tables layer.
    "open_story": "turnout.notebook",
    "new_story": "turnout.stories",
    "Story": "turnout.stories",
    "attach_weather": "turnout.weather",
    "load_weather": "turnout.weather",
    "nearest_station": "turnout.weather",
    "fetch_daily_summaries": "turnout.noaa",
    "read_daily_summaries": "turnout.noaa",
    "read_ghcn_dly": "turnout.noaa",
    "read_stations": "turnout.noaa",
    "WeatherError": "turnout.noaa",
    "draft_events": "turnout.draft",
    "merge_drafts": "turnout.draft.merge",
}

__all__ = [
    "Cleaned",
    "DataError",
    "PlaceError",
    "RejectedRowsWarning",
    "SizeEstimate",
    "Story",
    "TempEstimate",
    "WeatherError",
    "attach_weather",
    "clean_events",
    "draft_events",
    "fetch_daily_summaries",
    "load_events",
    "merge_drafts",
    "new_story",
    "load_weather",
    "open_story",
    "nearest_station",
    "parse_size",
    "parse_sizes",
    "parse_temperature",
    "parse_temperatures",
    "read_ccc",
    "read_daily_summaries",
    "read_events",
    "read_story",
    "read_ghcn_dly",
    "read_stations",
    "resolve_place",
    "select_events",
    "size_problem",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from turnout.ccc import read_ccc
    from turnout.clean import Cleaned, RejectedRowsWarning, clean_events, load_events, read_events
    from turnout.draft import draft_events
    from turnout.draft.merge import merge_drafts
    from turnout.errors import DataError
    from turnout.noaa import (
        WeatherError,
        fetch_daily_summaries,
        read_daily_summaries,
        read_ghcn_dly,
        read_stations,
    )
    from turnout.places import PlaceError, resolve_place
    from turnout.select import select_events
    from turnout.sizes import SizeEstimate, parse_size, parse_sizes, size_problem
    from turnout.stories import Story, new_story, read_story
    from turnout.temperature import TempEstimate, parse_temperature, parse_temperatures
    from turnout.weather import attach_weather, load_weather, nearest_station


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'turnout' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # cache: the next lookup skips __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
