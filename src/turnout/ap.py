"""AP style for the words around a chart or table: dates, numbers, counts, places, credits.

A newsroom writes "Jan. 30", "Sept. 3" and "March 5"; "June 1-22, 2018"; "nine events" but
"18 events", and never opens a sentence on a numeral; "50,000" and "1.2 million"; "Portland,
Ore." but plain "Houston" (AP's dateline cities stand alone, in labels and text alike);
"Source: Workers World, Feb. 3, 2026". These formatters are pure functions of their
arguments, shared by the charts, the tables a notebook shows and the published pages, so
every output says a thing the same way.

Nothing here draws: importing :mod:`turnout.ap` loads no matplotlib.

>>> ap_date("2026-01-30"), ap_count(9, "city", "cities"), place_label("Portland", "OR")
('Jan. 30', 'nine cities', 'Portland, Ore.')
>>> place_label("St. Paul", "MN"), place_label("St. Louis", "MO")
('St. Paul, Minn.', 'St. Louis')
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pandas is imported where a function needs it: `turnout build`'s warm path
    import pandas as pd  # writes AP dates without paying for it

#: Months as AP writes them before a day: abbreviated, except March to July.
AP_MONTHS = {
    1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June",
    7: "July", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec.",
}  # fmt: skip
#: Months spelled out, as AP writes a month alone.
MONTH_NAMES = {
    1: "January", 2: "February", 3: "March", 4: "April", 5: "May", 6: "June",
    7: "July", 8: "August", 9: "September", 10: "October", 11: "November", 12: "December",
}  # fmt: skip

#: AP state names after a city ("Portland, Ore."), by postal code; short names are spelled out.
AP_STATES: dict[str, str] = {
    "AL": "Ala.", "AK": "Alaska", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.",
    "CT": "Conn.", "DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "HI": "Hawaii",
    "ID": "Idaho", "IL": "Ill.", "IN": "Ind.", "IA": "Iowa", "KS": "Kan.", "KY": "Ky.",
    "LA": "La.", "ME": "Maine", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OH": "Ohio",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "TX": "Texas", "UT": "Utah", "VT": "Vt.", "VA": "Va.", "WA": "Wash.",
    "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
#: State names spelled out, by postal code: a place that already names its state ("24 Ohio
#: counties", "Northern California") takes no state after it.
STATE_NAMES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
    "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}  # fmt: skip
#: Other ways reporters abbreviate a state ("Tex.", "Calif."), besides AP's own.
_OTHER_STATE_ABBREVIATIONS = {
    "Kans.": "KS", "Nebr.": "NE", "Oreg.": "OR", "Penn.": "PA", "Tex.": "TX", "Wisc.": "WI",
}  # fmt: skip


def state_codes() -> dict[str, str]:
    """AP's state names read back to postal codes, keyed as written, lower case, no final dot.

    The other direction of :data:`AP_STATES` ("Ore." is OR), with the older abbreviations
    reporters still write ("Oreg.", "Tex.").

    >>> codes = state_codes()
    >>> codes["ore"], codes["oreg"], codes["w.va"], codes["texas"]
    ('OR', 'OR', 'WV', 'TX')
    """
    written = {name: code for code, name in AP_STATES.items()} | _OTHER_STATE_ABBREVIATIONS
    return {name.lower().rstrip("."): code for name, code in written.items()}


@lru_cache(maxsize=1)  # asked for every capitalised word `turnout draft` reads
def state_abbreviations() -> frozenset[str]:
    """The keys of :func:`state_codes` that are abbreviations ("ore", "wash", "miss"), not names.

    Written without their dot, several are ordinary words ("Miss", "Wash", "Ill"), so a
    reader of running text takes them as a state only with the dot.

    >>> sorted(state_abbreviations())[:3], "texas" in state_abbreviations()
    (['ala', 'ariz', 'ark'], False)
    """
    written = [n for n in AP_STATES.values() if n.endswith(".")] + [*_OTHER_STATE_ABBREVIATIONS]
    return frozenset(name.lower().rstrip(".") for name in written)


def _timestamp(value: Any) -> dt.date | pd.Timestamp:
    """``value`` as something with a year, month and day; a ``time.struct_time``
    (``time.localtime()``) is its day, and a date needs no pandas."""
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, dt.date):
        return value
    import pandas as pd

    return pd.Timestamp(value)


def ap_date(value: Any, *, year: bool = False) -> str:
    """A date as a reporter writes it: "Jan. 30", "Sept. 3", "March 5" (``year``: "Feb. 3, 2026").

    ``value`` is anything :class:`pandas.Timestamp` reads (a date, a datetime, "2026-01-30")
    or a ``time.struct_time``, such as ``time.localtime()`` for a page's build date.

    >>> ap_date("2026-01-30"), ap_date("2026-02-03", year=True), ap_date("2025-09-03")
    ('Jan. 30', 'Feb. 3, 2026', 'Sept. 3')
    >>> ap_date(time.strptime("2026-12-02", "%Y-%m-%d"), year=True)
    'Dec. 2, 2026'
    """
    ts = _timestamp(value)
    text = f"{AP_MONTHS[ts.month]} {ts.day}"
    return f"{text}, {ts.year}" if year else text


def ap_month(value: Any, *, year: bool = False) -> str:
    """A month alone, spelled out as AP style wants it: "January", "January 2026".

    >>> ap_month("2026-01-30", year=True)
    'January 2026'
    """
    ts = _timestamp(value)
    name = MONTH_NAMES[ts.month]
    return f"{name} {ts.year}" if year else name


def ap_period(start: Any, end: Any) -> str:
    """A date range as AP writes it: "June 1-22, 2018"; one day gives "Jan. 30, 2026".

    The month is not repeated within a month, and the year is written once
    unless the range crosses into a new year.

    >>> ap_period("2018-06-01", "2018-06-22")
    'June 1-22, 2018'
    >>> ap_period("2026-01-23", "2026-02-02")
    'Jan. 23-Feb. 2, 2026'
    >>> ap_period("2025-12-30", "2026-01-02")
    'Dec. 30, 2025-Jan. 2, 2026'
    """
    import pandas as pd

    a, b = pd.Timestamp(start), pd.Timestamp(end)
    if a.normalize() == b.normalize():
        return ap_date(a, year=True)
    if a.year != b.year:
        return f"{ap_date(a, year=True)}-{ap_date(b, year=True)}"
    if a.month != b.month:
        return f"{ap_date(a)}-{ap_date(b, year=True)}"
    return f"{ap_date(a)}-{b.day}, {b.year}"


#: How a shortened number may round: a low end or a floor "down" (never above what the
#: source said), a high end "up" (never below it), a lone figure to the "nearest".
Side = Literal["down", "up", "nearest"]


# AP style spells out whole numbers under 10 in running text.
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def ap_number(value: float, side: Side = "nearest", *, start: bool = False) -> str:
    """A number in running text, AP style: "nine", "18", "1,200"; ``start`` capitalizes.

    Whole numbers under 10 are spelled out; the rest are numerals (see
    :func:`fmt_count`, which rounds a shortened one towards ``side``). A sentence may not
    begin with a numeral, so with ``start`` a number of 10 or more raises: rephrase the
    sentence instead.

    >>> ap_number(9), ap_number(18), ap_number(2, start=True), ap_number(1500)
    ('nine', '18', 'Two', '1,500')
    """
    if isinstance(value, float) and math.isnan(value):
        return fmt_count(value)
    if float(value).is_integer() and 0 <= value < 10:
        word = _NUMBER_WORDS[int(value)]
        return word.capitalize() if start else word
    if start:
        raise ValueError(f"a sentence cannot start with the numeral {value!r}; rephrase it")
    return fmt_count(value, side)


def noun(n: float, word: str, plural: str | None = None) -> str:
    """``word`` for one, its plural (``plural``, else ``word`` + "s") for any other number.

    >>> noun(1, "event"), noun(2, "event"), noun(0, "city", "cities")
    ('event', 'events', 'cities')
    """
    return word if n == 1 else (plural or word + "s")


def ap_count(n: float, word: str, plural: str | None = None, *, start: bool = False) -> str:
    """A counted noun in running text: "one event", "nine cities", "18 events".

    >>> ap_count(1, "event"), ap_count(8, "city", "cities"), ap_count(18, "event")
    ('one event', 'eight cities', '18 events')
    """
    return f"{ap_number(n, start=start)} {noun(n, word, plural)}"


def numeral_count(n: int, word: str, plural: str | None = None) -> str:
    """A counted noun in numerals, for captions and tables: "1 row", "3 rows", "1,200 events".

    >>> numeral_count(1, "row"), numeral_count(1200, "event"), numeral_count(2, "city", "cities")
    ('1 row', '1,200 events', '2 cities')
    """
    return f"{n:,} {noun(n, word, plural)}"


def n_of(n: int, total: int, word: str, verb: str, verb_one: str) -> str:
    """The opening of a sentence "Two of 18 events report", never a numeral first.

    Ten or more reads "Of 40 events, 12 report" (AP: no sentence starts with a numeral);
    every one reads "The one event reports", "Both events report", "All 12 events report".
    ``verb`` agrees with several, ``verb_one`` with one.

    >>> n_of(2, 18, "event", "report", "reports"), n_of(12, 40, "event", "report", "reports")
    ('Two of 18 events report', 'Of 40 events, 12 report')
    >>> n_of(2, 2, "event", "report", "reports"), n_of(1, 1, "event", "report", "reports")
    ('Both events report', 'The one event reports')
    """
    of = ap_count(total, word)
    if n == total:
        if n == 1:
            return f"The one {word} {verb_one}"
        return f"{'Both' if n == 2 else 'All ' + ap_number(n)} {word}s {verb}"
    if n < 10:
        return f"{ap_number(n, start=True)} of {of} {verb_one if n == 1 else verb}"
    return f"Of {of}, {ap_number(n)} {verb}"


def ap_range(low: float, high: float) -> str:
    """A low-high estimate in running text: "three to five", "6,000 to 9,000", "one".

    Like :func:`fmt_range` (which labels bars with numerals), with numbers under
    10 spelled out; a low end never rounds up and a high end never rounds down.

    >>> ap_range(3, 5), ap_range(6000, 9000), ap_range(1, float("nan"))
    ('three to five', '6,000 to 9,000', 'one')
    >>> ap_range(1_050_000, 2_000_000)
    '1.05 million to 2 million'
    """
    return _span(low, high, ap_number)


def fmt_count(value: float, side: Side = "nearest") -> str:
    """A head count as a newspaper prints it: "24", "50,000", "1.2 million".

    Millions keep up to two decimals ("1.05 million"); a number that needs more rounds
    to ``side``: "down" for a low end or a floor, so a printed low is never above the
    coded one, "up" for a high end, "nearest" for a lone figure.

    >>> fmt_count(50000), fmt_count(1_200_000), fmt_count(24.0), fmt_count(1_050_000)
    ('50,000', '1.2 million', '24', '1.05 million')
    >>> fmt_count(1_999_999, "down"), fmt_count(1_999_999, "up"), fmt_count(1_234_567)
    ('1.99 million', '2 million', '1.23 million')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no count"
    if value >= 1_000_000:
        return _millions(value, side)
    whole = {"down": math.floor, "up": math.ceil}.get(side, round)(value)
    return f"{whole:,}"


