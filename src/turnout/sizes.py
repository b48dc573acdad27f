"""Crowd-size text -> numbers, following the Crowd Counting Consortium (CCC) Phase-3 rules.

CCC coders record the words a source uses for crowd size (``size_text``) and derive
``size_low``/``size_high`` from them by fixed rules (CCC Coding Guidelines, Phase 3):

* a single number goes in both low and high ("37", "two", "1,000 people");
* qualifiers keep the number ("more than 100", "nearly 1,000", "up to 50" -> 100, 1000, 50);
* a range gives its two ends ("30-40", "between 30 and 40", "6,000 to 9,000");
* fuzzy plurals take the lowest multiple: dozens 24, hundreds 200, thousands 2000,
  tens of thousands 20000, hundreds of thousands 200000;
* "several" and "a few" are 3 ("several hundred" 300), "handful" is 5;
* several estimates separated by semicolons: low is the smallest, high the largest;
* "count pic", "count video", "eyewitness" mean the coder counted from imagery or a
  witness; the text then carries no number and the parser returns NaN. "FB: 34" (a
  Facebook event's "went" count) does carry its number.

The parser is a small tokenizer plus a grammar of number words, qualifiers and context
rules; it is not a lookup table, so it generalises to CCC years it has not seen.
Decisions the guidelines leave open (documented where they are made):

* "scores" is 40 and "a score" 20, by analogy with dozens (a score is 20);
* "couple" is 2 ("a couple hundred" 200); "half a dozen" 6; "a dozen and a half" 18;
* "lone" 1, "pair"/"duo" 2, "trio" 3;
* expected/hoped-for/"interested" turnout is not a crowd size (guidelines: "we do not
  record expected or predicted turnout"), so such numbers are dropped;
* numbers that are not head counts (years, dates, times, ages, money, percentages,
  ordinals, "100 schools", "a 24-hour vigil") are dropped; vehicles and boats are kept
  because CCC coders count a car caravan by its vehicles (each carries a participant);
* labels are not counts: a number after a label word ("Day 2", "Local 1199", "Phase 3",
  "Region 9A", "#5", "No. 5") unless the word is a plain noun ("every day 50", "the
  first day 300"), a number glued to letters ("H1N1", "v2"), a number in parentheses
  glued to a word ("alert(1)", "287(g)"), and anything inside a tag ("<td width=50>");
* outcome counts are not crowd sizes: people arrested, detained, cited, injured, killed
  or hospitalised ("300 people; 5 arrested" is 300) are a part of the crowd or apart
  from it. They count only when the coder adds them ("350 outside + 48 arrested" is
  398), and arrests alone ("26 arrested") stand as the crowd, since CCC's ``arrests``
  are of participants and its coders record them as the size when nothing else is
  known; injuries and deaths alone give no number (they may be of police or bystanders);
* counted groups joined by "and"/"plus" are added ("seven men and one woman" 8), as are
  "another 600" and "hundreds more"; "50 and 100 people" stays a pair of alternatives;
* "half of the school's 123 students" gives no number (123 is the whole, not the crowd);
* a range can lend its unit to its first end ("three to four dozen" 36-48,
  "50-60,000" 50,000-60,000); a spreadsheet's "15-Oct" is read back as the range 10-15;
* one-letter typos in long number words are repaired ("hudreds", "sveral");
* results are whole numbers (rounded half to even); quantities above 1e9 are not crowds.

``parse_sizes``, ``size_mean``, ``size_cat`` and ``is_imagery_count`` work on whole
columns; ``parse_sizes`` parses each distinct string once.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from turnout.distinct import distinct, map_distinct
from turnout.errors import quote
from turnout.typos import typo_matches

__all__ = [
    "SizeEstimate",
    "QUALIFIERS",
    "is_imagery_count",
    "parse_size",
    "parse_sizes",
    "size_cat",
    "size_mean",
    "size_problem",
    "size_problems",
    "size_qualifier",
    "size_qualifiers",
    "size_typo_note",
]

NAN = float("nan")
_MAX_CROWD = 1e9  # no crowd reaches a billion; larger numbers are not head counts


class SizeEstimate(NamedTuple):
    """Low and high crowd estimate; both NaN when the text gives no number of people."""

    low: float
    high: float


_EMPTY = SizeEstimate(NAN, NAN)

# --------------------------------------------------------------------------- vocabulary

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Groups multiply the number before them and stay in "current" ("two dozen" = 24).
_GROUPS = {"dozen": 12, "score": 20, "hundred": 100}
# Scales close a block ("two thousand five hundred" = 2500).
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Fuzzy plurals: the lowest multiple, i.e. 2x ("dozens" = 24, "hundreds" = 200).
_PLURALS = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "tens": 10,
}  # fmt: skip
# Vague counts from the guidelines (several / a few = 3, handful = 5) plus couple = 2.
_VAGUE = {"few": 3, "several": 3, "couple": 2}
# Single words that name a small group of a known size.
_SMALL_GROUPS = {"handful": 5, "lone": 1, "pair": 2, "duo": 2, "trio": 3}
_NUMBER_WORDS = (
    set(_UNITS) | set(_TENS) | set(_GROUPS) | set(_SCALES) | set(_PLURALS) | set(_VAGUE)
    | set(_SMALL_GROUPS) | {"half"}
)  # fmt: skip
# "one" is a pronoun, not a count, next to these words ("one of the", "no one").
_ONE_PRONOUN_AFTER = frozenset("of in another who that which way day time point side".split())
_ONE_PRONOUN_BEFORE = frozenset("the every no any each this that which".split())
# Long number words only: typo repair ("hudreds", "sveral") is safe for them, not for
# short words where one edit reaches an unrelated word.
_TYPO_TARGETS = sorted(w for w in _NUMBER_WORDS if len(w) >= 7)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# Units right after a number: it measures time, distance, money ... ("a 24-hour vigil").
_UNIT_WORDS = frozenset(
    """
    year years yr yrs month months week weeks day days hour hours hr hrs minute minutes
    min mins second seconds mile miles mi km kilometer kilometers kilometre kilometres
    ft feet foot-long yard yards block blocks lap laps degree degrees percent pct dollar
    dollars cents bucks point points acre acres ton tons pound pounds lbs mph
    story stories floor floors lane lanes
    """.split()
)
# Letters glued to a numeral that make it an ordinal, a time or a measure ("5th", "5pm").
_GLUED_NOT_COUNT = frozenset(
    "st nd rd th am pm x yo m mm cm km mi ft lb lbs kg mph hr hrs yr yrs min mins sec secs".split()
)
# Head nouns that are not people: "100 high schools", "two anti-abortion groups".
_NOT_PEOPLE = _UNIT_WORDS | frozenset(
    """
    schools colleges universities campuses cities towns states countries counties nations
    organizations organisations orgs groups unions chapters churches congregations
    mosques synagogues temples companies businesses stores shops restaurants locations
    sites places venues events rallies protests demonstrations marches vigils actions
    walkouts strikes meetings hearings signs flags banners balloons candles shoes crosses
    tents signatures petitions letters calls emails postcards bills laws teams districts
    precincts demands buildings homes houses stops camps sides areas zones corners
    entrances spots pieces
    """.split()
)
# Plural-less nouns for people: like a plural, they end the search for the head noun.
_PEOPLE = frozenset("people persons men women children kids folks staff youth police".split())
# Function words end the look-ahead for a noun: in "50 students from 3 schools" the
# noun of 50 is "students", and "schools" belongs to 3.
_STOP_WORDS = frozenset(
    """
    and or to of from at in on for with by than as who which that were was are is
    had have has but if while plus per into outside inside near gathered marched
    rallied protested showed came attended joined
    """.split()
)
# Before a number: it is a label, an identifier or a code, not a head count ("Day 2",
# "Local 1199", "Phase 3", "No 5").
_ID_WORDS = frozenset(
    """
    route rt highway hwy interstate local district precinct ward chapter section room
    suite station gate pier unit article amendment prop proposition bill hb sb ab hr act
    resolution ordinance measure code title policy grade grades age ages aged channel
    exit apt building day week night month year round phase stage part region zone
    sector division tier no nos number num nr vol volume episode session
    """.split()
)
# Before a label word, these make it a plain noun and the number a count again:
# "every day 50", "the first day 300", "Saturday night 200", "a local 50".
_PLAIN_NOUN_BEFORE = frozenset(
    """
    a an one each every per this that same last next first second third fourth fifth
    final whole entire all monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
