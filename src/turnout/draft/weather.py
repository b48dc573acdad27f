"""Weather words in a sentence, kept when :func:`turnout.temperature.parse_temperature` reads them.

"9° F and violent winds", "freezing temperatures", "100 degree weather", "cold
weather for the Houston area", "in the low 30s", "below zero". The drafter ties
them to a gathering only when the sentence is about that gathering (it names
its place or counts its crowd); "most of them in freezing temperatures" in a
sentence about many cities stays with none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from turnout.temperature import parse_temperature

_COLD_HOT = (
    r"(?:extremely |intensely |bitterly |bitter |brutally |unseasonably |record |sub-?zero |"
    r"near-?freezing |freezing |below[- ]freezing |frigid |icy |harsh |cold |hot |sweltering |"
    r"scorching |blistering |pouring |driving |heavy |steady |light |chilly |wintry |snowy |"
    r"rainy |windy |humid |below average |above average |or |and )*"
)
_NOUN = r"(?:temperatures?|weather(?: conditions)?|cold|heat|rain|snow|sleet|winds?|wind chills?)"
_WEATHER = re.compile(
    r"(?:-?\d+(?:\.\d+)?\s*(?:°|º|˚|-?degrees?|-degree)(?:\s*[FC]\b)?"
    r"(?:\s+(?:weather|temperatures?|heat|cold))?"
    r"(?:\s+and\s+(?:\w+\s+)?winds?\b)?)"
    r"|\b(?:in the (?:low|mid|high|upper|lower)?[ -]?\d0s)"
    r"|\bbelow zero\b"
    # whole words: "Rainbow" and "Snowden" are no weather
    rf"|\b{_COLD_HOT}{_NOUN}\b(?: for the [A-Z][\w.]*(?: [A-Z][\w.]*)* area)?",
    re.IGNORECASE,
)


# Words that say nothing about the weather on their own.
_BARE = frozenset(
    "or and cold heat weather temperature temperatures winds wind weather conditions".split(" ")
) | {"weather conditions"}


@dataclass(frozen=True, slots=True)
class WeatherMention:
    """Weather words in the text, with their offsets."""

    start: int
    end: int
    text: str


def find_weather(text: str, offset: int = 0) -> list[WeatherMention]:
    """Weather words of a sentence that turnout's temperature reader understands.

    >>> [w.text for w in find_weather("in extremely harsh weather conditions of 9° F and "
    ...     "violent winds, to honor the workers")]
    ['extremely harsh weather conditions', '9° F and violent winds']
    >>> [w.text for w in find_weather("Thousands of people braved freezing temperatures")]
    ['freezing temperatures']
    """
    out = []
    for m in _WEATHER.finditer(text):
        words = m.group(0).strip()
        lead = m.group(0).find(words)
        if len(words) < 4 or words.lower() in _BARE:
            continue
        if parse_temperature(words).label == "none":
            continue
        s = offset + m.start() + lead
        out.append(WeatherMention(s, s + len(words), words))
    return out