def _millions(value: float, side: Side) -> str:
    """ "1.05 million": hundredths of a million, rounded towards ``side`` (exact when they
    are), computed in whole numbers so 1,050,000 is not 1.0499999 million."""
    hundredths, rest = divmod(round(value), 10_000)
    if rest and (side == "up" or side == "nearest" and rest >= 5_000):
        hundredths += 1
    whole, cents = divmod(hundredths, 100)
    text = f"{whole:,}" + (f".{cents:02d}".rstrip("0") if cents else "")
    return f"{text} million"


def fmt_number(value: float) -> str:
    """A number in full with thousands separators, as a data table prints it: "1,200,000".

    Unlike :func:`fmt_count` it never shortens to "1.2 million": a table is looked up.

    >>> fmt_number(50000.0), fmt_number(1_200_000)
    ('50,000', '1,200,000')
    """
    return f"{value:,.0f}"


def fmt_range(low: float, high: float) -> str:
    """A low-high estimate on a chart or in a table: "6,000-9,000", or one number when they agree.

    AP style: a hyphen for a range in figures and tables; running text says "to"
    (:func:`ap_range`). The low end rounds down and the high end up, so a range printed
    short still holds what was coded: 1,050,000 to 2 million is "1.05 million-2 million",
    never "1.1 million-2 million".

    >>> fmt_range(6000, 9000), fmt_range(500, 500), fmt_range(500, float("nan"))
    ('6,000-9,000', '500', '500')
    >>> fmt_range(1_234_567, 2_345_678)
    '1.23 million-2.35 million'
    """
    return _span(low, high, fmt_count, joint="-")