# Outcome counts: people arrested, detained or cited (participants, CCC's ``arrests``)
# and people harmed (who may be police or bystanders). Neither is a crowd size.
_DETAINED = frozenset(
    """
    arrest arrests arrested arresting detained detaining detention detentions detainee
    detainees cited citing citation citations custody
    """.split()
)
_HARMED = frozenset(
    """
    injured injuring injury injuries hurt killed killing dead death deaths died wounded
    wounding hospitalized hospitalised hospitalization hospitalisation
    """.split()
)
# Outcome words that cannot take the count after them ("dead 5" is not "5 dead").
_OUTCOME_AFTER_ONLY = frozenset("dead died custody".split())
# Between a count and its outcome word: "5 protesters were later arrested".
_OUTCOME_AUX = frozenset(
    "were was are is be been being had have has got get later reportedly also all then "
    "eventually subsequently more".split()
)
# "<share> of N": N is a whole that only part of joined.
_SHARES = frozenset(
    "half halves third thirds quarter quarters fifth fifths percent majority minority "
    "fraction portion part".split()
)
# Turnout that has not happened is not a crowd size (guidelines, size_text).
_FUTURE_BEFORE = re.compile(r"expect|hop(?:e|ed|ing)\b|predict|anticipat")
_FUTURE_AFTER = re.compile(r"expect|interest|invit|rsvp|predict|anticipat|hop(?:e|ed|ing)\b")
# Words that may sit between a connector and the next quantity ("and about 20").
_LEAD_WORDS = frozenset(
    """
    about abt around approximately approx roughly nearly almost over more than less
    fewer under at least most some an estimated another only just perhaps maybe
    possibly well close closer to upwards upward of as many additional other a the
    little crowd group total totaling totalling
    """.split()
)
_QUOTES = frozenset("\"'`[](){}")

# ----------------------------------------------------------------------- normalisation

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"), "-")
_DASHES.update(dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"))
_DASHES.update(dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"'))

# Spreadsheets turn a range "10-15" into the date "15-Oct"; undo it when that is the
# whole estimate (a part between semicolons), since nothing else writes "15-Oct".
_EXCEL_DATE = re.compile(r"(^|;)\s*(\d{1,2})-(" + "|".join(_MONTHS) + r")\s*(?=;|$)")
# Dates, times, years and pandemic names contain digits that are never head counts.
_MASKS = [
    re.compile(r"covid[- ]?19|sars[- ]?cov[- ]?2|9/11|24/7|g-?20|g-?7\b"),
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"),
    re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:-|to)\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?"),
    re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|o'clock)|\b\d{1,2}:\d{2}\b"),
    re.compile(
        r"\b" + _MONTH_RE + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,\d{3})(?:,?\s*(?:19|20)\d{2}\b)?"
    ),
    # "20 march" and "5 may" are more often a crowd and a verb than a date.
    re.compile(
        r"\b(?:\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?"
        + _MONTH_RE
        + r"|\d{1,2}\s+(?:of\s+)?"
        + _MONTH_RE.replace("mar(?:ch)?", "mar").replace("|may", "")
        + r")\b\.?(?:,?\s*\d{4})?"
    ),
    re.compile(
        r"\b(?:in|since|until|till|during|before|after|year|years|fiscal|fy|circa|"
        r"class of|summer of|spring of|fall of|winter of|autumn of)\s+(?:19|20)\d{2}s?\b"
        r"(?:\s*(?:,|and|or|-|to|through)\s*(?:19|20)\d{2}s?\b)*"
    ),
    re.compile(
        r"\b(?:19|20)\d{2}s?\s+(?:election|elections|census|season|campaign|primary|primaries"
        r"|midterms?|presidential|olympics|budget|legislative)\b"
    ),
]
_ALONG_WITH = re.compile(r"\b(?:along with|joined by|accompanied by|in addition to)\b")
# Outcome phrases of several words, read as one outcome word.
_OUTCOME_PHRASES = [
    (
        re.compile(
            r"\b(?:(?:taken|placed|put|held)\s+)?(?:into|in|under)\s+(?:police\s+)?"
            r"(?:custody|arrest)\b"
        ),
        " arrested ",
    ),
    (
        re.compile(
            r"\b(?:taken|transported|sent|rushed)\s+to\s+(?:the\s+|a\s+|local\s+)?"
            r"hospitals?\b"
        ),
        " hospitalized ",
    ),
]
# Markup is not crowd-size text: "<td width=50>", "<script>" (a tag name starts with a
# letter, so "<50" and "< 100" stay comparisons).
_TAG = re.compile(r"</?[a-z][^<>]*>")
# What a script or style element holds is code, not words ("<script>x=1</script> about 200").
_CODE = re.compile(r"<(script|style)\b[^<>]*>.*?(?:</\1\s*>|$)", re.DOTALL)
_TOKEN = re.compile(
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<word>[a-z]+(?:'[a-z]+)*)"
    r"|(?P<punct>[^\sa-z0-9])"
)


# Qualifiers typed one slip away: "More then 10,000" is a floor like "more than 10,000".
_THEN = re.compile(r"\b(more|less|fewer|greater)\s+then\b")
_RUN_TOGETHER = {"atleast": "at least", "atmost": "at most", "upto": "up to"}
_QUALIFIER_WORDS = ("approximately", "roughly", "around", "nearly", "almost", "upwards")
# Real words one typo from a qualifier: never corrected ("nearby 300 people").
_NOT_TYPOS = frozenset({"nearby", "aground", "approximate", "upward"})
# Only words that could be one slip from a qualifier are compared (first letter, length
# within one): every crowd-size text passes through here, so most words must cost nothing.
_CANDIDATE = re.compile(
    r"\b(?:atleast|atmost|upto|(?:"
    + "|".join(f"{w[0]}[a-z]{{{len(w) - 2},{len(w)}}}" for w in sorted(_QUALIFIER_WORDS, key=len))
    + r"))\b"
)


def _qualifier_fixes(text: str) -> list[tuple[str, str]]:
    """(typo, qualifier) for each qualifier in lowercase ``text`` typed one slip away."""
    fixes = [(m[0], f"{m[1]} than") for m in _THEN.finditer(text)] if "then" in text else []
    for word in _CANDIDATE.findall(text):
        if word in _RUN_TOGETHER:
            fixes.append((word, _RUN_TOGETHER[word]))
        elif word not in _NOT_TYPOS and word not in _QUALIFIER_WORDS:
            hits = typo_matches(word, _QUALIFIER_WORDS)
            if hits:
                fixes.append((word, hits[0]))
    return fixes


def _fix_qualifiers(text: str) -> str:
    for typo, meant in _qualifier_fixes(text):
        text = re.sub(r"\b" + re.escape(typo) + r"\b", meant, text)
    return text


def size_typo_note(text: object) -> str:
    """A note for crowd-size words whose qualifier is typed one slip away, read as meant
    ("" when there is none): the number keeps its floor, the desk checks the spelling.

    >>> size_typo_note("More then 10,000")
    "'more then' is read as 'more than'"
    >>> size_typo_note("atleast 500; aproximately 300")
    "'atleast' is read as 'at least'; 'aproximately' is read as 'approximately'"
    >>> size_typo_note("more than 10,000")
    ''
    """
    if not isinstance(text, str):
        return ""
    lowered = unicodedata.normalize("NFKC", text).lower()
    return "; ".join(f"{quote(t)} is read as {quote(m)}" for t, m in _qualifier_fixes(lowered))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).lower()
    text = _fix_qualifiers(text)
    text = _TAG.sub(" ", _CODE.sub(" ", text))
    text = text.replace("~", " about ")
    for pattern, word in _OUTCOME_PHRASES:
        text = pattern.sub(word, text)
    # Phrases that add a second group: "10 members, along with 20 students" is 30.
    text = _ALONG_WITH.sub(" plus ", text)
    text = _EXCEL_DATE.sub(lambda m: f"{m[1]} {_MONTHS[m[3]]}-{m[2]}", text)
    for mask in _MASKS:
        text = mask.sub(" datetime ", text)
    return text


