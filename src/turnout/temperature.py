"""Weather words to degrees Fahrenheit.

Reporters describe the weather at a protest in words: "9° F and violent winds",
"freezing temperatures", "below zero", "-5 C", "cold weather for the Houston
area". This module turns those words into a low/high range in °F and a short
label, without inventing a number the words do not give:

- a reading ("9° F", "-5°C", "28 degrees") is low = high (Celsius converted);
- a range ("20 to 25 degrees", "in the 20s") gives both ends;
- a one-sided word gives one end: "freezing"/"below freezing" is high 32 with
  low unknown, "below zero"/"subzero" is high 0, "above freezing" is low 32;
- relative words ("cold for Houston", "below average", "bitter cold") give no
  number, only a label.

Labels are ``reading``, ``range``, ``at most``, ``at least``, ``relative`` and
``none``: a chart uses them to draw points, intervals or arrows.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

import pandas as pd

from turnout.distinct import distinct

NAN = float("nan")

# Labels a caller can branch on.
READING = "reading"
RANGE = "range"
AT_MOST = "at most"
AT_LEAST = "at least"
RELATIVE = "relative"
NONE = "none"


class TempEstimate(NamedTuple):
    """A temperature in °F as the words give it: NaN where they give no bound."""

    low_f: float
    high_f: float
    label: str


_NUM = r"[-−–]?\s?\d+(?:\.\d+)?"
_DEG = r"(?:\s*(?:°|º|˚|degrees?|deg\.?)\s*)"
_UNIT = r"(?:\s*(?P<unit>F|C|fahrenheit|celsius|centigrade)\b)?"
# "9° F", "-5 C", "28 degrees", "9F": a number with a degree sign, the word degrees or a unit.
_READING = re.compile(
    rf"(?P<num>{_NUM})(?:{_DEG}(?:(?P<unit1>F|C|fahrenheit|celsius|centigrade)\b)?"
    rf"|(?P<unit2>F|C)\b|\s(?P<unit3>F|C)\b(?=\s*(?:$|[,.;:)!?]|and\b|with\b)))",
    re.IGNORECASE,
)
_RANGE = re.compile(
    rf"(?P<a>{_NUM}){_DEG}?\s*(?:to|-|–|—|and)\s*(?P<b>{_NUM}){_DEG}"
    r"(?:(?P<unit>F|C|fahrenheit|celsius|centigrade)\b)?",
    re.IGNORECASE,
)
# "in the 20s", "the low 30s", "upper teens"
_DECADE = re.compile(
    r"\b(?P<part>low|lower|mid|middle|high|upper)?[\s-]*(?P<dec>\d0)'?s\b", re.IGNORECASE
)
_TEENS = re.compile(r"\b(?P<part>low|lower|mid|middle|high|upper)?[\s-]*teens\b", re.IGNORECASE)
# Wind chill and heat index are not the air temperature: drop them with their numbers.
_FEELS_LIKE = re.compile(
    rf"(?:wind[- ]?chills?|feels?[- ]like|heat index|real[- ]?feel)\w*(?:\s+(?:of|at|near|around|"
    rf"as low as|as high as|values? of))*\s*(?:{_NUM}{_DEG}?(?:F|C)?\b)?",
    re.IGNORECASE,
)
_BELOW_ZERO = re.compile(r"\b(?:below zero|sub-?zero)\b", re.IGNORECASE)
_BELOW_FREEZING = re.compile(r"\b(?:below[- ]freezing|freezing)\b", re.IGNORECASE)
_ABOVE_FREEZING = re.compile(r"\babove[- ]freezing\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?:cold|chilly|chill|frigid|bitter|icy|snow\w*|sleet|hot|heat|warm|sweltering|"
    r"humid|rain\w*|wind\w*|below average|above average|mild|cool|harsh|brutal|weather|"
    r"temperatures?)\b",
    re.IGNORECASE,
)


def _to_f(value: float, unit: str | None) -> float:
    if unit and unit.lower().startswith("c"):
        return round(value * 9 / 5 + 32, 1)
    return value


def _num(text: str) -> float:
    return float(re.sub(r"\s", "", text).replace("−", "-").replace("–", "-"))


def _decade_bounds(part: str | None, base: int) -> tuple[float, float]:
    part = (part or "").lower()
    if part in ("low", "lower"):
        return base, base + 3
    if part in ("mid", "middle"):
        return base + 4, base + 6
    if part in ("high", "upper"):
        return base + 7, base + 9
    return base, base + 9


def parse_temperature(text: object) -> TempEstimate:
    """Read a temperature from a reporter's words; never raises.

    >>> parse_temperature("9° F and violent winds")
    TempEstimate(low_f=9.0, high_f=9.0, label='reading')
    >>> parse_temperature("freezing temperatures")
    TempEstimate(low_f=nan, high_f=32.0, label='at most')
    >>> parse_temperature("cold weather for the Houston area").label
    'relative'
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return TempEstimate(NAN, NAN, NONE)
    if not isinstance(text, str):
        text = str(text)
    s = text.strip()
    if not s or s.lower() in {"na", "n/a", "nan", "none"}:
        return TempEstimate(NAN, NAN, NONE)
    had_feels_like = bool(_FEELS_LIKE.search(s))
    s = _FEELS_LIKE.sub(" ", s)

    m = _RANGE.search(s)
    if m:
        unit = m.group("unit")
        a, b = _to_f(_num(m.group("a")), unit), _to_f(_num(m.group("b")), unit)
        return TempEstimate(min(a, b), max(a, b), RANGE)
    m = _READING.search(s)
    if m:
        unit = m.group("unit1") or m.group("unit2") or m.group("unit3")
        value = _to_f(_num(m.group("num")), unit)
        return TempEstimate(value, value, READING)
    m = _DECADE.search(s)
    if m and 0 <= int(m.group("dec")) <= 110:
        low, high = _decade_bounds(m.group("part"), int(m.group("dec")))
        return TempEstimate(float(low), float(high), RANGE)
    m = _TEENS.search(s)
    if m:
        low, high = _decade_bounds(m.group("part"), 10)
        return TempEstimate(float(max(low, 13)), float(high), RANGE)
    if _BELOW_ZERO.search(s):
        return TempEstimate(NAN, 0.0, AT_MOST)
    if _ABOVE_FREEZING.search(s):
        return TempEstimate(32.0, NAN, AT_LEAST)
    if _BELOW_FREEZING.search(s):
        return TempEstimate(NAN, 32.0, AT_MOST)
    if had_feels_like or _RELATIVE.search(s):
        return TempEstimate(NAN, NAN, RELATIVE)
    return TempEstimate(NAN, NAN, NONE)


def parse_temperatures(texts: pd.Series) -> pd.DataFrame:
    """Vectorised :func:`parse_temperature`: one row per text, same index.

    Columns ``temp_f_low``, ``temp_f_high`` (float64) and ``temp_label``. Each
    distinct text is parsed once.

    >>> parse_temperatures(pd.Series(["9° F", None])).to_dict("list")
    {'temp_f_low': [9.0, nan], 'temp_f_high': [9.0, nan], 'temp_label': ['reading', 'none']}
    """
    if not isinstance(texts, pd.Series):
        texts = pd.Series(list(texts), dtype=object)  # a list or array of texts works too
    d = distinct(texts)
    parsed = [parse_temperature(u) for u in d.values] + [parse_temperature(None)]
    table = pd.DataFrame(parsed, columns=["temp_f_low", "temp_f_high", "temp_label"])
    # code -1 (missing) picks the last row, the parse of nothing
    out = table.iloc[d.codes].reset_index(drop=True).set_index(texts.index)
    out["temp_f_low"] = out["temp_f_low"].astype("float64")
    out["temp_f_high"] = out["temp_f_high"].astype("float64")
    out["temp_label"] = out["temp_label"].astype("str")
    return out