def _span(low: float, high: float, number: Callable[..., str], joint: str = " to ") -> str:
    """ "low to high" in ``number``'s style, or one number when there is no wider high end.

    One number is the low end too (it is what a floor's "+" follows), so it rounds down.
    """
    if high is None or (isinstance(high, float) and math.isnan(high)) or high <= low:
        return number(low, "down")
    return f"{number(low, 'down')}{joint}{number(high, 'up')}"


def fmt_degrees(value: float) -> str:
    """Degrees Fahrenheit as printed: "9°F", "-3°F", "32.5°F".

    >>> fmt_degrees(9.0), fmt_degrees(-3.0)
    ('9°F', '-3°F')
    """
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text}°F"


def place_label(city: str, state_code: str | None) -> str:
    """City and state as AP writes them: "Portland, Ore.", "Cleveland, Texas"; a dateline
    city alone ("Houston", "Washington").

    One rule everywhere, labels, tables, notes and alt text alike: AP's dateline cities
    (:data:`AP_DATELINE_CITIES`) stand alone, in their own state only.

    >>> place_label("Portland", "OR"), place_label("Washington", "DC"), place_label("Houston", "TX")
    ('Portland, Ore.', 'Washington', 'Houston')
    >>> place_label("Cleveland", "TX")
    'Cleveland, Texas'
    >>> place_label("24 Ohio counties", "OH"), place_label("Statewide", "VA")
    ('24 Ohio counties', 'statewide in Virginia')
    >>> place_label("Kansas City", "KS"), place_label("Nelson County", "VA")
    ('Kansas City, Kan.', 'Nelson County, Va.')
    """
    if not isinstance(state_code, str) or not state_code:
        return str(city)
    if AP_DATELINE_CITIES.get(city) == state_code:
        return str(city)
    if str(city).strip().lower() == "statewide":
        return f"statewide in {STATE_NAMES.get(state_code, state_code)}"
    named = {STATE_NAMES.get(state_code, ""), AP_STATES.get(state_code, "").rstrip(".")}
    if is_area(city) and any(n and re.search(rf"\b{re.escape(n)}\b", str(city)) for n in named):
        return str(city)  # "24 Ohio counties" names its state already; Kansas City does not
    return f"{city}, {AP_STATES.get(state_code, state_code)}"