@dataclass(slots=True)
class _Tok:
    kind: str  # "num", "word" or "punct"
    text: str
    value: float = NAN
    comma: bool = False  # numeral written with thousands separators ("60,000")
    attached: bool = False  # no space before this token ("10k", "100s", "5th")


def _fix_typo(word: str) -> str:
    if word in _NUMBER_WORDS:
        return word
    hits = typo_matches(word, _TYPO_TARGETS)
    # "hundredd" is one edit from both "hundred" and "hundreds": prefer the plural,
    # which stands alone, where the singular needs a number before it.
    hits.sort(key=lambda t: (not t.endswith("s"), t))
    return hits[0] if hits else word


def _tokenise(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    end = -1
    for m in _TOKEN.finditer(text):
        attached = m.start() == end
        end = m.end()
        if m["num"]:
            raw = m["num"]
            toks.append(_Tok("num", raw, float(raw.replace(",", "")), "," in raw, attached))
        elif m["word"]:
            toks.append(_Tok("word", _fix_typo(m["word"]), attached=attached))
        else:
            toks.append(_Tok("punct", m["punct"], attached=attached))
    return toks


# ---------------------------------------------------------------------------- grammar


@dataclass(slots=True)
class _Qty:
    value: float
    start: int
    end: int  # index after the last token
    plain: bool  # a bare number ("3", "three"), so a following range end may lend a unit
    base: float = NAN  # for "four dozen": 4 ...
    mult: float = NAN  # ... and 12
    comma: bool = False
    outcome: str = ""  # "detained" or "harmed" for outcome counts ("5 arrested")


def _word(toks: list[_Tok], i: int) -> str:
    return toks[i].text if 0 <= i < len(toks) and toks[i].kind == "word" else ""


def _is(toks: list[_Tok], i: int, *texts: str) -> bool:
    return 0 <= i < len(toks) and toks[i].text in texts


@dataclass(slots=True)
class _Reading:
    """A quantity as it is read, token by token: ``total + current`` so far, the token
    after it (``j``), and what ``_Qty`` keeps."""

    j: int
    current: float | None
    plain: bool = True
    total: float = 0.0
    base: float = NAN
    mult: float = NAN
    comma: bool = False


def _read_qty(toks: list[_Tok], i: int) -> _Qty | None:
    """Read one quantity starting at token i ("about" etc. are skipped by the caller)."""
    first = _read_first(toks, i)
    if not isinstance(first, _Reading):
        return first
    r = first
    # Multipliers and compounds after the base.
    while r.j < len(toks) and _read_more(toks, r):
        pass
    if r.current is None:
        return None
    return _Qty(r.total + r.current, i, r.j, r.plain, r.base, r.mult, r.comma)


def _read_first(toks: list[_Tok], i: int) -> _Reading | _Qty | None:
    """The quantity's first number (after "a" or "an"): a reading to go on with, a whole
    quantity ("dozens", "a couple"), or None when the words are no number."""
    j = i
    article = _word(toks, j) in ("a", "an")
    if article:
        j += 1
    if j >= len(toks):
        return None
    w = _word(toks, j)
    if toks[j].kind == "num":
        return _read_numeral(toks, i, j)
    if article and w == "score":
        return _Reading(j, 1.0)  # "a score of" = 20; a bare "score" is usually not a number
    if w in _UNITS or w in _TENS:
        return _read_number_word(toks, i, j)
    if w in _VAGUE:
        return _read_vague(toks, j)
    if w in _SMALL_GROUPS:
        return _Qty(float(_SMALL_GROUPS[w]), i, j + 1, False)
    if w == "half":
        return _read_half(toks, j)
    if w in ("dozen", "hundred", "thousand", "million"):
        return _Reading(j, 1.0)  # "a dozen", "a hundred", also a bare "dozen protesters"
    if w in _PLURALS:
        return _read_plural(toks, j, j + 1, _PLURALS[w], i)
    return None


def _read_numeral(toks: list[_Tok], i: int, j: int) -> _Reading | _Qty | None:
    """A numeral: "500", "10k"; "100s" reads as "hundreds"."""
    t = toks[j]
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and nxt.attached and nxt.kind == "word" and nxt.text == "s":
        # "100s" reads as "hundreds", "10s of thousands" as "tens of thousands";
        # other "-s" numbers are decades or ages ("the 1960s", "in their 20s").
        if t.value in (10, 100, 1000, 10_000, 1_000_000) and not t.comma:
            return _read_plural(toks, j, j + 2, int(t.value), i)
        return None
    r = _Reading(j + 1, t.value, comma=t.comma)
    if nxt is not None and nxt.attached and nxt.text == "k":
        r.base, r.mult, r.current, r.plain = t.value, 1000.0, t.value * 1000, False
        r.j += 1
    return r


def _read_number_word(toks: list[_Tok], i: int, j: int) -> _Reading | None:
    """A number written as a word: "three", "seventy-five", "twenty one"."""
    w = _word(toks, j)
    if w == "one" and (
        _word(toks, j + 1) in _ONE_PRONOUN_AFTER
        or _word(toks, i - 1) in _ONE_PRONOUN_BEFORE
        or _fraction_follows(toks, j)
    ):
        return None  # "one of the teams", "one in which", "no one", "one-third of"
    r = _Reading(j + 1, float(_UNITS.get(w, _TENS.get(w, 0))))
    if w in _TENS:
        k = r.j + 1 if _is(toks, r.j, "-") else r.j
        if _word(toks, k) in _UNITS and 0 < _UNITS[_word(toks, k)] < 10:
            r.current = (r.current or 0.0) + _UNITS[_word(toks, k)]  # "seventy-five"
            r.j = k + 1
    return r


def _read_vague(toks: list[_Tok], j: int) -> _Reading | None:
    """A vague count: "a few", "several", "a couple of hundred"."""
    if _word(toks, j + 1) in ("more", "less", "fewer", "over", "under"):
        return None  # "a few more than 100" is about 100, not 3
    r = _Reading(j + 1, float(_VAGUE[_word(toks, j)]), plain=False)
    if _is(toks, r.j, "of") and _word(toks, r.j + 1) in (*_GROUPS, *_SCALES, *_PLURALS):
        r.j += 1  # "a couple of hundred"
    return r


def _read_half(toks: list[_Tok], j: int) -> _Reading | None:
    """Half a number: "half a dozen", "half-million"; not "half of the teachers"."""
    k = j + 1
    if _is(toks, k, "a", "-"):
        k += 1
    if _word(toks, k) not in ("dozen", "hundred", "thousand", "million"):
        return None  # "half of the teachers"
    return _Reading(k, 0.5, plain=False)


def _read_more(toks: list[_Tok], r: _Reading) -> bool:
    """Read the multiplier or compound at ``r.j`` into ``r``; False when there is none."""
    j = r.j
    w = _word(toks, j)
    if (
        _is(toks, j, "-")
        and toks[j].attached
        and _word(toks, j + 1) in (*_GROUPS, *_SCALES, *_PLURALS)
        and toks[j + 1].attached
    ):
        r.j += 1  # "half-dozen", "three-dozen"; "Day 2 - hundreds" is two parts
        return True
    if w in _GROUPS and r.current is not None:
        if w == "hundred" and r.current >= 100:
            r.j += 1  # "100 hundred" repeats the unit; "fifteen hundred" is 1500
            return True
        r.base, r.mult = r.current, float(_GROUPS[w])
        r.current, r.plain = r.current * _GROUPS[w], False
        r.j += 1
        if _is(toks, r.j, "and") and _is(toks, r.j + 1, "a") and _is(toks, r.j + 2, "half"):
            r.current += r.mult / 2  # "a dozen and a half" = 18
            r.j += 3
        return True
    if w in _SCALES and r.current is not None:
        r.base, r.mult = r.total + r.current, float(_SCALES[w])
        r.total, r.current, r.plain = (r.total + r.current) * _SCALES[w], 0.0, False
        r.j += 1
        return True
    if w in _PLURALS and w != "tens" and r.current is not None:
        # "several hundreds", "a few dozens", "2 dozens": the base, times the unit.
        r.base, r.mult = r.current, float(_PLURALS[w])
        r.current, r.plain = r.current * _PLURALS[w], False
        r.j += 1
        return True
    if (w in _UNITS or w in _TENS) and not r.plain and r.mult >= 100:
        # "two hundred fifty", "two thousand five hundred", "a hundred and fifty"
        sub = _read_qty(toks, j)
        if sub is None or sub.value >= r.mult:
            return False
        r.current = (r.current or 0.0) + sub.value
        r.j = sub.end
        return True
    if (
        w == "and"
        and not r.plain
        and r.mult >= 100
        and (_word(toks, j + 1) in _UNITS or _word(toks, j + 1) in _TENS)
        and _word(toks, j + 2) not in (*_GROUPS, *_SCALES, *_PLURALS)
    ):
        r.j += 1  # "a hundred and fifty"
        return True
    return False


def _read_plural(toks: list[_Tok], j: int, k: int, unit: int, start: int) -> _Qty | None:
    """Fuzzy plural at token j whose word ends before k: "dozens", "tens of thousands"."""
    word = toks[j].text
    # "dozens and dozens", "thousands upon thousands": still the lowest multiple.
    if _is(toks, k, "and", "upon", "on", "of") and _is(toks, k + 1, word):
        k += 2
    value = 2.0 * unit
    if _is(toks, k, "of"):
        nxt = _word(toks, k + 1)
        nxt_unit = _PLURALS.get(nxt) or _SCALES.get(nxt) or _GROUPS.get(nxt)
        if nxt_unit and nxt_unit > unit and nxt != "tens":
            value *= nxt_unit  # "hundreds of thousands" = 200,000
            k += 2
        elif unit == 10:
            return None
    elif unit == 10:
        return None  # "tens" alone is not a crowd size
    return _Qty(value, start, k, False, 2.0, float(unit))


def _fraction_follows(toks: list[_Tok], j: int) -> bool:
    k = j + 2 if _is(toks, j + 1, "-") else j + 1
    return _word(toks, k) in (
        "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths",
        "fifth", "fifths", "tenth", "tenths",
    )  # fmt: skip


# ----------------------------------------------------------------------- context rules


def _not_a_head_count(toks: list[_Tok], q: _Qty) -> bool:
    """True when the context shows the quantity is not a number of people present."""
    if _label_before(toks, q) or _label_after(toks, q):
        return True
    end = _phrase_start(toks, q)
    return _counts_things(toks, end) or _not_present(toks, q, end)


def _label_before(toks: list[_Tok], q: _Qty) -> bool:
    """True when the token before makes the number money, a label or a code."""
    if q.start == 0:
        return False
    first, prev = toks[q.start], toks[q.start - 1]
    if prev.text in ("$", "#", "£", "€", "x", "*", "×", "/", "^", ":", ".") and (
        prev.text not in (":", ".")
        or (first.attached and prev.attached and q.start > 1 and toks[q.start - 2].kind == "num")
    ):
        return True  # money, "#5", "10 x 30", "1/2", "10:30"; not "Phase 3: 200"
    if _is_label(toks, q.start - 1):
        return True  # "Day 2", "Local 1199", "No 5"
    if (
        prev.text == "of"
        and q.start > 1
        and toks[q.start - 2].kind == "num"
        and _is_label(toks, q.start - 3)
    ):
        return True  # "Day 2 of 5": 5 days, not 5 people
    if (
        first.attached
        and prev.kind == "word"
        and prev.text != "fb"
        and (len(prev.text) <= 2 or prev.text not in _LEAD_WORDS)
    ):
        return True  # codes such as "I95", "H1N1", "v2", "1e9"; not "about200"
    if _in_glued_parens(toks, q.start):
        return True  # "alert(1)", "f(2, 3)": an argument or a footnote, not a count
    if prev.text == "-" and _word(toks, q.start - 2) in ("i", "us", "sr", "route", "f"):
        return True  # "I-95"
    return prev.text == "." and _word(toks, q.start - 2) == "no"  # "No. 5"


def _label_after(toks: list[_Tok], q: _Qty) -> bool:
    """True when the token after makes the number a percentage, a time, an ordinal, a
    code or a fraction."""
    first, last = toks[q.start], toks[q.end - 1]
    nxt = toks[q.end] if q.end < len(toks) else None
    if nxt is not None:
        if nxt.text in ("%", "°", "x", "×", "*", "/") or (
            nxt.text in (".", ":")
            and q.end + 1 < len(toks)
            and toks[q.end + 1].kind == "num"
            and toks[q.end + 1].attached
        ):
            return True
        if nxt.attached and nxt.kind == "word" and last.kind == "num":
            # Letters glued to a numeral: "10k" and "100s" were read already, "30ish"
            # and "100ppl" keep the number; short codes are ordinals, times, units or
            # names ("5th", "5pm", "15yrs", "9a").
            if (
                nxt.text in _GLUED_NOT_COUNT
                or nxt.text in _NOT_PEOPLE
                or (len(nxt.text) == 1 and nxt.text not in ("k", "s", "p"))
            ):
                return True
        if (
            nxt.text == "("
            and nxt.attached
            and len(_word(toks, q.end + 1)) == 1
            and _is(toks, q.end + 2, ")")
        ):
            return True  # "287(g)"
        if nxt.text == "(" and nxt.attached and _is(toks, q.end + 1, ")"):
            return True  # "f1()": a call, not a count
        if nxt.text in ("times", "fold", "percent", "per", "cent"):
            return True
    if first.kind == "num" and _fraction_follows(toks, q.end - 1):
        return True  # "2-thirds"
    # "two thirds of"
    return last.kind == "word" and last.text in _UNITS and _fraction_follows(toks, q.end - 1)


def _counts_things(toks: list[_Tok], end: int) -> bool:
    """True when what the quantity counts is not people: a unit right after it
    ("24-hour"), else the head noun, the first plural among up to three words before a
    function word."""
    k = end + 1 if _is(toks, end, "-") else end
    if _word(toks, k) in _UNIT_WORDS:
        return True
    k = end + 1 if _is(toks, end, "of") else end
    phrase: list[str] = []
    while k < len(toks) and len(phrase) < 3:
        t = toks[k]
        if t.kind == "punct" and t.text in ("-", "'", '"', "`"):
            k += 1
            continue
        if t.kind != "word" or t.text in _STOP_WORDS:
            break
        phrase.append(t.text)
        k += 1
    # "5,000 high school students" are people; "100 high schools and colleges" and
    # "several local businesses" are not.
    for w in phrase:
        if w in _NOT_PEOPLE:
            return True
        if w in _PEOPLE or (w.endswith("s") and len(w) > 3):
            break
    return False


def _not_present(toks: list[_Tok], q: _Qty, end: int) -> bool:
    """True when the clause makes the number expected, hoped-for or "interested"
    turnout, or the whole a share was taken from."""
    k, words = end, 0
    while k < len(toks) and words < 4:
        t = toks[k]
        if t.text in (";", ",") or t.kind == "num":
            break
        if t.kind == "word":
            if _FUTURE_AFTER.match(t.text):
                return True
            words += 1
        k += 1
    k, words = q.start - 1, 0
    while k >= 0 and words < 4:
        t = toks[k]
        if t.text in (";", ",") or t.kind == "num":
            break
        if t.kind == "word":
            if words < 3 and _FUTURE_BEFORE.match(t.text):
                return True
            # "more than half of the school's 123 students": 123 is the whole, not the crowd
            if t.text == "of" and (_word(toks, k - 1) in _SHARES or _is(toks, k - 1, "%")):
                return True
            words += 1
        k -= 1
    return False


def _phrase_start(toks: list[_Tok], q: _Qty) -> int:
    """Where the words about q begin: after q, or after the second end of its range.

    The first end of a numeric range shares what follows the second: "2 to 3 miles",
    "75 to 100 expected", "5-10 arrested".
    """
    end = q.end
    if (
        (
            _is(toks, end, "-", "to", "or", "through")
            or (_is(toks, end, "and") and _word(toks, q.start - 1) == "between")
        )
        and end + 1 < len(toks)
        and toks[end + 1].kind == "num"
    ):
        end += 2
    return end


def _is_label(toks: list[_Tok], k: int) -> bool:
    """True when token k is a label word that makes the number after it an identifier."""
    if _word(toks, k) not in _ID_WORDS:
        return False
    # "every day 50", "the first day 300", "a local 50": a plain noun, then a count.
    return _word(toks, k - 1) not in _PLAIN_NOUN_BEFORE


def _in_glued_parens(toks: list[_Tok], i: int) -> bool:
    """True when token i sits inside parentheses glued to a word or number: "alert(1)"."""
    k = i - 1
    while k >= 0 and toks[k].text not in ("(", ")", ";") and i - k <= 8:
        k -= 1
    return (
        k > 0 and toks[k].text == "(" and toks[k].attached and toks[k - 1].kind in ("word", "num")
    )


def _outcome_word(w: str) -> str:
    if w in _DETAINED:
        return "detained"
    if w in _HARMED:
        return "harmed"
    return ""


def _outcome(toks: list[_Tok], q: _Qty) -> str:
    """ "detained"/"harmed" when q counts people arrested or hurt, not a crowd; else ""."""
    # After: "5 arrested", "12 people were later arrested", "5-10 detained", "2 dead".
    k = _phrase_start(toks, q)
    noun_done, words = False, 0
    while k < len(toks) and words < 6:
        t = toks[k]
        if t.kind == "punct" and t.text in ("-", "'", '"', "`"):
            k += 1
            continue
        if t.kind != "word":
            break
        w = t.text
        if _outcome_word(w):
            return _outcome_word(w)
        if noun_done or w in _STOP_WORDS:
            if w not in _OUTCOME_AUX:
                break
            noun_done = True
        elif w in _PEOPLE or (w.endswith("s") and len(w) > 3):
            noun_done = True  # the head noun: "5 protesters ..."
        elif w.endswith("ed") or words >= 2:
            break  # a verb ("40 played dead") or no head noun within reach
        k += 1
        words += 1
    # Before: "arrested 5", "arrests: 5", "the arrest of 5", "injuring at least 3".
    k, words = q.start - 1, 0
    while k >= 0 and words < 3:
        t = toks[k]
        if t.kind == "punct" and t.text in (":", "-", "="):
            k -= 1
            continue
        if t.kind != "word":
            break
        if t.text not in _OUTCOME_AFTER_ONLY and _outcome_word(t.text):
            return _outcome_word(t.text)
        if t.text not in _LEAD_WORDS and t.text not in ("of", "were", "was"):
            break
        k -= 1
        words += 1
    return ""


def _quantities(toks: list[_Tok]) -> Iterator[_Qty]:
    """Every quantity that could count people, huge ones included."""
    i = 0
    while i < len(toks):
        q = _read_qty(toks, i)
        if q is None or q.end <= i:
            i += 1
            continue
        if q.value >= 0 and not _not_a_head_count(toks, q):
            yield q
        i = q.end


def _find_quantities(toks: list[_Tok]) -> list[_Qty]:
    out = [q for q in _quantities(toks) if q.value < _MAX_CROWD]
    for q in out:
        q.outcome = _outcome(toks, q)
    return out


def _between(toks: list[_Tok], a: _Qty, b: _Qty) -> list[_Tok]:
    return toks[a.end : b.start]


def _is_range(toks: list[_Tok], a: _Qty, b: _Qty) -> bool:
    gap = [t for t in _between(toks, a, b) if t.text not in _LEAD_WORDS or t.text == "to"]
    if len(gap) != 1:
        return False
    c = gap[0].text
    if c in ("-", "to", "or", "through", "thru"):
        return True
    before = {_word(toks, a.start - 1), _word(toks, a.start - 2)}
    return c == "and" and "between" in before


@dataclass(slots=True)
class _Est:
    low: float
    high: float
    start: int
    end: int
    outcome: str = ""  # as _Qty.outcome: an estimate of people arrested or hurt
    backwards: bool = False  # written high to low ("9,000 to 6,000")


def _ranges(toks: list[_Tok], qs: list[_Qty]) -> list[_Est]:
    """Pair quantities joined as a range; every other quantity is a point estimate."""
    ests: list[_Est] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs) and _is_range(toks, a, qs[i + 1]):
            b = qs[i + 1]
            lo = a.value
            if a.plain and not math.isnan(b.mult) and a.value <= b.base:
                lo = a.value * b.mult  # "three to four dozen", "two or three hundred"
            elif a.plain and not a.comma and b.comma and b.plain:
                for scale in (1_000, 1_000_000):
                    if lo * scale <= b.value < lo * scale * 10:
                        lo *= scale  # "50-60,000" = 50,000 to 60,000
                        break
            hi = b.value
            if (
                b.plain
                and not math.isnan(a.mult)
                and a.base < b.value < a.value
                and b.value * a.mult < _MAX_CROWD  # "1 million to 1000" is no billion
            ):
                hi = b.value * a.mult  # "a dozen or two" = 12 to 24
            ests.append(
                _Est(min(lo, hi), max(lo, hi), a.start, b.end, a.outcome or b.outcome, lo > hi)
            )
            i += 2
        else:
            ests.append(_Est(a.value, a.value, a.start, a.end, a.outcome))
            i += 1
    return ests


def _join(toks: list[_Tok], prev: _Est, est: _Est) -> str:
    """How est relates to prev: "add" (more people), "list" (a comma in a list), or ""."""
    # An outcome count next to a head count is part of the crowd ("300 people and 5
    # arrested") or apart from it ("200; 2 injured"); only the coder's sum adds it.
    mixed = prev.outcome != est.outcome
    lead = [t.text for t in toks[max(prev.end, est.start - 2) : est.start]]
    if ("another" in lead or "additional" in lead) and not mixed:
        return "add"  # "another 600", "an additional 50", even across a semicolon
    if _is(toks, prev.end, "more") and not _is(toks, prev.end + 1, "than"):
        return ""  # "hundreds more" is handled from the other side
    if _is(toks, est.end, "of") and _word(toks, est.end + 1) in (
        "them", "whom", "those", "these", "which", "the",
    ):  # fmt: skip
        return ""  # "200 people and 50 of them": a subset
    texts = [t.text for t in toks[prev.end : est.start] if t.text not in _QUOTES]
    conn = next((k for k, w in enumerate(texts) if w in ("+", "plus", "and", "&", ",")), -1)
    if conn < 0:
        return ""
    before, word, rest = texts[:conn], texts[conn], texts[conn + 1 :]
    if word == "," and rest[:1] in (["and"], ["plus"], ["&"]):
        word, rest = rest[0], rest[1:]  # Oxford comma
    if mixed and word not in ("+", "plus"):
        return ""
    if len(before) > 3 or any(w not in _LEAD_WORDS for w in rest):
        return ""
    if any(not w.isalpha() and w != "-" for w in before):
        return ""
    if word in ("+", "plus"):
        return "add"  # "about 30 + at least 10", "200 on foot plus dozens of cars"
    # "and" and list commas join counted groups only after a noun: "seven men and one
    # woman" is 8, but "between 30 and 40", "50 and 100 people", "hundreds, about 1,000"
    # are alternatives.
    nouns = [w for w in before if w not in _LEAD_WORDS and w != "-"]
    if not nouns or _word(toks, prev.start - 1) == "between":
        return ""
    return "list" if word == "," else "add"