#: Cities AP datelines name without a state, with the state they are in (elsewhere, a city
#: of the same name takes its state: "Cleveland, Texas").
AP_DATELINE_CITIES: dict[str, str] = {
    "Atlanta": "GA", "Baltimore": "MD", "Boston": "MA", "Chicago": "IL", "Cincinnati": "OH",
    "Cleveland": "OH", "Dallas": "TX", "Denver": "CO", "Detroit": "MI", "Honolulu": "HI",
    "Houston": "TX", "Indianapolis": "IN", "Las Vegas": "NV", "Los Angeles": "CA",
    "Miami": "FL", "Milwaukee": "WI", "Minneapolis": "MN", "New Orleans": "LA",
    "New York": "NY", "Oklahoma City": "OK", "Philadelphia": "PA", "Phoenix": "AZ",
    "Pittsburgh": "PA", "St. Louis": "MO", "Salt Lake City": "UT", "San Antonio": "TX",
    "San Diego": "CA", "San Francisco": "CA", "Seattle": "WA", "Washington": "DC",
}  # fmt: skip


_AREA = re.compile(
    r"\b(?:count(?:y|ies)|parish(?:es)?|statewide|nationwide|regions?)\b",
    re.IGNORECASE,
)


def is_area(place: str) -> bool:
    """Whether a place is a county, several of them or a state, not a city: a list of
    cities names it apart, for what it is.

    >>> is_area("24 Ohio counties"), is_area("Nelson County, Va."), is_area("Countryside, Ill.")
    (True, True, False)
    """
    return bool(_AREA.search(str(place)))