def _estimates(toks: list[_Tok], qs: list[_Qty]) -> list[_Est]:
    """Group quantities into estimates: ranges, then sums of counted groups."""
    ests = _ranges(toks, qs)
    out: list[_Est] = []
    i = 0
    while i < len(ests):
        # A list "50 vehicles, two dozen pedestrians and one woman" sums when it ends
        # with a joining word; a comma alone leaves alternatives apart.
        j = i
        while j + 1 < len(ests) and _join(toks, ests[j], ests[j + 1]) == "list":
            j += 1
        if j + 1 < len(ests) and _join(toks, ests[j], ests[j + 1]) == "add":
            j += 1
        elif j > i:
            j = i
        group = ests[i : j + 1]
        while (
            j + 1 < len(ests)
            and _is(toks, ests[j + 1].end, "more")
            and not _is(toks, ests[j + 1].end + 1, "than")
            and ests[j + 1].outcome == ests[j].outcome  # "about 300; 5 more arrested"
        ):
            j += 1  # "about 150 and hundreds more", "about 60; 30 more"
            group.append(ests[j])
        # A coder's sum with a head count ("350 outside + 48 arrested") is a head count.
        outcome = "" if any(not e.outcome for e in group) else group[0].outcome
        out.append(
            _Est(
                sum(e.low for e in group),
                sum(e.high for e in group),
                group[0].start,
                group[-1].end,
                outcome,
            )
        )
        i = j + 1
    return out