def place_in_text(city: str, state_code: str | None) -> str:
    """A city inside a sentence, AP style: "Houston", but "Charleston, W.Va.," (comma after).

    >>> place_in_text("Houston", "TX"), place_in_text("Charleston", "WV")
    ('Houston', 'Charleston, W.Va.,')
    """
    label = place_label(city, state_code)
    return label + "," if label != str(city) else label


def join_words(items: Sequence[str], *, limit: int = 6) -> str:
    """A list in running text: "A, B and C"; long lists end "and five others", "and 12 others".

    >>> join_words(["Atlanta", "Dallas", "Denver"])
    'Atlanta, Dallas and Denver'
    >>> join_words(list("ABCDEFGH"), limit=3)
    'A, B, C and five others'
    """
    items = [str(i) for i in items]
    if len(items) > limit:
        rest = len(items) - limit
        return ", ".join(items[:limit]) + f" and {ap_count(rest, 'other')}"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def join_places(items: Sequence[str], *, limit: int = 6) -> str:
    """Places in running text, separated by semicolons because AP places contain commas.

    >>> join_places(["Portland, Ore.", "Houston, Texas"])
    'Portland, Ore.; Houston, Texas'
    """
    items = [str(i) for i in items]
    if len(items) > limit:
        rest = len(items) - limit
        return "; ".join(items[:limit]) + f" and {ap_count(rest, 'other')}"
    return "; ".join(items)


def sentence(text: str) -> str:
    """``text`` ending in one full stop, even after an abbreviation ("Portland, Ore.").

    >>> sentence("No count reported: Portland, Ore."), sentence("Counts are floors")
    ('No count reported: Portland, Ore.', 'Counts are floors.')
    """
    text = text.rstrip()
    return text if not text or text[-1] in ".!?" else text + "."


def source_line(events: pd.DataFrame, *, limit: int = 3) -> str:
    """The credit line from the data: "Source: Workers World, Feb. 3, 2026".

    One entry per source name, with its publication date when it has exactly
    one; several sources are joined with semicolons ("Sources: A; B"), the
    most-used first, and a long tail is counted ("and 4 others").

    >>> import pandas as pd
    >>> df = pd.DataFrame({"source_name": ["Workers World"], "source_date": ["2026-02-03"]})
    >>> source_line(df)
    'Source: Workers World, Feb. 3, 2026'
    >>> source_line(pd.DataFrame({"source_name": ["AP\\nKUOW", "AP"],
    ...     "source_date": ["2026-02-01\\n2026-02-02", "2026-02-01"]}))
    'Sources: AP, Feb. 1, 2026; KUOW, Feb. 2, 2026'
    """
    import pandas as pd

    from turnout.sources import row_sources

    if "source_name" not in events or events["source_name"].dropna().empty:
        return "Source: not named in the data"
    # Each source of a row of several (one line per source) is named on its own.
    pairs = [
        (s.name, s.date)
        for name, date in zip(
            events["source_name"],
            events.get("source_date", pd.Series(pd.NA, index=events.index)),
            strict=True,
        )
        for s in row_sources(name, date)
    ]
    names = pd.Series([n for n, _ in pairs], dtype="str").str.strip()
    dates = pd.Series([d or pd.NA for _, d in pairs], dtype="object")
    names, dates = names[names.ne("")], dates[names.ne("")]
    entries: list[str] = []
    for name in names.value_counts(sort=True).index:  # most-used first, ties in order seen
        parsed = pd.to_datetime(dates[names.eq(name)], errors="coerce", format="%Y-%m-%d")
        distinct = parsed.dropna().unique()
        entries.append(f"{name}, {ap_date(distinct[0], year=True)}" if len(distinct) == 1 else name)
    if not entries:  # every name empty: cleaning warns about each such row
        return "Source: not named in the data"
    label = "Source" if len(entries) == 1 else "Sources"
    return f"{label}: {join_places(entries, limit=limit)}"