# ------------------------------------------------------------------------- public API


# parse_sizes and size_qualifiers both read each distinct text; parse it once per process.
@lru_cache(maxsize=1 << 16)
def _parse_text(text: str) -> SizeEstimate:
    toks = _tokenise(_normalise(text))
    ests = _estimates(toks, _find_quantities(toks))
    # Outcome counts are not crowd sizes; arrests of participants alone ("26 arrested")
    # are the only size the text gives, and CCC coders record them as such.
    ests = [e for e in ests if not e.outcome] or [e for e in ests if e.outcome == "detained"]
    if not ests:
        return _EMPTY
    low = min(e.low for e in ests)
    high = max(e.high for e in ests)
    if high >= _MAX_CROWD:  # a unit lent or a sum can reach it ("million-1000")
        return _EMPTY
    return SizeEstimate(float(np.round(low)), float(np.round(high)))


def parse_size(text: object) -> SizeEstimate:
    """Parse one CCC ``size_text`` into (low, high) people, following the Phase-3 rules.

    Never raises: None, NaN, unreadable text and imagery markers give (nan, nan).

    >>> parse_size("Some 4,000-5,000 high school students and many more")
    SizeEstimate(low=4000.0, high=5000.0)
    >>> parse_size("several dozen; more than 50")
    SizeEstimate(low=36.0, high=50.0)
    >>> parse_size("count pic")
    SizeEstimate(low=nan, high=nan)
    """
    if text is None or isinstance(text, bool):
        return _EMPTY
    if isinstance(text, numbers.Real):
        try:
            value = float(text)
        except (TypeError, ValueError, OverflowError):
            return _EMPTY
        if not 0 <= value < _MAX_CROWD:  # also NaN and infinities
            return _EMPTY
        value = float(np.round(value))
        return SizeEstimate(value, value)
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return _EMPTY
    try:
        if _unreadable(text):  # "1e9" is no number at all, never 9; "-500" never 500
            return _EMPTY
        return _parse_text(text)
    except Exception:  # noqa: BLE001 - the contract is "never raises"; bad text is NaN
        return _EMPTY


def parse_sizes(texts: pd.Series) -> pd.DataFrame:
    """Parse a Series of ``size_text`` into ``size_low``/``size_high`` (float64).

    Each distinct value is parsed once and mapped back, so a million rows with a few
    thousand distinct strings cost little more than the distinct parsing.

    >>> parse_sizes(pd.Series(["dozens", "30-40", None, "dozens"]))
       size_low  size_high
    0      24.0       24.0
    1      30.0       40.0
    2       NaN        NaN
    3      24.0       24.0
    """
    d = distinct(texts)
    parsed = [parse_size(v) for v in d.values]
    low = d.spread(np.array([p.low for p in parsed], dtype="float64"), NAN)
    high = d.spread(np.array([p.high for p in parsed], dtype="float64"), NAN)
    return pd.DataFrame({"size_low": low, "size_high": high}, index=d.index)


# A minus sign touching a number, not a range dash: "-500", "about -500", "(-20)";
# "4,000-5,000" and "4,000 -5,000" are ranges.
_MINUS = re.compile(r"(?<![\w.,])-(?=\d)|\b(?:minus|negative)\s+(?=\d)")


# Numbers written in a notation the parser does not code: each would otherwise be read as
# another number ("1e9" as 9, "10^6" as 10, "1,0,0,0" as 0 to 1), so it is refused with
# its reason and the words are kept for a person to read.
_NOTATIONS = [
    (re.compile(r"(?<![\w.])\d+(?:\.\d+)?e[+-]?\d+(?!\w)"), "scientific notation is"),
    (re.compile(r"\d\s*(?:\^|\*\*)\s*\d"), "a power is"),
    (re.compile(r"(?<![\w.])0[xbo][0-9a-f]+(?!\w)"), "a hexadecimal, binary or octal number is"),
    (re.compile(r"\d_\d"), "underscores between digits are"),
    (re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3}){2,}(?![\w.])"), "periods between digit groups are"),
    (re.compile(r"(?<![\w.,])\d{1,3}(?: 0\d\d)+(?![\w.,])"), "spaces between digit groups are"),
]
# Digits with commas: only groups of three after the first ("1,000", "12,500.5") are a number.
_COMMA_NUMBER = re.compile(r"(?<![\w.,])\d+(?:,\d+)+(?:\.\d+)?(?![\w])")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# A plus sign touching the first number: "+500" ("500+" and "500 or more" are coded).
_PLUS = re.compile(r"^[^\d]*?(?<![\w.,])\+(?=\d)")


@lru_cache(maxsize=1 << 16)
def _unreadable(text: str) -> str:
    """Why a number in the words cannot be read as written (a notation the parser does not
    code, or a minus sign), or "": such words give no number at all, never another one."""
    words = _normalise(text)
    for pattern, what in _NOTATIONS:
        if pattern.search(words):
            return f"{what} not coded (write the number out): {quote(text)}"
    if any(not _THOUSANDS.fullmatch(m.group()) for m in _COMMA_NUMBER.finditer(words)):
        return f"commas that do not group digits in threes are not coded: {quote(text)}"
    if _PLUS.search(words):
        return f"a plus sign before a number is not coded (500+ is): {quote(text)}"
    for m in _MINUS.finditer(words):
        before = words[: m.start()].rstrip()
        if not before or not before[-1].isdigit():
            return f"a negative number is not a crowd size: {quote(text)}"
    return ""


@lru_cache(maxsize=1 << 16)
def _text_problem(text: str) -> str:
    unreadable = _unreadable(text)
    if unreadable:
        return unreadable
    words = _normalise(text)
    toks = _tokenise(words)
    qs = list(_quantities(toks))
    if any(q.value >= _MAX_CROWD for q in qs):
        return f"more people than any crowd (a billion or more): {quote(text)}"
    if any(e.backwards for e in _ranges(toks, qs)):
        return f"range runs from high to low, so one end may be a typo: {quote(text)}"
    if any(e.high >= _MAX_CROWD for e in _estimates(toks, qs)):
        return f"more people than any crowd (a billion or more): {quote(text)}"
    return ""


def size_problem(text: object) -> str:
    """Why crowd-size words cannot be coded as written, or ``""`` when they can.

    :func:`parse_size` never raises; cleaning asks this first, so a typo a reporter must
    check is rejected with its reason instead of charted: a number in a notation the
    parser does not code ("1e9", "10^6", "0x1F4", "+500", "1,0,0,0": :func:`parse_size`
    gives no number for these, never another one), a negative number, a range written
    high to low (which end is wrong?), or a number of a billion or more.

    >>> size_problem("9,000 to 6,000")
    "range runs from high to low, so one end may be a typo: '9,000 to 6,000'"
    >>> size_problem("-500"), size_problem("6,000 to 9,000"), size_problem(None)
    ("a negative number is not a crowd size: '-500'", '', '')
    """
    if isinstance(text, bool) or text is None:
        return ""
    try:
        if isinstance(text, numbers.Real):
            value = float(text)
            if value < 0:
                return f"a negative number is not a crowd size: {text!r}"
            return f"more people than any crowd: {text!r}" if value >= _MAX_CROWD else ""
        return _text_problem(text) if isinstance(text, str) else ""
    except Exception:  # noqa: BLE001 - as parse_size: never raises
        return ""


def size_problems(texts: pd.Series) -> pd.Series:
    """Vectorised :func:`size_problem` (``str`` dtype, same index); each distinct text once.

    >>> size_problems(pd.Series(["hundreds", None, "-5"])).tolist()
    ['', '', "a negative number is not a crowd size: '-5'"]
    """
    return map_distinct(texts, size_problem, missing="", dtype="str")


# How firm a coded number is, read from the words (CCC codes them all as one number).
_AT_LEAST = re.compile(
    r"\b(?:over|more than|at least|upwards? of|in excess of|or more|plus|and more|"
    r"hundreds|thousands|dozens|scores|millions|tens|several|few|handful|couple)\b|\d\s*\+",
)
_AT_MOST = re.compile(r"\b(?:up to|nearly|almost|fewer than|less than|under|as many as|close to)\b")
_ABOUT = re.compile(
    r"\b(?:about|around|approximately|approx|roughly|some|estimated|an estimated|"
    r"or so|est|circa|ca)\b"
)

#: Values of :func:`size_qualifier`, for charts that mark floors, ceilings and ranges.
QUALIFIERS = ("exact", "about", "at least", "at most", "range", "")


def size_qualifier(text: object) -> str:
    """How firm the number in a crowd-size text is: a label for charts and notes.

    ``"range"`` (the words give two ends), ``"at least"`` (a floor: "over 1,000",
    and fuzzy words CCC reads at their lowest: "thousands", "several hundred"),
    ``"at most"`` ("up to 50", "nearly 1,000"), ``"about"`` ("around 100"),
    ``"exact"``, or ``""`` when the words give no number.

    >>> [size_qualifier(t) for t in ["Over 1,000", "Thousands", "6,000 to 9,000", "Around 50,000"]]
    ['at least', 'at least', 'range', 'about']
    >>> size_qualifier("count pic"), size_qualifier("37")
    ('', 'exact')
    """
    est = parse_size(text)
    if math.isnan(est.low):
        return ""
    if est.high > est.low:
        return "range"
    if not isinstance(text, str):
        return "exact"
    words = _normalise(text)
    if _AT_LEAST.search(words):
        return "at least"
    if _AT_MOST.search(words):
        return "at most"
    if _ABOUT.search(words):
        return "about"
    return "exact"


def size_qualifiers(texts: pd.Series) -> pd.Series:
    """Vectorised :func:`size_qualifier` (``str`` dtype, same index); each distinct text once.

    >>> size_qualifiers(pd.Series(["hundreds", None, "30-40"])).tolist()
    ['at least', '', 'range']
    """
    return map_distinct(texts, size_qualifier, missing="", dtype="str")


def size_mean(low: pd.Series, high: pd.Series) -> pd.Series:
    """CCC ``size_mean``: mean of low and high rounded half to even.

    Low when high is missing, high when only low is missing, NaN when both are.

    >>> size_mean(pd.Series([25.0, 10.0, 5.0, None]), pd.Series([50.0, 15.0, None, None]))
    0    38.0
    1    12.0
    2     5.0
    3     NaN
    dtype: float64
    """
    lo = pd.to_numeric(pd.Series(low), errors="coerce").astype("float64")
    hi = pd.to_numeric(pd.Series(high), errors="coerce").astype("float64")
    hi.index = lo.index
    mean = np.round((lo + hi) / 2)  # numpy rounds half to even, like CCC's R compiler
    return mean.fillna(lo).fillna(hi).rename(None)


def size_cat(mean: pd.Series) -> pd.Series:
    """CCC ``size_cat`` from ``size_mean``: 0 unknown, 1 <100, 2 <1,000, 3 <10,000, 4 10,000+.

    A known mean of 0 falls in category 1, as in CCC's compiled files.

    >>> size_cat(pd.Series([None, 24.0, 200.0, 2000.0, 20000.0])).tolist()
    [0, 1, 2, 3, 4]
    """
    m = pd.to_numeric(pd.Series(mean), errors="coerce").astype("float64").to_numpy()
    with np.errstate(invalid="ignore"):
        cat = np.select(
            [m >= 10_000, m >= 1_000, m >= 100, m >= 0], [4, 3, 2, 1], default=0
        ).astype("int64")
    return pd.Series(cat, index=pd.Series(mean).index, dtype="int64")


_IMAGERY = re.compile(
    r"\b(?:count(?:ed|ing)?|countpics?|pics?|pictures?|photos?|photographs?|images?|imagery"
    r"|videos?|vids?|footage|livestream|eye\s?witness(?:es)?)\b"
    r"|^\s*(?:fb|facebook)\s*[:;]?\s*$",  # "count: FB" or a bare "FB:" cites the event page
    re.IGNORECASE,
)


def _imagery_only(text: object) -> bool:
    if not isinstance(text, str) or not _IMAGERY.search(text):
        return False
    # Same tokens as the parser, so a flagged text always parses to NaN.
    toks = _tokenise(_normalise(text))
    return not any(t.kind == "num" or t.text in _NUMBER_WORDS for t in toks)


def is_imagery_count(texts: pd.Series) -> pd.Series:
    """True where the coder counted from a photo/video, a witness or Facebook, unwritten.

    These rows (``count pic``, ``count video``, ``eyewitness``, ``count: FB`` ...) carry
    no number in the text, so their coded numbers cannot come from it; a marker next to
    a number the coder wrote down ("20 (picture)", "Photo: dozens") is not flagged.

    >>> is_imagery_count(pd.Series(["count pic", "Photo: dozens", "count: FB", None])).tolist()
    [True, False, True, False]
    """
    return map_distinct(texts, _imagery_only, missing=False, dtype=bool)
